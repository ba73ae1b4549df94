// Package html reads a news web page into a marsad.Article: the main text
// as paragraphs, the title, author, site name, language and the publication
// time with its time of day.
//
// The main text comes from go-trafilatura, which drops navigation, share
// bars, comments, related links and footers. Its readability and distiller
// fallbacks are on: without them a page whose paragraphs are <br>-separated
// text in one <div>, as on many older Arabic sites, came back as one line
// with the menu in it. The publication time comes from
// go-htmldate, which keeps the time of day that trafilatura drops. Both fall
// back to a copyright year ("© 2023") when a page states no date, and that
// year would become a false publication date of 1 January; Parse rejects it
// (see copyrightFallback), because marsad never invents a date.
package html

import (
	"bytes"
	"fmt"
	"mime"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	htmldate "github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/reader/charset"
	"github.com/marsad-news/marsad/reader/htmltext"
	xhtml "golang.org/x/net/html"
)

// Options tune Parse.
type Options struct {
	// URL is the address the page was fetched from; it resolves relative
	// links and is the Article.URL when the page names no canonical URL.
	URL string
	// ContentType is the HTTP Content-Type header, if any; its charset
	// parameter wins over a <meta> declaration.
	ContentType string
	// Now bounds publication dates: a date after it is rejected. Zero means
	// time.Now(); tests set it for reproducible results.
	Now time.Time
}

// Parse reads one HTML page. Errors wrap marsad.ErrEmpty, ErrBinary,
// ErrInvalidUTF8, ErrMalformed or ErrNoBody.
func Parse(data []byte, opts Options) (*marsad.Article, error) {
	text, err := Decode(data, opts.ContentType)
	if err != nil {
		return nil, err
	}
	doc, err := xhtml.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("%w: html: %v", marsad.ErrMalformed, err)
	}
	if htmltext.Depth(doc) > htmltext.MaxDepth {
		return nil, fmt.Errorf("%w: html: elements nested deeper than %d", marsad.ErrMalformed, htmltext.MaxDepth)
	}
	return fromDocument(doc, text, opts)
}

// Decode returns the page as UTF-8, using the charset of the Content-Type
// header, a BOM or a <meta> declaration, and guessing the Arabic legacy
// code pages when none is given.
func Decode(data []byte, contentType string) ([]byte, error) {
	declared := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		declared = params["charset"]
	}
	if declared == "" {
		if m := rxMetaCharset.FindSubmatch(head(data)); m != nil {
			declared = string(m[1])
		}
	}
	out, _, err := charset.Decode(data, declared)
	return out, err
}

// rxMetaCharset finds the charset of <meta charset=…>, of <meta
// http-equiv="Content-Type" content="…; charset=…"> and of an XML prolog's
// encoding="…".
var rxMetaCharset = regexp.MustCompile(`(?i)(?:<meta[^>]+charset|<\?xml[^>]+encoding)\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// head is the prefix in which HTML5 requires the <meta charset> to appear.
func head(data []byte) []byte {
	if len(data) > 1024 {
		return data[:1024]
	}
	return data
}

func fromDocument(doc *xhtml.Node, text []byte, opts Options) (art *marsad.Article, err error) {
	// The extractors are large and were not written for hostile input; a
	// panic in them must cost one page, not the batch.
	defer func() {
		if r := recover(); r != nil {
			art, err = nil, fmt.Errorf("%w: html: extractor failed: %v", marsad.ErrMalformed, r)
		}
	}()
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	var pageURL *url.URL
	if opts.URL != "" {
		if u, err := url.Parse(opts.URL); err == nil && u.IsAbs() {
			pageURL = u
		}
	}

	date, _ := htmldate.FromDocument(doc, htmldate.Options{
		ExtractTime:       true,
		UseOriginalDate:   true,
		URL:               opts.URL,
		DeferUrlExtractor: true, // a date in the page beats one in the URL
		MaxDate:           now,
	})
	published := toDate(date)
	if !published.IsZero() && copyrightFallback(date, text) {
		published = marsad.Date{}
	}

	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:      pageURL,
		ExcludeComments:  true,
		HtmlDateOverride: &date, // do not run htmldate twice
		Config:           extractConfig,
		EnableFallback:   true,
	})
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, fmt.Errorf("%w: html: %v", marsad.ErrNoBody, oneLine(err))
	}
	meta := res.Metadata
	title := cleanLine(meta.Title)
	body := dropTitle(htmltext.Paragraphs(res.ContentNode), title)
	if body == "" {
		return nil, fmt.Errorf("%w: html", marsad.ErrNoBody)
	}
	art = &marsad.Article{
		URL:       canonicalURL(meta.URL, opts.URL),
		Title:     title,
		Author:    cleanLine(meta.Author),
		Outlet:    siteName(doc, meta, title),
		Published: published,
		Updated:   modified(doc, published),
		Body:      body,
		Language:  language(meta.Language, body),
	}
	return art, nil
}

// extractConfig lowers trafilatura's threshold for its "baseline"
// rescue, which on a page whose article is short (a news brief of one
// paragraph) returns the whole page's text, <title> and menus included,
// glued without spaces. A brief is a legitimate article.
var extractConfig = func() *trafilatura.Config {
	c := trafilatura.DefaultConfig()
	c.MinExtractedSize = 40
	return c
}()

// toDate converts an htmldate result; the zero Date when none was found.
func toDate(r htmldate.Result) marsad.Date {
	if r.IsZero() {
		return marsad.Date{}
	}
	if r.HasTime {
		t := r.DateTime
		if !r.HasTimezone {
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
		}
		return marsad.Date{Time: t, Granularity: marsad.Minute}
	}
	t := r.DateTime
	return marsad.DayDate(t.Year(), t.Month(), t.Day())
}

var (
	// rxBareYear matches a source string that holds a year and nothing
	// else that could be a day or month.
	rxBareYear = regexp.MustCompile(`^\D*\d{4}\D*$`)
	// rxJanFirst matches a written-out 1 January: 2023-01-01, 01/01/2023.
	rxJanFirst = regexp.MustCompile(`\d{4}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]\d{4}`)
	// rxCopyright finds copyright notices: the year in them is the year
	// of the site, not of the article.
	rxCopyright = regexp.MustCompile(`(?i)(©|&copy;|\(c\)|copyright|جميع الحقوق|حقوق النشر|كل الحقوق|الحقوق محفوظة|الحقوق محفوظه)`)
)

// copyrightFallback reports whether an htmldate result is a year standing in
// for a date: htmldate's last resorts turn a copyright notice or any lone
// year into 1 January of that year. Such a result has no time of day, and
// either its source is a bare year or a copyright notice, or the page has a
// copyright notice with that year.
func copyrightFallback(r htmldate.Result, page []byte) bool {
	t := r.DateTime
	if r.HasTime || t.Month() != time.January || t.Day() != 1 {
		return false
	}
	src := strings.TrimSpace(r.SrcString)
	if rxBareYear.MatchString(src) || rxCopyright.MatchString(src) {
		return true
	}
	if rxJanFirst.MatchString(src) {
		return false // the page really says 1 January
	}
	year := []byte(strconv.Itoa(t.Year()))
	for _, loc := range rxCopyright.FindAllIndex(page, -1) {
		lo, hi := max(loc[0]-120, 0), min(loc[1]+120, len(page))
		if bytes.Contains(page[lo:hi], year) {
			return true
		}
	}
	return false
}

// modified is the page's stated modification time, from the usual meta
// tags; the zero Date when the page gives none or it precedes published.
func modified(doc *xhtml.Node, published marsad.Date) marsad.Date {
	for _, key := range []string{"article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified"} {
		v := metaContent(doc, key)
		if v == "" {
			continue
		}
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
			t, err := time.Parse(layout, v)
			if err != nil {
				continue
			}
			d := marsad.Date{Time: t, Granularity: marsad.Minute}
			if layout == "2006-01-02" {
				d = marsad.DayDate(t.Year(), t.Month(), t.Day())
			}
			if !published.IsZero() && d.Time.Before(published.Time) {
				return marsad.Date{}
			}
			return d
		}
	}
	return marsad.Date{}
}

// siteName is the outlet's name as the page states it (og:site_name,
// application-name, JSON-LD publisher). trafilatura falls back to the host
// name, which is not a name; that is dropped.
func siteName(doc *xhtml.Node, meta trafilatura.Metadata, title string) string {
	for _, key := range []string{"og:site_name", "application-name"} {
		if v := cleanLine(metaContent(doc, key)); v != "" {
			return v
		}
	}
	if name := titleSuffix(titleElement(doc), title); name != "" {
		return name
	}
	name := cleanLine(meta.Sitename)
	if name == "" || strings.Contains(name, ".") || name == cleanLine(meta.Title) ||
		utf8.RuneCountInString(name) > 60 {
		return ""
	}
	return name
}

// titleSuffix returns the site name that a <title> appends to the
// headline: "headline | site", "headline - site".
func titleSuffix(full, headline string) string {
	full = cleanLine(full)
	if headline == "" || !strings.HasPrefix(full, headline) {
		return ""
	}
	rest := strings.TrimSpace(full[len(headline):])
	for _, sep := range []string{"|", "-", "–", "—", "::", "»", "·", ":"} {
		if strings.HasPrefix(rest, sep) {
			name := strings.TrimSpace(rest[len(sep):])
			if n := utf8.RuneCountInString(name); n > 0 && n <= 60 {
				return name
			}
			return ""
		}
	}
	return ""
}

// titleElement returns the text of the document's <title>.
func titleElement(doc *xhtml.Node) string {
	var title string
	walk(doc, func(n *xhtml.Node) bool {
		if title != "" || n.Type != xhtml.ElementNode {
			return title == ""
		}
		if n.Data == "body" {
			return false
		}
		if n.Data == "title" && n.FirstChild != nil {
			title = n.FirstChild.Data
			return false
		}
		return true
	})
	return title
}

// dropTitle removes the headline from the top of the body: trafilatura
// keeps the <h1> that the Title already holds.
func dropTitle(body, title string) string {
	first, rest, _ := strings.Cut(body, "\n")
	if title != "" && first == title {
		return rest
	}
	return body
}

// metaContent returns the content of the first <meta> whose property, name
// or itemprop is key (case-insensitive).
func metaContent(doc *xhtml.Node, key string) string {
	var found string
	walk(doc, func(n *xhtml.Node) bool {
		if found != "" {
			return false
		}
		if n.Type != xhtml.ElementNode {
			return true
		}
		if n.Data == "body" {
			return false
		}
		if n.Data != "meta" {
			return true
		}
		var match bool
		var content string
		for _, a := range n.Attr {
			switch strings.ToLower(a.Key) {
			case "property", "name", "itemprop", "http-equiv":
				if strings.EqualFold(strings.TrimSpace(a.Val), key) {
					match = true
				}
			case "content":
				content = strings.TrimSpace(a.Val)
			}
		}
		if match && content != "" {
			found = content
		}
		return true
	})
	return found
}

// canonicalURL prefers the page's canonical URL when it is absolute http(s).
func canonicalURL(canonical, fetched string) string {
	if u, err := url.Parse(canonical); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return u.String()
	}
	return fetched
}

// language is the page's declared language when trafilatura found one,
// else "ar" when most letters of the body are Arabic.
func language(declared, body string) string {
	declared = strings.ToLower(strings.TrimSpace(declared))
	if i := strings.IndexAny(declared, "-_"); i > 0 {
		declared = declared[:i]
	}
	if len(declared) == 2 {
		return declared
	}
	if charset.ArabicRatio(body) > 0.5 {
		return "ar"
	}
	return ""
}

func cleanLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// oneLine flattens an error message so the InputError stays one line.
func oneLine(err error) string {
	if err == nil {
		return "no content"
	}
	return cleanLine(err.Error())
}

// walk visits n and its descendants in document order without recursion;
// when visit returns false the children of that node are skipped.
func walk(root *xhtml.Node, visit func(*xhtml.Node) bool) {
	n := root
	for n != nil {
		if visit(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
		}
		if n == root {
			return
		}
		n = n.NextSibling
	}
}
