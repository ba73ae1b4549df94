package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/story"
)

// storyDoc is what the story package compares of an article: its text and
// the names of its entities (normalized, so that spellings meet).
func storyDoc(a *marsad.Article) story.Doc {
	var ents []string
	for _, e := range a.Entities {
		ents = append(ents, arabic.Normalize(e.Name))
	}
	return story.Doc{ID: a.ID, Title: a.Title, Body: a.Body, Outlet: a.Outlet, Published: a.Published, Entities: ents, URL: a.URL, File: a.File}
}

func newSimilarCommand(g *globals) *cobra.Command {
	var n int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "similar ARTICLE_ID",
		Short: "The stored articles most similar to one (score 0 to 1; 1 means the same event)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return marsad.Errorf(marsad.EINVALID, "article id %q is not a number", args[0])
			}
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				if _, err := store.Article(ctx, id); err != nil {
					return err
				}
				ix := story.NewIndex(story.Options{})
				refs := map[int64]marsad.ArticleRef{}
				err := store.Each(ctx, func(a *marsad.Article) error {
					ix.Add(storyDoc(a))
					refs[a.ID] = a.Ref()
					return nil
				})
				if err != nil {
					return err
				}
				type hit struct {
					Article marsad.ArticleRef `json:"article"`
					Score   float64           `json:"score"`
				}
				var hits []hit
				for _, m := range ix.Similar(id, n) {
					hits = append(hits, hit{refs[m.ID], m.Score})
				}
				w := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(w, nonNil(hits))
				}
				for _, h := range hits {
					fmt.Fprintf(w, "%.3f\t%d\t%s\t%s\n", h.Score, h.Article.ID, dash(h.Article.Outlet), dash(h.Article.Title))
				}
				return nil
			})
		},
	}
	cmd.Flags().IntVarP(&n, "n", "n", 10, "how many articles")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newSimilarityCommand(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "similarity FILE_A FILE_B",
		Short: "Print one score from 0 to 1 for two article files; 1 means the same event",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			var docs []story.Doc
			for _, path := range args {
				var got *marsad.Article
				sum, err := ingest.Analyze(cmd.Context(), []string{path}, cmd.InOrStdin(), ingest.Options{Workers: 1, OnReject: func(err error) {
					fmt.Fprintln(cmd.ErrOrStderr(), "rejected:", oneLine(err.Error()))
				}}, func(a *marsad.Article) error {
					if got == nil {
						got = a
					}
					return nil
				})
				if err != nil {
					return err
				}
				if got == nil || sum.Records == 0 {
					return exitError{code: 1, msg: fmt.Sprintf("%s: no article read", path)}
				}
				got.ID = int64(len(docs) + 1)
				docs = append(docs, storyDoc(got))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%.4f\n", story.Similarity(docs[0], docs[1]))
			return nil
		},
	}
}
