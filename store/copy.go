package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
	"tributary/aggregator/merge"
	"tributary/aggregator/transfer"
)

// copyBatch is how many keys one read transaction of CopyTo hands to the sink: the copy holds
// that many values in memory and no read transaction across the sink's I/O.
const copyBatch = 500

// CopyTo hands the whole database to sink (tributary migrate --from): articles with their bodies,
// per-source hashes and stories, tombstones, listings, fetch states, story prints, splits and the
// story log, then sink.Finish. Each batch is read in a read transaction of its own, closed before
// the sink sees it: a copy of a database a daemon writes meanwhile is not one snapshot (stop the
// daemon first), and the copy's memory is a batch's, not the database's. It returns what it
// copied.
func (s *Store) CopyTo(ctx context.Context, sink transfer.Sink) (transfer.Counts, error) {
	var n transfer.Counts
	fail := func(what string, err error) (transfer.Counts, error) {
		return n, fmt.Errorf("store: copy %s of %s: %w", what, s.path, err)
	}
	var recs []merge.Record
	err := s.walk(ctx, bucketArticles, func(tx *bolt.Tx, k, v []byte) error {
		r, err := decodeRecord(string(k), v)
		if err == nil {
			err = loadBody(tx.Bucket(bucketBodies), &r)
		}
		if err != nil {
			return fmt.Errorf("article %q: %w", k, err)
		}
		recs = append(recs, merge.Record{Article: r.a, Hashes: r.hashes, BodyLen: r.bodyLen, Shown: r.shown, TextChanged: true})
		return nil
	}, func() error {
		n.Articles += len(recs)
		err := sink.Articles(ctx, recs)
		recs = recs[:0]
		return err
	})
	if err != nil {
		return fail("articles", err)
	}
	var tombs []transfer.Tombstone
	err = s.walk(ctx, bucketTombstones, func(_ *bolt.Tx, k, v []byte) error {
		t, err := decodeTombstone(v)
		if err != nil {
			return fmt.Errorf("tombstone %q: %w", k, err)
		}
		tombs = append(tombs, transfer.Tombstone{ID: string(k), Pruned: t.pruned, LastSeen: t.lastSeen})
		return nil
	}, func() error {
		n.Tombstones += len(tombs)
		err := sink.Tombstones(ctx, tombs)
		tombs = tombs[:0]
		return err
	})
	if err != nil {
		return fail("tombstones", err)
	}
	listed := map[string][]string{}
	err = s.walk(ctx, bucketListed, func(_ *bolt.Tx, k, _ []byte) error {
		if i := bytes.IndexByte(k, 0); i > 0 {
			listed[string(k[:i])] = append(listed[string(k[:i])], string(k[i+1:]))
		}
		return nil
	}, func() error {
		for src, ids := range listed {
			n.Listed += len(ids)
			if err := sink.Listed(ctx, src, ids); err != nil {
				return err
			}
		}
		clear(listed)
		return nil
	})
	if err != nil {
		return fail("listings", err)
	}
	states := map[string]aggregator.FetchState{}
	err = s.walk(ctx, bucketStates, func(_ *bolt.Tx, k, v []byte) error {
		st, err := decodeState(v)
		if err != nil {
			return fmt.Errorf("state of %q: %w", k, err)
		}
		states[string(k)] = st
		return nil
	}, func() error {
		n.States += len(states)
		err := sink.States(ctx, states)
		clear(states)
		return err
	})
	if err != nil {
		return fail("states", err)
	}
	var prints []transfer.Print
	err = s.walk(ctx, bucketPrints, func(_ *bolt.Tx, k, v []byte) error {
		if len(k) <= dateLen {
			return nil
		}
		st, p, err := decodePrint(v)
		if err != nil {
			return nil // a damaged print: its article stays its own story, as at Open
		}
		b, err := p.AppendBinary(nil)
		if err != nil {
			return err
		}
		us := int64(binary.BigEndian.Uint64(k[:dateLen]) ^ 1<<63)
		prints = append(prints, transfer.Print{ID: string(k[dateLen:]), FirstSeen: time.UnixMicro(us), Story: st, Print: b})
		return nil
	}, func() error {
		n.Prints += len(prints)
		err := sink.Prints(ctx, prints)
		prints = prints[:0]
		return err
	})
	if err != nil {
		return fail("story prints", err)
	}
	var splits []transfer.Split
	err = s.walk(ctx, bucketApart, func(_ *bolt.Tx, k, v []byte) error {
		if i := bytes.IndexByte(k, 0); i > 0 {
			splits = append(splits, transfer.Split{ID: string(k[:i]), Story: string(k[i+1:]), At: time.Unix(0, int64(getUint64(v)))})
		}
		return nil
	}, func() error {
		n.Splits += len(splits)
		err := sink.Splits(ctx, splits)
		splits = splits[:0]
		return err
	})
	if err != nil {
		return fail("story splits", err)
	}
	var log []aggregator.StoryMerge // bounded: the last maxStoryLog events
	err = s.walk(ctx, bucketStoryLog, func(_ *bolt.Tx, k, v []byte) error {
		var e aggregator.StoryMerge
		if err := json.Unmarshal(v, &e); err != nil {
			return fmt.Errorf("%w: story log %d: %w", errCorrupt, getUint64(k), err)
		}
		log = append(log, e)
		return nil
	}, func() error { return nil })
	if err != nil {
		return fail("story log", err)
	}
	n.StoryLog = len(log)
	if err := sink.StoryLog(ctx, log); err != nil {
		return fail("story log", err)
	}
	if err := sink.Finish(ctx); err != nil {
		return fail("counters", err)
	}
	return n, nil
}

// walk calls each for every key of the bucket in key order, copyBatch keys per read transaction,
// and flush after each transaction ends, so that flush's I/O holds no transaction open. A bucket
// that an old file lacks is empty.
func (s *Store) walk(ctx context.Context, bucket []byte, each func(tx *bolt.Tx, k, v []byte) error, flush func() error) error {
	var after []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := 0
		err := s.db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucket)
			if b == nil {
				return nil
			}
			c := b.Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && n < copyBatch; k, v = c.Next() {
				if err := each(tx, k, v); err != nil {
					return err
				}
				after = bytes.Clone(k)
				n++
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n > 0 {
			if err := flush(); err != nil {
				return err
			}
		}
		if n < copyBatch {
			return nil
		}
	}
}
