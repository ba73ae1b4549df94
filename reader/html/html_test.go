package html

import (
	"os"
	"strings"
	"testing"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
	"golang.org/x/text/encoding/charmap"
)

var now = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

func page(head, body string) string {
	return `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">` + head + `</head><body>` + body + `</body></html>`
}

// article is enough Arabic text for trafilatura to take it as the main
// content.
var article = strings.Repeat(`<p>وصل قائد قوات شرق ليبيا إلى روسيا لإجراء مباحثات مع مسؤولي البلاد حول تطورات الأوضاع في ليبيا والعلاقات الثنائية بين البلدين.</p>`, 4)

// TestCopyrightFallback measures htmldate's copyright-year fallback on
// pages without a date and checks that Parse drops it, while a real date
// on 1 January survives.
func TestCopyrightFallback(t *testing.T) {
	tests := []struct {
		name, html string
		raw        string // what htmldate alone returns, "" for nothing
		want       string // Published after the guard
	}{
		{"copyright footer", page("", article+`<footer>جميع الحقوق محفوظة © شبكة مجهار 2016</footer>`), "2016-01-01", ""},
		{"arabic rights only", page("", article+`<footer>جميع الحقوق محفوظة لموقع الأخبار 2019</footer>`), "2019-01-01", ""},
		{"copyrightyear meta", page(`<meta itemprop="copyrightYear" content="2021">`, article), "2021-01-01", ""},
		{"bare year in text", page("", article+`<p class="x">أرشيف 2014</p>`), "2014-01-01", ""},
		{"real 1 January with time", page(`<meta property="article:published_time" content="2023-01-01T10:30:00+03:00">`, article+`<footer>© 2023</footer>`), "2023-01-01", "2023-01-01T10:30:00+03:00"},
		{"real 1 January, day only", page(`<meta property="article:published_time" content="2023-01-01">`, article+`<footer>© 2023</footer>`), "2023-01-01", "2023-01-01"},
		{"in-text Arabic date", page("", `<p>23 فبراير 2018</p>`+article+`<footer>© 2023</footer>`), "2018-02-23", "2018-02-23"},
		{"meta date and footer", page(`<meta property="article:published_time" content="2023-09-26T21:15:00+00:00">`, article+`<footer>© 2023</footer>`), "2023-09-26", "2023-09-26T21:15:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := htmldate.FromReader(strings.NewReader(tt.html), htmldate.Options{ExtractTime: true, UseOriginalDate: true, MaxDate: now})
			raw := ""
			if !res.IsZero() {
				raw = res.DateTime.Format("2006-01-02")
			}
			if raw != tt.raw {
				t.Logf("htmldate alone: %q (src %q), measured before as %q", raw, res.SrcString, tt.raw)
			}
			a, err := Parse([]byte(tt.html), Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Published.String(); got != tt.want {
				t.Errorf("published = %q, want %q (htmldate: %q from %q)", got, tt.want, raw, res.SrcString)
			}
		})
	}
}

func TestHostile(t *testing.T) {
	html := page(`<script>var x = "<p>not text</p>";</script><style>p{}</style>`,
		`<nav><a href="/">الرئيسية</a></nav><article><h1>عنوان الخبر</h1>`+article+
			`<p>نص <img src=x onerror="alert(1)"> آخر <b>مهم</b> <script>document.write('<p>حقن</p>')</script></p>`+
			`<iframe src="javascript:alert(2)"></iframe><noscript><p>بدون سكربت</p></noscript></article>`)
	a, err := Parse([]byte(html), Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<", ">", "alert", "script", "onerror", "حقن", "not text", "javascript"} {
		if strings.Contains(a.Body, bad) {
			t.Errorf("body contains %q:\n%s", bad, a.Body)
		}
	}
	if !strings.Contains(a.Body, "نص آخر مهم") {
		t.Errorf("body lost inline text:\n%s", a.Body)
	}
}

func TestDeepNesting(t *testing.T) {
	html := strings.Repeat("<div>", 100000) + "نص" + strings.Repeat("</div>", 100000)
	if _, err := Parse([]byte(html), Options{Now: now}); err == nil {
		t.Error("no error for 100000 nested divs")
	}
}

func TestCharset(t *testing.T) {
	src := page(`<title>خبر - موقع</title>`, `<h1>خبر</h1>`+article)
	undeclared := strings.Replace(src, `<meta charset="utf-8">`, ``, 1)
	declared := strings.Replace(src, `<meta charset="utf-8">`, `<meta charset="windows-1256">`, 1)
	enc := func(s string) []byte {
		b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name        string
		data        []byte
		contentType string
	}{
		{"meta", enc(declared), ""},
		{"header", enc(undeclared), "text/html; charset=windows-1256"},
		{"guessed", enc(undeclared), ""},
		{"utf-8 mislabelled", []byte(declared), ""},
		{"utf-8 BOM", append([]byte("\xef\xbb\xbf"), undeclared...), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse(tt.data, Options{ContentType: tt.contentType, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Body, "وصل قائد قوات شرق ليبيا") || a.Title != "خبر" {
				t.Errorf("title %q body %q", a.Title, a.Body[:min(80, len(a.Body))])
			}
			if a.Outlet != "موقع" {
				t.Errorf("outlet %q, want the <title> suffix", a.Outlet)
			}
		})
	}
}

func TestBinary(t *testing.T) {
	if _, err := Parse([]byte("<html>\x00\x01\x02\x03\x00\x00"), Options{}); err == nil {
		t.Error("no error for binary data")
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"../testdata/news-page.html", "../testdata/news-page-cp1256.html"} {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(page("", article)))
	f.Add([]byte("<p>نص</p><footer>© 2020</footer>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse(data, Options{Now: now})
		if err != nil {
			return
		}
		if strings.Contains(a.Body, "\n\n") || strings.TrimSpace(a.Body) != a.Body {
			t.Errorf("body not clean paragraphs: %q", a.Body)
		}
		if !a.Published.IsZero() && a.Published.Time.After(now.Add(24*time.Hour)) {
			t.Errorf("published %v after now", a.Published)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("../testdata/news-page.html")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, Options{Now: now}); err != nil {
			b.Fatal(err)
		}
	}
}
