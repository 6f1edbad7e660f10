package refresh

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

// blockingServer answers every request once release is closed, and reports each arrival.
func blockingServer(t *testing.T) (srv *httptest.Server, arrived chan string, release chan struct{}) {
	arrived, release = make(chan string, 10_000), make(chan struct{})
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- r.URL.Path
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
		fmt.Fprint(w, rss(strings.Trim(r.URL.Path, "/"), 1))
	}))
	t.Cleanup(srv.Close)
	return srv, arrived, release
}

// TestQueueBoundsGoroutines: refreshing many sources at once queues them; it does not park a
// goroutine per source (10,000 sources had 20,000 goroutines and their stacks waiting).
func TestQueueBoundsGoroutines(t *testing.T) {
	const n = 300
	srv, arrived, release := blockingServer(t)
	var sources []aggregator.Source
	for i := range n {
		sources = append(sources, src(fmt.Sprintf("s%d", i), fmt.Sprintf("%s/s%d", srv.URL, i)))
	}
	h := newHarness(t, sources, Options{Concurrency: 4, PerHost: 4})
	before := runtime.NumGoroutine()
	done := make(chan []aggregator.RefreshResult)
	go func() { done <- h.refresh(true) }()
	for range 4 {
		<-arrived
	}
	// Once the last source is queued and four jobs were taken, the workers are settled: each of
	// the four holds a blocked fetch, and a fifth could only have been started by that enqueue.
	waitFor(t, func() bool { return h.r.Running(sources[n-1].Name) && h.r.QueueDepth() == n-4 })
	h.r.mu.Lock()
	workers := h.r.workers
	h.r.mu.Unlock()
	if workers != 4 || len(arrived) != 0 {
		t.Errorf("%d workers and %d fetches beyond the 4 allowed", workers, len(arrived))
	}
	if g := runtime.NumGoroutine() - before; g > 60 {
		t.Errorf("%d more goroutines while %d sources wait, want a few per worker", g, n)
	}
	if q := h.r.QueueDepth(); q != n-4 {
		t.Errorf("queue depth %d, want %d", q, n-4)
	}
	close(release)
	res := <-done
	for _, r := range res {
		if r.Status != aggregator.StatusUpdated {
			t.Fatalf("%+v", r)
		}
	}
	if q := h.r.QueueDepth(); q != 0 {
		t.Errorf("queue depth %d after the refresh", q)
	}
}

// TestQueueNoHeadOfLineBlocking: sources of a stuck host at the head of the queue do not hold up
// a source of another host behind them.
func TestQueueNoHeadOfLineBlocking(t *testing.T) {
	stuck, arrived, release := blockingServer(t)
	defer close(release)
	fine := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rss("fine", 1))
	}))
	defer fine.Close()
	var sources []aggregator.Source
	var names []string
	for i := range 20 {
		sources = append(sources, src(fmt.Sprintf("stuck%d", i), fmt.Sprintf("%s/s%d", stuck.URL, i)))
		names = append(names, fmt.Sprintf("stuck%d", i))
	}
	// The other host's source is queued last, behind 20 sources of a host that allows one fetch
	// at a time.
	fine2 := strings.Replace(fine.URL, "127.0.0.1", "localhost", 1)
	sources = append(sources, src("fine", fine2+"/f"))
	h := newHarness(t, sources, Options{Concurrency: 4, PerHost: 1})
	go h.r.Refresh(context.Background(), names, true)
	<-arrived
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if res := h.r.RefreshSource(ctx, "fine", true); res.Status != aggregator.StatusUpdated {
		t.Errorf("the other host's source: %+v", res)
	}
	if got := len(arrived); got != 0 {
		t.Errorf("%d more fetches of the stuck host, which allows one", got)
	}
}

// TestCloseDropsQueued: at shutdown, refreshes that never started end at once as skipped; only
// the running ones are waited for (and cancelled at the deadline).
func TestCloseDropsQueued(t *testing.T) {
	srv, arrived, release := blockingServer(t)
	defer close(release)
	var sources []aggregator.Source
	for i := range 50 {
		sources = append(sources, src(fmt.Sprintf("s%d", i), fmt.Sprintf("%s/s%d", srv.URL, i)))
	}
	h := newHarness(t, sources, Options{Concurrency: 2, PerHost: 2})
	done := make(chan []aggregator.RefreshResult)
	go func() { done <- h.refresh(true) }()
	<-arrived
	<-arrived
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_ = h.r.Close(ctx)
	res := <-done
	var skipped, failed int
	for _, r := range res {
		switch {
		case r.Status == aggregator.StatusSkipped && r.Error == "shutting down":
			skipped++
		case r.Status == aggregator.StatusError:
			failed++
		}
	}
	if skipped != 48 || failed != 2 {
		t.Errorf("after Close: %d skipped as shutting down (want 48), %d cancelled (want the 2 running)", skipped, failed)
	}
}

// TestPerHostIgnoresPort: per_host counts a host's fetches whatever their port, as the README
// says: with one fetch allowed per host, a source on another port of the host that is fetching
// waits in the queue while the other host's sources run.
func TestPerHostIgnoresPort(t *testing.T) {
	a, arrivedA, releaseA := blockingServer(t)
	b, arrivedB, releaseB := blockingServer(t)
	defer close(releaseB)
	if a.URL[len("http://127.0.0.1"):] == b.URL[len("http://127.0.0.1"):] {
		t.Fatal("the two servers share a port")
	}
	h := newHarness(t, []aggregator.Source{src("a", a.URL+"/a"), src("b", b.URL+"/b")}, Options{Concurrency: 2, PerHost: 1})
	// Queued in the test's goroutine, so that both are in the queue before either fetch starts.
	ca, _ := h.r.start("a", true)
	cb, _ := h.r.start("b", true)
	if ca == nil || cb == nil {
		t.Fatal("not queued")
	}
	<-arrivedA
	// The worker that took a holds the host's one slot; b, whose host is the same, must still be
	// queued and not runnable (nextLocked skips it), though a second worker is free.
	h.r.mu.Lock()
	queued := len(h.r.queue)
	runnable := queued == 1 && h.r.hostActive[h.r.queue[0].host] < h.r.o.PerHost
	h.r.mu.Unlock()
	if queued != 1 || runnable {
		t.Errorf("while a fetches from %s: %d queued (want b), b runnable %v: another port counted as another host", a.URL, queued, runnable)
	}
	if len(arrivedB) != 0 {
		t.Error("b fetched while a held its host's only slot")
	}
	close(releaseA)
	<-ca.done
	<-arrivedB // b runs once a is done
}

// TestHostOf: the key of the per-host limit.
func TestHostOf(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"http://127.0.0.1:8001/feed", "http://127.0.0.1:8002/other"},
		{"https://RSSHub.example.com/cls/telegraph", "http://rsshub.example.com:1200/cls/depth"},
		{"http://[::1]:80/a", "http://[::1]:81/b"},
	} {
		if ka, kb := hostOf(tt.a), hostOf(tt.b); ka != kb || ka == "" {
			t.Errorf("hostOf(%q) = %q, hostOf(%q) = %q: want one non-empty host", tt.a, ka, tt.b, kb)
		}
	}
	if hostOf("http://a.example.com/") == hostOf("http://b.example.com/") {
		t.Error("two hosts share a key")
	}
}

// TestRefreshRepeatedNames: a refresh naming a source twice refreshes and reports it once, in the
// order first named.
func TestRefreshRepeatedNames(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rss(strings.Trim(r.URL.Path, "/"), 1))
	}))
	defer srv.Close()
	h := newHarness(t, []aggregator.Source{src("a", srv.URL+"/a"), src("b", srv.URL+"/b")}, Options{})
	res := h.refresh(true, "b", "a", "b", "a", "b")
	var got []string
	for _, r := range res {
		got = append(got, r.Source)
	}
	if strings.Join(got, ",") != "b,a" {
		t.Errorf("results for %q, want b then a once each", got)
	}
	if got := uniqueNames([]string{"x", "y", "x", "z", "y"}); strings.Join(got, ",") != "x,y,z" {
		t.Errorf("uniqueNames = %q", got)
	}
}
