package websub_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"tributary/aggregator/websub"
	"tributary/aggregator/websub/websubtest"
)

// timers is a fake time.After: each call is announced on armed and fires when the test sends on
// the channel it got.
type timers struct {
	armed chan chan time.Time
}

func (tm *timers) after(time.Duration) <-chan time.Time {
	c := make(chan time.Time, 1)
	tm.armed <- c
	return c
}

// fire waits for the next timer and fires it.
func (tm *timers) fire(t *testing.T) {
	t.Helper()
	select {
	case c := <-tm.armed:
		c <- time.Time{}
	case <-time.After(10 * time.Second):
		t.Fatal("no timer armed within 10s")
	}
}

// versions are the feeds' versions the publisher reads; each read is announced on read, so that
// a test knows a round has begun (and has taken the changes before it).
type versions struct {
	mu   sync.Mutex
	v    map[string]string
	read chan struct{}
}

func newVersions(v map[string]string) *versions {
	return &versions{v: v, read: make(chan struct{}, 64)}
}

func (v *versions) get(context.Context) (map[string]string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.read <- struct{}{}
	return maps(v.v), nil
}

// round waits for the publisher to read the versions.
func (v *versions) round(t *testing.T) {
	t.Helper()
	select {
	case <-v.read:
	case <-time.After(10 * time.Second):
		t.Fatal("no round began within 10s")
	}
}

func (v *versions) set(u, ver string) { v.mu.Lock(); v.v[u] = ver; v.mu.Unlock() }

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func startPublisher(t *testing.T, hub *websubtest.Hub, v *versions) (*websub.Publisher, *timers) {
	t.Helper()
	tm := &timers{armed: make(chan chan time.Time, 16)}
	p := websub.NewPublisher(websub.PublisherOptions{Hub: hub.URL, Versions: v.get, After: tm.after, Attempts: 3})
	if err := p.Prime(context.Background()); err != nil {
		t.Fatal(err)
	}
	v.round(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); p.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	return p, tm
}

func pinged(t *testing.T, hub *websubtest.Hub, n int) []string {
	t.Helper()
	var got []string
	for range n {
		select {
		case u := <-hub.Pinged:
			got = append(got, u)
		case <-time.After(10 * time.Second):
			t.Fatalf("%d pings within 10s, want %d", len(got), n)
		}
	}
	slices.Sort(got)
	return got
}

// TestPublisherDebounces: many quick changes are one round, and a round pings only the feeds
// whose bytes changed, once each.
func TestPublisherDebounces(t *testing.T) {
	hub := websubtest.New(t)
	v := newVersions(map[string]string{"https://n.example.com/feeds/a.rss": "1", "https://n.example.com/feeds/a.atom": "1", "https://n.example.com/feeds/b.rss": "1"})
	p, tm := startPublisher(t, hub, v)

	v.set("https://n.example.com/feeds/a.rss", "2")
	v.set("https://n.example.com/feeds/a.atom", "2")
	for range 10 {
		p.Changed()
	}
	tm.fire(t)
	v.round(t)
	if got, want := pinged(t, hub, 2), []string{"https://n.example.com/feeds/a.atom", "https://n.example.com/feeds/a.rss"}; !slices.Equal(got, want) {
		t.Fatalf("pinged %q, want %q", got, want)
	}
	// A change that changed no bytes (an article outside every output) pings nothing; the next
	// real change pings its one feed. Ten changes armed one timer: this is the second.
	p.Changed()
	tm.fire(t)
	v.round(t)
	v.set("https://n.example.com/feeds/b.rss", "2")
	p.Changed()
	tm.fire(t)
	v.round(t)
	if got := pinged(t, hub, 1); got[0] != "https://n.example.com/feeds/b.rss" {
		t.Fatalf("pinged %q, want only b.rss", got)
	}
	if n := len(hub.Pings()); n != 3 {
		t.Errorf("%d pings in all (%q), want 3", n, hub.Pings())
	}
}

// TestPublisherRetries: a hub that fails is pinged again after a backoff, up to Attempts times; a
// URL whose pings all failed is pinged again at the next round.
func TestPublisherRetries(t *testing.T) {
	hub := websubtest.New(t)
	const u = "https://n.example.com/feeds/a.rss"
	v := newVersions(map[string]string{u: "1"})
	p, tm := startPublisher(t, hub, v)

	hub.FailPings(2)
	v.set(u, "2")
	p.Changed()
	tm.fire(t) // debounce
	v.round(t)
	pinged(t, hub, 1)
	tm.fire(t) // backoff after the first 503
	pinged(t, hub, 1)
	tm.fire(t) // backoff after the second
	pinged(t, hub, 1)

	hub.FailPings(3) // every attempt of the next round fails
	v.set(u, "3")
	p.Changed()
	tm.fire(t)
	v.round(t)
	pinged(t, hub, 1)
	tm.fire(t)
	pinged(t, hub, 1)
	tm.fire(t)
	pinged(t, hub, 1)
	// Gave up after 3 attempts: the next round, for any change, tells the hub again.
	p.Changed()
	tm.fire(t)
	v.round(t)
	pinged(t, hub, 1)
	if n := len(hub.Pings()); n != 7 {
		t.Errorf("%d pings, want 3 + 3 + 1", n)
	}
}
