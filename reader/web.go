package reader

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/reader/feed"
	"github.com/marsad-news/marsad/reader/html"
	"github.com/marsad-news/marsad/reader/warc"
)

// html reads one web page. pageURL is where it was fetched from ("" for a
// file), contentType the HTTP header, if any.
func (w *walker) html(name string, data []byte, pageURL, contentType string) error {
	a, err := html.Parse(data, html.Options{URL: pageURL, ContentType: contentType, Now: w.opts.Now})
	if err != nil {
		return w.fail(name, err)
	}
	if pageURL == "" {
		a.File = name
	}
	return w.emit(&Record{Source: name, Format: HTML, Article: a})
}

// feed reads the items of a feed, following their links when asked.
func (w *walker) feed(name string, data []byte, fromURL bool) error {
	f, err := feed.Parse(data)
	if err != nil {
		return w.fail(name, err)
	}
	if len(f.Items) == 0 {
		w.opts.skip(name, "feed without items")
		return nil
	}
	for i, it := range f.Items {
		if it.Article.URL != "" && w.opts.Known != nil && w.opts.Known(it.Article.URL) {
			w.opts.skip(it.Article.URL, "already read")
			continue
		}
		rec := &Record{
			Source:  name + "#item-" + strconv.Itoa(i+1),
			Format:  Feed,
			Article: &it.Article,
			RawDate: it.RawDate,
		}
		if !fromURL {
			rec.Article.File = rec.Source
		}
		if w.opts.Follow && it.Article.URL != "" {
			if page, err := w.follow(it.Article.URL); err != nil {
				if err := w.fail(it.Article.URL, err); err != nil {
					return err
				}
			} else {
				rec.Article = merge(page, &it.Article)
				if !rec.Article.Published.IsZero() {
					rec.RawDate = ""
				}
			}
		}
		if rec.Article.Body == "" && rec.Article.Title == "" {
			if err := w.fail(rec.Source, marsad.ErrNoBody); err != nil {
				return err
			}
			continue
		}
		if err := w.emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// follow fetches and reads the page a feed item links to.
func (w *walker) follow(link string) (*marsad.Article, error) {
	resp, err := w.fetcher().Get(w.ctx, link)
	if err != nil {
		return nil, err
	}
	a, err := html.Parse(resp.Body, html.Options{URL: resp.URL, ContentType: resp.ContentType, Now: w.opts.Now})
	if err != nil {
		return nil, err
	}
	if a.URL == "" {
		a.URL = resp.URL
	}
	return a, nil
}

// merge completes the page's article with what the feed item says and the
// page does not; the page's body, being the full text, always wins.
func merge(page, item *marsad.Article) *marsad.Article {
	a := *page
	if a.Title == "" {
		a.Title = item.Title
	}
	if a.Published.IsZero() {
		a.Published = item.Published
	}
	if a.Updated.IsZero() {
		a.Updated = item.Updated
	}
	if a.Author == "" {
		a.Author = item.Author
	}
	if a.Outlet == "" {
		a.Outlet = item.Outlet
	}
	if a.Language == "" {
		a.Language = item.Language
	}
	return &a
}

// url reads a feed or page from the web.
func (w *walker) url(u string) error {
	resp, err := w.fetcher().Get(w.ctx, u)
	if err != nil {
		if errors.Is(err, w.ctx.Err()) && w.ctx.Err() != nil {
			return err
		}
		return w.fail(u, err)
	}
	switch Detect(resp.Body, resp.URL) {
	case Feed:
		return w.feed(u, resp.Body, true)
	case HTML:
		return w.html(u, resp.Body, resp.URL, resp.ContentType)
	}
	return w.fail(u, fmt.Errorf("%w: not a feed or web page (%s)", marsad.ErrMalformed, resp.ContentType))
}

// warc reads the HTML pages of a WARC file.
func (w *walker) warc(name string, r io.Reader) error {
	wr, err := warc.NewReader(r, w.max)
	if err != nil {
		return w.fail(name, err)
	}
	defer wr.Close()
	src := func(n int) string { return name + "#rec-" + strconv.Itoa(n) }
	wr.OnSkip = func(n int, reason string) { w.opts.skip(src(n), reason) }
	for {
		page, err := wr.Next()
		var re *warc.RecordError
		switch {
		case err == io.EOF:
			return nil
		case errors.As(err, &re):
			if err := w.fail(src(re.Record), re.Err); err != nil {
				return err
			}
			continue
		case err != nil:
			return w.fail(name, err)
		}
		source := src(page.Record)
		a, err := html.Parse(page.Body, html.Options{URL: page.URI, ContentType: page.ContentType, Now: w.opts.Now})
		if err != nil {
			if err := w.fail(source, err); err != nil {
				return err
			}
			continue
		}
		if a.URL == "" {
			a.URL = page.URI
		}
		if err := w.emit(&Record{Source: source, Format: WARC, Article: a, Crawled: page.Captured}); err != nil {
			return err
		}
	}
}
