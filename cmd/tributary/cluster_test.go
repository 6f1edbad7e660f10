package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"tributary/store/postgres/pgtest"
)

// newsFarm is a feed whose entries, failures and pace the test sets: it lists items posts, answers
// 500 while failing, and holds each request while a gate is set until the gate closes.
type newsFarm struct {
	*httptest.Server
	mu      sync.Mutex
	hits    int
	items   int
	failing bool
	gate    chan struct{}
	entered chan struct{} // receives once per request held at the gate
}

func newNewsFarm(t *testing.T, items int) *newsFarm {
	t.Helper()
	f := &newsFarm{items: items, entered: make(chan struct{}, 16)}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.hits++
		items, failing, gate := f.items, f.failing, f.gate
		f.mu.Unlock()
		if gate != nil {
			f.entered <- struct{}{}
			select {
			case <-gate:
			case <-r.Context().Done():
				return
			}
		}
		if failing {
			http.Error(w, "the farm is down", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, newsFeed(items))
	}))
	t.Cleanup(f.Close)
	return f
}

// newsFeed is an RSS feed of n posts, newest first, at fixed dates.
func newsFeed(n int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>News</title><link>http://news.example/</link>`)
	base := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := n; i >= 1; i-- {
		fmt.Fprintf(&b, `<item><title>news %d</title><link>http://news.example/%d</link><pubDate>%s</pubDate><description>&lt;p&gt;story %d&lt;/p&gt;</description></item>`,
			i, i, base.Add(time.Duration(i)*time.Hour).Format(time.RFC1123Z), i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func (f *newsFarm) hitCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits
}

func (f *newsFarm) set(fn func(f *newsFarm)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

// clusterConfig is the configuration of a node on dsn with one source, "news", on farm. Its
// schedule never comes round during a test (the start's refresh is the only scheduled one), and
// its fetch timeout makes leases last ten minutes: the node that fetched at start holds the
// source's lease through the test.
func clusterConfig(t *testing.T, dir, dsn, farm string) (cfgPath, public, admin string) {
	t.Helper()
	writeFile(t, dir, "dsn", dsn+"\n")
	public, admin = freePair(t)
	cfgPath = writeFile(t, dir, "config.toml", fmt.Sprintf(`[server]
listen = %q
admin_listen = %q
base_url = "https://feeds.example.com"
[storage]
backend = "postgres"
dsn_file = "dsn"
retention = "0"
[fetch]
timeout = "5m"
[log]
level = "debug"
format = "json"
[[source]]
name = "news"
url = "%s/news"
schedule = "0 0 1 1 *"
[[output]]
name = "all"
[[output]]
name = "news"
sources = ["news"]
`, public, admin, farm))
	return cfgPath, public, admin
}

// newsState is the source "news" as a node's /api/sources shows it.
func newsState(t *testing.T, d *daemon) sourceJSON {
	t.Helper()
	code, body := httpDo(t, "GET", d.admin+"/api/sources", "")
	var resp struct {
		Sources []sourceJSON `json:"sources"`
	}
	if code != 200 || json.Unmarshal([]byte(body), &resp) != nil || len(resp.Sources) != 1 {
		t.Fatalf("/api/sources: %d %s", code, body)
	}
	return resp.Sources[0]
}

// ownedBy reports whether lease owner names d's process (host/pid/random).
func ownedBy(owner string, d *daemon) bool {
	return strings.Contains(owner, "/"+strconv.Itoa(d.cmd.Process.Pid)+"/")
}

// refreshNews asks d for a manual refresh of the source "news" and returns its one result.
func refreshNews(d *daemon) (refreshResultJSON, error) {
	out, err := postRefresh(d, "news")
	if err != nil {
		return refreshResultJSON{}, err
	}
	if len(out.Results) != 1 {
		return refreshResultJSON{}, fmt.Errorf("refresh: %d results, want 1", len(out.Results))
	}
	return out.Results[0], nil
}

// TestBinaryRefreshForwarded runs three nodes on one database with one source, which the node
// that fetched it at start holds the lease of. A manual refresh sent to another node runs on the
// holder (the farm sees one request more, not two) and answers with the holder's real result,
// new articles or a failure; four manual refreshes sent at once to the two other nodes make one
// fetch and all answer with its result; every node's /api/sources shows the same state of the
// source and the same lease holder, though only one of them ever fetched it. Once the holder died
// and its lease ran out, a refresh waiting on it is run by the node it was asked of.
func TestBinaryRefreshForwarded(t *testing.T) {
	dsn := pg.DSN(t)
	farm := newNewsFarm(t, 2)
	var nodes []*daemon
	for range 3 {
		dir := t.TempDir()
		cfgPath, public, admin := clusterConfig(t, dir, dsn, farm.URL)
		nodes = append(nodes, startDaemon(t, dir, cfgPath, public, admin))
	}
	for _, d := range nodes {
		d.waitNotify(t, "READY=1", 30*time.Second)
	}
	// The start: one node fetches, every node shows its fetch and its lease.
	var holder *daemon
	var others []*daemon
	waitUntil(t, func() bool {
		holder, others = nil, nil
		for _, d := range nodes {
			s := newsState(t, d)
			if s.LastFetch == nil || s.LeaseOwner == "" || s.Running {
				return false
			}
			if ownedBy(s.LeaseOwner, d) {
				holder = d
			} else {
				others = append(others, d)
			}
		}
		return holder != nil
	})
	if n := farm.hitCount(); n != 1 {
		t.Fatalf("the three nodes fetched the source %d times at start, want once", n)
	}
	owner := newsState(t, holder).LeaseOwner
	// agree checks that every node shows the state the holder stored, and the holder's lease.
	agree := func(what string) sourceJSON {
		t.Helper()
		want := newsState(t, holder)
		for i, d := range nodes {
			got := newsState(t, d)
			got.NextRun, want.NextRun = nil, nil
			g, _ := json.Marshal(got)
			w, _ := json.Marshal(want)
			if string(g) != string(w) {
				t.Errorf("%s: node %d shows\n%s\nthe holder shows\n%s", what, i, g, w)
			}
			if got.LeaseOwner != owner || !got.LeaseLive || got.LeaseExpiry == nil {
				t.Errorf("%s: node %d shows the lease %q live %v until %v, want %q's", what, i, got.LeaseOwner, got.LeaseLive, got.LeaseExpiry, owner)
			}
		}
		return want
	}
	agree("after the start")

	// One refresh sent to a node without the lease: the holder fetches, the answer is its result.
	farm.set(func(f *newsFarm) { f.items = 3 })
	res, err := refreshNews(others[0])
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != "updated" || res.New != 1 || res.Node != owner {
		t.Errorf("forwarded refresh: %+v, want updated with 1 new article, run by %s", res.RefreshResult, owner)
	}
	if n := farm.hitCount(); n != 2 {
		t.Errorf("%d fetches after one forwarded refresh, want 2 (the start's and its own)", n)
	}
	if s := agree("after a forwarded refresh"); s.LastStatus != "updated" || s.Articles != 3 {
		t.Errorf("the source after a forwarded refresh: %+v", s)
	}

	// A failure comes back as the holder saw it, and every node shows it.
	farm.set(func(f *newsFarm) { f.failing = true })
	res, err = refreshNews(others[1])
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != "error" || !strings.Contains(res.Error, "500") || res.Node != owner {
		t.Errorf("forwarded refresh of a failing feed: %+v, want the holder's error", res.RefreshResult)
	}
	if s := agree("after a failed refresh"); s.Health != "failing" || !strings.Contains(s.LastError, "500") || s.ConsecutiveFailures != 1 {
		t.Errorf("the source after a failed forwarded refresh: %+v", s)
	}

	// Four requests at once, two to each node without the lease: the holder's fetch is held at
	// the farm until the four have joined one request row, then released; one fetch answers all.
	pool, err := pgxpool.New(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	gate := make(chan struct{})
	farm.set(func(f *newsFarm) { f.failing, f.items, f.gate = false, 4, gate })
	before := farm.hitCount()
	results := make([]refreshResultJSON, 4)
	errs := make([]error, 4)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() { results[i], errs[i] = refreshNews(others[i%2]) })
	}
	select {
	case <-farm.entered:
	case <-time.After(30 * time.Second):
		t.Fatal("the holder never fetched the source asked for")
	}
	waitUntil(t, func() bool {
		var asked int
		err := pool.QueryRow(t.Context(), `SELECT asked FROM refresh_requests WHERE pending = 'news'`).Scan(&asked)
		return err == nil && asked == 4
	})
	close(gate)
	wg.Wait()
	for i := range 4 {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if r := results[i]; r.Status != "updated" || r.New != 1 || r.Node != owner {
			t.Errorf("request %d of four: %+v, want the one fetch's result", i, r.RefreshResult)
		}
	}
	if n := farm.hitCount(); n != before+1 {
		t.Errorf("four refreshes at once fetched %d times, want once", n-before)
	}
	farm.set(func(f *newsFarm) { f.gate = nil })
	agree("after four refreshes at once")

	// The holder dies; a refresh asked meanwhile waits on its live lease, and once the lease runs
	// out, the node it was asked of refreshes itself.
	holder.cmd.Process.Kill()
	holder.wait(t, 10*time.Second)
	farm.set(func(f *newsFarm) { f.items = 5 })
	done := make(chan struct{})
	go func() { defer close(done); res, err = refreshNews(others[0]) }()
	waitUntil(t, func() bool {
		var n int
		err := pool.QueryRow(t.Context(), `SELECT count(*) FROM refresh_requests WHERE pending = 'news'`).Scan(&n)
		return err == nil && n == 1
	})
	expireLeases(t, dsn)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the refresh waiting on a dead node's lease did not end once the lease ran out")
	}
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != "updated" || res.New != 1 || res.Node == owner || res.Node == "" {
		t.Errorf("refresh after the holder died: %+v, want it run by the node asked", res.RefreshResult)
	}
	s := newsState(t, others[1])
	if !ownedBy(s.LeaseOwner, others[0]) || s.Articles != 5 {
		t.Errorf("after the takeover another node shows %+v, want the lease %s's and 5 articles", s, res.Node)
	}
}

// TestBinaryDatabaseDown stops PostgreSQL under a running node: it keeps serving its cached
// outputs (same bytes and ETag, 304 to the ETag), says in /readyz and /api/sources that the
// database does not answer, answers a refresh with an error that says so, and does not crash;
// once PostgreSQL is back it recovers without a restart: a refresh stores the feed's new post.
func TestBinaryDatabaseDown(t *testing.T) {
	// A server of its own: halting the one the other tests share would fail them.
	srv := pgtest.New()
	t.Cleanup(srv.Stop)
	dsn := srv.DSN(t)
	farm := newNewsFarm(t, 2)
	dir := t.TempDir()
	cfgPath, public, admin := clusterConfig(t, dir, dsn, farm.URL)
	d := startDaemon(t, dir, cfgPath, public, admin)
	d.waitNotify(t, "READY=1", 30*time.Second)
	if res, err := refreshNews(d); err != nil || (res.Status != "updated" && res.Status != "not_modified") {
		t.Fatalf("refresh: %+v %v", res, err)
	}
	getFeed := func(etag string) (int, string, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", d.public+"/feeds/all.rss", nil)
		if etag != "" {
			req.Header.Set("If-None-Match", etag)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header.Get("ETag")
	}
	code, body, etag := getFeed("")
	if code != 200 || etag == "" || !strings.Contains(body, "news 2") {
		t.Fatalf("the output before: %d %q %.300s", code, etag, body)
	}

	srv.Halt(t)
	bodies := map[string]string{}
	for _, p := range []string{"/readyz", "/api/sources"} {
		c, b := httpDo(t, "GET", d.admin+p, "")
		if c != 200 || !strings.Contains(b, "the database does not answer") {
			t.Errorf("%s with the database down: %d %s", p, c, b)
		}
		bodies[p] = b
	}
	// The open probe must not publish the store's error (it can name the database's host, user
	// and name); /api/sources, behind the token, has it.
	if !strings.Contains(bodies["/api/sources"], "postgres: ") {
		t.Errorf("/api/sources with the database down does not say why: %s", bodies["/api/sources"])
	}
	for _, leak := range []string{"postgres: ", "SQLSTATE", "127.0.0.1", "user="} {
		if strings.Contains(bodies["/readyz"], leak) {
			t.Errorf("/readyz publishes the store's error (%q): %s", leak, bodies["/readyz"])
		}
	}
	if c, b, e := getFeed(""); c != 200 || b != body || e != etag {
		t.Errorf("the output with the database down: %d, ETag %q (was %q), same bytes %v", c, e, etag, b == body)
	}
	if c, _, _ := getFeed(etag); c != http.StatusNotModified {
		t.Errorf("the output with the database down, If-None-Match its ETag: %d, want 304", c)
	}
	// A format not rendered before the outage is rendered from the output's articles in memory;
	// an output never read before has none: 503, retry later.
	if c, b := httpDo(t, "GET", d.public+"/feeds/all.json", ""); c != 200 || !strings.Contains(b, "news 2") {
		t.Errorf("another format of the output with the database down: %d %.200s", c, b)
	}
	if c, b := httpDo(t, "GET", d.public+"/feeds/news.rss", ""); c != http.StatusServiceUnavailable {
		t.Errorf("an output never rendered, with the database down: %d %.200s, want 503", c, b)
	}
	farm.set(func(f *newsFarm) { f.items = 3 })
	res, err := refreshNews(d)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != "error" || !strings.Contains(res.Error, "database") {
		t.Errorf("refresh with the database down: %+v, want an error naming the database", res.RefreshResult)
	}
	select {
	case <-d.exited:
		t.Fatalf("the node exited with the database down: %v", d.exitErr)
	default:
	}

	srv.Resume(t)
	// The pool's connections broke with the server: the first statements after it came back may
	// fail before the pool has new ones, so refreshes are asked until one is stored.
	var last refreshResultJSON
	waitUntil(t, func() bool {
		last, err = refreshNews(d)
		return err == nil && last.Status == "updated"
	})
	if last.New != 1 {
		t.Errorf("the refresh once the database is back: %+v, want the new post stored", last.RefreshResult)
	}
	var after string
	waitUntil(t, func() bool {
		_, after, _ = getFeed("")
		return strings.Contains(after, "news 3")
	})
	if c, b := httpDo(t, "GET", d.public+"/feeds/news.rss", ""); c != 200 || !strings.Contains(b, "news 3") {
		t.Errorf("the output never rendered, once the database is back: %d %.200s", c, b)
	}
	if c, b := httpDo(t, "GET", d.admin+"/readyz", ""); c != 200 || strings.TrimSpace(b) != "ready" {
		t.Errorf("/readyz once the database is back: %d %s", c, b)
	}
	d.cmd.Process.Signal(syscall.SIGTERM)
	if code := d.wait(t, 20*time.Second); code != 0 {
		t.Errorf("serve exited %d", code)
	}
	// A clean stop gives the node's leases up: other nodes need not wait for them to run out.
	pool, err := pgxpool.New(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	var held, live int
	if err := pool.QueryRow(t.Context(), `SELECT count(*), count(*) FILTER (WHERE expiry > now()) FROM leases`).Scan(&held, &live); err != nil || held == 0 || live != 0 {
		t.Errorf("leases after a clean stop: %d, %d of them live (%v); want the node's given up", held, live, err)
	}
	if strings.Contains(d.stderr.String(), "panic") {
		t.Errorf("the log shows a panic:\n%s", d.stderr.String())
	}
}
