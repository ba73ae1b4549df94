package ingest

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/marsad-news/marsad"
)

// WatchOptions configure Watch.
type WatchOptions struct {
	Options
	Interval time.Duration // between two polls of the feed list; 0 means 15 minutes
	// Once polls every feed one time and returns (for cron and tests).
	Once bool
	// OnPoll is told the summary of each feed's poll, or its error.
	OnPoll func(feed string, sum Summary, err error)
}

// ReadFeedList reads a feed list: one feed URL or path per line; blank
// lines and lines starting with # are skipped.
func ReadFeedList(r io.Reader) ([]string, error) {
	var feeds []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		feeds = append(feeds, line)
	}
	return feeds, sc.Err()
}

// Watch polls feeds and ingests what is new until ctx is done. A feed that
// fails, times out or returns garbage is reported and retried at the next
// poll; the others go on. Nothing is ingested twice, across restarts too:
// the store keeps one copy of each article (same normalized content), so
// a restarted watch re-reads its feeds and stores only what it lacks.
func Watch(ctx context.Context, store marsad.Store, feeds []string, opts WatchOptions) error {
	if opts.Interval <= 0 {
		opts.Interval = 15 * time.Minute
	}
	if len(feeds) == 0 {
		return marsad.Errorf(marsad.EINVALID, "watch: no feeds")
	}
	// The links read in the last poll (stored, or found stored), and
	// those of this one: an item still in its feed is not read, nor its
	// page fetched, again. Forgetting what the feeds dropped keeps the
	// set as small as the feeds.
	var mu sync.Mutex
	last, seen := map[string]bool{}, map[string]bool{}
	for {
		stored := 0
		for _, feed := range feeds {
			if ctx.Err() != nil {
				return nil
			}
			o := opts.Options
			o.NoRebuild = true
			unchanged := 0
			o.Reader.Known = func(url string) bool {
				mu.Lock()
				defer mu.Unlock()
				if last[url] {
					seen[url] = true
					unchanged++
					return true
				}
				return opts.Reader.Known != nil && opts.Reader.Known(url)
			}
			onArticle := o.OnArticle
			o.OnArticle = func(a *marsad.Article, created bool) {
				if a.URL != "" {
					mu.Lock()
					seen[a.URL] = true
					mu.Unlock()
				}
				if onArticle != nil {
					onArticle(a, created)
				}
			}
			sum, err := Ingest(ctx, store, []string{feed}, nil, o)
			mu.Lock()
			sum.Unchanged = unchanged
			mu.Unlock()
			if err == nil && sum.Rejected > 0 && sum.Records == 0 {
				err = fmt.Errorf("%s: nothing readable (%d rejected)", feed, sum.Rejected)
			}
			if opts.OnPoll != nil {
				opts.OnPoll(feed, sum, err)
			}
			stored += sum.Stored
		}
		if stored > 0 {
			if err := Rebuild(ctx, store); err != nil && ctx.Err() == nil {
				return err
			}
		}
		mu.Lock()
		last, seen = seen, map[string]bool{}
		mu.Unlock()
		if opts.Once {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(opts.Interval):
		}
	}
}
