package arabic_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"hamza on alef", "أحمد إبراهيم آذار ٱلله", "احمد ابراهيم اذار الله"},
		{"seated hamza folds together", "المسؤولين", arabic.Normalize("المسئولين")},
		{"ta marbuta", "سورية", "سوريه"},
		{"alef maqsura", "مصطفى", "مصطفي"},
		{"tashkeel", "مِجْهَار سياسيًّا إنّ", "مجهار سياسيا ان"},
		{"tatweel", "ـــحفتر", "حفتر"},
		{"bidi marks", "\u200fحفتر\u200e", "حفتر"},
		{"arabic-indic digits", "٢٦/٩/٢٠٢٣ ۱۲", "26/9/2023 12"},
		{"presentation forms", "ﻻ", "لا"},
		{"latin lower", "Mig-29", "mig-29"},
		{"spaces", "  خليفة \t\n حفتر ", "خليفه حفتر"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := arabic.Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q (% x), want %q (% x)", tt.in, got, got, tt.want, tt.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"keeps tashkeel and hamza", "مِجْهَار أحمد", "مِجْهَار أحمد"},
		{"drops tatweel and bidi", "حفـــتر\u200f", "حفتر"},
		{"folds spaces, keeps lines", "a\u00a0 b\n  c", "a b\nc"},
		{"invalid utf-8", "a\xffb", "a\ufffdb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := arabic.Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenize(t *testing.T) {
	s := "وصل حفتر، الثلاثاء 26 سبتمبر/أيلول 2023 إلى “موسكو” الساعة 21:15 (11,470 قتيلاً)."
	var got []string
	for _, tok := range arabic.Tokenize(s) {
		if s[tok.Start:tok.End] != tok.Text {
			t.Fatalf("token %q does not match text[%d:%d] = %q", tok.Text, tok.Start, tok.End, s[tok.Start:tok.End])
		}
		got = append(got, tok.Kind.String()[:1]+":"+tok.Text)
	}
	want := "w:وصل w:حفتر p:، w:الثلاثاء n:26 w:سبتمبر p:/ w:أيلول n:2023 w:إلى p:“ w:موسكو p:” w:الساعة n:21:15 p:( n:11,470 w:قتيلاً p:) p:."
	if strings.Join(got, " ") != want {
		t.Errorf("Tokenize:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestSentences(t *testing.T) {
	s := "قال لافروف: “نعلم بخطط التدخل. وجهة نظرنا واضحة”. وأضاف أن ذلك ممكن؟ نعم\nسطر جديد"
	toks := arabic.Tokenize(s)
	var got []string
	for _, sen := range arabic.Sentences(s, toks) {
		got = append(got, s[toks[sen.From].Start:toks[sen.To-1].End])
	}
	want := []string{
		"قال لافروف: “نعلم بخطط التدخل. وجهة نظرنا واضحة”.",
		"وأضاف أن ذلك ممكن؟",
		"نعم",
		"سطر جديد",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences:\n got %q\nwant %q", got, want)
	}

	// A one-letter title's period is no sentence end; an era's after a
	// number may be.
	s = "وأكد د. علام أن الثورة مستمرة. وقال م. محمد الفهيد إن العمل بدأ عام 2015 م. وانتهى أمس"
	toks = arabic.Tokenize(s)
	got = got[:0]
	for _, sen := range arabic.Sentences(s, toks) {
		got = append(got, s[toks[sen.From].Start:toks[sen.To-1].End])
	}
	want = []string{"وأكد د. علام أن الثورة مستمرة.", "وقال م. محمد الفهيد إن العمل بدأ عام 2015 م.", "وانتهى أمس"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences:\n got %q\nwant %q", got, want)
	}
}

func TestSplitClitics(t *testing.T) {
	tests := []struct{ in, prefix, base string }{
		{"بروسيا", "ب", "روسيا"},
		{"لليبيا", "ل", "ليبيا"},
		{"ليبيا", "", "ليبيا"},
		{"بنغازي", "", "بنغازي"},
		{"والمدن", "وال", "مدن"},
		{"بواشنطن", "ب", "واشنطن"},
		{"واشنطن", "", "واشنطن"},
		{"وأضاف", "و", "اضاف"},
		{"قال", "", "قال"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c := arabic.SplitClitics(arabic.Normalize(tt.in))
			if c.Prefix != tt.prefix || c.Base != arabic.Normalize(tt.base) {
				t.Errorf("SplitClitics(%s) = %q + %q, want %q + %q", tt.in, c.Prefix, c.Base, tt.prefix, tt.base)
			}
		})
	}
}

// Search must treat these pairs as the same word (issue 2, point 8).
func TestStemMatches(t *testing.T) {
	pairs := [][2]string{
		{"بروسيا", "روسيا"},
		{"المسئولين", "المسؤولين"},
		{"الروسية", "الروسي"},
		{"بموسكو", "موسكو"},
		{"لليبيا", "ليبيا"},
		{"سورية", "سوري"},
		{"وأضاف", "أضاف"},
	}
	for _, p := range pairs {
		a, b := arabic.Stem(arabic.Normalize(p[0])), arabic.Stem(arabic.Normalize(p[1]))
		if a != b {
			t.Errorf("Stem(%s) = %s, Stem(%s) = %s: want equal", p[0], a, p[1], b)
		}
	}
}

func TestTermsDropStopwords(t *testing.T) {
	var got []string
	for _, term := range arabic.Terms("وصل حفتر إلى موسكو في 2023 وقال إنّ ذلك") {
		got = append(got, term.Term)
	}
	want := "وصل حفتر موسكو 2023 قال"
	if strings.Join(got, " ") != want {
		t.Errorf("Terms = %q, want %q", strings.Join(got, " "), want)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"مِجْهَار", "ﻻ ﺍﻟﻠﻪ", "\u200fحفتر", "٢٦/٩", "a\xffb", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := arabic.Normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) is not valid UTF-8", s)
		}
		if arabic.Normalize(n) != n {
			t.Fatalf("Normalize not idempotent on %q: %q then %q", s, n, arabic.Normalize(n))
		}
		_ = arabic.Stem(n)
	})
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"وصل حفتر، 2023/09/26 “موسكو”.", "1,", "a\xff\x00b", "\n\n؟"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := arabic.Tokenize(s)
		prev := 0
		for _, tok := range toks {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
				t.Fatalf("bad offsets %d..%d (prev end %d, len %d) in %q", tok.Start, tok.End, prev, len(s), s)
			}
			if s[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token text mismatch in %q", s)
			}
			prev = tok.End
		}
		for _, sen := range arabic.Sentences(s, toks) {
			if sen.From >= sen.To || sen.To > len(toks) {
				t.Fatalf("bad sentence %v of %d tokens", sen, len(toks))
			}
		}
	})
}

const benchText = `وصل القائد العام للجيش الليبي الفريق أول خليفة حفتر إلى العاصمة الروسية موسكو لبحث الأزمة الليبية وطلب دعما سياسيا ولوجستيا لقواته التي تحارب تنظيم داعش في العديد من المناطق والمدن على غرار بنغازي ودرنة. وقال لافروف بعد محادثات مع نظيره التونسي خميس الجهيناوي في موسكو “نعلم بخطط التدخل العسكري بما في ذلك التدخل في الوضع في ليبيا”.`

func BenchmarkTokenize(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		arabic.Tokenize(benchText)
	}
}

func BenchmarkTerms(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		arabic.Terms(benchText)
	}
}
