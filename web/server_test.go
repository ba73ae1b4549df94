package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/mmcdole/gofeed"
)

func newTestServer(tb testing.TB, store marsad.Store) *Server {
	tb.Helper()
	s := NewServer(store)
	s.Logger = slog.New(slog.DiscardHandler)
	s.Now = func() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }
	return s
}

func do(tb testing.TB, h http.Handler, method, target string, body io.Reader, header http.Header) *httptest.ResponseRecorder {
	tb.Helper()
	req := httptest.NewRequest(method, target, body)
	for k, vs := range header {
		req.Header[k] = vs
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func get(tb testing.TB, h http.Handler, target string) *httptest.ResponseRecorder {
	tb.Helper()
	return do(tb, h, http.MethodGet, target, nil, nil)
}

func q(s string) string { return url.QueryEscape(s) }

func TestRoutes(t *testing.T) {
	fx := newFixture(t)
	h := newTestServer(t, fx.store).Handler()
	const (
		html = "text/html; charset=utf-8"
		js   = jsonContentType
		atom = "application/atom+xml; charset=utf-8"
	)
	tests := []struct {
		path   string
		status int
		ctype  string
	}{
		{"/", 200, html},
		{"/?page=2", 200, html},
		{"/?outlet=" + q("عربي بوست"), 200, html},
		{"/?page=0", 400, html},
		{"/?limit=x", 400, html},
		{"/articles/1", 200, html},
		{"/articles/2", 200, html},
		{"/articles/99", 404, html},
		{"/articles/abc", 400, html},
		{"/articles/-1", 400, html},
		{"/search", 200, html},
		{"/search?q=" + q("حفتر"), 200, html},
		{"/search?q=" + q("حفتر") + "&outlet=" + q("عربي بوست"), 200, html},
		{"/search?q=" + q("لا شيء هنا"), 200, html},
		{"/search?q=" + q("حفتر") + "&page=x", 400, html},
		{"/search/feed.atom?q=" + q("حفتر"), 200, atom},
		{"/search/feed.atom", 400, html},
		{"/stories", 200, html},
		{"/stories/7", 200, html},
		{"/stories/8", 404, html},
		{"/stories/7/feed.atom", 200, atom},
		{"/stories/8/feed.atom", 404, html},
		{"/entities", 200, html},
		{"/entities?type=PER", 200, html},
		{"/entities?type=XYZ", 400, html},
		{"/entities?name=" + q("حفتر"), 200, html},
		{"/entities/haftar", 200, html},
		{"/entities/evil", 200, html},
		{"/entities/nobody", 404, html},
		{"/static/style.css", 200, "text/css; charset=utf-8"},
		{"/static/app.js", 200, "text/javascript; charset=utf-8"},
		{"/static/nope.css", 404, html},
		{"/nowhere", 404, html},

		{"/api/search?q=" + q("حفتر"), 200, js},
		{"/api/search?q=" + q("حفتر") + "&limit=1&offset=1", 200, js},
		{"/api/search", 400, js},
		{"/api/search?q=%20%20", 400, js},
		{"/api/search?q=x&limit=ten", 400, js},
		{"/api/search?q=x&offset=-1", 400, js},
		{"/api/search?q=%ff", 400, js},
		{"/api/search?q=" + strings.Repeat("ب", 501), 400, js},
		{"/api/articles", 200, js},
		{"/api/articles?limit=1&offset=2", 200, js},
		{"/api/articles?from=2023-09-27", 200, js},
		{"/api/articles?from=yesterday", 400, js},
		{"/api/articles?limit=-1", 400, js},
		{"/api/articles/1", 200, js},
		{"/api/articles/99", 404, js},
		{"/api/articles/1.5", 400, js},
		{"/api/stories", 200, js},
		{"/api/stories?offset=x", 400, js},
		{"/api/stories/7", 200, js},
		{"/api/stories/70", 404, js},
		{"/api/stories/seven", 400, js},
		{"/api/entities", 200, js},
		{"/api/entities?type=loc", 200, js},
		{"/api/entities?type=PLACE", 400, js},
		{"/api/entities/haftar", 200, js},
		{"/api/entities/nobody", 404, js},
		{"/api/timeline", 200, js},
		{"/api/timeline?entity=haftar&from=2023&to=2023-09", 200, js},
		{"/api/timeline?story=7", 200, js},
		{"/api/timeline?story=x", 400, js},
		{"/api/timeline?from=Sept", 400, js},
		{"/api/timeline?limit=many", 400, js},
		{"/api/quotes", 200, js},
		{"/api/quotes?kind=denial&speaker=" + q("المسماري"), 200, js},
		{"/api/quotes?kind=lie", 400, js},
		{"/api/openapi.json", 200, js},
		{"/api/nothing", 404, js},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := get(t, h, tt.path)
			if rec.Code != tt.status {
				t.Fatalf("status = %d, want %d; body: %.300s", rec.Code, tt.status, rec.Body.String())
			}
			if got := rec.Header().Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type = %q, want %q", got, tt.ctype)
			}
			checkSecurityHeaders(t, rec.Header())
			if tt.ctype == js && tt.status != 200 {
				var e struct{ Error string }
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == "" {
					t.Errorf("error body = %q, want {\"error\": \"...\"}", rec.Body.String())
				}
			}
			cc := rec.Header().Get("Cache-Control")
			if tt.status == 200 {
				if !strings.Contains(cc, "max-age=") || rec.Header().Get("ETag") == "" {
					t.Errorf("Cache-Control = %q, ETag = %q; want caching headers on a read", cc, rec.Header().Get("ETag"))
				}
			} else if cc != "no-store" {
				t.Errorf("Cache-Control = %q on an error, want no-store", cc)
			}
			if strings.HasPrefix(tt.ctype, "text/html") {
				if !strings.Contains(rec.Body.String(), `<html lang="ar" dir="rtl">`) {
					t.Errorf("page is not an Arabic RTL document")
				}
			}
		})
	}
}

func checkSecurityHeaders(t *testing.T, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("Content-Security-Policy = %q", csp)
	}
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q", got)
	}
	if h.Get("Referrer-Policy") == "" {
		t.Errorf("no Referrer-Policy")
	}
}

// TestHostileEscaped checks every page that shows the hostile article: no
// markup from it survives, and the only script is the server's own file.
func TestHostileEscaped(t *testing.T) {
	fx := newFixture(t)
	checkHostilePages(t, newTestServer(t, fx.store).Handler(), fx)
}

// hostilePages are the pages that show the fixture's hostile article or
// entity, or echo a hostile parameter.
func hostilePages(fx fixture) []string {
	return []string{
		"/",
		"/articles/" + itoa(fx.ids[1]),
		"/search?q=" + q("عدائي"),
		"/search?q=" + q("<script>"),
		"/search?q=" + q(hostileSVG),
		"/stories",
		"/stories/" + itoa(fx.storyID),
		"/entities",
		"/entities/haftar",
		"/entities/evil",
		"/entities?name=" + q(hostileSVG),
		"/quotes",
		"/quotes?kind=claim",
		"/quotes?speaker=" + q(hostileSVG),
		"/articles/" + q("<script>"),
		"/nowhere" + q(hostileSVG),
	}
}

func checkHostilePages(t *testing.T, h http.Handler, fx fixture) {
	t.Helper()
	forbidden := []string{"<script>window", "<img src=x", "<svg onload", `"><svg`, "onerror=\"window", `href="javascript:`}
	for _, p := range hostilePages(fx) {
		t.Run(p, func(t *testing.T) {
			rec := get(t, h, p)
			body := rec.Body.String()
			for _, f := range forbidden {
				if strings.Contains(body, f) {
					i := strings.Index(body, f)
					t.Errorf("page contains %q: …%s…", f, body[max(0, i-80):min(len(body), i+80)])
				}
			}
			if n := strings.Count(body, "<script"); n != 1 || !strings.Contains(body, `<script src="/static/app.js?v=`) {
				t.Errorf("page has %d <script> elements, want only the app.js one", n)
			}
		})
	}
	// And the hostile text is shown, as text.
	body := get(t, h, "/articles/"+itoa(fx.ids[1])).Body.String()
	for _, want := range []string{"&lt;script&gt;window.pwned=1&lt;/script&gt;", "&lt;img src=x onerror="} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks escaped %q", want)
		}
	}
}

func TestArticlePageHighlights(t *testing.T) {
	fx := newFixture(t)
	h := newTestServer(t, fx.store).Handler()
	body := get(t, h, "/articles/1").Body.String()
	for _, want := range []string{
		`<mark class="ent ent-per" title="شخص: خليفة حفتر">خليفة حفتر</mark>`,
		`<mark class="ent ent-loc" title="مكان: موسكو">موسكو</mark>`,
		`<mark class="tx" title="زمن: 2023-09-26">الثلاثاء</mark>`,
		`<mark class="q q-claim" id="q-1-`,
		`<mark class="q q-denial"`,
		`نُشر أيضًا في: <a href="/articles/3">الشرق الأوسط</a>`,
		`<time datetime="2023-09-26">26 سبتمبر 2023</time>`,
		`ضمن قصة: <a href="/stories/7">`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	if n := strings.Count(body, "<p>"); n < 3 {
		t.Errorf("article body has %d paragraphs, want 3 (blank lines dropped)", n)
	}
}

func TestSearchPage(t *testing.T) {
	fx := newFixture(t)
	h := newTestServer(t, fx.store).Handler()
	body := get(t, h, "/search?q="+q("حفتر")).Body.String()
	for _, want := range []string{
		`<mark>حفتر</mark>`,
		`href="/search?outlet=`, // a facet
		`أيضًا في:`,
		`href="/search/feed.atom?q=`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("search page lacks %q", want)
		}
	}
}

func TestStoryPage(t *testing.T) {
	fx := newFixture(t)
	h := newTestServer(t, fx.store).Handler()
	body := get(t, h, "/stories/7").Body.String()
	for _, want := range []string{
		`<svg class="timeline-chart"`,
		`<circle`,
		`id="ev-1"`,
		`اتفاق الصخيرات`,
		`class="quote q-claim"`,
		`class="quote q-denial"`,
		`class="against" href="#q-1-`, // a contradiction links its sides
		`<td>الشرق الأوسط</td>`,
		`نسخ منه:`,
		`type="application/atom+xml"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
}

func TestEntityPage(t *testing.T) {
	fx := newFixture(t)
	h := newTestServer(t, fx.store).Handler()
	body := get(t, h, "/entities/haftar").Body.String()
	for _, want := range []string{
		`<svg class="graph"`,
		`href="/entities/moscow"`,
		`href="/entities/mismari"`,
		`اللواء المتقاعد`,
		`المشير`,
		`الخط الزمني`,
		`أقواله`,
		`<q>الزيارة ناجحة</q>`,
		`وأيضًا في: <a href="/articles/3">`, // the duplicate's event is folded
	} {
		if !strings.Contains(body, want) {
			t.Errorf("entity page lacks %q", want)
		}
	}
	// Roles are shown in time order.
	if strings.Index(body, "اللواء المتقاعد") > strings.Index(body, "<time datetime=\"2023-09-26\">26 سبتمبر 2023</time> المشير") {
		t.Errorf("roles not in time order")
	}
}

func decode[T any](t *testing.T, rec *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %T: %v; body %.300s", v, err, rec.Body.String())
	}
	return v
}

func TestAPIShapes(t *testing.T) {
	fx := newFixture(t)
	h := newTestServer(t, fx.store).Handler()

	t.Run("search", func(t *testing.T) {
		got := decode[searchResponse](t, get(t, h, "/api/search?q="+q("حفتر")+"&limit=1"))
		if got.Total != 3 || len(got.Hits) != 1 || got.Limit != 1 {
			t.Errorf("total %d, hits %d, limit %d; want 3, 1, 1", got.Total, len(got.Hits), got.Limit)
		}
		if !strings.Contains(got.Hits[0].Snippet, marsad.MarkStart) {
			t.Errorf("snippet %q lost its marks", got.Hits[0].Snippet)
		}
	})
	t.Run("empty lists are []", func(t *testing.T) {
		for _, p := range []string{"/api/search?q=" + q("لا شيء"), "/api/quotes?kind=confirmation", "/api/articles?offset=50", "/api/timeline?from=1990&to=1991"} {
			body := get(t, h, p).Body.String()
			if strings.Contains(body, "null") && !strings.Contains(body, "[]") {
				t.Errorf("%s: %s", p, body)
			}
		}
	})
	t.Run("articles", func(t *testing.T) {
		got := decode[struct {
			Total    int
			Articles []map[string]any
		}](t, get(t, h, "/api/articles?limit=2"))
		if got.Total != 3 || len(got.Articles) != 2 {
			t.Errorf("total %d, %d articles; want 3, 2", got.Total, len(got.Articles))
		}
	})
	t.Run("article", func(t *testing.T) {
		got := decode[marsad.Article](t, get(t, h, "/api/articles/1"))
		if got.ID != 1 || len(got.Quotes) != 2 || got.Published.String() != "2023-09-26" {
			t.Errorf("got id %d, %d quotes, published %q", got.ID, len(got.Quotes), got.Published)
		}
	})
	t.Run("entity graph", func(t *testing.T) {
		got := decode[entityResponse](t, get(t, h, "/api/entities/haftar"))
		if got.Entity == nil || got.Entity.ID != "haftar" || len(got.Articles) != 3 {
			t.Fatalf("entity %+v, %d articles", got.Entity, len(got.Articles))
		}
		ids := map[string]bool{}
		for _, n := range got.Graph.Nodes {
			ids[n.ID] = true
		}
		for _, want := range []string{"haftar", "moscow", "mismari"} {
			if !ids[want] {
				t.Errorf("graph nodes %v lack %q", ids, want)
			}
		}
		for _, e := range got.Graph.Edges {
			if !ids[e.Source] || !ids[e.Target] || e.Weight < 1 {
				t.Errorf("bad edge %+v", e)
			}
		}
	})
	t.Run("timeline filters", func(t *testing.T) {
		got := decode[timelineResponse](t, get(t, h, "/api/timeline?story=7&from=2023"))
		if len(got.Items) != 2 {
			t.Errorf("%d items, want 2: %+v", len(got.Items), got.Items)
		}
	})
	t.Run("quotes filters", func(t *testing.T) {
		got := decode[quotesResponse](t, get(t, h, "/api/quotes?kind=denial"))
		if len(got.Quotes) != 2 { // the article and its duplicate
			t.Errorf("%d denials, want 2", len(got.Quotes))
		}
	})
	t.Run("openapi", func(t *testing.T) {
		got := decode[struct {
			OpenAPI string                    `json:"openapi"`
			Paths   map[string]map[string]any `json:"paths"`
		}](t, get(t, h, "/api/openapi.json"))
		if got.OpenAPI != "3.1.0" {
			t.Errorf("openapi = %q", got.OpenAPI)
		}
		checkRefs(t, openAPISpec)
		for _, p := range []string{"/api/search", "/api/articles", "/api/articles/{id}", "/api/stories", "/api/stories/{id}", "/api/entities", "/api/entities/{id}", "/api/timeline", "/api/quotes", "/api/openapi.json"} {
			if _, ok := got.Paths[p]; !ok {
				t.Errorf("openapi lacks %s", p)
			}
		}
	})
}

func TestConditionalGet(t *testing.T) {
	fx := newFixture(t)
	h := newTestServer(t, fx.store).Handler()
	for _, p := range []string{"/api/articles/1", "/articles/1", "/static/style.css", "/stories/7/feed.atom"} {
		t.Run(p, func(t *testing.T) {
			first := get(t, h, p)
			etag := first.Header().Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			second := do(t, h, http.MethodGet, p, nil, http.Header{"If-None-Match": {etag}})
			if second.Code != http.StatusNotModified || second.Body.Len() != 0 {
				t.Errorf("revalidation: status %d, %d bytes; want 304, 0", second.Code, second.Body.Len())
			}
			head := do(t, h, http.MethodHead, p, nil, nil)
			if head.Code != 200 || head.Body.Len() != 0 {
				t.Errorf("HEAD: status %d, %d bytes", head.Code, head.Body.Len())
			}
		})
	}
}

func TestFeeds(t *testing.T) {
	fx := newFixture(t)
	s := newTestServer(t, fx.store)
	s.BaseURL = "https://desk.example/"
	h := s.Handler()
	type feed struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	t.Run("story", func(t *testing.T) {
		rec := get(t, h, "/stories/7/feed.atom")
		var f feed
		if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil {
			t.Fatal(err)
		}
		if len(f.Entries) != 3 {
			t.Fatalf("%d entries, want 3 (two articles and a duplicate)", len(f.Entries))
		}
		if f.ID != "https://desk.example/stories/7/feed.atom" || !strings.HasPrefix(f.Entries[0].ID, "https://desk.example/articles/") {
			t.Errorf("ids %q, %q", f.ID, f.Entries[0].ID)
		}
		if !strings.Contains(f.Title, hostileScript) { // as text: XML-escaped on the wire
			t.Errorf("title %q", f.Title)
		}
		if strings.Contains(rec.Body.String(), "<script>") {
			t.Errorf("feed carries raw markup")
		}
		for _, e := range f.Entries {
			if _, err := time.Parse(time.RFC3339, e.Updated); err != nil {
				t.Errorf("entry updated %q: %v", e.Updated, err)
			}
		}
	})
	t.Run("a feed reader reads it", func(t *testing.T) {
		for _, p := range []string{"/stories/7/feed.atom", "/search/feed.atom?q=" + q("حفتر")} {
			f, err := gofeed.NewParser().ParseString(get(t, h, p).Body.String())
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			if f.FeedType != "atom" || len(f.Items) != 3 || f.Language != "ar" {
				t.Errorf("%s: type %q, %d items, language %q", p, f.FeedType, len(f.Items), f.Language)
			}
			for _, it := range f.Items {
				if it.GUID == "" || it.Link == "" || it.UpdatedParsed == nil {
					t.Errorf("%s: item %+v lacks id, link or updated", p, it)
				}
			}
		}
	})
	t.Run("search", func(t *testing.T) {
		rec := get(t, h, "/search/feed.atom?q="+q("حفتر"))
		var f feed
		if err := xml.Unmarshal(rec.Body.Bytes(), &f); err != nil {
			t.Fatal(err)
		}
		if len(f.Entries) != 3 || !strings.Contains(f.Entries[0].Summary, "<mark>") {
			t.Errorf("%d entries, first summary %q", len(f.Entries), f.Entries[0].Summary)
		}
		for _, e := range f.Entries {
			if strings.Contains(e.Summary, "<script") || strings.Contains(e.Summary, "<img") {
				t.Errorf("summary carries markup from the article: %q", e.Summary)
			}
		}
	})
}

func TestPostArticle(t *testing.T) {
	t.Run("read-only without a token", func(t *testing.T) {
		h := newTestServer(t, &fakeStore{}).Handler()
		rec := do(t, h, http.MethodPost, "/api/articles", strings.NewReader(`{"body":"نص"}`), nil)
		if rec.Code != http.StatusNotFound {
			t.Errorf("status %d, want 404: there is no write endpoint", rec.Code)
		}
	})
	store := &fakeStore{}
	s := newTestServer(t, store)
	s.Token = "s3cret"
	var ingested int
	s.Ingest = func(ctx context.Context, a *marsad.Article) error { ingested++; return nil }
	h := s.Handler()
	auth := http.Header{"Authorization": {"Bearer s3cret"}, "Content-Type": {"application/json"}}
	article := `{"title":"عنوان","outlet":"مصدر","body":"نص الخبر الأول\nوالفقرة الثانية","published":"2023-09-26"}`
	tests := []struct {
		name   string
		header http.Header
		body   string
		status int
	}{
		{"no token", nil, article, 401},
		{"wrong token", http.Header{"Authorization": {"Bearer s3creT"}}, article, 401},
		{"not bearer", http.Header{"Authorization": {"Basic s3cret"}}, article, 401},
		{"created", auth, article, 201},
		{"same content again", auth, article, 200},
		{"malformed JSON", auth, `{"title":`, 400},
		{"two objects", auth, article + article, 400},
		{"empty body", auth, `{"title":"x","body":"  "}`, 400},
		{"bad offsets", auth, `{"body":"نص","quotes":[{"start":0,"end":99}]}`, 400},
		{"bad date", auth, `{"body":"نص","published":"yesterday"}`, 400},
		{"too large", auth, `{"body":"` + strings.Repeat("ا", 1<<20) + `"}`, 413},
		{"wrong type", http.Header{"Authorization": {"Bearer s3cret"}, "Content-Type": {"text/plain"}}, article, 415},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := do(t, h, http.MethodPost, "/api/articles", strings.NewReader(tt.body), tt.header)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body.String())
			}
			if rec.Header().Get("Cache-Control") != "no-store" {
				t.Errorf("write response is cacheable")
			}
		})
	}
	if len(store.articles) != 1 || ingested != 2 {
		t.Fatalf("%d stored, %d ingested; want 1, 2", len(store.articles), ingested)
	}
	a := store.articles[0]
	if a.ContentHash == "" || a.Ingested.IsZero() || a.Published.String() != "2023-09-26" {
		t.Errorf("stored %+v", a)
	}
}

func TestInternalErrors(t *testing.T) {
	var logs bytes.Buffer
	store := &fakeStore{failWith: errors.New("disk on fire")}
	s := newTestServer(t, store)
	s.Logger = slog.New(slog.NewTextHandler(&logs, nil))
	h := s.Handler()
	for _, p := range []string{"/api/articles", "/", "/api/stories/1", "/stories/1"} {
		rec := get(t, h, p)
		if rec.Code != 500 {
			t.Errorf("%s: status %d, want 500", p, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "disk on fire") {
			t.Errorf("%s: internal detail leaked to the client", p)
		}
	}
	if !strings.Contains(logs.String(), "disk on fire") {
		t.Errorf("internal error not logged: %q", logs.String())
	}

	logs.Reset()
	store.failWith = marsad.Errorf(marsad.ENOTFOUND, "gone")
	get(t, h, "/api/articles/5")
	get(t, h, "/api/search?q=")
	if logs.Len() != 0 {
		t.Errorf("user errors were logged: %q", logs.String())
	}
}

func TestErrorStatus(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{marsad.Errorf(marsad.ENOTFOUND, "x"), 404},
		{marsad.Errorf(marsad.EINVALID, "x"), 400},
		{marsad.Errorf(marsad.ECONFLICT, "x"), 409},
		{marsad.Errorf(marsad.EINTERNAL, "x"), 500},
		{fmt.Errorf("wrapped: %w", marsad.Errorf(marsad.ENOTFOUND, "x")), 404},
		{errors.New("plain"), 500},
		{&http.MaxBytesError{Limit: 1}, 413},
	}
	for _, tt := range tests {
		if got := errorStatus(tt.err); got != tt.want {
			t.Errorf("errorStatus(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestServeShutsDown(t *testing.T) {
	fx := newFixture(t)
	s := newTestServer(t, fx.store)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/api/articles")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v, want nil after shutdown", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	srv := s.httpServer()
	if srv.ReadHeaderTimeout == 0 || srv.ReadTimeout == 0 || srv.WriteTimeout == 0 || srv.IdleTimeout == 0 || srv.MaxHeaderBytes == 0 {
		t.Errorf("server timeouts not all set: %+v", srv)
	}
}

func TestSearchRefusedByStore(t *testing.T) {
	store := &fakeStore{failWith: marsad.Errorf(marsad.EINVALID, "query has no searchable words")}
	h := newTestServer(t, store).Handler()
	if rec := get(t, h, "/api/search?q="+q("في")); rec.Code != 400 || !strings.Contains(rec.Body.String(), "no searchable words") {
		t.Errorf("API: status %d, body %s", rec.Code, rec.Body.String())
	}
	rec := get(t, h, "/search?q="+q("في"))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `class="notice"`) {
		t.Errorf("page: status %d, no notice", rec.Code)
	}
}

// checkRefs checks that every "$ref" of an OpenAPI document points at a
// component it defines.
func checkRefs(t *testing.T, spec []byte) {
	t.Helper()
	var doc any
	if err := json.Unmarshal(spec, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k == "$ref" {
					ref, _ := x.(string)
					var node any = doc
					for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
						m, ok := node.(map[string]any)
						if !ok {
							node = nil
							break
						}
						node = m[part]
					}
					if node == nil {
						t.Errorf("dangling $ref %q", ref)
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
}

// TestConcurrentReads serves many pages at once (run with -race): the
// server's only shared state is the story index.
func TestConcurrentReads(t *testing.T) {
	fx := newFixture(t)
	s := newTestServer(t, fx.store)
	tick := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	s.Now = func() time.Time { // advancing, so the index is rebuilt under load
		mu.Lock()
		defer mu.Unlock()
		tick = tick.Add(7 * time.Second)
		return tick
	}
	h := s.Handler()
	paths := []string{"/", "/articles/1", "/search?q=" + q("حفتر"), "/stories/7", "/entities/haftar", "/api/entities/haftar", "/stories/7/feed.atom"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				p := paths[(g+i)%len(paths)]
				if rec := get(t, h, p); rec.Code != 200 {
					t.Errorf("%s: status %d", p, rec.Code)
				}
			}
		})
	}
	wg.Wait()
}

func TestGzip(t *testing.T) {
	fx := newFixture(t)
	h := newTestServer(t, fx.store).Handler()
	plain := get(t, h, "/stories/7")
	rec := do(t, h, http.MethodGet, "/stories/7", nil, http.Header{"Accept-Encoding": {"br, gzip"}})
	if rec.Header().Get("Content-Encoding") != "gzip" || !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") {
		t.Fatalf("headers %v", rec.Header())
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, plain.Body.Bytes()) {
		t.Errorf("gzip body differs from the plain one")
	}
	if rec.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Errorf("both encodings share the ETag %s", rec.Header().Get("ETag"))
	}
	again := do(t, h, http.MethodGet, "/stories/7", nil, http.Header{"Accept-Encoding": {"gzip"}, "If-None-Match": {rec.Header().Get("ETag")}})
	if again.Code != http.StatusNotModified {
		t.Errorf("gzip revalidation: status %d", again.Code)
	}
	refused := do(t, h, http.MethodGet, "/stories/7", nil, http.Header{"Accept-Encoding": {"gzip;q=0"}})
	if refused.Header().Get("Content-Encoding") != "" {
		t.Errorf("gzip sent although refused")
	}
}

// The quotes desk lists who said what with the kind, filters by kind and
// speaker, links each speaker to their other quotes, and rejects a kind it
// does not know with a page that says why.
func TestQuotesPage(t *testing.T) {
	fx := newFixture(t)
	h := newTestServer(t, fx.store).Handler()
	all := get(t, h, "/quotes").Body.String()
	for _, want := range []string{"الزيارة ناجحة", "اتفاق على قاعدة روسية", "خليفة حفتر", "ادعاء", "نفي", `aria-current="page">الأقوال`} {
		if !strings.Contains(all, want) {
			t.Errorf("/quotes lacks %q", want)
		}
	}
	denials := get(t, h, "/quotes?kind=denial").Body.String()
	if !strings.Contains(denials, "اتفاق على قاعدة روسية") || strings.Contains(denials, "الزيارة ناجحة") {
		t.Errorf("/quotes?kind=denial does not hold only the denial")
	}
	mine := get(t, h, "/quotes?speaker="+q("خليفة حفتر")).Body.String()
	if !strings.Contains(mine, "الزيارة ناجحة") || strings.Contains(mine, "اتفاق على قاعدة روسية") {
		t.Errorf("/quotes?speaker=خليفة حفتر does not hold only his quote")
	}
	if !strings.Contains(all, `href="/quotes?speaker=`+url.QueryEscape("خليفة حفتر")) && !strings.Contains(all, `href="/quotes?speaker=%d8%ae`) {
		t.Errorf("speaker is not linked to their quotes")
	}
	rec := get(t, h, "/quotes?kind=rumour")
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "kind") {
		t.Errorf("bad kind: status %d", rec.Code)
	}
}
