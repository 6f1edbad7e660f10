package parse

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"hash/maphash"
	"io"
	"math/bits"
	"slices"
	"strconv"

	"github.com/mmcdole/gofeed"
)

// A feed that gained one story still lists its other forty-nine, and a refresh's cost should grow
// with what changed, not with what is listed. ParseListed therefore remembers, per source, what the
// document listed (a Listing) and, on the next parse of the same source, does not build again the
// items that are listed exactly as before: the caller (aggregator/refresh) stored them already.
//
// Two kinds of listing, one per way the document was parsed:
//
//   - the fast path (RSS 2.0 / Atom 1.0) lists bytes: a hash of the items' context (the start tags
//     of the root and of the RSS channel as the decoder read them, names, attributes and namespace
//     declarations, with the final URL relative links resolve against and the format) and, per item,
//     the exact bytes the decoder read for it (a hash of its first bytes to look it up, its length
//     and a hash of all of it). When the context is the same, an item whose bytes are the same starts
//     in the same decoder state (namespace bindings and element stack come from those two start
//     tags) and so parses to the same item: the fast path moves its reader past it without decoding
//     it, which is where the time goes. The rest of the bytes before the first item is not part of
//     the context: feeds rewrite their <lastBuildDate> or Atom <updated> on every change, and what
//     of it normalize reads is in the feed fields' hash below.
//   - gofeed's path and JSON Feed list fields: a hash of every field of the item that normalize reads
//     (and of the feed's), computed on the parsed item; items whose hash was listed are dropped after
//     the parse. That saves normalizing and storing, not parsing.
//
// Both kinds also keep a hash of the feed-level fields normalize reads (title, link, authors, …),
// which an item's article depends on: a byte listing whose header is the same but whose feed fields
// changed (a channel <link> after the items) skips nothing, and the document is parsed again whole.
// A source whose document switches kinds skips nothing that round.

// Listing is what one document listed, kept by the caller between two parses of the same source so
// that the second can leave out the items listed unchanged. It is opaque, holds hashes only (no
// item content) and is only meaningful with the seed it was made with, in the process that made it.
type Listing struct {
	bytes   bool   // a byte listing (fast path) rather than a field listing
	header  uint64 // bytes: hash of the items' context, the final URL and the format
	feedSum uint64 // hash of the feed-level fields normalize reads

	spans  []listedSpan        // bytes: item spans sorted by the hash of their first prefixLen bytes
	short  uint64              // bytes: bit n set when an item of n < prefixLen bytes is listed
	fields map[uint64]struct{} // fields: the item fingerprints

	items int // items the document listed, before maxItems cut them
}

// Items returns how many items the document listed, including any that maxItems left out: the
// caller warns about truncated feeds with it.
func (l *Listing) Items() int {
	if l == nil {
		return 0
	}
	return l.items
}

// span is one item's bytes as the decoder read them: their length and hash.
type span struct {
	n   int64
	sum uint64
}

// listedSpan is a span with the hash it is looked up by. A Listing keeps them in one sorted slice,
// 24 bytes an item: a map of slices took ~4 KB per source of 50 items, 40 MB for 10,000 sources,
// for the few lookups a refresh makes.
type listedSpan struct {
	prefix uint64
	span
}

// candidates returns the spans listed under prefix.
func (l *Listing) candidates(prefix uint64) []listedSpan {
	i, _ := slices.BinarySearchFunc(l.spans, prefix, func(s listedSpan, p uint64) int { return cmp.Compare(s.prefix, p) })
	j := i
	for j < len(l.spans) && l.spans[j].prefix == prefix {
		j++
	}
	return l.spans[i:j]
}

// prefixLen is how many of an item's first bytes its lookup hash covers: enough to tell items apart
// (the start tag and the start of the title or guid), few enough to hash at every item start.
const prefixLen = 64

// ParseListed is Parse for a source parsed before. last is the Listing of the source's previous
// document (nil the first time, or to skip nothing); feed holds the items of body that last did not
// list unchanged, in document order, skipped counts those left out, and listing describes body for
// the next call. finalURL is the URL body was fetched from after redirects: relative links resolve
// against it, so items parsed under another URL are never left out. maxItems > 0 keeps only the
// document's first maxItems items (listed or not), in feed, skipped and listing alike: an item
// beyond the cut was never stored, and must not be left out when it moves up. seed must be the
// seed last was made with.
func ParseListed(body []byte, contentType, finalURL string, seed maphash.Seed, last *Listing, maxItems int) (feed *gofeed.Feed, listing *Listing, skipped int, err error) {
	p, err := ParseKeyed(body, contentType, finalURL, seed, last, maxItems)
	if err != nil {
		return nil, nil, 0, err
	}
	return p.Feed, p.Listing, len(p.Skipped), nil
}

// Parsed is the result of ParseKeyed.
type Parsed struct {
	// Feed holds the items that the last listing did not list unchanged, in document order.
	Feed    *gofeed.Feed
	Listing *Listing
	// Keys has one key per item of Feed: the key the listing knows the item by, or 0 when the
	// listing does not hold it (it can then never be skipped).
	Keys []uint64
	// Skipped has the key of every item left out, as Keys had it when that item was parsed: a
	// caller that remembers what each key's item became knows everything the document lists
	// without parsing it all.
	Skipped []uint64
}

// ParseKeyed is ParseListed that also says which item is which: tributary keeps what a source
// currently lists out of retention, and items left out unparsed are part of that.
func ParseKeyed(body []byte, contentType, finalURL string, seed maphash.Seed, last *Listing, maxItems int) (p Parsed, err error) {
	defer func() {
		if r := recover(); r != nil {
			p = Parsed{}
			err = fmt.Errorf("parse: %w: %v", ErrPanic, r)
		}
	}()
	l := &lister{seed: seed, finalURL: finalURL, last: last, maxItems: maxItems}
	feed, err := parseWith(body, contentType, l)
	if err != nil {
		return Parsed{}, err
	}
	if l.listing != nil && len(l.skipped) > 0 && l.listing.feedSum != last.feedSum {
		// The items' bytes are the same but the feed fields their articles take (a link to
		// resolve against, an author) are not: parse again without leaving anything out.
		l = &lister{seed: seed, finalURL: finalURL, maxItems: maxItems}
		if feed, err = parseWith(body, contentType, l); err != nil {
			return Parsed{}, err
		}
	}
	if l.listing == nil {
		// gofeed's path or JSON Feed: list fields.
		l.listing, l.keys, l.skipped = listFields(seed, finalURL, feed, last, maxItems)
	}
	if len(l.keys) != len(feed.Items) {
		// A translator that did not keep items one to one: no item is known by a key.
		l.keys = make([]uint64, len(feed.Items))
	}
	return Parsed{Feed: feed, Listing: l.listing, Keys: l.keys, Skipped: l.skipped}, nil
}

// lister is the listing side of one fast-path parse; the parser holds nil when Parse runs.
type lister struct {
	seed     maphash.Seed
	finalURL string
	last     *Listing
	maxItems int

	format    format
	headerEnd int64 // offset of the first item's start tag; -1 before it
	usable    bool  // last is a byte listing with this document's header: items may be skipped
	channels  int   // RSS channels started

	recs map[any]itemRec // by *rss.Item / *atom.Entry (a placeholder when skipped)

	headerSum uint64
	context   []byte // the enclosing start tags noted so far (noteContext), in a length-prefixed form

	// results, set when the fast path succeeded: the listing, the keys of the items kept and those
	// of the items skipped (see Parsed)
	listing *Listing
	keys    []uint64
	skipped []uint64
}

// itemRec is what the parser found for one item it may list.
type itemRec struct {
	prefix  uint64
	span    span
	skipped bool
}

// reset readies the lister for one fast-path attempt (Parse may try two formats).
func (l *lister) reset(f format) {
	l.format, l.headerEnd, l.usable, l.channels = f, -1, false, 0
	l.context = l.context[:0]
	l.recs = map[any]itemRec{}
	l.listing, l.keys, l.skipped = nil, nil, nil
}

// header hashes the items' context (the start tags noteContext saw) with the final URL and the
// format.
func (l *lister) header() uint64 {
	var h maphash.Hash
	h.SetSeed(l.seed)
	writeStrings(&h, l.format.String(), l.finalURL)
	h.Write(l.context)
	return h.Sum64()
}

// noteContext adds the start tag of an element that encloses the listed items (the root, the RSS
// channel) to their context: its name and every attribute, namespace declarations included, as the
// decoder returned them.
func (p *fastParser) noteContext(se xml.StartElement) {
	l := p.list
	if l == nil || l.headerEnd >= 0 {
		return
	}
	put := func(s string) {
		l.context = binary.AppendUvarint(l.context, uint64(len(s)))
		l.context = append(l.context, s...)
	}
	put(se.Name.Space)
	put(se.Name.Local)
	l.context = binary.AppendUvarint(l.context, uint64(len(se.Attr)))
	for _, a := range se.Attr {
		put(a.Name.Space)
		put(a.Name.Local)
		put(a.Value)
	}
}

// markHeader notes where the header ends: at the first item's start tag, or at the end of a
// document without items. Only the first call counts.
func (p *fastParser) markHeader(end int64) {
	l := p.list
	if l == nil || l.headerEnd >= 0 {
		return
	}
	l.headerEnd = end
	l.headerSum = l.header()
	l.usable = l.last != nil && l.last.bytes && l.last.header == l.headerSum
}

// closingTag returns the length of the end tag that b, one element's bytes, ends with when it is
// literally "</name>" with the name of its start tag; else 0. Elements that end otherwise
// (self-closing, closed by a mismatched end tag, white space before '>') are neither listed nor
// skipped: the decoder state after them is not the plain pop that skipping reproduces.
func closingTag(b []byte) int {
	if len(b) < 2 || b[0] != '<' {
		return 0
	}
	n := 1
	for n < len(b) && !isTagNameEnd(b[n]) {
		n++
	}
	name := b[1:n]
	want := len(name) + 3
	if len(name) == 0 || len(b) < n+want || b[len(b)-1] != '>' {
		return 0
	}
	end := b[len(b)-want:]
	if end[0] != '<' || end[1] != '/' || string(end[2:2+len(name)]) != string(name) {
		return 0
	}
	return want
}

// isTagNameEnd reports whether c ends the name of a start tag.
func isTagNameEnd(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', '/', '>':
		return true
	}
	return false
}

// itemStart returns where the start tag of the item the decoder just returned began, checked
// against the bytes: '<' and the element's name.
func (p *fastParser) itemStart(se xml.StartElement) (int64, bool) {
	start := p.tagStart
	if start < 0 || start >= int64(len(p.src)) || p.src[start] != '<' {
		return 0, false
	}
	b := p.src[start+1:]
	n := 0
	for n < len(b) && !isTagNameEnd(b[n]) {
		n++
	}
	name := b[:n]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return start, string(name) == se.Name.Local
}

// spanOf lists the item whose start tag began at start and whose end tag ended at end.
func (p *fastParser) spanOf(start, end int64) (itemRec, bool) {
	b := p.src[start:end]
	if closingTag(b) == 0 {
		return itemRec{}, false
	}
	return itemRec{
		prefix: maphash.Bytes(p.list.seed, b[:min(len(b), prefixLen)]),
		span:   span{n: int64(len(b)), sum: maphash.Bytes(p.list.seed, b)},
	}, true
}

// trySkip moves past the item whose start tag (at start) the decoder just returned when its bytes
// are those of an item the last listing holds: the reader is moved to the item's end tag, as
// skipText moves it past character data, and the decoder reads the end tag, popping the item off
// its stack as the full parse did. ok false means nothing moved: the item must be parsed. An error
// means the decoder did not find the end tag where the bytes put it, which identical bytes cannot
// do; the fast path then declines.
func (p *fastParser) trySkip(se xml.StartElement, start int64) (rec itemRec, ok bool, err error) {
	l := p.list
	if !l.usable {
		return itemRec{}, false, nil
	}
	pos := p.offset()
	if pos != p.r.Size()-int64(p.r.Len()) || pos < start+2 || p.src[pos-1] != '>' || p.src[pos-2] == '/' {
		return itemRec{}, false, nil // read-ahead byte held, or a self-closing item
	}
	for _, a := range se.Attr {
		// Identical bytes in an identical context parse the same even with these, but a
		// declaration on the item is rare enough not to be worth proving it.
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" || a.Name.Space == nsXML {
			return itemRec{}, false, nil
		}
	}
	rest := p.src[start:]
	if len(rest) >= prefixLen {
		if rec, ok, err := p.skipTo(rest, start, pos, maphash.Bytes(l.seed, rest[:prefixLen])); ok || err != nil {
			return rec, ok, err
		}
	}
	// Items shorter than prefixLen are looked up by their whole bytes, once per length listed.
	for short := l.last.short; short != 0; short &= short - 1 {
		n := bits.TrailingZeros64(short)
		if n > len(rest) {
			break
		}
		if rec, ok, err := p.skipTo(rest, start, pos, maphash.Bytes(l.seed, rest[:n])); ok || err != nil {
			return rec, ok, err
		}
	}
	return itemRec{}, false, nil
}

// skipTo is trySkip for the candidates listed under one prefix hash: rest is the document from the
// item's start tag (at start), pos the decoder's position after it.
func (p *fastParser) skipTo(rest []byte, start, pos int64, prefix uint64) (rec itemRec, ok bool, err error) {
	l := p.list
	for _, c := range l.last.candidates(prefix) {
		if c.n > int64(len(rest)) {
			continue
		}
		b := rest[:c.n]
		endTag := int64(closingTag(b))
		target := start + c.n - endTag
		if endTag == 0 || target < pos || maphash.Bytes(l.seed, b) != c.sum {
			continue
		}
		if _, err := p.r.Seek(target-pos, io.SeekCurrent); err != nil {
			return itemRec{}, false, nil
		}
		p.skipped += target - pos
		tok, err := p.next()
		if err != nil {
			return itemRec{}, false, err
		}
		if _, isEnd := tok.(xml.EndElement); !isEnd || p.offset() != start+c.n {
			return itemRec{}, false, fallback("skipped item did not end at its end tag")
		}
		return itemRec{prefix: prefix, span: c.span, skipped: true}, true, nil
	}
	return itemRec{}, false, nil
}

// listedItem parses the item or entry just started with parse, or moves past it when the last
// listing holds its bytes and returns a placeholder that parseFastListed drops. eligible says the
// item is a direct child of the element whose start tag is in the header (the first channel, the
// Atom feed): only then is its decoder context the header's. With no lister (Parse) it is parse.
func listedItem[T any](p *fastParser, se xml.StartElement, eligible bool, parse func() (*T, error)) (*T, error) {
	if p.list == nil {
		return parse()
	}
	start, startOK := p.itemStart(se)
	p.markHeader(p.tagStart)
	if !eligible || !startOK {
		return parse()
	}
	rec, ok, err := p.trySkip(se, start)
	if err != nil {
		return nil, err
	}
	if ok {
		placeholder := new(T)
		p.list.recs[placeholder] = rec
		return placeholder, nil
	}
	item, err := parse()
	if err != nil {
		return nil, err
	}
	if rec, ok := p.spanOf(start, p.offset()); ok {
		p.list.recs[item] = rec
	}
	return item, nil
}

// cutItems ends a fast-path parse's listing: the first maxItems items of the final list (items of
// a channel that a second one replaced are not in it, root-level RSS items come last, as gofeed
// orders them) are listed, and the placeholders of skipped ones are dropped.
func cutItems[T any](l *lister, items []*T) []*T {
	l.listing = &Listing{bytes: true, header: l.headerSum, items: len(items)}
	if l.maxItems > 0 && len(items) > l.maxItems {
		items = items[:l.maxItems]
	}
	spans := make([]listedSpan, 0, len(items))
	kept := make([]*T, 0, len(items))
	l.keys = make([]uint64, 0, len(items))
	for _, it := range items {
		rec, ok := l.recs[it]
		if ok {
			spans = append(spans, listedSpan{rec.prefix, rec.span})
			if rec.span.n < prefixLen {
				l.listing.short |= 1 << rec.span.n
			}
		}
		if ok && rec.skipped {
			l.skipped = append(l.skipped, rec.span.sum)
			continue
		}
		kept = append(kept, it)
		if ok {
			l.keys = append(l.keys, rec.span.sum)
		} else {
			l.keys = append(l.keys, 0)
		}
	}
	slices.SortFunc(spans, func(a, b listedSpan) int {
		return cmp.Or(cmp.Compare(a.prefix, b.prefix), cmp.Compare(a.n, b.n), cmp.Compare(a.sum, b.sum))
	})
	l.listing.spans = slices.Compact(spans)
	return kept
}

// listFields lists a parsed feed by the fields normalize reads, leaving out the items whose
// fingerprint last (a field listing) holds. It returns the listing and the fingerprints of the items
// kept and of those left out (see Parsed).
func listFields(seed maphash.Seed, finalURL string, feed *gofeed.Feed, last *Listing, maxItems int) (*Listing, []uint64, []uint64) {
	l := &Listing{items: len(feed.Items)}
	if maxItems > 0 && len(feed.Items) > maxItems {
		feed.Items = feed.Items[:maxItems]
	}
	var fps []uint64
	l.feedSum, fps = fingerprints(seed, finalURL, feed)
	l.fields = make(map[uint64]struct{}, len(fps))
	usable := last != nil && !last.bytes
	kept := feed.Items[:0:0]
	keys := make([]uint64, 0, len(fps))
	var skipped []uint64
	for i, it := range feed.Items {
		l.fields[fps[i]] = struct{}{}
		if usable {
			if _, ok := last.fields[fps[i]]; ok {
				skipped = append(skipped, fps[i])
				continue
			}
		}
		kept = append(kept, it)
		keys = append(keys, fps[i])
	}
	feed.Items = kept
	return l, keys, skipped
}

// feedSum hashes the feed-level fields normalize reads and the final URL, which normalize resolves
// relative links against.
func feedSum(seed maphash.Seed, finalURL string, feed *gofeed.Feed) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	writeStrings(&h, finalURL)
	writeFeedFields(&h, feed)
	return h.Sum64()
}

// fingerprints hashes every field of the feed and of each item that normalize reads (the feed's,
// and the final URL, go into each item's: an article takes the feed's link and author, and its
// relative links resolve against the final URL). maphash (AES-based
// where the CPU has it) rather than FNV's byte loop: every entry's body goes through it on every
// refresh; its per-process seed is no loss, the fingerprints never leave the process.
func fingerprints(seed maphash.Seed, finalURL string, feed *gofeed.Feed) (feedFP uint64, items []uint64) {
	feedFP = feedSum(seed, finalURL, feed)
	var h maphash.Hash
	h.SetSeed(seed)
	out := make([]uint64, len(feed.Items))
	for i, it := range feed.Items {
		h.Reset()
		writeStrings(&h, strconv.FormatUint(feedFP, 16))
		writeItemFields(&h, it)
		out[i] = h.Sum64()
	}
	return feedFP, out
}

// writeStrings writes each string with its length in front, so that no two lists of strings write
// the same bytes.
func writeStrings(w io.Writer, ss ...string) {
	var n [binary.MaxVarintLen64]byte
	for _, s := range ss {
		w.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		io.WriteString(w, s)
	}
}

func writeFeedFields(w io.Writer, f *gofeed.Feed) {
	writeStrings(w, f.Title, f.Link, f.FeedLink, f.Language)
	for _, p := range f.Authors {
		if p != nil {
			writeStrings(w, p.Name, p.Email)
		}
	}
	if f.Image != nil {
		writeStrings(w, f.Image.URL)
	}
}

// writeItemFields writes the item's fields. fmt prints maps sorted by key, so the (small) extension
// maps hash the same on every run.
func writeItemFields(w io.Writer, it *gofeed.Item) {
	if it == nil {
		return
	}
	writeStrings(w, it.Title, it.Description, it.Content, it.Link, it.GUID, it.Published, it.Updated)
	writeStrings(w, it.Links...)
	writeStrings(w, "categories")
	writeStrings(w, it.Categories...)
	for _, p := range it.Authors {
		if p != nil {
			writeStrings(w, "author", p.Name, p.Email)
		}
	}
	for _, e := range it.Enclosures {
		if e != nil {
			writeStrings(w, "enclosure", e.URL, e.Type, e.Length)
		}
	}
	if it.Image != nil {
		writeStrings(w, "image", it.Image.URL)
	}
	if it.DublinCoreExt != nil {
		fmt.Fprintf(w, "%v", *it.DublinCoreExt)
	}
	if len(it.Extensions) > 0 {
		fmt.Fprintf(w, "%v", it.Extensions)
	}
}
