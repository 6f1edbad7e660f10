package postgres

import (
	"context"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

// TestLease: one owner at a time; the holder renews; a lease that ran out goes to whoever claims
// it next; the holder reads the state another node stored.
func TestLease(t *testing.T) {
	ctx := context.Background()
	dsn := pg.DSN(t)
	a, b := openNode(t, dsn), openNode(t, dsn)
	steps := []struct {
		name  string
		s     *Store
		owner string
		held  bool
	}{
		{"a claims a free source", a, "node-a", true},
		{"b finds it held", b, "node-b", false},
		{"a renews", a, "node-a", true},
		{"b still finds it held", b, "node-b", false},
	}
	for _, st := range steps {
		held, _, _, err := st.s.Lease(ctx, "src", st.owner, time.Minute)
		if err != nil || held != st.held {
			t.Fatalf("%s: held %v, %v; want %v", st.name, held, err, st.held)
		}
	}
	if owner, exp, err := b.LeaseHolder(ctx, "src"); err != nil || owner != "node-a" || exp.Before(time.Now()) {
		t.Errorf("LeaseHolder = %q until %v, %v", owner, exp, err)
	}
	// a's lease runs out (moved into the past rather than waited for); a stored a state meanwhile.
	want := aggregator.FetchState{ETag: `"v2"`, LastFetch: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), LastStatus: aggregator.StatusUpdated}
	if err := a.SaveState(ctx, "src", want); err != nil {
		t.Fatal(err)
	}
	if _, err := a.pool.Exec(ctx, `UPDATE leases SET expiry = now() - interval '1 second' WHERE name = 'src'`); err != nil {
		t.Fatal(err)
	}
	held, st, ok, err := b.Lease(ctx, "src", "node-b", time.Minute)
	if err != nil || !held || !ok || st.ETag != want.ETag || !st.LastFetch.Equal(want.LastFetch) {
		t.Fatalf("b after a's lease ran out: held %v, state %+v (%v), %v", held, st, ok, err)
	}
	if held, _, _, err := a.Lease(ctx, "src", "node-a", time.Minute); err != nil || held {
		t.Errorf("a after b took over: held %v, %v", held, err)
	}
	if held, _, ok, err := a.Lease(ctx, "other", "node-a", time.Minute); err != nil || !held || ok {
		t.Errorf("a source never fetched: held %v, state %v, %v; want held, no state", held, ok, err)
	}
}

// TestGenerationAcrossNodes: a write through one node moves the other node's generation when it
// reads it (its poll does every second), so that its cached outputs are rendered again.
func TestGenerationAcrossNodes(t *testing.T) {
	ctx := context.Background()
	dsn := pg.DSN(t)
	a, b := openNode(t, dsn), openNode(t, dsn)
	before := b.Generation()
	if _, err := a.SaveFeed(ctx, "src", []aggregator.Article{{ID: "x", Title: "t", Date: time.Now(), Sources: []string{"src"}}}, aggregator.FetchState{}); err != nil {
		t.Fatal(err)
	}
	if err := b.SyncGeneration(ctx); err != nil {
		t.Fatal(err)
	}
	if b.Generation() == before || b.Generation() != a.Generation() {
		t.Errorf("b's generation %d (was %d), a's %d: want b to follow a", b.Generation(), before, a.Generation())
	}
	// Reading it again without a write changes nothing.
	g := b.Generation()
	if err := b.SyncGeneration(ctx); err != nil || b.Generation() != g {
		t.Errorf("a read without a write moved the generation: %d → %d (%v)", g, b.Generation(), err)
	}
}

// openNode opens dsn as one node would, without the generation poll (the tests read it by hand).
func openNode(t *testing.T, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn, Options{GenerationPoll: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// TestCheckFindsDamage: each kind of damage that Check looks for is reported.
func TestCheckFindsDamage(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name, damage, want string
	}{
		{"article counter", `UPDATE meta SET value = value + 1 WHERE name = 'articles'`, "article counter says 3, 2 stored"},
		{"source counter", `UPDATE source_counts SET n = 5 WHERE source = 'a'`, "source counters that do not match"},
		{"tombstone of a stored article", `INSERT INTO tombstones VALUES ('x', 0, 0)`, "also tombstones"},
		{"hashes", `UPDATE articles SET hashes = '{}' WHERE id = 'y'`, "without a hash per source"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := openNode(t, pg.DSN(t))
			for _, id := range []string{"x", "y"} {
				if _, err := s.SaveFeed(ctx, "a", []aggregator.Article{{ID: id, Title: id, Date: time.Now(), Sources: []string{"a"}}}, aggregator.FetchState{}); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Check(ctx); err != nil {
				t.Fatalf("Check before the damage: %v", err)
			}
			if _, err := s.pool.Exec(ctx, tt.damage); err != nil {
				t.Fatal(err)
			}
			if err := s.Check(ctx); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check = %v, want %q", err, tt.want)
			}
		})
	}
}
