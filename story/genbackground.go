//go:build ignore

// genbackground writes background.tsv.gz, the background document
// frequencies of story's TF-IDF: for each stem that occurs in at least
// minDF articles of SaudiNewsNet (Alhagri 2015, CC BY-NC-SA 4.0; see
// LICENSE-DATA.md), the number of articles it occurs in. Only these counts
// are written, never text. Run from the repository root:
//
//	go run story/genbackground.go /work/shared/data/saudinewsnet/*.zip | gzip -n -9 > story/background.tsv.gz
//
// The term extraction below must stay the one of analyze in text.go.
package main

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
)

const minDF = 5

func main() {
	df := map[string]int{}
	n := 0
	for _, path := range os.Args[1:] {
		zr, err := zip.OpenReader(path)
		if err != nil {
			panic(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				panic(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				panic(err)
			}
			var arts []struct{ Title, Content string }
			if err := json.Unmarshal(data, &arts); err != nil {
				panic(fmt.Errorf("%s: %w", path, err))
			}
			for _, a := range arts {
				n++
				seen := map[string]bool{}
				for _, s := range []string{a.Title, a.Content} {
					for _, tok := range arabic.Tokenize(s) {
						if tok.Kind != arabic.Word {
							continue
						}
						w := arabic.Normalize(tok.Text)
						if w == "" || arabic.IsStopword(w) {
							continue
						}
						st := arabic.Stem(w)
						if utf8.RuneCountInString(st) < 2 {
							continue
						}
						seen[st] = true
					}
				}
				for st := range seen {
					df[st]++
				}
			}
		}
		zr.Close()
	}
	stems := make([]string, 0, len(df))
	for st, c := range df {
		if c >= minDF {
			stems = append(stems, st)
		}
	}
	sort.Strings(stems)
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "#documents\t%d\n", n)
	for _, st := range stems {
		fmt.Fprintf(w, "%s\t%d\n", st, df[st])
	}
}
