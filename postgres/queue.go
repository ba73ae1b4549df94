package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-news/marsad"
)

var _ marsad.BatchWorkQueue = (*Store)(nil)

// owner returns the backend pid of the connection this process holds for
// its claims; the connection stays open until Close, so that other
// processes can tell a live claim from a dead one.
func (s *Store) owner(ctx context.Context) (int32, error) {
	s.queueMu.Lock()
	defer s.queueMu.Unlock()
	if s.queueConn != nil {
		return s.ownerPID, nil
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return 0, fmt.Errorf("postgres: work queue connection: %w", err)
	}
	var pid int32
	if err := conn.QueryRow(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
		conn.Release()
		return 0, fmt.Errorf("postgres: work queue connection: %w", err)
	}
	// A claim need not wait for the disk: one lost in a server crash is
	// free again afterwards, and its record is claimed and stored (or
	// found stored) by whoever comes next. Claims were an fsync per input
	// record, which throttled the walk that feeds the analysis workers.
	if _, err := conn.Exec(ctx, `SET synchronous_commit = off`); err != nil {
		conn.Release()
		return 0, fmt.Errorf("postgres: work queue connection: %w", err)
	}
	s.queueConn, s.ownerPID = conn, pid
	return pid, nil
}

// Claim takes the record key for this process. It succeeds for a new key,
// and for a key whose claim is not done and whose owner's connection is
// gone (that process died); the row lock ON CONFLICT takes makes two
// processes racing for one key see one winner.
func (s *Store) Claim(ctx context.Context, key string) (bool, error) {
	pid, err := s.owner(ctx)
	if err != nil {
		return false, err
	}
	var got string
	err = s.queueConn.QueryRow(ctx, `
		INSERT INTO ingest_claims (key, owner_pid) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET owner_pid = EXCLUDED.owner_pid, claimed_at = now()
		WHERE NOT ingest_claims.done
		  AND ingest_claims.owner_pid <> EXCLUDED.owner_pid
		  AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = ingest_claims.owner_pid)
		RETURNING key`, key, pid).Scan(&got)
	if err == pgx.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("postgres: claim %s: %w", key, err)
	}
	return true, nil
}

// Finish marks a claimed record done.
func (s *Store) Finish(ctx context.Context, key string) error {
	if err := s.finish(ctx, []string{key}); err != nil {
		return fmt.Errorf("postgres: finish claim %s: %w", key, err)
	}
	return nil
}

// finish marks claims done without waiting for the disk: a mark lost in a
// server crash leaves a claim whose owner is gone, which the next process
// takes, finding its article stored (a duplicate) or storing it.
func (s *Store) finish(ctx context.Context, keys []string) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	b := &pgx.Batch{}
	b.Queue(`SET LOCAL synchronous_commit = off`)
	b.Queue(`UPDATE ingest_claims SET done = true WHERE key = ANY($1)`, keys)
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// FinishAll marks claimed records done in one statement: one commit for
// a stored batch instead of one per record.
func (s *Store) FinishAll(ctx context.Context, keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	if err := s.finish(ctx, keys); err != nil {
		return fmt.Errorf("postgres: finish %d claims: %w", len(keys), err)
	}
	return nil
}

// releaseQueue gives the claims connection back; called by Close.
func (s *Store) releaseQueue() {
	s.queueMu.Lock()
	defer s.queueMu.Unlock()
	if s.queueConn != nil {
		s.queueConn.Release()
		s.queueConn = nil
	}
}
