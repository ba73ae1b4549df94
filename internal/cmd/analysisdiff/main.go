// Command analysisdiff is how analysis rules are measured on articles they
// were not written from: draw a fixed sample of SaudiNewsNet records, run
// `marsad analyze` over it with the code before and after a change, and
// list what changed, to be read in its text.
//
//	go run ./internal/cmd/analysisdiff sample -skip 4 -n 800 -seed 23 > /tmp/sample.jsonl
//	marsad analyze /tmp/sample.jsonl > /tmp/before.jsonl   # old binary
//	marsad analyze /tmp/sample.jsonl > /tmp/after.jsonl    # new binary
//	go run ./internal/cmd/analysisdiff diff /tmp/before.jsonl /tmp/after.jsonl
//
// sample reads the zips under -corpus in name order, passes over the first
// -skip zips (the ones rules were written from), and writes -n records drawn
// with a fixed seed, as the corpus has them. The corpus is CC BY-NC-SA: the
// sample stays outside the repository. diff prints the totals of each
// file (quotes counted once per span and speaker, those with a named
// speaker, mentions by type) and every entity mention and quote that one
// file has and the other has not.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	log.SetFlags(0)
	if len(os.Args) < 2 {
		log.Fatal("usage: analysisdiff sample [flags] | analysisdiff diff OLD.jsonl NEW.jsonl")
	}
	switch os.Args[1] {
	case "sample":
		fs := flag.NewFlagSet("sample", flag.ExitOnError)
		corpus := fs.String("corpus", "/work/shared/data/saudinewsnet", "directory of SaudiNewsNet *.zip files")
		skip := fs.Int("skip", 4, "zips to pass over, in name order")
		n := fs.Int("n", 800, "records to draw")
		seed := fs.Uint64("seed", 23, "seed of the draw")
		fs.Parse(os.Args[2:])
		if err := sample(os.Stdout, *corpus, *skip, *n, *seed); err != nil {
			log.Fatal(err)
		}
	case "diff":
		if len(os.Args) != 4 {
			log.Fatal("usage: analysisdiff diff OLD.jsonl NEW.jsonl")
		}
		old, err := readAnalyses(os.Args[2])
		if err != nil {
			log.Fatal(err)
		}
		cur, err := readAnalyses(os.Args[3])
		if err != nil {
			log.Fatal(err)
		}
		diff(os.Stdout, old, cur)
	default:
		log.Fatalf("analysisdiff: unknown command %q", os.Args[1])
	}
}

// sample writes n records drawn from the zips under dir after the first
// skip.
func sample(w io.Writer, dir string, skip, n int, seed uint64) error {
	zips, err := filepath.Glob(filepath.Join(dir, "*.zip"))
	if err != nil {
		return err
	}
	sort.Strings(zips)
	if skip > len(zips) {
		skip = len(zips)
	}
	var recs []json.RawMessage
	for _, path := range zips[skip:] {
		r, err := readZip(path)
		if err != nil {
			return err
		}
		recs = append(recs, r...)
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	bw := bufio.NewWriter(w)
	for _, i := range rng.Perm(len(recs))[:min(n, len(recs))] {
		bw.Write(recs[i])
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// readZip returns the records of a SaudiNewsNet zip: each JSON member is
// an array of them.
func readZip(path string) ([]json.RawMessage, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	var out []json.RawMessage
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		var recs []json.RawMessage
		err = json.NewDecoder(rc).Decode(&recs)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		for _, r := range recs {
			var compact bytes.Buffer
			if err := json.Compact(&compact, r); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
			}
			out = append(out, compact.Bytes())
		}
	}
	return out, nil
}
