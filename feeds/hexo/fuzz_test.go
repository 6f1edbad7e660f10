package hexo

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/normalize"
)

// FuzzRender: whatever an article holds (titles, categories and authors come from untrusted feeds),
// Render does not panic, its front matter is YAML that reads back as the values it was given (the
// title as sanitized, with the seed's field order and types), no brace is left, its body is the
// sanitized body's HTML in one HTML block that Markdown never reads, and its path stays inside the
// export directory with names no file system or Hexo rejects.
func FuzzRender(f *testing.F) {
	f.Add("2021翼支付合作伙伴大会成功举办大咖“论道”共话数字发展图景", "金融", "深度", "财联社", `<div class="m-b-10"><p>正文</p></div>`, "https://img.cls.cn/images/20211118/IkQWc3B11w.png", "215d05d6304886ca64ba771095a3678e", int64(1637197561), false)
	f.Add("../../etc/passwd", "../../etc/passwd", "..", "- x: y #z", "{% raw %}{{x}}", "", "", int64(0), true)
	f.Add("It's \"quoted\"\n\t{}[]#.", "_drafts", ".", "true", "", "https://x.example/it's.png", "id", int64(-62135596800), false)
	f.Add("a\x00b\u2028c\u0085\ufeff\xff", "\x00", "\u202e", "\x85", "\r\n---\n", "\n", "../x", int64(253402300799), true)
	f.Add(strings.Repeat("长", 120), strings.Repeat("类", 100), "", "'", "", "{n}", "", int64(1), false)
	f.Add("t", "", "", "", "<p>a</p>\n\n[x](javascript:alert(1))\r\r<pre>\n\n```</pre>~~~", "", "", int64(0), false)
	n := normalize.New(normalize.Options{})
	f.Fuzz(func(t *testing.T, title, cat1, cat2, author, body, img, id string, sec int64, comments bool) {
		a := aggregator.Article{
			ID: id, Title: title, Categories: []string{cat1, cat2}, Author: author, HeadImg: img,
			Comments: comments, Date: time.Unix(sec, 0),
		}
		// Stored bodies are sanitized ones: the post must hold the same HTML as one HTML block.
		a.Body, _ = n.Sanitize(body, "https://www.cls.cn/detail/1")
		o := Options{PlaceholderImage: "https://picsum.photos/400/300?random={n}&t=" + cat2}
		rel, content := Render(a, o)
		checkPost(t, a, o, rel, content)
		dir := filepath.Join("site", "source", "_posts")
		if full := filepath.Join(dir, filepath.FromSlash(rel)); !strings.HasPrefix(full, dir+string(filepath.Separator)) {
			t.Errorf("path %q leaves the export directory", rel)
		}
		for _, suffix := range candidates(&post{id: id, plain: rel})[1:] {
			checkPath(t, suffix)
		}
	})
}

// FuzzForeignKeys: whatever a post on disk holds (a site's plugins and editors write it), carrying
// its foreign front-matter keys into a rendered post does not panic, leaves tributary's part exactly
// as rendered (so the next Sync finds the post intact), and carries the same keys again unchanged.
func FuzzForeignKeys(f *testing.F) {
	_, seed := Render(article("aaaa1111bbbb2222", "标题"), Options{})
	f.Add(string(seed), "abbrlink: 1a2b\n")
	f.Add("\n---\ntitle: x\nabbrlink: 1\ntags:\n- a\n  - b\n# c\n\n---\nbody", "")
	f.Add("---\r\nabbrlink: 1\r\n---\r\n", "seo:\n  k: v\n")
	f.Add("---\n? complex\n: key\n...\n", "x: |\n  ---\n")
	f.Fuzz(func(t *testing.T, disk, extra string) {
		if i := strings.Index(string(seed), "\nthumbnail:"); i >= 0 {
			disk += string(seed[:i+1]) + extra + string(seed[i+1:])
		}
		own := ownKeys(seed)
		merged := withForeign(seed, foreignLines([]byte(disk), own))
		if got := ownPart(merged, own); string(got) != string(seed) {
			t.Fatalf("tributary's part changed:\n%q\nwant\n%q", got, seed)
		}
		if sameMeaning([]byte(disk), seed, own) && !strings.Contains(disk, "<p>正文</p>") {
			t.Fatalf("a post without the body counts as unchanged:\n%q", disk)
		}
		again := withForeign(seed, foreignLines(merged, own))
		if string(again) != string(merged) {
			t.Fatalf("carried twice:\n%q\nonce:\n%q", again, merged)
		}
	})
}
