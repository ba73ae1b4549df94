package story

import (
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/marsad-news/marsad"
)

// Options tune the index. The zero value of a field means its default.
type Options struct {
	// DupThreshold is the estimated Jaccard similarity of body shingles at
	// or above which two documents are copies of one text. Default 0.5.
	DupThreshold float64
	// EventThreshold is the Similarity at or above which two documents
	// report the same event. Default 0.6: one link can merge two clusters,
	// so a link must be more likely right than the calibrated 0.5 (on the
	// hand-judged pairs 0.6 gives precision 0.86 at recall 0.70).
	EventThreshold float64
	// GroupThreshold guards event merges against chaining: two event
	// clusters linked by a pair of similar documents merge only when the
	// average cosine over all pairs of their documents (group-average
	// link) reaches it. Default 0.35, near the best cut of plain cosine
	// on the hand-judged pairs.
	GroupThreshold float64
	// MaxEventDays is the longest time span an event cluster may cover
	// (dated documents only): a daily market report is similar to
	// yesterday's, but a week of them is a story, not an event. Default 3.
	MaxEventDays float64
	// StoryThreshold is the similarity of two event clusters (content of
	// their centroids and shared entities, no time) at or above which they
	// belong to one story. Default 0.3.
	StoryThreshold float64
	// SummarySentences is the most sentences a story summary has (3 to 5).
	// Default 5.
	SummarySentences int
	// Redundancy is the sentence cosine above which a candidate summary
	// sentence repeats one already chosen and is skipped. Default 0.5.
	Redundancy float64
}

func (o Options) withDefaults() Options {
	if o.DupThreshold <= 0 {
		o.DupThreshold = 0.5
	}
	if o.EventThreshold <= 0 {
		o.EventThreshold = 0.6
	}
	if o.GroupThreshold <= 0 {
		o.GroupThreshold = 0.35
	}
	if o.MaxEventDays <= 0 {
		o.MaxEventDays = 3
	}
	if o.StoryThreshold <= 0 {
		o.StoryThreshold = 0.3
	}
	if o.SummarySentences <= 0 {
		o.SummarySentences = 5
	}
	if o.SummarySentences < 3 {
		o.SummarySentences = 3
	}
	if o.SummarySentences > 5 {
		o.SummarySentences = 5
	}
	if o.Redundancy <= 0 {
		o.Redundancy = 0.5
	}
	return o
}

const (
	// minShingles keeps very short bodies (a caption, an empty body) out of
	// near-duplicate detection: two ten-word texts alike are not evidence
	// of one copied article.
	minShingles = 8
	// topTerms is how many of a document's heaviest terms index it for
	// event candidates; two documents are compared when they share at
	// least minShared of them. Both sides use the same rule, so whether a
	// pair is compared does not depend on which came first.
	topTerms  = 12
	minShared = 2
	// maxPosting skips a term whose posting list grew this long: it is too
	// common to point at one event.
	maxPosting = 3000
)

// entry is one stored document.
type entry struct {
	doc  Doc // Body cleared after analysis
	seq  int // ingest order
	text text
	sig  signature
	ents []string
	top  []uint64
	// cands are the stored slots (all before this one) that share enough
	// top terms with it to be compared, until scoreCandidates compares
	// them.
	cands []int32
}

// Index groups documents into near-duplicates, events and stories as they
// arrive. Add is incremental and cheap: it compares only the new document,
// with the candidates found through LSH buckets and an inverted index of
// salient terms, and records the links that pass the thresholds. The
// groups are derived from the recorded links when they are next read
// (Duplicates, Events, Stories), strongest link first; no document is
// compared again. Because IDF comes from a fixed background, candidate
// generation is symmetric and links are replayed in a fixed order, the
// groups do not depend on the order documents were added in (up to the
// maxPosting cut-off; EVAL.md measures it).
//
// An Index is safe for concurrent use.
type Index struct {
	mu       sync.Mutex
	opts     Options
	entries  []*entry
	byID     map[int64]int32
	lsh      *lsh
	postings map[uint64][]int32

	// Links found by Add; the groups are derived from them by group().
	dupLinks, eventLinks []link
	unscored             []int32 // slots whose event candidates are not scored yet
	grouped              int     // len(entries) when the groups were derived
	dup, event           unionFind

	// Scratch of candidates: shared top terms per slot, and the slots
	// counted.
	shared  []uint8
	touched []int32
}

// cluster is the running centroid of an event cluster: the sum of its
// documents' unit vectors and the squared norm of that sum. A cluster of
// one document keeps that document's vector and builds the map of its sum
// only when it grows: most clusters never do, and a map per document
// would double the memory the index holds while grouping.
type cluster struct {
	vec         vector             // the one document's vector, while sum is nil
	sum         map[uint64]float64 // nil until the cluster has two documents
	sq          float64
	n           int     // documents
	first, last float64 // days since the epoch of the dated documents; first > last when none
}

func newCluster(v vector, d marsad.Date) *cluster {
	c := &cluster{vec: v, n: 1, first: 1, last: 0}
	if !d.IsZero() {
		c.first = float64(d.Time.Unix()) / 86400
		c.last = c.first
	}
	for _, x := range v.vals {
		c.sq += float64(x) * float64(x)
	}
	return c
}

// terms is the number of distinct terms of the cluster's sum.
func (c *cluster) terms() int {
	if c.sum != nil {
		return len(c.sum)
	}
	return len(c.vec.keys)
}

func (c *cluster) dot(o *cluster) float64 {
	var s float64
	switch {
	case c.sum == nil && o.sum == nil:
		a, b := c.vec, o.vec
		for i, j := 0, 0; i < len(a.keys) && j < len(b.keys); {
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
	case c.sum == nil:
		for i, k := range c.vec.keys {
			s += float64(c.vec.vals[i]) * o.sum[k]
		}
	case o.sum == nil:
		for i, k := range o.vec.keys {
			s += float64(o.vec.vals[i]) * c.sum[k]
		}
	default:
		if len(c.sum) > len(o.sum) {
			c, o = o, c
		}
		for k, v := range c.sum {
			s += v * o.sum[k]
		}
	}
	return s
}

// absorb adds the sums of ca and cb, whose dot product is dot, into the
// one with more terms and returns it. Counts and dates are the caller's.
func absorb(ca, cb *cluster, dot float64) *cluster {
	big, small := ca, cb
	if small.terms() > big.terms() {
		big, small = small, big
	}
	if big.sum == nil {
		big.sum = make(map[uint64]float64, len(big.vec.keys)+small.terms())
		for i, k := range big.vec.keys {
			big.sum[k] = float64(big.vec.vals[i])
		}
		big.vec = vector{}
	}
	if small.sum != nil {
		for k, v := range small.sum {
			big.sum[k] += v
		}
	} else {
		for i, k := range small.vec.keys {
			big.sum[k] += float64(small.vec.vals[i])
		}
	}
	big.sq = ca.sq + cb.sq + 2*dot
	return big
}

// NewIndex returns an empty index.
func NewIndex(opts Options) *Index {
	return &Index{
		opts:     opts.withDefaults(),
		byID:     map[int64]int32{},
		lsh:      newLSH(),
		postings: map[uint64][]int32{},
	}
}

// Len returns the number of documents added.
func (ix *Index) Len() int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return len(ix.entries)
}

// prepare analyzes d with analyzer a (nil: one from the pool).
func prepare(a *analyzer, d Doc) *entry {
	if a == nil {
		a = analyzers.Get().(*analyzer)
		defer analyzers.Put(a)
	}
	e := &entry{doc: d, text: a.analyze(d.Title, d.Body), ents: normEntities(d.Entities)}
	e.doc.Body = ""
	if len(e.text.shingles) >= minShingles {
		e.sig = minhash(e.text.shingles)
	} else {
		e.sig = minhash(nil)
	}
	e.text.shingles = nil // the signature stands for them from now on
	e.top = e.text.vec.top(topTerms)
	return e
}

// Analyzer prepares documents for an Index (Prepare), so that a caller
// can analyze on several goroutines and add in its own order
// (AddPrepared). It caches the analysis of words across documents, so
// each goroutine should keep its own: an Analyzer is not safe for
// concurrent use.
type Analyzer struct {
	a *analyzer
}

// NewAnalyzer returns an Analyzer with an empty word cache.
func NewAnalyzer() *Analyzer { return &Analyzer{a: newAnalyzer()} }

// Prepared is a document analyzed for an Index: its vectors, MinHash
// signature and lead sentences, not its body.
type Prepared struct {
	e *entry
}

// Prepare analyzes d. The result keeps no reference to d.Body.
func (an *Analyzer) Prepare(d Doc) *Prepared {
	return &Prepared{e: prepare(an.a, d)}
}

// ID is the id of the prepared document.
func (p *Prepared) ID() int64 { return p.e.doc.ID }

// SetEntities replaces the document's entities (see Doc.Entities): a
// caller may learn them only after the text was analyzed, as ingest's
// rebuild does, which resolves entities while it analyzes the text. It
// must be called before AddPrepared.
func (p *Prepared) SetEntities(entities []string) {
	p.e.doc.Entities = entities
	p.e.ents = normEntities(entities)
}

// AddPrepared adds a prepared document; the result is the same as Add of
// the document it was prepared from. The index takes p over: p must not
// be used again.
func (ix *Index) AddPrepared(p *Prepared) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.insert(p.e)
	p.e = nil
}

// Add stores d and groups it. A document whose ID is already stored is
// ignored: re-ingest does not duplicate.
func (ix *Index) Add(d Doc) {
	ix.mu.Lock()
	_, seen := ix.byID[d.ID]
	ix.mu.Unlock()
	if seen {
		return
	}
	e := prepare(nil, d)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.insert(e)
}

// AddBatch adds docs in order, analyzing them on all CPUs first. The result
// is the same as calling Add on each in turn.
func (ix *Index) AddBatch(docs []Doc) {
	prepared := make([]*entry, len(docs))
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A worker keeps its analyzer (and its word cache) for the
			// whole batch; the pool may drop it at any garbage collection.
			a := newAnalyzer()
			for i := range next {
				prepared[i] = prepare(a, docs[i])
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, e := range prepared {
		ix.insert(e)
	}
}

func (ix *Index) insert(e *entry) {
	if _, ok := ix.byID[e.doc.ID]; ok {
		return
	}
	slot := int32(len(ix.entries))
	e.seq = int(slot)
	ix.entries = append(ix.entries, e)
	ix.byID[e.doc.ID] = slot

	for _, c := range ix.lsh.query(&e.sig) {
		if j := jaccardEstimate(&e.sig, &ix.entries[c].sig); j >= ix.opts.DupThreshold {
			ix.dupLinks = append(ix.dupLinks, link{c, slot, float32(j)})
		}
	}
	ix.lsh.insert(&e.sig, slot)

	// The candidates are scored when the groups are next derived, on
	// all CPUs (scoreCandidates): the scores do not depend on what was
	// added since.
	if e.cands = ix.candidates(e); len(e.cands) > 0 {
		ix.unscored = append(ix.unscored, slot)
	}
	for _, k := range e.top {
		ix.postings[k] = append(ix.postings[k], slot)
	}
}

// scoreCandidates scores the event candidates that insert found and
// keeps the pairs that reach EventThreshold as event links. Each document
// is compared with the candidates it had when it was inserted, all of them
// stored before it, so the links are those of scoring at insertion; the
// work is spread over GOMAXPROCS goroutines, which only read the entries.
func (ix *Index) scoreCandidates() {
	slots := ix.unscored
	if len(slots) == 0 {
		return
	}
	found := make([][]link, len(slots))
	score := func(i int) {
		s := slots[i]
		e := ix.entries[s]
		for _, c := range e.cands {
			o := ix.entries[c]
			if sc := featuresOf(&e.text, &o.text, e.ents, o.ents, e.doc.Published, o.doc.Published).score(); sc >= ix.opts.EventThreshold {
				found[i] = append(found[i], link{c, s, float32(sc)})
			}
		}
		e.cands = nil
	}
	parallelFor(len(slots), score)
	for _, ls := range found {
		ix.eventLinks = append(ix.eventLinks, ls...)
	}
	ix.unscored = nil
}

// parallelFor calls fn(i) for every i in [0, n) on up to GOMAXPROCS
// goroutines, in chunks; with little work or one CPU it stays on the
// calling goroutine. fn must only write what belongs to its i.
func parallelFor(n int, fn func(i int)) {
	const chunk = 64
	workers := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				from := int(next.Add(chunk)) - chunk
				if from >= n {
					return
				}
				for i := from; i < min(from+chunk, n); i++ {
					fn(i)
				}
			}
		}()
	}
	wg.Wait()
}

// link is a scored pair of stored documents.
type link struct {
	a, b  int32
	score float32
}

// sortLinks orders links strongest first; ties by the documents' ids, so
// that the order does not depend on ingest order.
func (ix *Index) sortLinks(ls []link) {
	key := func(l link) (int64, int64) {
		a, b := ix.entries[l.a].doc.ID, ix.entries[l.b].doc.ID
		if a > b {
			a, b = b, a
		}
		return a, b
	}
	sort.Slice(ls, func(i, j int) bool {
		if ls[i].score != ls[j].score {
			return ls[i].score > ls[j].score
		}
		ai, bi := key(ls[i])
		aj, bj := key(ls[j])
		if ai != aj {
			return ai < aj
		}
		return bi < bj
	})
}

// group derives the duplicate groups and event clusters from the stored
// links, when documents were added since it last ran. Add only records
// links (the comparisons, the costly part, are done once per document);
// grouping replays them strongest first, which makes the groups independent
// of the order documents arrived in. It costs O(links + terms), no
// document comparisons: about a second for 31,000 articles.
func (ix *Index) group() {
	n := len(ix.entries)
	if ix.grouped == n {
		return
	}
	ix.scoreCandidates()
	ix.dup, ix.event = unionFind{}, unionFind{}
	for i := 0; i < n; i++ {
		ix.dup.add()
		ix.event.add()
	}

	// A copy joins a group of copies only when it is also a copy of the
	// group's representative (its smallest id), and the two groups'
	// representatives are copies of each other: templated texts (an
	// execution notice, a congratulation cable) are each near their
	// neighbour, and without this check they chain into one group of
	// different articles.
	th := ix.opts.DupThreshold
	rep := make([]int32, n)
	for i := range rep {
		rep[i] = int32(i)
	}
	copyOf := func(a, b int32) bool { return jaccardEstimate(&ix.entries[a].sig, &ix.entries[b].sig) >= th }
	ix.sortLinks(ix.dupLinks)
	for _, l := range ix.dupLinks {
		ra, rb := ix.dup.find(l.a), ix.dup.find(l.b)
		if ra == rb {
			continue
		}
		pa, pb := rep[ra], rep[rb]
		if !copyOf(l.a, pb) || !copyOf(l.b, pa) || !copyOf(pa, pb) {
			continue
		}
		ix.dup.union(ra, rb)
		r := ix.dup.find(ra)
		if ix.entries[pa].doc.ID < ix.entries[pb].doc.ID {
			rep[r] = pa
		} else {
			rep[r] = pb
		}
	}

	clusters := make([]*cluster, n)
	for i, e := range ix.entries {
		clusters[i] = newCluster(e.text.vec, e.doc.Published)
	}
	for i := 0; i < n; i++ {
		if r := ix.dup.find(int32(i)); r != int32(i) {
			ix.mergeEvents(clusters, int32(i), r, false) // copies share their event
		}
	}
	ix.sortLinks(ix.eventLinks)
	for _, l := range ix.eventLinks {
		ix.mergeEvents(clusters, l.a, l.b, true)
	}
	ix.grouped = n
}

// mergeEvents joins the event clusters of slots a and b. With guard set, it
// refuses when their documents are on average less alike than
// GroupThreshold, or
// when together they would span more than MaxEventDays: a chain of
// pairwise links (a Friday sermon, then Friday prayers, then prayer times;
// each day's gold report) must not pull several events into one.
func (ix *Index) mergeEvents(clusters []*cluster, a, b int32, guard bool) {
	ra, rb := ix.event.find(a), ix.event.find(b)
	if ra == rb {
		return
	}
	ca, cb := clusters[ra], clusters[rb]
	dot := ca.dot(cb)
	// With unit document vectors, sumA·sumB / (nA·nB) is the mean cosine
	// of all pairs across the two clusters.
	if guard && dot/float64(ca.n*cb.n) < ix.opts.GroupThreshold {
		return
	}
	dated := ca.first <= ca.last && cb.first <= cb.last
	if guard && dated && math.Max(ca.last, cb.last)-math.Min(ca.first, cb.first) > ix.opts.MaxEventDays {
		return
	}
	ix.event.union(ra, rb)
	r := ix.event.find(ra)
	big := absorb(ca, cb, dot)
	big.n = ca.n + cb.n
	switch {
	case dated:
		big.first, big.last = math.Min(ca.first, cb.first), math.Max(ca.last, cb.last)
	case ca.first <= ca.last:
		big.first, big.last = ca.first, ca.last
	case cb.first <= cb.last:
		big.first, big.last = cb.first, cb.last
	}
	clusters[ra], clusters[rb] = nil, nil
	clusters[r] = big
}

// candidates returns the stored slots that share at least minShared of e's
// top terms, in increasing order.
func (ix *Index) candidates(e *entry) []int32 {
	need := minShared
	if len(e.top) < need {
		need = len(e.top)
	}
	if len(ix.shared) < len(ix.entries) {
		ix.shared = append(ix.shared, make([]uint8, len(ix.entries)-len(ix.shared))...)
	}
	touched := ix.touched[:0]
	for _, k := range e.top {
		p := ix.postings[k]
		if len(p) >= maxPosting {
			continue
		}
		for _, s := range p {
			if ix.shared[s] == 0 {
				touched = append(touched, s)
			}
			ix.shared[s]++ // at most topTerms: fits a byte
		}
	}
	var out []int32
	for _, s := range touched {
		if int(ix.shared[s]) >= need {
			out = append(out, s)
		}
		ix.shared[s] = 0
	}
	ix.touched = touched[:0]
	slices.Sort(out)
	return out
}

// canonicalOf returns, for every slot, the slot of its canonical copy: the
// earliest published copy, else the first ingested.
func (ix *Index) canonicalOf() []int32 {
	ix.group()
	best := map[int32]int32{} // dup root → canonical slot
	for i := range ix.entries {
		s := int32(i)
		r := ix.dup.find(s)
		b, ok := best[r]
		if !ok || ix.earlier(s, b) {
			best[r] = s
		}
	}
	out := make([]int32, len(ix.entries))
	for i := range out {
		out[i] = best[ix.dup.find(int32(i))]
	}
	return out
}

// earlier orders copies: known publication date first, earlier date first,
// then ingest order. Two dates are compared at the coarser of their
// precisions: "26 September" (a day) is not earlier than 26 September
// 21:15, so a re-post dated only to the day does not displace the original.
func (ix *Index) earlier(a, b int32) bool {
	da, db := ix.entries[a].doc.Published, ix.entries[b].doc.Published
	switch {
	case !da.IsZero() && db.IsZero():
		return true
	case da.IsZero() && !db.IsZero():
		return false
	case !da.IsZero():
		ta, tb := da.Time.UTC(), db.Time.UTC()
		if da.Granularity != marsad.Minute || db.Granularity != marsad.Minute {
			ta = time.Date(ta.Year(), ta.Month(), ta.Day(), 0, 0, 0, 0, time.UTC)
			tb = time.Date(tb.Year(), tb.Month(), tb.Day(), 0, 0, 0, 0, time.UTC)
		}
		if !ta.Equal(tb) {
			return ta.Before(tb)
		}
	}
	return ix.entries[a].seq < ix.entries[b].seq
}

// Duplicates maps each canonical document id that has copies to the ids of
// its copies, earliest first. Copies are kept, never deleted.
func (ix *Index) Duplicates() map[int64][]int64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	canon := ix.canonicalOf()
	groups := map[int32][]int32{}
	for i, c := range canon {
		if int32(i) != c {
			groups[c] = append(groups[c], int32(i))
		}
	}
	out := make(map[int64][]int64, len(groups))
	for c, copies := range groups {
		sort.Slice(copies, func(i, j int) bool { return ix.earlier(copies[i], copies[j]) })
		ids := make([]int64, len(copies))
		for i, s := range copies {
			ids[i] = ix.entries[s].doc.ID
		}
		out[ix.entries[c].doc.ID] = ids
	}
	return out
}

// Events returns the event clusters as canonical document ids, each sorted,
// largest cluster first (ties by smallest id). Singletons are included.
func (ix *Index) Events() [][]int64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var out [][]int64
	for _, slots := range ix.eventSlots(ix.canonicalOf()) {
		ids := make([]int64, len(slots))
		for i, s := range slots {
			ids[i] = ix.entries[s].doc.ID
		}
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
		out = append(out, ids)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i][0] < out[j][0]
	})
	return out
}

// eventSlots groups canonical slots by event, in slot order.
func (ix *Index) eventSlots(canon []int32) [][]int32 {
	pos := map[int32]int{}
	var out [][]int32
	for i, c := range canon {
		if int32(i) != c {
			continue
		}
		r := ix.event.find(c)
		p, ok := pos[r]
		if !ok {
			p = len(out)
			pos[r] = p
			out = append(out, nil)
		}
		out[p] = append(out[p], c)
	}
	return out
}

// Similar returns up to n stored documents most similar to the stored
// document id (itself excluded), best first. Unknown ids give nil.
func (ix *Index) Similar(id int64, n int) []Match {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	slot, ok := ix.byID[id]
	if !ok || n <= 0 {
		return nil
	}
	e := ix.entries[slot]
	var out []Match
	seen := map[int32]bool{slot: true}
	consider := func(c int32) {
		if seen[c] {
			return
		}
		seen[c] = true
		o := ix.entries[c]
		s := featuresOf(&e.text, &o.text, e.ents, o.ents, e.doc.Published, o.doc.Published).score()
		if s > 0 {
			out = append(out, Match{ID: o.doc.ID, Score: s})
		}
	}
	for _, c := range ix.lsh.query(&e.sig) {
		consider(c)
	}
	for _, k := range e.top {
		if p := ix.postings[k]; len(p) < maxPosting {
			for _, c := range p {
				consider(c)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].ID < out[j].ID
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// unionFind is a disjoint-set forest over slots with path halving and
// union by size.
type unionFind struct {
	parent []int32
	size   []int32
}

func (u *unionFind) add() {
	u.parent = append(u.parent, int32(len(u.parent)))
	u.size = append(u.size, 1)
}

func (u *unionFind) find(x int32) int32 {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) union(a, b int32) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if u.size[ra] < u.size[rb] {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	u.size[ra] += u.size[rb]
}
