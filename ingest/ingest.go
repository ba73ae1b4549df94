// Package ingest turns inputs into stored, analyzed articles: it walks the
// inputs (reader), extracts articles (extract), runs the analysis pipeline
// on several workers, and stores the results through one writer (a
// marsad.Store). After a batch it rebuilds what spans articles: canonical
// entities and stories.
//
// A bad input never stops a batch: it is counted, reported on one line, and
// the walk goes on. What was stored stays stored: the writer hands the
// store batches of up to MaxBatch articles (or what arrived within
// MaxBatchWait), each one transaction, while the workers go on analyzing;
// an article is reported and its work-queue claim finished only once its
// batch has committed.
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
	"time"

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
	// BulkAfter is how many articles the run stores before a
	// marsad.BulkLoader store defers its random-key indexes to the run's
	// end (0: the package's BulkAfter; < 0: never, every index is kept up
	// to date, for a process that serves queries while it ingests).
	BulkAfter int
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
	Unchanged  int // feed items read at the last poll, passed over (Watch)
}

func (s Summary) String() string {
	out := fmt.Sprintf("%d read, %d stored, %d duplicates skipped, %d rejected", s.Records, s.Stored, s.Duplicates, s.Rejected)
	if s.Elsewhere > 0 {
		out += fmt.Sprintf(", %d taken by other ingest processes", s.Elsewhere)
	}
	if s.Unchanged > 0 {
		out += fmt.Sprintf(", %d read at the last poll", s.Unchanged)
	}
	return out
}

// Analyze reads and analyzes the inputs without storing anything, calling
// fn for each article in input order.
func Analyze(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(*marsad.Article) error) (Summary, error) {
	return run(ctx, paths, stdin, opts, 1, 0, func(_ context.Context, as []*marsad.Article) ([]bool, int, error) {
		created := make([]bool, 0, len(as))
		for i, a := range as {
			if err := fn(a); err != nil {
				return created, i, err
			}
			created = append(created, true)
		}
		return created, len(as), nil
	})
}

// Batching of the store writer. A batch is cut at MaxBatch records or
// MaxBatchWait after its first record, whichever comes first: one
// transaction per few dozen articles instead of one per article takes
// most of the writer's cost away (sqlite BenchmarkWrite*: 32 articles per
// batch cost the same CPU per article as 256), and 100 ms keeps a slow
// trickle (watch, a feed) from waiting long to be stored. Batches stay
// small because records are claimed (work queue) before they are
// analyzed: a process holds at most about three batches of claims that
// it has not stored, so two processes started together still share a
// small corpus (batches of 8 shared it no better in
// TestTwoIngestProcessesOnPostgres, and cost PostgreSQL's client 40% more
// CPU per article). A batch holds SQLite's write lock for tens of
// milliseconds, and readers (serve) never wait for it in WAL mode.
const (
	MaxBatch     = 32
	MaxBatchWait = 100 * time.Millisecond
)

// Ingest reads, analyzes and stores the inputs, then rebuilds canonical
// entities and stories over the whole store.
func Ingest(ctx context.Context, store marsad.Store, paths []string, stdin io.Reader, opts Options) (Summary, error) {
	if q, ok := store.(marsad.WorkQueue); ok && opts.Queue == nil {
		opts.Queue = q
	}
	put := storeBatch(store)
	var bulk *bulkRun
	if bl, ok := store.(marsad.BulkLoader); ok && opts.BulkAfter >= 0 {
		after := opts.BulkAfter
		if after == 0 {
			after = BulkAfter
		}
		bulk = &bulkRun{store: bl, after: after}
		put = bulk.wrap(put)
	}
	sum, err := run(ctx, paths, stdin, opts, MaxBatch, MaxBatchWait, put)
	if bulk != nil {
		// Even when the run failed or was cancelled: what is stored must be
		// indexed before anyone queries it.
		if rerr := bulk.end(context.WithoutCancel(ctx)); rerr != nil && err == nil {
			err = rerr
		}
	}
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

// BulkAfter is how many articles one run stores before it asks a
// marsad.BulkLoader store to defer its random-key indexes; they are built
// again when the run ends. Below it (a feed poll, a few files) the indexes
// are kept up to date as usual: building them again costs a pass over
// every stored row, which a small run would not earn back.
const BulkAfter = 2000

// bulkRun defers a store's indexes once a run has stored BulkAfter
// articles, and restores them at its end.
type bulkRun struct {
	store    marsad.BulkLoader
	after    int
	stored   int
	deferred bool
	tried    bool // DeferIndexes was called (once per run, whatever it returned)
}

func (b *bulkRun) wrap(put putFunc) putFunc {
	return func(ctx context.Context, as []*marsad.Article) ([]bool, int, error) {
		if !b.tried && b.stored >= b.after {
			// Deferring is an optimization and all or nothing: a store that
			// cannot (busy, read-only) keeps its indexes, and the run goes on.
			b.deferred = b.store.DeferIndexes(ctx) == nil
			b.tried = true
		}
		created, n, err := put(ctx, as)
		for _, c := range created {
			if c {
				b.stored++
			}
		}
		return created, n, err
	}
}

func (b *bulkRun) end(ctx context.Context) error {
	if !b.deferred {
		return nil
	}
	if err := b.store.RestoreIndexes(ctx); err != nil {
		return fmt.Errorf("rebuild indexes: %w", err)
	}
	return nil
}

// putFunc stores (or hands on) a batch of articles in input order. It
// returns whether each of the first n was newly stored; when n < len(as),
// as[n] failed with err (which names it) and nothing after it was
// stored. Articles before n are stored even when err is not nil.
type putFunc func(ctx context.Context, as []*marsad.Article) (created []bool, n int, err error)

// storeBatch writes batches through PutArticles when the store has it and
// one PutArticle at a time otherwise. A batch is one transaction: when an
// article of it fails, the articles before it are stored again without it
// and the error names it, so that a bad article costs exactly what it did
// when every article was its own transaction.
func storeBatch(store marsad.Store) putFunc {
	bs, ok := store.(marsad.BatchStore)
	if !ok {
		return func(ctx context.Context, as []*marsad.Article) ([]bool, int, error) {
			created := make([]bool, 0, len(as))
			for i, a := range as {
				_, c, err := store.PutArticle(ctx, a)
				if err != nil {
					return created, i, fmt.Errorf("store %s: %w", a.Source(), err)
				}
				created = append(created, c)
			}
			return created, len(as), nil
		}
	}
	var put func(ctx context.Context, as []*marsad.Article) ([]bool, int, error)
	put = func(ctx context.Context, as []*marsad.Article) ([]bool, int, error) {
		res, err := bs.PutArticles(ctx, as)
		if err == nil {
			created := make([]bool, len(res))
			for i, r := range res {
				created[i] = r.Created
			}
			return created, len(as), nil
		}
		var be *marsad.BatchError
		if !errors.As(err, &be) || be.Index < 0 || be.Index >= len(as) {
			// The context, the connection or the commit: no article of
			// the batch is stored, and the first one is where it stopped.
			return nil, 0, fmt.Errorf("store %s (batch of %d articles): %w", as[0].Source(), len(as), err)
		}
		created, n, perr := put(ctx, as[:be.Index])
		if perr != nil {
			return created, n, perr
		}
		return created, n, fmt.Errorf("store %s: %w", as[be.Index].Source(), be.Err)
	}
	return put
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
// that extract and analyze; an orderer goroutine puts their results back in
// input order and cuts them into batches of up to maxBatch records (or what
// arrived within maxWait of a batch's first record); put gets each batch's
// articles on the calling goroutine, so that output and ids follow the
// input, while the workers go on with the next records. Callbacks
// (OnArticle, OnReject) and work-queue Finish calls run on the calling
// goroutine too, in input order, after put has returned for their batch.
func run(ctx context.Context, paths []string, stdin io.Reader, opts Options, maxBatch int, maxWait time.Duration, put putFunc) (Summary, error) {
	var sum Summary
	p := opts.Pipeline
	if p == nil {
		p = pipeline.Default()
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxBatch = max(1, maxBatch)
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

	// While the caller stores a batch the orderer fills the next one, then
	// blocks, and so, through results, do the workers: memory and the
	// claims held stay bounded by about three batches.
	batches := make(chan []result)
	go order(results, batches, maxBatch, maxWait)

	var sinkErr error
	// Finishing marks stored (or rejected) work done, only once its batch
	// has committed. Its context is not canceled with the batch's: work
	// that is stored must be marked done even when the caller stops right
	// after.
	finishCtx := context.WithoutCancel(ctx)
	finish := func(done []result) error {
		if opts.Queue == nil {
			return nil
		}
		var keys []string
		for _, r := range done {
			if r.key != "" {
				keys = append(keys, r.key)
			}
		}
		if bq, ok := opts.Queue.(marsad.BatchWorkQueue); ok && len(keys) > 0 {
			return bq.FinishAll(finishCtx, keys)
		}
		for _, k := range keys {
			if err := opts.Queue.Finish(finishCtx, k); err != nil {
				return err
			}
		}
		return nil
	}
	var arts []*marsad.Article
	var done []result
	for batch := range batches {
		if sinkErr != nil {
			continue // drain, so that the orderer and the workers end
		}
		arts = arts[:0]
		for _, r := range batch {
			if r.err == nil {
				arts = append(arts, r.article)
			}
		}
		var created []bool
		var n int
		var err error
		if len(arts) > 0 {
			created, n, err = put(ctx, arts)
		}
		// Done: the rejected records, and the articles up to the one that
		// failed (nothing after it was stored).
		done = done[:0]
		stored := 0
		for _, r := range batch {
			if r.err == nil {
				if stored >= n {
					break
				}
				stored++
			}
			done = append(done, r)
		}
		if ferr := finish(done); ferr != nil {
			sinkErr = ferr
			cancel()
		}
		i := 0
		for _, r := range done {
			if r.err != nil {
				sum.Rejected++ // a rejected record is done: no process retries it
				if opts.OnReject != nil {
					opts.OnReject(r.err)
				}
				continue
			}
			sum.Records++
			if created[i] {
				sum.Stored++
			} else {
				sum.Duplicates++
			}
			if opts.OnArticle != nil {
				opts.OnArticle(r.article, created[i])
			}
			i++
		}
		if err != nil && sinkErr == nil {
			sum.Records++ // the article that failed was read
			sinkErr = err
			cancel()
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

// order puts results back in input order and sends them on in batches of
// up to maxBatch, cutting a batch early when maxWait has passed since its
// first result. It closes batches when results is closed.
func order(results <-chan result, batches chan<- []result, maxBatch int, maxWait time.Duration) {
	defer close(batches)
	pending := map[int]result{}
	next := 0
	var cur []result
	var timer *time.Timer
	var expired <-chan time.Time
	send := func() {
		if len(cur) == 0 {
			return
		}
		if timer != nil {
			timer.Stop()
			expired = nil
		}
		batches <- cur
		cur = nil
	}
	for {
		select {
		case r, ok := <-results:
			if !ok {
				send()
				return
			}
			pending[r.seq] = r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				cur = append(cur, r)
				if len(cur) >= maxBatch {
					send()
				} else if len(cur) == 1 && maxWait > 0 {
					if timer == nil {
						timer = time.NewTimer(maxWait)
					} else {
						timer.Reset(maxWait)
					}
					expired = timer.C
				}
			}
		case <-expired:
			expired = nil
			send()
		}
	}
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
	if a.Crawled.IsZero() {
		a.Crawled = rec.Crawled
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
