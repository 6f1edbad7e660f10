package store

import (
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// writer does the bookkeeping of one write transaction: it keeps articles, indexes and counters in
// step, accumulates counter changes in memory and writes them once, in flush.
type writer struct {
	tx                                      *bolt.Tx
	meta, articles, byDate, bySource, byCat *bolt.Bucket
	srcCounts, catCounts, tombs, bodies     *bolt.Bucket
	listed                                  *bolt.Bucket

	total    int64            // change of the article count
	srcDelta map[string]int64 // change of each source's count
	catDelta map[string]int64 // change of each category's count
	changed  bool             // articles changed: bump the generation
	key      []byte           // scratch; bbolt copies keys
}

func newWriter(tx *bolt.Tx) *writer {
	return &writer{
		tx:        tx,
		meta:      tx.Bucket(bucketMeta),
		articles:  tx.Bucket(bucketArticles),
		byDate:    tx.Bucket(bucketByDate),
		bySource:  tx.Bucket(bucketBySource),
		byCat:     tx.Bucket(bucketByCategory),
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
		if err := w.bodies.Put(bodyKey(ref), encodeBody(r.a.Body)); err != nil {
			return fmt.Errorf("put body of %q: %w", r.a.ID, err)
		}
		if err := w.deleteBody(r); err != nil {
			return err
		}
		r.bodyRef, r.newBody = ref, false
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

// addIndex writes every index entry of r under suffix (date + id).
func (w *writer) addIndex(r *record, suffix []byte) error {
	if err := w.byDate.Put(suffix, nil); err != nil {
		return fmt.Errorf("index article %q: %w", r.a.ID, err)
	}
	for _, s := range r.a.Sources {
		if err := w.addSource(s, suffix); err != nil {
			return err
		}
	}
	for _, c := range r.a.Categories {
		if err := w.addCategory(c, suffix); err != nil {
			return err
		}
	}
	return nil
}

// removeIndex deletes every index entry of r under suffix.
func (w *writer) removeIndex(r *record, suffix []byte) error {
	if err := w.byDate.Delete(suffix); err != nil {
		return fmt.Errorf("unindex article %q: %w", r.a.ID, err)
	}
	for _, s := range r.a.Sources {
		w.key = appendNameKey(w.key[:0], s, suffix)
		if err := w.bySource.Delete(w.key); err != nil {
			return fmt.Errorf("unindex article %q: %w", r.a.ID, err)
		}
		w.srcDelta[s]--
	}
	for _, c := range r.a.Categories {
		if !indexedCategory(c) {
			continue
		}
		w.key = appendNameKey(w.key[:0], c, suffix)
		if err := w.byCat.Delete(w.key); err != nil {
			return fmt.Errorf("unindex article %q: %w", r.a.ID, err)
		}
		w.catDelta[c]--
	}
	return nil
}

func (w *writer) addSource(s string, suffix []byte) error {
	w.key = appendNameKey(w.key[:0], s, suffix)
	if err := w.bySource.Put(w.key, nil); err != nil {
		return fmt.Errorf("index source %q: %w", s, err)
	}
	w.srcDelta[s]++
	return nil
}

func (w *writer) addCategory(c string, suffix []byte) error {
	if !indexedCategory(c) {
		return nil
	}
	w.key = appendNameKey(w.key[:0], c, suffix)
	if err := w.byCat.Put(w.key, nil); err != nil {
		return fmt.Errorf("index category %q: %w", c, err)
	}
	w.catDelta[c]++
	return nil
}

// remove deletes an article with its index entries and leaves a tombstone stamped now.
func (w *writer) remove(r *record, now time.Time) error {
	if err := w.removeIndex(r, suffixKey(r.a.Date, r.a.ID)); err != nil {
		return err
	}
	id := []byte(r.a.ID)
	if err := w.articles.Delete(id); err != nil {
		return fmt.Errorf("delete article %q: %w", r.a.ID, err)
	}
	if err := w.deleteBody(r); err != nil {
		return err
	}
	if err := w.tombs.Put(id, encodeTombstone(tombstone{pruned: now, lastSeen: now})); err != nil {
		return fmt.Errorf("tombstone %q: %w", r.a.ID, err)
	}
	w.total--
	w.changed = true
	return nil
}

// flush writes the counters and, when articles changed, the next generation, which it returns
// (0 when unchanged). The caller publishes it with tx.OnCommit.
func (w *writer) flush() (uint64, error) {
	if err := addCounts(w.srcCounts, w.srcDelta); err != nil {
		return 0, err
	}
	if err := addCounts(w.catCounts, w.catDelta); err != nil {
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

// addCounts applies deltas to a counter bucket; a counter that reaches zero is deleted so that
// Stats lists only sources that carry articles.
func addCounts(b *bolt.Bucket, deltas map[string]int64) error {
	for name, d := range deltas {
		if d == 0 {
			continue
		}
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
