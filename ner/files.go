package ner

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ReadCoNLLFile reads a CoNLL file (see ReadCoNLL).
func ReadCoNLLFile(path string) ([]Sentence, error) {
	return readFile(path, ReadCoNLL)
}

// ReadCamelCSVFile reads a CAMeL CSV file (see ReadCamelCSV).
func ReadCamelCSVFile(path string) ([]Sentence, error) {
	return readFile(path, ReadCamelCSV)
}

// ReadClustersFile reads a cluster file, gzipped when its name ends in .gz.
func ReadClustersFile(path string) (*Clusters, error) {
	return readFile(path, ReadClusters)
}

func readFile[T any](path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return zero, fmt.Errorf("%s: %w", path, err)
		}
		r = zr
	}
	v, err := read(r)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// RestoreFinalPeriods appends the sentence-final "." (tagged O) that the
// CSV republication of the CAMeL train split stripped (see
// data/LICENSE-DATA.md): the test split and real text, as arabic.Sentences
// cuts it, keep it, and a model should see sentence ends as it will meet
// them. Sentences that already end in punctuation are left alone.
func RestoreFinalPeriods(sents []Sentence) []Sentence {
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		out[i] = s
		if n := len(s.Tokens); n > 0 && !isPunctToken(s.Tokens[n-1]) {
			out[i].Tokens = append(s.Tokens[:n:n], ".")
			out[i].Tags = append(s.Tags[:n:n], "O")
		}
	}
	return out
}

func isPunctToken(t string) bool {
	switch t {
	case ".", "!", "?", "؟", "…", ":", "؛":
		return true
	}
	return false
}

// TrainFiles is the training command's recipe: read the CAMeL CSV train
// split, restore its final periods, read the clusters (if clustersPath is
// not empty) and the learned gazetteer beside them (GazetteerFile in the
// same directory, when present and opts.Gazetteer is nil) and train. With
// the defaults and Seed 1 on the files in ner/data and ner/model it
// reproduces the embedded model byte for byte.
func TrainFiles(trainCSV, clustersPath string, opts TrainOptions) (*Model, error) {
	sents, err := ReadCamelCSVFile(trainCSV)
	if err != nil {
		return nil, fmt.Errorf("ner: train: %w", err)
	}
	if clustersPath != "" {
		c, err := ReadClustersFile(clustersPath)
		if err != nil {
			return nil, fmt.Errorf("ner: train: %w", err)
		}
		opts.Clusters = c
		gazPath := filepath.Join(filepath.Dir(clustersPath), GazetteerFile)
		if _, err := os.Stat(gazPath); err == nil && opts.Gazetteer == nil {
			g, err := ReadGazetteerFile(gazPath)
			if err != nil {
				return nil, fmt.Errorf("ner: train: %w", err)
			}
			opts.Gazetteer = g
		}
	}
	return Train(RestoreFinalPeriods(sents), opts)
}

// EvaluateSentences tags each sentence's tokens and scores the result
// against its tags.
func (m *Model) EvaluateSentences(sents []Sentence) Score { return m.evaluate(sents) }
