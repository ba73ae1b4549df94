// Package feed reads RSS and Atom feeds into articles, one per item.
//
// A feed item is a short article: title, link, publication time and a
// summary or the full content. Arabic feeds often give the publication date
// in Arabic ("الجمعة، 23 فبراير 2018 10:00"), which gofeed does not parse;
// Item.RawDate keeps that string so that the caller can run it through
// marsad's own date parser instead of losing it.
package feed

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/reader/charset"
	"github.com/marsad-news/marsad/reader/htmltext"
	"github.com/mmcdole/gofeed"
)

// Feed is a parsed feed.
type Feed struct {
	Title    string // the feed's title, usually the outlet's name
	Link     string // the site's address
	Language string // ISO 639-1, when the feed declares it
	Items    []Item
}

// Item is one entry of a feed.
type Item struct {
	Article marsad.Article
	// RawDate is the item's publication date as the feed wrote it, set
	// only when it could not be parsed (Article.Published is then zero).
	RawDate string
	// Summary reports that the body is the item's description, not its
	// full content: a caller may want to fetch Article.URL for the rest.
	Summary bool
}

// Parse reads an RSS 0.9x/1.0/2.0 or Atom feed. Errors wrap
// marsad.ErrEmpty or marsad.ErrMalformed.
func Parse(data []byte) (f *Feed, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, marsad.ErrEmpty
	}
	defer func() {
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("%w: feed: parser failed: %v", marsad.ErrMalformed, r)
		}
	}()
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: feed: %s", marsad.ErrMalformed, oneLine(err.Error()))
	}
	f = &Feed{
		Title:    oneLine(parsed.Title),
		Link:     strings.TrimSpace(parsed.Link),
		Language: isoLanguage(parsed.Language),
	}
	for _, it := range parsed.Items {
		if it == nil {
			continue
		}
		f.Items = append(f.Items, item(it, f))
	}
	return f, nil
}

func item(it *gofeed.Item, f *Feed) Item {
	body, summary := htmltext.FragmentText(it.Content), false
	if body == "" {
		body, summary = htmltext.FragmentText(it.Description), true
	}
	a := marsad.Article{
		URL:       strings.TrimSpace(it.Link),
		Title:     oneLine(htmltext.FragmentText(it.Title)),
		Published: date(it.PublishedParsed, it.Published),
		Updated:   date(it.UpdatedParsed, it.Updated),
		Author:    author(it),
		Outlet:    f.Title,
		Body:      body,
		Language:  f.Language,
	}
	if a.URL == "" && strings.HasPrefix(it.GUID, "http") {
		a.URL = strings.TrimSpace(it.GUID)
	}
	if a.Language == "" && charset.ArabicRatio(a.Title+" "+a.Body[:min(len(a.Body), 2048)]) > 0.5 {
		a.Language = "ar"
	}
	out := Item{Article: a, Summary: summary}
	if it.PublishedParsed == nil && strings.TrimSpace(it.Published) != "" {
		out.RawDate = oneLine(it.Published)
	}
	return out
}

// date converts a time gofeed parsed; its granularity is the minute when
// the feed gave a time of day, else the day.
func date(t *time.Time, raw string) marsad.Date {
	if t == nil || t.IsZero() {
		return marsad.Date{}
	}
	if !strings.Contains(raw, ":") {
		return marsad.DayDate(t.Year(), t.Month(), t.Day())
	}
	return marsad.Date{Time: *t, Granularity: marsad.Minute}
}

func author(it *gofeed.Item) string {
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			return oneLine(p.Name)
		}
	}
	if it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			if c = oneLine(c); c != "" {
				return c
			}
		}
	}
	return ""
}

func isoLanguage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i > 0 {
		s = s[:i]
	}
	if len(s) != 2 {
		return ""
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
