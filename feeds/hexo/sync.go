package hexo

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"tributary/aggregator"
)

// ManifestName is the file in the export directory where Sync remembers which post it wrote for
// which article. Its leading dot hides it from Hexo. Posts that it does not list (the site's own)
// are never written, renamed or removed.
const ManifestName = ".tributary-hexo.json"

// ErrCorruptManifest is wrapped by the error of a Sync whose manifest cannot be read as one; the
// error names the file. Sync changes nothing then: delete the file to start over (posts it listed
// then count as the site's own).
var ErrCorruptManifest = errors.New("corrupt manifest")

// Report counts what one Sync did to the posts.
type Report struct {
	// Written counts posts created or rewritten in place (a changed article, a post deleted by hand).
	Written int `json:"written"`
	// Renamed counts posts moved to a new path (an edited headline or changed categories); the old
	// file is removed in the same Sync.
	Renamed int `json:"renamed"`
	// Removed counts posts deleted because their article is no longer among those exported.
	Removed int `json:"removed"`
	// Unchanged counts exported articles whose post was already as it should be.
	Unchanged int `json:"unchanged"`
	// Skipped lists the posts Sync could not write, move or remove, and why (a symlink or a file of
	// the site's own where a directory of the post should be); the rest of the export went on.
	Skipped []Skip `json:"skipped,omitempty"`
}

// Skip is one post a Sync left out.
type Skip struct {
	// ID is the article's, empty for the file of an article no longer exported.
	ID     string `json:"id,omitempty"`
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// Changed reports whether the Sync changed any post, that is whether the site needs a rebuild.
func (r Report) Changed() bool { return r.Written+r.Renamed+r.Removed > 0 }

// Exporter keeps one directory of Hexo posts (a site's source/_posts, or a folder in it) in sync with
// the articles it is given. Its Syncs run one at a time; two Exporters, or two processes, must not
// share a directory.
type Exporter struct {
	dir  string
	opts Options
	mu   sync.Mutex
}

// New returns an Exporter for dir, which Sync creates when it does not exist.
func New(dir string, o Options) *Exporter {
	return &Exporter{dir: dir, opts: o}
}

// Sync is New(dir, o).Sync(ctx, articles): a one-shot export.
func Sync(ctx context.Context, dir string, articles []aggregator.Article, o Options) (Report, error) {
	return New(dir, o).Sync(ctx, articles)
}

// manifest is the state of an export directory, stored as JSON in ManifestName.
type manifest struct {
	Version int `json:"version"`
	// Posts maps an article ID to its post.
	Posts map[string]entry `json:"posts"`
	// Pending lists files of this export that a Sync interrupted before it could remove them (old
	// paths of renamed posts, posts of pruned articles): the next Sync removes them.
	Pending []string `json:"pending_remove,omitempty"`
}

type entry struct {
	Path string `json:"path"`
	// SHA256 is the hash of the content written; empty while a write is in progress, so that a Sync
	// interrupted before it finished rewrites the post.
	SHA256 string `json:"sha256"`
	// Size is the size of tributary's part of the post (the file less the keys a site's plugins
	// added).
	Size int64 `json:"size"`
	// Abbrlink is the abbrlink Sync gave the post (Options.Abbrlink), kept for as long as the
	// article is exported so that its URL never changes.
	Abbrlink string `json:"abbrlink,omitempty"`
}

const manifestVersion = 1

// Sync makes the directory hold one post per article (the articles dated after Options.Since, when
// set): it writes new posts, rewrites changed ones in place, moves a post whose path changed (an
// edited headline) and removes the old file, rewrites posts deleted or truncated by hand, and removes
// the posts of articles it exported before that are no longer given (unless Options.KeepPruned).
//
// Paths are stable: a post keeps its path as long as its article's title and categories do, and an
// article gets a short ID suffix only when another article, or a file of the site's own, already
// holds its plain path. Every file is written atomically (a temporary file in the same directory,
// fsync, rename), and the manifest is written before the posts change and again after, so that an
// interrupted Sync is completed by the next one instead of leaving duplicates behind. A Sync with
// the same articles as the last one changes nothing, not even the manifest, and reports so.
//
// Sync owns the keys it writes in a post's front matter and the body; keys a site or its plugins add
// (hexo-abbrlink's `abbrlink:`) are left alone: a post that differs from what Sync would write only
// by such keys, or by the layout of its front matter (the same values), is unchanged (not rewritten, not reported, so no rebuild), and when its article changes
// they are carried over to the rewritten post. A post whose own part was edited by hand is rewritten.
func (e *Exporter) Sync(ctx context.Context, articles []aggregator.Article) (Report, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := os.MkdirAll(e.dir, 0o755); err != nil {
		return Report{}, fmt.Errorf("hexo: create export directory: %w", err)
	}
	// Every file operation goes through the Root: whatever a title or a category says, and whatever
	// symlink sits in the tree, nothing outside dir can be touched.
	root, err := os.OpenRoot(e.dir)
	if err != nil {
		return Report{}, fmt.Errorf("hexo: open export directory: %w", err)
	}
	defer root.Close()
	manifestFile := filepath.Join(e.dir, ManifestName)
	raw, m, err := loadManifest(root, manifestFile)
	if err != nil {
		return Report{}, err
	}
	posts, retained, err := renderPosts(articles, e.opts, m)
	if err != nil {
		return Report{}, err
	}
	if err := ctx.Err(); err != nil {
		return Report{}, err
	}
	pl, err := planSync(m, posts, retained, e.opts, rootStat{root})
	if err != nil {
		return Report{}, err
	}
	in := pl.intent()
	if in != nil {
		if err := writeIntent(root, manifestFile, in); err != nil {
			return Report{}, err
		}
	}
	removed, err := apply(ctx, root, pl.ops)
	if err != nil {
		return Report{}, err
	}
	if err := commit(root, manifestFile, pl.next, raw, in != nil); err != nil {
		return Report{}, err
	}
	rep := pl.rep
	rep.Removed += removed
	return rep, nil
}

// writeIntent writes the intent manifest durably, before any post changes: from then on an
// interruption is repaired by the next Sync, which rewrites every unconfirmed post and removes every
// pending file.
func writeIntent(root *os.Root, manifestFile string, in *manifest) error {
	if err := writeManifest(root, manifestFile, in); err != nil {
		return err
	}
	return syncDirs(root, map[string]bool{".": true})
}

// apply carries out a plan's ops and makes them durable (fsyncs the directories they touched). It
// returns how many leftovers of an interrupted Sync it removed. Each op can be cut short by a crash
// and redone by the next Sync: a move whose source is gone is not an error, and a post written
// again replaces the old one atomically.
func apply(ctx context.Context, root *os.Root, ops []op) (removed int, err error) {
	dirs := map[string]bool{}
	for _, o := range ops {
		switch o.kind {
		case opWrite:
			if err := ctx.Err(); err != nil {
				return 0, err
			}
			if o.from != "" {
				if err := movePost(root, o.from, o.path); err != nil {
					return 0, err
				}
				markDirs(dirs, o.from)
			}
			if err := writeAtomic(root, o.path, o.post.write); err != nil {
				return 0, err
			}
		case opRemove, opRemoveStale:
			if o.unless != "" && sameFile(root, o.path, o.unless) {
				continue
			}
			gone, err := removePost(root, o.path)
			if err != nil {
				return 0, err
			}
			if gone && o.kind == opRemoveStale {
				removed++
			}
		}
		markDirs(dirs, o.path)
	}
	return removed, syncDirs(root, dirs)
}

// commit writes the manifest of the state reached, next, which lists no pending file. A Sync that
// wrote no intent and leaves the manifest as it read it (raw) writes nothing, so that a Sync with
// nothing to do touches nothing.
func commit(root *os.Root, manifestFile string, next *manifest, raw []byte, intentWritten bool) error {
	b, err := encodeManifest(next)
	if err != nil {
		return err
	}
	if !intentWritten && bytes.Equal(b, raw) {
		return nil
	}
	if err := writeFile(root, ManifestName, b); err != nil {
		return fmt.Errorf("hexo: write manifest %s: %w", manifestFile, err)
	}
	return syncDirs(root, map[string]bool{".": true})
}

// sameFile reports whether names a and b are one file of root (names that differ only by case, on
// a case-insensitive file system).
func sameFile(root *os.Root, a, b string) bool {
	fa, err := root.Lstat(a)
	if err != nil {
		return false
	}
	fb, err := root.Lstat(b)
	return err == nil && os.SameFile(fa, fb)
}

// markDirs records the directories of rel, up to the root, for syncDirs.
func markDirs(dirs map[string]bool, rel string) {
	for d := path.Dir(rel); ; d = path.Dir(d) {
		dirs[d] = true
		if d == "." || d == "/" {
			return
		}
	}
}

// syncDirs fsyncs directories, so that the renames and removals in them survive a crash.
func syncDirs(root *os.Root, dirs map[string]bool) error {
	for d := range dirs {
		f, err := root.Open(filepath.FromSlash(d))
		if errors.Is(err, fs.ErrNotExist) {
			continue // removed because it was empty
		}
		if err != nil {
			return fmt.Errorf("hexo: sync directory %q: %w", d, err)
		}
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("hexo: sync directory %q: %w", d, err)
		}
	}
	return nil
}

// removePost removes one post of this export and then its directories left empty. A post already
// gone is not an error.
func removePost(root *os.Root, rel string) (bool, error) {
	err := root.Remove(filepath.FromSlash(rel))
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("hexo: remove %q: %w", rel, err)
	}
	removeEmptyDirs(root, rel)
	return true, nil
}

// movePost renames a post to its new path (an edited headline), before it is rewritten there. A post
// already gone is not an error: the rewrite creates it.
func movePost(root *os.Root, from, to string) error {
	if d := path.Dir(to); d != "." {
		if err := root.MkdirAll(filepath.FromSlash(d), 0o755); err != nil {
			return fmt.Errorf("hexo: create directory for %q: %w", to, err)
		}
	}
	err := root.Rename(filepath.FromSlash(from), filepath.FromSlash(to))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("hexo: rename %q to %q: %w", from, to, err)
	}
	if err == nil {
		removeEmptyDirs(root, from)
	}
	return nil
}

// removeEmptyDirs removes the directories of rel that are left empty, deepest first, never the export
// directory itself: a category that no post uses any more should not linger in the site's tree.
func removeEmptyDirs(root *os.Root, rel string) {
	for d := path.Dir(rel); d != "." && d != "/"; d = path.Dir(d) {
		if root.Remove(filepath.FromSlash(d)) != nil {
			return // not empty
		}
	}
}

// writeAtomic writes a post so that a reader sees the old content or the new, never a mix.
func writeAtomic(root *os.Root, rel string, data []byte) error {
	if d := path.Dir(rel); d != "." {
		if err := root.MkdirAll(filepath.FromSlash(d), 0o755); err != nil {
			return fmt.Errorf("hexo: create directory for %q: %w", rel, err)
		}
	}
	if err := writeFile(root, rel, data); err != nil {
		return fmt.Errorf("hexo: write %q: %w", rel, err)
	}
	return nil
}

// writeFile writes data to a temporary file next to rel (hidden from Hexo by its leading dot),
// fsyncs it and renames it over rel.
func writeFile(root *os.Root, rel string, data []byte) error {
	var rnd [8]byte
	rand.Read(rnd[:])
	tmp := path.Join(path.Dir(rel), ".tributary-"+hex.EncodeToString(rnd[:])+".tmp")
	f, err := root.OpenFile(filepath.FromSlash(tmp), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = root.Rename(filepath.FromSlash(tmp), filepath.FromSlash(rel))
	}
	if err != nil {
		root.Remove(filepath.FromSlash(tmp))
	}
	return err
}

// loadManifest reads the manifest, or returns an empty one when there is none yet. raw is the file's
// content, to tell whether it needs rewriting.
func loadManifest(root *os.Root, name string) (raw []byte, m *manifest, err error) {
	raw, err = root.ReadFile(ManifestName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &manifest{Version: manifestVersion, Posts: map[string]entry{}}, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("hexo: read manifest %s: %w", name, err)
	}
	corrupt := func(format string, args ...any) error {
		return fmt.Errorf("hexo: manifest %s: %w: %s", name, ErrCorruptManifest, fmt.Sprintf(format, args...))
	}
	m = &manifest{}
	if err := json.Unmarshal(raw, m); err != nil {
		return nil, nil, corrupt("%v", err)
	}
	if m.Version != manifestVersion {
		return nil, nil, corrupt("version %d, want %d", m.Version, manifestVersion)
	}
	if m.Posts == nil {
		m.Posts = map[string]entry{}
	}
	paths := make(map[string]string, len(m.Posts))
	for id, en := range m.Posts {
		if id == "" {
			return nil, nil, corrupt("a post without article ID")
		}
		if !validPath(en.Path) {
			return nil, nil, corrupt("article %q: bad path %q", id, en.Path)
		}
		// Lower case, not fold: a manifest an earlier version wrote with paths that only Unicode
		// normalization tells apart stays readable.
		if other, dup := paths[strings.ToLower(en.Path)]; dup {
			return nil, nil, corrupt("articles %q and %q share path %q", other, id, en.Path)
		}
		paths[strings.ToLower(en.Path)] = id
	}
	for _, p := range m.Pending {
		if !validPath(p) {
			return nil, nil, corrupt("bad pending path %q", p)
		}
	}
	return raw, m, nil
}

// validPath accepts the paths Sync writes: clean, relative, inside the directory, ending in ".md".
func validPath(p string) bool {
	return p != "" && filepath.IsLocal(filepath.FromSlash(p)) && path.Clean(p) == p &&
		!strings.Contains(p, `\`) && strings.HasSuffix(p, ".md") && !strings.HasPrefix(p, ManifestName)
}

func encodeManifest(m *manifest) ([]byte, error) {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("hexo: encode manifest: %w", err)
	}
	return append(b, '\n'), nil
}

func writeManifest(root *os.Root, name string, m *manifest) error {
	b, err := encodeManifest(m)
	if err != nil {
		return err
	}
	if err := writeFile(root, ManifestName, b); err != nil {
		return fmt.Errorf("hexo: write manifest %s: %w", name, err)
	}
	return nil
}
