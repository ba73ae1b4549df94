package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/pipeline"
	"github.com/marsad-news/marsad/sqlite"
)

// writeArticles writes n small Arabic articles as text files a000.txt …;
// every tenth repeats the previous one's text (a duplicate). It returns the
// directory and the file names in input order.
func writeArticles(t *testing.T, n int) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	var names []string
	for i := 0; i < n; i++ {
		k := i
		if i%10 == 9 {
			k = i - 1
		}
		text := fmt.Sprintf("خبر رقم %d عن زيارة الوفد\n\nوصل الوفد رقم %d إلى العاصمة يوم الثلاثاء لإجراء مباحثات مع المسؤولين حول التعاون بين البلدين في مجالات عديدة.\n", k, k)
		name := fmt.Sprintf("a%03d.txt", i)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return dir, names
}

var cheap = &pipeline.Pipeline{Stages: []pipeline.Stage{pipeline.Tokenize}}

// The writer stores in batches, but ids, callbacks and counts follow the
// input exactly as when every article was its own transaction.
func TestIngestBatchesKeepInputOrder(t *testing.T) {
	dir, names := writeArticles(t, 300)
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var seen []string
	created := 0
	sum, err := ingest.Ingest(context.Background(), store, []string{dir}, nil, ingest.Options{
		Pipeline: cheap, Workers: 4, NoRebuild: true,
		OnArticle: func(a *marsad.Article, c bool) {
			seen = append(seen, filepath.Base(a.File))
			if c {
				created++
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Records != 300 || sum.Stored != 270 || sum.Duplicates != 30 || created != 270 {
		t.Fatalf("summary %v, %d created callbacks; want 300 read, 270 stored, 30 duplicates", sum, created)
	}
	if strings.Join(seen, " ") != strings.Join(names, " ") {
		t.Errorf("OnArticle order differs from the input")
	}
	var stored []string
	var last int64
	err = store.Each(context.Background(), func(a *marsad.Article) error {
		if a.ID <= last {
			return fmt.Errorf("id %d after %d", a.ID, last)
		}
		last = a.ID
		stored = append(stored, filepath.Base(a.File))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for i, n := range names {
		if i%10 != 9 {
			want = append(want, n)
		}
	}
	if strings.Join(stored, " ") != strings.Join(want, " ") {
		t.Errorf("ids do not follow the input:\ngot  %v\nwant %v", stored, want)
	}
}

// refusing stores a.Title containing "رقم 57" as a bad article: the batch
// holding it fails with a *BatchError naming it.
type refusing struct {
	*sqlite.Store
	mu       sync.Mutex
	finished []string
}

func (r *refusing) PutArticles(ctx context.Context, as []*marsad.Article) ([]marsad.PutResult, error) {
	for i, a := range as {
		if strings.Contains(a.Title, "رقم 57 ") {
			return nil, &marsad.BatchError{Index: i, Err: errors.New("refused")}
		}
	}
	return r.Store.PutArticles(ctx, as)
}

func (r *refusing) Claim(context.Context, string) (bool, error) { return true, nil }

func (r *refusing) Finish(_ context.Context, key string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.finished = append(r.finished, key)
	return nil
}

// An article the store refuses stops the ingest with an error naming it;
// every article before it is stored and its work finished, nothing after
// it is, and no unstored work is marked done.
func TestIngestBatchFailureNamesArticle(t *testing.T) {
	dir, _ := writeArticles(t, 100)
	inner, err := sqlite.Open(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer inner.Close()
	store := &refusing{Store: inner}
	reported := 0
	sum, err := ingest.Ingest(context.Background(), store, []string{dir}, nil, ingest.Options{
		Pipeline: cheap, Workers: 2, NoRebuild: true,
		OnArticle: func(*marsad.Article, bool) { reported++ },
	})
	if err == nil || !strings.Contains(err.Error(), "a057.txt") || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("Ingest error = %v; want one naming a057.txt and the reason", err)
	}
	_, n, lerr := inner.Articles(context.Background(), marsad.ArticleFilter{Limit: 1})
	if lerr != nil {
		t.Fatal(lerr)
	}
	// a000–a056 read, of which a009, a019, … a049 are duplicates.
	if n != 57-5 || sum.Stored != n || sum.Duplicates != 5 || reported != 57 {
		t.Errorf("stored %d, summary %v, %d reported; want 52 stored, 5 duplicates, 57 reported", n, sum, reported)
	}
	if len(store.finished) != 57 {
		t.Errorf("%d records finished, want the 57 stored before the refused one", len(store.finished))
	}
}

// bulkStore counts the index calls of a long run.
type bulkStore struct {
	*sqlite.Store
	mu                sync.Mutex
	deferred, restore int
	storedAtDefer     int
	stored            int
}

func (b *bulkStore) PutArticles(ctx context.Context, as []*marsad.Article) ([]marsad.PutResult, error) {
	res, err := b.Store.PutArticles(ctx, as)
	b.mu.Lock()
	b.stored += len(res)
	b.mu.Unlock()
	return res, err
}

func (b *bulkStore) DeferIndexes(ctx context.Context) error {
	b.mu.Lock()
	b.deferred++
	b.storedAtDefer = b.stored
	b.mu.Unlock()
	return b.Store.DeferIndexes(ctx)
}

func (b *bulkStore) RestoreIndexes(ctx context.Context) error {
	b.mu.Lock()
	b.restore++
	b.mu.Unlock()
	return b.Store.RestoreIndexes(ctx)
}

// TestIngestDefersIndexesOfALongRun: past BulkAfter articles a run defers
// the store's random-key indexes once and restores them at its end, also
// when the run is cancelled; what it stored is then found by name.
func TestIngestDefersIndexesOfALongRun(t *testing.T) {
	dir, _ := writeArticles(t, 60)
	for _, cancelAt := range []int{0, 50} { // 50: past 10 + one batch of 32, so a batch starts after the threshold
		t.Run(fmt.Sprintf("cancel at %d", cancelAt), func(t *testing.T) {
			s, err := sqlite.Open(filepath.Join(t.TempDir(), "marsad.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			b := &bulkStore{Store: s}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n := 0
			opts := ingest.Options{Pipeline: pipeline.Default(), BulkAfter: 10, NoRebuild: true, OnReject: func(error) {},
				OnArticle: func(*marsad.Article, bool) {
					if n++; cancelAt > 0 && n == cancelAt {
						cancel()
					}
				}}
			sum, err := ingest.Ingest(ctx, b, []string{dir}, nil, opts)
			if cancelAt == 0 && err != nil {
				t.Fatal(err)
			}
			if b.deferred != 1 || b.restore != 1 {
				t.Errorf("DeferIndexes called %d times, RestoreIndexes %d; want 1 and 1", b.deferred, b.restore)
			}
			if b.storedAtDefer < 10 {
				t.Errorf("indexes deferred after %d articles, want ≥ 10", b.storedAtDefer)
			}
			if sum.Stored == 0 {
				t.Fatal("nothing stored")
			}
			// The restored store answers as before: every stored article is
			// there and the store is sound.
			if err := s.IntegrityCheck(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	// A small run keeps its indexes.
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "marsad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := &bulkStore{Store: s}
	if _, err := ingest.Ingest(context.Background(), b, []string{dir}, nil, ingest.Options{Pipeline: pipeline.Default(), NoRebuild: true, OnReject: func(error) {}}); err != nil {
		t.Fatal(err)
	}
	if b.deferred != 0 || b.restore != 0 {
		t.Errorf("a run of 60 articles deferred %d and restored %d times, want 0", b.deferred, b.restore)
	}
}
