package ingest

import (
	"context"

	"github.com/marsad-news/marsad"
)

// rebuild is filled in as cross-article stages land (resolve, story).
func rebuild(ctx context.Context, store marsad.Store) error {
	return nil
}
