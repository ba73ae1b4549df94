package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/pipeline"
)

// stageClock sums the time each pipeline stage takes, across workers.
type stageClock struct {
	mu    sync.Mutex
	total map[string]time.Duration
	order []string
}

func (c *stageClock) observe(stage string, nanos int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.total == nil {
		c.total = map[string]time.Duration{}
	}
	if _, ok := c.total[stage]; !ok {
		c.order = append(c.order, stage)
	}
	c.total[stage] += time.Duration(nanos)
}

func newBenchCommand(g *globals) *cobra.Command {
	var corpus string
	var limit, workers int
	var asJSON bool
	var cpuProfile string
	cmd := &cobra.Command{
		Use:   "bench --corpus PATH",
		Short: "Measure end-to-end ingest: articles per second, time per stage, peak memory",
		Long: `bench ingests a corpus (any input marsad reads: a directory of SaudiNewsNet zips,
JSON Lines, HTML …) through the full pipeline into a database (--db; default a fresh
SQLite file in a temporary directory) and reports articles per second, the time spent
in each analysis stage, the cross-article rebuild, and the process's peak memory.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if corpus == "" {
				return marsad.Errorf(marsad.EINVALID, "bench needs --corpus")
			}
			ctx, cancel := context.WithCancel(cmd.Context())
			defer cancel()
			if g.db == "" && os.Getenv("MARSAD_DB") == "" {
				dir, err := os.MkdirTemp("", "marsad-bench-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				g.db = filepath.Join(dir, "bench.db")
			}
			store, err := g.openStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return fmt.Errorf("cpu profile: %w", err)
				}
				defer pprof.StopCPUProfile()
			}
			cpu0 := processCPU()
			io0 := readProcIO()
			clock := &stageClock{}
			p := pipeline.Default()
			p.Observe = clock.observe
			n := 0
			opts := ingest.Options{Pipeline: p, Workers: workers, NoRebuild: true, OnReject: func(error) {}}
			opts.OnArticle = func(*marsad.Article, bool) {
				n++
				if limit > 0 && n >= limit {
					cancel()
				}
			}
			start := time.Now()
			sum, err := ingest.Ingest(ctx, store, []string{corpus}, nil, opts)
			if err != nil && !errors.Is(err, context.Canceled) {
				return err
			}
			ingestTime := time.Since(start)
			ioIngest := readProcIO().minus(io0)
			rebuildStart := time.Now()
			if err := ingest.Rebuild(cmd.Context(), store); err != nil {
				return err
			}
			rebuild := time.Since(rebuildStart)
			total := time.Since(start)
			var ru syscall.Rusage
			_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
			peakMB := float64(ru.Maxrss) / 1024 // Linux reports KiB
			// Process CPU (user+sys) is the figure to compare on a shared
			// machine, where wall time follows the scheduler, not our cost.
			cpu := processCPU() - cpu0
			io := readProcIO().minus(io0)
			report := map[string]any{
				"articles":            sum.Records,
				"stored":              sum.Stored,
				"duplicates":          sum.Duplicates,
				"rejected":            sum.Rejected,
				"ingest_seconds":      ingestTime.Seconds(),
				"rebuild_seconds":     rebuild.Seconds(),
				"total_seconds":       total.Seconds(),
				"articles_per_second": float64(sum.Records) / total.Seconds(),
				"peak_rss_mb":         peakMB,
				"cpu_seconds":         cpu.Seconds(),
				"cpu_ms_per_article":  float64(cpu.Microseconds()) / 1000 / float64(max(1, sum.Records)),
			}
			if io.ok {
				report["read_syscalls"] = io.syscr
				report["write_syscalls"] = io.syscw
				report["written_mb"] = float64(io.wchar) / (1 << 20)
			}
			stages := map[string]float64{}
			for _, s := range clock.order {
				stages[s] = clock.total[s].Seconds()
			}
			// Stage times are wall time inside each stage summed over the
			// workers: CPU time on an idle machine, more under load. The
			// key keeps its first name for scripts that read it.
			report["stage_cpu_seconds"] = stages
			w := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(w, report)
			}
			fmt.Fprintf(w, "articles: %d (%d stored, %d duplicates, %d rejected)\n", sum.Records, sum.Stored, sum.Duplicates, sum.Rejected)
			fmt.Fprintf(w, "ingest: %.2fs, rebuild (entities, stories): %.2fs, total %.2fs\n", ingestTime.Seconds(), rebuild.Seconds(), total.Seconds())
			fmt.Fprintf(w, "throughput: %.0f articles/s end to end\n", float64(sum.Records)/total.Seconds())
			fmt.Fprintf(w, "peak memory (max RSS): %.0f MB\n", peakMB)
			fmt.Fprintf(w, "process cpu (user+sys): %.2fs, %.2f ms/article\n", cpu.Seconds(), float64(cpu.Microseconds())/1000/float64(max(1, sum.Records)))
			if io.ok {
				fmt.Fprintf(w, "i/o: %d read and %d write syscalls, %.0f MB written (ingest: %d, %d, %.0f MB)\n", io.syscr, io.syscw, float64(io.wchar)/(1<<20),
					ioIngest.syscr, ioIngest.syscw, float64(ioIngest.wchar)/(1<<20))
			}
			names := append([]string(nil), clock.order...)
			sort.SliceStable(names, func(i, j int) bool { return clock.total[names[i]] > clock.total[names[j]] })
			for _, s := range names {
				fmt.Fprintf(w, "  stage %-10s %8.2fs (summed over workers)  %6.0f µs/article\n", s, clock.total[s].Seconds(), float64(clock.total[s].Microseconds())/float64(max(1, sum.Records)))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&corpus, "corpus", "", "corpus to ingest (file, directory, zip …)")
	cmd.Flags().IntVar(&limit, "limit", 0, "stop after this many articles (0: all)")
	cmd.Flags().IntVar(&workers, "workers", 0, "analysis workers (default: number of CPUs)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the run (go tool pprof) to this file")
	return cmd
}

// processCPU is the user+system CPU time this process has used so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// procIO is the part of /proc/self/io that bench reports. Syscall counts
// are repeatable where times are not: the store's cost on a shared machine
// is best compared by how many reads and writes it makes.
type procIO struct {
	ok                  bool
	syscr, syscw, wchar int64
}

func readProcIO() procIO {
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return procIO{}
	}
	io := procIO{ok: true}
	for _, line := range strings.Split(string(b), "\n") {
		name, value, found := strings.Cut(line, ":")
		if !found {
			continue
		}
		v, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
		if err != nil {
			continue
		}
		switch name {
		case "syscr":
			io.syscr = v
		case "syscw":
			io.syscw = v
		case "wchar":
			io.wchar = v
		}
	}
	return io
}

func (a procIO) minus(b procIO) procIO {
	if !a.ok || !b.ok {
		return procIO{}
	}
	return procIO{ok: true, syscr: a.syscr - b.syscr, syscw: a.syscw - b.syscw, wchar: a.wchar - b.wchar}
}
