//go:build !unix

package store

// processCPU is not measured here: benchmarks then report no CPU time.
func processCPU() int64 { return 0 }
