package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"tributary/aggregator"
	"tributary/aggregator/merge"
	"tributary/aggregator/transfer"
)

// Sink returns the receiver of a copied database (tributary migrate --from): every batch is one
// transaction of upserts, so copying the same database again leaves the same rows, and Finish
// recounts the counters from the rows (one scan, at the end of a migration) and bumps the
// generation. It writes beside a running node without harm (the node loads the copied story
// prints at its next generation poll), but a node that already stored the same article has its
// copy replaced by the file's.
func (s *Store) Sink() transfer.Sink { return sink{s} }

type sink struct{ s *Store }

// upsertRecord is insertRecord that replaces a row of the same ID.
const upsertRecord = insertRecord + ` ON CONFLICT (id) DO UPDATE SET date_us = excluded.date_us, date_ns = excluded.date_ns,
date = excluded.date, updated = excluded.updated, first_seen = excluded.first_seen, key = excluded.key,
title = excluded.title, head_img = excluded.head_img, thumbnail = excluded.thumbnail, author = excluded.author,
link = excluded.link, guid = excluded.guid, comments = excluded.comments, categories = excluded.categories,
cat_index = excluded.cat_index, sources = excluded.sources, hashes = excluded.hashes, body_len = excluded.body_len,
shown = excluded.shown, story = excluded.story, body = excluded.body`

// batch runs the statements that fill b in one transaction.
func (k sink) batch(ctx context.Context, fill func(b *pgx.Batch)) error {
	return k.s.inTx(ctx, func(tx pgx.Tx, _ *writer) error {
		var b pgx.Batch
		fill(&b)
		return tx.SendBatch(ctx, &b).Close()
	})
}

func (k sink) Articles(ctx context.Context, recs []merge.Record) error {
	for i := range recs {
		if err := merge.CheckID(recs[i].Article.ID); err != nil {
			return err
		}
		if len(recs[i].Hashes) != len(recs[i].Article.Sources) {
			return fmt.Errorf("article %q: %d hashes for %d sources", recs[i].Article.ID, len(recs[i].Hashes), len(recs[i].Article.Sources))
		}
	}
	return k.batch(ctx, func(b *pgx.Batch) {
		for i := range recs {
			b.Queue(upsertRecord, append(recordArgs(&recs[i]), recs[i].Article.Body)...)
		}
	})
}

func (k sink) Tombstones(ctx context.Context, ts []transfer.Tombstone) error {
	return k.batch(ctx, func(b *pgx.Batch) {
		for _, t := range ts {
			b.Queue(`INSERT INTO tombstones (id, pruned_at, last_seen) VALUES ($1, $2, $3)
ON CONFLICT (id) DO UPDATE SET pruned_at = excluded.pruned_at, last_seen = excluded.last_seen`, t.ID, t.Pruned.UnixNano(), t.LastSeen.UnixNano())
		}
	})
}

func (k sink) Listed(ctx context.Context, source string, ids []string) error {
	return k.batch(ctx, func(b *pgx.Batch) {
		b.Queue(`INSERT INTO listed (source, id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, source, ids)
	})
}

func (k sink) States(ctx context.Context, states map[string]aggregator.FetchState) error {
	return k.s.SaveStates(ctx, states)
}

// Prints records the IDs under the generation, as a saving transaction does (queuePrints): the
// running nodes load the copied prints at their next generation poll, not only at their next start.
func (k sink) Prints(ctx context.Context, ps []transfer.Print) error {
	return k.s.inTx(ctx, func(tx pgx.Tx, w *writer) error {
		var b pgx.Batch
		for _, p := range ps {
			us, _ := dateOrder(p.FirstSeen)
			b.Queue(`INSERT INTO story_prints (id, seen_us, story, print) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET seen_us = excluded.seen_us, story = excluded.story, print = excluded.print`, p.ID, us, p.Story, p.Print)
			w.printed = append(w.printed, p.ID)
		}
		w.changed = len(ps) > 0
		return tx.SendBatch(ctx, &b).Close()
	})
}

func (k sink) Splits(ctx context.Context, ss []transfer.Split) error {
	return k.batch(ctx, func(b *pgx.Batch) {
		for _, sp := range ss {
			b.Queue(`INSERT INTO story_apart (id, story, split_at) VALUES ($1, $2, $3)
ON CONFLICT (id, story) DO UPDATE SET split_at = excluded.split_at`, sp.ID, sp.Story, sp.At.UnixNano())
		}
	})
}

// StoryLog replaces the log with log (oldest first), so that a second copy does not repeat it.
func (k sink) StoryLog(ctx context.Context, log []aggregator.StoryMerge) error {
	if len(log) > merge.MaxStoryLog {
		log = log[len(log)-merge.MaxStoryLog:]
	}
	entries := make([]string, len(log))
	for i, e := range log {
		v, err := json.Marshal(e)
		if err != nil {
			return err
		}
		entries[i] = string(v)
	}
	return k.batch(ctx, func(b *pgx.Batch) {
		b.Queue(`DELETE FROM story_log`)
		b.Queue(`INSERT INTO story_log (seq, entry) SELECT n, e FROM unnest($1::text[]) WITH ORDINALITY AS t(e, n)`, entries)
		b.Queue(`UPDATE meta SET value = $1 WHERE name = 'story_log'`, int64(len(entries)))
	})
}

// Finish recounts the articles and each source's from the rows, drops any tombstone of an ID that
// is now an article, and bumps the generation.
func (k sink) Finish(ctx context.Context) error {
	return k.s.inTx(ctx, func(tx pgx.Tx, w *writer) error {
		var b pgx.Batch
		b.Queue(`DELETE FROM tombstones t USING articles a WHERE a.id = t.id`)
		b.Queue(`UPDATE meta SET value = (SELECT count(*) FROM articles) WHERE name = 'articles'`)
		b.Queue(`DELETE FROM source_counts`)
		b.Queue(`INSERT INTO source_counts (source, n) SELECT s, count(*) FROM articles, unnest(sources) AS s GROUP BY s`)
		w.changed = true
		return tx.SendBatch(ctx, &b).Close()
	})
}
