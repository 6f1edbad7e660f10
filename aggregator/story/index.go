package story

import (
	"sort"
	"time"
)

// Index holds the prints of recent articles for matching at ingest. It is not safe for
// concurrent use: the store's single writer owns it.
type Index struct {
	opts    Options
	entries map[string]entry // by article ID
}

type entry struct {
	story string
	print Print
}

// NewIndex returns an empty index.
func NewIndex(o Options) *Index {
	return &Index{opts: o.withDefaults(), entries: make(map[string]entry)}
}

// Options returns the index's options with the defaults filled in.
func (x *Index) Options() Options { return x.opts }

// Add records that article id, of story, has print p; a second Add of id replaces the first.
func (x *Index) Add(id, story string, p Print) {
	x.entries[id] = entry{story: story, print: p}
}

// Remove forgets article id.
func (x *Index) Remove(id string) { delete(x.entries, id) }

// Len is how many prints the index holds.
func (x *Index) Len() int { return len(x.entries) }

// Match returns the best candidate for p whose score reaches the threshold; skip, when not nil,
// rules out a story (one an operator split apart from this article, say).
func (x *Index) Match(p Print, skip func(story string) bool) (Match, bool) {
	var best Match
	for id, e := range x.entries {
		if skip != nil && skip(e.story) {
			continue
		}
		s := score(p, e.print, x.opts)
		if s >= x.opts.Threshold && (s > best.Score || (s == best.Score && id < best.ID)) {
			best = Match{ID: id, Story: e.story, Score: s}
		}
	}
	return best, best.ID != ""
}

// Expire forgets the prints dated before now minus the window, and returns how many; it bounds the
// index's memory by the window, not by what the store holds. now is the caller's clock, never a
// feed's date: a feed dated in the future must not expire everything else.
func (x *Index) Expire(now time.Time) int {
	cut := now.Add(-x.opts.Window)
	n := 0
	for id, e := range x.entries {
		if e.print.Time.Before(cut) {
			delete(x.entries, id)
			n++
		}
	}
	return n
}

// IDs returns the article IDs the index holds, sorted (for tests and status).
func (x *Index) IDs() []string {
	ids := make([]string, 0, len(x.entries))
	for id := range x.entries {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
