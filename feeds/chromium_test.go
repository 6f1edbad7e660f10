package feeds

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"tributary/aggregator"
	"tributary/aggregator/testenv"
)

// runChromium loads url in headless Chromium and returns the DOM it built and the console
// messages it logged (CSP violations among them).
func runChromium(t *testing.T, bin, url string) (*html.Node, []string) {
	t.Helper()
	// A bound on a hung browser, not a synchronisation: a page loads in a second or two.
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--user-data-dir="+t.TempDir(), "--enable-logging=stderr", "--v=0", "--dump-dom", url)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", url, err, stderr.Bytes())
	}
	var console []string
	for line := range strings.Lines(stderr.String()) {
		if strings.Contains(line, ":CONSOLE") || strings.Contains(line, "Content Security Policy") || strings.Contains(line, "Content-Security-Policy") {
			console = append(console, strings.TrimSpace(line))
		}
	}
	return parsePage(t, stdout.Bytes()), console
}

// TestPagesInChromium loads the index page and a preview in a real browser: neither may cause a
// console message (a stylesheet whose hash the CSP does not name, or anything else the CSP blocks,
// logs one), the browser's DOM must hold the page's structure with hostile text still text, and a
// story's image must be fetched without a Referer.
func TestPagesInChromium(t *testing.T) {
	bin := testenv.Tool(t, "chromium", "apt-get install -y chromium")
	var mu sync.Mutex
	var referers []string
	images := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		referers = append(referers, r.Header.Get("Referer"))
		mu.Unlock()
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write([]byte(`<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="200" height="80" fill="#6a9"/></svg>`))
	}))
	t.Cleanup(images.Close)

	st := openStore(t)
	save(t, st, "cls-depth", fixtureArticles(t))
	save(t, st, "pics", []aggregator.Article{{
		ID: "pic", Title: hostileTitle, Link: "https://example.com/pic", Date: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC),
		Body: `<p>picture <img src="` + images.URL + `/pic.svg" alt="pic" onerror="document.title='pwned'"></p><script>document.title='pwned'</script>`,
	}})
	srv := New(Options{Store: st, Outputs: []aggregator.Output{fixtureOutput()}, Status: pageStatus(true)})
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	t.Run("index", func(t *testing.T) {
		doc, console := runChromium(t, bin, ts.URL+"/")
		for _, line := range console {
			t.Errorf("console: %s", line)
		}
		if got := text(byID(t, doc, "summary")); !strings.HasPrefix(got, "5 sources · 1 failing · 1 gone") {
			t.Errorf("summary %q", got)
		}
		rows := findAll(byID(t, doc, "sources"), func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" })
		if len(rows) != 5 || attr(rows[0], "class") != "failing" || !strings.Contains(text(rows[0]), "<script>alert(1)</script>") {
			t.Errorf("%d rows; the first must be the failing source with its title as text", len(rows))
		}
		if n := len(findAll(doc, tag("script"))); n != 0 {
			t.Errorf("%d script elements in the browser's DOM", n)
		}
	})
	t.Run("preview", func(t *testing.T) {
		doc, console := runChromium(t, bin, ts.URL+"/feeds/all.html")
		for _, line := range console {
			t.Errorf("console: %s", line)
		}
		articles := previewArticles(t, doc)
		if len(articles) != 5 || text(findAll(articles[0], tag("h2"))[0]) != "<script>alert('t')</script> & “x” ]]>" {
			t.Fatalf("%d articles", len(articles))
		}
		if title := text(findAll(doc, tag("title"))[0]); title != "财经速递 · tributary" {
			t.Errorf("title %q: a script ran", title)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(referers) == 0 {
			t.Fatal("the story's image was not loaded")
		}
		for _, ref := range referers {
			if ref != "" {
				t.Errorf("image fetched with Referer %q", ref)
			}
		}
	})
}
