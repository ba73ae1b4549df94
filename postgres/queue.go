package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-news/marsad"
)

var _ marsad.WorkQueue = (*Store)(nil)

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
	if _, err := s.pool.Exec(ctx, `UPDATE ingest_claims SET done = true WHERE key = $1`, key); err != nil {
		return fmt.Errorf("postgres: finish claim %s: %w", key, err)
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
