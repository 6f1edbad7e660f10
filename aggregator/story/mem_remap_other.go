//go:build !linux

package story

// remapBytes cannot grow a mapping in place here (mremap is Linux's): region copies instead.
func remapBytes([]byte, int) ([]byte, bool) { return nil, false }
