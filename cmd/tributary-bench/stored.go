package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"time"

	"tributary/aggregator"
	"tributary/store"
)

// runStored preloads o.stored articles (o.storedSources sources, ~3 KB bodies, at most 1,000 per
// transaction) into a database, then starts the real binary on it -runs times and measures startup
// to serving (exec to /readyz, and to the first output of the newest 100 served) and the first
// newest-100 render. Every source has a state, fetched a minute before the preload ended, so that
// the daemon starts with none overdue, as after a restart: what it then does before it answers is
// read its configuration, the sources' states and its schedules.
func runStored(o options, work string) error {
	dir := filepath.Join(work, fmt.Sprintf("stored-%d", o.stored))
	if o.storedSources != 20 {
		dir = filepath.Join(work, fmt.Sprintf("stored-%d-sources-%d", o.stored, o.storedSources))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	db := filepath.Join(dir, "tributary.db")
	var names []string
	for i := range max(o.storedSources, 1) {
		names = append(names, fmt.Sprintf("src-%02d", i))
	}
	if _, err := os.Stat(db); err != nil {
		t0 := time.Now()
		if err := preload(db, o.stored, names); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "preloaded %d articles in %s\n", o.stored, time.Since(t0).Round(time.Millisecond))
	}
	fi, err := os.Stat(db)
	if err != nil {
		return err
	}
	var ready, first, again []float64
	for range o.runs {
		d, err := startDaemon(o, dir, "127.0.0.1:9", 0, names)
		if err != nil {
			return err
		}
		if err := get(d.public + "/feeds/all.rss"); err != nil {
			d.stop()
			return err
		}
		firstAt := time.Now()
		t2 := time.Now()
		if err := get(d.public + "/feeds/all.atom"); err != nil { // another format: a second render
			d.stop()
			return err
		}
		ready = append(ready, d.readyAt.Sub(d.startedAt).Seconds())
		first = append(first, firstAt.Sub(d.startedAt).Seconds())
		again = append(again, time.Since(t2).Seconds())
		d.stop()
	}
	median := func(v []float64) float64 { slices.Sort(v); return v[len(v)/2] }
	// The newest 100 read directly through the store (as the output does), warm, 200 times.
	st, err := store.Open(context.Background(), db, store.Options{})
	if err != nil {
		return err
	}
	var newest []float64
	for range 200 {
		t0 := time.Now()
		if _, err := st.Articles(context.Background(), aggregator.Query{Limit: 100}); err != nil {
			st.Close()
			return err
		}
		newest = append(newest, time.Since(t0).Seconds())
	}
	st.Close()
	fmt.Printf("tributary-bench -stored %d: %d sources, database %.1f MiB, runs %d (medians)\n", o.stored, len(names), float64(fi.Size())/(1<<20), o.runs)
	fmt.Printf("  %-34s %.3f s\n", "exec to ready (/readyz)", median(ready))
	fmt.Printf("  %-34s %.3f s\n", "exec to first output served", median(first))
	fmt.Printf("  %-34s %.1f ms\n", "newest 100 rendered (atom, cold)", median(again)*1000)
	fmt.Printf("  %-34s %.2f ms\n", "newest 100 read from the store", median(newest)*1000)
	return nil
}

func get(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != 200 {
		return fmt.Errorf("%s: HTTP %d", url, resp.StatusCode)
	}
	return nil
}

// preload stores n articles through the store package, as refreshes would have.
func preload(path string, n int, names []string) error {
	ctx := context.Background()
	s, err := store.Open(ctx, path, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	rng := rand.New(rand.NewPCG(5, 6))
	var bodies []string
	for i := range 64 {
		bodies = append(bodies, makeBody(rng, 3000, i, chinese()))
	}
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	// Every source gets at least one save (its state), however few articles each then holds.
	batch := max(1, min(1000, n/len(names)))
	fetched := time.Now().Add(-time.Minute)
	state := aggregator.FetchState{ETag: `W/"preload"`, LastModified: fetched.UTC().Format(http.TimeFormat),
		LastFetch: fetched, LastSuccess: fetched, LastStatus: aggregator.StatusUpdated}
	for first := 0; first < n || first/batch < len(names); first += batch {
		src := names[(first/batch)%len(names)]
		var arts []aggregator.Article
		for i := first; i < min(n, first+batch); i++ {
			id := fmt.Sprintf("bench-%09d", i)
			arts = append(arts, aggregator.Article{
				ID: id, Title: fmt.Sprintf("预载文章 %d", i), Link: "https://example.com/" + id,
				Body: bodies[i%len(bodies)], Date: base.Add(time.Duration(i) * time.Minute),
				Sources: []string{src}, Categories: []string{"财经"},
			})
		}
		if _, err := s.SaveFeed(ctx, src, arts, state); err != nil {
			return err
		}
	}
	return nil
}
