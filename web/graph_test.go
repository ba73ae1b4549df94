package web

import (
	"testing"

	"github.com/marsad-news/marsad"
)

func TestLayoutGraph(t *testing.T) {
	g := Graph{Nodes: []GraphNode{{ID: "c", Name: "مركز", Center: true, Canonical: true}}}
	for i := range 12 {
		id := string(rune('a' + i))
		g.Nodes = append(g.Nodes, GraphNode{ID: id, Name: "اسم طويل جدا جدا جدا جدا جدا جدا " + id, Type: marsad.Person, Articles: i + 1})
		g.Edges = append(g.Edges, GraphEdge{Source: "c", Target: id, Weight: i + 1})
	}
	g.Edges = append(g.Edges, GraphEdge{Source: "a", Target: "b", Weight: 1}, GraphEdge{Source: "a", Target: "missing", Weight: 1})
	out := layoutGraph(g)
	if len(out.Nodes) != 13 || len(out.Edges) != 13 {
		t.Fatalf("%d nodes, %d edges; want 13, 13 (the dangling edge dropped)", len(out.Nodes), len(out.Edges))
	}
	for _, n := range out.Nodes {
		if n.X-n.R < 0 || n.X+n.R > float64(out.Width) || n.Y-n.R < 0 || n.LabelY > float64(out.Height) {
			t.Errorf("node %q outside the drawing: %+v", n.ID, n)
		}
		if len([]rune(n.Label)) > 22 {
			t.Errorf("label %q not shortened", n.Label)
		}
	}
	if out.Nodes[0].Href != "/entities/c" || out.Nodes[1].Href != "/entities?name=%D8%A7%D8%B3%D9%85+%D8%B7%D9%88%D9%8A%D9%84+%D8%AC%D8%AF%D8%A7+%D8%AC%D8%AF%D8%A7+%D8%AC%D8%AF%D8%A7+%D8%AC%D8%AF%D8%A7+%D8%AC%D8%AF%D8%A7+%D8%AC%D8%AF%D8%A7+a" {
		t.Errorf("hrefs %q, %q", out.Nodes[0].Href, out.Nodes[1].Href)
	}
	if empty := layoutGraph(Graph{}); len(empty.Nodes) != 0 {
		t.Errorf("empty graph drew %d nodes", len(empty.Nodes))
	}
	alone := layoutGraph(Graph{Nodes: []GraphNode{{ID: "c", Center: true}}})
	if len(alone.Nodes) != 1 {
		t.Errorf("lone center: %+v", alone)
	}
}
