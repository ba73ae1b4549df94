package main_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// pgURL returns a database URL on a fresh schema of the test server, and
// drops the schema when the test ends. Without MARSAD_TEST_POSTGRES the
// test is skipped (a failure under MARSAD_TEST_DISALLOW_SKIP=1, as in CI).
func pgURL(t *testing.T) string {
	t.Helper()
	base := os.Getenv("MARSAD_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("MARSAD_TEST_DISALLOW_SKIP") == "1" {
			t.Fatal("MARSAD_TEST_POSTGRES is not set")
		}
		t.Skip("MARSAD_TEST_POSTGRES is not set")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("marsad_e2e_%d", rand.Uint32())
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		conn.Close(context.Background())
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + schema
}

var storedRe = regexp.MustCompile(`(\d+) stored, (\d+) duplicates skipped`)

// Two ingest processes on one PostgreSQL database share the work and store
// every article of the corpus exactly once (issue 7).
func TestTwoIngestProcessesOnPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	url := pgURL(t)
	// Enough records, analyzed by one worker each, that the second process
	// still finds work when the machine is loaded and it starts late:
	// batched writes made ingest fast enough that 400 records could all go
	// to the first process.
	const n = 1000
	corpus := writeCorpus(t, n)
	// Create the schema once, so that the two processes race on the
	// articles, not on the migration.
	if _, errOut, code := marsad(t, "", "articles", "--db", url); code != 0 {
		t.Fatalf("migrate: %s", errOut)
	}
	var outs [2]strings.Builder
	var cmds [2]*exec.Cmd
	for i := range cmds {
		cmds[i] = exec.Command(binary, "ingest", "--workers", "1", "--db", url, corpus)
		cmds[i].Stderr = &outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	total := 0
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("process %d: %v\n%s", i, err, outs[i].String())
		}
		m := storedRe.FindStringSubmatch(outs[i].String())
		if m == nil {
			t.Fatalf("process %d: no summary in %q", i, outs[i].String())
		}
		stored, _ := strconv.Atoi(m[1])
		t.Logf("process %d: %s", i, strings.TrimSpace(outs[i].String()))
		if stored == 0 {
			t.Errorf("process %d stored nothing: the work was not shared", i)
		}
		total += stored
	}
	if total != n {
		t.Errorf("the two processes stored %d articles together, want %d", total, n)
	}
	out, errOut, code := marsad(t, "", "articles", "--db", url, "--json", "--limit", "1")
	if code != 0 {
		t.Fatal(errOut)
	}
	if !strings.Contains(out, fmt.Sprintf(`"total": %d`, n)) {
		t.Errorf("database holds %s, want total %d", out[:min(len(out), 200)], n)
	}
}
