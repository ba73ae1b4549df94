package web

import "sync"

// storeReaders bounds the store reads one request runs at once. A page
// that needs several independent reads (an entity's articles, timeline and
// quotes; the articles behind a story's quotes) waits for the slowest
// rather than for their sum, while a machine of a few cores is not swamped
// by one request.
const storeReaders = 4

// parallel runs fns at once and returns the first error in argument order,
// so the error a page shows does not depend on timing.
func parallel(fns ...func() error) error {
	errs := make([]error, len(fns))
	var wg sync.WaitGroup
	for i, fn := range fns {
		wg.Go(func() { errs[i] = fn() })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// forEachBounded calls fn(i) for i in [0, n) with at most storeReaders
// calls at a time, and returns the error of the lowest i that failed.
func forEachBounded(n int, fn func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, storeReaders) {
		wg.Go(func() {
			for i := range next {
				errs[i] = fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
