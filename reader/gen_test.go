package reader

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// The samples in testdata/ are written by TestGenerateTestdata from
// hand-made templates and the project's seed articles
// (/work/shared/seeds); run it with -gen after changing it:
//
//	go test ./reader -run TestGenerateTestdata -gen
//
// The generated files are committed so that tests do not need the seeds.
var gen = flag.Bool("gen", false, "regenerate testdata/ from the seeds")

const seedDir = "/work/shared/seeds"

func TestGenerateTestdata(t *testing.T) {
	if !*gen {
		t.Skip("run with -gen to regenerate testdata")
	}
	g := generator{t: t}
	p000 := g.seedParagraphs("000_a8c3a090628d7966.txt", "موسكو - نجح", "جميع الحقوق")
	p002 := g.seedParagraphs("002_ee36e317db208321.txt", "زيارات عديدة", "")
	p003 := g.seedParagraphs("003_904a84c03f7bc909.txt", "فشل الدعم", "")
	p004 := g.seedParagraphs("004_d8e06b09afdf7b02.txt", "ذكرت صحيفة", "")

	// windows-1256: an undeclared text file and a page declared in <meta>.
	plain, err := os.ReadFile("testdata/plain-utf8.txt")
	if err != nil {
		t.Fatal(err)
	}
	g.write("plain-cp1256.txt", g.encode(charmap.Windows1256, string(plain)))
	g.write("plain-iso8859-6.txt", g.encode(charmap.ISO8859_6, isoSafe(string(plain))))
	undated, err := os.ReadFile("testdata/news-page-undated.html")
	if err != nil {
		t.Fatal(err)
	}
	page1256 := strings.Replace(string(undated), `<meta charset="utf-8">`,
		`<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">`, 1)
	g.write("news-page-cp1256.html", g.encode(charmap.Windows1256, page1256))

	// Feeds.
	g.write("rss.xml", []byte(rssFeed(p002, p003, p004)))
	g.write("atom.xml", []byte(atomFeed(p003, p004)))

	// SaudiNewsNet-shaped dumps (our own text, their field names).
	snn := []map[string]string{
		{"source": "example-daily", "url": "http://daily.example/news/1001", "date_extracted": "2015-07-21 19:28:17",
			"title": "حفتر يبحث عن مظلة عسكرية روسية", "author": "", "content": strings.Join(p002[:3], " ")},
		{"source": "example-daily", "url": "http://daily.example/news/1002", "date_extracted": "2015-07-21 19:30:02",
			"title": "الدعم الروسي يفشل في إنقاذ حفتر", "author": "محرر الشؤون العربية", "content": strings.Join(p003[:3], "\n")},
		{"source": "example-weekly", "url": "http://weekly.example/a/77", "date_extracted": "2015-07-22 08:01:00",
			"title": "روسيا تسعى لنيل دعم الولايات المتحدة لحفتر", "author": "", "content": strings.Join(p004[:2], " ")},
	}
	var jsonl bytes.Buffer
	for _, r := range snn {
		b, _ := json.Marshal(r)
		jsonl.Write(b)
		jsonl.WriteByte('\n')
	}
	g.write("snn.jsonl", jsonl.Bytes())
	arr, _ := json.MarshalIndent(snn, "", "    ")
	g.write("snn.json", arr)
	export := []map[string]any{{
		"id": 7, "url": "https://news.example/politics/article-123.html",
		"title": "حفتر يزور روسيا", "published": "2023-09-26T21:15:00Z", "updated": nil,
		"outlet": "عربي بوست", "author": nil, "dateline": nil, "language": "ar",
		"body": strings.Join(p000[:2], "\n"),
	}, {
		"title": "حفتر يستنجد بروسيا لدعم قواته", "published": "الثلاثاء 26 سبتمبر 2023",
		"outlet": "شبكة مجهار", "body": p000[2],
	}}
	exp, _ := json.MarshalIndent(export, "", "  ")
	g.write("marsad-export.json", exp)

	// A gzip WARC: warcinfo, a request, a gzip-encoded response, a chunked
	// response, an image, a 404 and a metadata record.
	news, err := os.ReadFile("testdata/news-page.html")
	if err != nil {
		t.Fatal(err)
	}
	var warc bytes.Buffer
	for _, rec := range crawlRecords(news, undated) {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(rec)
		zw.Close()
		warc.Write(z.Bytes())
	}
	g.write("crawl.warc.gz", warc.Bytes())
	var plainWarc bytes.Buffer
	for _, rec := range crawlRecords(news, undated)[:4] {
		plainWarc.Write(rec)
	}
	g.write("crawl.warc", plainWarc.Bytes())

	// A zip of several formats, with a zip inside.
	inner := zipOf(t, map[string][]byte{"atom.xml": g.read("atom.xml")})
	g.write("bundle.zip", zipOf(t, map[string][]byte{
		"2015-07-21.json":       g.read("snn.json"),
		"pages/news-page.html":  news,
		"feeds/rss.xml":         g.read("rss.xml"),
		"text/plain-cp1256.txt": g.read("plain-cp1256.txt"),
		"nested/inner.zip":      inner,
		"__MACOSX/._junk":       []byte("junk"),
	}))

	// Malformed inputs: each must cost one InputError and nothing more.
	w := warc.Bytes()
	g.write("malformed/truncated.warc.gz", w[:len(w)*2/3])
	rss := g.read("rss.xml")
	g.write("malformed/broken-feed.xml", rss[:bytes.Index(rss, []byte("</item>"))+3])
	lines := bytes.SplitAfter(jsonl.Bytes(), []byte("\n"))
	var broken bytes.Buffer
	broken.Write(lines[0])
	broken.WriteString(`{"source": "example-daily", "url": "http://daily.example/news/1003", "title": "سطر مقطوع", "content": "نص` + "\n")
	broken.Write(lines[1])
	broken.Write(lines[2])
	g.write("malformed/broken-line.jsonl", broken.Bytes())
	g.write("malformed/broken-array.json", arr[:len(arr)*4/5])
	g.write("malformed/wrong-shape.json", []byte(`[{"title": 5, "content": "نص"}, 17, {"title": "عنوان", "content": ""}]`))
	junk := make([]byte, 3000)
	seed := uint32(2166136261)
	for i := range junk {
		seed = seed*16777619 ^ uint32(i)
		junk[i] = byte(seed >> 13)
	}
	copy(junk, "<html><body>")
	g.write("malformed/binary-junk.html", junk)
	g.write("malformed/latin1.txt", []byte("Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade.\n"))
	g.write("malformed/empty.txt", []byte(" \n\t\n"))
	g.write("malformed/truncated.zip", g.read("bundle.zip")[:400])
}

type generator struct{ t *testing.T }

func (g generator) write(name string, data []byte) {
	path := filepath.Join("testdata", name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		g.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		g.t.Fatal(err)
	}
}

func (g generator) read(name string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		g.t.Fatal(err)
	}
	return b
}

func (g generator) encode(cm *charmap.Charmap, s string) []byte {
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		g.t.Fatalf("encode %s: %v", cm, err)
	}
	return b
}

// seedParagraphs returns the paragraphs of a seed between two markers.
func (g generator) seedParagraphs(name, from, to string) []string {
	b, err := os.ReadFile(filepath.Join(seedDir, name))
	if err != nil {
		g.t.Skipf("seeds not available: %v", err)
	}
	s := string(b)
	if i := strings.Index(s, from); i >= 0 {
		s = s[i:]
	}
	if to != "" {
		if i := strings.Index(s, to); i >= 0 {
			s = s[:i]
		}
	}
	var out []string
	for _, p := range regexp.MustCompile(`\n+`).Split(s, -1) {
		if p = strings.TrimSpace(p); len([]rune(p)) > 40 {
			out = append(out, p)
		}
	}
	return out
}

// isoSafe replaces what ISO-8859-6 cannot encode.
func isoSafe(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "ّ", "", "…", "...").Replace(s)
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	xmlEscapeTo(&b, s)
	return b.String()
}

func xmlEscapeTo(b *bytes.Buffer, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	b.WriteString(r.Replace(s))
}

func rssFeed(p002, p003, p004 []string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>أخبار المثال</title>
  <link>https://news.example/</link>
  <description>آخر الأخبار</description>
  <language>ar</language>
  <item>
    <title>حفتر يزور روسيا “بناء على دعوة من موسكو”</title>
    <link>https://news.example/politics/article-123.html</link>
    <guid isPermaLink="false">news-123</guid>
    <pubDate>Tue, 26 Sep 2023 21:15:00 +0000</pubDate>
    <dc:creator>فريق التحرير</dc:creator>
    <category>ليبيا</category>
    <description>` + xmlEscape(p004[0]) + `</description>
    <content:encoded><![CDATA[<p>` + p004[0] + `</p><p>` + p004[1] + `</p><script>alert(1)</script>]]></content:encoded>
  </item>
  <item>
    <title>حفتر يبحث عن مظلة عسكرية روسية</title>
    <link>https://news.example/opinion/article-98.html</link>
    <pubDate>الجمعة، 23 فبراير 2018 10:00</pubDate>
    <description>` + xmlEscape("<p>"+p002[0]+"</p>") + `</description>
  </item>
  <item>
    <title>الدعم الروسي يفشل في إنقاذ حفتر</title>
    <link>https://news.example/analysis/article-140.html</link>
    <pubDate>2020-05-20</pubDate>
    <description>` + xmlEscape(p003[0]) + `</description>
  </item>
</channel>
</rss>
`
}

func atomFeed(p003, p004 []string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
  <title>المغرب اليوم</title>
  <link href="https://maghreb.example/"/>
  <id>urn:example:maghreb</id>
  <updated>2017-03-15T10:00:00+01:00</updated>
  <entry>
    <title>روسيا تسعى لنيل دعم الولايات المتحدة لقائد الجيش الليبي</title>
    <link rel="alternate" href="https://maghreb.example/news/4471"/>
    <id>urn:example:maghreb:4471</id>
    <published>2017-03-15T09:00:00+01:00</published>
    <updated>2017-03-15T09:30:00+01:00</updated>
    <author><name>واشنطن - المغرب اليوم</name></author>
    <summary>` + xmlEscape(p004[0]) + `</summary>
    <content type="html">` + xmlEscape("<p>"+p004[0]+"</p><p>"+p004[1]+"</p>") + `</content>
  </entry>
  <entry>
    <title>فهل ينجح حفتر سياسيًّا؟</title>
    <link href="https://maghreb.example/news/4480"/>
    <id>urn:example:maghreb:4480</id>
    <updated>2020-05-21T12:00:00Z</updated>
    <summary type="text">` + xmlEscape(p003[1]) + `</summary>
  </entry>
</feed>
`
}

// crawlRecords builds WARC/1.1 records by hand, as a crawler writes them.
func crawlRecords(news, undated []byte) [][]byte {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(news)
	zw.Close()
	chunked := chunk(undated, 700)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	http := func(status, headers string, body []byte) []byte {
		return append([]byte("HTTP/1.1 "+status+"\r\n"+headers+"\r\n"), body...)
	}
	rec := func(n int, typ, uri, ctype string, block []byte) []byte {
		h := fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\nWARC-Date: 2023-09-27T08:00:%02dZ\r\n", typ, n, n)
		if uri != "" {
			h += "WARC-Target-URI: " + uri + "\r\n"
		}
		h += fmt.Sprintf("Content-Type: %s\r\nContent-Length: %d\r\n\r\n", ctype, len(block))
		return append(append([]byte(h), block...), "\r\n\r\n"...)
	}
	return [][]byte{
		rec(1, "warcinfo", "", "application/warc-fields", []byte("software: marsad-testdata\r\nformat: WARC File Format 1.1\r\n")),
		rec(2, "request", "https://news.example/politics/article-123.html", "application/http; msgtype=request",
			[]byte("GET /politics/article-123.html HTTP/1.1\r\nHost: news.example\r\nAccept-Encoding: gzip\r\n\r\n")),
		rec(3, "response", "https://news.example/politics/article-123.html", "application/http; msgtype=response",
			http("200 OK", "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\nContent-Length: "+fmt.Sprint(gz.Len())+"\r\n", gz.Bytes())),
		rec(4, "response", "https://majhar.example/news/haftar-moscow", "application/http; msgtype=response",
			http("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked)),
		rec(5, "response", "https://news.example/img/haftar.png", "application/http; msgtype=response",
			http("200 OK", "Content-Type: image/png\r\nContent-Length: "+fmt.Sprint(len(png))+"\r\n", png)),
		rec(6, "response", "https://news.example/missing", "application/http; msgtype=response",
			http("404 Not Found", "Content-Type: text/html\r\nContent-Length: 22\r\n", []byte("<html>not found</html>"))),
		rec(7, "metadata", "https://news.example/politics/article-123.html", "application/warc-fields",
			[]byte("outlink: https://news.example/img/haftar.png\r\n")),
	}
}

func chunk(b []byte, size int) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		n := min(size, len(b))
		fmt.Fprintf(&out, "%x\r\n", n)
		out.Write(b[:n])
		out.WriteString("\r\n")
		b = b[n:]
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

func zipOf(t *testing.T, files map[string][]byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// Write in a fixed order; Walk sorts members by name anyway.
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sortStrings(names)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
