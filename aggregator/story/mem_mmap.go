//go:build linux || darwin || freebsd

package story

import (
	"os"
	"syscall"
)

// mapBytes returns n zero bytes in an anonymous private mapping of whole pages or, where the
// system refuses (a memory limit, say), on the heap.
func mapBytes(n int) []byte {
	page := os.Getpagesize()
	size := (n + page - 1) / page * page
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]byte, n)
	}
	adviseHuge(b)
	return b[:n]
}

// unmapBytes returns a mapping made by mapBytes. Heap memory from mapBytes's fallback is left to
// the garbage collector: Munmap knows only its own mappings and refuses anything else (EINVAL).
func unmapBytes(b []byte) {
	// A mapping is whole pages: Munmap wants the slice it returned, whose capacity that is.
	_ = syscall.Munmap(b[:cap(b)])
}
