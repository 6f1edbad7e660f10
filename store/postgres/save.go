package postgres

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"tributary/aggregator"
	"tributary/aggregator/merge"
	"tributary/aggregator/story"
)

// SaveFeed stores the articles of one fetched feed of source and its fetch state in one
// transaction: all of it or nothing, with the bbolt store's rules (aggregator/merge; store/save.go
// describes each outcome).
func (s *Store) SaveFeed(ctx context.Context, source string, articles []aggregator.Article, state aggregator.FetchState) (aggregator.SaveResult, error) {
	return s.SaveListed(ctx, source, articles, nil, state)
}

// SaveListed is SaveFeed for a feed whose entries listed unchanged since they were stored were left
// out: unchanged holds their IDs. In the same transaction the articles' IDs and unchanged become
// what source currently lists, and the tombstones among unchanged get their last sighting
// refreshed.
func (s *Store) SaveListed(ctx context.Context, source string, articles []aggregator.Article, unchanged []string, state aggregator.FetchState) (aggregator.SaveResult, error) {
	fail := func(err error) (aggregator.SaveResult, error) {
		return aggregator.SaveResult{}, fmt.Errorf("postgres: save feed %q: %w", source, err)
	}
	if err := merge.CheckFeed(source, articles, unchanged); err != nil {
		return fail(err)
	}
	stateValue, err := jsonString(state)
	if err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	// Entries in ID order: rows are locked in that order by every writer, so two feeds sharing
	// stories never wait on each other in a cycle. Of entries sharing an ID the first listed wins.
	order := make([]int, len(articles))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return cmp.Or(cmp.Compare(articles[i].ID, articles[j].ID), cmp.Compare(i, j)) })
	var prints []*story.Print
	if s.dedup != nil && len(articles) > 0 {
		if prints, err = s.fingerprints(ctx, source, articles); err != nil {
			return fail(err)
		}
	}
	var res aggregator.SaveResult
	var last *writer
	err = s.inTx(ctx, func(tx pgx.Tx, w *writer) error {
		res, last = aggregator.SaveResult{}, w
		return w.saveFeed(ctx, tx, source, articles, order, prints, unchanged, stateValue, &res)
	})
	if err != nil {
		return fail(err)
	}
	res.Grouped = last.grouped // rejoin may have grouped more after saveFeed
	return res, nil
}

// saveFeed does SaveListed's work inside tx.
func (w *writer) saveFeed(ctx context.Context, tx pgx.Tx, source string, articles []aggregator.Article, order []int,
	prints []*story.Print, unchanged []string, stateValue string, res *aggregator.SaveResult) error {
	now := w.s.now()
	w.looks = 0
	if w.s.dedup != nil {
		w.s.dedup.expire(now)
	}
	ids := make([]string, 0, len(articles))
	for n, i := range order {
		if n == 0 || articles[order[n-1]].ID != articles[i].ID {
			ids = append(ids, articles[i].ID)
		}
	}
	stored, tombs, err := lockArticles(ctx, tx, ids)
	if err != nil {
		return err
	}
	batch := &w.batch
	// of reads a stored article for the story index's second look at a long copy (story.Texts);
	// articles queued in this transaction's batch are not sent yet, and are not found.
	of := func(id string) (string, string, bool) { return readText(ctx, tx, id) }
	ranks := w.s.ranks.Get()
	var sighted []string
	listed := make([]string, 0, len(ids)+len(unchanged))
	seen := make(map[string]struct{}, len(ids)+len(unchanged))
	for n, i := range order {
		a := &articles[i]
		if n > 0 && articles[order[n-1]].ID == a.ID {
			res.Unchanged++
			continue
		}
		seen[a.ID] = struct{}{}
		listed = append(listed, a.ID)
		if r, ok := stored[a.ID]; ok {
			shown := r.Shown
			o, write, visible := merge.Apply(r, source, a, now, ranks)
			if r.Shown != shown && w.s.dedup != nil {
				if err := w.reprint(batch, r, now); err != nil {
					return err
				}
			}
			o.Count(res)
			if o == merge.Merged {
				w.srcDelta[source]++
			}
			if write {
				queueUpdate(batch, r)
			}
			w.changed = w.changed || visible
			continue
		}
		if tombs[a.ID] {
			res.Suppressed++
			sighted = append(sighted, a.ID)
			continue
		}
		r := merge.NewRecord(source, a, now)
		if prints != nil && prints[i] != nil {
			if err := w.group(batch, &r, prints[i], now, of); err != nil {
				return err
			}
		}
		queueInsert(batch, &r)
		stored[a.ID] = &r
		w.total++
		for _, src := range r.Article.Sources {
			w.srcDelta[src]++
		}
		w.changed = true
		res.New++
	}
	for _, id := range unchanged {
		if _, dup := seen[id]; !dup {
			seen[id] = struct{}{}
			listed = append(listed, id)
			sighted = append(sighted, id)
		}
	}
	if len(sighted) > 0 {
		slices.Sort(sighted)
		batch.Queue(`UPDATE tombstones SET last_seen = $2 WHERE id = ANY($1)`, sighted, now.UnixNano())
	}
	batch.Queue(`DELETE FROM listed WHERE source = $1 AND NOT (id = ANY($2))`, source, listed)
	batch.Queue(`INSERT INTO listed (source, id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, source, listed)
	batch.Queue(upsertStates, []string{source}, []string{stateValue})
	return nil // sent by flush, with the counters
}

// lockArticles reads and locks (FOR UPDATE, in ID order) the stored records among ids, and tells
// which of the others are tombstones.
func lockArticles(ctx context.Context, tx pgx.Tx, ids []string) (map[string]*merge.Record, map[string]bool, error) {
	stored := make(map[string]*merge.Record, len(ids))
	tombs := make(map[string]bool)
	if len(ids) == 0 {
		return stored, tombs, nil
	}
	rows, err := tx.Query(ctx, `SELECT `+recordColumns+` FROM articles WHERE id = ANY($1) ORDER BY id FOR UPDATE`, ids)
	if err != nil {
		return nil, nil, fmt.Errorf("read articles: %w", err)
	}
	recs, err := scanRecords(rows, false)
	if err != nil {
		return nil, nil, fmt.Errorf("read articles: %w", err)
	}
	for i := range recs {
		stored[recs[i].Article.ID] = &recs[i]
	}
	if len(recs) == len(ids) {
		return stored, tombs, nil
	}
	rows, err = tx.Query(ctx, `SELECT id FROM tombstones WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, nil, fmt.Errorf("read tombstones: %w", err)
	}
	var id string
	_, err = pgx.ForEachRow(rows, []any{&id}, func() error { tombs[id] = true; return nil })
	if err != nil {
		return nil, nil, fmt.Errorf("read tombstones: %w", err)
	}
	return stored, tombs, nil
}

// The statements that write one record: all columns; the body only when it changed (TOAST keeps
// a large body out of the row, and an update that leaves it alone does not rewrite it).
const (
	insertRecord = `INSERT INTO articles (id, date_us, date_ns, date, updated, first_seen, key, title, head_img, thumbnail,
author, link, guid, comments, categories, cat_index, sources, hashes, body_len, shown, story, body)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`
	updateRecord = `UPDATE articles SET date_us = $2, date_ns = $3, date = $4, updated = $5, first_seen = $6, key = $7,
title = $8, head_img = $9, thumbnail = $10, author = $11, link = $12, guid = $13, comments = $14, categories = $15,
cat_index = $16, sources = $17, hashes = $18, body_len = $19, shown = $20, story = $21 WHERE id = $1`
	updateRecordBody = `UPDATE articles SET date_us = $2, date_ns = $3, date = $4, updated = $5, first_seen = $6, key = $7,
title = $8, head_img = $9, thumbnail = $10, author = $11, link = $12, guid = $13, comments = $14, categories = $15,
cat_index = $16, sources = $17, hashes = $18, body_len = $19, shown = $20, story = $21, body = $22 WHERE id = $1`
)

// recordArgs returns the arguments of insertRecord and updateRecord (without the body).
func recordArgs(r *merge.Record) []any {
	a := &r.Article
	us, ns := dateOrder(a.Date)
	hashes := make([]int64, len(r.Hashes))
	for i, h := range r.Hashes {
		hashes[i] = int64(h)
	}
	cats := a.Categories
	if cats == nil {
		cats = []string{}
	}
	index := make([]string, 0, len(cats))
	for _, c := range cats {
		if merge.Indexed(c) {
			index = append(index, c)
		}
	}
	return []any{a.ID, us, ns, encodeTime(a.Date), encodeTime(a.Updated), encodeTime(a.FirstSeen), []byte(a.Key), a.Title,
		a.HeadImg, a.Thumbnail, a.Author, a.Link, a.GUID, a.Comments, cats, index, a.Sources, hashes,
		int32(r.BodyLen), int64(r.Shown), a.Story}
}

func queueInsert(b *pgx.Batch, r *merge.Record) {
	b.Queue(insertRecord, append(recordArgs(r), r.Article.Body)...)
}

func queueUpdate(b *pgx.Batch, r *merge.Record) {
	if r.TextChanged {
		b.Queue(updateRecordBody, append(recordArgs(r), r.Article.Body)...)
		return
	}
	b.Queue(updateRecord, recordArgs(r)...)
}
