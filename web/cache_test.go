package web

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
)

// countingStore counts the store calls behind the pages, to check that a
// cached page is not rendered again.
type countingStore struct {
	*fakeStore
	searches atomic.Int64
	outlets  map[string]int // SearchOutlets answer when non-nil
}

func (c *countingStore) Search(ctx context.Context, q marsad.SearchQuery) (*marsad.SearchResult, error) {
	c.searches.Add(1)
	return c.fakeStore.Search(ctx, q)
}

// outletCountingStore adds the optional facet query.
type outletCountingStore struct{ *countingStore }

func (c outletCountingStore) SearchOutlets(ctx context.Context, query string) (map[string]int, error) {
	return c.outlets, nil
}

func TestResponseCache(t *testing.T) {
	fx := newFixture(t)
	cs := &countingStore{fakeStore: fx.store.(*fakeStore)}
	s := newTestServer(t, cs)
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	s.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	h := s.Handler()
	target := "/api/search?q=" + q("حفتر")

	first := get(t, h, target)
	if first.Code != 200 || cs.searches.Load() != 1 {
		t.Fatalf("first: status %d, %d searches", first.Code, cs.searches.Load())
	}
	t.Run("hit", func(t *testing.T) {
		again := get(t, h, target)
		if got := cs.searches.Load(); got != 1 {
			t.Errorf("searches after a repeat = %d, want 1", got)
		}
		if !bytes.Equal(again.Body.Bytes(), first.Body.Bytes()) || again.Header().Get("ETag") != first.Header().Get("ETag") {
			t.Errorf("cached response differs")
		}
		if again.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("cached response lacks the security headers")
		}
	})
	t.Run("not modified", func(t *testing.T) {
		rec := do(t, h, http.MethodGet, target, nil, http.Header{"If-None-Match": {first.Header().Get("ETag")}})
		if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
			t.Errorf("status %d, %d bytes; want 304, none", rec.Code, rec.Body.Len())
		}
	})
	t.Run("gzip is its own entry", func(t *testing.T) {
		rec := do(t, h, http.MethodGet, "/stories/7", nil, http.Header{"Accept-Encoding": {"gzip"}})
		plain := get(t, h, "/stories/7")
		if rec.Header().Get("Content-Encoding") != "gzip" || plain.Header().Get("Content-Encoding") != "" {
			t.Errorf("encodings mixed: gzip %q, plain %q", rec.Header().Get("Content-Encoding"), plain.Header().Get("Content-Encoding"))
		}
	})
	t.Run("expires after max-age", func(t *testing.T) {
		advance(s.CacheMaxAge)
		get(t, h, target)
		if got := cs.searches.Load(); got != 2 {
			t.Errorf("searches after max-age = %d, want 2", got)
		}
	})
	t.Run("no-cache bypasses", func(t *testing.T) {
		do(t, h, http.MethodGet, target, nil, http.Header{"Cache-Control": {"no-cache"}})
		if got := cs.searches.Load(); got != 3 {
			t.Errorf("searches after no-cache = %d, want 3", got)
		}
	})
	t.Run("errors are not kept", func(t *testing.T) {
		for range 2 {
			if rec := get(t, h, "/articles/999999"); rec.Code != 404 {
				t.Errorf("status %d, want 404", rec.Code)
			}
		}
		if rec := get(t, h, "/api/search?q="); rec.Code != 400 {
			t.Errorf("status %d, want 400", rec.Code)
		}
	})
}

// TestResponseCacheBurst sends one cold page many times at once: it is
// rendered once and every client gets the same bytes.
func TestResponseCacheBurst(t *testing.T) {
	fx := newFixture(t)
	cs := &countingStore{fakeStore: fx.store.(*fakeStore)}
	h := newTestServer(t, cs).Handler()
	target := "/api/search?q=" + q("موسكو")
	var wg sync.WaitGroup
	bodies := make([][]byte, 16)
	for i := range bodies {
		wg.Go(func() { bodies[i] = get(t, h, target).Body.Bytes() })
	}
	wg.Wait()
	if got := cs.searches.Load(); got != 1 {
		t.Errorf("searches for a burst of %d = %d, want 1", len(bodies), got)
	}
	for i, b := range bodies {
		if !bytes.Equal(b, bodies[0]) {
			t.Errorf("client %d got other bytes", i)
		}
	}
}

// TestResponseCachePurgedByPost checks that an ingested article shows at
// once, not after max-age.
func TestResponseCachePurgedByPost(t *testing.T) {
	fx := newFixture(t)
	s := newTestServer(t, fx.store)
	s.Token = "secret"
	h := s.Handler()
	before := get(t, h, "/api/articles").Body.String()
	body := `{"title":"خبر جديد","body":"وصل الوفد السعودي إلى الرياض اليوم."}`
	rec := do(t, h, http.MethodPost, "/api/articles", strings.NewReader(body), http.Header{"Authorization": {"Bearer secret"}, "Content-Type": {"application/json"}})
	if rec.Code != http.StatusCreated {
		t.Fatalf("POST: status %d: %s", rec.Code, rec.Body)
	}
	after := get(t, h, "/api/articles").Body.String()
	if after == before || !strings.Contains(after, "خبر جديد") {
		t.Errorf("article list not refreshed after POST")
	}
}

func TestResponseCacheOff(t *testing.T) {
	fx := newFixture(t)
	cs := &countingStore{fakeStore: fx.store.(*fakeStore)}
	s := newTestServer(t, cs)
	s.ResponseCacheBytes = -1
	h := s.Handler()
	for range 2 {
		get(t, h, "/api/search?q="+q("حفتر"))
	}
	if got := cs.searches.Load(); got != 2 {
		t.Errorf("searches with the cache off = %d, want 2", got)
	}
}

// TestResponseCacheEvicts keeps the cache within its byte budget.
func TestResponseCacheEvicts(t *testing.T) {
	fx := newFixture(t)
	s := newTestServer(t, fx.store)
	s.ResponseCacheBytes = 4 << 10
	h := s.Handler()
	for _, p := range []string{"/", "/stories", "/stories/7", "/entities", "/entities/haftar", "/articles/1", "/api/articles"} {
		get(t, h, p)
	}
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	if s.cache.bytes > s.ResponseCacheBytes || s.cache.bytes < 0 {
		t.Errorf("cache holds %d bytes, budget %d", s.cache.bytes, s.ResponseCacheBytes)
	}
	if len(s.cache.entries) != s.cache.lru.Len() {
		t.Errorf("%d entries but %d in the LRU list", len(s.cache.entries), s.cache.lru.Len())
	}
}

// TestOutletCounterFacets uses a store's own facet query when it has one:
// exact counts, no second search, no "first N hits" note.
func TestOutletCounterFacets(t *testing.T) {
	fx := newFixture(t)
	cs := &countingStore{fakeStore: fx.store.(*fakeStore), outlets: map[string]int{"عربي بوست": 7, "الجزيرة": 2}}
	s := newTestServer(t, outletCountingStore{cs})
	s.ResponseCacheBytes = -1
	h := s.Handler()
	rec := get(t, h, "/search?q="+q("حفتر")+"&outlet="+q("الجزيرة"))
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	if got := cs.searches.Load(); got != 1 {
		t.Errorf("searches = %d, want 1 (facets from SearchOutlets)", got)
	}
	body := rec.Body.String()
	for _, want := range []string{"عربي بوست", "7", `href="/search?outlet=`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(body, "في أول") {
		t.Errorf("exact facets marked as sampled")
	}
}

// TestStoryIndexRefresh checks the story index's life: built on first use,
// served stale while a background build runs once it is older than the
// max-age, and rebuilt only when the store changed.
func TestStoryIndexRefresh(t *testing.T) {
	fx := newFixture(t)
	st := fx.store.(*fakeStore)
	s := newTestServer(t, st)
	now := time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	s.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	s.Handler()
	ctx := context.Background()
	settle := func() {
		for range 1000 {
			s.dups.mu.Lock()
			idle := s.dups.building == nil
			s.dups.mu.Unlock()
			if idle {
				return
			}
			time.Sleep(time.Millisecond)
		}
		t.Fatal("story index build did not finish")
	}

	first, err := s.storyIndex(ctx)
	if err != nil || len(first.stories[fx.ids[0]]) != 1 {
		t.Fatalf("first index: %v, stories of article 1 = %v", err, first.stories[fx.ids[0]])
	}
	advance(s.CacheMaxAge)
	same, _ := s.storyIndex(ctx) // stale: served, refresh starts
	settle()
	if same != first {
		t.Errorf("a stale index was not served while refreshing")
	}
	if got, _ := s.storyIndex(ctx); got != first {
		t.Errorf("index rebuilt although the store did not change")
	}

	// A new article and a story holding it: the next refresh sees them.
	id, _, err := st.PutArticle(ctx, &marsad.Article{Title: "خبر", Body: "نص الخبر الجديد في الرياض.", ContentHash: "new"})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := st.Article(ctx, id)
	if err := st.ReplaceStories(ctx, []marsad.Story{{ID: 9, Title: "قصة", Articles: []marsad.StoryArticle{{ArticleRef: ref(a)}}}}); err != nil {
		t.Fatal(err)
	}
	advance(s.CacheMaxAge)
	s.storyIndex(ctx)
	settle()
	got, _ := s.storyIndex(ctx)
	if got == first || len(got.stories[id]) != 1 || got.stories[id][0].ID != 9 {
		t.Errorf("after a store change: stories of the new article = %v, want story 9", got.stories[id])
	}
}
