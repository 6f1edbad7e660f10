package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator"
)

// fixtureServer plays the sources: each path serves a file of aggregator/testdata with an ETag,
// and answers conditional requests with 304. A path can be switched to another file.
type fixtureServer struct {
	*httptest.Server
	mu    sync.Mutex
	files map[string]string // path → fixture file
	ctype map[string]string
	hits  map[string]int
}

func newFixtureServer(t *testing.T, files map[string]string) *fixtureServer {
	t.Helper()
	fs := &fixtureServer{files: files, ctype: map[string]string{}, hits: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(fs.serve))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *fixtureServer) set(path, file string) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.files[path] = file
}

func (fs *fixtureServer) serve(w http.ResponseWriter, r *http.Request) {
	fs.mu.Lock()
	file, ok := fs.files[r.URL.Path]
	ctype := fs.ctype[r.URL.Path]
	fs.hits[r.URL.Path]++
	fs.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, err := os.ReadFile(filepath.Join("..", "..", "aggregator", "testdata", file))
	if err != nil {
		http.Error(w, err.Error(), 500)
		return
	}
	sum := sha256.Sum256(b)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	if ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.Write(b)
}

// testApp is a daemon running in-process on loopback ports.
type testApp struct {
	*App
	public, admin string
	cancel        context.CancelFunc
	done          chan error
	stopOnce      sync.Once
}

// writeConfig writes a config whose sources point at the fixture server and returns its path.
func writeConfig(t *testing.T, dir, body string) string {
	t.Helper()
	path := filepath.Join(dir, "config.toml")
	cfg := "[server]\nlisten = \"127.0.0.1:0\"\nadmin_listen = \"127.0.0.1:0\"\n" +
		"[storage]\npath = \"data/tributary.db\"\nretention = \"0\"\n" + body
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func startApp(t *testing.T, cfgPath string) *testApp {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return startAppWith(t, cfgPath, logger)
}

// startAppWith runs the daemon in-process on the config at cfgPath, logging to logger.
func startAppWith(t *testing.T, cfgPath string, logger *slog.Logger) *testApp {
	t.Helper()
	cfg, err := LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	app, err := OpenApp(context.Background(), cfg, logger)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ta := &testApp{App: app, cancel: cancel, done: make(chan error, 1),
		public: "http://" + app.publicLn.Addr().String(), admin: "http://" + app.adminLn.Addr().String()}
	go func() { ta.done <- app.Serve(ctx) }()
	waitUntil(t, func() bool { return app.ready.Load() })
	t.Cleanup(ta.stop)
	return ta
}

func (ta *testApp) stop() {
	ta.stopOnce.Do(func() {
		ta.cancel()
		<-ta.done
		ctx, cancel := context.WithTimeout(context.Background(), shutdownDeadline)
		defer cancel()
		ta.Close(ctx)
	})
}

func waitUntil(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("condition not met within 10s")
}

// refreshAll asks the admin API to refresh every source and checks that none failed.
func (ta *testApp) refreshAll(t *testing.T) refreshResponse {
	t.Helper()
	resp, err := http.Post(ta.admin+"/api/refresh", "application/json", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out refreshResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || out.Failed != 0 {
		t.Fatalf("refresh: %s %+v", resp.Status, out)
	}
	return out
}

func get(t *testing.T, url string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no transparent gzip: see what was sent
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

const e2eSources = `
[[source]]
name = "cls-depth"
title = "财联社 - 深度"
url = "%[1]s/cls/depth/1000"
categories = ["金融", "财联社", "深度"]
author = "财联社"
timezone = "Asia/Shanghai"

[[source]]
name = "cls-telegraph"
title = "财联社 - 电报"
url = "%[1]s/cls/telegraph"
categories = ["金融", "财联社", "电报"]
author = "财联社"
timezone = "Asia/Shanghai"

[[source]]
name = "gbk"
url = "%[1]s/gbk"
timezone = "Asia/Shanghai"

[[source]]
name = "atom"
url = "%[1]s/atom"

[[source]]
name = "json"
url = "%[1]s/json"

[[output]]
name = "all"
title = "财经速递"
limit = 1000

[[output]]
name = "depth"
sources = ["cls-depth"]
limit = 1000
`

var e2eFixtures = map[string]string{
	"/cls/depth/1000": "cls-depth.xml",
	"/cls/telegraph":  "cls-telegraph.xml",
	"/gbk":            "gbk.xml",
	"/atom":           "atom.xml",
	"/json":           "feed.json",
}

// fixtureItems parses a fixture with gofeed as the source would serve it, for expectations that
// come from the fixture rather than from tributary.
func fixtureItems(t *testing.T, file string) []*gofeed.Item {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "aggregator", "testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return f.Items
}

func TestEndToEnd(t *testing.T) {
	files := map[string]string{}
	for k, v := range e2eFixtures {
		files[k] = v
	}
	src := newFixtureServer(t, files)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf(e2eSources, src.URL))
	app := startApp(t, cfgPath)

	res := app.refreshAll(t)
	if len(res.Results) != 5 {
		t.Fatalf("results for %d sources, want 5: %+v", len(res.Results), res)
	}
	for _, r := range res.Results {
		if r.Status != aggregator.StatusUpdated && r.Status != aggregator.StatusNotModified {
			t.Errorf("source %s: %+v", r.Source, r)
		}
	}

	type feedView struct {
		ids, titles, links []string
		dates              []time.Time
	}
	readFrom := func(base, format string) (feedView, *http.Response, []byte) {
		resp, body := get(t, base+"/feeds/all."+format)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %s", format, resp.Status)
		}
		f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s does not parse: %v", format, err)
		}
		var v feedView
		for _, it := range f.Items {
			v.ids = append(v.ids, it.GUID)
			v.titles = append(v.titles, it.Title)
			v.links = append(v.links, it.Link)
			if it.PublishedParsed != nil {
				v.dates = append(v.dates, *it.PublishedParsed)
			}
		}
		return v, resp, body
	}
	read := func(format string) (feedView, *http.Response, []byte) { return readFrom(app.public, format) }

	stored, err := app.store.Articles(context.Background(), aggregator.Query{})
	if err != nil {
		t.Fatal(err)
	}
	var views = map[string]feedView{}
	for _, format := range []string{"rss", "atom", "json"} {
		v, resp, _ := read(format)
		views[format] = v
		if len(v.ids) != len(stored) {
			t.Errorf("%s: %d items, want every stored article once (%d)", format, len(v.ids), len(stored))
		}
		seen := map[string]bool{}
		for _, id := range v.ids {
			if id == "" || seen[id] {
				t.Errorf("%s: empty or repeated id %q", format, id)
			}
			seen[id] = true
		}
		for i := 1; i < len(v.dates); i++ {
			if v.dates[i].After(v.dates[i-1]) {
				t.Errorf("%s: item %d (%v) is newer than item %d (%v): not newest first", format, i, v.dates[i], i-1, v.dates[i-1])
			}
		}
		// A repeated request with the validators is answered 304, without a body.
		r2, body2 := get(t, app.public+"/feeds/all."+format, "If-None-Match", resp.Header.Get("ETag"))
		if r2.StatusCode != http.StatusNotModified || len(body2) != 0 {
			t.Errorf("%s: repeated request: %s with %d bytes, want 304", format, r2.Status, len(body2))
		}
	}
	// Every format carries the same articles, ids included.
	if fmt.Sprint(views["rss"].titles) != fmt.Sprint(views["json"].titles) || fmt.Sprint(views["atom"].titles) != fmt.Sprint(views["json"].titles) {
		t.Errorf("formats disagree on titles:\nrss  %q\natom %q\njson %q", views["rss"].titles, views["atom"].titles, views["json"].titles)
	}

	// The seed article, Chinese intact, once.
	const seedTitle = "2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景"
	if n := count(views["rss"].titles, seedTitle); n != 1 {
		t.Errorf("the seed article appears %d times in the RSS output, want 1", n)
	}
	// The GBK feed (declared gb2312) comes out as exact Chinese text.
	if n := count(views["json"].titles, "北京新增本土新冠肺炎确诊病例5例"); n != 1 {
		t.Errorf("the GBK feed's title appears %d times, want 1", n)
	}
	for _, title := range views["json"].titles {
		if strings.ContainsRune(title, '\uFFFD') {
			t.Errorf("mojibake in output title %q", title)
		}
	}

	// Links are unique: the story carried by depth and telegraph is there once.
	seenLink := map[string]string{}
	for i, l := range views["json"].links {
		if prev, ok := seenLink[l]; ok && l != "" {
			t.Errorf("link %s twice: %q and %q", l, prev, views["json"].titles[i])
		}
		seenLink[l] = views["json"].titles[i]
	}
	var shared int
	for _, a := range stored {
		if len(a.Sources) > 1 {
			shared++
			if !contains(a.Sources, "cls-depth") && !contains(a.Sources, "cls-telegraph") {
				t.Errorf("article %q merged from unexpected sources %v", a.Title, a.Sources)
			}
		}
	}
	if shared == 0 {
		t.Error("no article was merged across sources; the fixtures hold a story carried by two")
	}

	// The per-source output holds only that source's articles.
	_, depthBody := get(t, app.public+"/feeds/depth.json")
	depth, err := gofeed.NewParser().Parse(bytes.NewReader(depthBody))
	if err != nil {
		t.Fatal(err)
	}
	if want := len(fixtureItems(t, "cls-depth.xml")); len(depth.Items) != want {
		t.Errorf("depth output has %d items, the depth fixture %d", len(depth.Items), want)
	}

	// Unknown outputs and formats are 404.
	for _, p := range []string{"/feeds/nope.rss", "/feeds/all.xml", "/feeds/all"} {
		if r, _ := get(t, app.public+p); r.StatusCode != 404 {
			t.Errorf("%s: %s, want 404", p, r.Status)
		}
	}

	// An edited headline updates the article in place: same id, new title, no second item.
	before := views["json"]
	src.set("/cls/depth/1000", "cls-depth-edited.xml")
	res = app.refreshAll(t)
	after, _, _ := read("json")
	if len(after.ids) != len(before.ids) {
		t.Errorf("after a headline edit: %d items, before %d", len(after.ids), len(before.ids))
	}
	var updated int
	for _, r := range res.Results {
		updated += r.Updated
	}
	if updated == 0 {
		t.Errorf("the headline edit was not reported as an update: %+v", res)
	}
	changed := 0
	for i, id := range after.ids {
		if j := indexOf(before.ids, id); j >= 0 && before.titles[j] != after.titles[i] {
			changed++
		}
	}
	if changed == 0 {
		t.Error("no title changed in place after the headline edit")
	}

	// Restart on the same database file: ids stay.
	app.stop()
	app2 := startApp(t, cfgPath)
	again, _, _ := readFrom(app2.public, "json")
	if fmt.Sprint(again.ids) != fmt.Sprint(after.ids) {
		t.Errorf("ids changed across a restart:\nbefore %v\nafter  %v", after.ids, again.ids)
	}
	app2.refreshAll(t)
	again2, _, _ := readFrom(app2.public, "json")
	if fmt.Sprint(again2.ids) != fmt.Sprint(after.ids) {
		t.Errorf("ids changed after a re-fetch")
	}
}

// TestCrossSourceOrderIndependent: a story carried by the depth and telegraph feeds is stored once
// and shows its fullest copy, whichever source is fetched first.
func TestCrossSourceOrderIndependent(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": "cls-depth.xml", "/cls/telegraph": "cls-telegraph.xml"})
	var results [][]string
	for _, order := range [][]string{{"cls-depth", "cls-telegraph"}, {"cls-telegraph", "cls-depth"}} {
		cfgPath := writeConfig(t, t.TempDir(), fmt.Sprintf(`
[[source]]
name = "cls-depth"
url = "%[1]s/cls/depth/1000"
schedule = "@yearly"
[[source]]
name = "cls-telegraph"
url = "%[1]s/cls/telegraph"
schedule = "@yearly"
[[output]]
name = "all"
`, src.URL))
		app := startApp(t, cfgPath)
		for _, name := range order {
			if _, err := app.refresher.Refresh(context.Background(), []string{name}, true); err != nil {
				t.Fatal(err)
			}
		}
		arts, err := app.store.Articles(context.Background(), aggregator.Query{})
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, a := range arts {
			titles = append(titles, a.Title)
		}
		results = append(results, titles)
		app.stop()
	}
	if fmt.Sprint(results[0]) != fmt.Sprint(results[1]) {
		t.Errorf("the fetch order changed what is stored:\ndepth first:     %q\ntelegraph first: %q", results[0], results[1])
	}
	titles := results[0]
	// 1000元: the depth article (a full body) beats the flash; 1188元: depth carries only a
	// title-only stub, so the telegraph flash is the fuller copy.
	if count(titles, "1000元可以代办通行证？麦德龙发生哄抢？假的") != 1 {
		t.Errorf("the 1000元 story does not show the depth headline once: %q", titles)
	}
	var flash int
	for _, title := range titles {
		if strings.HasPrefix(title, "【1188元/瓶！茅台1935零售指导价确定】") {
			flash++
		}
		if strings.Contains(title, "1000元可以代办") && title != "1000元可以代办通行证？麦德龙发生哄抢？假的" {
			t.Errorf("the 1000元 story is there twice: %q", title)
		}
	}
	if flash != 1 || count(titles, "1188元/瓶！茅台1935零售指导价确定") != 0 {
		t.Errorf("the 1188元 story should show the telegraph flash once: %q", titles)
	}
}

func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

func contains(list []string, s string) bool { return count(list, s) > 0 }

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// blogFeed is an RSS feed of a blog whose posts n (days old, oldest last) are listed.
func blogFeed(now time.Time, days ...int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>A quiet blog</title><link>http://blog.example/</link>`)
	for _, d := range days {
		fmt.Fprintf(&b, `<item><title>post of %d days ago</title><link>http://blog.example/%d</link><pubDate>%s</pubDate><description>&lt;p&gt;text %d&lt;/p&gt;</description></item>`,
			d, d, now.AddDate(0, 0, -d).UTC().Format(time.RFC1123Z), d)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// outputTitles returns the titles of an output's JSON Feed.
func outputTitles(t *testing.T, app *testApp, output string) []string {
	t.Helper()
	return queryTitles(t, app, output, "")
}

// TestRetentionKeepsWhatASourceLists: with the shipped retention (90 days), a new source whose
// posts are all four months old shows them after its first refresh, the retention run that refresh
// starts and another one; a post the source stops listing is pruned by the next run, and does not
// come back when the source lists it again.
func TestRetentionKeepsWhatASourceLists(t *testing.T) {
	now := time.Now()
	var doc atomic.Value
	doc.Store(blogFeed(now, 120, 125, 130))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, doc.Load().(string))
	}))
	defer srv.Close()
	dir := t.TempDir()
	// Scheduled once a year: only the test's refreshes run.
	cfgPath := writeConfig(t, dir, fmt.Sprintf("[[source]]\nname = \"blog\"\nurl = %q\nschedule = \"0 0 1 1 *\"\n[[output]]\nname = \"all\"\n", srv.URL))
	writeFile(t, dir, "config.toml", strings.Replace(mustRead(t, cfgPath), `retention = "0"`, `retention = "2160h"`, 1))
	all := []string{"post of 120 days ago", "post of 125 days ago", "post of 130 days ago"}

	// The daemon refreshes a source never fetched when it starts; this refresh joins or follows
	// that one, so when it returns the refresh that stored the posts has started its retention
	// run: wait for it to end.
	app := startApp(t, cfgPath)
	app.refreshAll(t)
	app.background.Wait()
	if app.lastPrune.Load() == 0 {
		t.Fatal("no retention run after the refresh that stored articles")
	}
	if got := outputTitles(t, app, "all"); !slices.Equal(got, all) {
		t.Errorf("after the first refresh and its retention run: %q, want %q", got, all)
	}
	app.prune(context.Background())
	if got := outputTitles(t, app, "all"); !slices.Equal(got, all) {
		t.Errorf("after another retention run: %q, want %q", got, all)
	}

	doc.Store(blogFeed(now, 120, 125))
	app.refreshAll(t)
	app.prune(context.Background())
	if got, want := outputTitles(t, app, "all"), all[:2]; !slices.Equal(got, want) {
		t.Errorf("after the source stopped listing the oldest post: %q, want %q", got, want)
	}

	// A restart forgets which entries were seen: the one listed again is normalized again, and
	// its tombstone must hold it back.
	app.stop()
	doc.Store(blogFeed(now, 120, 125, 130))
	app2 := startApp(t, cfgPath)
	if res := app2.refreshAll(t); res.Results[0].New != 0 {
		t.Errorf("refresh after the restart: %+v, want nothing new", res.Results[0])
	}
	if got, want := outputTitles(t, app2, "all"), all[:2]; !slices.Equal(got, want) {
		t.Errorf("a pruned post came back while its source lists it again: %q, want %q", got, want)
	}
}
