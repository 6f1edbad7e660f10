package main

import (
	"os"
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
	titles, bodies := farmTexts(500)
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

// BenchmarkJoinScale is Index.Join's cost per article as the window fills with the farm's items,
// fingerprinted beforehand, feed after feed as a full refresh stores them: "ns/article" over all of
// them, "ns/last25k" over the last 25,000 (what a 500 × 50 refresh adds, at the end of the one
// being measured). TRIBUTARY_BENCH_FARM_FEEDS sets the farm's feeds (default 500; 10000 is the
// issue-16 scale, half a million prints, ~2 GB of memory for the texts and a minute to set up):
//
//	TRIBUTARY_BENCH_FARM_FEEDS=10000 go test -run '^$' -bench JoinScale -benchtime 1x -timeout 30m ./cmd/tributary-bench/
func BenchmarkJoinScale(b *testing.B) {
	feeds := 500
	if v := os.Getenv("TRIBUTARY_BENCH_FARM_FEEDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 500 {
			b.Fatalf("TRIBUTARY_BENCH_FARM_FEEDS=%q: want a number of feeds, at least 500", v)
		}
		feeds = n
	}
	titles, bodies := farmTexts(feeds)
	date := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	prints := make([]storypkg.Print, len(titles))
	ids := make([]string, len(titles))
	for i := range titles {
		prints[i] = storypkg.Fingerprint(titles[i], bodies[i], date)
		ids[i] = strconv.Itoa(i)
	}
	tail := len(prints) - 25000
	var last time.Duration
	for b.Loop() {
		x := storypkg.NewIndex(storypkg.Options{})
		var start time.Time
		for i := range prints {
			if i == tail {
				start = time.Now()
			}
			x.Join(ids[i], prints[i], nil)
		}
		last += time.Since(start)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(prints)), "ns/article")
	b.ReportMetric(float64(last.Nanoseconds())/float64(b.N*25000), "ns/last25k")
	b.ReportMetric(0, "ns/op") // a whole index per op: ns/article says it
}

// farmTexts returns the titles and bodies of the bench's farm of feeds × 50 items, feed after
// feed, as a full refresh stores them.
func farmTexts(feeds int) (titles, bodies []string) {
	f := newFarm(feeds, 50, 3000, 0.1, 0.05, chinese())
	for i := range f.n {
		for seq := range f.m {
			t, _, body := f.item(i, seq)
			titles, bodies = append(titles, t), append(bodies, body)
		}
	}
	return titles, bodies
}
