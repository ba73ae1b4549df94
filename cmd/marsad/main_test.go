package main_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// binary is the marsad binary built once for these end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "marsad-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "marsad")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build marsad: %v\n%s", err, out)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func marsad(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// marsad analyze prints one JSON object per article with every key of the
// contract, unknowns as null.
func TestAnalyzeJSONLines(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.txt")
	out, errOut, code := marsad(t, "", append([]string{"analyze"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(files) {
		t.Fatalf("%d lines for %d files", len(lines), len(files))
	}
	keys := []string{"file", "title", "published", "updated", "outlet", "author", "dateline", "body", "language", "entities", "times", "quotes", "events", "contradictions"}
	for _, line := range lines {
		var m map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		for _, k := range keys {
			v, ok := m[k]
			if !ok {
				t.Errorf("key %q missing", k)
			}
			if string(v) == `""` {
				t.Errorf("key %q is \"\", want null for unknown", k)
			}
		}
	}
}

// Bad inputs: one line each on stderr naming the input, the good article
// stored, exit status 1.
func TestIngestRejectsBadInputWithStatus1(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "junk.bin"), []byte("\x00\x01\x02\x03binary\x00junk"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	good, _ := os.ReadFile("../../examples/002_ee36e317db208321.txt")
	os.WriteFile(filepath.Join(dir, "good.txt"), good, 0o644)
	db := filepath.Join(t.TempDir(), "m.db")
	_, errOut, code := marsad(t, "", "ingest", "--db", db, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1; stderr:\n%s", code, errOut)
	}
	for _, name := range []string{"junk.bin", "empty.txt"} {
		if !strings.Contains(errOut, name+": ") {
			t.Errorf("stderr does not name %s:\n%s", name, errOut)
		}
	}
	out, _, _ := marsad(t, "", "articles", "--db", db, "--json")
	if !strings.Contains(out, "حفتر يبحث عن مظلة عسكرية روسية") {
		t.Errorf("good article not stored: %s", out)
	}
}

// writeCorpus writes n distinct articles as JSON Lines.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	seeds, _ := filepath.Glob("../../examples/*.txt")
	var paras []string
	for _, s := range seeds {
		b, _ := os.ReadFile(s)
		for _, p := range strings.Split(string(b), "\n") {
			if len([]rune(p)) > 120 {
				paras = append(paras, p)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := 0; i < n; i++ {
		body := fmt.Sprintf("%s\n%s\nرقم التقرير %d.", paras[i%len(paras)], paras[(i*7+3)%len(paras)], i)
		enc.Encode(map[string]string{"title": fmt.Sprintf("تقرير رقم %d عن ليبيا", i), "content": body, "source": "test", "url": fmt.Sprintf("https://example.test/%d", i)})
	}
	w.Flush()
	f.Close()
	return path
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var ok string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A kill -9 in the middle of ingesting 1,000 articles leaves a readable
// database; a rerun completes it without duplicates.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	corpus := writeCorpus(t, 1000)
	db := filepath.Join(t.TempDir(), "kill.db")
	cmd := exec.Command(binary, "ingest", "--db", db, corpus)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until some articles are stored, then kill without warning.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	for ctx.Err() == nil {
		time.Sleep(200 * time.Millisecond)
		if _, err := os.Stat(db); err != nil {
			continue
		}
		if n := countArticlesQuiet(db); n >= 50 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	before := countArticles(t, db)
	if before == 0 || before >= 1000 {
		t.Logf("killed with %d stored (the kill came late or early; the check still holds)", before)
	}
	_, errOut, code := marsad(t, "", "ingest", "--db", db, corpus)
	if code != 0 {
		t.Fatalf("rerun exit %d: %s", code, errOut)
	}
	if after := countArticles(t, db); after != 1000 {
		t.Errorf("after rerun %d articles, want exactly 1000 (stored before the kill: %d)", after, before)
	}
}

func countArticlesQuiet(db string) int {
	conn, err := sql.Open("sqlite", db+"?mode=ro")
	if err != nil {
		return 0
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM articles").Scan(&n); err != nil {
		return 0
	}
	return n
}

// serve keeps answering while ingest writes.
func TestServeAnswersDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	db := filepath.Join(t.TempDir(), "serve.db")
	if _, errOut, code := marsad(t, "", "ingest", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	addr := freeAddr(t)
	srv := exec.Command(binary, "serve", "--db", db, "--addr", addr)
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Process.Kill(); srv.Wait() }()
	waitHTTP(t, "http://"+addr+"/api/articles")
	corpus := writeCorpus(t, 300)
	ing := exec.Command(binary, "ingest", "--db", db, corpus)
	if err := ing.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- ing.Wait() }()
	answered := 0
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("ingest: %v", err)
			}
			if answered == 0 {
				t.Error("no request answered during ingest")
			}
			t.Logf("%d API requests answered during ingest", answered)
			return
		default:
		}
		if code := getStatus("http://" + addr + "/api/articles?limit=5"); code != 200 {
			t.Fatalf("GET /api/articles during ingest: status %d", code)
		}
		answered++
		time.Sleep(50 * time.Millisecond)
	}
}
