package main

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"tributary/aggregator"
	"tributary/aggregator/storetest"
	"tributary/store/postgres"
)

// nodeFarm plays many sources for the multi-node tests: source i serves /feed/i, an RSS feed of
// items[i] items with an ETag (a conditional request gets 304), and counts every request.
// Holding a source makes its next request wait until the client goes away.
type nodeFarm struct {
	*httptest.Server
	mu      sync.Mutex
	items   []int
	hits    []int
	hold    map[int]bool
	entered chan int // a held request arrived
	// text gives item j of source i its title and body; nil means distinct texts.
	text func(i, j int) (title, body string)
	// base dates item j of source i at base + (100i + j) minutes: inside story grouping's window.
	base time.Time
}

func newNodeFarm(t *testing.T, sources, items int) *nodeFarm {
	t.Helper()
	f := &nodeFarm{items: make([]int, sources), hits: make([]int, sources), hold: map[int]bool{}, entered: make(chan int, 1),
		base: time.Now().UTC().Truncate(time.Hour).Add(-30 * time.Hour)}
	for i := range f.items {
		f.items[i] = items
	}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// words spells n as letters only (a fingerprint reads digits as facts that copies share).
func words(n uint64) string {
	var b strings.Builder
	for range 12 {
		b.WriteByte(byte('a' + n%26))
		n /= 26
	}
	return b.String()
}

// distinctText is a title and a body that no other (i, j) shares a word with.
func distinctText(i, j int) (string, string) {
	var ws []string
	for k := range 40 {
		sum := sha256.Sum256([]byte(fmt.Sprint(i, j, k)))
		ws = append(ws, words(uint64(sum[0])|uint64(sum[1])<<8|uint64(sum[2])<<16|uint64(sum[3])<<24|uint64(sum[4])<<32))
	}
	return strings.Join(ws[:6], " "), "<p>" + strings.Join(ws[6:], " ") + "</p>"
}

// link is item j of source i's link, which the outputs show.
func farmLink(i, j int) string { return fmt.Sprintf("https://farm.example.com/s%02d/%d", i, j) }

func (f *nodeFarm) serve(w http.ResponseWriter, r *http.Request) {
	i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/feed/"))
	f.mu.Lock()
	if err != nil || i < 0 || i >= len(f.items) {
		f.mu.Unlock()
		http.NotFound(w, r)
		return
	}
	f.hits[i]++
	n, held := f.items[i], f.hold[i]
	delete(f.hold, i)
	text := f.text
	f.mu.Unlock()
	if held {
		f.entered <- i
		<-r.Context().Done()
		return
	}
	if text == nil {
		text = distinctText
	}
	etag := fmt.Sprintf(`"%d-%d"`, i, n)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>source %d</title><link>https://farm.example.com/s%02d</link>`, i, i)
	base := f.base
	for j := n - 1; j >= 0; j-- {
		title, body := text(i, j)
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>`,
			title, farmLink(i, j), farmLink(i, j), base.Add(time.Duration(i*100+j)*time.Minute).Format(time.RFC1123Z), body)
	}
	b.WriteString(`</channel></rss>`)
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "application/rss+xml")
	io.WriteString(w, b.String())
}

// counts returns the requests per source so far.
func (f *nodeFarm) counts() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]int(nil), f.hits...)
}

// total is how many items the sources serve in all.
func (f *nodeFarm) total() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, k := range f.items {
		n += k
	}
	return n
}

// sources is the [[source]] blocks of the farm's sources, named s00, s01, …
func (f *nodeFarm) sources() string {
	var b strings.Builder
	for i := range f.items {
		fmt.Fprintf(&b, "[[source]]\nname = \"s%02d\"\nurl = \"%s/feed/%d\"\n", i, f.URL, i)
	}
	return b.String()
}

// startNodes starts n daemons on the database dsn with the same sources (body), each on its own
// loopback ports, and waits until every one is ready. Sources are fetched at start and when a test
// asks: no schedule fires during a test (a round at a quarter past would fetch twice).
func startNodes(t *testing.T, n int, dsn, body string) []*daemon {
	t.Helper()
	var nodes []*daemon
	ports := freePorts(t, 2*n)
	for i := range n {
		dir := t.TempDir()
		writeFile(t, dir, "dsn", dsn+"\n")
		public, admin := ports[2*i], ports[2*i+1]
		cfgPath := writeFile(t, dir, "config.toml", fmt.Sprintf(
			"[server]\nlisten = %q\nadmin_listen = %q\nbase_url = \"https://feeds.example.com\"\n[storage]\nbackend = \"postgres\"\ndsn_file = \"dsn\"\nretention = \"0\"\n[fetch]\ndefault_schedule = \"@every 24h\"\n%s",
			public, admin, body))
		nodes = append(nodes, startDaemon(t, dir, cfgPath, public, admin))
	}
	for _, d := range nodes {
		d.waitNotify(t, "READY=1", 60*time.Second)
	}
	return nodes
}

// waitFor polls cond until it holds, and fails the test with what when within does not pass.
func waitFor(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(within); ; time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, within)
		}
	}
}

// idleNode reports whether node d runs no refresh and lists want sources.
func idleNode(d *daemon, want int) bool {
	resp, err := http.Get(d.admin + "/api/sources")
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	var out struct {
		Sources []sourceJSON `json:"sources"`
	}
	if resp.StatusCode != 200 || json.NewDecoder(resp.Body).Decode(&out) != nil {
		return false
	}
	for _, s := range out.Sources {
		if s.Running {
			return false
		}
	}
	return len(out.Sources) == want
}

// pendingRequests counts the forwarded refreshes that wait for a node (refresh_requests).
func pendingRequests(t *testing.T, pool *pgxpool.Pool) int {
	t.Helper()
	var n int
	if err := pool.QueryRow(t.Context(), `SELECT count(*) FROM refresh_requests WHERE pending IS NOT NULL`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// postRefresh asks node d for a refresh (of source, when not empty) and returns its answer; an
// error when the node went away (it was killed).
func postRefresh(d *daemon, source string) (refreshResponse, error) {
	u := d.admin + "/api/refresh"
	if source != "" {
		u += "?source=" + source
	}
	var out refreshResponse
	resp, err := http.Post(u, "application/json", nil)
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return out, err
	}
	if resp.StatusCode != 200 {
		return out, fmt.Errorf("refresh: HTTP %d", resp.StatusCode)
	}
	return out, nil
}

// refreshRound asks d for a full manual round and waits for its answer. On a shared database the
// round fetches the sources d holds the leases of and forwards the others to their holders (or
// claims the leases that ran out), so that every source is fetched once whichever node is asked.
// (Rounds asked of several nodes at once are TestBinaryRefreshForwarded's: there a request that
// arrives after its source's fetch ended makes a fetch more, as on one node.)
func refreshRound(t *testing.T, d *daemon) {
	t.Helper()
	res, err := postRefresh(d, "")
	if err != nil {
		t.Errorf("round: %v", err)
		return
	}
	for _, r := range res.Results {
		if r.Status == aggregator.StatusError {
			t.Errorf("round: %s: %s", r.Source, r.Error)
		}
	}
}

// output is one served output: its bytes and ETag.
type output struct{ body, etag string }

func getOutput(t *testing.T, url string) output {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return output{string(b), resp.Header.Get("ETag")}
}

// threeNodePaths are the outputs the multi-node tests compare, in every format.
var threeNodePaths = []string{"/feeds/all.rss", "/feeds/all.atom", "/feeds/all.json"}

// sameOutputs waits until every node serves every output with the same bytes and ETag, and
// returns node 0's JSON output.
func sameOutputs(t *testing.T, nodes []*daemon, within time.Duration) string {
	t.Helper()
	var json string
	for _, p := range threeNodePaths {
		var outs []output
		waitFor(t, within, "the same "+p+" on every node", func() bool {
			outs = outs[:0]
			for _, d := range nodes {
				outs = append(outs, getOutput(t, d.public+p))
			}
			for _, o := range outs[1:] {
				if o != outs[0] || o.etag == "" {
					return false
				}
			}
			return true
		})
		if p == "/feeds/all.json" {
			json = outs[0].body
		}
	}
	return json
}

// leaseOwnerPID returns the process ID in the owner of source's lease ("host/pid/random").
func leaseOwnerPID(t *testing.T, pool *pgxpool.Pool, source string) int {
	t.Helper()
	var owner string
	if err := pool.QueryRow(t.Context(), `SELECT owner FROM leases WHERE name = $1`, source).Scan(&owner); err != nil {
		t.Fatalf("lease of %s: %v", source, err)
	}
	parts := strings.Split(owner, "/")
	pid, err := strconv.Atoi(parts[len(parts)-2])
	if len(parts) < 3 || err != nil {
		t.Fatalf("lease owner %q: want host/pid/random", owner)
	}
	return pid
}

// TestBinaryThreeNodes runs three daemons on loopback on one PostgreSQL database with a farm of
// twelve sources:
//   - at start (all three started at once) and in a manual round asked of one node (which
//     forwards the sources other nodes hold), each source is fetched exactly once (the farm's
//     counts);
//   - all three serve every output with the same bytes and ETag;
//   - a write on one node (a new item) shows in every node's output within 2 s;
//   - kill -9 of the node fetching a source, in the middle of that fetch: its leases end within
//     the documented bound (a minute), after which a round asked of one survivor fetches every
//     source exactly once, the one cut off included; every item the farm serves is stored exactly once (the
//     store's counts and IDs, and the outputs), and Check finds the database consistent.
func TestBinaryThreeNodes(t *testing.T) {
	const sources, items = 12, 5
	dsn := pg.DSN(t)
	farm := newNodeFarm(t, sources, items)
	body := farm.sources() + "[[output]]\nname = \"all\"\nlimit = 1000\n"
	nodes := startNodes(t, 3, dsn, body)
	pool, err := pgxpool.New(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	everyOnce := func(what string, before, after []int) {
		t.Helper()
		for i := range after {
			if n := after[i] - before[i]; n != 1 {
				t.Errorf("%s: s%02d fetched %d times, want once", what, i, n)
			}
		}
	}
	idle := func(ds ...*daemon) func() bool {
		return func() bool {
			for _, d := range ds {
				if !idleNode(d, sources) {
					return false
				}
			}
			return true
		}
	}
	// settled takes the farm's counts once ds are idle and no forwarded request waits: a node
	// serves a waiting request within RequestPoll of going idle, and a round that joins that fetch
	// in flight would see it counted before the round began. Idle, counted, idle again with the
	// same counts: nothing started in between.
	settled := func(what string, ds ...*daemon) []int {
		t.Helper()
		var counts []int
		waitFor(t, 60*time.Second, what, func() bool {
			if !idle(ds...)() || pendingRequests(t, pool) != 0 {
				return false
			}
			counts = farm.counts()
			return idle(ds...)() && pendingRequests(t, pool) == 0 && slices.Equal(counts, farm.counts())
		})
		return counts
	}
	zero := make([]int, sources)
	waitFor(t, 60*time.Second, "every source fetched at start", func() bool {
		return !slices.Contains(farm.counts(), 0)
	})
	everyOnce("start", zero, settled("every node idle after the start", nodes...))

	before := settled("every node idle before a round", nodes...)
	refreshRound(t, nodes[1])
	everyOnce("a round asked of one node", before, farm.counts())

	eachOnce(t, "the JSON output", jsonItems(t, sameOutputs(t, nodes, 10*time.Second)), farm.total())

	// A write on one node reaches every node's outputs within 2 s.
	farm.mu.Lock()
	farm.items[3]++
	farm.mu.Unlock()
	newLink := farmLink(3, items)
	var wrote time.Time
	for i, d := range nodes {
		res, err := postRefresh(d, "s03")
		if err != nil {
			t.Fatalf("node %d: %v", i, err)
		}
		if len(res.Results) == 1 && res.Results[0].Status == aggregator.StatusUpdated {
			wrote = time.Now()
			break
		}
	}
	if wrote.IsZero() {
		t.Fatal("no node stored s03's new item")
	}
	for i, d := range nodes {
		waitFor(t, 10*time.Second, fmt.Sprintf("node %d shows the new item", i), func() bool {
			return strings.Contains(getOutput(t, d.public+"/feeds/all.json").body, newLink)
		})
	}
	if took := time.Since(wrote); took > 2*time.Second {
		t.Errorf("the new item took %v to reach every node's output, want at most 2 s", took)
	}
	sameOutputs(t, nodes, 10*time.Second)

	// kill -9 of the node fetching s07, in the middle of that fetch, while every source has new items.
	farm.mu.Lock()
	for i := range farm.items {
		farm.items[i] += 2
	}
	farm.hold[7] = true
	farm.mu.Unlock()
	victimPID := leaseOwnerPID(t, pool, "s07")
	var victim *daemon
	var survivors []*daemon
	for _, d := range nodes {
		if d.cmd.Process.Pid == victimPID {
			victim = d
		} else {
			survivors = append(survivors, d)
		}
	}
	if victim == nil {
		t.Fatalf("s07's lease is held by process %d, none of the nodes", victimPID)
	}
	var wg sync.WaitGroup
	wg.Go(func() { postRefresh(victim, "") }) // never answers: it is killed
	select {
	case <-farm.entered:
	case <-time.After(60 * time.Second):
		t.Fatal("s07 was never fetched in the round")
	}
	victim.cmd.Process.Kill()
	victim.wait(t, 10*time.Second)
	wg.Wait()
	// Its sources' leases end within the documented bound: a minute from its last claim
	// (fetch.timeout is the default 20 s, so twice it plus 10 s is less). Retention's lease, which
	// it may hold too, lasts ten minutes, as documented.
	var held, beyond int
	if err := pool.QueryRow(t.Context(), `SELECT count(*), count(*) FILTER (WHERE expiry > now() + interval '61 seconds')
FROM leases WHERE owner LIKE '%/' || $1 || '/%' AND name NOT LIKE 'tributary:%'`, strconv.Itoa(victimPID)).Scan(&held, &beyond); err != nil {
		t.Fatal(err)
	}
	if held == 0 || beyond != 0 {
		t.Fatalf("the killed node holds %d leases, %d of them for more than a minute; want some, none", held, beyond)
	}
	// The minute passes (moved into the past, as in TestBinaryKillNode); the survivors fetch
	// every source once between them.
	settled("the survivors idle, the requests of the killed node's round served", survivors...)
	expireLeases(t, dsn)
	before = settled("the survivors idle", survivors...)
	refreshRound(t, survivors[0])
	everyOnce("the survivors' round once the killed node's leases ran out", before, farm.counts())

	// Nothing lost, nothing doubled, the database consistent.
	st := checkedStore(t, dsn)
	stats, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	farm.mu.Lock()
	served := slices.Clone(farm.items)
	farm.mu.Unlock()
	total := 0
	for i, n := range served {
		total += n
		if got := stats.PerSource[fmt.Sprintf("s%02d", i)]; got != n {
			t.Errorf("s%02d: %d articles stored, the farm serves %d", i, got, n)
		}
	}
	all, err := st.Articles(t.Context(), aggregator.Query{})
	if err != nil {
		t.Fatal(err)
	}
	ids, links := map[string]bool{}, map[string]bool{}
	for _, a := range all {
		if ids[a.ID] || links[a.Link] {
			t.Errorf("article %s (%s) listed twice", a.ID, a.Link)
		}
		ids[a.ID], links[a.Link] = true, true
	}
	if stats.Articles != total || len(all) != total {
		t.Errorf("%d articles counted, %d listed; the farm serves %d", stats.Articles, len(all), total)
	}
	eachOnce(t, "the survivors' JSON output", jsonItems(t, sameOutputs(t, survivors, 10*time.Second)), total)
}

// jsonItems returns the url of each item of a JSON Feed, in order.
func jsonItems(t *testing.T, feed string) []string {
	t.Helper()
	var f struct {
		Items []struct {
			URL string `json:"url"`
		} `json:"items"`
	}
	if err := json.Unmarshal([]byte(feed), &f); err != nil {
		t.Fatalf("the JSON output: %v", err)
	}
	var urls []string
	for _, it := range f.Items {
		urls = append(urls, it.URL)
	}
	return urls
}

// eachOnce checks that urls holds want items, none twice.
func eachOnce(t *testing.T, what string, urls []string, want int) {
	t.Helper()
	seen := map[string]bool{}
	for _, u := range urls {
		if seen[u] {
			t.Errorf("%s: %s listed twice", what, u)
		}
		seen[u] = true
	}
	if len(urls) != want {
		t.Errorf("%s: %d items, want %d", what, len(urls), want)
	}
}

// TestBinaryStoryTwoNodes: two copies of one story in two sources, each fetched by another of two
// nodes, become one story, and both nodes' outputs show one item for it: when both nodes store
// their copy at once (the one that commits second finds the other's print under the
// generation's lock), and when one stores its copy after the other's (it loaded the print on its
// generation poll, or finds it the same way).
func TestBinaryStoryTwoNodes(t *testing.T) {
	dsn := pg.DSN(t)
	farm := newNodeFarm(t, 2, 0)
	// Two stories, each told by both sources: storetest's flash (s00) and full article (s01),
	// then a statistics release and a reworded copy of it.
	farm.text = func(i, j int) (string, string) {
		switch {
		case j == 0 && i == 0:
			return storetest.FlashTitle, storetest.FlashBody
		case j == 0:
			return storetest.FullTitle, storetest.FullBody
		case i == 0:
			return storetest.OtherTitle, storetest.OtherBody
		}
		return "统计局：10月CPI同比涨0.3% 核心CPI涨0.2%", storetest.OtherBody + "<p>分析人士表示，物价温和回升。</p>"
	}
	nodes := startNodes(t, 2, dsn, farm.sources()+"[[output]]\nname = \"all\"\n")
	waitFor(t, 60*time.Second, "both (empty) sources fetched at start, both nodes idle", func() bool {
		c := farm.counts()
		return c[0] > 0 && c[1] > 0 && idleNode(nodes[0], 2) && idleNode(nodes[1], 2)
	})
	pool, err := pgxpool.New(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	// store makes node n fetch source s (the lease, run out, is free for it) and checks that n did.
	store := func(n, s int) {
		t.Helper()
		res, err := postRefresh(nodes[n], fmt.Sprintf("s%02d", s))
		if err != nil || len(res.Results) != 1 || res.Results[0].Status != aggregator.StatusUpdated {
			t.Errorf("node %d's refresh of s%02d: %+v %v, want it updated", n, s, res, err)
		}
		if pid := leaseOwnerPID(t, pool, fmt.Sprintf("s%02d", s)); pid != nodes[n].cmd.Process.Pid {
			t.Errorf("s%02d's lease is held by process %d, want node %d's", s, pid, n)
		}
	}
	stories := func(want int) {
		t.Helper()
		urls := jsonItems(t, sameOutputs(t, nodes, 10*time.Second))
		if len(urls) != want {
			t.Errorf("the outputs list %d items (%v), want %d stories", len(urls), urls, want)
		}
	}

	expireLeases(t, dsn)
	farm.mu.Lock()
	farm.items[0], farm.items[1] = 1, 1
	farm.mu.Unlock()
	var wg sync.WaitGroup
	wg.Go(func() { store(0, 0) })
	wg.Go(func() { store(1, 1) })
	wg.Wait()
	stories(1)

	expireLeases(t, dsn)
	farm.mu.Lock()
	farm.items[0] = 2
	farm.mu.Unlock()
	store(1, 0)
	farm.mu.Lock()
	farm.items[1] = 2
	farm.mu.Unlock()
	store(0, 1)
	stories(2)

	all, err := checkedStore(t, dsn).Articles(t.Context(), aggregator.Query{})
	if err != nil || len(all) != 4 {
		t.Fatalf("%d articles stored (%v), want the four copies", len(all), err)
	}
	// A split asked of node 0 shows on node 1: three items on both.
	joined := ""
	for _, a := range all {
		if a.Story != "" {
			joined = a.ID
		}
	}
	if code, body := httpDo(t, "POST", nodes[0].admin+"/api/stories/split?article="+url.QueryEscape(joined), ""); code != 200 {
		t.Fatalf("split of %q on node 0: %d %s", joined, code, body)
	}
	stories(3)
}

// checkedStore opens the database dsn as a tool would (no poll, no grouping), fails the test
// unless Check finds it consistent, and closes it when the test ends.
func checkedStore(t *testing.T, dsn string) *postgres.Store {
	t.Helper()
	st, err := postgres.Open(context.Background(), dsn, postgres.Options{GenerationPoll: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Check(t.Context()); err != nil {
		t.Error(err)
	}
	return st
}
