package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
)

// BenchCorpusSize is the number of synthetic articles the search benchmark
// loads, and the number the ingest benchmark cycles through.
const BenchCorpusSize = 5000

// benchQueries mix a very common term, rarer terms, AND and phrases over
// the seeds' vocabulary.
var benchQueries = []string{
	"روسيا", "بروسيا", "المسئولين", `"خليفة حفتر"`, "لافروف موسكو",
	"درنة", "الأمم المتحدة", `"مجلس الأمن"`, "الإرهاب داعش", "فيضانات",
}

// BenchmarkPutArticle measures ingest: one PutArticle (one transaction) per
// iteration, on synthetic articles with an event each. It reports
// articles/s.
func BenchmarkPutArticle(b *testing.B, newStore func(b *testing.B) marsad.Store) {
	ctx := context.Background()
	arts := Corpus(b, BenchCorpusSize, 1)
	s := newStore(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := *arts[i%len(arts)]
		// Past the corpus size, make the article new again.
		a.ContentHash = fmt.Sprintf("bench-%d", i)
		if _, _, err := s.PutArticle(ctx, &a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkSearch loads BenchCorpusSize synthetic articles, then runs one
// query per iteration (top 10 with snippets), cycling through benchQueries.
// It reports the median and 90th percentile latency in ms.
func BenchmarkSearch(b *testing.B, newStore func(b *testing.B) marsad.Store) {
	ctx := context.Background()
	s := newStore(b)
	start := time.Now()
	for _, a := range Corpus(b, BenchCorpusSize, 1) {
		if _, _, err := s.PutArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("loaded %d articles in %v", BenchCorpusSize, time.Since(start))
	lat := make([]time.Duration, 0, b.N)
	perQuery := map[string][]time.Duration{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		res, err := s.Search(ctx, marsad.SearchQuery{Query: benchQueries[i%len(benchQueries)], Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		d := time.Since(t0)
		lat = append(lat, d)
		perQuery[benchQueries[i%len(benchQueries)]] = append(perQuery[benchQueries[i%len(benchQueries)]], d)
		if res.Total == 0 {
			b.Fatalf("Search(%s) found nothing", benchQueries[i%len(benchQueries)])
		}
	}
	b.StopTimer()
	if b.N >= 10*len(benchQueries) {
		for _, q := range benchQueries {
			d := perQuery[q]
			slices.Sort(d)
			b.Logf("%-20s median %v", q, d[len(d)/2])
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(lat[len(lat)*9/10].Microseconds())/1000, "ms-p90")
}
