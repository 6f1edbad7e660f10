package hexo

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tributary/aggregator"
)

// TestSyncBadArticles: one article's path trouble never stops the export of the others, and the next
// Sync works too. Each case fails the whole export on a plain category-per-directory layout.
func TestSyncBadArticles(t *testing.T) {
	many := func(n int) []string {
		c := make([]string, n)
		for i := range c {
			c[i] = fmt.Sprintf("分类%04d", i)
		}
		return c
	}
	with := func(id, title string, cats ...string) aggregator.Article {
		a := article(id, title)
		a.Categories = cats
		return a
	}
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte("outside"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		arts []aggregator.Article
		site func(t *testing.T, dir string) // what the site's owner put there
		// skipped is the number of posts that must be skipped; the rest must be written.
		skipped int
	}{
		{
			name: "a post and a category of the same name",
			arts: []aggregator.Article{with("aaaa1111bbbb2222", "foo", "s"), with("bbbb3333cccc4444", "bar", "s", "foo.md")},
		},
		{
			name: "names differing only in case",
			arts: []aggregator.Article{with("aaaa1111bbbb2222", "Report", "s"), with("bbbb3333cccc4444", "REPORT", "S")},
		},
		{
			name: "names differing only in Unicode normalization",
			arts: []aggregator.Article{with("aaaa1111bbbb2222", norm.NFC.String("café"), "s"), with("bbbb3333cccc4444", norm.NFD.String("café"), "s")},
		},
		{
			name: "3000 categories",
			arts: []aggregator.Article{with("aaaa1111bbbb2222", "深", many(3000)...), with("bbbb3333cccc4444", "浅", "s")},
		},
		{
			name: "long categories",
			arts: []aggregator.Article{with("aaaa1111bbbb2222", "长", strings.Repeat("长", 200), strings.Repeat("分", 200), strings.Repeat("类", 200)), with("bbbb3333cccc4444", "浅", "s")},
		},
		{
			name: "a symlink to a directory inside where a category goes",
			arts: []aggregator.Article{with("aaaa1111bbbb2222", "甲", "link", "x"), with("bbbb3333cccc4444", "乙", "s")},
			site: func(t *testing.T, dir string) {
				os.MkdirAll(filepath.Join(dir, "real"), 0o755)
				if err := os.Symlink("real", filepath.Join(dir, "link")); err != nil {
					t.Skip("no symlinks:", err)
				}
			},
			skipped: 1,
		},
		{
			name: "a symlink where a post goes",
			arts: []aggregator.Article{with("aaaa1111bbbb2222", "甲", "s"), with("bbbb3333cccc4444", "乙", "s")},
			site: func(t *testing.T, dir string) {
				os.MkdirAll(filepath.Join(dir, "s"), 0o755)
				if err := os.Symlink(outside, filepath.Join(dir, "s", "甲.md")); err != nil {
					t.Skip("no symlinks:", err)
				}
			},
		},
		{
			name: "a file of the site's where a category goes",
			arts: []aggregator.Article{with("aaaa1111bbbb2222", "甲", "s", "x"), with("bbbb3333cccc4444", "乙", "t")},
			site: func(t *testing.T, dir string) {
				writeTree(t, dir, map[string]string{"s": "the site's own"})
			},
			skipped: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.site != nil {
				tt.site(t, dir)
			}
			for run := range 2 {
				rep, err := Sync(context.Background(), dir, tt.arts, Options{})
				if err != nil {
					t.Fatalf("Sync %d: %v", run+1, err)
				}
				if len(rep.Skipped) != tt.skipped {
					t.Errorf("Sync %d skipped %+v, want %d", run+1, rep.Skipped, tt.skipped)
				}
				if done := rep.Written + rep.Unchanged; done != len(tt.arts)-tt.skipped {
					t.Errorf("Sync %d: %+v, want %d posts exported", run+1, rep, len(tt.arts)-tt.skipped)
				}
				if run == 1 && rep.Changed() {
					t.Errorf("Sync 2: %+v, want nothing changed", rep)
				}
			}
			m := readManifest(t, dir)
			seen := map[string]string{}
			for id, en := range m.Posts {
				checkPath(t, en.Path)
				// What APFS or NTFS take for one name (simple folding covers these fixtures).
				k := norm.NFC.String(strings.ToLower(en.Path))
				if seen[k] != "" {
					t.Errorf("%s and %s have paths one case-insensitive file system takes for one: %q", id, seen[k], en.Path)
				}
				seen[k] = id
				fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(en.Path)))
				if err != nil || !fi.Mode().IsRegular() {
					t.Errorf("%s: %v, want a regular file", en.Path, err)
				}
			}
			if b, err := os.ReadFile(outside); err != nil || string(b) != "outside" {
				t.Errorf("the file a symlink points to: %q, %v; want it untouched", b, err)
			}
		})
	}
}

// TestPathLimits: however many and however long the categories, a post's path stays within the
// documented limits, and so does its front matter's list.
func TestPathLimits(t *testing.T) {
	for _, n := range []int{0, 1, maxDepth, maxDepth + 1, 600, 3000} {
		for _, size := range []int{1, 50, 300} {
			a := article("aaaa1111bbbb2222", strings.Repeat("题", 100))
			a.Categories = nil
			for i := range n {
				a.Categories = append(a.Categories, fmt.Sprintf("%d%s", i, strings.Repeat("类", size)))
			}
			rel, content := Render(a, Options{})
			dirs := strings.Count(rel, "/")
			if dirs > maxDepth || len(rel) > maxPath || dirs < min(n, 1) {
				t.Errorf("%d categories of %d runes: %d directories, %d bytes", n, size, dirs, len(rel))
			}
			for _, seg := range strings.Split(path.Dir(rel), "/") {
				if len(seg) > maxName || strings.HasSuffix(strings.ToLower(seg), ".md") {
					t.Errorf("bad directory %q", seg)
				}
			}
			if got := strings.Count(string(content), "\n - "); got > maxDepth {
				t.Errorf("%d categories: the front matter lists %d", n, got)
			}
		}
	}
}

// TestRenderPermalink: with a permalink that takes the file path, no name holds '%' (hexo-util
// fails such a post with "URIError: URI malformed"); with one that does not, or outside a site, the
// names are the seed's. The title in the front matter keeps its '%' either way.
func TestRenderPermalink(t *testing.T) {
	a := article("aaaa1111bbbb2222", "封板率为77% 同比增长10.5%")
	a.Categories = []string{"涨幅%AB", "深度"}
	long := article("bbbb3333cccc4444", strings.Repeat("%", 300))
	long.Categories = []string{strings.Repeat("%", 300)}
	for _, tt := range []struct {
		permalink string
		want      string
	}{
		{"", "涨幅%AB/深度/封板率为77% 同比增长105%.md"},
		{"p/:abbrlink.html", "涨幅%AB/深度/封板率为77% 同比增长105%.md"},
		{":year/:month/:day/:title/", "涨幅％AB/深度/封板率为77％ 同比增长105％.md"},
		{"posts/:name.html", "涨幅％AB/深度/封板率为77％ 同比增长105％.md"},
	} {
		t.Run(tt.permalink, func(t *testing.T) {
			o := Options{Permalink: tt.permalink}
			rel, content := Render(a, o)
			if rel != tt.want {
				t.Errorf("path %q, want %q", rel, tt.want)
			}
			if !strings.Contains(string(content), "\ntitle: '封板率为77% 同比增长10.5%'\n") {
				t.Errorf("the title lost its '%%':\n%.200s", content)
			}
			rel, _ = Render(long, o)
			checkPath(t, rel)
			if PermalinkTakesName(tt.permalink) && strings.Contains(rel, "%") {
				t.Errorf("path %q holds '%%'", rel)
			}
		})
	}
}
