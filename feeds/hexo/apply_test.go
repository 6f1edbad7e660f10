package hexo

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

// openRoot opens dir as Sync does, closed at the end of the test.
func openRoot(t *testing.T, dir string) *os.Root {
	t.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return root
}

// TestApply: each kind of op on a real directory, alone: what is left on disk and what apply counts.
func TestApply(t *testing.T) {
	write := func(path, from, content string) op {
		return op{kind: opWrite, path: path, from: from, post: &post{content: []byte(content), write: []byte(content)}}
	}
	tests := []struct {
		name    string
		files   map[string]string
		ops     []op
		want    map[string]string
		removed int
	}{
		{
			name: "a new post in new directories",
			ops:  []op{write("a/b/甲.md", "", "new")},
			want: map[string]string{"a/b/甲.md": "new"},
		},
		{
			name:  "a post rewritten in place",
			files: map[string]string{"甲.md": "old"},
			ops:   []op{write("甲.md", "", "new")},
			want:  map[string]string{"甲.md": "new"},
		},
		{
			name:  "a moved post leaves no old file and no empty directory",
			files: map[string]string{"a/b/甲.md": "old", "a/site.md": "own"},
			ops:   []op{write("c/乙.md", "a/b/甲.md", "new")},
			want:  map[string]string{"c/乙.md": "new", "a/site.md": "own"},
		},
		{
			name: "a move whose source is gone writes the post",
			ops:  []op{write("乙.md", "a/甲.md", "new")},
			want: map[string]string{"乙.md": "new"},
		},
		{
			name:  "removals, and their emptied directories",
			files: map[string]string{"a/b/甲.md": "x", "乙.md": "y", "keep.md": "own"},
			ops:   []op{{kind: opRemove, path: "a/b/甲.md"}, {kind: opRemove, path: "乙.md"}, {kind: opRemove, path: "gone.md"}},
			want:  map[string]string{"keep.md": "own"},
		},
		{
			name:    "leftovers count only when there",
			files:   map[string]string{"旧.md": "x"},
			ops:     []op{{kind: opRemoveStale, path: "旧.md"}, {kind: opRemoveStale, path: "gone.md"}},
			want:    map[string]string{},
			removed: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tt.files)
			removed, err := apply(context.Background(), openRoot(t, dir), tt.ops)
			if err != nil {
				t.Fatal(err)
			}
			if removed != tt.removed {
				t.Errorf("removed %d, want %d", removed, tt.removed)
			}
			if got := tree(t, dir); !maps.Equal(got, tt.want) {
				t.Errorf("files %v, want %v", got, tt.want)
			}
			entries, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				if e.IsDir() && len(tree(t, filepath.Join(dir, e.Name()))) == 0 {
					t.Errorf("empty directory %s left", e.Name())
				}
			}
		})
	}

	t.Run("canceled", func(t *testing.T) {
		dir := t.TempDir()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := apply(ctx, openRoot(t, dir), []op{write("甲.md", "", "new")})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("error %v, want context.Canceled", err)
		}
		if files := tree(t, dir); len(files) != 0 {
			t.Errorf("a canceled apply wrote %v", files)
		}
	})
}

// TestIntentAndCommit: the intent lands on disk as a manifest the next Sync reads back; commit
// replaces it with the final manifest, and writes nothing when there was no intent and the manifest
// read is already the final one.
func TestIntentAndCommit(t *testing.T) {
	next := &manifest{Version: manifestVersion, Posts: map[string]entry{"a": {Path: "甲.md", SHA256: "00", Size: 3}}}
	nextRaw, err := encodeManifest(next)
	if err != nil {
		t.Fatal(err)
	}
	intent := &manifest{Version: manifestVersion, Posts: map[string]entry{"a": {Path: "甲.md", Size: 3}}, Pending: []string{"旧.md"}}
	tests := []struct {
		name          string
		onDisk        string // the manifest file before commit
		raw           []byte // the manifest as the Sync read it
		intentWritten bool
		want          string
	}{
		{"nothing to do writes nothing", "sentinel", nextRaw, false, "sentinel"},
		{"a changed manifest is written", "sentinel", []byte("{}"), false, string(nextRaw)},
		{"a first manifest is written", "", nil, false, string(nextRaw)},
		{"the intent is always replaced", "", nextRaw, true, string(nextRaw)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			root := openRoot(t, dir)
			mf := filepath.Join(dir, ManifestName)
			if tt.intentWritten {
				if err := writeIntent(root, mf, intent); err != nil {
					t.Fatal(err)
				}
				_, got, err := loadManifest(root, mf)
				if err != nil {
					t.Fatalf("the intent does not read back: %v", err)
				}
				if !slices.Equal(got.Pending, intent.Pending) || !maps.Equal(got.Posts, intent.Posts) {
					t.Errorf("intent read back as %+v, want %+v", got, intent)
				}
			} else if tt.onDisk != "" {
				writeTree(t, dir, map[string]string{ManifestName: tt.onDisk})
			}
			if err := commit(root, mf, next, tt.raw, tt.intentWritten); err != nil {
				t.Fatal(err)
			}
			files := tree(t, dir)
			if got, ok := files[ManifestName]; got != tt.want || (tt.want != "" && !ok) {
				t.Errorf("manifest %q, want %q", got, tt.want)
			}
			if len(files) != 1 {
				t.Errorf("files left: %v", slices.Collect(maps.Keys(files)))
			}
		})
	}
}

// crashedSync runs a Sync of arts in dir that stops short, as a crash would: it plans and writes its
// intent, then makes only the first k ops, and with halfMove also moves the file of op k without
// rewriting it. It never commits. It reports whether there was an op k to stop inside.
func crashedSync(t *testing.T, dir string, arts []aggregator.Article, o Options, k int, halfMove bool) bool {
	t.Helper()
	root := openRoot(t, dir)
	mf := filepath.Join(dir, ManifestName)
	_, m, err := loadManifest(root, mf)
	if err != nil {
		t.Fatal(err)
	}
	pl, err := planFor(m, rootStat{root}, arts, o)
	if err != nil {
		t.Fatal(err)
	}
	if k > len(pl.ops) || (halfMove && (k == len(pl.ops) || pl.ops[k].from == "")) {
		return false
	}
	if in := pl.intent(); in != nil {
		if err := writeIntent(root, mf, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := apply(context.Background(), root, pl.ops[:k]); err != nil {
		t.Fatal(err)
	}
	if halfMove {
		if err := movePost(root, pl.ops[k].from, pl.ops[k].path); err != nil {
			t.Fatal(err)
		}
	}
	return true
}

// TestSyncCrashRecovery: a Sync that stops anywhere after its intent — before any op, after any
// number of them, between moving a post and rewriting it, before its commit — and even a repairing
// Sync that stops again, is completed by the next full Sync: one post per article with the content
// Render gives, the site's files untouched, nothing left over, and a rerun that changes nothing.
func TestSyncCrashRecovery(t *testing.T) {
	a := article("aaaa1111bbbb2222", "甲")
	b := article("bbbb3333cccc4444", "乙")
	b.Date = a.Date.Add(-time.Hour)
	c := article("cccc5555dddd6666", "CPI Report")
	c.Date = a.Date.Add(-2 * time.Hour)
	recat := func(x aggregator.Article, cats ...string) aggregator.Article { x.Categories = cats; return x }
	site := map[string]string{"金融/财联社/深度/丙.md": "own", "about.md": "own"}
	tests := []struct {
		name          string
		before, after []aggregator.Article
		o             Options
		// bug, when set, names a known flaw of the recovery that this scenario shows: it is skipped.
		bug string
	}{
		{"title edit", []aggregator.Article{a, b}, []aggregator.Article{retitle(a, "丁"), b}, Options{}, ""},
		{"swapped titles", []aggregator.Article{a, b}, []aggregator.Article{retitle(a, "乙"), retitle(b, "甲")}, Options{}, ""},
		{"change of case", []aggregator.Article{c}, []aggregator.Article{retitle(c, "cpi report")}, Options{}, ""},
		{"new categories", []aggregator.Article{a, c}, []aggregator.Article{recat(a, "Markets"), recat(c, "Markets", "US")}, Options{}, ""},
		{"pruned", []aggregator.Article{a, b, c}, []aggregator.Article{b}, Options{}, ""},
		{"a new namesake takes a pruned post's path", []aggregator.Article{a}, []aggregator.Article{retitle(b, "甲")}, Options{}, ""},
		{"a title taken by a site file", []aggregator.Article{a}, []aggregator.Article{retitle(a, "丙")}, Options{}, ""},
		{"everything changes", []aggregator.Article{a, b, c}, []aggregator.Article{retitle(b, "甲"), recat(retitle(c, "乙"), "Markets"), article("dddd7777eeee8888", "CPI Report")}, Options{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.bug != "" {
				t.Skip(tt.bug)
			}
			fresh := func() string {
				dir := t.TempDir()
				writeTree(t, dir, site)
				mustSync(t, dir, tt.before, Options{})
				return dir
			}
			check := func(t *testing.T, dir string) {
				t.Helper()
				mustSync(t, dir, tt.after, tt.o)
				checkExport(t, dir, tt.after, tt.o, slices.Collect(maps.Keys(site))...)
				for p, c := range site {
					if got := tree(t, dir)[p]; got != c {
						t.Errorf("site file %s: %q", p, got)
					}
				}
				if rep := mustSync(t, dir, tt.after, tt.o); rep.Changed() {
					t.Errorf("rerun after the repair: %+v", rep)
				}
			}
			for k := 0; ; k++ {
				stopped := false
				for _, half := range []bool{false, true} {
					dir := fresh()
					if !crashedSync(t, dir, tt.after, tt.o, k, half) {
						continue
					}
					stopped = true
					name := map[bool]string{false: "after op %d", true: "inside op %d"}[half]
					t.Run(fmt.Sprintf(name, k), func(t *testing.T) {
						check(t, dir)
						// The repairing Sync stops too, at each of its own points.
						for j := 0; ; j++ {
							again := fresh()
							if !crashedSync(t, again, tt.after, tt.o, k, half) {
								t.Fatal("the crash does not replay")
							}
							if !crashedSync(t, again, tt.after, tt.o, j, false) {
								break
							}
							check(t, again)
						}
					})
				}
				if !stopped {
					break
				}
			}
		})
	}
}

// TestSyncSkipsADirectoryAtAPostPath: a directory the site placed where a post is (here, after the
// post was exported) makes that post skipped with the reason, never a failed Sync: the other posts
// are written, and once the directory is gone the next Sync writes the skipped one.
func TestSyncSkipsADirectoryAtAPostPath(t *testing.T) {
	a := article("aaaa1111bbbb2222", "甲")
	b := article("bbbb3333cccc4444", "乙")
	dir := t.TempDir()
	mustSync(t, dir, []aggregator.Article{a, b}, Options{})
	before := readManifest(t, dir)
	blocked := filepath.Join(dir, filepath.FromSlash(before.Posts[b.ID].Path))
	if err := os.Remove(blocked); err != nil {
		t.Fatal(err)
	}
	writeTree(t, blocked, map[string]string{"note.txt": "in the way"})

	after := []aggregator.Article{retitle(a, "丁"), b}
	rep, err := Sync(context.Background(), dir, after, Options{})
	if err != nil {
		t.Fatalf("Sync failed for one post in the way: %v", err)
	}
	if len(rep.Skipped) != 1 || !strings.Contains(fmt.Sprint(rep.Skipped), "is a directory") {
		t.Errorf("skipped %+v, want the post in the way, saying a directory is there", rep.Skipped)
	}
	if b, err := os.ReadFile(filepath.Join(blocked, "note.txt")); err != nil || string(b) != "in the way" {
		t.Errorf("the site's directory was touched: %q, %v", b, err)
	}
	if rep.Renamed != 1 {
		t.Errorf("report %+v, want the other post renamed", rep)
	}

	if err := os.RemoveAll(blocked); err != nil {
		t.Fatal(err)
	}
	mustSync(t, dir, after, Options{})
	checkExport(t, dir, after, Options{})
	if rep := mustSync(t, dir, after, Options{}); rep.Changed() {
		t.Errorf("rerun: %+v", rep)
	}
}

func retitle(a aggregator.Article, title string) aggregator.Article {
	a.Title = title
	return a
}

// TestApplyKeepsACaseTwinThatIsThePost: a leftover that differs from a claimed path only by case
// is removed when it is another file (case-sensitive file systems) and kept when both names are
// one file, as on a case-insensitive file system — here a hard link stands in for one.
func TestApplyKeepsACaseTwinThatIsThePost(t *testing.T) {
	for _, linked := range []bool{false, true} {
		t.Run(fmt.Sprintf("one file %v", linked), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "cpi report.md"), []byte("post"), 0o644); err != nil {
				t.Fatal(err)
			}
			if linked {
				if err := os.Link(filepath.Join(dir, "cpi report.md"), filepath.Join(dir, "CPI Report.md")); err != nil {
					t.Fatal(err)
				}
			} else if err := os.WriteFile(filepath.Join(dir, "CPI Report.md"), []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			root, err := os.OpenRoot(dir)
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			removed, err := apply(context.Background(), root, []op{{kind: opRemoveStale, path: "CPI Report.md", unless: "cpi report.md"}})
			if err != nil {
				t.Fatal(err)
			}
			_, statErr := os.Lstat(filepath.Join(dir, "CPI Report.md"))
			if kept := statErr == nil; kept != linked || removed != map[bool]int{false: 1, true: 0}[linked] {
				t.Errorf("twin kept %v, removed %d; want kept %v", kept, removed, linked)
			}
			if b, err := os.ReadFile(filepath.Join(dir, "cpi report.md")); err != nil || string(b) != "post" {
				t.Errorf("the post: %q, %v", b, err)
			}
		})
	}
}
