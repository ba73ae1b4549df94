package pipeline

import (
	"context"

	"github.com/marsad-news/marsad/resolve"
)

// Resolve groups the tagger's spans into the article's entities: short
// forms with their full names, clitics stripped, titles kept as roles.
var Resolve = StageFunc{StageName: "resolve", Fn: func(_ context.Context, d *Document) error {
	mentions := make([]resolve.Mention, len(d.Names))
	for i, n := range d.Names {
		mentions[i] = resolve.Mention{Start: n.Start, End: n.End, Type: n.Type, Text: n.Text}
	}
	if len(mentions) == 0 {
		d.Article.Entities = nil
		return nil
	}
	d.Article.Entities = resolve.ArticleTokens(d.Article.Body, d.tokens(), mentions, d.Article.Published)
	return nil
}}
