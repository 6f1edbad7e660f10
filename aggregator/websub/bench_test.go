package websub

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDiscover measures what discovery adds to each fetch of a source when
// websub.subscribe is on: the XML read stops at the first entry, JSON Feed is read whole.
func BenchmarkDiscover(b *testing.B) {
	for _, name := range []string{"cls-depth.xml", "atom.xml", "feed.json"} {
		body, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				Discover(nil, body, "https://feeds.example.com/f")
			}
		})
	}
}
