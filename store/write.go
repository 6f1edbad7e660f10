package store

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"
)

// writer does the bookkeeping of one write transaction: it keeps articles, indexes and counters in
// step, accumulates index and counter changes in memory and writes them once, in flush, in key order.
//
// Why in key order: bbolt splits a node only when the transaction commits, and inserting a key into
// a node moves every key after it. Keys put at random places of one node (the index entries of a
// thousand categories of one article, the counters of a map in Go's random order) therefore cost a
// memmove of the node each, quadratic in the keys of one transaction: a feed of 100,000 categories
// held the writer for minutes. Put in ascending order, each lands at its node's end or among the
// few keys the node held before the transaction, and the cost is linear.
type writer struct {
	tx                                  *bolt.Tx
	meta, articles                      *bolt.Bucket
	srcCounts, catCounts, tombs, bodies *bolt.Bucket
	listed                              *bolt.Bucket
	byDate, bySource, byCat             indexOps
	// Story grouping: the buckets, and the index when grouping is on (nil: off).
	prints, members, apart, storyLog *bolt.Bucket
	dd                               *dedup
	undo                             []func() // index changes to undo if the transaction fails
	removed                          []string // articles to drop from the index after the commit
	grouped                          int      // new articles that joined a story
	looks                            int      // the story index's second looks for the feed being saved
	// ranks are the sources' story ranks (Store.SetSourceRanks) as the transaction began.
	ranks map[string]int

	total    int64            // change of the article count
	srcDelta map[string]int64 // change of each source's count
	catDelta map[string]int64 // change of each category's count
	changed  bool             // articles changed: bump the generation
	key      []byte           // scratch
}

// indexOps are the pending puts and deletes of one index bucket, in the order they were asked for.
// Saving a feed never reads index buckets, and Prune reads them only before it removes anything, so
// writing them at flush changes nothing that a transaction sees.
type indexOps struct {
	name []byte
	b    *bolt.Bucket
	ops  []indexOp
	// The twin that stages new entries (fresh.go), nil when the index has none; foldAt is when
	// its entries go into b.
	tx        *bolt.Tx
	freshName []byte
	fresh     *bolt.Bucket
	foldAt    uint64
}

func newIndexOps(tx *bolt.Tx, name []byte) indexOps {
	x := indexOps{name: name, b: tx.Bucket(name), tx: tx, freshName: freshOf(name), foldAt: defaultFoldAt}
	if x.freshName != nil {
		x.fresh = tx.Bucket(x.freshName)
	}
	return x
}

type indexOp struct {
	key []byte
	seq int // position in ops: the later of two operations on one key wins
	del bool
	// isNew: the entry of an article inserted by this transaction, which no index can hold yet
	// (an article is inserted only when no record has its ID; Prune, which removes records,
	// inserts none), so that staging it needs no lookup in the index (fresh.go).
	isNew bool
}

func (x *indexOps) put(key []byte, isNew bool) {
	x.ops = append(x.ops, indexOp{key: bytes.Clone(key), seq: len(x.ops), isNew: isNew})
}

func (x *indexOps) delete(key []byte) {
	x.ops = append(x.ops, indexOp{key: bytes.Clone(key), seq: len(x.ops), del: true})
}

// pendingIndex returns the number of index operations waiting for flush.
func (w *writer) pendingIndex() int {
	return len(w.byDate.ops) + len(w.bySource.ops) + len(w.byCat.ops)
}

// flushEvery is how many bbolt operations flush does between two calls of its stop function.
const flushEvery = 4096

// apply writes the pending operations in key order; of several on one key, the last asked for wins
// (an entry added then removed in one transaction ends removed). It calls stop every flushEvery
// operations and gives up with its error: the caller rolls the transaction back.
func (x *indexOps) apply(stop func() error) error {
	slices.SortFunc(x.ops, func(a, b indexOp) int {
		return cmp.Or(bytes.Compare(a.key, b.key), cmp.Compare(a.seq, b.seq))
	})
	n := 0
	var delta int64 // change of the twin's entries
	for i, op := range x.ops {
		if i+1 < len(x.ops) && bytes.Equal(x.ops[i+1].key, op.key) {
			continue // a later operation on the same key decides
		}
		if n%flushEvery == 0 {
			if err := stop(); err != nil {
				return err
			}
		}
		n++
		if x.fresh != nil {
			d, err := x.stage(op)
			if err != nil {
				return err
			}
			delta += d
		} else if op.del {
			if err := x.b.Delete(op.key); err != nil {
				return fmt.Errorf("delete %s entry %q: %w", x.name, op.key, err)
			}
		} else if err := x.b.Put(op.key, nil); err != nil {
			return fmt.Errorf("put %s entry %q: %w", x.name, op.key, err)
		}
	}
	x.ops = nil
	if x.fresh != nil {
		return x.staged(delta, stop)
	}
	return nil
}

// newWriter returns the writer of tx, with the store's story index when grouping is on. It waits
// for the index to be loaded (loadIndex): a write transaction is the only user that changes it,
// and a match against part of the window would miss. Should Close cut the load short, the last
// transactions group nothing (their articles stay their own stories) rather than match against
// part of the window.
func (s *Store) newWriter(tx *bolt.Tx) *writer {
	w := newWriter(tx)
	for _, x := range []*indexOps{&w.byDate, &w.byCat} {
		if x.foldAt = s.foldAt; s.foldAt == 0 {
			x.fresh = nil // written directly (tests and benchmarks compare)
		}
	}
	if s.dedup != nil && s.dedup.ready() {
		w.dd = s.dedup
	}
	w.ranks = s.ranks.Get()
	return w
}

func newWriter(tx *bolt.Tx) *writer {
	prints := tx.Bucket(bucketPrints)
	if prints != nil {
		// Keyed by first-seen date: appended at the end but for the interleaving of concurrent
		// feeds, so nearly full pages (bbolt does not persist FillPercent; see bodiesBucket).
		prints.FillPercent = 0.9
	}
	return &writer{
		prints:    prints,
		members:   tx.Bucket(bucketMembers),
		apart:     tx.Bucket(bucketApart),
		storyLog:  tx.Bucket(bucketStoryLog),
		tx:        tx,
		meta:      tx.Bucket(bucketMeta),
		articles:  tx.Bucket(bucketArticles),
		byDate:    newIndexOps(tx, bucketByDate),
		bySource:  newIndexOps(tx, bucketBySource),
		byCat:     newIndexOps(tx, bucketByCategory),
		srcCounts: tx.Bucket(bucketSourceCounts),
		catCounts: tx.Bucket(bucketCategoryCounts),
		tombs:     tx.Bucket(bucketTombstones),
		bodies:    bodiesBucket(tx),
		listed:    tx.Bucket(bucketListed),
		srcDelta:  make(map[string]int64),
		catDelta:  make(map[string]int64),
	}
}

// get loads the record stored under id; ok is false when there is none.
func (w *writer) get(id string) (r record, ok bool, err error) {
	v := w.articles.Get([]byte(id))
	if v == nil {
		return record{}, false, nil
	}
	r, err = decodeRecord(id, v)
	if err != nil {
		return record{}, false, fmt.Errorf("article %q: %w", id, err)
	}
	return r, true, nil
}

// bodiesBucket returns tx's bodies bucket, set up for appending: keys only grow, so full pages
// are best (bbolt does not persist FillPercent; it is set in every transaction).
func bodiesBucket(tx *bolt.Tx) *bolt.Bucket {
	b := tx.Bucket(bucketBodies)
	b.FillPercent = 1
	return b
}

// put writes the record itself (not its indexes) and its body when that is new.
func (w *writer) put(r *record) error {
	if err := w.putRecord(r); err != nil {
		return err
	}
	w.changed = true
	return nil
}

// putRecord writes the record and, when it carries a new body, stores that body under a new
// reference and deletes the one it replaces. It does not mark the outputs changed.
func (w *writer) putRecord(r *record) error {
	if r.newBody {
		ref, err := w.bodies.NextSequence()
		if err != nil {
			return fmt.Errorf("put body of %q: %w", r.a.ID, err)
		}
		enc := r.enc
		if enc == nil {
			enc = encodeBody(r.a.Body)
		}
		if err := w.bodies.Put(bodyKey(ref), enc); err != nil {
			return fmt.Errorf("put body of %q: %w", r.a.ID, err)
		}
		if err := w.deleteBody(r); err != nil {
			return err
		}
		r.bodyRef, r.newBody, r.enc = ref, false, nil
	}
	if err := w.articles.Put([]byte(r.a.ID), encodeRecord(r)); err != nil {
		return fmt.Errorf("put article %q: %w", r.a.ID, err)
	}
	return nil
}

// deleteBody deletes the stored body of r, if any.
func (w *writer) deleteBody(r *record) error {
	if r.bodyRef == 0 {
		return nil
	}
	if err := w.bodies.Delete(bodyKey(r.bodyRef)); err != nil {
		return fmt.Errorf("delete body of %q: %w", r.a.ID, err)
	}
	return nil
}

// loadBody fills r.a.Body from bodies, unless the record already holds it.
func loadBody(bodies *bolt.Bucket, r *record) error {
	if r.newBody || r.bodyRef == 0 {
		return nil
	}
	v := bodies.Get(bodyKey(r.bodyRef))
	if v == nil {
		return fmt.Errorf("%w: body %d missing", errCorrupt, r.bodyRef)
	}
	body, err := decodeBody(v)
	if err != nil {
		return err
	}
	r.a.Body = body
	return nil
}

// addIndex adds every index entry of r under suffix (date + id); isNew when insert stores r.
func (w *writer) addIndex(r *record, suffix []byte, isNew bool) {
	w.byDate.put(suffix, isNew)
	for _, s := range r.a.Sources {
		w.addSource(s, suffix)
	}
	for _, c := range r.a.Categories {
		w.addCategory(c, suffix, isNew)
	}
}

// removeIndex deletes every index entry of r under suffix.
func (w *writer) removeIndex(r *record, suffix []byte) {
	w.byDate.delete(suffix)
	for _, s := range r.a.Sources {
		w.key = appendNameKey(w.key[:0], s, suffix)
		w.bySource.delete(w.key)
		w.srcDelta[s]--
	}
	for _, c := range r.a.Categories {
		if !indexedCategory(c) {
			continue
		}
		w.key = appendNameKey(w.key[:0], c, suffix)
		w.byCat.delete(w.key)
		w.catDelta[c]--
	}
}

func (w *writer) addSource(s string, suffix []byte) {
	w.key = appendNameKey(w.key[:0], s, suffix)
	w.bySource.put(w.key, false)
	w.srcDelta[s]++
}

func (w *writer) addCategory(c string, suffix []byte, isNew bool) {
	if !indexedCategory(c) {
		return
	}
	w.key = appendNameKey(w.key[:0], c, suffix)
	w.byCat.put(w.key, isNew)
	w.catDelta[c]++
}

// remove deletes an article with its index entries and leaves a tombstone stamped now.
func (w *writer) remove(r *record, now time.Time) error {
	w.removeIndex(r, suffixKey(r.a.Date, r.a.ID))
	id := []byte(r.a.ID)
	if err := w.articles.Delete(id); err != nil {
		return fmt.Errorf("delete article %q: %w", r.a.ID, err)
	}
	if err := w.deleteBody(r); err != nil {
		return err
	}
	if err := w.forgetStory(r); err != nil {
		return err
	}
	if err := w.tombs.Put(id, encodeTombstone(tombstone{pruned: now, lastSeen: now})); err != nil {
		return fmt.Errorf("tombstone %q: %w", r.a.ID, err)
	}
	w.total--
	w.changed = true
	return nil
}

// flush writes the index entries, the counters and, when articles changed, the next generation,
// which it returns (0 when unchanged). The caller publishes it with tx.OnCommit. Between units of
// work it calls stop, and returns its error when it has one: the caller then rolls back, so a flood
// of index entries never holds a shutdown up.
func (w *writer) flush(stop func() error) (uint64, error) {
	for _, x := range []*indexOps{&w.byDate, &w.bySource, &w.byCat} {
		if err := x.apply(stop); err != nil {
			return 0, err
		}
	}
	if err := addCounts(w.srcCounts, w.srcDelta, stop); err != nil {
		return 0, err
	}
	if err := addCounts(w.catCounts, w.catDelta, stop); err != nil {
		return 0, err
	}
	if w.total != 0 {
		n := int64(getUint64(w.meta.Get(keyArticles))) + w.total
		if err := w.meta.Put(keyArticles, putUint64(uint64(max(n, 0)))); err != nil {
			return 0, fmt.Errorf("count articles: %w", err)
		}
	}
	if !w.changed {
		return 0, nil
	}
	gen := getUint64(w.meta.Get(keyGeneration)) + 1
	if err := w.meta.Put(keyGeneration, putUint64(gen)); err != nil {
		return 0, fmt.Errorf("bump generation: %w", err)
	}
	return gen, nil
}

// addCounts applies deltas to a counter bucket, in key order (see writer), calling stop every
// flushEvery counters; a counter that reaches zero is deleted so that Stats lists only sources that
// carry articles.
func addCounts(b *bolt.Bucket, deltas map[string]int64, stop func() error) error {
	names := make([]string, 0, len(deltas))
	for name, d := range deltas {
		if d != 0 {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for i, name := range names {
		if i%flushEvery == 0 {
			if err := stop(); err != nil {
				return err
			}
		}
		d := deltas[name]
		k := []byte(name)
		n := int64(getUint64(b.Get(k))) + d
		var err error
		if n <= 0 {
			err = b.Delete(k)
		} else {
			err = b.Put(k, putUint64(uint64(n)))
		}
		if err != nil {
			return fmt.Errorf("count %q: %w", name, err)
		}
	}
	return nil
}

// publish makes gen visible to Generation once the transaction commits.
func (s *Store) publish(tx *bolt.Tx, gen uint64) {
	if gen != 0 {
		tx.OnCommit(func() { s.gen.Store(gen) })
	}
}
