package timex

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// token is an arabic.Token with the forms the grammar matches on. It points
// at the caller's token instead of copying it: prepare runs over every token
// of every article, and the copies cost more than the rest of its work.
type token struct {
	*arabic.Token
	// key is the normalized word (arabic.Normalize) with a proclitic
	// (و ف ب ل ك) removed when the rest is a word the grammar knows, so
	// that "ويونيو", "لعام" and "بتوقيت" match يونيو, عام and توقيت.
	key string
	// conj is true when the proclitic removed was و: "ويونيو" can close a
	// range "بين أبريل ويونيو".
	conj bool
	// num is the value of a plain number token (digits only, ASCII or
	// Arabic-Indic), or -1; digits is its digit count.
	num, digits int
}

// prepare computes the match keys of tokens from arabic.Tokenize.
func prepare(raw []arabic.Token) []token {
	return prepareInto(make([]token, len(raw)), raw)
}

// prepareInto is prepare writing into toks, which must have len(raw)
// tokens; it overwrites every field.
func prepareInto(toks []token, raw []arabic.Token) []token {
	for i := range raw {
		t := &raw[i]
		tk := &toks[i]
		*tk = token{Token: t, num: -1}
		switch t.Kind {
		case arabic.Number:
			tk.key = t.Text
			tk.num, tk.digits = plainNumber(t.Text)
		case arabic.Word:
			tk.key, tk.conj = stripClitic(arabic.Normalize(t.Text))
		default:
			tk.key = t.Text
		}
	}
	return toks
}

// plainNumber returns the value and digit count of a token made only of
// digits, or -1. Numbers longer than 9 digits are not dates and are
// rejected before they overflow.
func plainNumber(s string) (int, int) {
	n, d := 0, 0
	for _, r := range s {
		v, ok := arabic.Digit(r)
		if !ok || d >= 9 {
			return -1, 0
		}
		n = n*10 + int(v-'0')
		d++
	}
	if d == 0 {
		return -1, 0
	}
	return n, d
}

// numberParts splits a number token with separators ("2023/09/26",
// "21:15", "26.9.2023") into its values and the one separator it uses.
// ok is false when it mixes separators or a part is not a number.
func numberParts(s string) (parts []int, digits []int, sep rune, ok bool) {
	s = arabic.Normalize(s) // Arabic-Indic digits to ASCII
	sep = 0
	start := 0
	for i, r := range s {
		if r >= '0' && r <= '9' {
			continue
		}
		if sep == 0 {
			sep = r
		} else if r != sep {
			return nil, nil, 0, false
		}
		n, d := plainNumber(s[start:i])
		if n < 0 {
			return nil, nil, 0, false
		}
		parts, digits = append(parts, n), append(digits, d)
		start = i + utf8.RuneLen(r)
	}
	n, d := plainNumber(s[start:])
	if n < 0 {
		return nil, nil, 0, false
	}
	parts, digits = append(parts, n), append(digits, d)
	return parts, digits, sep, true
}

// stripClitic removes one proclitic from w when what remains is a known
// word. "لل" before a word is ل + ال with the alef dropped ("للعام").
func stripClitic(w string) (string, bool) {
	if known(w) {
		return w, false
	}
	if strings.HasPrefix(w, "لل") && known("ال"+w[len("لل"):]) {
		return "ال" + w[len("لل"):], false
	}
	for _, p := range []string{"و", "ف", "ب", "ل", "ك"} {
		if rest, ok := strings.CutPrefix(w, p); ok && known(rest) {
			return rest, p == "و"
		}
	}
	// وب, وفي, ول: two proclitics.
	if rest, ok := strings.CutPrefix(w, "و"); ok {
		for _, p := range []string{"ب", "ل"} {
			if r2, ok := strings.CutPrefix(rest, p); ok && known(r2) {
				return r2, true
			}
		}
	}
	return w, false
}

// known reports whether w is a word the grammar matches on. It runs on
// every word of every article (up to three times with clitics), so it is one
// lookup in knownWords, the union of the lexicons, built once in init.
func known(w string) bool {
	_, ok := knownWords[w]
	return ok
}

// knownWords is the union of the month, weekday and grammar lexicons.
var knownWords = map[string]struct{}{}

// grammarWords are the function words the rules look for.
var grammarWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		عام العام سنه السنه اعوام سنوات اعوام الاعوام السنوات عامي سنتي
		شهر الشهر اشهر شهور الاشهر الشهور شهري
		اسبوع الاسبوع اسابيع الاسابيع
		يوم اليوم ايام الايام يومي
		ساعه الساعه ساعات
		توقيت بتوقيت
		الماضي الماضيه المقبل المقبله القادم القادمه الفاءت المنصرم المنصرمه السابق الجاري الحالي الحاليه
		الاخير الاخيره
		امس الامس غدا الغد البارحه
		هذا هذه مدار مدي طيله
		منذ قبل بعد خلال طوال مطلع منتصف اواخر اواءل نهايه بدايه مستهل اواسط اخر اول اواخر اوسط اواءل
		صباح مساء ظهر عصر فجر ليل ليله صباحا مساء ظهرا عصرا فجرا ليلا
		حتي الي بين من في عند
		هجريه للهجره هجري ميلادي ميلاديه للميلاد
		`) {
		grammarWords[w] = true
	}
	for w := range numberWords {
		grammarWords[w] = true
	}
	for w := range unitWords {
		grammarWords[w] = true
	}
	for w := range gregorianMonths {
		knownWords[w] = struct{}{}
	}
	for w := range levantineMonths {
		knownWords[w] = struct{}{}
	}
	for w := range hijriMonths {
		knownWords[w] = struct{}{}
	}
	for w := range hijriPairs {
		knownWords[w] = struct{}{}
	}
	for w := range weekdays {
		knownWords[w] = struct{}{}
	}
	for w, ok := range grammarWords {
		if ok {
			knownWords[w] = struct{}{}
		}
	}
	buildStarters()
}
