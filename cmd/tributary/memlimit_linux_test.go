package main

import (
	"syscall"
	"testing"
)

// TestOutsideGoMemory maps and touches 64 MiB outside the Go runtime, as the story index does, and
// checks that outsideGoMemory sees them come and go: a measure that counted the heap too, or missed
// anonymous mappings, would leave the daemon's soft limit where the kernel kills it.
func TestOutsideGoMemory(t *testing.T) {
	const size = 64 << 20
	before, err := outsideGoMemory()
	if err != nil {
		t.Fatal(err)
	}
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	mapped, err := outsideGoMemory()
	if err != nil {
		t.Fatal(err)
	}
	// A heap that grows by 64 MiB is the runtime's: it must not count.
	heap := make([]byte, size)
	for i := 0; i < len(heap); i += 4096 {
		heap[i] = 1
	}
	withHeap, err := outsideGoMemory()
	if err != nil {
		t.Fatal(err)
	}
	heap[len(heap)-1] = 2 // keep it live until here
	if err := syscall.Munmap(b); err != nil {
		t.Fatal(err)
	}
	after, err := outsideGoMemory()
	if err != nil {
		t.Fatal(err)
	}
	const mib = 1 << 20
	t.Logf("outside the runtime: %d MiB, mapped %d, with a 64 MiB heap %d, unmapped %d", before/mib, mapped/mib, withHeap/mib, after/mib)
	if grew := mapped - before; grew < size-8*mib || grew > size+8*mib {
		t.Errorf("64 MiB mapped and touched outside the runtime: the measure grew by %d MiB", grew/mib)
	}
	// Under -race the detector's shadow of the heap is outside the runtime's accounting: .ci/run
	// runs this test once more without -race for this check.
	if d := withHeap - mapped; !raceDetector && (d > 8*mib || d < -8*mib) {
		t.Errorf("64 MiB of Go heap moved the measure by %d MiB: the runtime's own memory counts as outside", d/mib)
	}
	if shrank := withHeap - after; shrank < size-8*mib || shrank > size+8*mib {
		t.Errorf("unmapping 64 MiB shrank the measure by %d MiB only", shrank/mib)
	}
}
