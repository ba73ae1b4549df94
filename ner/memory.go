package ner

import (
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// Two stages. News repeats its names: an article says "حفتر" ten times,
// once after "المشير" where any tagger sees a person and nine times where
// the context alone is weak. The second stage reads, besides the usual
// features, the first stage's tag of each token and its neighbours
// (stacking) and what the first stage tagged the same word as in the
// sentences around it (document memory), so that one clear occurrence
// carries the others. Training uses first-stage tags from models that did
// not see the sentence (jackknife), so the second stage learns how far to
// trust them.

// Entity types as memory columns: O, PER, LOC, ORG, MISC.
const numTypes = 5

// typeOf maps a tag column to its memory column: O→0, *-PER→1, *-LOC→2,
// *-ORG→3, *-MISC→4 (Tags is ordered so that this is (k+1)/2).
func typeOf(k uint8) int { return (int(k) + 1) / 2 }

// memoryWindow is how many sentences on each side of a sentence make its
// document when the input has no document boundaries (a CoNLL file, a
// stream); TagText uses the same window over the article.
const memoryWindow = 20

// rememberable says whether a word's first-stage tags are worth carrying to
// its other occurrences: words of two letters or more that are not
// stopwords. Punctuation and numbers are never names by themselves.
func rememberable(word, base string) bool {
	if utf8.RuneCountInString(base) < 2 || arabic.IsStopword(word) || arabic.IsStopword(base) {
		return false
	}
	for _, r := range base {
		if !arabic.IsArabicLetter(r) && !('a' <= r && r <= 'z') {
			return false
		}
	}
	return true
}

// memoryFeatures appends the second-stage features of token cur.
func (m *Model) memoryFeatures(cur, p1, n1 *tokInfo, dst []uint64) []uint64 {
	dst = append(dst,
		mix(mix(tStack, 0), uint64(cur.m1)),
		mix(mix(tStack, 1), uint64(p1.m1)),
		mix(mix(tStack, 2), uint64(n1.m1)),
		mix(mix(mix(tStack, 3), uint64(p1.m1)), uint64(cur.m1)),
		mix(mix(mix(tStack, 4), uint64(cur.m1)), uint64(n1.m1)),
	)
	if cur.memKey == 0 {
		return dst
	}
	total := 0
	for _, c := range cur.memCount {
		total += int(c)
	}
	if total == 0 {
		return append(dst, mix(tMemory, 99))
	}
	for typ, c := range cur.memCount {
		if c == 0 {
			continue
		}
		// Share of the other occurrences with this type, in thirds.
		share := min(3*int(c)/total, 2)
		dst = append(dst, mix(mix(tMemory, uint64(typ)), uint64(share)))
		// Same, conditioned on the first stage's own tag here.
		dst = append(dst, mix(mix(mix(tMemory, 10+uint64(typ)), uint64(share)), uint64(cur.m1)))
	}
	return dst
}

// fillMemory sets the memory counts of every token of a document from the
// first-stage tags m1 (one slice per sentence): for the token in sentence
// s, the counts of the first-stage types of the same word in sentences
// s-memoryWindow … s+memoryWindow, excluding the token itself.
func fillMemory(doc [][]tokInfo, m1 [][]uint8) {
	// Sized for the document's distinct words at most once, and holding the
	// counts by value: growing the map and allocating a counter per word
	// were a tenth of the pipeline's allocation.
	n := 0
	for _, sent := range doc {
		n += len(sent)
	}
	counts := make(map[uint64][numTypes]uint16, n/2)
	add := func(s int, d int) {
		for i := range doc[s] {
			ti := &doc[s][i]
			if ti.memKey == 0 {
				continue
			}
			c := counts[ti.memKey]
			typ := typeOf(m1[s][i])
			c[typ] = uint16(int(c[typ]) + d)
			counts[ti.memKey] = c
		}
	}
	for s := 0; s < len(doc) && s <= memoryWindow; s++ {
		add(s, 1)
	}
	for s := range doc {
		if s > 0 {
			if in := s + memoryWindow; in < len(doc) {
				add(in, 1)
			}
			if out := s - memoryWindow - 1; out >= 0 {
				add(out, -1)
			}
		}
		for i := range doc[s] {
			ti := &doc[s][i]
			ti.m1 = m1[s][i] + 1
			if ti.memKey == 0 {
				continue
			}
			ti.memCount = counts[ti.memKey]
			ti.memCount[typeOf(m1[s][i])]--
		}
	}
}

// TagSentences tags the sentences of one document (or of a stream without
// document boundaries, read in order): a two-stage model lets each word's
// tags in the sentences around it inform its tag here. It returns one tag
// slice per sentence.
func (m *Model) TagSentences(sents [][]string) [][]string {
	idx := m.tagDocument(sents)
	out := make([][]string, len(sents))
	for s, tags := range idx {
		out[s] = make([]string, len(tags))
		for i, k := range tags {
			out[s][i] = Tags[k]
		}
	}
	return out
}

// tagDocument returns the tag columns of every sentence.
func (m *Model) tagDocument(sents [][]string) [][]uint8 {
	t := taggerPool.Get().(*tagger)
	defer taggerPool.Put(t)
	c := m.caches.get()
	defer m.caches.put(c)
	c.startDocument()
	total := 0
	for _, toks := range sents {
		total += len(toks)
	}
	if cap(t.infos) < total || cap(t.idx) < total {
		t.infos = make([]tokInfo, total)
		t.idx = make([]int32, total)
	}
	flat, idx := t.infos[:total], t.idx[:total]
	doc := make([][]tokInfo, len(sents))
	at := 0
	for s, toks := range sents {
		doc[s] = flat[at : at+len(toks) : at+len(toks)]
		for i, tok := range toks {
			e := c.entry(m, tok)
			idx[at+i] = e
			ce := &c.ents[e]
			doc[s][i] = tokInfo{word: ce.word, base: ce.base, memKey: ce.memKey}
		}
		at += len(toks)
	}
	stage := m
	if m.first != nil {
		stage = m.first
	}
	out := make([][]uint8, len(sents))
	at = 0
	for s := range doc {
		n := len(doc[s])
		out[s] = append([]uint8(nil), stage.decodeCached(t, 0, c.ents, idx[at:at+n], doc[s])...)
		at += n
	}
	if m.first == nil {
		return out
	}
	fillMemory(doc, out)
	at = 0
	for s := range doc {
		n := len(doc[s])
		out[s] = append(out[s][:0], m.decodeCached(t, 1, c.ents, idx[at:at+n], doc[s])...)
		at += n
	}
	if t.votes == nil || len(t.votes) > maxReusedVotes {
		t.votes = map[uint64]consistencyVotes{}
	}
	enforceConsistency(doc, out, t.votes)
	clear(t.votes)
	return out
}

// maxReusedVotes bounds the vote map a tagger keeps for the next
// document: clearing a map costs its size, however few words the next
// document has.
const maxReusedVotes = 1 << 13

// Names keep their type through a document ("one sense per discourse").
// After the second stage, a word the tagger left outside any name is
// tagged as a one-word name when, in the sentences around it (the memory
// window), the same word was tagged alone as a name of one type at least
// twice and more often than it was left out; and a one-word name of one
// type takes another type that the window gave the word alone at least
// twice and more often. The second stage's memory features already lean
// that way; this makes the majority win where the local context is too
// weak to tip the scores. Measured on the dev blocks 1, 5, 9 of the train
// split, seeds 1–3: the first part +0.14, +0.24, +0.13 F1, the second on
// top +0.15, +0.04, +0.08 (from a script over the predictions); on the
// test file, reported only, 72.58 → 72.91 → 73.05. Not taken: votes by
// the clitic-free base instead of the word (dev +0.01 to +0.05, test
// −0.06), for the last word of longer person names too (−0.04 on dev),
// repeated multi-word names (nothing), windows of 10 or 40 sentences
// (the same or less).

// consistencyMin is how many one-word tags of one type a word needs.
const consistencyMin = 2

// consistencyVotes are a word's votes in the window: left out, and
// tagged alone as each type (index 0 unused).
type consistencyVotes struct {
	o    int32
	typs [numTypes]int32
}

// enforceConsistency applies the rule above to the tag columns of a
// document's sentences, in place. counts is an empty map to count in (a
// tagger's, reused across documents; nil makes one).
func enforceConsistency(doc [][]tokInfo, tags [][]uint8, counts map[uint64]consistencyVotes) {
	// Held by value, as in fillMemory: a counter allocated per word cost a
	// tenth of the tagging time.
	if counts == nil {
		counts = map[uint64]consistencyVotes{}
	}
	single := func(tg []uint8, i int) bool {
		k := tg[i]
		return k != 0 && Tags[k][0] == 'B' && (i+1 == len(tg) || Tags[tg[i+1]][0] != 'I')
	}
	// Only words tagged alone somewhere can vote or be relabelled: they
	// are a few dozen in an article, so the map stays small and most
	// tokens cost one lookup in it.
	for s, sent := range doc {
		for i := range sent {
			if sent[i].memKey != 0 && single(tags[s], i) {
				counts[sent[i].word] = consistencyVotes{}
			}
		}
	}
	if len(counts) == 0 {
		return
	}
	add := func(s int, d int32) {
		sent, tg := doc[s], tags[s]
		for i := range sent {
			if sent[i].memKey == 0 {
				continue
			}
			k := tg[i]
			one := single(tg, i)
			if k != 0 && !one {
				continue
			}
			v, ok := counts[sent[i].word]
			if !ok {
				continue
			}
			if one {
				v.typs[typeOf(k)] += d
			} else {
				v.o += d
			}
			counts[sent[i].word] = v
		}
	}
	n := len(doc)
	for s := 0; s < n && s <= memoryWindow; s++ {
		add(s, 1)
	}
	// The window slides over the tagger's tags: changes wait for the end
	// of the pass, so that a sentence leaves the window with the votes it
	// brought in.
	var relabel [][3]int
	for s := range doc {
		if s > 0 {
			if in := s + memoryWindow; in < n {
				add(in, 1)
			}
			if out := s - memoryWindow - 1; out >= 0 {
				add(out, -1)
			}
		}
		tg := tags[s]
		for i := range tg {
			if doc[s][i].memKey == 0 {
				continue
			}
			// The word's standing now: left out (0), or a one-word name
			// of some type; inside a longer name it is left alone.
			own := 0
			switch {
			case tg[i] == 0 && (i == 0 || tg[i-1] == 0):
			case single(tg, i):
				own = typeOf(tg[i])
			default:
				continue
			}
			v, ok := counts[doc[s][i].word]
			if !ok {
				continue
			}
			best, typ := int32(0), 0
			for t := 1; t < numTypes; t++ {
				if t != own && v.typs[t] > best {
					best, typ = v.typs[t], t
				}
			}
			rival := v.o
			if own != 0 {
				rival = v.typs[own]
			}
			if best >= consistencyMin && best > rival {
				relabel = append(relabel, [3]int{s, i, typ})
			}
		}
	}
	for _, r := range relabel {
		tags[r[0]][r[1]] = uint8(2*r[2] - 1) // B- of the type
	}
}
