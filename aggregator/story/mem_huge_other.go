//go:build (darwin || freebsd) && !linux

package story

// adviseHuge does nothing: transparent huge pages are Linux's.
func adviseHuge([]byte) {}
