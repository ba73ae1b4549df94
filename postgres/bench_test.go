package postgres_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/internal/corpustest"
	"github.com/marsad-news/marsad/postgres"
)

var (
	benchArticles = flag.Int("articles", 2000, "BenchmarkWrite*: analyzed articles to store")
	benchBatch    = flag.Int("batch", 32, "BenchmarkWriteBatch: articles per PutArticles call")
	benchAnalyzed = flag.String("analyzed", "/tmp/snn-2000.jsonl", "BenchmarkWrite*: analyzed articles, JSON Lines from marsad analyze (see package sqlite's bench_test.go)")
)

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
	return arts
}

// serverCPU is the CPU time of the local PostgreSQL server's processes so
// far (ticks of 10 ms): every living postgres process, plus what the
// postmaster collected from its exited children. Other clients of the
// server count too; run the benchmark when it is otherwise idle.
func serverCPU() time.Duration {
	paths, _ := filepath.Glob("/proc/[0-9]*/stat")
	var ticks int64
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 || !strings.Contains(s[:i], "(postgres") {
			continue
		}
		f := strings.Fields(s[i+2:]) // state is f[0]; utime is field 14, f[11]
		if len(f) < 15 {
			continue
		}
		for k, field := range f[11:15] {
			v, _ := strconv.ParseInt(field, 10, 64)
			ppid, _ := strconv.Atoi(f[1])
			if k >= 2 && ppid != 1 { // children's times only from the postmaster
				continue
			}
			ticks += v
		}
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}

// benchWrite stores the analyzed corpus into a fresh schema per iteration
// and reports the client's and the server's CPU per article.
func benchWrite(b *testing.B, put func(s *postgres.Store, arts []*marsad.Article) error) {
	arts := analyzedCorpus(b, *benchArticles)
	var cpu, server time.Duration
	stored := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := open(b, newSchema(b))
		b.StartTimer()
		c0, s0 := corpustest.CPUTime(), serverCPU()
		if err := put(s, arts); err != nil {
			b.Fatal(err)
		}
		cpu += corpustest.CPUTime() - c0
		server += serverCPU() - s0
		stored += len(arts)
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(stored), "cpu-ms/article")
	b.ReportMetric(float64(server.Microseconds())/1000/float64(stored), "server-cpu-ms/article")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(stored), "ms/article")
}

// BenchmarkWriteSerial stores one article per PutArticle call.
func BenchmarkWriteSerial(b *testing.B) {
	ctx := context.Background()
	benchWrite(b, func(s *postgres.Store, arts []*marsad.Article) error {
		for _, a := range arts {
			if _, _, err := s.PutArticle(ctx, a); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkWriteBatch stores -batch articles per PutArticles call.
func BenchmarkWriteBatch(b *testing.B) {
	ctx := context.Background()
	benchWrite(b, func(s *postgres.Store, arts []*marsad.Article) error {
		for i := 0; i < len(arts); i += *benchBatch {
			if _, err := s.PutArticles(ctx, arts[i:min(i+*benchBatch, len(arts))]); err != nil {
				return err
			}
		}
		return nil
	})
}
