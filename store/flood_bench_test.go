package store

// Benchmark of issue 10's category floods: the store's cost of a feed must grow linearly with its
// entries × categories, whatever their shape.
//
//	go test -run '^$' -bench SaveCategoryFlood -benchtime 3x -count 5 ./store/
//
// ns/category and cpu-ns/category (the process's CPU time, steadier than wall time on a shared
// machine) are the figures to compare across sizes: flat when the cost is linear.

import (
	"context"
	"fmt"
	"testing"
	"time"

	"tributary/aggregator"
)

// floodFeed returns items articles of cats categories each (see floodCategory: a fifth shared by
// every entry, listed in no particular order, as hostile feeds do); round makes a second round's
// categories differ from the first's.
func floodFeed(items, cats, round int) []aggregator.Article {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	arts := make([]aggregator.Article, items)
	for i := range arts {
		id := fmt.Sprintf("%016x", uint64(i+1)*0x9E3779B97F4A7C15)
		cs := make([]string, cats)
		for j := range cs {
			cs[j] = floodCategory(round, i, j)
		}
		arts[i] = art(id, "flood", base.Add(time.Duration(i)*time.Minute), cs...)
	}
	return arts
}

// BenchmarkSaveCategoryFlood saves one feed of items × cats categories into a new database
// ("insert"), and the same entries again with as many new categories each ("union": the categories
// are merged into the stored records).
func BenchmarkSaveCategoryFlood(b *testing.B) {
	shapes := []struct{ items, cats int }{
		{1, 2000}, {1, 8000}, {1, 32000},
		{100, 20}, {100, 80}, {100, 320},
	}
	for _, mode := range []string{"insert", "union"} {
		for _, sh := range shapes {
			b.Run(fmt.Sprintf("%s/%dx%d", mode, sh.items, sh.cats), func(b *testing.B) {
				ctx := context.Background()
				state := aggregator.FetchState{LastStatus: aggregator.StatusUpdated}
				first, second := floodFeed(sh.items, sh.cats, 0), floodFeed(sh.items, sh.cats, 1)
				var cpu int64
				for b.Loop() {
					b.StopTimer()
					s := openStore(b, Options{})
					s.db.NoSync = true
					feed := first
					if mode == "union" {
						if _, err := s.SaveFeed(ctx, "flood", first, state); err != nil {
							b.Fatal(err)
						}
						feed = second
					}
					b.StartTimer()
					start := processCPU()
					if _, err := s.SaveFeed(ctx, "flood", feed, state); err != nil {
						b.Fatal(err)
					}
					cpu += processCPU() - start
					b.StopTimer()
					_ = s.Close()
					b.StartTimer()
				}
				n := float64(b.N * sh.items * sh.cats)
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/category")
				b.ReportMetric(float64(cpu)/n, "cpu-ns/category")
			})
		}
	}
}
