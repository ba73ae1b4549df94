package main

import (
	"database/sql"
	"strings"

	"context"
	"fmt"
	"github.com/marsad-news/marsad/search"
	_ "modernc.org/sqlite"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/sqlite"
	"github.com/marsad-news/marsad/web"
)

// openLoadDB opens the database named by $MARSAD_LOAD_DB (a copy of a real
// corpus's database), skipping the test when it is not set.
func openLoadDB(t *testing.T) *sqlite.Store {
	t.Helper()
	path := os.Getenv("MARSAD_LOAD_DB")
	if path == "" {
		t.Skip("MARSAD_LOAD_DB not set")
	}
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// timeIt runs fn n times and logs the median and slowest run.
func timeIt(t *testing.T, name string, n int, fn func() error) {
	t.Helper()
	var ds []time.Duration
	for range n {
		start := time.Now()
		if err := fn(); err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		ds = append(ds, time.Since(start))
	}
	slices.Sort(ds)
	t.Logf("%-40s median %8.2f ms  max %8.2f ms", name, float64(ds[len(ds)/2].Microseconds())/1000, float64(ds[len(ds)-1].Microseconds())/1000)
}

// TestStoreCalls times each store call the desk makes, one at a time, on
// a real database: where a slow page spends its time.
func TestStoreCalls(t *testing.T) {
	st := openLoadDB(t)
	ctx := context.Background()
	list, _, err := st.Articles(ctx, marsad.ArticleFilter{Limit: 5})
	if err != nil || len(list) == 0 {
		t.Fatalf("Articles: %v, %d", err, len(list))
	}
	ents, _ := st.Entities(ctx, marsad.EntityFilter{Limit: 3})
	stories, _ := st.Stories(ctx, marsad.StoryFilter{Limit: 3})
	timeIt(t, "Articles(limit 20)", 5, func() error { _, _, err := st.Articles(ctx, marsad.ArticleFilter{Limit: 20}); return err })
	timeIt(t, "Article(id)", 5, func() error { _, err := st.Article(ctx, list[0].ID); return err })
	for _, q := range []string{"السعودية", "بالرياض", "الملك سلمان", `"مجلس الوزراء"`, "ارتفاع أسعار العقار"} {
		timeIt(t, "Search(20) "+q, 5, func() error { _, err := st.Search(ctx, marsad.SearchQuery{Query: q, Limit: 20}); return err })
		timeIt(t, "Search(100) "+q, 3, func() error { _, err := st.Search(ctx, marsad.SearchQuery{Query: q, Limit: 100}); return err })
	}
	timeIt(t, "Stories(20)", 5, func() error { _, err := st.Stories(ctx, marsad.StoryFilter{Limit: 20}); return err })
	timeIt(t, "Stories(100) x all", 1, func() error {
		for off := 0; ; off += 100 {
			l, err := st.Stories(ctx, marsad.StoryFilter{Limit: 100, Offset: off})
			if err != nil || len(l) < 100 {
				return err
			}
		}
	})
	timeIt(t, "Entities(20)", 5, func() error { _, err := st.Entities(ctx, marsad.EntityFilter{Limit: 20}); return err })
	for _, e := range ents {
		timeIt(t, "Entity "+e.ID, 5, func() error { _, err := st.Entity(ctx, e.ID); return err })
		timeIt(t, "EntityArticles "+e.ID, 5, func() error { _, err := st.EntityArticles(ctx, e.ID); return err })
		timeIt(t, "Timeline(entity) "+e.ID, 5, func() error {
			_, err := st.Timeline(ctx, marsad.TimelineFilter{Entity: e.ID, Limit: 500})
			return err
		})
		timeIt(t, "Quotes(speaker) "+e.ID, 5, func() error {
			_, err := st.Quotes(ctx, marsad.QuoteFilter{Speaker: e.ID, Limit: 50})
			return err
		})
	}
	for _, s := range stories {
		timeIt(t, fmt.Sprint("Story ", s.ID), 5, func() error { _, err := st.Story(ctx, s.ID); return err })
		timeIt(t, fmt.Sprint("Timeline(story) ", s.ID), 5, func() error {
			_, err := st.Timeline(ctx, marsad.TimelineFilter{StoryID: s.ID, Limit: 500})
			return err
		})
	}
	timeIt(t, "Timeline(500)", 5, func() error { _, err := st.Timeline(ctx, marsad.TimelineFilter{Limit: 500}); return err })
	timeIt(t, "Quotes(20)", 5, func() error { _, err := st.Quotes(ctx, marsad.QuoteFilter{Limit: 20}); return err })
}

// TestPages times each page in process (no network), for profiling with
// go test -cpuprofile.
func TestPages(t *testing.T) {
	st := openLoadDB(t)
	h := web.NewServer(st).Handler()
	ctx := context.Background()
	list, _, _ := st.Articles(ctx, marsad.ArticleFilter{Limit: 1})
	ents, _ := st.Entities(ctx, marsad.EntityFilter{Limit: 1})
	stories, _ := st.Stories(ctx, marsad.StoryFilter{Limit: 1})
	paths := []string{"/", "/stories", "/entities", "/api/timeline", "/api/quotes",
		fmt.Sprint("/articles/", list[0].ID), fmt.Sprint("/stories/", stories[0].ID), "/entities/" + url.PathEscape(ents[0].ID)}
	for _, q := range defaultQueries[:10] {
		paths = append(paths, "/search?q="+url.QueryEscape(q), "/api/search?q="+url.QueryEscape(q))
	}
	for _, p := range paths {
		timeIt(t, p, 3, func() error {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
			if rec.Code != 200 {
				return fmt.Errorf("status %d", rec.Code)
			}
			return nil
		})
	}
}

// TestFacetQuery times the outlet facet as one grouped FTS query (the
// SearchOutlets LOAD.md recommends for the sqlite store) against the
// desk's fallback, a second Search of 100 hits with their snippets.
func TestFacetQuery(t *testing.T) {
	st := openLoadDB(t)
	db, err := sql.Open("sqlite", "file:"+os.Getenv("MARSAD_LOAD_DB")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, q := range []string{"السعودية", "بالرياض", "الملك سلمان", `"مجلس الوزراء"`, "ارتفاع أسعار العقار"} {
		parsed, err := search.Parse(q)
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		for _, term := range parsed.Terms {
			parts = append(parts, `"`+strings.ReplaceAll(term, `"`, `""`)+`"`)
		}
		for _, p := range parsed.Phrases {
			parts = append(parts, `"`+strings.ReplaceAll(strings.Join(p, " "), `"`, `""`)+`"`)
		}
		match := strings.Join(parts, " ")
		timeIt(t, "facet GROUP BY "+q, 5, func() error {
			rows, err := db.QueryContext(ctx, `SELECT a.outlet, count(*) FROM article_fts f JOIN articles a ON a.id = f.rowid
				WHERE article_fts MATCH ? GROUP BY a.outlet`, match)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
			}
			return rows.Err()
		})
		timeIt(t, "facet Search(100) "+q, 5, func() error {
			_, err := st.Search(ctx, marsad.SearchQuery{Query: q, Limit: 100})
			return err
		})
	}
}

// TestEntityPages renders the pages of the most frequent entities, the
// slowest page of the desk (profile with -cpuprofile).
func TestEntityPages(t *testing.T) {
	st := openLoadDB(t)
	s := web.NewServer(st)
	s.ResponseCacheBytes = -1
	h := s.Handler()
	ents, err := st.Entities(context.Background(), marsad.EntityFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		for _, p := range []string{"/entities/" + url.PathEscape(e.ID), "/api/entities/" + url.PathEscape(e.ID)} {
			timeIt(t, p, 2, func() error {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
				if rec.Code != 200 {
					return fmt.Errorf("status %d", rec.Code)
				}
				return nil
			})
		}
	}
}
