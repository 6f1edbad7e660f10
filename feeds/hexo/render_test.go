package hexo

import (
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tributary/aggregator"
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
	if want := escapeBraces(sanitizeTitle(a.Title)); f.Title != want {
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
	if want := a.Date.UTC().Format(dateLayout); f.Date != want {
		t.Errorf("date %q, want %q", f.Date, want)
	}
	if head, thumb := images(a, o); f.HeadImg != escapeBraces(strings.ToValidUTF8(head, "\uFFFD")) || f.Thumbnail != escapeBraces(strings.ToValidUTF8(thumb, "\uFFFD")) {
		t.Errorf("images read back as %q, %q; want %q, %q", f.HeadImg, f.Thumbnail, head, thumb)
	}
	if f.Comments != a.Comments {
		t.Errorf("comments %v, want %v", f.Comments, a.Comments)
	}
	if want := "\n<div>   \n" + escapeBraces(strings.ToValidUTF8(a.Body, "\uFFFD")) + bodyClose; body != want {
		t.Errorf("body %.120q, want %.120q", body, want)
	}
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
