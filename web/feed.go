package web

import (
	"cmp"
	"encoding/xml"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/marsad-news/marsad"
)

// Atom (RFC 4287) feeds let a feed reader alert an analyst to new articles
// in a story or for a saved search. Entries are identified by article, so a
// reader shows each article once however often the feed is fetched.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"xml:lang,attr"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string      `xml:"id"`
	Title     string      `xml:"title"`
	Updated   string      `xml:"updated"`
	Published string      `xml:"published,omitempty"`
	Links     []atomLink  `xml:"link"`
	Author    *atomPerson `xml:"author,omitempty"`
	Summary   *atomText   `xml:"summary,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// feedMaxEntries bounds a feed; readers only need the recent entries.
const feedMaxEntries = 50

// baseURL is the absolute URL prefix for feed links.
func (s *Server) baseURL(r *http.Request) string {
	if s.BaseURL != "" {
		return strings.TrimSuffix(s.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// feedEntry is an article in a feed with an optional HTML summary built by
// the highlighter.
type feedEntry struct {
	ref     marsad.ArticleRef
	summary string
}

// writeFeed renders entries, newest first, as an Atom feed. An article
// without a publication date is dated by the feed's own update time, so
// that it still reaches the reader, never by an invented date in the past.
func (s *Server) writeFeed(w http.ResponseWriter, r *http.Request, title, selfPath, altPath string, entries []feedEntry) {
	base := s.baseURL(r)
	slices.SortStableFunc(entries, func(a, b feedEntry) int {
		return b.ref.Published.Time.Compare(a.ref.Published.Time)
	})
	entries = entries[:min(len(entries), feedMaxEntries)]

	var updated time.Time
	for _, e := range entries {
		if t := e.ref.Published.Time; !e.ref.Published.IsZero() && t.After(updated) {
			updated = t
		}
	}
	if updated.IsZero() {
		updated = s.Now().UTC().Truncate(24 * time.Hour)
	}
	f := atomFeed{
		Lang:    "ar",
		ID:      base + selfPath,
		Title:   title,
		Updated: updated.UTC().Format(time.RFC3339),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base + selfPath},
			{Rel: "alternate", Type: "text/html", Href: base + altPath},
		},
		Author: atomPerson{Name: "مرصد"},
	}
	for _, e := range entries {
		ref := e.ref
		entryUpdated := f.Updated
		published := ""
		if !ref.Published.IsZero() {
			entryUpdated = ref.Published.Time.UTC().Format(time.RFC3339)
			published = entryUpdated
		}
		entry := atomEntry{
			ID:        base + "/articles/" + itoa(ref.ID),
			Title:     cmp.Or(ref.Title, "بدون عنوان"),
			Updated:   entryUpdated,
			Published: published,
			Links:     []atomLink{{Rel: "alternate", Type: "text/html", Href: base + "/articles/" + itoa(ref.ID)}},
		}
		if ref.URL != "" {
			entry.Links = append(entry.Links, atomLink{Rel: "via", Href: ref.URL})
		}
		if ref.Outlet != "" {
			entry.Author = &atomPerson{Name: ref.Outlet}
		}
		if e.summary != "" {
			entry.Summary = &atomText{Type: "html", Body: e.summary}
		}
		f.Entries = append(f.Entries, entry)
	}
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	body := append([]byte(xml.Header), out...)
	body = append(body, '\n')
	s.writeCached(w, r, "application/atom+xml; charset=utf-8", body)
}

func (s *Server) handleStoryFeed(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "story")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	st, err := s.Store.Story(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var entries []feedEntry
	for _, sa := range st.Articles {
		entries = append(entries, feedEntry{ref: sa.ArticleRef})
		for _, d := range sa.Duplicates {
			entries = append(entries, feedEntry{ref: d})
		}
	}
	path := "/stories/" + itoa(id)
	s.writeFeed(w, r, cmp.Or(st.Title, "قصة "+itoa(id))+" — مرصد", path+"/feed.atom", path, entries)
}

func (s *Server) handleSearchFeed(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := parseText(v, "q", true)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	outlet, err := parseText(v, "outlet", false)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	res, err := s.Store.Search(r.Context(), marsad.SearchQuery{Query: q, Outlet: outlet, Limit: feedMaxEntries})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var entries []feedEntry
	for _, h := range res.Hits {
		entries = append(entries, feedEntry{ref: h.Article, summary: string(snippetHTML(h.Snippet))})
	}
	query := searchQueryString(q, outlet, 0)
	s.writeFeed(w, r, "بحث: "+q+" — مرصد", "/search/feed.atom?"+query, "/search?"+query, entries)
}
