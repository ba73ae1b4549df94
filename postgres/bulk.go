package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/migrate"
)

// Deferred index upkeep (marsad.BulkLoader), as in the sqlite package.
// Here the costly one is the search index: a GIN index with fastupdate
// off writes an entry per distinct term of every article at insert time.
// On the SaudiNewsNet corpus the ingest phase took 91.6 s with every index
// kept (`marsad bench --db postgres://…`), against 30–33 s for SQLite.
//
// Dropping and creating an index takes an exclusive lock on its table
// for the length of the statement: a reader waits for it, which is why
// only a long run (ingest.BulkAfter) defers, and why the whole-table
// rewrites of the rebuild keep their indexes (readers of the desk see the
// old entities until the commit, without waiting).

// bulkIndexes are the indexes a long ingest defers: full-text search and
// the indexes on random keys of the tables an ingest appends to.
var bulkIndexes = []string{
	"articles_search",
	"articles_published",
	"article_entities_norm",
	"quotes_norm_speaker",
	"quotes_speaker",
	"event_participants_name",
	"events_when",
}

// DeferIndexes drops the bulk indexes, recording their definitions in
// deferred_indexes in the same transaction.
func (s *Store) DeferIndexes(ctx context.Context) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: defer indexes: %w", err)
	}
	defer tx.Rollback(ctx)
	for _, name := range bulkIndexes {
		var def string
		err := tx.QueryRow(ctx, `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = $1`, name).Scan(&def)
		if errors.Is(err, pgx.ErrNoRows) {
			continue // already deferred (another process), or never made
		} else if err != nil {
			return fmt.Errorf("postgres: defer index %s: %w", name, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO deferred_indexes (name, def) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET def = EXCLUDED.def`, name, def); err != nil {
			return fmt.Errorf("postgres: defer index %s: %w", name, err)
		}
		if _, err := tx.Exec(ctx, `DROP INDEX IF EXISTS `+pgx.Identifier{name}.Sanitize()); err != nil {
			return fmt.Errorf("postgres: defer index %s: %w", name, err)
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: defer indexes: %w", err)
	}
	return nil
}

// RestoreIndexes builds every deferred index and forgets it, in one
// transaction; Open calls it.
func (s *Store) RestoreIndexes(ctx context.Context) error {
	// Every Open comes here: a plain read first, so that a store with
	// nothing deferred (nearly always) takes no lock.
	var pending bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM deferred_indexes)`).Scan(&pending); err != nil {
		return fmt.Errorf("postgres: restore indexes: %w", err)
	}
	if !pending {
		return nil
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: restore indexes: %w", err)
	}
	defer tx.Rollback(ctx)
	// Two processes restoring at once would both try to create the same
	// index: one at a time, per schema.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('marsad deferred indexes ' || current_schema()))`); err != nil {
		return fmt.Errorf("postgres: restore indexes: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT name, def FROM deferred_indexes ORDER BY name`)
	if err != nil {
		return fmt.Errorf("postgres: restore indexes: %w", err)
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return fmt.Errorf("postgres: restore indexes: %w", err)
		}
		names, defs = append(names, name), append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: restore indexes: %w", err)
	}
	if len(names) == 0 {
		return nil
	}
	for i, def := range defs {
		if _, err := tx.Exec(ctx, migrate.IfNotExists(def)); err != nil {
			return fmt.Errorf("postgres: restore index %s: %w", names[i], err)
		}
	}
	if _, err := tx.Exec(ctx, `DELETE FROM deferred_indexes`); err != nil {
		return fmt.Errorf("postgres: restore indexes: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: restore indexes: %w", err)
	}
	return nil
}

var _ marsad.BulkLoader = (*Store)(nil)
