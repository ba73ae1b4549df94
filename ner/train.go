package ner

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
)

// TrainOptions control Train. The zero value trains with the defaults.
type TrainOptions struct {
	// Epochs over the training data; 0 means DefaultEpochs.
	Epochs int
	// Seed of the shuffle between epochs. Training is deterministic given
	// the data, the options and the clusters.
	Seed int64
	// MinCount drops features seen fewer times in the training data; 0
	// means DefaultMinCount. Rare features cost size and add little.
	MinCount int
	// Clusters is the word-cluster table (see ReadClusters); nil trains
	// without cluster features.
	Clusters *Clusters
	// Gazetteer is the learned gazetteer (see ReadGazetteer); nil trains
	// without gazetteer features.
	Gazetteer *Gazetteer
	// Log, when set, receives one line per epoch.
	Log io.Writer
	// Dev, when set, is tagged after each epoch and its F1 logged.
	Dev []Sentence
	// Stages is 1 for a single tagger, 2 (the default when 0) for a
	// second stage that reads the first stage's tags around each token and
	// across the document (see memory.go).
	Stages int
	// Ensemble is how many perceptrons, each with its own shuffle, are
	// trained per stage and averaged into one; 0 means one. Measured on
	// the dev blocks: 3 gained nothing (76.63 against 76.59) for three
	// times the training time.
	Ensemble int
	// WordDropout is the probability, per token and epoch, of hiding the
	// token's own identity features (word, base, stem, word bigrams), so
	// that the weights also learn what context, affixes and clusters say.
	// Negative means none; 0 means DefaultWordDropout.
	WordDropout float64
	// CRF trains each stage as a linear-chain CRF by averaged stochastic
	// gradient ascent on the log-likelihood instead of the perceptron's
	// mistake-driven updates: the same features, weights and decoding.
	// Measured in gazetteer.go: +0.5 on the test file over four seeds,
	// but on news it drops names the perceptron finds; not the committed
	// model.
	CRF bool
	// LearningRate is the CRF's step size; 0 means DefaultLearningRate.
	LearningRate float64
	// Prune drops, with CRF, the features whose largest weight in
	// magnitude is below this fraction of the model's largest weight: the
	// CRF gives every feature small weights where the perceptron leaves
	// most at zero, and a table twice the size tags 1.5 times slower.
	// 0 means DefaultPrune; negative, none.
	Prune float64
}

// Training defaults, chosen on a held-out tenth of the ANERcorp train split.
const (
	DefaultEpochs      = 12
	DefaultMinCount    = 2
	DefaultWordDropout = 0.1
	DefaultStages      = 2
	// The CRF's step size and pruning, chosen on contiguous tenths 2, 4
	// and 9 of the train split (see gazetteer.go): steps 0.005–0.5 gave
	// 69.82–74.30, pruning at 0.01 kept 74.28 at the perceptron's size,
	// at 0.03 73.74.
	DefaultLearningRate = 0.03
	DefaultPrune        = 0.01
)

// Train learns a model from tagged sentences with the averaged structured
// perceptron (Collins 2002): decode each sentence with the current weights,
// and where the decoded tags differ from the gold ones, move the weights
// toward the gold features. The returned weights are the average over all
// steps, which generalizes much better than the last ones.
func Train(sentences []Sentence, opts TrainOptions) (*Model, error) {
	if len(sentences) == 0 {
		return nil, errors.New("ner: train: no sentences")
	}
	if opts.Epochs <= 0 {
		opts.Epochs = DefaultEpochs
	}
	if opts.MinCount <= 0 {
		opts.MinCount = DefaultMinCount
	}
	if opts.WordDropout == 0 {
		opts.WordDropout = DefaultWordDropout
	}
	if opts.Stages == 0 {
		opts.Stages = DefaultStages
	}
	shell := &Model{}
	if opts.Clusters != nil {
		shell.clusters = opts.Clusters.table
	}
	if opts.Gazetteer != nil {
		shell.gaz = opts.Gazetteer.table
	}
	gold := make([][]uint8, len(sentences))
	infos := make([][]tokInfo, len(sentences))
	for si, s := range sentences {
		if len(s.Tokens) != len(s.Tags) {
			return nil, fmt.Errorf("ner: train: sentence %d has %d tokens but %d tags", si, len(s.Tokens), len(s.Tags))
		}
		gold[si] = make([]uint8, len(s.Tags))
		for i, t := range s.Tags {
			ct, err := canonicalTag(t)
			if err != nil {
				return nil, fmt.Errorf("ner: train: sentence %d token %d: %w", si, i, err)
			}
			k, _ := tagIndex(ct)
			gold[si][i] = uint8(k)
		}
		infos[si] = make([]tokInfo, len(s.Tokens))
		shell.analyze(s.Tokens, infos[si])
	}
	stageOpts := opts
	stageOpts.Dev = nil
	if opts.Stages == 1 {
		return shell.trainStage(infos, gold, opts), nil
	}

	// Jackknife: first-stage tags of each fold from a model trained on
	// the other folds. Folds are contiguous so documents stay whole.
	const folds = 5
	m1 := make([][]uint8, len(sentences))
	t := &tagger{}
	for f := range folds {
		lo, hi := f*len(infos)/folds, (f+1)*len(infos)/folds
		var trInfos [][]tokInfo
		var trGold [][]uint8
		trInfos = append(append(trInfos, infos[:lo]...), infos[hi:]...)
		trGold = append(append(trGold, gold[:lo]...), gold[hi:]...)
		fm := shell.trainStage(trInfos, trGold, stageOpts)
		for s := lo; s < hi; s++ {
			m1[s] = append([]uint8(nil), fm.decode(t, infos[s])...)
		}
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "fold %d/%d done\n", f+1, folds)
		}
	}
	first := shell.trainStage(infos, gold, stageOpts)
	fillMemory(infos, m1)
	second := &Model{clusters: shell.clusters, gaz: shell.gaz, first: first}
	m := second.trainStage(infos, gold, opts)
	return m, nil
}

// trainStage trains the weights of one stage on analyzed sentences. The
// receiver supplies the feature set (clusters, first stage); the result
// shares them.
func (m *Model) trainStage(infos [][]tokInfo, gold [][]uint8, opts TrainOptions) *Model {
	m = &Model{clusters: m.clusters, gaz: m.gaz, first: m.first}
	// Extract every sentence's features once, as row numbers.
	type example struct {
		rows []int32 // features of all tokens, flattened
		ends []int32 // ends[i] = end of token i's features in rows
		lex  []uint8 // lex[i] = how many of token i's first features are lexical
		gold []uint8
	}
	rowOf := map[uint64]int32{}
	var keys []uint64
	var counts []int32
	examples := make([]example, 0, len(infos))
	var feats []uint64
	for si, sent := range infos {
		if len(sent) == 0 {
			continue
		}
		ex := example{gold: gold[si]}
		for i := range sent {
			feats = m.features(sent, i, feats[:0])
			ex.lex = append(ex.lex, numLexical)
			for _, h := range feats {
				r, ok := rowOf[h]
				if !ok {
					r = int32(len(keys))
					rowOf[h] = r
					keys = append(keys, h)
					counts = append(counts, 0)
				}
				counts[r]++
				ex.rows = append(ex.rows, r)
			}
			ex.ends = append(ex.ends, int32(len(ex.rows)))
		}
		examples = append(examples, ex)
	}

	// Drop rare features and renumber the rest in hash order, so that the
	// saved model does not depend on map iteration.
	kept := make([]int32, len(keys))
	order := make([]int32, 0, len(keys))
	for r := range keys {
		kept[r] = -1
		if int(counts[r]) >= opts.MinCount {
			order = append(order, int32(r))
		}
	}
	slices.SortFunc(order, func(a, b int32) int {
		switch {
		case keys[a] < keys[b]:
			return -1
		case keys[a] > keys[b]:
			return 1
		}
		return 0
	})
	newKeys := make([]uint64, len(order))
	for nr, r := range order {
		kept[r] = int32(nr)
		newKeys[nr] = keys[r]
	}
	for e := range examples {
		ex := &examples[e]
		out := ex.rows[:0]
		start := int32(0)
		for i, end := range ex.ends {
			lex := 0
			for j, r := range ex.rows[start:end] {
				if nr := kept[r]; nr >= 0 {
					out = append(out, nr)
					if j < int(ex.lex[i]) {
						lex++
					}
				}
			}
			ex.lex[i] = uint8(lex)
			start = end
			ex.ends[i] = int32(len(out))
		}
		ex.rows = out
	}
	keys = newKeys

	nw := len(keys) * numTags
	runs := max(opts.Ensemble, 1)
	var sumAvg []float64
	var sumTrans [numTags + 1][numTags]float64
	for run := range runs {
		m.weights = make([]float32, nw)
		m.trans = [numTags + 1][numTags]float32{}
		acc := make([]float64, nw) // sum of step * update, for averaging
		var transAcc [numTags + 1][numTags]float64

		step := 1.0
		rng := rand.New(rand.NewPCG(uint64(opts.Seed)+uint64(run)*0x9e3779b97f4a7c15, 0x6e6572))
		perm := make([]int, len(examples))
		for i := range perm {
			perm[i] = i
		}
		t := &tagger{}
		var skip []uint8
		// active returns the feature rows of token i of ex that this step
		// reads: word dropout hides the first skip[i], the lexical ones.
		active := func(ex *example, i int) []int32 {
			start := int32(0)
			if i > 0 {
				start = ex.ends[i-1]
			}
			return ex.rows[start+int32(skip[i]) : ex.ends[i]]
		}
		var emit []float64
		lr := opts.LearningRate
		if lr == 0 {
			lr = DefaultLearningRate
		}
		for epoch := 1; epoch <= opts.Epochs; epoch++ {
			rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
			mistakes, tokens := 0, 0
			for _, e := range perm {
				ex := &examples[e]
				n := len(ex.gold)
				if cap(t.score) < n*numTags {
					t.score = make([]float32, n*numTags)
				}
				t.score = t.score[:n*numTags]
				skip = skip[:0]
				for i := range n {
					k := uint8(0)
					if opts.WordDropout > 0 && rng.Float64() < opts.WordDropout {
						k = ex.lex[i]
					}
					skip = append(skip, k)
				}
				for i := range n {
					s := t.score[i*numTags : (i+1)*numTags]
					clear(s)
					for _, r := range active(ex, i) {
						w := m.weights[int(r)*numTags : int(r)*numTags+numTags]
						for k := range s {
							s[k] += w[k]
						}
					}
				}
				if opts.CRF {
					if cap(emit) < n*numTags {
						emit = make([]float64, n*numTags)
					}
					emit = emit[:n*numTags]
					var tg [numTags + 1][numTags]float64
					m.crfGradient(t, n, ex.gold, emit, &tg)
					for i := range n {
						g := emit[i*numTags : (i+1)*numTags]
						for _, r := range active(ex, i) {
							w := m.weights[int(r)*numTags : int(r)*numTags+numTags]
							a := acc[int(r)*numTags : int(r)*numTags+numTags]
							for k := range numTags {
								d := float32(lr * g[k])
								w[k] += d
								a[k] += step * float64(d)
							}
						}
					}
					for p := range numTags + 1 {
						for c := range numTags {
							d := float32(lr * tg[p][c])
							m.trans[p][c] += d
							transAcc[p][c] += step * float64(d)
						}
					}
					tokens += n
					step++
					continue
				}
				pred := m.viterbi(t, n)
				tokens += n
				update := func(i int, tag uint8, d float32) {
					for _, r := range active(ex, i) {
						j := int(r)*numTags + int(tag)
						m.weights[j] += d
						acc[j] += step * float64(d)
					}
				}
				prevG, prevP := numTags, numTags
				for i := range n {
					g, p := int(ex.gold[i]), int(pred[i])
					if g != p {
						mistakes++
						update(i, uint8(g), 1)
						update(i, uint8(p), -1)
					}
					if g != p || prevG != prevP {
						m.trans[prevG][g]++
						transAcc[prevG][g] += step
						m.trans[prevP][p]--
						transAcc[prevP][p] -= step
					}
					prevG, prevP = g, p
				}
				step++
			}
			if opts.Log != nil {
				msg := fmt.Sprintf("epoch %d: %d features, train token errors %.4f", epoch, len(keys), float64(mistakes)/float64(max(tokens, 1)))
				if opts.CRF {
					msg = fmt.Sprintf("epoch %d: %d features", epoch, len(keys)) // the CRF decodes nothing while it trains
				}
				if len(opts.Dev) > 0 {
					avg := m.averaged(keys, acc, &transAcc, step)
					sc := avg.evaluate(opts.Dev)
					msg += fmt.Sprintf(", dev F1 %.4f", sc.Micro.F1)
				}
				fmt.Fprintln(opts.Log, msg)
			}
		}
		avg, trans := m.averagedFloats(acc, &transAcc, step)
		if sumAvg == nil {
			sumAvg = avg
			sumTrans = trans
		} else {
			for j := range avg {
				sumAvg[j] += avg[j]
			}
			for p := range numTags + 1 {
				for c := range numTags {
					sumTrans[p][c] += trans[p][c]
				}
			}
		}
	}
	// The mean of runs with different shuffles: an ensemble that is still
	// one linear model, so it tags as fast as one run.
	if runs > 1 {
		for j := range sumAvg {
			sumAvg[j] /= float64(runs)
		}
		for p := range numTags + 1 {
			for c := range numTags {
				sumTrans[p][c] /= float64(runs)
			}
		}
	}
	if opts.CRF && opts.Prune == 0 {
		opts.Prune = DefaultPrune
	}
	if opts.CRF && opts.Prune > 0 {
		maxAbs := 0.0
		for _, v := range sumAvg {
			maxAbs = max(maxAbs, math.Abs(v))
		}
		for r := range keys {
			row := sumAvg[r*numTags : (r+1)*numTags]
			big := false
			for _, v := range row {
				big = big || math.Abs(v) >= opts.Prune*maxAbs
			}
			if !big {
				clear(row)
			}
		}
	}
	return m.quantized(keys, sumAvg, &sumTrans)
}

// averaged returns the model with the averaged weights w - acc/step,
// quantized to int16 against the largest magnitude (Save's format, so that
// a trained model and its saved copy are the same), with rows that
// quantize to zero removed.
func (m *Model) averaged(keys []uint64, acc []float64, transAcc *[numTags + 1][numTags]float64, step float64) *Model {
	avg, trans := m.averagedFloats(acc, transAcc, step)
	return m.quantized(keys, avg, &trans)
}

// averagedFloats returns the averaged weights w - acc/step.
func (m *Model) averagedFloats(acc []float64, transAcc *[numTags + 1][numTags]float64, step float64) ([]float64, [numTags + 1][numTags]float64) {
	avg := make([]float64, len(m.weights))
	for j, w := range m.weights {
		avg[j] = float64(w) - acc[j]/step
	}
	var trans [numTags + 1][numTags]float64
	for p := range numTags + 1 {
		for c := range numTags {
			trans[p][c] = float64(m.trans[p][c]) - transAcc[p][c]/step
		}
	}
	return avg, trans
}

// quantized returns the model with weights avg and transitions trans,
// quantized (see averaged).
func (m *Model) quantized(keys []uint64, avg []float64, trans *[numTags + 1][numTags]float64) *Model {
	out := &Model{clusters: m.clusters, gaz: m.gaz, first: m.first}
	maxAbs := 0.0
	for _, v := range avg {
		maxAbs = max(maxAbs, math.Abs(v))
	}
	for p := range numTags + 1 {
		for c := range numTags {
			maxAbs = max(maxAbs, math.Abs(trans[p][c]))
		}
	}
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	q := func(v float64) int16 { return int16(math.Round(v / float64(scale))) }
	var outKeys []uint64
	var rows [][numTags]int16
	for r, h := range keys {
		var row [numTags]int16
		nonzero := false
		for k := range numTags {
			row[k] = q(avg[r*numTags+k])
			nonzero = nonzero || row[k] != 0
		}
		if nonzero {
			outKeys = append(outKeys, h)
			rows = append(rows, row)
		}
	}
	for p := range numTags + 1 {
		for c := range numTags {
			out.trans[p][c] = float32(q(trans[p][c]))
		}
	}
	out.scale = scale
	out.buildTable(outKeys, rows)
	return out
}

// evaluate tags the sentences and scores them against their tags.
func (m *Model) evaluate(sentences []Sentence) Score {
	gold := make([][]string, len(sentences))
	toks := make([][]string, len(sentences))
	for i, s := range sentences {
		gold[i] = s.Tags
		toks[i] = s.Tokens
	}
	return Evaluate(gold, m.TagSentences(toks))
}
