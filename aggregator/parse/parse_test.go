package parse

import (
	"errors"
	"fmt"
	"github.com/mmcdole/gofeed"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// fixture reads a file of the shared fixtures in aggregator/testdata.
func fixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		tb.Fatalf("read fixture: %v", err)
	}
	return b
}

const rssDoc = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>财联社 - 深度</title><link>https://www.cls.cn/depth?id=1000</link>
<item><title>标题一</title><link>https://www.cls.cn/detail/1</link></item></channel></rss>`

const atomDoc = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom 标题</title>
<entry><title>条目</title><id>urn:1</id></entry></feed>`

const jsonDoc = `{"version":"https://jsonfeed.org/version/1.1","title":"JSON 标题","items":[{"id":"1","title":"条目"}]}`

func TestParseFormats(t *testing.T) {
	longComment := "<?xml version=\"1.0\"?>\n<!--" + strings.Repeat("长注释", 2000) + "-->\n" + rssDoc[strings.Index(rssDoc, "<rss"):]
	tests := []struct {
		name        string
		body        string
		contentType string
		wantType    string
		wantTitle   string
		wantItems   int
		wantErr     error  // errors.Is target when the parse must fail
		errContains string // text the error must carry
	}{
		{name: "rss by content type", body: rssDoc, contentType: "application/rss+xml; charset=utf-8", wantType: "rss", wantTitle: "财联社 - 深度", wantItems: 1},
		{name: "rss detected from text/xml", body: rssDoc, contentType: "text/xml", wantType: "rss", wantTitle: "财联社 - 深度", wantItems: 1},
		{name: "rss detected without content type", body: rssDoc, wantType: "rss", wantTitle: "财联社 - 深度", wantItems: 1},
		{name: "atom by content type", body: atomDoc, contentType: "application/atom+xml", wantType: "atom", wantTitle: "Atom 标题", wantItems: 1},
		{name: "atom served as rss", body: atomDoc, contentType: "application/rss+xml", wantType: "atom", wantTitle: "Atom 标题", wantItems: 1},
		{name: "json by content type", body: jsonDoc, contentType: "application/feed+json", wantType: "json", wantTitle: "JSON 标题", wantItems: 1},
		{name: "json detected", body: jsonDoc, contentType: "application/octet-stream", wantType: "json", wantTitle: "JSON 标题", wantItems: 1},
		{name: "root after 12 KiB comment", body: longComment, wantType: "rss", wantTitle: "财联社 - 深度", wantItems: 1},
		{name: "utf-8 bytes under a stale gb2312 declaration", body: strings.Replace(rssDoc, `encoding="UTF-8"`, `encoding="gb2312"`, 1), wantType: "rss", wantTitle: "财联社 - 深度", wantItems: 1},
		{name: "bom", body: "\ufeff" + rssDoc, wantType: "rss", wantTitle: "财联社 - 深度", wantItems: 1},
		{name: "json null items (gofeed #355)", body: `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[null,{"id":"a","title":"x"},null]}`, wantType: "json", wantTitle: "t", wantItems: 1},
		{name: "json null authors", body: `{"title":"t","authors":[null],"items":[{"id":"a","authors":[null,{"name":"n"}]}]}`, wantType: "json", wantTitle: "t", wantItems: 1},
		{name: "json wrong types dropped member by member", body: `{"title":42,"items":[{"id":7,"title":["x"],"tags":"nope","url":"https://e.com/1"},"str",5,true,{"id":"b","title":"ok","tags":[1,"t",null]}]}`, wantType: "json", wantTitle: "", wantItems: 2},
		{name: "json huge numbers", body: `{"title":"t","items":[{"id":1e400,"attachments":[{"url":"https://e.com/a","size_in_bytes":99999999999999999999999999}]}]}`, wantType: "json", wantTitle: "t", wantItems: 1},
		{name: "json items not an array", body: `{"title":"t","items":{"id":"1"}}`, wantType: "json", wantTitle: "t", wantItems: 0},
		{name: "html error page", body: "<!DOCTYPE html><html><body>503 Service Unavailable</body></html>", contentType: "text/html", wantErr: ErrNotFeed, errContains: `parse: not a feed (starts with "<!DOCTYPE html><html><body>503 Service U"…)`},
		{name: "html served as rss", body: "<html><body>oops</body></html>", contentType: "application/rss+xml", wantErr: ErrNotFeed, errContains: "not a feed (served as rss"},
		{name: "empty body", body: "", wantErr: ErrNotFeed, errContains: "parse: not a feed (starts with nothing: empty body)"},
		{name: "plain text", body: "hello", wantErr: ErrNotFeed, errContains: `starts with "hello"`},
		{name: "truncated json", body: `{"title":"t","items":[`, contentType: "application/feed+json", errContains: "parse: json:"},
		{name: "json array document", body: `[1,2]`, errContains: "not a feed"},
		{name: "truncated rss", body: rssDoc[:len(rssDoc)-40], wantType: "rss", wantTitle: "财联社 - 深度", errContains: "parse: rss:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := Parse([]byte(tt.body), tt.contentType)
			if tt.wantErr != nil || tt.errContains != "" {
				if err == nil {
					t.Fatalf("Parse = %+v, want an error", feed)
				}
				if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
					t.Errorf("error %v does not wrap %v", err, tt.wantErr)
				}
				if !strings.Contains(err.Error(), tt.errContains) {
					t.Errorf("error %q does not contain %q", err, tt.errContains)
				}
				if feed != nil {
					t.Errorf("feed = %+v alongside an error", feed)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if feed.FeedType != tt.wantType || feed.Title != tt.wantTitle || len(feed.Items) != tt.wantItems {
				t.Errorf("got type %q title %q %d items, want %q %q %d", feed.FeedType, feed.Title, len(feed.Items), tt.wantType, tt.wantTitle, tt.wantItems)
			}
		})
	}
}

func TestParseJSONCoercions(t *testing.T) {
	feed, err := Parse([]byte(`{"title":"t","items":[{"id":12345678901234567890,"title":"x","tags":[1,"t",null,"u"],"attachments":[null,{"url":"https://e.com/a.png","mime_type":"image/png","size_in_bytes":12}]}]}`), "")
	if err != nil {
		t.Fatal(err)
	}
	it := feed.Items[0]
	if it.GUID != "12345678901234567890" {
		t.Errorf("GUID = %q, want the number's text", it.GUID)
	}
	if got := strings.Join(it.Categories, ","); got != "t,u" {
		t.Errorf("Categories = %q, want t,u", got)
	}
	if len(it.Enclosures) != 1 || it.Enclosures[0].Length != "12" {
		t.Errorf("Enclosures = %+v", it.Enclosures)
	}
}

// TestParseJSONTextIsText: content_text and summary are plain text in JSON Feed; they arrive as
// HTML that shows them as written (escaped, line breaks kept), never as markup.
func TestParseJSONTextIsText(t *testing.T) {
	tests := []struct {
		name, item, wantContent, wantDescription string
	}{
		{"markup in content_text", `"content_text":"<img src=x onerror=alert(1)>"`, "&lt;img src=x onerror=alert(1)&gt;", ""},
		{"ampersands and quotes", `"content_text":"AT&T \"a < b\""`, "AT&amp;T &#34;a &lt; b&#34;", ""},
		{"lines and paragraphs", `"content_text":"one\r\ntwo\n \n\nthree <b>"`, "<p>one<br>two</p><p>three &lt;b&gt;</p>", ""},
		{"markup in summary", `"summary":"<script>x</script>","content_html":"<p>body</p>"`, "<p>body</p>", "&lt;script&gt;x&lt;/script&gt;"},
		{"content_html wins and stays HTML", `"content_html":"<b>x</b>","content_text":"<i>y</i>"`, "<b>x</b>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			feed, err := Parse([]byte(`{"items":[{"id":"1",`+tt.item+`}]}`), "application/feed+json")
			if err != nil {
				t.Fatal(err)
			}
			it := feed.Items[0]
			if it.Content != tt.wantContent || it.Description != tt.wantDescription {
				t.Errorf("content %q description %q, want %q and %q", it.Content, it.Description, tt.wantContent, tt.wantDescription)
			}
		})
	}
}

// TestParseRSSKeepsExplicitImagesOnly checks the documented trade: no HTML scan for Item.Image, but
// explicit images (media:content, enclosures) still arrive.
func TestParseRSSKeepsExplicitImagesOnly(t *testing.T) {
	doc := `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
<item><title>a</title><description><![CDATA[<p><img src="https://e.com/body.png"></p>]]></description></item>
<item><title>b</title><enclosure url="https://e.com/enc.jpg" type="image/jpeg" length="1"/></item>
<item><title>c</title><media:content url="https://e.com/m.jpg" medium="image"/><media:thumbnail url="https://e.com/t.jpg"/></item>
</channel></rss>`
	feed, err := Parse([]byte(doc), "application/rss+xml")
	if err != nil {
		t.Fatal(err)
	}
	if feed.Items[0].Image != nil {
		t.Errorf("item 0 Image = %+v, want nil (no HTML scan)", feed.Items[0].Image)
	}
	if feed.Items[1].Image == nil || feed.Items[1].Image.URL != "https://e.com/enc.jpg" {
		t.Errorf("item 1 Image = %+v", feed.Items[1].Image)
	}
	if feed.Items[2].Image == nil || feed.Items[2].Image.URL != "https://e.com/m.jpg" {
		t.Errorf("item 2 Image = %+v", feed.Items[2].Image)
	}
	if th := feed.Items[2].Extensions["media"]["thumbnail"]; len(th) != 1 || th[0].Attrs["url"] != "https://e.com/t.jpg" {
		t.Errorf("media:thumbnail extension = %+v", th)
	}
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file, contentType, wantTitle, wantFirst string
		wantItems                               int
	}{
		{"cls-depth.xml", "application/rss+xml; charset=utf-8", "财联社 - 深度", "2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景", 6},
		{"cls-depth-edited.xml", "application/rss+xml", "财联社 - 深度", "2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景", 6},
		{"cls-telegraph.xml", "application/xml", "财联社 - 电报", "", 6},
		{"cls-telegraph-app.xml", "", "财联社 - 电报（App）", "", 2},
		// GBK bytes under a gb2312 declaration, no decoder in front: gofeed's charset reader handles it.
		{"gbk.xml", "text/xml", "示例财经网 - 滚动新闻", "1-10月全国社会物流总额261.8万亿元 同比增长10.5%", 3},
		{"atom.xml", "application/atom+xml", "示例博客 · 财经笔记", "翼支付大会：<b>数字金融</b>的三个看点", 3},
		{"feed.json", "application/feed+json", "示例快讯 JSON Feed", "翼支付合作伙伴大会在广州举办", 3},
		{"hostile.xml", "application/xml", "<script>alert(\"feed\")</script>Hostile <b>feed</b>", "<script>alert('title')</script>标题<img src=x onerror=alert(1)>", 3},
		{"farm-rss.xml", "", "重庆教育日报 #0", "", 50},
		{"farm-atom.xml", "application/atom+xml", "台北观察日报 #1", "", 50},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			feed, err := Parse(fixture(t, tt.file), tt.contentType)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(feed.Items) == 0 {
				t.Fatal("no items")
			}
			if tt.wantTitle != "" && feed.Title != tt.wantTitle {
				t.Errorf("title = %q, want %q", feed.Title, tt.wantTitle)
			}
			if tt.wantFirst != "" && feed.Items[0].Title != tt.wantFirst {
				t.Errorf("first item title = %q, want %q", feed.Items[0].Title, tt.wantFirst)
			}
			if tt.wantItems != 0 && len(feed.Items) != tt.wantItems {
				t.Errorf("%d items, want %d", len(feed.Items), tt.wantItems)
			}
		})
	}
}

// TestParseNeverExpandsEntities proves that DTD entities are neither expanded (billion laughs) nor
// fetched (external entities pointing at a local server and at a local file).
func TestParseNeverExpandsEntities(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "SECRET-FROM-SERVER")
	}))
	defer srv.Close()

	laughs := `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>a &lol9; b</title><description>&lol9;&lol9;</description></item></channel></rss>`

	external := func(uri string) string {
		return `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "` + uri + `"> <!ENTITY % pe SYSTEM "` + uri + `"> %pe; ]>
<rss version="2.0"><channel><title>x&xxe;y</title><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>`
	}

	tests := []struct {
		name string
		doc  string
	}{
		{"billion laughs", laughs},
		{"external entity over http", external(srv.URL + "/secret")},
		{"external entity on disk", external("file:///etc/passwd")},
		{"external DTD", `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "` + srv.URL + `/dtd"><rss version="2.0"><channel><title>t</title><item><title>&ext;</title></item></channel></rss>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			feed, err := Parse([]byte(tt.doc), "")
			if err != nil {
				// Refusing the document is as safe as leaving entities alone.
				t.Logf("refused: %v", err)
				return
			}
			var total int
			fields := []string{feed.Title, feed.Description}
			for _, it := range feed.Items {
				fields = append(fields, it.Title, it.Description, it.Content)
			}
			for _, f := range fields {
				total += len(f)
				if strings.Contains(f, "lollol") || strings.Contains(f, "SECRET") || strings.Contains(f, "root:") {
					t.Errorf("entity expanded: %.80q", f)
				}
			}
			if total > 1000 {
				t.Errorf("output holds %d bytes for a tiny document: entities expanded", total)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("the parser fetched an external entity %d times", n)
	}
}

func TestFixUTF8Declaration(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<?xml version="1.0" encoding="gb2312"?><rss/>`, `<?xml version="1.0" encoding="UTF-8"?><rss/>`},
		{`<?xml version='1.0' encoding='ISO-8859-1' standalone='yes'?><rss>é</rss>`, `<?xml version='1.0' encoding='UTF-8' standalone='yes'?><rss>é</rss>`},
		{`<?xml version="1.0" encoding="utf-8"?><rss/>`, `<?xml version="1.0" encoding="utf-8"?><rss/>`},
		{"<?xml version=\"1.0\" encoding=\"gb2312\"?><rss>\xb2\xe2</rss>", "<?xml version=\"1.0\" encoding=\"gb2312\"?><rss>\xb2\xe2</rss>"}, // real GBK: untouched
		{`<rss/>`, `<rss/>`},
		{`<rss><!-- <?xml encoding="gb2312"?> --></rss>`, `<rss><!-- <?xml encoding="gb2312"?> --></rss>`},
	}
	for _, tt := range tests {
		if got := string(fixUTF8Declaration([]byte(tt.in))); got != tt.want {
			t.Errorf("fixUTF8Declaration(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkParse measures Parse and, on the same bytes, its two paths side by side: the fast path
// (with gofeed's translator) and gofeed's parser and translator, which Parse used alone before.
// The farm feeds are the standard workload (50 items, ~3.3 KB zh-CN HTML bodies; RSS with CDATA,
// Atom with entity-escaped HTML); cls-depth.xml is an RSSHub feed.
func BenchmarkParse(b *testing.B) {
	paths := []struct {
		name  string
		parse func(format, []byte) (*gofeed.Feed, error)
	}{
		{"Parse", func(_ format, body []byte) (*gofeed.Feed, error) { return Parse(body, "") }},
		{"fast", parseFast},
		{"gofeed", parseGofeed},
	}
	for _, name := range []string{"farm-rss.xml", "farm-atom.xml", "cls-depth.xml"} {
		body := fixture(b, name)
		f := detect(body)
		for _, path := range paths {
			feed, err := path.parse(f, body)
			if err != nil {
				b.Fatalf("%s %s: %v", name, path.name, err)
			}
			items := len(feed.Items)
			b.Run(name+"/"+path.name, func(b *testing.B) {
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := path.parse(f, body); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(items*b.N)/b.Elapsed().Seconds(), "items/s")
			})
		}
	}
}
