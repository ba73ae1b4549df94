package postgres_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/postgres"
	"github.com/marsad-news/marsad/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) marsad.Store { return open(t, newSchema(t)) })
}

func TestConcurrentWriters(t *testing.T) {
	schema := newSchema(t)
	storetest.RunConcurrentWriters(t, open(t, schema), open(t, schema))
}

func TestConcurrentBatchWriters(t *testing.T) {
	schema := newSchema(t)
	storetest.RunConcurrentBatchWriters(t, open(t, schema), open(t, schema))
}

func BenchmarkPutArticle(b *testing.B) {
	storetest.BenchmarkPutArticle(b, func(b *testing.B) marsad.Store { return open(b, newSchema(b)) })
}

func BenchmarkSearch(b *testing.B) {
	storetest.BenchmarkSearch(b, func(b *testing.B) marsad.Store { return open(b, newSchema(b)) })
}

func BenchmarkSearchReal(b *testing.B) {
	storetest.BenchmarkSearchReal(b, func(b *testing.B) marsad.Store { return open(b, newSchema(b)) })
}

// testURL returns $MARSAD_TEST_POSTGRES, skipping the test when it is unset
// unless MARSAD_TEST_DISALLOW_SKIP=1 demands that the tests run.
func testURL(tb testing.TB) string {
	tb.Helper()
	u := os.Getenv("MARSAD_TEST_POSTGRES")
	if u == "" {
		if os.Getenv("MARSAD_TEST_DISALLOW_SKIP") == "1" {
			tb.Fatal("MARSAD_TEST_POSTGRES is not set and MARSAD_TEST_DISALLOW_SKIP=1")
		}
		tb.Skip("MARSAD_TEST_POSTGRES is not set")
	}
	return u
}

// newSchema creates a schema of its own for one test, so that parallel
// runs never see each other's tables, and drops it when the test ends.
// It returns the database URL with that schema as search_path.
func newSchema(tb testing.TB) string {
	tb.Helper()
	base := testURL(tb)
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatal(err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "marsad_test_" + hex.EncodeToString(b[:])
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		admin.Close(ctx)
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if _, err := admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Error(err)
		}
		admin.Close(ctx)
	})
	return withSearchPath(tb, base, schema)
}

func withSearchPath(tb testing.TB, base, schema string) string {
	if !strings.HasPrefix(base, "postgres://") && !strings.HasPrefix(base, "postgresql://") {
		return base + " search_path=" + schema // keyword/value form
	}
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func open(tb testing.TB, url string) *postgres.Store {
	tb.Helper()
	s, err := postgres.Open(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	url := newSchema(t)
	s := open(t, url)
	v, err := s.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Fatalf("SchemaVersion = %d, %v; want ≥ 1", v, err)
	}
	id, _, err := s.PutArticle(ctx, &marsad.Article{Title: "باق", Body: "يبقى بعد إعادة الفتح."})
	if err != nil {
		t.Fatal(err)
	}
	s2 := open(t, url)
	if v2, err := s2.SchemaVersion(ctx); err != nil || v2 != v {
		t.Errorf("after reopen SchemaVersion = %d, %v; want %d", v2, err, v)
	}
	if _, err := s2.Article(ctx, id); err != nil {
		t.Errorf("after reopen Article(%d): %v", id, err)
	}
}
