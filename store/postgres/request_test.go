package postgres

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"tributary/aggregator"
)

// TestRefreshRequests walks forwarded refreshes through the table, step by step, on two nodes:
// requests of a source join one row while it waits; only the live lease holder claims it, once;
// a holder that lost the lease (died) has its claim taken over; a released request is claimed
// again; the result reaches every asker; old rows are pruned, and an asker of a pruned request
// learns it is gone.
func TestRefreshRequests(t *testing.T) {
	ctx := context.Background()
	dsn := pg.DSN(t)
	a, b := openNode(t, dsn), openNode(t, dsn)
	claim := func(s *Store, owner, source string) []string {
		t.Helper()
		got, err := s.ClaimRefreshes(ctx, owner, source, 10)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	expire := func() {
		t.Helper()
		if _, err := a.pool.Exec(ctx, `UPDATE leases SET expiry = now() - interval '1 second'`); err != nil {
			t.Fatal(err)
		}
	}
	if held, _, _, err := a.Lease(ctx, "src", "node-a", time.Minute); err != nil || !held {
		t.Fatalf("lease: %v %v", held, err)
	}
	id1, err1 := b.RequestRefresh(ctx, "src")
	id2, err2 := b.RequestRefresh(ctx, "src")
	other, err3 := b.RequestRefresh(ctx, "other")
	if err := errors.Join(err1, err2, err3); err != nil || id1 != id2 || other == id1 {
		t.Fatalf("requests: %d %d %d, %v; want the first two to share a row", id1, id2, other, err)
	}
	if got, err := a.WaitingRefreshes(ctx, []string{"src", "none"}); err != nil || !slices.Equal(got, []string{"src"}) {
		t.Errorf("WaitingRefreshes = %q, %v; want src alone", got, err)
	}
	if _, done, leased, err := b.RefreshRequest(ctx, id1); err != nil || done || !leased {
		t.Errorf("a waiting request: done %v, leased %v, %v", done, leased, err)
	}
	if _, _, leased, err := b.RefreshRequest(ctx, other); err != nil || leased {
		t.Errorf("a request of a source no one leases: leased %v, %v", leased, err)
	}
	for _, step := range []struct {
		name          string
		s             *Store
		owner, source string
		want          []string
	}{
		{"b holds no lease", b, "node-b", "", nil},
		{"a claims its source's request", a, "node-a", "", []string{"src"}},
		{"a claims nothing twice", a, "node-a", "", nil},
	} {
		if got := claim(step.s, step.owner, step.source); !slices.Equal(got, step.want) {
			t.Errorf("%s: claimed %q, want %q", step.name, got, step.want)
		}
	}
	// a dies: its lease runs out, b takes it and the request a claimed.
	expire()
	if held, _, _, err := b.Lease(ctx, "src", "node-b", time.Minute); err != nil || !held {
		t.Fatalf("b's lease: %v %v", held, err)
	}
	if got := claim(b, "node-b", "src"); !slices.Equal(got, []string{"src"}) {
		t.Errorf("b after a died: claimed %q, want a's request", got)
	}
	if err := b.ReleaseRefresh(ctx, "src", "node-a"); err != nil {
		t.Fatal(err)
	}
	if got := claim(b, "node-b", "src"); len(got) != 0 {
		t.Errorf("a's release of a request b claimed gave it back: b claimed %q again", got)
	}
	if err := b.ReleaseRefresh(ctx, "src", "node-b"); err != nil {
		t.Fatal(err)
	}
	if got := claim(b, "node-b", "src"); !slices.Equal(got, []string{"src"}) {
		t.Errorf("after b released it: claimed %q", got)
	}
	want := aggregator.RefreshResult{Source: "src", Status: aggregator.StatusUpdated, New: 3, Node: "node-b", Error: ""}
	if err := b.FinishRefresh(ctx, want); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*Store{a, b} {
		if got, done, _, err := s.RefreshRequest(ctx, id1); err != nil || !done || got != want {
			t.Errorf("the finished request: %+v done %v, %v; want %+v", got, done, err, want)
		}
	}
	if id3, err := a.RequestRefresh(ctx, "src"); err != nil || id3 == id1 {
		t.Errorf("a request after the first finished: %d, %v; want a new one", id3, err)
	}
	if n, err := a.PruneRefreshes(ctx, time.Hour); err != nil || n != 0 {
		t.Errorf("prune of new requests: %d, %v", n, err)
	}
	if _, err := a.pool.Exec(ctx, `UPDATE refresh_requests SET created_at = created_at - interval '2 hours', finished_at = finished_at - interval '2 hours'`); err != nil {
		t.Fatal(err)
	}
	if n, err := a.PruneRefreshes(ctx, time.Hour); err != nil || n != 3 {
		t.Errorf("prune of old requests: %d, %v; want all 3", n, err)
	}
	if _, _, _, err := b.RefreshRequest(ctx, id1); !errors.Is(err, aggregator.ErrNotFound) {
		t.Errorf("a pruned request: %v, want ErrNotFound", err)
	}
	leases, err := b.Leases(ctx)
	if err != nil || leases["src"].Owner != "node-b" || !leases["src"].Expiry.After(time.Now()) {
		t.Errorf("Leases = %+v, %v", leases, err)
	}
}
