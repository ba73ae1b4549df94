package arabic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"sync"
)

// lexicon.txt.gz holds the normalized word forms of the ANERcorp training
// split (CC BY-SA 4.0, see LICENSE-DATA.md), one per line. SplitClitics uses it
// to tell بروسيا (ب + a known word) from ليبيا (a known word).
//
//go:embed lexicon.txt.gz
var lexiconGz []byte

var (
	lexiconOnce sync.Once
	lexicon     map[string]struct{}
)

func loadLexicon() {
	lexicon = make(map[string]struct{}, 32768)
	zr, err := gzip.NewReader(bytes.NewReader(lexiconGz))
	if err != nil {
		return // an empty lexicon degrades clitic splitting, never breaks it
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if w := sc.Text(); w != "" {
			lexicon[w] = struct{}{}
		}
	}
}

func inLexicon(w string) bool {
	lexiconOnce.Do(loadLexicon)
	_, ok := lexicon[w]
	return ok
}

// Known reports whether the normalized word w occurs in marsad's lexicon.
func Known(w string) bool { return inLexicon(w) }
