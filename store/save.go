package store

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
)

// outcome is what happened to one entry of a fetched feed; each entry has exactly one.
type outcome int

const (
	outNew outcome = iota
	outUpdated
	outUnchanged
	outMerged
	outSuppressed
)

// SaveFeed stores the articles of one fetched feed of source and source's fetch state in one write
// transaction: all of it or nothing. Each entry counts once in the result:
//
//   - New: the ID was not stored. Sources are the entry's plus source; FirstSeen is the entry's, or
//     now when it has none.
//   - Merged: stored from other sources only. source joins Sources and the categories become the
//     union; the stored text becomes this copy when its body is longer (the fullest copy is shown,
//     in whatever order the sources were fetched).
//   - Updated: source's own copy of the title or body changed since it last delivered it (a hash of
//     each source's copy is kept in the record, so two sources with different texts of one story
//     never flip-flop it), and that copy is the one shown or is at least as full. The stored copy takes the entry's title, body, link, guid, images, author,
//     comments and date (the date indexes move with it); categories become the union; Updated is the
//     entry's Updated when it is later than the stored one, else now. FirstSeen never changes.
//     An entry whose text is unchanged but brings new categories also counts as Updated (the
//     categories are added, the text and Updated stay).
//   - Unchanged: nothing to do. A later entry with an ID already seen in this same feed also counts
//     here: the first one wins, so a feed listing one story twice cannot flip-flop it either.
//   - Suppressed: the ID was pruned; its tombstone's last sighting is refreshed instead.
//
// The generation is bumped when anything but Unchanged and Suppressed happened.
func (s *Store) SaveFeed(ctx context.Context, source string, articles []aggregator.Article, state aggregator.FetchState) (aggregator.SaveResult, error) {
	var res aggregator.SaveResult
	fail := func(err error) (aggregator.SaveResult, error) {
		return aggregator.SaveResult{}, fmt.Errorf("store: save feed %q: %w", source, err)
	}
	if err := checkName("source", source); err != nil {
		return fail(err)
	}
	for i := range articles {
		a := &articles[i]
		if err := checkID(a.ID); err != nil {
			return fail(fmt.Errorf("entry %d: %w", i, err))
		}
		for _, src := range a.Sources {
			if err := checkName("source", src); err != nil {
				return fail(fmt.Errorf("article %q: %w", a.ID, err))
			}
		}
	}
	stateValue, err := encodeState(state)
	if err != nil {
		return fail(err)
	}
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	res, err = s.commit(ctx, &saveReq{ctx: ctx, source: source, articles: articles, state: stateValue, feed: true})
	if err != nil {
		return fail(err)
	}
	return res, nil
}

// saveFeedTx does SaveFeed's work inside tx, with w shared by every feed of a group commit.
func saveFeedTx(ctx context.Context, tx *bolt.Tx, w *writer, source string, articles []aggregator.Article, stateValue []byte, now time.Time) (aggregator.SaveResult, error) {
	var res aggregator.SaveResult
	// Entries are saved in ID order: records and tombstones are keyed by ID, and keys put in order
	// cost bbolt linear time where random ones cost quadratic (see writer). Entries of distinct IDs
	// touch distinct records, so the order changes nothing else; of entries sharing an ID, the first
	// listed still wins.
	order := make([]int, len(articles))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return cmp.Or(cmp.Compare(articles[i].ID, articles[j].ID), cmp.Compare(i, j)) })
	for n, i := range order {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		a := &articles[i]
		if n > 0 && articles[order[n-1]].ID == a.ID {
			res.Unchanged++
			continue
		}
		out, err := w.save(source, a, now)
		if err != nil {
			return res, err
		}
		switch out {
		case outNew:
			res.New++
		case outUpdated:
			res.Updated++
		case outUnchanged:
			res.Unchanged++
		case outMerged:
			res.Merged++
		case outSuppressed:
			res.Suppressed++
		}
	}
	if err := tx.Bucket(bucketStates).Put([]byte(source), stateValue); err != nil {
		return res, fmt.Errorf("put state: %w", err)
	}
	return res, nil
}

// save stores one entry of source's feed and says what it did.
func (w *writer) save(source string, a *aggregator.Article, now time.Time) (outcome, error) {
	old, ok, err := w.get(a.ID)
	if err != nil {
		return 0, err
	}
	if !ok {
		return w.insert(source, a, now)
	}
	r := &old
	h := contentHash(a.Title, a.Body)
	suffix := suffixKey(r.a.Date, r.a.ID)

	i := r.sourceIndex(source)
	if i < 0 {
		// Another source's story, now carried by this one too.
		r.a.Sources = append(r.a.Sources, source)
		r.hashes = append(r.hashes, h)
		w.addSource(source, suffix)
		if len(a.Body) > r.bodyLen {
			// The fullest copy is shown, whichever source was fetched first: a telegraph flash
			// and the depth article of one story end up as the article, in any order.
			var err error
			if suffix, err = w.takeContent(r, a, suffix); err != nil {
				return 0, err
			}
		}
		w.unionCategories(r, a.Categories, suffix)
		return outMerged, w.put(r)
	}

	if r.hashes[i] == h || r.hashes[i] == 0 {
		// Own copy unchanged, or the first copy of a source that was listed without one.
		first := r.hashes[i] == 0
		r.hashes[i] = h
		n := len(r.a.Categories)
		w.unionCategories(r, a.Categories, suffix)
		switch {
		case len(r.a.Categories) > n:
			return outUpdated, w.put(r)
		case first:
			// Only the hash changed: store it, but outputs show nothing new.
			if err := w.putRecord(r); err != nil {
				return 0, err
			}
		}
		return outUnchanged, nil
	}

	// This source's own copy changed. It replaces the stored text when this source's copy is the
	// one shown, or when it is at least as full: a shorter copy from another source never
	// replaces a fuller one.
	owned := r.hashes[i] == r.shown
	r.hashes[i] = h
	if !owned && len(a.Body) < r.bodyLen {
		w.unionCategories(r, a.Categories, suffix)
		return outUnchanged, w.put(r)
	}
	updated := now
	if a.Updated.After(r.a.Updated) {
		updated = a.Updated
	}
	newSuffix, err := w.takeContent(r, a, suffix)
	if err != nil {
		return 0, err
	}
	r.a.Updated = updated
	w.unionCategories(r, a.Categories, newSuffix)
	return outUpdated, w.put(r)
}

// takeContent makes a's copy of the story the stored one: text, images, author, link and date
// (moving the date indexes). It returns the record's index suffix after the move.
func (w *writer) takeContent(r *record, a *aggregator.Article, suffix []byte) ([]byte, error) {
	newSuffix := suffix
	if !bytes.Equal(dateKey(a.Date), suffix[:dateLen]) {
		w.removeIndex(r, suffix)
		newSuffix = suffixKey(a.Date, r.a.ID)
		r.a.Date = a.Date
		w.addIndex(r, newSuffix)
	}
	r.a.Date = a.Date
	r.a.Key = a.Key
	r.setContent(a.Title, a.Body)
	r.a.HeadImg = a.HeadImg
	r.a.Thumbnail = a.Thumbnail
	r.a.Author = a.Author
	r.a.Link = a.Link
	r.a.GUID = a.GUID
	r.a.Comments = a.Comments
	return newSuffix, nil
}

// insert stores an entry whose ID is not stored, unless a tombstone suppresses it.
func (w *writer) insert(source string, a *aggregator.Article, now time.Time) (outcome, error) {
	id := []byte(a.ID)
	if v := w.tombs.Get(id); v != nil {
		t, err := decodeTombstone(v)
		if err != nil {
			t.pruned = now
		}
		t.lastSeen = now
		if err := w.tombs.Put(id, encodeTombstone(t)); err != nil {
			return 0, fmt.Errorf("refresh tombstone %q: %w", a.ID, err)
		}
		return outSuppressed, nil
	}
	r := record{a: *a}
	r.a.Categories = normalizeCategories(a.Categories)
	r.a.Sources = make([]string, 0, len(a.Sources)+1)
	for _, src := range a.Sources {
		if !contains(r.a.Sources, src) {
			r.a.Sources = append(r.a.Sources, src)
		}
	}
	if !contains(r.a.Sources, source) {
		r.a.Sources = append(r.a.Sources, source)
	}
	r.setContent(a.Title, a.Body)
	r.hashes = make([]uint64, len(r.a.Sources))
	r.hashes[r.sourceIndex(source)] = r.shown
	if r.a.FirstSeen.IsZero() {
		r.a.FirstSeen = now
	}
	w.addIndex(&r, suffixKey(r.a.Date, r.a.ID))
	w.total++
	return outNew, w.put(&r)
}

// unionCategories adds the categories of cats that r lacks, with their index entries. Its cost is
// linear in both lists, however long (see nameSet).
func (w *writer) unionCategories(r *record, cats []string, suffix []byte) {
	have := newNameSet(r.a.Categories)
	for _, c := range normalizeCategories(cats) {
		if !have.add(c) {
			continue
		}
		r.a.Categories = append(r.a.Categories, c)
		w.addCategory(c, suffix)
	}
}
