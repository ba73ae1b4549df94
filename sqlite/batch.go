package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
	"github.com/marsad-news/marsad/search"
	"github.com/marsad-news/marsad/storedjson"
)

var _ marsad.BatchStore = (*Store)(nil)

// Writing. A batch of articles is one IMMEDIATE transaction on the single
// writer connection. Everything that needs no database (the content hash,
// the analysis JSON, the search terms, normalized names) is computed before
// the transaction begins, so the write lock is held only for the inserts.
// The statements are prepared once per connection and reused by every
// batch; rows of the analysis tables go in multi-row INSERTs of up to
// chunkRows rows. Measured on 2,000 analyzed SaudiNewsNet articles
// (BenchmarkWrite*), this is what takes the writer from ~1.7 ms of CPU per
// article (one transaction per article) to a fraction of that: the commit,
// the FTS5 segment flush and the statement setup are paid once per batch.

// chunkRows is the most rows one multi-row INSERT carries; smaller
// remainders use the statements for 8 and 1 rows.
const chunkRows = 32

var chunkSizes = []int{chunkRows, 8, 1}

// table is one table that analysis rows go to.
type table struct {
	name  string
	cols  []string
	sizes []int // rows per INSERT, largest first
}

var (
	// The search index takes one row per statement: a multi-row INSERT
	// opens a statement journal, and FTS5 flushes its pending terms to
	// a new segment at every statement savepoint.
	ftsTable    = table{"article_fts", []string{"rowid", "title", "body"}, []int{1}}
	entityTable = table{"article_entities", []string{"article_id", "local_id", "name", "norm_name", "type", "aliases"}, chunkSizes}
	nameTable   = table{"article_entity_names", []string{"article_id", "local_id", "norm_name"}, chunkSizes}
	quoteTable  = table{"quotes", []string{"article_id", "speaker", "speaker_id", "norm_speaker", "kind", "text", "via", "start_offset", "end_offset"}, chunkSizes}
	eventTable  = table{"events", []string{"id", "article_id", "kind", "when_value", "when_text", "who", "with_", "where_", "text"}, chunkSizes}
	partTable   = table{"event_participants", []string{"event_id", "norm_name"}, chunkSizes}
	// The canonical entities (ReplaceEntities).
	canonTable     = table{"entities", []string{"id", "name", "norm_name", "type", "data", "articles"}, chunkSizes}
	canonNameTable = table{"entity_names", []string{"entity_id", "norm_name"}, chunkSizes}
	linkTable      = table{"entity_links", []string{"article_id", "local_id", "entity_id"}, chunkSizes}
	batchTables    = []table{ftsTable, entityTable, nameTable, quoteTable, eventTable, partTable, canonTable, canonNameTable, linkTable}
	insertSQL      = `INSERT INTO articles (content_hash, file, url, title, published, published_gran, published_unix, updated, updated_gran, outlet, author, dateline, body, language, ingested, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING`
	findHashSQL    = `SELECT id FROM articles WHERE content_hash = ?`
	maxEventSQL    = `SELECT coalesce(max(id), 0) FROM events`
	singleStmts    = []string{insertSQL, findHashSQL, maxEventSQL}
)

// multiInsertSQL is an INSERT of n rows into t.
func multiInsertSQL(t table, n int) string {
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.cols)), ", ") + ")"
	return "INSERT OR IGNORE INTO " + t.name + " (" + strings.Join(t.cols, ", ") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", ")
}

// writeStmts are the writer's prepared statements, prepared on the write
// pool (one connection) the first time they are needed: preparing inside a
// transaction would need a second connection, and a transaction's own
// statements die with it.
type writeStmts struct {
	once  sync.Once
	err   error
	byKey map[string]*sql.Stmt
}

func (s *Store) prepareWrites(ctx context.Context) (map[string]*sql.Stmt, error) {
	s.stmts.once.Do(func() {
		m := map[string]*sql.Stmt{}
		var queries []string
		queries = append(queries, singleStmts...)
		for _, t := range batchTables {
			for _, n := range t.sizes {
				queries = append(queries, multiInsertSQL(t, n))
			}
		}
		for _, q := range queries {
			st, err := s.write.PrepareContext(ctx, q)
			if err != nil {
				for _, p := range m {
					p.Close()
				}
				s.stmts.err = fmt.Errorf("prepare %.40q: %w", q, err)
				return
			}
			m[q] = st
		}
		s.stmts.byKey = m
	})
	return s.stmts.byKey, s.stmts.err
}

// closeStmts closes the prepared statements; Close calls it.
func (s *Store) closeStmts() {
	for _, st := range s.stmts.byKey {
		st.Close()
	}
}

// prepared is one article ready to insert: every column computed.
type prepared struct {
	a                     *marsad.Article
	args                  []any // insertSQL arguments
	hash                  string
	titleTerms, bodyTerms string
}

func (s *Store) prepare(a *marsad.Article, terms *termCache) prepared {
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
	return prepared{
		a:    a,
		hash: hash,
		args: []any{hash, clean(a.File), clean(a.URL), clean(a.Title), pub, pubGran, pubUnix, upd, updGran,
			clean(a.Outlet), clean(a.Author), clean(a.Dateline), clean(a.Body), clean(a.Language),
			ingested.UnixNano(), an},
		titleTerms: terms.indexText(a.Title),
		bodyTerms:  terms.indexText(a.Body),
	}
}

// prepareAll prepares a batch on up to GOMAXPROCS goroutines: the search
// terms and the JSON are most of a write's CPU and need no database, so
// they need not wait for the single writer.
func (s *Store) prepareAll(as []*marsad.Article) []prepared {
	ps := make([]prepared, len(as))
	workers := min(runtime.GOMAXPROCS(0), (len(as)+15)/16)
	if workers <= 1 {
		for i, a := range as {
			ps[i] = s.prepare(a, &s.terms[0])
		}
		return ps
	}
	var wg sync.WaitGroup
	var next atomic.Int64
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			terms := &s.terms[w%len(s.terms)]
			for i := int(next.Add(1) - 1); i < len(as); i = int(next.Add(1) - 1) {
				ps[i] = s.prepare(as[i], terms)
			}
		}()
	}
	wg.Wait()
	return ps
}

// rows collects the rows of one table during a batch and inserts them in
// chunks; owner remembers which article of the batch each row belongs to,
// so that an error names it.
type rows struct {
	t     table
	args  []any
	owner []int
}

func (r *rows) add(owner int, vals ...any) {
	r.args = append(r.args, vals...)
	r.owner = append(r.owner, owner)
}

// flush inserts the full chunks, or every row when all is set.
func (r *rows) flush(ctx context.Context, tx *sql.Tx, stmts map[string]*sql.Stmt, all bool) error {
	width := len(r.t.cols)
	done := 0
	for _, n := range r.t.sizes {
		for len(r.owner)-done >= n && (all || n == r.t.sizes[0]) {
			st := tx.StmtContext(ctx, stmts[multiInsertSQL(r.t, n)])
			_, err := st.ExecContext(ctx, r.args[done*width:(done+n)*width]...)
			if err != nil {
				return &marsad.BatchError{Index: r.owner[done], Err: fmt.Errorf("%s: %w", r.t.name, err)}
			}
			done += n
		}
	}
	r.args = append(r.args[:0], r.args[done*width:]...)
	r.owner = append(r.owner[:0], r.owner[done:]...)
	return nil
}

// PutArticles stores the articles in one transaction (marsad.BatchStore).
func (s *Store) PutArticles(ctx context.Context, as []*marsad.Article) ([]marsad.PutResult, error) {
	res, err := s.putArticles(ctx, as)
	if err != nil {
		return nil, batchErr(as, err)
	}
	return res, nil
}

// batchErr gives an error the store's prefix and, when it names an
// article, the article's name; an EINVALID error keeps its code.
func batchErr(as []*marsad.Article, err error) error {
	var be *marsad.BatchError
	if !errors.As(err, &be) {
		return fmt.Errorf("sqlite: put %d articles: %w", len(as), err)
	}
	if marsad.ErrorCode(be.Err) != marsad.EINTERNAL {
		return be
	}
	name := "nil article"
	if a := as[be.Index]; a != nil {
		name = articleName(a)
	}
	return &marsad.BatchError{Index: be.Index, Err: fmt.Errorf("sqlite: put article %q: %w", name, be.Err)}
}

func (s *Store) putArticles(ctx context.Context, as []*marsad.Article) ([]marsad.PutResult, error) {
	if len(as) == 0 {
		return nil, nil
	}
	for i, a := range as {
		if a == nil {
			return nil, &marsad.BatchError{Index: i, Err: marsad.Errorf(marsad.EINVALID, "sqlite: put article: nil article")}
		}
	}
	ps := s.prepareAll(as)
	stmts, err := s.prepareWrites(ctx)
	if err != nil {
		return nil, err
	}
	// The batch takes the writer connection for itself, because it turns
	// foreign keys off on it: an enforced key makes every multi-row INSERT
	// open a statement journal, which costs a page copy per touched page
	// and makes FTS5 flush its pending terms into a new segment at each
	// statement. The rows of a batch point only at the articles and events
	// it has just inserted, so there is nothing to check.
	conn, err := s.write.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return nil, err
	}
	defer func() {
		if _, err := conn.ExecContext(context.Background(), `PRAGMA foreign_keys = ON`); err != nil {
			// Never hand back a connection that does not check keys.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()

	// Event ids are assigned here rather than read back one RETURNING at a
	// time: the IMMEDIATE transaction holds the write lock, so nobody else
	// can take them, and the participants can go in multi-row INSERTs.
	var eventID int64
	if err := tx.StmtContext(ctx, stmts[maxEventSQL]).QueryRowContext(ctx).Scan(&eventID); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	insert := tx.StmtContext(ctx, stmts[insertSQL])
	find := tx.StmtContext(ctx, stmts[findHashSQL])
	fts := &rows{t: ftsTable}
	ents := &rows{t: entityTable}
	names := &rows{t: nameTable}
	quotes := &rows{t: quoteTable}
	events := &rows{t: eventTable}
	parts := &rows{t: partTable}
	all := []*rows{fts, ents, names, quotes, events, parts}

	out := make([]marsad.PutResult, len(as))
	for i, p := range ps {
		r, err := insert.ExecContext(ctx, p.args...)
		if err != nil {
			return nil, &marsad.BatchError{Index: i, Err: err}
		}
		if n, err := r.RowsAffected(); err != nil {
			return nil, &marsad.BatchError{Index: i, Err: err}
		} else if n == 0 {
			// Stored before, or earlier in this batch.
			var id int64
			if err := find.QueryRowContext(ctx, p.hash).Scan(&id); err != nil {
				return nil, &marsad.BatchError{Index: i, Err: fmt.Errorf("find duplicate: %w", err)}
			}
			out[i] = marsad.PutResult{ID: id}
			continue
		}
		id, err := r.LastInsertId()
		if err != nil {
			return nil, &marsad.BatchError{Index: i, Err: err}
		}
		out[i] = marsad.PutResult{ID: id, Created: true}

		a := p.a
		fts.add(i, id, p.titleTerms, p.bodyTerms)
		for _, e := range a.Entities {
			ents.add(i, id, e.ID, e.Name, arabic.Normalize(e.Name), string(e.Type), stringsJSON(e.Aliases))
			for _, n := range normalizedNames(e.Name, e.Aliases) {
				names.add(i, id, e.ID, n)
			}
		}
		for _, x := range a.Quotes {
			quotes.add(i, id, x.Speaker, x.SpeakerID, arabic.Normalize(x.Speaker), string(x.Kind), x.Text, x.Via, x.Start, x.End)
		}
		for _, e := range a.Events {
			eventID++
			events.add(i, eventID, id, e.Kind, e.When, e.WhenText, stringsJSON(e.Who), stringsJSON(e.With), e.Where, e.Text)
			for _, n := range normalizedNames("", append(append([]string(nil), e.Who...), e.With...)) {
				parts.add(i, eventID, n)
			}
		}
		for _, r := range all[:len(all)-1] {
			if err := r.flush(ctx, tx, stmts, false); err != nil {
				return nil, err
			}
		}
		if len(parts.owner) >= partTable.sizes[0] {
			// Every event before its participants: the foreign key is
			// checked at each insert.
			if err := events.flush(ctx, tx, stmts, true); err != nil {
				return nil, err
			}
			if err := parts.flush(ctx, tx, stmts, false); err != nil {
				return nil, err
			}
		}
	}
	for _, r := range all {
		if err := r.flush(ctx, tx, stmts, true); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return out, nil
}
