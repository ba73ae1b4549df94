package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/marsad-news/marsad"
)

// ReplaceStories replaces every stored story in one transaction. A story
// with a zero ID gets its position in stories (from 1) as id. Two stories
// with one id, or an article that is not stored, is an EINVALID error and
// changes nothing.
func (s *Store) ReplaceStories(ctx context.Context, stories []marsad.Story) error {
	if err := s.replaceStories(ctx, stories); err != nil {
		if marsad.ErrorCode(err) != marsad.EINTERNAL {
			return err
		}
		return fmt.Errorf("sqlite: replace stories: %w", err)
	}
	return nil
}

func (s *Store) replaceStories(ctx context.Context, stories []marsad.Story) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	err = rebuildIndexes(ctx, tx, []string{"story_articles", "stories"}, func() error {
		for _, table := range []string{"story_articles", "stories"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
				return err
			}
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO stories (id, title, articles, data) VALUES (?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		member, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO story_articles (story_id, article_id, duplicate) VALUES (?, ?, ?)`)
		if err != nil {
			return err
		}
		defer member.Close()
		for i, st := range stories {
			if st.ID == 0 {
				st.ID = int64(i + 1)
			}
			if _, err := ins.ExecContext(ctx, st.ID, st.Title, len(st.Articles), jsonText(st)); err != nil {
				if isUniqueError(err) {
					return marsad.Errorf(marsad.EINVALID, "sqlite: replace stories: story id %d given twice", st.ID)
				}
				return fmt.Errorf("story %d: %w", st.ID, err)
			}
			add := func(articleID int64, dup bool) error {
				_, err := member.ExecContext(ctx, st.ID, articleID, dup)
				if isForeignKeyError(err) {
					return marsad.Errorf(marsad.EINVALID, "sqlite: replace stories: story %d: article %d is not stored", st.ID, articleID)
				} else if err != nil {
					return fmt.Errorf("story %d article %d: %w", st.ID, articleID, err)
				}
				return nil
			}
			for _, a := range st.Articles {
				if err := add(a.ID, false); err != nil {
					return err
				}
			}
			for _, a := range st.Articles {
				for _, d := range a.Duplicates {
					if err := add(d.ID, true); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return tx.Commit()
}

// Stories lists stories, most articles first, then by id.
func (s *Store) Stories(ctx context.Context, f marsad.StoryFilter) ([]marsad.Story, error) {
	limit, offset := limitArgs(f.Limit, f.Offset)
	rows, err := s.read.QueryContext(ctx, `SELECT data FROM stories ORDER BY articles DESC, id LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	defer rows.Close()
	out := []marsad.Story{}
	for rows.Next() {
		st, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	return out, nil
}

// Story returns one story.
func (s *Store) Story(ctx context.Context, id int64) (*marsad.Story, error) {
	st, err := scanStory(s.read.QueryRowContext(ctx, `SELECT data FROM stories WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, marsad.Errorf(marsad.ENOTFOUND, "story %d not found", id)
	} else if err != nil {
		return nil, fmt.Errorf("sqlite: story %d: %w", id, err)
	}
	return &st, nil
}

func scanStory(row scanner) (marsad.Story, error) {
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
