package hexo

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"tributary/aggregator"
)

// readManifest reads the manifest Sync wrote.
func readManifest(t *testing.T, dir string) manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// checkExport checks that dir holds exactly one post per article, at the path the manifest names,
// with the content Render gives, and nothing else but the manifest and the listed site files.
func checkExport(t *testing.T, dir string, arts []aggregator.Article, o Options, siteFiles ...string) {
	t.Helper()
	m := readManifest(t, dir)
	files := tree(t, dir)
	want := map[string]bool{ManifestName: true}
	for _, s := range siteFiles {
		want[s] = true
	}
	for _, a := range arts {
		en, ok := m.Posts[a.ID]
		if !ok {
			t.Errorf("article %s (%s) is not in the manifest", a.ID, a.Title)
			continue
		}
		_, content := Render(a, o)
		if files[en.Path] != string(content) {
			t.Errorf("%s: content differs from Render's", en.Path)
		}
		want[en.Path] = true
	}
	if len(m.Pending) != 0 {
		t.Errorf("pending removals left: %q", m.Pending)
	}
	for p := range files {
		if !want[p] {
			t.Errorf("unexpected file %s", p)
		}
	}
	for p := range want {
		if _, ok := files[p]; !ok {
			t.Errorf("missing file %s", p)
		}
	}
}

// TestSyncRerun: a second Sync with the same articles changes nothing — not a post, not the
// manifest, not a modification time — and says so.
func TestSyncRerun(t *testing.T) {
	arts := openStore(t).refresh(t, "cls-depth.xml", fetchedAt)
	dir := t.TempDir()
	first := mustSync(t, dir, arts, Options{})
	if !first.Changed() || first.Written != len(arts) {
		t.Fatalf("first Sync: %+v", first)
	}
	checkExport(t, dir, arts, Options{})
	before := tree(t, dir)
	// Every file dated far in the past: a rewrite shows as a new modification time even where
	// timestamps are coarse (seconds on some filesystems).
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	for p := range before {
		if err := os.Chtimes(filepath.Join(dir, p), old, old); err != nil {
			t.Fatal(err)
		}
	}
	for range 2 {
		rep := mustSync(t, dir, arts, Options{})
		if rep.Changed() || !sameCounts(rep, Report{Unchanged: len(arts)}) {
			t.Errorf("rerun: %+v, want %d unchanged", rep, len(arts))
		}
	}
	if after := tree(t, dir); !maps.Equal(before, after) {
		t.Error("rerun changed the tree")
	}
	for p := range before {
		if fi, err := os.Stat(filepath.Join(dir, p)); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("rerun touched %s", p)
		}
	}
	// The same articles in another order, once more through a new store read: still nothing.
	rev := slices.Clone(arts)
	slices.Reverse(rev)
	if rep := mustSync(t, dir, rev, Options{}); rep.Changed() {
		t.Errorf("reordered rerun: %+v", rep)
	}
}

// TestSyncHeadlineEdit: the depth feed, then the same feed an hour later with one headline edited,
// through the store: the article keeps its ID, its post is renamed, and no duplicate remains (the
// seed's script left both, see realposts/pairs.tsv).
func TestSyncHeadlineEdit(t *testing.T) {
	ts := openStore(t)
	dir := t.TempDir()
	before := ts.refresh(t, "cls-depth.xml", fetchedAt)
	mustSync(t, dir, before, Options{})
	after := ts.refresh(t, "cls-depth-edited.xml", fetchedAt.Add(time.Hour))
	if len(after) != len(before) {
		t.Fatalf("%d articles after the edit, %d before", len(after), len(before))
	}
	var edited aggregator.Article
	for i, a := range after {
		if a.ID != before[i].ID {
			t.Fatalf("order or IDs changed: %s vs %s", a.ID, before[i].ID)
		}
		if a.Title != before[i].Title {
			edited = a
		}
	}
	if edited.ID == "" {
		t.Fatal("the edited fixture changed no title")
	}
	oldPath := readManifest(t, dir).Posts[edited.ID].Path
	rep := mustSync(t, dir, after, Options{})
	if !sameCounts(rep, Report{Renamed: 1, Unchanged: len(after) - 1}) {
		t.Errorf("Sync after the edit: %+v, want 1 renamed", rep)
	}
	newPath := readManifest(t, dir).Posts[edited.ID].Path
	want := "金融/财联社/深度/10年期美债收益率创3个月新低：美国CPI爆表 债市利空出尽？.md"
	if newPath != want || oldPath == newPath {
		t.Errorf("renamed %s → %s, want → %s", oldPath, newPath, want)
	}
	if _, err := os.Stat(filepath.Join(dir, oldPath)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("old post %s is still there: %v", oldPath, err)
	}
	checkExport(t, dir, after, Options{})
	if n := len(posts(t, dir)); n != len(after) {
		t.Errorf("%d posts for %d articles", n, len(after))
	}
	if rep := mustSync(t, dir, after, Options{}); rep.Changed() {
		t.Errorf("rerun after the edit: %+v", rep)
	}
}

// TestSyncSameTitle: two different articles with one title share nothing: the first to hold the
// plain name keeps it, the other gets an ID suffix, and the choice survives reruns, reordering, a
// third namesake and the pruning of the holder.
func TestSyncSameTitle(t *testing.T) {
	dir := t.TempDir()
	const title = "10倍大牛股崩了：AH股双双暴跌"
	plain := "金融/财联社/深度/10倍大牛股崩了：AH股双双暴跌.md"
	a := article("aaaa1111bbbb2222", title)
	b := article("bbbb3333cccc4444", title)
	b.Date = a.Date.Add(-time.Hour) // older, yet later to arrive: it must not take a's name
	c := article("cccc5555dddd6666", title)
	c.Date = a.Date.Add(-2 * time.Hour)

	mustSync(t, dir, []aggregator.Article{a}, Options{})
	steps := []struct {
		name string
		arts []aggregator.Article
		want map[string]string // id → path
	}{
		{"second namesake", []aggregator.Article{a, b}, map[string]string{a.ID: plain, b.ID: "金融/财联社/深度/10倍大牛股崩了：AH股双双暴跌-bbbb3333.md"}},
		{"reordered", []aggregator.Article{b, a}, map[string]string{a.ID: plain, b.ID: "金融/财联社/深度/10倍大牛股崩了：AH股双双暴跌-bbbb3333.md"}},
		{"third namesake", []aggregator.Article{c, b, a}, map[string]string{a.ID: plain, b.ID: "金融/财联社/深度/10倍大牛股崩了：AH股双双暴跌-bbbb3333.md", c.ID: "金融/财联社/深度/10倍大牛股崩了：AH股双双暴跌-cccc5555.md"}},
		{"holder pruned, the others stay", []aggregator.Article{b, c}, map[string]string{b.ID: "金融/财联社/深度/10倍大牛股崩了：AH股双双暴跌-bbbb3333.md", c.ID: "金融/财联社/深度/10倍大牛股崩了：AH股双双暴跌-cccc5555.md"}},
	}
	for _, st := range steps {
		mustSync(t, dir, st.arts, Options{})
		got := map[string]string{}
		for id, en := range readManifest(t, dir).Posts {
			got[id] = en.Path
		}
		if !maps.Equal(got, st.want) {
			t.Errorf("%s: paths %v, want %v", st.name, got, st.want)
		}
		checkExport(t, dir, st.arts, Options{})
	}

	// Two namesakes arriving together: the older article gets the plain name, whatever the order.
	for _, order := range [][]aggregator.Article{{a, b}, {b, a}} {
		dir := t.TempDir()
		mustSync(t, dir, order, Options{})
		if got := readManifest(t, dir).Posts[b.ID].Path; got != plain {
			t.Errorf("the older namesake got %s, want the plain name", got)
		}
	}
}

// TestSyncSiteFiles: the site's own posts (files the manifest does not list) are never written,
// renamed or removed; an article whose path one of them holds gets a suffixed name.
func TestSyncSiteFiles(t *testing.T) {
	dir := t.TempDir()
	a := article("aaaa1111bbbb2222", "关于本站")
	own := map[string]string{
		"金融/财联社/深度/关于本站.md": "---\ntitle: 关于本站\n---\n站长自己写的\n",
		"hello-world.md": "---\ntitle: Hello\n---\n",
	}
	for p, c := range own {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mustSync(t, dir, []aggregator.Article{a}, Options{})
	if got := readManifest(t, dir).Posts[a.ID].Path; got != "金融/财联社/深度/关于本站-aaaa1111.md" {
		t.Errorf("article path %s, want the suffixed name beside the site's post", got)
	}
	mustSync(t, dir, nil, Options{}) // prune everything
	files := tree(t, dir)
	for p, c := range own {
		if files[p] != c {
			t.Errorf("site file %s changed: %q", p, files[p])
		}
	}
	if len(files) != len(own)+1 {
		t.Errorf("files left: %v", slices.Collect(maps.Keys(files)))
	}
}

// TestSyncPrune: an article pruned from the store loses its post, unless KeepPruned; directories left
// empty go too, the export directory stays.
func TestSyncPrune(t *testing.T) {
	for _, keep := range []bool{false, true} {
		t.Run(map[bool]string{false: "removed", true: "kept"}[keep], func(t *testing.T) {
			ts := openStore(t)
			dir := t.TempDir()
			arts := ts.refresh(t, "cls-depth.xml", fetchedAt)
			mustSync(t, dir, arts, Options{})
			n, err := ts.Prune(context.Background(), aggregator.PrunePolicy{MaxPerSource: len(arts) - 1, TombstoneTTL: time.Hour})
			if err != nil || n != 1 {
				t.Fatalf("Prune: %d, %v", n, err)
			}
			left := ts.articles(t)
			pruned := arts[len(arts)-1] // the oldest
			prunedPath := readManifest(t, dir).Posts[pruned.ID].Path
			o := Options{KeepPruned: keep}
			rep := mustSync(t, dir, left, o)
			_, err = os.Stat(filepath.Join(dir, prunedPath))
			if keep {
				if !sameCounts(rep, Report{Unchanged: len(left)}) || err != nil {
					t.Errorf("KeepPruned: %+v, post: %v", rep, err)
				}
				checkExport(t, dir, left, o, prunedPath)
				if rep := mustSync(t, dir, left, o); rep.Changed() {
					t.Errorf("KeepPruned rerun: %+v", rep)
				}
				// Without KeepPruned the next Sync removes it.
				o.KeepPruned = false
				if rep := mustSync(t, dir, left, o); !sameCounts(rep, Report{Removed: 1, Unchanged: len(left)}) {
					t.Errorf("Sync without KeepPruned: %+v", rep)
				}
			} else if !sameCounts(rep, Report{Removed: 1, Unchanged: len(left)}) || !errors.Is(err, os.ErrNotExist) {
				t.Errorf("prune: %+v, post: %v", rep, err)
			}
			checkExport(t, dir, left, Options{})

			// Everything pruned: no post, no category directory, the export directory and the
			// manifest remain.
			mustSync(t, dir, nil, Options{})
			if files := tree(t, dir); len(files) != 1 {
				t.Errorf("files left: %v", slices.Collect(maps.Keys(files)))
			}
			if _, err := os.Stat(filepath.Join(dir, "金融")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("empty category directory left: %v", err)
			}
		})
	}
}

// TestSyncRepairs: a post deleted or truncated by hand is rewritten; a changed article is rewritten
// in place.
func TestSyncRepairs(t *testing.T) {
	arts := openStore(t).refresh(t, "cls-depth.xml", fetchedAt)
	dir := t.TempDir()
	mustSync(t, dir, arts, Options{})
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(seedPath))); err != nil {
		t.Fatal(err)
	}
	other := readManifest(t, dir).Posts[arts[1].ID].Path
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(other)), []byte("truncated"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep := mustSync(t, dir, arts, Options{}); !sameCounts(rep, Report{Written: 2, Unchanged: len(arts) - 2}) {
		t.Errorf("repair: %+v, want 2 written", rep)
	}
	checkExport(t, dir, arts, Options{})

	arts[2].Body += "<p>更正</p>"
	if rep := mustSync(t, dir, arts, Options{}); !sameCounts(rep, Report{Written: 1, Unchanged: len(arts) - 1}) {
		t.Errorf("changed body: %+v, want 1 written", rep)
	}
	checkExport(t, dir, arts, Options{})
}

// TestSyncManifestErrors: a manifest that is not one stops the Sync with an error naming the file,
// before any post is written.
func TestSyncManifestErrors(t *testing.T) {
	tests := []struct{ name, content string }{
		{"not JSON", "{\"version\": 1, \"posts\": {"},
		{"garbage", "\x00\x01binary"},
		{"wrong version", `{"version": 9, "posts": {}}`},
		{"escaping path", `{"version": 1, "posts": {"x": {"path": "../../etc/passwd.md", "sha256": "", "size": 0}}}`},
		{"absolute path", `{"version": 1, "posts": {"x": {"path": "/etc/x.md", "sha256": "", "size": 0}}}`},
		{"not a post", `{"version": 1, "posts": {"x": {"path": "config.yml", "sha256": "", "size": 0}}}`},
		{"shared path", `{"version": 1, "posts": {"x": {"path": "a.md"}, "y": {"path": "A.md"}}}`},
		{"pending outside", `{"version": 1, "posts": {}, "pending_remove": ["../x.md"]}`},
	}
	arts := []aggregator.Article{article("aaaa1111bbbb2222", "标题")}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			mf := filepath.Join(dir, ManifestName)
			if err := os.WriteFile(mf, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Sync(context.Background(), dir, arts, Options{})
			if !errors.Is(err, ErrCorruptManifest) || !strings.Contains(err.Error(), mf) {
				t.Errorf("error %v, want ErrCorruptManifest naming %s", err, mf)
			}
			if files := tree(t, dir); len(files) != 1 || files[ManifestName] != tt.content {
				t.Errorf("Sync changed the directory: %v", slices.Collect(maps.Keys(files)))
			}
		})
	}
	if _, err := Sync(context.Background(), t.TempDir(), []aggregator.Article{{Title: "no id"}}, Options{}); err == nil {
		t.Error("an article without ID was accepted")
	}
}

// TestSyncTraversal: hostile titles and categories cannot write outside the export directory.
func TestSyncTraversal(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site", "source", "_posts")
	var arts []aggregator.Article
	for i, cats := range [][]string{
		{"../../etc/passwd"},
		{"..", "..", ".."},
		{"/etc", "passwd"},
		{"a/../../../b"},
		{`..\..\win`},
		{"\x00", "..\x00"},
	} {
		a := article(strings.Repeat(string(rune('a'+i)), 16), "../../etc/passwd")
		a.Categories = cats
		arts = append(arts, a)
	}
	a := article("zzzz0000zzzz0000", "/../../../../tmp/evil")
	a.Categories = nil
	arts = append(arts, a)
	mustSync(t, dir, arts, Options{})
	checkExport(t, dir, arts, Options{})
	err := filepath.WalkDir(parent, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if rel, _ := filepath.Rel(dir, p); !d.IsDir() && !filepath.IsLocal(rel) {
			t.Errorf("file written outside the export directory: %s", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range posts(t, dir) {
		checkPath(t, p)
	}

	// A symlink planted in the tree does not lead the export out either: the post that would go
	// through it is skipped, with the reason.
	outside := t.TempDir()
	dir2 := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir2, "金融")); err != nil {
		t.Skip("no symlinks:", err)
	}
	rep := mustSync(t, dir2, []aggregator.Article{article("aaaa1111bbbb2222", "标题")}, Options{})
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "symlink") {
		t.Errorf("report %+v, want the post skipped for the symlink", rep)
	}
	if files := tree(t, outside); len(files) != 0 {
		t.Errorf("files written outside: %v", files)
	}
}

// TestSyncSince: only articles dated after Since are exported; the posts of older ones that an
// earlier Sync wrote stay (they are out of the window, not pruned).
func TestSyncSince(t *testing.T) {
	arts := openStore(t).refresh(t, "cls-depth.xml", fetchedAt)
	dir := t.TempDir()
	since := arts[2].Date // newest first: articles 0 and 1 are after it
	rep := mustSync(t, dir, arts, Options{Since: since})
	if !sameCounts(rep, Report{Written: 2}) {
		t.Errorf("Since: %+v, want 2 written", rep)
	}
	checkExport(t, dir, arts[:2], Options{})
	mustSync(t, dir, arts, Options{})
	if rep := mustSync(t, dir, arts, Options{Since: since}); !sameCounts(rep, Report{Unchanged: 2}) {
		t.Errorf("Since after a full export: %+v, want 2 unchanged and nothing removed", rep)
	}
	checkExport(t, dir, arts, Options{})
}

// TestSyncPlaceholder: an image-less article keeps its placeholder across runs and processes (the
// number comes from its ID), so reruns do not rewrite it.
func TestSyncPlaceholder(t *testing.T) {
	o := Options{PlaceholderImage: "https://picsum.photos/400/300?random={n}"}
	ts := openStore(t)
	arts := ts.refresh(t, "cls-depth.xml", fetchedAt)
	var stub aggregator.Article
	for _, a := range arts {
		if a.HeadImg == "" && a.Thumbnail == "" {
			stub = a
		}
	}
	if stub.ID == "" {
		t.Fatal("the depth fixture has no article without image")
	}
	dir := t.TempDir()
	mustSync(t, dir, arts, o)
	read := func() frontMatter {
		b, err := os.ReadFile(filepath.Join(dir, readManifest(t, dir).Posts[stub.ID].Path))
		if err != nil {
			t.Fatal(err)
		}
		fm, _ := splitPost(t, string(b))
		return parseFrontMatter(t, fm)
	}
	first := read()
	if first.HeadImg == "" || strings.Contains(first.HeadImg, "{n}") || strings.Contains(first.HeadImg, "&#123;") || first.HeadImg != first.Thumbnail {
		t.Errorf("placeholder %q / %q", first.HeadImg, first.Thumbnail)
	}
	// A later fetch, a new Exporter: the same placeholder, nothing rewritten.
	arts = ts.refresh(t, "cls-depth.xml", fetchedAt.Add(24*time.Hour))
	if rep := New(dir, o).syncFresh(t, arts); rep.Changed() {
		t.Errorf("rerun with placeholders: %+v", rep)
	}
	if again := read(); again.HeadImg != first.HeadImg {
		t.Errorf("placeholder changed: %q → %q", first.HeadImg, again.HeadImg)
	}
}

func (e *Exporter) syncFresh(t *testing.T, arts []aggregator.Article) Report {
	t.Helper()
	rep, err := e.Sync(context.Background(), arts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestSyncSwapAndCase: two articles swapping headlines both move without losing a post, and a change
// of case only renames (no duplicate on a case-sensitive file system, no loss on an insensitive one).
func TestSyncSwapAndCase(t *testing.T) {
	dir := t.TempDir()
	a := article("aaaa1111bbbb2222", "甲")
	b := article("bbbb3333cccc4444", "乙")
	mustSync(t, dir, []aggregator.Article{a, b}, Options{})
	a.Title, b.Title = "乙", "甲"
	if rep := mustSync(t, dir, []aggregator.Article{a, b}, Options{}); !sameCounts(rep, Report{Renamed: 2}) {
		t.Errorf("swap: %+v", rep)
	}
	checkExport(t, dir, []aggregator.Article{a, b}, Options{})

	c := article("cccc5555dddd6666", "CPI Report")
	mustSync(t, dir, []aggregator.Article{a, b, c}, Options{})
	c.Title = "cpi report"
	if rep := mustSync(t, dir, []aggregator.Article{a, b, c}, Options{}); !sameCounts(rep, Report{Renamed: 1, Unchanged: 2}) {
		t.Errorf("case change: %+v", rep)
	}
	checkExport(t, dir, []aggregator.Article{a, b, c}, Options{})
	if got := readManifest(t, dir).Posts[c.ID].Path; path.Base(got) != "cpi report.md" {
		t.Errorf("case change: path %s", got)
	}

	// New categories move the post to another directory; the old one, now empty, goes.
	c.Categories = []string{"Markets"}
	mustSync(t, dir, []aggregator.Article{a, b, c}, Options{})
	checkExport(t, dir, []aggregator.Article{a, b, c}, Options{})
}

// TestSyncInterrupted: a Sync interrupted after its first manifest write (posts half written, old
// files not yet removed) is completed by the next one: leftovers removed, unconfirmed posts rewritten.
func TestSyncInterrupted(t *testing.T) {
	dir := t.TempDir()
	a := article("aaaa1111bbbb2222", "新标题")
	b := article("bbbb3333cccc4444", "未改")
	mustSync(t, dir, []aggregator.Article{a, b}, Options{})
	m := readManifest(t, dir)
	// As the interrupted Sync left it: a's post renamed in the manifest (no hash yet), the old file
	// still on disk and listed for removal, the new one not written.
	old := "金融/财联社/深度/旧标题.md"
	if err := os.WriteFile(filepath.Join(dir, old), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, m.Posts[a.ID].Path)); err != nil {
		t.Fatal(err)
	}
	en := m.Posts[a.ID]
	en.SHA256 = ""
	m.Posts[a.ID] = en
	m.Pending = []string{old}
	raw, _ := json.Marshal(m)
	if err := os.WriteFile(filepath.Join(dir, ManifestName), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	rep := mustSync(t, dir, []aggregator.Article{a, b}, Options{})
	if !sameCounts(rep, Report{Written: 1, Removed: 1, Unchanged: 1}) {
		t.Errorf("repair of an interrupted Sync: %+v", rep)
	}
	checkExport(t, dir, []aggregator.Article{a, b}, Options{})
	if rep := mustSync(t, dir, []aggregator.Article{a, b}, Options{}); rep.Changed() {
		t.Errorf("rerun: %+v", rep)
	}
}

// TestExporterConcurrent: Syncs of one Exporter from several goroutines (the daemon after refreshes
// and an export request at once) run one at a time and leave a consistent export.
func TestExporterConcurrent(t *testing.T) {
	arts := openStore(t).refresh(t, "cls-depth.xml", fetchedAt)
	dir := t.TempDir()
	e := New(dir, Options{})
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			subset := arts
			if i%2 == 1 {
				subset = arts[:3]
			}
			if _, err := e.Sync(context.Background(), subset); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if _, err := e.Sync(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	checkExport(t, dir, arts, Options{})
}

// TestSyncCanceled: a canceled context stops the Sync with its error.
func TestSyncCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Sync(ctx, t.TempDir(), []aggregator.Article{article("aaaa1111bbbb2222", "标题")}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}
