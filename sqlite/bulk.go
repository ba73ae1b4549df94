package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/migrate"
)

// Deferred index upkeep (marsad.BulkLoader). Measured on the SaudiNewsNet
// corpus (29,904 articles, `marsad bench`), the ingest made 1.54 million
// write and 0.89 million read syscalls for a store of 530 MB: each batch's
// commit rewrote most pages of the indexes on random keys (an article's
// nine entity names, its quotes' speakers, its dates), and the page cache
// re-read them. Without those indexes the same ingest made 0.53 million
// writes and 0.20 million reads; building them afterwards, sorted, takes
// well under a second.

// bulkIndexes are the indexes a long ingest defers: those on random keys
// of the tables an ingest appends to. Indexes whose key grows with the
// article id cost little to keep and stay, as do UNIQUE constraints, which
// deduplication needs (content_hash).
var bulkIndexes = []string{
	"articles_published",
	"article_entities_norm",
	"quotes_norm_speaker",
	"quotes_speaker",
	"event_participants_name",
	"events_when",
}

// DeferIndexes drops the bulk indexes, recording their definitions in
// deferred_indexes in the same transaction, so that no crash can lose one.
func (s *Store) DeferIndexes(ctx context.Context) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: defer indexes: %w", err)
	}
	defer tx.Rollback()
	for _, name := range bulkIndexes {
		var def string
		err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ? AND sql IS NOT NULL`, name).Scan(&def)
		if errors.Is(err, sql.ErrNoRows) {
			continue // already deferred (another process), or never made
		} else if err != nil {
			return fmt.Errorf("sqlite: defer index %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO deferred_indexes (name, sql) VALUES (?, ?)`, name, def); err != nil {
			return fmt.Errorf("sqlite: defer index %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+quoteIdent(name)); err != nil {
			return fmt.Errorf("sqlite: defer index %s: %w", name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: defer indexes: %w", err)
	}
	return nil
}

// RestoreIndexes builds every deferred index and forgets it, in one
// transaction. Open calls it, so an ingest that died with its indexes
// deferred leaves a store that repairs itself.
func (s *Store) RestoreIndexes(ctx context.Context) error {
	// Every Open comes here: a plain read first, so that a store with
	// nothing deferred (nearly always) never waits for the write lock an
	// ingest may be holding.
	var pending bool
	if err := s.write.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM deferred_indexes)`).Scan(&pending); err != nil {
		return fmt.Errorf("sqlite: restore indexes: %w", err)
	}
	if !pending {
		return nil
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: restore indexes: %w", err)
	}
	defer tx.Rollback()
	names, defs, err := indexDefs(ctx, tx, `SELECT name, sql FROM deferred_indexes ORDER BY name`)
	if err != nil {
		return fmt.Errorf("sqlite: restore indexes: %w", err)
	}
	if len(names) == 0 {
		return nil
	}
	for i, def := range defs {
		if _, err := tx.ExecContext(ctx, migrate.IfNotExists(def)); err != nil {
			return fmt.Errorf("sqlite: restore index %s: %w", names[i], err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM deferred_indexes`); err != nil {
		return fmt.Errorf("sqlite: restore indexes: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: restore indexes: %w", err)
	}
	return nil
}

var _ marsad.BulkLoader = (*Store)(nil)

// rebuildIndexes drops the secondary indexes of tables (the ones the
// schema declares, not those SQLite makes for a PRIMARY KEY or UNIQUE
// constraint) inside tx, runs fill, and creates them again, sorted, from
// their stored definitions. ReplaceEntities and ReplaceStories rewrite
// whole tables: inserting every row into indexes on random keys costs
// several times more than building them once. Inside the transaction
// readers see the old tables, indexes included, until the commit.
func rebuildIndexes(ctx context.Context, tx *sql.Tx, tables []string, fill func() error) error {
	q := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (` +
		strings.TrimSuffix(strings.Repeat("?,", len(tables)), ",") + `) ORDER BY name`
	args := make([]any, len(tables))
	for i, t := range tables {
		args[i] = t
	}
	names, defs, err := indexDefs(ctx, tx, q, args...)
	if err != nil {
		return fmt.Errorf("list indexes: %w", err)
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+quoteIdent(name)); err != nil {
			return fmt.Errorf("drop index %s: %w", name, err)
		}
	}
	if err := fill(); err != nil {
		return err
	}
	for i, def := range defs {
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("create index %s: %w", names[i], err)
		}
	}
	return nil
}

// indexDefs runs a query of (name, definition) rows.
func indexDefs(ctx context.Context, tx *sql.Tx, q string, args ...any) (names, defs []string, err error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return nil, nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	return names, defs, rows.Err()
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
