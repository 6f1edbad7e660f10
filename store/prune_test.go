package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
)

// TestListedTombstones: a prune sights the tombstones that a kept source lists, and only those are
// collected — not every ID the sources list, which at 10,000 sources is half a million strings on
// the heap at every prune. Sources are read a few per transaction (listedPerView 2 here), so the
// sources of one call span several.
func TestListedTombstones(t *testing.T) {
	clock := newClock()
	s := openStore(t, Options{Now: clock.Now})
	s.listedPerView = 2
	ctx := context.Background()
	// Five sources of eight entries each; "shared" is carried by s0 and s3.
	for i := range 5 {
		src := fmt.Sprintf("s%d", i)
		var arts []aggregator.Article
		for j := range 8 {
			arts = append(arts, art(fmt.Sprintf("%s-%d", src, j), src, day(1+j)))
		}
		if i == 0 || i == 3 {
			arts = append(arts, art("shared", src, day(1)))
		}
		save(t, s, src, arts...)
	}
	all := []string{"s0", "s1", "s2", "s3", "s4"}
	got, err := s.listedTombstones(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Fatalf("no tombstones yet: got %v", slices.Sorted(maps.Keys(got)))
	}

	// Keep each source's newest five: the three oldest of each, and "shared" (dated day 1), become
	// tombstones that their sources still list.
	if _, err := s.Prune(ctx, aggregator.PrunePolicy{MaxPerSource: 5}); err != nil {
		t.Fatal(err)
	}
	tombstoned := func(srcs ...string) []string {
		var out []string
		for _, src := range srcs {
			for j := range 3 {
				out = append(out, fmt.Sprintf("%s-%d", src, j))
			}
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		sources []string
		want    []string
	}{
		{"every source", all, append(tombstoned(all...), "shared")},
		{"one source", []string{"s1"}, tombstoned("s1")},
		{"a source carrying the shared article", []string{"s3"}, append(tombstoned("s3"), "shared")},
		{"sources across transactions", []string{"s4", "s2", "s0"}, append(tombstoned("s4", "s2", "s0"), "shared")},
		{"a source not configured", []string{"gone"}, nil},
		{"none", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.listedTombstones(ctx, tc.sources)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := slices.Sorted(maps.Keys(got)), slices.Sorted(slices.Values(tc.want)); !slices.Equal(g, w) {
				t.Errorf("listed tombstones of %v: %v, want %v", tc.sources, g, w)
			}
		})
	}

	// The sighting keeps a listed tombstone past its TTL, and an unlisted one expires.
	s3 := []aggregator.Article{art("s3-new", "s3", day(20))} // s3 now lists only this: its tombstones go unlisted
	save(t, s, "s3", s3...)
	clock.Advance(48 * time.Hour)
	if _, err := s.Prune(ctx, aggregator.PrunePolicy{KeepListedBy: all, TombstoneTTL: 24 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	left := map[string]bool{}
	err = s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTombstones).ForEach(func(k, _ []byte) error {
			left[string(k)] = true
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	want := append(tombstoned("s0", "s1", "s2", "s4"), "shared") // "shared": s0 still lists it
	if g, w := slices.Sorted(maps.Keys(left)), slices.Sorted(slices.Values(want)); !slices.Equal(g, w) {
		t.Errorf("tombstones after the TTL: %v, want %v", g, w)
	}
}
