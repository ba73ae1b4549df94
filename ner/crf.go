package ner

import "math"

// crfGradient fills, for a sentence of n tokens whose emission scores are
// in t.score, the gradient of the conditional log-likelihood of the gold
// tags (a linear-chain CRF, Lafferty et al. 2001) with respect to each
// token's emission scores (emit[i*numTags+y] = 1[gold_i = y] − P(y_i = y))
// and to the transitions. Tag sequences the BIO constraints forbid have
// no probability, as in viterbi.
func (m *Model) crfGradient(t *tagger, n int, gold []uint8, emit []float64, trans *[numTags + 1][numTags]float64) {
	neg := math.Inf(-1)
	alpha := make([]float64, n*numTags)
	beta := make([]float64, n*numTags)
	for c := range numTags {
		alpha[c] = neg
		if allowed[numTags][c] {
			alpha[c] = float64(m.trans[numTags][c] + t.score[c])
		}
	}
	var buf [numTags]float64
	for i := 1; i < n; i++ {
		for c := range numTags {
			k := 0
			for _, p := range preds[c] {
				buf[k] = alpha[(i-1)*numTags+int(p)] + float64(m.trans[p][c])
				k++
			}
			alpha[i*numTags+c] = logSumExp(buf[:k]) + float64(t.score[i*numTags+c])
		}
	}
	logZ := logSumExp(alpha[(n-1)*numTags : n*numTags])
	for c := range numTags {
		beta[(n-1)*numTags+c] = 0
	}
	for i := n - 2; i >= 0; i-- {
		for p := range numTags {
			k := 0
			for c := range numTags {
				if allowed[p][c] {
					buf[k] = float64(m.trans[p][c]+t.score[(i+1)*numTags+c]) + beta[(i+1)*numTags+c]
					k++
				}
			}
			beta[i*numTags+p] = logSumExp(buf[:k])
		}
	}
	for i := range n {
		for y := range numTags {
			g := -math.Exp(alpha[i*numTags+y] + beta[i*numTags+y] - logZ)
			if int(gold[i]) == y {
				g++
			}
			emit[i*numTags+y] = g
		}
	}
	// Transitions: gold counts minus expected counts.
	trans[numTags][gold[0]]++
	for c := range numTags {
		trans[numTags][c] -= math.Exp(alpha[c] + beta[c] - logZ)
	}
	for i := 1; i < n; i++ {
		trans[gold[i-1]][gold[i]]++
		for c := range numTags {
			for _, p := range preds[c] {
				trans[p][c] -= math.Exp(alpha[(i-1)*numTags+int(p)] + float64(m.trans[p][c]+t.score[i*numTags+c]) + beta[i*numTags+c] - logZ)
			}
		}
	}
}

// logSumExp returns log Σ exp(v), −Inf for none.
func logSumExp(v []float64) float64 {
	mx := math.Inf(-1)
	for _, x := range v {
		mx = max(mx, x)
	}
	if math.IsInf(mx, -1) {
		return mx
	}
	s := 0.0
	for _, x := range v {
		s += math.Exp(x - mx)
	}
	return mx + math.Log(s)
}
