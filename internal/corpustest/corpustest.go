// Package corpustest is what marsad's benchmarks and output-dump tests over
// the SaudiNewsNet corpus share: where the corpus is, how to skip without
// it, and how to measure CPU time on a shared machine.
//
// The corpus (CC BY-NC-SA 4.0) is read in place at test time and never
// copied into the repository, so every user of this package must skip when
// it is absent.
package corpustest

import (
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// SaudiNewsNet is the directory of the corpus's zips on the development
// machines.
const SaudiNewsNet = "/work/shared/data/saudinewsnet"

// Require skips the test or benchmark when the corpus is not present.
func Require(tb testing.TB) {
	tb.Helper()
	if _, err := os.Stat(SaudiNewsNet); err != nil {
		tb.Skipf("corpus %s not present", SaudiNewsNet)
	}
}

// CPUTime is the CPU time (user and system) the process has used. On a
// shared machine wall time follows the load; a benchmark that reports
// CPU time per operation beside ns/op can be compared across runs.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// EnvInt reads a positive integer setting from the environment, else def.
func EnvInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
