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
	"tributary/aggregator/merge"
	"tributary/aggregator/story"
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
//     in whatever order the sources were fetched) and its source ranks as high as the shown copy's,
//     or whatever its length when it ranks higher (SetSourceRanks, merge.Takes).
//   - Updated: source's own copy of the title or body changed since it last delivered it (a hash of
//     each source's copy is kept in the record, so two sources with different texts of one story
//     never flip-flop it), and that copy is the one shown or takes its place (merge.Takes). The stored copy takes the entry's title, body, link, guid, images, author,
//     comments and date (the date indexes move with it); categories become the union; Updated is the
//     entry's Updated when it is later than the stored one, else now. FirstSeen never changes.
//     An entry whose text is unchanged but brings new categories also counts as Updated (the
//     categories are added, the text and Updated stay).
//   - Unchanged: nothing to do. A later entry with an ID already seen in this same feed also counts
//     here: the first one wins, so a feed listing one story twice cannot flip-flop it either.
//   - Suppressed: the ID was pruned; its tombstone's last sighting is refreshed instead.
//
// The generation is bumped when anything but Unchanged and Suppressed happened.
//
// The IDs of articles become what source currently lists (see SaveListed).
func (s *Store) SaveFeed(ctx context.Context, source string, articles []aggregator.Article, state aggregator.FetchState) (aggregator.SaveResult, error) {
	return s.SaveListed(ctx, source, articles, nil, state)
}

// SaveListed is SaveFeed for a feed whose entries listed unchanged since they were stored were left
// out: unchanged holds their IDs. In the same transaction, the articles' IDs and unchanged replace
// what source currently lists (the listed bucket, which Prune's date spares), and the tombstones
// among unchanged get their last sighting refreshed, as an entry that was not left out would.
func (s *Store) SaveListed(ctx context.Context, source string, articles []aggregator.Article, unchanged []string, state aggregator.FetchState) (aggregator.SaveResult, error) {
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
	for _, id := range unchanged {
		if err := checkID(id); err != nil {
			return fail(fmt.Errorf("unchanged entry: %w", err))
		}
	}
	stateValue, err := encodeState(state)
	if err != nil {
		return fail(err)
	}
	var prints []*story.Print
	if s.dedup != nil && len(articles) > 0 {
		prints = s.fingerprints(source, articles)
	}
	pre := prepare(articles)
	if err := ctx.Err(); err != nil {
		return fail(err)
	}
	res, err = s.commit(ctx, &saveReq{ctx: ctx, source: source, articles: articles, unchanged: unchanged, prints: prints, pre: pre, state: stateValue, feed: true})
	if err != nil {
		return fail(err)
	}
	return res, nil
}

// saveFeedTx does SaveListed's work inside tx, with w shared by every feed of a group commit.
func saveFeedTx(ctx context.Context, tx *bolt.Tx, w *writer, req *saveReq, now time.Time) (aggregator.SaveResult, error) {
	source, articles, unchanged, stateValue := req.source, req.articles, req.unchanged, req.state
	var res aggregator.SaveResult
	grouped := w.grouped
	w.looks = 0
	// Entries are saved in ID order: records and tombstones are keyed by ID, and keys put in order
	// cost bbolt linear time where random ones cost quadratic (see writer). Entries of distinct IDs
	// touch distinct records, so the order changes nothing else; of entries sharing an ID, the first
	// listed still wins.
	order := make([]int, len(articles))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int { return cmp.Or(cmp.Compare(articles[i].ID, articles[j].ID), cmp.Compare(i, j)) })
	seen := make(map[string]struct{}, len(articles)+len(unchanged)) // what the feed lists
	for n, i := range order {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		a := &articles[i]
		if n > 0 && articles[order[n-1]].ID == a.ID {
			res.Unchanged++
			continue
		}
		seen[a.ID] = struct{}{}
		var p *story.Print
		if req.prints != nil && w.dd != nil {
			p = req.prints[i]
		}
		var pre prepared
		if req.pre != nil {
			pre = req.pre[i]
		} else {
			pre.hash = contentHash(a.Title, a.Body)
		}
		out, err := w.save(source, a, p, pre, now)
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
	for _, id := range unchanged {
		if _, dup := seen[id]; dup {
			continue
		}
		seen[id] = struct{}{}
		if err := w.sighted(id, now); err != nil {
			return res, err
		}
	}
	if err := w.setListed(source, seen); err != nil {
		return res, err
	}
	if err := tx.Bucket(bucketStates).Put([]byte(source), stateValue); err != nil {
		return res, fmt.Errorf("put state: %w", err)
	}
	res.Grouped = w.grouped - grouped
	return res, nil
}

// sighted refreshes the last sighting of id's tombstone, when it has one.
func (w *writer) sighted(id string, now time.Time) error {
	return sightTombstone(w.tombs, []byte(id), now)
}

// sightTombstone sets the last sighting of id's tombstone in tombs to now, when it has one.
func sightTombstone(tombs *bolt.Bucket, id []byte, now time.Time) error {
	v := tombs.Get(id)
	if v == nil {
		return nil
	}
	t, err := decodeTombstone(v)
	if err != nil {
		t.pruned = now
	}
	t.lastSeen = now
	if err := tombs.Put(id, encodeTombstone(t)); err != nil {
		return fmt.Errorf("refresh tombstone %q: %w", id, err)
	}
	return nil
}

// setListed makes ids what source currently lists. It writes only the difference: a feed that
// lists what it listed before costs a read of its entries.
func (w *writer) setListed(source string, ids map[string]struct{}) error {
	prefix := namePrefix(source)
	var stale [][]byte
	have := make(map[string]struct{}, len(ids))
	c := w.listed.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		id := string(k[len(prefix):])
		if _, ok := ids[id]; ok {
			have[id] = struct{}{}
		} else {
			stale = append(stale, bytes.Clone(k))
		}
	}
	for _, k := range stale {
		if err := w.listed.Delete(k); err != nil {
			return fmt.Errorf("unlist %q: %w", k[len(prefix):], err)
		}
	}
	// New keys go in ascending order, as every write of the writer (see writer for why).
	added := make([]string, 0, len(ids)-len(have))
	for id := range ids {
		if _, ok := have[id]; !ok {
			added = append(added, id)
		}
	}
	slices.Sort(added)
	for _, id := range added {
		w.key = appendNameKey(w.key[:0], source, []byte(id))
		if err := w.listed.Put(w.key, nil); err != nil {
			return fmt.Errorf("list %q: %w", id, err)
		}
	}
	return nil
}

// isListed reports whether a source in keep currently lists r.
func (w *writer) isListed(r *record, keep map[string]bool) bool {
	for _, src := range r.a.Sources {
		if keep[src] {
			w.key = appendNameKey(w.key[:0], src, []byte(r.a.ID))
			if exists(w.listed, w.key) {
				return true
			}
		}
	}
	return false
}

// save stores one entry of source's feed and says what it did.
func (w *writer) save(source string, a *aggregator.Article, p *story.Print, pre prepared, now time.Time) (outcome, error) {
	old, ok, err := w.get(a.ID)
	if err != nil {
		return 0, err
	}
	if !ok {
		return w.insert(source, a, p, pre, now)
	}
	r := &old
	h := pre.hash
	suffix := suffixKey(r.a.Date, r.a.ID)

	i := r.sourceIndex(source)
	if i < 0 {
		// Another source's story, now carried by this one too.
		shownRank := merge.ShownRank(r.a.Sources, r.hashes, r.shown, w.ranks)
		r.a.Sources = append(r.a.Sources, source)
		r.hashes = append(r.hashes, h)
		w.addSource(source, suffix)
		if merge.Takes(w.ranks[source], shownRank, len(a.Body), r.bodyLen, false) {
			// The fullest copy of the best-ranked sources is shown, whichever source was fetched
			// first: a telegraph flash and the depth article of one story end up as the article,
			// in any order.
			var err error
			if suffix, err = w.takeContent(r, a, pre, suffix, now); err != nil {
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
	// one shown, or when it is at least as full and its source ranks as high (merge.Takes): a
	// shorter copy from another source never replaces a fuller one, nor a lower-ranked one a
	// higher-ranked one's.
	owned := r.hashes[i] == r.shown
	shownRank := merge.ShownRank(r.a.Sources, r.hashes, r.shown, w.ranks)
	r.hashes[i] = h
	if !owned && !merge.Takes(w.ranks[source], shownRank, len(a.Body), r.bodyLen, true) {
		w.unionCategories(r, a.Categories, suffix)
		return outUnchanged, w.put(r)
	}
	updated := now
	if a.Updated.After(r.a.Updated) {
		updated = a.Updated
	}
	newSuffix, err := w.takeContent(r, a, pre, suffix, now)
	if err != nil {
		return 0, err
	}
	r.a.Updated = updated
	w.unionCategories(r, a.Categories, newSuffix)
	return outUpdated, w.put(r)
}

// takeContent makes a's copy of the story the stored one: text, images, author, link and date
// (moving the date indexes), and remakes the article's story print when the text changed
// (reprint). It returns the record's index suffix after the move.
func (w *writer) takeContent(r *record, a *aggregator.Article, pre prepared, suffix []byte, now time.Time) ([]byte, error) {
	newSuffix := suffix
	if !bytes.Equal(dateKey(a.Date), suffix[:dateLen]) {
		w.removeIndex(r, suffix)
		newSuffix = suffixKey(a.Date, r.a.ID)
		r.a.Date = a.Date
		w.addIndex(r, newSuffix, false)
	}
	r.a.Date = a.Date
	r.a.Key = a.Key
	shown := r.shown
	r.setContent(a.Title, a.Body, pre)
	if r.shown != shown {
		if err := w.reprint(r, now); err != nil {
			return nil, err
		}
	}
	r.a.HeadImg = a.HeadImg
	r.a.Thumbnail = a.Thumbnail
	r.a.Author = a.Author
	r.a.Link = a.Link
	r.a.GUID = a.GUID
	r.a.Comments = a.Comments
	return newSuffix, nil
}

// insert stores an entry whose ID is not stored, unless a tombstone suppresses it. With its print p
// (grouping on) it joins the story of its best match in the window, or starts its own.
func (w *writer) insert(source string, a *aggregator.Article, p *story.Print, pre prepared, now time.Time) (outcome, error) {
	id := []byte(a.ID)
	if w.tombs.Get(id) != nil {
		return outSuppressed, w.sighted(a.ID, now)
	}
	r := record{a: *a}
	r.a.Story, r.a.Also = "", nil // a story is the store's to assign
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
	r.setContent(a.Title, a.Body, pre)
	r.hashes = make([]uint64, len(r.a.Sources))
	r.hashes[r.sourceIndex(source)] = r.shown
	if r.a.FirstSeen.IsZero() {
		r.a.FirstSeen = now
	}
	if p != nil {
		if err := w.group(&r, p, now); err != nil {
			return 0, err
		}
	}
	w.addIndex(&r, suffixKey(r.a.Date, r.a.ID), true)
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
		w.addCategory(c, suffix, false)
	}
}
