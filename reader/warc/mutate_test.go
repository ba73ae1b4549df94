package warc

import (
	"bytes"
	"io"
	"math/rand"
	"os"
	"testing"
	"time"
)

// TestMutationsTerminate reads damaged copies of the sample crawls: each
// must end (gowarc loops for ever on some read errors, see eofAfterError).
func TestMutationsTerminate(t *testing.T) {
	var seeds [][]byte
	for _, n := range []string{"../testdata/crawl.warc", "../testdata/crawl.warc.gz"} {
		b, _ := os.ReadFile(n)
		seeds = append(seeds, b)
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 1000; i++ {
		data := append([]byte(nil), seeds[rng.Intn(2)]...)
		for j := 0; j < 1+rng.Intn(4); j++ {
			switch rng.Intn(3) {
			case 0:
				data[rng.Intn(len(data))] = byte(rng.Intn(256))
			case 1:
				k := rng.Intn(len(data))
				data = append(data[:k], data[min(len(data), k+rng.Intn(50)):]...)
			case 2:
				data = data[:rng.Intn(len(data))+1]
			}
		}
		done := make(chan bool)
		go func() {
			r, err := NewReader(bytes.NewReader(data), 1<<20)
			if err == nil {
				for k := 0; k < 100; k++ {
					if _, err := r.Next(); err == io.EOF || (err != nil && !isRecordErr(err)) {
						break
					}
				}
				r.Close()
			}
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("mutation %d does not end: %q…", i, data[:min(len(data), 200)])
		}
	}
}

func isRecordErr(err error) bool { _, ok := err.(*RecordError); return ok }
