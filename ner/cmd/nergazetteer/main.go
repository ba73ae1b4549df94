// Command nergazetteer learns the NER model's gazetteer (see
// ner/gazetteer.go) from unlabeled Arabic news, deterministically:
//
//	go run ./ner/cmd/nergazetteer -corpus /work/shared/data/saudinewsnet -out ner/model/gazetteer.txt.gz
//
// It trains a one-stage tagger on the ANERcorp CAMeL train split (seed 1,
// the default word dropout, the clusters of ner/model), tags every article
// (title and content) of the SaudiNewsNet zips under -corpus as the
// pipeline cuts them into sentences, and counts, for each normalized
// clitic-free base of two letters or more seen at least -min times, how
// often it came out outside any entity and inside PER, LOC, ORG and MISC
// spans. The committed ner/model/gazetteer.txt.gz is the output of the
// command above with the defaults (about one CPU minute). The output holds
// only those counts (a base and five numbers per line, sorted by base),
// never corpus text; it is a pure function of the inputs (the counts are
// sums, so the tagging workers do not change them). After regenerating it,
// retrain the model (marsad train ner reads it beside the clusters).
//
// The same run writes -places (ner/model/places.txt by default): the bases
// that follow a place word in construct state often enough to be place
// names (cues.go), which the analysis pipeline's attested-places rule
// embeds. The committed file is the output of the command above too, and
// needs no retraining.
//
// -dev trains the counting tagger without the held-out blocks of
// nertrain -dev -blocks (with -contiguous, of nertrain -dev -contiguous),
// for honest measurements on them; pass -places "" with it, so that the
// committed places.txt is not overwritten by one counted without them.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/ner"
	"github.com/marsad-news/marsad/ner/internal/snncorpus"
)

func main() {
	var (
		train    = flag.String("train", "ner/data/camel_train_sentences_DERIVED.csv", "training CSV (CAMeL ANERcorp split)")
		clusters = flag.String("clusters", "ner/model/clusters.txt.gz", "word clusters")
		corpus   = flag.String("corpus", "/work/shared/data/saudinewsnet", "directory of SaudiNewsNet *.zip files")
		out      = flag.String("out", "ner/model/gazetteer.txt.gz", "output (.gz: gzipped)")
		minCount = flag.Int("min", 3, "fewest occurrences of a written base")
		workers  = flag.Int("workers", 2, "tagging goroutines")
		maxDocs  = flag.Int("docs", 0, "tag at most this many articles (0: all)")
		rounds   = flag.Int("rounds", 1, "self-training rounds: round n>1 counts with a tagger that reads round n-1's gazetteer (2 measured worse)")
		stages   = flag.Int("stages", 1, "stages of the tagger (1 or 2, see ner.TrainOptions)")
		context  = flag.Bool("contextonly", false, "train the tagger without the word's own identity features (word dropout 1; measured worse)")
		places   = flag.String("places", "ner/model/"+ner.PlacesFile, "output of the places that place words attest (cues.go; empty: none)")
		dev      = flag.String("dev", "", "train the tagger without these held-out tenths of nertrain -dev -blocks (comma-separated), for honest dev measurements")
		contig   = flag.Bool("contiguous", false, "with -dev: the tenths are contiguous, as with nertrain -dev -contiguous")
	)
	flag.Parse()
	start := time.Now()
	sents, err := ner.ReadCamelCSVFile(*train)
	if err != nil {
		log.Fatal(err)
	}
	if *dev != "" {
		var tenths []int
		for _, f := range strings.Split(*dev, ",") {
			t, err := strconv.Atoi(f)
			if err != nil {
				log.Fatalf("-dev %q: %v", *dev, err)
			}
			tenths = append(tenths, t)
		}
		sents, _ = ner.SplitTenths(sents, tenths, *contig)
	}
	c, err := ner.ReadClustersFile(*clusters)
	if err != nil {
		log.Fatal(err)
	}
	docs, err := readCorpus(*corpus)
	if err != nil {
		log.Fatal(err)
	}
	if *maxDocs > 0 && len(docs) > *maxDocs {
		docs = docs[:*maxDocs]
	}
	log.Printf("read %d articles", len(docs))

	var gaz *ner.Gazetteer
	var counts map[string]*[5]uint32
	var defs, cues map[string]uint32
	for round := 1; round <= *rounds; round++ {
		if round > 1 {
			var buf bytes.Buffer
			writeCounts(&buf, counts, *minCount)
			gaz, err = ner.ReadGazetteer(&buf)
			if err != nil {
				log.Fatal(err)
			}
		}
		counts, defs, cues = countTypes(sents, c, gaz, docs, *stages, *context, *workers)
		log.Printf("round %d done in %s; %d bases", round, time.Since(start).Round(time.Millisecond), len(counts))
	}
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(*out, ".gz") {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestCompression)
		w = zw
	}
	n, err := writeCounts(w, counts, *minCount)
	if err != nil {
		log.Fatal(err)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			log.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d bases to %s in %s", n, *out, time.Since(start).Round(time.Millisecond))
	if *places != "" {
		var b bytes.Buffer
		n := writePlaces(&b, counts, defs, cues)
		if err := os.WriteFile(*places, b.Bytes(), 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %d attested places to %s", n, *places)
	}
}

// countTypes trains a tagger on sents (with the gazetteer gaz, when not
// nil) and counts the types it gives each base in docs, and how often each
// base followed a place word (placeCues). The occurrences and the cues of
// definite forms are also counted apart, under ner.DefiniteKey+base (defs
// and cues); the gazetteer never reads them.
func countTypes(sents []ner.Sentence, c *ner.Clusters, gaz *ner.Gazetteer, docs []string, stages int, context bool, workers int) (counts map[string]*[5]uint32, defs, cues map[string]uint32) {
	start := time.Now()
	opts := ner.TrainOptions{Seed: 1, WordDropout: 1, Stages: stages, Clusters: c}
	if !context {
		opts.WordDropout = 0
	}
	if gaz != nil {
		opts.Gazetteer = gaz
	}
	m, err := ner.Train(ner.RestoreFinalPeriods(sents), opts)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("trained the tagger in %s", time.Since(start).Round(time.Millisecond))

	types := map[string]int{"O": 0, "PER": 1, "LOC": 2, "ORG": 3, "MISC": 4}
	counts = map[string]*[5]uint32{}
	cues = map[string]uint32{}
	defs = map[string]uint32{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan string)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := map[string]*[5]uint32{}
			localCues := map[string]uint32{}
			localDef := map[string]uint32{}
			for text := range next {
				toks := arabic.Tokenize(text)
				var words [][]string
				for _, s := range arabic.Sentences(text, toks) {
					ws := make([]string, 0, s.To-s.From)
					for _, t := range toks[s.From:s.To] {
						ws = append(ws, t.Text)
					}
					words = append(words, ws)
				}
				var cued []bool
				for s, tags := range m.TagSentences(words) {
					cued = placeCues(words[s], cued)
					for i, tag := range tags {
						cl := arabic.SplitClitics(arabic.Normalize(words[s][i]))
						base := cl.Base
						if !keep(base) {
							continue
						}
						typ := "O"
						if tag != "O" {
							typ = tag[2:]
						}
						c := local[base]
						if c == nil {
							c = new([5]uint32)
							local[base] = c
						}
						c[types[typ]]++
						if cued[i] {
							localCues[base]++
						}
						if ner.Definite(cl.Prefix) {
							// Counted apart too: the definite form may be a
							// place where the bare base is a common word
							// (الخرج, the verb خرج).
							localDef[ner.DefiniteKey+base]++
							if cued[i] {
								localCues[ner.DefiniteKey+base]++
							}
						}
					}
				}
			}
			mu.Lock()
			for b, c := range local {
				g := counts[b]
				if g == nil {
					g = new([5]uint32)
					counts[b] = g
				}
				for t := range c {
					g[t] += c[t]
				}
			}
			for b, k := range localCues {
				cues[b] += k
			}
			for b, k := range localDef {
				defs[b] += k
			}
			mu.Unlock()
		}()
	}
	for _, d := range docs {
		next <- d
	}
	close(next)
	wg.Wait()
	log.Printf("tagged in %s; %d bases", time.Since(start).Round(time.Millisecond), len(counts))
	return counts, defs, cues
}

// writeCounts writes the bases seen at least minCount times, sorted, and
// returns how many.
func writeCounts(out io.Writer, counts map[string]*[5]uint32, minCount int) (int, error) {
	bases := make([]string, 0, len(counts))
	for b, c := range counts {
		n := uint32(0)
		for _, v := range c {
			n += v
		}
		if int(n) >= minCount {
			bases = append(bases, b)
		}
	}
	sort.Strings(bases)
	w := bufio.NewWriter(out)
	for _, b := range bases {
		c := counts[b]
		fmt.Fprintf(w, "%s\t%d %d %d %d %d\n", b, c[0], c[1], c[2], c[3], c[4])
	}
	return len(bases), w.Flush()
}

// keep says whether a base is worth a line: two letters or more, letters
// only (punctuation and numbers are never names by themselves).
func keep(base string) bool {
	if utf8.RuneCountInString(base) < 2 {
		return false
	}
	for _, r := range base {
		if !arabic.IsArabicLetter(r) && !('a' <= r && r <= 'z') && !('A' <= r && r <= 'Z') {
			return false
		}
	}
	return true
}

// readCorpus returns the title and content of every article of the
// SaudiNewsNet zips under dir, in file order.
func readCorpus(dir string) ([]string, error) {
	docs, err := snncorpus.Read(dir)
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no articles under %s", dir)
	}
	return docs, nil
}
