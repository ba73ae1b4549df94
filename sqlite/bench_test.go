package sqlite_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/internal/corpustest"
	"github.com/marsad-news/marsad/sqlite"
)

var (
	benchArticles = flag.Int("articles", 2000, "BenchmarkWrite*: analyzed SaudiNewsNet articles to store")
	benchBatch    = flag.Int("batch", 128, "BenchmarkWriteBatch: articles per PutArticles call")
	benchAnalyzed = flag.String("analyzed", "/tmp/snn-2000.jsonl", "BenchmarkWrite*: analyzed articles, JSON Lines from marsad analyze")
)

// analyzedCorpus returns up to n analyzed articles for the write
// benchmarks, read from -analyzed: JSON Lines as `marsad analyze` writes
// them, made once with
//
//	marsad analyze /work/shared/data/saudinewsnet/2015-07-21.zip | head -n 2000 > /tmp/snn-2000.jsonl
//
// (outside the repository: the corpus is CC BY-NC-SA). The store package
// does not run the pipeline itself, so that its benchmarks build whatever
// state the analysis packages are in.
func analyzedCorpus(b *testing.B, n int) []*marsad.Article {
	b.Helper()
	f, err := os.Open(*benchAnalyzed)
	if err != nil {
		b.Skipf("no analyzed articles (-analyzed %s): %v", *benchAnalyzed, err)
	}
	defer f.Close()
	var arts []*marsad.Article
	dec := json.NewDecoder(bufio.NewReader(f))
	for len(arts) < n {
		a := &marsad.Article{}
		if err := dec.Decode(a); err == io.EOF {
			break
		} else if err != nil {
			b.Fatalf("%s: %v", *benchAnalyzed, err)
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 {
		b.Skipf("no articles in %s", *benchAnalyzed)
	}
	return arts
}

// benchWrite stores the analyzed corpus into a fresh file store per
// iteration with put and reports the process CPU time per article: what
// ingest's writer spends, all of it on one goroutine before batching.
func benchWrite(b *testing.B, put func(s *sqlite.Store, arts []*marsad.Article) error) {
	arts := analyzedCorpus(b, *benchArticles)
	var cpu time.Duration
	stored := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := openTemp(b)
		b.StartTimer()
		c0 := corpustest.CPUTime()
		if err := put(s, arts); err != nil {
			b.Fatal(err)
		}
		cpu += corpustest.CPUTime() - c0
		stored += len(arts)
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(stored), "cpu-ms/article")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(stored), "ms/article")
}

// BenchmarkWriteSerial stores one article per PutArticle call.
func BenchmarkWriteSerial(b *testing.B) {
	ctx := context.Background()
	benchWrite(b, func(s *sqlite.Store, arts []*marsad.Article) error {
		for _, a := range arts {
			if _, _, err := s.PutArticle(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkWriteBatch stores -batch articles per PutArticles call, as
// ingest's writer does.
func BenchmarkWriteBatch(b *testing.B) {
	ctx := context.Background()
	benchWrite(b, func(s *sqlite.Store, arts []*marsad.Article) error {
		for i := 0; i < len(arts); i += *benchBatch {
			if _, err := s.PutArticles(ctx, arts[i:min(i+*benchBatch, len(arts))]); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkReplaceEntities stores the analyzed corpus, then replaces the
// canonical entities and links as the rebuild does, with a crude
// resolution (one canonical entity per name and type). It reports the CPU
// per stored article of one ReplaceEntities call.
func BenchmarkReplaceEntities(b *testing.B) {
	ctx := context.Background()
	arts := analyzedCorpus(b, *benchArticles)
	s := openTemp(b)
	var res []marsad.PutResult
	for i := 0; i < len(arts); i += *benchBatch {
		r, err := s.PutArticles(ctx, arts[i:min(i+*benchBatch, len(arts))])
		if err != nil {
			b.Fatal(err)
		}
		res = append(res, r...)
	}
	byKey := map[string]int{}
	var ents []marsad.Entity
	var links []marsad.EntityLink
	for i, a := range arts {
		for _, e := range a.Entities {
			key := string(e.Type) + "|" + e.Name
			k, ok := byKey[key]
			if !ok {
				k = len(ents)
				byKey[key] = k
				ents = append(ents, marsad.Entity{ID: fmt.Sprintf("c%d", k), Name: e.Name, Type: e.Type, Aliases: e.Aliases, Roles: e.Roles})
			}
			links = append(links, marsad.EntityLink{ArticleID: res[i].ID, LocalID: e.ID, EntityID: ents[k].ID})
		}
	}
	b.Logf("%d entities, %d links", len(ents), len(links))
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c0 := corpustest.CPUTime()
		if err := s.ReplaceEntities(ctx, ents, links); err != nil {
			b.Fatal(err)
		}
		cpu += corpustest.CPUTime() - c0
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N*len(arts)), "cpu-ms/article")
}

// BenchmarkEachEntities reads every article's entities back, as the
// rebuild's resolver pass does; compare BenchmarkEach.
func BenchmarkEachEntities(b *testing.B) {
	benchRead(b, func(s *sqlite.Store) error {
		return s.EachEntities(context.Background(), func(int64, []marsad.Entity) error { return nil })
	})
}

// BenchmarkEach reads every article whole (Each).
func BenchmarkEach(b *testing.B) {
	benchRead(b, func(s *sqlite.Store) error {
		return s.Each(context.Background(), func(*marsad.Article) error { return nil })
	})
}

func benchRead(b *testing.B, read func(s *sqlite.Store) error) {
	ctx := context.Background()
	arts := analyzedCorpus(b, *benchArticles)
	s := openTemp(b)
	for i := 0; i < len(arts); i += *benchBatch {
		if _, err := s.PutArticles(ctx, arts[i:min(i+*benchBatch, len(arts))]); err != nil {
			b.Fatal(err)
		}
	}
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c0 := corpustest.CPUTime()
		if err := read(s); err != nil {
			b.Fatal(err)
		}
		cpu += corpustest.CPUTime() - c0
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N*len(arts)), "cpu-ms/article")
}
