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

// forwardingStore adds to leasingStore the request rows of store/postgres's refresh_requests,
// in memory: one waiting request per source, claimed by its lease holder, finished with a result.
type forwardingStore struct {
	*leasingStore
	rmu     sync.Mutex
	next    int64
	pending map[string]int64 // source → its waiting request
	reqs    map[int64]*request
}

type request struct {
	source, claimedBy string
	done              bool
	res               aggregator.RefreshResult
}

func (f *forwardingStore) RequestRefresh(_ context.Context, source string) (int64, error) {
	f.rmu.Lock()
	defer f.rmu.Unlock()
	if id, ok := f.pending[source]; ok {
		return id, nil
	}
	f.next++
	f.pending[source], f.reqs[f.next] = f.next, &request{source: source}
	return f.next, nil
}

func (f *forwardingStore) RefreshRequest(_ context.Context, id int64) (aggregator.RefreshResult, bool, bool, error) {
	f.rmu.Lock()
	q, ok := f.reqs[id]
	f.rmu.Unlock()
	if !ok {
		return aggregator.RefreshResult{}, false, false, aggregator.ErrNotFound
	}
	f.mu.Lock()
	_, leased := f.owners[q.source]
	f.mu.Unlock()
	f.rmu.Lock()
	defer f.rmu.Unlock()
	return q.res, q.done, leased, nil
}

func (f *forwardingStore) ClaimRefreshes(_ context.Context, owner, source string, limit int) ([]string, error) {
	f.mu.Lock()
	owners := make(map[string]string, len(f.owners))
	for k, v := range f.owners {
		owners[k] = v
	}
	f.mu.Unlock()
	f.rmu.Lock()
	defer f.rmu.Unlock()
	var out []string
	for src, id := range f.pending {
		q := f.reqs[id]
		if owners[src] == owner && q.claimedBy != owner && (source == "" || source == src) && len(out) < limit {
			q.claimedBy = owner
			out = append(out, src)
		}
	}
	return out, nil
}

func (f *forwardingStore) WaitingRefreshes(_ context.Context, sources []string) ([]string, error) {
	f.rmu.Lock()
	defer f.rmu.Unlock()
	var out []string
	for _, s := range sources {
		if _, ok := f.pending[s]; ok {
			out = append(out, s)
		}
	}
	return out, nil
}

func (f *forwardingStore) FinishRefresh(_ context.Context, res aggregator.RefreshResult) error {
	f.rmu.Lock()
	defer f.rmu.Unlock()
	if id, ok := f.pending[res.Source]; ok {
		f.reqs[id].done, f.reqs[id].res = true, res
		delete(f.pending, res.Source)
	}
	return nil
}

func (f *forwardingStore) ReleaseRefresh(_ context.Context, source, owner string) error {
	f.rmu.Lock()
	defer f.rmu.Unlock()
	if id, ok := f.pending[source]; ok && f.reqs[id].claimedBy == owner {
		f.reqs[id].claimedBy = ""
	}
	return nil
}

func (f *forwardingStore) PruneRefreshes(context.Context, time.Duration) (int, error) { return 0, nil }

// waiting reports whether a request of source waits.
func (f *forwardingStore) waiting(source string) bool {
	f.rmu.Lock()
	defer f.rmu.Unlock()
	_, ok := f.pending[source]
	return ok
}

// TestForwardedRefresh: on a shared store, a manual refresh asked of the node without the
// source's lease runs on the node that holds it, once, and answers with its result; when the
// holder stops answering and its lease runs out, the node asked takes the lease and refreshes
// itself; when the database does not answer, the refresh fails saying so, and nothing is fetched.
func TestForwardedRefresh(t *testing.T) {
	ctx := context.Background()
	srv, hits := countingServer(t, rss("a", 3))
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	shared := &forwardingStore{leasingStore: &leasingStore{Store: st, owners: map[string]string{}},
		pending: map[string]int64{}, reqs: map[int64]*request{}}
	// node returns a Refresher serving requests, and a function that stops its ServeRequests and
	// waits until it returned.
	node := func(owner string) (*Refresher, func()) {
		r, err := New(ctx, Options{Store: shared, Owner: owner, RequestPoll: 5 * time.Millisecond, Normalizer: normalize.New(normalize.Options{}),
			Fetcher: fetch.New(fetch.Options{Timeout: 5 * time.Second, MaxBodyBytes: 1 << 20, UserAgent: "test"})})
		if err != nil {
			t.Fatal(err)
		}
		r.SetSources(ctx, []aggregator.Source{src("a", srv.URL)})
		serveCtx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { defer close(done); r.ServeRequests(serveCtx) }()
		t.Cleanup(func() { stop(); <-done; r.Close(context.Background()) })
		return r, func() { stop(); <-done }
	}
	a, stopA := node("node-a")
	b, _ := node("node-b")
	refresh := func(r *Refresher) aggregator.RefreshResult {
		t.Helper()
		res, err := r.Refresh(ctx, []string{"a"}, true)
		if err != nil || len(res) != 1 {
			t.Fatalf("Refresh: %v %v", res, err)
		}
		return res[0]
	}
	if res := refresh(a); res.Status != aggregator.StatusUpdated || res.Node != "node-a" || hits.Load() != 1 {
		t.Fatalf("a's refresh: %+v, %d fetches", res, hits.Load())
	}
	if res := refresh(b); res.Status != aggregator.StatusUpdated || res.Node != "node-a" || hits.Load() != 2 {
		t.Errorf("b's refresh, a holding the lease: %+v, %d fetches; want a's fetch", res, hits.Load())
	}
	// a stops answering requests; its lease runs out while b waits.
	stopA()
	var res aggregator.RefreshResult
	done := make(chan struct{})
	go func() { defer close(done); res = refresh(b) }()
	for deadline := time.Now().Add(10 * time.Second); !shared.waiting("a"); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("b never asked a")
		}
	}
	shared.expire("a")
	<-done
	if res.Status != aggregator.StatusUpdated || res.Node != "node-b" || hits.Load() != 3 {
		t.Errorf("b's refresh once a's lease ran out: %+v, %d fetches; want b's own", res, hits.Load())
	}
	shared.mu.Lock()
	shared.err = errors.New("connection refused")
	shared.mu.Unlock()
	if res := refresh(b); res.Status != aggregator.StatusError || hits.Load() != 3 {
		t.Errorf("b's refresh with the database down: %+v, %d fetches", res, hits.Load())
	}
}
