package ner

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCRFGradient checks the CRF's gradient against the definition: the
// log-likelihood of the gold tags, with the partition function summed by
// brute force over every tag sequence the BIO constraints allow, and its
// derivative taken numerically.
func TestCRFGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	const n = 3
	m := &Model{}
	for p := range numTags + 1 {
		for c := range numTags {
			m.trans[p][c] = float32(rng.NormFloat64())
		}
	}
	tg := &tagger{score: make([]float32, n*numTags)}
	for i := range tg.score {
		tg.score[i] = float32(rng.NormFloat64())
	}
	gold := []uint8{1, 2, 0} // B-PER I-PER O

	// logLik is log P(gold) by enumeration.
	logLik := func() float64 {
		pathScore := func(tags []uint8) (float64, bool) {
			prev := numTags
			s := 0.0
			for i, c := range tags {
				if !allowed[prev][c] {
					return 0, false
				}
				s += float64(m.trans[prev][c] + tg.score[i*numTags+int(c)])
				prev = int(c)
			}
			return s, true
		}
		var all []float64
		tags := make([]uint8, n)
		var walk func(i int)
		walk = func(i int) {
			if i == n {
				if s, ok := pathScore(tags); ok {
					all = append(all, s)
				}
				return
			}
			for c := range numTags {
				tags[i] = uint8(c)
				walk(i + 1)
			}
		}
		walk(0)
		g, _ := pathScore(gold)
		return g - logSumExp(all)
	}

	emit := make([]float64, n*numTags)
	var trans [numTags + 1][numTags]float64
	m.crfGradient(tg, n, gold, emit, &trans)

	const h = 1e-3
	for i := range n * numTags {
		old := tg.score[i]
		tg.score[i] = old + h
		up := logLik()
		tg.score[i] = old - h
		down := logLik()
		tg.score[i] = old
		if num := (up - down) / (2 * h); math.Abs(num-emit[i]) > 1e-3 {
			t.Errorf("emission %d (token %d, tag %s): gradient %.5f, numeric %.5f", i, i/numTags, Tags[i%numTags], emit[i], num)
		}
	}
	for p := range numTags + 1 {
		for c := range numTags {
			old := m.trans[p][c]
			m.trans[p][c] = old + h
			up := logLik()
			m.trans[p][c] = old - h
			down := logLik()
			m.trans[p][c] = old
			num := (up - down) / (2 * h)
			if !allowed[p][c] {
				num = 0 // a forbidden transition is never taken
			}
			if math.Abs(num-trans[p][c]) > 1e-3 {
				t.Errorf("transition %d→%d: gradient %.5f, numeric %.5f", p, c, trans[p][c], num)
			}
		}
	}
}
