// Package memwatch measures how much heap a piece of code needs, for the tests that show memory
// stays bounded under hostile input (the note quotes these peaks). It samples, so it is a test
// instrument, not a benchmark.
package memwatch

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Peak samples the heap every millisecond while f runs and returns the peak growth of the heap over
// what it was before, and the bytes allocated in all.
func Peak(f func()) (peak, allocated uint64) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var max atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > max.Load() {
				max.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if max.Load() < before.HeapAlloc {
		return 0, after.TotalAlloc - before.TotalAlloc
	}
	return max.Load() - before.HeapAlloc, after.TotalAlloc - before.TotalAlloc
}
