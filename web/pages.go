package web

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/marsad-news/marsad"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pageSet holds one template per page, each joined with the shared layout.
type pageSet struct {
	pages map[string]*template.Template
}

var funcs = template.FuncMap{
	"arabicDate":      arabicDate,
	"dateTime":        dateTime,
	"arabicWhen":      arabicWhen,
	"entityTypeLabel": entityTypeLabel,
	"quoteKindLabel":  quoteKindLabel,
	"quoteKindClass":  quoteKindClass,
	"eventKindLabel":  eventKindLabel,
	"typeClass":       typeClass,
	"snippet":         snippetHTML,
	"pathEscape":      pathEscape,
	"itoa":            itoa,
	"quoteAnchor":     quoteAnchor,
	"add":             func(a, b int) int { return a + b },
	"assetVersion":    func() string { return assetVersion },
}

func mustParsePages() *pageSet {
	ps := &pageSet{pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	for _, n := range names {
		base := path.Base(n)
		if base == "layout.html" {
			continue
		}
		t := template.Must(template.New(base).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n))
		ps.pages[strings.TrimSuffix(base, ".html")] = t
	}
	return ps
}

// pageData is what every page's layout reads.
type pageData struct {
	Title string // the <title>, before " — مرصد"
	Query string // the search box's value
	Nav   string // the current section, for the navigation's aria-current
	Body  any    // the page's own data
}

// render executes a page into a buffer and writes it as a cached response.
func (s *Server) render(w http.ResponseWriter, r *http.Request, page string, data pageData) {
	body, err := s.execute(page, data)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.writeCached(w, r, "text/html; charset=utf-8", body)
}

func (s *Server) execute(page string, data pageData) ([]byte, error) {
	t, ok := s.pages.pages[page]
	if !ok {
		return nil, fmt.Errorf("web: no page template %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		return nil, fmt.Errorf("web: render %s: %w", page, err)
	}
	return buf.Bytes(), nil
}

// errorPage is the body of the error page.
type errorPage struct {
	Status  int
	Message string
}

// pageError answers a page request with an error page at the status
// errorStatus gives the error. It is never cached.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status := errorStatus(err)
	msg := s.errorMessage(r, err, status)
	switch status {
	case http.StatusNotFound:
		msg = "لم نجد ما تبحث عنه."
	case http.StatusBadRequest:
		msg = "طلب غير صالح: " + msg
	case http.StatusInternalServerError:
		msg = "حدث خطأ داخلي."
	}
	body, rerr := s.execute("error", pageData{Title: "خطأ " + strconv.Itoa(status), Body: errorPage{Status: status, Message: msg}})
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	if rerr != nil {
		s.logger().Error("web: render error page", "err", rerr)
		h.Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		fmt.Fprintln(w, http.StatusText(status))
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(body)
}

func (s *Server) handleNotFoundPage(w http.ResponseWriter, r *http.Request) {
	s.pageError(w, r, marsad.Errorf(marsad.ENOTFOUND, ""))
}

// pager is the navigation between pages of a list.
type pager struct {
	Page       int
	Prev, Next string // URLs; empty at the ends
	Total      int    // -1 when the store does not say
	From, To   int    // 1-based range shown
}

func newPager(base url.Values, path string, p paging, shown, total int) pager {
	pg := pager{Page: p.page(), Total: total, From: p.Offset + 1, To: p.Offset + shown}
	link := func(page int) string {
		v := url.Values{}
		for k, vs := range base {
			if k != "page" && k != "offset" {
				v[k] = vs
			}
		}
		if page > 1 {
			v.Set("page", strconv.Itoa(page))
		}
		if len(v) == 0 {
			return path
		}
		return path + "?" + v.Encode()
	}
	if pg.Page > 1 {
		pg.Prev = link(pg.Page - 1)
	}
	more := shown == p.Limit
	if total >= 0 {
		more = p.Offset+shown < total
	}
	if more {
		pg.Next = link(pg.Page + 1)
	}
	return pg
}

// homePage lists articles.
type homePage struct {
	Articles []*marsad.Article
	Outlet   string
	Pager    pager
}

func (s *Server) handleHome(w http.ResponseWriter, r *http.Request) {
	f, p, err := parseArticleFilter(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	list, total, err := s.Store.Articles(r.Context(), f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "home", pageData{Title: "أحدث المقالات", Nav: "home", Body: homePage{
		Articles: list, Outlet: f.Outlet, Pager: newPager(r.URL.Query(), "/", p, len(list), total),
	}})
}

// articlePage shows one article with its analysis.
type articlePage struct {
	Article  *marsad.Article
	Body     template.HTML // highlighted, built from escaped pieces
	Entities []entityGroup
	AlsoIn   []marsad.ArticleRef
	Stories  []storyRef
	Counts   map[string]int
}

type entityGroup struct {
	Type     marsad.EntityType
	Label    string
	Entities []marsad.Entity
}

func (s *Server) handleArticlePage(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "article")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a, err := s.Store.Article(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	idx, err := s.storyIndex(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	layers := articleLayers(a)
	counts := highlightCounts(a.Body, layers)
	s.render(w, r, "article", pageData{Title: cmp.Or(a.Title, "مقال "+itoa(a.ID)), Body: articlePage{
		Article: a, Body: highlightBody(a.Body, layers), Entities: groupEntities(a.Entities),
		AlsoIn: idx.alsoIn[a.ID], Stories: idx.stories[a.ID], Counts: counts,
	}})
}

// groupEntities groups an article's entities by type, people first, each
// group by number of mentions.
func groupEntities(es []marsad.Entity) []entityGroup {
	order := []marsad.EntityType{marsad.Person, marsad.Organization, marsad.Location, marsad.Misc}
	var out []entityGroup
	for _, t := range order {
		g := entityGroup{Type: t, Label: entityTypeLabel(t)}
		for _, e := range es {
			if e.Type == t || (t == marsad.Misc && !validEntityType(e.Type)) {
				g.Entities = append(g.Entities, e)
			}
		}
		slices.SortStableFunc(g.Entities, func(a, b marsad.Entity) int { return cmp.Compare(len(b.Mentions), len(a.Mentions)) })
		if len(g.Entities) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// searchPage shows search hits with facets by outlet.
type searchPage struct {
	Query   string
	Notice  string // why the query could not run
	Outlet  string
	Result  *marsad.SearchResult
	Hits    []searchHitView
	Facets  []facet
	Sampled int // facets count the first Sampled hits only
	Pager   pager
	FeedURL string
}

type searchHitView struct {
	marsad.SearchHit
	AlsoIn  []marsad.ArticleRef
	Stories []storyRef
}

type facet struct {
	Outlet  string
	Count   int
	URL     string
	Current bool
}

// facetSample is how many top hits the outlet facets count: a store builds
// a snippet for each, so more costs time (500 took 1.4 s on sqlite, 100
// took 0.13 s).
const facetSample = 100

func (s *Server) handleSearchPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := parseText(v, "q", false)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if q == "" {
		s.render(w, r, "search", pageData{Title: "بحث", Nav: "search", Body: searchPage{}})
		return
	}
	outlet, err := parseText(v, "outlet", false)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	p, err := parsePaging(v, defaultLimit)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	// The page's hits and the outlet counts are independent reads: run them
	// at once. The counts are read even when the page may turn out to hold
	// every hit, since waiting to know would serialize them again.
	var res *marsad.SearchResult
	var counts map[string]int
	var sampled int
	var countErr error
	var wg sync.WaitGroup
	wg.Go(func() { counts, sampled, countErr = s.outletCounts(ctx, q) })
	res, err = s.Store.Search(ctx, marsad.SearchQuery{Query: q, Outlet: outlet, Limit: p.Limit, Offset: p.Offset})
	wg.Wait()
	if marsad.ErrorCode(err) == marsad.EINVALID {
		// The store refuses the query itself (only stopwords, say): tell
		// the analyst on the search page rather than on an error page.
		s.render(w, r, "search", pageData{Title: "بحث: " + q, Query: q, Nav: "search", Body: searchPage{
			Query: q, Notice: s.errorMessage(r, err, http.StatusBadRequest), Result: &marsad.SearchResult{Query: q},
		}})
		return
	} else if err != nil {
		s.pageError(w, r, err)
		return
	}
	if countErr != nil {
		s.pageError(w, r, countErr)
		return
	}
	facets := outletFacets(q, outlet, counts)
	idx, err := s.storyIndex(ctx)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	hits := make([]searchHitView, len(res.Hits))
	for i, h := range res.Hits {
		hits[i] = searchHitView{SearchHit: h, AlsoIn: idx.alsoIn[h.Article.ID], Stories: idx.stories[h.Article.ID]}
	}
	s.render(w, r, "search", pageData{Title: "بحث: " + q, Query: q, Nav: "search", Body: searchPage{
		Query: q, Outlet: outlet, Result: res, Hits: hits, Facets: facets, Sampled: sampled,
		Pager:   newPager(v, "/search", p, len(res.Hits), res.Total),
		FeedURL: "/search/feed.atom?" + searchQueryString(q, outlet, 0),
	}})
}

// outletFacets lists the outlets of q's hits by count, each linking to
// the search within it, marking the current one.
func outletFacets(q, current string, counts map[string]int) []facet {
	out := make([]facet, 0, len(counts))
	for o, n := range counts {
		if o == "" {
			continue
		}
		out = append(out, facet{Outlet: o, Count: n, URL: "/search?" + searchQueryString(q, o, 0), Current: o == current})
	}
	slices.SortFunc(out, func(a, b facet) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Outlet, b.Outlet))
	})
	return out
}

// outletCounter is a Store that can count the hits of a query by outlet
// without ranking them or building their snippets. The desk uses it for
// exact facets when the store offers it; without it, facets come from a
// second search of the top facetSample hits, which is most of a cold
// search page's time on the SaudiNewsNet corpus (see LOAD.md).
type outletCounter interface {
	SearchOutlets(ctx context.Context, query string) (map[string]int, error)
}

// outletCounts counts the outlets of q's hits in every outlet (so the
// analyst can switch): all of them when the store can, else the top
// facetSample, reporting how many it sampled (0 when the counts cover
// every hit).
func (s *Server) outletCounts(ctx context.Context, q string) (map[string]int, int, error) {
	if oc, ok := s.Store.(outletCounter); ok {
		counts, err := oc.SearchOutlets(ctx, q)
		return counts, 0, err
	}
	res, err := s.Store.Search(ctx, marsad.SearchQuery{Query: q, Limit: facetSample})
	if err != nil {
		return nil, 0, err
	}
	counts := map[string]int{}
	for _, h := range res.Hits {
		counts[h.Article.Outlet]++
	}
	sampled := 0
	if res.Total > len(res.Hits) {
		sampled = len(res.Hits)
	}
	return counts, sampled, nil
}

func searchQueryString(q, outlet string, page int) string {
	v := url.Values{"q": {q}}
	if outlet != "" {
		v.Set("outlet", outlet)
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return v.Encode()
}

type storiesPage struct {
	Stories []marsad.Story
	Pager   pager
}

func (s *Server) handleStoriesPage(w http.ResponseWriter, r *http.Request) {
	p, err := parsePaging(r.URL.Query(), defaultLimit)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	list, err := s.Store.Stories(r.Context(), marsad.StoryFilter{Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, "stories", pageData{Title: "القصص", Nav: "stories", Body: storiesPage{
		Stories: list, Pager: newPager(r.URL.Query(), "/stories", p, len(list), -1),
	}})
}

type storyPage struct {
	Story          *marsad.Story
	Chart          timelineChart
	Years          []timelineYear
	Speakers       []speakerQuotes
	Contradictions []contradictionView
	Outlets        []outletSpan
	FeedURL        string
}

func (s *Server) handleStoryPage(w http.ResponseWriter, r *http.Request) {
	id, err := parseID(r.PathValue("id"), "story")
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	ctx := r.Context()
	st, err := s.Store.Story(ctx, id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var items []marsad.TimelineItem
	var speakers []speakerQuotes
	var contras []contradictionView
	err = parallel(func() (err error) {
		items, err = s.Store.Timeline(ctx, marsad.TimelineFilter{StoryID: id, Limit: timelineLimit})
		return err
	}, func() (err error) {
		speakers, contras, err = storyQuotes(ctx, s.Store, st)
		return err
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	chart, years := buildTimeline(items)
	s.render(w, r, "story", pageData{Title: cmp.Or(st.Title, "قصة "+itoa(id)), Nav: "stories", Body: storyPage{
		Story: st, Chart: chart, Years: years, Speakers: speakers, Contradictions: contras,
		Outlets: storyOutlets(st), FeedURL: "/stories/" + itoa(id) + "/feed.atom",
	}})
}

type entitiesPage struct {
	Entities []marsad.Entity
	Type     marsad.EntityType
	Name     string
	Types    []typeFilter
	Pager    pager
}

type typeFilter struct {
	Label   string
	URL     string
	Current bool
}

func (s *Server) handleEntitiesPage(w http.ResponseWriter, r *http.Request) {
	f, err := parseEntityFilter(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	list, err := s.Store.Entities(r.Context(), f)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var types []typeFilter
	for _, t := range []marsad.EntityType{"", marsad.Person, marsad.Organization, marsad.Location, marsad.Misc} {
		v := url.Values{}
		label := "الكل"
		if t != "" {
			v.Set("type", string(t))
			label = entityTypeLabel(t)
		}
		if f.Name != "" {
			v.Set("name", f.Name)
		}
		u := "/entities"
		if len(v) > 0 {
			u += "?" + v.Encode()
		}
		types = append(types, typeFilter{Label: label, URL: u, Current: t == f.Type})
	}
	p := paging{Limit: f.Limit, Offset: f.Offset}
	s.render(w, r, "entities", pageData{Title: "الكيانات", Nav: "entities", Body: entitiesPage{
		Entities: list, Type: f.Type, Name: f.Name, Types: types,
		Pager: newPager(r.URL.Query(), "/entities", p, len(list), -1),
	}})
}

// quotesPage lists who said what, filtered by speaker and kind.
type quotesPage struct {
	Quotes  []marsad.QuoteItem
	Speaker string
	Kind    marsad.QuoteKind
	Kinds   []typeFilter
	Pager   pager
}

// handleQuotesPage is the quotes desk: every quote with its speaker, kind
// and article, newest articles first, filtered by speaker (a name or an
// entity id, as the API's speaker parameter) and kind.
func (s *Server) handleQuotesPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	p, err := parsePaging(v, defaultLimit)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	kind, err := parseKind(v)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	speaker, err := parseText(v, "speaker", false)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	items, err := s.Store.Quotes(r.Context(), marsad.QuoteFilter{Speaker: speaker, Kind: kind, Limit: p.Limit, Offset: p.Offset})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	var kinds []typeFilter
	for _, k := range []marsad.QuoteKind{"", marsad.Claim, marsad.Denial, marsad.Confirmation, marsad.Statement} {
		q := url.Values{}
		label := "الكل"
		if k != "" {
			q.Set("kind", string(k))
			label = quoteKindLabel(k)
		}
		if speaker != "" {
			q.Set("speaker", speaker)
		}
		u := "/quotes"
		if len(q) > 0 {
			u += "?" + q.Encode()
		}
		kinds = append(kinds, typeFilter{Label: label, URL: u, Current: k == kind})
	}
	title := "الأقوال"
	if speaker != "" {
		title += " — " + speaker
	}
	s.render(w, r, "quotes", pageData{Title: title, Nav: "quotes", Body: quotesPage{
		Quotes: items, Speaker: speaker, Kind: kind, Kinds: kinds,
		Pager: newPager(v, "/quotes", p, len(items), -1),
	}})
}

type entityPage struct {
	Entity       *marsad.Entity
	Quotes       []marsad.QuoteItem
	Roles        []marsad.Role
	Articles     []marsad.ArticleRef // the first entityMaxArticles
	ArticleCount int                 // all of them
	Graph        graphSVG
	Chart        timelineChart
	Years        []timelineYear
}

// Entity page bounds: a frequent entity (a country, a ministry) occurs in
// thousands of articles; the page lists the newest, the API all.
const (
	entityMaxQuotes   = 50
	entityMaxArticles = 100
)

func (s *Server) handleEntityPage(w http.ResponseWriter, r *http.Request) {
	// The entity, its timeline and its quotes are independent reads; the
	// timeline and quotes are keyed by the id in the path, which is the
	// entity's id when it exists.
	var resp entityResponse
	var items []marsad.TimelineItem
	var quotes []marsad.QuoteItem
	id := r.PathValue("id")
	err := parallel(func() (err error) {
		resp, err = s.loadEntity(r)
		return err
	}, func() (err error) {
		if validEntityID(id) {
			items, err = s.Store.Timeline(r.Context(), marsad.TimelineFilter{Entity: id, Limit: timelineLimit})
		}
		return err
	}, func() (err error) {
		if validEntityID(id) {
			quotes, err = s.Store.Quotes(r.Context(), marsad.QuoteFilter{Speaker: id, Limit: entityMaxQuotes})
		}
		return err
	})
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	roles := slices.Clone(resp.Entity.Roles)
	slices.SortStableFunc(roles, func(a, b marsad.Role) int { return a.Seen.Time.Compare(b.Seen.Time) })
	chart, years := buildTimeline(items)
	s.render(w, r, "entity", pageData{Title: cmp.Or(resp.Entity.Name, resp.Entity.ID), Nav: "entities", Body: entityPage{
		Entity: resp.Entity, Quotes: quotes, Roles: roles, Graph: layoutGraph(resp.Graph),
		Articles: resp.Articles[:min(len(resp.Articles), entityMaxArticles)], ArticleCount: len(resp.Articles),
		Chart: chart, Years: years,
	}})
}

// assetVersion fingerprints the static files, so pages can link them with
// a query that changes when they do and caches can keep them long.
var assetVersion = func() string {
	h := sha256.New()
	fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := staticFS.ReadFile(p)
			h.Write([]byte(p))
			h.Write(b)
		}
		return nil
	})
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:6])
}()

func (s *Server) handleStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	b, err := staticFS.ReadFile("static/" + name)
	if err != nil || strings.Contains(name, "/") {
		s.pageError(w, r, marsad.Errorf(marsad.ENOTFOUND, ""))
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	if r.URL.Query().Get("v") == assetVersion {
		// The version in the URL changes with the content.
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	s.writeCached(w, r, ct, b)
}
