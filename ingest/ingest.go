// Package ingest turns inputs into stored, analyzed articles: it walks the
// inputs (reader), extracts articles (extract), runs the analysis pipeline
// on several workers, and stores the results through one writer (a
// marsad.Store). After a batch it rebuilds what spans articles: canonical
// entities and stories.
//
// A bad input never stops a batch: it is counted, reported on one line, and
// the walk goes on. What was stored stays stored: every article is its own
// transaction in the store.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/extract"
	"github.com/marsad-news/marsad/pipeline"
	"github.com/marsad-news/marsad/reader"
	"github.com/marsad-news/marsad/timex"
)

// Options configure a batch.
type Options struct {
	Pipeline *pipeline.Pipeline // analysis; nil means pipeline.Default()
	Workers  int                // analysis workers; 0 means GOMAXPROCS
	Reader   reader.Options
	// OnReject is called once for each rejected input with a one-line
	// error naming it.
	OnReject func(err error)
	// Queue, when set, shares the work with other ingest processes on the
	// same database: a record another live process claimed is skipped.
	// Ingest sets it when the store is a marsad.WorkQueue.
	Queue marsad.WorkQueue
	// NoRebuild skips the cross-article rebuild after the batch; the
	// caller runs Rebuild itself (bench times it apart).
	NoRebuild bool
	// OnArticle is called after each article is analyzed (and stored, when
	// storing), for progress display.
	OnArticle func(a *marsad.Article, created bool)
}

// Summary counts what a batch did.
type Summary struct {
	Records    int // records read (articles offered by the readers)
	Stored     int // new articles stored
	Duplicates int // articles already stored (same normalized content)
	Rejected   int // inputs or records rejected
	Elsewhere  int // records claimed by another ingest process (work queue)
}

func (s Summary) String() string {
	out := fmt.Sprintf("%d read, %d stored, %d duplicates skipped, %d rejected", s.Records, s.Stored, s.Duplicates, s.Rejected)
	if s.Elsewhere > 0 {
		out += fmt.Sprintf(", %d taken by other ingest processes", s.Elsewhere)
	}
	return out
}

// Analyze reads and analyzes the inputs without storing anything, calling
// fn for each article in input order.
func Analyze(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(*marsad.Article) error) (Summary, error) {
	return run(ctx, paths, stdin, opts, func(a *marsad.Article) (bool, error) {
		return true, fn(a)
	})
}

// Ingest reads, analyzes and stores the inputs, then rebuilds canonical
// entities and stories over the whole store.
func Ingest(ctx context.Context, store marsad.Store, paths []string, stdin io.Reader, opts Options) (Summary, error) {
	if q, ok := store.(marsad.WorkQueue); ok && opts.Queue == nil {
		opts.Queue = q
	}
	sum, err := run(ctx, paths, stdin, opts, func(a *marsad.Article) (bool, error) {
		_, created, err := store.PutArticle(ctx, a)
		if err != nil {
			return false, fmt.Errorf("store %s: %w", a.Source(), err)
		}
		return created, nil
	})
	if err != nil {
		return sum, err
	}
	if sum.Stored > 0 && !opts.NoRebuild {
		if err := Rebuild(ctx, store); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

type job struct {
	key string // work-queue key, when a queue is in use
	seq int
	rec *reader.Record
	err error // the reader rejected this input
}

type result struct {
	key     string
	seq     int
	article *marsad.Article
	err     error
}

// run is the shared engine: a walker goroutine feeds records to workers
// that extract and analyze; results reach sink in input order (so output
// and ids follow the input), on the calling goroutine.
func run(ctx context.Context, paths []string, stdin io.Reader, opts Options, sink func(*marsad.Article) (bool, error)) (Summary, error) {
	var sum Summary
	p := opts.Pipeline
	if p == nil {
		p = pipeline.Default()
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan job, workers*4)
	results := make(chan result, workers*4)
	var walkErr error
	var elsewhere atomic.Int64
	go func() {
		defer close(jobs)
		seq := 0
		walkErr = reader.Walk(ctx, paths, stdin, opts.Reader, func(rec *reader.Record, err error) error {
			key := ""
			if opts.Queue != nil && err == nil {
				key = recordKey(rec)
				mine, qerr := opts.Queue.Claim(ctx, key)
				if qerr != nil {
					return qerr
				}
				if !mine {
					elsewhere.Add(1)
					return nil
				}
			}
			select {
			case jobs <- job{key: key, seq: seq, rec: rec, err: err}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()

	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if j.err != nil {
					results <- result{seq: j.seq, err: j.err}
					continue
				}
				a, err := analyze(ctx, p, j.rec)
				results <- result{key: j.key, seq: j.seq, article: a, err: err}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var sinkErr error
	finish := func(key string) {
		if key == "" || sinkErr != nil {
			return
		}
		if err := opts.Queue.Finish(ctx, key); err != nil {
			sinkErr = err
			cancel()
		}
	}
	pending := map[int]result{}
	next := 0
	handle := func(r result) {
		if sinkErr != nil {
			return
		}
		if r.err != nil {
			sum.Rejected++
			if opts.OnReject != nil {
				opts.OnReject(r.err)
			}
			finish(r.key) // a rejected record is done: no process retries it
			return
		}
		sum.Records++
		created, err := sink(r.article)
		if err != nil {
			sinkErr = err
			cancel()
			return
		}
		finish(r.key)
		if created {
			sum.Stored++
		} else {
			sum.Duplicates++
		}
		if opts.OnArticle != nil {
			opts.OnArticle(r.article, created)
		}
	}
	for r := range results {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			handle(r)
		}
	}
	sum.Elsewhere = int(elsewhere.Load())
	if sinkErr != nil {
		return sum, sinkErr
	}
	if walkErr != nil && !errors.Is(walkErr, context.Canceled) {
		return sum, walkErr
	}
	return sum, ctx.Err()
}

// recordKey names a record by its content, the same on every machine that
// reads the same input, for the work queue.
func recordKey(rec *reader.Record) string {
	h := sha256.New()
	if rec.Article != nil {
		io.WriteString(h, rec.Article.URL+"\x00"+rec.Article.Title+"\x00"+rec.Article.Body)
	} else {
		h.Write(rec.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// analyze extracts one record into an article and runs the pipeline on it.
// Errors name the record.
func analyze(ctx context.Context, p *pipeline.Pipeline, rec *reader.Record) (*marsad.Article, error) {
	var a *marsad.Article
	if rec.Article != nil {
		a = rec.Article
		if a.Published.IsZero() && rec.RawDate != "" {
			// A date the reader could not parse ("الجمعة، 23 فبراير 2018
			// 10:00" in a feed): marsad's own date grammar reads it.
			if d, ok := timex.ParseDate(rec.RawDate); ok {
				a.Published = d
			}
		}
		extract.Clean(a)
		if a.File == "" && a.URL == "" {
			a.File = rec.Source
		}
	} else {
		var err error
		a, err = extract.Text(rec.Source, rec.Data)
		if err != nil {
			return nil, err
		}
	}
	if a.Body == "" {
		return nil, &marsad.InputError{Input: rec.Source, Err: marsad.ErrNoBody}
	}
	d := &pipeline.Document{Article: a}
	if err := p.Run(ctx, d); err != nil {
		return nil, &marsad.InputError{Input: rec.Source, Err: err}
	}
	return a, nil
}

// Rebuild recomputes what spans articles (canonical entities, stories) from
// everything stored.
func Rebuild(ctx context.Context, store marsad.Store) error {
	return rebuild(ctx, store)
}
