// Package postgres stores marsad's articles, analysis, entities and stories
// in PostgreSQL, for deployments where several ingest processes and web
// servers share one database. It has the same schema, semantics and
// conformance tests (storetest) as package sqlite.
//
// Search. Each article carries a tsvector built in Go from the same
// analyzed terms as the SQLite index (search.Analyze), title terms with
// weight A and body terms with weight D, positions counted over the
// analyzed terms so that phrases skip stopwords exactly as in SQLite.
// The vector and the query are written as tsvector and tsquery text (what
// to_tsvector('simple', …) would give, minus its parser, which would split
// terms such as 2023/09/26 differently from ours), so PostgreSQL's parsers
// and dictionaries never see the text and بروسيا finds روسيا here too.
//
// Ranking differs from SQLite: hits are ordered by ts_rank_cd (cover
// density) with the title weighted TitleWeight times the body, divided by
// 1 + log(document length). SQLite uses BM25, which also weighs how rare a
// term is across the collection; ts_rank_cd does not. Both put a title
// match above body-only matches, but the order of body-only hits may
// differ between the backends.
//
// Index limits, from PostgreSQL's tsvector: positions above 16383 are
// clamped (a phrase deep inside a very long article may be missed), at most
// 256 positions are kept per term, a term longer than 2046 bytes is not
// indexed, and an article's index stops growing new terms near 1 MB.
//
// Concurrency. Several processes may store at once: PutArticle inserts
// with ON CONFLICT (content_hash) DO NOTHING, so two writers storing the
// same article store it once and both get its id.
//
// Durability. Each PutArticle, and each PutArticles batch (what ingest
// uses, batch.go), is one transaction, committed with the server's
// synchronous_commit setting (on by default: an fsync per commit). Adding
// synchronous_commit=off to the URL saves that wait; a server crash may
// then lose the last few commits (never a client crash), and never
// corrupts the database.
//
// Limits. A zero Limit in a filter means "no limit", except for Search,
// where it means DefaultSearchLimit.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"github.com/marsad-news/marsad/migrate"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"embed"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/marsad-news/marsad"
)

//go:embed migration/*.sql
var migrationFS embed.FS

// Search tuning.
const (
	DefaultSearchLimit = 10
	MaxSearchLimit     = 1000
	// TitleWeight is how much more a title term counts than a body term.
	TitleWeight = 5.0
)

// Store is a marsad.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool

	// The work queue's connection, held for the process's whole run so
	// that its backend pid marks this process's claims as live.
	queueMu   sync.Mutex
	queueConn *pgxpool.Conn
	ownerPID  int32

	// Now returns the ingest time of new articles; tests fix it.
	Now func() time.Time
}

var _ marsad.Store = (*Store)(nil)

// Open connects to the database at url (postgres://user@host:port/db?…)
// and brings its schema up to date. Tables live in the first schema of the
// connection's search_path; add search_path=name to the URL to use another
// schema than public.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, marsad.Errorf(marsad.EINVALID, "postgres: bad database URL: %v", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect %s: %w", redact(cfg), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect %s: %w", redact(cfg), err)
	}
	s := &Store{pool: pool, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	// An ingest that died while its indexes were deferred left them to
	// whoever opens the store next (bulk.go).
	if err := s.RestoreIndexes(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// redact names a database in messages without its password.
func redact(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	return fmt.Sprintf("%s@%s:%d/%s", c.User, c.Host, c.Port, c.Database)
}

// Close closes the pool.
func (s *Store) Close() error {
	s.releaseQueue()
	s.pool.Close()
	return nil
}

// migrate applies the embedded migrations the schema has not seen, in file
// name order, each in its own transaction with its schema_version row. A
// transaction-scoped advisory lock per schema makes concurrent Opens (two
// processes starting at once) apply each migration once.
func (s *Store) migrate(ctx context.Context) error {
	files, err := migrate.List(migrationFS, "migration")
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	for _, f := range files {
		if err := s.migrateOne(ctx, f.Version, f.Name); err != nil {
			return fmt.Errorf("postgres: migrate %d (%s): %w", f.Version, f.Name, err)
		}
	}
	return nil
}

func (s *Store) migrateOne(ctx context.Context, version int, name string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('marsad migrate ' || current_schema()))`); err != nil {
		return fmt.Errorf("lock: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied TIMESTAMPTZ NOT NULL DEFAULT now()
	)`); err != nil {
		return err
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM schema_version WHERE version = $1`, version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := migrationFS.ReadFile(name)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_version (version, name) VALUES ($1, $2)`, version, name); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// SchemaVersion returns the highest migration applied to the schema.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v *int
	if err := s.pool.QueryRow(ctx, `SELECT max(version) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("postgres: schema version: %w", err)
	}
	if v == nil {
		return 0, nil
	}
	return *v, nil
}

// snapshot is a read-only transaction that sees one state of the database
// across its statements, so that a total and its page agree.
var snapshot = pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}

// params numbers query arguments as $1, $2, … while a query is built.
type params struct{ args []any }

func (p *params) add(v any) string {
	p.args = append(p.args, v)
	return "$" + strconv.Itoa(len(p.args))
}

// in returns "($i, $j, …)" for an IN clause.
func (p *params) in(values []string) string {
	marks := make([]string, len(values))
	for i, v := range values {
		marks[i] = p.add(v)
	}
	return "(" + strings.Join(marks, ", ") + ")"
}

// limit returns the LIMIT argument: NULL (no limit) for a non-positive one.
func limit(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}

// pgCode returns the SQLSTATE of a PostgreSQL error, "" for other errors.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

const (
	uniqueViolation     = "23505"
	foreignKeyViolation = "23503"
)

// clean makes s storable: PostgreSQL text refuses invalid UTF-8 and NUL,
// so invalid bytes become U+FFFD and NULs are dropped (package sqlite does
// the same, so both backends return the same text).
func clean(s string) string {
	if utf8.ValidString(s) && !strings.ContainsRune(s, 0) {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}

// cleanAll cleans every string of a list.
func cleanAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = clean(s)
	}
	return out
}
