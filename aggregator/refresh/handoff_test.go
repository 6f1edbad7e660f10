package refresh

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
	"tributary/aggregator/normalize"
	"tributary/store"
)

// gatedSaves is a real store whose SaveListed reports each source that enters it and then waits
// for gate: a writer busy with an fdatasync, for as long as the test wants.
type gatedSaves struct {
	*store.Store
	entered chan string
	gate    chan struct{}
}

func (g *gatedSaves) SaveListed(ctx context.Context, source string, articles []aggregator.Article, unchanged []string, state aggregator.FetchState) (aggregator.SaveResult, error) {
	g.entered <- source
	<-g.gate
	return g.Store.SaveListed(ctx, source, articles, unchanged, state)
}

// TestFetchesGoOnWhileFeedsWaitForTheStore: a worker whose feed is fetched hands its slots on, so
// that the next sources are fetched while feeds wait for the store's writer (which then commits
// them together), up to HandOffFeeds feeds; the next worker waits for room, holding
// its slot, and the queue behind it does not move. Before, one worker (Concurrency 1) waited for
// its feed's store and nothing else was fetched meanwhile.
func TestFetchesGoOnWhileFeedsWaitForTheStore(t *testing.T) {
	const n = 6
	var arrivals atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrivals.Add(1)
		fmt.Fprint(w, rss(strings.Trim(r.URL.Path, "/"), 2))
	}))
	t.Cleanup(srv.Close)
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g := &gatedSaves{Store: st, entered: make(chan string, n), gate: make(chan struct{})}
	var open sync.Once
	release := func() { open.Do(func() { close(g.gate) }) }
	const held = 3
	r, err := New(ctx, Options{Store: g, Concurrency: 1, PerHost: 1, HandOffFeeds: held,
		Fetcher: fetch.New(fetch.Options{Timeout: 5 * time.Second, UserAgent: "test"}), Normalizer: normalize.New(normalize.Options{})})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close(context.Background()) })
	t.Cleanup(release) // cleanups run last first: the gate opens before Close waits for the saves
	var sources []aggregator.Source
	for i := range n {
		sources = append(sources, src(fmt.Sprintf("s%d", i), fmt.Sprintf("%s/s%d", srv.URL, i)))
	}
	r.SetSources(ctx, sources)

	done := make(chan []aggregator.RefreshResult, 1)
	go func() {
		res, err := r.Refresh(ctx, nil, true)
		if err != nil {
			t.Error(err)
		}
		done <- res
	}()
	waitFor(t, func() bool { return len(g.entered) == held && arrivals.Load() == int32(held+1) })
	// The worker that fetched the next feed waits for room and holds the only slot: nothing more is
	// fetched, whatever the scheduler does now.
	if q := r.QueueDepth(); q != n-held-1 {
		t.Errorf("queue depth %d while %d feeds wait for the store, want %d", q, held, n-held-1)
	}
	r.handedOff.mu.Lock()
	used, size, least := r.handedOff.used, r.handedOff.size, r.handedOff.min
	r.handedOff.mu.Unlock()
	if used+least <= size {
		t.Errorf("feeds handed off weigh %d of %d: want no room for another", used, size)
	}

	release()
	res := <-done
	for _, x := range res {
		if x.Status != aggregator.StatusUpdated || x.New != 2 {
			t.Errorf("%+v, want updated with 2 new", x)
		}
	}
	if got := arrivals.Load(); got != n {
		t.Errorf("%d fetches for %d sources", got, n)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != 2*n {
		t.Errorf("%d articles stored, want %d", stats.Articles, 2*n)
	}
	r.handedOff.mu.Lock()
	used = r.handedOff.used
	r.handedOff.mu.Unlock()
	if used != 0 {
		t.Errorf("budget still holds %d after the refresh", used)
	}
}

// TestBudgetWeights: a feed counts for at least the budget's share (small feeds are bounded in
// number) and at most the whole budget (a body larger than it still goes, alone).
func TestBudgetWeights(t *testing.T) {
	b := newBudget(8, 48)
	if b.size != 8*handOffBytesPer || b.min != b.size/48 {
		t.Fatalf("budget %d, least weight %d", b.size, b.min)
	}
	tests := []struct {
		name string
		n    int64
		want int64
	}{
		{"an empty body", 0, b.min},
		{"a small feed", 1000, b.min},
		{"a feed of its own size", 5 * b.min, 5 * b.min},
		{"larger than the budget", 10 * b.size, b.size},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := b.acquire(tt.n)
			if w != tt.want || b.used != tt.want {
				t.Errorf("acquire(%d) = %d (used %d), want %d", tt.n, w, b.used, tt.want)
			}
			b.release(w)
			if b.used != 0 {
				t.Errorf("used %d after release", b.used)
			}
		})
	}
}

// TestHandOffFeedsOption: without HandOffFeeds, DefaultHandOffShare × Concurrency feeds may wait;
// with it, that many.
func TestHandOffFeedsOption(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "t.db"), store.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, tc := range []struct{ set, want int }{{0, DefaultHandOffShare * 4}, {5, 5}} {
		r, err := New(ctx, Options{Store: st, Concurrency: 4, HandOffFeeds: tc.set,
			Fetcher: fetch.New(fetch.Options{Timeout: time.Second, UserAgent: "test"}), Normalizer: normalize.New(normalize.Options{})})
		if err != nil {
			t.Fatal(err)
		}
		if b := r.handedOff; b.min != b.size/int64(tc.want) {
			t.Errorf("HandOffFeeds %d: least weight %d of %d, want room for %d feeds", tc.set, b.min, b.size, tc.want)
		}
		r.Close(ctx)
	}
}
