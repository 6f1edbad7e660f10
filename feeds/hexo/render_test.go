package hexo

import (
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones of TestRenderSiteTimezone on any machine
	"unicode/utf8"

	"tributary/aggregator"
	"tributary/aggregator/normalize"
)

// article is a minimal article in the seed's model.
func article(id, title string) aggregator.Article {
	return aggregator.Article{
		ID: id, Key: "https://www.cls.cn/detail/" + id, Title: title,
		Categories: []string{"金融", "财联社", "深度"}, Author: "财联社",
		HeadImg:   "https://img.cls.cn/images/20211118/IkQWc3B11w.png",
		Thumbnail: "https://img.cls.cn/images/20211118/IkQWc3B11w.png",
		Date:      time.Date(2021, 11, 18, 9, 6, 1, 0, time.FixedZone("CST", 8*3600)),
		Body:      `<div class="m-b-10"><p>正文</p></div>`,
		Sources:   []string{"cls-depth"},
	}
}

// checkPost checks what every post must be: the seed's layout, front matter that YAML reads back as
// the values Render was given, no brace left, and a path that stays in the export directory with
// names no longer than 255 bytes and none hidden from Hexo.
func checkPost(t *testing.T, a aggregator.Article, o Options, rel string, content []byte) frontMatter {
	t.Helper()
	s := string(content)
	if strings.ContainsAny(s, "{}") {
		t.Errorf("a brace is left in the post")
	}
	if !utf8.ValidString(s) {
		t.Errorf("post is not UTF-8")
	}
	fm, body := splitPost(t, s)
	f := parseFrontMatter(t, fm)
	if want := escapeBraces(frontTitle(a.Title, o)); f.Title != want {
		t.Errorf("title reads back as %q, want %q", f.Title, want)
	}
	if want := escapeBraces(strings.ToValidUTF8(a.Author, "\uFFFD")); f.Author != want {
		t.Errorf("author reads back as %q, want %q", f.Author, want)
	}
	var cats []string
	for _, c := range frontCategories(a.Categories) {
		cats = append(cats, escapeBraces(strings.ToValidUTF8(c, "\uFFFD")))
	}
	if strings.Join(f.Categories, "\x00") != strings.Join(cats, "\x00") {
		t.Errorf("categories read back as %q, want %q", f.Categories, cats)
	}
	if want := frontDate(a.Date, o); f.Date != want {
		t.Errorf("date %q, want %q", f.Date, want)
	}
	if head, thumb := images(a, o); f.HeadImg != escapeBraces(strings.ToValidUTF8(head, "\uFFFD")) || f.Thumbnail != escapeBraces(strings.ToValidUTF8(thumb, "\uFFFD")) {
		t.Errorf("images read back as %q, %q; want %q, %q", f.HeadImg, f.Thumbnail, head, thumb)
	}
	if f.Comments != a.Comments {
		t.Errorf("comments %v, want %v", f.Comments, a.Comments)
	}
	inner, ok := strings.CutPrefix(body, "\n<div>   \n")
	if ok {
		inner, ok = strings.CutSuffix(inner, bodyClose)
	}
	if !ok {
		t.Fatalf("body not in the seed's wrapper: %.120q", body)
	}
	checkHTMLBlock(t, escapeBraces(strings.ToValidUTF8(a.Body, "\uFFFD")), inner)
	checkPath(t, rel)
	return f
}

func checkPath(t *testing.T, rel string) {
	t.Helper()
	if !filepath.IsLocal(rel) || path.Clean(rel) != rel || !strings.HasSuffix(rel, ".md") || strings.Contains(rel, `\`) {
		t.Errorf("path %q is not a clean local .md path", rel)
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if seg == "" || len(seg) > maxName || !utf8.ValidString(seg) {
			t.Errorf("path %q: bad segment %q (%d bytes)", rel, seg, len(seg))
		}
		if seg[0] == '.' || seg[0] == '_' {
			t.Errorf("path %q: segment %q is hidden from Hexo", rel, seg)
		}
		for _, r := range seg {
			if invisible(r) {
				t.Errorf("path %q: invisible character %U", rel, r)
			}
		}
	}
}

func TestRenderTitles(t *testing.T) {
	long := strings.Repeat("财联社深度长标题", 15) // 360 bytes
	tests := []struct {
		name, title string
		wantLine    string // the front matter's title line
		wantName    string // the file name, without directories
	}{
		{"seed curly quotes", "2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景",
			"title: '2021翼支付合作伙伴大会成功举办大咖_论道_共话数字发展图景'", "2021翼支付合作伙伴大会成功举办大咖_论道_共话数字发展图景.md"},
		{"single quote goes double", "It's 3 o'clock", `title: "It's 3 o'clock"`, "It's 3 o'clock.md"},
		{"double quote stays raw in single quotes", `"铁腕"控价成果显现？`, `title: '"铁腕"控价成果显现？'`, `"铁腕"控价成果显现？.md`},
		{"both quotes escaped in double quotes", `他说"好"，it's ok`, `title: "他说\"好\"，it's ok"`, `他说"好"，it's ok.md`},
		{"ascii colon", "10年期美债收益率创3个月新低: 美国CPI爆表", "title: '10年期美债收益率创3个月新低_ 美国CPI爆表'", "10年期美债收益率创3个月新低_ 美国CPI爆表.md"},
		{"full-width colon kept", "ST摩登：股票异常波动", "title: 'ST摩登：股票异常波动'", "ST摩登：股票异常波动.md"},
		{"every replaced character", `a:b/c\d?e*f“g”h<i>j|k[l]m`, "title: 'a_b_c_d_e_f_g_h_i_j_k_l_m'", "a_b_c_d_e_f_g_h_i_j_k_l_m.md"},
		{"hash and dots leave the name only", "#1 109.33亿售出华融证券. 下一个？", "title: '#1 109.33亿售出华融证券. 下一个？'", "1 10933亿售出华融证券 下一个？.md"},
		{"braces", "{{ site.title }} 与 {% raw %}", "title: '&#123;&#123; site.title &#125;&#125; 与 &#123;% raw %&#125;'", "{{ sitetitle }} 与 {% raw %}.md"},
		{"square brackets", "[快讯][港股] 恒指收涨", "title: '_快讯__港股_ 恒指收涨'", "快讯__港股_ 恒指收涨.md"},
		{"leading curly quote not hidden", "“稳增长”加持下中国经济韧性仍强", "title: '_稳增长_加持下中国经济韧性仍强'", "稳增长_加持下中国经济韧性仍强.md"},
		{"newline and tab need double quotes", "第一行\n第二行\t尾", `title: "第一行\n第二行\t尾"`, "第一行第二行尾.md"},
		{"control and separator characters", "a\x01b\u2028c\u0085d\ufeffe", `title: "a\x01b\u2028c\x85d\uFEFFe"`, "abcde.md"},
		{"invalid UTF-8", "bad\xffbyte", "title: 'bad\uFFFDbyte'", "bad\uFFFDbyte.md"},
		{"only dots", "...", "title: '...'", "c0ffee00deadbeef.md"},
		{"empty", "", "title: ''", "c0ffee00deadbeef.md"},
		{"traversal", "../../etc/passwd", "title: '.._.._etc_passwd'", "etc_passwd.md"},
		{"very long", long, "title: '" + long + "'", cutBytes(long, 252) + ".md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("c0ffee00deadbeef", tt.title)
			rel, content := Render(a, Options{})
			checkPost(t, a, Options{}, rel, content)
			fm, _ := splitPost(t, string(content))
			if line, _, _ := strings.Cut(fm, "\n"); line != tt.wantLine {
				t.Errorf("title line\n got: %s\nwant: %s", line, tt.wantLine)
			}
			if want := "金融/财联社/深度/" + tt.wantName; rel != want {
				t.Errorf("path\n got: %s\nwant: %s", rel, want)
			}
		})
	}
}

func TestRenderLongNames(t *testing.T) {
	for _, n := range []int{80, 84, 85, 86, 200} { // 3-byte runes: the cut lands inside one for some
		title := strings.Repeat("长", n)
		rel, _ := Render(article("0123456789abcdef", title), Options{})
		name := path.Base(rel)
		if len(name) > maxName || !utf8.ValidString(name) {
			t.Errorf("%d runes: name of %d bytes, valid UTF-8 %v", n, len(name), utf8.ValidString(name))
		}
		if n*3+3 <= maxName && name != title+".md" {
			t.Errorf("%d runes: name %q cut although it fits", n, name)
		}
		suffixed := path.Base(withSuffix(rel, "01234567"))
		if len(suffixed) > maxName || !utf8.ValidString(suffixed) || !strings.HasSuffix(suffixed, "-01234567.md") {
			t.Errorf("%d runes: suffixed name %q (%d bytes)", n, suffixed, len(suffixed))
		}
	}
}

func TestRenderScalars(t *testing.T) {
	tests := []struct {
		name, author string
		cats         []string
		want         []string // lines the front matter must contain
	}{
		{"seed bare", "财联社", []string{"金融", "财联社", "深度"}, []string{"author: 财联社", " - 金融\n - 财联社\n - 深度\n"}},
		{"latin bare", "Jane Doe", []string{"Markets", "Asia"}, []string{"author: Jane Doe", " - Markets\n - Asia\n"}},
		{"booleans and nulls quoted", "true", []string{"null", "No", "~"}, []string{"author: 'true'", " - 'null'\n - 'No'\n - '~'\n"}},
		{"numbers and dates quoted", "36氪", []string{"2021", "2021-11-18", ".inf", "-1", "+1", "0x1F"}, []string{"author: '36氪'", " - '2021'\n - '2021-11-18'\n - '.inf'\n - '-1'\n - '+1'\n - '0x1F'\n"}},
		{"indicators quoted", "- dash", []string{"a: b", "#tag", "&anchor", "*alias", "!tag", "|", ">", "@at"}, []string{"author: '- dash'", " - 'a: b'\n - '#tag'\n - '&anchor'\n - '*alias'\n - '!tag'\n - '|'\n - '>'\n - '@at'\n"}},
		{"more indicators quoted", "x", []string{"`tick`", "%pct", "x #y", "end:"}, []string{" - '`tick`'\n - '%pct'\n - 'x #y'\n - 'end:'\n"}},
		{"quote doubled", "O'Brien", []string{"it's"}, []string{"author: O'Brien", " - it's\n"}},
		{"leading quote", "'quoted'", []string{`"dq"`}, []string{"author: '''quoted'''", ` - '"dq"'` + "\n"}},
		{"braces become references", "{x}", []string{"a{b}"}, []string{"author: '&#123;x&#125;'", " - a&#123;b&#125;\n"}},
		{"empty author", "", []string{"", "  ", "深度"}, []string{"author: ''", "categories: \n - 深度\n"}},
		{"spaces and breaks", " padded ", []string{"two\nlines", "tab\there"}, []string{"author: ' padded '", ` - "two\nlines"` + "\n" + ` - "tab\there"` + "\n"}},
		{"hostile categories", "x", []string{"../../etc/passwd", "..", "/abs"}, []string{" - '../../etc/passwd'\n - '..'\n - /abs\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("0123456789abcdef", "标题")
			a.Author, a.Categories = tt.author, tt.cats
			rel, content := Render(a, Options{})
			checkPost(t, a, Options{}, rel, content)
			for _, w := range tt.want {
				if !strings.Contains(string(content), w) {
					t.Errorf("post lacks %q:\n%s", w, content[:min(len(content), 400)])
				}
			}
		})
	}
}

func TestRenderPathSegments(t *testing.T) {
	tests := []struct {
		cats []string
		want string
	}{
		{[]string{"金融", "财联社", "深度"}, "金融/财联社/深度/标题.md"},
		{nil, "标题.md"},
		{[]string{"../../etc/passwd"}, "etc_passwd/标题.md"},
		{[]string{"..", ".", "", "  ", "/", `\`}, "标题.md"},
		{[]string{"a/../../b", "_drafts", ".hidden", " ._ x"}, "a_.._.._b/drafts/hidden/x/标题.md"},
		{[]string{"Tech: AI?", "x\x00y\u202e"}, "Tech_ AI_/xy/标题.md"},
		{[]string{strings.Repeat("类", 100)}, cutBytes(strings.Repeat("类", 100), 255) + "/标题.md"},
	}
	for _, tt := range tests {
		a := article("0123456789abcdef", "标题")
		a.Categories = tt.cats
		rel, _ := Render(a, Options{})
		if rel != tt.want {
			t.Errorf("categories %q: path %q, want %q", tt.cats, rel, tt.want)
		}
		checkPath(t, rel)
	}
}

func TestRenderImages(t *testing.T) {
	const picsum = "https://picsum.photos/400/300?random={n}"
	img := "https://img.cls.cn/images/20211118/IkQWc3B11w.png"
	tests := []struct {
		name        string
		head, thumb string
		o           Options
		want        string // the headimg line
		wantThumb   string
	}{
		{"seed", img, img, Options{}, "headimg: '" + img + "'", "thumbnail: '" + img + "'"},
		{"none", "", "", Options{}, "headimg: ''", "thumbnail: ''"},
		{"head only", img, "", Options{}, "headimg: '" + img + "'", "thumbnail: '" + img + "'"},
		{"thumb only", "", "https://x.example/t.webp", Options{}, "headimg: 'https://x.example/t.webp'", "thumbnail: 'https://x.example/t.webp'"},
		{"different", img, "https://x.example/t.webp", Options{}, "headimg: '" + img + "'", "thumbnail: 'https://x.example/t.webp'"},
		{"placeholder", "", "", Options{PlaceholderImage: picsum}, "headimg: 'https://picsum.photos/400/300?random=", "thumbnail: 'https://picsum.photos/400/300?random="},
		{"placeholder unused", img, "", Options{PlaceholderImage: picsum}, "headimg: '" + img + "'", "thumbnail: '" + img + "'"},
		{"placeholder other braces escaped", "", "", Options{PlaceholderImage: "/img/{n}/{x}.gif"}, "headimg: '/img/", "&#123;x&#125;.gif'"},
		{"quote in URL", "https://x.example/it's.png", "", Options{}, "headimg: 'https://x.example/it''s.png'", "thumbnail: 'https://x.example/it''s.png'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("0123456789abcdef", "标题")
			a.HeadImg, a.Thumbnail = tt.head, tt.thumb
			rel, content := Render(a, tt.o)
			f := checkPost(t, a, tt.o, rel, content)
			if !strings.Contains(string(content), tt.want) || !strings.Contains(string(content), tt.wantThumb) {
				t.Errorf("post lacks %q or %q:\n%s", tt.want, tt.wantThumb, content[:300])
			}
			if tt.o.PlaceholderImage != "" && tt.head == "" && f.HeadImg != f.Thumbnail {
				t.Errorf("placeholder headimg %q and thumbnail %q differ", f.HeadImg, f.Thumbnail)
			}
		})
	}
}

// TestPlaceholderNumber: the number is the article's, on every run and every version: a fixed ID gives
// a fixed number (changing the hash would rewrite every image-less post of every site on upgrade),
// and the numbers of many IDs stay in 1..1000 and spread out.
func TestPlaceholderNumber(t *testing.T) {
	if n := placeholderNumber("215d05d6304886ca64ba771095a3678e"); n != 696 {
		t.Fatalf("placeholder number of the seed's ID is %d, was 696", n)
	}
	seen := map[int]bool{}
	for i := range 2000 {
		n := placeholderNumber(strings.Repeat("x", i%7) + string(rune('a'+i%26)) + time.Unix(int64(i), 0).String())
		if n < 1 || n > 1000 {
			t.Fatalf("placeholder number %d out of 1..1000", n)
		}
		seen[n] = true
	}
	if len(seen) < 700 {
		t.Errorf("2000 IDs gave only %d distinct numbers", len(seen))
	}
	a := article("215d05d6304886ca64ba771095a3678e", "无图")
	a.HeadImg, a.Thumbnail = "", ""
	_, c1 := Render(a, Options{PlaceholderImage: "https://picsum.photos/400/300?random={n}"})
	_, c2 := Render(a, Options{PlaceholderImage: "https://picsum.photos/400/300?random={n}"})
	if string(c1) != string(c2) {
		t.Error("two renders of one article differ")
	}
}

func TestRenderDateAndComments(t *testing.T) {
	a := article("0123456789abcdef", "标题")
	a.Date = time.Date(2021, 11, 18, 9, 6, 1, 999, time.FixedZone("CST", 8*3600)) // Beijing wall time
	a.Comments = true
	rel, content := Render(a, Options{})
	checkPost(t, a, Options{}, rel, content)
	for _, w := range []string{"\ndate: Thu, 18 Nov 2021 01:06:01 GMT\n", "\ncomments: true\n"} {
		if !strings.Contains(string(content), w) {
			t.Errorf("post lacks %q", w)
		}
	}
}

func TestRenderBody(t *testing.T) {
	a := article("0123456789abcdef", "标题")
	a.Body = "<p>{% raw %}{{ x }}</p>\n---\n<p>后文</p>"
	rel, content := Render(a, Options{})
	checkPost(t, a, Options{}, rel, content)
	if want := "<div>   \n<p>&#123;% raw %&#125;&#123;&#123; x &#125;&#125;</p>\n---\n<p>后文</p>  \n</div>\n            "; !strings.HasSuffix(string(content), want) {
		t.Errorf("body end %q, want %q", content[len(content)-len(want):], want)
	}
}

// hostileBodies are feed bodies written to become links once Markdown reads them: Markdown links,
// reference definitions and autolinks after a blank line (which ends the `<div>`'s HTML block),
// in text, in <pre> and in attribute values, with every kind of line break, and fences that Hexo
// turns into code blocks before Markdown runs.
var hostileBodies = []struct{ name, body string }{
	{"link after blank line", "<p>a</p>\n\n[x](javascript:alert(1))"},
	{"image after blank line", "<p>a</p>\n\n![x](javascript:alert(1))"},
	{"reference definition", "<p>see [x]</p>\n\n[x]: javascript:alert(1)\n"},
	{"reference definition in a paragraph", "<p>see [x][1]\n\n[1]: javascript:alert(1) \"t\"\n</p>"},
	{"autolink", "<p>a</p>\n\n<javascript:alert(1)>"},
	{"escaped autolink", "<p>a</p>\n\n&lt;javascript:alert(1)&gt;"},
	{"entity scheme", "<p>a</p>\n\n[x](&#x6A;avascript:alert(1))"},
	{"data URL", "<p>a</p>\n\n[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"},
	{"blank line of spaces and tabs", "<p>a</p>\n \t \n[x](javascript:alert(1))"},
	{"CRLF blank line", "<p>a</p>\r\n\r\n[x](javascript:alert(1))"},
	{"CR blank line", "<p>a</p>\r\r[x](javascript:alert(1))"},
	{"blank first line", "\n[x](javascript:alert(1))"},
	{"blank lines in pre", "<pre>a\n\n\n[x](javascript:alert(1))\n</pre>"},
	{"blank line in an attribute", "<p><a href=\"https://x.example/\" title=\"a\n\n[x](javascript:alert(1))\">t</a></p>"},
	{"comment", "<!-- a\n\n-->[x](javascript:alert(1))"},
	{"list and task", "<p>a</p>\n\n- [ ] [x](javascript:alert(1))\n* **b**"},
	{"heading and html", "<p>a</p>\n\n# [x](javascript:alert(1))\n\n<b onclick=alert(1)>b</b>"},
	{"backtick fence", "<p>a</p>\n```\n</div>\n```\n[x](javascript:alert(1))"},
	{"tilde fence", "<p>a\n~~~~\nb\n~~~~</p>\n\n[x](javascript:alert(1))"},
	{"trailing blank lines", "<p>a</p>\n\n"},
}

// TestRenderBodyMarkdown: a body that would become a link once Markdown read it stays one HTML block
// (no blank line between `<div>` and `</div>`, no fence) holding the same HTML as the sanitized body;
// the seed's layout of benign bodies, single line breaks included, is kept byte for byte.
func TestRenderBodyMarkdown(t *testing.T) {
	n := normalize.New(normalize.Options{})
	for _, tt := range hostileBodies {
		t.Run(tt.name, func(t *testing.T) {
			a := article("0123456789abcdef", "标题")
			a.Body, _ = n.Sanitize(tt.body, "https://www.cls.cn/detail/1")
			rel, content := Render(a, Options{})
			checkPost(t, a, Options{}, rel, content)
		})
	}
	tests := []struct{ name, body, want string }{
		{"single breaks kept", "<p>a\nb</p>\n<p>c</p>", "<p>a\nb</p>\n<p>c</p>"},
		{"blank line", "<p>a</p>\n\n<p>b</p>", "<p>a</p>&#10;&#10;<p>b</p>"},
		{"pre", "<pre>a\n\n\nb</pre>", "<pre>a&#10;&#10;&#10;b</pre>"},
		{"spaces line", "a\n  \nb", "a&#10;  &#10;b"},
		{"CRLF", "a\r\n\r\nb\r\nc", "a&#10;&#10;b\r\nc"},
		{"leading and trailing", "\na\n", "&#10;a&#10;"},
		{"fences", "```js ~~~ `` ~", "&#96;&#96;&#96;js &#126;&#126;&#126; `` ~"},
		{"white space alone", "\n \n", "\n \n"},
		{"markdown text kept", "[x](y) *a* _b_ [1]: z", "[x](y) *a* _b_ [1]: z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlBlock(tt.body); got != tt.want {
				t.Errorf("htmlBlock(%q) = %q, want %q", tt.body, got, tt.want)
			}
		})
	}
}

// TestRenderRealTitle: by default the front matter's title is the seed's, replacements and all; with
// RealTitle it is the article's own, quoted so that YAML reads it back as it is, while the file
// name keeps the replacements.
func TestRenderRealTitle(t *testing.T) {
	tests := []struct {
		name, title string
		seed, real  string // the title line
	}{
		{"seed", "2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景",
			"title: '2021翼支付合作伙伴大会成功举办大咖_论道_共话数字发展图景'", "title: '2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景'"},
		{"every replaced character", `a:b/c\d?e*f“g”h<i>j|k[l]m`, "title: 'a_b_c_d_e_f_g_h_i_j_k_l_m'", `title: 'a:b/c\d?e*f“g”h<i>j|k[l]m'`},
		{"YAML indicators", `- [x]: {y} #z 'q' "r"`, `title: "- _x__ &#123;y&#125; #z 'q' \"r\""`, `title: "- [x]: &#123;y&#125; #z 'q' \"r\""`},
		{"line break and backslash", "a\\b\nc", `title: "a_b\nc"`, `title: "a\\b\nc"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("0123456789abcdef", tt.title)
			for _, o := range []Options{{}, {RealTitle: true}} {
				rel, content := Render(a, o)
				checkPost(t, a, o, rel, content)
				want := tt.seed
				if o.RealTitle {
					want = tt.real
				}
				fm, _ := splitPost(t, string(content))
				if line, _, _ := strings.Cut(fm, "\n"); line != want {
					t.Errorf("RealTitle %v: title line\n got: %s\nwant: %s", o.RealTitle, line, want)
				}
				if seedRel, _ := Render(a, Options{}); rel != seedRel {
					t.Errorf("RealTitle %v: path %s, want the seed's %s", o.RealTitle, rel, seedRel)
				}
			}
		})
	}
}

// TestRenderSiteTimezone: by default the date is the seed's RFC 1123 in GMT; with SiteTimezone it is
// the wall time in that zone without a zone, as `hexo new` writes it, and as Hexo's date
// conversion expects (TestHexoSite checks that with the real Hexo).
func TestRenderSiteTimezone(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	shanghai := time.FixedZone("CST", 8*3600)
	tests := []struct {
		name string
		date time.Time
		site *time.Location
		want string
	}{
		{"seed", time.Date(2021, 11, 18, 9, 6, 1, 0, shanghai), nil, "Thu, 18 Nov 2021 01:06:01 GMT"},
		{"Shanghai", time.Date(2021, 11, 18, 9, 6, 1, 0, shanghai), zone("Asia/Shanghai"), "2021-11-18 09:06:01"},
		{"Shanghai across midnight", time.Date(2021, 11, 18, 20, 30, 0, 0, time.UTC), zone("Asia/Shanghai"), "2021-11-19 04:30:00"},
		{"UTC", time.Date(2021, 11, 18, 9, 6, 1, 999, shanghai), time.UTC, "2021-11-18 01:06:01"},
		{"New York summer", time.Date(2021, 7, 1, 12, 0, 0, 0, time.UTC), zone("America/New_York"), "2021-07-01 08:00:00"},
		{"New York winter", time.Date(2021, 12, 1, 12, 0, 0, 0, time.UTC), zone("America/New_York"), "2021-12-01 07:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := article("0123456789abcdef", "标题")
			a.Date = tt.date
			o := Options{SiteTimezone: tt.site}
			rel, content := Render(a, o)
			f := checkPost(t, a, o, rel, content)
			if f.Date != tt.want || !strings.Contains(string(content), "\ndate: "+tt.want+"\n") {
				t.Errorf("date %q, want %q", f.Date, tt.want)
			}
		})
	}
}
