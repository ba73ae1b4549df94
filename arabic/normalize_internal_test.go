package arabic

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// The fast paths of Normalize and Clean must agree with the general ones.
func checkFastPath(t *testing.T, s string) {
	t.Helper()
	if got, want := Clean(s), cleanSlow(s); got != want {
		t.Fatalf("Clean(%q) = %q, without the fast path %q", s, got, want)
	}
	if fast, slow := Normalize(s), normalizeSlow(s); fast != slow {
		t.Fatalf("Normalize(%q) = %q, normalizeSlow = %q", s, fast, slow)
	}
}

func TestNormalizeFastPathRunes(t *testing.T) {
	// Every rune of the table alone and after an Arabic letter, a Latin
	// letter and a space; every pair inside the Arabic block.
	for r := rune(0); r < foldTableSize; r++ {
		for _, pre := range []string{"", "ا", "و", "ي", "e", " ", "ه"} {
			checkFastPath(t, pre+string(r))
			checkFastPath(t, string(r)+pre)
		}
	}
	for r := rune(0); r < foldTableSize+0x100; r++ {
		checkFastPath(t, "x"+string(r)+"ٔ")
	}
	for a := rune(0x0600); a < 0x0700; a++ {
		for b := rune(0x0600); b < 0x0700; b++ {
			checkFastPath(t, string(a)+string(b))
		}
	}
}

func TestNormalizeFastPathRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("اأإآٱؤئءةىيکكـًٌٍَُِّْٰٕٓٔ \t\n\u00a0\u200fabcZÉé٠١٢۳.,،؛؟«»“”-")
	// Pieces the fast path must hand to NFKC: presentation forms, marks
	// that compose backwards, Hangul jamo, compatibility characters,
	// invalid bytes.
	pieces := []string{"ﻻ", "ﺍﻟﻠﻪ", "\ufeff", "😀", "\u1100\u1161", "e\u0301", "\xff", "\xe2\x80", "ﬁ", "①", "\u2126", "\u0654", "\u0653", "\u0655", "\ufffd"}
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(12) {
			switch rng.IntN(8) {
			case 0:
				b.WriteRune(rune(rng.IntN(foldTableSize + 0x100)))
			case 1:
				b.WriteString(pieces[rng.IntN(len(pieces))])
			default:
				b.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
		}
		checkFastPath(t, b.String())
	}
}

// TestNormalizeFastPathCorpus compares both paths on every word and line of
// SaudiNewsNet-derived text when /work/shared is present (never copied into
// the repository), and on the repository's examples.
func TestNormalizeFastPathCorpus(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.txt")
	if more, _ := filepath.Glob("/work/shared/seeds/*.txt"); len(more) > 0 {
		files = append(files, more...)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			checkFastPath(t, line)
			for _, w := range strings.Fields(line) {
				checkFastPath(t, w)
			}
		}
	}
}

func FuzzNormalizeFastPath(f *testing.F) {
	for _, s := range []string{"مِجْهَار", "ﻻ ﺍﻟﻠﻪ", "ؤ", "ا\u0653", "a\xffb", "\xc0\x80", "\xe0\x80\x80", "\xed\xa0\x80", "“ا”…", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFastPath(t, s) })
}

func BenchmarkNormalizeWord(b *testing.B) {
	words := strings.Fields("وصل القائد العام للجيش الليبي الفريق أول خليفة حفتر إلى العاصمة الروسية موسكو لبحث الأزمة الليبية وطلب دعما سياسيا ولوجستيا لقواته 2023 Reuters")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Normalize(w)
		}
	}
}

func BenchmarkNormalizeWordSlowPath(b *testing.B) {
	words := strings.Fields("وصل القائد العام للجيش الليبي الفريق أول خليفة حفتر إلى العاصمة الروسية موسكو لبحث الأزمة الليبية وطلب دعما سياسيا ولوجستيا لقواته 2023 Reuters")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			normalizeSlow(w)
		}
	}
}

// cleanSlow is Clean as it was before its fast path: NFC always.
func cleanSlow(s string) string {
	s = strings.ToValidUTF8(s, "\ufffd")
	return Clean(norm.NFC.String(s))
}
