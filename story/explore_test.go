package story

import (
	"fmt"
	"sort"
	"syscall"
	"testing"
	"time"
)

func TestExplore(t *testing.T) {
	corpusEnabled(t)
	docs := flatten(loadSNN(t))
	start, cpu0 := time.Now(), cpuTime()
	ix := NewIndex(Options{})
	ix.AddBatch(docs)
	t.Logf("add %d docs: wall %v cpu %v", len(docs), time.Since(start), cpuTime()-cpu0)
	s2 := time.Now()
	dups := ix.Duplicates()
	ev := ix.Events()
	t.Logf("dups+events: %v", time.Since(s2))
	s3 := time.Now()
	st := ix.Stories()
	t.Logf("stories: %v", time.Since(s3))
	ncopies := 0
	for _, c := range dups {
		ncopies += len(c)
	}
	sizes := map[int]int{}
	for _, e := range ev {
		sizes[len(e)]++
	}
	var ks []int
	for k := range sizes {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	t.Logf("dup groups %d copies %d; events %d; sizes %v", len(dups), ncopies, len(ev), fmtSizes(ks, sizes))
	ssz := map[int]int{}
	for _, s := range st {
		ssz[len(s.Articles)]++
	}
	ks = ks[:0]
	for k := range ssz {
		ks = append(ks, k)
	}
	sort.Ints(ks)
	t.Logf("stories %d sizes %v", len(st), fmtSizes(ks, ssz))
	for _, s := range st[:5] {
		t.Logf("story %d (%d): %s", s.ID, len(s.Articles), s.Title)
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func fmtSizes(ks []int, m map[int]int) string {
	s := ""
	for _, k := range ks {
		s += fmt.Sprintf("%d:%d ", k, m[k])
	}
	return s
}
