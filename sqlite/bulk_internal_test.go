package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// A whole-store pass reads unmapped, and gives its connection back to the
// pool mapped like every other reader, so the desk's reads keep their map.
func TestBulkReaderRestoresMmap(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "bulk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	mmap := func(c *sql.Conn) int64 {
		var n int64
		if err := c.QueryRowContext(ctx, "PRAGMA mmap_size").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	b, err := bulkReader(ctx, s.read)
	if err != nil {
		t.Fatal(err)
	}
	if n := mmap(b.Conn); n != 0 {
		t.Errorf("bulk reader maps %d bytes, want 0", n)
	}
	b.release()
	// Hold every connection of the pool at once: each must be mapped.
	var conns []*sql.Conn
	for range s.read.Stats().MaxOpenConnections {
		c, err := s.read.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		if n := mmap(c); n != readerMmapSize {
			t.Errorf("pooled reader maps %d bytes, want %d", n, readerMmapSize)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}
