package postgres

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/search"
	"github.com/marsad-news/marsad/storedjson"
)

var _ marsad.BatchStore = (*Store)(nil)

// Writing a batch. One transaction, four kinds of round trip: the ids
// (one nextval query per table), the articles (one pipelined pgx.Batch of
// INSERT … ON CONFLICT DO NOTHING), the duplicates' ids (one query), and
// the analysis rows (one COPY per table).
//
// Ids are taken from the tables' identity sequences before inserting and
// given out in input order, so that ids follow the input even though the
// articles are inserted in content-hash order. That order is what keeps
// two processes that store overlapping batches from deadlocking: both
// wait on the unique index in the same order. A deadlock reported anyway
// (another writer with an older, unordered PutArticle) retries the batch.

// batchRetries is how many times a batch is retried after a deadlock.
const batchRetries = 3

const deadlockDetected = "40P01"

// preparedArticle is one article ready to insert.
type preparedArticle struct {
	a      *marsad.Article
	hash   string
	args   []any // the INSERT's arguments after the id
	vector string
}

func (s *Store) prepare(a *marsad.Article) preparedArticle {
	hash := clean(a.ContentHash)
	if hash == "" {
		hash = search.ContentHash(a.Title, a.Body)
	}
	ingested := a.Ingested
	if ingested.IsZero() {
		ingested = s.Now()
	}
	pub, pubGran, pubUnix := dateColumns(a.Published)
	upd, updGran, _ := dateColumns(a.Updated)
	an := storedjson.Analysis(a)
	vector := tsvector(search.Analyze(a.Title), search.Analyze(a.Body))
	return preparedArticle{a: a, hash: hash, vector: vector, args: []any{
		hash, clean(a.File), clean(a.URL), clean(a.Title), pub, pubGran, pubUnix, upd, updGran,
		clean(a.Outlet), clean(a.Author), clean(a.Dateline), clean(a.Body), clean(a.Language),
		ingested.UnixNano(), an, vector,
	}}
}

// prepareAll prepares a batch on up to GOMAXPROCS goroutines: the search
// vector and the JSON need no database.
func (s *Store) prepareAll(as []*marsad.Article) []preparedArticle {
	ps := make([]preparedArticle, len(as))
	workers := min(runtime.GOMAXPROCS(0), (len(as)+15)/16)
	if workers <= 1 {
		for i, a := range as {
			ps[i] = s.prepare(a)
		}
		return ps
	}
	var wg sync.WaitGroup
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(as); i = int(next.Add(1) - 1) {
				ps[i] = s.prepare(as[i])
			}
		}()
	}
	wg.Wait()
	return ps
}

// PutArticles stores the articles in one transaction (marsad.BatchStore).
func (s *Store) PutArticles(ctx context.Context, as []*marsad.Article) ([]marsad.PutResult, error) {
	if len(as) == 0 {
		return nil, nil
	}
	for i, a := range as {
		if a == nil {
			return nil, &marsad.BatchError{Index: i, Err: marsad.Errorf(marsad.EINVALID, "postgres: put article: nil article")}
		}
	}
	ps := s.prepareAll(as)
	for attempt := 0; ; attempt++ {
		res, err := s.putBatch(ctx, ps)
		if err == nil {
			return res, nil
		}
		if pgCode(err) == deadlockDetected && attempt < batchRetries && ctx.Err() == nil {
			continue
		}
		var be *marsad.BatchError
		if errors.As(err, &be) {
			return nil, &marsad.BatchError{Index: be.Index,
				Err: fmt.Errorf("postgres: put article %q: %w", articleName(as[be.Index]), be.Err)}
		}
		return nil, fmt.Errorf("postgres: put %d articles: %w", len(as), err)
	}
}

// nextIDs takes n values from the identity sequence of table's id column,
// in increasing order.
func nextIDs(ctx context.Context, tx pgx.Tx, table string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	rows, err := tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)`, table, n)
	if err != nil {
		return nil, fmt.Errorf("%s ids: %w", table, err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("%s ids: %w", table, err)
	}
	slices.Sort(ids)
	return ids, nil
}

func (s *Store) putBatch(ctx context.Context, ps []preparedArticle) ([]marsad.PutResult, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)

	// The first article of each content hash is a candidate; a later one
	// is a duplicate of it.
	firstOf := map[string]int{}
	var cands []int
	for i, p := range ps {
		if _, ok := firstOf[p.hash]; !ok {
			firstOf[p.hash] = i
			cands = append(cands, i)
		}
	}
	ids, err := nextIDs(ctx, tx, "articles", len(cands))
	if err != nil {
		return nil, err
	}
	idOf := make([]int64, len(ps))
	for k, i := range cands {
		idOf[i] = ids[k]
	}
	byHash := slices.Clone(cands)
	slices.SortFunc(byHash, func(a, b int) int {
		if ps[a].hash < ps[b].hash {
			return -1
		} else if ps[a].hash > ps[b].hash {
			return 1
		}
		return 0
	})
	b := &pgx.Batch{}
	for _, i := range byHash {
		b.Queue(`INSERT INTO articles (id, content_hash, file, url, title,
			published, published_gran, published_unix, updated, updated_gran,
			outlet, author, dateline, body, language, ingested, analysis, search)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::tsvector)
			ON CONFLICT (content_hash) DO NOTHING
			RETURNING id`, append([]any{idOf[i]}, ps[i].args...)...)
	}
	res := make([]marsad.PutResult, len(ps))
	var stored []string // hashes stored before this batch
	br := tx.SendBatch(ctx, b)
	for _, i := range byHash {
		var id int64
		err := br.QueryRow().Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			stored = append(stored, ps[i].hash)
			continue
		} else if err != nil {
			br.Close()
			if pgCode(err) == deadlockDetected {
				return nil, err
			}
			return nil, &marsad.BatchError{Index: i, Err: err}
		}
		res[i] = marsad.PutResult{ID: id, Created: true}
	}
	if err := br.Close(); err != nil {
		return nil, err
	}
	if len(stored) > 0 {
		// Stored before, or by a concurrent writer that committed while
		// this batch waited on the unique index.
		rows, err := tx.Query(ctx, `SELECT content_hash, id FROM articles WHERE content_hash = ANY($1)`, stored)
		if err != nil {
			return nil, fmt.Errorf("find duplicates: %w", err)
		}
		found := map[string]int64{}
		for rows.Next() {
			var h string
			var id int64
			if err := rows.Scan(&h, &id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("find duplicates: %w", err)
			}
			found[h] = id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("find duplicates: %w", err)
		}
		for _, h := range stored {
			i := firstOf[h]
			id, ok := found[h]
			if !ok {
				return nil, &marsad.BatchError{Index: i, Err: fmt.Errorf("find duplicate: not found")}
			}
			res[i] = marsad.PutResult{ID: id}
		}
	}
	for i, p := range ps {
		if first := firstOf[p.hash]; first != i {
			res[i] = marsad.PutResult{ID: res[first].ID}
		}
	}
	if err := s.copyAnalysis(ctx, tx, ps, res); err != nil {
		return nil, err
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, err
	}
	return res, nil
}

// copyAnalysis fills the normalized tables of the articles the batch
// created, one COPY per table. Quotes and events are copied in input
// order, so their ids follow the order of the articles and within them.
func (s *Store) copyAnalysis(ctx context.Context, tx pgx.Tx, ps []preparedArticle, res []marsad.PutResult) error {
	var ents, names, quotes, events, parts [][]any
	nEvents := 0
	for i, p := range ps {
		if res[i].Created {
			nEvents += len(p.a.Events)
		}
	}
	eventIDs, err := nextIDs(ctx, tx, "events", nEvents)
	if err != nil {
		return err
	}
	for i, p := range ps {
		if !res[i].Created {
			continue
		}
		id, a := res[i].ID, p.a
		for _, e := range a.Entities {
			ents = append(ents, []any{id, clean(e.ID), clean(e.Name), clean(arabic.Normalize(e.Name)), clean(string(e.Type)), stringsJSON(e.Aliases)})
			for _, n := range normalizedNames(e.Name, e.Aliases) {
				names = append(names, []any{id, clean(e.ID), n})
			}
		}
		for _, q := range a.Quotes {
			quotes = append(quotes, []any{id, clean(q.Speaker), clean(q.SpeakerID), clean(arabic.Normalize(q.Speaker)), clean(string(q.Kind)),
				clean(q.Text), clean(q.Via), int32(q.Start), int32(q.End)})
		}
		for _, e := range a.Events {
			eid := eventIDs[0]
			eventIDs = eventIDs[1:]
			events = append(events, []any{eid, id, clean(e.Kind), clean(e.When), clean(e.WhenText), stringsJSON(e.Who), stringsJSON(e.With),
				clean(e.Where), clean(e.Text)})
			for _, n := range normalizedNames("", append(append([]string(nil), e.Who...), e.With...)) {
				parts = append(parts, []any{eid, n})
			}
		}
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"article_entities", []string{"article_id", "local_id", "name", "norm_name", "type", "aliases"}, ents},
		{"article_entity_names", []string{"article_id", "local_id", "norm_name"}, names},
		{"quotes", []string{"article_id", "speaker", "speaker_id", "norm_speaker", "kind", "text", "via", "start_offset", "end_offset"}, quotes},
		{"events", []string{"id", "article_id", "kind", "when_value", "when_text", "who", "with_", "where_", "text"}, events},
		{"event_participants", []string{"event_id", "norm_name"}, parts},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("copy %s: %w", c.table, err)
		}
	}
	return nil
}
