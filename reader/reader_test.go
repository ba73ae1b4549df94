package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
)

// collect walks paths and returns the records and the errors fn saw.
func collect(t *testing.T, paths []string, stdin []byte, opts Options) ([]*Record, []error) {
	t.Helper()
	var recs []*Record
	var errs []error
	var in *bytes.Reader
	if stdin != nil {
		in = bytes.NewReader(stdin)
	}
	err := Walk(context.Background(), paths, in, opts, func(r *Record, err error) error {
		if err != nil {
			var ie *marsad.InputError
			if !errors.As(err, &ie) {
				t.Errorf("error %v is not a *marsad.InputError", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			errs = append(errs, err)
			return nil
		}
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return recs, errs
}

func TestWalkSamples(t *testing.T) {
	tests := []struct {
		file      string
		format    Format
		n         int    // records
		title     string // of the first record
		published string // of the first record, "" for unknown
		outlet    string
		inBody    string // text the first body must contain
	}{
		{"news-page.html", HTML, 1, "حفتر يزور روسيا “بناء على دعوة من موسكو”.. سيبحث مع المسؤولين الروس التطورات في ليبيا", "2023-09-26T21:15:00Z", "عربي بوست", "يونس بيك يوفكيورف"},
		{"news-page-undated.html", HTML, 1, "حفتر يستنجد بروسيا لدعم قواته", "", "شبكة مجهار", "فايز السراج"},
		{"news-page-cp1256.html", HTML, 1, "حفتر يستنجد بروسيا لدعم قواته", "", "شبكة مجهار", "فايز السراج"},
		{"rss.xml", Feed, 3, "حفتر يزور روسيا “بناء على دعوة من موسكو”", "2023-09-26T21:15:00Z", "أخبار المثال", "وول ستريت جورنال"},
		{"atom.xml", Feed, 2, "روسيا تسعى لنيل دعم الولايات المتحدة لقائد الجيش الليبي", "2017-03-15T08:00:00Z", "المغرب اليوم", "وول ستريت جورنال"},
		{"crawl.warc.gz", WARC, 2, "حفتر يزور روسيا “بناء على دعوة من موسكو”.. سيبحث مع المسؤولين الروس التطورات في ليبيا", "2023-09-26T21:15:00Z", "عربي بوست", "يونس بيك يوفكيورف"},
		{"crawl.warc", WARC, 2, "حفتر يزور روسيا “بناء على دعوة من موسكو”.. سيبحث مع المسؤولين الروس التطورات في ليبيا", "2023-09-26T21:15:00Z", "عربي بوست", "يونس بيك يوفكيورف"},
		{"snn.jsonl", JSONL, 3, "حفتر يبحث عن مظلة عسكرية روسية", "", "example-daily", "زيارات عديدة"},
		{"snn.json", JSON, 3, "حفتر يبحث عن مظلة عسكرية روسية", "", "example-daily", "زيارات عديدة"},
		{"marsad-export.json", JSON, 2, "حفتر يزور روسيا", "2023-09-26T21:15:00Z", "عربي بوست", "فايز السراج"},
		{"bundle.zip", JSON, 10, "حفتر يبحث عن مظلة عسكرية روسية", "", "example-daily", "زيارات عديدة"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			recs, errs := collect(t, []string{filepath.Join("testdata", tt.file)}, nil, Options{})
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(recs) != tt.n {
				t.Fatalf("got %d records, want %d", len(recs), tt.n)
			}
			r := recs[0]
			if r.Format != tt.format {
				t.Errorf("format = %q, want %q", r.Format, tt.format)
			}
			a := r.Article
			if a == nil {
				t.Fatal("no article")
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if got := a.Published.String(); got != tt.published {
				t.Errorf("published = %q, want %q", got, tt.published)
			}
			if a.Outlet != tt.outlet {
				t.Errorf("outlet = %q, want %q", a.Outlet, tt.outlet)
			}
			if !strings.Contains(a.Body, tt.inBody) {
				t.Errorf("body lacks %q:\n%s", tt.inBody, a.Body)
			}
			if a.Language != "ar" {
				t.Errorf("language = %q, want ar", a.Language)
			}
			for _, r := range recs {
				if r.Format == Text {
					continue
				}
				if r.Article == nil || r.Data != nil {
					t.Errorf("%s: Article=%v Data=%d bytes, want an article only", r.Source, r.Article != nil, len(r.Data))
				}
			}
		})
	}
}

// TestHTMLBoilerplate checks that the page's navigation, share bar,
// related links, comments, footer and scripts stay out of the body.
func TestHTMLBoilerplate(t *testing.T) {
	for _, file := range []string{"news-page.html", "news-page-undated.html", "news-page-cp1256.html", "crawl.warc.gz"} {
		t.Run(file, func(t *testing.T) {
			recs, errs := collect(t, []string{filepath.Join("testdata", file)}, nil, Options{})
			if len(errs) > 0 || len(recs) == 0 {
				t.Fatalf("records %d, errors %v", len(recs), errs)
			}
			for _, r := range recs {
				body := r.Article.Body
				for _, junk := range []string{"الرئيسية", "مقالات رأي", "شارك", "واتساب", "الأكثر قراءة", "أسعار النفط",
					"التعليقات", "مقال ممتاز", "أرسل تعليقك", "تحميل المزيد", "جميع الحقوق", "تصميم الورشة", "سياسة الخصوصية",
					"<", "alert", "tracker", "dataLayer"} {
					if strings.Contains(body, junk) {
						t.Errorf("%s: body contains %q", r.Source, junk)
					}
				}
				if strings.HasPrefix(body, r.Article.Title) {
					t.Errorf("%s: body starts with the title", r.Source)
				}
				if n := strings.Count(body, "\n") + 1; n < 5 {
					t.Errorf("%s: body has %d paragraphs, want ≥5", r.Source, n)
				}
			}
		})
	}
}

func TestWalkText(t *testing.T) {
	want, err := os.ReadFile("testdata/plain-utf8.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file, encoding string
	}{
		{"plain-utf8.txt", "utf-8"},
		{"plain-cp1256.txt", "windows-1256"},
		{"plain-iso8859-6.txt", "iso-8859-6"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			recs, errs := collect(t, []string{filepath.Join("testdata", tt.file)}, nil, Options{})
			if len(errs) > 0 || len(recs) != 1 {
				t.Fatalf("records %d, errors %v", len(recs), errs)
			}
			r := recs[0]
			if r.Format != Text || r.Article != nil {
				t.Errorf("format %q, article %v; want text without article", r.Format, r.Article)
			}
			if r.Encoding != tt.encoding {
				t.Errorf("encoding = %q, want %q", r.Encoding, tt.encoding)
			}
			w := string(want)
			if tt.encoding == "iso-8859-6" {
				w = isoSafe(w)
			}
			if string(r.Data) != w {
				t.Errorf("data = %q…, want %q…", firstRunes(string(r.Data), 60), firstRunes(w, 60))
			}
		})
	}
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}

// TestMalformed checks that every malformed sample costs exactly one
// one-line InputError (per bad record), keeps what precedes the damage,
// and never stops the batch: the good file after them is still read.
func TestMalformed(t *testing.T) {
	tests := []struct {
		file    string
		records int
		errs    []string // Input of each error, after testdata/malformed/
		is      error
	}{
		{"binary-junk.html", 0, []string{"binary-junk.html"}, marsad.ErrBinary},
		{"broken-array.json", 2, []string{"broken-array.json#3"}, marsad.ErrMalformed},
		{"broken-feed.xml", 0, []string{"broken-feed.xml"}, marsad.ErrMalformed},
		{"broken-line.jsonl", 3, []string{"broken-line.jsonl#2"}, marsad.ErrMalformed},
		{"empty.txt", 0, []string{"empty.txt"}, marsad.ErrEmpty},
		{"latin1.txt", 0, []string{"latin1.txt"}, marsad.ErrInvalidUTF8},
		{"truncated.warc.gz", 1, []string{"truncated.warc.gz"}, marsad.ErrMalformed},
		{"truncated.zip", 0, []string{"truncated.zip"}, marsad.ErrMalformed},
		{"wrong-shape.json", 0, []string{"wrong-shape.json#1", "wrong-shape.json#2", "wrong-shape.json#3"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "malformed", tt.file)
			recs, errs := collect(t, []string{path, "testdata/snn.jsonl"}, nil, Options{})
			if got := len(recs) - 3; got != tt.records {
				t.Errorf("got %d records before the good file, want %d", got, tt.records)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("got errors %v, want %d", errs, len(tt.errs))
			}
			for i, err := range errs {
				var ie *marsad.InputError
				errors.As(err, &ie)
				if want := filepath.Join("testdata", "malformed", tt.errs[i]); ie.Input != want {
					t.Errorf("error %d names %q, want %q", i, ie.Input, want)
				}
				if tt.is != nil && !errors.Is(err, tt.is) {
					t.Errorf("error %v is not %v", err, tt.is)
				}
			}
		})
	}
}

func TestWalkDirectory(t *testing.T) {
	var skipped []string
	recs, errs := collect(t, []string{"testdata"}, nil, Options{OnSkip: func(s, reason string) { skipped = append(skipped, s+": "+reason) }})
	if len(recs) < 35 {
		t.Errorf("got %d records, want ≥35", len(recs))
	}
	if len(errs) != 11 {
		t.Errorf("got %d errors, want 11 (one per malformed record): %v", len(errs), errs)
	}
	// Lexical order: README.md (a text record), atom.xml, …
	if recs[0].Source != "testdata/README.md" || recs[1].Source != "testdata/atom.xml#item-1" {
		t.Errorf("first records %q, %q; want testdata/README.md, testdata/atom.xml#item-1", recs[0].Source, recs[1].Source)
	}
	want := []string{"crawl.warc.gz#rec-1: warcinfo record", "crawl.warc.gz#rec-2: request record", "crawl.warc.gz#rec-5: image/png",
		"crawl.warc.gz#rec-6: HTTP status 404", "crawl.warc.gz#rec-7: metadata record", "bundle.zip:__MACOSX/._junk: hidden"}
	for _, w := range want {
		found := false
		for _, s := range skipped {
			found = found || strings.HasSuffix(s, w)
		}
		if !found {
			t.Errorf("no skip %q in %v", w, skipped)
		}
	}
}

func TestWalkStdin(t *testing.T) {
	for _, file := range []string{"rss.xml", "bundle.zip", "crawl.warc.gz", "plain-cp1256.txt", "snn.jsonl"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", file))
			if err != nil {
				t.Fatal(err)
			}
			fromFile, _ := collect(t, []string{filepath.Join("testdata", file)}, nil, Options{})
			fromStdin, errs := collect(t, []string{"-"}, data, Options{})
			if len(errs) > 0 || len(fromStdin) != len(fromFile) {
				t.Fatalf("stdin: %d records (file: %d), errors %v", len(fromStdin), len(fromFile), errs)
			}
			if !strings.HasPrefix(fromStdin[0].Source, "stdin") {
				t.Errorf("source = %q, want stdin…", fromStdin[0].Source)
			}
		})
	}
}

func TestMaxSize(t *testing.T) {
	opts := Options{MaxSize: 1000}
	tests := []struct {
		path  string
		input string
	}{
		{"testdata/news-page.html", "testdata/news-page.html"},
		{"testdata/plain-utf8.txt", "testdata/plain-utf8.txt"},
		{"-", "stdin"},
		{"testdata/snn.jsonl", "testdata/snn.jsonl#1"}, // every line is over 1000 bytes
		{"testdata/crawl.warc.gz", "testdata/crawl.warc.gz#rec-3"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, errs := collect(t, []string{tt.path}, bytes.Repeat([]byte("نص "), 1000), opts)
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			var ie *marsad.InputError
			if !errors.As(errs[0], &ie) || ie.Input != tt.input || !errors.Is(errs[0], marsad.ErrTooLarge) {
				t.Errorf("error %v, want ErrTooLarge for %s", errs[0], tt.input)
			}
		})
	}
}

func TestWalkStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Walk(context.Background(), []string{"testdata/snn.jsonl", "testdata/rss.xml"}, nil, Options{}, func(r *Record, err error) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if err != stop || n != 2 {
		t.Errorf("Walk = %v after %d calls, want %v after 2", err, n, stop)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Walk(ctx, []string{"testdata"}, nil, Options{}, func(*Record, error) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Walk with a cancelled context = %v", err)
	}
}

func TestMissingPath(t *testing.T) {
	_, errs := collect(t, []string{"testdata/no-such-file.txt"}, nil, Options{})
	if len(errs) != 1 || !errors.Is(errs[0], os.ErrNotExist) {
		t.Errorf("errors %v, want one not-exist", errs)
	}
	if len(errs) == 1 && errs[0].Error() != "testdata/no-such-file.txt: no such file or directory" {
		t.Errorf("message %q", errs[0])
	}
}

// newSite serves a feed whose items link to pages on the same server.
func newSite(t *testing.T, robots string) (*httptest.Server, *int) {
	t.Helper()
	page, err := os.ReadFile("testdata/news-page-undated.html")
	if err != nil {
		t.Fatal(err)
	}
	hits := new(int)
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		if robots == "" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, robots)
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>شبكة مجهار</title>
<item><title>حفتر يستنجد بروسيا</title><link>%[1]s/news/1</link><pubDate>الأحد، 24 يوليو 2016</pubDate><description>ملخص قصير</description></item>
<item><title>خبر محجوب</title><link>%[1]s/private/2</link><pubDate>Sun, 24 Jul 2016 10:00:00 +0000</pubDate><description>ملخص آخر</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		*hits++
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		*hits++
		w.Write(page)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, hits
}

func TestFeedURLFollow(t *testing.T) {
	srv, hits := newSite(t, "User-agent: *\nDisallow: /private/\n")
	opts := Options{Follow: true, AllowPrivate: true, RequestInterval: time.Millisecond}
	recs, errs := collect(t, []string{srv.URL + "/feed"}, nil, opts)
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2; errors %v", len(recs), errs)
	}
	followed := recs[0].Article
	if !strings.Contains(followed.Body, "فايز السراج") || followed.URL != srv.URL+"/news/1" {
		t.Errorf("followed article: url %q, body %q", followed.URL, firstRunes(followed.Body, 80))
	}
	if followed.Title != "حفتر يستنجد بروسيا لدعم قواته" {
		t.Errorf("title %q, want the page's", followed.Title)
	}
	if recs[0].RawDate != "الأحد، 24 يوليو 2016" {
		t.Errorf("RawDate = %q", recs[0].RawDate)
	}
	// robots.txt forbids /private/: the item keeps its summary and the
	// refusal is reported.
	if recs[1].Article.Body != "ملخص آخر" || *hits != 1 {
		t.Errorf("robots.txt not obeyed: body %q, page hits %d", recs[1].Article.Body, *hits)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "robots.txt") {
		t.Errorf("errors %v, want one robots.txt refusal", errs)
	}
}

func TestRefusePrivate(t *testing.T) {
	srv, hits := newSite(t, "")
	recs, errs := collect(t, []string{srv.URL + "/feed"}, nil, Options{Follow: true})
	if len(recs) != 0 || len(errs) != 1 || *hits != 0 {
		t.Fatalf("records %d, errors %v, hits %d; want the loopback feed refused", len(recs), errs, *hits)
	}
	if !strings.Contains(errs[0].Error(), "private or loopback") {
		t.Errorf("error %q", errs[0])
	}
	_, errs = collect(t, []string{"file:///etc/passwd"}, nil, Options{})
	if len(errs) != 1 {
		t.Errorf("file URL: errors %v, want one", errs)
	}
}

// TestSaudiNewsNet reads a real dump when the shared data is present.
func TestSaudiNewsNet(t *testing.T) {
	const dump = "/work/shared/data/saudinewsnet/2015-07-23.zip"
	if _, err := os.Stat(dump); err != nil {
		t.Skip("SaudiNewsNet not available")
	}
	recs, errs := collect(t, []string{dump}, nil, Options{})
	if len(recs) < 1000 {
		t.Fatalf("got %d records", len(recs))
	}
	for _, err := range errs {
		if !errors.Is(err, marsad.ErrNoBody) {
			t.Errorf("unexpected error %v", err)
		}
	}
	for _, r := range recs {
		a := r.Article
		if !a.Published.IsZero() {
			t.Fatalf("%s: published %v; date_extracted must not become the publication date", r.Source, a.Published)
		}
		if r.Crawled.IsZero() || a.Outlet == "" || a.Body == "" || a.URL == "" {
			t.Fatalf("%s: crawled %v outlet %q url %q body %d bytes", r.Source, r.Crawled, a.Outlet, a.URL, len(a.Body))
		}
	}
	t.Logf("%d records, %d without content", len(recs), len(errs))
}

// TestZipNesting reads a zip inside a zip, but not a zip inside that.
func TestZipNesting(t *testing.T) {
	jsonl, err := os.ReadFile("testdata/snn.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	level2 := zipOf(t, map[string][]byte{"a.jsonl": jsonl})
	level3 := zipOf(t, map[string][]byte{"deep.zip": level2})
	outer := zipOf(t, map[string][]byte{"inner.zip": level2, "twice.zip": level3})
	path := filepath.Join(t.TempDir(), "outer.zip")
	if err := os.WriteFile(path, outer, 0o644); err != nil {
		t.Fatal(err)
	}
	recs, errs := collect(t, []string{path}, nil, Options{})
	if len(recs) != 3 || recs[0].Source != path+":inner.zip:a.jsonl#1" {
		t.Errorf("records %d, first %q", len(recs), recs[0].Source)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), path+":twice.zip:deep.zip: malformed: archive nested too deep") {
		t.Errorf("errors %v, want one for twice.zip:deep.zip", errs)
	}
}

func TestJSONWrapper(t *testing.T) {
	data := []byte(`{"articles": [{"title": "أ", "body": "نص أول", "published": "2023-09-26"}, {"title": "ب", "body": "نص ثان"}]}`)
	recs, errs := collect(t, []string{"-"}, data, Options{})
	if len(errs) > 0 || len(recs) != 2 || recs[1].Source != "stdin#2" || recs[0].Article.Published.String() != "2023-09-26" {
		t.Fatalf("records %d, errors %v", len(recs), errs)
	}
}
