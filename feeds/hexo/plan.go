package hexo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"tributary/aggregator"
)

// post is one article's post as this Sync wants it.
type post struct {
	id      string
	a       *aggregator.Article
	plain   string // path without suffix
	content []byte
	sum     string
	old     *entry // the manifest's entry, if any
	final   string // the path chosen
	// write is what is written: content with the foreign front-matter keys of the post on disk.
	write []byte
	// abbrlink is the post's abbrlink, with Options.Abbrlink.
	abbrlink string
	// skip says why the post is not written this time; empty when it is.
	skip string
}

// plan is what one Sync is to do, decided before anything on disk changes: the manifest it leaves,
// the file operations that get there, and what the intent must record so that a Sync interrupted
// anywhere in between is completed by the next one. Path policy lives here, in placePosts and
// candidates, and nowhere else: apply only carries out ops.
type plan struct {
	// next is the manifest once every op is done.
	next *manifest
	// ops are the changes to the directory in the order apply makes them: the posts' writes in the
	// order of the articles, then the removals of posts no longer exported, then the leftovers of an
	// interrupted Sync.
	ops []op
	// pending lists what the intent records for removal, sorted: the old paths of moved posts, the
	// posts no longer exported (also those another post is about to overwrite) and the leftovers.
	pending []string
	// rep counts what the ops do; apply adds the leftovers it finds still there.
	rep Report
}

type opKind uint8

const (
	// opWrite writes a post atomically, after moving its file from its old path when from is set.
	opWrite opKind = iota + 1
	// opRemove removes the post of an article no longer exported.
	opRemove
	// opRemoveStale removes a file an interrupted Sync listed as pending; it counts as removed only
	// when it was still there.
	opRemoveStale
)

// op is one change to the export directory.
type op struct {
	kind opKind
	path string
	// from is, for an opWrite, the post's old path to move the file from (rename, then rewrite, so
	// that there is never a moment with two files of one article); empty for a new post, one written
	// in place, or one whose old path another post now claims.
	from string
	post *post // opWrite only
	// unless is, for an opRemoveStale, a path claimed by a post that differs from path only by
	// case: the file is kept when both names are one file (a case-insensitive file system).
	unless string
}

// lstater is what planning reads of the export directory: whether something is at a
// "/"-separated path, and what, and the posts of this export (to compare them with what they should
// be and to keep the front-matter keys a site's plugins added). A Sync reads its *os.Root through
// rootStat; tests pass a testing/fstest.MapFS.
type lstater interface {
	Lstat(name string) (fs.FileInfo, error)
	ReadFile(name string) ([]byte, error)
}

// rootStat reads the export directory through its Root, so that no path leads outside it.
type rootStat struct{ root *os.Root }

func (r rootStat) Lstat(name string) (fs.FileInfo, error) {
	return r.root.Lstat(filepath.FromSlash(name))
}

func (r rootStat) ReadFile(name string) ([]byte, error) {
	return r.root.ReadFile(filepath.FromSlash(name))
}

// renderPosts renders the posts of the articles to export (the first of each ID) and returns the IDs
// of the articles left out by Options.Since.
func renderPosts(articles []aggregator.Article, o Options, m *manifest) ([]*post, map[string]bool, error) {
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
		if !o.Since.IsZero() && !a.Date.After(o.Since) {
			retained[a.ID] = true
			continue
		}
		rel, content := Render(*a, o)
		sum := sha256.Sum256(content)
		p := &post{id: a.ID, a: a, plain: rel, content: content, sum: hex.EncodeToString(sum[:])}
		if en, ok := m.Posts[a.ID]; ok {
			p.old = &en
		}
		posts = append(posts, p)
	}
	return posts, retained, nil
}

// planSync decides a Sync from the manifest m, the rendered posts, the articles left out by Since
// (retained), the options and what disk holds; it changes nothing. It sets each post's final path.
func planSync(m *manifest, posts []*post, retained map[string]bool, o Options, disk lstater) (*plan, error) {
	pl := &plan{next: &manifest{Version: manifestVersion, Posts: make(map[string]entry, len(posts))}}
	if o.Abbrlink {
		assignAbbrlinks(m, posts, disk)
	}
	// Paths taken, and by which article, case-folded: a case-insensitive file system would see one
	// file.
	claimed := make(map[string]string, len(m.Posts)+len(posts))
	bl := blocker{disk: disk, seen: map[string]string{}}
	removals := pl.keepPosts(m, posts, retained, o.KeepPruned, claimed, bl)
	moving := placePosts(m, posts, claimed, disk, bl)
	// A moved post takes its old file along, unless another post now claims the old path, or the
	// old path cannot be reached without following a link.
	renameFrom := func(p *post) string {
		if p.old == nil || p.old.Path == p.final {
			return ""
		}
		if by, taken := claimed[fold(p.old.Path)]; taken && by != p.id {
			return ""
		}
		if bl.reason(p.old.Path) != "" {
			return ""
		}
		return p.old.Path
	}
	removals = slices.DeleteFunc(removals, func(r string) bool {
		if why := bl.reason(r); why != "" {
			pl.rep.Removed--
			pl.rep.Skipped = append(pl.rep.Skipped, Skip{Path: r, Reason: "not removed: " + why})
			return true
		}
		return false
	})
	pending := slices.Clone(removals)
	for _, p := range moving {
		if from := renameFrom(p); from != "" && p.skip == "" {
			pending = append(pending, from)
		}
	}
	// Leftovers of an interrupted Sync, but for paths a post now claims. The match is case-folded:
	// a leftover that differs from the path claiming it only by case ("A.md" after a crash before
	// the move "A.md" → "a.md") is a second file on a case-sensitive file system, to remove, and the
	// post itself on a case-insensitive one, to keep: apply tells them apart by asking whether both
	// names are one file (unless).
	held := make(map[string]string, len(pl.next.Posts)+len(posts)) // folded → exact claimed path
	for _, en := range pl.next.Posts {
		held[fold(en.Path)] = en.Path
	}
	for _, p := range posts {
		held[fold(p.final)] = p.final
	}
	unless := map[string]string{}
	stale := slices.DeleteFunc(slices.Clone(m.Pending), func(r string) bool {
		if bl.reason(r) != "" { // never removed through a symlink or a site file
			return true
		}
		if _, taken := claimed[fold(r)]; !taken {
			return false
		}
		if h, ok := held[fold(r)]; ok && h != r {
			unless[r] = h
			return false
		}
		return true
	})
	pending = append(pending, stale...)
	slices.Sort(pending)
	pl.pending = slices.Compact(pending)

	// What to write: everything moved, new or changed, and posts whose own part (tributary's keys
	// and body) is missing or differs on disk. Keys a site's plugin added do not count, and are
	// carried over to what is written.
	for _, p := range posts {
		if p.skip != "" {
			pl.rep.Skipped = append(pl.rep.Skipped, Skip{ID: p.id, Path: p.plain, Reason: p.skip})
			// The post stays as it was, where it was, unless another post now has its path.
			if p.old != nil {
				if by, taken := claimed[fold(p.old.Path)]; !taken || by == p.id {
					pl.next.Posts[p.id] = *p.old
					claimed[fold(p.old.Path)] = p.id
				}
			}
			continue
		}
		var found []byte // the post as it is on disk, if it is this export's
		if p.old != nil {
			found = readPost(disk, p.old.Path)
		}
		// The post as Sync wrote it (the common case) needs no parsing.
		same := bytes.Equal(found, p.content)
		p.write = p.content
		own := map[string]bool{}
		if !same && found != nil {
			own = ownKeys(p.content)
			p.write = withForeign(p.content, foreignLines(found, own))
		}
		pl.next.Posts[p.id] = entry{Path: p.final, SHA256: p.sum, Size: int64(len(p.content)), Abbrlink: p.abbrlink}
		switch {
		case p.old == nil:
			pl.rep.Written++
		case p.final != p.old.Path:
			pl.rep.Renamed++
		case p.old.SHA256 != p.sum || found == nil || !same && !bytes.Equal(ownPart(found, own), p.content) && !sameMeaning(found, p.content, own):
			pl.rep.Written++
		default:
			pl.rep.Unchanged++
			continue
		}
		pl.ops = append(pl.ops, op{kind: opWrite, path: p.final, from: renameFrom(p), post: p})
	}
	slices.Sort(removals)
	for _, r := range removals {
		if _, taken := claimed[fold(r)]; !taken { // else overwritten by the post that claims it
			pl.ops = append(pl.ops, op{kind: opRemove, path: r})
		}
	}
	for _, r := range stale {
		pl.ops = append(pl.ops, op{kind: opRemoveStale, path: r, unless: unless[r]})
	}
	return pl, nil
}

// keepPosts settles the manifest's posts that are not exported this time: those kept (outside Since,
// or pruned with keepPruned) stay in next and claim their paths; the others are returned, to remove.
// Exported posts whose title still gives their current path claim it too.
func (pl *plan) keepPosts(m *manifest, posts []*post, retained map[string]bool, keepPruned bool, claimed map[string]string, bl blocker) (removals []string) {
	active := make(map[string]bool, len(posts))
	for _, p := range posts {
		active[p.id] = true
	}
	for id, en := range m.Posts {
		switch {
		case active[id]:
		case retained[id] || keepPruned:
			pl.next.Posts[id] = en
			claimed[fold(en.Path)] = id
		default:
			removals = append(removals, en.Path)
			pl.rep.Removed++
		}
	}
	for _, p := range posts {
		if p.old != nil && keepsPath(p) {
			p.final = p.old.Path
			claimed[fold(p.final)] = p.id
			p.skip = bl.reason(p.final)
		}
	}
	return removals
}

// placePosts gives a path to each new post and each post whose title or categories changed (those
// keepPosts left without one), oldest article first, so that of two articles with one title the older
// gets the plain name whatever order they come in. A path is free when no post claims it (case and
// Unicode normalization aside), it is reachable without following a link, and it is either this
// export's (in the manifest) or nothing is there: a file of the site's own is never overwritten. A
// post with no free path is skipped, with the reason; the others go on. It returns the posts it
// placed or skipped.
func placePosts(m *manifest, posts []*post, claimed map[string]string, disk lstater, bl blocker) []*post {
	ours := make(map[string]bool, len(m.Posts)+len(m.Pending))
	for _, en := range m.Posts {
		ours[fold(en.Path)] = true
	}
	for _, p := range m.Pending {
		ours[fold(p)] = true
	}
	var moving []*post
	for _, p := range posts {
		if p.final == "" {
			moving = append(moving, p)
		}
	}
	slices.SortFunc(moving, func(x, y *post) int {
		if c := x.a.Date.Compare(y.a.Date); c != 0 {
			return c
		}
		return strings.Compare(x.id, y.id)
	})
	for _, p := range moving {
		why := "every name near it is taken"
		for _, cand := range candidates(p) {
			if _, taken := claimed[fold(cand)]; taken {
				continue
			}
			if r := bl.reason(cand); r != "" {
				why = r
				continue
			}
			if !ours[fold(cand)] && exists(disk, cand) {
				continue // a file of the site's own
			}
			p.final = cand
			claimed[fold(cand)] = p.id
			break
		}
		if p.final == "" {
			p.skip = why
		}
	}
	return moving
}

// blocker tells why a path cannot be written or removed without going through something that is
// not a plain directory of the export: a symlink the site's owner placed (Sync never follows one,
// and never writes through one), a file where a directory of the path should be, or a directory
// where the post should be.
type blocker struct {
	disk lstater
	seen map[string]string // reasons by directory, "" when fine
}

// reason is "" when rel can be written or removed, else why not.
func (b blocker) reason(rel string) string {
	dirs := strings.Split(rel, "/")
	for i := 1; i < len(dirs); i++ {
		d := strings.Join(dirs[:i], "/")
		r, ok := b.seen[d]
		if !ok {
			fi, err := b.disk.Lstat(d)
			switch {
			case err != nil:
				r = "" // missing (created by the write) or unreadable (the write says so)
			case fi.Mode()&fs.ModeSymlink != 0:
				r = fmt.Sprintf("%q is a symlink", d)
			case !fi.IsDir():
				r = fmt.Sprintf("%q is a file, not a directory", d)
			}
			b.seen[d] = r
		}
		if r != "" {
			return r
		}
	}
	if fi, err := b.disk.Lstat(rel); err == nil {
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			return fmt.Sprintf("%q is a symlink", rel)
		case fi.IsDir():
			// Placed by the site (no category directory of an export ends in ".md"): a post
			// written there would fail, and with it every post after it.
			return fmt.Sprintf("%q is a directory", rel)
		}
	}
	return ""
}

// intent is the manifest to write before any op, or nil when there is none to do: next, with the
// posts about to be written unconfirmed (no hash, so an interrupted write is redone) and the files to
// remove listed as pending (so an interrupted removal is finished, and no stale or duplicate post
// stays behind).
func (pl *plan) intent() *manifest {
	if len(pl.ops) == 0 && len(pl.pending) == 0 {
		return nil
	}
	in := &manifest{Version: manifestVersion, Posts: make(map[string]entry, len(pl.next.Posts)), Pending: pl.pending}
	for id, en := range pl.next.Posts {
		in.Posts[id] = en
	}
	for _, o := range pl.ops {
		if o.kind == opWrite {
			en := in.Posts[o.post.id]
			en.SHA256 = ""
			in.Posts[o.post.id] = en
		}
	}
	return in
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

// fold maps the paths that a case-insensitive or normalization-insensitive file system (APFS, NTFS,
// HFS+ in NFD) takes for one to one key.
func fold(p string) string { return norm.NFC.String(cases.Fold().String(p)) }

// exists reports whether anything (a file, a directory, a link) is at rel.
func exists(disk lstater, rel string) bool {
	_, err := disk.Lstat(rel)
	return !errors.Is(err, fs.ErrNotExist)
}

// maxPostRead bounds what planning reads of a post on disk: a post tributary wrote is far smaller,
// and a file grown past this (by hand, or by a runaway plugin) is rewritten without its extras.
const maxPostRead = 64 << 20

// readPost is the regular file at rel, or nil when there is none (a symlink, a directory, a file too
// large, unreadable).
func readPost(disk lstater, rel string) []byte {
	fi, err := disk.Lstat(rel)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxPostRead {
		return nil
	}
	b, err := disk.ReadFile(rel)
	if err != nil {
		return nil
	}
	return b
}

// assignAbbrlinks gives each post an abbrlink and adds it to its content: the one the manifest
// records; else the one its post already has (hexo-abbrlink's, written before the option was
// turned on: the post's URL stays); else the first free of abbrlinkCandidates. Oldest article first
// at each step, so that the result does not depend on the order of the articles and of two posts
// with one value (hexo-abbrlink's CRC collides) the older keeps it. The abbrlinks of posts the
// manifest keeps but this Sync does not export (outside Since, kept pruned) stay taken.
func assignAbbrlinks(m *manifest, posts []*post, disk lstater) {
	taken := make(map[string]string, len(m.Posts))
	exported := make(map[string]bool, len(posts))
	for _, p := range posts {
		exported[p.id] = true
	}
	for id, en := range m.Posts {
		if en.Abbrlink != "" && !exported[id] {
			taken[en.Abbrlink] = id
		}
	}
	ordered := slices.Clone(posts)
	slices.SortFunc(ordered, func(x, y *post) int {
		if c := x.a.Date.Compare(y.a.Date); c != 0 {
			return c
		}
		return strings.Compare(x.id, y.id)
	})
	var fresh []*post
	for _, p := range ordered { // recorded values first, so that a new article never takes one
		if p.old != nil && validAbbrlink(p.old.Abbrlink) {
			if _, dup := taken[p.old.Abbrlink]; !dup {
				p.abbrlink = p.old.Abbrlink
				taken[p.abbrlink] = p.id
				continue
			}
		}
		fresh = append(fresh, p)
	}
	adopt := fresh
	fresh = nil
	for _, p := range adopt {
		if p.old != nil && p.old.Abbrlink == "" {
			if v := foundAbbrlink(readPost(disk, p.old.Path)); validAbbrlink(v) {
				if _, dup := taken[v]; !dup {
					p.abbrlink = v
					taken[v] = p.id
					continue
				}
			}
		}
		fresh = append(fresh, p)
	}
	for _, p := range fresh {
		for n := 0; p.abbrlink == ""; n++ {
			if c := abbrlinkCandidate(p.id, n); c != "" {
				if _, dup := taken[c]; !dup {
					p.abbrlink = c
					taken[c] = p.id
				}
			}
		}
	}
	for _, p := range posts {
		p.content = setKey(p.content, "abbrlink", "'"+p.abbrlink+"'")
		sum := sha256.Sum256(p.content)
		p.sum = hex.EncodeToString(sum[:])
	}
}

// abbrlinkCandidate is the n-th abbrlink an article may take: 4 hex digits (hexo-abbrlink's crc16
// width) from a hash of its ID and n, 8 digits once 64 tries failed (a site with tens of thousands
// of posts), or "" for a value hexo-abbrlink would replace ("0").
func abbrlinkCandidate(id string, n int) string {
	sum := sha256.Sum256([]byte(id + "\x00" + strconv.Itoa(n)))
	c := hex.EncodeToString(sum[:2])
	if n >= 64 {
		c = hex.EncodeToString(sum[:4])
	}
	if strings.Trim(c, "0") == "" {
		return ""
	}
	return c
}

// validAbbrlink accepts what abbrlinkCandidate returns and what hexo-abbrlink writes (crc16 or
// crc32, hex or decimal): 1 to 10 lower-case letters and digits, not all zeros.
func validAbbrlink(s string) bool {
	if len(s) == 0 || len(s) > 10 || strings.Trim(s, "0") == "" {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z') {
			return false
		}
	}
	return true
}

// foundAbbrlink is the value of the top-level `abbrlink:` key of a post found on disk, unquoted, or
// "".
func foundAbbrlink(post []byte) string {
	_, lines, _, ok := splitFront(post)
	if !ok {
		return ""
	}
	for _, bl := range blocks(lines) {
		if bl.key == "abbrlink" && len(bl.lines) == 1 {
			_, v, _ := strings.Cut(string(bl.lines[0]), ":")
			return strings.Trim(strings.TrimSpace(v), `'"`)
		}
	}
	return ""
}
