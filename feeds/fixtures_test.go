package feeds

import (
	"flag"

	"os"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// seedTitle is the seed article's headline as RSSHub publishes it (the Hexo post replaced the curly
// quotes with underscores; tributary republishes the original).
const seedTitle = "2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景"

const seedImage = "https://img.cls.cn/images/20211118/IkQWc3B11w.png"

func mustTime(tb testing.TB, layout, s string) time.Time {
	tb.Helper()
	t, err := time.Parse(layout, s)
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func readTestdata(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// fixtureOutput is the "all" output of the shipped configuration.
func fixtureOutput() aggregator.Output {
	return aggregator.Output{Name: "all", Title: "财经速递", Description: "财联社深度、电报与热门文章，合并去重", Limit: 100}
}

// fixtureArticles returns a fixed set of articles, newest first, as Store.Articles would: the seed
// article (财联社 深度), an untitled telegraph flash, an edited English story with a JPEG and a webp
// thumbnail, and a story without image, author or categories.
func fixtureArticles(tb testing.TB) []aggregator.Article {
	tb.Helper()
	beijing := time.FixedZone("CST", 8*3600)
	seedDate := mustTime(tb, time.RFC1123, "Thu, 18 Nov 2021 01:06:01 GMT")
	return []aggregator.Article{
		{
			ID:         "b3f0c9e1d2a4",
			Key:        "https://www.cls.cn/detail/1851112",
			Title:      "【央行：11月末广义货币余额同比增长8.5%】财联社12月10日电，央行数据显示，11月末广义货币(M2)余额235.6万亿元。",
			Categories: []string{"金融", "财联社", "电报"},
			Author:     "财联社",
			Date:       time.Date(2021, 12, 10, 16, 2, 11, 0, beijing),
			FirstSeen:  time.Date(2021, 12, 10, 16, 5, 0, 0, beijing),
			Body:       "【央行：11月末广义货币余额同比增长8.5%】财联社12月10日电，央行数据显示，11月末广义货币(M2)余额235.6万亿元，同比增长8.5%。",
			Link:       "https://www.cls.cn/detail/1851112",
			GUID:       "https://api3.cls.cn/share/article/1851112?os=web&sv=7.7.5&app=CailianpressWeb",
			Sources:    []string{"cls-telegraph"},
		},
		{
			ID:         "7a2c5e90f1d3",
			Key:        "https://example.com/markets/asia-stocks",
			Title:      "Asia stocks edge higher as investors weigh China data",
			Categories: []string{"Markets", "Asia"},
			Thumbnail:  "https://example.com/img/asia-thumb.webp",
			HeadImg:    "https://example.com/img/asia.JPG?w=1200",
			Author:     "Jane Doe",
			Date:       time.Date(2021, 11, 19, 3, 0, 0, 0, time.UTC),
			Updated:    time.Date(2021, 11, 19, 5, 30, 0, 0, time.UTC),
			FirstSeen:  time.Date(2021, 11, 19, 3, 10, 0, 0, time.UTC),
			Body:       `<p>Shares rose &amp; bonds fell.</p><p><img src="https://example.com/img/asia.JPG?w=1200" alt="chart" referrerpolicy="no-referrer"></p>`,
			Link:       "https://example.com/markets/asia-stocks",
			GUID:       "https://example.com/markets/asia-stocks",
			Sources:    []string{"example-markets"},
		},
		{
			ID:         "e41b7d02c8f5",
			Key:        "https://www.cls.cn/detail/903466",
			Title:      seedTitle,
			Categories: []string{"金融", "财联社", "深度"},
			HeadImg:    seedImage,
			Thumbnail:  seedImage,
			Author:     "财联社",
			Date:       seedDate,
			FirstSeen:  time.Date(2021, 11, 18, 9, 10, 0, 0, beijing),
			Body:       readTestdata(tb, "seed-body.html"),
			Link:       "https://www.cls.cn/detail/903466",
			GUID:       "https://www.cls.cn/detail/903466",
			Sources:    []string{"cls-depth", "cls-hot"},
		},
		{
			ID:        "0c9d8e7f6a5b",
			Key:       "bare\x00guid-1",
			Title:     "A story with nothing but a title",
			Date:      time.Date(2021, 11, 17, 12, 0, 0, 0, time.UTC),
			FirstSeen: time.Date(2021, 11, 17, 12, 0, 0, 0, time.UTC),
			Body:      "plain text body",
			Link:      "http://example.org/bare",
			Sources:   []string{"bare"},
		},
	}
}

// hostileTitle is escaped wherever it is shown, never run.
const hostileTitle = "<script>alert('t')</script> & “x” \x0b\x00]]>"

// hostileArticles returns articles carrying what must not break an output: XML-illegal runes,
// lone surrogates (WTF-8), U+FFFE, "]]>" in the body, markup in the title, active URLs.
func hostileArticles(tb testing.TB) []aggregator.Article {
	tb.Helper()
	d := time.Date(2021, 11, 18, 1, 6, 1, 0, time.UTC)
	return []aggregator.Article{
		{
			ID:         "hostile\x01-1",
			Title:      hostileTitle,
			Categories: []string{"a]]>b", "<b>bold</b>", "ctl\x1f", "", "a]]>b"},
			HeadImg:    "javascript:alert(1)//.png",
			Thumbnail:  "data:image/png;base64,AAAA",
			Author:     "evil\x08 <a@b>",
			Date:       d,
			Body:       "<p>one ]]> two ]]]]> three \x0b\x0c\x00 \xed\xa0\x80 lone \xef\xbf\xbe fffe \xff\xfe bad</p><![CDATA[x]]>",
			Link:       " JavaScript:alert(document.domain)",
			Sources:    []string{"evil"},
		},
		{
			ID:        "", // no ID: a stable one is derived, never a random one
			Key:       "evil\x00no-id",
			Title:     "\U0001F600 emoji, \u2028 line separator, \u0085 NEL, \uFFFD",
			Date:      time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC),
			Body:      strings.Repeat("]", 3) + ">" + "&amp;&lt;&#0;&#x1;",
			Link:      "https://example.com/a?b=1&c=<2>",
			HeadImg:   "https://example.com/x.png\"onerror=\"alert(1)",
			Sources:   []string{"evil"},
			FirstSeen: d,
		},
	}
}
