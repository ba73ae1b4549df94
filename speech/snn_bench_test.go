package speech_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/extract"
	"github.com/marsad-news/marsad/internal/corpustest"
	"github.com/marsad-news/marsad/pipeline"
	"github.com/marsad-news/marsad/reader"
	"github.com/marsad-news/marsad/speech"
)

// snnInputs runs the stages before speech (tokenize, NER, resolve, timex)
// over up to max SaudiNewsNet records, so that speech alone can be measured
// and its output compared on real articles.
func snnInputs(tb testing.TB, max int) []*speech.Input {
	tb.Helper()
	if _, err := os.Stat(corpustest.SaudiNewsNet); err != nil {
		tb.Skipf("corpus %s not present", corpustest.SaudiNewsNet)
	}
	p := &pipeline.Pipeline{Stages: []pipeline.Stage{pipeline.Tokenize, pipeline.NER, pipeline.Resolve, pipeline.Times}}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out []*speech.Input
	_ = reader.Walk(ctx, []string{corpustest.SaudiNewsNet}, nil, reader.Options{}, func(rec *reader.Record, err error) error {
		if err != nil || rec.Article == nil {
			return nil
		}
		a := *rec.Article
		extract.Clean(&a)
		if a.Body == "" {
			return nil
		}
		d := &pipeline.Document{Article: &a}
		if err := p.Run(ctx, d); err != nil {
			tb.Fatal(err)
		}
		out = append(out, &speech.Input{Body: a.Body, Tokens: d.Tokens, Sentences: d.Sentences,
			Entities: a.Entities, Times: a.Times, Published: a.Published})
		if len(out) >= max {
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

// BenchmarkAnalyzeSaudiNewsNet measures speech.Analyze alone on real
// articles; ns/op is per article. Run it with -cpu 1; cpu-ns/op is the
// process CPU time, which a shared machine's load does not inflate as it
// does ns/op. SPEECH_BENCH_N sets the number of articles (default 1,000).
func BenchmarkAnalyzeSaudiNewsNet(b *testing.B) {
	ins := snnInputs(b, corpustest.EnvInt("SPEECH_BENCH_N", 1000))
	b.ReportAllocs()
	start := corpustest.CPUTime()
	i := 0
	for b.Loop() {
		speech.Analyze(ins[i%len(ins)])
		i++
	}
	b.ReportMetric(float64(corpustest.CPUTime()-start)/float64(b.N), "cpu-ns/op")
}

// TestSpeechDump writes what speech finds in the first $SPEECH_DUMP_N
// (default 3,000) SaudiNewsNet articles to the file $SPEECH_DUMP, so that a
// change made for speed can be checked to leave the output identical: run it
// on two trees and compare the files. Without the variable it does nothing.
func TestSpeechDump(t *testing.T) {
	path := os.Getenv("SPEECH_DUMP")
	if path == "" {
		t.Skip("SPEECH_DUMP not set")
	}
	ins := snnInputs(t, corpustest.EnvInt("SPEECH_DUMP_N", 3000))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, in := range ins {
		res := speech.Analyze(in)
		if err := enc.Encode(struct {
			Quotes         []marsad.Quote
			Events         []marsad.Event
			Contradictions []marsad.Contradiction
		}{res.Quotes, res.Events, res.Contradictions}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles analysed into %s", len(ins), path)
}
