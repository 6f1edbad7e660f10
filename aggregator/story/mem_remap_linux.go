package story

import "golang.org/x/sys/unix"

// remapBytes grows b, a mapping of mapBytes, to n bytes (n > len(b)) keeping its contents, and
// reports whether it could: mremap moves the pages themselves (their page-table entries) to a
// larger range when the mapping cannot grow in place, where a new mapping and a copy would touch
// the copy's pages for the first time (see region). Heap memory from mapBytes's fallback is
// refused: x/sys/unix remaps only the mappings it made.
func remapBytes(b []byte, n int) ([]byte, bool) {
	nb, err := unix.Mremap(b[:cap(b)], pages(n), unix.MREMAP_MAYMOVE)
	if err != nil {
		return nil, false
	}
	adviseHuge(nb) // a mapping that was too small to ask for huge pages may be big enough now
	return nb[:n], true
}
