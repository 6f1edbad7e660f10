package normalize

import (
	"strconv"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"

	"tributary/aggregator"
	"tributary/aggregator/parse"
)

// escapeTimes escapes s as HTML text n times over.
func escapeTimes(s string, n int) string {
	for range n {
		s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	}
	return s
}

// TestPlainTextRule: the rule holds for markup escaped in any number of layers, and legitimate text
// with "<" and "&" reads as written.
func TestPlainTextRule(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"formula with spaces", "a < b", "a < b"},
		{"ampersand in a name", "AT&T", "AT&T"},
		{"index", "S&P 500", "S&P 500"},
		{"heart", "<3 tributary", "<3 tributary"},
		{"formula without spaces", "x<y", "x＜y"},
		{"end tag left at the end", "x</", "x＜/"},
		{"unterminated tag at the end", "a <img src=x onerror=alert(1)", "a ＜img src=x onerror=alert(1)"},
		{"tags stripped", "<b>Breaking</b>: rates", "Breaking: rates"},
		{"escaped once", "&lt;b&gt;Breaking&lt;/b&gt;", "Breaking"},
		{"escaped in four layers", escapeTimes("<img src=x onerror=alert(1)>T", 4), "T"},
		// Past plainRounds layers the last resort drops every "<" and "&": no markup, some debris.
		{"escaped in twelve layers", escapeTimes("<script>alert(1)</script>T", 12), "amp;amp;lt;scriptamp;amp;gt;alert(1)amp;amp;lt;/scriptamp;amp;gt;T"},
		{"escaped ampersand", escapeTimes("Q&A", 5), "Q&A"},
		{"numeric references", "&#60;img src=x onerror=alert(1)&#62;T", "T"},
		{"reference split by a tag", "&<b></b>lt;img src=x onerror=alert(1)&<i></i>gt;T", "T"},
		{"NUL reference", "&#0;x", "\uFFFDx"},
		{"white space", " a\t\n b\r\n", "a b"},
		{"control characters", "a\x00\x1bb", "ab"},
		{"comment", "a<!-- x -->b", "ab"},
		{"Chinese", "财联社 <em>电报</em>", "财联社 电报"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := plainText(tt.in, MaxTitleRunes)
			if got != tt.want || cut {
				t.Errorf("plainText(%q) = %q (cut %v), want %q", tt.in, got, cut, tt.want)
			}
			if err := CheckPlainText(got, MaxTitleRunes); err != nil {
				t.Errorf("plainText(%q) = %q: %v", tt.in, got, err)
			}
		})
	}
}

// TestPlainTextCaps: a field is cut to its limit in characters and to a window of its raw bytes
// before the rule runs, whatever markup it holds.
func TestPlainTextCaps(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
	}{
		{"long Chinese title", strings.Repeat("财", 2*MaxTitleRunes), MaxTitleRunes},
		{"1 MB of nested escapes", strings.Repeat(escapeTimes("<b>", 30), 1<<20/130), MaxTitleRunes},
		{"1 MB category", strings.Repeat("c", 1<<20), MaxCategoryRunes},
		{"cut among ampersands", strings.Repeat("AT&T &amp;amp;lt; ", MaxAuthorRunes), MaxAuthorRunes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cut := plainText(tt.in, tt.max)
			if !cut {
				t.Errorf("not reported as cut")
			}
			if err := CheckPlainText(got, tt.max); err != nil {
				t.Errorf("%.40q…: %v", got, err)
			}
		})
	}
}

// TestFallbackTitle: an untitled entry's title, cut from the body's text, obeys the rule too: the
// body may show escaped markup as text, which the body keeps escaped and the title must not decode
// into a tag.
func TestFallbackTitle(t *testing.T) {
	n := New(Options{})
	for _, body := range []string{
		"&lt;img src=x onerror=alert(1)&gt; flash",
		"<p>&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; flash</p>",
		"x&lt;y flash",
	} {
		feed := &gofeed.Feed{Items: []*gofeed.Item{{Description: body, Link: "https://a.example/1"}}}
		arts := n.Feed(aggregator.Source{Name: "s"}, feed, "", fetchedAt)
		if err := CheckPlainText(arts[0].Title, MaxTitleRunes); err != nil || !strings.Contains(arts[0].Title, "flash") {
			t.Errorf("body %q: title %q: %v", body, arts[0].Title, err)
		}
	}
}

// TestRepeatedFieldCaps: an entry's repeated elements are capped in number, and the cuts are
// counted once per field for the caller to log.
func TestRepeatedFieldCaps(t *testing.T) {
	n := New(Options{})
	many := func(prefix string, k int) []string {
		out := make([]string, k)
		for i := range out {
			out[i] = prefix + strconv.Itoa(i)
		}
		return out
	}
	persons := make([]*gofeed.Person, 100000)
	encs := make([]*gofeed.Enclosure, 100000)
	for i := range persons {
		persons[i] = &gofeed.Person{}
		encs[i] = &gofeed.Enclosure{URL: "https://a.example/file.mp3", Type: "audio/mpeg"}
	}
	media := make([]ext.Extension, 100000)
	it := &gofeed.Item{
		Title:      strings.Repeat("t", 2*MaxTitleRunes),
		Link:       "https://a.example/" + strings.Repeat("l", MaxURLBytes),
		Links:      append(make([]string, 100000), "https://a.example/ok"),
		GUID:       strings.Repeat("g", MaxGUIDBytes+1),
		Categories: many("category ", 100000),
		Authors:    append(persons, &gofeed.Person{Name: strings.Repeat("n", 2*MaxAuthorRunes)}),
		Enclosures: append(encs, &gofeed.Enclosure{URL: "https://a.example/late.jpg", Type: "image/jpeg"}),
		Extensions: ext.Extensions{"media": {"content": media, "thumbnail": media}},
	}
	src := aggregator.Source{Name: "s", Categories: []string{"金融", strings.Repeat("长", 2*MaxCategoryRunes)}}
	res := n.Normalize(src, &gofeed.Feed{Items: []*gofeed.Item{it}}, "https://a.example/feed", fetchedAt)
	arts, cuts := res.Articles, res.Cuts
	a := arts[0]
	if len(a.Categories) != MaxCategories || a.Categories[0] != "金融" {
		t.Errorf("%d categories, first %q", len(a.Categories), a.Categories[0])
	}
	for i, c := range a.Categories {
		if err := CheckPlainText(c, MaxCategoryRunes); err != nil {
			t.Errorf("category %d %q: %v", i, c, err)
		}
	}
	if a.Link != "https://a.example/feed" && a.Link != "" {
		t.Errorf("link %q: an over-long link or one past the first %d was used", a.Link, MaxListed)
	}
	if a.GUID != "" || a.HeadImg != "" {
		t.Errorf("guid %.20q…, head image %q", a.GUID, a.HeadImg)
	}
	if err := CheckPlainText(a.Title, MaxTitleRunes); err != nil {
		t.Errorf("title: %v", err)
	}
	want := Cuts{Titles: 1, Categories: 1, CategoryLists: 1, Lists: 7, URLs: 1, GUIDs: 1}
	if cuts != want {
		t.Errorf("cuts %+v, want %+v", cuts, want)
	}
}

// BenchmarkPlainTextHostile measures the worst fields the rule meets: a megabyte of markup escaped in
// many layers, whose every round undoes one layer.
func BenchmarkPlainTextHostile(b *testing.B) {
	for _, tt := range []struct {
		name string
		in   string
		max  int
	}{
		{"title 1MB nested", strings.Repeat(escapeTimes("<b>", 200), 1<<20/1000), MaxTitleRunes},
		{"category 1MB nested", strings.Repeat(escapeTimes("<b>", 200), 1<<20/1000), MaxCategoryRunes},
		{"title plain", "财联社电报：央行开展1000亿元逆回购操作 S&P 500 a < b", MaxTitleRunes},
	} {
		b.Run(tt.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				plainText(tt.in, tt.max)
			}
		})
	}
}

// FuzzPlainText asserts the rule on every plain-text field's limit: the output obeys CheckPlainText
// and is a fixed point (applying the rule again changes nothing).
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"a < b", "x<y", "AT&T", "&amp;lt;b&amp;gt;x", "<a", "&#0", "&<b></b>lt;", escapeTimes("<img src=x onerror=alert(1)>", 7), "財\x00<!--"} {
		f.Add(s)
	}
	limits := map[string]int{"title": MaxTitleRunes, "author": MaxAuthorRunes, "category": MaxCategoryRunes, "fallback title": 60}
	f.Fuzz(func(t *testing.T, in string) {
		for field, max := range limits {
			got, _ := plainText(in, max)
			if err := CheckPlainText(got, max); err != nil {
				t.Fatalf("%s %q → %q: %v", field, in, got, err)
			}
			if again, cut := plainText(got, max); again != got || cut {
				t.Fatalf("%s %q → %q → %q (cut %v): not a fixed point", field, in, got, again, cut)
			}
		}
	})
}

// TestJSONContentTextIsText: a JSON Feed's content_text is text; markup in it shows as text in the
// body and loads nothing.
func TestJSONContentTextIsText(t *testing.T) {
	feed, err := parse.Parse([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[`+
		`{"id":"1","url":"https://a.example/1","content_text":"<img src=x onerror=alert(1)>\nAT&T <3\n\nnext"}]}`), "application/feed+json")
	if err != nil {
		t.Fatal(err)
	}
	arts := New(Options{}).Feed(aggregator.Source{Name: "s"}, feed, "https://a.example/feed.json", fetchedAt)
	want := "<p>&lt;img src=x onerror=alert(1)&gt;<br>AT&amp;T &lt;3</p><p>next</p>"
	if arts[0].Body != want || arts[0].HeadImg != "" {
		t.Errorf("body %q head image %q, want body %q", arts[0].Body, arts[0].HeadImg, want)
	}
	if err := checkArticle(arts[0]); err != nil {
		t.Error(err)
	}
}

// BenchmarkCategoryFlood parses and normalizes the category floods of issue 10: one item with
// 100,000 distinct categories (2.8 MB), and 1,000 items with 500 each.
func BenchmarkCategoryFlood(b *testing.B) {
	flood := func(items, cats int) []byte {
		var s strings.Builder
		s.WriteString(`<rss version="2.0"><channel><title>flood</title>`)
		for i := range items {
			s.WriteString(`<item><title>t` + strconv.Itoa(i) + `</title><link>https://a.example/` + strconv.Itoa(i) + `</link>`)
			for c := range cats {
				s.WriteString("<category>c" + strconv.Itoa(i) + "-" + strconv.Itoa(c) + "</category>")
			}
			s.WriteString("</item>")
		}
		s.WriteString("</channel></rss>")
		return []byte(s.String())
	}
	n := New(Options{})
	for _, tt := range []struct {
		name        string
		items, cats int
	}{{"1x100000", 1, 100000}, {"1000x500", 1000, 500}} {
		body := flood(tt.items, tt.cats)
		b.Run(tt.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				feed, err := parse.Parse(body, "application/rss+xml")
				if err != nil {
					b.Fatal(err)
				}
				arts := n.Feed(aggregator.Source{Name: "s"}, feed, "", fetchedAt)
				if len(arts[0].Categories) != MaxCategories {
					b.Fatalf("%d categories", len(arts[0].Categories))
				}
			}
		})
	}
}
