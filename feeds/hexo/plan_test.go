package hexo

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tributary/aggregator"
)

// flat is an article whose post lands at the top of the export directory, "<title>.md", dated hour
// hours after article's date: short paths for tables.
func flat(id, title string, hour int) aggregator.Article {
	a := article(id, title)
	a.Categories = nil
	a.Date = a.Date.Add(time.Duration(hour) * time.Hour)
	return a
}

// synced is the state a complete Sync of arts (with the zero Options) leaves, beside the site's own files: its manifest and
// its files as a file system for planSync. It comes from a real Sync in a temporary directory.
func synced(t *testing.T, arts []aggregator.Article, siteFiles map[string]string) (*manifest, fstest.MapFS) {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, siteFiles)
	m := &manifest{Version: manifestVersion, Posts: map[string]entry{}}
	if arts != nil {
		mustSync(t, dir, arts, Options{})
		rm := readManifest(t, dir)
		m = &rm
		if m.Posts == nil {
			m.Posts = map[string]entry{}
		}
	}
	disk := fstest.MapFS{}
	for p, c := range tree(t, dir) {
		if p != ManifestName {
			disk[p] = &fstest.MapFile{Data: []byte(c), Mode: 0o644}
		}
	}
	return m, disk
}

// writeTree writes files (relative path → content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, c := range files {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// planFor renders arts and plans their Sync against m and disk, as Sync does.
func planFor(m *manifest, disk lstater, arts []aggregator.Article, o Options) (*plan, error) {
	posts, retained, err := renderPosts(arts, o, m)
	if err != nil {
		return nil, err
	}
	return planSync(m, posts, retained, o, disk)
}

// String writes an op as the tables spell it.
func (o op) String() string {
	switch o.kind {
	case opWrite:
		if o.from != "" {
			return "move " + o.from + " → " + o.path
		}
		return "write " + o.path
	case opRemove:
		return "remove " + o.path
	case opRemoveStale:
		return "remove stale " + o.path
	}
	return fmt.Sprintf("op %d %s", o.kind, o.path)
}

func opStrings(ops []op) []string {
	var out []string
	for _, o := range ops {
		out = append(out, o.String())
	}
	return out
}

// TestPlan: planSync on crafted manifests and directories decides the paths, the ops in order, the
// intent's pending list and the counts, without touching a file.
func TestPlan(t *testing.T) {
	a := flat("aaaa1111bbbb2222", "甲", 2)
	b := flat("bbbb3333cccc4444", "乙", 1)
	c := flat("cccc5555dddd6666", "CPI Report", 0)
	same := func(x aggregator.Article) aggregator.Article { return retitle(x, "同") }
	tests := []struct {
		name      string
		before    []aggregator.Article // what the last Sync exported; nil: no Sync yet
		site      map[string]string    // files of the site's own
		edit      func(m *manifest, disk fstest.MapFS)
		after     []aggregator.Article
		o         Options
		wantOps   []string
		pending   []string
		rep       Report
		wantPaths map[string]string // article ID → path in the next manifest
		skipped   []string          // paths of Report.Skipped
		wantErr   string
	}{
		{
			name: "unchanged set", before: []aggregator.Article{a, b}, after: []aggregator.Article{b, a},
			rep:       Report{Unchanged: 2},
			wantPaths: map[string]string{a.ID: "甲.md", b.ID: "乙.md"},
		},
		{
			name: "first export", after: []aggregator.Article{a, b},
			wantOps:   []string{"write 甲.md", "write 乙.md"},
			rep:       Report{Written: 2},
			wantPaths: map[string]string{a.ID: "甲.md", b.ID: "乙.md"},
		},
		{
			name: "title edit moves the post", before: []aggregator.Article{a, b}, after: []aggregator.Article{retitle(a, "丙"), b},
			wantOps:   []string{"move 甲.md → 丙.md"},
			pending:   []string{"甲.md"},
			rep:       Report{Renamed: 1, Unchanged: 1},
			wantPaths: map[string]string{a.ID: "丙.md", b.ID: "乙.md"},
		},
		{
			name: "swapped titles overwrite each other, no move", before: []aggregator.Article{a, b},
			after:     []aggregator.Article{retitle(a, "乙"), retitle(b, "甲")},
			wantOps:   []string{"write 乙.md", "write 甲.md"},
			rep:       Report{Renamed: 2},
			wantPaths: map[string]string{a.ID: "乙.md", b.ID: "甲.md"},
		},
		{
			name: "change of case moves", before: []aggregator.Article{c}, after: []aggregator.Article{retitle(c, "cpi report")},
			wantOps:   []string{"move CPI Report.md → cpi report.md"},
			pending:   []string{"CPI Report.md"},
			rep:       Report{Renamed: 1},
			wantPaths: map[string]string{c.ID: "cpi report.md"},
		},
		{
			name: "namesakes: the older takes the plain name", after: []aggregator.Article{same(a), same(b)},
			wantOps:   []string{"write 同-aaaa1111.md", "write 同.md"},
			rep:       Report{Written: 2},
			wantPaths: map[string]string{a.ID: "同-aaaa1111.md", b.ID: "同.md"},
		},
		{
			name: "a namesake keeps its suffix when the holder goes", before: []aggregator.Article{same(a), same(b)},
			after:     []aggregator.Article{same(a)},
			wantOps:   []string{"remove 同.md"},
			pending:   []string{"同.md"},
			rep:       Report{Removed: 1, Unchanged: 1},
			wantPaths: map[string]string{a.ID: "同-aaaa1111.md"},
		},
		{
			name: "a new article claims a pruned post's path: overwritten, not removed", before: []aggregator.Article{same(a)},
			after:     []aggregator.Article{same(b)},
			wantOps:   []string{"write 同.md"},
			pending:   []string{"同.md"},
			rep:       Report{Written: 1, Removed: 1},
			wantPaths: map[string]string{b.ID: "同.md"},
		},
		{
			name: "a site file holds the plain name", site: map[string]string{"甲.md": "own"}, after: []aggregator.Article{a},
			wantOps:   []string{"write 甲-aaaa1111.md"},
			rep:       Report{Written: 1},
			wantPaths: map[string]string{a.ID: "甲-aaaa1111.md"},
		},
		{
			name: "a site directory holds the plain name", site: map[string]string{"甲.md/index.md": "own"}, after: []aggregator.Article{a},
			wantOps:   []string{"write 甲-aaaa1111.md"},
			rep:       Report{Written: 1},
			wantPaths: map[string]string{a.ID: "甲-aaaa1111.md"},
		},
		{
			name: "pruned posts are removed", before: []aggregator.Article{a, b, c}, after: []aggregator.Article{a},
			wantOps:   []string{"remove CPI Report.md", "remove 乙.md"},
			pending:   []string{"CPI Report.md", "乙.md"},
			rep:       Report{Removed: 2, Unchanged: 1},
			wantPaths: map[string]string{a.ID: "甲.md"},
		},
		{
			name: "KeepPruned keeps them", before: []aggregator.Article{a, b}, after: []aggregator.Article{a},
			o:         Options{KeepPruned: true},
			rep:       Report{Unchanged: 1},
			wantPaths: map[string]string{a.ID: "甲.md", b.ID: "乙.md"},
		},
		{
			name: "articles outside Since keep their posts", before: []aggregator.Article{a, b}, after: []aggregator.Article{a, b},
			o:         Options{Since: b.Date},
			rep:       Report{Unchanged: 1},
			wantPaths: map[string]string{a.ID: "甲.md", b.ID: "乙.md"},
		},
		{
			name: "a post deleted by hand is rewritten", before: []aggregator.Article{a, b}, after: []aggregator.Article{a, b},
			edit:      func(_ *manifest, disk fstest.MapFS) { delete(disk, "甲.md") },
			wantOps:   []string{"write 甲.md"},
			rep:       Report{Written: 1, Unchanged: 1},
			wantPaths: map[string]string{a.ID: "甲.md", b.ID: "乙.md"},
		},
		{
			name: "a post truncated by hand is rewritten", before: []aggregator.Article{a, b}, after: []aggregator.Article{a, b},
			edit:      func(_ *manifest, disk fstest.MapFS) { disk["乙.md"].Data = []byte("x") },
			wantOps:   []string{"write 乙.md"},
			rep:       Report{Written: 1, Unchanged: 1},
			wantPaths: map[string]string{a.ID: "甲.md", b.ID: "乙.md"},
		},
		{
			name: "a changed body is rewritten in place", before: []aggregator.Article{a}, after: []aggregator.Article{func() aggregator.Article { x := a; x.Body += "<p>更正</p>"; return x }()},
			wantOps:   []string{"write 甲.md"},
			rep:       Report{Written: 1},
			wantPaths: map[string]string{a.ID: "甲.md"},
		},
		{
			name: "an unconfirmed post is rewritten, a leftover removed", before: []aggregator.Article{a}, after: []aggregator.Article{a},
			edit: func(m *manifest, _ fstest.MapFS) {
				en := m.Posts[a.ID]
				en.SHA256 = ""
				m.Posts[a.ID] = en
				m.Pending = []string{"旧.md"}
			},
			wantOps:   []string{"write 甲.md", "remove stale 旧.md"},
			pending:   []string{"旧.md"},
			rep:       Report{Written: 1},
			wantPaths: map[string]string{a.ID: "甲.md"},
		},
		{
			name: "a leftover that a post now holds is not removed", before: []aggregator.Article{a}, after: []aggregator.Article{a},
			edit:      func(m *manifest, _ fstest.MapFS) { m.Pending = []string{"甲.md"} },
			rep:       Report{Unchanged: 1},
			wantPaths: map[string]string{a.ID: "甲.md"},
		},
		{
			name: "a leftover path is this export's to take", before: []aggregator.Article{a}, after: []aggregator.Article{a, same(b)},
			edit: func(m *manifest, disk fstest.MapFS) {
				m.Pending = []string{"同.md"}
				disk["同.md"] = &fstest.MapFile{Data: []byte("old")}
			},
			wantOps:   []string{"write 同.md"},
			rep:       Report{Written: 1, Unchanged: 1},
			wantPaths: map[string]string{a.ID: "甲.md", b.ID: "同.md"},
		},
		{
			name: "no free path", after: []aggregator.Article{a},
			edit: func(_ *manifest, disk fstest.MapFS) {
				cands := candidates(&post{id: a.ID, plain: "甲.md"})
				if len(cands) != 4 {
					t.Fatalf("candidates %q, want 4", cands)
				}
				for _, p := range cands {
					disk[p] = &fstest.MapFile{}
				}
			},
			// Skipped, not an error: one article's trouble never stops the others.
			rep: Report{}, skipped: []string{"甲.md"}, wantPaths: map[string]string{},
		},
		{
			name: "an article without ID", after: []aggregator.Article{{Title: "无"}}, wantErr: "has no ID",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, disk := synced(t, tt.before, tt.site)
			if tt.edit != nil {
				tt.edit(m, disk)
			}
			before := fmt.Sprint(*m)
			pl, err := planFor(m, disk, tt.after, tt.o)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if after := fmt.Sprint(*m); after != before {
				t.Errorf("planSync changed the manifest it was given:\n%s\n%s", before, after)
			}
			if got := opStrings(pl.ops); !slices.Equal(got, tt.wantOps) {
				t.Errorf("ops %q, want %q", got, tt.wantOps)
			}
			if !slices.Equal(pl.pending, tt.pending) {
				t.Errorf("pending %q, want %q", pl.pending, tt.pending)
			}
			if !sameCounts(pl.rep, tt.rep) {
				t.Errorf("report %+v, want %+v", pl.rep, tt.rep)
			}
			var skipped []string
			for _, s := range pl.rep.Skipped {
				skipped = append(skipped, s.Path)
			}
			if !slices.Equal(skipped, tt.skipped) {
				t.Errorf("skipped %q, want %q", skipped, tt.skipped)
			}
			got := map[string]string{}
			for id, en := range pl.next.Posts {
				got[id] = en.Path
			}
			if !maps.Equal(got, tt.wantPaths) {
				t.Errorf("next paths %v, want %v", got, tt.wantPaths)
			}
			if pl.next.Pending != nil {
				t.Errorf("next manifest lists pending files: %q", pl.next.Pending)
			}
			checkIntent(t, pl)
		})
	}
}

// checkIntent checks the intent against its plan: none when there is nothing to do; otherwise the
// next manifest with every post about to be written unconfirmed, and the plan's pending files.
func checkIntent(t *testing.T, pl *plan) {
	t.Helper()
	in := pl.intent()
	if len(pl.ops) == 0 && len(pl.pending) == 0 {
		if in != nil {
			t.Errorf("an intent for a plan with nothing to do: %+v", in)
		}
		return
	}
	if in == nil {
		t.Fatal("no intent for a plan that changes files")
	}
	if !slices.Equal(in.Pending, pl.pending) {
		t.Errorf("intent pending %q, want %q", in.Pending, pl.pending)
	}
	written := map[string]bool{}
	for _, o := range pl.ops {
		if o.kind == opWrite {
			written[o.post.id] = true
		}
	}
	if len(in.Posts) != len(pl.next.Posts) {
		t.Errorf("intent lists %d posts, next %d", len(in.Posts), len(pl.next.Posts))
	}
	for id, en := range pl.next.Posts {
		want := en
		if written[id] {
			want.SHA256 = ""
		}
		if in.Posts[id] != want {
			t.Errorf("intent entry of %s: %+v, want %+v", id, in.Posts[id], want)
		}
	}
	for id := range written {
		if pl.next.Posts[id].SHA256 == "" {
			t.Errorf("the intent cleared the hash of %s in the next manifest", id)
		}
	}
}

// TestPlanRootStat: a Sync's view of its directory (rootStat over the Root) and a MapFS holding the
// same file give one plan, and planning changes nothing on disk.
func TestPlanRootStat(t *testing.T) {
	a := flat("aaaa1111bbbb2222", "甲", 0)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"甲.md": "own"})
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	empty := &manifest{Version: manifestVersion, Posts: map[string]entry{}}
	fromRoot, err := planFor(empty, rootStat{root}, []aggregator.Article{a}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fromMap, err := planFor(empty, fstest.MapFS{"甲.md": {Data: []byte("own")}}, []aggregator.Article{a}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r, m := opStrings(fromRoot.ops), opStrings(fromMap.ops); !slices.Equal(r, m) || !slices.Equal(r, []string{"write 甲-aaaa1111.md"}) {
		t.Errorf("ops through the Root %q, through a MapFS %q", r, m)
	}
	if files := tree(t, dir); len(files) != 1 {
		t.Errorf("planning changed the directory: %v", slices.Collect(maps.Keys(files)))
	}
}
