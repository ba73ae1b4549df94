package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/storedjson"
)

var _ marsad.EntityReader = (*Store)(nil)

// entityPage is how many articles EachEntities reads per query; it holds
// no connection while fn runs.
const entityPage = 1000

// EachEntities calls fn for every article, in id order, with its
// article-local entities (marsad.EntityReader). It reads only the id and
// the analysis column and decodes only the entities out of it, not the
// body, quotes, events or times.
func (s *Store) EachEntities(ctx context.Context, fn func(int64, []marsad.Entity) error) error {
	conn, err := bulkReader(ctx, s.read)
	if err != nil {
		return fmt.Errorf("sqlite: each entities: %w", err)
	}
	defer conn.release()
	var last int64
	for {
		ids, ents, err := s.entityPage(ctx, conn.Conn, last)
		if err != nil {
			return err
		}
		for i, id := range ids {
			if err := fn(id, ents[i]); err != nil {
				return err
			}
			last = id
		}
		if len(ids) < entityPage {
			return nil
		}
	}
}

func (s *Store) entityPage(ctx context.Context, conn *sql.Conn, after int64) ([]int64, [][]marsad.Entity, error) {
	rows, err := conn.QueryContext(ctx, `SELECT id, analysis FROM articles WHERE id > ? ORDER BY id LIMIT ?`, after, entityPage)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: each entities: %w", err)
	}
	defer rows.Close()
	var ids []int64
	var ents [][]marsad.Entity
	for rows.Next() {
		var id int64
		var an string
		if err := rows.Scan(&id, &an); err != nil {
			return nil, nil, fmt.Errorf("sqlite: each entities: %w", err)
		}
		e, err := storedjson.Entities(an)
		if err != nil {
			return nil, nil, fmt.Errorf("sqlite: each entities: article %d: %w", id, err)
		}
		ids, ents = append(ids, id), append(ents, e)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: each entities: %w", err)
	}
	return ids, ents, nil
}
