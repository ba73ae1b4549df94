package story

import (
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// text is what the package keeps of a document after one pass of analysis:
// the shingle set for near-duplicates, the TF-IDF vector for events and
// stories, and the lead sentences for summaries. The body itself is not kept.
type text struct {
	shingles []uint64   // distinct word 3-shingles, hashed
	vec      vector     // title+body TF-IDF over stems, unit length
	lead     []sentence // first sentences of the body, for summaries
	title    vector     // TF-IDF of the title alone
	numbers  []uint64   // distinct numbers of title and body, hashed, sorted
}

// sentence is a lead sentence as the text reads and its TF-IDF vector.
type sentence struct {
	text string
	vec  vector
}

// shingleSize is the number of words in a shingle. Three words make a
// re-typed headline or a changed sentence touch few shingles while two
// unrelated articles share almost none (notes §8: ≤0.002 Jaccard between
// different seeds).
const shingleSize = 3

// leadSentences is how many body sentences a summary may draw from each
// article: news puts what happened first.
const leadSentences = 6

// minSentenceWords keeps headings, captions and datelines out of summaries.
const minSentenceWords = 8

// isOpener reports whether p opens a quotation or bracket and so belongs to
// the sentence it starts.
func isOpener(p string) bool {
	switch p {
	case "“", "«", "\"", "(", "[", "'", "‘":
		return true
	}
	return false
}

// titleWeight counts title terms this many times: a headline names the event.
const titleWeight = 2

// maxWords bounds the work spent on one document, so that a huge or hostile
// input costs no more than a long article.
const maxWords = 5000

// maxBodyBytes bounds the text analyzed of one body.
const maxBodyBytes = 256 << 10

// analyze reads a document once. It never fails: empty or binary input gives
// an empty analysis.
func analyze(title, body string) text {
	a := analyzers.Get().(*analyzer)
	defer analyzers.Put(a)
	return a.analyze(title, body)
}

// analyzer caches wordInfo by surface form: the same few tens of thousands
// of words make most of any news text, and normalizing and stemming them is
// most of the cost of analysis. Each goroutine borrows its own analyzer from
// a pool, so the cache needs no lock; it stops growing at maxCachedWords so
// that hostile input cannot grow it without bound.
type analyzer struct {
	cache map[string]wordInfo
}

const maxCachedWords = 200000

var analyzers = sync.Pool{New: func() any {
	return &analyzer{cache: make(map[string]wordInfo, 1<<14)}
}}

// wordInfo is what analysis needs of one surface word.
type wordInfo struct {
	norm string
	stem string // "" when the word is no term (stopword, number, too short)
	idf  float64
}

func (a *analyzer) word(tok arabic.Token) wordInfo {
	if wi, ok := a.cache[tok.Text]; ok {
		return wi
	}
	wi := wordInfo{norm: arabic.Normalize(tok.Text)}
	if tok.Kind == arabic.Word && wi.norm != "" && !arabic.IsStopword(wi.norm) {
		if st := arabic.Stem(wi.norm); utf8.RuneCountInString(st) >= 2 {
			wi.stem = st
			wi.idf = idf(st)
		}
	}
	if len(a.cache) < maxCachedWords && len(tok.Text) < 64 {
		a.cache[tok.Text] = wi
	}
	return wi
}

// count adds the terms of toks to counts with weight w.
func (a *analyzer) count(toks []arabic.Token, w float64, counts map[string]termCount) {
	for _, tok := range toks {
		if tok.Kind != arabic.Word {
			continue
		}
		if wi := a.word(tok); wi.stem != "" {
			c := counts[wi.stem]
			c.n += w
			c.idf = wi.idf
			counts[wi.stem] = c
		}
	}
}

func (a *analyzer) analyze(title, body string) text {
	var t text
	title = strings.ToValidUTF8(title, " ")
	if len(body) > maxBodyBytes {
		body = body[:maxBodyBytes]
	}
	body = strings.ToValidUTF8(body, " ")
	toks := arabic.Tokenize(body)
	if len(toks) > maxWords*2 {
		toks = toks[:maxWords*2]
	}
	titleToks := arabic.Tokenize(title)
	counts := make(map[string]termCount, 256)
	a.count(titleToks, 1, counts)
	t.title = tfidf(counts)
	for k, c := range counts {
		c.n *= titleWeight
		counts[k] = c
	}
	a.count(toks, 1, counts)
	t.vec = tfidf(counts)
	t.numbers = numbersOf(titleToks, toks, a)

	ws := make([]string, 0, len(toks))
	for _, tok := range toks {
		if tok.Kind == arabic.Punct {
			continue
		}
		if n := a.word(tok).norm; n != "" {
			ws = append(ws, n)
		}
	}
	t.shingles = shingles(ws)

	for _, s := range arabic.Sentences(body, toks) {
		words := 0
		for _, tk := range toks[s.From:s.To] {
			if tk.Kind != arabic.Punct {
				words++
			}
		}
		if words < minSentenceWords || words > 80 || (words < 15 && !terminated(toks[s.From:s.To])) {
			continue // a heading or caption: short and unpunctuated
		}
		from := s.From
		for from < s.To && toks[from].Kind == arabic.Punct && !isOpener(toks[from].Text) {
			from++ // a bullet or dash before the sentence
		}
		sc := make(map[string]termCount, words)
		a.count(toks[from:s.To], 1, sc)
		txt := strings.TrimSpace(body[toks[from].Start:toks[s.To-1].End])
		t.lead = append(t.lead, sentence{text: txt, vec: tfidf(sc)})
		if len(t.lead) == leadSentences {
			break
		}
	}
	return t
}

// shingles hashes every run of shingleSize consecutive words. A text
// shorter than one shingle is one shingle of all its words, so that two
// identical short texts still match.
func shingles(words []string) []uint64 {
	if len(words) == 0 {
		return nil
	}
	k := shingleSize
	if len(words) < k {
		k = len(words)
	}
	seen := make(map[uint64]struct{}, len(words))
	out := make([]uint64, 0, len(words))
	for i := 0; i+k <= len(words); i++ {
		s := uint64(fnvOffset)
		for j := i; j < i+k; j++ {
			s = fnvString(s, words[j])
			s = (s ^ 0) * fnvPrime // word separator
		}
		if _, ok := seen[s]; ok {
			continue
		}
		seen[s] = struct{}{}
		out = append(out, s)
	}
	return out
}

// termCount is a term's weighted count in a text and its IDF.
type termCount struct{ n, idf float64 }

// vector is a sparse unit vector over hashed stems, sorted by key.
type vector struct {
	keys []uint64
	vals []float32
}

// FNV-1a, inlined: hash/fnv allocates per call, and analysis hashes every
// word.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func termKey(stem string) uint64 { return fnvString(fnvOffset, stem) }

// tfidf weighs raw term counts by sublinear term frequency and the
// background IDF, and scales the result to unit length.
func tfidf(counts map[string]termCount) vector {
	v := vector{keys: make([]uint64, 0, len(counts)), vals: make([]float32, 0, len(counts))}
	type kv struct {
		k uint64
		w float64
	}
	tmp := make([]kv, 0, len(counts))
	var norm float64
	for st, c := range counts {
		w := (1 + math.Log(c.n)) * c.idf
		tmp = append(tmp, kv{termKey(st), w})
		norm += w * w
	}
	if norm == 0 {
		return vector{}
	}
	norm = math.Sqrt(norm)
	sort.Slice(tmp, func(i, j int) bool { return tmp[i].k < tmp[j].k })
	for i, e := range tmp {
		if i > 0 && e.k == tmp[i-1].k { // hash collision: keep one
			continue
		}
		v.keys = append(v.keys, e.k)
		v.vals = append(v.vals, float32(e.w/norm))
	}
	return v
}

// cosine of two unit vectors, clamped to [0,1].
func cosine(a, b vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a.keys) && j < len(b.keys) {
		switch {
		case a.keys[i] < b.keys[j]:
			i++
		case a.keys[i] > b.keys[j]:
			j++
		default:
			s += float64(a.vals[i]) * float64(b.vals[j])
			i++
			j++
		}
	}
	return clamp01(s)
}

func clamp01(x float64) float64 {
	switch {
	case x != x || x < 0: // NaN too
		return 0
	case x > 1:
		return 1
	}
	return x
}

// top returns the keys of the n heaviest terms of v, heaviest first, ties
// by key so that the result does not depend on map order.
func (v vector) top(n int) []uint64 {
	idx := make([]int, len(v.keys))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		if v.vals[idx[a]] != v.vals[idx[b]] {
			return v.vals[idx[a]] > v.vals[idx[b]]
		}
		return v.keys[idx[a]] < v.keys[idx[b]]
	})
	if len(idx) > n {
		idx = idx[:n]
	}
	out := make([]uint64, len(idx))
	for i, k := range idx {
		out[i] = v.keys[k]
	}
	return out
}

// centroid adds vectors and returns the unit-length sum cut to its n
// heaviest terms.
func centroid(vs []vector, n int) vector {
	sum := map[uint64]float64{}
	for _, v := range vs {
		for i, k := range v.keys {
			sum[k] += float64(v.vals[i])
		}
	}
	type kv struct {
		k uint64
		w float64
	}
	tmp := make([]kv, 0, len(sum))
	for k, w := range sum {
		tmp = append(tmp, kv{k, w})
	}
	sort.Slice(tmp, func(i, j int) bool {
		if tmp[i].w != tmp[j].w {
			return tmp[i].w > tmp[j].w
		}
		return tmp[i].k < tmp[j].k
	})
	if len(tmp) > n {
		tmp = tmp[:n]
	}
	sort.Slice(tmp, func(i, j int) bool { return tmp[i].k < tmp[j].k })
	var norm float64
	for _, e := range tmp {
		norm += e.w * e.w
	}
	if norm == 0 {
		return vector{}
	}
	norm = math.Sqrt(norm)
	v := vector{keys: make([]uint64, len(tmp)), vals: make([]float32, len(tmp))}
	for i, e := range tmp {
		v.keys[i], v.vals[i] = e.k, float32(e.w/norm)
	}
	return v
}

// termVector is the TF-IDF vector of a short text (a headline, a sentence).
func termVector(s string) vector {
	a := analyzers.Get().(*analyzer)
	defer analyzers.Put(a)
	counts := make(map[string]termCount, 16)
	a.count(arabic.Tokenize(strings.ToValidUTF8(s, " ")), 1, counts)
	return tfidf(counts)
}

// numbersOf returns the distinct numbers of two token lists that can
// identify an event (a toll, a price, an amount: "21", "3.20", "1,4"):
// at least two digits. Years (1900-2099) are left out: every article of a
// year shares them.
func numbersOf(a, b []arabic.Token, an *analyzer) []uint64 {
	seen := map[uint64]bool{}
	var out []uint64
	for _, toks := range [][]arabic.Token{a, b} {
		for _, tok := range toks {
			if tok.Kind != arabic.Number {
				continue
			}
			n := an.word(tok).norm
			if len(n) < 2 || (len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20"))) {
				continue
			}
			h := termKey(n)
			if !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// terminated reports whether a sentence ends with a full stop, question or
// exclamation mark, closing quotes aside.
func terminated(toks []arabic.Token) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		switch toks[i].Text {
		case ".", "!", "?", "؟", "…":
			return true
		case "”", "»", "\"", ")", "'":
			continue
		}
		return false
	}
	return false
}
