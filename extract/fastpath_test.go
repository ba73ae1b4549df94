package extract

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The rules take shortcuts for speed (bounded word counts, byte scans in
// place of regular expressions and rune-by-rune searches, lookup tables).
// Each shortcut must answer exactly what the plain code it replaces answers;
// these tests hold them to it on random lines built from the characters the
// rules care about, and FuzzFastPaths does the same on any input.

// fastPathAlphabet holds Arabic letters, tashkeel, digits of both kinds,
// Latin, the separators and marks the rules look for, whitespace of several
// kinds, and a few invalid bytes.
var fastPathAlphabet = []string{
	"ا", "ل", "م", "ح", "د", "ع", "ي", "ه", "ة", "و", "ف", "ن", "ت", "ك", "ص", "ر", "ب", "ى", "ئ", "ؤ", "أ",
	"پ", "ڈ", "ے", "ً", "ّ", "ـ", "٣", "3", "0", "a", "C", "c", "x", "@", ".", "-", "–", "—", "/", "|", "(",
	")", "©", "،", ":", "!", "؟", "«", "»", "\u2028", "\u2029", "\u2027", "\u202f", "\n", "\r", "\t", " ", " ",
	" ", " ", "\u00a0", "\u3000", "\u200b", "Ж", "λ", "א", "中", "カ", "한", "क", "\xe2\x80", "\xff", "\x80",
	"تحديث", "اخر تعديل", "updated", "modified", "محدث", "جميع الحقوق محفوظه", "حقوق النشر", " - ", "، ",
}

func randomLine(rng *rand.Rand) string {
	var b strings.Builder
	for n := rng.IntN(60); n > 0; n-- {
		b.WriteString(fastPathAlphabet[rng.IntN(len(fastPathAlphabet))])
	}
	return b.String()
}

// wordCountRef is the word count as it was before wordCountMax: every word
// counted.
func wordCountRef(s string) int {
	n := 0
	counted := false
	for _, r := range s {
		switch {
		case r >= 0x0620 && r <= 0x064a, r >= 0x0660 && r <= 0x0669, r >= 0x0671 && r <= 0x06d3:
		case r <= ' ' || r == '\u00a0' || r == '\u0085' || r >= 0x1680 && unicode.IsSpace(r):
			counted = false
			continue
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			continue
		}
		if !counted {
			n++
			counted = true
		}
	}
	return n
}

// countScriptsRef is countScripts without its table.
func countScriptsRef(text string) scriptCounts {
	if len(text) > maxLanguageSample {
		text = text[:maxLanguageSample]
	}
	var c scriptCounts
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		c.letters++
		switch {
		case r < 0x80 || unicode.Is(unicode.Latin, r):
			c.latin++
		case unicode.Is(unicode.Arabic, r):
			c.arabic++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ', 'ی', 'ک':
				c.persian++
			case 'ٹ', 'ڈ', 'ڑ', 'ں', 'ے', 'ھ':
				c.urdu++
			}
		case unicode.Is(unicode.Cyrillic, r):
			c.cyrillic++
		case unicode.Is(unicode.Greek, r):
			c.greek++
		case unicode.Is(unicode.Hebrew, r):
			c.hebrew++
		case unicode.Is(unicode.Han, r):
			c.han++
		case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
			c.kana++
		case unicode.Is(unicode.Hangul, r):
			c.hangul++
		case unicode.Is(unicode.Devanagari, r):
			c.devanagari++
		default:
			c.other++
		}
	}
	return c
}

var (
	reUpdatedLabelRef = regexp.MustCompile(reUpdatedLabel.String())
	reGUIDRef         = regexp.MustCompile(reGUID.String())
)

// isJunkRef is isJunk without the tests that spare the expressions.
func isJunkRef(s string) bool {
	s = strings.TrimSpace(s)
	if !hasLetter(s) {
		return true
	}
	if reGUIDRef.MatchString(s) || reToken.MatchString(s) || reURLLine.MatchString(s) || reEmail.MatchString(s) {
		return true
	}
	return !hasArabicLetter(s) && (len(strings.Fields(s)) == 1 && len(s) <= 3 || looksLikeCode(s))
}

// parseNameBioRef is parseNameBio without its length bound.
func parseNameBioRef(s string) (string, bool) {
	for _, sep := range []string{" - ", " – ", " — ", "، ", " | "} {
		if i := strings.Index(s, sep); i > 0 {
			name, bio := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(sep):])
			if isNameLike(name) && isBio(bio) {
				return displayName(name), true
			}
		}
	}
	return "", false
}

func checkFastPaths(t *testing.T, s string) {
	t.Helper()
	n := wordCountRef(s)
	if got := wordCountMax(s, 1<<30); got != n {
		t.Fatalf("wordCountMax(%q, no limit) = %d, want %d", s, got, n)
	}
	for _, max := range []int{0, 1, 2, 3, 5, 12, 15, 25, 30, 40} {
		if got, want := wordCountMax(s, max), min(n, max+1); got != want {
			t.Fatalf("wordCountMax(%q, %d) = %d, want %d", s, max, got, want)
		}
	}
	if got, want := countScripts(s), countScriptsRef(s); got != want {
		t.Fatalf("countScripts(%q) = %+v, want %+v", s, got, want)
	}
	if got, want := hasUnicodeLineBreak(s), strings.ContainsRune(s, '\u2028') || strings.ContainsRune(s, '\u2029'); got != want {
		t.Fatalf("hasUnicodeLineBreak(%q) = %v", s, got)
	}
	if got, want := findUpdatedLabel(s), reUpdatedLabelRef.FindStringIndex(s); !equalInts(got, want) {
		t.Fatalf("findUpdatedLabel(%q) = %v, want %v", s, got, want)
	}
	if got, want := isJunk(s), isJunkRef(s); got != want {
		t.Fatalf("isJunk(%q) = %v, want %v", s, got, want)
	}
	name, ok := parseNameBio(s)
	if wantName, wantOK := parseNameBioRef(s); name != wantName || ok != wantOK {
		t.Fatalf("parseNameBio(%q) = %q %v, want %q %v", s, name, ok, wantName, wantOK)
	}
	if utf8.ValidString(s) {
		if got, want := lastCreditMark(s), strings.LastIndexAny(s, "/|–—-"); got != want {
			t.Fatalf("lastCreditMark(%q) = %d, want %d", s, got, want)
		}
	}
	k := lineKey(s)
	for _, p := range []string{"جميع الحقوق", "حقوق النشر", "ا", "ال م", "copyright", k} {
		if p == "" {
			continue
		}
		if got, want := containsPhrase(k, p), strings.Contains(" "+k+" ", " "+p+" "); got != want {
			t.Fatalf("containsPhrase(%q, %q) = %v, want %v", k, p, got, want)
		}
	}
	f := factsOf(s)
	if f.words != min(n, maxFactWords+1) || f.key() != k {
		t.Fatalf("factsOf(%q) = %d words, key %q", s, f.words, f.key())
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFastPathsMatchPlainCode(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for range 30000 {
		checkFastPaths(t, randomLine(rng))
	}
	for r := rune(0); r < 0x3000; r++ {
		checkFastPaths(t, "ا"+string(r)+"ب "+string(r))
		if got, want := isQuoteOrPunct(r), unicode.IsPunct(r) || unicode.IsSymbol(r); got != want {
			t.Fatalf("isQuoteOrPunct(%U) = %v", r, got)
		}
	}
}

func FuzzFastPaths(f *testing.F) {
	f.Add("جميع الحقوق محفوظة © 2023 - موقع")
	f.Add("محمد علي - كاتب وباحث")
	f.Add("آخر تحديث: 12/3/2020")
	f.Add("صورة / رويترز")
	f.Add("\xe2\x80\xe2\x80\xa8")
	f.Fuzz(func(t *testing.T, s string) {
		checkFastPaths(t, s)
	})
}
