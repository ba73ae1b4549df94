package ner

import (
	"fmt"
	"slices"
	"sync"
	"testing"
)

// TestDecomposedScores checks that the cached per-word sums (typecache.go)
// give every token of the test split, in both stages, exactly the
// emission scores of its features summed one by one, and hence the same
// tags.
func TestDecomposedScores(t *testing.T) {
	m := loadDefault(t)
	test, err := ReadCoNLLFile(testFile)
	if err != nil {
		t.Fatal(err)
	}
	test = test[:200]
	c := m.caches.get()
	defer m.caches.put(c)
	doc := make([][]tokInfo, len(test))
	idx := make([][]int32, len(test))
	for s, sent := range test {
		// Short sentences exercise the padding on both sides at once.
		toks := sent.Tokens
		if s%7 == 0 {
			toks = toks[:min(len(toks), 1+s%3)]
		}
		doc[s] = make([]tokInfo, len(toks))
		m.analyze(toks, doc[s])
		for _, tok := range toks {
			idx[s] = append(idx[s], c.entry(m, tok))
		}
	}
	var a, b tagger
	compare := func(stage int, st *Model) [][]uint8 {
		out := make([][]uint8, len(doc))
		for s := range doc {
			want := slices.Clone(st.decode(&a, doc[s]))
			got := st.decodeCached(&b, stage, c.ents, idx[s], doc[s])
			if !slices.Equal(a.score, b.score) {
				t.Fatalf("stage %d sentence %d: cached scores differ", stage+1, s)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("stage %d sentence %d: tags differ", stage+1, s)
			}
			out[s] = want
		}
		return out
	}
	m1 := compare(0, m.first)
	fillMemory(doc, m1)
	compare(1, m)
}

// TestConcurrentTagging: goroutines tagging at once (each with its own
// cache) tag as one goroutine does, including after their caches turn
// generations.
func TestConcurrentTagging(t *testing.T) {
	m := loadDefault(t)
	test, err := ReadCoNLLFile(testFile)
	if err != nil {
		t.Fatal(err)
	}
	docs := make([][][]string, 0, 20)
	for i := 0; i+40 <= len(test) && len(docs) < 20; i += 40 {
		var d [][]string
		for _, s := range test[i : i+40] {
			d = append(d, s.Tokens)
		}
		docs = append(docs, d)
	}
	want := make([][][]string, len(docs))
	for i, d := range docs {
		want[i] = m.TagSentences(d)
	}
	errs := make(chan string, 4*len(docs))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 * len(docs) {
				i := (k + 7*g) % len(docs)
				got := m.TagSentences(docs[i])
				for s := range got {
					if !slices.Equal(got[s], want[i][s]) {
						errs <- fmt.Sprintf("goroutine %d document %d sentence %d differs", g, i, s)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestCacheGenerations: a small cache turns generations between documents
// and still tags as a large one.
func TestCacheGenerations(t *testing.T) {
	m := loadDefault(t)
	test, err := ReadCoNLLFile(testFile)
	if err != nil {
		t.Fatal(err)
	}
	var docs [][][]string
	for i := 0; i+10 <= 300; i += 10 {
		var d [][]string
		for _, s := range test[i : i+10] {
			d = append(d, s.Tokens)
		}
		docs = append(docs, d)
	}
	want := make([][][]string, len(docs))
	for i, d := range docs {
		want[i] = m.TagSentences(d)
	}
	defer func(n int) { typeCacheSize = n }(typeCacheSize)
	typeCacheSize = 64
	for round := range 2 {
		for i, d := range docs {
			got := m.TagSentences(d)
			for s := range got {
				if !slices.Equal(got[s], want[i][s]) {
					t.Fatalf("round %d document %d sentence %d: small cache tags differently", round, i, s)
				}
			}
		}
	}
}
