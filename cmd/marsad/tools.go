package main

import (
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/ner"
)

// addToolCommands adds NER training, tagging and evaluation.
func addToolCommands(root *cobra.Command, g *globals) {
	train := &cobra.Command{Use: "train", Short: "Train marsad's models"}
	train.AddCommand(newTrainNERCommand())
	eval := &cobra.Command{Use: "eval", Short: "Evaluate marsad's models"}
	eval.AddCommand(newEvalNERCommand())
	root.AddCommand(train, eval, newTagCommand())
}

func newTagCommand() *cobra.Command {
	var rules bool
	cmd := &cobra.Command{
		Use:   "tag",
		Short: "Tag tokens read on stdin (one per line, blank line ends a sentence) as token<TAB>TAG",
		Long: `tag reads tokens on standard input, one per line (extra columns are ignored; a
blank line ends a sentence), and writes token<TAB>TAG for each with the same
sentence breaks. Tags: O, B-/I-PER, LOC, ORG, MISC.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			m, err := ner.Default()
			if err != nil {
				return err
			}
			return ner.TagStreamRules(m, cmd.InOrStdin(), cmd.OutOrStdout(), rules)
		},
	}
	cmd.Flags().BoolVar(&rules, "rules", false, "also apply the rule steps the analysis pipeline runs after the tagger (institutions, quoted names, places, groups, lists, compound given names: ner.Model.Rules)")
	return cmd
}

func newEvalNERCommand() *cobra.Command {
	var modelPath string
	var institutions bool
	return func() *cobra.Command {
		cmd := &cobra.Command{
			Use:   "ner FILE",
			Short: "conlleval-style precision, recall and F1 (exact spans), micro and per type, on a CoNLL file",
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				m, err := loadNER(modelPath)
				if err != nil {
					return err
				}
				sents, err := ner.ReadCoNLLFile(args[0])
				if err != nil {
					return err
				}
				start := time.Now()
				toks := make([][]string, len(sents))
				gold := make([][]string, len(sents))
				for i, s := range sents {
					toks[i], gold[i] = s.Tokens, s.Tags
				}
				pred := m.TagSentences(toks)
				if institutions {
					for i := range pred {
						m.Rules(toks[i], pred[i])
					}
				}
				score := ner.Evaluate(gold, pred)
				score.WriteReport(cmd.OutOrStdout())
				fmt.Fprintf(cmd.ErrOrStderr(), "tagged %d sentences in %s\n", len(sents), time.Since(start).Round(time.Millisecond))
				return nil
			},
		}
		cmd.Flags().StringVar(&modelPath, "model", "", "model file (default: the embedded model)")
		cmd.Flags().BoolVar(&institutions, "institutions", false, "also apply the rule steps the analysis pipeline runs after the tagger (institutions, quoted names, places, groups, lists, compound given names: ner.Model.Rules); ANERcorp's own annotation leaves most institution names untagged")
		return cmd
	}()
}

func loadNER(path string) (*ner.Model, error) {
	if path == "" {
		return ner.Default()
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ner.Load(f)
}

func newTrainNERCommand() *cobra.Command {
	var trainPath, clusters, out string
	var seed int64
	var epochs int
	var crf bool
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Train the NER model deterministically (the defaults reproduce the embedded model)",
		Long: `train ner trains the tagger on the ANERcorp CAMeL train split shipped in ner/data
with the word clusters in ner/model, and writes the model (gzip). With the
defaults, run from the repository root, it reproduces ner/model/ner.model.gz
byte for byte. The test file is never read.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			start := time.Now()
			m, err := ner.TrainFiles(trainPath, clusters, ner.TrainOptions{Seed: seed, Epochs: epochs, CRF: crf})
			if err != nil {
				return err
			}
			f, err := os.Create(out)
			if err != nil {
				return err
			}
			if err := m.Save(f); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "trained in %s, wrote %s\n", time.Since(start).Round(time.Second), out)
			return nil
		},
	}
	cmd.Flags().StringVar(&trainPath, "train", "ner/data/camel_train_sentences_DERIVED.csv", "training CSV (CAMeL ANERcorp split)")
	cmd.Flags().StringVar(&clusters, "clusters", "ner/model/clusters.txt.gz", "word clusters (empty: none)")
	cmd.Flags().StringVar(&out, "out", "ner/model/ner.model.gz", "where to write the model")
	cmd.Flags().Int64Var(&seed, "seed", 1, "shuffle seed")
	cmd.Flags().IntVar(&epochs, "epochs", 0, "epochs (0: the default)")
	cmd.Flags().BoolVar(&crf, "crf", false, "train each stage as a linear-chain CRF instead of the averaged perceptron (not the embedded model)")
	return cmd
}

// explainEntity replays cross-article resolution over the store and
// returns how the names of a canonical entity were merged.
func explainEntity(cmd *cobra.Command, store marsad.Store, id string) ([]string, error) {
	r, err := ingest.Resolver(cmd.Context(), store)
	if err != nil {
		return nil, err
	}
	return r.Why(id), nil
}
