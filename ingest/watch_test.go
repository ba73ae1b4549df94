package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/pipeline"
	"github.com/marsad-news/marsad/sqlite"
)

const rssTemplate = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار</title><link>https://news.test/</link>
%s
</channel></rss>`

const rssItem = `<item><title>%s</title><link>https://news.test/%d</link>
<description>%s</description><pubDate>Tue, 26 Sep 2023 21:15:00 +0000</pubDate></item>`

// Watch survives a failing feed and a garbage feed, and stores each item
// once across polls and restarts.
func TestWatch(t *testing.T) {
	var items atomic.Int32
	items.Store(2)
	mux := http.NewServeMux()
	mux.HandleFunc("/good", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := 0; i < int(items.Load()); i++ {
			fmt.Fprintf(&b, rssItem, fmt.Sprintf("خبر رقم %d عن الاقتصاد", i), i,
				fmt.Sprintf("قال وزير المالية إن الاقتصاد نما بنسبة %d في المئة خلال الربع الثاني من العام، مشيرا إلى تحسن الصادرات.", i+2))
		}
		fmt.Fprintf(w, rssTemplate, b.String())
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) })
	mux.HandleFunc("/garbage", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("\x00\x01<<<not a feed")) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	store := watchStore(t)
	feeds := []string{srv.URL + "/broken", srv.URL + "/garbage", srv.URL + "/slow", srv.URL + "/good"}
	failures := map[string]int{}
	opts := ingest.WatchOptions{Once: true, OnPoll: func(feed string, sum ingest.Summary, err error) {
		if err != nil || sum.Rejected > 0 {
			failures[feed]++
		}
	}}
	opts.Pipeline = &pipeline.Pipeline{Stages: []pipeline.Stage{pipeline.Tokenize, pipeline.Times, pipeline.CodePoints}}
	opts.Reader.AllowPrivate = true
	// Long enough for the good feeds on a loaded machine, short of /slow.
	opts.Reader.Timeout = 2 * time.Second
	ctx := context.Background()
	count := func() int {
		_, n, err := store.Articles(ctx, marsad.ArticleFilter{Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if err := ingest.Watch(ctx, store, feeds, opts); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Errorf("after the first poll %d articles, want 2", n)
	}
	for _, f := range feeds[:3] {
		if failures[f] == 0 {
			t.Errorf("%s: failure not reported", f)
		}
	}
	// A new item appears; a restarted watch stores only it.
	items.Store(3)
	if err := ingest.Watch(ctx, store, feeds, opts); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 3 {
		t.Errorf("after the restart %d articles, want 3", n)
	}
}

// A watch that follows feed links fetches each article page once: an item
// still in its feed at the next poll is not read again.
func TestWatchFollowFetchesEachPageOnce(t *testing.T) {
	var pages atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		for i := 0; i < 2; i++ {
			fmt.Fprintf(&b, `<item><title>خبر رقم %d</title><link>http://%s/article/%d</link><description>ملخص</description></item>`, i, r.Host, i)
		}
		fmt.Fprintf(w, rssTemplate, b.String())
	})
	mux.HandleFunc("/article/", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		n := strings.TrimPrefix(r.URL.Path, "/article/")
		fmt.Fprintf(w, `<html><head><title>خبر رقم %s</title></head><body><article><h1>خبر رقم %s</h1>
<p>قال وزير المالية إن الاقتصاد نما بنسبة %s في المئة خلال الربع الثاني من العام، مشيرا إلى تحسن الصادرات والواردات في الأسواق كلها.</p>
<p>وأضاف الوزير أن الحكومة ماضية في خطتها للإصلاح الاقتصادي حتى نهاية العام المقبل، وأن النتائج ستظهر قريبا في كل القطاعات.</p>
</article></body></html>`, n, n, n)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	store := watchStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	polls := 0
	var skipped atomic.Int32
	opts := ingest.WatchOptions{Interval: time.Millisecond, OnPoll: func(feed string, sum ingest.Summary, err error) {
		if err != nil {
			t.Errorf("poll %d: %v", polls+1, err)
		}
		if want := min(polls, 1) * 2; sum.Unchanged != want {
			t.Errorf("poll %d: %d items unchanged, want %d (%s)", polls+1, sum.Unchanged, want, sum)
		}
		if polls++; polls == 3 {
			cancel()
		}
	}}
	opts.Pipeline = &pipeline.Pipeline{Stages: []pipeline.Stage{pipeline.Tokenize, pipeline.Times, pipeline.CodePoints}}
	opts.Reader.AllowPrivate = true
	opts.Reader.Follow = true
	opts.Reader.RequestInterval = time.Millisecond
	opts.Reader.OnSkip = func(source, reason string) {
		if reason == "already read" {
			skipped.Add(1)
		}
	}
	if err := ingest.Watch(ctx, store, []string{srv.URL + "/feed"}, opts); err != nil {
		t.Fatal(err)
	}
	if polls != 3 {
		t.Fatalf("%d polls, want 3", polls)
	}
	if n := pages.Load(); n != 2 {
		t.Errorf("%d article pages fetched in 3 polls, want 2 (each once)", n)
	}
	if n := skipped.Load(); n != 4 {
		t.Errorf("%d items passed over as already read, want 4", n)
	}
	_, n, err := store.Articles(context.Background(), marsad.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
}

// watchStore opens a store in a test's temporary directory, closed when
// the test ends.
func watchStore(t *testing.T) *sqlite.Store {
	t.Helper()
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "watch.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}
