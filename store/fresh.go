package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Index entries are staged in a small twin bucket and moved into their index in key order.
//
// Why: by_date and by_category are keyed by date, and a refresh of many sources inserts at dates all
// over their range (a first refresh, a source added with its history). Once such an index outgrows a
// commit, every entry put dirties a page of its own: bbolt reads it into a node, rewrites it whole
// at the commit and writes it out. At 4,000 sources × 50 entries that was 3.4 pages written per
// article in all (BenchmarkFirstRefresh), at 500 sources 2.0. Put into a twin instead, a commit's
// entries share the twin's few pages; once it holds foldAt entries, each commit moves the next of
// them into the index in key order, as many as it staged (a fold), which rewrites the index pages
// of that stretch of keys once for all the entries that land on them. Both happen inside the
// writer's transactions, so every reader sees an index and its twin of one snapshot, and a crash
// loses nothing.
//
// by_source is not staged: its keys start with the source, so a feed's entries land together
// already. An entry lives in exactly one of the two buckets (stage puts one into the twin only when
// neither holds it), so that counts over both are right; readers walk both (indexBuckets), Prune in
// one ascending order (ascending).

// defaultFoldAt is how many entries a twin holds before folds begin. The optimum trades the twin's
// pages, dirtied by every commit, against the index's pages, rewritten by every fold: at 10,000
// sources (a by_date of ~4,600 pages of 8 KiB, commits of ~1,000 entries) 16,384 entries are ~100–
// 200 pages of the twin.
const defaultFoldAt = 1 << 14

// minFoldShare: a fold moves as many entries as its commit staged, and at least foldAt/minFoldShare.
// Not more: the index pages a fold rewrites per entry moved are the same whatever its size (the
// twin's density over the index's key range sets them), but its size is the commit's, held on the
// heap until it ends. Folds of foldAt/8 (2,048 entries, ~575 of a 10,000-source by_date's pages,
// and by_category's too) every twentieth commit of 100 articles got the 10,000 × 50 refresh
// OOM-killed in a 128 MiB cgroup in two of three runs (~120 MB anonymous at the kills; Go heap in
// use up to 83.8 MiB, sampled thrice a second, against at most 72.1 since). The floor keeps a
// fold's stretch long against the one page at each end that two folds share.
const minFoldShare = 64

// freshOf returns the name of the bucket that stages the entries of index bucket name, or nil when
// that index is written directly.
func freshOf(name []byte) []byte {
	switch {
	case bytes.Equal(name, bucketByDate):
		return bucketByDateNew
	case bytes.Equal(name, bucketByCategory):
		return bucketByCategoryNew
	}
	return nil
}

// indexBuckets returns index bucket name of tx followed by its twin, when it has one and the file
// does (a file of schema 3 opened read-only does not).
func indexBuckets(tx *bolt.Tx, name []byte) []*bolt.Bucket {
	bs := []*bolt.Bucket{tx.Bucket(name)}
	if fresh := freshOf(name); fresh != nil {
		if b := tx.Bucket(fresh); b != nil {
			bs = append(bs, b)
		}
	}
	return bs
}

// existsIn reports whether one of bs holds key.
func existsIn(bs []*bolt.Bucket, key []byte) bool {
	for _, b := range bs {
		if exists(b, key) {
			return true
		}
	}
	return false
}

// stage writes an operation of apply into an index with a twin: a delete from whichever bucket holds
// the key, a put into the twin unless one of them holds it already (a new article's entry is not
// looked up: a random read of the index per entry was half of staging's cost). It returns how it
// changed the twin's count of entries.
func (x *indexOps) stage(op indexOp) (int64, error) {
	if op.del {
		if exists(x.fresh, op.key) {
			if err := x.fresh.Delete(op.key); err != nil {
				return 0, fmt.Errorf("delete %s entry %q: %w", x.freshName, op.key, err)
			}
			return -1, nil
		}
		if err := x.b.Delete(op.key); err != nil {
			return 0, fmt.Errorf("delete %s entry %q: %w", x.name, op.key, err)
		}
		return 0, nil
	}
	if !op.isNew {
		if exists(x.b, op.key) || exists(x.fresh, op.key) {
			return 0, nil
		}
	}
	if err := x.fresh.Put(op.key, nil); err != nil {
		return 0, fmt.Errorf("put %s entry %q: %w", x.freshName, op.key, err)
	}
	return 1, nil
}

// staged applies delta to the twin's count of entries (its bucket sequence) and, when it holds
// foldAt or more, moves as many of them into the index as the commit put (foldSome; at least
// foldAt/minFoldShare), so that the twin stays near foldAt entries whatever the commits.
func (x *indexOps) staged(delta int64, stop func() error) error {
	if delta == 0 {
		return nil
	}
	n := max(int64(x.fresh.Sequence())+delta, 0)
	if n >= int64(x.foldAt) {
		moved, err := x.foldSome(stop, int(max(delta, int64(x.foldAt/minFoldShare), 1)))
		if err != nil {
			return err
		}
		n -= int64(moved)
	}
	if err := x.fresh.SetSequence(uint64(max(n, 0))); err != nil {
		return fmt.Errorf("count %s: %w", x.freshName, err)
	}
	return nil
}

// foldSome moves up to limit entries of the twin into the index, in key order, from where the last
// fold stopped (kept in meta, so that the folds sweep the twin's key range round and round), and
// returns how many it moved. A fold moves the entries of one stretch of the range: it rewrites the
// index pages of that stretch only, so that no commit's size grows with the index (a fold of all
// 16,384 entries at once rewrote every page of a 10,000-source by_date, ~36 MiB, in one commit).
func (x *indexOps) foldSome(stop func() error, limit int) (int, error) {
	meta := x.tx.Bucket(bucketMeta)
	posKey := append([]byte("fold "), x.name...)
	c := x.fresh.Cursor()
	var k []byte
	if pos := meta.Get(posKey); pos != nil {
		if k, _ = c.Seek(pos); k != nil && bytes.Equal(k, pos) {
			k, _ = c.Next()
		}
	}
	if k == nil {
		k, _ = c.First()
	}
	// Collect first, move after: never delete under a moving cursor. The keys are copied: the
	// twin's pages are rewritten below while the index's nodes still refer to them.
	var keys [][]byte
	for ; k != nil && len(keys) < limit; k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for i, key := range keys {
		if i%flushEvery == 0 {
			if err := stop(); err != nil {
				return 0, err
			}
		}
		if err := x.b.Put(key, nil); err != nil {
			return 0, fmt.Errorf("fold %s entry %q: %w", x.freshName, key, err)
		}
		if err := x.fresh.Delete(key); err != nil {
			return 0, fmt.Errorf("fold %s entry %q: %w", x.freshName, key, err)
		}
	}
	var err error
	if k == nil || len(keys) == 0 {
		err = meta.Delete(posKey) // the end of the range: the next fold starts from the first
	} else {
		err = meta.Put(posKey, keys[len(keys)-1])
	}
	if err != nil {
		return 0, fmt.Errorf("fold %s: %w", x.freshName, err)
	}
	return len(keys), nil
}

// ascending walks the keys of an index and its twin in one ascending order.
type ascending struct {
	cs []*bolt.Cursor
	ks [][]byte
}

// newAscending positions a walk over bs at the first key after after (nil: the first key).
func newAscending(bs []*bolt.Bucket, after []byte) *ascending {
	a := &ascending{}
	for _, b := range bs {
		c := b.Cursor()
		a.cs = append(a.cs, c)
		a.ks = append(a.ks, seekAfter(c, nil, after))
	}
	return a
}

// key returns the walk's current key, nil at the end.
func (a *ascending) key() []byte {
	var min []byte
	for _, k := range a.ks {
		if k != nil && (min == nil || bytes.Compare(k, min) < 0) {
			min = k
		}
	}
	return min
}

// next advances past the current key and returns the next one.
func (a *ascending) next() []byte {
	cur := a.key()
	for i, k := range a.ks {
		if k != nil && bytes.Equal(k, cur) {
			a.ks[i], _ = a.cs[i].Next()
		}
	}
	return a.key()
}
