package ner

import (
	"strings"
	"sync"
)

// Tagging real text fast. Most of a token's features read one token only:
// the token itself (word, base, stem, affixes, shape, clusters) or one
// neighbour seen from a fixed offset (the previous word, the next word's
// clusters…). Their weights therefore sum, per stage, to five vectors that
// depend on the word alone: what it adds as the current token, as the
// token before or after the current one, and two away. Words in news are
// Zipfian, so a bounded cache of those vectors by surface form turns ~50
// hashed lookups and the clitic analysis of a token into five vector
// additions plus the few lookups of features that pair two words (the
// bigrams) or depend on the position (the first token, the second
// stage's stacking and memory, which read small precomputed tables).
// Weights are integers, so the sums are exact and the tags are identical
// to scoring every feature one by one (TestDecomposedScores).

// The parts of a word's per-stage vectors.
const (
	partCur = iota // the word as the current token
	partP1         // the word as the previous token (i-1)
	partN1         // the word as the next token (i+1)
	numParts
	// Two tokens away only the coarsest cluster counts: those sums are
	// per cluster, in fixedParts, not per word.
	partP2 = numParts
	partN2 = numParts + 1
)

// typeEntry is what the tagger keeps about one surface form.
type typeEntry struct {
	word, base, memKey uint64
	c0                 uint32                      // tokInfo.clusters[0]
	part               [2][numParts][numTags]int32 // per stage (first stage first)
}

// typeCacheSize bounds one cache generation; a cache holds at most two
// generations (about 2 × 64k × 250 bytes ≈ 32 MB). On 2,000 SaudiNewsNet
// articles tagged from a cold cache 88% of tokens hit it (90% is the
// bound: the other 10% are first occurrences). Over a long run the size
// decides: on one worker's share of 15,000 articles (every other one)
// 11.3% of lookups missed with generations of 32k words, 7.6% with 64k
// and 6.3% with 128k. Tagging those 8,000 articles in one process,
// alternating the sizes three times, took 9.2–10.3 s with 32k and
// 8.6–9.1 s with 64k (about 10% less), at the same peak RSS in the
// whole-corpus benchmark; 128k raised that peak to 913–943 MB and slowed
// the rebuild that follows (BENCHMARKS.md, session 5).
var typeCacheSize = 1 << 16 // a variable for tests

// typeCache maps surface forms to entries in two generations: when the
// current one is full it becomes the old one, and words found in the old
// one move to the new, so the frequent words survive (a cheap LRU).
type typeCache struct {
	cur, old   map[string]int32
	ents, olds []typeEntry
	sink       uint64 // see fillEntry
}

// cachePool hands each concurrent tagging call its own cache. Unlike a
// sync.Pool it is not emptied by the garbage collector, which would throw
// away the warm caches every few hundred milliseconds under a busy
// pipeline; it holds at most as many caches as calls ever ran at once.
type cachePool struct {
	mu   sync.Mutex
	free []*typeCache
}

func (p *cachePool) get() *typeCache {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		c := p.free[n-1]
		p.free = p.free[:n-1]
		return c
	}
	return &typeCache{cur: map[string]int32{}, old: map[string]int32{}, ents: make([]typeEntry, 0, typeCacheSize)}
}

func (p *cachePool) put(c *typeCache) {
	p.mu.Lock()
	p.free = append(p.free, c)
	p.mu.Unlock()
}

// startDocument turns the generation when the current one is full. Entry
// indices stay valid until the next call.
func (c *typeCache) startDocument() {
	if len(c.cur) < typeCacheSize {
		return
	}
	c.cur, c.old = c.old, c.cur
	c.ents, c.olds = c.olds[:0], c.ents
	clear(c.cur)
}

// entry returns the index in c.ents of the entry of tok, computing it with
// m (the tagger, a one- or two-stage model) when it is not cached.
func (c *typeCache) entry(m *Model, tok string) int32 {
	if i, ok := c.cur[tok]; ok {
		return i
	}
	if i, ok := c.old[tok]; ok {
		n := int32(len(c.ents))
		c.ents = append(c.ents, c.olds[i])
		c.cur[tok] = n
		return n
	}
	n := int32(len(c.ents))
	c.ents = append(c.ents, typeEntry{})
	c.sink += m.fillEntry(&c.ents[n], tok)
	c.cur[strings.Clone(tok)] = n
	return n
}

// stages returns the models of each stage, first stage first.
func (m *Model) stages() []*Model {
	if m.first != nil {
		return []*Model{m.first, m}
	}
	return []*Model{m}
}

// fillEntry analyzes tok and sums its per-stage vectors. The result
// only keeps the prefetching loads alive.
func (m *Model) fillEntry(e *typeEntry, tok string) (sink uint64) {
	ti := m.analyzeToken(tok)
	e.word, e.base, e.memKey = ti.word, ti.base, ti.memKey
	e.c0 = uint32(ti.clusters[0])
	var buf [96]uint64
	var ends [numParts]int
	for s, st := range m.stages() {
		feats := buf[:0]
		for p := range numParts {
			feats = st.partFeatures(&ti, p, feats)
			ends[p] = len(feats)
		}
		// Touch every feature's slot first: the loads are independent, so
		// their cache misses overlap instead of queueing in the probes.
		if len(st.table) > 0 {
			mask := uint64(len(st.table) - 1)
			for _, h := range feats {
				sink |= st.table[h&mask]
			}
		}
		from := 0
		for p := range numParts {
			st.sumFeatures(feats[from:ends[p]], &e.part[s][p])
			from = ends[p]
		}
	}
	return sink
}

// sumFeatures adds the weights of feats to sum.
func (m *Model) sumFeatures(feats []uint64, sum *[numTags]int32) {
	for _, h := range feats {
		if w := m.lookup(h); w != nil {
			for k := range sum {
				sum[k] += int32(w[k])
			}
		}
	}
}

// feat appends the hash of a feature's parts (as features' f does).
func feat(dst []uint64, parts ...uint64) []uint64 {
	h := parts[0]
	for _, p := range parts[1:] {
		h = mix(h, p)
	}
	return append(dst, h)
}

// partFeatures appends the features of features() that read only ti, seen
// in the role p. It must stay in step with features (TestDecomposedScores).
func (m *Model) partFeatures(ti *tokInfo, p int, dst []uint64) []uint64 {
	switch p {
	case partCur:
		dst = feat(dst, tWord, 0, ti.word)
		dst = feat(dst, tRawWord, 0, ti.raw)
		dst = feat(dst, tBase, 0, ti.base)
		dst = feat(dst, tStem, 0, ti.stem)
		dst = feat(dst, tBias, 0)
		dst = feat(dst, tProclitic, 0, ti.procl)
		for k := range 4 {
			if ti.pre[k] != 0 {
				dst = feat(dst, tPrefix, uint64(k), ti.pre[k])
				dst = feat(dst, tSuffix, uint64(k), ti.suf[k])
			}
		}
		dst = feat(dst, tShape, 0, ti.shape)
		if m.clusters != nil {
			for l := range m.clusters.levels {
				lv := uint64(l)
				dst = feat(dst, tCluster, lv, 0, ti.clusters[l])
				dst = feat(dst, tClusterBigram, lv, 5, ti.procl, ti.clusters[l])
			}
		}
	case partP1:
		dst = feat(dst, tWord, 1, ti.word)
		dst = feat(dst, tBase, 1, ti.base)
		for k := 1; k < 3; k++ {
			dst = feat(dst, tNeighborAffix, 0, uint64(k), ti.bpre[k])
			dst = feat(dst, tNeighborAffix, 1, uint64(k), ti.bsuf[k])
		}
		dst = feat(dst, tProclitic, 1, ti.procl)
		dst = feat(dst, tShape, 1, ti.shape)
		if m.clusters != nil {
			for l := range m.clusters.levels {
				dst = feat(dst, tCluster, uint64(l), 1, ti.clusters[l])
			}
		}
	case partN1:
		dst = feat(dst, tWord, 2, ti.word)
		dst = feat(dst, tBase, 2, ti.base)
		for k := 1; k < 3; k++ {
			dst = feat(dst, tNeighborAffix, 2, uint64(k), ti.bpre[k])
			dst = feat(dst, tNeighborAffix, 3, uint64(k), ti.bsuf[k])
		}
		dst = feat(dst, tProclitic, 2, ti.procl)
		dst = feat(dst, tShape, 2, ti.shape)
		if m.clusters != nil {
			for l := range m.clusters.levels {
				dst = feat(dst, tCluster, uint64(l), 2, ti.clusters[l])
			}
		}
	case partP2:
		dst = feat(dst, tCluster, 9, 3, ti.clusters[0])
	case partN2:
		dst = feat(dst, tCluster, 9, 4, ti.clusters[0])
	}
	if m.gaz != nil {
		dst = gazFeatures(ti, p, dst)
	}
	return dst
}

// fixedParts are a stage's precomputed sums for the padding around a
// sentence and for the position features.
type fixedParts struct {
	padP1, padP2, padN1, padN2 [numTags]int32
	first                      [numTags]int32
	// The sums of partP2 and partN2 by coarsest cluster (tokInfo.clusters[0]).
	p2, n2 [][numTags]int32
	// Second stage: stacking (first-stage tag + 1, 0 for padding) and
	// memory (see memoryFeatures).
	stack0, stack1, stack2 [numTags + 1][numTags]int32
	stack3, stack4         [numTags + 1][numTags + 1][numTags]int32
	memNone                [numTags]int32
	memShare               [numTypes][3][numTags]int32
	memShareTag            [numTypes][3][numTags + 1][numTags]int32
}

// fixed returns the stage's fixed parts, computing them on first use.
func (m *Model) fixed() *fixedParts {
	m.fixedOnce.Do(func() {
		f := new(fixedParts)
		var buf [64]uint64
		sum := func(dst *[numTags]int32, feats []uint64) { m.sumFeatures(feats, dst) }
		sum(&f.padP1, m.partFeatures(&padStart, partP1, buf[:0]))
		sum(&f.padP2, m.partFeatures(&padStart, partP2, buf[:0]))
		sum(&f.padN1, m.partFeatures(&padEnd, partN1, buf[:0]))
		sum(&f.padN2, m.partFeatures(&padEnd, partN2, buf[:0]))
		sum(&f.first, feat(buf[:0], tFirst, 1))
		maxC := uint64(0)
		if m.clusters != nil {
			for _, ids := range m.clusters.words {
				maxC = max(maxC, uint64(ids[0])+1)
			}
		}
		f.p2 = make([][numTags]int32, maxC+1)
		f.n2 = make([][numTags]int32, maxC+1)
		for c := range maxC + 1 {
			ti := tokInfo{clusters: [maxClusterLevels]uint64{c}}
			sum(&f.p2[c], m.partFeatures(&ti, partP2, buf[:0]))
			sum(&f.n2[c], m.partFeatures(&ti, partN2, buf[:0]))
		}
		if m.first != nil {
			for a := range numTags + 1 {
				sum(&f.stack0[a], feat(buf[:0], tStack, 0, uint64(a)))
				sum(&f.stack1[a], feat(buf[:0], tStack, 1, uint64(a)))
				sum(&f.stack2[a], feat(buf[:0], tStack, 2, uint64(a)))
				for b := range numTags + 1 {
					sum(&f.stack3[a][b], feat(buf[:0], tStack, 3, uint64(a), uint64(b)))
					sum(&f.stack4[a][b], feat(buf[:0], tStack, 4, uint64(a), uint64(b)))
				}
			}
			sum(&f.memNone, feat(buf[:0], tMemory, 99))
			for typ := range numTypes {
				for share := range 3 {
					sum(&f.memShare[typ][share], feat(buf[:0], tMemory, uint64(typ), uint64(share)))
					for a := range numTags + 1 {
						sum(&f.memShareTag[typ][share][a], feat(buf[:0], tMemory, 10+uint64(typ), uint64(share), uint64(a)))
					}
				}
			}
		}
		m.fixedSums = f
	})
	return m.fixedSums
}

func addVec(sum, v *[numTags]int32) {
	for k := range sum {
		sum[k] += v[k]
	}
}

// decodeCached scores one sentence with stage s (model st) from the cached
// entries ents[idx[i]] and the per-token infos (word, base and, in the
// second stage, the memory fields), and returns the best tag columns, in
// t's storage.
func (st *Model) decodeCached(t *tagger, s int, ents []typeEntry, idx []int32, infos []tokInfo) []uint8 {
	n := len(idx)
	if n == 0 {
		return nil
	}
	if cap(t.score) < n*numTags {
		t.score = make([]float32, n*numTags)
	}
	t.score = t.score[:n*numTags]
	fx := st.fixed()
	second := st.first != nil
	for i := range n {
		sum := ents[idx[i]].part[s][partCur]
		cur := &infos[i]
		p1, n1 := &padStart, &padEnd
		if i >= 1 {
			p1 = &infos[i-1]
			addVec(&sum, &ents[idx[i-1]].part[s][partP1])
		} else {
			addVec(&sum, &fx.padP1)
			addVec(&sum, &fx.first)
		}
		if i >= 2 {
			addVec(&sum, &fx.p2[ents[idx[i-2]].c0])
		} else {
			addVec(&sum, &fx.padP2)
		}
		if i+1 < n {
			n1 = &infos[i+1]
			addVec(&sum, &ents[idx[i+1]].part[s][partN1])
		} else {
			addVec(&sum, &fx.padN1)
		}
		if i+2 < n {
			addVec(&sum, &fx.n2[ents[idx[i+2]].c0])
		} else {
			addVec(&sum, &fx.padN2)
		}
		var pairs [4]uint64
		pairs[0] = mix(mix(mix(tWordBigram, 0), p1.word), cur.word)
		pairs[1] = mix(mix(mix(tWordBigram, 1), cur.word), n1.word)
		pairs[2] = mix(mix(mix(tBaseBigram, 0), p1.base), cur.base)
		pairs[3] = mix(mix(mix(tBaseBigram, 1), cur.base), n1.base)
		st.sumFeatures(pairs[:], &sum)
		if second {
			addVec(&sum, &fx.stack0[cur.m1])
			addVec(&sum, &fx.stack1[p1.m1])
			addVec(&sum, &fx.stack2[n1.m1])
			addVec(&sum, &fx.stack3[p1.m1][cur.m1])
			addVec(&sum, &fx.stack4[cur.m1][n1.m1])
			if cur.memKey != 0 {
				total := 0
				for _, c := range cur.memCount {
					total += int(c)
				}
				if total == 0 {
					addVec(&sum, &fx.memNone)
				} else {
					for typ, c := range cur.memCount {
						if c == 0 {
							continue
						}
						share := min(3*int(c)/total, 2)
						addVec(&sum, &fx.memShare[typ][share])
						addVec(&sum, &fx.memShareTag[typ][share][cur.m1])
					}
				}
			}
		}
		sc := t.score[i*numTags : (i+1)*numTags]
		for k := range sc {
			sc[k] = float32(sum[k])
		}
	}
	return st.viterbi(t, n)
}
