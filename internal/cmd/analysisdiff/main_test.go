package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sample draws the same records for the same seed, from the zips after
// the skipped ones only.
func TestSample(t *testing.T) {
	dir := t.TempDir()
	for name, recs := range map[string]string{
		"a.zip": `[{"url":"a1"},{"url":"a2"}]`,
		"b.zip": `[{"url":"b1"},{"url":"b2"},{"url":"b3"}]`,
	} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(f)
		w, _ := zw.Create("x.json")
		w.Write([]byte(recs))
		zw.Close()
		f.Close()
	}
	var one, two bytes.Buffer
	if err := sample(&one, dir, 1, 2, 7); err != nil {
		t.Fatal(err)
	}
	sample(&two, dir, 1, 2, 7)
	if one.String() != two.String() {
		t.Errorf("two draws with one seed differ:\n%s\n%s", one.String(), two.String())
	}
	lines := strings.Split(strings.TrimSpace(one.String()), "\n")
	if len(lines) != 2 || strings.Contains(one.String(), `"a`) {
		t.Errorf("want 2 records of b.zip, got %q", lines)
	}
}

// diff lists the mentions and quotes one file has and the other not, and
// counts a quote found twice once.
func TestDiff(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	oldPath := write("old.jsonl", `{"url":"u","entities":[{"name":"عسير","type":"LOC","mentions":[{"text":"عسير","start":3}]}],"quotes":[{"speaker":"س","kind":"statement","start":1,"end":9},{"speaker":"س","kind":"statement","start":1,"end":9}],"events":[{"kind":"visit","text":"وصل إلى عسير","who":[],"where":"عسير"}]}`+"\n")
	newPath := write("new.jsonl", `{"url":"u","entities":[{"name":"الخرج","type":"LOC","mentions":[{"text":"الخرج","start":20}]},{"name":"عسير","type":"LOC","mentions":[{"text":"عسير","start":3}]}],"quotes":[{"speaker":"سامي","speaker_id":"e1","kind":"statement","start":1,"end":9}],"events":[{"kind":"visit","text":"وصل إلى عسير","who":["سامي"],"where":"عسير"}]}`+"\n")
	old, err := readAnalyses(oldPath)
	if err != nil {
		t.Fatal(err)
	}
	cur, _ := readAnalyses(newPath)
	var b bytes.Buffer
	diff(&b, old, cur)
	for _, want := range []string{"quotes 1 → 1, with a named speaker 0 → 1", "LOC mentions 1 → 2", "+ mention الخرج/LOC@20", "- quote س|statement@1-9", "+ quote سامي|statement@1-9",
		"events 1 → 1, with an actor 0 → 1", "- event visit who= with= where=عسير when= | وصل إلى عسير", "+ event visit who=سامي with= where=عسير"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("diff lacks %q:\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "عسير/LOC@3") {
		t.Errorf("diff lists a mention both files have:\n%s", b.String())
	}
}
