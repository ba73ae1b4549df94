// Package export writes what marsad stored in formats other tools read:
// JSON Lines (every article with its analysis; marsad ingest reads it
// back), CSV (one row per article, for spreadsheets) and GEXF (the graph of
// entities that occur in the same articles, for Gephi).
package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/marsad-news/marsad"
)

// Formats lists the formats Write knows.
var Formats = []string{"jsonl", "csv", "gexf"}

// Write exports every stored article in the named format.
func Write(ctx context.Context, store marsad.Store, format string, w io.Writer) error {
	switch format {
	case "jsonl":
		return JSONL(ctx, store, w)
	case "csv":
		return CSV(ctx, store, w)
	case "gexf":
		return GEXF(ctx, store, w)
	}
	return marsad.Errorf(marsad.EINVALID, "unknown export format %q (want jsonl, csv or gexf)", format)
}

// JSONL writes one article per line with its full analysis.
func JSONL(ctx context.Context, store marsad.Store, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return store.Each(ctx, func(a *marsad.Article) error {
		return enc.Encode(a)
	})
}

// CSV writes one row per article: id, published, outlet, author, dateline,
// title, url, file, entity names, quote count, body.
func CSV(ctx context.Context, store marsad.Store, w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id", "published", "outlet", "author", "dateline", "title", "url", "file", "entities", "quotes", "body"}); err != nil {
		return err
	}
	err := store.Each(ctx, func(a *marsad.Article) error {
		names := ""
		for i, e := range a.Entities {
			if i > 0 {
				names += "; "
			}
			names += e.Name + " (" + string(e.Type) + ")"
		}
		return cw.Write([]string{
			strconv.FormatInt(a.ID, 10), a.Published.String(), a.Outlet, a.Author, a.Dateline,
			a.Title, a.URL, a.File, names, strconv.Itoa(len(a.Quotes)), a.Body,
		})
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// Graph is the entity co-occurrence graph: canonical entities are nodes,
// and two entities are linked by the number of articles they share.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Node is one canonical entity.
type Node struct {
	ID       string            `json:"id"`
	Label    string            `json:"label"`
	Type     marsad.EntityType `json:"type"`
	Articles int               `json:"articles"`
}

// Edge links two entities that occur in Weight articles together.
type Edge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Weight int    `json:"weight"`
}

// BuildGraph computes the co-occurrence graph from the canonical entities
// and the articles each occurs in. Edges below minWeight are dropped.
func BuildGraph(ctx context.Context, store marsad.Store, minWeight int) (*Graph, error) {
	ents, err := store.Entities(ctx, marsad.EntityFilter{Limit: 1 << 30})
	if err != nil {
		return nil, err
	}
	g := &Graph{}
	byArticle := map[int64][]string{}
	for _, e := range ents {
		g.Nodes = append(g.Nodes, Node{ID: e.ID, Label: e.Name, Type: e.Type, Articles: e.Articles})
		refs, err := store.EntityArticles(ctx, e.ID)
		if err != nil {
			return nil, fmt.Errorf("articles of %s: %w", e.ID, err)
		}
		for _, r := range refs {
			byArticle[r.ID] = append(byArticle[r.ID], e.ID)
		}
	}
	weight := map[[2]string]int{}
	for _, ids := range byArticle {
		sort.Strings(ids)
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				if ids[i] != ids[j] {
					weight[[2]string{ids[i], ids[j]}]++
				}
			}
		}
	}
	for k, w := range weight {
		if w >= minWeight {
			g.Edges = append(g.Edges, Edge{Source: k[0], Target: k[1], Weight: w})
		}
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		if g.Edges[i].Weight != g.Edges[j].Weight {
			return g.Edges[i].Weight > g.Edges[j].Weight
		}
		if g.Edges[i].Source != g.Edges[j].Source {
			return g.Edges[i].Source < g.Edges[j].Source
		}
		return g.Edges[i].Target < g.Edges[j].Target
	})
	return g, nil
}

// GEXF writes the entity graph as GEXF 1.3 for Gephi.
func GEXF(ctx context.Context, store marsad.Store, w io.Writer) error {
	g, err := BuildGraph(ctx, store, 1)
	if err != nil {
		return err
	}
	type attvalue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	type node struct {
		ID        string     `xml:"id,attr"`
		Label     string     `xml:"label,attr"`
		AttValues []attvalue `xml:"attvalues>attvalue"`
	}
	type edge struct {
		ID     int    `xml:"id,attr"`
		Source string `xml:"source,attr"`
		Target string `xml:"target,attr"`
		Weight int    `xml:"weight,attr"`
	}
	type attribute struct {
		ID    string `xml:"id,attr"`
		Title string `xml:"title,attr"`
		Type  string `xml:"type,attr"`
	}
	doc := struct {
		XMLName xml.Name `xml:"gexf"`
		XMLNS   string   `xml:"xmlns,attr"`
		Version string   `xml:"version,attr"`
		Graph   struct {
			DefaultEdgeType string `xml:"defaultedgetype,attr"`
			Attributes      struct {
				Class string      `xml:"class,attr"`
				Attr  []attribute `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []node `xml:"nodes>node"`
			Edges []edge `xml:"edges>edge"`
		} `xml:"graph"`
	}{XMLNS: "http://gexf.net/1.3", Version: "1.3"}
	doc.Graph.DefaultEdgeType = "undirected"
	doc.Graph.Attributes.Class = "node"
	doc.Graph.Attributes.Attr = []attribute{{"type", "type", "string"}, {"articles", "articles", "integer"}}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, node{ID: n.ID, Label: n.Label, AttValues: []attvalue{{"type", string(n.Type)}, {"articles", strconv.Itoa(n.Articles)}}})
	}
	for i, e := range g.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, edge{ID: i, Source: e.Source, Target: e.Target, Weight: e.Weight})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n")
	return err
}
