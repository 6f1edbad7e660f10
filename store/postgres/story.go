package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"

	"tributary/aggregator"
	"tributary/aggregator/merge"
	"tributary/aggregator/story"
)

// Story grouping, as in the bbolt store (store/story.go): the index of the prints inside the
// window lives in memory, is rebuilt from story_prints at Open, and is consulted and extended
// inside each saving transaction; a transaction that fails takes its prints out again. A print is
// computed before the transaction, in the caller's goroutine, and only for an article that is not
// stored yet. A member of a story is a row whose story column names it (indexed), so a merged query
// finds a story's copies with one lookup.
//
// Several nodes: a transaction that writes or changes prints records their IDs in a row of
// story_print_gens under its generation and its node. Every changing transaction bumps the
// generation row and holds its lock until it commits, and that row is written after the bump, so
// the rows become visible in the order of their gen: whoever sees the row of gen g sees every row
// below g. (The prints themselves are written before, outside the lock: the lock is held for one
// small row more.) A node keeps seen, the gen up to which the other nodes' prints are in its
// index, and loads those above it (catchUp) on each generation poll, and inside every transaction that starts a story of its own, after its bump:
// there, holding the generation's lock, it sees every print committed before it, and an article
// that found no match before the transaction but matches a print another node committed meanwhile
// joins that print's story (rejoin). Of two nodes that store copies of one story at once, the one
// that commits second joins the first's story: one story, never two. A split records the articles
// it moves, a prune those it removes (remove) and migrate --from the prints it copies (sink.Prints),
// so the other nodes follow them at their next poll. Not closed: the race of three that rejoin
// leaves alone, across two transactions of one node (README, PostgreSQL, several nodes).

// expireEvery is how often writers drop prints that left the window.
const expireEvery = time.Minute

// dedup is the in-memory side of story grouping; mu guards the index, which concurrent
// transactions share.
type dedup struct {
	mu         sync.Mutex
	idx        *story.Index
	lastExpire time.Time
	window     time.Duration
	// seen is the generation up to which the prints of other nodes are in idx; added is the
	// generation of the last one added. A transaction compares added with the seen of before its
	// matches to tell whether prints came in since (rejoin).
	seen, added int64
	// repeats learns each source's boilerplate from the texts this node saves (story.Repeats):
	// the prints leave it out.
	repeats story.SourceRepeats
}

// storedPrint is a row of story_prints.
type storedPrint struct {
	id, story string
	print     []byte // nil: the article was removed
	gen       int64
}

// loadIndex builds the index from the prints of articles first seen inside the window.
func (s *Store) loadIndex(ctx context.Context, opts story.Options) error {
	d := &dedup{idx: story.NewIndex(opts), lastExpire: s.now()}
	d.window = d.idx.Options().Window
	cut := s.now().Add(-d.window)
	us, _ := dateOrder(cut)
	// One statement, one snapshot: every print up to the generation read with them is in it.
	rows, err := s.pool.Query(ctx, `SELECT g.value, p.id, p.story, p.print FROM meta g
LEFT JOIN story_prints p ON p.seen_us >= $1 WHERE g.name = 'generation'`, us)
	if err != nil {
		return fmt.Errorf("load story index: %w", err)
	}
	var id, st *string
	var v []byte
	_, err = pgx.ForEachRow(rows, []any{&d.seen, &id, &st, &v}, func() error {
		var p story.Print
		if id == nil || st == nil || p.UnmarshalBinary(v) != nil || p.Time.Before(cut) {
			return nil // none, or a damaged print: its article stays its own story
		}
		d.idx.Add(*id, orString(*st, *id), p)
		return nil
	})
	if err != nil {
		return fmt.Errorf("load story index: %w", err)
	}
	d.added = d.seen
	s.dedup = d
	return nil
}

// catchUpPrints reads the generation and, in the same snapshot, the prints other nodes wrote or
// changed above a generation, inside the window, in gen order: one row with NULL print columns
// when there are none. It reads a story_print_gens row per transaction since, and only the other
// nodes' prints. An ID whose print is gone (its article was pruned) comes with a NULL story: the
// index drops it, so that no node joins a new copy to an article that no longer exists.
const catchUpPrints = `WITH g AS (SELECT value FROM meta WHERE name = 'generation'),
f AS (SELECT l.gen, u.id, p.story, p.print FROM story_print_gens l CROSS JOIN unnest(l.ids) AS u(id)
	LEFT JOIN story_prints p ON p.id = u.id
	WHERE l.gen > $1 AND l.node <> $2 AND (p.id IS NULL OR p.seen_us >= $3))
SELECT g.value, f.id, f.story, f.print, f.gen FROM g LEFT JOIN f ON true ORDER BY f.gen`

// expirePrintGens drops the rows of story_print_gens older than the window: a node that has not
// loaded them by then loads the prints at its next start, if they are still inside it.
func (s *Store) expirePrintGens(ctx context.Context) error {
	window := story.DefaultWindow
	if s.dedup != nil {
		window = s.dedup.window
	}
	cut, _ := dateOrder(s.now().Add(-window))
	if _, err := s.pool.Exec(ctx, `DELETE FROM story_print_gens WHERE at_us < $1`, cut); err != nil {
		return fmt.Errorf("postgres: expire story_print_gens: %w", err)
	}
	return nil
}

// catchUp loads into the index the prints that other nodes stored since this node last looked
// (the generation poll calls it with the generation it read, gen): near-duplicates fetched by
// different nodes meet in one story. Nothing is read while no one wrote above seen.
func (s *Store) catchUp(ctx context.Context, gen int64) error {
	d := s.dedup
	d.mu.Lock()
	from := d.seen
	d.mu.Unlock()
	if gen <= from {
		return nil
	}
	cut, _ := dateOrder(s.now().Add(-d.window))
	rows, err := s.pool.Query(ctx, catchUpPrints, from, s.node, cut)
	if err != nil {
		return fmt.Errorf("postgres: load other nodes' story prints: %w", err)
	}
	fresh, gen, err := scanPrints(rows)
	if err != nil {
		return fmt.Errorf("postgres: load other nodes' story prints: %w", err)
	}
	// Every print up to the generation read is in the index now: the other nodes' were read, and
	// this node's were added when it matched them.
	d.apply(fresh, gen, s.now().Add(-d.window))
	return nil
}

// scanPrints reads rows of catchUpPrints: the prints, and the generation read with them.
func scanPrints(rows pgx.Rows) ([]storedPrint, int64, error) {
	var out []storedPrint
	var gen int64
	var id, st *string
	var v []byte
	var g *int64
	_, err := pgx.ForEachRow(rows, []any{&gen, &id, &st, &v, &g}, func() error {
		switch {
		case id == nil || g == nil: // no print since
		case st == nil:
			out = append(out, storedPrint{id: *id, gen: *g})
		default:
			out = append(out, storedPrint{id: *id, story: *st, print: slices.Clone(v), gen: *g})
		}
		return nil
	})
	return out, gen, err
}

// apply adds to the index the prints of fresh (in gen order) above seen, and moves seen to upTo,
// when higher: a poll and a transaction may read overlapping ranges, and the print of an article
// that a split moved since comes back with a higher gen, so the later state wins.
func (d *dedup) apply(fresh []storedPrint, upTo int64, cut time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, r := range fresh {
		if r.gen <= d.seen {
			continue
		}
		d.seen = r.gen
		if r.print == nil {
			d.idx.Remove(r.id)
			continue
		}
		var p story.Print
		if p.UnmarshalBinary(r.print) != nil || p.Time.Before(cut) {
			continue
		}
		d.idx.Add(r.id, orString(r.story, r.id), p)
		d.added = r.gen
	}
	d.seen = max(d.seen, upTo)
}

// caughtUp moves seen to gen, the generation of a transaction that committed after reading the
// other nodes' prints under the generation's lock (queuePrints): nothing below gen can commit
// after it. Before the commit it could not: a transaction that fails gives its generation back.
func (s *Store) caughtUp(w *writer, gen uint64) {
	if s.dedup == nil || w.fresh == nil {
		return
	}
	s.dedup.mu.Lock()
	s.dedup.seen = max(s.dedup.seen, int64(gen))
	s.dedup.mu.Unlock()
}

// StoryIndexLen returns how many prints the in-memory story index holds (0 when grouping is off).
func (s *Store) StoryIndexLen() int {
	if s.dedup == nil {
		return 0
	}
	s.dedup.mu.Lock()
	defer s.dedup.mu.Unlock()
	return s.dedup.idx.Len()
}

// fingerprints computes the prints of the articles that are neither stored nor tombstones and are
// dated inside the window (store/story.go says why each condition).
func (s *Store) fingerprints(ctx context.Context, source string, articles []aggregator.Article) ([]*story.Print, error) {
	ids := make([]string, len(articles))
	for i := range articles {
		ids[i] = articles[i].ID
	}
	rows, err := s.pool.Query(ctx, `SELECT id FROM articles WHERE id = ANY($1) UNION SELECT id FROM tombstones WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("read stored ids: %w", err)
	}
	known, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("read stored ids: %w", err)
	}
	have := make(map[string]bool, len(known))
	for _, id := range known {
		have[id] = true
	}
	now := s.now()
	cut := now.Add(-s.dedup.window)
	prints := make([]*story.Print, len(articles))
	texts := make([]string, len(articles))
	for i := range articles {
		texts[i] = articles[i].Body
	}
	texts = s.dedup.repeats.Learn(source, texts, make([]string, 0, len(texts)))
	for i := range articles {
		a := &articles[i]
		if have[a.ID] {
			continue
		}
		t := story.PrintTime(a.Date, a.FirstSeen, now)
		if t.Before(cut) {
			continue
		}
		p := story.Fingerprint(a.Title, texts[i], t)
		prints[i] = &p
	}
	return prints, nil
}

// group gives the new record r its story: the best match's in the index, else its own. It queues
// the print and, when r joins another story, a log entry. of reads a stored article's text for a
// second look (story.Texts).
func (w *writer) group(b *pgx.Batch, r *merge.Record, p *story.Print, now time.Time, of func(id string) (string, string, bool)) error {
	d := w.s.dedup
	id := r.Article.ID
	d.mu.Lock()
	if len(w.printed) == 0 {
		w.seenBefore = d.seen
	}
	var texts *story.Texts
	if w.looks < story.MaxLooksPerFeed {
		texts = &story.Texts{Title: r.Article.Title, Body: r.Article.Body, Of: of}
	}
	m, ok := d.idx.MatchWith(*p, nil, texts)
	if texts != nil {
		w.looks += texts.Looks
	}
	st := id
	if ok && m.Story != id && m.ID != id {
		st = m.Story
	} else {
		ok = false
	}
	d.idx.Add(id, st, *p)
	d.mu.Unlock()
	w.undo = append(w.undo, func() { d.idx.Remove(id) })
	joined := ""
	if ok {
		joined = st
	}
	v, err := p.AppendBinary(nil)
	if err != nil {
		return fmt.Errorf("print of %q: %w", id, err)
	}
	seen, _ := dateOrder(r.Article.FirstSeen)
	b.Queue(`INSERT INTO story_prints (id, seen_us, story, print) VALUES ($1, $2, $3, $4)
ON CONFLICT (id) DO UPDATE SET seen_us = excluded.seen_us, story = excluded.story, print = excluded.print`, id, seen, joined, v)
	w.printed = append(w.printed, id) // recorded under the generation by flush
	if !ok {
		w.alone = append(w.alone, alone{id: id, print: *p, title: r.Article.Title, body: r.Article.Body, source: firstSource(r.Article.Sources)})
		return nil
	}
	r.Article.Story = st
	w.grouped++
	if slices.ContainsFunc(w.alone, func(a alone) bool { return a.id == st }) {
		if w.joins == nil {
			w.joins = map[string][]alone{}
		}
		w.joins[st] = append(w.joins[st], alone{id: id, print: *p, title: r.Article.Title, source: firstSource(r.Article.Sources)})
	}
	return queueLog(b, aggregator.StoryMerge{Time: now, Story: st, Article: id, Matched: m.ID, Score: m.Score, Window: m.Window, Words: m.Words,
		ArticleSource: firstSource(r.Article.Sources), ArticleTitle: r.Article.Title})
}

// reprint remakes the story print of the stored record r, whose shown text has just changed, so
// that later copies are matched against what the article says now, when the new text still tells
// the same story (story.Edited; the bbolt store's reprint says why). The article keeps its story:
// the statement changes the print of its story_prints row, and the other nodes take the new print
// up at their next poll (reprinted). The print compared is this node's: an article first seen
// before the window, or that the node's index does not hold (none stored: dated before the window,
// or saved while grouping was off; forgotten to stay within max_prints; stored by another node
// since its last poll), keeps its print. The index change is undone if the transaction fails.
func (w *writer) reprint(b *pgx.Batch, r *merge.Record, now time.Time) error {
	d := w.s.dedup
	id := r.Article.ID
	if r.Article.FirstSeen.Before(now.Add(-d.window)) {
		return nil // no node loads its print any more (loadIndex, catchUpPrints)
	}
	p := story.Fingerprint(r.Article.Title, d.repeats.Strip(firstSource(r.Article.Sources), r.Article.Body), story.PrintTime(r.Article.Date, r.Article.FirstSeen, now))
	d.mu.Lock()
	defer d.mu.Unlock()
	st, before, ok := d.idx.Get(id)
	if !ok || p.Equal(before) || !story.Edited(before, p, d.idx.Options()) {
		return nil
	}
	v, err := p.AppendBinary(nil)
	if err != nil {
		return fmt.Errorf("print of %q: %w", id, err)
	}
	b.Queue(`UPDATE story_prints SET print = $2 WHERE id = $1`, id, v)
	w.reprinted = append(w.reprinted, id)
	d.idx.Add(id, st, p)
	w.undo = append(w.undo, func() { d.idx.Add(id, st, before) })
	return nil
}

func firstSource(sources []string) string {
	if len(sources) > 0 {
		return sources[0]
	}
	return ""
}

// alone is a new article of the transaction that started a story of its own: rejoin looks for a
// match again among the prints that came in meanwhile, with its text (body) for a second look. The
// copies that joined it (writer.joins) move with it and are never matched again: no body.
type alone struct {
	id, title, body, source string
	print                   story.Print
}

// queuePrints queues, after the generation's bump, the row of story_print_gens that names the
// prints the transaction wrote or changed (a split) under its generation and, when it started
// stories of its own, the catch-up read of the other nodes' prints: under the generation's lock
// it sees every one committed before this transaction. flush calls it.
func (w *writer) queuePrints(b *pgx.Batch) {
	s := w.s
	if ids := slices.Concat(w.printed, w.reprinted); len(ids) > 0 {
		at, _ := dateOrder(s.now())
		b.Queue(`INSERT INTO story_print_gens (gen, node, at_us, ids) VALUES ((SELECT value FROM meta WHERE name = 'generation'), $1, $2, $3)`,
			s.node, at, ids)
	}
	if len(w.alone) == 0 {
		return
	}
	s.dedup.mu.Lock()
	from := s.dedup.seen
	s.dedup.mu.Unlock()
	cut, _ := dateOrder(s.now().Add(-s.dedup.window))
	b.Queue(catchUpPrints, from, s.node, cut).Query(func(rows pgx.Rows) error {
		var err error
		w.fresh, _, err = scanPrints(rows)
		if w.fresh == nil {
			w.fresh = []storedPrint{} // read: caughtUp may move seen
		}
		return err
	})
}

// rejoin runs after the batch of flush, still inside the transaction: it adds the prints read by
// queuePrints to the index and, if any print of another node came in since this transaction
// matched, matches each article that started a story of its own again. One that now matches
// another story joins it, with the copies of this transaction that joined it; not if a copy of
// another transaction of this node (not committed yet) joined it: moving it would leave that copy
// behind, in a story whose first article left it. The match is the one group makes, second look
// included: a flash quoting the middle of a long article that another node stored moments before
// (not polled yet) meets its print only here. The looks of one rejoin are bounded as a feed's.
func (w *writer) rejoin(ctx context.Context, tx pgx.Tx) error {
	if len(w.alone) == 0 {
		return nil
	}
	d := w.s.dedup
	now := w.s.now()
	d.apply(w.fresh, 0, now.Add(-d.window))
	d.mu.Lock()
	if d.added <= w.seenBefore {
		d.mu.Unlock()
		return nil
	}
	type move struct {
		a       alone
		m       story.Match
		matched string
	}
	var moves []move
	looks := 0
	of := func(id string) (string, string, bool) { return readText(ctx, tx, id) }
	for _, a := range w.alone {
		var texts *story.Texts
		if looks < story.MaxLooksPerFeed {
			texts = &story.Texts{Title: a.title, Body: a.body, Of: of}
		}
		m, ok := d.idx.MatchWith(a.print, func(st string) bool { return st == a.id }, texts)
		if texts != nil {
			looks += texts.Looks
		}
		// Copies that joined a's story in this transaction move with it; one that another
		// transaction joined to it would be left behind, so a stays.
		joins := w.joins[a.id]
		if !ok || d.idx.Members(a.id) > 1+len(joins) {
			continue
		}
		d.idx.Add(a.id, m.Story, a.print)
		moves = append(moves, move{a, m, m.ID})
		for _, j := range joins {
			d.idx.Add(j.id, m.Story, j.print)
			moves = append(moves, move{j, story.Match{Story: m.Story, ID: a.id, Score: m.Score, Window: m.Window, Words: m.Words}, a.id})
		}
		w.grouped++ // a; its joins were counted when they joined
	}
	d.mu.Unlock()
	if len(moves) == 0 {
		return nil
	}
	var b pgx.Batch
	for _, mv := range moves {
		b.Queue(`UPDATE articles SET story = $2 WHERE id = $1`, mv.a.id, mv.m.Story)
		b.Queue(`UPDATE story_prints SET story = $2 WHERE id = $1`, mv.a.id, mv.m.Story)
		if err := queueLog(&b, aggregator.StoryMerge{Time: now, Story: mv.m.Story, Article: mv.a.id, Matched: mv.matched,
			Score: mv.m.Score, Window: mv.m.Window, Words: mv.m.Words, ArticleSource: mv.a.source, ArticleTitle: mv.a.title}); err != nil {
			return err
		}
	}
	return tx.SendBatch(ctx, &b).Close()
}

// queueLog appends e to the bounded story log: the sequence is a counter row (sequences are not
// gapless, and CockroachDB's are not ordered), and the entry that falls out is deleted.
func queueLog(b *pgx.Batch, e aggregator.StoryMerge) error {
	v, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("story log: %w", err)
	}
	b.Queue(`WITH seq AS (UPDATE meta SET value = value + 1 WHERE name = 'story_log' RETURNING value)
INSERT INTO story_log (seq, entry) SELECT value, $1 FROM seq`, string(v))
	b.Queue(`DELETE FROM story_log WHERE seq <= (SELECT value FROM meta WHERE name = 'story_log') - $1`, merge.MaxStoryLog)
	return nil
}

// dropRemoved makes the index forget the articles that a committed transaction removed.
func (s *Store) dropRemoved(w *writer) {
	if s.dedup == nil || len(w.removed) == 0 {
		return
	}
	s.dedup.mu.Lock()
	defer s.dedup.mu.Unlock()
	for _, id := range w.removed {
		s.dedup.idx.Remove(id)
	}
}

// rollbackIndex undoes the index changes of a transaction that failed.
func (s *Store) rollbackIndex(w *writer) {
	if s.dedup == nil || len(w.undo) == 0 {
		return
	}
	s.dedup.mu.Lock()
	defer s.dedup.mu.Unlock()
	for i := len(w.undo) - 1; i >= 0; i-- {
		w.undo[i]()
	}
	w.undo = nil
}

// expire drops the prints that left the window, at most once per expireEvery.
func (d *dedup) expire(now time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if now.Sub(d.lastExpire) < expireEvery {
		return
	}
	d.lastExpire = now
	d.idx.Expire(now)
}

// Stories returns the most recent story events, newest first: at most limit, or all that the
// bounded log holds when limit is zero or negative. The matched article's source and title are
// read now, and are empty once it is pruned.
func (s *Store) Stories(ctx context.Context, limit int) ([]aggregator.StoryMerge, error) {
	if limit <= 0 || limit > merge.MaxStoryLog {
		limit = merge.MaxStoryLog
	}
	rows, err := s.pool.Query(ctx, `SELECT l.entry, coalesce(a.sources[1], ''), coalesce(a.title, '')
FROM story_log l LEFT JOIN articles a ON a.id = l.entry::jsonb->>'matched'
ORDER BY l.seq DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	var out []aggregator.StoryMerge
	var v, src, title string
	_, err = pgx.ForEachRow(rows, []any{&v, &src, &title}, func() error {
		var e aggregator.StoryMerge
		if err := json.Unmarshal([]byte(v), &e); err != nil {
			return err
		}
		if e.Matched != "" && e.MatchedTitle == "" {
			e.MatchedSource, e.MatchedTitle = src, title
		}
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return out, nil
}

// SplitStory takes articleID out of its story for good, as the bbolt store does (store/story.go):
// an article that joined a story becomes its own; splitting a story's first article moves every
// other copy to a story led by the earliest of them. Each moved article gets a split record, in
// the same transaction; matching only ever places new articles, so a split article never rejoins.
func (s *Store) SplitStory(ctx context.Context, articleID string) error {
	fail := func(err error) error { return fmt.Errorf("postgres: split story of %q: %w", articleID, err) }
	if err := merge.CheckID(articleID); err != nil {
		return fail(err)
	}
	type moved struct {
		id, story string
		p         []byte
	}
	var reindex []moved
	err := s.inTx(ctx, func(tx pgx.Tx, w *writer) error {
		reindex = nil
		rows, err := tx.Query(ctx, `SELECT `+recordColumns+` FROM articles WHERE id = $1 FOR UPDATE`, articleID)
		if err != nil {
			return err
		}
		recs, err := scanRecords(rows, false)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			return aggregator.ErrNotFound
		}
		r := recs[0]
		now := s.now()
		old := orString(r.Article.Story, r.Article.ID)
		var move []merge.Record
		var to []string
		if r.Article.Story != "" {
			move, to = append(move, r), append(to, "")
		} else {
			rows, err := tx.Query(ctx, `SELECT `+recordColumns+` FROM articles WHERE story = $1 ORDER BY id LIMIT $2 FOR UPDATE`, old, merge.MaxStoryCopies)
			if err != nil {
				return err
			}
			ms, err := scanRecords(rows, false)
			if err != nil {
				return err
			}
			if len(ms) == 0 {
				return aggregator.ErrNotMerged
			}
			slices.SortFunc(ms, func(a, b merge.Record) int {
				if c := a.Article.FirstSeen.Compare(b.Article.FirstSeen); c != 0 {
					return c
				}
				return strings.Compare(a.Article.ID, b.Article.ID)
			})
			lead := ms[0].Article.ID
			for _, m := range ms {
				move = append(move, m)
				if m.Article.ID == lead {
					to = append(to, "")
				} else {
					to = append(to, lead)
				}
			}
		}
		var b pgx.Batch
		for i := range move {
			m := &move[i]
			b.Queue(`UPDATE articles SET story = $2 WHERE id = $1`, m.Article.ID, to[i])
			b.Queue(`INSERT INTO story_apart (id, story, split_at) VALUES ($1, $2, $3) ON CONFLICT (id, story) DO UPDATE SET split_at = excluded.split_at`,
				m.Article.ID, old, now.UnixNano())
			b.Queue(`UPDATE story_prints SET story = $2 WHERE id = $1`, m.Article.ID, to[i])
			w.printed = append(w.printed, m.Article.ID) // the other nodes' indexes follow the split
		}
		src := ""
		if len(r.Article.Sources) > 0 {
			src = r.Article.Sources[0]
		}
		if err := queueLog(&b, aggregator.StoryMerge{Time: now, Story: old, Article: r.Article.ID, Split: true,
			ArticleSource: src, ArticleTitle: r.Article.Title}); err != nil {
			return err
		}
		if err := tx.SendBatch(ctx, &b).Close(); err != nil {
			return err
		}
		ids := make([]string, len(move))
		for i := range move {
			ids[i] = move[i].Article.ID
			reindex = append(reindex, moved{id: move[i].Article.ID, story: orString(to[i], move[i].Article.ID)})
		}
		prints, err := tx.Query(ctx, `SELECT id, print FROM story_prints WHERE id = ANY($1)`, ids)
		if err != nil {
			return err
		}
		var id string
		var v []byte
		_, err = pgx.ForEachRow(prints, []any{&id, &v}, func() error {
			for i := range reindex {
				if reindex[i].id == id {
					reindex[i].p = slices.Clone(v)
				}
			}
			return nil
		})
		w.changed = true
		return err
	})
	if err != nil {
		return fail(err)
	}
	if s.dedup != nil {
		s.dedup.mu.Lock()
		defer s.dedup.mu.Unlock()
		cut := s.now().Add(-s.dedup.window)
		for _, m := range reindex {
			var p story.Print
			if m.p != nil && p.UnmarshalBinary(m.p) == nil && !p.Time.Before(cut) {
				s.dedup.idx.Add(m.id, m.story, p)
			}
		}
	}
	return nil
}

// readText reads a stored article's title and body in tx, for the story index's second look
// (story.Texts.Of): false when it is not there (or not readable), which only forgoes the look.
func readText(ctx context.Context, tx pgx.Tx, id string) (string, string, bool) {
	var title, body string
	err := tx.QueryRow(ctx, `SELECT title, body FROM articles WHERE id = $1`, id).Scan(&title, &body)
	return title, body, err == nil
}
