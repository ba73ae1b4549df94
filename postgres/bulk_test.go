package postgres_test

import (
	"context"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/postgres"
	"github.com/marsad-news/marsad/storetest"
)

// TestStoreDeferredIndexes runs the whole conformance suite on a store
// whose bulk indexes are deferred: search and every filter must answer the
// same without them.
func TestStoreDeferredIndexes(t *testing.T) {
	storetest.Run(t, func(t *testing.T) marsad.Store {
		s := open(t, newSchema(t))
		if err := s.DeferIndexes(context.Background()); err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestDeferredIndexesSurviveACrash: the definitions stay in the schema
// until someone restores them; the next Open does.
func TestDeferredIndexesSurviveACrash(t *testing.T) {
	ctx := context.Background()
	url := newSchema(t)
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	before := pgIndexNames(t, url)
	if !slices.Contains(before, "articles_search") {
		t.Fatalf("indexes before = %v, want articles_search among them", before)
	}
	if err := s.DeferIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.DeferIndexes(ctx); err != nil {
		t.Fatalf("deferring twice: %v", err)
	}
	if _, _, err := s.PutArticle(ctx, &marsad.Article{Title: "خبر", Body: "قال المتحدث باسم الوزارة إن الاجتماع انتهى."}); err != nil {
		t.Fatal(err)
	}
	if during := pgIndexNames(t, url); slices.Contains(during, "articles_search") || len(during) >= len(before) {
		t.Fatalf("indexes while deferred = %v, want fewer than %v", during, before)
	}
	s.Close() // no RestoreIndexes: the ingest died

	s2 := open(t, url)
	if after := pgIndexNames(t, url); !slices.Equal(after, before) {
		t.Errorf("indexes after reopening = %v, want %v", after, before)
	}
	if err := s2.RestoreIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := s2.Search(ctx, marsad.SearchQuery{Query: "الاجتماع"})
	if err != nil || len(res.Hits) != 1 {
		t.Errorf("search after restoring: %d hits, %v; want 1", len(res.Hits), err)
	}
}

// pgIndexNames lists the indexes of the test's schema, in name order,
// through a plain connection (Open would restore them).
func pgIndexNames(t *testing.T, url string) []string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`)
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return names
}
