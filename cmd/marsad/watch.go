package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ingest"
)

func newWatchCommand(g *globals) *cobra.Command {
	var opts ingest.WatchOptions
	cmd := &cobra.Command{
		Use:   "watch FEEDS.txt",
		Short: "Poll feeds on an interval and ingest what is new (one feed URL or path per line)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			feeds, err := ingest.ReadFeedList(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("read %s: %w", args[0], err)
			}
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				stderr := cmd.ErrOrStderr()
				opts.OnReject = func(err error) { fmt.Fprintln(stderr, "rejected:", oneLine(err.Error())) }
				opts.OnPoll = func(feed string, sum ingest.Summary, err error) {
					stamp := time.Now().UTC().Format(time.RFC3339)
					if err != nil {
						fmt.Fprintf(stderr, "%s %s: %s\n", stamp, feed, oneLine(err.Error()))
						return
					}
					fmt.Fprintf(stderr, "%s %s: %s\n", stamp, feed, sum)
				}
				return ingest.Watch(ctx, store, feeds, opts)
			})
		},
	}
	cmd.Flags().DurationVar(&opts.Interval, "interval", 15*time.Minute, "time between polls")
	cmd.Flags().BoolVar(&opts.Once, "once", false, "poll every feed once and exit")
	cmd.Flags().BoolVar(&opts.Reader.Follow, "follow", false, "fetch the articles that feeds link to (robots.txt, rate limits)")
	cmd.Flags().BoolVar(&opts.Reader.AllowPrivate, "allow-private", false, "allow fetching from loopback and private networks")
	return cmd
}
