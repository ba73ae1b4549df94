package story

import (
	"fmt"
	"os"
	"testing"
)

func TestDumpClusters(t *testing.T) {
	corpusEnabled(t)
	docs := flatten(loadSNN(t))
	byID := map[int64]Doc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	ix := NewIndex(Options{})
	ix.AddBatch(docs)
	f, _ := os.Create("/tmp/clusters.txt")
	defer f.Close()
	for i, ev := range ix.Events()[:6] {
		fmt.Fprintf(f, "== event %d size %d\n", i, len(ev))
		for j, id := range ev {
			if j%(len(ev)/25+1) == 0 {
				d := byID[id]
				fmt.Fprintf(f, "%d %s %s | %s\n", id, d.Outlet, d.Published, d.Title)
			}
		}
	}
}
