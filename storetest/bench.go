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

// realQueries are news words for the SaudiNewsNet benchmark.
var realQueries = []string{
	"السعودية", "بالرياض", "وزير الخارجية", `"ولي العهد"`, "النفط",
	"الحوثيين", "اليمن", `"مجلس الأمن"`, "داعش", "المسئولين",
}

// BenchmarkSearch loads BenchCorpusSize synthetic articles, then runs one
// query per iteration (top 10 with snippets), cycling through benchQueries.
// It reports the median and 90th percentile latency in ms. The synthetic
// corpus is very repetitive (five seeds' sentences), so most queries
// match most articles: a worst case for ranking.
func BenchmarkSearch(b *testing.B, newStore func(b *testing.B) marsad.Store) {
	benchmarkSearch(b, newStore, Corpus(b, BenchCorpusSize, 1), benchQueries)
}

// BenchmarkSearchReal is BenchmarkSearch on up to BenchCorpusSize real
// SaudiNewsNet articles; it skips when the corpus is not on this machine.
func BenchmarkSearchReal(b *testing.B, newStore func(b *testing.B) marsad.Store) {
	arts := SaudiNewsNet(b, BenchCorpusSize)
	if len(arts) == 0 {
		b.Skip("SaudiNewsNet not found in " + saudiNewsNetDir)
	}
	benchmarkSearch(b, newStore, arts, realQueries)
}

func benchmarkSearch(b *testing.B, newStore func(b *testing.B) marsad.Store, arts []*marsad.Article, queries []string) {
	ctx := context.Background()
	s := newStore(b)
	start := time.Now()
	for _, a := range arts {
		if _, _, err := s.PutArticle(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("loaded %d articles in %v", len(arts), time.Since(start))
	lat := make([]time.Duration, 0, b.N)
	perQuery := map[string][]time.Duration{}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		res, err := s.Search(ctx, marsad.SearchQuery{Query: queries[i%len(queries)], Limit: 10})
		if err != nil {
			b.Fatal(err)
		}
		d := time.Since(t0)
		lat = append(lat, d)
		perQuery[queries[i%len(queries)]] = append(perQuery[queries[i%len(queries)]], d)
		if res.Total == 0 {
			b.Fatalf("Search(%s) found nothing", queries[i%len(queries)])
		}
	}
	b.StopTimer()
	if b.N >= 10*len(queries) {
		for _, q := range queries {
			d := perQuery[q]
			slices.Sort(d)
			res, _ := s.Search(ctx, marsad.SearchQuery{Query: q, Limit: 1})
			b.Logf("%-20s %5d hits, median %v", q, res.Total, d[len(d)/2])
		}
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(lat[len(lat)*9/10].Microseconds())/1000, "ms-p90")
}
