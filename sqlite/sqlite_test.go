package sqlite_test

import (
	"path/filepath"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/sqlite"
	"github.com/marsad-news/marsad/storetest"
)

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) marsad.Store { return openTemp(t) })
}

func TestConcurrentWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "marsad.db")
	storetest.RunConcurrentWriters(t, open(t, path), open(t, path))
}

func TestConcurrentBatchWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "marsad.db")
	storetest.RunConcurrentBatchWriters(t, open(t, path), open(t, path))
}

func BenchmarkPutArticle(b *testing.B) {
	storetest.BenchmarkPutArticle(b, func(b *testing.B) marsad.Store { return openTemp(b) })
}

func BenchmarkSearch(b *testing.B) {
	storetest.BenchmarkSearch(b, func(b *testing.B) marsad.Store { return openTemp(b) })
}

func BenchmarkSearchReal(b *testing.B) {
	storetest.BenchmarkSearchReal(b, func(b *testing.B) marsad.Store { return openTemp(b) })
}

func openTemp(tb testing.TB) *sqlite.Store {
	return open(tb, filepath.Join(tb.TempDir(), "marsad.db"))
}

func open(tb testing.TB, path string) *sqlite.Store {
	tb.Helper()
	s, err := sqlite.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := s.Close(); err != nil {
			tb.Error(err)
		}
	})
	return s
}
