package feeds

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"tributary/aggregator"
)

// pageNow is the time the index page is generated at in these tests.
var pageNow = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

const hostileError = `fetch: 503 Service Unavailable: <img src=x onerror="alert(2)">`

// pageStatus is every kind of source, in an order the page must change: healthy and refreshing
// first, then gone, failing (with a hostile title and error) and never fetched.
func pageStatus(running bool) func(context.Context) []aggregator.SourceStatus {
	return func(context.Context) []aggregator.SourceStatus {
		return []aggregator.SourceStatus{
			{
				Source:   aggregator.Source{Name: "cls-depth", Title: "财联社 - 深度"},
				State:    aggregator.FetchState{LastFetch: pageNow.Add(-3 * time.Minute), LastSuccess: pageNow.Add(-3 * time.Minute), LastStatus: aggregator.StatusUpdated},
				NextRun:  pageNow.Add(12 * time.Minute),
				Articles: 3,
			},
			{
				Source:  aggregator.Source{Name: "cls-hot", Title: "财联社 - 热门"},
				State:   aggregator.FetchState{LastFetch: pageNow.Add(-40 * time.Second), LastSuccess: pageNow.Add(-40 * time.Second), LastStatus: aggregator.StatusNotModified},
				NextRun: pageNow.Add(4 * time.Minute),
				Running: running,
			},
			{
				Source: aggregator.Source{Name: "old-blog", Title: "An old blog"},
				State: aggregator.FetchState{LastFetch: pageNow.Add(-5 * time.Hour), LastSuccess: pageNow.Add(-72 * time.Hour),
					LastStatus: aggregator.StatusError, LastError: "fetch: 410 Gone", ConsecutiveFailures: 1, Gone: true},
				Articles: 30,
			},
			{
				Source: aggregator.Source{Name: "cls-telegraph", Title: "财联社 - 电报 <script>alert(1)</script>"},
				State: aggregator.FetchState{LastFetch: pageNow.Add(-7 * time.Minute), LastSuccess: pageNow.Add(-3 * time.Hour),
					LastStatus: aggregator.StatusError, LastError: hostileError, ConsecutiveFailures: 4},
				NextRun:  pageNow.Add(28 * time.Minute),
				Articles: 1,
			},
			{Source: aggregator.Source{Name: "new-src"}, NextRun: pageNow.Add(30 * time.Second)},
		}
	}
}

// --- walking parsed pages --------------------------------------------------------------------------

func parsePage(tb testing.TB, body []byte) *html.Node {
	tb.Helper()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

// findAll returns the elements under n that match, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && match(c) {
			out = append(out, c)
		}
		out = append(out, findAll(c, match)...)
	}
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// text is the text under n as a browser lays it out, roughly: runs of white space made one space,
// and a space where a line or a block breaks.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		inline := false
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			inline = true
		case html.ElementNode:
			switch n.Data {
			case "a", "b", "code", "em", "i", "span", "strong", "time", "u":
				inline = true
			}
		}
		if !inline {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if !inline {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// byID returns the element with id, failing the test when there is none.
func byID(tb testing.TB, doc *html.Node, id string) *html.Node {
	tb.Helper()
	found := findAll(doc, func(n *html.Node) bool { return attr(n, "id") == id })
	if len(found) != 1 {
		tb.Fatalf("%d elements with id %q, want 1", len(found), id)
	}
	return found[0]
}

// checkPageHeaders checks what confines a page: its CSP, which must allow exactly the page's
// stylesheet by hash and no script, and the headers that come with it.
func checkPageHeaders(t *testing.T, resp *http.Response, doc *html.Node, wantCSP string) {
	t.Helper()
	for name, want := range map[string]string{
		"Content-Type":            "text/html; charset=utf-8",
		"Content-Security-Policy": wantCSP,
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "no-referrer",
		"Cache-Control":           "no-cache",
	} {
		if got := resp.Header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	csp := resp.Header.Get("Content-Security-Policy")
	for _, need := range []string{"default-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, need) {
			t.Errorf("CSP %q lacks %s", csp, need)
		}
	}
	for _, bad := range []string{"unsafe", "script", "*"} {
		if strings.Contains(csp, bad) {
			t.Errorf("CSP %q allows %s", csp, bad)
		}
	}
	styles := findAll(doc, tag("style"))
	if len(styles) != 1 || styles[0].FirstChild == nil {
		t.Fatalf("%d style elements, want the page's one", len(styles))
	}
	sum := sha256.Sum256([]byte(styles[0].FirstChild.Data))
	if hash := "style-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, hash) {
		t.Errorf("CSP %q does not allow the page's stylesheet (%s): the browser would drop it", csp, hash)
	}
	for _, el := range findAll(doc, func(n *html.Node) bool { return true }) {
		switch el.Data {
		case "script", "iframe", "object", "embed", "form", "input", "base":
			t.Errorf("page has a <%s> element", el.Data)
		}
		for _, a := range el.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" || a.Key == "srcset" {
				t.Errorf("<%s> has attribute %s=%q", el.Data, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "http://") && !strings.HasPrefix(a.Val, "https://") {
				t.Errorf("<%s %s=%q>: not an http(s) URL", el.Data, a.Key, a.Val)
			}
		}
	}
}

// --- the index page --------------------------------------------------------------------------------

func newPageServer(t *testing.T, running bool) *Server {
	t.Helper()
	st := openStore(t)
	save(t, st, "cls-depth", fixtureArticles(t))
	return New(Options{
		Store:   st,
		Outputs: []aggregator.Output{fixtureOutput(), {Name: "evil one", Title: hostileTitle, Description: `<img src=x onerror=alert(3)>`}},
		BaseURL: testBase,
		Status:  pageStatus(running),
		Now:     func() time.Time { return pageNow },
	})
}

func get(t *testing.T, h http.Handler, method, path string, fields ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for _, f := range fields {
		name, value, _ := strings.Cut(f, ":")
		req.Header.Add(name, strings.TrimSpace(value))
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestIndexPage(t *testing.T) {
	srv := newPageServer(t, true)
	rec := get(t, srv.Handler(), "GET", "/")
	if rec.Code != 200 {
		t.Fatalf("status %d", rec.Code)
	}
	doc := parsePage(t, rec.Body.Bytes())
	checkPageHeaders(t, rec.Result(), doc, pageCSP(""))
	if strings.Contains(rec.Header().Get("Content-Security-Policy"), "img-src") {
		t.Error("the index page allows images; it shows none")
	}

	t.Run("summary", func(t *testing.T) {
		sum := byID(t, doc, "summary")
		want := "5 sources · 1 failing · 1 gone · 1 not fetched yet · 1 refreshing now · last refresh just now"
		if got := text(sum); got != want {
			t.Errorf("summary %q, want %q", got, want)
		}
		times := findAll(sum, tag("time"))
		if len(times) != 1 || attr(times[0], "datetime") != "2026-12-04T11:59:20Z" || attr(times[0], "title") != "2026-12-04 11:59:20 UTC" {
			t.Errorf("last refresh is not the newest attempt with its absolute time: %+v", times)
		}
	})

	rows := findAll(byID(t, doc, "sources"), func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" })
	cells := func(tr *html.Node) []*html.Node { return findAll(tr, tag("td")) }
	t.Run("order", func(t *testing.T) {
		var got []string
		for _, tr := range rows {
			got = append(got, text(findAll(tr, tag("code"))[0])+":"+attr(tr, "class"))
		}
		want := "cls-telegraph:failing old-blog:gone new-src:new cls-depth:ok cls-hot:ok"
		if strings.Join(got, " ") != want {
			t.Errorf("rows %v, want %s", got, want)
		}
	})
	if len(rows) != 5 {
		t.Fatalf("%d rows", len(rows))
	}
	// Columns: source, health, last attempt, last success, next attempt, last error, articles.
	rowCases := []struct {
		name string
		row  int
		col  int
		want string
		time string // the datetime of the cell's <time>, if it has one
	}{
		{"hostile title is text", 0, 0, "cls-telegraph 财联社 - 电报 <script>alert(1)</script>", ""},
		{"failing", 0, 1, "failing 4 failures in a row", ""},
		{"failing last attempt", 0, 2, "7 min ago error", "2026-12-04T11:53:00Z"},
		{"failing last success", 0, 3, "3 h ago", "2026-12-04T09:00:00Z"},
		{"failing retry", 0, 4, "in 28 min retry, backing off", "2026-12-04T12:28:00Z"},
		{"hostile error is text", 0, 5, hostileError, ""},
		{"gone, not failing", 1, 1, "gone answered 410 Gone", ""},
		{"gone is not retried", 1, 4, "none: refresh it by hand or reload the configuration", ""},
		{"gone last success", 1, 3, "3 days ago", "2026-12-01T12:00:00Z"},
		{"never fetched", 2, 2, "never", ""},
		{"new next", 2, 4, "in under a minute", "2026-12-04T12:00:30Z"},
		{"ok", 3, 1, "ok", ""},
		{"ok next", 3, 4, "in 12 min", "2026-12-04T12:12:00Z"},
		{"refreshing", 4, 1, "ok refreshing", ""},
		{"refreshing last attempt", 4, 2, "just now not_modified", "2026-12-04T11:59:20Z"},
		{"articles", 1, 6, "30", ""},
	}
	for _, c := range rowCases {
		t.Run(c.name, func(t *testing.T) {
			td := cells(rows[c.row])[c.col]
			if got := text(td); got != c.want {
				t.Errorf("cell %q, want %q", got, c.want)
			}
			times := findAll(td, tag("time"))
			switch {
			case c.time == "" && len(times) > 0:
				t.Errorf("unexpected <time> %s", attr(times[0], "datetime"))
			case c.time != "" && (len(times) != 1 || attr(times[0], "datetime") != c.time):
				t.Errorf("want one <time datetime=%q>, got %d", c.time, len(times))
			case c.time != "" && !strings.HasSuffix(attr(times[0], "title"), " UTC"):
				t.Errorf("<time> title %q is not the absolute time", attr(times[0], "title"))
			}
		})
	}

	t.Run("outputs", func(t *testing.T) {
		items := findAll(byID(t, doc, "outputs"), tag("li"))
		if len(items) != 2 {
			t.Fatalf("%d outputs", len(items))
		}
		if got, want := text(items[1]), hostileTitle; !strings.HasPrefix(got, "<script>alert('t')</script> & “x” ]]> evil one — <img src=x onerror=alert(3)>") {
			t.Errorf("hostile output shown as %q (title %q)", got, want)
		}
		for i, want := range [][]string{
			{"Read " + testBase + "/feeds/all.html", "RSS " + testBase + "/feeds/all.rss", "Atom " + testBase + "/feeds/all.atom", "JSON Feed " + testBase + "/feeds/all.json"},
			{"Read " + testBase + "/feeds/evil%20one.html"},
		} {
			var got []string
			for _, a := range findAll(items[i], tag("a")) {
				got = append(got, text(a)+" "+attr(a, "href"))
			}
			for _, w := range want {
				if !strings.Contains(strings.Join(got, "\n"), w) {
					t.Errorf("output %d links %q, lacking %q", i, got, w)
				}
			}
		}
		alternates := findAll(doc, func(n *html.Node) bool { return n.Data == "link" && attr(n, "rel") == "alternate" })
		if len(alternates) != 6 || attr(alternates[0], "type") != "application/rss+xml" {
			t.Errorf("%d alternate links, want 3 formats of 2 outputs and no preview", len(alternates))
		}
	})

	t.Run("reloads while refreshing", func(t *testing.T) {
		refresh := func(doc *html.Node) int {
			return len(findAll(doc, func(n *html.Node) bool { return n.Data == "meta" && attr(n, "http-equiv") == "refresh" }))
		}
		if refresh(doc) != 1 {
			t.Error("no meta refresh while a source refreshes")
		}
		idle := parsePage(t, get(t, newPageServer(t, false).Handler(), "GET", "/").Body.Bytes())
		if refresh(idle) != 0 {
			t.Error("the page reloads itself with nothing running")
		}
		if s := text(byID(t, idle, "summary")); strings.Contains(s, "refreshing") {
			t.Errorf("idle summary %q", s)
		}
	})
}

func TestIndexPageWithoutStatus(t *testing.T) {
	srv := New(Options{Store: openStore(t)})
	rec := get(t, srv.Handler(), "GET", "/")
	body := rec.Body.String()
	if rec.Code != 200 || !strings.Contains(body, "No outputs are configured") || !strings.Contains(body, "No sources") {
		t.Errorf("status %d: %s", rec.Code, body)
	}
	if got := text(byID(t, parsePage(t, rec.Body.Bytes()), "summary")); got != "0 sources · none failing · last refresh never" {
		t.Errorf("summary %q", got)
	}
}

func TestRelTime(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{0, "just now"},
		{-59 * time.Second, "just now"},
		{59 * time.Second, "in under a minute"},
		{-3*time.Minute - 59*time.Second, "3 min ago"},
		{12 * time.Minute, "in 12 min"},
		{-90 * time.Minute, "1 h 30 min ago"},
		{-10*time.Hour - 30*time.Minute, "10 h ago"},
		{47 * time.Hour, "in 47 h"},
		{-49 * time.Hour, "2 days ago"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := relTime(pageNow.Add(c.d), pageNow); got != c.want {
				t.Errorf("relTime(now%+v) = %q, want %q", c.d, got, c.want)
			}
		})
	}
}

// --- previews --------------------------------------------------------------------------------------

// previewArticles returns the articles of a preview, in order: the <article> children of <body>.
func previewArticles(t *testing.T, doc *html.Node) []*html.Node {
	t.Helper()
	body := findAll(doc, tag("body"))[0]
	var out []*html.Node
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "article" {
			out = append(out, c)
		}
	}
	if nested := findAll(doc, tag("article")); len(nested) != len(out) {
		t.Errorf("%d articles, %d of them nested in another: a body's markup leaked out", len(nested), len(nested)-len(out))
	}
	return out
}

func bodyOf(t *testing.T, article *html.Node) *html.Node {
	t.Helper()
	divs := findAll(article, func(n *html.Node) bool { return n.Data == "div" && attr(n, "class") == "body" })
	if len(divs) != 1 {
		t.Fatalf("%d body divs", len(divs))
	}
	return divs[0]
}

func TestPreview(t *testing.T) {
	env := newEnv(t)
	resp, body := env.do(t, "GET", "/feeds/all.html")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	doc := parsePage(t, body)
	checkPageHeaders(t, resp, doc, pageCSP(previewImgSrc))
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "img-src https: http:;") {
		t.Errorf("CSP %q does not let the stories' images load", csp)
	}

	fixtures := fixtureArticles(t)
	articles := previewArticles(t, doc)
	if len(articles) != len(fixtures) {
		t.Fatalf("%d articles, want %d", len(articles), len(fixtures))
	}
	if got := text(byID(t, doc, "count")); got != "4 items." {
		t.Errorf("count %q", got)
	}
	for i, a := range articles {
		want := fixtures[i]
		h2 := findAll(a, tag("h2"))[0]
		links := findAll(h2, tag("a"))
		if text(h2) != want.Title || len(links) != 1 || attr(links[0], "href") != want.Link || attr(links[0], "rel") != "noopener noreferrer nofollow" {
			t.Errorf("article %d: heading %q, want a link to %s titled %q", i, text(h2), want.Link, want.Title)
		}
		b := bodyOf(t, a)
		for _, el := range findAll(b, func(*html.Node) bool { return true }) {
			if hasAttr(el, "class") || hasAttr(el, "id") {
				t.Errorf("article %d: <%s> keeps class or id (%q, %q): the page's stylesheet and anchors would apply", i, el.Data, attr(el, "class"), attr(el, "id"))
			}
			if el.Data == "a" && attr(el, "rel") != "noopener noreferrer nofollow" {
				t.Errorf("article %d: link %s has rel %q", i, attr(el, "href"), attr(el, "rel"))
			}
			if el.Data == "img" && (attr(el, "referrerpolicy") != "no-referrer" || attr(el, "loading") != "lazy") {
				t.Errorf("article %d: image %s would send a referrer or load eagerly", i, attr(el, "src"))
			}
		}
	}
	seed := articles[2]
	if got := text(bodyOf(t, seed)); !strings.HasPrefix(got, "11月12日，2021天翼智能生态博览会") {
		t.Errorf("seed body starts %.40q", got)
	}
	if imgs := findAll(seed, tag("img")); len(imgs) == 0 || attr(imgs[0], "src") != seedImage {
		t.Errorf("seed images: %d", len(imgs))
	}
	// The seed's body shows its head image: not shown twice. The telegraph has none.
	if n := len(findAll(seed, func(n *html.Node) bool { return n.Data == "img" && attr(n, "src") == seedImage })); n != 1 {
		t.Errorf("seed head image shown %d times", n)
	}
	if when := findAll(seed, tag("time")); len(when) != 1 || attr(when[0], "datetime") != "2021-11-18T01:06:01Z" {
		t.Error("seed date missing")
	}

	t.Run("conditional", func(t *testing.T) {
		etag := resp.Header.Get("ETag")
		if etag == "" {
			t.Fatal("no ETag")
		}
		if r, b := env.do(t, "GET", "/feeds/all.html", "If-None-Match: "+etag); r.StatusCode != 304 || len(b) != 0 {
			t.Errorf("If-None-Match: status %d, %d bytes", r.StatusCode, len(b))
		}
		save(t, env.st, "cls-depth", []aggregator.Article{{ID: "newer", Title: "Newer", Body: "new", Link: "https://example.com/n", Date: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)}})
		r, b := env.do(t, "GET", "/feeds/all.html", "If-None-Match: "+etag)
		if r.StatusCode != 200 || r.Header.Get("ETag") == etag || len(previewArticles(t, parsePage(t, b))) != 5 {
			t.Errorf("after a new article: status %d, ETag %s", r.StatusCode, r.Header.Get("ETag"))
		}
	})
	t.Run("flash that is its own title", func(t *testing.T) {
		save(t, env.st, "cls-telegraph", []aggregator.Article{{ID: "flash", Title: "【快讯】全文", Body: "【快讯】全文", Date: time.Date(2022, 1, 2, 0, 0, 0, 0, time.UTC)}})
		_, b := env.do(t, "GET", "/feeds/all.html")
		first := previewArticles(t, parsePage(t, b))[0]
		if got := text(first); strings.Count(got, "【快讯】全文") != 1 {
			t.Errorf("flash shown as %q", got)
		}
	})
	t.Run("HEAD", func(t *testing.T) {
		if r, b := env.do(t, "HEAD", "/feeds/all.html"); r.StatusCode != 200 || len(b) != 0 || r.Header.Get("Content-Length") == "0" {
			t.Errorf("status %d, %d bytes, Content-Length %s", r.StatusCode, len(b), r.Header.Get("Content-Length"))
		}
	})
	t.Run("empty", func(t *testing.T) {
		env.srv.SetOutputs([]aggregator.Output{{Name: "empty", Sources: []string{"nobody"}}})
		r, b := env.do(t, "GET", "/feeds/empty.html")
		doc := parsePage(t, b)
		if r.StatusCode != 200 || len(previewArticles(t, doc)) != 0 || text(byID(t, doc, "count")) != "No items yet." {
			t.Errorf("empty output: status %d\n%s", r.StatusCode, b)
		}
	})
}

// TestPreviewHostileStore stores bodies that never went through the ingest sanitizer, as a store
// written under an older or buggy allowlist could hold, and checks that the preview still shows none
// of their active content, and that their unbalanced markup stays inside their own article.
func TestPreviewHostileStore(t *testing.T) {
	st := openStore(t)
	date := time.Date(2021, 11, 18, 1, 0, 0, 0, time.UTC)
	save(t, st, "evil", []aggregator.Article{
		{
			ID: "evil-1", Title: hostileTitle, Link: "https://example.com/evil", Date: date.Add(time.Hour),
			Body: `<script>alert(1)</script><style>body{display:none}</style><p style="color:red" onclick="x()" class="summary" id="count">styled</p>` +
				`<iframe src="https://evil.example/"></iframe><a href="javascript:alert(1)">js</a><a href="https://ok.example/" target="_blank" rel="opener">ok</a>` +
				`<img src=x onerror=alert(1)><img src="https://img.example/a.png" srcset="https://evil.example/1x 1x"><form action="https://evil.example/"><input name=q></form>` +
				`<svg><script>alert(1)</script></svg><base href="https://evil.example/"><table><tr><td><h1>unclosed</div></article>`,
		},
		{ID: "evil-2", Title: "after", Link: "https://example.com/after", Date: date, Body: "<p>second</p>"},
	})
	srv := New(Options{Store: st, Outputs: []aggregator.Output{{Name: "all"}}, BaseURL: testBase})
	rec := get(t, srv.Handler(), "GET", "/feeds/all.html")
	doc := parsePage(t, rec.Body.Bytes())
	checkPageHeaders(t, rec.Result(), doc, pageCSP(previewImgSrc))
	articles := previewArticles(t, doc)
	if len(articles) != 2 || text(findAll(articles[1], tag("h2"))[0]) != "after" {
		t.Fatalf("%d articles; the second must follow the first, not sit inside it", len(articles))
	}
	if got := text(findAll(articles[0], tag("h2"))[0]); got != "<script>alert('t')</script> & “x” ]]>" {
		t.Errorf("hostile title shown as %q", got)
	}
	b := bodyOf(t, articles[0])
	if got := text(b); got != "styled jsok unclosed" {
		t.Errorf("hostile body text %q", got)
	}
	var links []string
	for _, a := range findAll(b, tag("a")) {
		links = append(links, attr(a, "href")+" "+attr(a, "rel")+" "+attr(a, "target"))
	}
	if len(links) != 1 || links[0] != "https://ok.example/ noopener noreferrer nofollow " {
		t.Errorf("links %q", links)
	}
}

func TestPreviewShowsTheNewest(t *testing.T) {
	st := openStore(t)
	const n = previewItems + 50
	arts := make([]aggregator.Article, n)
	for i := range arts {
		arts[i] = aggregator.Article{ID: fmt.Sprintf("a%03d", i), Title: fmt.Sprintf("story %03d", i), Body: "x",
			Link: fmt.Sprintf("https://example.com/%d", i), Date: time.Date(2021, 1, 1, 0, i, 0, 0, time.UTC)}
	}
	save(t, st, "many", arts)
	srv := New(Options{Store: st, Outputs: []aggregator.Output{{Name: "all", Limit: 1000}}, BaseURL: testBase})
	doc := parsePage(t, get(t, srv.Handler(), "GET", "/feeds/all.html").Body.Bytes())
	articles := previewArticles(t, doc)
	if len(articles) != previewItems || text(findAll(articles[0], tag("h2"))[0]) != fmt.Sprintf("story %03d", n-1) {
		t.Errorf("%d articles, the first %q", len(articles), text(findAll(articles[0], tag("h2"))[0]))
	}
	if got, want := text(byID(t, doc, "count")), fmt.Sprintf("The newest %d of %d items.", previewItems, n); got != want {
		t.Errorf("count %q, want %q", got, want)
	}
}

// TestPreviewLeavesFeedsAlone checks that feed readers get the golden bytes, and the same ETags,
// whether or not anyone looked at a preview.
func TestPreviewLeavesFeedsAlone(t *testing.T) {
	env := newEnv(t)
	fetch := func() map[Format]string {
		got := map[Format]string{}
		for _, f := range Formats() {
			resp, body := env.do(t, "GET", "/feeds/all."+f.Ext())
			want, err := os.ReadFile(filepath.Join("testdata", "all."+f.Ext()))
			if err != nil {
				t.Fatal(err)
			}
			if resp.StatusCode != 200 || !bytes.Equal(body, want) {
				t.Errorf("%s: status %d, bytes differ from the golden file", f, resp.StatusCode)
			}
			got[f] = resp.Header.Get("ETag")
		}
		return got
	}
	before := fetch()
	builds := env.srv.builds.Load()
	if r, _ := env.do(t, "GET", "/feeds/all.html"); r.StatusCode != 200 {
		t.Fatalf("preview: status %d", r.StatusCode)
	}
	after := fetch()
	for f, etag := range before {
		if after[f] != etag {
			t.Errorf("%s: ETag %s became %s", f, etag, after[f])
		}
	}
	if env.srv.builds.Load() != builds {
		t.Error("a preview made the feeds render again")
	}
}
