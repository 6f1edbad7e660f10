package storetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"tributary/aggregator"
)

var pruneBehaviours = []behaviour{
	{name: "prune by date, to the nanosecond, whoever carries it", run: pruneByDate},
	{name: "prune per source keeps what any source's window holds", run: prunePerSource},
	{name: "prune per source matches a brute-force model", run: prunePerSourceRandom},
	{name: "a pruned article does not come back while listed; its tombstone expires", run: tombstones},
	{name: "tombstones expire one by one", run: tombstoneExpiry},
	{name: "prune by date spares what a configured source lists", run: pruneKeepsListed},
	{name: "an entry left out as unchanged sights its tombstone", run: unchangedSightsTombstone},
	{name: "a tombstone a kept source lists outlives its TTL", run: listedTombstoneOutlivesTTL},
}

func pruneByDate(t *testing.T, h *harness) {
	cases := []struct {
		name        string
		before      time.Time
		wantRemoved int
	}{
		{"nothing older", day(1), 0},
		{"four days", day(5), 4},
		{"microsecond of before kept", day(5).Add(1500 * time.Nanosecond), 5}, // day 5 itself is before it
		{"everything", day(20), 11},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Each case in its own sources and IDs, with what earlier cases left pruned first.
			h.prune(aggregator.PrunePolicy{Before: day(30)})
			a, b := fmt.Sprint("a", i), fmt.Sprint("b", i)
			var arts []aggregator.Article
			for d := 1; d <= 10; d++ {
				arts = append(arts, Article(fmt.Sprintf("%d-d%02d", i, d), a, day(d), "cat"))
			}
			late := Article(fmt.Sprint(i, "-late"), a, day(5).Add(1800*time.Nanosecond)) // same microsecond as one cut
			h.save(a, append(arts, late)...)
			h.save(b, Article(fmt.Sprintf("%d-d02", i), b, day(2))) // shared: date pruning ignores who carries it
			if n := h.prune(aggregator.PrunePolicy{Before: c.before}); n != c.wantRemoved {
				t.Errorf("Prune removed %d, want %d", n, c.wantRemoved)
			}
			for _, a := range h.query(aggregator.Query{}) {
				if a.Date.Before(c.before) {
					t.Errorf("%s dated %v survived", a.ID, a.Date)
				}
			}
			if st := h.stats(); st.Articles != 11-c.wantRemoved {
				t.Errorf("Stats.Articles = %d, want %d", st.Articles, 11-c.wantRemoved)
			}
		})
	}
}

func prunePerSource(t *testing.T, h *harness) {
	// a: a01..a10 on days 1..10. b: a02, a03, and b's own b11..b13.
	var as []aggregator.Article
	for d := 1; d <= 10; d++ {
		as = append(as, Article(fmt.Sprintf("a%02d", d), "a", day(d)))
	}
	h.save("a", as...)
	h.save("b", Article("a02", "b", day(2)), Article("a03", "b", day(3)), Article("b11", "b", day(11)), Article("b12", "b", day(12)), Article("b13", "b", day(13)))
	// Windows of 4: a keeps a07..a10; b keeps a03, b11..b13. So a03 stays (b keeps it), a02 goes
	// (outside both), a01, a04..a06 go.
	n := h.prune(aggregator.PrunePolicy{MaxPerSource: 4})
	want := []string{"b13", "b12", "b11", "a10", "a09", "a08", "a07", "a03"}
	if got := h.ids(aggregator.Query{}); !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if n != 5 {
		t.Errorf("removed %d, want 5", n)
	}
	if st := h.stats(); st.Articles != 8 || st.PerSource["a"] != 5 || st.PerSource["b"] != 4 {
		t.Errorf("Stats = %+v", st)
	}
	if n := h.prune(aggregator.PrunePolicy{MaxPerSource: 4}); n != 0 {
		t.Errorf("second prune removed %d, want 0", n)
	}
}

func prunePerSourceRandom(t *testing.T, h *harness) {
	rng := rand.New(rand.NewPCG(3, 7))
	m := randomStore(h, rng, 400)
	keep := 10 + rng.IntN(40)
	kept := make(map[string]bool)
	for _, src := range []string{"s0", "s1", "s2", "s3", "s4", "s5"} {
		for _, id := range m.query(aggregator.Query{Sources: []string{src}, Limit: keep}) {
			kept[id] = true
		}
	}
	want := slices.DeleteFunc(m.query(aggregator.Query{}), func(id string) bool { return !kept[id] })
	n := h.prune(aggregator.PrunePolicy{MaxPerSource: keep})
	if got := h.ids(aggregator.Query{}); !slices.Equal(got, want) {
		t.Fatalf("kept %d articles, want %d", len(got), len(want))
	}
	if n != len(m.arts)-len(want) {
		t.Errorf("removed %d, want %d", n, len(m.arts)-len(want))
	}
	if n := h.prune(aggregator.PrunePolicy{MaxPerSource: keep}); n != 0 {
		t.Errorf("second prune removed %d", n)
	}
}

func tombstones(t *testing.T, h *harness) {
	const ttl = 30 * 24 * time.Hour
	old := Article("old", "a", day(1))
	h.save("a", old, Article("new", "a", day(20)))
	if n := h.prune(aggregator.PrunePolicy{Before: day(10), TombstoneTTL: ttl}); n != 1 {
		t.Fatalf("Prune = %d, want 1", n)
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
		h.clock.Advance(st.advance)
		if st.prune {
			h.prune(aggregator.PrunePolicy{TombstoneTTL: ttl})
		}
		gen := h.s.Generation()
		if res := h.save("a", old); res != st.want {
			t.Fatalf("%s: %+v, want %+v", st.name, res, st.want)
		}
		if h.s.Generation() != gen {
			t.Errorf("%s: a suppressed entry changed the generation", st.name)
		}
		if _, err := h.s.Article(t.Context(), "old"); err == nil {
			t.Fatalf("%s: pruned article is back", st.name)
		}
	}
	// Not seen for longer than the ttl: the tombstone goes, and the story may come back.
	h.clock.Advance(ttl + time.Hour)
	h.prune(aggregator.PrunePolicy{TombstoneTTL: ttl})
	if res := h.save("a", old); res != (aggregator.SaveResult{New: 1}) {
		t.Errorf("after expiry: %+v, want new", res)
	}
}

func tombstoneExpiry(t *testing.T, h *harness) {
	var arts []aggregator.Article
	for i := range 50 {
		arts = append(arts, Article(fmt.Sprintf("t%02d", i), "a", day(1)))
	}
	h.save("a", arts...)
	if n := h.prune(aggregator.PrunePolicy{Before: day(2)}); n != 50 {
		t.Fatalf("pruned %d", n)
	}
	h.clock.Advance(48 * time.Hour)
	h.save("a", arts[7], arts[33]) // seen again: kept
	h.clock.Advance(2 * time.Hour)
	h.prune(aggregator.PrunePolicy{TombstoneTTL: 24 * time.Hour})
	if res := h.save("a", arts...); res.Suppressed != 2 || res.New != 48 {
		t.Errorf("after expiry: %+v, want 2 suppressed and 48 new", res)
	}
}

func pruneKeepsListed(t *testing.T, h *harness) {
	type feed struct {
		src       string
		ids       []string // stored articles, dated day(n) by their last digit
		unchanged []string // listed but left out
	}
	cases := []struct {
		name   string
		feeds  []feed
		policy aggregator.PrunePolicy
		want   []string // left after Prune, newest first
	}{
		{"a source whose posts are all old keeps them",
			[]feed{{src: "blog", ids: []string{"b1", "b2", "b3"}}},
			aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}}, []string{"b3", "b2", "b1"}},
		{"no longer listed: pruned",
			[]feed{{src: "blog", ids: []string{"b1", "b2", "b3"}}, {src: "blog", ids: []string{"b3", "b4"}}},
			aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}}, []string{"b4", "b3"}},
		{"left out as unchanged: still listed",
			[]feed{{src: "blog", ids: []string{"b1", "b2", "b3"}}, {src: "blog", ids: []string{"b4"}, unchanged: []string{"b2"}}},
			aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}}, []string{"b4", "b2"}},
		{"a source not configured protects nothing",
			[]feed{{src: "gone", ids: []string{"g1", "g2"}}, {src: "blog", ids: []string{"b3"}}},
			aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}}, []string{"b3"}},
		{"one configured source listing a shared story keeps it",
			[]feed{{src: "gone", ids: []string{"s1", "g2"}}, {src: "blog", ids: []string{"s1"}}},
			aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}}, []string{"s1"}},
		{"max per source still caps what is listed",
			[]feed{{src: "blog", ids: []string{"b1", "b2", "b3"}}},
			aggregator.PrunePolicy{Before: day(20), KeepListedBy: []string{"blog"}, MaxPerSource: 2}, []string{"b3", "b2"}},
		{"newer than before: kept, listed or not",
			[]feed{{src: "blog", ids: []string{"b1", "b5"}}, {src: "blog", ids: []string{"b6"}}},
			aggregator.PrunePolicy{Before: day(3), KeepListedBy: []string{"blog"}}, []string{"b6", "b5"}},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// Each case under its own prefix: IDs and sources of earlier cases do not meet it.
			p := fmt.Sprint(i, "-")
			for _, f := range c.feeds {
				var arts []aggregator.Article
				for _, id := range f.ids {
					arts = append(arts, Article(p+id, p+f.src, day(int(id[len(id)-1]-'0'))))
				}
				var unchanged []string
				for _, id := range f.unchanged {
					unchanged = append(unchanged, p+id)
				}
				h.listed(p+f.src, arts, unchanged)
			}
			pol := c.policy
			pol.KeepListedBy = []string{p + pol.KeepListedBy[0]}
			h.prune(pol)
			var want []string
			for _, id := range c.want {
				want = append(want, p+id)
			}
			var got []string
			for _, id := range h.ids(aggregator.Query{}) {
				if len(id) > len(p) && id[:len(p)] == p {
					got = append(got, id)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("kept %q, want %q", got, want)
			}
			// Leave nothing for the next case.
			h.prune(aggregator.PrunePolicy{Before: day(30)})
		})
	}
}

func unchangedSightsTombstone(t *testing.T, h *harness) {
	h.save("a", Article("a1", "a", day(1)), Article("a2", "a", day(2)))
	h.prune(aggregator.PrunePolicy{MaxPerSource: 1})
	h.clock.Advance(20 * 24 * time.Hour)
	h.listed("a", nil, []string{"a1", "a2"})
	h.clock.Advance(20 * 24 * time.Hour)
	h.prune(aggregator.PrunePolicy{TombstoneTTL: 30 * 24 * time.Hour})
	if res := h.save("a", Article("a1", "a", day(1))); res.Suppressed != 1 {
		t.Errorf("a1 listed again after its tombstone's sighting: %+v, want it suppressed", res)
	}
}

func listedTombstoneOutlivesTTL(t *testing.T, h *harness) {
	const ttl = 30 * 24 * time.Hour
	for i, c := range []struct {
		name     string
		keep     string
		unlist   bool // the source's next feed no longer lists a1
		wantBack bool // a1 stored again by a full feed at the end
	}{
		{"listed by a kept source", "a", false, false},
		{"listed by a source not kept", "b", false, true},
		{"no longer listed", "a", true, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := fmt.Sprint(i, "-")
			a, b := p+"a", p+"b"
			h.save(a, Article(p+"a1", a, day(1)), Article(p+"a2", a, day(2)), Article(p+"a3", a, day(3)))
			h.prune(aggregator.PrunePolicy{MaxPerSource: 1})
			prune := func() {
				t.Helper()
				h.prune(aggregator.PrunePolicy{KeepListedBy: []string{p + c.keep}, TombstoneTTL: ttl})
			}
			for range 3 { // three TTLs, no feed stored
				h.clock.Advance(ttl)
				prune()
			}
			if c.unlist {
				h.listed(a, nil, []string{p + "a3"})
				h.clock.Advance(ttl - time.Hour)
				prune()
				if res := h.save(b, Article(p+"a2", b, day(2))); res.Suppressed != 1 {
					t.Fatalf("unlisted less than a TTL ago: %+v, want suppressed", res)
				}
				h.clock.Advance(2 * time.Hour)
				prune()
			}
			res := h.save(a, Article(p+"a1", a, day(1)), Article(p+"a3", a, day(3)))
			if back := res.New == 1; back != c.wantBack {
				t.Errorf("a1 listed again: %+v, want back %v", res, c.wantBack)
			}
		})
	}
}
