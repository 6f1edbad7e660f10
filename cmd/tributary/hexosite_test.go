package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tributary/aggregator/testenv"
)

// hexoSiteTools holds the Hexo 8, hexo-renderer-marked, Volantis theme and hexo-abbrlink the
// acceptance test builds sites with (package.json pins them, .ci/run installs them).
const hexoSiteTools = "../../feeds/hexo/testdata/hexo-site-tools"

// findHexoSiteTools returns node and the tools directory, or skips saying how to install them.
func findHexoSiteTools(t *testing.T) (node, tools string) {
	t.Helper()
	node = testenv.Tool(t, "node", "apt-get install -y nodejs")
	tools, err := filepath.Abs(hexoSiteTools)
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range []string{"hexo", "hexo-theme-volantis", "hexo-abbrlink"} {
		if _, err := os.Stat(filepath.Join(tools, "node_modules", pkg, "package.json")); err != nil {
			testenv.Missing(t, "needs Hexo, Volantis and hexo-abbrlink: npm ci --ignore-scripts --prefix feeds/hexo/testdata/hexo-site-tools")
		}
	}
	return node, tools
}

// rssItem is one item of the RSSHub-style feeds the acceptance test serves.
type rssItem struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	GUID        string `xml:"guid"`
	PubDate     string `xml:"pubDate"`
	Description string `xml:"description"`
}

// rssFeed renders items as an RSSHub channel.
func rssFeed(t *testing.T, title string, items []rssItem) []byte {
	t.Helper()
	doc := struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel struct {
			Title     string    `xml:"title"`
			Link      string    `xml:"link"`
			Generator string    `xml:"generator"`
			Items     []rssItem `xml:"item"`
		} `xml:"channel"`
	}{Version: "2.0"}
	doc.Channel.Title, doc.Channel.Link, doc.Channel.Generator, doc.Channel.Items = title, "https://www.cls.cn/", "RSSHub", items
	b, err := xml.MarshalIndent(doc, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte(xml.Header), b...)
}

// realPostItems turns the real posts of one section (深度 or 电报) under dir into the feed items they
// were made of: the front matter's title and date, the body inside the seed's wrapper.
func realPostItems(t *testing.T, dir, section string) []rssItem {
	t.Helper()
	var items []rssItem
	err := filepath.WalkDir(filepath.Join(dir, section), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fm, body, ok := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(string(b), "\n"), "---\n"), "\n---\n")
		if !ok {
			return fmt.Errorf("%s: no front matter", p)
		}
		var title, date string
		for _, line := range strings.Split(fm, "\n") {
			if v, ok := strings.CutPrefix(line, "title: "); ok {
				if q := v[:1]; (q == "'" || q == `"`) && strings.HasSuffix(v, q) {
					v = strings.ReplaceAll(v[1:len(v)-1], q+q, q)
				}
				title = v
			}
			if v, ok := strings.CutPrefix(line, "date: "); ok {
				date = v
			}
		}
		body = strings.TrimPrefix(body, "\n<div>   \n")
		body, _, _ = strings.Cut(body, "  \n</div>")
		n := len(items)
		link := fmt.Sprintf("https://www.cls.cn/detail/%s%d", map[string]string{"深度": "9", "电报": "8"}[section], 100000+n)
		items = append(items, rssItem{Title: title, Link: link, GUID: link, PubDate: date, Description: body})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) == 0 {
		t.Fatalf("no real posts under %s", filepath.Join(dir, section))
	}
	return items
}

// hostileItems are titles and bodies written to break a Hexo site: a '%' that hexo-util cannot
// decode, YAML and Nunjucks syntax in titles, javascript: links in Markdown and HTML, blank lines
// that end a Markdown block. Every payload names tributary_xss, which no page may run.
var hostileItems = []rssItem{
	{Title: "暴涨75%！测试 100% 与 %zz", Description: "<p>百分比 75% 与 %E4%B8%AD</p>"},
	{Title: "key: value #comment", Description: "<p>a</p>\n\n\n\n<p>[x](javascript:tributary_xss(1))</p>\n\n    indented code?\n\n# heading?"},
	{Title: `'single' "double" - [x] {{ site }} {% raw %}`, Description: `<p>{{ site.title }} {% raw %}x{% endraw %} {% tributary %}</p>`},
	{Title: "---", Description: "<p>---</p>\n\n---\n\n<p>title: injected</p>"},
	{Title: "@at *star &anchor !tag |pipe >gt ? q", Description: `<a href="javascript:tributary_xss(2)">link</a><img src="javascript:tributary_xss(3)"><script>tributary_xss(4)</script>`},
	{Title: "[link](javascript:tributary_xss(5))", Description: "\n\n[x]: javascript:tributary_xss(6)\n\n<p>[x][x] <javascript:tributary_xss(7)></p>\n\n"},
}

// newHexoSite makes a Hexo site in site whose _config.yml sets the Volantis theme, the given
// permalink and Asia/Shanghai (the exports' site_timezone), with the tools' node_modules.
func newHexoSite(t *testing.T, tools, site, permalink string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(site, "source", "_posts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(tools, "node_modules"), filepath.Join(site, "node_modules")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, site, "_config.yml", "title: tributary\nurl: http://example.com\ntimezone: Asia/Shanghai\ntheme: volantis\npermalink: "+permalink+"\n")
	// Volantis's debug: env runs `hexo -v` from PATH to check the environment; a site built by
	// node without hexo-cli on PATH turns it off.
	writeFile(t, site, "_config.volantis.yml", "debug: false\n")
	deps := map[string]string{}
	for _, p := range []string{"hexo", "hexo-renderer-marked", "hexo-renderer-ejs", "hexo-renderer-stylus", "hexo-generator-json-content", "hexo-theme-volantis"} {
		deps[p] = "*"
	}
	if strings.Contains(permalink, ":abbrlink") {
		deps["hexo-abbrlink"] = "*"
	}
	pkg, _ := json.Marshal(map[string]any{"name": "site", "private": true, "hexo": map[string]string{"version": "8.1.2"}, "dependencies": deps})
	writeFile(t, site, "package.json", string(pkg))
}

// hexoGenerate runs `hexo generate` in site and returns its output, failing on an exit status or
// an ERROR line.
func hexoGenerate(t *testing.T, node, site string) string {
	t.Helper()
	start := time.Now()
	cmd := exec.Command(node, filepath.Join(site, "node_modules", "hexo", "bin", "hexo"), "generate")
	cmd.Dir = site
	cmd.Env = append(os.Environ(), "TZ=UTC", "NO_COLOR=1", "FORCE_COLOR=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("hexo generate in %s: %v\n%s", site, err, tail(out))
	}
	if strings.Contains(string(out), "ERROR") || strings.Contains(string(out), "WARN") {
		t.Errorf("hexo generate in %s says:\n%s", site, tail(out))
	}
	t.Logf("hexo generate %s: %s", filepath.Base(site), time.Since(start).Round(time.Millisecond))
	return string(out)
}

func tail(b []byte) string {
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(b)
}

// exportedPost is a post the export wrote and the page Hexo must make of it.
type exportedPost struct {
	rel, title, date, abbrlink string
}

// readExported reads every post under posts.
func readExported(t *testing.T, posts string) []exportedPost {
	t.Helper()
	var out []exportedPost
	filepath.WalkDir(posts, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, _ := filepath.Rel(posts, p)
		ep := exportedPost{rel: filepath.ToSlash(rel)}
		fm, _, _ := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(mustRead(t, p), "\n"), "---\n"), "\n---\n")
		for _, line := range strings.Split(fm, "\n") {
			k, v, _ := strings.Cut(line, ": ")
			switch k {
			case "title":
				ep.title = v
			case "date":
				ep.date = v
			case "abbrlink":
				ep.abbrlink = strings.Trim(v, `'"`)
			}
		}
		out = append(out, ep)
		return nil
	})
	return out
}

// pagePath is where Hexo writes the page of p under permalink, relative to public/.
func pagePath(t *testing.T, p exportedPost, permalink string, shanghai *time.Location) string {
	t.Helper()
	if strings.Contains(permalink, ":abbrlink") {
		if p.abbrlink == "" {
			t.Errorf("%s: no abbrlink", p.rel)
		}
		return "p/" + p.abbrlink + ".html"
	}
	// The post's date is wall time in the site's timezone (site_timezone); Hexo takes :year, :month
	// and :day of that instant in the time zone it runs in (TZ=UTC, see hexoGenerate), so a post
	// dated just after midnight in Beijing has the previous day in its URL.
	d, err := time.ParseInLocation(time.DateTime, p.date, shanghai)
	if err != nil {
		t.Fatalf("%s: date %q: %v", p.rel, p.date, err)
	}
	return d.UTC().Format("2006/01/02/") + strings.TrimSuffix(p.rel, ".md") + "/index.html"
}

// xssPayload matches a hostile payload that a browser would run: in a link, an image, a script.
var xssPayload = regexp.MustCompile(`(?i)(href|src)\s*=\s*["']?\s*javascript:[^"'>]*tributary_xss|<script(\s[^>]*)?>[^<]*tributary_xss`)

// checkPublished checks that every post under site's source/_posts has its page under public/ at
// the permalink's URL, with no hostile payload live, and returns the number of pages.
func checkPublished(t *testing.T, site, permalink string) int {
	t.Helper()
	posts := readExported(t, filepath.Join(site, "source", "_posts"))
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	pages := 0
	for _, p := range posts {
		page := pagePath(t, p, permalink, shanghai)
		if other, ok := seen[page]; ok {
			t.Errorf("%s and %s both publish at %s", other, p.rel, page)
			continue
		}
		seen[page] = p.rel
		b, err := os.ReadFile(filepath.Join(site, "public", filepath.FromSlash(page)))
		if err != nil {
			t.Errorf("%s (title %s) did not publish: %v", p.rel, p.title, err)
			continue
		}
		pages++
		if !bytes.Contains(b, []byte("tributary_xss")) {
			continue // not a hostile post: the regexp over every page is slow under -race
		}
		for _, m := range xssPayload.FindAll(b, -1) {
			// JSON-LD is data the browser does not run: the title is in it as text.
			if !strings.Contains(string(m), `type="application/ld+json"`) {
				t.Errorf("%s: page %s has a live payload %.300q", p.rel, page, m)
			}
		}
	}
	if pages != len(posts) {
		var html []string
		filepath.WalkDir(filepath.Join(site, "public"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, "index.html") {
				html = append(html, p)
			}
			return nil
		})
		t.Errorf("%s: %d pages for %d exported posts; public/ holds %q", permalink, pages, len(posts), html)
	}
	t.Logf("permalink %s: %d posts exported, %d pages published", permalink, len(posts), pages)
	return pages
}

// fileStates records every file under dir: its bytes and modification time.
func fileStates(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		b, _ := os.ReadFile(p)
		out[p] = info.ModTime().String() + "\x00" + string(b)
		return nil
	})
	return out
}

// TestHexoSiteAcceptance is issue 13's acceptance: a Hexo 8 site with Volantis publishes every
// exported post of the real posts (all 244 of ../shared/realposts when it is there, the 11 shipped
// otherwise) plus hostile titles and bodies, through the daemon's [[export]] and through `tributary
// export`, under the stock permalink and under p/:abbrlink.html with hexo-abbrlink; and a refresh
// with no change writes nothing and runs no build.
func TestHexoSiteAcceptance(t *testing.T) {
	node, tools := findHexoSiteTools(t)
	realposts := "../../aggregator/testdata/realposts"
	if dir, ok := testenv.HasShared("realposts"); ok {
		realposts = dir
	}
	depth := realPostItems(t, realposts, "深度")
	telegraph := realPostItems(t, realposts, "电报")
	for i, h := range hostileItems {
		h.Link = fmt.Sprintf("https://www.cls.cn/detail/7%05d", i)
		h.GUID, h.PubDate = h.Link, time.Date(2022, 3, 1, 16, 30+i, 0, 0, time.UTC).Format(time.RFC1123)
		telegraph = append(telegraph, h)
	}
	feeds := map[string][]byte{
		"/cls/depth/1000": rssFeed(t, "财联社 - 深度", depth),
		"/cls/telegraph":  rssFeed(t, "财联社 - 电报", telegraph),
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := feeds[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	items := len(depth) + len(telegraph)

	const stock, abbr = ":year/:month/:day/:title/", "p/:abbrlink.html"
	dir := t.TempDir()
	stockSite, abbrSite := filepath.Join(dir, "stock"), filepath.Join(dir, "abbr")
	newHexoSite(t, tools, stockSite, stock)
	newHexoSite(t, tools, abbrSite, abbr)
	block := func(site string, abbrlink bool) string {
		return fmt.Sprintf("\n[[export]]\nformat = \"hexo\"\ndir = %q\noutput = \"cls\"\nsite_timezone = \"Asia/Shanghai\"\nabbrlink = %v\nafter = [\"sh\", \"-c\", \"find source/_posts -name '*.md' | wc -l >> built.txt\"]\n",
			filepath.Join(site, "source", "_posts"), abbrlink)
	}
	// The depth source of the other export tests, and the telegraph source made the same way.
	depthSrc := fmt.Sprintf(depthSource, srv.URL)
	telegraphSrc := strings.NewReplacer("cls-depth", "cls-telegraph", "深度", "电报", "/cls/depth/1000", "/cls/telegraph").Replace(depthSrc)
	sources := depthSrc + telegraphSrc + "\n[[output]]\nname = \"cls\"\nsources = [\"cls-depth\", \"cls-telegraph\"]\n"
	cfgPath := writeConfig(t, dir, sources+block(stockSite, false)+block(abbrSite, true))

	app := startApp(t, cfgPath)
	app.refreshAll(t)
	// The after-command writes a line with the number of posts it found: once a line says all of
	// them, the builds of this refresh have run (one, or two when the sources finished more than
	// the debounce apart).
	built := func(site string) []string {
		b, _ := os.ReadFile(filepath.Join(site, "built.txt"))
		return strings.Fields(string(b))
	}
	all := func(site string) bool { b := built(site); return len(b) > 0 && b[len(b)-1] == strconv.Itoa(items) }
	waitUntil(t, func() bool { return all(stockSite) && all(abbrSite) })
	builds := map[string]int{stockSite: len(built(stockSite)), abbrSite: len(built(abbrSite))}
	for _, site := range []string{stockSite, abbrSite} {
		if n := countPosts(t, filepath.Join(site, "source", "_posts")); n != items {
			t.Errorf("%s: %d posts exported of %d feed items", site, n, items)
		}
	}

	for _, tt := range []struct{ site, permalink string }{{stockSite, stock}, {abbrSite, abbr}} {
		t.Run(filepath.Base(tt.site), func(t *testing.T) {
			hexoGenerate(t, node, tt.site)
			checkPublished(t, tt.site, tt.permalink)
		})
	}

	// A refresh with no change in the feeds writes nothing and builds nothing.
	before := map[string]map[string]string{stockSite: fileStates(t, stockSite+"/source"), abbrSite: fileStates(t, abbrSite+"/source")}
	res := app.refreshAll(t)
	for _, r := range res.Results {
		if r.New+r.Updated > 0 {
			t.Errorf("refresh of unchanged feeds: %+v", r.RefreshResult)
		}
	}
	code, body := adminDo(t, "POST", app.admin+"/api/export", "", map[string]string{"Content-Type": "application/json"})
	var resp struct{ Exports []exportResponse }
	if code != 200 || jsonUnmarshal(body, &resp) != nil || len(resp.Exports) != 2 {
		t.Fatalf("export: %d %s", code, body)
	}
	for _, e := range resp.Exports {
		if e.Report.Changed() || len(e.Report.Skipped) > 0 || e.Report.Unchanged != items {
			t.Errorf("%s: export with no change: %+v, want %d unchanged", e.Dir, e.Report, items)
		}
	}
	for site, states := range before {
		after := fileStates(t, site+"/source")
		if len(after) != len(states) {
			t.Errorf("%s: %d files after a refresh with no change, %d before", site, len(after), len(states))
		}
		for p, s := range states {
			if after[p] != s {
				t.Errorf("%s was touched by a refresh with no change", p)
			}
		}
		if n := len(built(site)); n != builds[site] {
			t.Errorf("%s: the after-command ran %d times after a refresh with no change", site, n-builds[site])
		}
	}
	app.stop()

	// `tributary export` with no daemon running, into a fresh site.
	cliSite := filepath.Join(dir, "cli")
	newHexoSite(t, tools, cliSite, stock)
	code, out, errOut := runCLI("export", "--config", cfgPath, "--dir", filepath.Join(cliSite, "source", "_posts"), "--output", "cls", "--site-timezone", "Asia/Shanghai")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d written", items)) {
		t.Fatalf("tributary export: exit %d, %q, %q", code, out, errOut)
	}
	hexoGenerate(t, node, cliSite)
	checkPublished(t, cliSite, stock)
}
