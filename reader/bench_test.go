package reader

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// benchWalk measures Walk over one input read from memory through stdin,
// so that the numbers are the readers' cost, not the disk's.
func benchWalk(b *testing.B, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	records := 0
	for b.Loop() {
		records = 0
		err := Walk(context.Background(), []string{"-"}, bytes.NewReader(data), Options{}, func(r *Record, err error) error {
			if err == nil {
				records++
			}
			return nil
		})
		if err != nil || records == 0 {
			b.Fatalf("err %v, %d records", err, records)
		}
	}
	b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

func BenchmarkWalkText(b *testing.B)  { benchWalk(b, filepath.Join("testdata", "plain-cp1256.txt")) }
func BenchmarkWalkHTML(b *testing.B)  { benchWalk(b, filepath.Join("testdata", "news-page.html")) }
func BenchmarkWalkFeed(b *testing.B)  { benchWalk(b, filepath.Join("testdata", "rss.xml")) }
func BenchmarkWalkWARC(b *testing.B)  { benchWalk(b, filepath.Join("testdata", "crawl.warc.gz")) }
func BenchmarkWalkJSON(b *testing.B)  { benchWalk(b, filepath.Join("testdata", "snn.json")) }
func BenchmarkWalkJSONL(b *testing.B) { benchWalk(b, filepath.Join("testdata", "snn.jsonl")) }
func BenchmarkWalkZip(b *testing.B)   { benchWalk(b, filepath.Join("testdata", "bundle.zip")) }

// BenchmarkWalkSaudiNewsNet reads a real 3.4 MB dump (1,300 articles) when
// the shared data is present.
func BenchmarkWalkSaudiNewsNet(b *testing.B) {
	benchWalk(b, "/work/shared/data/saudinewsnet/2015-07-21.zip")
}

func BenchmarkDetect(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "news-page.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Detect(data[:sniffLen], "page")
	}
}
