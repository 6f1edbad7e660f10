package feeds

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator"
	"tributary/aggregator/testenv"
)

// storyArticles are the items of a merged output: a story of three copies (one of them without a
// link, one whose link is the shown copy's, one with a title full of markup), and a story alone.
func storyArticles() []aggregator.Article {
	date := time.Date(2026, 10, 20, 9, 6, 1, 0, time.UTC)
	return []aggregator.Article{
		{
			ID: "flash", Story: "flash", Title: "宁德时代三季报：净利润增12.5%", Body: "<p>全文</p>",
			Link: "https://www.stcn.com/article/1.html", Date: date, Sources: []string{"stcn", "cls", "sina"},
			Also: []aggregator.Copy{
				{ID: "flash", Source: "cls", URL: "https://www.cls.cn/detail/1", Title: "【宁德时代：净利润增长12.5%】"},
				{ID: "x", Source: "sina", URL: "https://finance.sina.com.cn/1.html?a=1&b=2", Title: `<b>"宁德"</b> & 新浪`},
				{ID: "y", Source: "nolink", Title: "没有链接"},
				{ID: "z", Source: "same", URL: "https://www.stcn.com/article/1.html", Title: "同一链接"},
			},
		},
		{ID: "alone", Title: "国家统计局：CPI上涨0.3%", Body: "<p>正文</p>", Link: "https://www.stats.gov.cn/1", Date: date.Add(-time.Hour), Sources: []string{"nbs"}},
	}
}

// wantAlso is what every format must name for storyArticles' first story: the copies with a link of
// their own, in order.
var wantAlso = []string{"https://www.cls.cn/detail/1", "https://finance.sina.com.cn/1.html?a=1&b=2"}

// TestRenderStoryCopies: the Atom related links, the JSON Feed _tributary also URLs and the links of
// RSS's "Also reported by:" paragraph name the same copies, and the story's item is the story's ID.
func TestRenderStoryCopies(t *testing.T) {
	arts := storyArticles()

	var atom struct {
		Entries []struct {
			ID    string `xml:"id"`
			Links []struct {
				Href  string `xml:"href,attr"`
				Rel   string `xml:"rel,attr"`
				Title string `xml:"title,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(render(t, Atom, fixtureOutput(), arts), &atom); err != nil {
		t.Fatal(err)
	}
	var related, relTitles []string
	for _, l := range atom.Entries[0].Links {
		if l.Rel == "related" {
			related, relTitles = append(related, l.Href), append(relTitles, l.Title)
		}
	}
	if atom.Entries[0].ID != AtomID("flash") {
		t.Errorf("atom id %q", atom.Entries[0].ID)
	}
	if !slices.Equal(related, wantAlso) {
		t.Errorf("atom related %q, want %q", related, wantAlso)
	}
	if relTitles[1] != `<b>"宁德"</b> & 新浪` {
		t.Errorf("atom related title %q", relTitles[1])
	}
	for _, l := range atom.Entries[1].Links {
		if l.Rel == "related" {
			t.Errorf("a story alone has a related link %q", l.Href)
		}
	}

	var jf struct {
		Items []struct {
			ID        string `json:"id"`
			Tributary *struct {
				Story string `json:"story"`
				Also  []struct{ Source, URL, Title string }
			} `json:"_tributary"`
		} `json:"items"`
	}
	if err := json.Unmarshal(render(t, JSON, fixtureOutput(), arts), &jf); err != nil {
		t.Fatal(err)
	}
	ext := jf.Items[0].Tributary
	if ext == nil || ext.Story != "flash" || jf.Items[0].ID != "flash" {
		t.Fatalf("json item %+v", jf.Items[0])
	}
	var urls []string
	for _, c := range ext.Also {
		urls = append(urls, c.URL)
	}
	if !slices.Equal(urls, related) || ext.Also[0].Source != "cls" || ext.Also[1].Title != relTitles[1] {
		t.Errorf("json also %+v, want the atom related links %q", ext.Also, related)
	}
	if jf.Items[1].Tributary != nil {
		t.Errorf("a story alone has an extension %+v", jf.Items[1].Tributary)
	}

	feed, err := gofeed.NewParser().Parse(bytes.NewReader(render(t, RSS, fixtureOutput(), arts)))
	if err != nil {
		t.Fatal(err)
	}
	desc := feed.Items[0].Description
	_, para, ok := strings.Cut(desc, "<p>Also reported by: ")
	if !ok {
		t.Fatalf("rss description without the paragraph: %q", desc)
	}
	var hrefs []string
	for _, part := range strings.Split(para, `<a href="`)[1:] {
		href, _, _ := strings.Cut(part, `"`)
		hrefs = append(hrefs, strings.ReplaceAll(href, "&amp;", "&"))
	}
	if !slices.Equal(hrefs, related) {
		t.Errorf("rss paragraph links %q, want %q", hrefs, related)
	}
	if !strings.Contains(para, "sina: &lt;b&gt;&#34;宁德&#34;&lt;/b&gt; &amp; 新浪") {
		t.Errorf("rss paragraph does not escape the title: %q", para)
	}
	if strings.Contains(feed.Items[1].Description, "Also reported by") {
		t.Error("a story alone has the paragraph")
	}
}

// TestStoryFeedsReadByFeedparserAndNewsboat: Python's feedparser finds the Atom related links, and
// newsboat, a real reader, loads the merged RSS and Atom without an error and with every item.
func TestStoryFeedsReadByFeedparserAndNewsboat(t *testing.T) {
	arts := storyArticles()
	t.Run("feedparser", func(t *testing.T) {
		python := testenv.Tool(t, "/usr/bin/python3", "apt-get install -y python3-feedparser")
		if err := exec.Command(python, "-c", "import feedparser").Run(); err != nil {
			testenv.Missing(t, "needs feedparser for /usr/bin/python3 (apt-get install -y python3-feedparser)")
		}
		cmd := exec.Command(python, "-c", `
import json, sys, feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({"bozo": int(d.bozo), "related": [l["href"] for l in d.entries[0].links if l.get("rel") == "related"]}))
`)
		cmd.Stdin = bytes.NewReader(render(t, Atom, fixtureOutput(), arts))
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			Bozo    int
			Related []string
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatal(err)
		}
		if r.Bozo != 0 || !slices.Equal(r.Related, wantAlso) {
			t.Errorf("feedparser: bozo %d, related %q, want %q", r.Bozo, r.Related, wantAlso)
		}
	})
	t.Run("newsboat", func(t *testing.T) {
		newsboat := testenv.Tool(t, "newsboat", "apt-get install -y newsboat")
		feeds := map[string][]byte{
			"/s.rss":  render(t, RSS, fixtureOutput(), arts),
			"/s.atom": render(t, Atom, fixtureOutput(), arts),
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			b, ok := feeds[r.URL.Path]
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Write(b)
		}))
		defer srv.Close()
		dir := t.TempDir()
		urls := filepath.Join(dir, "urls")
		if err := os.WriteFile(urls, []byte(srv.URL+"/s.rss\n"+srv.URL+"/s.atom\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg := filepath.Join(dir, "config")
		if err := os.WriteFile(cfg, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(newsboat, "-u", urls, "-c", filepath.Join(dir, "cache.db"), "-C", cfg, "-x", "reload", "print-unread")
		cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_DATA_HOME="+dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() > 0 {
			t.Fatalf("newsboat: %v\nstdout %s\nstderr %s", err, out, stderr.Bytes())
		}
		if want := fmt.Sprintf("%d unread articles", 2*len(arts)); !strings.Contains(string(out), want) {
			t.Errorf("newsboat says %q, want %q", out, want)
		}
	})
}
