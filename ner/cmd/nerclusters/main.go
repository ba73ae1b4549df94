// Command nerclusters learns the word clusters behind the NER model's
// cluster features from unlabeled Arabic news, deterministically:
//
//	go run ./ner/cmd/nerclusters -corpus /work/shared/data/saudinewsnet -out ner/model/clusters.txt.gz
//
// It reads every *.zip under -corpus (SaudiNewsNet: each holds a JSON
// array of articles with "title" and "content"), plus any plain-text files
// given with -text, tokenizes with arabic.Tokenize, normalizes with
// arabic.Normalize, trains skip-gram word vectors with negative sampling
// (word2vec, Mikolov et al. 2013) on one thread with a fixed seed, and
// clusters the vectors of the words seen at least -min times with k-means
// at several sizes (coarse to fine); -freq adds the word's frequency class
// (floor of log2 of its count) as a last level. The committed
// ner/model/clusters.txt.gz is the output of the command above with the
// defaults (window 5, 100 dimensions, 3 epochs, k 64,256,1024, 15 k-means
// iterations, seed 1); it took 9.5 CPU minutes (31 wall minutes on a
// loaded 2-core machine). The output holds only derived
// statistics (a word and its cluster numbers per line), never corpus text.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"math/bits"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/ner/internal/snncorpus"
)

func main() {
	var (
		corpus   = flag.String("corpus", "/work/shared/data/saudinewsnet", "directory of SaudiNewsNet *.zip files")
		text     = flag.String("text", "", "comma-separated extra plain-text files (one sentence or document per line)")
		out      = flag.String("out", "ner/model/clusters.txt.gz", "output cluster file (.gz: gzipped)")
		vecOut   = flag.String("vectors", "", "also write the word vectors here (for inspection)")
		minCnt   = flag.Int("min", 5, "minimum count of a clustered word")
		dim      = flag.Int("dim", 100, "vector size")
		window   = flag.Int("window", 5, "context window")
		neg      = flag.Int("neg", 5, "negative samples")
		epochs   = flag.Int("epochs", 3, "training epochs")
		ks       = flag.String("k", "64,256,1024", "k-means cluster counts, coarse to fine")
		kmIters  = flag.Int("iters", 15, "k-means iterations")
		seed     = flag.Uint64("seed", 1, "random seed")
		addFreq  = flag.Bool("freq", false, "add the frequency level (floor of log2 of the word's count; measured: no gain)")
		freqOnly = flag.Bool("freqonly", false, "write only the frequency level (no vectors, no k-means)")
		loadVecs = flag.String("loadvectors", "", "read the vectors written by an earlier run with the same corpus and -min (-vectors) instead of training them")
	)
	flag.Parse()
	start := time.Now()
	docs, err := readCorpus(*corpus, *text)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("read %d documents in %s", len(docs), time.Since(start).Round(time.Millisecond))

	v := buildVocab(docs, *minCnt)
	corpusIDs := encode(docs, v)
	docs = nil
	log.Printf("vocabulary %d words (count >= %d), %d tokens", len(v.words), *minCnt, v.total)

	if *freqOnly {
		*epochs, *ks = 0, ""
	}
	var w2v []float32
	if *loadVecs != "" {
		w2v, err = readVectors(*loadVecs, v, *dim)
		if err != nil {
			log.Fatal(err)
		}
	} else {
		w2v = trainVectors(corpusIDs, v, *dim, *window, *neg, *epochs, *seed)
	}
	log.Printf("vectors trained at %s", time.Since(start).Round(time.Millisecond))
	if *vecOut != "" {
		if err := writeVectors(*vecOut, v, w2v, *dim); err != nil {
			log.Fatal(err)
		}
	}

	var levels [][]int
	for _, s := range strings.Split(*ks, ",") {
		if s == "" {
			continue
		}
		k, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || k < 2 || k > 65535 {
			log.Fatalf("bad k %q", s)
		}
		levels = append(levels, kmeans(w2v, len(v.words), *dim, k, *kmIters, *seed))
		log.Printf("k-means k=%d at %s", k, time.Since(start).Round(time.Millisecond))
	}
	if *addFreq {
		// The last level is the word's frequency class, floor(log2(count)):
		// how common a word is in news tells a name from a common word.
		freq := make([]int, len(v.words))
		for i, c := range v.counts {
			freq[i] = bits.Len(uint(c)) - 1
		}
		levels = append(levels, freq)
	}
	if err := writeClusters(*out, v, levels); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s in %s", *out, time.Since(start).Round(time.Millisecond))
}

// readCorpus returns the documents as strings, in a fixed order.
func readCorpus(dir, extra string) ([]string, error) {
	docs, err := snncorpus.Read(dir)
	if err != nil {
		return nil, err
	}
	if extra != "" {
		for _, path := range strings.Split(extra, ",") {
			b, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			docs = append(docs, strings.Split(string(b), "\n")...)
		}
	}
	return docs, nil
}

type vocab struct {
	words  []string
	counts []int
	index  map[string]int32
	total  int
}

// normTokens returns the normalized word and number tokens of a text,
// with punctuation kept as tokens (they are context too).
func normTokens(s string) []string {
	toks := arabic.Tokenize(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		w := arabic.Normalize(t.Text)
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func buildVocab(docs []string, minCount int) *vocab {
	counts := map[string]int{}
	for _, d := range docs {
		for _, w := range normTokens(d) {
			counts[w]++
		}
	}
	v := &vocab{index: map[string]int32{}}
	for w, c := range counts {
		if c >= minCount {
			v.words = append(v.words, w)
		}
	}
	sort.Slice(v.words, func(i, j int) bool {
		a, b := v.words[i], v.words[j]
		if counts[a] != counts[b] {
			return counts[a] > counts[b]
		}
		return a < b
	})
	v.counts = make([]int, len(v.words))
	for i, w := range v.words {
		v.index[w] = int32(i)
		v.counts[i] = counts[w]
	}
	return v
}

// encode maps documents to word ids, dropping out-of-vocabulary words.
func encode(docs []string, v *vocab) [][]int32 {
	out := make([][]int32, 0, len(docs))
	for _, d := range docs {
		var ids []int32
		for _, w := range normTokens(d) {
			if id, ok := v.index[w]; ok {
				ids = append(ids, id)
			}
		}
		v.total += len(ids)
		if len(ids) > 1 {
			out = append(out, ids)
		}
	}
	return out
}

// rng is word2vec's linear congruential generator: cheap and fully
// determined by the seed.
type rng uint64

func (r *rng) next() uint64 {
	*r = *r*25214903917 + 11
	return uint64(*r)
}

const (
	sigTable = 1000
	maxExp   = 6
)

// trainVectors trains skip-gram with negative sampling on one thread.
func trainVectors(docs [][]int32, v *vocab, dim, window, neg, epochs int, seed uint64) []float32 {
	n := len(v.words)
	r := rng(seed)
	syn0 := make([]float32, n*dim)
	syn1 := make([]float32, n*dim)
	for i := range syn0 {
		syn0[i] = (float32(r.next()&0xFFFF)/65536 - 0.5) / float32(dim)
	}
	// Unigram^0.75 table for negative sampling.
	const tableSize = 1e7
	table := make([]int32, tableSize)
	pow := 0.0
	for _, c := range v.counts {
		pow += math.Pow(float64(c), 0.75)
	}
	wi := 0
	d1 := math.Pow(float64(v.counts[0]), 0.75) / pow
	for a := range table {
		table[a] = int32(wi)
		if float64(a)/tableSize > d1 {
			wi++
			if wi >= n {
				wi = n - 1
			}
			d1 += math.Pow(float64(v.counts[wi]), 0.75) / pow
		}
	}
	var expTable [sigTable]float32
	for i := range expTable {
		e := math.Exp((float64(i)/sigTable*2 - 1) * maxExp)
		expTable[i] = float32(e / (e + 1))
	}
	const sample = 1e-4
	keep := make([]float32, n)
	for i, c := range v.counts {
		f := float64(c) / float64(v.total)
		p := (math.Sqrt(f/sample) + 1) * sample / f
		keep[i] = float32(p)
	}
	const alpha0 = 0.025
	totalWork := float64(epochs) * float64(v.total)
	done := 0.0
	neu1e := make([]float32, dim)
	sent := make([]int32, 0, 4096)
	for ep := 0; ep < epochs; ep++ {
		for _, doc := range docs {
			sent = sent[:0]
			for _, id := range doc {
				if keep[id] < 1 && float32(r.next()&0xFFFF)/65536 > keep[id] {
					continue
				}
				sent = append(sent, id)
			}
			done += float64(len(doc))
			alpha := float32(alpha0 * math.Max(1-done/totalWork, 0.0001))
			for pos, word := range sent {
				b := int(r.next() % uint64(window))
				for c := pos - window + b; c <= pos+window-b; c++ {
					if c < 0 || c >= len(sent) || c == pos {
						continue
					}
					ctx := int(sent[c])
					l1 := syn0[ctx*dim : ctx*dim+dim]
					clear(neu1e)
					for d := 0; d <= neg; d++ {
						var target int
						var label float32
						if d == 0 {
							target, label = int(word), 1
						} else {
							target = int(table[(r.next()>>16)%tableSize])
							if target == int(word) {
								continue
							}
						}
						l2 := syn1[target*dim : target*dim+dim]
						var f float32
						for k := range l1 {
							f += l1[k] * l2[k]
						}
						var g float32
						switch {
						case f > maxExp:
							g = (label - 1) * alpha
						case f < -maxExp:
							g = label * alpha
						default:
							g = (label - expTable[int((f+maxExp)*(sigTable/maxExp/2))]) * alpha
						}
						for k := range l1 {
							neu1e[k] += g * l2[k]
						}
						for k := range l1 {
							l2[k] += g * l1[k]
						}
					}
					for k := range l1 {
						l1[k] += neu1e[k]
					}
				}
			}
		}
		log.Printf("epoch %d done", ep+1)
	}
	// Unit-normalize for cosine k-means.
	for i := range n {
		vec := syn0[i*dim : i*dim+dim]
		var s float64
		for _, x := range vec {
			s += float64(x) * float64(x)
		}
		if s > 0 {
			inv := float32(1 / math.Sqrt(s))
			for k := range vec {
				vec[k] *= inv
			}
		}
	}
	return syn0
}

// kmeans clusters the n unit vectors into k groups by spherical k-means.
// Centroids start at the k most frequent words (vocabulary order), so the
// result is deterministic; assignment runs on two goroutines over fixed
// halves, which does not change it.
func kmeans(vecs []float32, n, dim, k, iters int, seed uint64) []int {
	_ = seed
	cent := make([]float32, k*dim)
	// Spread initial centroids over the frequency-ranked vocabulary.
	for c := range k {
		src := (c * n) / k
		copy(cent[c*dim:c*dim+dim], vecs[src*dim:src*dim+dim])
	}
	assign := make([]int, n)
	for it := 0; it < iters; it++ {
		var wg sync.WaitGroup
		parts := 2
		for p := range parts {
			wg.Add(1)
			go func(lo, hi int) {
				defer wg.Done()
				for i := lo; i < hi; i++ {
					v := vecs[i*dim : i*dim+dim]
					best, arg := float32(-2), 0
					for c := range k {
						cv := cent[c*dim : c*dim+dim]
						var s float32
						for j := range v {
							s += v[j] * cv[j]
						}
						if s > best {
							best, arg = s, c
						}
					}
					assign[i] = arg
				}
			}(p*n/parts, (p+1)*n/parts)
		}
		wg.Wait()
		sum := make([]float64, k*dim)
		size := make([]int, k)
		for i := range n {
			c := assign[i]
			size[c]++
			for j := range dim {
				sum[c*dim+j] += float64(vecs[i*dim+j])
			}
		}
		for c := range k {
			if size[c] == 0 {
				continue // keep the old centroid
			}
			var s float64
			for j := range dim {
				s += sum[c*dim+j] * sum[c*dim+j]
			}
			inv := 1 / math.Sqrt(s)
			for j := range dim {
				cent[c*dim+j] = float32(sum[c*dim+j] * inv)
			}
		}
	}
	return assign
}

func create(path string) (io.Writer, func() error, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	bw := bufio.NewWriter(f)
	if !strings.HasSuffix(path, ".gz") {
		return bw, func() error {
			if err := bw.Flush(); err != nil {
				return err
			}
			return f.Close()
		}, nil
	}
	zw, _ := gzip.NewWriterLevel(bw, gzip.BestCompression)
	return zw, func() error {
		if err := zw.Close(); err != nil {
			return err
		}
		if err := bw.Flush(); err != nil {
			return err
		}
		return f.Close()
	}, nil
}

func writeClusters(path string, v *vocab, levels [][]int) error {
	w, closeFn, err := create(path)
	if err != nil {
		return err
	}
	for i, word := range v.words {
		if strings.ContainsAny(word, " \t") {
			continue
		}
		fmt.Fprint(w, word)
		for _, l := range levels {
			fmt.Fprintf(w, " %d", l[i])
		}
		fmt.Fprintln(w)
	}
	return closeFn()
}

func writeVectors(path string, v *vocab, vecs []float32, dim int) error {
	w, closeFn, err := create(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d %d\n", len(v.words), dim)
	for i, word := range v.words {
		fmt.Fprint(w, word)
		for _, x := range vecs[i*dim : i*dim+dim] {
			fmt.Fprintf(w, " %.4f", x)
		}
		fmt.Fprintln(w)
	}
	return closeFn()
}

// readVectors reads a -vectors file back, in vocabulary order. The file
// holds rounded values, so clusters from it can differ slightly from
// those of a full run; use it to try cluster sizes, not for the model.
func readVectors(path string, v *vocab, dim int) ([]float32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	sc.Scan() // header
	out := make([]float32, len(v.words)*dim)
	for i := 0; sc.Scan(); i++ {
		// The word may hold odd spaces; the numbers are the last dim fields.
		fields := strings.Fields(sc.Text())
		if i >= len(v.words) || len(fields) < dim+1 {
			return nil, fmt.Errorf("%s: line %d does not match the vocabulary", path, i+2)
		}
		fields = fields[len(fields)-dim:]
		for d := range dim {
			x, err := strconv.ParseFloat(fields[d], 32)
			if err != nil {
				return nil, err
			}
			out[i*dim+d] = float32(x)
		}
	}
	return out, sc.Err()
}
