package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// addMoreCommands adds the commands over what spans articles: entities,
// the timeline, quotes and stories, plus the NER and similarity tools.
func addMoreCommands(root *cobra.Command, g *globals) {
	root.AddCommand(
		newEntitiesCommand(g),
		newEntityCommand(g),
		newTimelineCommand(g),
		newQuotesCommand(g),
		newStoriesCommand(g),
		newStoryCommand(g),
		newBenchCommand(g),
		newSimilarCommand(g),
		newSimilarityCommand(g),
		newExportCommand(g),
		newWatchCommand(g),
	)
	addToolCommands(root, g)
}

func newEntitiesCommand(g *globals) *cobra.Command {
	var asJSON bool
	var f marsad.EntityFilter
	var typ string
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List canonical people, places and organisations with their aliases and article counts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				f.Type = marsad.EntityType(strings.ToUpper(typ))
				list, err := store.Entities(ctx, f)
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(w, nonNil(list))
				}
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tTYPE\tARTICLES\tNAME\tALIASES")
				for _, e := range list {
					fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", e.ID, e.Type, e.Articles, e.Name, strings.Join(e.Aliases, "، "))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&typ, "type", "", "only this type: PER, LOC, ORG or MISC")
	cmd.Flags().IntVar(&f.Limit, "limit", 100, "how many entities")
	cmd.Flags().IntVar(&f.Offset, "offset", 0, "skip this many entities")
	return cmd
}

// findEntity looks an entity up by id, else by name or alias.
func findEntity(cmd *cobra.Command, store marsad.Store, key string) (*marsad.Entity, error) {
	ctx := cmd.Context()
	if e, err := store.Entity(ctx, key); err == nil {
		return e, nil
	} else if marsad.ErrorCode(err) != marsad.ENOTFOUND {
		return nil, err
	}
	list, err := store.Entities(ctx, marsad.EntityFilter{Name: key, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(list) > 0 {
		return &list[0], nil
	}
	// A part of a name ("حفتر"): the entity with the most articles whose
	// name or alias holds it as a word.
	all, err := store.Entities(ctx, marsad.EntityFilter{Limit: 1 << 20})
	if err != nil {
		return nil, err
	}
	want := " " + arabic.Normalize(key) + " "
	for i, e := range all {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if strings.Contains(" "+arabic.Normalize(n)+" ", want) {
				return &all[i], nil
			}
		}
	}
	return nil, marsad.Errorf(marsad.ENOTFOUND, "no entity %q", key)
}

func newEntityCommand(g *globals) *cobra.Command {
	var asJSON, why bool
	cmd := &cobra.Command{
		Use:   "entity NAME|ID",
		Short: "Show one entity: aliases, roles over time, articles (--why: how its names were merged)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				e, err := findEntity(cmd, store, strings.Join(args, " "))
				if err != nil {
					return err
				}
				arts, err := store.EntityArticles(ctx, e.ID)
				if err != nil {
					return err
				}
				var reasons []string
				if why {
					reasons, err = explainEntity(cmd, store, e.ID)
					if err != nil {
						return err
					}
				}
				w := cmd.OutOrStdout()
				if asJSON {
					out := struct {
						marsad.Entity
						ArticleList []marsad.ArticleRef `json:"article_list"`
						Why         []string            `json:"why,omitempty"`
					}{*e, nonNil(arts), reasons}
					return writeJSON(w, out)
				}
				fmt.Fprintf(w, "%s  %s  (%s)\n", e.ID, e.Name, e.Type)
				if len(e.Aliases) > 0 {
					fmt.Fprintf(w, "aliases: %s\n", strings.Join(e.Aliases, "، "))
				}
				for _, r := range e.Roles {
					fmt.Fprintf(w, "role: %s (%s)\n", r.Role, dash(r.Seen.String()))
				}
				for _, a := range arts {
					fmt.Fprintf(w, "article %d: %s — %s %s\n", a.ID, dash(a.Title), dash(a.Outlet), a.Published)
				}
				for _, r := range reasons {
					fmt.Fprintf(w, "why: %s\n", r)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&why, "why", false, "explain which names were merged into this entity and why")
	return cmd
}

func newTimelineCommand(g *globals) *cobra.Command {
	var asJSON bool
	var f marsad.TimelineFilter
	cmd := &cobra.Command{
		Use:   "timeline",
		Short: "Dated events in time order, each with its source article",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				items, err := store.Timeline(ctx, f)
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(w, nonNil(items))
				}
				for _, it := range items {
					fmt.Fprintf(w, "%s\t%s\t%s\t[%d %s]\n\t%s\n", it.When, it.Kind, strings.Join(it.Who, "، "), it.Article.ID, dash(it.Article.Outlet), it.Text)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&f.Entity, "entity", "", "only events involving this entity (name or id)")
	cmd.Flags().StringVar(&f.From, "from", "", "from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().StringVar(&f.To, "to", "", "to this date, inclusive")
	cmd.Flags().Int64Var(&f.StoryID, "story", 0, "only events of this story")
	cmd.Flags().IntVar(&f.Limit, "limit", 1000, "how many events")
	return cmd
}

func newQuotesCommand(g *globals) *cobra.Command {
	var asJSON bool
	var f marsad.QuoteFilter
	var kind string
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Who said what: quotes with speaker, kind (statement, claim, denial, confirmation) and article",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				f.Kind = marsad.QuoteKind(kind)
				items, err := store.Quotes(ctx, f)
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(w, nonNil(items))
				}
				for _, q := range items {
					via := ""
					if q.Via != "" {
						via = " via " + q.Via
					}
					fmt.Fprintf(w, "%s (%s%s) [%d %s]\n\t«%s»\n", dash(q.Speaker), q.Kind, via, q.Article.ID, dash(q.Article.Outlet), q.Text)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&f.Speaker, "speaker", "", "only quotes by this speaker (name, alias or id)")
	cmd.Flags().StringVar(&kind, "kind", "", "only this kind: statement, claim, denial or confirmation")
	cmd.Flags().IntVar(&f.Limit, "limit", 1000, "how many quotes")
	return cmd
}

func newStoriesCommand(g *globals) *cobra.Command {
	var asJSON bool
	var f marsad.StoryFilter
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "Stories: articles threaded across outlets and years, with folded duplicates",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				list, err := store.Stories(ctx, f)
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(w, nonNil(list))
				}
				for _, s := range list {
					fmt.Fprintf(w, "%d\t%d articles\t%s … %s\t%s\n", s.ID, len(s.Articles), dash(s.First.String()), dash(s.Last.String()), s.Title)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().IntVar(&f.Limit, "limit", 100, "how many stories")
	cmd.Flags().IntVar(&f.Offset, "offset", 0, "skip this many stories")
	return cmd
}

func newStoryCommand(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "One story: summary, articles with duplicates, key entities, timeline",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return marsad.Errorf(marsad.EINVALID, "story id %q is not a number", args[0])
			}
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				s, err := store.Story(ctx, id)
				if err != nil {
					return err
				}
				timeline, err := store.Timeline(ctx, marsad.TimelineFilter{StoryID: id, Limit: 1000})
				if err != nil {
					return err
				}
				w := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(w, struct {
						*marsad.Story
						Timeline []marsad.TimelineItem `json:"timeline"`
					}{s, nonNil(timeline)})
				}
				fmt.Fprintf(w, "%d  %s  (%s … %s)\n", s.ID, s.Title, dash(s.First.String()), dash(s.Last.String()))
				for _, line := range s.Summary {
					fmt.Fprintf(w, "  • %s\n", line)
				}
				for _, a := range s.Articles {
					fmt.Fprintf(w, "article %d: %s — %s %s\n", a.ID, dash(a.Title), dash(a.Outlet), a.Published)
					for _, d := range a.Duplicates {
						fmt.Fprintf(w, "    also in %s (%d) %s\n", dash(d.Outlet), d.ID, d.Published)
					}
				}
				for _, it := range timeline {
					fmt.Fprintf(w, "%s\t%s\t%s\n", it.When, it.Kind, it.Text)
				}
				for _, c := range s.Contradictions {
					fmt.Fprintf(w, "contradiction: %s [%d] «%s»\n    denied by %s [%d] «%s»\n",
						dash(c.Claim.Speaker), c.Claim.Article.ID, c.Claim.Text, dash(c.Denial.Speaker), c.Denial.Article.ID, c.Denial.Text)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
