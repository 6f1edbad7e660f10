//go:build linux || darwin || freebsd

package story

import (
	"os"

	"golang.org/x/sys/unix"
)

// mapBytes returns n zero bytes in an anonymous private mapping of whole pages or, where the
// system refuses (a memory limit, say), on the heap. It maps through x/sys/unix, whose record of
// mappings is the one that remapBytes (mremap, Linux) keeps up to date.
func mapBytes(n int) []byte {
	b, err := unix.Mmap(-1, 0, pages(n), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_ANON|unix.MAP_PRIVATE)
	if err != nil {
		return make([]byte, n)
	}
	adviseHuge(b)
	return b[:n]
}

// pages rounds n up to whole pages.
func pages(n int) int {
	page := os.Getpagesize()
	return (n + page - 1) / page * page
}

// unmapBytes returns a mapping made by mapBytes. Heap memory from mapBytes's fallback is left to
// the garbage collector: Munmap knows only its own mappings and refuses anything else (EINVAL).
func unmapBytes(b []byte) {
	// A mapping is whole pages: Munmap wants the slice it returned, whose capacity that is.
	_ = unix.Munmap(b[:cap(b)])
}
