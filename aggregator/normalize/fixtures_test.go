package normalize

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"tributary/aggregator/testenv"
)

// -fixtures regenerates the generated fixtures of ../testdata from the posts shipped there (the seed
// post and a few real posts, copies of ../shared's): go test ./aggregator/normalize -run TestGenerateFixtures -fixtures
var regenFixtures = flag.Bool("fixtures", false, "regenerate the generated fixtures in aggregator/testdata from its posts")

var fixtureDir = filepath.Join("..", "testdata")

// post is one Hexo post: the seed or a real post.
type post struct {
	title, date, body string
}

// readPost splits a Hexo post the seed's script wrote: front matter, then "<div>   \n" + the RSS
// description + "  \n</div>".
func readPost(tb testing.TB, path string) post {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read post: %v", err)
	}
	s := string(b)
	var p post
	for _, line := range strings.Split(s, "\n") {
		if v, ok := strings.CutPrefix(line, "title: "); ok && p.title == "" {
			p.title = strings.Trim(v, `'"`)
		}
		if v, ok := strings.CutPrefix(line, "date: "); ok && p.date == "" {
			p.date = v
		}
	}
	const open, end = "<div>   \n", "  \n</div>"
	i := strings.Index(s, open)
	j := strings.LastIndex(s, end)
	if i < 0 || j < i {
		tb.Fatalf("%s: no <div> wrapper", path)
	}
	p.body = s[i+len(open) : j]
	return p
}

// seedBody is the seed article's description, byte for byte.
func seedBody(tb testing.TB) string {
	tb.Helper()
	return readPost(tb, filepath.Join(fixtureDir, "seed", "cls-depth-article.md")).body
}

// rssItem is one <item> of an RSSHub RSS 2.0 feed.
type rssItem struct {
	title, description, pubDate, link, guid string
}

// rsshub renders a feed the way RSSHub's RSS template does (2021 layout: CDATA title and description,
// webMaster DIYgod, ttl 5).
func rsshub(title, link, self, built string, items []rssItem) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss  xmlns:atom="http://www.w3.org/2005/Atom" version="2.0"
>
    <channel>
        <title><![CDATA[%s]]></title>
        <link>%s</link>
        <atom:link href="%s" rel="self" type="application/rss+xml" />
        <description><![CDATA[%s - Made with love by RSSHub(https://github.com/DIYgod/RSSHub)]]></description>
        <generator>RSSHub</generator>
        <webMaster>i@diygod.me (DIYgod)</webMaster>
        <language>zh-cn</language>
        <lastBuildDate>%s</lastBuildDate>
        <ttl>5</ttl>
`, title, link, self, title, built)
	for _, it := range items {
		fmt.Fprintf(&b, `        <item>
            <title><![CDATA[%s]]></title>
            <description><![CDATA[%s]]></description>
            <pubDate>%s</pubDate>
`, it.title, it.description, it.pubDate)
		if it.guid != "" {
			fmt.Fprintf(&b, "            <guid isPermaLink=\"false\">%s</guid>\n", it.guid)
		}
		fmt.Fprintf(&b, "            <link>%s</link>\n        </item>\n", it.link)
	}
	b.WriteString("    </channel>\n</rss>\n")
	return b.Bytes()
}

// Invented cls.cn article ids: one per story, shared by the depth page and the telegraph share link of
// the same story.
const (
	idSeed     = "883427"
	idMusk     = "874112"
	idTreasury = "760881"
	idGuangYu  = "769530"
	idPass     = "983517"
	idMoutai   = "936402"
	idLogistic = "901245"
	idXWLB     = "870611"
	idBeijing  = "962310"
	idLimitUp  = "927768"
)

func detail(id string) string { return "https://www.cls.cn/detail/" + id }

func share(id, query string) string { return "https://api3.cls.cn/share/article/" + id + "?" + query }

const webShare = "os=web&sv=7.7.5&app=CailianpressWeb"

// depthItems builds /cls/depth/1000: the seed first, then real 深度 posts. treasuryTitle is the
// headline of the story that gets edited between cls-depth.xml and cls-depth-edited.xml.
func depthItems(tb testing.TB, treasuryTitle string) []rssItem {
	rp := func(name string) post { return readPost(tb, filepath.Join(fixtureDir, "realposts", "深度", name)) }
	item := func(p post, title, id string) rssItem {
		return rssItem{title: title, description: p.body, pubDate: p.date, link: detail(id), guid: detail(id)}
	}
	musk := rp("1000人打赏世界首富，马斯克的七步诗谁是豆谁是萁？.md")
	treasury := rp("10年期美债收益率创3个月新低！美国CPI爆表 债市反而利空出尽？.md")
	guangyu := rp("10天4个涨停板 暴涨75%！中华老字号药企广誉远要_起死回生_了？.md")
	pass := rp("1000元可以代办通行证？麦德龙发生哄抢？假的.md")
	moutai := rp("1188元_瓶！茅台1935零售指导价确定.md")
	return []rssItem{
		{
			title:       "2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景",
			description: seedBody(tb),
			pubDate:     "Thu, 18 Nov 2021 01:06:01 GMT",
			link:        detail(idSeed),
			guid:        detail(idSeed),
		},
		item(musk, musk.title, idMusk),
		item(treasury, treasuryTitle, idTreasury),
		// The post's title has _ where the script replaced the curly quotes; the feed had them.
		item(guangyu, "10天4个涨停板 暴涨75%！中华老字号药企广誉远要“起死回生”了？", idGuangYu),
		item(pass, pass.title, idPass),
		// A title-only stub; the post's _ was a "/".
		item(moutai, "1188元/瓶！茅台1935零售指导价确定", idMoutai),
	}
}

// telegraphItems builds /cls/telegraph: untitled flashes whose title RSSHub filled with the text,
// share links, no guid, plain-text bodies. One flash keeps an empty title.
func telegraphItems(tb testing.TB) []rssItem {
	rp := func(name string) post { return readPost(tb, filepath.Join(fixtureDir, "realposts", "电报", name)) }
	flash := func(name, id string, emptyTitle bool) rssItem {
		p := rp(name)
		it := rssItem{title: p.body, description: p.body, pubDate: p.date, link: share(id, webShare)}
		if emptyTitle {
			it.title = ""
		}
		return it
	}
	return []rssItem{
		flash("1188元_瓶！茅台1935零售指导价确定.md", idMoutai, false),
		flash("1000元可以代办通行证？麦德龙发生哄抢？假的.md", idPass, false),
		flash("10日0时至11日16时，北京新增本土新冠肺炎确诊病例5例。.md", idBeijing, true),
		flash("12月30日午间涨停分析.md", idLimitUp, false),
		flash("1-10月全国社会物流总额2618万亿元 同比增长105%.md", idLogistic, false),
		flash("10月11日周一《新闻联播》要闻15条.md", idXWLB, false),
	}
}

// gbkFeed is a legacy Chinese CMS feed: GBK bytes under a gb2312 declaration, dates in Beijing wall
// time without a zone (one in the Chinese form).
func gbkFeed(tb testing.TB) []byte {
	rp := func(name string) post { return readPost(tb, filepath.Join(fixtureDir, "realposts", "电报", name)) }
	logistic := rp("1-10月全国社会物流总额2618万亿元 同比增长105%.md")
	moutai := rp("1188元_瓶！茅台1935零售指导价确定.md")
	beijing := rp("10日0时至11日16时，北京新增本土新冠肺炎确诊病例5例。.md")
	doc := `<?xml version="1.0" encoding="gb2312"?>
<rss version="2.0">
<channel>
<title>示例财经网 - 滚动新闻</title>
<link>http://finance.example.cn/roll/</link>
<description>示例财经网滚动新闻（GBK 编码）</description>
<language>zh-cn</language>
<item>
<title>1-10月全国社会物流总额261.8万亿元 同比增长10.5%</title>
<link>http://finance.example.cn/roll/2021-11-27/doc-1001.shtml</link>
<author>示例财经网</author>
<pubDate>2021-11-27 11:22:46</pubDate>
<description>` + xmlEscape(logistic.body) + `</description>
</item>
<item>
<title>1188元/瓶！茅台1935零售指导价确定</title>
<link>/roll/2022-01-18/doc-1002.shtml</link>
<pubDate>2022年01月18日 20:21</pubDate>
<description>` + xmlEscape(moutai.body) + `</description>
</item>
<item>
<title>北京新增本土新冠肺炎确诊病例5例</title>
<link>http://finance.example.cn/roll/2022-03-11/doc-1003.shtml</link>
<pubDate>Fri, 11 Mar 2022 16:08:43 CST</pubDate>
<description>` + xmlEscape(beijing.body) + `</description>
</item>
</channel>
</rss>
`
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(doc))
	if err != nil {
		tb.Fatalf("encode GBK: %v", err)
	}
	return gbk
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// generatedFixtures renders every generated fixture.
func generatedFixtures(tb testing.TB) map[string][]byte {
	tb.Helper()
	const built = "Thu, 18 Nov 2021 01:10:12 GMT"
	// A labeled "same" pair of pairs.tsv: one headline, edited after publication (identical body and date).
	const before, after = "10年期美债收益率创3个月新低！美国CPI爆表 债市反而利空出尽？", "10年期美债收益率创3个月新低：美国CPI爆表 债市利空出尽？"
	tele := telegraphItems(tb)
	app := []rssItem{tele[4], tele[1]}
	for i := range app {
		app[i].link = strings.Replace(app[i].link, webShare, "os=android&sv=8.0&app=cls", 1)
	}
	return map[string][]byte{
		"cls-depth.xml":         rsshub("财联社 - 深度", "https://www.cls.cn/depth?id=1000", "https://rsshub.app/cls/depth/1000", built, depthItems(tb, before)),
		"cls-depth-edited.xml":  rsshub("财联社 - 深度", "https://www.cls.cn/depth?id=1000", "https://rsshub.app/cls/depth/1000", "Thu, 18 Nov 2021 02:10:12 GMT", depthItems(tb, after)),
		"cls-telegraph.xml":     rsshub("财联社 - 电报", "https://www.cls.cn/telegraph", "https://rsshub.app/cls/telegraph", "Thu, 07 Apr 2022 00:00:00 GMT", tele),
		"cls-telegraph-app.xml": rsshub("财联社 - 电报（App）", "https://www.cls.cn/telegraph", "https://rsshub.example.net/cls/telegraph", "Thu, 07 Apr 2022 00:00:00 GMT", app),
		"gbk.xml":               gbkFeed(tb),
	}
}

// TestGenerateFixtures keeps the generated fixtures equal to what the generator makes from the
// shipped posts, and rewrites them with -fixtures.
func TestGenerateFixtures(t *testing.T) {
	for name, want := range generatedFixtures(t) {
		path := filepath.Join(fixtureDir, name)
		if *regenFixtures {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -fixtures to generate)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what the generator makes from the posts (run with -fixtures)", name)
		}
	}
}

// TestShippedPostsAreShared holds the posts shipped in ../testdata (seed/, realposts/) to the ones of
// ../shared they were copied from, byte for byte.
func TestShippedPostsAreShared(t *testing.T) {
	shared := filepath.Dir(testenv.Shared(t, "seed"))
	var n int
	for _, sub := range []string{"seed", "realposts"} {
		err := filepath.WalkDir(filepath.Join(fixtureDir, sub), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(fixtureDir, p)
			got, want := mustReadFile(t, p), mustReadFile(t, filepath.Join(shared, rel))
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from ../shared/%s", p, filepath.ToSlash(rel))
			}
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 12 {
		t.Errorf("%d shipped posts, want the seed and 11 real posts", n)
	}
}

func mustReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
