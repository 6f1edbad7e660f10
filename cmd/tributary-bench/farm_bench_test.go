package main

import (
	"strconv"
	"testing"
	"time"

	storypkg "tributary/aggregator/story"
)

// BenchmarkFarmStoryWork is story grouping's per-article work on the items of the bench's own
// farm (500 feeds × 50), the articles whose full refresh the bench's "story grouping cost"
// measures: "fingerprint" alone, and "ingest", fingerprint and Join into an index filled from
// empty as in a first refresh. It reports ns per article. The farm's bodies sample more shingles
// than the story package's fixtures (BenchmarkFingerprint, BenchmarkIngest), which is where
// changes to the sampler show.
//
//	go test -run '^$' -bench FarmStoryWork -count 5 ./cmd/tributary-bench/
func BenchmarkFarmStoryWork(b *testing.B) {
	f := newFarm(500, 50, 3000, 0.1, 0.05)
	var titles, bodies []string
	for i := range f.n {
		for seq := range f.m {
			t, _, body := f.item(i, seq)
			titles, bodies = append(titles, t), append(bodies, body)
		}
	}
	ids := make([]string, len(titles))
	for i := range ids {
		ids[i] = strconv.Itoa(i)
	}
	date := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	perArticle := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(titles)), "ns/article")
	}
	b.Run("fingerprint", func(b *testing.B) {
		for b.Loop() {
			for i := range titles {
				storypkg.Fingerprint(titles[i], bodies[i], date)
			}
		}
		perArticle(b)
	})
	b.Run("ingest", func(b *testing.B) {
		for b.Loop() {
			x := storypkg.NewIndex(storypkg.Options{})
			for i := range titles {
				x.Join(ids[i], storypkg.Fingerprint(titles[i], bodies[i], date), nil)
			}
		}
		perArticle(b)
	})
}
