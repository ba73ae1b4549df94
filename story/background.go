package story

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
)

// background.tsv.gz holds document frequencies of stems over the 31,030
// articles of SaudiNewsNet (stems in ≥ 5 articles; derived counts only, no
// text; provenance and licence in LICENSE-DATA.md, generator in
// genbackground.go). IDF comes from this fixed background rather than from
// the documents indexed so far: a score then does not change as the index
// grows, which keeps Similarity stand-alone and event clusters independent
// of ingest order.
//
//go:embed background.tsv.gz
var backgroundGz []byte

var (
	backgroundOnce sync.Once
	backgroundDF   map[string]int32
	backgroundN    float64
)

// rareDF is the document frequency assumed for a stem missing from the
// table: it occurred in fewer than 5 background articles.
const rareDF = 2

func loadBackground() {
	backgroundDF = make(map[string]int32, 40000)
	backgroundN = 1
	zr, err := gzip.NewReader(bytes.NewReader(backgroundGz))
	if err != nil {
		return // no background: every stem weighs the same, nothing breaks
	}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		stem, count, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(count)
		if err != nil {
			continue
		}
		if stem == "#documents" {
			backgroundN = float64(n)
			continue
		}
		backgroundDF[stem] = int32(n)
	}
}

// idf is the smoothed inverse document frequency of a stem in the
// background: ln((N+1)/(df+1)), so a stem in every article weighs 0.
func idf(stem string) float64 {
	backgroundOnce.Do(loadBackground)
	df, ok := backgroundDF[stem]
	if !ok {
		df = rareDF
	}
	w := math.Log((backgroundN + 1) / (float64(df) + 1))
	if w < 0 {
		return 0
	}
	return w
}
