package feeds

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator"
	"tributary/aggregator/testenv"
	"tributary/aggregator/websub"
)

const testHub = "https://hub.example.com/"

// TestRenderHub: with a hub, each format names it and the feed's own URL where WebSub
// subscribers look (Atom link, RSS atom:link, JSON Feed hubs), and stays a feed that gofeed reads
// whole; without one, nothing is added.
func TestRenderHub(t *testing.T) {
	arts := fixtureArticles(t)
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			self := testSelf("all", f)
			var buf bytes.Buffer
			if err := RenderHub(&buf, f, fixtureOutput(), self, testSite, testHub, arts); err != nil {
				t.Fatal(err)
			}
			checkWellFormed(t, f, buf.Bytes())
			d := websub.Discover(nil, buf.Bytes(), self)
			if !slices.Equal(d.Hubs, []string{testHub}) || d.Self != self {
				t.Errorf("the feed names hubs %q and self %q, want %s and %s", d.Hubs, d.Self, testHub, self)
			}
			parsed, err := gofeed.NewParser().Parse(bytes.NewReader(buf.Bytes()))
			if err != nil || len(parsed.Items) != len(arts) {
				t.Fatalf("gofeed: %v, %d items of %d", err, len(parsed.Items), len(arts))
			}
			if d := websub.Discover(nil, render(t, f, fixtureOutput(), arts), self); len(d.Hubs) != 0 {
				t.Errorf("a feed rendered without a hub names %q", d.Hubs)
			}
		})
	}
}

// TestRenderHubValidates: the Atom feed with its hub link still validates against RFC 4287's
// schema, and Python's feedparser reads both XML formats without complaint.
func TestRenderHubValidates(t *testing.T) {
	arts := fixtureArticles(t)
	var atom bytes.Buffer
	if err := RenderHub(&atom, Atom, fixtureOutput(), testSelf("all", Atom), testSite, testHub, arts); err != nil {
		t.Fatal(err)
	}
	t.Run("jing", func(t *testing.T) {
		jing := testenv.Tool(t, "jing", "apt-get install -y jing")
		file := filepath.Join(t.TempDir(), "feed.atom")
		if err := os.WriteFile(file, atom.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(jing, "-c", filepath.Join("testdata", "atom.rnc"), file).CombinedOutput(); err != nil {
			t.Errorf("jing: %v\n%s", err, out)
		}
	})
	t.Run("feedparser", func(t *testing.T) {
		python := testenv.Tool(t, "/usr/bin/python3", "apt-get install -y python3-feedparser")
		if err := exec.Command(python, "-c", "import feedparser").Run(); err != nil {
			testenv.Missing(t, "needs feedparser for /usr/bin/python3 (apt-get install -y python3-feedparser)")
		}
		var rss bytes.Buffer
		if err := RenderHub(&rss, RSS, fixtureOutput(), testSelf("all", RSS), testSite, testHub, arts); err != nil {
			t.Fatal(err)
		}
		for _, b := range [][]byte{atom.Bytes(), rss.Bytes()} {
			if titles := feedparserTitles(t, python, b); len(titles) != len(arts) {
				t.Errorf("feedparser read %d entries, want %d", len(titles), len(arts))
			}
		}
	})
}

// TestServeHubLinks: with Options.Hub, every feed response carries the hub and the feed's own URL
// in Link headers (WebSub §4), and Versions names every feed URL with a digest that changes with
// the bytes.
func TestServeHubLinks(t *testing.T) {
	st := openStore(t)
	arts := fixtureArticles(t)
	save(t, st, "cls-depth", arts[:2])
	srv := New(Options{Store: st, Outputs: []aggregator.Output{fixtureOutput()}, BaseURL: testBase, Hub: testHub})
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	env := &testEnv{st: st, srv: srv, ts: ts}
	for _, f := range Formats() {
		resp, _ := env.do(t, "GET", "/feeds/all."+f.Ext())
		want := []string{"<" + testHub + `>; rel="hub"`, "<" + testSelf("all", f) + `>; rel="self"`}
		if got := resp.Header.Values("Link"); resp.StatusCode != 200 || !slices.Equal(got, want) {
			t.Errorf("%s: %s, Link %q, want %q", f, resp.Status, got, want)
		}
		// A query URL is not a topic the hub hears about: no hub, in the headers or the document.
		resp, body := env.do(t, "GET", "/feeds/all."+f.Ext()+"?limit=1")
		if got := resp.Header.Values("Link"); resp.StatusCode != 200 || got != nil || strings.Contains(string(body), testHub) {
			t.Errorf("%s?limit=1: %s, Link %q, hub in the document %v: want no hub", f, resp.Status, got, strings.Contains(string(body), testHub))
		}
	}
	before, err := srv.Versions(context.Background())
	if err != nil || len(before) != 3 || before[testSelf("all", RSS)] == "" {
		t.Fatalf("Versions: %v %v, want the three feed URLs", before, err)
	}
	save(t, st, "cls-telegraph", arts[2:3])
	after, err := srv.Versions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for u, v := range after {
		if before[u] == v {
			t.Errorf("%s: the same version after a new article", u)
		}
	}
}
