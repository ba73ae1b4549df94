//go:build ignore

// genlexicon writes lexicon.txt.gz: the normalized word forms of the
// openly licensed corpora marsad ships or cites (ANERcorp train, CC BY-SA 4.0;
// ANS stance/claim train, Apache-2.0; Wojood sample train, MIT). Run from the
// repository root:
//
//	go run arabic/genlexicon.go ANERCORP_TRAIN.csv ANS_DIR WOJOOD_TRAIN.txt | gzip -n -9 > arabic/lexicon.txt.gz
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/marsad-news/marsad/arabic"
)

func main() {
	seen := map[string]bool{}
	add := func(text string) {
		for _, t := range arabic.Tokenize(text) {
			if t.Kind == arabic.Word {
				seen[arabic.Normalize(t.Text)] = true
			}
		}
	}
	readCSV := func(path string) {
		f, err := os.Open(path)
		if err != nil {
			panic(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			panic(fmt.Errorf("%s: %w", path, err))
		}
		for _, rec := range recs[1:] {
			for _, field := range rec {
				add(field)
			}
		}
	}
	readCSV(os.Args[1])
	for _, p := range []string{"claim/train.csv", "stance/train.csv"} {
		readCSV(filepath.Join(os.Args[2], p))
	}
	f, err := os.Open(os.Args[3])
	if err != nil {
		panic(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if fs := strings.Fields(sc.Text()); len(fs) > 0 {
			add(fs[0])
		}
	}
	ws := make([]string, 0, len(seen))
	for w := range seen {
		ws = append(ws, w)
	}
	sort.Strings(ws)
	for _, w := range ws {
		fmt.Println(w)
	}
}
