package extract_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/extract"
	"github.com/marsad-news/marsad/internal/corpustest"
	"github.com/marsad-news/marsad/reader"
)

// snnArticles reads up to max JSON records of the corpus, as ingest gets
// them from the reader (not yet cleaned), so that Clean is measured on what
// it really meets.
func snnArticles(tb testing.TB, max int) []*marsad.Article {
	tb.Helper()
	if _, err := os.Stat(corpustest.SaudiNewsNet); err != nil {
		tb.Skipf("corpus %s not present", corpustest.SaudiNewsNet)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out []*marsad.Article
	_ = reader.Walk(ctx, []string{corpustest.SaudiNewsNet}, nil, reader.Options{}, func(rec *reader.Record, err error) error {
		if err != nil || rec.Article == nil {
			return nil
		}
		out = append(out, rec.Article)
		if max > 0 && len(out) >= max {
			cancel()
			return context.Canceled
		}
		return nil
	})
	if len(out) == 0 {
		tb.Skipf("no records in %s", corpustest.SaudiNewsNet)
	}
	return out
}

// BenchmarkCleanSaudiNewsNet measures extract.Clean on SaudiNewsNet JSON
// records, the whole per-article cost ingest pays before analysis. ns/op is
// per article; run it with -cpu 1. EXTRACT_BENCH_N sets the number of
// records (default 2,000, from the first zips).
func BenchmarkCleanSaudiNewsNet(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("EXTRACT_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	recs := snnArticles(b, n)
	b.ReportAllocs()
	start := corpustest.CPUTime()
	i := 0
	for b.Loop() {
		a := *recs[i%len(recs)]
		extract.Clean(&a)
		i++
	}
	// On a shared machine ns/op is wall time and follows the load; the
	// process CPU time per article does not.
	b.ReportMetric(float64(corpustest.CPUTime()-start)/float64(b.N), "cpu-ns/op")
}

// cleanDump is one cleaned record, the fields Clean writes.
type cleanDump struct {
	Title, Outlet, Author, Dateline, Language, ContentHash, Body string
	Published, Updated                                           string
	Error                                                        string
}

func dateString(d marsad.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time.Format(time.RFC3339) + "/" + string(d.Granularity)
}

// TestCleanDump writes what Clean makes of every SaudiNewsNet record to the
// file $EXTRACT_CLEAN_DUMP (JSON Lines), so that a change made for speed can
// be checked to leave the output identical: run it on two trees and compare
// the files. Without the variable it does nothing.
func TestCleanDump(t *testing.T) {
	path := os.Getenv("EXTRACT_CLEAN_DUMP")
	if path == "" {
		t.Skip("EXTRACT_CLEAN_DUMP not set")
	}
	recs := snnArticles(t, 0)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	dump := func(a *marsad.Article, err error) {
		d := cleanDump{Error: fmt.Sprint(err)}
		if a != nil {
			d = cleanDump{a.Title, a.Outlet, a.Author, a.Dateline, a.Language, a.ContentHash, a.Body,
				dateString(a.Published), dateString(a.Updated), ""}
		}
		if err := enc.Encode(d); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range recs {
		a := *r
		extract.Clean(&a)
		dump(&a, nil)
		// The plain-text path reads the same record as a page.
		dump(extract.Text("dump", []byte(r.Title+"\n\n"+r.Body)))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records cleaned into %s", len(recs), path)
}
