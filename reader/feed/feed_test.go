package feed

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
	"golang.org/x/text/encoding/charmap"
)

func TestParseRSS(t *testing.T) {
	data, err := os.ReadFile("../testdata/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "أخبار المثال" || f.Language != "ar" || len(f.Items) != 3 {
		t.Fatalf("feed %q lang %q with %d items", f.Title, f.Language, len(f.Items))
	}
	tests := []struct {
		published, raw, author string
		summary                bool
	}{
		{"2023-09-26T21:15:00Z", "", "فريق التحرير", false},
		{"", "الجمعة، 23 فبراير 2018 10:00", "", true},
		{"2020-05-20", "", "", true},
	}
	for i, tt := range tests {
		it := f.Items[i]
		if got := it.Article.Published.String(); got != tt.published || it.RawDate != tt.raw {
			t.Errorf("item %d: published %q raw %q, want %q raw %q", i+1, got, it.RawDate, tt.published, tt.raw)
		}
		if it.Article.Author != tt.author || it.Summary != tt.summary {
			t.Errorf("item %d: author %q summary %v, want %q %v", i+1, it.Article.Author, it.Summary, tt.author, tt.summary)
		}
		if it.Article.URL == "" || it.Article.Title == "" || it.Article.Body == "" || it.Article.Outlet != "أخبار المثال" {
			t.Errorf("item %d: %+v", i+1, it.Article)
		}
		if strings.ContainsAny(it.Article.Body, "<>") || strings.Contains(it.Article.Body, "alert") {
			t.Errorf("item %d: markup in body %q", i+1, it.Article.Body)
		}
	}
}

func TestParseAtom(t *testing.T) {
	data, err := os.ReadFile("../testdata/atom.xml")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items", len(f.Items))
	}
	a := f.Items[0].Article
	if a.Published.String() != "2017-03-15T08:00:00Z" || a.Updated.String() != "2017-03-15T08:30:00Z" {
		t.Errorf("published %v updated %v", a.Published, a.Updated)
	}
	if a.URL != "https://maghreb.example/news/4471" || strings.Count(a.Body, "\n") != 1 {
		t.Errorf("url %q body %q", a.URL, a.Body)
	}
}

func TestParseWindows1256(t *testing.T) {
	src := `<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>موقع</title>
<item><title>خبر عاجل</title><link>http://x.example/1</link><description>نص الخبر</description></item></channel></rss>`
	data, err := charmap.Windows1256.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Items[0].Article.Title != "خبر عاجل" || f.Items[0].Article.Body != "نص الخبر" {
		t.Errorf("item %+v", f.Items[0].Article)
	}
}

func TestParseErrors(t *testing.T) {
	broken, err := os.ReadFile("../testdata/malformed/broken-feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"broken": broken,
		"html":   []byte("<html><body>لا</body></html>"),
		"junk":   []byte("\x00\x01\x02"),
	} {
		if _, err := Parse(data); !errors.Is(err, marsad.ErrMalformed) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: err = %v, want one-line ErrMalformed", name, err)
		}
	}
	if _, err := Parse(nil); !errors.Is(err, marsad.ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"../testdata/rss.xml", "../testdata/atom.xml", "../testdata/malformed/broken-feed.xml"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`<rss><channel><item><title>أ</title><pubDate>غدا</pubDate></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data)
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it.RawDate != "" && !it.Article.Published.IsZero() {
				t.Errorf("RawDate %q set with a parsed date", it.RawDate)
			}
			if strings.Contains(it.Article.Title, "\n") {
				t.Errorf("title has a newline: %q", it.Article.Title)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("../testdata/rss.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
