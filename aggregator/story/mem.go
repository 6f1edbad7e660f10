package story

import "unsafe"

// region is a growable array of a pointer-free type, kept outside the Go heap where the system
// allows (mem_mmap.go). The index's tables are tens of MiB that live as long as the store: on the
// heap, the garbage collector lets the heap grow by as much again before it collects (GOGC=100),
// memory the process must then touch. On the 2-core VMs of our benchmark the first touch of a page
// costs ~18 µs (Firecracker), so that headroom alone cost ~0.2 CPU-s per 25,000 new articles.
//
// T must hold no pointers: the garbage collector does not look inside a mapping.
type region[T any] struct {
	s   []T
	raw []byte
}

// newRegion returns a region of n zero values.
func newRegion[T any](m *memory, n int) region[T] {
	var r region[T]
	r.alloc(m, n, true)
	r.s = r.s[:n]
	return r
}

// alloc replaces the region's memory with room for n values, keeping the current ones; zero says
// that the room must be zero.
func (r *region[T]) alloc(m *memory, n int, zero bool) {
	var z T
	raw := m.get(max(n, 1)*int(unsafe.Sizeof(z)), zero)
	s := unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(raw))), n)[:len(r.s)]
	copy(s, r.s)
	r.free(m)
	r.s, r.raw = s, raw
}

// reserve makes room for n more values, so that appending them neither moves the array nor lets
// append copy it to the heap.
func (r *region[T]) reserve(m *memory, n int) {
	if len(r.s)+n > cap(r.s) {
		r.grow(m, max(1024, 2*cap(r.s), len(r.s)+n))
	}
}

// grow makes room for n values, keeping the current ones: in the spare block of that size if
// there is one (its pages are touched already: the copy costs less than faulting them in), else by
// remapping the region's own mapping where the system can (Linux), which moves its pages instead
// of copying them into pages touched for the first time, and holds no second block meanwhile. In
// a fresh process, as in a daemon's first refresh, fingerprint and Join of the farm's 25,000
// articles into an empty index took 21.8 µs an article copying, 18.4 remapping (medians of 10
// fresh processes each, alternating: BenchmarkFarmStoryWork/ingest -benchtime 1x); in a process
// that has filled indexes before, whose freed pages come back cheaply, it is the same within the
// noise (19.0 and 19.4, -count 5).
func (r *region[T]) grow(m *memory, n int) {
	var z T
	size := n * int(unsafe.Sizeof(z))
	if _, ok := m.spare[size]; !ok && r.raw != nil {
		if raw, ok := m.remap(r.raw, size); ok {
			r.s = unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(raw))), n)[:len(r.s)]
			r.raw = raw
			return
		}
	}
	r.alloc(m, n, false)
}

// free gives the region's memory back to m; the region is empty afterwards.
func (r *region[T]) free(m *memory) {
	if r.raw != nil {
		m.put(r.raw)
	}
	r.s, r.raw = nil, nil
}

// spare keeps memory a region gave back, one block per size, for the next region that grows to
// that size: the regions double in step (a table of 4 MiB freed as it grows is what the postings
// need next), and reusing a block costs nothing where a new mapping costs a fault per page.
type spare map[int][]byte

// get returns n bytes, zero when zero is set: a spare block of that size, else a new mapping.
func (m *memory) get(n int, zero bool) []byte {
	if b, ok := m.spare[n]; ok {
		delete(m.spare, n)
		if zero {
			clear(b)
		}
		return b
	}
	m.acct.now += int64(n)
	m.acct.peak = max(m.acct.peak, m.acct.now)
	return mapBytes(n)
}

// remap grows b, a block of m's, to n bytes in place or by moving its pages (see grow), and
// reports whether the system could.
func (m *memory) remap(b []byte, n int) ([]byte, bool) {
	nb, ok := remapBytes(b, n)
	if ok {
		m.acct.now += int64(n - len(b))
		m.acct.peak = max(m.acct.peak, m.acct.now)
	}
	return nb, ok
}

// unmap returns b, a block of m's, to the system.
func (m *memory) unmap(b []byte) {
	m.acct.now -= int64(len(b))
	unmapBytes(b)
}

// put keeps b as the spare block of its size, or returns it to the system when there is one.
func (m *memory) put(b []byte) {
	if m.spare == nil {
		m.spare = spare{}
	}
	if _, ok := m.spare[len(b)]; !ok {
		m.spare[len(b)] = b
		return
	}
	m.unmap(b)
}
