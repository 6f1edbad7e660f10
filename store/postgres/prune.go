package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"tributary/aggregator"
	"tributary/aggregator/merge"
)

// pruneBatch is how many articles one transaction of Prune examines, so that a large prune never
// holds many row locks for long.
const pruneBatch = 500

// Prune removes articles as p says and returns how many, with the bbolt store's rules (store/prune.go):
// Before removes what is dated before it unless a source of KeepListedBy currently lists it;
// MaxPerSource keeps each source's newest articles and removes an article only when it is outside
// the window of every source carrying it; every removed ID becomes a tombstone, and tombstones not
// sighted for TombstoneTTL go, except those of IDs a source of KeepListedBy lists (sighted by every
// prune). The work is done in transactions of a few hundred articles each; what earlier ones
// removed stays removed when a later one fails, and the count includes it.
func (s *Store) Prune(ctx context.Context, p aggregator.PrunePolicy) (int, error) {
	removed := 0
	if !p.Before.IsZero() {
		n, err := s.pruneBefore(ctx, p)
		removed += n
		if err != nil {
			return removed, fmt.Errorf("postgres: prune before %s: %w", p.Before.Format(time.RFC3339), err)
		}
	}
	if p.MaxPerSource > 0 {
		n, err := s.prunePerSource(ctx, p.MaxPerSource)
		removed += n
		if err != nil {
			return removed, fmt.Errorf("postgres: prune to %d per source: %w", p.MaxPerSource, err)
		}
	}
	if p.TombstoneTTL > 0 {
		if err := s.expireTombstones(ctx, p); err != nil {
			return removed, fmt.Errorf("postgres: expire tombstones: %w", err)
		}
	}
	return removed, s.expirePrintGens(ctx)
}

// pruneBefore walks the articles dated before p.Before, oldest first, and removes those that no
// source of p.KeepListedBy lists.
func (s *Store) pruneBefore(ctx context.Context, p aggregator.PrunePolicy) (int, error) {
	bu, bn := dateOrder(p.Before)
	keep := p.KeepListedBy
	if keep == nil {
		keep = []string{}
	}
	var after *cursor
	removed := 0
	for done := false; !done; {
		n := 0
		var next *cursor
		err := s.inTx(ctx, func(tx pgx.Tx, w *writer) error {
			n, next = 0, nil
			sql := `SELECT ` + recordColumns + `, date_us FROM articles WHERE (date_us, date_ns) < ($1::bigint, $2::integer)`
			args := []any{bu, bn}
			if after != nil {
				sql += ` AND (date_us, id) > ($3::bigint, $4::text)`
				args = append(args, after.us, after.id)
			}
			rows, err := tx.Query(ctx, sql+` ORDER BY date_us, id LIMIT `+fmt.Sprint(pruneBatch)+` FOR UPDATE`, args...)
			if err != nil {
				return err
			}
			recs, order, err := scanRecordsOrder(rows)
			if err != nil {
				return err
			}
			done = len(recs) < pruneBatch
			if len(recs) > 0 {
				next = &order[len(order)-1]
			}
			ids := make([]string, len(recs))
			for i := range recs {
				ids[i] = recs[i].Article.ID
			}
			listed := make(map[string]bool)
			if len(keep) > 0 && len(ids) > 0 {
				rows, err := tx.Query(ctx, `SELECT DISTINCT id FROM listed WHERE id = ANY($1) AND source = ANY($2)`, ids, keep)
				if err != nil {
					return err
				}
				var id string
				if _, err := pgx.ForEachRow(rows, []any{&id}, func() error { listed[id] = true; return nil }); err != nil {
					return err
				}
			}
			var victims []*merge.Record
			for i := range recs {
				if !listed[recs[i].Article.ID] {
					victims = append(victims, &recs[i])
				}
			}
			n = len(victims)
			return w.remove(victims)
		})
		if err != nil {
			return removed, err
		}
		removed += n
		if next != nil {
			after = next
		}
	}
	return removed, nil
}

// scanRecordsOrder reads rows of recordColumns followed by date_us.
func scanRecordsOrder(rows pgx.Rows) ([]merge.Record, []cursor, error) {
	defer rows.Close()
	var recs []merge.Record
	var order []cursor
	for rows.Next() {
		var us int64
		r, err := scanRecord(rows, &us)
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, r)
		order = append(order, cursor{us: us, id: r.Article.ID})
	}
	return recs, order, rows.Err()
}

// prunePerSource applies MaxPerSource to every source that holds more articles than that.
func (s *Store) prunePerSource(ctx context.Context, keep int) (int, error) {
	rows, err := s.pool.Query(ctx, `SELECT source FROM source_counts WHERE n > $1 ORDER BY source`, keep)
	if err != nil {
		return 0, err
	}
	over, err := pgx.CollectRows(rows, pgx.RowTo[string])
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

// pruneSource walks src's articles older than its window, oldest first, and removes those that are
// outside the windows of all their other sources too.
func (s *Store) pruneSource(ctx context.Context, src string, keep int) (int, error) {
	var after *cursor
	removed := 0
	for done := false; !done; {
		n := 0
		var next *cursor
		err := s.inTx(ctx, func(tx pgx.Tx, w *writer) error {
			n, next = 0, nil
			windows := make(map[string]*cursor)
			start, err := windowStart(ctx, tx, src, keep)
			if err != nil || start == nil {
				done = true
				return err
			}
			windows[src] = start
			sql := `SELECT ` + recordColumns + `, date_us FROM articles WHERE sources @> ARRAY[$1::text] AND (date_us, id) < ($2::bigint, $3::text)`
			args := []any{src, start.us, start.id}
			if after != nil {
				sql += ` AND (date_us, id) > ($4::bigint, $5::text)`
				args = append(args, after.us, after.id)
			}
			rows, err := tx.Query(ctx, sql+` ORDER BY date_us, id LIMIT `+fmt.Sprint(pruneBatch)+` FOR UPDATE`, args...)
			if err != nil {
				return err
			}
			recs, order, err := scanRecordsOrder(rows)
			if err != nil {
				return err
			}
			done = len(recs) < pruneBatch
			if len(recs) > 0 {
				next = &order[len(order)-1]
			}
			var victims []*merge.Record
			for i := range recs {
				kept := false
				for _, other := range recs[i].Article.Sources {
					ws, seen := windows[other]
					if !seen {
						if ws, err = windowStart(ctx, tx, other, keep); err != nil {
							return err
						}
						windows[other] = ws
					}
					if ws == nil || !less(order[i], *ws) {
						kept = true
						break
					}
				}
				if !kept {
					victims = append(victims, &recs[i])
				}
			}
			n = len(victims)
			return w.remove(victims)
		})
		if err != nil {
			return removed, err
		}
		removed += n
		if next != nil {
			after = next
		}
	}
	return removed, nil
}

// less orders positions as the date order does: by microseconds, then by ID bytewise.
func less(a, b cursor) bool { return a.us < b.us || a.us == b.us && a.id < b.id }

// windowStart returns the position of src's keep-th newest article, the oldest one its window
// keeps, or nil when src holds no more than keep.
func windowStart(ctx context.Context, tx pgx.Tx, src string, keep int) (*cursor, error) {
	rows, err := tx.Query(ctx, `SELECT date_us, id FROM articles WHERE sources @> ARRAY[$1::text]
ORDER BY date_us DESC, id DESC OFFSET $2 LIMIT 2`, src, keep-1)
	if err != nil {
		return nil, err
	}
	var cs []cursor
	var c cursor
	if _, err := pgx.ForEachRow(rows, []any{&c.us, &c.id}, func() error { cs = append(cs, c); return nil }); err != nil {
		return nil, err
	}
	if len(cs) < 2 {
		return nil, nil
	}
	return &cs[0], nil
}

// remove queues the deletion of the records with what story grouping keeps of them, tombstones
// stamped now, and counts them off; flush sends it.
func (w *writer) remove(recs []*merge.Record) error {
	if len(recs) == 0 {
		return nil
	}
	now := w.s.now().UnixNano()
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.Article.ID
		for _, src := range r.Article.Sources {
			w.srcDelta[src]--
		}
	}
	b := &w.batch
	b.Queue(`DELETE FROM articles WHERE id = ANY($1)`, ids)
	b.Queue(`DELETE FROM story_prints WHERE id = ANY($1)`, ids)
	b.Queue(`DELETE FROM story_apart WHERE id = ANY($1)`, ids)
	b.Queue(`INSERT INTO tombstones (id, pruned_at, last_seen) SELECT unnest($1::text[]), $2, $2
ON CONFLICT (id) DO UPDATE SET pruned_at = excluded.pruned_at, last_seen = excluded.last_seen`, ids, now)
	w.total -= int64(len(recs))
	w.changed = true
	if w.s.dedup != nil {
		w.removed = append(w.removed, ids...)
		// Recorded under the generation like a print written: the other nodes' indexes drop them
		// (catchUpPrints reads an ID without a print as removed). Without grouping no node keeps
		// an index (the nodes share one configuration): nothing to record.
		w.printed = append(w.printed, ids...)
	}
	return nil
}

// expireTombstones sights the tombstones of IDs that a source of p.KeepListedBy lists and drops
// the others not sighted for p.TombstoneTTL, in one transaction.
func (s *Store) expireTombstones(ctx context.Context, p aggregator.PrunePolicy) error {
	now := s.now()
	keep := p.KeepListedBy
	if keep == nil {
		keep = []string{}
	}
	return s.inTx(ctx, func(tx pgx.Tx, _ *writer) error {
		var b pgx.Batch
		b.Queue(`UPDATE tombstones SET last_seen = $2 WHERE id IN (SELECT id FROM listed WHERE source = ANY($1))`, keep, now.UnixNano())
		b.Queue(`DELETE FROM tombstones WHERE last_seen < $2 AND id NOT IN (SELECT id FROM listed WHERE source = ANY($1))`,
			keep, now.Add(-p.TombstoneTTL).UnixNano())
		return tx.SendBatch(ctx, &b).Close()
	})
}
