package ingest

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/resolve"
	"github.com/marsad-news/marsad/sqlite"
	"github.com/marsad-news/marsad/story"
)

// TestRebuildMatchesSequential: the rebuild reads the store once, resolves
// entities on one goroutine while others analyze the text, and adds the
// analyzed articles afterwards; its stories must be exactly those of the
// plain sequential replay (resolve every article, then Add every article
// with its canonical entities, in id order), on any number of CPUs.
func TestRebuildMatchesSequential(t *testing.T) {
	paths := []string{"../examples"}
	limit := 0
	const snn = "/work/shared/data/saudinewsnet/2015-07-23.zip"
	if _, err := os.Stat(snn); err == nil && !testing.Short() {
		paths = append(paths, snn)
		limit = 250
	}
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "rebuild.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n := 0
	opts := Options{NoRebuild: true, OnReject: func(error) {}, OnArticle: func(*marsad.Article, bool) {
		if n++; limit > 0 && n >= limit {
			cancel()
		}
	}}
	if _, err := Ingest(ctx, store, paths, nil, opts); err != nil && ctx.Err() == nil {
		t.Fatal(err)
	}

	// The sequential replay.
	r := resolve.NewResolver()
	if err := store.Each(context.Background(), func(a *marsad.Article) error {
		r.Record(a.ID, a.Entities)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	canon := map[int64]map[string]string{}
	for _, l := range r.Links() {
		if canon[l.ArticleID] == nil {
			canon[l.ArticleID] = map[string]string{}
		}
		canon[l.ArticleID][l.LocalID] = l.EntityID
	}
	ix := story.NewIndex(story.Options{})
	if err := store.Each(context.Background(), func(a *marsad.Article) error {
		var ids []string
		for _, e := range a.Entities {
			if id := canon[a.ID][e.ID]; id != "" {
				ids = append(ids, id)
			}
		}
		ix.Add(story.Doc{ID: a.ID, Title: a.Title, Body: a.Body, Outlet: a.Outlet, Published: a.Published, Entities: ids, URL: a.URL, File: a.File})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	want := ix.Stories()
	wantEntities := r.Entities()

	for _, procs := range []int{1, 2, 4} {
		prev := runtime.GOMAXPROCS(procs)
		err := Rebuild(context.Background(), store)
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		got, err := store.Stories(context.Background(), marsad.StoryFilter{Limit: 1 << 30})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("GOMAXPROCS=%d: %d stories, the sequential replay gives %d", procs, len(got), len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			// slices.Equal: a story without a summary comes back from the
			// store with an empty one, the index gives nil. Which story is
			// last depends on where the cancelled ingest stopped, so a
			// DeepEqual here failed only now and then.
			if g.ID != w.ID || g.Title != w.Title || !slices.Equal(g.Summary, w.Summary) || !sameArticles(g.Articles, w.Articles) {
				t.Errorf("GOMAXPROCS=%d: story %d differs from the sequential replay: got %d %q %d articles, want %d %q %d articles",
					procs, i, g.ID, g.Title, len(g.Articles), w.ID, w.Title, len(w.Articles))
			}
			var gotKeys []string
			for _, e := range g.Entities {
				gotKeys = append(gotKeys, e.ID)
			}
			if wantKeys := keyEntityIDs(w, canon, 8); !reflect.DeepEqual(gotKeys, wantKeys) {
				t.Errorf("GOMAXPROCS=%d: story %d has key entities %v, want %v", procs, g.ID, gotKeys, wantKeys)
			}
		}
		ents, err := store.Entities(context.Background(), marsad.EntityFilter{Limit: 1 << 30})
		if err != nil {
			t.Fatal(err)
		}
		if len(ents) != len(wantEntities) {
			t.Errorf("GOMAXPROCS=%d: %d entities, the sequential replay gives %d", procs, len(ents), len(wantEntities))
		}
	}
	t.Logf("%d articles, %d stories, %d entities", n, len(want), len(wantEntities))
}

// sameArticles compares story articles and their copies by id.
func sameArticles(a, b []marsad.StoryArticle) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ID != b[i].ID || len(a[i].Duplicates) != len(b[i].Duplicates) {
			return false
		}
		for j := range a[i].Duplicates {
			if a[i].Duplicates[j].ID != b[i].Duplicates[j].ID {
				return false
			}
		}
	}
	return true
}

// keyEntityIDs ranks the canonical entities of a story by the number of
// its articles (copies included) that name them, then by id.
func keyEntityIDs(s marsad.Story, canon map[int64]map[string]string, n int) []string {
	count := map[string]int{}
	add := func(id int64) {
		seen := map[string]bool{}
		for _, c := range canon[id] {
			if !seen[c] {
				seen[c] = true
				count[c]++
			}
		}
	}
	for _, a := range s.Articles {
		add(a.ID)
		for _, d := range a.Duplicates {
			add(d.ID)
		}
	}
	var ids []string
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if count[ids[i]] != count[ids[j]] {
			return count[ids[i]] > count[ids[j]]
		}
		return ids[i] < ids[j]
	})
	if len(ids) > n {
		ids = ids[:n]
	}
	return ids
}
