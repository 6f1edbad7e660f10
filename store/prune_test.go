package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"tributary/aggregator"
)

func TestPruneByDate(t *testing.T) {
	tests := []struct {
		name        string
		before      time.Time
		wantRemoved int
	}{
		{"nothing older", day(1), 0},
		{"four days", day(5), 4},
		{"microsecond of before kept", day(5).Add(1500 * time.Nanosecond), 5}, // day 5 itself is before it
		{"everything", day(20), 11},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClock()
			s := openStore(t, Options{Now: c.Now})
			s.pruneBatch = 3
			var arts []aggregator.Article
			for d := 1; d <= 10; d++ {
				arts = append(arts, art(fmt.Sprintf("d%02d", d), "a", day(d), "cat"))
			}
			late := art("late", "a", day(5).Add(1800*time.Nanosecond)) // same microsecond as one cut
			save(t, s, "a", append(arts, late)...)
			save(t, s, "b", art("d02", "b", day(2))) // shared: date pruning ignores who carries it
			n, err := s.Prune(context.Background(), aggregator.PrunePolicy{Before: tt.before})
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.wantRemoved {
				t.Errorf("Prune removed %d, want %d", n, tt.wantRemoved)
			}
			for _, a := range query(t, s, aggregator.Query{}) {
				if a.Date.Before(tt.before) {
					t.Errorf("%s dated %v survived", a.ID, a.Date)
				}
			}
			if st := stats(t, s); st.Articles != 11-tt.wantRemoved {
				t.Errorf("Stats.Articles = %d, want %d", st.Articles, 11-tt.wantRemoved)
			}
			mustCheck(t, s)
		})
	}
}

func TestPrunePerSource(t *testing.T) {
	c := newClock()
	s := openStore(t, Options{Now: c.Now})
	// a: a01..a10 on days 1..10. b: s02 (=a02, day 2), s03 (=a03), and b's own b11..b13.
	var as []aggregator.Article
	for d := 1; d <= 10; d++ {
		as = append(as, art(fmt.Sprintf("a%02d", d), "a", day(d)))
	}
	save(t, s, "a", as...)
	save(t, s, "b", art("a02", "b", day(2)), art("a03", "b", day(3)), art("b11", "b", day(11)), art("b12", "b", day(12)), art("b13", "b", day(13)))
	// Windows of 4: a keeps a07..a10; b keeps a03, b11..b13. So a03 stays (b keeps it), a02 goes
	// (outside both), a01, a04..a06 go.
	n, err := s.Prune(context.Background(), aggregator.PrunePolicy{MaxPerSource: 4})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"b13", "b12", "b11", "a10", "a09", "a08", "a07", "a03"}
	if got := ids(query(t, s, aggregator.Query{})); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if n != 5 {
		t.Errorf("removed %d, want 5", n)
	}
	if n, _ := s.Prune(context.Background(), aggregator.PrunePolicy{MaxPerSource: 4}); n != 0 {
		t.Errorf("second prune removed %d, want 0", n)
	}
	mustCheck(t, s)
}

// TestPrunePerSourceRandomized checks the window rule against a brute-force expectation, with
// transactions of a few articles so that the batching and resuming are exercised.
func TestPrunePerSourceRandomized(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			s := openStore(t, Options{})
			s.pruneBatch = 1 + rng.IntN(5)
			m := randomStore(t, s, rng, 400)
			keep := 10 + rng.IntN(40)

			// Brute force: each source's window is its newest keep articles; keep an article when any
			// of its sources' windows holds it.
			kept := make(map[string]bool)
			for _, src := range []string{"s0", "s1", "s2", "s3", "s4", "s5"} {
				for _, id := range m.query(aggregator.Query{Sources: []string{src}, Limit: keep}) {
					kept[id] = true
				}
			}
			want := m.query(aggregator.Query{})
			want = slices.DeleteFunc(want, func(id string) bool { return !kept[id] })

			n, err := s.Prune(context.Background(), aggregator.PrunePolicy{MaxPerSource: keep})
			if err != nil {
				t.Fatal(err)
			}
			if got := ids(query(t, s, aggregator.Query{})); !slices.Equal(got, want) {
				t.Fatalf("kept %d articles, want %d", len(got), len(want))
			}
			if n != len(m.arts)-len(want) {
				t.Errorf("removed %d, want %d", n, len(m.arts)-len(want))
			}
			for src, count := range stats(t, s).PerSource {
				if count < keep && count != len(m.query(aggregator.Query{Sources: []string{src}})) {
					t.Errorf("source %s lost articles of its window: %d left", src, count)
				}
			}
			if n, _ := s.Prune(context.Background(), aggregator.PrunePolicy{MaxPerSource: keep}); n != 0 {
				t.Errorf("second prune removed %d", n)
			}
			mustCheck(t, s)
		})
	}
}

func TestTombstones(t *testing.T) {
	const ttl = 30 * 24 * time.Hour
	c := newClock()
	s := openStore(t, Options{Now: c.Now})
	ctx := context.Background()
	s.pruneBatch = 2
	old := art("old", "a", day(1))
	save(t, s, "a", old, art("new", "a", day(20)))
	if n, err := s.Prune(ctx, aggregator.PrunePolicy{Before: day(10), TombstoneTTL: ttl}); err != nil || n != 1 {
		t.Fatalf("Prune = %d, %v", n, err)
	}

	steps := []struct {
		name    string
		advance time.Duration
		prune   bool
		want    aggregator.SaveResult
	}{
		{"listed again right away: suppressed", time.Hour, false, aggregator.SaveResult{Suppressed: 1}},
		{"listed again before the ttl: suppressed, sighting refreshed", ttl - time.Hour, true, aggregator.SaveResult{Suppressed: 1}},
		{"ttl since pruning, not since last sighting: still suppressed", 2 * time.Hour, true, aggregator.SaveResult{Suppressed: 1}},
	}
	for _, st := range steps {
		c.Advance(st.advance)
		if st.prune {
			if _, err := s.Prune(ctx, aggregator.PrunePolicy{TombstoneTTL: ttl}); err != nil {
				t.Fatal(err)
			}
		}
		gen := s.Generation()
		if res := save(t, s, "a", old); res != st.want {
			t.Fatalf("%s: %+v, want %+v", st.name, res, st.want)
		}
		if s.Generation() != gen {
			t.Errorf("%s: a suppressed entry changed the generation", st.name)
		}
		if _, err := s.Article(ctx, "old"); err == nil {
			t.Fatalf("%s: pruned article is back", st.name)
		}
	}

	// Not seen for longer than the ttl: the tombstone goes, and the story may come back.
	c.Advance(ttl + time.Hour)
	if _, err := s.Prune(ctx, aggregator.PrunePolicy{TombstoneTTL: ttl}); err != nil {
		t.Fatal(err)
	}
	if res := save(t, s, "a", old); res != (aggregator.SaveResult{New: 1}) {
		t.Errorf("after expiry: %+v, want new", res)
	}
	mustCheck(t, s)
}

func TestTombstoneExpiryBatches(t *testing.T) {
	c := newClock()
	s := openStore(t, Options{Now: c.Now})
	s.pruneBatch = 1 // 8 tombstones per transaction
	var arts []aggregator.Article
	for i := range 50 {
		arts = append(arts, art(fmt.Sprintf("t%02d", i), "a", day(1)))
	}
	save(t, s, "a", arts...)
	if n, _ := s.Prune(context.Background(), aggregator.PrunePolicy{Before: day(2)}); n != 50 {
		t.Fatalf("pruned %d", n)
	}
	c.Advance(48 * time.Hour)
	save(t, s, "a", arts[7], arts[33]) // seen again: kept
	c.Advance(2 * time.Hour)
	if _, err := s.Prune(context.Background(), aggregator.PrunePolicy{TombstoneTTL: 24 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	res := save(t, s, "a", arts...)
	if res.Suppressed != 2 || res.New != 48 {
		t.Errorf("after expiry: %+v, want 2 suppressed and 48 new", res)
	}
	mustCheck(t, s)
}

// TestPruneKeepsListed: retention by date spares what a configured source's latest stored feed
// lists (entries stored now, or left out as unchanged), and removes it once no such feed lists it.
func TestPruneKeepsListed(t *testing.T) {
	type feed struct {
		src       string
		ids       []string // stored articles, dated day(n) by their last digit
		unchanged []string // listed but left out
	}
	a := func(id, src string) aggregator.Article {
		return art(id, src, day(int(id[len(id)-1]-'0')))
	}
	tests := []struct {
		name   string
		feeds  []feed
		policy aggregator.PrunePolicy
		want   []string // left after Prune, newest first
	}{
		{
			name:   "a source whose posts are all old keeps them",
			feeds:  []feed{{src: "blog", ids: []string{"b1", "b2", "b3"}}},
			policy: aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}},
			want:   []string{"b3", "b2", "b1"},
		},
		{
			name:   "no longer listed: pruned",
			feeds:  []feed{{src: "blog", ids: []string{"b1", "b2", "b3"}}, {src: "blog", ids: []string{"b3", "b4"}}},
			policy: aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}},
			want:   []string{"b4", "b3"},
		},
		{
			name:   "left out as unchanged: still listed",
			feeds:  []feed{{src: "blog", ids: []string{"b1", "b2", "b3"}}, {src: "blog", ids: []string{"b4"}, unchanged: []string{"b2"}}},
			policy: aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}},
			want:   []string{"b4", "b2"},
		},
		{
			name:   "a source not configured protects nothing",
			feeds:  []feed{{src: "gone", ids: []string{"g1", "g2"}}, {src: "blog", ids: []string{"b3"}}},
			policy: aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}},
			want:   []string{"b3"},
		},
		{
			name:   "one configured source listing a shared story keeps it",
			feeds:  []feed{{src: "gone", ids: []string{"s1", "g2"}}, {src: "blog", ids: []string{"s1"}}},
			policy: aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}},
			want:   []string{"s1"},
		},
		{
			name:   "max per source still caps what is listed",
			feeds:  []feed{{src: "blog", ids: []string{"b1", "b2", "b3"}}},
			policy: aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}, MaxPerSource: 2},
			want:   []string{"b3", "b2"},
		},
		{
			name:   "newer than before: kept, listed or not",
			feeds:  []feed{{src: "blog", ids: []string{"b1", "b5"}}, {src: "blog", ids: []string{"b6"}}},
			policy: aggregator.PrunePolicy{Before: day(3), KeepListedBy: []string{"blog"}},
			want:   []string{"b6", "b5"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t, Options{Now: newClock().Now})
			s.pruneBatch = 2
			for _, f := range tt.feeds {
				var arts []aggregator.Article
				for _, id := range f.ids {
					arts = append(arts, a(id, f.src))
				}
				if _, err := s.SaveListed(context.Background(), f.src, arts, f.unchanged, aggregator.FetchState{}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.Prune(context.Background(), tt.policy); err != nil {
				t.Fatal(err)
			}
			if got := ids(query(t, s, aggregator.Query{})); !slices.Equal(got, tt.want) {
				t.Errorf("kept %q, want %q", got, tt.want)
			}
			mustCheck(t, s)
		})
	}
}

// TestUnchangedEntrySightsTombstone: an entry left out as unchanged is a sighting of its
// tombstone, as an entry stored again is, so that the tombstone of an article its source keeps
// listing does not expire and let it come back.
func TestUnchangedEntrySightsTombstone(t *testing.T) {
	c := newClock()
	s := openStore(t, Options{Now: c.Now})
	ctx := context.Background()
	save(t, s, "a", art("a1", "a", day(1)), art("a2", "a", day(2)))
	if _, err := s.Prune(ctx, aggregator.PrunePolicy{MaxPerSource: 1}); err != nil {
		t.Fatal(err)
	}
	c.Advance(20 * 24 * time.Hour)
	if _, err := s.SaveListed(ctx, "a", nil, []string{"a1", "a2"}, aggregator.FetchState{}); err != nil {
		t.Fatal(err)
	}
	c.Advance(20 * 24 * time.Hour)
	if _, err := s.Prune(ctx, aggregator.PrunePolicy{TombstoneTTL: 30 * 24 * time.Hour}); err != nil {
		t.Fatal(err)
	}
	if res := save(t, s, "a", art("a1", "a", day(1))); res.Suppressed != 1 {
		t.Errorf("a1 listed again after its tombstone's sighting: %+v, want it suppressed", res)
	}
}

// TestListedTombstoneOutlivesTTL: a tombstone whose ID a source of KeepListedBy currently lists
// does not expire, though no feed sighted it (a source answering 304 stores none); a source not
// named protects nothing, and once the source stops listing the ID the tombstone expires a TTL
// after the last prune that saw it listed.
func TestListedTombstoneOutlivesTTL(t *testing.T) {
	const ttl = 30 * 24 * time.Hour
	for _, tt := range []struct {
		name     string
		keep     []string
		unlist   bool // the source's next feed no longer lists a1
		wantBack bool // a1 stored again by a full feed at the end
	}{
		{"listed by a kept source", []string{"a"}, false, false},
		{"listed by a source not kept", []string{"b"}, false, true},
		{"no longer listed", []string{"a"}, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newClock()
			s := openStore(t, Options{Now: c.Now})
			s.pruneBatch = 1 // several transactions of the tombstone walk
			ctx := context.Background()
			save(t, s, "a", art("a1", "a", day(1)), art("a2", "a", day(2)), art("a3", "a", day(3)))
			if _, err := s.Prune(ctx, aggregator.PrunePolicy{MaxPerSource: 1}); err != nil {
				t.Fatal(err)
			}
			prune := func() {
				t.Helper()
				if _, err := s.Prune(ctx, aggregator.PrunePolicy{KeepListedBy: tt.keep, TombstoneTTL: ttl}); err != nil {
					t.Fatal(err)
				}
			}
			for range 3 { // three TTLs, no feed stored
				c.Advance(ttl)
				prune()
			}
			if tt.unlist {
				if _, err := s.SaveListed(ctx, "a", nil, []string{"a3"}, aggregator.FetchState{}); err != nil {
					t.Fatal(err)
				}
				c.Advance(ttl - time.Hour)
				prune()
				if res := save(t, s, "b", art("a2", "b", day(2))); res.Suppressed != 1 {
					t.Fatalf("unlisted less than a TTL ago: %+v, want suppressed", res)
				}
				c.Advance(2 * time.Hour)
				prune()
			}
			res := save(t, s, "a", art("a1", "a", day(1)), art("a3", "a", day(3)))
			if back := res.New == 1; back != tt.wantBack {
				t.Errorf("a1 listed again: %+v, want back %v", res, tt.wantBack)
			}
			mustCheck(t, s)
		})
	}
}
