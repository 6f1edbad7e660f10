package story

import (
	"hash/maphash"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"
	"unsafe"
)

// maxWalk and maxDF bound what one body value costs a match. A value held by more than maxDF prints
// is boilerplate (财联社10月3日电, a site's footer): it nominates no candidate. One held by more than
// maxWalk nominates only its maxWalk newest (postings are newest first): a phrase many recent
// articles share, or a story told by many sources, whose latest copies are the ones to join.
const (
	maxWalk  = 8
	maxDF    = 128
	maxScore = 4
)

// allKeyed is the number of body values up to which a print keys every one of them; a longer
// print keys only its even values. Postings are most of a match's cost (a cache miss each, in a
// table of a million values, and pages first touched) and of the index's memory, and a long print
// has dozens of values in common with any near copy of it (its sketch, its lead): half of them
// still nominate the copy many times over. A short print — a flash, a headline — keeps all of its
// few values, which are all the evidence there is. Halving the long prints' keys cut
// BenchmarkIngest by about a fifth and loses, through the index, one of the 133 pairs of our sets
// that Score accepts (a borderline 0.51; TestPairsThroughIndex).
const allKeyed = 32

// maxKeys bounds a print's keys: its body values and its content words.
const maxKeys = maxBody + maxPrintWords

// allKeyedWords is the number of content words up to which a print keys every one of them.
const allKeyedWords = 16

// halfKeyedWords is the number of content words up to which a print keys half of them; a longer
// list keys three in eight, and one longer than threeEighthsKeyedWords one in four (wordKeyed).
const (
	halfKeyedWords         = 36
	threeEighthsKeyedWords = 48
)

// keyed reports whether body value v of a print with n body values is one of its keys.
func keyed(v uint32, n int) bool { return n <= allKeyed || v&1 == 0 }

// wordKeyed reports whether content word key (its value without the headline flag) of a print
// with n words is one of its keys: every one of a short list's, the even ones of a longer list's,
// three in eight (key&7 of 0, 2 or 4) of a longer one still, one in four of the longest. Each
// set holds the next: a key that a longer list keys, a shorter list holding the word keys too, so
// that two prints of any lengths find each other through every key they share.
func wordKeyed(key uint32, n int) bool {
	switch {
	case n <= allKeyedWords:
		return true
	case n <= halfKeyedWords:
		return key&1 == 0
	case n <= threeEighthsKeyedWords:
		return key&1 == 0 && key&7 <= 4
	}
	return key&3 == 0
}

// Index holds the prints of recent articles for matching at ingest. It is not safe for
// concurrent use: the store's single writer owns it.
//
// Match is sub-linear: the body values of every print that are its keys (all of a short print's,
// half of a long one's: see allKeyed) are postings (value → slots), so a new print only looks at
// the prints that share at least minCommon keys with it instead of scoring the whole window.
// Remove leaves a tombstone; the postings are rebuilt when tombstones outnumber live prints, so
// the work is amortized.
//
// Its big arrays — the value table, the postings, the prints' values, the article IDs and the
// table that finds them — hold no pointers and live outside the Go heap (see region); they are
// returned when the Index is garbage. Nothing of it holds a pointer for the garbage collector to
// follow: at 10,000 sources the index has half a million prints, and a map of their IDs and slots
// of strings were ~80 MB of heap that every collection marked again.
type Index struct {
	opts Options
	// slots hold no pointer either (IDs are refs into memory.names): the collector skips them.
	slots []slot
	live  int
	dead  int
	mem   *memory
	// byTime orders live slots by their print's time, for Expire.
	byTime timeHeap
	// walk is maxWalk and scored maxScore; tests that compare Match with scoring everything
	// lift them.
	walk, scored int
	// postings counts the postings added since the last compaction, for Grow.
	postings int
	// evicted counts the prints forgotten for Options.MaxPrints.
	evicted int
	// counts and touched are Match's scratch space, kept to avoid an allocation per call.
	counts  []uint16
	touched []int32
	heads   []int32 // tally's scratch: the chains it walks, each one's next node + 1
	top     []candidate
	near    []int32 // best's scratch: candidates for a second look outside top (see second)
}

// candidate is a print that shares common body values with the one being matched.
type candidate struct {
	slot   int32
	common uint16
}

// memory holds the Index's regions; it is apart from the Index so that a cleanup can free it
// once the Index is unreachable.
type memory struct {
	keys  keyTable
	ids   idTable
	names region[byte] // the article IDs of the slots, one after another
	nodes region[node]
	// vals holds each slot's print values, its Shingles then its Facts.
	vals  region[uint32]
	spare spare
	// acct counts the memory's mappings; compact's copy of the memory shares it.
	acct *mapped
}

// mapped counts the bytes of the mappings an Index holds, spare blocks included, and their
// high-water mark: while it compacts, the index holds the old memory and the new.
type mapped struct{ now, peak int64 }

// free returns all of m's memory to the system.
func (m *memory) free() {
	m.keys.r.free(m)
	m.ids.r.free(m)
	m.names.free(m)
	m.nodes.free(m)
	m.vals.free(m)
	for _, b := range m.spare {
		m.unmap(b)
	}
	m.spare = nil
}

// slot is one print: its values are vals[off : off+nsh+nfx] (at most maxBody+maxTitle shingles
// and 2×maxNumbers+maxDates facts, as Fingerprint and UnmarshalBinary make them).
type slot struct {
	// id and story are the article's ID and its story's (the ID of its first article), in
	// memory.names; story is id itself for the first article of a story.
	id, story name
	t         int64 // the print's time, Unix nanoseconds
	runes     int32
	off       uint32
	nsh, nfx  uint16
	nnm, nch  uint8 // names, filter words
	alive     bool
}

// name is a string in memory.names. Its offset is 32 bits: 4 GiB of IDs in one window (four
// million of the longest IDs the store takes) would wrap it, far past the memory such a window
// would take anyway.
type name struct{ off, n uint32 }

// str returns n's text as a string over the index's memory, for comparisons: valid until the next
// change, never to be kept (see keep).
func (x *Index) str(n name) string {
	if n.n == 0 {
		return ""
	}
	return unsafe.String(&x.mem.names.s[n.off], int(n.n))
}

// keep returns n's text as a string of its own, for callers.
func (x *Index) keep(n name) string { return strings.Clone(x.str(n)) }

// addName stores s in memory.names.
func (x *Index) addName(s string) name {
	names := &x.mem.names
	names.reserve(x.mem, len(s))
	n := name{off: uint32(len(names.s)), n: uint32(len(s))}
	names.s = append(names.s, s...)
	return n
}

// print rebuilds slot s's Print over the index's memory: valid until the next change.
func (x *Index) print(s int32) Print {
	return x.slots[s].print(x.mem.vals.s)
}

// print is the slot's print over vals, the memory's values.
func (sl *slot) print(vals []uint32) Print {
	v := vals[sl.off : sl.off+uint32(sl.nsh)+uint32(sl.nfx)+uint32(sl.nnm)+uint32(sl.nch)]
	p := Print{Time: time.Unix(0, sl.t), Runes: int(sl.runes), Shingles: v[:sl.nsh:sl.nsh]}
	v = v[sl.nsh:]
	p.Facts, v = v[:sl.nfx:sl.nfx], v[sl.nfx:]
	if sl.nnm > 0 {
		p.Names = v[:sl.nnm:sl.nnm]
	}
	if sl.nch > 0 {
		p.Chars = v[sl.nnm:]
	}
	return p
}

// node is one posting: a slot, and the next posting of the same value.
type node struct{ slot, next int32 }

// NewIndex returns an empty index.
func NewIndex(o Options) *Index {
	x := &Index{opts: o.withDefaults(), walk: maxWalk, scored: maxScore, mem: &memory{acct: new(mapped)}}
	x.mem.ids.seed = maphash.MakeSeed()
	runtime.AddCleanup(x, (*memory).free, x.mem)
	return x
}

// Grow makes room for n more prints like the ones the index holds, so that filling an index whose
// size is known — the window that a store loads behind Open — does not double its arrays step by
// step: each doubling copies what is there into memory touched for the first time, which at
// 500,000 prints was most of the load's cost. It is a hint: the arrays still grow if the guess
// falls short, and room reserved but never written is never touched (see region).
func (x *Index) Grow(n int) {
	held := len(x.slots)
	if n <= 0 || held == 0 {
		return
	}
	more := func(total int) int { return int((int64(total)*int64(n) + int64(held) - 1) / int64(held)) }
	x.mem.ids.reserve(x, n)
	x.mem.names.reserve(x.mem, more(len(x.mem.names.s))*9/8)
	x.slots = slices.Grow(x.slots, n)
	x.byTime = slices.Grow(x.byTime, n)
	// An eighth more values and nodes than the average says: room never written costs nothing.
	x.mem.vals.reserve(x.mem, more(len(x.mem.vals.s))*9/8)
	x.mem.nodes.reserve(x.mem, more(x.postings)*9/8)
	// The key table holds distinct body values: postings drawn from bodySpace values, spread
	// about evenly by the hash, cover bodySpace·(1−e^(−postings/bodySpace)) of them.
	total := float64(x.postings + more(x.postings))
	keys := int(bodySpace * (1 - math.Exp(-total/bodySpace)))
	x.mem.keys.reserve(x.mem, max(0, keys-x.mem.keys.used))
}

// Options returns the index's options with the defaults filled in.
func (x *Index) Options() Options { return x.opts }

// Add records that article id, of story, has print p; a second Add of id replaces the first.
func (x *Index) Add(id, story string, p Print) {
	x.Remove(id)
	var found [maxKeys]*key
	keys := x.lookup(&found, p, true)
	idName := x.addName(id)
	st := idName
	if story != id {
		// The story's ID is its first article's: the bytes are there already while it is held.
		if s, ok := x.mem.ids.find(x, story); ok {
			st = x.slots[s].id
		} else {
			st = x.addName(story)
		}
	}
	x.post(x.slot(idName, st, p), keys)
	x.bound()
}

// Join is Match followed by Add, as the store's writer groups a new article: p joins the story of
// its best match (skip as for Match), or starts one under id when there is none. It returns the
// match, and whether there was one. Each body value is looked up once for both (the lookups are
// most of the cost: cache misses in a table of millions of values).
func (x *Index) Join(id string, p Print, skip func(story string) bool) (Match, bool) {
	return x.JoinWith(id, p, skip, nil)
}

// JoinWith is Join with the texts for a second look (see Texts); nil is Join.
func (x *Index) JoinWith(id string, p Print, skip func(story string) bool, t *Texts) (Match, bool) {
	x.Remove(id)
	var found [maxKeys]*key
	keys := x.lookup(&found, p, true)
	m, b := x.best(p, keys, skip, t)
	idName := x.addName(id)
	st := idName
	ok := m.ID != "" && m.Story != id
	if ok {
		st = x.slots[b].story
	}
	x.post(x.slot(idName, st, p), keys)
	x.bound()
	return m, ok
}

// bound forgets the oldest prints while the index holds more than Options.MaxPrints. It runs
// after the new print is posted: forgetting may compact the index, which moves the keys that
// lookup found.
func (x *Index) bound() {
	if limit := x.opts.MaxPrints; limit > 0 && x.live > limit {
		x.evicted += x.dropOldest(func(int64) bool { return x.live > limit })
	}
}

// Evicted is how many prints the index forgot to stay within Options.MaxPrints: articles that a
// later copy could no longer join, although they were inside the window.
func (x *Index) Evicted() int { return x.evicted }

// slot stores a live print of article id, of story, and returns its slot.
func (x *Index) slot(id, story name, p Print) int32 {
	s := int32(len(x.slots))
	x.mem.ids.reserve(x, 1) // before the slot is there: a rebuild puts the live slots
	vals := &x.mem.vals
	vals.reserve(x.mem, len(p.Shingles)+len(p.Facts)+len(p.Names)+len(p.Chars))
	off := uint32(len(vals.s))
	vals.s = append(append(append(append(vals.s, p.Shingles...), p.Facts...), p.Names...), p.Chars...)
	t := p.Time.UnixNano()
	x.slots = append(x.slots, slot{id: id, story: story, t: t, runes: int32(min(p.Runes, 1<<31-1)),
		off: off, nsh: uint16(len(p.Shingles)), nfx: uint16(len(p.Facts)), nnm: uint8(len(p.Names)), nch: uint8(len(p.Chars)), alive: true})
	x.mem.ids.put(x, s)
	x.mem.ids.used++
	x.live++
	x.byTime.push(timed{t, s})
	return s
}

// lookup finds the keys of p's keyed body values and content words into found, inserting the
// missing ones (with no posting yet) when insert is set, and returns them; without insert, values
// no print holds are left out. The table grows first, if it has to, so that the pointers stay
// valid.
func (x *Index) lookup(found *[maxKeys]*key, p Print, insert bool) []*key {
	body, _ := split(p.Shingles)
	words := wordsOf(p.Shingles)
	if insert {
		x.mem.keys.reserve(x.mem, len(body)+len(words))
	}
	n := 0
	for _, v := range body {
		if !keyed(v, len(body)) {
			continue
		}
		if k := x.mem.keys.find(v, insert); k != nil {
			found[n] = k
			n++
		}
	}
	// Content words are keys as well: a paraphrase may share no more than one body value with
	// its other copy (own203, a one-line flash). They share the table's value space with body
	// values: one of either that lands on the other's value only nominates a print by chance. A
	// long list keys its even values only, as a long print's body does (allKeyed): an English
	// print with every word keyed took 4.3 KB at the peak, past BytesPerPrint
	// (TestIndexMaxPrintsMemory/english), and two copies of a story share a dozen words or more.
	for _, v := range words {
		key := (v - wordBase) >> 1 // without the headline flag: a word of one copy's headline is in the other's text
		if !wordKeyed(key, len(words)) {
			continue
		}
		if k := x.mem.keys.find(key, insert); k != nil {
			found[n] = k
			n++
		}
	}
	return found[:n]
}

// post adds slot s to the postings of keys.
func (x *Index) post(s int32, keys []*key) {
	x.postings += len(keys)
	nodes := &x.mem.nodes
	nodes.reserve(x.mem, 2*len(keys))
	for _, k := range keys {
		switch n := k.n(); n {
		case 0:
			k.ref = s // the one posting sits in the key: one cache miss for the common key
		case 1:
			nodes.s = append(nodes.s, node{slot: k.ref}, node{slot: s, next: int32(len(nodes.s) + 1)})
			k.ref = int32(len(nodes.s)) // node index + 1
		default:
			nodes.s = append(nodes.s, node{slot: s, next: k.ref})
			k.ref = int32(len(nodes.s))
		}
		k.inc()
	}
}

// Remove forgets article id.
func (x *Index) Remove(id string) {
	if s, ok := x.mem.ids.find(x, id); ok {
		x.removeSlot(s)
	}
}

// removeSlot forgets the live print in slot s.
func (x *Index) removeSlot(s int32) {
	x.mem.ids.remove(x, s)
	x.slots[s].alive = false
	x.live--
	x.dead++
	if x.dead > 1024 && x.dead > x.compactAt() {
		x.compact()
	}
}

// compactAt is how many tombstones the index holds before it compacts. As many as live prints
// amortizes the rebuild best; a bounded index, which makes a tombstone per new print once full,
// compacts at a quarter of them, so that its memory — the tombstones, and the old and the new
// memory while it compacts — stays within BytesPerPrint a print: 4.3 KB a print at as many, 3.0 KB
// at a quarter (TestIndexMaxPrintsMemory, 4,000 prints).
func (x *Index) compactAt() int {
	if x.opts.MaxPrints > 0 {
		return x.live / 4
	}
	return x.live
}

// compact drops the tombstones: live prints get new slots, new memory, and the postings are
// rebuilt.
func (x *Index) compact() {
	oldSlots, oldMem := x.slots, *x.mem
	*x.mem = memory{spare: oldMem.spare, acct: oldMem.acct, ids: idTable{seed: oldMem.ids.seed, rebuilds: oldMem.ids.rebuilds}}
	oldMem.spare = nil
	x.slots = make([]slot, 0, x.live)
	x.byTime = x.byTime[:0]
	n := x.live
	x.live, x.dead = 0, 0
	x.mem.ids.reserve(x, n)
	x.postings = 0
	nameOf := func(n name) string { return unsafe.String(&oldMem.names.s[n.off], int(n.n)) }
	for i := range oldSlots {
		sl := &oldSlots[i]
		if !sl.alive {
			continue
		}
		p := sl.print(oldMem.vals.s)
		var found [maxKeys]*key
		keys := x.lookup(&found, p, true)
		id := x.addName(nameOf(sl.id))
		st := id
		if sl.story != sl.id {
			st = x.addName(nameOf(sl.story))
		}
		x.post(x.slot(id, st, p), keys)
	}
	oldMem.free()
}

// Members counts the live prints of story (its first article's included). It scans the window:
// for the rare caller that must know whether a story has copies, not for every match.
func (x *Index) Members(story string) int {
	n := 0
	for i := range x.slots {
		if sl := &x.slots[i]; sl.alive && x.str(sl.story) == story {
			n++
		}
	}
	return n
}

// Has reports whether the index holds a print of article id.
func (x *Index) Has(id string) bool {
	_, ok := x.mem.ids.find(x, id)
	return ok
}

// Get returns the story of article id and a copy of its print, or false when the index holds
// none: a writer that replaces an article's print keeps the old one to put back should its
// transaction fail.
func (x *Index) Get(id string) (string, Print, bool) {
	s, ok := x.mem.ids.find(x, id)
	if !ok {
		return "", Print{}, false
	}
	sl := x.slots[s] // a copy, over a copy of its values
	v := slices.Clone(x.mem.vals.s[sl.off : sl.off+uint32(sl.nsh)+uint32(sl.nfx)+uint32(sl.nnm)+uint32(sl.nch)])
	sl.off = 0
	return x.keep(sl.story), sl.print(v), true
}

// Len is how many prints the index holds.
func (x *Index) Len() int { return x.live }

// Match returns the best candidate for p whose score reaches the threshold; skip, when not nil,
// rules out a story (one an operator split apart from this article, say). Ties go to the smaller
// article ID, so that the answer does not depend on the order of Adds.
func (x *Index) Match(p Print, skip func(story string) bool) (Match, bool) {
	return x.MatchWith(p, skip, nil)
}

// MatchWith is Match with the texts for a second look (see Texts); nil is Match.
func (x *Index) MatchWith(p Print, skip func(story string) bool, t *Texts) (Match, bool) {
	var found [maxKeys]*key
	m, _ := x.best(p, x.lookup(&found, p, false), skip, t)
	return m, m.ID != ""
}

// best scores the prints that share at least minCommon postings of keys with p and returns the
// best one at or above the threshold and its slot (a zero Match and -1 when none is).
func (x *Index) best(p Print, keys []*key, skip func(story string) bool, t *Texts) (Match, int32) {
	if cap(x.counts) < len(x.slots) {
		x.counts = make([]uint16, len(x.slots), 2*len(x.slots))
	}
	x.counts = x.counts[:len(x.slots)]
	x.tally(keys)
	// Only the maxScore candidates that share the most values are scored: a copy of the same
	// story shares many, while prints that only share a common phrase or two (the sentences
	// every article of a site repeats, until they pass maxDF) share few, and scoring them all
	// was half of a match's cost.
	top := x.top[:0]
	x.near = x.near[:0]
	for _, s := range x.touched {
		c := x.counts[s]
		x.counts[s] = 0
		sl := &x.slots[s]
		if c < minCommon {
			// A copy whose headline alone it shares may share one key only: it may still
			// deserve a second look, when one of the two is much longer (see second).
			if t != nil && sl.alive && len(x.near) < secondPool && longer(p.Runes, int(sl.runes)) {
				x.near = append(x.near, s)
			}
			continue
		}
		if !sl.alive || skip != nil && skip(x.keep(sl.story)) {
			continue
		}
		if len(top) == x.scored {
			if c <= top[len(top)-1].common {
				continue
			}
			top = top[:len(top)-1]
		}
		// Insert in order of common values, most first; a tie keeps the earlier (newer) one first.
		i := len(top)
		top = append(top, candidate{})
		for ; i > 0 && top[i-1].common < c; i-- {
			top[i] = top[i-1]
		}
		top[i] = candidate{s, c}
	}
	x.top = top
	b, bestScore, byWords := int32(-1), 0.0, false
	for _, cd := range top {
		sc, w := scoreWords(p, x.print(cd.slot), x.opts)
		if sc >= x.opts.Threshold && (b < 0 || sc > bestScore || sc == bestScore && x.str(x.slots[cd.slot].id) < x.str(x.slots[b].id)) {
			b, bestScore, byWords = cd.slot, sc, w
		}
	}
	window := false
	if b < 0 && t != nil {
		b, bestScore = x.second(p, top, skip, t)
		window = b >= 0
	}
	if b < 0 {
		return Match{}, -1
	}
	sl := &x.slots[b]
	return Match{ID: x.keep(sl.id), Story: x.keep(sl.story), Score: bestScore, Window: window, Words: byWords}, b
}

// tally counts, in x.counts, the postings of keys that nominate a print: a key's only posting, or
// the newest x.walk of its chain; x.touched lists the prints counted, first seen first.
func (x *Index) tally(keys []*key) {
	x.touched = x.touched[:0]
	// The chains of postings are walked side by side, one step of every chain at a time, not one
	// chain to its end after the other: a step is a load from a table of millions of nodes, a
	// cache miss, and each chain's next load waits for the one before, while the loads of one
	// step of different chains do not wait for each other, so the processor overlaps them. With
	// the farm of 10,000 feeds (half a million prints, many values walked to maxWalk), Join took
	// 18.3 and 20.5 µs per article walking chain after chain, 13.5 and 10.8 side by side; with
	// 500 feeds 5.5–5.9 and 5.3–5.4 (BenchmarkJoinScale in cmd/tributary-bench, alternating).
	heads := x.heads[:0]
	for _, k := range keys {
		switch n := k.n(); {
		case n == 0 || n > maxDF:
			// A key just inserted (no posting yet), or boilerplate.
		case n == 1:
			x.count(k.ref)
		default:
			heads = append(heads, k.ref)
		}
	}
	nodes := x.mem.nodes.s
	for walked := 0; walked < x.walk && len(heads) > 0; walked++ {
		j := 0
		for _, n := range heads {
			nd := nodes[n-1]
			x.count(nd.slot)
			if nd.next != 0 {
				heads[j] = nd.next
				j++
			}
		}
		heads = heads[:j]
	}
	x.heads = heads
}

func (x *Index) count(s int32) {
	if x.counts[s] == 0 {
		x.touched = append(x.touched, s)
	}
	x.counts[s]++
}

// Expire forgets the prints dated before now minus the window, and returns how many; it bounds the
// index's memory by the window, not by what the store holds. now is the caller's clock, never a
// feed's date: a feed dated in the future must not expire everything else.
func (x *Index) Expire(now time.Time) int {
	cut := now.Add(-x.opts.Window).UnixNano()
	return x.dropOldest(func(oldest int64) bool { return oldest < cut })
}

// dropOldest forgets the oldest live prints while more, given the oldest entry's time, says so,
// and returns how many. Entries of prints removed or replaced since are passed over.
func (x *Index) dropOldest(more func(oldest int64) bool) int {
	n := 0
	for len(x.byTime) > 0 && more(x.byTime[0].t) {
		e := x.byTime.pop()
		// removeSlot may compact, which renumbers the slots and rebuilds byTime: the loop reads
		// both afresh.
		if sl := &x.slots[e.slot]; sl.alive && sl.t == e.t {
			x.removeSlot(e.slot)
			n++
		}
	}
	return n
}

// IDs returns the article IDs the index holds, sorted (for tests and status).
func (x *Index) IDs() []string {
	ids := make([]string, 0, x.live)
	for i := range x.slots {
		if sl := &x.slots[i]; sl.alive {
			ids = append(ids, x.keep(sl.id))
		}
	}
	sort.Strings(ids)
	return ids
}

// idTable finds a live slot by its article's ID: open addressing with linear probing over a
// region (a Go map of strings would be pointers for the collector to mark, see Index). An entry is
// its slot + 1; 0 is empty, and idRemoved is a slot that was removed, which a probe passes over.
// Removed entries count as used until the table is rebuilt, as it is when it grows or the index
// compacts.
type idTable struct {
	r    region[int32]
	used int
	seed maphash.Seed
	// rebuilds counts the rebuilds, compactions' included (TestIndexChurn).
	rebuilds int
}

// idRemoved marks the entry of a removed slot.
const idRemoved = -1

// home is where id's probe starts.
func (t *idTable) home(id string) uint32 {
	return uint32(maphash.String(t.seed, id)) & uint32(len(t.r.s)-1)
}

// find returns the live slot of id.
func (t *idTable) find(x *Index, id string) (int32, bool) {
	entries := t.r.s
	if len(entries) == 0 {
		return 0, false
	}
	mask := uint32(len(entries) - 1)
	for i := t.home(id); ; i = (i + 1) & mask {
		switch e := entries[i]; {
		case e == 0:
			return 0, false
		case e != idRemoved && x.str(x.slots[e-1].id) == id:
			return e - 1, true
		}
	}
}

// put adds slot s, whose ID the table does not hold, where reserve made room for it.
func (t *idTable) put(x *Index, s int32) {
	mask := uint32(len(t.r.s) - 1)
	i := t.home(x.str(x.slots[s].id))
	for t.r.s[i] != 0 {
		i = (i + 1) & mask
	}
	t.r.s[i] = s + 1
}

// remove marks slot s's entry removed.
func (t *idTable) remove(x *Index, s int32) {
	mask := uint32(len(t.r.s) - 1)
	for i := t.home(x.str(x.slots[s].id)); ; i = (i + 1) & mask {
		if t.r.s[i] == s+1 {
			t.r.s[i] = idRemoved
			return
		}
	}
}

// reserve makes room for n more entries, rebuilding the table from the live slots (which drops
// the removed entries) when more than three quarters would be used. The rebuilt table is at most
// half full, so that a quarter of it is inserted or removed before the next rebuild: an index
// that only churns (Expire, Join) at a steady size rebuilds in amortized constant time.
func (t *idTable) reserve(x *Index, n int) {
	if 4*(t.used+n) <= 3*len(t.r.s) {
		return
	}
	size := 1024
	for 2*(x.live+n) > size {
		size *= 2
	}
	t.r.free(x.mem)
	t.r = newRegion[int32](x.mem, size)
	t.used = 0
	t.rebuilds++
	for s := range x.slots {
		if x.slots[s].alive {
			t.put(x, int32(s))
			t.used++
		}
	}
}

// keyTable maps a body value to its postings: open addressing with linear probing, cheaper than a
// Go map for a million small keys and a lookup per value of every new print.
type keyTable struct {
	r    region[key]
	used int
	// shift is 32 minus log2(len(entries)), for home.
	shift uint32
}

// key is one body value and its postings in 8 bytes: the table is most of the index's memory.
type key struct {
	// vn is the value (22 bits) above the count of its postings (10 bits, saturating; the
	// tombstones included until the next compaction); a zero count marks an empty entry.
	vn uint32
	// ref is the slot of the only posting, or the node index + 1 of the newest when there are
	// more (0 ends a chain).
	ref int32
}

const countBits = 10

func (k *key) n() uint32 { return k.vn & (1<<countBits - 1) }
func (k *key) v() uint32 { return k.vn >> countBits }
func (k *key) inc() {
	if k.n() < 1<<countBits-1 {
		k.vn++
	}
}

// home is where value v's probe starts: the top bits of its hash, so that a doubled table keeps
// the entries' order (old position i moves to about 2i) and grow walks both tables in sequence
// instead of scattering a million writes.
func (t *keyTable) home(v uint32) uint32 { return (v * 0x9E3779B1) >> t.shift }

// reserve grows the table, if needed, so that n more keys fit without growing: find's pointers
// stay valid across n inserts.
func (t *keyTable) reserve(m *memory, n int) {
	if len(t.r.s) == 0 {
		t.r = newRegion[key](m, 1024)
		t.shift = 32 - 10
	}
	size := len(t.r.s)
	for 4*(t.used+n) > 3*size {
		size *= 2
	}
	if size > len(t.r.s) {
		t.grow(m, size) // in one step: each step would rehash every key into memory touched anew
	}
}

// find returns the key of v, inserting it (with no postings) when insert is set and it is missing,
// else nil. An insert must follow a reserve that made room for it.
func (t *keyTable) find(v uint32, insert bool) *key {
	entries := t.r.s
	if len(entries) == 0 {
		return nil
	}
	mask := uint32(len(entries) - 1)
	for i := t.home(v); ; i = (i + 1) & mask {
		e := &entries[i]
		if e.n() == 0 {
			if !insert {
				return nil
			}
			e.vn = v << countBits
			t.used++
			return e
		}
		if e.v() == v {
			return e
		}
	}
}

// grow rehashes the table into size entries, a power of two larger than it.
func (t *keyTable) grow(m *memory, size int) {
	oldR := t.r
	old := oldR.s
	t.r = newRegion[key](m, size)
	entries := t.r.s
	for n := len(old); n < size; n *= 2 {
		t.shift--
	}
	mask := uint32(len(entries) - 1)
	// Start after an empty entry, where no probe sequence wraps around: entries then come in the
	// order of their homes (but for the few a probe carried past the end), and so do their new
	// places.
	start := 0
	for start < len(old) && old[start].n() != 0 {
		start++
	}
	for j := range old {
		e := old[(start+j)&(len(old)-1)]
		if e.n() == 0 {
			continue
		}
		i := t.home(e.v())
		for entries[i].n() != 0 {
			i = (i + 1) & mask
		}
		entries[i] = e
	}
	oldR.free(m)
}

// timed is a slot and its print's time, for the expiry heap.
type timed struct {
	t    int64
	slot int32
}

// timeHeap is a binary min-heap on time, written out rather than through container/heap so that
// an Add does not box its entry.
type timeHeap []timed

func (h *timeHeap) push(e timed) {
	*h = append(*h, e)
	q := *h
	for i := len(q) - 1; i > 0; {
		p := (i - 1) / 2
		if q[p].t <= q[i].t {
			break
		}
		q[p], q[i] = q[i], q[p]
		i = p
	}
}

func (h *timeHeap) pop() timed {
	q := *h
	top := q[0]
	q[0] = q[len(q)-1]
	q = q[:len(q)-1]
	*h = q
	q.down(0)
	return top
}

func (h timeHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].t < h[l].t {
			m = r
		}
		if h[i].t <= h[m].t {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

func (h timeHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

// Bytes is the memory the index's arrays take, room reserved but not yet written included (a
// mapping's untouched pages are not resident: it bounds what the index costs from above).
func (x *Index) Bytes() int64 {
	return x.mem.acct.now + x.heapBytes()
}

// heapBytes is the memory of the index's arrays on the Go heap.
func (x *Index) heapBytes() int64 {
	return int64(cap(x.slots)*int(unsafe.Sizeof(slot{})) + cap(x.byTime)*int(unsafe.Sizeof(timed{})))
}
