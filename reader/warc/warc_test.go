package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
)

func readAll(t *testing.T, data []byte, maxSize int64) (pages []*Page, skips []string, errs []error) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(data), maxSize)
	if err != nil {
		return nil, nil, []error{err}
	}
	defer r.Close()
	r.OnSkip = func(n int, reason string) { skips = append(skips, fmt.Sprintf("%d %s", n, reason)) }
	for {
		p, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			errs = append(errs, err)
			var re *RecordError
			if errors.As(err, &re) {
				continue
			}
			return
		}
		pages = append(pages, p)
	}
}

func TestReader(t *testing.T) {
	news, err := os.ReadFile("../testdata/news-page.html")
	if err != nil {
		t.Fatal(err)
	}
	undated, err := os.ReadFile("../testdata/news-page-undated.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"crawl.warc.gz", "crawl.warc"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile("../testdata/" + file)
			if err != nil {
				t.Fatal(err)
			}
			pages, skips, errs := readAll(t, data, 20<<20)
			if len(errs) > 0 || len(pages) != 2 {
				t.Fatalf("%d pages, errors %v", len(pages), errs)
			}
			// Record 3 is gzip-encoded, record 4 chunked: both must come
			// back as the original bytes.
			if !bytes.Equal(pages[0].Body, news) || pages[0].Record != 3 {
				t.Errorf("gzip-encoded page: record %d, %d bytes, want %d", pages[0].Record, len(pages[0].Body), len(news))
			}
			if !bytes.Equal(pages[1].Body, undated) || pages[1].Record != 4 {
				t.Errorf("chunked page: record %d, %d bytes, want %d", pages[1].Record, len(pages[1].Body), len(undated))
			}
			if pages[0].URI != "https://news.example/politics/article-123.html" || pages[0].Captured.IsZero() {
				t.Errorf("uri %q captured %v", pages[0].URI, pages[0].Captured)
			}
			wantSkips := "1 warcinfo record,2 request record"
			if file == "crawl.warc.gz" {
				wantSkips += ",5 image/png,6 HTTP status 404,7 metadata record"
			}
			if got := strings.Join(skips, ","); got != wantSkips {
				t.Errorf("skips %q, want %q", got, wantSkips)
			}
		})
	}
}

func TestTruncated(t *testing.T) {
	data, err := os.ReadFile("../testdata/malformed/truncated.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	pages, _, errs := readAll(t, data, 20<<20)
	if len(pages) != 1 || len(errs) != 1 || !errors.Is(errs[0], marsad.ErrMalformed) {
		t.Errorf("%d pages, errors %v; want 1 page then one ErrMalformed", len(pages), errs)
	}
	var re *RecordError
	if len(errs) == 1 && errors.As(errs[0], &re) {
		t.Errorf("truncation reported as a record error: %v", errs[0])
	}
}

func TestTooLarge(t *testing.T) {
	data, err := os.ReadFile("../testdata/crawl.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	pages, _, errs := readAll(t, data, 1000)
	if len(pages) != 0 || len(errs) != 2 {
		t.Fatalf("%d pages, errors %v; want two ErrTooLarge", len(pages), errs)
	}
	for _, err := range errs {
		if !errors.Is(err, marsad.ErrTooLarge) {
			t.Errorf("%v is not ErrTooLarge", err)
		}
	}
}

func TestDecodeContent(t *testing.T) {
	html := []byte("<html><body><p>نص</p></body></html>")
	tests := []struct {
		name, encoding string
		body           []byte
		err            bool
	}{
		{"identity", "", html, false},
		{"already decoded", "gzip", html, false},
		{"brotli", "br", []byte{0x8b, 0x03, 0x80}, true},
		{"bad gzip", "gzip", []byte{0x1f, 0x8b, 0x08, 0x00, 0x01}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decodeContent(tt.body, tt.encoding, 1<<20)
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if err == nil && !bytes.Equal(got, html) {
				t.Errorf("got %q", got)
			}
		})
	}
}

func FuzzReader(f *testing.F) {
	for _, name := range []string{"../testdata/crawl.warc", "../testdata/crawl.warc.gz", "../testdata/malformed/truncated.warc.gz"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data), 1<<20)
		if err != nil {
			return
		}
		defer r.Close()
		for i := 0; i < 1000; i++ {
			p, err := r.Next()
			var re *RecordError
			switch {
			case err == nil:
				if int64(len(p.Body)) > 1<<20 {
					t.Fatalf("page of %d bytes over the limit", len(p.Body))
				}
			case errors.As(err, &re):
			default:
				return
			}
		}
	})
}

func BenchmarkReader(b *testing.B) {
	data, err := os.ReadFile("../testdata/crawl.warc.gz")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r, err := NewReader(bytes.NewReader(data), 20<<20)
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, err := r.Next(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
		r.Close()
	}
}
