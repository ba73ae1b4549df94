package story

import (
	"fmt"
	"math/rand"
	"os"
	"strings"
	"testing"
)

func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

func TestDumpPairs(t *testing.T) {
	corpusEnabled(t)
	docs := flatten(loadSNN(t))
	ix := NewIndex(Options{EventThreshold: 2}) // no event links: just index
	ix.AddBatch(docs)
	rng := rand.New(rand.NewSource(7))
	bins := []float64{0.15, 0.25, 0.35, 0.45, 0.55, 0.7, 1.01}
	var got [6][][2]int32
	for tries := 0; tries < 200000; tries++ {
		a := int32(rng.Intn(len(ix.entries)))
		e := ix.entries[a]
		cs := ix.candidates(e)
		for c := range cs {
			o := ix.entries[c]
			if c == a || o.doc.Outlet == e.doc.Outlet || jaccardEstimate(&e.sig, &o.sig) >= 0.3 {
				continue
			}
			if d := dayDistance(e.doc.Published, o.doc.Published); d > 2 {
				continue
			}
			cos := cosine(e.text.vec, o.text.vec)
			for b := 0; b < 6; b++ {
				if cos >= bins[b] && cos < bins[b+1] && len(got[b]) < 14 {
					got[b] = append(got[b], [2]int32{a, c})
				}
			}
			break
		}
	}
	f, _ := os.Create("/tmp/pairs.txt")
	defer f.Close()
	for b := range got {
		for _, p := range got[b] {
			x, y := ix.entries[p[0]].doc, ix.entries[p[1]].doc
			cos := cosine(ix.entries[p[0]].text.vec, ix.entries[p[1]].text.vec)
			fmt.Fprintf(f, "P %d %d cos=%.3f\n A[%s] %s || %s\n B[%s] %s || %s\n\n", x.ID, y.ID, cos, x.Outlet, x.Title, short(docs[x.ID-1].Body, 260), y.Outlet, y.Title, short(docs[y.ID-1].Body, 260))
		}
	}
}
