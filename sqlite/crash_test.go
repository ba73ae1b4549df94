package sqlite_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/sqlite"
	"github.com/marsad-news/marsad/storetest"
)

// crashCorpus is what the writer process stores; more than it can finish
// before the kill.
const crashCorpus = 3000

// TestWriterProcess is the ingest process of TestKillDuringIngest: it runs
// only when that test starts it, stores the crash corpus and reports each
// stored article on stdout once PutArticle has returned.
func TestWriterProcess(t *testing.T) {
	path := os.Getenv("MARSAD_TEST_WRITER_DB")
	if path == "" {
		t.Skip("started by TestKillDuringIngest only")
	}
	s, err := sqlite.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, a := range storetest.Corpus(t, crashCorpus, 42) {
		id, _, err := s.PutArticle(context.Background(), a)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		// os.Stdout is unbuffered: the line is in the pipe when this returns.
		fmt.Printf("stored %d %s\n", id, a.URL)
	}
	s.Close()
	os.Exit(0)
}

// TestKillDuringIngest kills an ingest process with SIGKILL in the middle
// of writing, while this process reads from the same file. Every article
// the writer reported stored must be there, the database must pass
// integrity_check, and a rerun must complete without duplicates.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a subprocess")
	}
	path := filepath.Join(t.TempDir(), "marsad.db")
	// Create the schema first so the reader below can open at once.
	s0, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s0.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "MARSAD_TEST_WRITER_DB="+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}

	reader := open(t, path)
	ctx := context.Background()
	stored := map[string]int64{}
	lines := bufio.NewScanner(out)
	reads := 0
	deadline := time.Now().Add(60 * time.Second)
	for len(stored) < 200 && time.Now().Before(deadline) && lines.Scan() {
		recordStored(t, stored, lines.Text())
		// serve keeps answering while ingest writes from another process.
		if len(stored)%10 == 0 {
			if _, err := reader.Search(ctx, marsad.SearchQuery{Query: "حفتر"}); err != nil {
				t.Errorf("search during ingest: %v", err)
			}
			if _, _, err := reader.Articles(ctx, marsad.ArticleFilter{Limit: 5}); err != nil {
				t.Errorf("list during ingest: %v", err)
			}
			reads++
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for lines.Scan() { // what the writer reported before it died
		recordStored(t, stored, lines.Text())
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("writer ended with %v before the kill; want killed mid-ingest", err)
	}
	if len(stored) == 0 || len(stored) >= crashCorpus {
		t.Fatalf("writer reported %d of %d articles; want a kill mid-ingest", len(stored), crashCorpus)
	}
	t.Logf("killed the writer after %d reported articles; %d reads meanwhile", len(stored), reads)

	s := open(t, path)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	for url, id := range stored {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatalf("article %d (%s) reported stored: %v", id, url, err)
		}
		if a.URL != url {
			t.Errorf("article %d has URL %s, want %s", id, a.URL, url)
		}
	}

	// The rerun stores the rest and nothing twice.
	for _, a := range storetest.Corpus(t, crashCorpus, 42) {
		id, created, err := s.PutArticle(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if old, ok := stored[a.URL]; ok && (created || id != old) {
			t.Errorf("rerun PutArticle(%s) = %d, %v; want the stored %d, false", a.URL, id, created, old)
		}
	}
	_, total, err := s.Articles(ctx, marsad.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if total != crashCorpus {
		t.Errorf("after the rerun %d articles, want %d", total, crashCorpus)
	}
	res, err := s.Search(ctx, marsad.SearchQuery{Query: "حفتر", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || res.Total > crashCorpus {
		t.Errorf("after the rerun Search(حفتر).Total = %d, want 1..%d", res.Total, crashCorpus)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
}

func recordStored(t *testing.T, stored map[string]int64, line string) {
	t.Helper()
	f := strings.Fields(line)
	if len(f) != 3 || f[0] != "stored" {
		return // test framework output
	}
	id, err := strconv.ParseInt(f[1], 10, 64)
	if err != nil {
		t.Fatalf("writer line %q: %v", line, err)
	}
	stored[f[2]] = id
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "marsad.db")
	s := open(t, path)
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("migration/*.sql")
	if v != len(files) {
		t.Errorf("SchemaVersion = %d, want %d (one per migration file)", v, len(files))
	}
	id, _, err := s.PutArticle(ctx, &marsad.Article{Title: "باق", Body: "يبقى بعد إعادة الفتح."})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Reopening migrates nothing and keeps the data.
	s2 := open(t, path)
	if v2, err := s2.SchemaVersion(ctx); err != nil || v2 != v {
		t.Errorf("after reopen SchemaVersion = %d, %v; want %d", v2, err, v)
	}
	if _, err := s2.Article(ctx, id); err != nil {
		t.Errorf("after reopen Article(%d): %v", id, err)
	}
}

func TestMemory(t *testing.T) {
	s, err := sqlite.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	id, _, err := s.PutArticle(context.Background(), &marsad.Article{Title: "ذاكرة", Body: "قاعدة في الذاكرة"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(context.Background(), marsad.SearchQuery{Query: "الذاكرة"})
	if err != nil || res.Total != 1 || res.Hits[0].Article.ID != id {
		t.Errorf("Search in memory = %+v, %v; want article %d", res, err, id)
	}
}
