package story

import (
	"testing"
	"unsafe"
)

// TestRegion: values survive growth; a block given back is reused by the next region of its size,
// and cleared when that region must start zero (a key table), where a stale entry would be a
// phantom key.
func TestRegion(t *testing.T) {
	m := &memory{acct: new(mapped)}
	defer m.free()

	var r region[uint32]
	for i := range uint32(100_000) {
		r.reserve(m, 1)
		r.s = append(r.s, i*7)
	}
	for i, v := range r.s {
		if v != uint32(i)*7 {
			t.Fatalf("value %d = %d after growth, want %d", i, v, i*7)
		}
	}

	k := newRegion[key](m, 4096)
	for i := range k.s {
		k.s[i] = key{vn: uint32(i)<<countBits | 1, ref: int32(i)}
	}
	block := unsafe.SliceData(k.raw)
	k.free(m)
	k2 := newRegion[key](m, 4096)
	if unsafe.SliceData(k2.raw) != block {
		t.Error("a block of the same size was mapped anew instead of reused")
	}
	for i, e := range k2.s {
		if e != (key{}) {
			t.Fatalf("entry %d of a reused table = %+v, want zero", i, e)
		}
	}
	k2.free(m)
	r.free(m)
	if len(m.spare) == 0 {
		t.Error("no block kept for reuse")
	}
}
