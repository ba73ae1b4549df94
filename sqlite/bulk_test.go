package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/sqlite"
	"github.com/marsad-news/marsad/storetest"
)

// TestStoreDeferredIndexes runs the whole conformance suite on a store
// whose bulk indexes are deferred: a reader that queries while a long
// ingest runs must get the same answers, only more slowly.
func TestStoreDeferredIndexes(t *testing.T) {
	storetest.Run(t, func(t *testing.T) marsad.Store {
		s := openTemp(t)
		if err := s.DeferIndexes(context.Background()); err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestDeferredIndexesSurviveACrash: an ingest that dies after deferring
// leaves the definitions in the store; the next Open builds the indexes.
func TestDeferredIndexesSurviveACrash(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "marsad.db")
	s, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	before := indexNames(t, path)
	if !slices.Contains(before, "article_entities_norm") {
		t.Fatalf("indexes before = %v, want article_entities_norm among them", before)
	}
	if err := s.DeferIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.DeferIndexes(ctx); err != nil { // a second ingest process does the same
		t.Fatalf("deferring twice: %v", err)
	}
	if _, _, err := s.PutArticle(ctx, &marsad.Article{Title: "خبر", Body: "قال المتحدث باسم الوزارة إن الاجتماع انتهى."}); err != nil {
		t.Fatal(err)
	}
	during := indexNames(t, path)
	if slices.Contains(during, "article_entities_norm") || len(during) >= len(before) {
		t.Fatalf("indexes while deferred = %v, want fewer than %v", during, before)
	}
	s.Close() // no RestoreIndexes: the ingest died

	s2 := open(t, path)
	if after := indexNames(t, path); !slices.Equal(after, before) {
		t.Errorf("indexes after reopening = %v, want %v", after, before)
	}
	// Restoring again finds nothing to do.
	if err := s2.RestoreIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s2.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// indexNames lists the schema's own indexes (not those of constraints), in
// name order, read through a plain connection (Open would restore them).
func indexNames(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}
