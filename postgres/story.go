package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/marsad-news/marsad"
)

// ReplaceStories replaces every stored story in one transaction. A story
// with a zero ID gets its position in stories (from 1) as id. Two stories
// with one id, or an article that is not stored, is an EINVALID error and
// changes nothing.
func (s *Store) ReplaceStories(ctx context.Context, stories []marsad.Story) error {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: replace stories: %w", err)
	}
	defer tx.Rollback(ctx)
	b := &pgx.Batch{}
	// Ingest processes sharing the database rebuild at the end of their
	// batches; one replaces at a time (the lock ends with the transaction).
	b.Queue(`SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.replace_stories'))`)
	b.Queue(`DELETE FROM story_articles`)
	b.Queue(`DELETE FROM stories`)
	for i, st := range stories {
		if st.ID == 0 {
			st.ID = int64(i + 1)
		}
		b.Queue(`INSERT INTO stories (id, title, articles, data) VALUES ($1, $2, $3, $4)`,
			st.ID, clean(st.Title), len(st.Articles), jsonText(st))
		for _, a := range st.Articles {
			b.Queue(`INSERT INTO story_articles (story_id, article_id, duplicate) VALUES ($1, $2, FALSE) ON CONFLICT DO NOTHING`, st.ID, a.ID)
		}
		for _, a := range st.Articles {
			for _, d := range a.Duplicates {
				b.Queue(`INSERT INTO story_articles (story_id, article_id, duplicate) VALUES ($1, $2, TRUE) ON CONFLICT DO NOTHING`, st.ID, d.ID)
			}
		}
	}
	err = tx.SendBatch(ctx, b).Close()
	switch pgCode(err) {
	case "":
	case uniqueViolation:
		return marsad.Errorf(marsad.EINVALID, "postgres: replace stories: a story id is given twice")
	case foreignKeyViolation:
		return marsad.Errorf(marsad.EINVALID, "postgres: replace stories: a story names an article that is not stored")
	}
	if err != nil {
		return fmt.Errorf("postgres: replace stories: %w", err)
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: replace stories: %w", err)
	}
	return nil
}

// Stories lists stories, most articles first, then by id.
func (s *Store) Stories(ctx context.Context, f marsad.StoryFilter) ([]marsad.Story, error) {
	rows, err := s.pool.Query(ctx, `SELECT data FROM stories ORDER BY articles DESC, id LIMIT $1 OFFSET $2`,
		limit(f.Limit), max(0, f.Offset))
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	defer rows.Close()
	out := []marsad.Story{}
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("postgres: stories: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return out, nil
}

// Story returns one story.
func (s *Store) Story(ctx context.Context, id int64) (*marsad.Story, error) {
	st, err := scanStory(s.pool.QueryRow(ctx, `SELECT data FROM stories WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, marsad.Errorf(marsad.ENOTFOUND, "story %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("postgres: story %d: %w", id, err)
	}
	return &st, nil
}

func scanStory(row pgx.Row) (marsad.Story, error) {
	var data string
	var st marsad.Story
	if err := row.Scan(&data); err != nil {
		return st, err
	}
	if err := json.Unmarshal([]byte(data), &st); err != nil {
		return st, fmt.Errorf("read story: %w", err)
	}
	return st, nil
}
