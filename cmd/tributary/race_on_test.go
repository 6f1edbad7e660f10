//go:build race

package main

// raceDetector says the tests run under -race, whose shadow memory lies outside the Go runtime's
// accounting and grows with the heap.
const raceDetector = true
