package story

import (
	"bufio"
	"encoding/csv"
	"fmt"
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
		fs := strings.Fields(sc.Text())
		if len(fs) < 3 || strings.HasPrefix(fs[0], "#") {
			continue
		}
		a, _ := strconv.Atoi(fs[0])
		b, _ := strconv.Atoi(fs[1])
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

func TestCalibrate(t *testing.T) {
	corpusEnabled(t)
	docs := flatten(loadSNN(t))
	pairs := readLabels(t, "/tmp/eval/labels.txt", docs)
	var xs [][]float64
	var ys []bool
	var posC, negC, posT, negT []float64
	var feats [][]float64
	for _, p := range pairs {
		ta, tb := analyze(p.a.Title, p.a.Body), analyze(p.b.Title, p.b.Body)
		c := cosine(ta.vec, tb.vec)
		tc := cosine(ta.title, tb.title)
		nm := overlapU64(ta.numbers, tb.numbers)
		var lc float64
		if len(ta.lead) > 0 && len(tb.lead) > 0 {
			lc = cosine(ta.lead[0].vec, tb.lead[0].vec)
		}
		feats = append(feats, []float64{c, tc, nm, lc})
		days := dayDistance(p.a.Published, p.b.Published)
		xs = append(xs, []float64{c, tc})
		ys = append(ys, p.label)
		if p.label {
			posC, posT = append(posC, c), append(posT, tc)
		} else {
			negC, negT = append(negC, c), append(negT, tc)
		}
		_ = days
	}
	t.Logf("SNN hand pairs: %d pos %d neg", len(posC), len(negC))
	for k, name := range []string{"cos", "title", "numbers", "lead0"} {
		var p, n []float64
		for i, f := range feats {
			if ys[i] {
				p = append(p, f[k])
			} else {
				n = append(n, f[k])
			}
		}
		t.Logf("feature %s AUC %.3f", name, auc(p, n))
	}
	for _, combo := range [][]int{{0, 1}, {0, 2}, {0, 1, 2}, {0, 1, 2, 3}, {0, 3}} {
		var sub [][]float64
		for _, f := range feats {
			var x []float64
			for _, k := range combo {
				x = append(x, f[k])
			}
			sub = append(sub, x)
		}
		// leave-one-out accuracy
		ok := 0
		var zp, zn []float64
		for i := range sub {
			tr := append(append([][]float64{}, sub[:i]...), sub[i+1:]...)
			ty := append(append([]bool{}, ys[:i]...), ys[i+1:]...)
			w, b := fitLogistic(tr, ty)
			z := b
			for k := range w {
				z += w[k] * sub[i][k]
			}
			if (z >= 0) == ys[i] {
				ok++
			}
			if ys[i] {
				zp = append(zp, z)
			} else {
				zn = append(zn, z)
			}
		}
		w, b := fitLogistic(sub, ys)
		t.Logf("combo %v: LOO acc %.3f LOO AUC %.3f; full fit w=%.2f b=%.2f", combo, float64(ok)/float64(len(sub)), auc(zp, zn), w, b)
	}
	a1, th1 := bestAcc(posC, negC)
	t.Logf("cos: AUC %.3f best acc %.3f at %.3f", auc(posC, negC), a1, th1)
	a2, th2 := bestAcc(posT, negT)
	t.Logf("title cos: AUC %.3f best acc %.3f at %.3f", auc(posT, negT), a2, th2)
	w, b := fitLogistic(xs, ys)
	t.Logf("logistic cos+title: w=%v b=%.3f", w, b)
	var pc, nc []float64
	for i, x := range xs {
		z := b + w[0]*x[0] + w[1]*x[1]
		if ys[i] {
			pc = append(pc, z)
		} else {
			nc = append(nc, z)
		}
	}
	a3, _ := bestAcc(pc, nc)
	t.Logf("combined: AUC %.3f best acc %.3f", auc(pc, nc), a3)
	w1, b1 := fitLogistic(func() [][]float64 {
		var o [][]float64
		for _, x := range xs {
			o = append(o, []float64{x[0]})
		}
		return o
	}(), ys)
	t.Logf("logistic cos only: w=%v b=%.3f (0.5 at cos %.3f)", w1, b1, -b1/w1[0])

	pos, neg := ansPairs(t)
	var ap, an []float64
	for _, p := range pos {
		ap = append(ap, cosine(termVector(p[0]), termVector(p[1])))
	}
	for _, p := range neg {
		an = append(an, cosine(termVector(p[0]), termVector(p[1])))
	}
	a4, th4 := bestAcc(ap, an)
	t.Logf("ANS headline pairs: %d pos %d neg: AUC %.3f best acc %.3f at cos %.3f", len(ap), len(an), auc(ap, an), a4, th4)
	_ = fmt.Sprint
}

func overlapU64(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	return float64(inter) / math.Sqrt(float64(len(a))*float64(len(b)))
}
