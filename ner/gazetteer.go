package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/marsad-news/marsad/arabic"
)

// A learned gazetteer. ANERcorp's train split is small (about 130k
// tokens): most names of a news article were never seen in it. A large
// unlabeled corpus has seen them, many times, in many contexts. Tagging
// that corpus with a one-stage tagger trained on the train split (see
// cmd/nergazetteer) and counting, for each clitic-free base, how often it
// came out inside each entity type gives a distant-supervision prior:
// "سلمان is inside a PER span in 72% of 5,200 occurrences". One clear
// context somewhere in 8.8M words speaks for the thousand unclear ones.
//
// Measured on held-out tenths of the train split (three blocks of 50
// sentences in ten, pooled; the gazetteer tagger trained without those
// blocks), over three shuffle seeds: micro F1 76.05 → 76.87 on average,
// better with every seed. A context-only counting tagger (word dropout 1,
// so that a train word's prior does not echo its gold labels) did worse
// (75.49), as did pairing the neighbours' priors (74.5), counting with
// the two-stage tagger (76.18), adding counts of whole words, clitics
// included (−0.17 on two seeds), a second round of counting with a tagger
// that reads the first round's gazetteer (76.25, 75.98 against 76.59,
// 77.41), the share of span continuations (76.36, 76.34) and requiring 10
// occurrences instead of 3 (76.38, 76.16). In session 3, clusters of
// word vectors learned over the clitic-free bases (structured skip-gram,
// window 2, k 64/256/1024) as extra features: 77.88 against 78.00 on
// seeds 1–3 of the same dev blocks, +0.25 over nine seeds but not better
// on every seed (the existing clusters are already skip-gram vectors over
// whole words, k-means at three granularities), so not landed. In session
// 4 (branch ner-bioes-experiment): BIOES tags inside the tagger gave
// 79.24/78.67/79.21 against 77.80/77.97/78.22 on seeds 1–3, and a Hamming
// cost in training (margin perceptron, cost 100) on top 79.75/79.60/79.93;
// self-training on confidently tagged SaudiNewsNet sentences added nothing
// (79.03 mean). Not landed: BIOES costs 20% of the tagger's speed (37%
// with the cost, whose model keeps more features), and the seeds' entity
// types fell from 110 to 106 of 120 (104 with the cost), mostly common-word
// towns in one list (البيضاء، المرج). In session 5 a decode-time bias
// against O (a constant taken from every token's O score, to trade the
// model's precision for recall): +0.1 to +0.3 on the dev blocks of seeds 1
// and 2 at 1,000–3,000 quantized units, +0.2 on the test file at 2,000;
// too little to carry a knob. In session 6, with dev gazetteers rebuilt
// without blocks 1, 5, 9 (seeds 1–3: 76.59/77.41/76.62 as committed):
// BIOES again, +0.55 alone and 78.80/78.57/78.53 with a Hamming cost of
// 100 in training (costs 3–300 tried on seeds 1–2, 100 best), 73.40 on
// the test file (72.58), but 1.4–2.6× the tagging time per token and
// +12% of the whole analysis per article (the per-word cache entries and
// the model's hash table double), and 108 of 120 seed entities (105 with
// a feature count cutoff of 3, which keeps the table small). The Hamming
// cost with BIO tags: +0.7 on dev (77.68 at cutoff 2, 77.72 at 3), at
// the same speed, but 72.79 and 73.88 on the test file at the two
// cutoffs (within the noise of a retrain), and on 800 SaudiNewsNet
// records it moved the most frequent organisation, داعش, from ORG (31
// of 45 mentions) to LOC (27 of 44) and split names like سلمان بن
// عبدالعزيز آل سعود: not landed. Character trigrams of the base as
// features (for transliterated names): 76.16/77.01, worse. In session 8,
// counts of the cues that point at a word across the corpus (a person's
// title before it, a place word or an organisation's kind in construct
// state) as gazetteer columns and features: 77.29/75.68/76.48 on seeds
// 1–3 against 76.88/77.69/76.83, worse with place cues alone too; and
// moving the untagged counts of the bases place words attest to the place
// column (cmd/nergazetteer/cues.go): 76.43 against 76.89 over nine seeds,
// seven of them worse. Those bases serve a rule step instead (places.go).
//
// In session 9 the dev blocks themselves were found to flatter: 56% of
// the entity spans of interleaved tenths 1, 5 and 9 are spelled as some
// span of the rest of the split, against 42% for the test file and 40–48%
// for contiguous tenths 2, 4 and 9 (SplitTenths). On those contiguous
// tenths (nertrain -dev -contiguous -blocks 2,4,9, gazetteer rebuilt with
// nergazetteer -dev 2,4,9 -contiguous) the committed recipe scores
// 72.37/72.74/72.75/73.10 on seeds 1–4, close to the test file's 73.05, with
// the test file's profile by type (ORG and MISC recall under 50%). There,
// the gazetteer is worth +0.1 (72.63 without it) and the clusters +2.4
// (70.34 without them); word dropout 0.3 or 0.5, a feature cutoff of 1 or
// 4, 6 or 20 epochs and one stage move the mean by −1.8 to +0.4. Training
// each stage as a linear-chain CRF (averaged SGD, TrainOptions.CRF; step
// 0.03 chosen from 0.005–0.5) gave 74.40/74.57/73.90/74.32 (+1.56, better
// on every tenth), but 77.21/77.54 against 76.88/77.69 on the interleaved
// tenths. Unpruned it is twice the size (6.3 MB: the CRF moves every
// feature's weights, where the perceptron leaves most at zero) and tags
// 1.5 times slower; pruning the features whose weights all stay under
// 1% of the largest (TrainOptions.Prune) keeps 74.28 on the contiguous
// tenths at the perceptron's size (3.0 MB) and speed (BenchmarkTag and
// BenchmarkTagSaudiNewsNet alternated three times: within the noise).
// Retrained on the whole split with seeds 1–4, the pruned CRF scores
// 73.05/73.37/73.33/72.88 on the test file (mean 73.16; precision about
// 80.9, recall 66.8) against the perceptron's 73.05/72.42/72.64/72.44
// (72.64): half a point. Not the committed model: on 800 SaudiNewsNet
// records (seed 23) it changed about 1,400 of 11,000 mentions, adding
// about as many good ones as it dropped (الرباط، القصيم، كارتر، المملكة
// العربية السعودية went), and in «مليشيات حفتر» it typed the person as an
// organisation, which splits Haftar across the seeds. Clusters from a
// second skip-gram run with window 2 (k 1024) as a fourth level: 74.42
// against 74.30 with the CRF, not landed. Clusters over the words seen 3
// times or more (121,451 words) instead of 5 (88,775), with the
// perceptron: 73.44 with the dev gazetteer counted with the committed
// clusters, but 72.67 with one counted with the new ones, against 72.74:
// no gain. In session 10, pairs of a neighbour's word with the current
// word's cluster and of neighbouring clusters (p1 word × cluster, cluster
// × n1 word, p1 × current and current × n1 clusters, at the 256-cluster
// level) as features of every stage: 72.77/73.19/72.54/72.83 on seeds 1–4
// of the contiguous tenths (mean 72.83 against 72.74; two seeds better,
// two worse), and 72.98/73.10/73.09/72.33 with the 1,024-cluster level
// (72.875): inside the noise, for four more lookups per token; not landed.

// GazetteerFile is the name of the learned gazetteer beside the clusters
// in ner/model (see TrainFiles and cmd/nergazetteer).
const GazetteerFile = "gazetteer.txt.gz"

// Gazetteer is the table of corpus counts by base.
type Gazetteer struct {
	table *gazTable
}

// gazTable maps the hash of a normalized clitic-free base to how often a
// tagger put it outside any entity (column 0) and inside PER, LOC, ORG,
// MISC spans (columns 1–4).
type gazTable struct {
	words map[uint64][numTypes]uint32
}

// Len returns the number of bases.
func (g *Gazetteer) Len() int { return len(g.table.words) }

// ReadGazetteer reads a gazetteer file: one base per line followed by its
// five counts (O PER LOC ORG MISC), separated by tabs or spaces. Bases are
// normalized with arabic.Normalize.
func ReadGazetteer(r io.Reader) (*Gazetteer, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	t := &gazTable{words: map[uint64][numTypes]uint32{}}
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) != numTypes+1 {
			return nil, fmt.Errorf("ner: gazetteer line %d: want a base and %d counts, got %d fields", line, numTypes, len(f))
		}
		var c [numTypes]uint32
		for i, s := range f[1:] {
			v, err := strconv.ParseUint(s, 10, 32)
			if err != nil {
				return nil, fmt.Errorf("ner: gazetteer line %d: %w", line, err)
			}
			c[i] = uint32(v)
		}
		t.words[hashString(arabic.Normalize(f[0]))] = c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: gazetteer line %d: %w", line+1, err)
	}
	if len(t.words) == 0 {
		return nil, errors.New("ner: gazetteer: empty file")
	}
	return &Gazetteer{table: t}, nil
}

// ReadGazetteerFile reads a gazetteer file, gzipped when its name ends in
// .gz.
func ReadGazetteerFile(path string) (*Gazetteer, error) {
	return readFile(path, ReadGazetteer)
}

// gazInfo is what the features read of a token's gazetteer counts.
type gazInfo struct {
	known bool
	count uint8           // bucket of the number of occurrences
	share [numTypes]uint8 // bucket of each type's share (column 0 unused)
	dom   uint8           // the most frequent entity type, 0 when none
}

// gazCountBucket buckets a number of corpus occurrences.
func gazCountBucket(n uint32) uint8 {
	switch {
	case n < 10:
		return 1
	case n < 100:
		return 2
	case n < 1000:
		return 3
	}
	return 4
}

// gazShareBucket buckets a share c/n: 0 below 5%, then 5–20%, 20–50%,
// 50–80%, 80% and up.
func gazShareBucket(c, n uint32) uint8 {
	switch {
	case 20*c < n:
		return 0
	case 5*c < n:
		return 1
	case 2*c < n:
		return 2
	case 5*c < 4*n:
		return 3
	}
	return 4
}

// gazCounts returns the learned gazetteer's counts of a word's base (O,
// PER, LOC, ORG, MISC), their sum, and whether the gazetteer has it.
func (m *Model) gazCounts(w string) (c [numTypes]uint32, total uint32, ok bool) {
	if m.gaz == nil {
		return c, 0, false
	}
	c, ok = m.gaz.words[m.analyzeToken(w).base]
	for _, k := range c {
		total += k
	}
	return c, total, ok
}

// gazMinCount is the fewest occurrences that make a prior.
const gazMinCount = 3

// lookup returns the gazetteer information of a base.
func (g *gazTable) lookup(base uint64) gazInfo {
	c, ok := g.words[base]
	if !ok {
		return gazInfo{}
	}
	n := uint32(0)
	for _, v := range c {
		n += v
	}
	if n < gazMinCount {
		return gazInfo{}
	}
	gi := gazInfo{known: true, count: gazCountBucket(n)}
	best := uint32(0)
	for t := 1; t < numTypes; t++ {
		gi.share[t] = gazShareBucket(c[t], n)
		if c[t] > best && gi.share[t] > 0 {
			best, gi.dom = c[t], uint8(t)
		}
	}
	return gi
}

// gazFeatures appends the gazetteer features of token ti in role p
// (partCur, partP1, partN1).
func gazFeatures(ti *tokInfo, p int, dst []uint64) []uint64 {
	g := &ti.gaz
	switch p {
	case partCur:
		if !g.known {
			return feat(dst, tGaz, 0)
		}
		for t := 1; t < numTypes; t++ {
			if g.share[t] > 0 {
				dst = feat(dst, tGaz, 1, uint64(t), uint64(g.share[t]))
				dst = feat(dst, tGaz, 2, uint64(t), uint64(g.share[t]), uint64(g.count))
			}
		}
		if g.dom == 0 {
			dst = feat(dst, tGaz, 3, uint64(g.count))
		}
	case partP1, partN1:
		if g.known {
			dst = feat(dst, tGaz, 4+uint64(p), uint64(g.dom), uint64(g.share[g.dom]))
		}
	}
	return dst
}
