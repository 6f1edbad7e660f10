package hexo

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"tributary/aggregator"
)

// insertAfter inserts text after the first line of the file at rel that starts with prefix.
func insertAfter(t *testing.T, dir, rel, prefix, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i := strings.Index(s, "\n"+prefix)
	if i < 0 {
		t.Fatalf("%s has no line %q", rel, prefix)
	}
	j := i + 1 + strings.IndexByte(s[i+1:], '\n') + 1
	if err := os.WriteFile(p, []byte(s[:j]+text+s[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// reserialize rewrites a post's front matter in another YAML layout (no leading blank line, no
// quotes, two-space indents) with `abbrlink: 51966` added, as hexo-abbrlink writes every post back
// through js-yaml.
func reserialize(t *testing.T, file string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	fm, body := splitPost(t, string(b))
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(fm), &doc); err != nil {
		t.Fatal(err)
	}
	var plain func(n *yaml.Node)
	plain = func(n *yaml.Node) {
		n.Style = 0
		for _, c := range n.Content {
			plain(c)
		}
	}
	plain(&doc)
	m := doc.Content[0]
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: "abbrlink"}, &yaml.Node{Kind: yaml.ScalarNode, Value: "51966"})
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) == fm {
		t.Fatal("the layout did not change")
	}
	if err := os.WriteFile(file, []byte("---\n"+string(out)+"---\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// frontMap reads a post's front matter as a map, as Hexo would.
func frontMap(t *testing.T, content string) map[string]any {
	t.Helper()
	fm, _ := splitPost(t, content)
	var m map[string]any
	if err := yaml.Unmarshal([]byte(fm), &m); err != nil {
		t.Fatalf("front matter is not YAML: %v\n%s", err, fm)
	}
	return m
}

// TestSyncForeignKeys: keys a site's plugin adds to a post's front matter (hexo-abbrlink's
// `abbrlink:`, a list-valued key) neither make an unchanged article's post be rewritten — no write,
// so no rebuild — nor are lost when the article changes and its post is rewritten.
func TestSyncForeignKeys(t *testing.T) {
	arts := openStore(t).refresh(t, "cls-depth.xml", fetchedAt)
	seed := slices.IndexFunc(arts, func(a aggregator.Article) bool { return postPath(a, "") == seedPath })
	if seed < 0 {
		t.Fatal("no seed article among the fixture's")
	}
	for _, tc := range []struct {
		name, after, insert string
		want                map[string]any
	}{
		{"abbrlink at the end", "thumbnail:", "abbrlink: 1a2b\n", map[string]any{"abbrlink": "1a2b"}},
		{"abbrlink in the middle", "title:", "abbrlink: 1a2b\n", map[string]any{"abbrlink": "1a2b"}},
		{"the front matter re-serialized, as hexo-abbrlink does", "", "", map[string]any{"abbrlink": 51966}},
		{"a list, a mapping and a number", "date:", "tags:\n- 新闻\n- 深度\nseo:\n  # 搜索\n  keywords: 财联社\nupdated: 2022\n",
			map[string]any{"tags": []any{"新闻", "深度"}, "seo": map[string]any{"keywords": "财联社"}, "updated": 2022}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts := slices.Clone(arts)
			dir := t.TempDir()
			mustSync(t, dir, arts, Options{})
			if tc.after == "" {
				reserialize(t, filepath.Join(dir, filepath.FromSlash(seedPath)))
			} else {
				insertAfter(t, dir, seedPath, tc.after, tc.insert)
			}
			before := tree(t, dir)

			if rep := mustSync(t, dir, arts, Options{}); rep.Changed() || rep.Unchanged != len(arts) {
				t.Errorf("no change, a plugin's key added: %+v, want all %d unchanged", rep, len(arts))
			}
			if after := tree(t, dir); !maps.Equal(before, after) {
				t.Errorf("a Sync without change rewrote files")
			}

			arts[seed].Body += "<p>更正</p>"
			if rep := mustSync(t, dir, arts, Options{}); rep.Written != 1 || rep.Unchanged != len(arts)-1 {
				t.Errorf("changed body: %+v, want 1 written", rep)
			}
			got := tree(t, dir)[seedPath]
			if !strings.Contains(got, "<p>更正</p>") {
				t.Errorf("the changed body was not written")
			}
			fm := frontMap(t, got)
			for k, v := range tc.want {
				if fmt.Sprint(fm[k]) != fmt.Sprint(v) {
					t.Errorf("%s = %v after the rewrite, want %v", k, fm[k], v)
				}
			}
			_, want := Render(arts[seed], Options{})
			if own := ownPart([]byte(got), ownKeys(want)); string(own) != string(want) {
				t.Errorf("tributary's part of the post differs from Render's:\n%s", got)
			}
			if rep := mustSync(t, dir, arts, Options{}); rep.Changed() {
				t.Errorf("Sync after the rewrite: %+v, want nothing changed", rep)
			}
		})
	}
}

// TestSyncOwnPartEdited: a post whose own part was edited by hand, even keeping its size, is
// rewritten, and a front matter the Sync cannot read is replaced whole.
func TestSyncOwnPartEdited(t *testing.T) {
	arts := openStore(t).refresh(t, "cls-depth.xml", fetchedAt)
	for _, tc := range []struct{ name, from, to string }{
		{"same size", "comments: false", "comments: fals_"},
		{"no closing line", "\n---\n\n<div>", "\n--+\n\n<div>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			mustSync(t, dir, arts, Options{})
			p := filepath.Join(dir, filepath.FromSlash(seedPath))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(strings.Replace(string(b), tc.from, tc.to, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			if rep := mustSync(t, dir, arts, Options{}); rep.Written != 1 {
				t.Errorf("%+v, want the edited post rewritten", rep)
			}
			checkExport(t, dir, arts, Options{})
		})
	}
}

// TestSyncAbbrlink: with Options.Abbrlink every post gets an abbrlink of 4 hex digits, unique in
// the export, that does not depend on the order of the articles, survives new articles (even older
// ones whose own value it holds) and is what hexo-abbrlink leaves alone (quoted, never "0").
func TestSyncAbbrlink(t *testing.T) {
	// Articles whose first choice collides: the birthday bound on 4 hex digits finds some quickly.
	first := map[string]string{}
	var a, b string
	for i := 0; b == ""; i++ {
		id := fmt.Sprintf("https://www.cls.cn/detail/%d", 900000+i)
		c := abbrlinkCandidate(id, 0)
		if other, ok := first[c]; ok {
			a, b = other, id
		}
		first[c] = id
	}
	art := func(id, title string, day int) aggregator.Article {
		return aggregator.Article{ID: id, Title: title, Categories: []string{"财联社"}, Author: "财联社",
			Date: time.Date(2021, 11, day, 0, 0, 0, 0, time.UTC), Body: "<p>" + title + "</p>"}
	}
	o := Options{Abbrlink: true}
	abbrlinks := func(t *testing.T, dir string) map[string]string {
		t.Helper()
		m := readManifest(t, dir)
		files := tree(t, dir)
		out := map[string]string{}
		seen := map[string]string{}
		for id, en := range m.Posts {
			v, ok := frontMap(t, files[en.Path])["abbrlink"].(string)
			if !ok || !validAbbrlink(v) || v != en.Abbrlink {
				t.Errorf("%s: abbrlink %q (manifest %q), want a string of lower-case letters and digits", id, v, en.Abbrlink)
			}
			if other, dup := seen[v]; dup {
				t.Errorf("%s and %s share abbrlink %s", id, other, v)
			}
			seen[v] = id
			out[id] = v
		}
		return out
	}

	older, newer := art(a, "甲", 2), art(b, "乙", 3)
	dir1, dir2 := t.TempDir(), t.TempDir()
	mustSync(t, dir1, []aggregator.Article{older, newer}, o)
	mustSync(t, dir2, []aggregator.Article{newer, older}, o)
	got := abbrlinks(t, dir1)
	if !maps.Equal(got, abbrlinks(t, dir2)) {
		t.Errorf("abbrlinks depend on the order of the articles")
	}
	if got[a] != abbrlinkCandidate(a, 0) || len(got[a]) != 4 || len(got[b]) != 4 {
		t.Errorf("the older article lost its first choice: %q", got[a])
	}

	// Only the newer article first; then the older one, whose first choice the newer holds, comes.
	dir := t.TempDir()
	mustSync(t, dir, []aggregator.Article{newer}, o)
	held := abbrlinks(t, dir)[b]
	if rep := mustSync(t, dir, []aggregator.Article{newer}, o); rep.Changed() {
		t.Errorf("rerun: %+v, want nothing changed", rep)
	}
	mustSync(t, dir, []aggregator.Article{older, newer}, o)
	if now := abbrlinks(t, dir); now[b] != held {
		t.Errorf("an older article took the abbrlink %s of a published post (now %s)", held, now[b])
	}

	// Turned on in a site where hexo-abbrlink gave both posts one value (its CRC collides): the
	// older post keeps it, so its URL stays; the newer gets its own.
	dir = t.TempDir()
	mustSync(t, dir, []aggregator.Article{older, newer}, Options{})
	for _, id := range []string{a, b} {
		insertAfter(t, dir, readManifest(t, dir).Posts[id].Path, "thumbnail:", "abbrlink: 51966\n")
	}
	mustSync(t, dir, []aggregator.Article{newer, older}, o)
	if now := abbrlinks(t, dir); now[a] != "51966" || now[b] == "51966" {
		t.Errorf("abbrlinks %v, want the older post's %q kept and the newer one's changed", now, "51966")
	}
	if rep := mustSync(t, dir, []aggregator.Article{newer, older}, o); rep.Changed() {
		t.Errorf("rerun: %+v, want nothing changed", rep)
	}
}
