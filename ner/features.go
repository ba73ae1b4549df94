package ner

import (
	"unicode"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

// Features are hashed: a feature is a template number mixed with the
// hashes of the strings it looks at, never a concatenated string. The
// tagger's hot path therefore allocates only the per-token analyses.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines a feature hash with one more value (splitmix64 finalizer
// over the xor), so that (a, b) and (b, a) differ.
func mix(h, v uint64) uint64 {
	z := h*0x9e3779b97f4a7c15 ^ v
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Feature templates. The numbers are part of the model format: never
// renumber, only append.
const (
	tBias uint64 = iota + 1
	tWord
	tBase
	tStem
	tProclitic
	tPrefix
	tSuffix
	tShape
	tKnown
	tWordBigram
	tCluster
	tFirst
	tLength
	tBaseBigram
	tClusterBigram
	tRawWord
	tShapeTrigram
	tBasePrefix
	tBaseSuffix
	tNeighborAffix
	tStack
	tMemory
	tGaz
)

// token analysis: the per-token values the templates read.
type tokInfo struct {
	word, base, stem, procl, shape, raw uint64
	known                               bool
	runes                               int
	pre, suf                            [4]uint64 // word prefixes/suffixes of 1–4 runes
	bpre, bsuf                          [4]uint64 // base prefixes/suffixes
	clusters                            [maxClusterLevels]uint64
	gaz                                 gazInfo

	// Second stage only (see memory.go): the first stage's tag, plus one,
	// and what the first stage said about the same word elsewhere in the
	// document.
	m1       uint8
	memKey   uint64 // hash of the word's base, 0 when it is not remembered
	memCount [numTypes]uint16
}

var (
	padStart = tokInfo{word: hashString("<s>"), base: hashString("<s>"), stem: hashString("<s>"), shape: hashString("<s>")}
	padEnd   = tokInfo{word: hashString("</s>"), base: hashString("</s>"), stem: hashString("</s>"), shape: hashString("</s>")}
)

func init() {
	for i := range maxClusterLevels {
		padStart.clusters[i] = hashString("<s>")
		padEnd.clusters[i] = hashString("</s>")
	}
}

// analyze fills the token analyses of one sentence.
func (m *Model) analyze(tokens []string, infos []tokInfo) {
	for i, tok := range tokens {
		infos[i] = m.analyzeToken(tok)
	}
}

func (m *Model) analyzeToken(tok string) tokInfo {
	var ti tokInfo
	ti.raw = hashString(tok)
	w := arabic.Normalize(tok)
	ti.word = hashString(w)
	ti.shape = shapeHash(tok)
	c := arabic.SplitClitics(w)
	ti.base = hashString(c.Base)
	ti.procl = hashString(c.Prefix)
	ti.stem = hashString(arabic.Stem(w))
	if rememberable(w, c.Base) {
		ti.memKey = ti.base
	}
	ti.known = arabic.Known(c.Base)
	ti.runes = utf8.RuneCountInString(w)
	affixes(w, &ti.pre, &ti.suf)
	affixes(c.Base, &ti.bpre, &ti.bsuf)
	if m.gaz != nil {
		ti.gaz = m.gaz.lookup(ti.base)
	}
	if m.clusters != nil {
		ids, ok := m.clusters.lookup(w, c.Base)
		for l := range maxClusterLevels {
			if ok {
				ti.clusters[l] = uint64(ids[l]) + 1
			}
		}
	}
	return ti
}

// affixes hashes the first and last 1–4 runes of w.
func affixes(w string, pre, suf *[4]uint64) {
	n := 0
	for i := range w {
		if n == 4 {
			break
		}
		n++
		_, size := utf8.DecodeRuneInString(w[i:])
		pre[n-1] = hashString(w[:i+size])
	}
	n = 0
	for j := len(w); j > 0 && n < 4; {
		_, size := utf8.DecodeLastRuneInString(w[:j])
		j -= size
		suf[n] = hashString(w[j:])
		n++
	}
}

// shapeHash classifies a token by its characters: Arabic letters, Latin
// upper/lower, digits, punctuation, collapsed to at most four classes in
// order ("A", "Aa", "9", "9.9", ".").
func shapeHash(tok string) uint64 {
	var buf [8]byte
	n := 0
	var last byte
	for _, r := range tok {
		var c byte
		switch {
		case arabic.IsArabicLetter(r):
			c = 'a'
		case r < 128 && unicode.IsUpper(r):
			c = 'X'
		case r < 128 && unicode.IsLower(r):
			c = 'x'
		case unicode.IsLetter(r):
			c = 'l'
		case unicode.IsDigit(r):
			c = '9'
		case arabic.IsTashkeel(r) || r == arabic.Tatweel:
			continue
		default:
			c = byte('.')
			if r < 128 {
				c = byte(r)
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					c = '.'
				}
			}
		}
		if c == last {
			continue
		}
		if n == len(buf) {
			break
		}
		buf[n] = c
		n++
		last = c
	}
	h := uint64(fnvOffset)
	for _, b := range buf[:n] {
		h ^= uint64(b)
		h *= fnvPrime
	}
	return h
}

// numLexical is the number of features that name the current token itself.
const numLexical = 8

// features appends the hashed features of token i to dst.
func (m *Model) features(infos []tokInfo, i int, dst []uint64) []uint64 {
	at := func(j int) *tokInfo {
		switch {
		case j < 0:
			return &padStart
		case j >= len(infos):
			return &padEnd
		}
		return &infos[j]
	}
	cur := &infos[i]
	p1, p2, n1, n2 := at(i-1), at(i-2), at(i+1), at(i+2)
	f := func(parts ...uint64) {
		h := parts[0]
		for _, p := range parts[1:] {
			h = mix(h, p)
		}
		dst = append(dst, h)
	}
	// The current token's own identity features come first, numLexical of
	// them: training can hide them (word dropout) to make the model learn
	// what the context says about words it has never seen.
	f(tWord, 0, cur.word)
	f(tRawWord, 0, cur.raw)
	f(tBase, 0, cur.base)
	f(tStem, 0, cur.stem)
	f(tWordBigram, 0, p1.word, cur.word)
	f(tWordBigram, 1, cur.word, n1.word)
	f(tBaseBigram, 0, p1.base, cur.base)
	f(tBaseBigram, 1, cur.base, n1.base)
	f(tBias, 0)
	f(tWord, 1, p1.word)
	f(tWord, 2, n1.word)
	f(tCluster, 9, 3, p2.clusters[0])
	f(tCluster, 9, 4, n2.clusters[0])
	f(tBase, 1, p1.base)
	f(tBase, 2, n1.base)
	f(tProclitic, 0, cur.procl)
	for k := range 4 {
		if cur.pre[k] != 0 {
			f(tPrefix, uint64(k), cur.pre[k])
			f(tSuffix, uint64(k), cur.suf[k])
		}
	}
	for k := 1; k < 3; k++ {
		f(tNeighborAffix, 0, uint64(k), p1.bpre[k])
		f(tNeighborAffix, 1, uint64(k), p1.bsuf[k])
		f(tNeighborAffix, 2, uint64(k), n1.bpre[k])
		f(tNeighborAffix, 3, uint64(k), n1.bsuf[k])
	}
	f(tProclitic, 1, p1.procl)
	f(tProclitic, 2, n1.procl)
	f(tShape, 0, cur.shape)
	f(tShape, 1, p1.shape)
	f(tShape, 2, n1.shape)
	if i == 0 {
		f(tFirst, 1)
	}
	if m.first != nil {
		dst = m.memoryFeatures(cur, p1, n1, dst)
	}
	if m.clusters != nil {
		for l := range m.clusters.levels {
			lv := uint64(l)
			f(tCluster, lv, 0, cur.clusters[l])
			f(tClusterBigram, lv, 5, cur.procl, cur.clusters[l])
			f(tCluster, lv, 1, p1.clusters[l])
			f(tCluster, lv, 2, n1.clusters[l])
		}
	}
	if m.gaz != nil {
		dst = gazFeatures(cur, partCur, dst)
		dst = gazFeatures(p1, partP1, dst)
		dst = gazFeatures(n1, partN1, dst)
	}
	return dst
}
