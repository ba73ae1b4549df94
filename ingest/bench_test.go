package ingest

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"syscall"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/pipeline"
	"github.com/marsad-news/marsad/reader"
	"github.com/marsad-news/marsad/sqlite"
)

// The SaudiNewsNet corpus is read from /work/shared at benchmark time only;
// it is never copied into the repository (CC BY-NC-SA).
var (
	benchCorpus = flag.String("corpus", "/work/shared/data/saudinewsnet/2015-07-21.zip", "SaudiNewsNet zip or directory for the ingest benchmarks")
	benchN      = flag.Int("articles", 500, "articles per benchmark iteration")
	benchHeap   = flag.String("heapprofile", "", "BenchmarkRebuildSaudiNewsNet: write heap profiles PREFIX-ingested.prof, PREFIX-read.prof and PREFIX-indexed.prof (inside rebuild) and PREFIX-rebuilt.prof")
	benchDB     = flag.String("db", "", "BenchmarkRebuildSaudiNewsNet: SQLite file to rebuild; when it exists it is used as it is (no ingest), so that repeated runs measure the rebuild alone")
)

// writeHeap writes a heap profile of live objects after a GC.
func writeHeap(b *testing.B, path string) {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		b.Fatal(err)
	}
}

// loadRecords reads the first n records of the corpus into memory, so that
// the analysis benchmark measures analysis, not unzipping.
func loadRecords(b *testing.B, n int) []*reader.Record {
	b.Helper()
	if _, err := os.Stat(*benchCorpus); err != nil {
		b.Skipf("corpus %s not present", *benchCorpus)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var recs []*reader.Record
	_ = reader.Walk(ctx, []string{*benchCorpus}, nil, reader.Options{}, func(rec *reader.Record, err error) error {
		if err != nil {
			return nil
		}
		recs = append(recs, rec)
		if len(recs) >= n {
			cancel()
			return context.Canceled
		}
		return nil
	})
	if len(recs) == 0 {
		b.Skipf("no records in %s", *benchCorpus)
	}
	return recs
}

// BenchmarkAnalyzeSaudiNewsNet runs the full analysis pipeline (no store)
// over in-memory SaudiNewsNet records on one goroutine; run it with -cpu 1
// and -cpuprofile to see where analysis time goes. ns/op is per article.
func BenchmarkAnalyzeSaudiNewsNet(b *testing.B) {
	recs := loadRecords(b, *benchN)
	p := pipeline.Default()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec := recs[i%len(recs)]
		a := &marsad.Article{}
		if rec.Article != nil {
			*a = *rec.Article // Clean and the stages write the article
		}
		_, _ = analyze(ctx, p, &reader.Record{Source: rec.Source, Data: rec.Data, Article: articleOrNil(rec, a)})
	}
}

func articleOrNil(rec *reader.Record, a *marsad.Article) *marsad.Article {
	if rec.Article == nil {
		return nil
	}
	return a
}

// BenchmarkIngestSaudiNewsNet ingests -articles articles from the corpus
// into a fresh SQLite store and rebuilds entities and stories, as marsad
// bench does; ns/op is per article, end to end.
func BenchmarkIngestSaudiNewsNet(b *testing.B) {
	if _, err := os.Stat(*benchCorpus); err != nil {
		b.Skipf("corpus %s not present", *benchCorpus)
	}
	b.ReportAllocs()
	articles := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		store, err := sqlite.Open(filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		opts := Options{NoRebuild: true, OnReject: func(error) {}, OnArticle: func(*marsad.Article, bool) {
			n++
			if n >= *benchN {
				cancel()
			}
		}}
		b.StartTimer()
		if _, err := Ingest(ctx, store, []string{*benchCorpus}, nil, opts); err != nil && ctx.Err() == nil {
			b.Fatal(err)
		}
		if err := Rebuild(context.Background(), store); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cancel()
		articles += n
		store.Close()
	}
	if articles > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(articles), "ns/article")
	}
}

// BenchmarkRebuildSaudiNewsNet measures the cross-article rebuild alone
// over a store holding -articles analyzed articles.
func BenchmarkRebuildSaudiNewsNet(b *testing.B) {
	if _, err := os.Stat(*benchCorpus); err != nil {
		b.Skipf("corpus %s not present", *benchCorpus)
	}
	path, ingested := *benchDB, false
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	} else if _, err := os.Stat(path); err == nil {
		ingested = true
	}
	store, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	if !ingested {
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		opts := Options{NoRebuild: true, OnReject: func(error) {}, OnArticle: func(*marsad.Article, bool) {
			n++
			if n >= *benchN {
				cancel()
			}
		}}
		if _, err := Ingest(ctx, store, []string{*benchCorpus}, nil, opts); err != nil && ctx.Err() == nil {
			b.Fatal(err)
		}
		cancel()
	}
	if *benchHeap != "" {
		writeHeap(b, *benchHeap+"-ingested.prof")
		rebuildPeak = func(stage string) { writeHeap(b, *benchHeap+"-"+stage+".prof") }
		defer func() { rebuildPeak = nil }()
	}
	_, stored, err := store.Articles(context.Background(), marsad.ArticleFilter{Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		if err := Rebuild(context.Background(), store); err != nil {
			b.Fatal(err)
		}
	}
	cpu := processCPU() - cpu0
	b.StopTimer()
	if stored > 0 {
		// CPU, not wall: the machine is shared, and the rebuild uses
		// several goroutines.
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N*stored), "cpu-ms/article")
		b.ReportMetric(float64(stored), "articles")
	}
	if *benchHeap != "" {
		writeHeap(b, *benchHeap+"-rebuilt.prof")
	}
}

// processCPU is the user+system CPU time of this process so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
