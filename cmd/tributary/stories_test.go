package main

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/storetest"
	"tributary/aggregator/story"
)

// storyFeeds serves two sources that report one story: 财联社's flash and, later, 证券时报's full
// article (another link, a reworded headline, the flash's text inside a longer body), plus an
// unrelated item.
type storyFeeds struct {
	*httptest.Server
	mu    sync.Mutex
	feeds map[string]string
}

func newStoryFeeds(t *testing.T) *storyFeeds {
	now := time.Now().UTC()
	item := func(title, link, body string, date time.Time) string {
		return fmt.Sprintf("<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>",
			title, link, date.Format(time.RFC1123Z), body)
	}
	rss := func(items ...string) string {
		return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>` +
			strings.Join(items, "") + "</channel></rss>"
	}
	const flash = "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%；净利润378.3亿元，同比增长12.5%。公司第三季度研发投入同比增加，储能电池出货量创下新高。</p>"
	sf := &storyFeeds{feeds: map[string]string{
		"/cls": rss(item("【宁德时代：前三季度净利润同比增长12.5%】", "https://www.cls.cn/detail/1", flash, now.Add(-2*time.Hour))),
		"/stcn": rss(
			item("宁德时代三季报：净利润增12.5% 储能出货创新高", "https://www.stcn.com/article/1.html", flash+
				"<p>公司表示，海外市场收入占比继续提升，欧洲工厂产能爬坡顺利，匈牙利基地预计明年投产。分析人士认为，电池价格下行周期接近尾声，龙头企业的成本优势正在扩大。</p>", now.Add(-time.Hour)),
			item("国家统计局：10月份CPI同比上涨0.3%", "https://www.stcn.com/article/2.html",
				"<p>国家统计局11月9日发布数据，10月份全国居民消费价格同比上涨0.3%，环比下降0.1%。其中食品价格同比下降2.9%，非食品价格上涨1.0%。</p>", now.Add(-3*time.Hour))),
	}}
	sf.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sf.mu.Lock()
		body, ok := sf.feeds[r.URL.Path]
		sf.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(sf.Close)
	return sf
}

// jsonFeedItems reads an output's JSON Feed: each item's id and its _tributary also URLs.
func jsonFeedItems(t *testing.T, feedURL string) map[string][]string {
	t.Helper()
	_, body := get(t, feedURL)
	var jf struct {
		Items []struct {
			ID        string `json:"id"`
			Tributary *struct {
				Also []struct{ URL string }
			} `json:"_tributary"`
		}
	}
	if err := json.Unmarshal(body, &jf); err != nil {
		t.Fatalf("%s: %v", feedURL, err)
	}
	out := map[string][]string{}
	for _, it := range jf.Items {
		out[it.ID] = []string{}
		if it.Tributary != nil {
			for _, c := range it.Tributary.Also {
				out[it.ID] = append(out[it.ID], c.URL)
			}
		}
	}
	return out
}

// atomRelated reads an output's Atom feed: each entry's related links, by entry id.
func atomRelated(t *testing.T, feedURL string) map[string][]string {
	t.Helper()
	_, body := get(t, feedURL)
	var doc struct {
		Entries []struct {
			ID    string `xml:"id"`
			Links []struct {
				Href string `xml:"href,attr"`
				Rel  string `xml:"rel,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, e := range doc.Entries {
		id := strings.TrimPrefix(e.ID, "urn:tributary:article:")
		out[id] = []string{}
		for _, l := range e.Links {
			if l.Rel == "related" {
				out[id] = append(out[id], l.Href)
			}
		}
	}
	return out
}

// TestStoriesEndToEnd runs the daemon on two sources that report one story: the merged output shows
// it once (its Atom related links and JSON also URLs naming the same copy), the link output shows
// both copies, the admin API lists the merge and refuses a split that a web page forges, a split
// through the API takes effect in the outputs, and with the daemon stopped `tributary stories`

// storySources is the [[source]] tables of the named sources of a storyFeeds server at url (a
// source's feed is url/name), refreshed only when a test asks, with their story_rank in ranks
// (absent: the default).
func storySources(url string, ranks map[string]int, names ...string) string {
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "[[source]]\nname = %q\nurl = \"%s/%s\"\nschedule = \"@yearly\"\n", n, url, n)
		if r, ok := ranks[n]; ok {
			fmt.Fprintf(&b, "story_rank = %d\n", r)
		}
	}
	return b.String()
}

// refreshSource refreshes one source through the admin API and waits for it.
func refreshSource(t *testing.T, app *testApp, source string) {
	t.Helper()
	if code, body := adminDo(t, "POST", app.admin+"/api/refresh?source="+source, "", map[string]string{"Content-Type": "application/json"}); code != 200 {
		t.Fatalf("refresh %s: %d %s", source, code, body)
	}
}

// storyItem is an item of a JSON Feed output: its link, title and the links of its other copies.
type storyItem struct {
	url, title string
	also       []string
}

// storyItems reads the JSON Feed of output all, and returns its items and the feed's bytes.
func storyItems(t *testing.T, app *testApp) ([]storyItem, []byte) {
	t.Helper()
	_, body := get(t, app.public+"/feeds/all.json")
	var jf struct {
		Items []struct {
			URL, Title string
			Tributary  *struct{ Also []struct{ URL string } } `json:"_tributary"`
		}
	}
	if err := json.Unmarshal(body, &jf); err != nil {
		t.Fatal(err)
	}
	items := make([]storyItem, len(jf.Items))
	for i, it := range jf.Items {
		items[i] = storyItem{url: it.URL, title: it.Title}
		if it.Tributary != nil {
			for _, a := range it.Tributary.Also {
				items[i].also = append(items[i].also, a.URL)
			}
		}
	}
	return items, body
}

// waitFetched waits until the daemon has fetched every named source once (the refresh at start).
func waitFetched(t *testing.T, app *testApp, names ...string) {
	t.Helper()
	waitUntil(t, func() bool {
		for _, name := range names {
			if app.refresher.State(name).LastFetch.IsZero() || app.refresher.Running(name) {
				return false
			}
		}
		return true
	})
}

// reads the database and the Hexo export writes one post per story.
func TestStoriesEndToEnd(t *testing.T) {
	src := newStoryFeeds(t)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, storySources(src.URL, nil, "cls", "stcn")+`[[output]]
name = "all"
[[output]]
name = "links"
merge = "link"
`)
	app := startApp(t, cfgPath)
	waitUntil(t, func() bool {
		return !app.refresher.State("cls").LastFetch.IsZero() && !app.refresher.State("stcn").LastFetch.IsZero() &&
			!app.refresher.Running("cls") && !app.refresher.Running("stcn")
	})

	merged := jsonFeedItems(t, app.public+"/feeds/all.json")
	if len(merged) != 2 {
		t.Fatalf("merged output has %d items (%v), want the story once and the other item", len(merged), merged)
	}
	var storyID string
	for id, also := range merged {
		if len(also) == 1 {
			storyID = id
		}
	}
	if storyID == "" {
		t.Fatalf("no item names another copy: %v", merged)
	}
	if related := atomRelated(t, app.public+"/feeds/all.atom"); !slices.Equal(related[storyID], merged[storyID]) {
		t.Errorf("atom related %v, json also %v: not the same copies", related[storyID], merged[storyID])
	}
	if links := jsonFeedItems(t, app.public+"/feeds/links.json"); len(links) != 3 {
		t.Errorf("link output has %d items, want all 3 articles", len(links))
	}
	_, rss := get(t, app.public+"/feeds/all.rss")
	if !strings.Contains(string(rss), "Also reported by:") {
		t.Error("the merged RSS has no \"Also reported by:\" paragraph")
	}

	var listed storiesResponse
	code, body := adminDo(t, "GET", app.admin+"/api/stories", "", nil)
	if err := json.Unmarshal([]byte(body), &listed); code != 200 || err != nil || len(listed.Stories) != 1 {
		t.Fatalf("GET /api/stories: %d %s", code, body)
	}
	if listed.Index == nil || listed.Index.Prints != 3 || listed.Index.MaxPrints != 0 || listed.Index.Bytes <= 0 {
		t.Errorf("GET /api/stories index %+v, want the 3 prints and no bound", listed.Index)
	}
	merge := listed.Stories[0]
	if merge.Story != storyID || merge.Score <= 0 || merge.Split {
		t.Errorf("merge event %+v, want one into story %s", merge, storyID)
	}
	if code, body := adminDo(t, "GET", app.admin+"/api/stories?limit=0", "", nil); code != 400 || !strings.Contains(body, "limit") {
		t.Errorf("limit 0: %d %s", code, body)
	}
	code, body = adminDo(t, "GET", app.admin+"/metrics", "", nil)
	if code != 200 || !strings.Contains(body, "tributary_story_merges_total 1") {
		t.Errorf("metrics lack tributary_story_merges_total 1")
	}
	for _, series := range []string{"tributary_story_index_prints 3\n", "tributary_story_index_max_prints 0\n", "tributary_story_index_evicted_total 0\n"} {
		if !strings.Contains(body, series) {
			t.Errorf("metrics lack %q", series)
		}
	}

	split := app.admin + "/api/stories/split?article=" + url.QueryEscape(merge.Article)
	for _, h := range []map[string]string{
		{"Content-Type": "application/x-www-form-urlencoded", "Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
		{"Content-Type": "text/plain", "Origin": "null"},
		{"Content-Type": "text/plain"},
	} {
		if code, body := adminDo(t, "POST", split, "", h); code != 403 && code != 415 {
			t.Errorf("forged split %v: %d %s, want 403 or 415", h, code, body)
		}
	}
	if got := jsonFeedItems(t, app.public+"/feeds/all.json"); len(got) != 2 {
		t.Fatalf("a refused split changed the output: %v", got)
	}
	for _, tt := range []struct {
		target string
		want   int
	}{
		{"/api/stories/split", 400},
		{"/api/stories/split?article=nope", 404},
		{"/api/stories/split?article=" + url.QueryEscape(merge.Article), 200},
		{"/api/stories/split?article=" + url.QueryEscape(merge.Article), 409},
	} {
		if code, body := adminDo(t, "POST", app.admin+tt.target, "", map[string]string{"Content-Type": "application/json"}); code != tt.want {
			t.Errorf("POST %s: %d %s, want %d", tt.target, code, body, tt.want)
		}
	}
	if got := jsonFeedItems(t, app.public+"/feeds/all.json"); len(got) != 3 {
		t.Errorf("after the split the merged output has %d items, want 3", len(got))
	}
	app.stop()

	code, out, errOut := runCLI("stories", "--config", cfgPath, "--json")
	if code != 0 {
		t.Fatalf("stories --json: %d %s", code, errOut)
	}
	if err := json.Unmarshal([]byte(out), &listed); err != nil || len(listed.Stories) != 2 || !listed.Stories[0].Split {
		t.Errorf("stories --json without a daemon: %v %s", err, out)
	}
	if code, out, _ := runCLI("stories", "--config", cfgPath); code != 0 || !strings.Contains(out, "split") || !strings.Contains(out, "merge") {
		t.Errorf("stories table: %d\n%s", code, out)
	}
	if code, _, errOut := runCLI("stories", "split", "--config", cfgPath, merge.Article); code != 1 || !strings.Contains(errOut, "alone in its story") {
		t.Errorf("second split without a daemon: %d %s", code, errOut)
	}
	if code, _, _ := runCLI("stories", "split", "--config", cfgPath); code != exitUsage {
		t.Errorf("split without an ID: exit %d", code)
	}
}

// TestStoriesHexoExportOnePostPerStory: the Hexo export writes one post per story, whose content is
// the fuller copy's, and a link-merged output's export one per article.
func TestStoriesHexoExportOnePostPerStory(t *testing.T) {
	src := newStoryFeeds(t)
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf(`[[source]]
name = "cls"
url = "%[1]s/cls"
[[source]]
name = "stcn"
url = "%[1]s/stcn"
[[output]]
name = "all"
[[output]]
name = "links"
merge = "link"
`, src.URL))
	if code, _, errOut := runCLI("refresh", "--config", cfgPath); code != 0 {
		t.Fatalf("refresh: %s", errOut)
	}
	for _, tt := range []struct {
		output string
		want   int
	}{{"all", 2}, {"links", 3}} {
		posts := filepath.Join(dir, tt.output, "source", "_posts")
		if code, _, errOut := runCLI("export", "--config", cfgPath, "--format", "hexo", "--dir", posts, "--output", tt.output); code != 0 {
			t.Fatalf("export %s: %s", tt.output, errOut)
		}
		if n := countPosts(t, posts); n != tt.want {
			t.Errorf("output %s: %d posts, want %d", tt.output, n, tt.want)
		}
	}
}

// TestDedupConfigDefaults: grouping is on by default with the story package's defaults, outputs
// merge by story, and enabled = false turns it off.
func TestDedupConfigDefaults(t *testing.T) {
	cfg, err := ParseConfig("/etc/tributary/config.toml", []byte("[[output]]\nname = \"all\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Dedup == nil || cfg.Dedup.Window != story.DefaultWindow || cfg.Dedup.Threshold != story.DefaultThreshold {
		t.Errorf("default dedup %+v", cfg.Dedup)
	}
	if cfg.Outputs[0].Merge != aggregator.MergeStory || !cfg.Outputs[0].Query().Merge {
		t.Errorf("default merge %q", cfg.Outputs[0].Merge)
	}
	cfg, err = ParseConfig("/etc/tributary/config.toml", []byte("[dedup]\nenabled = false\nwindow = \"48h\"\n[[output]]\nname = \"all\"\nmerge = \"link\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Dedup != nil || cfg.Outputs[0].Query().Merge {
		t.Errorf("disabled: dedup %+v, merge %v", cfg.Dedup, cfg.Outputs[0].Query().Merge)
	}
}

// TestPrintStoryIndex: `tributary stories` says what the index holds, and warns only when its
// bound forgot prints.
func TestPrintStoryIndex(t *testing.T) {
	tests := []struct {
		name     string
		x        *aggregator.StoryIndexStats
		want     []string
		wantNone []string
	}{
		{"no daemon", nil, nil, []string{"story index"}},
		{"unbounded", &aggregator.StoryIndexStats{Prints: 25000, Bytes: 40 << 20}, []string{"story index: 25000 prints (no bound), 40.0 MiB"}, []string{"forgotten"}},
		{"bound bites", &aggregator.StoryIndexStats{Prints: 8192, Bytes: 26 << 20, MaxPrints: 8192, Evicted: 456000},
			[]string{"8192 prints (at most 8192)", "456000 prints forgotten", "max_prints"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			printStoryIndex(&b, tt.x)
			for _, w := range tt.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("output %q lacks %q", b.String(), w)
				}
			}
			for _, w := range tt.wantNone {
				if strings.Contains(b.String(), w) {
					t.Errorf("output %q has %q", b.String(), w)
				}
			}
		})
	}
}

// TestPrintStoriesMarksSecondLook: a merge made by the second look is marked merge* and explained
// under the table, and only then; one made by content words is marked merge~, explained too.
func TestPrintStoriesMarksSecondLook(t *testing.T) {
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	lead := aggregator.StoryMerge{Time: now.Add(-time.Minute), Story: "s1", Article: "a2", Matched: "a1", Score: 0.91}
	window := aggregator.StoryMerge{Time: now.Add(-2 * time.Minute), Story: "s3", Article: "a4", Matched: "a3", Score: 0.78, Window: true}
	split := aggregator.StoryMerge{Time: now.Add(-3 * time.Minute), Story: "s1", Article: "a2", Split: true, Window: true}
	words := aggregator.StoryMerge{Time: now.Add(-4 * time.Minute), Story: "s5", Article: "a6", Matched: "a5", Score: 0.62, Words: true}
	const note = "merge*: the shorter copy matched a passage"
	const wordsNote = "merge~: the copies share their names and words"
	for _, tc := range []struct {
		name      string
		events    []aggregator.StoryMerge
		wantMarks int
		wantWords int
	}{
		{"lead merges only", []aggregator.StoryMerge{lead}, 0, 0},
		{"a second-look merge", []aggregator.StoryMerge{lead, window}, 1, 0},
		{"a split is never marked", []aggregator.StoryMerge{split}, 0, 0},
		{"a merge on content words", []aggregator.StoryMerge{lead, words}, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			printStories(&b, tc.events, now)
			out := b.String()
			if got := strings.Count(out, " merge* "); got != tc.wantMarks {
				t.Errorf("%d rows marked merge*, want %d:\n%s", got, tc.wantMarks, out)
			}
			if strings.Contains(out, note) != (tc.wantMarks > 0) {
				t.Errorf("the explanation shown: %v, want %v:\n%s", strings.Contains(out, note), tc.wantMarks > 0, out)
			}
			if got := strings.Count(out, " merge~ "); got != tc.wantWords || strings.Contains(out, wordsNote) != (tc.wantWords > 0) {
				t.Errorf("%d rows marked merge~ (explained: %v), want %d:\n%s", got, strings.Contains(out, wordsNote), tc.wantWords, out)
			}
			if !strings.Contains(out, "0.78") && tc.wantMarks > 0 {
				t.Errorf("the window's score is not shown:\n%s", out)
			}
		})
	}
}

// TestStoriesRankedSource: the sources' story_rank decides which copy the daemon shows, ahead of
// length, at both levels. 财联社 ranks above 证券时报 and a copycat that lists 财联社's own link with a
// padded text ranks below both: the story shows 财联社's flash (its title and link, in JSON Feed and
// Atom), names 证券时报's fuller article as the other copy, and the copycat's padding never becomes
// the text of 财联社's article; the Hexo export writes the copy that the output shows. A reload that
// drops the ranks re-renders the outputs and reaches the store: the copycat's next edit, now the
// fullest copy of an equal rank, becomes the article's text and the story's.
func TestStoriesRankedSource(t *testing.T) {
	src := newStoryFeeds(t)
	const (
		clsLink   = "https://www.cls.cn/detail/1"
		stcnLink  = "https://www.stcn.com/article/1.html"
		clsTitle  = "【宁德时代：前三季度净利润同比增长12.5%】"
		stcnTitle = "宁德时代三季报：净利润增12.5% 储能出货创新高"
		padding   = "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%；净利润378.3亿元，同比增长12.5%。</p>" +
			"<p>点击链接领取内幕消息：这一段是复制者自己加的，很长很长，比原文和证券时报的全文都长得多，它想让自己的标题和链接出现在读者面前。</p>" +
			"<p>再加一段：关注我们的公众号，每天领取最新的内幕消息，名额有限，先到先得，过时不候，错过等一年。</p>"
	)
	// The copycat's feed is empty until 财联社 and 证券时报 are stored and grouped: a story is found
	// when an article is new, and the copycat's copy, first under 财联社's link, would be the
	// article that the print is made of.
	copycat := func(title, body string) {
		item := ""
		if title != "" {
			item = fmt.Sprintf("<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>",
				title, clsLink, time.Now().UTC().Add(-90*time.Minute).Format(time.RFC1123Z), body)
		}
		src.mu.Lock()
		src.feeds["/copycat"] = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>c</title><link>https://copycat.example/</link><description>d</description>` +
			item + "</channel></rss>"
		src.mu.Unlock()
	}
	copycat("", "")
	dir := t.TempDir()
	conf := func(clsRank, copyRank int) string {
		return storySources(src.URL, map[string]int{"cls": clsRank, "copycat": copyRank}, "cls", "stcn", "copycat") +
			"[[output]]\nname = \"all\"\n"
	}
	cfgPath := writeConfig(t, dir, conf(1, -1))
	type item struct{ url, title, also string }
	shown := func(app *testApp) item {
		t.Helper()
		items, body := storyItems(t, app)
		for _, it := range items {
			if len(it.also) == 1 {
				return item{it.url, it.title, it.also[0]}
			}
		}
		t.Fatalf("no story of two copies in %s", body)
		return item{}
	}
	app := startApp(t, cfgPath)
	waitFetched(t, app, "cls", "stcn", "copycat")
	copycat("震惊！宁德时代利润暴涨", padding)
	refreshSource(t, app, "copycat")
	want := item{clsLink, clsTitle, stcnLink}
	if got := shown(app); got != want {
		t.Errorf("cls ranked higher, copycat lower: shows %+v, want %+v", got, want)
	}
	_, atom := get(t, app.public+"/feeds/all.atom")
	if !strings.Contains(string(atom), `<link href="`+clsLink+`" rel="alternate"`) || !strings.Contains(string(atom), `<link href="`+stcnLink+`" rel="related"`) ||
		strings.Contains(string(atom), "内幕消息") {
		t.Errorf("atom does not show the cls copy with stcn's related, or shows the padding:\n%s", atom)
	}
	app.stop()

	posts := filepath.Join(dir, "site", "source", "_posts")
	if code, _, errOut := runCLI("export", "--config", cfgPath, "--format", "hexo", "--dir", posts, "--output", "all"); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	var all strings.Builder
	filepath.WalkDir(posts, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			all.WriteString(mustRead(t, p))
		}
		return nil
	})
	if !strings.Contains(all.String(), "宁德时代：前三季度净利润同比增长12.5%") || strings.Contains(all.String(), "储能出货创新高") || strings.Contains(all.String(), "内幕消息") {
		t.Errorf("the export does not write the ranked copy alone:\n%s", all.String())
	}

	app = startApp(t, cfgPath)
	if err := os.WriteFile(cfgPath, []byte(strings.Replace(mustRead(t, cfgPath), conf(1, -1), conf(0, 0), 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := app.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	want = item{stcnLink, stcnTitle, clsLink}
	if got := shown(app); got != want {
		t.Errorf("after a reload without ranks: shows %+v, want the fuller copy %+v", got, want)
	}
	copycat("震惊！宁德时代利润暴涨（更新）", padding+"<p>更新：又加了一段。</p>")
	refreshSource(t, app, "copycat")
	want = item{clsLink, "震惊！宁德时代利润暴涨（更新）", stcnLink}
	if got := shown(app); got != want {
		t.Errorf("copycat's edit at an equal rank: shows %+v, want the fullest copy %+v", got, want)
	}
}

// TestStoriesEditedFlash runs the daemon on 财联社 and 证券时报: 财联社's flash is stored with its first
// figures, then edited under its link with corrected ones, and only then does 证券时报 publish its
// copy of the corrected flash. The merged output shows the story once, with 证券时报's copy among
// its others: the edit remade the flash's story print (without it, the old figures vetoed the copy
// and the output showed the news twice).
func TestStoriesEditedFlash(t *testing.T) {
	src := newStoryFeeds(t)
	const (
		clsLink  = "https://www.cls.cn/detail/2"
		stcnLink = "https://www.stcn.com/article/2.html"
	)
	date := time.Now().UTC().Add(-time.Hour).Format(time.RFC1123Z)
	feed := func(path, lead, sales, growth, link string) {
		item := ""
		if sales != "" {
			title, body := storetest.SalesFlash(lead, sales, growth)
			item = fmt.Sprintf("<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>",
				title, link, date, body)
		}
		src.mu.Lock()
		src.feeds[path] = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>` +
			item + "</channel></rss>"
		src.mu.Unlock()
	}
	feed("/cls", storetest.ClsLead, "30.2", "66.5", clsLink)
	feed("/stcn", "", "", "", "")
	app := startApp(t, writeConfig(t, t.TempDir(), storySources(src.URL, nil, "cls", "stcn")+"[[output]]\nname = \"all\"\n"))
	waitFetched(t, app, "cls", "stcn")
	feed("/cls", storetest.ClsLead, "50.2", "38.4", clsLink)
	refreshSource(t, app, "cls")
	feed("/stcn", "证券时报e公司讯，", "50.2", "38.4", stcnLink)
	refreshSource(t, app, "stcn")
	items, body := storyItems(t, app)
	if len(items) != 1 || len(items[0].also) != 1 {
		t.Fatalf("the merged output does not show the corrected flash once with one other copy:\n%s", body)
	}
	it := items[0]
	if got := []string{it.url, it.also[0]}; !slices.Contains(got, clsLink) || !slices.Contains(got, stcnLink) || !strings.Contains(it.title, "50.2万辆") {
		t.Errorf("the story shows %q (%s, also %s), want the corrected figures and both copies", it.title, it.url, it.also[0])
	}
}

// TestStoriesEnglishParaphrase: the real daemon, two English sources over httptest that tell one
// story in their own words (storetest.ReutersTitle and APTitle: content words in common, few runs
// of words): the merged JSON Feed shows it once, with the other outlet's link.
func TestStoriesEnglishParaphrase(t *testing.T) {
	src := newStoryFeeds(t)
	const (
		reutersLink = "https://www.reuters.com/markets/evergrande-liquidation"
		apLink      = "https://apnews.com/article/evergrande-liquidation"
	)
	at := time.Now().UTC().Add(-2 * time.Hour)
	feed := func(path, title, body, link string, date time.Time) {
		src.mu.Lock()
		src.feeds[path] = fmt.Sprintf(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>`+
			"<item><title>%s</title><link>%s</link><pubDate>%s</pubDate><description><![CDATA[%s]]></description></item></channel></rss>",
			title, link, date.Format(time.RFC1123Z), body)
		src.mu.Unlock()
	}
	feed("/reuters", storetest.ReutersTitle, storetest.ReutersBody, reutersLink, at)
	feed("/ap", storetest.APTitle, storetest.APBody, apLink, at.Add(time.Hour))
	app := startApp(t, writeConfig(t, t.TempDir(), storySources(src.URL, nil, "reuters", "ap")+"[[output]]\nname = \"all\"\n"))
	waitFetched(t, app, "reuters", "ap")
	items, body := storyItems(t, app)
	if len(items) != 1 || len(items[0].also) != 1 {
		t.Fatalf("the merged output does not show the story once with one other copy:\n%s", body)
	}
	if got := []string{items[0].url, items[0].also[0]}; !slices.Contains(got, reutersLink) || !slices.Contains(got, apLink) {
		t.Errorf("the story links %v, want both outlets' copies", got)
	}
}
