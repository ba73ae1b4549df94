package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad-news/marsad"
)

// Hostile shapes: one huge line, many lines, runs of the characters the
// rules look for. They must come back (speed is BenchmarkText's business)
// with valid output.
func TestTextHostile(t *testing.T) {
	para := "وصل قائد قوات شرق ليبيا، خليفة حفتر، الثلاثاء، 26 سبتمبر/أيلول 2023 روسيا، لإجراء مباحثات مع مسؤولي البلاد. "
	inputs := map[string]string{
		"one long line": strings.Repeat(para, 2000),
		"many lines":    strings.Repeat(para+"\n", 2000),
		"short lines":   strings.Repeat("حفتر في موسكو\n", 5000),
		"dashes":        strings.Repeat("موسكو - ", 10000),
		"braces":        strings.Repeat("a{b:c;} ", 10000) + para,
		"dates":         "خبر " + strings.Repeat("2023/09/26 ", 10000),
		"parens":        strings.Repeat("(رويترز) ", 10000),
		"copyrights":    strings.Repeat("© جميع الحقوق محفوظة\n", 3000) + para,
		"entities":      strings.Repeat("&amp;&#1604;&nbsp;", 5000) + para,
		"bidi":          strings.Repeat("\u202b\u200f", 5000) + para,
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			a, err := Text(name, []byte(in))
			if err != nil {
				return
			}
			if !utf8.ValidString(a.Body) || strings.ContainsRune(a.Body, 0) {
				t.Errorf("invalid body")
			}
		})
	}
}

// Random edits of the test articles (bytes flipped, cut, spliced, chrome
// characters inserted) never panic and never give an empty or invalid body;
// a deterministic stand-in for long fuzzing runs.
func TestTextMutatedSeeds(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.txt")
	var seeds [][]byte
	for _, f := range files {
		if d, err := os.ReadFile(f); err == nil && len(d) > 0 {
			seeds = append(seeds, d)
		}
	}
	rng := rand.New(rand.NewSource(1))
	n := 1000
	if testing.Short() {
		n = 100
	}
	for i := 0; i < n; i++ {
		d := append([]byte(nil), seeds[rng.Intn(len(seeds))]...)
		for k := 0; k < 1+rng.Intn(20) && len(d) > 0; k++ {
			p := rng.Intn(len(d))
			switch rng.Intn(4) {
			case 0:
				d[p] = byte(rng.Intn(256))
			case 1:
				d = append(d[:p], d[min(len(d), p+rng.Intn(50)):]...)
			case 2:
				o := seeds[rng.Intn(len(seeds))]
				q := rng.Intn(len(o) + 1)
				d = append(d[:p], append(append([]byte(nil), o[q:min(len(o), q+rng.Intn(200))]...), d[p:]...)...)
			case 3:
				c := "\n-:()©/•"[rng.Intn(8)]
				d = append(d[:p], append([]byte{c}, d[p:]...)...)
			}
		}
		a, err := Text("mutated", d)
		if err != nil {
			continue
		}
		if a.Body == "" || !utf8.ValidString(a.Body) || strings.ContainsRune(a.Body, 0) {
			t.Fatalf("bad body %q for input %q", a.Body, d)
		}
		c := &marsad.Article{Title: a.Title, Body: a.Body}
		Clean(c)
		if !utf8.ValidString(c.Body) {
			t.Fatalf("Clean made invalid UTF-8")
		}
	}
}
