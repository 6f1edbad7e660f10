//go:build !(linux || darwin || freebsd)

package story

// mapBytes returns n zero bytes of heap memory: this system has no anonymous mappings we use.
func mapBytes(n int) []byte { return make([]byte, n) }

// unmapBytes leaves the memory to the garbage collector.
func unmapBytes([]byte) {}
