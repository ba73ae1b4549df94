package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/postgres"
	"github.com/marsad-news/marsad/sqlite"
)

// dbLocation resolves --db, then $MARSAD_DB, then the default file under
// the user's data directory ($XDG_DATA_HOME/marsad/marsad.db, or
// ~/.local/share/marsad/marsad.db).
func (g *globals) dbLocation() (string, error) {
	if g.db != "" {
		return g.db, nil
	}
	if env := os.Getenv("MARSAD_DB"); env != "" {
		return env, nil
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no --db given and no home directory: %w", err)
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "marsad", "marsad.db"), nil
}

// openStore opens the database the flags name: PostgreSQL for a postgres://
// URL, SQLite otherwise.
func (g *globals) openStore(ctx context.Context) (marsad.Store, error) {
	loc, err := g.dbLocation()
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(loc, "postgres://") || strings.HasPrefix(loc, "postgresql://") {
		return postgres.Open(ctx, loc)
	}
	if err := os.MkdirAll(filepath.Dir(loc), 0o755); err != nil {
		return nil, fmt.Errorf("create database directory: %w", err)
	}
	return sqlite.Open(loc)
}

// withStore opens the database the flags name, runs fn on it and closes
// it: the frame of every command that reads or writes the database.
func (g *globals) withStore(cmd *cobra.Command, fn func(ctx context.Context, store marsad.Store) error) error {
	ctx := cmd.Context()
	store, err := g.openStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	return fn(ctx, store)
}
