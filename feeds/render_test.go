package feeds

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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

const (
	testSite = "http://127.0.0.1:8080/"
	testBase = "http://127.0.0.1:8080"
)

func testSelf(name string, f Format) string { return testBase + "/feeds/" + name + "." + f.Ext() }

func render(tb testing.TB, f Format, out aggregator.Output, articles []aggregator.Article) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, f, out, testSelf(out.Name, f), testSite, articles); err != nil {
		tb.Fatalf("Render(%s): %v", f, err)
	}
	return buf.Bytes()
}

func TestRenderGolden(t *testing.T) {
	articles := fixtureArticles(t)
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			got := render(t, f, fixtureOutput(), articles)
			golden := filepath.Join("testdata", "all."+f.Ext())
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update once to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (go test -update rewrites it); got:\n%s", golden, got)
			}
			// Deterministic: a second render gives the same bytes (the ETag depends on it).
			if again := render(t, f, fixtureOutput(), articles); !bytes.Equal(again, got) {
				t.Error("two renders of the same articles differ")
			}
			checkWellFormed(t, f, got)
		})
	}
}

// TestRenderRoundTrip reads every format back with gofeed and checks that nothing was lost.
func TestRenderRoundTrip(t *testing.T) {
	articles := fixtureArticles(t)
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			out := render(t, f, fixtureOutput(), articles)
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("gofeed: %v", err)
			}
			if feed.Title != "财经速递" {
				t.Errorf("feed title = %q", feed.Title)
			}
			if len(feed.Items) != len(articles) {
				t.Fatalf("%d items, want %d", len(feed.Items), len(articles))
			}
			for i, it := range feed.Items {
				a := articles[i]
				wantID := a.ID
				if f == Atom {
					wantID = AtomID(a.ID)
				}
				if it.GUID != wantID {
					t.Errorf("item %d: id = %q, want %q", i, it.GUID, wantID)
				}
				if it.Title != a.Title {
					t.Errorf("item %d: title = %q, want %q", i, it.Title, a.Title)
				}
				if it.Link != a.Link {
					t.Errorf("item %d: link = %q, want %q", i, it.Link, a.Link)
				}
				if !slices.Equal(it.Categories, a.Categories) {
					t.Errorf("item %d: categories = %q, want %q", i, it.Categories, a.Categories)
				}
				if it.Content != a.Body {
					t.Errorf("item %d: content differs:\n got %q\nwant %q", i, it.Content, a.Body)
				}
				if it.PublishedParsed == nil || !it.PublishedParsed.Equal(a.Date) {
					t.Errorf("item %d: published = %v, want %v", i, it.PublishedParsed, a.Date)
				}
				if want := a.Updated; f != RSS && !want.IsZero() && (it.UpdatedParsed == nil || !it.UpdatedParsed.Equal(want)) {
					t.Errorf("item %d: updated = %v, want %v", i, it.UpdatedParsed, want)
				}
				if a.Author != "" && (it.Author == nil || it.Author.Name != a.Author) {
					t.Errorf("item %d: author = %+v, want %q", i, it.Author, a.Author)
				}
				if img := itemImage(it); img != a.HeadImg {
					t.Errorf("item %d: image = %q, want %q", i, img, a.HeadImg)
				}
			}
		})
	}
}

// itemImage returns the image gofeed found: Item.Image for RSS and JSON, the enclosure for Atom.
func itemImage(it *gofeed.Item) string {
	for _, e := range it.Enclosures {
		if strings.HasPrefix(e.Type, "image/") {
			return e.URL
		}
	}
	if it.Image != nil {
		return it.Image.URL
	}
	return ""
}

func TestRenderSeedArticle(t *testing.T) {
	articles := fixtureArticles(t)
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			out := string(render(t, f, fixtureOutput(), articles))
			for _, want := range []string{seedTitle, seedImage, "金融", "财联社", "深度", "翼支付区块链研究院院长贺伟博士"} {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %q", want)
				}
			}
			var wants []string
			switch f {
			case RSS:
				wants = []string{
					`<guid isPermaLink="false">e41b7d02c8f5</guid>`,
					`<pubDate>Thu, 18 Nov 2021 01:06:01 +0000</pubDate>`,
					`<category>金融</category>`, `<category>财联社</category>`, `<category>深度</category>`,
					`<enclosure url="` + seedImage + `" length="0" type="image/png"></enclosure>`,
					`<media:thumbnail url="` + seedImage + `"></media:thumbnail>`,
					`<dc:creator>财联社</dc:creator>`,
					`<content:encoded><![CDATA[<div class="m-b-10">`,
				}
			case Atom:
				wants = []string{
					`<id>urn:tributary:article:e41b7d02c8f5</id>`,
					`<published>2021-11-18T01:06:01Z</published>`,
					`<category term="金融"></category>`, `<category term="深度"></category>`,
					`<link href="` + seedImage + `" rel="enclosure" type="image/png"></link>`,
					`<content type="html">&lt;div class=&#34;m-b-10&#34;&gt;`,
				}
			case JSON:
				wants = []string{`"id":"e41b7d02c8f5"`, `"image":"` + seedImage + `"`, `"date_published":"2021-11-18T01:06:01Z"`,
					`"tags":["金融","财联社","深度"]`, `"content_html":"<div class=\"m-b-10\">`}
			}
			for _, want := range wants {
				if !strings.Contains(out, want) {
					t.Errorf("output lacks %s", want)
				}
			}
		})
	}
}

func TestRenderHostile(t *testing.T) {
	articles := hostileArticles(t)
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			out := render(t, f, aggregator.Output{Name: "evil", Title: "<b>t</b>\x00"}, articles)
			checkWellFormed(t, f, out)
			s := string(out)
			bads := []string{"javascript:", "JavaScript:", "data:image", "\x0b", "\x00", "\xed\xa0\x80", "\xef\xbf\xbe"}
			if f != JSON {
				// In XML a raw "<script>" would be an element; in JSON every string is text.
				bads = append(bads, "<script>")
			}
			for _, bad := range bads {
				if strings.Contains(s, bad) {
					t.Errorf("output contains %q", bad)
				}
			}
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("gofeed: %v", err)
			}
			if len(feed.Items) != 2 {
				t.Fatalf("%d items, want 2", len(feed.Items))
			}
			if got, want := feed.Items[0].Title, "<script>alert('t')</script> & “x” ]]>"; got != want {
				t.Errorf("title = %q, want %q (markup kept as text)", got, want)
			}
			// The article without an ID gets a derived one, the same on every render.
			id := feed.Items[1].GUID
			if id == "" || strings.Contains(id, "uuid") {
				t.Errorf("derived id = %q", id)
			}
			again, _ := gofeed.NewParser().Parse(bytes.NewReader(render(t, f, aggregator.Output{Name: "evil"}, articles)))
			if again.Items[1].GUID != id {
				t.Errorf("derived id changed between renders: %q then %q", id, again.Items[1].GUID)
			}
		})
	}
}

func TestRenderEmpty(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			var buf bytes.Buffer
			// No self or site URL either: the output must still be complete.
			if err := Render(&buf, f, aggregator.Output{Name: "empty"}, "", "", nil); err != nil {
				t.Fatal(err)
			}
			checkWellFormed(t, f, buf.Bytes())
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("gofeed: %v", err)
			}
			if feed.Title != "empty" || len(feed.Items) != 0 {
				t.Errorf("title %q, %d items", feed.Title, len(feed.Items))
			}
			if f == JSON && !strings.Contains(buf.String(), `"items":[]`) {
				t.Error("JSON Feed without its required items array")
			}
		})
	}
}

func TestRenderUnknownFormat(t *testing.T) {
	if err := Render(io.Discard, Format(7), fixtureOutput(), "", "", nil); err == nil {
		t.Error("Render with an unknown format did not fail")
	}
}

// errWriter fails after n bytes, like a client that went away.
type errWriter struct{ n int }

var errGone = errors.New("client gone")

func (w *errWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errGone
	}
	w.n -= len(p)
	return len(p), nil
}

func TestRenderWriteError(t *testing.T) {
	for _, f := range Formats() {
		err := Render(&errWriter{n: 100}, f, fixtureOutput(), "", "", fixtureArticles(t))
		if !errors.Is(err, errGone) {
			t.Errorf("%s: error = %v, want one wrapping %v", f, err, errGone)
		}
	}
}

// TestAtomValidates checks Atom outputs against RFC 4287's RELAX NG grammar with jing.
func TestAtomValidates(t *testing.T) {
	jing := testenv.Tool(t, "jing", "apt-get install -y jing")
	schema := filepath.Join("testdata", "atom.rnc") // RFC 4287, Appendix B
	cases := []struct {
		name       string
		articles   []aggregator.Article
		self, site string
	}{
		{"fixtures", fixtureArticles(t), testSelf("all", Atom), testSite},
		{"hostile", hostileArticles(t), testSelf("all", Atom), testSite},
		{"merged stories", storyArticles(), testSelf("all", Atom), testSite},
		{"empty", nil, testSelf("all", Atom), testSite},
		{"no base URL", fixtureArticles(t), "/feeds/all.atom", "/"},
		{"no URLs", hostileArticles(t), "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(&buf, Atom, fixtureOutput(), c.self, c.site, c.articles); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), "feed.atom")
			if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(jing, "-c", schema, file).CombinedOutput()
			if err != nil {
				t.Errorf("jing: %v\n%s", err, out)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", ""},
		{"plain 中文 “论道”", "plain 中文 “论道”"},
		{"tab\tnl\ncr\r", "tab\tnl\ncr\r"},
		{"a\x00b\x0bc\x1fd", "abcd"},
		{"lone \xed\xa0\x80 surrogate", "lone  surrogate"},
		{"bad \xff\xfe\xfd bytes", "bad  bytes"},
		{"\xff", ""},
		{"nonchar \uFFFE\uFFFF end", "nonchar  end"},
		{"keep \u0085 \u2028 \U0001F600", "keep \u0085 \u2028 \U0001F600"},
		{"]]>", "]]>"},
	}
	for _, c := range cases {
		if got := cleanText(c.in); got != c.want {
			t.Errorf("cleanText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestImageType(t *testing.T) {
	cases := map[string]string{
		seedImage:                          "image/png",
		"https://a.b/x.JPG?w=1":            "image/jpeg",
		"https://a.b/x.jpeg#f":             "image/jpeg",
		"https://a.b/x.webp":               "image/webp",
		"https://a.b/x.gif":                "image/gif",
		"https://a.b/x.svg":                "image/svg+xml",
		"https://wx1.sinaimg.cn/large/abc": "image/jpeg",
		"https://a.b/x.png?fmt=.jpg":       "image/png",
	}
	for in, want := range cases {
		if got := imageType(in); got != want {
			t.Errorf("imageType(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWebURL(t *testing.T) {
	cases := map[string]string{
		seedImage:                               seedImage,
		"  https://a.b/c  ":                     "https://a.b/c",
		"HTTP://A.B/":                           "HTTP://A.B/",
		"javascript:alert(1)":                   "",
		" JavaScript:alert(1)":                  "",
		"data:image/png;base64,AAAA":            "",
		"//evil.example/x.png":                  "",
		"/relative.png":                         "",
		"vbscript:msgbox":                       "",
		"https://a.b/x.png\"onerror=\"alert(1)": "https://a.b/x.png%22onerror=%22alert(1)",
		"https://a.b/a b<c>{d}":                 "https://a.b/a%20b%3Cc%3E%7Bd%7D",
		"https://a.b/中文?q=财联社":                  "https://a.b/中文?q=财联社",
		"https://a.b/\x00\x0bx":                 "https://a.b/x",
	}
	for in, want := range cases {
		if got := webURL(in); got != want {
			t.Errorf("webURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAtomID(t *testing.T) {
	cases := map[string]string{
		"e41b7d02c8f5": "urn:tributary:article:e41b7d02c8f5",
		"a b/c%d?e#f":  "urn:tributary:article:a%20b/c%25d%3Fe%23f",
		"中":            "urn:tributary:article:%E4%B8%AD",
	}
	for in, want := range cases {
		if got := AtomID(in); got != want {
			t.Errorf("AtomID(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkWellFormed parses out with encoding/xml (every token) or encoding/json.
func checkWellFormed(tb testing.TB, f Format, out []byte) {
	tb.Helper()
	if f == JSON {
		var v map[string]any
		if err := json.Unmarshal(out, &v); err != nil {
			tb.Fatalf("invalid JSON: %v", err)
		}
		if _, ok := v["items"].([]any); !ok {
			tb.Fatal("JSON Feed without an items array")
		}
		return
	}
	d := xml.NewDecoder(bytes.NewReader(out))
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("not well-formed XML: %v", err)
		}
	}
}

const feedparserScript = `
import json, sys
import feedparser
d = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({"bozo": int(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
                  "titles": [e.get("title", "") for e in d.entries]}))
`

// TestFeedparserReads reads the RSS and Atom outputs with a second, independent parser, Python's
// feedparser: its bozo flag reports any XML error, and it must find every entry's title in order.
func TestFeedparserReads(t *testing.T) {
	// Debian's python3-feedparser installs for the system's Python, whatever python3 comes first
	// on PATH.
	python := testenv.Tool(t, "/usr/bin/python3", "apt-get install -y python3-feedparser")
	if err := exec.Command(python, "-c", "import feedparser").Run(); err != nil {
		testenv.Missing(t, "needs feedparser for /usr/bin/python3 (apt-get install -y python3-feedparser)")
	}
	cases := []struct {
		name     string
		out      aggregator.Output
		articles []aggregator.Article
		// exact: feedparser reads every title as it is; hostile titles hold markup that it cleans.
		exact bool
	}{
		{"fixtures", fixtureOutput(), fixtureArticles(t), true},
		{"hostile", aggregator.Output{Name: "evil", Title: "<b>t</b>\x00"}, hostileArticles(t), false},
		{"merged stories", fixtureOutput(), storyArticles(), true},
		{"empty", aggregator.Output{Name: "empty"}, nil, true},
	}
	for _, c := range cases {
		for _, f := range []Format{RSS, Atom} {
			t.Run(c.name+"/"+f.String(), func(t *testing.T) {
				titles := feedparserTitles(t, python, render(t, f, c.out, c.articles))
				if len(titles) != len(c.articles) {
					t.Fatalf("feedparser read %d entries, want %d", len(titles), len(c.articles))
				}
				for i, a := range c.articles {
					if c.exact && titles[i] != a.Title {
						t.Errorf("feedparser: entry %d title %q, want %q", i, titles[i], a.Title)
					}
				}
			})
		}
	}
}

// feedparserTitles parses out with Python's feedparser, fails tb on any error it reports, and
// returns the entry titles it read.
func feedparserTitles(tb testing.TB, python string, out []byte) []string {
	tb.Helper()
	cmd := exec.Command(python, "-c", feedparserScript)
	cmd.Stdin = bytes.NewReader(out)
	res, err := cmd.Output()
	if err != nil {
		tb.Fatalf("feedparser: %v", err)
	}
	var r struct {
		Bozo    int
		Error   string
		Version string
		Titles  []string
	}
	if err := json.Unmarshal(res, &r); err != nil {
		tb.Fatalf("feedparser output %q: %v", res, err)
	}
	if r.Bozo != 0 || r.Version == "" {
		tb.Errorf("feedparser: bozo=%d version=%q: %s", r.Bozo, r.Version, r.Error)
	}
	return r.Titles
}

// FuzzRender renders arbitrary article text in every format: the output must stay well-formed and
// gofeed must read the title back as the cleaned title.
func FuzzRender(f *testing.F) {
	f.Add(seedTitle, readTestdata(f, "seed-body.html"), "金融", seedImage, "https://www.cls.cn/detail/903466")
	f.Add(hostileTitle, "a ]]> b \x0b \xed\xa0\x80 \uFFFE", "]]>", "javascript:x", "data:text/html,<script>")
	f.Add("", "", "", "", "")
	f.Add("\r\n\t", "<![CDATA[", "\x00", "http://a/\"<>", "HTTPS://A/B")
	f.Fuzz(func(t *testing.T, title, body, category, image, link string) {
		a := []aggregator.Article{{
			ID: title + "#id", Title: title, Body: body, Categories: []string{category, category + "2"},
			HeadImg: image, Link: link, Author: category, Date: time.Unix(1637197561, 0),
		}}
		for _, format := range Formats() {
			var buf bytes.Buffer
			if err := Render(&buf, format, aggregator.Output{Name: category, Title: title}, link, image, a); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.Bytes()
			if format == JSON {
				if !json.Valid(out) {
					t.Fatalf("invalid JSON:\n%s", out)
				}
			} else {
				d := xml.NewDecoder(bytes.NewReader(out))
				for {
					_, err := d.Token()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("%s not well-formed: %v\n%q", format, err, out)
					}
				}
			}
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("%s: gofeed: %v", format, err)
			}
			if len(feed.Items) != 1 {
				t.Fatalf("%s: %d items", format, len(feed.Items))
			}
		}
	})
}

// TestRenderPlainTextTitles: titles, authors and categories that legitimately hold "<" and "&" (the
// plain-text rule keeps them) read back as written in every format, and the XML formats carry them
// escaped, so that a reader showing the title as HTML shows the same text.
func TestRenderPlainTextTitles(t *testing.T) {
	base := fixtureArticles(t)[0]
	var articles []aggregator.Article
	for i, title := range []string{"a < b", "S&P 500 & AT&T", "<3 x＜y", `"q" 'a' > b`} {
		a := base
		a.ID = fmt.Sprintf("%032x", i+1)
		a.Title, a.Author, a.Categories = title, title, []string{title}
		articles = append(articles, a)
	}
	for _, f := range Formats() {
		t.Run(f.String(), func(t *testing.T) {
			out := render(t, f, fixtureOutput(), articles)
			if f != JSON && (bytes.Contains(out, []byte("<3")) || bytes.Contains(out, []byte("a < b")) || bytes.Contains(out, []byte("S&P"))) {
				t.Errorf("a title's < or & is written unescaped:\n%s", out)
			}
			feed, err := gofeed.NewParser().Parse(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("gofeed: %v", err)
			}
			for i, it := range feed.Items {
				if it.Title != articles[i].Title || !slices.Equal(it.Categories, articles[i].Categories) {
					t.Errorf("item %d: title %q categories %q, want %q", i, it.Title, it.Categories, articles[i].Title)
				}
			}
		})
	}
}
