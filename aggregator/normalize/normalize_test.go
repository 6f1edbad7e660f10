package normalize

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"tributary/aggregator"
	"tributary/aggregator/parse"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// fetchedAt is the fixed "now" of the golden tests: after every fixture's dates.
var fetchedAt = time.Date(2022, 4, 7, 0, 0, 0, 0, time.UTC)

// fixtureSource is how each shared fixture is configured as a source, as config.toml would.
func fixtureSource(tb testing.TB, name string) (aggregator.Source, string) {
	shanghai := mustLoc(tb, "Asia/Shanghai")
	cls := func(section, route string) aggregator.Source {
		return aggregator.Source{
			Name: "cls-" + route, Title: "财联社 - " + section, URL: "https://rsshub.app/cls/" + route,
			Categories: []string{"金融", "财联社", section}, Author: "财联社", Location: shanghai,
		}
	}
	switch name {
	case "cls-depth.xml", "cls-depth-edited.xml":
		s := cls("深度", "depth")
		s.URL += "/1000"
		return s, "application/rss+xml; charset=utf-8"
	case "cls-telegraph.xml":
		return cls("电报", "telegraph"), "application/rss+xml; charset=utf-8"
	case "cls-telegraph-app.xml":
		s := cls("电报", "telegraph")
		s.Name, s.URL = "cls-telegraph-app", "https://rsshub.example.net/cls/telegraph"
		return s, "application/xml"
	case "gbk.xml":
		return aggregator.Source{Name: "gbk", Title: "示例财经网", URL: "http://finance.example.cn/roll/rss.xml", Categories: []string{"财经"}, Location: shanghai, Encoding: "gbk"}, "text/xml"
	case "atom.xml":
		return aggregator.Source{Name: "blog", Title: "示例博客", URL: "https://blog.example.org/zh/atom.xml", Comments: true}, "application/atom+xml"
	case "feed.json":
		return aggregator.Source{Name: "json", Title: "示例快讯", URL: "https://news.example.com/feed.json", Categories: []string{"快讯", "金融科技"}, Location: shanghai}, "application/feed+json"
	case "hostile.xml":
		return aggregator.Source{Name: "hostile", Title: "<i>Hostile</i>", URL: "https://hostile.example/feed.xml", Location: shanghai}, "application/rss+xml"
	case "farm-rss.xml", "farm-atom.xml":
		return aggregator.Source{Name: strings.TrimSuffix(name, ".xml"), Title: "farm", URL: "http://127.0.0.1:8080/feed/0.xml"}, ""
	}
	tb.Fatalf("no source for %s", name)
	return aggregator.Source{}, ""
}

// normalizeFixture runs a fixture through parse and normalize, as a refresh does.
func normalizeFixture(tb testing.TB, n *Normalizer, name string) []aggregator.Article {
	tb.Helper()
	src, ct := fixtureSource(tb, name)
	body, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		tb.Fatal(err)
	}
	feed, err := parse.Parse(body, ct)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	arts := n.Feed(src, feed, src.URL, fetchedAt)
	return arts
}

func TestSeedArticle(t *testing.T) {
	n := New(Options{})
	arts := normalizeFixture(t, n, "cls-depth.xml")
	if len(arts) != 6 {
		t.Fatalf("%d articles, want 6", len(arts))
	}
	a := arts[0]
	const img = "https://img.cls.cn/images/20211118/IkQWc3B11w.png"
	checks := []struct {
		field     string
		got, want any
	}{
		{"title", a.Title, "2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景"},
		{"categories", a.Categories, []string{"金融", "财联社", "深度"}},
		{"headimg", a.HeadImg, img},
		{"thumbnail", a.Thumbnail, img},
		{"author", a.Author, "财联社"},
		{"comments", a.Comments, false},
		{"date", a.Date.Format(time.RFC3339), "2021-11-18T01:06:01Z"},
		{"updated", a.Updated.IsZero(), true},
		{"first_seen", a.FirstSeen, fetchedAt},
		{"body", a.Body, seedBody(t)},
		{"link", a.Link, "https://www.cls.cn/detail/" + idSeed},
		{"guid", a.GUID, "https://www.cls.cn/detail/" + idSeed},
		{"key", a.Key, "https://www.cls.cn/detail/" + idSeed},
		{"id", a.ID, pinnedSeedID},
		{"sources", a.Sources, []string{"cls-depth"}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.field, c.got, c.want)
		}
	}
	// The seed post's date is the raw pubDate; the stored instant formats back to it.
	if got := a.Date.Format(time.RFC1123); got != "Thu, 18 Nov 2021 01:06:01 UTC" {
		t.Errorf("date as RFC 1123 = %q", got)
	}
}

// TestGolden normalizes every shared fixture and compares the articles with
// testdata/<fixture>.golden.json; -update rewrites them.
func TestGolden(t *testing.T) {
	n := New(Options{})
	for _, name := range []string{
		"cls-depth.xml", "cls-depth-edited.xml", "cls-telegraph.xml", "cls-telegraph-app.xml",
		"gbk.xml", "atom.xml", "feed.json", "hostile.xml",
	} {
		t.Run(name, func(t *testing.T) {
			arts := normalizeFixture(t, n, name)
			for _, a := range arts {
				if err := checkArticle(a); err != nil {
					t.Errorf("%s: %v", a.Title, err)
				}
			}
			got, err := json.MarshalIndent(arts, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", strings.TrimSuffix(name, filepath.Ext(name))+".golden.json")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("articles differ from %s (run with -update and review the diff):\n%s", path, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl[i] + "\nwant: " + wl[i]
		}
	}
	return "lengths differ"
}

// checkArticle asserts what every article must satisfy whatever the feed held: republished strings
// valid UTF-8 without XML-illegal characters, a safe body, plain-text title/author/categories,
// absolute http(s) URLs, a 32-hex id derived from the key, a date.
func checkArticle(a aggregator.Article) error {
	fields := map[string]string{
		"id": a.ID, "title": a.Title, "headimg": a.HeadImg, "thumbnail": a.Thumbnail, "author": a.Author,
		"body": a.Body, "link": a.Link, "guid": a.GUID,
		"key": strings.Replace(a.Key, "\x00", "", 1), // Key's one NUL is its documented separator; Key is never republished
	}
	for i, c := range a.Categories {
		fields["category "+strconv.Itoa(i)] = c
	}
	for i, s := range a.Sources {
		fields["source "+strconv.Itoa(i)] = s
	}
	for name, v := range fields {
		if !utf8.ValidString(v) || cleanText(v) != v {
			return fmt.Errorf("%s %q holds invalid UTF-8 or XML-illegal characters", name, v)
		}
	}
	if err := checkPlainFields(a); err != nil {
		return err
	}
	if err := checkSafe(a.Body); err != nil {
		return fmt.Errorf("body: %v", err)
	}
	if len(a.GUID) > MaxGUIDBytes {
		return fmt.Errorf("guid of %d bytes", len(a.GUID))
	}
	for name, u := range map[string]string{"link": a.Link, "headimg": a.HeadImg, "thumbnail": a.Thumbnail} {
		if len(u) > MaxURLBytes {
			return fmt.Errorf("%s of %d bytes", name, len(u))
		}
		if u != "" && !isAbsHTTP(u) {
			return fmt.Errorf("%s %q is not absolute http(s)", name, u)
		}
		if u != "" && checkURL(u, false) != nil {
			return fmt.Errorf("%s %q", name, u)
		}
	}
	if a.ID != ID(a.Key) || len(a.ID) != 32 {
		return fmt.Errorf("id %q does not derive from key %q", a.ID, a.Key)
	}
	if a.Date.IsZero() || a.FirstSeen.IsZero() {
		return fmt.Errorf("zero date or first seen")
	}
	if a.Thumbnail == "" && a.HeadImg != "" {
		return fmt.Errorf("thumbnail empty while headimg %q", a.HeadImg)
	}
	return nil
}

// checkPlainFields asserts the plain-text rule on each plain-text field of a, with its limit.
func checkPlainFields(a aggregator.Article) error {
	if len(a.Categories) > MaxCategories {
		return fmt.Errorf("%d categories, over the limit of %d", len(a.Categories), MaxCategories)
	}
	fields := []struct {
		name, v string
		max     int
	}{{"title", a.Title, MaxTitleRunes}, {"author", a.Author, MaxAuthorRunes}}
	for _, c := range a.Categories {
		fields = append(fields, struct {
			name, v string
			max     int
		}{"category", c, MaxCategoryRunes})
	}
	for _, f := range fields {
		if err := CheckPlainText(f.v, f.max); err != nil {
			return fmt.Errorf("%s %q: %v", f.name, f.v, err)
		}
	}
	return nil
}

// TestCrossSourceDedup: one story carried by the depth section, the web telegraph and an app-client
// telegraph gets one key and one id, whatever the share link's client parameters.
func TestCrossSourceDedup(t *testing.T) {
	n := New(Options{})
	byKey := map[string][]string{}
	for _, name := range []string{"cls-depth.xml", "cls-telegraph.xml", "cls-telegraph-app.xml"} {
		for _, a := range normalizeFixture(t, n, name) {
			byKey[a.Key] = append(byKey[a.Key], a.Sources[0])
		}
	}
	tests := []struct {
		id      string
		sources []string
	}{
		{idPass, []string{"cls-depth", "cls-telegraph", "cls-telegraph-app"}},
		{idMoutai, []string{"cls-depth", "cls-telegraph"}},
		{idLogistic, []string{"cls-telegraph", "cls-telegraph-app"}},
		{idSeed, []string{"cls-depth"}},
		{idXWLB, []string{"cls-telegraph"}},
	}
	for _, tt := range tests {
		key := "https://www.cls.cn/detail/" + tt.id
		if got := byKey[key]; !reflect.DeepEqual(got, tt.sources) {
			t.Errorf("story %s carried by %v, want %v", tt.id, got, tt.sources)
		}
	}
	if len(byKey) != 10 {
		t.Errorf("%d distinct stories, want 10", len(byKey))
	}
}

// TestEditedHeadline: an edited headline (a labeled "same" pair of realposts/pairs.tsv) keeps its
// key and id; only the title differs.
func TestEditedHeadline(t *testing.T) {
	n := New(Options{})
	before := normalizeFixture(t, n, "cls-depth.xml")
	after := normalizeFixture(t, n, "cls-depth-edited.xml")
	if len(before) != len(after) {
		t.Fatalf("%d vs %d articles", len(before), len(after))
	}
	changed := 0
	for i := range before {
		b, a := before[i], after[i]
		if b.ID != a.ID || b.Key != a.Key || b.Body != a.Body || !b.Date.Equal(a.Date) {
			t.Errorf("article %d: identity or body changed: %s/%s", i, b.ID, a.ID)
		}
		if b.Title != a.Title {
			changed++
			if !strings.Contains(a.Title, "：美国CPI爆表 债市利空出尽？") {
				t.Errorf("edited title %q", a.Title)
			}
		}
	}
	if changed != 1 {
		t.Errorf("%d titles changed, want 1", changed)
	}
}

// TestHostileFixture: nothing active survives in any field, and the bad parts fall back as documented.
func TestHostileFixture(t *testing.T) {
	n := New(Options{})
	arts := normalizeFixture(t, n, "hostile.xml")
	if len(arts) != 3 {
		t.Fatalf("%d articles, want 3", len(arts))
	}
	for _, a := range arts {
		blob, _ := json.Marshal(a)
		low := strings.ToLower(string(blob))
		for _, f := range []string{"javascript:", "vbscript:", "data:", "<script", "onerror", "onmouseover", "onclick", "<svg", "<iframe", "srcset", "style="} {
			if strings.Contains(low, f) && !(f == "javascript:" && strings.Contains(low, `"javascript:alert(4)"`)) {
				t.Errorf("%q survived in %s", f, blob)
			}
		}
	}
	first := arts[0]
	want := map[string]string{
		// <img src=x> is a harmless relative image, resolved against the feed URL as the link was refused.
		"title": "标题", "author": "Eve", "link": "", "headimg": "https://hostile.example/x",
		"thumbnail": "https://hostile.example/x", "key": "hostile\x00hostile-1",
		"date": "2021-11-18T01:06:01Z", // CST in Asia/Shanghai
	}
	got := map[string]string{
		"title": first.Title, "author": first.Author, "link": first.Link, "headimg": first.HeadImg,
		"thumbnail": first.Thumbnail, "key": first.Key, "date": first.Date.Format(time.RFC3339),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("first hostile article:\n got %q\nwant %q", got, want)
	}
	// "javascript:alert(4)" as a category is text, and a blank category is dropped.
	if !reflect.DeepEqual(first.Categories, []string{"类别", "javascript:alert(4)"}) {
		t.Errorf("categories = %q", first.Categories)
	}
	if !strings.Contains(first.Body, "]]&gt;") {
		t.Errorf("the CDATA terminator in the text should survive escaped: %q", first.Body)
	}
	second := arts[1]
	if second.Title != "control char title and" || second.Author != "Mallory" {
		t.Errorf("second: title %q author %q", second.Title, second.Author)
	}
	if second.Link != `https://hostile.example/items/2?x=%22%3E%3Cscript%3Ealert(25)%3C/script%3E` {
		t.Errorf("second link %q", second.Link)
	}
	third := arts[2]
	if !third.Date.Equal(fetchedAt) {
		t.Errorf("a date in 2101 must fall back to first seen, got %v", third.Date)
	}
	if third.Key != "https://hostile.example/items/3?a=1&b=2" {
		t.Errorf("third key %q", third.Key)
	}
}

// item is a small entry for table tests.
func rssFeed(items ...string) string {
	return `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><link>https://site.example/</link>` +
		strings.Join(items, "") + `</channel></rss>`
}

func TestFeedRules(t *testing.T) {
	shanghai := mustLoc(t, "Asia/Shanghai")
	src := aggregator.Source{Name: "s", Title: "Source Title", Categories: []string{"金融", "财联社"}, Author: "财联社", Location: shanghai, Comments: true}
	tests := []struct {
		name  string
		feed  string
		src   aggregator.Source
		check func(t *testing.T, arts []aggregator.Article)
	}{
		{
			name: "title whitespace collapsed, tags stripped, entities of markup decoded",
			feed: rssFeed(`<item><title>  多行
	标题   with  spaces </title><link>https://a.example/1</link></item>`,
				`<item><title>&lt;b&gt;粗&lt;/b&gt; &amp;amp; 细</title><link>https://a.example/2</link></item>`,
				`<item><title>1 &lt; 2 &amp; AT&amp;T</title><link>https://a.example/3</link></item>`),
			check: func(t *testing.T, arts []aggregator.Article) {
				want := []string{"多行 标题 with spaces", "粗 & 细", "1 < 2 & AT&T"}
				for i, w := range want {
					if arts[i].Title != w {
						t.Errorf("title %d = %q, want %q", i, arts[i].Title, w)
					}
				}
			},
		},
		{
			name: "untitled entry takes the first 60 characters of its text",
			feed: rssFeed(`<item><title></title><link>https://a.example/1</link><description><![CDATA[<p>【标题】财联社11月18日电，` + strings.Repeat("一二三四五六七八九十", 8) + `</p>]]></description></item>`),
			check: func(t *testing.T, arts []aggregator.Article) {
				want := "【标题】财联社11月18日电，" + strings.Repeat("一二三四五六七八九十", 5)[:3*45]
				if arts[0].Title != want || utf8.RuneCountInString(arts[0].Title) != 60 {
					t.Errorf("title = %q (%d runes), want %q", arts[0].Title, utf8.RuneCountInString(arts[0].Title), want)
				}
			},
		},
		{
			name: "categories: source's then entry's, each once",
			feed: rssFeed(`<item><title>x</title><link>https://a.example/1</link><category>财联社</category><category>港股</category><category> 港股 </category><category>金融</category><category>A股</category></item>`),
			check: func(t *testing.T, arts []aggregator.Article) {
				if want := []string{"金融", "财联社", "港股", "A股"}; !reflect.DeepEqual(arts[0].Categories, want) {
					t.Errorf("categories = %q, want %q", arts[0].Categories, want)
				}
			},
		},
		{
			name: "author: entry, then feed, then source author, then source title",
			feed: `<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><managingEditor>ed@site.example (主编)</managingEditor>
<item><title>a</title><link>https://a.example/1</link><dc:creator>记者甲</dc:creator></item>
<item><title>b</title><link>https://a.example/2</link></item></channel></rss>`,
			check: func(t *testing.T, arts []aggregator.Article) {
				if arts[0].Author != "记者甲" || arts[1].Author != "主编" {
					t.Errorf("authors %q, %q", arts[0].Author, arts[1].Author)
				}
			},
		},
		{
			name: "author falls back to the source, then its title",
			feed: rssFeed(`<item><title>a</title><link>https://a.example/1</link></item>`),
			src:  aggregator.Source{Name: "s", Title: "Only A Title"},
			check: func(t *testing.T, arts []aggregator.Article) {
				if arts[0].Author != "Only A Title" {
					t.Errorf("author %q", arts[0].Author)
				}
			},
		},
		{
			name: "images: media:content, then enclosure, then body; thumbnail from media:thumbnail",
			feed: rssFeed(
				`<item><title>a</title><link>https://a.example/1</link><media:content url="https://a.example/m.jpg" medium="image"/><enclosure url="https://a.example/e.jpg" type="image/jpeg" length="1"/><description><![CDATA[<img src="/b.png">]]></description></item>`,
				`<item><title>b</title><link>https://a.example/2</link><enclosure url="/e.jpg" type="image/jpeg" length="1"/><enclosure url="https://a.example/a.mp3" type="audio/mpeg" length="1"/><description><![CDATA[<img src="/b.png">]]></description></item>`,
				`<item><title>c</title><link>https://a.example/dir/3</link><media:thumbnail url="t.jpg"/><description><![CDATA[<p>x<img src="b.png"></p>]]></description></item>`,
				`<item><title>d</title><link>https://a.example/4</link><media:content url="https://a.example/v.mp4" type="video/mp4"/><description>no image</description></item>`,
				`<item><title>e</title><link>https://a.example/5</link><media:group><media:content url="https://a.example/g.png"><media:thumbnail url="https://a.example/gt.png"/></media:content></media:group></item>`),
			check: func(t *testing.T, arts []aggregator.Article) {
				want := [][2]string{
					{"https://a.example/m.jpg", "https://a.example/m.jpg"},
					{"https://a.example/e.jpg", "https://a.example/e.jpg"},
					{"https://a.example/dir/b.png", "https://a.example/dir/t.jpg"},
					{"", ""},
					{"https://a.example/g.png", "https://a.example/gt.png"},
				}
				for i, w := range want {
					if arts[i].HeadImg != w[0] || arts[i].Thumbnail != w[1] {
						t.Errorf("item %d: headimg %q thumbnail %q, want %q", i, arts[i].HeadImg, arts[i].Thumbnail, w)
					}
				}
			},
		},
		{
			name: "duplicates by key within one feed: the first wins",
			feed: rssFeed(
				`<item><title>first</title><link>https://api3.cls.cn/share/article/1?os=web&amp;sv=7.7.5&amp;app=CailianpressWeb</link></item>`,
				`<item><title>second</title><link>https://api3.cls.cn/share/article/1?os=android&amp;sv=8.0&amp;app=cls</link></item>`,
				`<item><title>third</title><guid>g1</guid></item>`,
				`<item><title>fourth</title><guid>g1</guid></item>`,
				`<item><title>same title</title></item>`,
				`<item><title>same title</title></item>`,
				`<item><title>other</title><link>https://www.cls.cn/detail/2</link></item>`),
			check: func(t *testing.T, arts []aggregator.Article) {
				var titles []string
				for _, a := range arts {
					titles = append(titles, a.Title)
				}
				if want := []string{"first", "third", "same title", "other"}; !reflect.DeepEqual(titles, want) {
					t.Errorf("titles %q, want %q", titles, want)
				}
				if arts[0].Link != "https://api3.cls.cn/share/article/1?os=web&sv=7.7.5&app=CailianpressWeb" {
					t.Errorf("link is stored as published, got %q", arts[0].Link)
				}
			},
		},
		{
			name: "links: relative resolved against the feed URL, guid URL used when there is no link, bad schemes dropped",
			feed: rssFeed(
				`<item><title>a</title><link>/news/1.html</link></item>`,
				`<item><title>b</title><guid isPermaLink="true">https://a.example/guid-link</guid></item>`,
				`<item><title>c</title><link>javascript:alert(1)</link><guid>plain-guid</guid></item>`),
			check: func(t *testing.T, arts []aggregator.Article) {
				if arts[0].Link != "https://rsshub.example/news/1.html" || arts[1].Link != "https://a.example/guid-link" || arts[2].Link != "" {
					t.Errorf("links %q %q %q", arts[0].Link, arts[1].Link, arts[2].Link)
				}
				if arts[2].Key != "s\x00plain-guid" {
					t.Errorf("key %q", arts[2].Key)
				}
			},
		},
		{
			name: "plain-text rule: markup escaped in any number of layers is stripped from title, author, categories and the fallback title",
			feed: rssFeed(
				`<item><title>&amp;amp;amp;lt;img src=x onerror=alert(1)&amp;amp;amp;gt;标题</title><link>https://a.example/1</link>`+
					`<dc:creator>&amp;amp;amp;amp;lt;b&amp;amp;amp;amp;gt;Mallory</dc:creator>`+
					`<category>&amp;amp;amp;amp;amp;lt;script&amp;amp;amp;amp;amp;gt;x&amp;amp;amp;amp;amp;lt;/script&amp;amp;amp;amp;amp;gt;类别</category></item>`,
				`<item><description>&lt;p&gt;&amp;lt;img src=x onerror=alert(2)&amp;gt; 电报&lt;/p&gt;</description><link>https://a.example/2</link></item>`),
			check: func(t *testing.T, arts []aggregator.Article) {
				if arts[0].Title != "标题" || arts[0].Author != "Mallory" || !reflect.DeepEqual(arts[0].Categories, []string{"金融", "财联社", "类别"}) {
					t.Errorf("title %q author %q categories %q", arts[0].Title, arts[0].Author, arts[0].Categories)
				}
				if arts[1].Title != "电报" || !strings.Contains(arts[1].Body, "&lt;img src=x onerror=alert(2)&gt;") {
					t.Errorf("fallback title %q from body %q", arts[1].Title, arts[1].Body)
				}
			},
		},
		{
			name: "category flood: an entry's categories are capped in number and length",
			feed: rssFeed(`<item><title>a</title><link>https://a.example/1</link>` + func() string {
				var b strings.Builder
				for i := range 2000 {
					fmt.Fprintf(&b, "<category>%d %s</category>", i, strings.Repeat("长", 60))
				}
				return b.String()
			}() + `</item>`),
			check: func(t *testing.T, arts []aggregator.Article) {
				got := arts[0].Categories
				if len(got) != MaxCategories || got[0] != "金融" || got[2] != "0 "+strings.Repeat("长", MaxCategoryRunes-2) {
					t.Errorf("%d categories, the first three %q", len(got), got[:min(3, len(got))])
				}
			},
		},
		{
			name: "comments follow the source",
			feed: rssFeed(`<item><title>a</title><link>https://a.example/1</link></item>`),
			check: func(t *testing.T, arts []aggregator.Article) {
				if !arts[0].Comments {
					t.Error("comments = false, want the source's true")
				}
			},
		},
	}
	n := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := parse.Parse([]byte(tt.feed), "application/rss+xml")
			if err != nil {
				t.Fatal(err)
			}
			s := src
			if tt.src.Name != "" {
				s = tt.src
			}
			arts := n.Feed(s, feed, "https://rsshub.example/feed", fetchedAt)
			for _, a := range arts {
				if err := checkArticle(a); err != nil {
					t.Errorf("%q: %v", a.Title, err)
				}
			}
			tt.check(t, arts)
		})
	}
}

// TestDateFallbacks: published, else updated, else first seen; raw strings re-read in the source's
// zone (gofeed's own parse reads "CST" as US Central and zone-less dates as UTC).
func TestDateFallbacks(t *testing.T) {
	shanghai := mustLoc(t, "Asia/Shanghai")
	tests := []struct {
		name               string
		published, updated string
		loc                *time.Location
		wantDate           time.Time
		wantUpdated        time.Time
	}{
		{"CST is Beijing time", "Thu, 18 Nov 2021 09:06:01 CST", "", shanghai, seedInstant, time.Time{}},
		{"no zone is the source's zone", "2021-11-18 09:06:01", "", shanghai, seedInstant, time.Time{}},
		{"no zone without a location is UTC", "2021-11-18 01:06:01", "", nil, seedInstant, time.Time{}},
		{"+0800", "Thu, 18 Nov 2021 09:06:01 +0800", "", nil, seedInstant, time.Time{}},
		{"GMT", "Thu, 18 Nov 2021 01:06:01 GMT", "", shanghai, seedInstant, time.Time{}},
		{"Chinese", "2021年11月18日 09:06:01", "", shanghai, seedInstant, time.Time{}},
		{"updated kept too", "Thu, 18 Nov 2021 01:06:01 GMT", "2021-11-18T10:00:00+08:00", shanghai, seedInstant, time.Date(2021, 11, 18, 2, 0, 0, 0, time.UTC)},
		{"unparsable published falls back to updated", "not a date", "2021-11-18 09:06:01", shanghai, seedInstant, seedInstant},
		{"unparsable both fall back to first seen", "garbage", "昨天", shanghai, fetchedAt, time.Time{}},
		{"none falls back to first seen", "", "", shanghai, fetchedAt, time.Time{}},
		{"far future rejected", "Sat, 01 Jan 2101 00:00:00 GMT", "", shanghai, fetchedAt, time.Time{}},
		{"far future falls back to updated", "2101-01-01T00:00:00Z", "Thu, 18 Nov 2021 01:06:01 GMT", shanghai, seedInstant, seedInstant},
		{"slightly ahead is kept", "Thu, 07 Apr 2022 08:00:00 +0800", "", shanghai, fetchedAt, time.Time{}},
		{"before 1970 rejected", "Mon, 01 Jan 0001 00:00:00 GMT", "", nil, fetchedAt, time.Time{}},
	}
	n := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed := &gofeed.Feed{Items: []*gofeed.Item{{Title: "x", Link: "https://a.example/1", Published: tt.published, Updated: tt.updated}}}
			arts := n.Feed(aggregator.Source{Name: "s", Location: tt.loc}, feed, "", fetchedAt)
			a := arts[0]
			if !a.Date.Equal(tt.wantDate) || !a.Updated.Equal(tt.wantUpdated) {
				t.Errorf("date %v updated %v, want %v and %v", a.Date, a.Updated, tt.wantDate, tt.wantUpdated)
			}
			if a.Date.Location() != time.UTC || !a.FirstSeen.Equal(fetchedAt) {
				t.Errorf("date location %v, first seen %v", a.Date.Location(), a.FirstSeen)
			}
		})
	}
}

func TestFeedNil(t *testing.T) {
	n := New(Options{})
	if got := n.Feed(aggregator.Source{Name: "s"}, nil, "", fetchedAt); got != nil {
		t.Errorf("Feed(nil) = %v", got)
	}
	feed := &gofeed.Feed{Items: []*gofeed.Item{nil, {Title: "x"}}}
	if got := n.Feed(aggregator.Source{Name: "s"}, feed, "", fetchedAt); len(got) != 1 {
		t.Errorf("%d articles from one nil and one real item", len(got))
	}
}

func FuzzNormalize(f *testing.F) {
	entries, _ := os.ReadDir(fixtureDir)
	for _, e := range entries {
		if b, err := os.ReadFile(filepath.Join(fixtureDir, e.Name())); err == nil && !e.IsDir() && len(b) < 64<<10 {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"items":[{"id":1,"title":"\u0001\ud800<b>x</b>","content_html":"<img src=x onerror=alert(1)>","date_published":"2021-11-18 09:06:01"},null]}`))
	f.Add([]byte(rssFeed(`<item><title>&lt;script&gt;</title><link>//x</link><media:thumbnail url="javascript:x"/></item>`)))
	n := New(Options{})
	shanghai := mustLoc(f, "Asia/Shanghai")
	src := aggregator.Source{Name: "fuzz", Title: "Fuzz", Categories: []string{"金融"}, Author: "财联社", Location: shanghai}
	f.Fuzz(func(t *testing.T, body []byte) {
		feed, err := parse.Parse(body, "")
		if err != nil {
			return
		}
		arts := n.Feed(src, feed, "https://rsshub.app/fuzz", fetchedAt)
		seen := map[string]bool{}
		for _, a := range arts {
			if err := checkArticle(a); err != nil {
				t.Fatalf("%v\narticle: %+v", err, a)
			}
			if seen[a.Key] {
				t.Fatalf("key %q twice in one feed", a.Key)
			}
			seen[a.Key] = true
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	n := New(Options{})
	for _, name := range []string{"farm-rss.xml", "farm-atom.xml", "cls-depth.xml"} {
		src, ct := fixtureSource(b, name)
		body, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			b.Fatal(err)
		}
		feed, err := parse.Parse(body, ct)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				n.Feed(src, feed, src.URL, fetchedAt)
			}
			b.ReportMetric(float64(len(feed.Items)*b.N)/b.Elapsed().Seconds(), "items/s")
		})
		b.Run(name+"/parse+normalize", func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				f, err := parse.Parse(body, ct)
				if err != nil {
					b.Fatal(err)
				}
				n.Feed(src, f, src.URL, fetchedAt)
			}
			b.ReportMetric(float64(len(feed.Items)*b.N)/b.Elapsed().Seconds(), "items/s")
		})
	}
}

// TestConcurrentUse: one Normalizer (one element table) serves every source's refresh at once.
func TestConcurrentUse(t *testing.T) {
	n := New(Options{})
	names := []string{"cls-depth.xml", "cls-telegraph.xml", "atom.xml", "feed.json", "hostile.xml", "gbk.xml"}
	want := make(map[string][]aggregator.Article, len(names))
	feeds := make(map[string]*gofeed.Feed, len(names))
	srcs := make(map[string]aggregator.Source, len(names))
	for _, name := range names {
		want[name] = normalizeFixture(t, n, name)
		src, ct := fixtureSource(t, name)
		srcs[name] = src
		body, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if feeds[name], err = parse.Parse(body, ct); err != nil {
			t.Fatal(err)
		}
	}
	errs := make(chan error, 8*len(names))
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for _, name := range names {
				src := srcs[name]
				if got := n.Feed(src, feeds[name], src.URL, fetchedAt); !reflect.DeepEqual(got, want[name]) {
					errs <- fmt.Errorf("%s: concurrent result differs", name)
				}
			}
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestFeedWarnsOfZonesReadAsUTC: "CST" on a source without a timezone is read as UTC, 8 hours off
// for a Chinese feed; Normalize says so once per feed and names the setting that fixes it.
func TestFeedWarnsOfZonesReadAsUTC(t *testing.T) {
	shanghai := mustLoc(t, "Asia/Shanghai")
	tests := []struct {
		name  string
		loc   *time.Location
		dates []string
		want  []string // one warning per entry, each containing these
	}{
		{"CST without a timezone", time.UTC, []string{"Thu, 18 Nov 2021 09:06:01 CST", "Thu, 18 Nov 2021 10:06:01 CST"},
			[]string{`"CST"`, `read as UTC`, `timezone = "Asia/Shanghai"`}},
		{"unknown abbreviation without a timezone", time.UTC, []string{"Thu, 18 Nov 2021 09:06:01 XYZT"},
			[]string{`"XYZT"`, `set timezone`}},
		{"CST with a timezone", shanghai, []string{"Thu, 18 Nov 2021 09:06:01 CST"}, nil},
		{"numeric offsets", time.UTC, []string{"Thu, 18 Nov 2021 09:06:01 +0800", "2021-11-18T09:06:01+08:00"}, nil},
		{"GMT", time.UTC, []string{"Thu, 18 Nov 2021 01:06:01 GMT"}, nil},
	}
	n := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed := &gofeed.Feed{}
			for i, d := range tt.dates {
				feed.Items = append(feed.Items, &gofeed.Item{Title: "x", Link: fmt.Sprintf("https://a.example/%d", i), Published: d})
			}
			res := n.Normalize(aggregator.Source{Name: "s", Location: tt.loc}, feed, "", fetchedAt)
			arts, warnings := res.Articles, res.Warnings
			if len(arts) != len(tt.dates) {
				t.Fatalf("%d articles, want %d", len(arts), len(tt.dates))
			}
			if tt.want == nil {
				if len(warnings) != 0 {
					t.Errorf("warnings %q, want none", warnings)
				}
				return
			}
			if len(warnings) != 1 {
				t.Fatalf("warnings %q, want exactly one for the feed", warnings)
			}
			for _, w := range tt.want {
				if !strings.Contains(warnings[0], w) {
					t.Errorf("warning %q does not contain %q", warnings[0], w)
				}
			}
		})
	}
}
