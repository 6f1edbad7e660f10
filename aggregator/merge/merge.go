// Package merge holds the rules by which a store folds a fetched entry into what it keeps, written
// once as pure functions so that every backend applies the same ones: which source's copy of a
// story is shown (the fullest, and a source's own edit only), how sources and categories unite,
// which names and IDs a store accepts, and how a story's copies become one merged article. The bbolt
// store (store/) states them in store/save.go; store/postgres calls these. It does no I/O.
package merge

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"tributary/aggregator"
)

// Limits on what a store accepts. Source names come from the configuration and IDs from a hash,
// so longer ones are errors; categories come from feeds, so a longer one is stored but not indexed.
const (
	MaxNameLen     = 1024
	MaxIDLen       = 1024
	MaxCategoryLen = 1024
)

// MaxStoryCopies bounds the copies a merged article gathers, whatever a source floods a story with.
const MaxStoryCopies = 64

// MaxStoryLog is how many story events (merges, splits) a store keeps for operators.
const MaxStoryLog = 1000

// Outcome is what happened to one entry of a fetched feed.
type Outcome int

// The outcomes, counted in aggregator.SaveResult.
const (
	New Outcome = iota
	Updated
	Unchanged
	Merged
	Suppressed
)

// Count adds o to res.
func (o Outcome) Count(res *aggregator.SaveResult) {
	switch o {
	case New:
		res.New++
	case Updated:
		res.Updated++
	case Unchanged:
		res.Unchanged++
	case Merged:
		res.Merged++
	case Suppressed:
		res.Suppressed++
	}
}

// Record is an article as a store keeps it: the article plus, for each of its sources, the hash
// of the title and body that this source last delivered (0: unknown, as after a copy from a store
// that kept none).
type Record struct {
	Article aggregator.Article
	Hashes  []uint64 // parallel to Article.Sources
	// BodyLen and Shown describe the shown body without holding it: its length, and
	// ContentHash(title, body).
	BodyLen int
	Shown   uint64
	// TextChanged is set by Apply and NewRecord when the title and body must be written.
	TextChanged bool
}

// ContentHash identifies one copy of a story's text: FNV-1a over title, NUL, body; never 0, which
// means unknown. It is the bbolt store's, so that hashes copied between stores keep their meaning.
func ContentHash(title, body string) uint64 {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	h := uint64(offset64)
	for i := 0; i < len(title); i++ {
		h ^= uint64(title[i])
		h *= prime64
	}
	h *= prime64
	for i := 0; i < len(body); i++ {
		h ^= uint64(body[i])
		h *= prime64
	}
	return max(h, 1)
}

// NewRecord is the record of an entry of source whose ID is not stored: the entry's sources plus
// source, its categories normalized, FirstSeen now when it has none, no story (the store assigns).
func NewRecord(source string, a *aggregator.Article, now time.Time) Record {
	r := Record{Article: *a, TextChanged: true}
	r.Article.Story, r.Article.Also = "", nil
	r.Article.Categories = NormalizeCategories(a.Categories)
	r.Article.Sources = make([]string, 0, len(a.Sources)+1)
	for _, s := range append(slices.Clip(a.Sources), source) {
		if !slices.Contains(r.Article.Sources, s) {
			r.Article.Sources = append(r.Article.Sources, s)
		}
	}
	r.BodyLen, r.Shown = len(a.Body), ContentHash(a.Title, a.Body)
	r.Hashes = make([]uint64, len(r.Article.Sources))
	r.Hashes[slices.Index(r.Article.Sources, source)] = r.Shown
	if r.Article.FirstSeen.IsZero() {
		r.Article.FirstSeen = now
	}
	return r
}

// Apply folds the entry a of source into the stored record r and says what it did; write reports
// whether r must be written back (an Unchanged entry may still record its source's hash), visible
// whether outputs may show the difference (the generation moves). The
// rules (store/save.go's SaveFeed documents them at length):
//
//   - a source not yet carrying the story joins it (Merged): sources and categories unite, and the
//     text becomes this copy's when it Takes the shown copy's place: its source ranks higher, or
//     as high and its body is longer (the fullest copy of the best-ranked sources is shown);
//   - a source's copy unchanged since it last delivered it changes nothing but new categories
//     (Updated when there are some);
//   - a source's own edit replaces the text when that source's copy is the one shown or Takes its
//     place (as high a rank and at least as full; Updated is the entry's when later, else now),
//     else only unites categories.
//
// ranks are the sources' StoryRank by name (aggregator.Source.StoryRank; nil: all 0).
func Apply(r *Record, source string, a *aggregator.Article, now time.Time, ranks map[string]int) (o Outcome, write, visible bool) {
	h := ContentHash(a.Title, a.Body)
	i := slices.Index(r.Article.Sources, source)
	if i < 0 {
		shownRank := ShownRank(r.Article.Sources, r.Hashes, r.Shown, ranks)
		r.Article.Sources = append(r.Article.Sources, source)
		r.Hashes = append(r.Hashes, h)
		if Takes(ranks[source], shownRank, len(a.Body), r.BodyLen, false) {
			takeContent(r, a, h)
		}
		unite(r, a.Categories)
		return Merged, true, true
	}
	if r.Hashes[i] == h || r.Hashes[i] == 0 {
		first := r.Hashes[i] == 0
		r.Hashes[i] = h
		if unite(r, a.Categories) {
			return Updated, true, true
		}
		return Unchanged, first, false
	}
	owned := r.Hashes[i] == r.Shown
	shownRank := ShownRank(r.Article.Sources, r.Hashes, r.Shown, ranks)
	r.Hashes[i] = h
	if !owned && !Takes(ranks[source], shownRank, len(a.Body), r.BodyLen, true) {
		unite(r, a.Categories)
		return Unchanged, true, true
	}
	updated := now
	if a.Updated.After(r.Article.Updated) {
		updated = a.Updated
	}
	takeContent(r, a, h)
	r.Article.Updated = updated
	unite(r, a.Categories)
	return Updated, true, true
}

// Ranks holds the sources' story ranks for a store's writers: set by the daemon (at open and on a
// reload, through aggregator.SourceRanker), read by every save while feeds are being stored. The
// zero value holds none (every source 0).
type Ranks struct {
	p atomic.Pointer[map[string]int]
}

// Set replaces the ranks with a copy of m.
func (r *Ranks) Set(m map[string]int) {
	c := maps.Clone(m)
	r.p.Store(&c)
}

// Get returns the ranks last Set, nil before; the map must not be changed.
func (r *Ranks) Get() map[string]int {
	if m := r.p.Load(); m != nil {
		return *m
	}
	return nil
}

// ShownRank is the rank of the copy a record shows: the best rank (see Rank) of the sources whose
// last copy it is, or of all of its sources when none is known to be (hashes of 0, after a copy
// from a store that kept none): the rank that another copy must beat.
func ShownRank(sources []string, hashes []uint64, shown uint64, ranks map[string]int) int {
	if len(ranks) == 0 {
		return 0
	}
	best, known := 0, false
	for i, s := range sources {
		if i < len(hashes) && hashes[i] == shown && (!known || ranks[s] > best) {
			best, known = ranks[s], true
		}
	}
	if !known {
		return Rank(sources, ranks)
	}
	return best
}

// Takes reports whether a copy of a source ranked rank, whose body is bodyLen long, takes the
// place of the shown copy (ranked shownRank, shownLen long) of an article stored under the same
// canonical link: a higher rank always does and a lower never; at the same rank the longer body
// wins (orEqual: or one as long, for a source's own edit). Length alone would let any source that
// lists an article's link replace its text.
func Takes(rank, shownRank, bodyLen, shownLen int, orEqual bool) bool {
	switch {
	case rank != shownRank:
		return rank > shownRank
	case orEqual:
		return bodyLen >= shownLen
	}
	return bodyLen > shownLen
}

// takeContent makes a's copy the shown one: text, images, author, link, guid, comments and date.
func takeContent(r *Record, a *aggregator.Article, h uint64) {
	x := &r.Article
	x.Date, x.Key, x.Title, x.Body = a.Date, a.Key, a.Title, a.Body
	x.HeadImg, x.Thumbnail, x.Author, x.Link, x.GUID, x.Comments = a.HeadImg, a.Thumbnail, a.Author, a.Link, a.GUID, a.Comments
	r.BodyLen, r.Shown, r.TextChanged = len(a.Body), h, true
}

// unite adds the categories of cats that r lacks and reports whether there were any.
func unite(r *Record, cats []string) bool {
	have := make(map[string]struct{}, len(r.Article.Categories))
	for _, c := range r.Article.Categories {
		have[c] = struct{}{}
	}
	added := false
	for _, c := range NormalizeCategories(cats) {
		if _, ok := have[c]; !ok {
			have[c] = struct{}{}
			r.Article.Categories = append(r.Article.Categories, c)
			added = true
		}
	}
	return added
}

// NormalizeCategories returns cats without empty names and repeats, NUL bytes replaced by U+FFFD
// (illegal in every output format, and ambiguous in an index key).
func NormalizeCategories(cats []string) []string {
	out := make([]string, 0, len(cats))
	seen := make(map[string]struct{}, len(cats))
	for _, c := range cats {
		c = strings.ReplaceAll(c, "\x00", "\uFFFD")
		if _, dup := seen[c]; c != "" && !dup {
			seen[c] = struct{}{}
			out = append(out, c)
		}
	}
	return out
}

// Indexed reports whether a normalized category is short enough to be looked up by.
func Indexed(c string) bool { return c != "" && len(c) <= MaxCategoryLen }

// CheckName rejects source names a store cannot keep.
func CheckName(kind, name string) error {
	switch {
	case name == "":
		return fmt.Errorf("empty %s name", kind)
	case len(name) > MaxNameLen:
		return fmt.Errorf("%s name of %d bytes is longer than %d", kind, len(name), MaxNameLen)
	case strings.IndexByte(name, 0) >= 0:
		return fmt.Errorf("%s name %q contains a NUL byte", kind, name)
	}
	return nil
}

// CheckID rejects IDs a store cannot keep.
func CheckID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("article without id")
	case len(id) > MaxIDLen:
		return fmt.Errorf("article id of %d bytes is longer than %d", len(id), MaxIDLen)
	}
	return nil
}

// CheckFeed checks everything SaveFeed and SaveListed are given before anything is written: a feed
// with one bad name or ID is stored not at all.
func CheckFeed(source string, articles []aggregator.Article, unchanged []string) error {
	if err := CheckName("source", source); err != nil {
		return err
	}
	for i := range articles {
		a := &articles[i]
		if err := CheckID(a.ID); err != nil {
			return fmt.Errorf("entry %d: %w", i, err)
		}
		for _, src := range a.Sources {
			if err := CheckName("source", src); err != nil {
				return fmt.Errorf("article %q: %w", a.ID, err)
			}
		}
	}
	for _, id := range unchanged {
		if err := CheckID(id); err != nil {
			return fmt.Errorf("unchanged entry: %w", err)
		}
	}
	return nil
}

// QueryNames returns q's source and category filters as a store looks them up: names no stored
// article can carry dropped, repeats dropped. none is true when a filter was given but none of its
// names can match: the query selects nothing (not everything).
func QueryNames(q aggregator.Query) (sources, cats []string, none bool) {
	for _, s := range q.Sources {
		if CheckName("source", s) == nil && !slices.Contains(sources, s) {
			sources = append(sources, s)
		}
	}
	for _, c := range NormalizeCategories(q.Categories) {
		if Indexed(c) {
			cats = append(cats, c)
		}
	}
	none = len(sources) == 0 && len(q.Sources) > 0 || len(cats) == 0 && len(q.Categories) > 0
	return sources, cats, none
}

// Keep reports whether a copy of a story belongs to a merged query's result: carried by one of
// sources and carrying one of cats (each when given).
func Keep(a *aggregator.Article, sources, cats []string) bool {
	if len(sources) > 0 && !slices.ContainsFunc(a.Sources, func(s string) bool { return slices.Contains(sources, s) }) {
		return false
	}
	if len(cats) > 0 && !slices.ContainsFunc(a.Categories, func(c string) bool { return slices.Contains(cats, c) }) {
		return false
	}
	return true
}

// Story returns story st as one article (aggregator.Query.Merge) from its copies, which must
// include every copy the query keeps. The first copy (by FirstSeen, then ID) leads; the copy shown
// is the fullest of those of the highest StoryRank (ranks: source name → rank, see
// aggregator.Source.StoryRank; ties: the earlier); Sources and Categories unite, Date is the
// earliest of the copies of that rank, Updated when the story last gained or changed a copy, Also
// the other copies. Only the shown copy's body is needed: load, when not nil, fills it (a store
// that keeps bodies apart reads one body per story).
func Story(st string, copies []Record, ranks map[string]int, load func(*Record) error) (aggregator.Article, error) {
	slices.SortFunc(copies, func(a, b Record) int {
		if c := a.Article.FirstSeen.Compare(b.Article.FirstSeen); c != 0 {
			return c
		}
		return strings.Compare(a.Article.ID, b.Article.ID)
	})
	full, fullRank := 0, Rank(copies[0].Article.Sources, ranks)
	for i := 1; i < len(copies); i++ {
		// Rank before length: any source can make its copy the longest (a feed that copies another's
		// flash and appends its own text), and the shown copy's title and link are the item's.
		r := Rank(copies[i].Article.Sources, ranks)
		if r > fullRank || r == fullRank && copies[i].BodyLen > copies[full].BodyLen {
			full, fullRank = i, r
		}
	}
	if load != nil {
		if err := load(&copies[full]); err != nil {
			return aggregator.Article{}, fmt.Errorf("article %q: %w", copies[full].Article.ID, err)
		}
	}
	out := copies[full].Article
	out.ID, out.Story = st, st
	if len(copies) == 1 {
		return out, nil
	}
	out.Sources = slices.Clone(out.Sources)
	out.Categories = slices.Clone(out.Categories)
	out.FirstSeen = copies[0].Article.FirstSeen
	// Sets, not scans: a copy may carry a flood of categories, and 64 copies of it must not cost
	// the square of the flood.
	srcs, catSet := set(out.Sources), set(out.Categories)
	for i := range copies {
		c := &copies[i].Article
		// Only the copies of the shown rank date the story: a lower-ranked copy dated a day back
		// would otherwise sink the story below the newer ones in every newest-first output.
		if c.Date.Before(out.Date) && (len(ranks) == 0 || Rank(c.Sources, ranks) == fullRank) {
			out.Date = c.Date
		}
		if c.Updated.After(out.Updated) {
			out.Updated = c.Updated
		}
		if i > 0 && c.FirstSeen.After(out.Updated) {
			out.Updated = c.FirstSeen // when the story gained this copy
		}
		out.Sources = addNew(out.Sources, srcs, c.Sources)
		out.Categories = addNew(out.Categories, catSet, c.Categories)
		if i != full {
			src := ""
			if len(c.Sources) > 0 {
				src = c.Sources[0]
			}
			out.Also = append(out.Also, aggregator.Copy{ID: c.ID, Source: src, URL: c.Link, Title: c.Title})
		}
	}
	return out, nil
}

// Rank is the story rank of a copy carried by sources: the highest of theirs in ranks (a source it
// does not name ranks 0).
func Rank(sources []string, ranks map[string]int) int {
	if len(ranks) == 0 || len(sources) == 0 {
		return 0
	}
	best := ranks[sources[0]]
	for _, s := range sources[1:] {
		best = max(best, ranks[s])
	}
	return best
}

func set(names []string) map[string]struct{} {
	m := make(map[string]struct{}, len(names))
	for _, n := range names {
		m[n] = struct{}{}
	}
	return m
}

// addNew appends to list the names of more that seen lacks, and adds them to seen.
func addNew(list []string, seen map[string]struct{}, more []string) []string {
	for _, n := range more {
		if _, ok := seen[n]; !ok {
			seen[n] = struct{}{}
			list = append(list, n)
		}
	}
	return list
}

// SortNewestFirst orders articles by date, newest first, then by ID descending: the order of every
// query's result.
func SortNewestFirst(arts []aggregator.Article) {
	slices.SortStableFunc(arts, func(a, b aggregator.Article) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
}
