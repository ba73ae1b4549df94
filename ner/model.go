// Package ner is marsad's Arabic named-entity tagger: a first-order
// sequence model over BIO tags (PER, LOC, ORG, MISC) trained as an averaged
// perceptron and decoded with Viterbi, in pure Go.
//
// Why this design: a linear model over hashed sparse features tags hundreds
// of thousands of tokens per second on one core and fits in a few
// megabytes, where the BERT taggers that lead on ANERcorp need a GPU-sized
// runtime. Most of the accuracy comes from features that generalize beyond
// the words seen in training: clitic-stripped bases and stems (arabic
// package), affixes, a context window, word clusters learned from
// unlabeled Arabic news (see cmd/nerclusters), a gazetteer learned from
// the same news by counting how a tagger typed each word across the whole
// corpus (gazetteer.go, cmd/nergazetteer), and a second stage that reads
// what the first stage tagged the same word as elsewhere in the document
// (memory.go). On the ANERcorp CAMeL test split it reaches micro F1 0.730
// (precision 0.794, recall 0.676; conlleval, exact spans) when the file is
// tagged as running text (TagSentences, TagStream, TagText); tagging each
// sentence alone (Tag) loses the document memory.
//
// After the tagger, rule steps (Model.Rules) add what ANERcorp's
// annotation never taught it and what news needs: institution names by
// the grammar of Arabic names (institutions.go), quoted names and short
// forms (quoted.go), list members, names after place words and compound
// given names (lists.go, compound.go). The analysis pipeline runs them;
// `marsad eval ner` reports the model alone unless asked for them.
//
// Tagging caches, per surface form, the sums of the weights of the
// features that read one word only (typecache.go), so frequent words cost
// a few vector additions.
//
// The model is embedded in the binary (Default); training is deterministic
// (Train with a fixed seed reproduces the committed model byte for byte).
package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sync"
)

// Tags is the tag set, in the order of the model's weight columns.
var Tags = [...]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

const numTags = len(Tags)

// tagIndex maps a canonical tag to its column.
func tagIndex(t string) (int, bool) {
	for i, s := range Tags {
		if s == t {
			return i, true
		}
	}
	return 0, false
}

// allowed[p][c] says whether tag c may follow tag p (p == numTags is the
// sentence start): I-X only continues B-X or I-X, so every decoded
// sequence is a well-formed set of spans.
var allowed = func() (a [numTags + 1][numTags]bool) {
	for p := 0; p <= numTags; p++ {
		for c := range numTags {
			if Tags[c][0] != 'I' {
				a[p][c] = true
				continue
			}
			if p < numTags && Tags[p] != "O" && Tags[p][2:] == Tags[c][2:] {
				a[p][c] = true
			}
		}
	}
	return a
}()

// Model is a trained tagger. It is safe for concurrent use.
type Model struct {
	// Emission weights, quantized to int16 (see Save): rows[r] holds the
	// weights of keys[r] (feature hashes, ascending, for Save). table is an
	// open-addressing index of the keys (0 marks an empty slot) and at the
	// row of each slot. Keeping the probed keys apart from the weights makes
	// the table small enough to stay in cache: most features looked up are
	// absent from the model, and a miss touches only the key array.
	keys  []uint64
	rows  [][numTags]int16
	table []uint64
	at    []int32
	// weights is the float weight matrix of a model in training
	// (weights[row*numTags+tag]); nil otherwise.
	weights []float32
	// scale is the value of one quantized unit (for Save; decoding
	// compares sums and needs no scale).
	scale float32
	// trans[p][c] scores tag c after tag p; p == numTags is the start.
	trans [numTags + 1][numTags]float32

	clusters *clusterTable
	gaz      *gazTable // nil: no gazetteer features (gazetteer.go)

	// first is the first-stage model of a two-stage model (memory.go);
	// nil for a first-stage model.
	first *Model

	// Tagging state (typecache.go): the per-word caches of concurrent
	// calls, and this stage's precomputed sums.
	caches    cachePool
	fixedOnce sync.Once
	fixedSums *fixedParts
}

// lookup returns the weights of a feature hash, or nil.
func (m *Model) lookup(h uint64) *[numTags]int16 {
	if len(m.table) == 0 {
		return nil
	}
	if h == 0 {
		h = 1
	}
	mask := uint64(len(m.table) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch m.table[i] {
		case h:
			return &m.rows[m.at[i]]
		case 0:
			return nil
		}
	}
}

// buildTable indexes keys, whose quantized weights are rows[r] for keys[r].
func (m *Model) buildTable(keys []uint64, rows [][numTags]int16) {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	m.keys, m.rows = keys, rows
	m.table = make([]uint64, size)
	m.at = make([]int32, size)
	mask := uint64(size - 1)
	for r, h := range keys {
		if h == 0 {
			h = 1
		}
		i := h & mask
		for m.table[i] != 0 {
			i = (i + 1) & mask
		}
		m.table[i] = h
		m.at[i] = int32(r)
	}
}

// preds[c] lists the tags that may precede c inside a sentence, in
// ascending order (so that ties resolve as a scan of all tags would).
var preds = func() (ps [numTags][]uint8) {
	for c := range numTags {
		for p := range numTags {
			if allowed[p][c] {
				ps[c] = append(ps[c], uint8(p))
			}
		}
	}
	return ps
}()

// tagger holds the scratch buffers of one Tag call.
type tagger struct {
	infos []tokInfo // token analyses of the document being tagged
	idx   []int32   // their entries in the type cache
	feats []uint64
	sink  uint64    // keeps the prefetching loads of decode alive
	score []float32 // emission scores, numTags per token
	back  []uint8
	path  []uint8
	votes map[uint64]consistencyVotes // see enforceConsistency
}

var taggerPool = sync.Pool{New: func() any { return new(tagger) }}

// Tag returns one BIO tag per token (O, B-PER, I-PER, B-LOC, I-LOC, B-ORG,
// I-ORG, B-MISC, I-MISC). Tokens are words as arabic.Tokenize cuts them,
// with clitics attached as in ANERcorp (بروسيا is one token, tagged B-LOC).
// The sentence is its own document: TagSentences lets a word's other
// occurrences in the document inform its tag.
func (m *Model) Tag(tokens []string) []string {
	return m.TagSentences([][]string{tokens})[0]
}

// decode scores the analyzed tokens in infos and returns the best tag
// columns, in t's storage (valid until t's next use).
func (m *Model) decode(t *tagger, infos []tokInfo) []uint8 {
	n := len(infos)
	if n == 0 {
		return nil
	}
	if cap(t.score) < n*numTags {
		t.score = make([]float32, n*numTags)
	}
	t.score = t.score[:n*numTags]
	for i := range n {
		t.feats = m.features(infos, i, t.feats[:0])
		// Touch every feature's home slot first: the loads are independent,
		// so their cache misses overlap instead of queueing one by one in
		// the probe loop below.
		var sink uint64
		if mask := uint64(len(m.table) - 1); len(m.table) > 0 {
			for _, h := range t.feats {
				sink |= m.table[h&mask]
			}
		}
		t.sink += sink
		var sum [numTags]int32
		for _, h := range t.feats {
			if w := m.lookup(h); w != nil {
				for k := range sum {
					sum[k] += int32(w[k])
				}
			}
		}
		s := t.score[i*numTags : (i+1)*numTags]
		for k := range s {
			s[k] = float32(sum[k])
		}
	}
	return m.viterbi(t, n)
}

// viterbi returns the best tag sequence for the emission scores in t.score.
func (m *Model) viterbi(t *tagger, n int) []uint8 {
	if cap(t.back) < n*numTags {
		t.back = make([]uint8, n*numTags)
	}
	back := t.back[:n*numTags]
	neg := float32(math.Inf(-1))
	var prev, cur [numTags]float32
	for c := range numTags {
		prev[c] = neg
		if allowed[numTags][c] {
			prev[c] = m.trans[numTags][c] + t.score[c]
		}
	}
	for i := 1; i < n; i++ {
		em := t.score[i*numTags : (i+1)*numTags]
		for c := range numTags {
			best, arg := neg, 0
			for _, p := range preds[c] {
				if prev[p] == neg {
					continue
				}
				if v := prev[p] + m.trans[p][c]; v > best {
					best, arg = v, int(p)
				}
			}
			if best != neg {
				best += em[c]
			}
			cur[c] = best
			back[i*numTags+c] = uint8(arg)
		}
		prev = cur
	}
	best, arg := neg, 0
	for c := range numTags {
		if prev[c] > best {
			best, arg = prev[c], c
		}
	}
	if cap(t.path) < n {
		t.path = make([]uint8, n)
	}
	path := t.path[:n]
	for i := n - 1; i >= 0; i-- {
		path[i] = uint8(arg)
		arg = int(back[i*numTags+arg])
	}
	return path
}

//go:embed model/ner.model.gz
var embeddedModel []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model embedded in the binary, loading it on first use.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embeddedModel))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("ner: embedded model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}
