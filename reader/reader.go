// Package reader turns marsad's inputs into records: plain text, web pages,
// RSS and Atom feeds, WARC crawls, JSON and JSON Lines dumps, and zip
// archives of any of these, from files, directories, standard input or
// feed URLs.
//
// The format of an input is decided by its content (Detect), not by its
// name: scraped dumps arrive as "article.txt" that hold HTML, and feeds as
// "rss.php". Every reader yields Records through one callback, and an input
// that cannot be read becomes a one-line *marsad.InputError for that input
// or record alone: a bad file never stops a batch of ten thousand.
//
// Text records carry their raw bytes (decoded to UTF-8) for the caller's
// extractor; every other format is parsed here into a marsad.Article.
package reader

import (
	"github.com/marsad-news/marsad"
	"time"
)

// Format names the kind of payload of an input or record.
type Format string

// The formats Detect reports.
const (
	Text  Format = "text"
	HTML  Format = "html"
	Feed  Format = "feed"
	WARC  Format = "warc"
	JSON  Format = "json"  // one JSON value: an array of articles or one article
	JSONL Format = "jsonl" // JSON Lines: one article per line
	Zip   Format = "zip"
	Gzip  Format = "gzip" // a gzip stream that is not a WARC; Walk reads what it holds
)

// Record is one article-sized unit read from an input.
type Record struct {
	// Source names where the record came from, for messages and
	// provenance: "path/file.txt", "dump.zip:2015-07-21.json#17",
	// "crawl.warc.gz#rec-12", "feed.xml#item-3" or a URL.
	Source string
	// Format is the format the record was read as: Text, HTML, Feed (an
	// item), WARC (an HTML page in a crawl), JSON or JSONL (an article
	// object). A zip member's records have the member's format.
	Format Format
	// Data is the UTF-8 text of a Text record, for the caller's extractor
	// (extract.Text); nil when Article is set.
	Data []byte
	// Article is the article read from an html, feed, warc or json record:
	// Title, Body (paragraphs joined by "\n"), URL, Published/Updated
	// (zero when the source does not say), Author, Outlet, Language. It is
	// not yet cleaned (extract.Clean) nor analysed.
	Article *marsad.Article
	// RawDate is a publication date the source gave in a form this package
	// does not parse, such as an Arabic pubDate in a feed ("الجمعة، 23
	// فبراير 2018 10:00") or a non-ISO date in a JSON dump; Published is
	// then zero. The caller may parse it with timex.ParseDate.
	RawDate string
	// Crawled is when a crawler fetched the page (WARC-Date, SaudiNewsNet's
	// date_extracted), zero when unknown. It is never a publication date.
	Crawled time.Time
	// Encoding is the character encoding the payload was decoded from
	// ("utf-8", "windows-1256", "iso-8859-6"), when known.
	Encoding string
}

// Options tune Walk.
type Options struct {
	// MaxSize is the largest record, in bytes, that Walk reads into
	// memory; larger ones are reported with marsad.ErrTooLarge. Container
	// files (WARC, JSON dumps, zip) may be larger: the limit applies to
	// each record in them. Zero means DefaultMaxSize.
	MaxSize int64
	// Follow makes Walk fetch the page each feed item links to and read
	// the article from it, politely (robots.txt, one request per second
	// and host, timeouts, size limit). Without it a feed item's record
	// holds the feed's own summary or content. A page that cannot be
	// fetched or read is reported to fn as an InputError naming its URL,
	// and the item's record keeps the feed's text.
	Follow bool
	// Known, when set, is asked about each feed item's link before the
	// item is read; an item it knows is passed over (OnSkip: "already
	// read") and its page is not fetched. marsad watch sets it so that a
	// feed polled again costs one request, not one per item.
	Known func(url string) bool
	// AllowPrivate lets Walk fetch from loopback, private and link-local
	// addresses. It is off by default so that a feed cannot make marsad
	// probe the local network; tests turn it on for httptest servers.
	AllowPrivate bool
	// UserAgent identifies marsad to web servers and in robots.txt
	// matching. Zero means DefaultUserAgent.
	UserAgent string
	// RequestInterval is the least time between two requests to one host.
	// Zero means one second.
	RequestInterval time.Duration
	// Timeout bounds one HTTP request. Zero means 30 seconds.
	Timeout time.Duration
	// OnSkip, when set, is told about each part of an input that Walk
	// passes over without an error because it holds no article: a WARC
	// request or image record, a hidden file in a directory. reason is
	// short ("request record", "image/png").
	OnSkip func(source, reason string)
	// Now is the current time for the date checks of web pages. Zero means
	// time.Now().
	Now time.Time
}

// Defaults for Options.
const (
	DefaultMaxSize   = 20 << 20
	DefaultUserAgent = "marsad/1.0 (+https://github.com/marsad-news/marsad)"
)

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

func (o Options) skip(source, reason string) {
	if o.OnSkip != nil {
		o.OnSkip(source, reason)
	}
}
