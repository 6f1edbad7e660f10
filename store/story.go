package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
	"tributary/aggregator/story"
)

// Story grouping (see the package comment for the layout). The index of the prints inside the
// window lives in memory, is rebuilt from the window's range of story_prints behind Open (the first
// write waits for it), and is consulted and extended by the single writer inside its transaction,
// so that within one group commit the second feed sees the first feed's prints. Prints are
// computed before the writer, in the caller's goroutine (SaveListed), and only for articles whose
// print the index does not hold: an unchanged or updated entry keeps its story and costs no
// fingerprint there; the writer remakes the print of a stored article whose text changed
// (reprint), rare enough to cost nothing a full refresh would notice.

// maxStoryLog bounds the story_log bucket: it holds the most recent merges and splits for operators,
// not a history.
const maxStoryLog = 1000

// maxStoryCopies bounds the copies a merged article gathers, whatever a source floods a story with.
const maxStoryCopies = 64

// expireEvery is how often the writer drops prints that left the window.
const expireEvery = time.Minute

// dedup is the in-memory side of story grouping: the index and when it last expired. mu guards the
// index: the writer's transactions serialize its users already, but Prune and SplitStory change it
// after their commits, outside bbolt's lock.
type dedup struct {
	mu         sync.Mutex
	idx        *story.Index
	lastExpire time.Time
	// window is the index's, read without the lock by the callers that fingerprint.
	window time.Duration
	// loaded is closed when the index holds the window's stored prints (loadIndex); stop asks the
	// load to end early (Close). aborted says it did: the index lacks prints, so no transaction
	// groups with it (see Store.newWriter).
	loaded, stop chan struct{}
	stopOnce     sync.Once
	aborted      bool
	// repeats learns each source's boilerplate from the texts it saves (story.Repeats): the
	// prints leave it out.
	repeats story.SourceRepeats
}

// loadChunk is how many prints one read transaction of loadIndex adds: a transaction that short
// never holds up a writer that must grow the file, and the index's lock is held as long.
const loadChunk = 4096

// ready waits until the index is loaded and reports whether it is whole (false after Close cut the
// load short).
func (d *dedup) ready() bool {
	<-d.loaded
	return !d.aborted
}

// loadIndex starts building the index from the prints of articles first seen inside the window, a
// range scan of story_prints: its cost is that of the window, not of the articles stored, but a
// window of half a million prints (10,000 busy sources) takes seconds, mostly memory first touched.
// So Open does not wait for it: outputs are served at once, fetches start, and the first
// transaction that writes waits until the index is whole (newWriter), so that no article is
// matched against a part of the window. A damaged print is skipped (its article stays its own
// story) rather than failing.
func (s *Store) loadIndex(opts story.Options) {
	d := &dedup{idx: story.NewIndex(opts), lastExpire: s.now(), loaded: make(chan struct{}), stop: make(chan struct{})}
	d.window = d.idx.Options().Window
	s.dedup = d
	cut := s.now().Add(-d.window)
	go func() {
		defer close(d.loaded)
		from := dateKey(cut)
		// How many prints the window holds, counted first (a walk of the keys, no decoding), so
		// that the index grows once to its size after the first chunk shows what a print takes.
		window := s.countPrints(from, d.stop, 16*loadChunk)
		// A bounded index would forget the oldest prints as the newer ones come: they are
		// passed over unread instead (the keys come in date order).
		skip := 0
		if limit := d.idx.Options().MaxPrints; limit > 0 && window > limit {
			skip, window = window-limit, limit
		}
		grown := false
		for from != nil {
			select {
			case <-d.stop:
				d.aborted = true
				return
			default:
			}
			var next []byte
			err := s.db.View(func(tx *bolt.Tx) error {
				b := tx.Bucket(bucketPrints)
				if b == nil {
					return nil // a read-only open of a file from before story grouping
				}
				d.mu.Lock()
				defer d.mu.Unlock()
				c := b.Cursor()
				n := 0
				for k, v := c.Seek(from); k != nil; k, v = c.Next() {
					if n == loadChunk {
						next = bytes.Clone(k)
						return nil
					}
					n++
					if len(k) <= dateLen {
						continue
					}
					if skip > 0 {
						skip--
						continue
					}
					id := string(k[dateLen:])
					st, p, err := decodePrint(v)
					if err != nil || p.Time.Before(cut) {
						continue
					}
					d.idx.Add(id, cmpOrString(st, id), p)
				}
				return nil
			})
			if !grown && next != nil {
				grown = true
				d.mu.Lock()
				d.idx.Grow(window - loadChunk)
				d.mu.Unlock()
			}
			if err != nil {
				// Only a closed database fails a read transaction here.
				d.aborted = true
				return
			}
			from = next
		}
	}()
}

// countPrints counts the story_prints keys from key from on, in read transactions of chunk keys
// (the load's rule: no long reader holds up a writer that must grow the file, and the first walk
// of a cold window reads it from disk), until stop is closed.
func (s *Store) countPrints(from []byte, stop <-chan struct{}, chunk int) int {
	n := 0
	for from != nil {
		select {
		case <-stop:
			return n
		default:
		}
		var next []byte
		_ = s.db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketPrints)
			if b == nil {
				return nil
			}
			c := b.Cursor()
			i := 0
			for k, _ := c.Seek(from); k != nil; k, _ = c.Next() {
				if i == chunk {
					next = bytes.Clone(k)
					break
				}
				i++
			}
			n += i
			return nil
		})
		from = next
	}
	return n
}

// stats reads the index's figures without waiting for its load (the prints are those
// loaded so far).
func (d *dedup) stats() aggregator.StoryIndexStats {
	if d == nil {
		return aggregator.StoryIndexStats{}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return aggregator.StoryIndexStats{Prints: d.idx.Len(), Bytes: d.idx.Bytes(),
		MaxPrints: d.idx.Options().MaxPrints, Evicted: d.idx.Evicted()}
}

func cmpOrString(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// StoryIndexLen returns how many prints the in-memory story index holds (0 when grouping is off):
// the window's articles, not the store's. It waits until the index is loaded.
func (s *Store) StoryIndexLen() int {
	if s.dedup == nil {
		return 0
	}
	s.dedup.ready()
	s.dedup.mu.Lock()
	defer s.dedup.mu.Unlock()
	return s.dedup.idx.Len()
}

// fingerprints computes, in the caller's goroutine, the prints of the articles that may be new:
// only those can start or join a story. The print's time is the article's date, but never later
// than when it was first seen (a feed's future date must not stretch the window). An article
// dated before the window gets none: the index keeps no print that old (Expire), so it could
// neither join a story nor be joined, and a source's first refresh, which lists weeks of old
// entries, costs no matching.
//
// An article whose print the index holds is stored, and gets none. Whether the others are stored
// is the writer's to find (insert uses a print only for a new record): two lookups in bbolt per
// article here cost a tenth of grouping's work in a full refresh, where every article is new, to
// spare a print for an updated entry stored without one (grouping turned on since) or suppressed.
func (s *Store) fingerprints(source string, articles []aggregator.Article) []*story.Print {
	prints := make([]*story.Print, len(articles))
	// Every text saved teaches the source's boilerplate, printed or not; the prints leave it out.
	texts := make([]string, len(articles))
	for i := range articles {
		texts[i] = articles[i].Body
	}
	texts = s.dedup.repeats.Learn(source, texts, make([]string, 0, len(texts)))
	now := s.now()
	cut := now.Add(-s.dedup.window)
	known := make([]bool, len(articles))
	// The check only spares work, so a worker does not wait for it: the writer holds the lock
	// while it joins articles, and for as long as one of the index's tables grows (a rehash of a
	// million keys into memory touched for the first time, tens of milliseconds). Waiting, the
	// workers left the cores idle: a trace of the farm's full refresh (tributary-bench -trace)
	// had them blocked here for 0.81 goroutine-seconds, 0.66 of them in one 0.3 s stretch where
	// 1.4–1.7 of the 2 cores ran. When the lock is busy they print every article instead, as a
	// full refresh's new articles need anyway; the writer uses a print for a new record only.
	if s.dedup.mu.TryLock() {
		for i := range articles {
			known[i] = s.dedup.idx.Has(articles[i].ID)
		}
		s.dedup.mu.Unlock()
	}
	for i := range articles {
		a := &articles[i]
		if known[i] {
			continue
		}
		t := story.PrintTime(a.Date, a.FirstSeen, now)
		if t.Before(cut) {
			continue
		}
		p := story.Fingerprint(a.Title, texts[i], t)
		prints[i] = &p
	}
	return prints
}

// encodePrint is a story_prints value: the story's ID when the article joined another's (empty when
// it is its own story, the common case), then the print.
func encodePrint(st string, p *story.Print) ([]byte, error) {
	b := make([]byte, 0, 1+len(st)+16+4*(len(p.Shingles)+len(p.Facts)+len(p.Names)+len(p.Chars)))
	b = appendString(b, st)
	return p.AppendBinary(b)
}

func decodePrint(v []byte) (string, story.Print, error) {
	var p story.Print
	d := decoder{b: v}
	st := d.string("story")
	if d.err != nil {
		return "", p, d.err
	}
	if err := p.UnmarshalBinary(d.b); err != nil {
		return "", p, fmt.Errorf("%w: %w", errCorrupt, err)
	}
	return st, p, nil
}

// memberKey is a story_members key: story 0x00 article.
func memberKey(st, id string) []byte { return appendNameKey(nil, st, []byte(id)) }

// group gives the new record r its story: the story of the best match in the index, else its own.
// It writes the print (the one extra put of a new article) and, only when r joins another story,
// a member entry and a merge log entry. The index change is undone if the transaction fails.
func (w *writer) group(r *record, p *story.Print, now time.Time) error {
	d := w.dd
	id := r.a.ID
	var texts *story.Texts
	if w.looks < story.MaxLooksPerFeed {
		texts = &story.Texts{Title: r.a.Title, Body: r.a.Body, Of: w.text}
	}
	d.mu.Lock()
	m, ok := d.idx.JoinWith(id, *p, nil, texts)
	st := id
	if ok {
		st = m.Story
	}
	d.mu.Unlock()
	if texts != nil {
		w.looks += texts.Looks
	}
	w.undo = append(w.undo, func() { d.idx.Remove(id) })

	var joined string
	if ok {
		joined = st
	}
	v, err := encodePrint(joined, p)
	if err != nil {
		return fmt.Errorf("print of %q: %w", id, err)
	}
	if err := w.prints.Put(suffixKey(r.a.FirstSeen, id), v); err != nil {
		return fmt.Errorf("put print of %q: %w", id, err)
	}
	if !ok {
		return nil
	}
	r.a.Story = st
	w.grouped++
	if err := w.members.Put(memberKey(st, id), nil); err != nil {
		return fmt.Errorf("put story member %q: %w", id, err)
	}
	// The matched article's source and title are filled when the log is read (Stories): the
	// writer decodes no record to group.
	e := aggregator.StoryMerge{Time: now, Story: st, Article: id, Matched: m.ID, Score: m.Score, Window: m.Window, Words: m.Words,
		ArticleSource: firstOf(r.a.Sources), ArticleTitle: r.a.Title}
	return logStory(w.storyLog, e)
}

// reprint remakes the story print of the stored record r, whose shown text has just changed (its
// source edited it, or a fuller copy under its link took its place), so that later copies are
// matched against what the article says now: a flash whose headline figure was corrected kept the
// print of the figure it first had, and a copy with the corrected figure, vetoed by the old one,
// started a story of its own — the same news twice. Only an edit of the same story takes the new
// print (story.Edited): a page that tells another day's story under the same link keeps the first
// one's, or that day's copies would join the story it told first. The article keeps its story:
// matching moves new articles only (an operator's split moves stored ones). An article first seen
// before the window, or without a print (stored dated before it, or while grouping was off), gets
// none, and the index changes only while it holds the article; a damaged print is left as it is.
// The index change is undone if the transaction fails.
func (w *writer) reprint(r *record, now time.Time) error {
	d := w.dd
	if d == nil {
		return nil
	}
	id := r.a.ID
	if r.a.FirstSeen.Before(now.Add(-d.window)) {
		return nil // the index no longer loads its print (loadIndex)
	}
	key := suffixKey(r.a.FirstSeen, id)
	old := w.prints.Get(key)
	if old == nil {
		return nil
	}
	joined, before, err := decodePrint(old)
	if err != nil {
		return nil
	}
	p := story.Fingerprint(r.a.Title, d.repeats.Strip(firstOf(r.a.Sources), r.a.Body), story.PrintTime(r.a.Date, r.a.FirstSeen, now))
	if p.Equal(before) || !story.Edited(before, p, d.idx.Options()) {
		return nil // the same print; or another story under the same link, which keeps the first's
	}
	v, err := encodePrint(joined, &p)
	if err != nil {
		return fmt.Errorf("print of %q: %w", id, err)
	}
	if err := w.prints.Put(key, v); err != nil {
		return fmt.Errorf("put print of %q: %w", id, err)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if st, held, ok := d.idx.Get(id); ok {
		d.idx.Add(id, st, p)
		w.undo = append(w.undo, func() { d.idx.Add(id, st, held) })
	}
	return nil
}

// text returns a stored article's title and body, for the story index's second look at a long
// copy (story.Texts): false when it cannot be read, which only forgoes the look.
func (w *writer) text(id string) (string, string, bool) {
	r, ok, err := w.get(id)
	if err != nil || !ok || loadBody(w.bodies, &r) != nil {
		return "", "", false
	}
	return r.a.Title, r.a.Body, true
}

func firstOf(names []string) string {
	if len(names) == 0 {
		return ""
	}
	return names[0]
}

// logStory appends e to the bounded story log, dropping the entry that falls out of it.
func logStory(b *bolt.Bucket, e aggregator.StoryMerge) error {
	seq, err := b.NextSequence()
	if err != nil {
		return fmt.Errorf("story log: %w", err)
	}
	v, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("story log: %w", err)
	}
	if err := b.Put(putUint64(seq), v); err != nil {
		return fmt.Errorf("story log: %w", err)
	}
	if seq > maxStoryLog {
		if err := b.Delete(putUint64(seq - maxStoryLog)); err != nil {
			return fmt.Errorf("story log: %w", err)
		}
	}
	return nil
}

// forgetStory deletes what story grouping keeps of a removed article: its print, its member entry
// and its splits. The index forgets it after the commit (dropRemoved).
func (w *writer) forgetStory(r *record) error {
	if err := w.prints.Delete(suffixKey(r.a.FirstSeen, r.a.ID)); err != nil {
		return fmt.Errorf("delete print of %q: %w", r.a.ID, err)
	}
	if r.a.Story != "" {
		if err := w.members.Delete(memberKey(r.a.Story, r.a.ID)); err != nil {
			return fmt.Errorf("delete story member %q: %w", r.a.ID, err)
		}
	}
	prefix := namePrefix(r.a.ID)
	var apart [][]byte
	c := w.apart.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		apart = append(apart, bytes.Clone(k))
	}
	for _, k := range apart {
		if err := w.apart.Delete(k); err != nil {
			return fmt.Errorf("delete split of %q: %w", r.a.ID, err)
		}
	}
	if w.dd != nil {
		w.removed = append(w.removed, r.a.ID)
	}
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
	if w == nil || s.dedup == nil || len(w.undo) == 0 {
		return
	}
	s.dedup.mu.Lock()
	defer s.dedup.mu.Unlock()
	for i := len(w.undo) - 1; i >= 0; i-- {
		w.undo[i]()
	}
	w.undo = nil
}

// expire drops the prints that left the window, at most once per expireEvery: now is the store's
// clock, never a feed's date.
func (d *dedup) expire(now time.Time) {
	select {
	case <-d.loaded:
	default:
		return // the load adds the window's prints only
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if now.Sub(d.lastExpire) < expireEvery {
		return
	}
	d.lastExpire = now
	d.idx.Expire(now)
}

// Stories returns the most recent story events, newest first: at most limit, or all that the bounded
// log holds when limit is zero or negative.
func (s *Store) Stories(ctx context.Context, limit int) ([]aggregator.StoryMerge, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	if limit <= 0 || limit > maxStoryLog {
		limit = maxStoryLog
	}
	var out []aggregator.StoryMerge
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStoryLog)
		if b == nil {
			return nil
		}
		articles := tx.Bucket(bucketArticles)
		c := b.Cursor()
		for k, v := c.Last(); k != nil && len(out) < limit; k, v = c.Prev() {
			var e aggregator.StoryMerge
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("%w: story log %d: %w", errCorrupt, getUint64(k), err)
			}
			if e.Matched != "" && e.MatchedTitle == "" {
				if v := articles.Get([]byte(e.Matched)); v != nil {
					if r, err := decodeRecord(e.Matched, v); err == nil {
						e.MatchedSource, e.MatchedTitle = firstOf(r.a.Sources), r.a.Title
					}
				}
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	return out, nil
}

// SplitStory takes articleID out of its story for good. An article that joined a story becomes its
// own story again. The story's first article (whose ID is the story's) stays that story, and every
// other copy moves to a story of its own led by the earliest of them, whose ID is the moved item's
// new ID in merged outputs. Each moved article gets a split record (story_apart) beside its record's
// new story, both persisted in one transaction; matching only ever places new articles, so a split
// article never rejoins. The index follows after the commit.
func (s *Store) SplitStory(ctx context.Context, articleID string) error {
	fail := func(err error) error { return fmt.Errorf("store: split story of %q: %w", articleID, err) }
	if err := checkID(articleID); err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	type moved struct {
		id, story string
		p         story.Print
		ok        bool
	}
	var reindex []moved
	var w *writer
	err := s.db.Update(func(tx *bolt.Tx) error {
		w = s.newWriter(tx)
		r, ok, err := w.get(articleID)
		if err != nil {
			return err
		}
		if !ok {
			return aggregator.ErrNotFound
		}
		now := s.now()
		old := cmpOrString(r.a.Story, r.a.ID)
		var recs []record // the records that move, and the story each moves to
		var to []string
		if r.a.Story != "" {
			recs, to = append(recs, r), append(to, "")
		} else {
			ms, err := storyMembers(w.members, w.articles, old, nil)
			if err != nil {
				return err
			}
			if len(ms) == 0 {
				return aggregator.ErrNotMerged
			}
			slices.SortFunc(ms, func(a, b record) int {
				if c := a.a.FirstSeen.Compare(b.a.FirstSeen); c != 0 {
					return c
				}
				return cmpString(a.a.ID, b.a.ID)
			})
			lead := ms[0].a.ID
			for _, m := range ms {
				recs = append(recs, m)
				if m.a.ID == lead {
					to = append(to, "")
				} else {
					to = append(to, lead)
				}
			}
		}
		for i := range recs {
			m := &recs[i]
			if err := w.members.Delete(memberKey(old, m.a.ID)); err != nil {
				return fmt.Errorf("delete story member %q: %w", m.a.ID, err)
			}
			if to[i] != "" {
				if err := w.members.Put(memberKey(to[i], m.a.ID), nil); err != nil {
					return fmt.Errorf("put story member %q: %w", m.a.ID, err)
				}
			}
			if err := w.apart.Put(appendNameKey(nil, m.a.ID, []byte(old)), putUint64(uint64(now.UnixNano()))); err != nil {
				return fmt.Errorf("put split of %q: %w", m.a.ID, err)
			}
			m.a.Story = to[i]
			if err := w.put(m); err != nil {
				return err
			}
			mv := moved{id: m.a.ID, story: cmpOrString(to[i], m.a.ID)}
			pk := suffixKey(m.a.FirstSeen, m.a.ID)
			if v := w.prints.Get(pk); v != nil {
				if _, p, err := decodePrint(v); err == nil {
					mv.p, mv.ok = p, true
					nv, err := encodePrint(to[i], &p)
					if err != nil {
						return err
					}
					if err := w.prints.Put(pk, nv); err != nil {
						return fmt.Errorf("put print of %q: %w", m.a.ID, err)
					}
				}
			}
			reindex = append(reindex, mv)
		}
		if err := logStory(w.storyLog, aggregator.StoryMerge{Time: now, Story: old, Article: r.a.ID, Split: true,
			ArticleSource: firstOf(r.a.Sources), ArticleTitle: r.a.Title}); err != nil {
			return err
		}
		gen, err := w.flush(ctx.Err)
		s.publish(tx, gen)
		return err
	})
	if err != nil {
		return fail(err)
	}
	if s.dedup != nil {
		s.dedup.mu.Lock()
		for _, m := range reindex {
			if m.ok && !m.p.Time.Before(s.now().Add(-s.dedup.idx.Options().Window)) {
				s.dedup.idx.Add(m.id, m.story, m.p)
			}
		}
		s.dedup.mu.Unlock()
	}
	return nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// storyMembers reads the records of the articles that joined story st, in ID order, at most
// maxStoryCopies; keep, when not nil, filters them. A member entry whose article is gone or has
// moved to another story is skipped.
func storyMembers(members, articles *bolt.Bucket, st string, keep func(*record) bool) ([]record, error) {
	if members == nil {
		return nil, nil
	}
	prefix := namePrefix(st)
	var out []record
	c := members.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) && len(out) < maxStoryCopies; k, _ = c.Next() {
		id := string(k[len(prefix):])
		v := articles.Get([]byte(id))
		if v == nil {
			continue
		}
		r, err := decodeRecord(id, v)
		if err != nil {
			return nil, fmt.Errorf("article %q: %w", id, err)
		}
		if r.a.Story != st || (keep != nil && !keep(&r)) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}
