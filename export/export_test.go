package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/export"
	"github.com/marsad-news/marsad/sqlite"
)

func fill(t *testing.T) marsad.Store {
	t.Helper()
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	arts := []*marsad.Article{
		{Title: "حفتر في موسكو", Body: "وصل خليفة حفتر إلى موسكو، \"<b>\" ثم التقى لافروف.", Outlet: "عربي بوست", Published: marsad.DayDate(2023, 9, 26), File: "a.txt",
			Entities: []marsad.Entity{{ID: "e1", Name: "خليفة حفتر", Type: marsad.Person}, {ID: "e2", Name: "موسكو", Type: marsad.Location}}},
		{Title: "لافروف وحفتر", Body: "قال لافروف إن حفتر زار موسكو.", File: "b.txt",
			Entities: []marsad.Entity{{ID: "e1", Name: "حفتر", Type: marsad.Person}, {ID: "e2", Name: "موسكو", Type: marsad.Location}}},
	}
	var links []marsad.EntityLink
	for _, a := range arts {
		id, _, err := s.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		links = append(links, marsad.EntityLink{ArticleID: id, LocalID: "e1", EntityID: "per-haftar"}, marsad.EntityLink{ArticleID: id, LocalID: "e2", EntityID: "loc-moscow"})
	}
	err = s.ReplaceEntities(ctx, []marsad.Entity{
		{ID: "per-haftar", Name: "خليفة حفتر", Type: marsad.Person, Aliases: []string{"حفتر"}},
		{ID: "loc-moscow", Name: "موسكو", Type: marsad.Location},
	}, links)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestJSONLRoundTrips(t *testing.T) {
	var buf bytes.Buffer
	if err := export.Write(context.Background(), fill(t), "jsonl", &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2", len(lines))
	}
	var a marsad.Article
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "حفتر في موسكو" || a.Published.String() != "2023-09-26" || len(a.Entities) != 2 {
		t.Errorf("round trip lost fields: %+v", a)
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := export.Write(context.Background(), fill(t), "csv", &buf); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[0][0] != "id" || !strings.Contains(rows[1][8], "خليفة حفتر (PER)") {
		t.Errorf("rows %q", rows)
	}
}

func TestGEXF(t *testing.T) {
	var buf bytes.Buffer
	if err := export.Write(context.Background(), fill(t), "gexf", &buf); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph struct {
			Nodes []struct {
				ID    string `xml:"id,attr"`
				Label string `xml:"label,attr"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Weight int    `xml:"weight,attr"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, buf.String())
	}
	if len(doc.Graph.Nodes) != 2 || len(doc.Graph.Edges) != 1 || doc.Graph.Edges[0].Weight != 2 {
		t.Errorf("graph %+v", doc.Graph)
	}
}

func TestUnknownFormat(t *testing.T) {
	err := export.Write(context.Background(), fill(t), "pdf", &bytes.Buffer{})
	if marsad.ErrorCode(err) != marsad.EINVALID {
		t.Errorf("got %v, want EINVALID", err)
	}
}
