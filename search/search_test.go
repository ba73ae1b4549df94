package search_test

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/search"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestParse(t *testing.T) {
	tests := []struct {
		query   string
		terms   []string
		phrases [][]string
	}{
		{"روسيا", []string{"روسيا"}, nil},
		{"بروسيا", []string{"روسيا"}, nil},
		{"المسئولين المسؤولين", []string{"مسءول"}, nil}, // one term, both spellings
		{"في بروسيا", []string{"روسيا"}, nil},           // stopword dropped
		{`"خليفة حفتر"`, nil, [][]string{{"خليف", "حفتر"}}},
		{`«خليفة حفتر» موسكو`, []string{"موسكو"}, [][]string{{"خليف", "حفتر"}}},
		{`“حفتر”`, []string{"حفتر"}, nil},                  // a one-word phrase is a term
		{`"خليفة حفتر`, nil, [][]string{{"خليف", "حفتر"}}}, // unterminated
		{`"الرئيس في موسكو"`, nil, [][]string{{"رءيس", "موسكو"}}},
		{"AND OR", []string{"and", "or"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, err := search.Parse(tt.query)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(q.Terms, tt.terms) || !reflect.DeepEqual(q.Phrases, tt.phrases) {
				t.Errorf("Parse(%s) = terms %q phrases %q, want %q %q", tt.query, q.Terms, q.Phrases, tt.terms, tt.phrases)
			}
		})
	}
}

func TestParseInvalid(t *testing.T) {
	for _, q := range []string{"", "   ", "في من", `""`, "؟!،", "\xff\xfe"} {
		_, err := search.Parse(q)
		if code := marsad.ErrorCode(err); code != marsad.EINVALID {
			t.Errorf("Parse(%q) error %v (code %q), want EINVALID", q, err, code)
		}
	}
}

func TestParseBoundsTerms(t *testing.T) {
	q, err := search.Parse(strings.Repeat("كلمة أخرى جديدة مختلفة ", 100) + `"` + strings.Repeat("عبارة طويلة ", 100) + `"`)
	if err != nil {
		t.Fatal(err)
	}
	n := len(q.Terms)
	for _, p := range q.Phrases {
		n += len(p)
	}
	if n > search.MaxQueryTerms {
		t.Errorf("query carries %d terms, want at most %d", n, search.MaxQueryTerms)
	}
}

func TestContentHash(t *testing.T) {
	a := search.ContentHash("حفتر يزور روسيا", "لقاء مع المسؤولين\nفي موسكو")
	b := search.ContentHash("حَفتر يزور روسيا", "لقاء مع المسئولين  في موسكو")
	c := search.ContentHash("حفتر يزور روسيا", "لقاء مع المسؤولين في القاهرة")
	if a != b {
		t.Errorf("hashes of spelling variants differ: %s %s", a, b)
	}
	if a == c {
		t.Errorf("hashes of different bodies are equal")
	}
	if len(a) != 64 {
		t.Errorf("hash %q is not hex SHA-256", a)
	}
}

func TestSnippet(t *testing.T) {
	m := func(s string) string { return marsad.MarkStart + s + marsad.MarkEnd }
	tests := []struct {
		name  string
		body  string
		terms []string
		words int
		want  string
	}{
		{"short body whole", "وصل الوفد إلى روسيا أمس.", []string{"روسيا"}, 30,
			"وصل الوفد إلى " + m("روسيا") + " أمس"},
		{"clitic word marked whole", "سافر بروسيا ثم عاد", []string{"روسيا"}, 30,
			"سافر " + m("بروسيا") + " ثم عاد"},
		{"other hamza spelling, tashkeel kept", "التقى المسئولينَ", []string{"مسءول"}, 30,
			"التقى " + m("المسئولينَ")},
		{"window around the match", "a b c d e f g h i j k l m n o p", []string{"h"}, 5,
			"…f g " + m("h") + " i j…"},
		{"window at start", "a b c d e f g h", []string{"a"}, 3,
			m("a") + " b c…"},
		{"window at end", "a b c d e f g h", []string{"h"}, 3,
			"…f g " + m("h")},
		{"no match gives the opening", "a b c d e f", []string{"zz"}, 3,
			"a b c…"},
		{"best cluster wins", "x a q q q q q q q a b q q", []string{"a", "b"}, 4,
			"…q " + m("a") + " " + m("b") + " q…"},
		{"lines fold, marks in text dropped", "سطر\n\nثان \ue000روسيا\ue001", []string{"روسيا"}, 30,
			"سطر ثان " + m("روسيا")},
		{"empty body", "", []string{"a"}, 30, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := search.Snippet(tt.body, tt.terms, tt.words); got != tt.want {
				t.Errorf("Snippet = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSnippetGolden runs the snippet of a few queries on the seed articles
// (storetest/testdata) against golden files; -update rewrites them.
func TestSnippetGolden(t *testing.T) {
	seeds, _ := filepath.Glob("../storetest/testdata/0*.txt")
	if len(seeds) == 0 {
		t.Skip("no seed articles")
	}
	queries := []string{"بروسيا", "المسئولين", `"خليفة حفتر"`, "درنة الفيضانات"}
	var out strings.Builder
	for _, path := range seeds {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, qs := range queries {
			q, err := search.Parse(qs)
			if err != nil {
				t.Fatal(err)
			}
			sn := search.Snippet(string(b), q.Highlight(), 0)
			sn = strings.NewReplacer(marsad.MarkStart, "[", marsad.MarkEnd, "]").Replace(sn)
			out.WriteString(filepath.Base(path) + " " + qs + "\n" + sn + "\n\n")
		}
	}
	golden := filepath.Join("testdata", "snippets.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if out.String() != string(want) {
		t.Errorf("snippets differ from %s (go test -update rewrites it):\n%s", golden, out.String())
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"روسيا", `"خليفة حفتر" موسكو`, `«»“”"`, "في من", "\xff", "AND OR NOT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := search.Parse(s)
		if err != nil {
			if marsad.ErrorCode(err) != marsad.EINVALID {
				t.Fatalf("Parse(%q) error %v is not EINVALID", s, err)
			}
			return
		}
		if len(q.Terms)+len(q.Phrases) == 0 {
			t.Fatalf("Parse(%q) gave an empty query without error", s)
		}
		for _, term := range q.Terms {
			if term == "" || !utf8.ValidString(term) || strings.ContainsAny(term, " \n") {
				t.Fatalf("Parse(%q) term %q is not one valid word", s, term)
			}
		}
		for _, p := range q.Phrases {
			if len(p) < 2 {
				t.Fatalf("Parse(%q) phrase %q has fewer than two terms", s, p)
			}
		}
		// Every term and phrase word is highlighted in snippets.
		hl := map[string]bool{}
		for _, h := range q.Highlight() {
			hl[h] = true
		}
		for _, term := range q.Terms {
			if !hl[term] {
				t.Fatalf("Parse(%q): term %q is not highlighted", s, term)
			}
		}
		for _, p := range q.Phrases {
			for _, term := range p {
				if !hl[term] {
					t.Fatalf("Parse(%q): phrase word %q is not highlighted", s, term)
				}
			}
		}
	})
}

func FuzzSnippet(f *testing.F) {
	f.Add("وصل الوفد إلى روسيا أمس.", "روسيا", 5)
	f.Add("\ue000\ue001\xff\n\n", "a", 1)
	f.Fuzz(func(t *testing.T, body, query string, words int) {
		words = words % 100
		sn := search.Snippet(body, search.Analyze(query), words)
		if !utf8.ValidString(sn) {
			t.Fatalf("snippet %q is not valid UTF-8", sn)
		}
		if strings.Count(sn, marsad.MarkStart) != strings.Count(sn, marsad.MarkEnd) {
			t.Fatalf("snippet %q has unbalanced marks", sn)
		}
		if strings.ContainsAny(sn, "\n\r") {
			t.Fatalf("snippet %q has a line break", sn)
		}
	})
}

func BenchmarkSnippet(b *testing.B) {
	body := strings.Repeat("وصل القائد العام للجيش الليبي خليفة حفتر إلى العاصمة الروسية موسكو لبحث الأزمة. ", 60)
	terms := search.Analyze("موسكو حفتر")
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		search.Snippet(body, terms, 30)
	}
}

func BenchmarkIndexText(b *testing.B) {
	body := strings.Repeat("وصل القائد العام للجيش الليبي خليفة حفتر إلى العاصمة الروسية موسكو لبحث الأزمة. ", 60)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		search.IndexText(body)
	}
}
