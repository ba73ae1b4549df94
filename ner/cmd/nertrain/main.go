// Command nertrain trains marsad's NER model deterministically and writes
// it where the ner package embeds it. Run from the repository root:
//
//	go run ./ner/cmd/nertrain
//
// It reads ner/data (the ANERcorp CAMeL train split and test file),
// ner/model/clusters.txt.gz and ner/model/gazetteer.txt.gz, writes
// ner/model/ner.model.gz and prints the conlleval report on the test file.
// With the defaults it reproduces the committed model byte for byte (about
// a minute on one core; training is single-threaded). With -dev it instead
// holds out every tenth block of 50 sentences of the train split (the
// tenths named by -blocks, each in turn, pooled) and reports on them: all
// tuning was done that way, e.g.
//
//	go run ./ner/cmd/nergazetteer -dev 1,5,9 -out /tmp/gaz.txt.gz -places ""
//	go run ./ner/cmd/nertrain -dev -blocks 1,5,9 -gazetteer /tmp/gaz.txt.gz
//
// With -contiguous the tenths are runs of consecutive sentences instead.
// They share fewer names with the rest of the split, as the test file
// does, and track it better (ner.SplitTenths); prefer them from session 9
// on:
//
//	go run ./ner/cmd/nergazetteer -dev 2,4,9 -contiguous -out /tmp/gaz.txt.gz -places ""
//	go run ./ner/cmd/nertrain -dev -contiguous -blocks 2,4,9 -gazetteer /tmp/gaz.txt.gz
//
// -crf trains each stage as a linear-chain CRF instead of the averaged
// perceptron (measured in ner/gazetteer.go; not the committed model). The
// test file is for reporting only.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-news/marsad/ner"
)

func main() {
	var (
		train    = flag.String("train", "ner/data/camel_train_sentences_DERIVED.csv", "training CSV (CAMeL ANERcorp split)")
		test     = flag.String("test", "ner/data/ANERCorp_CamelLab_test.txt", "test file (CoNLL), reported on only")
		clusters = flag.String("clusters", "ner/model/clusters.txt.gz", "word clusters (empty: none)")
		out      = flag.String("out", "ner/model/ner.model.gz", "model output (empty: don't write)")
		dev      = flag.Bool("dev", false, "hold out the last tenth of train and report on it instead of the test file")
		epochs   = flag.Int("epochs", 0, "epochs (0: default)")
		minCount = flag.Int("mincount", 0, "feature count cutoff (0: default)")
		seed     = flag.Int64("seed", 1, "shuffle seed")
		verbose  = flag.Bool("v", false, "log every epoch")
		dropout  = flag.Float64("dropout", 0, "word dropout (0: default, <0: none)")
		stages   = flag.Int("stages", 0, "1: one tagger; 2: add the document-memory stage (0: default)")
		gaz      = flag.String("gazetteer", "ner/model/"+ner.GazetteerFile, "learned gazetteer (empty: none)")
		ensemble = flag.Int("ensemble", 0, "perceptrons averaged per stage (0: default)")
		blocks   = flag.String("blocks", "9", "with -dev: the held-out tenths (comma-separated, 0-9); several are cross-validated and pooled")
		pred     = flag.String("pred", "", "with -dev: write token, gold and predicted tags here")
		crf      = flag.Bool("crf", false, "train each stage as a CRF (averaged SGD) instead of the averaged perceptron (not the committed model)")
		lr       = flag.Float64("lr", 0, "with -crf: step size (0: ner.DefaultLearningRate)")
		prune    = flag.Float64("prune", 0, "with -crf: drop features whose weights are all below this fraction of the largest (0: ner.DefaultPrune, <0: none)")
		contig   = flag.Bool("contiguous", false, "with -dev: hold out contiguous tenths of the split instead of interleaved blocks of 50 sentences (see ner.SplitTenths)")
	)
	flag.Parse()
	start := time.Now()
	opts := ner.TrainOptions{Epochs: *epochs, Seed: *seed, MinCount: *minCount, WordDropout: *dropout, Stages: *stages, Ensemble: *ensemble, CRF: *crf, LearningRate: *lr, Prune: *prune}
	if *clusters != "" {
		c, err := ner.ReadClustersFile(*clusters)
		if err != nil {
			log.Fatal(err)
		}
		opts.Clusters = c
	}
	if *gaz != "" {
		g, err := ner.ReadGazetteerFile(*gaz)
		if err != nil {
			log.Fatal(err)
		}
		opts.Gazetteer = g
	}
	if *dev {
		var gold, got [][]string
		var toks [][]string
		for _, b := range strings.Split(*blocks, ",") {
			block, err := strconv.Atoi(b)
			if err != nil {
				log.Fatal(err)
			}
			m, eval, err := runDev(*train, block, *contig, *verbose, opts)
			if err != nil {
				log.Fatal(err)
			}
			tt := make([][]string, len(eval))
			for i, s := range eval {
				tt[i] = s.Tokens
				gold = append(gold, s.Tags)
			}
			got = append(got, m.TagSentences(tt)...)
			toks = append(toks, tt...)
			fmt.Printf("block %d: micro F1 %.4f\n", block, ner.Evaluate(gold[len(gold)-len(eval):], got[len(got)-len(eval):]).Micro.F1)
		}
		fmt.Printf("trained in %s\n", time.Since(start).Round(time.Millisecond))
		ner.Evaluate(gold, got).WriteReport(os.Stdout)
		if *pred != "" {
			var b strings.Builder
			for s := range toks {
				for i := range toks[s] {
					fmt.Fprintf(&b, "%s\t%s\t%s\n", toks[s][i], gold[s][i], got[s][i])
				}
				b.WriteString("\n")
			}
			if err := os.WriteFile(*pred, []byte(b.String()), 0o644); err != nil {
				log.Fatal(err)
			}
		}
		return
	}
	m, report, err := run(*train, *test, *dev, *verbose, opts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("trained in %s\n", time.Since(start).Round(time.Millisecond))
	report(os.Stdout)
	if *out != "" && !*dev {
		f, err := os.Create(*out)
		if err != nil {
			log.Fatal(err)
		}
		if err := m.Save(f); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
		st, _ := os.Stat(*out)
		fmt.Printf("wrote %s (%d bytes)\n", *out, st.Size())
	}
}

// runDev trains on the train split without its tenth numbered block
// (interleaved or contiguous, see ner.SplitTenths) and returns the model
// and that tenth's sentences.
func runDev(trainPath string, block int, contiguous, verbose bool, opts ner.TrainOptions) (*ner.Model, []ner.Sentence, error) {
	sents, err := ner.ReadCamelCSVFile(trainPath)
	if err != nil {
		return nil, nil, err
	}
	train, eval := ner.SplitTenths(sents, []int{block}, contiguous)
	if verbose {
		opts.Log = os.Stderr
		opts.Dev = eval
	}
	m, err := ner.Train(ner.RestoreFinalPeriods(train), opts)
	return m, eval, err
}

func run(trainPath, testPath string, dev, verbose bool, opts ner.TrainOptions) (*ner.Model, func(io.Writer), error) {
	sents, err := ner.ReadCamelCSVFile(trainPath)
	if err != nil {
		return nil, nil, err
	}
	var eval []ner.Sentence
	if dev {
		// Every tenth block of 50 sentences: the dev set spans the corpus
		// (ANERcorp's last tenth is mostly sport and cars) while keeping
		// most documents whole on one side.
		var train []ner.Sentence
		for i, s := range sents {
			if (i/50)%10 == 9 {
				eval = append(eval, s)
			} else {
				train = append(train, s)
			}
		}
		sents = train
	} else {
		eval, err = ner.ReadCoNLLFile(testPath)
		if err != nil {
			return nil, nil, err
		}
	}
	if verbose {
		opts.Log = os.Stderr
		opts.Dev = eval
		if !dev {
			opts.Dev = nil // never look at the test file while training
		}
	}
	m, err := ner.Train(ner.RestoreFinalPeriods(sents), opts)
	if err != nil {
		return nil, nil, err
	}
	score := m.EvaluateSentences(eval)
	return m, score.WriteReport, nil
}
