package pipeline

import (
	"context"
	"fmt"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Resolve groups the tagger's spans into the article's entities.
// (Placeholder grouping by normalized text until package resolve lands.)
var Resolve = StageFunc{StageName: "resolve", Fn: func(_ context.Context, d *Document) error {
	byKey := map[string]int{}
	d.Article.Entities = nil
	for _, n := range d.Names {
		key := string(n.Type) + "|" + arabic.Normalize(n.Text)
		k, ok := byKey[key]
		if !ok {
			d.Article.Entities = append(d.Article.Entities, marsad.Entity{ID: fmt.Sprintf("e%d", len(d.Article.Entities)+1), Name: n.Text, Type: n.Type})
			k = len(d.Article.Entities) - 1
			byKey[key] = k
		}
		e := &d.Article.Entities[k]
		e.Mentions = append(e.Mentions, marsad.Mention{Text: n.Text, Start: n.Start, End: n.End})
	}
	return nil
}}
