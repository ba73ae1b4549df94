package story

import (
	"cmp"
	"math"
	"slices"
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
	// continues: the sentence opens with a continuation verb ("وأضاف
	// ..."), so it reads badly out of its article.
	continues bool
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
	t := a.analyze(title, body)
	t.shingles = slices.Clone(t.shingles) // they were the analyzer's scratch
	return t
}

// analyzer caches wordInfo by surface form: the same few tens of thousands
// of words make most of any news text, and normalizing and stemming them is
// most of the cost of analysis. It also keeps scratch space that analysis
// reuses from one document to the next. An analyzer belongs to one
// goroutine at a time (AddBatch and Analyzer give each worker its own;
// Add and Similarity borrow one from a pool), so the cache needs no lock.
// The cache is emptied when it reaches maxCachedWords, so that hostile
// input cannot grow it without bound.
type analyzer struct {
	cache map[string]wordInfo

	// Scratch, valid during one call of analyze.
	infos      []wordInfo // of the body's tokens
	titleInfos []wordInfo
	counts     map[uint64]termCount
	sent       map[uint64]termCount
	weights    []termWeight
	words      []string
	shingles   []uint64
}

const maxCachedWords = 200000

func newAnalyzer() *analyzer {
	return &analyzer{
		cache:  make(map[string]wordInfo, 1<<14),
		counts: make(map[uint64]termCount, 256),
		sent:   make(map[uint64]termCount, 32),
	}
}

var analyzers = sync.Pool{New: func() any { return newAnalyzer() }}

// wordInfo is what analysis needs of one surface word.
type wordInfo struct {
	norm string
	key  uint64  // termKey of the stem
	idf  float64 // of the stem
	term bool    // false for a stopword, number or too short a stem
}

func (a *analyzer) word(tok arabic.Token) wordInfo {
	if wi, ok := a.cache[tok.Text]; ok {
		return wi
	}
	wi := wordInfo{norm: strings.Clone(arabic.Normalize(tok.Text))} // Normalize may return a slice of the body
	if tok.Kind == arabic.Word && wi.norm != "" && !arabic.IsStopword(wi.norm) {
		if st := arabic.Stem(wi.norm); utf8.RuneCountInString(st) >= 2 {
			wi.term = true
			wi.key = termKey(st)
			wi.idf = idf(st)
		}
	}
	if len(tok.Text) < 64 {
		// The token is a slice of the document: a copy keeps the cache
		// from holding every body it has seen.
		a.cache[strings.Clone(tok.Text)] = wi
	}
	return wi
}

// lookup returns the wordInfo of every token of toks (the zero wordInfo
// for punctuation), reusing buf: each token is looked up once, however
// many parts of the analysis read it.
func (a *analyzer) lookup(toks []arabic.Token, buf []wordInfo) []wordInfo {
	buf = slices.Grow(buf[:0], len(toks))[:len(toks)]
	for i, tok := range toks {
		if tok.Kind == arabic.Punct {
			buf[i] = wordInfo{}
			continue
		}
		buf[i] = a.word(tok)
	}
	return buf
}

// count adds the terms of toks, whose wordInfos are infos, to counts with
// weight w.
func count(toks []arabic.Token, infos []wordInfo, w float64, counts map[uint64]termCount) {
	for i, tok := range toks {
		if tok.Kind != arabic.Word {
			continue
		}
		if wi := &infos[i]; wi.term {
			c := counts[wi.key]
			c.n += w
			c.idf = wi.idf
			counts[wi.key] = c
		}
	}
}

// analyze reads title and body. The shingles of the result are the
// analyzer's scratch: valid until its next call.
func (a *analyzer) analyze(title, body string) text {
	if len(a.cache) >= maxCachedWords {
		clear(a.cache)
	}
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
	a.titleInfos = a.lookup(titleToks, a.titleInfos)
	a.infos = a.lookup(toks, a.infos)
	titleInfos, infos := a.titleInfos, a.infos
	defer func() {
		// The infos point into the cache's strings only, but do not keep
		// a long document's worth of them.
		clear(a.infos)
		clear(a.titleInfos)
	}()

	counts := a.counts
	clear(counts)
	count(titleToks, titleInfos, 1, counts)
	t.title = a.tfidf(counts)
	for k, c := range counts {
		c.n *= titleWeight
		counts[k] = c
	}
	count(toks, infos, 1, counts)
	t.vec = a.tfidf(counts)
	if len(counts) > 4096 {
		a.counts = make(map[uint64]termCount, 256) // do not keep a huge table for the next document
	}
	t.numbers = numbersOf(titleToks, titleInfos, toks, infos)

	ws := a.words[:0]
	for i, tok := range toks {
		if tok.Kind == arabic.Punct {
			continue
		}
		if n := infos[i].norm; n != "" {
			ws = append(ws, n)
		}
	}
	a.shingles = shingles(ws, a.shingles[:0])
	t.shingles = a.shingles
	clear(ws) // do not hold the words until the next document
	a.words = ws[:0]

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
		sc := a.sent
		clear(sc)
		count(toks[from:s.To], infos[from:s.To], 1, sc)
		// A copy: a slice of the body would keep the whole body alive as
		// long as the index keeps the sentence.
		txt := strings.Clone(strings.TrimSpace(body[toks[from].Start:toks[s.To-1].End]))
		cont := false
		for i := from; i < s.To; i++ {
			if toks[i].Kind == arabic.Word {
				cont = continues(infos[i].norm)
				break
			}
		}
		t.lead = append(t.lead, sentence{text: txt, vec: a.tfidf(sc), continues: cont})
		if len(t.lead) == leadSentences {
			break
		}
	}
	return t
}

// shingles appends to out the distinct hashes of every run of shingleSize
// consecutive words, sorted. A text shorter than one shingle is one
// shingle of all its words, so that two identical short texts still match.
func shingles(words []string, out []uint64) []uint64 {
	if len(words) == 0 {
		return out
	}
	k := shingleSize
	if len(words) < k {
		k = len(words)
	}
	for i := 0; i+k <= len(words); i++ {
		s := uint64(fnvOffset)
		for j := i; j < i+k; j++ {
			s = fnvString(s, words[j])
			s = (s ^ 0) * fnvPrime // word separator
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return slices.Compact(out)
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

// termWeight is a term's key and TF-IDF weight before normalization.
type termWeight struct {
	k uint64
	w float64
}

// tfidf weighs raw term counts by sublinear term frequency and the
// background IDF, and scales the result to unit length.
func tfidf(counts map[uint64]termCount) vector {
	v, _ := tfidfInto(counts, nil)
	return v
}

func (a *analyzer) tfidf(counts map[uint64]termCount) vector {
	v, tmp := tfidfInto(counts, a.weights[:0])
	a.weights = tmp[:0]
	return v
}

// logTable holds ln n for the small whole counts most terms have.
var logTable = func() (t [256]float64) {
	for n := range t {
		t[n] = math.Log(float64(n))
	}
	return t
}()

// logCount is math.Log(n), from the table when n is a small whole number.
func logCount(n float64) float64 {
	if n >= 0 && n < float64(len(logTable)) && n == math.Trunc(n) {
		return logTable[int(n)]
	}
	return math.Log(n)
}

// tfidfInto is tfidf with tmp as scratch space; it returns the scratch,
// grown.
func tfidfInto(counts map[uint64]termCount, tmp []termWeight) (vector, []termWeight) {
	if len(counts) == 0 {
		return vector{}, tmp
	}
	for k, c := range counts {
		tmp = append(tmp, termWeight{k, (1 + logCount(c.n)) * c.idf})
	}
	slices.SortFunc(tmp, func(a, b termWeight) int { return cmp.Compare(a.k, b.k) })
	var norm float64
	for _, e := range tmp {
		norm += e.w * e.w
	}
	if norm == 0 {
		return vector{}, tmp
	}
	norm = math.Sqrt(norm)
	v := vector{keys: make([]uint64, len(tmp)), vals: make([]float32, len(tmp))}
	for i, e := range tmp {
		v.keys[i], v.vals[i] = e.k, float32(e.w/norm)
	}
	return v, tmp
}

// cosine of two unit vectors, clamped to [0,1].
func cosine(a, b vector) float64 {
	ak, bk := a.keys, b.keys
	av, bv := a.vals[:len(ak)], b.vals[:len(bk)]
	var s float64
	for i, j := 0, 0; i < len(ak) && j < len(bk); {
		switch x, y := ak[i], bk[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			s += float64(av[i]) * float64(bv[j])
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
	if n <= 0 {
		return nil
	}
	// heavier reports whether term i of v goes before term j.
	heavier := func(i, j int) bool {
		if v.vals[i] != v.vals[j] {
			return v.vals[i] > v.vals[j]
		}
		return v.keys[i] < v.keys[j]
	}
	// Insertion into a list kept in order and cut at n: n is small (a
	// dozen) against a few hundred terms, and most terms fall off the
	// end at once.
	best := make([]int, 0, min(n, len(v.keys)))
	for i := range v.keys {
		if len(best) == n && !heavier(i, best[n-1]) {
			continue
		}
		if len(best) < n {
			best = append(best, i)
		} else {
			best[n-1] = i
		}
		for j := len(best) - 1; j > 0 && heavier(best[j], best[j-1]); j-- {
			best[j], best[j-1] = best[j-1], best[j]
		}
	}
	out := make([]uint64, len(best))
	for i, k := range best {
		out[i] = v.keys[k]
	}
	return out
}

// centroid adds vectors and returns the unit-length sum cut to its n
// heaviest terms (ties by key).
func centroid(vs []vector, n int) vector {
	// Each term's weights are summed in the order of vs, as a running sum
	// per term would: the sort below orders equal keys by vector.
	type part struct {
		k   uint64
		src int
		w   float64
	}
	total := 0
	for _, v := range vs {
		total += len(v.keys)
	}
	parts := make([]part, 0, total)
	for src, v := range vs {
		for i, k := range v.keys {
			parts = append(parts, part{k, src, float64(v.vals[i])})
		}
	}
	if len(vs) > 1 {
		slices.SortFunc(parts, func(a, b part) int {
			if c := cmp.Compare(a.k, b.k); c != 0 {
				return c
			}
			return cmp.Compare(a.src, b.src)
		})
	}
	tmp := make([]termWeight, 0, len(parts))
	for i := 0; i < len(parts); {
		k, w := parts[i].k, 0.0
		for ; i < len(parts) && parts[i].k == k; i++ {
			w += parts[i].w
		}
		tmp = append(tmp, termWeight{k, w})
	}
	slices.SortFunc(tmp, func(a, b termWeight) int {
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.k, b.k)
	})
	if len(tmp) > n {
		tmp = tmp[:n]
	}
	slices.SortFunc(tmp, func(a, b termWeight) int { return cmp.Compare(a.k, b.k) })
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
	counts := make(map[uint64]termCount, 16)
	toks := arabic.Tokenize(strings.ToValidUTF8(s, " "))
	count(toks, a.lookup(toks, nil), 1, counts)
	return tfidf(counts)
}

// numbersOf returns the distinct numbers of two token lists that can
// identify an event (a toll, a price, an amount: "21", "3.20", "1,4"):
// at least two digits. Years (1900-2099) are left out: every article of a
// year shares them.
func numbersOf(a []arabic.Token, ai []wordInfo, b []arabic.Token, bi []wordInfo) []uint64 {
	seen := map[uint64]bool{}
	var out []uint64
	for _, l := range []struct {
		toks  []arabic.Token
		infos []wordInfo
	}{{a, ai}, {b, bi}} {
		for i, tok := range l.toks {
			if tok.Kind != arabic.Number {
				continue
			}
			n := l.infos[i].norm
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
