package web

import (
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/arabic"
)

// Graph is the co-occurrence neighbourhood of an entity: the entities named
// in the same articles, weighted by how many articles they share.
type Graph struct {
	Nodes []GraphNode `json:"nodes"`
	Edges []GraphEdge `json:"edges"`
}

// GraphNode is an entity of a Graph. ID is the canonical entity id when the
// store knows one for the name, else the name itself.
type GraphNode struct {
	ID        string            `json:"id"`
	Name      string            `json:"name"`
	Type      marsad.EntityType `json:"type"`
	Articles  int               `json:"articles"` // shared with the center; the center's own count for it
	Center    bool              `json:"center,omitempty"`
	Canonical bool              `json:"canonical"` // ID is a canonical entity id
}

// GraphEdge links two nodes by id; Weight counts the articles naming both.
type GraphEdge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Weight int    `json:"weight"`
}

// Graph bounds: enough to see who an entity appears with, few enough for a
// phone screen and a bounded number of store reads.
const (
	graphMaxArticles  = 60
	graphMaxNeighbors = 12
)

// cooccurrenceGraph builds the graph around ent from the analyses of the
// articles it occurs in. Article-local entities are matched to each other
// and to the center by normalized name, since the store does not expose the
// local-to-canonical links; a neighbor gets a canonical id when a name
// lookup finds one.
func cooccurrenceGraph(ctx context.Context, store marsad.Store, ent *marsad.Entity, refs []marsad.ArticleRef) (Graph, error) {
	self := map[string]bool{arabic.Normalize(ent.Name): true, arabic.Normalize(ent.ID): true}
	for _, a := range ent.Aliases {
		self[arabic.Normalize(a)] = true
	}

	type neighbor struct {
		name     string
		typ      marsad.EntityType
		articles int
	}
	neighbors := map[string]*neighbor{}
	type pair struct{ a, b string }
	pairs := map[pair]int{}

	list := refs[:min(len(refs), graphMaxArticles)]
	articles := make([]*marsad.Article, len(list))
	err := forEachBounded(len(list), func(i int) error {
		a, err := store.Article(ctx, list[i].ID)
		if marsad.ErrorCode(err) == marsad.ENOTFOUND {
			return nil // deleted since the list was read
		}
		articles[i] = a
		return err
	})
	if err != nil {
		return Graph{}, err
	}
	for _, a := range articles {
		if a == nil {
			continue
		}
		seen := map[string]bool{}
		for _, e := range a.Entities {
			key := arabic.Normalize(e.Name)
			if key == "" || self[key] || seen[key] {
				continue
			}
			seen[key] = true
			n := neighbors[key]
			if n == nil {
				n = &neighbor{name: e.Name, typ: e.Type}
				neighbors[key] = n
			}
			n.articles++
		}
		keys := make([]string, 0, len(seen))
		for k := range seen {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i := range keys {
			for j := i + 1; j < len(keys); j++ {
				pairs[pair{keys[i], keys[j]}]++
			}
		}
	}

	keys := make([]string, 0, len(neighbors))
	for k := range neighbors {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if c := cmp.Compare(neighbors[b].articles, neighbors[a].articles); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	keys = keys[:min(len(keys), graphMaxNeighbors)]

	g := Graph{Nodes: []GraphNode{{ID: ent.ID, Name: ent.Name, Type: ent.Type, Articles: len(refs), Center: true, Canonical: true}}}
	ids := map[string]string{}             // key → node id
	taken := map[string]bool{ent.ID: true} // node ids in use
	for _, k := range keys {
		n := neighbors[k]
		node := GraphNode{ID: n.name, Name: n.name, Type: n.typ, Articles: n.articles}
		if found, err := store.Entities(ctx, marsad.EntityFilter{Name: n.name, Limit: 1}); err == nil && len(found) == 1 {
			node.ID, node.Name, node.Canonical = found[0].ID, found[0].Name, true
		}
		if taken[node.ID] {
			continue // the center or another node under another spelling
		}
		taken[node.ID] = true
		ids[k] = node.ID
		g.Nodes = append(g.Nodes, node)
		g.Edges = append(g.Edges, GraphEdge{Source: ent.ID, Target: node.ID, Weight: n.articles})
	}
	for p, w := range pairs {
		a, okA := ids[p.a]
		b, okB := ids[p.b]
		if okA && okB {
			g.Edges = append(g.Edges, GraphEdge{Source: a, Target: b, Weight: w})
		}
	}
	slices.SortFunc(g.Edges, func(x, y GraphEdge) int {
		return cmp.Or(cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
	})
	return g, nil
}

// graphSVG is a Graph laid out for the page: the center in the middle,
// neighbors on a circle around it.
type graphSVG struct {
	Width, Height int
	Nodes         []svgNode
	Edges         []svgEdge
}

type svgNode struct {
	GraphNode
	Label     string // the name, shortened to fit the drawing
	X, Y, R   float64
	LabelY    float64
	Href      string
	ClassName string
}

type svgEdge struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Center         bool // an edge of the center, drawn darker
}

// layoutGraph places g's nodes for a width×height drawing.
func layoutGraph(g Graph) graphSVG {
	const w, h = 420, 340
	out := graphSVG{Width: w, Height: h}
	if len(g.Nodes) == 0 {
		return out
	}
	cx, cy, radius := float64(w)/2, float64(h)/2, 125.0
	maxW := 1
	for _, n := range g.Nodes[1:] {
		maxW = max(maxW, n.Articles)
	}
	pos := map[string][2]float64{}
	n := len(g.Nodes) - 1
	for i, node := range g.Nodes {
		x, y, r := cx, cy, 16.0
		if !node.Center {
			angle := -math.Pi/2 + 2*math.Pi*float64(i-1)/float64(n)
			x = round1(cx + radius*math.Cos(angle))
			y = round1(cy + radius*math.Sin(angle))
			r = round1(6 + 6*float64(node.Articles)/float64(maxW))
		}
		pos[node.ID] = [2]float64{x, y}
		out.Nodes = append(out.Nodes, svgNode{
			GraphNode: node, Label: shorten(node.Name, 22), X: x, Y: y, R: r, LabelY: round1(y + r + 13),
			Href: entityHref(node), ClassName: "gn gn-" + typeClass(node.Type),
		})
	}
	for _, e := range g.Edges {
		a, okA := pos[e.Source]
		b, okB := pos[e.Target]
		if !okA || !okB {
			continue
		}
		out.Edges = append(out.Edges, svgEdge{
			X1: a[0], Y1: a[1], X2: b[0], Y2: b[1],
			Width:  round1(1 + 3*float64(e.Weight)/float64(maxW)),
			Center: e.Source == g.Nodes[0].ID,
		})
	}
	return out
}

// shorten cuts s to at most n code points, marking the cut with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

// entityHref links a graph node to its entity page, or to a name search
// when it has no canonical id.
func entityHref(n GraphNode) string {
	if n.Canonical {
		return "/entities/" + pathEscape(n.ID)
	}
	return "/entities?name=" + queryEscape(n.Name)
}

func typeClass(t marsad.EntityType) string {
	if validEntityType(t) {
		return string(t)
	}
	return string(marsad.Misc)
}
