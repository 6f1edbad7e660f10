package refresh

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
	"tributary/aggregator/normalize"
	"tributary/store"
)

// leasingStore is a store shared by nodes in one process, with leases kept in memory as
// store/postgres keeps them in a table: one owner per source until expired.
type leasingStore struct {
	*store.Store
	mu     sync.Mutex
	owners map[string]string
	err    error
}

func (l *leasingStore) Lease(ctx context.Context, source, owner string, _ time.Duration) (bool, aggregator.FetchState, bool, error) {
	l.mu.Lock()
	if l.err != nil {
		l.mu.Unlock()
		return false, aggregator.FetchState{}, false, l.err
	}
	if o, ok := l.owners[source]; ok && o != owner {
		l.mu.Unlock()
		return false, aggregator.FetchState{}, false, nil
	}
	l.owners[source] = owner
	l.mu.Unlock()
	states, err := l.States(ctx)
	st, ok := states[source]
	return true, st, ok, err
}

// expire ends source's lease, as its TTL running out does.
func (l *leasingStore) expire(source string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.owners, source)
}

// TestLeases: two nodes on one store fetch a source once between them: the node without the
// lease skips it; once the lease runs out the other node takes it over with the validators the
// first one stored (a conditional request, not a full fetch); a claim that fails leaves the state
// alone.
func TestLeases(t *testing.T) {
	ctx := context.Background()
	srv, conditional := conditionalServer(t, rss("a", 3), "")
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	shared := &leasingStore{Store: st, owners: map[string]string{}}
	node := func(owner string) *Refresher {
		r, err := New(ctx, Options{Store: shared, Owner: owner, Normalizer: normalize.New(normalize.Options{}),
			Fetcher: fetch.New(fetch.Options{Timeout: 5 * time.Second, MaxBodyBytes: 1 << 20, UserAgent: "test"})})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { r.Close(context.Background()) })
		r.SetSources(ctx, []aggregator.Source{src("a", srv.URL)})
		return r
	}
	a, b := node("node-a"), node("node-b")
	steps := []struct {
		name        string
		r           *Refresher
		before      func()
		want        aggregator.Status
		conditional int32
	}{
		{"a fetches", a, nil, aggregator.StatusUpdated, 0},
		{"b skips: a holds the lease", b, nil, aggregator.StatusSkipped, 0},
		{"a again: its own lease", a, nil, aggregator.StatusNotModified, 1},
		{"b once a's lease ran out: with a's validators", b, func() { shared.expire("a") }, aggregator.StatusNotModified, 2},
		{"a skips now", a, nil, aggregator.StatusSkipped, 2},
		{"the database is down: an error, no fetch", b, func() { shared.err = errors.New("connection refused") }, aggregator.StatusError, 2},
	}
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
		res := s.r.RefreshSource(ctx, "a", true)
		if res.Status != s.want || conditional.Load() != s.conditional {
			t.Fatalf("%s: %+v, %d conditional requests; want %s, %d", s.name, res, conditional.Load(), s.want, s.conditional)
		}
	}
	if st := b.State("a"); st.ConsecutiveFailures != 0 || st.ETag != `"v1"` {
		t.Errorf("b's state after a failed claim: %+v, want the stored one untouched", st)
	}
}
