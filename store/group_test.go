package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
	"tributary/aggregator/cores"
)

// TestGroupCommitConcurrentFeeds saves many feeds at once, all carrying one shared story: every
// article is stored, each feed's result counts its own entries, and the shared story is stored once
// with every source.
func TestGroupCommitConcurrentFeeds(t *testing.T) {
	s := openStore(t, Options{Now: newClock().Now})
	date := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	const feeds, own = 16, 5
	results := make([]aggregator.SaveResult, feeds)
	errs := make([]error, feeds)
	var wg sync.WaitGroup
	for i := range feeds {
		wg.Go(func() {
			src := fmt.Sprintf("src-%02d", i)
			var arts []aggregator.Article
			for j := range own {
				arts = append(arts, art(fmt.Sprintf("a-%02d-%d", i, j), src, date.Add(time.Duration(i*own+j)*time.Minute)))
			}
			arts = append(arts, art("shared", src, date))
			results[i], errs[i] = s.SaveFeed(context.Background(), src, arts, aggregator.FetchState{ETag: src})
		})
	}
	wg.Wait()
	var newCount, merged int
	for i, res := range results {
		if errs[i] != nil {
			t.Fatalf("feed %d: %v", i, errs[i])
		}
		if got := res.New + res.Merged; got != own+1 {
			t.Errorf("feed %d: new %d + merged %d = %d entries, want %d", i, res.New, res.Merged, got, own+1)
		}
		newCount += res.New
		merged += res.Merged
	}
	if want := feeds*own + 1; newCount != want {
		t.Errorf("new = %d, want %d", newCount, want)
	}
	if merged != feeds-1 {
		t.Errorf("merged = %d, want %d", merged, feeds-1)
	}
	if got := get(t, s, "shared").Sources; len(got) != feeds {
		t.Errorf("shared story has sources %v, want all %d", got, feeds)
	}
	states, err := s.States(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != feeds {
		t.Errorf("%d states stored, want %d", len(states), feeds)
	}
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != feeds*own+1 {
		t.Errorf("Stats.Articles = %d, want %d", st.Articles, feeds*own+1)
	}
	mustCheck(t, s)
}

// failingCtx is a context whose Err turns to Canceled from its n-th call on: SaveFeed checks it once
// before queueing and once per entry inside the transaction, so the feed fails half-written.
type failingCtx struct {
	context.Context
	calls, n atomic.Int64
}

func (c *failingCtx) Err() error {
	if c.calls.Add(1) >= c.n.Load() {
		return context.Canceled
	}
	return nil
}

// TestGroupCommitFailingFeed makes one feed of a group fail after it wrote an entry: the group is
// rolled back, the others are committed alone with their own results, the failing one reports its
// error and left nothing behind.
func TestGroupCommitFailingFeed(t *testing.T) {
	s := openStore(t, Options{Now: newClock().Now})
	date := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)

	// Hold the writer so that the feeds queue up and are committed as one group.
	release := holdWriter(t, s)

	const feeds, bad = 5, 2
	type outcome struct {
		res aggregator.SaveResult
		err error
	}
	out := make([]outcome, feeds)
	var wg sync.WaitGroup
	for i := range feeds {
		src := fmt.Sprintf("src-%d", i)
		var ctx context.Context = context.Background()
		if i == bad {
			fc := &failingCtx{Context: ctx}
			fc.n.Store(3) // before queueing: ok; first entry: ok; second entry: cancelled
			ctx = fc
		}
		arts := []aggregator.Article{
			art(src+"-a", src, date), art(src+"-b", src, date.Add(time.Minute)), art("shared", src, date),
		}
		wg.Go(func() {
			res, err := s.SaveFeed(ctx, src, arts, aggregator.FetchState{ETag: src})
			out[i] = outcome{res, err}
		})
		waitPending(t, s, i+1) // queue order is the order of the loop
	}
	release()
	wg.Wait()

	for i, o := range out {
		src := fmt.Sprintf("src-%d", i)
		if i == bad {
			if !errors.Is(o.err, context.Canceled) {
				t.Errorf("failing feed: err = %v, want context.Canceled", o.err)
			}
			if o.res != (aggregator.SaveResult{}) {
				t.Errorf("failing feed: result %+v, want zero", o.res)
			}
			if _, err := s.Article(context.Background(), src+"-a"); !errors.Is(err, aggregator.ErrNotFound) {
				t.Errorf("failing feed's first entry: err = %v, want it not stored", err)
			}
			continue
		}
		if o.err != nil {
			t.Fatalf("feed %d: %v", i, o.err)
		}
		// Results are those of saving the feeds one after another in queue order; feed 0 is first.
		want := aggregator.SaveResult{New: 2, Merged: 1}
		if i == 0 {
			want = aggregator.SaveResult{New: 3}
		}
		if o.res != want {
			t.Errorf("feed %d: result %+v, want %+v", i, o.res, want)
		}
		get(t, s, src+"-b")
	}
	states, err := s.States(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := states[fmt.Sprintf("src-%d", bad)]; ok {
		t.Error("the failing feed's state was stored")
	}
	if _, ok := states["first"]; !ok || len(states) != feeds {
		t.Errorf("states %v: want first and the %d good feeds", states, feeds-1)
	}
	if got := get(t, s, "shared").Sources; len(got) != feeds-1 {
		t.Errorf("shared story has sources %v, want the %d good feeds", got, feeds-1)
	}
	mustCheck(t, s)
}

// holdWriter holds bbolt's write lock, so that what is saved next queues up, and has the group
// writer take a request of its own first (a fetch state, "first"), so that it waits for the lock
// and every request queued after comes in the groups that drain makes of them. release lets the
// writer go and waits for "first".
func holdWriter(t *testing.T, s *Store) (release func()) {
	t.Helper()
	unlock := make(chan struct{})
	holding := make(chan struct{})
	go s.db.Update(func(*bolt.Tx) error { close(holding); <-unlock; return nil })
	<-holding
	first := make(chan error, 1)
	go func() { first <- s.SaveState(context.Background(), "first", aggregator.FetchState{ETag: "x"}) }()
	// The writer took "first" and waits for the held lock.
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		s.group.mu.Lock()
		taken := s.group.running && len(s.group.pending) == 0
		s.group.mu.Unlock()
		if taken {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the writer never took the first request")
		}
	}
	return func() {
		t.Helper()
		close(unlock)
		if err := <-first; err != nil {
			t.Fatalf("SaveState: %v", err)
		}
	}
}

// TestGroupCommitBound: feeds queued for the writer are committed in groups of at most
// MaxGroupArticles articles, in queue order, and a feed larger than that alone. The generation
// counts the commits that changed articles.
func TestGroupCommitBound(t *testing.T) {
	const feeds, per = 6, 5
	for _, tc := range []struct {
		name    string
		max     int
		commits uint64
	}{
		{"default", 0, 1},
		{"two feeds a group", 2 * per, feeds / 2},
		{"one short of two feeds", 2*per - 1, feeds},
		{"feeds larger than the bound", 1, feeds},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t, Options{Now: newClock().Now, MaxGroupArticles: tc.max})
			date := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
			before := s.gen.Load()
			release := holdWriter(t, s)
			var wg sync.WaitGroup
			errs := make([]error, feeds)
			for i := range feeds {
				src := fmt.Sprintf("src-%d", i)
				var arts []aggregator.Article
				for j := range per {
					arts = append(arts, art(fmt.Sprintf("%s-%d", src, j), src, date.Add(time.Duration(j)*time.Minute)))
				}
				wg.Go(func() { _, errs[i] = s.SaveFeed(context.Background(), src, arts, aggregator.FetchState{ETag: src}) })
				waitPending(t, s, i+1)
			}
			release()
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Fatalf("feed %d: %v", i, err)
				}
			}
			if got := s.gen.Load() - before; got != tc.commits {
				t.Errorf("%d commits changed articles, want %d", got, tc.commits)
			}
			if got := stats(t, s).Articles; got != feeds*per {
				t.Errorf("%d articles stored, want %d", got, feeds*per)
			}
		})
	}
}

// waitPending waits until n requests are queued for the writer.
func waitPending(t *testing.T, s *Store, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		s.group.mu.Lock()
		got := len(s.group.pending)
		s.group.mu.Unlock()
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d requests queued, want %d", got, n)
		}
		time.Sleep(time.Millisecond)
	}
}

// coreCtx checks, every time the store asks whether its context is done, whether one of the
// writer's cores is free: its calls after the first come from inside the writer's transaction.
type coreCtx struct {
	context.Context
	cpu   *cores.Slots
	calls int
	// free records, per call, whether a slot was free then.
	free []bool
}

func (c *coreCtx) Err() error {
	c.calls++
	ok := c.cpu.TryAcquire()
	if ok {
		c.cpu.Release()
	}
	c.free = append(c.free, ok)
	return nil
}

// TestWriterClaimsCore gives the writer the one CPU slot of the parses (Options.Cores): it holds it
// through a feed's transaction, saves while a parse holds it too (it never waits for one), and
// gives it back after the commit, after a failed feed as well.
func TestWriterClaimsCore(t *testing.T) {
	cpu := cores.New(1)
	s := openStore(t, Options{Now: newClock().Now, Cores: cpu})
	date := time.Date(2026, 2, 1, 8, 0, 0, 0, time.UTC)
	arts := func(src string) []aggregator.Article {
		return []aggregator.Article{art(src+"-a", src, date), art(src+"-b", src, date.Add(time.Minute))}
	}

	c := &coreCtx{Context: context.Background(), cpu: cpu}
	if _, err := s.SaveFeed(c, "watched", arts("watched"), aggregator.FetchState{}); err != nil {
		t.Fatal(err)
	}
	// The first call is SaveListed's, before the feed is queued; the others are the writer's.
	if len(c.free) < 3 || !c.free[0] || slices.Contains(c.free[1:], true) {
		t.Errorf("slot free per context check = %v, want free before the writer and held inside its transaction", c.free)
	}

	cpu.Acquire() // a parse holds the only slot: the writer claims over it.
	if _, err := s.SaveFeed(context.Background(), "held", arts("held"), aggregator.FetchState{}); err != nil {
		t.Fatal(err)
	}
	fc := &failingCtx{Context: context.Background()}
	fc.n.Store(2) // queued, then cancelled inside the transaction
	if _, err := s.SaveFeed(fc, "failing", arts("failing"), aggregator.FetchState{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("failing feed: %v, want context.Canceled", err)
	}
	if err := s.SaveState(context.Background(), "state", aggregator.FetchState{ETag: "x"}); err != nil {
		t.Fatal(err)
	}
	if cpu.TryAcquire() {
		t.Fatal("a slot was free while the parse held the only one")
	}
	cpu.Release()
	if !cpu.TryAcquire() {
		t.Fatal("the writer kept a claim after its commits")
	}
	if cpu.TryAcquire() {
		t.Error("two slots free of one")
	}
	if got := query(t, s, aggregator.Query{}); len(got) != 4 {
		t.Errorf("%d articles stored, want 4 (watched and held)", len(got))
	}
}
