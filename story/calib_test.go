package story

import (
	"bufio"
	"encoding/csv"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

type labelledPair struct {
	a, b  Doc
	label bool
}

func readLabels(t *testing.T, path string, docs []Doc) []labelledPair {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelledPair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 5 {
			continue
		}
		a, _ := strconv.Atoi(fs[0])
		b, _ := strconv.Atoi(fs[1])
		if a < 1 || b < 1 || a > len(docs) || b > len(docs) || docs[a-1].URL != fs[3] || docs[b-1].URL != fs[4] {
			t.Fatalf("%s: ids %d %d do not match their urls", path, a, b)
		}
		out = append(out, labelledPair{docs[a-1], docs[b-1], fs[2] == "1"})
	}
	return out
}

func ansPairs(t *testing.T) (pos, neg [][2]string) {
	paths, _ := filepath.Glob("/work/shared/data/ans/stance/*.csv")
	if len(paths) == 0 {
		t.Skip("ANS absent")
	}
	var s1s, s2s []string
	for _, p := range paths {
		f, _ := os.Open(p)
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs[1:] {
			if r[2] == "agree" || r[2] == "disagree" {
				pos = append(pos, [2]string{r[0], r[1]})
			}
			s1s = append(s1s, r[0])
			s2s = append(s2s, r[1])
		}
	}
	rng := rand.New(rand.NewSource(1))
	for len(neg) < len(pos) {
		i, j := rng.Intn(len(s1s)), rng.Intn(len(s2s))
		if i != j {
			neg = append(neg, [2]string{s1s[i], s2s[j]})
		}
	}
	return pos, neg
}

func auc(pos, neg []float64) float64 {
	n := 0.0
	for _, p := range pos {
		for _, q := range neg {
			switch {
			case p > q:
				n++
			case p == q:
				n += 0.5
			}
		}
	}
	return n / float64(len(pos)*len(neg))
}

func bestAcc(pos, neg []float64) (float64, float64) {
	var all []float64
	all = append(all, pos...)
	all = append(all, neg...)
	sort.Float64s(all)
	best, th := 0.0, 0.0
	for _, c := range all {
		ok := 0
		for _, p := range pos {
			if p >= c {
				ok++
			}
		}
		for _, q := range neg {
			if q < c {
				ok++
			}
		}
		if a := float64(ok) / float64(len(pos)+len(neg)); a > best {
			best, th = a, c
		}
	}
	return best, th
}

// fitLogistic fits p = σ(w·x + b) by gradient descent.
func fitLogistic(xs [][]float64, ys []bool) ([]float64, float64) {
	w := make([]float64, len(xs[0]))
	b := 0.0
	for it := 0; it < 20000; it++ {
		gw := make([]float64, len(w))
		gb := 0.0
		for i, x := range xs {
			z := b
			for k := range w {
				z += w[k] * x[k]
			}
			p := 1 / (1 + math.Exp(-z))
			y := 0.0
			if ys[i] {
				y = 1
			}
			for k := range w {
				gw[k] += (p - y) * x[k]
			}
			gb += p - y
		}
		for k := range w {
			w[k] -= 0.5 * gw[k] / float64(len(xs))
		}
		b -= 0.5 * gb / float64(len(xs))
	}
	return w, b
}

// TestCorpusPairs compares Similarity with plain TF-IDF cosine on the
// hand-judged SaudiNewsNet pairs and on ANS stance pairs against random
// pairs, and refits the calibration (leave-one-out).
func TestCorpusPairs(t *testing.T) {
	corpusEnabled(t)
	docs := flatten(loadSNN(t))
	pairs := readLabels(t, "testdata/snn_pairs.tsv", docs)
	var ys []bool
	var feats [][]float64
	var simP, simN, cosP, cosN []float64
	for _, p := range pairs {
		ta, tb := analyze(p.a.Title, p.a.Body), analyze(p.b.Title, p.b.Body)
		c, tc := cosine(ta.vec, tb.vec), cosine(ta.title, tb.title)
		sim := Similarity(p.a, p.b)
		feats = append(feats, []float64{c, tc})
		ys = append(ys, p.label)
		if p.label {
			simP, cosP = append(simP, sim), append(cosP, c)
		} else {
			simN, cosN = append(simN, sim), append(cosN, c)
		}
	}
	t.Logf("SNN hand-judged pairs: %d same event, %d not", len(simP), len(simN))
	report := func(name string, pos, neg []float64, th float64) {
		tp, fp := 0, 0
		for _, x := range pos {
			if x >= th {
				tp++
			}
		}
		for _, x := range neg {
			if x >= th {
				fp++
			}
		}
		acc, best := bestAcc(pos, neg)
		prec := math.NaN()
		if tp+fp > 0 {
			prec = float64(tp) / float64(tp+fp)
		}
		t.Logf("  %-22s AUC %.3f; at %.2f: precision %.3f recall %.3f; best accuracy %.3f at %.3f", name, auc(pos, neg), th, prec, float64(tp)/float64(len(pos)), acc, best)
	}
	report("Similarity", simP, simN, 0.5)
	report("Similarity", simP, simN, 0.6)
	report("plain TF-IDF cosine", cosP, cosN, 0.5)
	report("plain TF-IDF cosine", cosP, cosN, 0.377)

	// Leave-one-out: the calibration is fitted on these same pairs.
	ok := 0
	var zp, zn []float64
	for i := range feats {
		tr := append(append([][]float64{}, feats[:i]...), feats[i+1:]...)
		ty := append(append([]bool{}, ys[:i]...), ys[i+1:]...)
		w, b := fitLogistic(tr, ty)
		z := b + w[0]*feats[i][0] + w[1]*feats[i][1]
		if (z >= 0) == ys[i] {
			ok++
		}
		if ys[i] {
			zp = append(zp, z)
		} else {
			zn = append(zn, z)
		}
	}
	w, b := fitLogistic(feats, ys)
	t.Logf("  calibration refit on all pairs: z = %.2f·cos + %.2f·titlecos %+.2f (in code: %.2f, %.2f, %+.2f); leave-one-out accuracy %.3f, AUC %.3f",
		w[0], w[1], b, contentWeight, titleCosWeight, scoreBias, float64(ok)/float64(len(feats)), auc(zp, zn))

	pos, neg := ansPairs(t)
	var sp, sn, cp, cn []float64
	for _, p := range pos {
		a, b := Doc{Title: p[0]}, Doc{Title: p[1]}
		sp = append(sp, Similarity(a, b))
		cp = append(cp, cosine(termVector(p[0]), termVector(p[1])))
	}
	for _, p := range neg {
		a, b := Doc{Title: p[0]}, Doc{Title: p[1]}
		sn = append(sn, Similarity(a, b))
		cn = append(cn, cosine(termVector(p[0]), termVector(p[1])))
	}
	t.Logf("ANS stance pairs (agree/disagree, headlines only) vs random pairs: %d vs %d", len(sp), len(sn))
	report("Similarity", sp, sn, 0.5)
	report("plain TF-IDF cosine", cp, cn, 0.5)
}
