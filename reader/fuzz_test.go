package reader

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, data string
		want       Format
	}{
		{"a.txt", "خبر عادي\nسطر ثان", Text},
		{"a.txt", "<!DOCTYPE html><html><body><p>نص</p></body></html>", HTML},
		{"rss.php", `<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`, Feed},
		{"x", `<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom"></feed>`, Feed},
		{"x", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`, Feed},
		{"x", "\xef\xbb\xbf  <html>", HTML},
		{"x", "<div class=a>نص</div>", HTML},
		{"x", "WARC/1.1\r\n", WARC},
		{"x", "PK\x03\x04rest", Zip},
		{"x.json", "[{\"title\": \"a\"}]", JSON},
		{"x", "{\"title\": \"a\",\n \"body\": \"b\"}", JSON},
		{"x", "{\"title\": \"a\"}\n{\"title\": \"b\"}\n", JSONL},
		{"x.jsonl", "{\"title\": \"a\"}", JSONL},
		{"x.txt", "[صورة] خبر", Text},
		{"x.html", "نص قبل الوسوم <p>فقرة</p>", HTML},
		{"x", "\x1f\x8b\x08\x00junk", Gzip},
		{"x", "", Text},
	}
	for _, tt := range tests {
		if got := Detect([]byte(tt.data), tt.name); got != tt.want {
			t.Errorf("Detect(%q, %q) = %q, want %q", firstRunes(tt.data, 30), tt.name, got, tt.want)
		}
	}
	// By content, not extension.
	for file, want := range map[string]Format{"crawl.warc.gz": WARC, "bundle.zip": Zip, "rss.xml": Feed, "snn.json": JSON, "snn.jsonl": JSONL} {
		data, err := os.ReadFile(filepath.Join("testdata", file))
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(data[:min(len(data), sniffLen)], "input.txt"); got != want {
			t.Errorf("Detect(%s as input.txt) = %q, want %q", file, got, want)
		}
	}
}

func seedCorpus(f *testing.F) {
	for _, file := range []string{"news-page.html", "rss.xml", "atom.xml", "snn.json", "snn.jsonl", "marsad-export.json",
		"plain-cp1256.txt", "crawl.warc.gz", "bundle.zip", "malformed/broken-line.jsonl", "malformed/wrong-shape.json"} {
		if b, err := os.ReadFile(filepath.Join("testdata", file)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`[{"title": "a", "body": "b", "published": "2023-13-45"}]`))
	f.Add([]byte(`{"content": "نص"}{"content": "نص"}`))
}

func FuzzDetect(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		switch Detect(data, "x") {
		case Text, HTML, Feed, WARC, JSON, JSONL, Zip, Gzip:
		default:
			t.Fatal("unknown format")
		}
	})
}

// FuzzWalk feeds arbitrary bytes to every reader through stdin: no panic,
// no hang, errors are one-line InputErrors, records hold valid UTF-8.
func FuzzWalk(f *testing.F) {
	seedCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Walk(context.Background(), []string{"-"}, bytes.NewReader(data), Options{MaxSize: 1 << 20}, func(r *Record, err error) error {
			if err != nil {
				var ie *marsad.InputError
				if !errors.As(err, &ie) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("bad error %q", err)
				}
				return nil
			}
			if r.Article != nil {
				if !utf8.ValidString(r.Article.Body) || !utf8.ValidString(r.Article.Title) {
					t.Fatalf("invalid UTF-8 in %s", r.Source)
				}
			} else if !utf8.Valid(r.Data) {
				t.Fatalf("invalid UTF-8 text in %s", r.Source)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzJSON checks the JSON record decoder alone: a record either decodes
// with a body or fails with a marsad sentinel.
func FuzzJSON(f *testing.F) {
	f.Add([]byte(`{"source":"s","url":"u","date_extracted":"2015-07-21 19:28:17","title":"t","author":"","content":"نص"}`))
	f.Add([]byte(`{"title":"t","body":"b","published":"2023-09-26T21:15:00Z","updated":null}`))
	f.Add([]byte(`{"title":5}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := decodeArticle(data)
		if err != nil {
			if !errors.Is(err, marsad.ErrMalformed) && !errors.Is(err, marsad.ErrNoBody) && !errors.Is(err, marsad.ErrInvalidUTF8) {
				t.Fatalf("error %v wraps no sentinel", err)
			}
			return
		}
		if rec.Article.Body == "" {
			t.Fatal("record without body")
		}
		if rec.RawDate != "" && !rec.Article.Published.IsZero() {
			t.Fatal("RawDate with a parsed date")
		}
	})
}
