// Command marsad is an Arabic news monitor: it reads piles of Arabic news
// (scraped text, HTML, feeds, WARC, JSON), extracts clean articles, people,
// places and organisations, quotes, dated events and stories, stores them in
// an embedded database (or PostgreSQL), and serves them over a JSON API and
// a right-to-left web UI.
//
// This file and its siblings are flags and wiring only; the work is done in
// the packages they call.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	// A soft heap limit keeps a whole-corpus ingest (whose cross-article
	// rebuild peaks above 1 GB without it) inside small machines; the
	// GOMEMLIMIT environment variable overrides it. Measured on the whole
	// SaudiNewsNet corpus (BENCHMARKS.md): with 800 MiB the peak RSS is
	// about 840 MB; 650 MiB saves 150 MB more but costs ~9% of throughput.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(800 << 20)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCommand().ExecuteContext(ctx)
	stop()
	if err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			if ee.msg != "" {
				fmt.Fprintln(os.Stderr, "marsad:", ee.msg)
			}
			os.Exit(ee.code)
		}
		fmt.Fprintln(os.Stderr, "marsad:", err)
		os.Exit(2)
	}
}

// exitError ends the program with a status and an optional message, for
// "some inputs were rejected" (status 1) after the batch went on.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// globals are the flags every command shares.
type globals struct {
	db string
}

func newRootCommand() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "marsad",
		Short: "Arabic news monitor: articles, entities, quotes, timelines and stories",
		Long: `marsad (مرصد) turns a pile of Arabic news into a sourced map of the story:
clean articles, people/places/organisations, who said what, what happened when,
and stories that span outlets and years.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.db, "db", "", "database: a SQLite file path or a postgres:// URL (default $MARSAD_DB, else a file under the user's data directory)")
	root.AddCommand(
		newIngestCommand(g),
		newAnalyzeCommand(g),
		newArticlesCommand(g),
		newSearchCommand(g),
		newServeCommand(g),
	)
	addMoreCommands(root, g)
	return root
}
