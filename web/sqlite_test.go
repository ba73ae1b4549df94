package web

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/sqlite"
	"github.com/marsad-news/marsad/storetest"
)

// newSQLiteStore opens a fresh sqlite.Store in a temporary directory.
func newSQLiteStore(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestSQLiteStore runs the desk on a real sqlite.Store holding the fixture
// and the five seed articles: every route answers, search finds the seeds
// through the store's own full-text index, and the hostile article stays
// text on every page.
func TestSQLiteStore(t *testing.T) {
	st := newSQLiteStore(t)
	fx := fillFixture(t, st)
	var seeds []marsad.Article
	for _, a := range storetest.Seeds(t) {
		seeds = append(seeds, *a)
	}
	seedIDs := fillStore(t, st, seeds)
	h := newTestServer(t, st).Handler()

	for _, p := range []string{
		"/", "/?page=2", "/articles/" + itoa(fx.ids[0]), "/articles/" + itoa(seedIDs[0]),
		"/search?q=" + q("حفتر"), "/search/feed.atom?q=" + q("حفتر"),
		"/stories", "/stories/" + itoa(fx.storyID), "/stories/" + itoa(fx.storyID) + "/feed.atom",
		"/entities", "/entities/haftar",
		"/api/search?q=" + q("روسيا"), "/api/articles", "/api/articles/" + itoa(seedIDs[1]),
		"/api/stories", "/api/stories/" + itoa(fx.storyID), "/api/entities", "/api/entities/haftar",
		"/api/timeline?entity=haftar", "/api/timeline?story=" + itoa(fx.storyID), "/api/quotes?kind=denial",
	} {
		t.Run(p, func(t *testing.T) {
			if rec := get(t, h, p); rec.Code != 200 {
				t.Errorf("status %d: %.300s", rec.Code, rec.Body.String())
			}
		})
	}
	for _, p := range []string{"/articles/999999", "/stories/999", "/entities/nobody", "/api/articles/999999"} {
		if rec := get(t, h, p); rec.Code != 404 {
			t.Errorf("%s: status %d, want 404", p, rec.Code)
		}
	}

	// A query the store refuses (stopwords only) is a 400 in the API and
	// a notice on the page.
	if rec := get(t, h, "/api/search?q="+q("في من")); rec.Code != 400 && rec.Code != 200 {
		t.Errorf("stopword query: API status %d", rec.Code)
	}
	if rec := get(t, h, "/search?q="+q("في من")); rec.Code != 200 {
		t.Errorf("stopword query: page status %d", rec.Code)
	}

	res := decode[searchResponse](t, get(t, h, "/api/search?q="+q("حفتر")))
	if res.Total < 5 {
		t.Errorf("search حفتر: %d hits, want the seeds and the fixture", res.Total)
	}
	body := get(t, h, "/search?q="+q("حفتر")).Body.String()
	if !strings.Contains(body, "<mark>") {
		t.Errorf("search page has no highlighted snippet")
	}
	checkHostilePages(t, h, fx)

	// The graph on a real store.
	ent := decode[entityResponse](t, get(t, h, "/api/entities/haftar"))
	if len(ent.Graph.Nodes) < 2 {
		t.Errorf("graph of haftar: %+v", ent.Graph)
	}
}

// TestBrowserSQLiteSeeds shows the seeds from a real store in Chromium: the
// article list, a search and a seed article, with screenshots.
func TestBrowserSQLiteSeeds(t *testing.T) {
	ctx := newBrowser(t)
	st := newSQLiteStore(t)
	var seeds []marsad.Article
	for _, a := range storetest.Seeds(t) {
		seeds = append(seeds, *a)
	}
	ids := fillStore(t, st, seeds)
	base := startDesk(t, st)
	for _, p := range []struct{ name, path string }{
		{"seeds-list", "/"},
		{"seeds-search", "/search?q=" + q("روسيا")},
		{"seeds-article", "/articles/" + itoa(ids[1])},
	} {
		t.Run(p.name, func(t *testing.T) {
			c := loadPage(t, ctx, base+p.path, p.name)
			if c.Dir != "rtl" || c.Direction != "rtl" || c.Pwned != "undefined" {
				t.Errorf("dir %q, direction %q, pwned %q", c.Dir, c.Direction, c.Pwned)
			}
			if !strings.Contains(c.Text, seeds[1].Title) && p.name != "seeds-search" {
				t.Errorf("page does not show the seed title %q", seeds[1].Title)
			}
		})
	}
}

// TestSaudiNewsNetPages renders real articles the desk has never seen
// (SaudiNewsNet, read from /work/shared when present): every article page
// and a search on a word of each title answer 200 with the body shown.
func TestSaudiNewsNetPages(t *testing.T) {
	articles := storetest.SaudiNewsNet(t, 60)
	if len(articles) == 0 {
		t.Skip("SaudiNewsNet corpus not on this machine")
	}
	st := newSQLiteStore(t)
	var list []marsad.Article
	for _, a := range articles {
		list = append(list, *a)
	}
	ids := fillStore(t, st, list)
	h := newTestServer(t, st).Handler()
	for i, id := range ids {
		rec := get(t, h, "/articles/"+itoa(id))
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), "<p>") {
			t.Errorf("article %d: status %d or no paragraphs", id, rec.Code)
			continue
		}
		words := strings.Fields(list[i].Title)
		if len(words) == 0 {
			continue
		}
		word := slices.MaxFunc(words, func(a, b string) int { return cmp.Compare(len(a), len(b)) })
		if rec := get(t, h, "/search?q="+q(word)); rec.Code != 200 {
			t.Errorf("search %q: status %d", word, rec.Code)
		}
	}
	if rec := get(t, h, "/?page=2"); rec.Code != 200 {
		t.Errorf("list page 2: %d", rec.Code)
	}
}

// BenchmarkSQLiteSearchPage renders a search page over 2,000 synthetic
// articles in a real sqlite.Store: ranking, snippets, facets and the story
// index together.
func BenchmarkSQLiteSearchPage(b *testing.B) {
	st, err := sqlite.Open(filepath.Join(b.TempDir(), "marsad.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var list []marsad.Article
	for _, a := range storetest.Corpus(b, 2000, 1) {
		list = append(list, *a)
	}
	fillStore(b, st, list)
	h := newTestServer(b, st).Handler()
	target := "/search?q=" + q("حفتر روسيا")
	if rec := get(b, h, target); rec.Code != 200 {
		b.Fatalf("status %d", rec.Code)
	}
	b.ReportAllocs()
	for b.Loop() {
		get(b, h, target)
	}
}
