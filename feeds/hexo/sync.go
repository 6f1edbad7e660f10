package hexo

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
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
	Size   int64  `json:"size"`
}

const manifestVersion = 1

// post is one article's post as this Sync wants it.
type post struct {
	id      string
	a       *aggregator.Article
	plain   string // path without suffix
	content []byte
	sum     string
	old     *entry // the manifest's entry, if any
	final   string // the path chosen
}

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
// Sync reads nothing back from the posts but their size: a post edited by hand that keeps its size is
// left as edited until its article changes.
func (e *Exporter) Sync(ctx context.Context, articles []aggregator.Article) (Report, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var rep Report
	if err := os.MkdirAll(e.dir, 0o755); err != nil {
		return rep, fmt.Errorf("hexo: create export directory: %w", err)
	}
	// Every file operation goes through the Root: whatever a title or a category says, and whatever
	// symlink sits in the tree, nothing outside dir can be touched.
	root, err := os.OpenRoot(e.dir)
	if err != nil {
		return rep, fmt.Errorf("hexo: open export directory: %w", err)
	}
	defer root.Close()
	manifestFile := filepath.Join(e.dir, ManifestName)
	raw, m, err := loadManifest(root, manifestFile)
	if err != nil {
		return rep, err
	}

	posts, retained, err := e.plan(articles, m)
	if err != nil {
		return rep, err
	}
	if err := ctx.Err(); err != nil {
		return rep, err
	}

	// Paths of this export, and which are taken by whom (case-folded: a case-insensitive file system
	// would see one file).
	ours := make(map[string]bool, len(m.Posts)+len(m.Pending))
	for _, en := range m.Posts {
		ours[fold(en.Path)] = true
	}
	for _, p := range m.Pending {
		ours[fold(p)] = true
	}
	claimed := make(map[string]string, len(m.Posts)+len(posts))
	next := &manifest{Version: manifestVersion, Posts: make(map[string]entry, len(posts))}
	active := make(map[string]bool, len(posts))
	for _, p := range posts {
		active[p.id] = true
	}
	// 1. Posts that stay where they are: kept posts of articles not exported this time (outside
	// Since, or pruned with KeepPruned) and posts whose title still gives their current path.
	var removals []string
	for id, en := range m.Posts {
		switch {
		case active[id]:
		case retained[id] || e.opts.KeepPruned:
			next.Posts[id] = en
			claimed[fold(en.Path)] = id
		default:
			removals = append(removals, en.Path)
			rep.Removed++
		}
	}
	var moving []*post
	for _, p := range posts {
		if p.old != nil && keepsPath(p) {
			p.final = p.old.Path
			claimed[fold(p.final)] = p.id
		} else {
			moving = append(moving, p)
		}
	}
	// 2. New and moved posts, oldest article first, so that of two articles with one title the older
	// gets the plain name whatever order they come in.
	slices.SortFunc(moving, func(x, y *post) int {
		if c := x.a.Date.Compare(y.a.Date); c != 0 {
			return c
		}
		return strings.Compare(x.id, y.id)
	})
	for _, p := range moving {
		for _, cand := range candidates(p) {
			if _, taken := claimed[fold(cand)]; taken {
				continue
			}
			if !ours[fold(cand)] && exists(root, cand) {
				continue // a file of the site's own
			}
			p.final = cand
			claimed[fold(cand)] = p.id
			break
		}
		if p.final == "" {
			return Report{}, fmt.Errorf("hexo: article %q: no free path near %q", p.id, p.plain)
		}
	}
	// A moved post takes its old file along (rename, then rewrite), unless another post now claims
	// the old path: so there is never a moment with two files of one article.
	renameFrom := func(p *post) string {
		if p.old == nil || p.old.Path == p.final {
			return ""
		}
		if by, taken := claimed[fold(p.old.Path)]; taken && by != p.id {
			return ""
		}
		return p.old.Path
	}
	pending := slices.Clone(removals)
	for _, p := range moving {
		if from := renameFrom(p); from != "" {
			pending = append(pending, from)
		}
	}
	stale := slices.DeleteFunc(slices.Clone(m.Pending), func(r string) bool { _, taken := claimed[fold(r)]; return taken })
	pending = append(pending, stale...)
	slices.Sort(pending)
	pending = slices.Compact(pending)

	// 3. What to write: everything moved, new or changed, and posts missing or resized on disk.
	var writes []*post
	for _, p := range posts {
		next.Posts[p.id] = entry{Path: p.final, SHA256: p.sum, Size: int64(len(p.content))}
		switch {
		case p.old == nil:
			rep.Written++
		case p.final != p.old.Path:
			rep.Renamed++
		case p.old.SHA256 != p.sum || !intact(root, p.final, int64(len(p.content))):
			rep.Written++
		default:
			rep.Unchanged++
			continue
		}
		writes = append(writes, p)
	}

	intentWritten := len(writes) > 0 || len(pending) > 0
	if intentWritten {
		// Phase 1: record the intent (new paths with no hash yet, old files to remove), so that an
		// interruption is repaired by the next Sync instead of leaving a stale or duplicate post.
		intent := &manifest{Version: manifestVersion, Posts: make(map[string]entry, len(next.Posts)), Pending: pending}
		for id, en := range next.Posts {
			intent.Posts[id] = en
		}
		for _, p := range writes {
			en := intent.Posts[p.id]
			en.SHA256 = ""
			intent.Posts[p.id] = en
		}
		if err := writeManifest(root, manifestFile, intent); err != nil {
			return Report{}, err
		}
		if err := syncDirs(root, map[string]bool{".": true}); err != nil {
			return Report{}, err
		}
	}
	dirs := map[string]bool{}
	for _, p := range writes {
		if err := ctx.Err(); err != nil {
			return Report{}, err
		}
		if from := renameFrom(p); from != "" {
			if err := movePost(root, from, p.final); err != nil {
				return Report{}, err
			}
			markDirs(dirs, from)
		}
		if err := writeAtomic(root, p.final, p.content); err != nil {
			return Report{}, err
		}
		markDirs(dirs, p.final)
	}
	for _, r := range removals {
		if _, taken := claimed[fold(r)]; taken {
			continue // overwritten by the post that claims it
		}
		if _, err := removePost(root, r); err != nil {
			return Report{}, err
		}
		markDirs(dirs, r)
	}
	for _, r := range stale {
		removed, err := removePost(root, r)
		if err != nil {
			return Report{}, err
		}
		if removed {
			rep.Removed++
		}
		markDirs(dirs, r)
	}
	if err := syncDirs(root, dirs); err != nil {
		return Report{}, err
	}
	// Phase 2: the state as it now is. Skipped when nothing changed (and phase 1 did not run), so a
	// no-op Sync writes nothing.
	next.Pending = nil
	if b, err := encodeManifest(next); err != nil {
		return Report{}, err
	} else if intentWritten || !bytes.Equal(b, raw) {
		if err := writeFile(root, ManifestName, b); err != nil {
			return Report{}, fmt.Errorf("hexo: write manifest %s: %w", manifestFile, err)
		}
		if err := syncDirs(root, map[string]bool{".": true}); err != nil {
			return Report{}, err
		}
	}
	return rep, nil
}

// plan renders the posts of the articles to export (the first of each ID) and returns the IDs of the
// articles left out by Options.Since.
func (e *Exporter) plan(articles []aggregator.Article, m *manifest) ([]*post, map[string]bool, error) {
	posts := make([]*post, 0, len(articles))
	seen := make(map[string]bool, len(articles))
	retained := map[string]bool{}
	for i := range articles {
		a := &articles[i]
		if a.ID == "" {
			return nil, nil, fmt.Errorf("hexo: article %q has no ID", a.Title)
		}
		if seen[a.ID] {
			continue
		}
		seen[a.ID] = true
		if !e.opts.Since.IsZero() && !a.Date.After(e.opts.Since) {
			retained[a.ID] = true
			continue
		}
		rel, content := Render(*a, e.opts)
		sum := sha256.Sum256(content)
		p := &post{id: a.ID, a: a, plain: rel, content: content, sum: hex.EncodeToString(sum[:])}
		if en, ok := m.Posts[a.ID]; ok {
			p.old = &en
		}
		posts = append(posts, p)
	}
	return posts, retained, nil
}

// candidates are the paths an article may take, in order of preference: the plain one, then with a
// short ID suffix, then with the whole ID, then with a hash of the ID (IDs of other character sets).
func candidates(p *post) []string {
	c := []string{p.plain}
	tok := idToken(p.id, 64)
	if len(tok) > 8 {
		c = append(c, withSuffix(p.plain, tok[:8]))
	}
	if tok != "" {
		c = append(c, withSuffix(p.plain, tok))
	}
	sum := sha256.Sum256([]byte(p.id))
	return append(c, withSuffix(p.plain, hex.EncodeToString(sum[:])[:16]))
}

// keepsPath reports whether a post's current path is still one of its candidates, i.e. its title and
// categories give the same name: then it stays, suffix or not.
func keepsPath(p *post) bool {
	return slices.Contains(candidates(p), p.old.Path)
}

func fold(p string) string { return strings.ToLower(p) }

// exists reports whether anything (a file, a directory, a link) is at rel.
func exists(root *os.Root, rel string) bool {
	_, err := root.Lstat(filepath.FromSlash(rel))
	return !errors.Is(err, fs.ErrNotExist)
}

// intact reports whether rel is a regular file of the given size.
func intact(root *os.Root, rel string, size int64) bool {
	fi, err := root.Lstat(filepath.FromSlash(rel))
	return err == nil && fi.Mode().IsRegular() && fi.Size() == size
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
		if other, dup := paths[fold(en.Path)]; dup {
			return nil, nil, corrupt("articles %q and %q share path %q", other, id, en.Path)
		}
		paths[fold(en.Path)] = id
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
