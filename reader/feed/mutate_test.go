package feed

import (
	"math/rand"
	"os"
	"testing"
	"time"
)

// TestMutationsTerminate parses damaged copies of the sample feeds: each
// parse must end.
func TestMutationsTerminate(t *testing.T) {
	var seeds [][]byte
	for _, n := range []string{"../testdata/rss.xml", "../testdata/atom.xml"} {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 500; i++ {
		data := append([]byte(nil), seeds[rng.Intn(len(seeds))]...)
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
			Parse(data)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("mutation %d does not end: %q", i, data)
		}
	}
}
