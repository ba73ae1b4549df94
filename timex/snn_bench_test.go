package timex_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/extract"
	"github.com/marsad-news/marsad/internal/corpustest"
	"github.com/marsad-news/marsad/reader"
	"github.com/marsad-news/marsad/timex"
)

type snnDoc struct {
	body      string
	tokens    []arabic.Token
	published marsad.Date
}

// snnDocs reads up to max SaudiNewsNet records (max <= 0: all), cleaned and
// tokenized as the pipeline hands them to TagTokens.
func snnDocs(tb testing.TB, max int) []snnDoc {
	tb.Helper()
	if _, err := os.Stat(corpustest.SaudiNewsNet); err != nil {
		tb.Skipf("corpus %s not present", corpustest.SaudiNewsNet)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out []snnDoc
	_ = reader.Walk(ctx, []string{corpustest.SaudiNewsNet}, nil, reader.Options{}, func(rec *reader.Record, err error) error {
		if err != nil || rec.Article == nil {
			return nil
		}
		a := *rec.Article
		extract.Clean(&a)
		if a.Body == "" {
			return nil
		}
		out = append(out, snnDoc{a.Body, arabic.Tokenize(a.Body), a.Published})
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

// BenchmarkTagSaudiNewsNet measures TagTokens on real articles, as the
// pipeline calls it; ns/op is per article. Run it with -cpu 1; cpu-ns/op is
// the process CPU time, which a shared machine's load does not inflate as it
// does ns/op. TIMEX_BENCH_N sets the number of articles (default 2,000).
func BenchmarkTagSaudiNewsNet(b *testing.B) {
	docs := snnDocs(b, corpustest.EnvInt("TIMEX_BENCH_N", 2000))
	b.ReportAllocs()
	start := corpustest.CPUTime()
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		timex.TagTokens(d.body, d.tokens, d.published)
		i++
	}
	b.ReportMetric(float64(corpustest.CPUTime()-start)/float64(b.N), "cpu-ns/op")
}

// TestTagDump writes the time expressions of every SaudiNewsNet article
// (or the first $TIMEX_DUMP_N) to the file $TIMEX_DUMP, so that a change
// made for speed can be checked to leave the output identical: run it on two
// trees and compare the files. Without the variable it does nothing.
func TestTagDump(t *testing.T) {
	path := os.Getenv("TIMEX_DUMP")
	if path == "" {
		t.Skip("TIMEX_DUMP not set")
	}
	docs := snnDocs(t, corpustest.EnvInt("TIMEX_DUMP_N", 0))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, d := range docs {
		if err := enc.Encode(timex.TagTokens(d.body, d.tokens, d.published)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles tagged into %s", len(docs), path)
}
