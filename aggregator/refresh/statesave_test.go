package refresh

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
	"tributary/aggregator/normalize"
	"tributary/store"
)

// countingStore counts the state writes that reach the store, one by one or in batches; when gate
// is set, SaveStates announces itself on entered and waits for gate before it writes.
type countingStore struct {
	*store.Store
	single, batches, batched atomic.Int32
	entered, gate            chan struct{}
}

func (s *countingStore) SaveState(ctx context.Context, source string, st aggregator.FetchState) error {
	s.single.Add(1)
	return s.Store.SaveState(ctx, source, st)
}

func (s *countingStore) SaveStates(ctx context.Context, states map[string]aggregator.FetchState) error {
	s.batches.Add(1)
	s.batched.Add(int32(len(states)))
	if s.gate != nil {
		s.entered <- struct{}{}
		<-s.gate
	}
	return s.Store.SaveStates(ctx, states)
}

// TestNotModifiedStatesAreBatchedAndDurable: the states of a round of 304s reach the store in
// batches rather than one commit each, are stored when Refresh returns, and survive Close and a
// reopen of the database.
func TestNotModifiedStatesAreBatchedAndDurable(t *testing.T) {
	const n = 40
	srv, conditional := conditionalServer(t, rss("b", 2), "")
	path := filepath.Join(t.TempDir(), "t.db")
	ctx := context.Background()
	open := func() (*countingStore, *Refresher) {
		st, err := store.Open(ctx, path, store.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		cs := &countingStore{Store: st}
		r, err := New(ctx, Options{Store: cs, Concurrency: 8, PerHost: 8,
			Fetcher:    fetch.New(fetch.Options{Timeout: 5 * time.Second, MaxBodyBytes: 1 << 20}),
			Normalizer: normalize.New(normalize.Options{})})
		if err != nil {
			t.Fatal(err)
		}
		var srcs []aggregator.Source
		for i := range n {
			srcs = append(srcs, src(fmt.Sprintf("s%d", i), fmt.Sprintf("%s/?f=%d", srv.URL, i)))
		}
		r.SetSources(ctx, srcs)
		// No batch is written for its wait, so the round's own end must write it: in one batch.
		r.stateWait = time.Hour
		return cs, r
	}
	cs, r := open()
	if _, err := r.Refresh(ctx, nil, true); err != nil {
		t.Fatal(err)
	}
	first := cs.single.Load()
	res, err := r.Refresh(ctx, nil, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range res {
		if x.Status != aggregator.StatusNotModified {
			t.Fatalf("second round: %+v, want not_modified", x)
		}
	}
	if got := cs.single.Load() - first; got != 0 {
		t.Errorf("%d states of 304s saved one by one, want 0", got)
	}
	if b, k := cs.batches.Load(), cs.batched.Load(); k != n || b != 1 {
		t.Errorf("%d states in %d batches, want %d in 1", k, b, n)
	}
	// Stored when Refresh returned: read them before Close.
	stored, err := cs.States(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for name, mem := range stored {
		if mem.LastStatus != aggregator.StatusNotModified || mem.ETag != `"v1"` || !mem.LastFetch.Equal(r.State(name).LastFetch) {
			t.Errorf("stored state of %s after the 304 round: %+v, in memory %+v", name, mem, r.State(name))
		}
	}
	if len(stored) != n || conditional.Load() != n {
		t.Errorf("%d states stored, %d conditional requests, want %d", len(stored), conditional.Load(), n)
	}
	if err := r.Close(ctx); err != nil {
		t.Fatal(err)
	}
	want := r.State("s0")
	if err := cs.Close(); err != nil {
		t.Fatal(err)
	}
	cs, r = open()
	defer cs.Close()
	defer r.Close(ctx)
	if got := r.State("s0"); got.LastStatus != aggregator.StatusNotModified || !got.LastFetch.Equal(want.LastFetch) || got.ETag != want.ETag {
		t.Errorf("state after a reopen: %+v, want %+v", got, want)
	}
}

// TestDeferrable: only what a crash may lose is deferred; a changed validator, a recovery from
// failures or a gone mark is saved at once.
func TestDeferrable(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	ok := aggregator.FetchState{ETag: `"a"`, LastModified: "x", LastFetch: t0, LastSuccess: t0, LastStatus: aggregator.StatusUpdated}
	after := func(st aggregator.FetchState, f func(*aggregator.FetchState)) aggregator.FetchState {
		st.LastFetch, st.LastSuccess, st.LastStatus = t0.Add(time.Hour), t0.Add(time.Hour), aggregator.StatusNotModified
		if f != nil {
			f(&st)
		}
		return st
	}
	failing := ok
	failing.LastError, failing.ConsecutiveFailures, failing.LastStatus, failing.BackoffUntil = "boom", 2, aggregator.StatusError, t0.Add(time.Minute)
	for _, tt := range []struct {
		name     string
		st, next aggregator.FetchState
		want     bool
	}{
		{"same validators", ok, after(ok, nil), true},
		{"new etag", ok, after(ok, func(s *aggregator.FetchState) { s.ETag = `"b"` }), false},
		{"new last-modified", ok, after(ok, func(s *aggregator.FetchState) { s.LastModified = "y" }), false},
		{"recovery", failing, after(ok, nil), false},
		{"gone lifted", func() aggregator.FetchState { s := ok; s.Gone = true; return s }(), after(ok, nil), false},
		{"never stored", aggregator.FetchState{}, after(ok, nil), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := deferrable(tt.st, tt.next); got != tt.want {
				t.Errorf("deferrable = %v, want %v", got, tt.want)
			}
		})
	}
}

// gatedRefresher returns a store in t's temporary directory (closed at the test's end), the same
// store counting and gating its state writes, and a refresher without sources over it.
func gatedRefresher(t *testing.T) (*store.Store, *countingStore, *Refresher) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cs := &countingStore{Store: st, entered: make(chan struct{}), gate: make(chan struct{})}
	r, err := New(ctx, Options{Store: cs, Fetcher: fetch.New(fetch.Options{}), Normalizer: normalize.New(normalize.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	return st, cs, r
}

// TestDeferredStateNeverOverwritesALaterOne: a state saved at once while the flush holding the
// same source's deferred (older) state runs must be the one that stays.
func TestDeferredStateNeverOverwritesALaterOne(t *testing.T) {
	ctx := context.Background()
	st, cs, r := gatedRefresher(t)
	defer r.Close(ctx)
	older := aggregator.FetchState{ETag: `"a"`, LastStatus: aggregator.StatusNotModified}
	later := aggregator.FetchState{ETag: `"a"`, LastStatus: aggregator.StatusError, LastError: "boom", ConsecutiveFailures: 1}
	r.deferState("s", older)
	<-cs.entered // the flusher holds "s" and waits
	var wg sync.WaitGroup
	wg.Go(func() {
		r.settleState("s")
		if err := cs.SaveState(ctx, "s", later); err != nil {
			t.Error(err)
		}
	})
	close(cs.gate)
	wg.Wait()
	r.syncStates()
	states, err := st.States(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got := states["s"]; got.LastStatus != aggregator.StatusError || got.LastError != "boom" {
		t.Errorf("stored state %+v, want the later one (error)", got)
	}
}

// TestStateBatchFullIsWritten: stateBatch deferred states are written without waiting for more or
// for a round to end, in one batch, and a later one waits for the next.
func TestStateBatchFullIsWritten(t *testing.T) {
	ctx := context.Background()
	st, cs, r := gatedRefresher(t)
	r.stateWait = time.Hour
	for i := range stateBatch + 1 {
		if i == stateBatch {
			select {
			case <-cs.entered:
			case <-time.After(time.Minute):
				t.Fatalf("%d deferred states not written after a minute", stateBatch)
			}
		}
		r.deferState(fmt.Sprintf("s%d", i), aggregator.FetchState{ETag: `"a"`, LastStatus: aggregator.StatusNotModified})
	}
	if b, k := cs.batches.Load(), cs.batched.Load(); b != 1 || k != stateBatch {
		t.Errorf("%d states in %d batches, want %d in 1", k, b, stateBatch)
	}
	close(cs.gate)
	go func() {
		for range cs.entered { // Close writes the last one
		}
	}()
	if err := r.Close(ctx); err != nil {
		t.Fatal(err)
	}
	close(cs.entered)
	if b, k := cs.batches.Load(), cs.batched.Load(); b != 2 || k != stateBatch+1 {
		t.Errorf("after Close: %d states in %d batches, want %d in 2", k, b, stateBatch+1)
	}
	states, err := st.States(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != stateBatch+1 {
		t.Errorf("%d states stored, want %d", len(states), stateBatch+1)
	}
}

// BenchmarkNotModifiedRound is a round of 304s of 2,000 sources against one local host, through a
// bbolt store: the cost of the fetch, the bookkeeping and the state saves of a 304, per source, and
// the durable commits of a round. "manual" is Refresh of all; "scheduled" is a cron tick of their
// shared schedule (Scheduler.runRound); "per-source" is one RefreshSource per source at once, what
// the tick was when every source had a cron entry of its own (each asking for its state's write).
//
//	go test -run '^$' -bench NotModifiedRound ./aggregator/refresh/
func BenchmarkNotModifiedRound(b *testing.B) {
	const n = 2000
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("n", 2))
	}))
	defer srv.Close()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "t.db"), store.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	r, err := New(ctx, Options{Store: st, Concurrency: 8, PerHost: 64,
		Fetcher:    fetch.New(fetch.Options{Timeout: 5 * time.Second, MaxBodyBytes: 1 << 20}),
		Normalizer: normalize.New(normalize.Options{})})
	if err != nil {
		b.Fatal(err)
	}
	defer r.Close(ctx)
	var srcs []aggregator.Source
	names := make([]string, n)
	for i := range n {
		srcs = append(srcs, src(fmt.Sprintf("s%d", i), fmt.Sprintf("%s/?f=%d", srv.URL, i)))
		names[i] = srcs[i].Name
	}
	r.SetSources(ctx, srcs)
	if _, err := r.Refresh(ctx, nil, true); err != nil {
		b.Fatal(err)
	}
	sched := NewScheduler(r, nil)
	if err := sched.Sync(ctx); err != nil { // all fetched just now: no catch-up
		b.Fatal(err)
	}
	batches := func() int {
		r.states304.mu.Lock()
		defer r.states304.mu.Unlock()
		return r.states304.batches
	}
	rounds := []struct {
		name  string
		round func()
	}{
		{"manual", func() {
			if _, err := r.Refresh(ctx, nil, true); err != nil {
				b.Fatal(err)
			}
		}},
		{"scheduled", func() { sched.runRound(ctx, srcs[0].Schedule) }},
		{"per-source", func() {
			var wg sync.WaitGroup
			for _, name := range names {
				wg.Go(func() { r.RefreshSource(ctx, name, false) })
			}
			wg.Wait()
		}},
	}
	for _, rd := range rounds {
		b.Run(rd.name, func(b *testing.B) {
			b.ReportAllocs()
			before := batches()
			for b.Loop() {
				rd.round()
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/source")
			b.ReportMetric(float64(batches()-before)/float64(b.N), "commits/round")
		})
	}
}
