package store

import (
	"bytes"
	"container/heap"
	"context"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
	"tributary/aggregator/merge"
)

// Articles returns the articles that q selects, newest first (by date, then by ID descending), each
// once.
//
// With no filter it walks by_date backwards (merged with by_date_new, where its newest entries are
// staged). With sources or categories it merges reverse cursors,
// one per name, over by_source or by_category: equal keys (an article carried by two of the
// sources) come out once. When both filters are given, it walks the side whose counters promise
// fewer entries and tests the other side with one index lookup per candidate, so that only matching
// articles are decoded. The cost is that of the articles returned (plus those skipped by filters),
// not of the articles stored.
//
// A source name that cannot be stored (empty, with a NUL byte), or a category that is empty or too
// long to be indexed, matches nothing.
//
// Each read transaction returns at most a thousand articles; a larger result is read in several,
// resumed where the last one stopped, with ctx checked in between. Such a result is not one snapshot:
// an article saved meanwhile may be missing or, updated meanwhile, appear at its old place; none
// appears twice.
func (s *Store) Articles(ctx context.Context, q aggregator.Query) ([]aggregator.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: articles: %w", err)
	}
	// Names that no stored article can carry select nothing; when all of a filter's names are such,
	// the filter must not vanish and select everything.
	sources := uniqueNames(slices.DeleteFunc(slices.Clone(q.Sources), func(n string) bool { return checkName("source", n) != nil }))
	cats := uniqueNames(slices.DeleteFunc(normalizeCategories(slices.Clone(q.Categories)), func(c string) bool { return !indexedCategory(c) }))
	if len(sources) == 0 && len(q.Sources) > 0 || len(cats) == 0 && len(q.Categories) > 0 {
		return nil, nil
	}
	var since []byte
	if !q.Since.IsZero() {
		since = dateKey(q.Since)
	}
	var (
		out   []aggregator.Article
		bound []byte              // resume below this suffix (date + id); nil: from the newest
		seen  map[string]struct{} // ids returned by earlier transactions
		// stories returned (merged queries): a story is met once per copy on the walk
		stories map[string]struct{}
		keep    func(*record) bool
	)
	if q.Merge {
		stories = make(map[string]struct{})
		keep = copyFilter(sources, cats)
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("store: articles: %w", err)
		}
		want := s.readBatch
		if q.Limit > 0 {
			want = min(want, q.Limit-len(out))
		}
		var done bool
		err := s.db.View(func(tx *bolt.Tx) error {
			p := newPlan(tx, sources, cats, since, bound)
			articles, bodies := tx.Bucket(bucketArticles), tx.Bucket(bucketBodies)
			var last []byte // the last suffix examined: the next transaction resumes below it
			defer func() {
				if last != nil {
					bound = bytes.Clone(last) // last points into the transaction's memory
				}
			}()
			for examined, got := 0, 0; got < want; examined++ {
				if examined == 4*s.readBatch {
					return nil // filters rejected a lot: let the writer in, resume later
				}
				suffix, ok := p.next()
				if !ok {
					done = true
					return nil
				}
				last = suffix
				if !p.filter(suffix) {
					continue
				}
				id := suffix[dateLen:]
				v := articles.Get(id)
				if v == nil {
					continue // a dangling index entry; Check reports it
				}
				if _, dup := seen[string(id)]; dup {
					continue
				}
				r, err := decodeRecord(string(id), v)
				if err != nil {
					return fmt.Errorf("article %q: %w", id, err)
				}
				if !q.Since.IsZero() && r.a.Date.Before(q.Since) {
					continue // in the same microsecond as Since, but earlier
				}
				if q.Merge {
					st := cmpOrString(r.a.Story, r.a.ID)
					if _, dup := stories[st]; dup {
						continue
					}
					stories[st] = struct{}{}
					a, err := mergeStory(tx, r, st, keep, q.StoryRanks)
					if err != nil {
						return fmt.Errorf("story %q: %w", st, err)
					}
					out = append(out, a)
					got++
					continue
				}
				if err := loadBody(bodies, &r); err != nil {
					return fmt.Errorf("article %q: %w", id, err)
				}
				out = append(out, r.a)
				if seen != nil {
					seen[r.a.ID] = struct{}{}
				}
				got++
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("store: articles: %w", err)
		}
		if done || (q.Limit > 0 && len(out) >= q.Limit) {
			if q.Merge {
				// A story is met at its newest copy but dated by its first: keep newest first.
				slices.SortStableFunc(out, func(a, b aggregator.Article) int {
					if c := b.Date.Compare(a.Date); c != 0 {
						return c
					}
					return cmpString(b.ID, a.ID)
				})
			}
			return out, nil
		}
		if seen == nil {
			seen = make(map[string]struct{}, 2*len(out))
			for _, a := range out {
				seen[a.ID] = struct{}{}
			}
		}
	}
}

// uniqueNames drops repeats, keeping order.
func uniqueNames(names []string) []string {
	out := make([]string, 0, len(names))
	var seen nameSet
	for _, n := range names {
		if seen.add(n) {
			out = append(out, n)
		}
	}
	return out
}

// plan walks the index that drives a query and filters by the other one.
type plan struct {
	streams streamHeap
	// checks hold the other side's index (and its twin) and check its prefixes: a candidate passes
	// when its suffix is under one of them in one of the buckets. Empty: no filter.
	checks      []*bolt.Cursor
	checkPrefix [][]byte
	key         []byte
}

// newPlan opens the reverse cursors of a query, each positioned below bound (exclusive): one per
// name and bucket of the driving index (an index and its twin of staged entries, fresh.go).
func newPlan(tx *bolt.Tx, sources, cats []string, since, bound []byte) *plan {
	p := &plan{}
	drive, driveNames := bucketByDate, []string(nil)
	other, otherNames := []byte(nil), []string(nil)
	switch {
	case len(sources) > 0 && len(cats) > 0:
		if estimate(tx.Bucket(bucketCategoryCounts), cats) < estimate(tx.Bucket(bucketSourceCounts), sources) {
			drive, driveNames = bucketByCategory, cats
			other, otherNames = bucketBySource, sources
		} else {
			drive, driveNames = bucketBySource, sources
			other, otherNames = bucketByCategory, cats
		}
	case len(sources) > 0:
		drive, driveNames = bucketBySource, sources
	case len(cats) > 0:
		drive, driveNames = bucketByCategory, cats
	}
	if other != nil {
		for _, b := range indexBuckets(tx, other) {
			p.checks = append(p.checks, b.Cursor())
		}
		for _, n := range otherNames {
			p.checkPrefix = append(p.checkPrefix, namePrefix(n))
		}
	}
	for _, b := range indexBuckets(tx, drive) {
		if driveNames == nil {
			p.add(b, nil, since, bound)
		}
		for _, n := range driveNames {
			p.add(b, namePrefix(n), since, bound)
		}
	}
	heap.Init(&p.streams)
	return p
}

// estimate sums the counters of names: how many index entries a walk over them may meet.
func estimate(counts *bolt.Bucket, names []string) uint64 {
	var n uint64
	for _, name := range names {
		n += getUint64(counts.Get([]byte(name)))
	}
	return n
}

func (p *plan) add(b *bolt.Bucket, prefix, since, bound []byte) {
	st := &stream{c: b.Cursor(), prefix: prefix, since: since}
	var k []byte
	end := prefixEnd(prefix)
	if bound != nil {
		end = append(bytes.Clone(prefix), bound...)
	}
	if end == nil {
		k, _ = st.c.Last()
	} else if k, _ = st.c.Seek(end); k == nil {
		k, _ = st.c.Last()
	} else {
		k, _ = st.c.Prev()
	}
	if st.set(k) {
		p.streams = append(p.streams, st)
	}
}

// next returns the suffix (date + id) of the next article, newest first, advancing every stream
// that holds it. The suffix points into the transaction's memory.
func (p *plan) next() ([]byte, bool) {
	if len(p.streams) == 0 {
		return nil, false
	}
	suffix := p.streams[0].suffix()
	for len(p.streams) > 0 && bytes.Equal(p.streams[0].suffix(), suffix) {
		st := p.streams[0]
		k, _ := st.c.Prev()
		if st.set(k) {
			heap.Fix(&p.streams, 0)
		} else {
			heap.Pop(&p.streams)
		}
	}
	return suffix, true
}

// filter reports whether the candidate is under one of the other side's names.
func (p *plan) filter(suffix []byte) bool {
	if p.checks == nil {
		return true
	}
	for _, prefix := range p.checkPrefix {
		p.key = append(append(p.key[:0], prefix...), suffix...)
		for _, c := range p.checks {
			if k, _ := c.Seek(p.key); k != nil && bytes.Equal(k, p.key) {
				return true
			}
		}
	}
	return false
}

// stream is one reverse cursor over the keys that start with prefix.
type stream struct {
	c      *bolt.Cursor
	prefix []byte
	since  []byte
	key    []byte
}

// set makes k the stream's current key and reports whether the stream goes on: k must be under the
// prefix and not older than since.
func (st *stream) set(k []byte) bool {
	if k == nil || !bytes.HasPrefix(k, st.prefix) || len(k) < len(st.prefix)+dateLen+1 {
		st.key = nil
		return false
	}
	st.key = k
	if st.since != nil && bytes.Compare(st.suffix()[:dateLen], st.since) < 0 {
		st.key = nil
		return false
	}
	return true
}

func (st *stream) suffix() []byte { return st.key[len(st.prefix):] }

// streamHeap is a max-heap of streams by current suffix.
type streamHeap []*stream

func (h streamHeap) Len() int           { return len(h) }
func (h streamHeap) Less(i, j int) bool { return bytes.Compare(h[i].suffix(), h[j].suffix()) > 0 }
func (h streamHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *streamHeap) Push(x any)        { *h = append(*h, x.(*stream)) }
func (h *streamHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// copyFilter returns whether a copy of a story belongs to a merged query's result: carried by one of
// sources and carrying one of cats (each when given).
func copyFilter(sources, cats []string) func(*record) bool {
	return func(r *record) bool {
		if len(sources) > 0 && !slices.ContainsFunc(r.a.Sources, func(s string) bool { return slices.Contains(sources, s) }) {
			return false
		}
		if len(cats) > 0 && !slices.ContainsFunc(r.a.Categories, func(c string) bool { return slices.Contains(cats, c) }) {
			return false
		}
		return true
	}
}

// mergeStory returns story st, met on the walk at its copy r, as one article (see Query.Merge). Its
// cost for a story of one copy, the common case, is one seek in story_members.
func mergeStory(tx *bolt.Tx, r record, st string, keep func(*record) bool, ranks map[string]int) (aggregator.Article, error) {
	articles, bodies := tx.Bucket(bucketArticles), tx.Bucket(bucketBodies)
	copies := []record{r}
	if r.a.Story != "" {
		if v := articles.Get([]byte(st)); v != nil {
			head, err := decodeRecord(st, v)
			if err != nil {
				return aggregator.Article{}, fmt.Errorf("article %q: %w", st, err)
			}
			if head.a.Story == "" && keep(&head) {
				copies = append(copies, head)
			}
		}
	}
	members, err := storyMembers(tx.Bucket(bucketMembers), articles, st, keep)
	if err != nil {
		return aggregator.Article{}, err
	}
	for _, m := range members {
		if m.a.ID != r.a.ID {
			copies = append(copies, m)
		}
	}
	recs := make([]merge.Record, len(copies))
	byID := make(map[string]*record, len(copies))
	for i := range copies {
		recs[i] = merge.Record{Article: copies[i].a, Hashes: copies[i].hashes, BodyLen: copies[i].bodyLen, Shown: copies[i].shown}
		byID[copies[i].a.ID] = &copies[i]
	}
	return merge.Story(st, recs, ranks, func(m *merge.Record) error {
		r := byID[m.Article.ID]
		if err := loadBody(bodies, r); err != nil {
			return err
		}
		m.Article.Body = r.a.Body
		return nil
	})
}
