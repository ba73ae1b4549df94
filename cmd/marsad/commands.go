package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cheggaaa/pb/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/extract"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/pipeline"
	"github.com/marsad-news/marsad/web"
)

func newIngestCommand(g *globals) *cobra.Command {
	var opts ingest.Options
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read, analyze and store articles from files, directories, archives, feeds or - (stdin)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				return runIngest(cmd, store, args, opts)
			})
		},
	}
	cmd.Flags().IntVar(&opts.Workers, "workers", 0, "analysis workers (default: number of CPUs)")
	cmd.Flags().BoolVar(&opts.Reader.Follow, "follow", false, "fetch the articles that feeds link to")
	var keepIndexes bool
	cmd.Flags().BoolVar(&keepIndexes, "keep-indexes", false,
		fmt.Sprintf("keep every index up to date during a long run (by default a run past %d articles builds some of them at its end: faster, but queries meanwhile are slower)", ingest.BulkAfter))
	cmd.PreRun = func(*cobra.Command, []string) {
		if keepIndexes {
			opts.BulkAfter = -1
		}
	}
	return cmd
}

// runIngest ingests with a progress bar on a terminal and a one-line
// summary otherwise; it returns exit status 1 when any input was rejected.
func runIngest(cmd *cobra.Command, store marsad.Store, args []string, opts ingest.Options) error {
	stderr := cmd.ErrOrStderr()
	var bar *pb.ProgressBar
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		bar = pb.New(0).SetTemplateString(`{{counters . }} articles {{speed . "%s/s"}} {{etime . }}`).SetWriter(stderr).Start()
	}
	var rejects []string
	opts.OnReject = func(err error) {
		rejects = append(rejects, err.Error())
		if bar == nil {
			fmt.Fprintln(stderr, "rejected:", oneLine(err.Error()))
		}
	}
	opts.OnArticle = func(*marsad.Article, bool) {
		if bar != nil {
			bar.Increment()
		}
	}
	sum, err := ingest.Ingest(cmd.Context(), store, args, cmd.InOrStdin(), opts)
	if bar != nil {
		bar.Finish()
		for _, r := range rejects {
			fmt.Fprintln(stderr, "rejected:", oneLine(r))
		}
	}
	fmt.Fprintln(stderr, "ingest:", sum)
	if err != nil {
		return err
	}
	if sum.Rejected > 0 {
		return exitError{code: 1}
	}
	return nil
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func newAnalyzeCommand(g *globals) *cobra.Command {
	var opts ingest.Options
	cmd := &cobra.Command{
		Use:   "analyze FILE...",
		Short: "Print the analysis of each article as JSON Lines, without a database",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetEscapeHTML(false)
			opts.OnReject = func(err error) {
				fmt.Fprintln(cmd.ErrOrStderr(), "rejected:", oneLine(err.Error()))
			}
			sum, err := ingest.Analyze(cmd.Context(), args, cmd.InOrStdin(), opts, func(a *marsad.Article) error {
				return enc.Encode(analysisJSON(a))
			})
			if err != nil {
				return err
			}
			if sum.Rejected > 0 {
				return exitError{code: 1}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&opts.Workers, "workers", 0, "analysis workers (default: number of CPUs)")
	return cmd
}

// analysisJSON is the analyze output (issue contract): every key present,
// unknown strings and dates as null, empty analyses as [].
func analysisJSON(a *marsad.Article) any {
	null := func(s string) *string {
		if s == "" {
			return nil
		}
		return &s
	}
	var crawled *time.Time
	if !a.Crawled.IsZero() {
		crawled = &a.Crawled
	}
	return struct {
		File           *string                `json:"file"`
		URL            *string                `json:"url,omitempty"`
		Title          *string                `json:"title"`
		Published      marsad.Date            `json:"published"`
		Updated        marsad.Date            `json:"updated"`
		Crawled        *time.Time             `json:"crawled,omitempty"` // relative dates resolve against it when published is null
		Outlet         *string                `json:"outlet"`
		Author         *string                `json:"author"`
		Dateline       *string                `json:"dateline"`
		Body           string                 `json:"body"`
		Language       *string                `json:"language"`
		Entities       []marsad.Entity        `json:"entities"`
		Times          []marsad.TimeExpr      `json:"times"`
		Quotes         []marsad.Quote         `json:"quotes"`
		Events         []marsad.Event         `json:"events"`
		Contradictions []marsad.Contradiction `json:"contradictions"`
	}{
		File: null(a.File), URL: null(a.URL), Title: null(a.Title),
		Published: a.Published, Updated: a.Updated, Crawled: crawled,
		Outlet: null(a.Outlet), Author: null(a.Author), Dateline: null(a.Dateline),
		Body: a.Body, Language: null(a.Language),
		Entities:       nonNil(a.Entities),
		Times:          nonNil(a.Times),
		Quotes:         nonNil(a.Quotes),
		Events:         nonNil(a.Events),
		Contradictions: nonNil(a.Contradictions),
	}
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func newArticlesCommand(g *globals) *cobra.Command {
	var asJSON bool
	var f marsad.ArticleFilter
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List stored articles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				list, total, err := store.Articles(ctx, f)
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					refs := make([]marsad.ArticleRef, len(list))
					for i, a := range list {
						refs[i] = a.Ref()
					}
					return writeJSON(w, map[string]any{"total": total, "articles": refs})
				}
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tPUBLISHED\tOUTLET\tTITLE\tSOURCE")
				for _, a := range list {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", a.ID, dash(a.Published.String()), dash(a.Outlet), dash(a.Title), a.Source())
				}
				tw.Flush()
				fmt.Fprintf(w, "%d of %d articles\n", len(list), total)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&f.Limit, "limit", 50, "how many articles")
	cmd.Flags().IntVar(&f.Offset, "offset", 0, "skip this many articles")
	cmd.Flags().StringVar(&f.Outlet, "outlet", "", "only articles from this outlet")
	return cmd
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newSearchCommand(g *globals) *cobra.Command {
	var asJSON bool
	var q marsad.SearchQuery
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: `Ranked Arabic-aware search over titles and bodies ("quoted phrases" allowed)`,
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				q.Query = strings.Join(args, " ")
				res, err := store.Search(ctx, q)
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(w, res)
				}
				hl := strings.NewReplacer(marsad.MarkStart, "[", marsad.MarkEnd, "]")
				if term.IsTerminal(int(os.Stdout.Fd())) {
					hl = strings.NewReplacer(marsad.MarkStart, "\x1b[1;33m", marsad.MarkEnd, "\x1b[0m")
				}
				for _, h := range res.Hits {
					fmt.Fprintf(w, "%d\t%.3g\t%s\t%s\t%s\n", h.Article.ID, h.Score, dash(h.Article.Published.String()), dash(h.Article.Outlet), dash(h.Article.Title))
					fmt.Fprintf(w, "\t%s\n", hl.Replace(h.Snippet))
				}
				fmt.Fprintf(w, "%d of %d hits\n", len(res.Hits), res.Total)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&q.Limit, "limit", 10, "how many hits")
	cmd.Flags().IntVar(&q.Offset, "offset", 0, "skip this many hits")
	cmd.Flags().StringVar(&q.Outlet, "outlet", "", "only hits from this outlet")
	return cmd
}

func newServeCommand(g *globals) *cobra.Command {
	var addr, token string
	var ingestPaths []string
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and JSON API (read-only unless --token is set)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				if len(ingestPaths) > 0 {
					if err := runIngest(cmd, store, ingestPaths, ingest.Options{}); err != nil {
						var ee exitError
						if !errors.As(err, &ee) {
							return err
						}
					}
				}
				s := web.NewServer(store)
				s.Addr = addr
				s.Logger = slog.New(slog.NewTextHandler(cmd.ErrOrStderr(), nil))
				// A POSTed article (only with --token) goes through the same
				// analysis as ingest.
				analysis := pipeline.Default()
				s.Ingest = func(ctx context.Context, a *marsad.Article) error {
					extract.Clean(a)
					return analysis.Run(ctx, &pipeline.Document{Article: a})
				}
				if token == "" {
					token = os.Getenv("MARSAD_TOKEN")
				}
				s.Token = token
				fmt.Fprintf(cmd.ErrOrStderr(), "marsad: serving on http://%s\n", addr)
				return s.ListenAndServe(ctx)
			})
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "listen address")
	cmd.Flags().StringVar(&token, "token", "", "bearer token that enables write endpoints (default $MARSAD_TOKEN)")
	cmd.Flags().StringSliceVar(&ingestPaths, "ingest", nil, "ingest these paths before serving")
	return cmd
}
