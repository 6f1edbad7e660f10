package store

import (
	"bytes"
	"context"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
)

// Prune removes articles as p says and returns how many it removed. Every removed ID becomes a
// tombstone (see SaveFeed), and tombstones not seen for p.TombstoneTTL are dropped; a zero
// TombstoneTTL keeps them forever, since forgetting them would let a source that still lists a
// pruned article bring it back.
//
// p.Before removes every article dated before it, whoever carries it, except those that a source of
// p.KeepListedBy currently lists (its latest stored feed listed them): retention must not empty a
// source whose newest post is older than it. Once no such source lists an article, the next Prune
// removes it.
//
// p.MaxPerSource keeps each source's newest MaxPerSource articles (its window, by date then ID). An
// article carried by several sources is removed only when it is outside the window of every one of
// them: one source keeping a story keeps it for all. A source can therefore hold more than
// MaxPerSource articles when others keep its older ones; its window does not slide further because
// of them, so pruning twice removes nothing more.
//
// The work is done in write transactions of a few hundred articles each, with ctx checked in
// between, so that a large prune never holds the writer for long; what earlier transactions
// removed stays removed when a later one fails, and the count returned includes it.
func (s *Store) Prune(ctx context.Context, p aggregator.PrunePolicy) (int, error) {
	removed := 0
	if !p.Before.IsZero() {
		n, err := s.pruneBefore(ctx, p)
		removed += n
		if err != nil {
			return removed, fmt.Errorf("store: prune before %s: %w", p.Before.Format("2006-01-02T15:04:05Z07:00"), err)
		}
	}
	if p.MaxPerSource > 0 {
		n, err := s.prunePerSource(ctx, p.MaxPerSource)
		removed += n
		if err != nil {
			return removed, fmt.Errorf("store: prune to %d per source: %w", p.MaxPerSource, err)
		}
	}
	if p.TombstoneTTL > 0 {
		if err := s.expireTombstones(ctx, p); err != nil {
			return removed, fmt.Errorf("store: expire tombstones: %w", err)
		}
	}
	return removed, nil
}

// pruneBefore walks by_date from the oldest entry and removes articles dated before p.Before.
func (s *Store) pruneBefore(ctx context.Context, p aggregator.PrunePolicy) (int, error) {
	limit := dateKey(p.Before)
	keep := make(map[string]bool, len(p.KeepListedBy))
	for _, src := range p.KeepListedBy {
		keep[src] = true
	}
	var after []byte // resume above this by_date key
	removed := 0
	for done := false; !done; {
		if err := ctx.Err(); err != nil {
			return removed, err
		}
		n := 0
		var next []byte
		var w *writer
		err := s.db.Update(func(tx *bolt.Tx) error {
			w = s.newWriter(tx)
			// Collect first, delete after: never delete under a moving cursor. by_date and the
			// entries staged beside it, in one order.
			var keys [][]byte
			it := newAscending(indexBuckets(tx, bucketByDate), after)
			for k := it.key(); k != nil && len(keys) < s.pruneBatch; k = it.next() {
				if len(k) <= dateLen || bytes.Compare(k[:dateLen], limit) > 0 {
					break
				}
				keys = append(keys, bytes.Clone(k))
			}
			done = len(keys) < s.pruneBatch
			now := s.now()
			for i, key := range keys {
				if w.pendingIndex() >= s.pruneIndexOps {
					keys, done = keys[:i], false // articles of many categories: the rest next time
					break
				}
				r, ok, err := w.get(string(key[dateLen:]))
				if err != nil {
					return err
				}
				// Not stored (a dangling entry), in Before's microsecond but not before it, or
				// still listed: keep.
				if !ok || !r.a.Date.Before(p.Before) || w.isListed(&r, keep) {
					continue
				}
				if err := w.remove(&r, now); err != nil {
					return err
				}
				n++
			}
			if len(keys) > 0 {
				next = keys[len(keys)-1]
			}
			gen, err := w.flush(ctx.Err)
			s.publish(tx, gen)
			return err
		})
		if err != nil {
			return removed, err
		}
		s.dropRemoved(w)
		removed += n
		if next != nil {
			after = next
		}
	}
	return removed, nil
}

// prunePerSource applies MaxPerSource to every source that holds more articles than that.
func (s *Store) prunePerSource(ctx context.Context, keep int) (int, error) {
	var over []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSourceCounts).ForEach(func(k, v []byte) error {
			if getUint64(v) > uint64(keep) {
				over = append(over, string(k))
			}
			return nil
		})
	})
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, src := range over {
		n, err := s.pruneSource(ctx, src, keep)
		removed += n
		if err != nil {
			return removed, fmt.Errorf("source %q: %w", src, err)
		}
	}
	return removed, nil
}

// pruneSource walks src's entries older than its window, oldest first, and removes those that are
// outside the windows of all their other sources too.
func (s *Store) pruneSource(ctx context.Context, src string, keep int) (int, error) {
	prefix := namePrefix(src)
	var after []byte // resume above this suffix
	removed := 0
	for done := false; !done; {
		if err := ctx.Err(); err != nil {
			return removed, err
		}
		n := 0
		var next []byte
		var w *writer
		err := s.db.Update(func(tx *bolt.Tx) error {
			w = s.newWriter(tx)
			windows := map[string][]byte{src: windowStart(w.bySource.b, src, keep)}
			start := windows[src]
			if start == nil {
				done = true
				return nil
			}
			var suffixes [][]byte
			c := w.bySource.b.Cursor()
			k := seekAfter(c, prefix, after)
			for ; k != nil && len(suffixes) < s.pruneBatch; k, _ = c.Next() {
				if !bytes.HasPrefix(k, prefix) {
					break
				}
				suffix := k[len(prefix):]
				if bytes.Compare(suffix, start) >= 0 {
					break
				}
				suffixes = append(suffixes, bytes.Clone(suffix))
			}
			done = len(suffixes) < s.pruneBatch
			if len(suffixes) > 0 {
				next = suffixes[len(suffixes)-1]
			}
			// Decide every candidate before deleting any.
			var victims []record
			for _, suffix := range suffixes {
				r, ok, err := w.get(string(suffix[dateLen:]))
				if err != nil {
					return err
				}
				if !ok || !bytes.Equal(suffixKey(r.a.Date, r.a.ID), suffix) {
					continue // dangling or stale entry; Check reports it
				}
				kept := false
				for _, other := range r.a.Sources {
					ws, seen := windows[other]
					if !seen {
						ws = windowStart(w.bySource.b, other, keep)
						windows[other] = ws
					}
					if ws == nil || bytes.Compare(suffix, ws) >= 0 {
						kept = true
						break
					}
				}
				if !kept {
					victims = append(victims, r)
				}
			}
			now := s.now()
			for i := range victims {
				if w.pendingIndex() >= s.pruneIndexOps {
					// Articles of many categories: resume after the last one removed.
					next, done = suffixKey(victims[i-1].a.Date, victims[i-1].a.ID), false
					break
				}
				if err := w.remove(&victims[i], now); err != nil {
					return err
				}
				n++
			}
			gen, err := w.flush(ctx.Err)
			s.publish(tx, gen)
			return err
		})
		if err != nil {
			return removed, err
		}
		s.dropRemoved(w)
		removed += n
		if next != nil {
			after = next
		}
	}
	return removed, nil
}

// windowStart returns the suffix of src's keep-th newest entry, the oldest one its window keeps, or
// nil when src holds no more than keep. The result is a copy.
func windowStart(bySource *bolt.Bucket, src string, keep int) []byte {
	prefix := namePrefix(src)
	c := bySource.Cursor()
	var k []byte
	if k, _ = c.Seek(prefixEnd(prefix)); k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	for i := 1; i < keep && k != nil && bytes.HasPrefix(k, prefix); i++ {
		k, _ = c.Prev()
	}
	if k == nil || !bytes.HasPrefix(k, prefix) {
		return nil
	}
	// One more entry below means the source holds more than keep.
	if below, _ := c.Prev(); below == nil || !bytes.HasPrefix(below, prefix) {
		return nil
	}
	return bytes.Clone(k[len(prefix):])
}

// seekAfter positions c on the first key under prefix that is greater than prefix+after (or on the
// first key under prefix when after is nil) and returns it.
func seekAfter(c *bolt.Cursor, prefix, after []byte) []byte {
	if after == nil {
		if len(prefix) == 0 {
			k, _ := c.First()
			return k
		}
		k, _ := c.Seek(prefix)
		return k
	}
	target := append(bytes.Clone(prefix), after...)
	k, _ := c.Seek(target)
	if k != nil && bytes.Equal(k, target) {
		k, _ = c.Next()
	}
	return k
}

// expireTombstones drops the tombstones whose last sighting is older than p.TombstoneTTL, except
// those of IDs that a source of p.KeepListedBy currently lists: every prune sights them, so the
// TTL counts from the last prune that saw them listed. A source that answers 304 for longer than the TTL stores no feed, so nothing else sights what it
// lists, and the first full parse after a restart or a reload would otherwise bring it back.
func (s *Store) expireTombstones(ctx context.Context, p aggregator.PrunePolicy) error {
	listed, err := s.listedTombstones(ctx, p.KeepListedBy)
	if err != nil {
		return err
	}
	now := s.now()
	cutoff := now.Add(-p.TombstoneTTL)
	var after []byte
	for done := false; !done; {
		if err := ctx.Err(); err != nil {
			return err
		}
		var next []byte
		err := s.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketTombstones)
			var expired, sighted [][]byte
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			examined := 0
			for ; k != nil && examined < 8*s.pruneBatch; k, v = c.Next() {
				examined++
				next = k
				t, err := decodeTombstone(v)
				switch {
				case listed[string(k)]:
					sighted = append(sighted, bytes.Clone(k))
				case err != nil || t.lastSeen.Before(cutoff):
					expired = append(expired, bytes.Clone(k))
				}
			}
			done = k == nil
			next = bytes.Clone(next)
			// Written after the walk: never under a moving cursor.
			for _, id := range expired {
				if err := b.Delete(id); err != nil {
					return fmt.Errorf("delete tombstone %q: %w", id, err)
				}
			}
			for _, id := range sighted {
				if err := sightTombstone(b, id, now); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		if next != nil {
			after = next
		}
	}
	return nil
}

// defaultListedPerView is how many sources' listings listedTombstones reads in one read
// transaction: a long one holds off a writer that must grow the file's mapping.
const defaultListedPerView = 512

// listedTombstones returns the tombstoned IDs that one of the named sources currently lists (its
// latest stored feed does): the tombstones a prune must sight. It holds only those, not every
// listed ID: with 10,000 sources of 50 entries the listings are half a million IDs, and collecting
// them all into a set, as this did until 2026-12-06, put them all on the heap at every prune (once
// a minute while refreshes change articles): in the 10,000-source benchmark, 17.8 MB more live
// heap in a heap profile taken during one than in one taken 16 s before, at ~280,000 listed IDs.
// With no tombstone at all (no article was ever pruned) it reads nothing else.
func (s *Store) listedTombstones(ctx context.Context, sources []string) (map[string]bool, error) {
	ids := map[string]bool{}
	for len(sources) > 0 {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		chunk := sources[:min(len(sources), max(s.listedPerView, 1))]
		sources = sources[len(chunk):]
		none := false
		err := s.db.View(func(tx *bolt.Tx) error {
			// One cursor on each: bbolt's Get makes a cursor per call.
			tombs := tx.Bucket(bucketTombstones).Cursor()
			if k, _ := tombs.First(); k == nil {
				none = true
				return nil
			}
			c := tx.Bucket(bucketListed).Cursor()
			for _, src := range chunk {
				prefix := namePrefix(src)
				for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
					id := k[len(prefix):]
					if t, _ := tombs.Seek(id); bytes.Equal(t, id) {
						ids[string(id)] = true
					}
				}
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read listings: %w", err)
		}
		if none {
			break
		}
	}
	return ids, nil
}
