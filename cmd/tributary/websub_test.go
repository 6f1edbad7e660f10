package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator"
	"tributary/aggregator/websub"
	"tributary/aggregator/websub/websubtest"
)

// hubFeed is a source on httptest that advertises a WebSub hub, as an Atom feed whose entries a
// test adds; it counts the fetches that tributary makes (by User-Agent), not the hub's.
type hubFeed struct {
	*httptest.Server
	hub string

	mu     sync.Mutex
	titles []string
	polls  int
}

func newHubFeed(t *testing.T, hub string) *hubFeed {
	f := &hubFeed{hub: hub}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *hubFeed) self() string { return f.URL + "/feed.atom" }

func (f *hubFeed) add(title string) { f.mu.Lock(); f.titles = append(f.titles, title); f.mu.Unlock() }

func (f *hubFeed) pollCount() int { f.mu.Lock(); defer f.mu.Unlock(); return f.polls }

// body renders the feed with titles, newest last.
func (f *hubFeed) body(titles []string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>hub feed</title><id>urn:x:hub-feed</id><updated>2026-12-05T08:00:00Z</updated>`+
		`<link rel="hub" href="%s"/><link rel="self" href="%s"/>`, f.hub, f.self())
	for i, title := range titles {
		fmt.Fprintf(&b, `<entry><title>%s</title><id>urn:x:%d</id><link href="https://example.com/%d"/><updated>2026-12-05T08:%02d:00Z</updated><content type="html">story %d</content></entry>`,
			html.EscapeString(title), i, i, i, i)
	}
	b.WriteString(`</feed>`)
	return b.Bytes()
}

func (f *hubFeed) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	titles := slices.Clone(f.titles)
	if strings.HasPrefix(r.UserAgent(), "tributary") {
		f.polls++
	}
	f.mu.Unlock()
	etag := fmt.Sprintf(`"%d"`, len(titles))
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified) // no Link headers: discovery needs the body
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/atom+xml")
	w.Header().Add("Link", "<"+f.hub+`>; rel="hub"`)
	w.Header().Add("Link", "<"+f.self()+`>; rel="self"`)
	w.Write(f.body(titles))
}

// pubTimers is the publisher's timer in tests: each After is announced, and fires when told.
type pubTimers struct{ armed chan chan time.Time }

func (p *pubTimers) after(time.Duration) <-chan time.Time {
	c := make(chan time.Time, 1)
	p.armed <- c
	return c
}

// startWebSubApp runs the daemon in-process with [websub] and the given sources, on a public
// listener bound first, so that server.base_url (which the hubs call back under) names its port.
// fetch.allow_networks lets it reach the hubs on loopback.
func startWebSubApp(t *testing.T, websubTable, sources string, timers *pubTimers) (*testApp, string) {
	t.Helper()
	return startWebSubAppIn(t, t.TempDir(), "allow_networks = [\"127.0.0.0/8\"]\n", websubTable, sources, timers)
}

// startWebSubAppIn is startWebSubApp on the database in dir (to restart a daemon), with fetch
// holding the [fetch] keys besides max_body_bytes.
func startWebSubAppIn(t *testing.T, dir, fetch, websubTable, sources string, timers *pubTimers) (*testApp, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfgPath := writeFile(t, dir, "config.toml", fmt.Sprintf("[server]\nlisten = %q\nadmin_listen = \"127.0.0.1:0\"\nbase_url = %q\n"+
		"[storage]\npath = \"data/tributary.db\"\nretention = \"0\"\n[fetch]\nmax_body_bytes = 65536\n%s%s\n%s",
		ln.Addr().String(), base, fetch, websubTable, sources))
	cfg, err := LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	app, err := OpenApp(context.Background(), cfg, logger)
	if err != nil {
		t.Fatal(err)
	}
	app.publicLn = ln
	if app.adminLn, err = listenAdmin(cfg.AdminListen); err != nil {
		t.Fatal(err)
	}
	if timers != nil {
		app.websubAfter = timers.after
	}
	ctx, cancel := context.WithCancel(context.Background())
	ta := &testApp{App: app, cancel: cancel, done: make(chan error, 1), public: base, admin: "http://" + app.adminLn.Addr().String()}
	go func() { ta.done <- app.Serve(ctx) }()
	waitUntil(t, func() bool { return app.ready.Load() })
	t.Cleanup(ta.stop)
	return ta, base
}

func waitVerified(t *testing.T, hub *websubtest.Hub) websubtest.Verification {
	t.Helper()
	select {
	case v := <-hub.Verified:
		return v
	case <-time.After(10 * time.Second):
		t.Fatal("the hub sent no verification within 10s")
		return websubtest.Verification{}
	}
}

// outputTitlesAt returns the titles of the feed at url, read by gofeed whatever its format.
func outputTitlesAt(t *testing.T, url string) []string {
	t.Helper()
	resp, body := get(t, url)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %s", url, resp.Status)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s does not parse: %v", url, err)
	}
	var titles []string
	for _, it := range f.Items {
		titles = append(titles, it.Title)
	}
	return titles
}

// TestWebSubEndToEnd: a source advertising a hub is subscribed to at its first fetch; the hub
// verifies our intent; the publisher's update, pushed by the hub, is in tributary's output
// without a poll, and its replay adds nothing; forged, unsigned, oversized and misdirected pushes
// store nothing, and a verification of a topic never asked for gets 404. GET /api/websub and
// /metrics show it all; a reload that removes the source unsubscribes it.
func TestWebSubEndToEnd(t *testing.T) {
	ctx := context.Background()
	hub := websubtest.New(t)
	src := newHubFeed(t, hub.URL)
	src.add("First story")
	app, base := startWebSubApp(t, "[websub]\nsubscribe = true\nlease_seconds = 3600\n",
		fmt.Sprintf("[[source]]\nname = \"hubbed\"\nurl = %q\nschedule = \"@every 24h\"\n[[output]]\nname = \"all\"\n", src.URL+"/feed"), nil)

	// The start's catch-up refresh fetches the source, which names the hub: subscribe.
	v := waitVerified(t, hub)
	if !v.OK || v.Mode != "subscribe" || v.Topic != src.self() || !strings.HasPrefix(v.Callback, base+websubCallbackPath) {
		t.Fatalf("verification %+v: want our callback under %s to confirm the subscription to %s", v, base, src.self())
	}
	cb := v.Callback
	waitUntil(t, func() bool { return slices.Contains(outputTitlesAt(t, base+"/feeds/all.atom"), "First story") })
	polls := src.pollCount()

	// The publisher updates its feed and pings its hub, which pushes the new feed to us.
	src.add("Pushed story")
	codes, err := hub.Publish(ctx, src.self())
	if err != nil || codes[cb] != http.StatusNoContent {
		t.Fatalf("distribution: %v %v, want 204 from %s", codes, err, cb)
	}
	for _, format := range []string{"rss", "atom", "json"} {
		if titles := outputTitlesAt(t, base+"/feeds/all."+format); !slices.Contains(titles, "Pushed story") {
			t.Errorf("%s output %q: the pushed story is missing", format, titles)
		}
	}
	if n := src.pollCount(); n != polls {
		t.Errorf("%d polls during the push, want none: the story came by the hub", n-polls)
	}
	// A replayed push (the same signed body again) stores nothing new: a feed is idempotent.
	stats, _ := app.store.Stats(ctx)
	if codes, err := hub.Publish(ctx, src.self()); err != nil || codes[cb] != http.StatusNoContent {
		t.Fatalf("replayed distribution: %v %v", codes, err)
	}
	if again, _ := app.store.Stats(ctx); again.Articles != stats.Articles {
		t.Errorf("%d articles after a replayed push, %d before", again.Articles, stats.Articles)
	}

	stored := func() int { n, _ := app.store.Stats(ctx); return n.Articles }
	before := stored()
	secret := hub.Secret(cb, src.self())
	forged := src.body([]string{"First story", "Pushed story", "Forged story"})
	hostile := []struct {
		name     string
		callback string
		body     []byte
		secret   string
		want     int
	}{
		{"bad signature", cb, forged, "guessed", http.StatusForbidden},
		{"no signature though a secret was sent", cb, forged, "", http.StatusForbidden},
		{"huge body", cb, append(forged, bytes.Repeat([]byte(" "), 70000)...), secret, http.StatusRequestEntityTooLarge},
		{"unknown callback token", base + websubCallbackPath + "00112233445566778899aabbccddeeff", forged, secret, http.StatusNotFound},
	}
	for _, tt := range hostile {
		t.Run(tt.name, func(t *testing.T) {
			code, err := hub.Deliver(ctx, tt.callback, src.self(), tt.body, "application/atom+xml", tt.secret)
			if err != nil || code != tt.want {
				t.Errorf("push: %d %v, want %d", code, err, tt.want)
			}
		})
	}
	if n := stored(); n != before {
		t.Errorf("%d articles after refused pushes, want %d", n, before)
	}
	if titles := outputTitlesAt(t, base+"/feeds/all.atom"); slices.Contains(titles, "Forged story") {
		t.Errorf("a refused push reached the output: %q", titles)
	}
	// A verification of a topic we never asked for, and a replay of ours, are refused.
	if code, ok := hub.Verify(cb, "subscribe", "https://evil.example.com/feed", 3600); code != 404 || ok {
		t.Errorf("verification of a topic not asked for: %d (echoed %v), want 404", code, ok)
	}
	if code, ok := hub.Verify(cb, "subscribe", src.self(), 3600); code != 404 || ok {
		t.Errorf("replayed verification: %d (echoed %v), want 404", code, ok)
	}

	resp, body := get(t, app.admin+"/api/websub")
	var got struct {
		Subscribe     bool            `json:"subscribe"`
		Subscriptions []websub.Status `json:"subscriptions"`
	}
	if err := json.Unmarshal(body, &got); err != nil || resp.StatusCode != 200 {
		t.Fatalf("/api/websub: %s %v %s", resp.Status, err, body)
	}
	if len(got.Subscriptions) != 1 {
		t.Fatalf("/api/websub: %s", body)
	}
	if s := got.Subscriptions[0]; !got.Subscribe || s.Source != "hubbed" || s.State != websub.StateSubscribed || s.Topic != src.self() ||
		s.Pushes != 2 || s.Rejected != 3 || s.LeaseSeconds != 3600 {
		t.Errorf("/api/websub: %s", body)
	}
	if strings.Contains(string(body), secret) || strings.Contains(string(body), cb) {
		t.Errorf("/api/websub shows the secret or the callback token: %s", body)
	}
	series, _ := scrape(t, app.admin)
	for name, want := range map[string]float64{
		`tributary_websub_pushes_total{result="accepted"}`:      2,
		`tributary_websub_pushes_total{result="rejected"}`:      4,
		`tributary_websub_verifications_total{result="ok"}`:     1,
		`tributary_websub_verifications_total{result="failed"}`: 2,
	} {
		if series[name] != want {
			t.Errorf("%s = %v, want %v", name, series[name], want)
		}
	}

	// A reload that removes the source unsubscribes it: the hub verifies, and drops us.
	cfgPath := app.Config().Path
	noSource := regexp.MustCompile(`(?s)\[\[source\]\].*?\n\[\[output`).ReplaceAllString(mustRead(t, cfgPath), "[[output")
	writeFile(t, filepath.Dir(cfgPath), "config.toml", noSource)
	if err := app.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if v := waitVerified(t, hub); !v.OK || v.Mode != "unsubscribe" || v.Callback != cb {
		t.Errorf("after the reload: verification %+v, want our unsubscription confirmed", v)
	}
	if subs := hub.Subscribers(src.self()); len(subs) != 0 {
		t.Errorf("the hub still pushes to %q", subs)
	}
}

// TestWebSubPublish: with a hub configured, every output names it (Atom and RSS links, JSON Feed
// hubs, Link headers) and its own URL, and a burst of changes to the outputs is one ping of the
// hub per changed feed URL.
func TestWebSubPublish(t *testing.T) {
	ctx := context.Background()
	hub := websubtest.New(t)
	src := newHubFeed(t, "https://elsewhere.example.com/hub") // the source's hub is not ours
	timers := &pubTimers{armed: make(chan chan time.Time, 16)}
	app, base := startWebSubApp(t, fmt.Sprintf("[websub]\nhub = %q\n", hub.URL),
		fmt.Sprintf("[[source]]\nname = \"s\"\nurl = %q\nschedule = \"@every 24h\"\n[[output]]\nname = \"all\"\n", src.URL+"/feed"), timers)
	// The source is empty: the start's catch-up refresh changes nothing, and pings nothing.
	waitUntil(t, func() bool { return !app.refresher.State("s").LastFetch.IsZero() })

	for _, format := range []string{"rss", "atom", "json"} {
		self := base + "/feeds/all." + format
		resp, body := get(t, self)
		d := websub.Discover(resp.Header.Values("Link"), nil, self)
		if !slices.Equal(d.Hubs, []string{hub.URL}) || d.Self != self {
			t.Errorf("%s Link headers %q: want the hub and %s", format, resp.Header.Values("Link"), self)
		}
		if d := websub.Discover(nil, body, self); !slices.Equal(d.Hubs, []string{hub.URL}) || d.Self != self {
			t.Errorf("%s document names hubs %q and self %q, want %s and %s", format, d.Hubs, d.Self, hub.URL, self)
		}
	}

	// Five refreshes that each store a story, before the debounce ends: one round.
	for i := range 5 {
		src.add(fmt.Sprintf("Story %d", i))
		if res := app.refresher.RefreshSource(ctx, "s", true); res.New != 1 {
			t.Fatalf("refresh %d: %+v", i, res)
		}
	}
	var timer chan time.Time
	select {
	case timer = <-timers.armed:
	case <-time.After(10 * time.Second):
		t.Fatal("no change reached the publisher")
	}
	timer <- time.Time{}
	var pinged []string
	for range 3 {
		select {
		case u := <-hub.Pinged:
			pinged = append(pinged, u)
		case <-time.After(10 * time.Second):
			t.Fatalf("pinged %q, want the three feeds of the output", pinged)
		}
	}
	slices.Sort(pinged)
	want := []string{base + "/feeds/all.atom", base + "/feeds/all.json", base + "/feeds/all.rss"}
	if !slices.Equal(pinged, want) {
		t.Errorf("pinged %q, want %q", pinged, want)
	}
	select {
	case <-timers.armed:
		t.Error("five quick changes armed a second debounce")
	default:
	}
	// The hub has the third ping before the publisher has its answer and counts it: wait for the
	// count, then check that it stopped at 3.
	var n float64
	waitUntil(t, func() bool {
		series, _ := scrape(t, app.admin)
		n = series[`tributary_websub_pings_total{result="ok"}`]
		return n >= 3
	})
	if n != 3 {
		t.Errorf("tributary_websub_pings_total{ok} = %v, want 3", n)
	}
}

// TestWebSubConfig: [websub]'s defaults and values (its mistakes are rows of TestConfigErrors).
func TestWebSubConfig(t *testing.T) {
	cfg, err := ParseConfig("/etc/tributary/config.toml", []byte("[websub]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.WebSub != (WebSubConfig{LeaseSeconds: websub.DefaultLeaseSeconds}) {
		t.Errorf("defaults %+v: want no hub, no subscriptions, the default lease", cfg.WebSub)
	}
	cfg, err = ParseConfig("/etc/tributary/config.toml", []byte("[server]\nbase_url = \"https://news.example.com/\"\n[websub]\nhub = \"https://hub.example.com/\"\nsubscribe = true\nlease_seconds = 3600\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.WebSub != (WebSubConfig{Hub: "https://hub.example.com/", Subscribe: true, LeaseSeconds: 3600}) {
		t.Errorf("parsed %+v", cfg.WebSub)
	}
}

// TestWebSubAfterRestart: subscriptions live in memory; after a restart the source's next fetch
// is a 304 (its validators are stored), which names no hub, so the source is fetched once more
// without validators, discovered and subscribed again under a new callback.
func TestWebSubAfterRestart(t *testing.T) {
	ctx := context.Background()
	hub := websubtest.New(t)
	src := newHubFeed(t, hub.URL)
	src.add("First story")
	dir := t.TempDir()
	table := "[websub]\nsubscribe = true\n"
	loopback := "allow_networks = [\"127.0.0.0/8\"]\n"
	sources := fmt.Sprintf("[[source]]\nname = \"hubbed\"\nurl = %q\nschedule = \"@every 24h\"\n", src.URL+"/feed")
	app, _ := startWebSubAppIn(t, dir, loopback, table, sources, nil)
	first := waitVerified(t, hub)
	app.stop()

	app, base := startWebSubAppIn(t, dir, loopback, table, sources, nil)
	if res := app.refresher.RefreshSource(ctx, "hubbed", true); res.Status != aggregator.StatusNotModified {
		t.Fatalf("refresh after the restart: %+v, want a 304", res)
	}
	v := waitVerified(t, hub)
	if !v.OK || v.Topic != src.self() || v.Callback == first.Callback || !strings.HasPrefix(v.Callback, base) {
		t.Errorf("verification after the restart %+v, want a new callback under %s (the first was %s)", v, base, first.Callback)
	}
	// The token of the last run is unknown now: a push to it, signed with its secret, is refused.
	old := base + websubCallbackPath + first.Callback[strings.LastIndexByte(first.Callback, '/')+1:]
	if code, err := hub.Deliver(ctx, old, src.self(), src.body([]string{"x"}), "application/atom+xml", hub.Secret(first.Callback, src.self())); code != http.StatusNotFound {
		t.Errorf("push to the token of the last run: %d %v, want 404", code, err)
	}
}

// TestWebSubInternalHub: hub URLs come from feeds, so a feed cannot make tributary post to an
// internal address: without fetch.allow_networks, a hub on loopback is refused at dial time (the
// source's own configured host is trusted, its hub is not), and the subscription is failed.
func TestWebSubInternalHub(t *testing.T) {
	hub := websubtest.New(t)
	src := newHubFeed(t, hub.URL)
	app, _ := startWebSubAppIn(t, t.TempDir(), "", "[websub]\nsubscribe = true\n",
		fmt.Sprintf("[[source]]\nname = \"s\"\nurl = %q\nschedule = \"@every 24h\"\n", src.URL+"/feed"), nil)
	var st []websub.Status
	waitUntil(t, func() bool {
		st = app.websub.sub.Statuses()
		return len(st) == 1 && st[0].State == websub.StateFailed
	})
	if !strings.Contains(st[0].LastError, "private") && !strings.Contains(st[0].LastError, "internal") {
		t.Errorf("last error %q: want the private-network refusal", st[0].LastError)
	}
	select {
	case v := <-hub.Verified:
		t.Errorf("the internal hub was reached: %+v", v)
	default:
	}
}
