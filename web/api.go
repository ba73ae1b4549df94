package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

// The JSON API. Lists come in an object with their paging ("articles",
// "limit", "offset", …) so that fields can be added without breaking
// clients; a list is [] when empty, never null.

//go:embed openapi.json
var openAPISpec []byte

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	s.writeCached(w, r, jsonContentType, openAPISpec)
}

func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	s.apiError(w, r, marsad.Errorf(marsad.ENOTFOUND, "no such endpoint: %s %s", r.Method, clip(r.URL.Path)))
}

// searchResponse is a page of search hits.
type searchResponse struct {
	Query  string             `json:"query"`
	Outlet string             `json:"outlet,omitempty"`
	Total  int                `json:"total"`
	Limit  int                `json:"limit"`
	Offset int                `json:"offset"`
	Hits   []marsad.SearchHit `json:"hits"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := parseText(v, "q", true)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	outlet, err := parseText(v, "outlet", false)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	p, err := parsePaging(v, defaultLimit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	res, err := s.Store.Search(r.Context(), marsad.SearchQuery{Query: q, Outlet: outlet, Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, searchResponse{Query: q, Outlet: outlet, Total: res.Total, Limit: p.Limit, Offset: p.Offset, Hits: nonNil(res.Hits)})
}

type articlesResponse struct {
	Total    int               `json:"total"`
	Limit    int               `json:"limit"`
	Offset   int               `json:"offset"`
	Articles []*marsad.Article `json:"articles"`
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	f, p, err := parseArticleFilter(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	list, total, err := s.Store.Articles(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, articlesResponse{Total: total, Limit: p.Limit, Offset: p.Offset, Articles: nonNil(list)})
}

// parseArticleFilter reads the article list's outlet, from, to and paging.
func parseArticleFilter(r *http.Request) (marsad.ArticleFilter, paging, error) {
	v := r.URL.Query()
	p, err := parsePaging(v, defaultLimit)
	if err != nil {
		return marsad.ArticleFilter{}, p, err
	}
	outlet, err := parseText(v, "outlet", false)
	if err != nil {
		return marsad.ArticleFilter{}, p, err
	}
	f := marsad.ArticleFilter{Outlet: outlet, Limit: p.Limit, Offset: p.Offset}
	if f.From, err = parseDateParam(v, "from"); err != nil {
		return marsad.ArticleFilter{}, p, err
	}
	if f.To, err = parseDateParam(v, "to"); err != nil {
		return marsad.ArticleFilter{}, p, err
	}
	return f, p, nil
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "article")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	a, err := s.Store.Article(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, a)
}

type storiesResponse struct {
	Limit   int            `json:"limit"`
	Offset  int            `json:"offset"`
	Stories []marsad.Story `json:"stories"`
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	p, err := parsePaging(r.URL.Query(), defaultLimit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	list, err := s.Store.Stories(r.Context(), marsad.StoryFilter{Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, storiesResponse{Limit: p.Limit, Offset: p.Offset, Stories: nonNil(list)})
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "story")
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	st, err := s.Store.Story(r.Context(), id)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, st)
}

type entitiesResponse struct {
	Limit    int             `json:"limit"`
	Offset   int             `json:"offset"`
	Entities []marsad.Entity `json:"entities"`
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	f, err := parseEntityFilter(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	list, err := s.Store.Entities(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, entitiesResponse{Limit: f.Limit, Offset: f.Offset, Entities: nonNil(list)})
}

func parseEntityFilter(r *http.Request) (marsad.EntityFilter, error) {
	v := r.URL.Query()
	p, err := parsePaging(v, defaultLimit)
	if err != nil {
		return marsad.EntityFilter{}, err
	}
	t, err := parseEntityType(v)
	if err != nil {
		return marsad.EntityFilter{}, err
	}
	name, err := parseText(v, "name", false)
	if err != nil {
		return marsad.EntityFilter{}, err
	}
	return marsad.EntityFilter{Type: t, Name: name, Limit: p.Limit, Offset: p.Offset}, nil
}

// entityResponse is an entity with its articles and co-occurrence graph.
type entityResponse struct {
	Entity   *marsad.Entity      `json:"entity"`
	Articles []marsad.ArticleRef `json:"articles"`
	Graph    Graph               `json:"graph"`
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	resp, err := s.loadEntity(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, resp)
}

// entityArticlesLimiter is a store that can list only an entity's newest
// articles (sqlite and postgres can).
type entityArticlesLimiter interface {
	EntityArticlesN(ctx context.Context, id string, n int) ([]marsad.ArticleRef, error)
}

// maxEntityArticles is how many of an entity's articles its page and API
// object list, newest first.
const maxEntityArticles = 200

// loadEntity reads the entity named by the path, its articles and graph.
func (s *Server) loadEntity(r *http.Request) (entityResponse, error) {
	ctx := r.Context()
	id := r.PathValue("id")
	if !validEntityID(id) {
		return entityResponse{}, marsad.Errorf(marsad.EINVALID, "entity id: malformed")
	}
	e, err := s.Store.Entity(ctx, id)
	if err != nil {
		return entityResponse{}, err
	}
	var refs []marsad.ArticleRef
	if lim, ok := s.Store.(entityArticlesLimiter); ok {
		// The newest articles: a frequent name has thousands; the
		// entity's Articles field still counts them all.
		refs, err = lim.EntityArticlesN(ctx, id, maxEntityArticles)
	} else {
		refs, err = s.Store.EntityArticles(ctx, id)
	}
	if err != nil {
		return entityResponse{}, err
	}
	g, err := cooccurrenceGraph(ctx, s.Store, e, refs)
	if err != nil {
		return entityResponse{}, err
	}
	return entityResponse{Entity: e, Articles: nonNil(refs), Graph: g}, nil
}

// validEntityID reports whether id can name an entity at all.
func validEntityID(id string) bool {
	return id != "" && utf8.ValidString(id) && len(id) <= 4*maxQueryLen
}

type timelineResponse struct {
	Items []marsad.TimelineItem `json:"items"`
}

// timelineLimit is the default and largest number of timeline items.
const timelineLimit = 500

func (s *Server) apiTimeline(w http.ResponseWriter, r *http.Request) {
	f, err := parseTimelineFilter(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	items, err := s.Store.Timeline(r.Context(), f)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, timelineResponse{Items: nonNil(items)})
}

func parseTimelineFilter(r *http.Request) (marsad.TimelineFilter, error) {
	v := r.URL.Query()
	var f marsad.TimelineFilter
	var err error
	if f.Entity, err = parseText(v, "entity", false); err != nil {
		return f, err
	}
	if f.StoryID, err = parseOptionalID(v, "story"); err != nil {
		return f, err
	}
	if f.From, err = parseTimeBound(v, "from"); err != nil {
		return f, err
	}
	if f.To, err = parseTimeBound(v, "to"); err != nil {
		return f, err
	}
	if f.Limit, err = parseLimit(v, timelineLimit, timelineLimit); err != nil {
		return f, err
	}
	return f, nil
}

type quotesResponse struct {
	Limit  int                `json:"limit"`
	Offset int                `json:"offset"`
	Quotes []marsad.QuoteItem `json:"quotes"`
}

func (s *Server) apiQuotes(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	p, err := parsePaging(v, defaultLimit)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	kind, err := parseKind(v)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	speaker, err := parseText(v, "speaker", false)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	items, err := s.Store.Quotes(r.Context(), marsad.QuoteFilter{Speaker: speaker, Kind: kind, Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, quotesResponse{Limit: p.Limit, Offset: p.Offset, Quotes: nonNil(items)})
}

// postArticleResponse answers an ingest.
type postArticleResponse struct {
	ID      int64 `json:"id"`
	Created bool  `json:"created"`
}

// apiPostArticle ingests one article. It is routed only when a token is
// configured, and checks the bearer token in constant time.
func (s *Server) apiPostArticle(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="marsad"`)
		writeJSONStatus(w, http.StatusUnauthorized, map[string]string{"error": "missing or wrong bearer token"})
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		writeJSONStatus(w, http.StatusUnsupportedMediaType, map[string]string{"error": "want Content-Type application/json"})
		return
	}
	var a marsad.Article
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(&a); err != nil {
		if errorStatus(err) == http.StatusRequestEntityTooLarge {
			s.apiError(w, r, err)
			return
		}
		s.apiError(w, r, marsad.Errorf(marsad.EINVALID, "article: malformed JSON: %v", err))
		return
	}
	if dec.More() {
		s.apiError(w, r, marsad.Errorf(marsad.EINVALID, "article: one JSON object expected"))
		return
	}
	if err := validatePosted(&a); err != nil {
		s.apiError(w, r, err)
		return
	}
	a.ID = 0
	if a.Ingested.IsZero() {
		a.Ingested = s.Now().UTC()
	}
	if s.Ingest != nil {
		if err := s.Ingest(r.Context(), &a); err != nil {
			s.apiError(w, r, err)
			return
		}
	}
	if a.ContentHash == "" {
		sum := sha256.Sum256([]byte(a.Title + "\n" + a.Body))
		a.ContentHash = hex.EncodeToString(sum[:])
	}
	id, created, err := s.Store.PutArticle(r.Context(), &a)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		if s.cache != nil {
			s.cache.purge() // lists and searches may now hold it
		}
		status = http.StatusCreated
		w.Header().Set("Location", "/api/articles/"+itoa(id))
	}
	writeJSONStatus(w, status, postArticleResponse{ID: id, Created: created})
}

func (s *Server) authorized(r *http.Request) bool {
	const prefix = "Bearer "
	h := r.Header.Get("Authorization")
	if s.Token == "" || len(h) < len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(h[len(prefix):]), []byte(s.Token)) == 1
}

// validatePosted checks what a store needs of a posted article: a body of
// valid UTF-8 text. Analysis offsets are checked too, since pages cut the
// body with them.
func validatePosted(a *marsad.Article) error {
	if strings.TrimSpace(a.Body) == "" {
		return marsad.Errorf(marsad.EINVALID, "article: empty body")
	}
	for _, f := range []struct{ name, v string }{
		{"title", a.Title}, {"body", a.Body}, {"outlet", a.Outlet}, {"author", a.Author}, {"dateline", a.Dateline}, {"url", a.URL},
	} {
		if !utf8.ValidString(f.v) {
			return marsad.Errorf(marsad.EINVALID, "article: %s is not valid UTF-8", f.name)
		}
	}
	n := utf8.RuneCountInString(a.Body)
	bad := func(start, end int) bool { return start < 0 || end < start || end > n }
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if bad(m.Start, m.End) {
				return marsad.Errorf(marsad.EINVALID, "article: mention %d–%d outside the body", m.Start, m.End)
			}
		}
	}
	for _, t := range a.Times {
		if bad(t.Start, t.End) {
			return marsad.Errorf(marsad.EINVALID, "article: time expression %d–%d outside the body", t.Start, t.End)
		}
	}
	for _, q := range a.Quotes {
		if bad(q.Start, q.End) {
			return marsad.Errorf(marsad.EINVALID, "article: quote %d–%d outside the body", q.Start, q.End)
		}
	}
	return nil
}

// nonNil makes an empty list marshal as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
