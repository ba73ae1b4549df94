package ner

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"

	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/internal/corpustest"
)

// snnDir is the SaudiNewsNet corpus as the repository's tests find it
// (never copied into the repository).
const snnDir = "../../shared/data/saudinewsnet"

// snnDocs returns up to n SaudiNewsNet articles (title and content), each
// cut into sentences of words as the pipeline cuts them, in corpus order.
func snnDocs(tb testing.TB, n int) [][][]string {
	tb.Helper()
	zips, _ := filepath.Glob(filepath.Join(snnDir, "*.zip"))
	if len(zips) == 0 {
		tb.Skipf("no SaudiNewsNet corpus in %s", snnDir)
	}
	sort.Strings(zips)
	var docs [][][]string
	for _, z := range zips {
		zr, err := zip.OpenReader(z)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				tb.Fatal(err)
			}
			var arts []struct{ Title, Content string }
			err = json.NewDecoder(rc).Decode(&arts)
			rc.Close()
			if err != nil {
				tb.Fatalf("%s: %v", f.Name, err)
			}
			for _, a := range arts {
				if len(docs) == n {
					zr.Close()
					return docs
				}
				text := a.Title + "\n" + a.Content
				toks := arabic.Tokenize(text)
				var doc [][]string
				for _, s := range arabic.Sentences(text, toks) {
					ws := make([]string, 0, s.To-s.From)
					for _, t := range toks[s.From:s.To] {
						ws = append(ws, t.Text)
					}
					doc = append(doc, ws)
				}
				docs = append(docs, doc)
			}
		}
		zr.Close()
	}
	return docs
}

var (
	snnOnce  sync.Once
	snnCache [][][]string
)

// BenchmarkTagSaudiNewsNet tags real news articles one document at a time,
// as the pipeline does (TagSentences over an article's sentences); ns/op
// is per article. Run it with -benchtime 2000x to tag each article once. Word frequencies in real text are Zipfian, unlike a
// benchmark that repeats one sentence.
func BenchmarkTagSaudiNewsNet(b *testing.B) {
	m := loadDefault(b)
	snnOnce.Do(func() { snnCache = snnDocs(b, 3000) })
	// A long ingest tags with a warm cache of frequent words (see
	// typecache.go): warm it with the 1,000 articles after the timed ones.
	docs := snnCache[:min(2000, len(snnCache))]
	for _, d := range snnCache[len(docs):] {
		m.TagSentences(d)
	}
	tokens := 0
	for _, d := range docs {
		for _, s := range d {
			tokens += len(s)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := corpustest.CPUTime()
	i := 0
	for b.Loop() {
		m.TagSentences(docs[i%len(docs)])
		i++
	}
	perDoc := float64(tokens) / float64(len(docs))
	if cpu := corpustest.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(perDoc*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// TestDumpTags writes the tags of the test file (as running text) and of
// the first NER_DUMP_ARTICLES (default 2000) SaudiNewsNet articles to the
// file named by NER_DUMP, one token and tag per line, with the embedded
// model or the one in the file NER_DUMP_MODEL: comparing two dumps proves
// that a change to the tagger's internals leaves its output alone.
func TestDumpTags(t *testing.T) {
	path := os.Getenv("NER_DUMP")
	if path == "" {
		t.Skip("set NER_DUMP=file to dump tags")
	}
	n := 2000
	if s := os.Getenv("NER_DUMP_ARTICLES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		n = v
	}
	m := loadDefault(t)
	if path := os.Getenv("NER_DUMP_MODEL"); path != "" {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		m, err = Load(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	test, err := ReadCoNLLFile(testFile)
	if err != nil {
		t.Fatal(err)
	}
	toks := make([][]string, len(test))
	for i, s := range test {
		toks[i] = s.Tokens
	}
	docs := append([][][]string{toks}, snnDocs(t, n)...)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for _, d := range docs {
		for s, tags := range m.TagSentences(d) {
			for i, tag := range tags {
				w.WriteString(d[s][i])
				w.WriteByte('\t')
				w.WriteString(tag)
				w.WriteByte('\n')
			}
			w.WriteByte('\n')
		}
		w.WriteString("#doc\n")
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("dumped %d documents to %s", len(docs), path)
}
