// Package sqlite stores marsad's articles, analysis, entities and stories in
// one SQLite file, with Arabic-aware full-text search through FTS5. It is
// marsad's default store: no server, no cgo (modernc.org/sqlite).
//
// Concurrency. A Store holds two pools on the same file: one writer
// connection, because SQLite admits one writer at a time and a single
// connection turns contention inside the process into a queue instead of
// SQLITE_BUSY, and a pool of query-only readers. The file is in WAL mode,
// so readers never wait for the writer: `marsad serve` keeps answering
// while `marsad ingest` stores from another process. Write transactions
// begin IMMEDIATE and every connection has a busy timeout, so two
// processes writing at once take turns instead of failing.
//
// Durability. Each PutArticle, and each PutArticles batch (what ingest
// uses), is one transaction. With synchronous=NORMAL in WAL mode a commit
// survives a crash of the process (kill -9) but the last commits may be
// lost if the operating system crashes; the database is never corrupted
// in either case. Writes are described in batch.go.
//
// Search. The FTS5 table is contentless and holds analyzed terms
// (search.IndexText), not raw text; queries go through the same analyzer
// (search.Parse). Hits are ranked by bm25 with the title weighted
// TitleWeight times the body.
//
// Limits. A zero Limit in a filter means "no limit", except for Search,
// where it means DefaultSearchLimit.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"github.com/marsad-news/marsad/migrate"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/marsad-news/marsad"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migration/*.sql
var migrationFS embed.FS

// Search tuning.
const (
	DefaultSearchLimit = 10
	MaxSearchLimit     = 1000
	// TitleWeight is the bm25 weight of the title column; the body has 1.
	TitleWeight = 5.0
)

// busyTimeout is how long a connection waits for a lock held by another
// connection or process before it reports SQLITE_BUSY.
const busyTimeout = 15 * time.Second

// Store is a marsad.Store in an SQLite file.
type Store struct {
	path  string
	write *sql.DB // exactly one connection
	read  *sql.DB // query-only connections
	stmts writeStmts
	terms [4]termCache // one per preparing goroutine (batch.go)

	// Now returns the ingest time of new articles; tests fix it.
	Now func() time.Time
}

var _ marsad.Store = (*Store)(nil)

// Open opens the database at path, creating it if needed, and brings its
// schema up to date. The path ":memory:" opens a private in-memory
// database (one connection, for tests and one-shot runs).
func Open(path string) (*Store, error) {
	s := &Store{path: path, Now: time.Now}
	common := "_busy_timeout=" + strconv.FormatInt(busyTimeout.Milliseconds(), 10) + "&_foreign_keys=1"
	if path == ":memory:" {
		db, err := sql.Open("sqlite", "file::memory:?"+common+"&_txlock=immediate")
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		db.SetMaxOpenConns(1)
		db.SetConnMaxLifetime(0)
		db.SetMaxIdleConns(1)
		s.write, s.read = db, db
	} else {
		uri := fileURI(path)
		w, err := sql.Open("sqlite", uri+"?"+common+"&_journal_mode=WAL&_synchronous=NORMAL&_pragma=wal_autocheckpoint(8000)&_txlock=immediate")
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		w.SetConnMaxLifetime(0)
		s.write = w
		// Make sure the file exists and is in WAL mode before readers open it.
		if err := w.Ping(); err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		// Readers map up to 256 MB of the file: on a 30k-article corpus an
		// entity page's reads spent 29% of their time in pread copying
		// pages into each connection's small cache (web/LOAD.md); mapped,
		// EntityArticles and Quotes by speaker take 10–45% less time.
		r, err := sql.Open("sqlite", uri+"?"+common+"&_query_only=1&_pragma=mmap_size("+strconv.Itoa(readerMmapSize)+")")
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		n := max(4, runtime.GOMAXPROCS(0))
		r.SetMaxOpenConns(n)
		r.SetMaxIdleConns(n)
		s.read = r
	}
	if err := s.migrate(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	// An ingest that died while its indexes were deferred left them to
	// whoever opens the store next (bulk.go).
	if err := s.RestoreIndexes(context.Background()); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// fileURI turns a path into an SQLite URI filename, escaping the characters
// that URIs reserve so that any path works.
func fileURI(path string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(path)
}

// Close closes both pools.
func (s *Store) Close() error {
	s.closeStmts()
	var errs []error
	if s.read != nil && s.read != s.write {
		errs = append(errs, s.read.Close())
	}
	if s.write != nil {
		errs = append(errs, s.write.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlite: close %s: %w", s.path, err)
	}
	return nil
}

// migrate applies the embedded migrations that the database has not seen,
// in file name order, each in its own transaction together with its
// schema_version row. Another process migrating at the same moment is
// harmless: the version check happens inside the IMMEDIATE transaction.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.write.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("sqlite: create schema_version: %w", err)
	}
	files, err := migrate.List(migrationFS, "migration")
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	for _, f := range files {
		if err := s.migrateOne(ctx, f.Version, f.Name); err != nil {
			return fmt.Errorf("sqlite: migrate %d (%s): %w", f.Version, f.Name, err)
		}
	}
	return nil
}

func (s *Store) migrateOne(ctx context.Context, version int, name string) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_version WHERE version = ?`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := migrationFS.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)`,
		version, name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// SchemaVersion returns the highest migration applied to the database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := s.read.QueryRowContext(ctx, `SELECT max(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("sqlite: schema version: %w", err)
	}
	return int(v.Int64), nil
}

// IntegrityCheck runs PRAGMA integrity_check and the FTS5 index check and
// returns nil when both find nothing wrong.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.read.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("sqlite: integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("sqlite: integrity check: %s", strings.Join(problems, "; "))
	}
	// The FTS5 index checks its own structure; it needs a write
	// connection but changes nothing.
	if _, err := s.write.ExecContext(ctx, `INSERT INTO article_fts (article_fts) VALUES ('integrity-check')`); err != nil {
		return fmt.Errorf("sqlite: integrity check: search index: %w", err)
	}
	return nil
}

// limitArgs turns a filter's Limit and Offset into LIMIT ? OFFSET ?
// arguments: a non-positive limit means no limit (-1 to SQLite).
func limitArgs(limit, offset int) (int, int) {
	if limit <= 0 {
		limit = -1
	}
	return limit, max(0, offset)
}

// isForeignKeyError reports whether err is SQLite refusing a row that
// points at a missing article, entity or story.
func isForeignKeyError(err error) bool {
	return err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed")
}

// isUniqueError reports whether err is SQLite refusing a duplicate key.
func isUniqueError(err error) bool {
	return err != nil && (strings.Contains(err.Error(), "UNIQUE constraint failed") ||
		strings.Contains(err.Error(), "PRIMARY KEY"))
}
