package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"
	"unsafe"

	"github.com/klauspost/compress/s2"

	"tributary/aggregator"
	"tributary/aggregator/merge"
)

// Version bytes in front of every stored record, so that a later build can read old values or
// refuse them clearly.
const (
	recordV1    = 1 // body inline; still read, rewritten as recordV2 when next written
	recordV2    = 2 // body in the bodies bucket; still read, rewritten as recordV3 when next written
	recordV3    = 3 // recordV2 and the story at the end
	stateV1     = 1
	tombstoneV1 = 1
	bodyRaw     = 0 // codec byte in front of a stored body: the UTF-8 text as is
	bodyS2      = 1 // codec byte: the text compressed with S2 (github.com/klauspost/compress/s2)
)

// minCompressed is the body length below which compressing is not tried: the codec's framing
// would eat most of the gain.
const minCompressed = 128

// record is an article as stored: the article plus, for each of its sources, the hash of the title
// and body that this source last delivered (0 when the source never delivered its own copy).
//
// The body is not in the record but in the bodies bucket under bodyRef, so that refreshes, which
// read and rewrite records at random ids, never read or rewrite the bodies around them: a record
// is a few hundred bytes, a body several kilobytes. decodeRecord leaves a.Body empty; loadBody
// fills it when a reader needs it. bodyLen and shown describe the body without reading it.
type record struct {
	a      aggregator.Article
	hashes []uint64 // parallel to a.Sources

	bodyRef uint64 // key of the body in the bodies bucket; 0 when not stored there yet
	bodyLen int    // len(body) in bytes
	shown   uint64 // contentHash(a.Title, body): the copy of the story that is shown
	newBody bool   // a.Body is text that put must store (a new or replaced body, or a recordV1's)
	enc     []byte // a.Body as encodeBody makes it, when the saver prepared it; nil: put encodes
}

// prepared is the work of saving one entry that needs no transaction: the hash of its text and
// its body as stored. SaveListed does it in the caller's goroutine, before the feed waits for the
// writer; inside the transaction the two were a fifth of the single writer's time, the critical
// path of a full refresh on two cores, while the other core waited (issue 16).
type prepared struct {
	hash uint64 // contentHash(a.Title, a.Body)
	body []byte // encodeBody(a.Body); nil: put encodes it if it stores it
}

// prepare returns the prepared work of articles, parallel to them. A body is encoded whether or
// not the writer then stores it: a feed's entries that reach the store are new or changed (the
// refresher leaves out those listed unchanged), and a copy whose body the store keeps anyway
// (another source's, no fuller) wastes an encoding that costs less than finding that out first.
func prepare(articles []aggregator.Article) []prepared {
	pre := make([]prepared, len(articles))
	for i := range articles {
		a := &articles[i]
		pre[i] = prepared{hash: contentHash(a.Title, a.Body), body: encodeBody(a.Body)}
	}
	return pre
}

// setContent makes title and body the record's shown copy, with pre the prepared work of that
// text; put stores the body.
func (r *record) setContent(title, body string, pre prepared) {
	r.a.Title, r.a.Body = title, body
	r.bodyLen = len(body)
	r.shown = pre.hash
	r.enc = pre.body
	r.newBody = true
}

// sourceIndex returns the position of name in the record's sources, or -1.
func (r *record) sourceIndex(name string) int {
	for i, s := range r.a.Sources {
		if s == name {
			return i
		}
	}
	return -1
}

// contentHash identifies one copy of a story's text (aggregator/merge: every backend's hashes are
// the same, so that a copy between stores keeps them).
func contentHash(title, body string) uint64 { return merge.ContentHash(title, body) }

// Time kinds in a record.
const (
	timeZero  = 0
	timeUTC   = 1
	timeZoned = 2
)

// encodeRecord writes r compactly: a version byte, then length-prefixed strings, the body's
// reference, length and hash, flags, times, and the category and source lists. The ID is the key
// and not repeated; the body is stored apart (see record). The returned slice is fresh:
// bbolt keeps values by reference until the transaction ends.
func encodeRecord(r *record) []byte {
	a := &r.a
	n := 1 + 1 + 3*32 + 9*binary.MaxVarintLen32 +
		len(a.Key) + len(a.Title) + len(a.HeadImg) + len(a.Thumbnail) + len(a.Author) +
		len(a.Link) + len(a.GUID) + 2*binary.MaxVarintLen64 + 8 + 2*binary.MaxVarintLen32
	for _, c := range a.Categories {
		n += binary.MaxVarintLen32 + len(c)
	}
	for _, s := range a.Sources {
		n += binary.MaxVarintLen32 + len(s) + 8
	}
	n += binary.MaxVarintLen32 + len(a.Story)
	b := make([]byte, 0, n)
	b = append(b, recordV3)
	for _, s := range [...]string{a.Key, a.Title, a.HeadImg, a.Thumbnail, a.Author, a.Link, a.GUID} {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, r.bodyRef)
	b = binary.AppendUvarint(b, uint64(r.bodyLen))
	b = binary.BigEndian.AppendUint64(b, r.shown)
	var flags byte
	if a.Comments {
		flags |= 1
	}
	b = append(b, flags)
	b = appendTime(b, a.Date)
	b = appendTime(b, a.Updated)
	b = appendTime(b, a.FirstSeen)
	b = binary.AppendUvarint(b, uint64(len(a.Categories)))
	for _, c := range a.Categories {
		b = appendString(b, c)
	}
	b = binary.AppendUvarint(b, uint64(len(a.Sources)))
	for i, s := range a.Sources {
		b = appendString(b, s)
		b = binary.BigEndian.AppendUint64(b, r.hashes[i])
	}
	return appendString(b, a.Story)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// appendTime keeps the instant and the zone (name and offset), so that a date read back prints as
// it was stored.
func appendTime(b []byte, t time.Time) []byte {
	if t.IsZero() {
		return append(b, timeZero)
	}
	name, off := t.Zone()
	if t.Location() == time.UTC {
		b = append(b, timeUTC)
	} else {
		b = append(b, timeZoned)
		b = binary.AppendVarint(b, int64(off))
		b = appendString(b, name)
	}
	b = binary.AppendVarint(b, t.Unix())
	return binary.AppendUvarint(b, uint64(t.Nanosecond()))
}

// errCorrupt is wrapped by every decoding error.
var errCorrupt = errors.New("corrupt record")

// decoder reads what encodeRecord wrote; the first error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: bad %s", errCorrupt, what)
	}
}

func (d *decoder) byte(what string) byte {
	if d.err != nil || len(d.b) == 0 {
		d.fail(what)
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint(what string) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(what)
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint(what string) int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail(what)
		return 0
	}
	d.b = d.b[n:]
	return v
}

// string copies out of d.b, which may be memory owned by bbolt.
func (d *decoder) string(what string) string {
	n := d.uvarint(what)
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.b)) {
		d.fail(what)
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) uint64(what string) uint64 {
	if d.err != nil || len(d.b) < 8 {
		d.fail(what)
		return 0
	}
	v := binary.BigEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

func (d *decoder) time(what string) time.Time {
	var loc *time.Location
	switch d.byte(what) {
	case timeZero:
		return time.Time{}
	case timeUTC:
		loc = time.UTC
	case timeZoned:
		off := d.varint(what)
		name := d.string(what)
		if off < -24*3600 || off > 24*3600 {
			d.fail(what)
		}
		loc = time.FixedZone(name, int(off))
	default:
		d.fail(what)
	}
	sec := d.varint(what)
	nsec := d.uvarint(what)
	if nsec >= 1e9 {
		d.fail(what)
	}
	if d.err != nil {
		return time.Time{}
	}
	return time.Unix(sec, int64(nsec)).In(loc)
}

// count reads a list length, refusing lengths that the remaining bytes cannot hold.
func (d *decoder) count(what string) int {
	n := d.uvarint(what)
	if d.err == nil && n > uint64(len(d.b)) {
		d.fail(what)
	}
	if d.err != nil {
		return 0
	}
	return int(n)
}

// decodeRecord reads a record stored under id, without its body (see loadBody). Everything is
// copied: the result outlives the transaction.
func decodeRecord(id string, b []byte) (record, error) {
	var r record
	if len(b) == 0 || b[0] < recordV1 || b[0] > recordV3 {
		if len(b) == 0 {
			return r, fmt.Errorf("%w: empty value", errCorrupt)
		}
		return r, fmt.Errorf("%w: unknown record version %d", errCorrupt, b[0])
	}
	version := b[0]
	d := decoder{b: b[1:]}
	a := &r.a
	a.ID = id
	a.Key = d.string("key")
	a.Title = d.string("title")
	a.HeadImg = d.string("headimg")
	a.Thumbnail = d.string("thumbnail")
	a.Author = d.string("author")
	a.Link = d.string("link")
	a.GUID = d.string("guid")
	if version == recordV1 {
		// Written before bodies moved to their own bucket: the next put moves it there.
		body := d.string("body")
		if d.err == nil {
			r.setContent(a.Title, body, prepared{hash: contentHash(a.Title, body)})
		}
	} else {
		r.bodyRef = d.uvarint("body reference")
		n := d.uvarint("body length")
		if d.err == nil && (r.bodyRef == 0 || n > math.MaxInt32) {
			d.fail("body reference")
		}
		r.bodyLen = int(n)
		r.shown = d.uint64("body hash")
	}
	a.Comments = d.byte("flags")&1 != 0
	a.Date = d.time("date")
	a.Updated = d.time("updated")
	a.FirstSeen = d.time("first_seen")
	if n := d.count("categories"); n > 0 {
		a.Categories = make([]string, n)
		for i := range a.Categories {
			a.Categories[i] = d.string("category")
		}
	}
	if n := d.count("sources"); n > 0 {
		a.Sources = make([]string, n)
		r.hashes = make([]uint64, n)
		for i := range a.Sources {
			a.Sources[i] = d.string("source")
			r.hashes[i] = d.uint64("hash")
		}
	}
	if version >= recordV3 {
		a.Story = d.string("story")
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail("trailing bytes")
	}
	if d.err != nil {
		return record{}, d.err
	}
	return r, nil
}

// bodyKey is the bodies bucket key of ref: big-endian, so that bodies are appended in the order
// they are written and a refresh writes new pages at the end of the bucket only.
func bodyKey(ref uint64) []byte { return putUint64(ref) }

// encodeBody is a stored body: a codec byte, then the text, compressed with S2 when that makes it
// smaller. Bodies are most of the database, and the database is read through a memory map, so
// their size is both the file's size and the memory the kernel maps in around every page a refresh
// touches. S2 rather than zstd: on the farm's Chinese HTML it compresses 1.6× at ~190 MB/s and
// decompresses at ~1 GB/s, where zstd's fastest level gives 1.76× at ~65 MB/s, which would add
// about a CPU-second to a 25,000-entry refresh.
func encodeBody(body string) []byte {
	if len(body) >= minCompressed {
		b := make([]byte, 1+s2.MaxEncodedLen(len(body)))
		b[0] = bodyS2
		// s2 only reads its source, so the string's bytes can be passed without a copy.
		z := s2.EncodeBetter(b[1:], unsafe.Slice(unsafe.StringData(body), len(body)))
		if len(z) < len(body) {
			return b[:1+len(z)]
		}
	}
	b := make([]byte, 0, 1+len(body))
	b = append(b, bodyRaw)
	return append(b, body...)
}

// decodeBody copies a stored body out of v, which may be memory owned by bbolt.
func decodeBody(v []byte) (string, error) {
	if len(v) == 0 {
		return "", fmt.Errorf("%w: empty body value", errCorrupt)
	}
	switch v[0] {
	case bodyRaw:
		return string(v[1:]), nil
	case bodyS2:
		n, err := s2.DecodedLen(v[1:])
		if err != nil || n > maxBodyLen {
			return "", fmt.Errorf("%w: bad compressed body", errCorrupt)
		}
		b, err := s2.Decode(make([]byte, n), v[1:])
		if err != nil {
			return "", fmt.Errorf("%w: bad compressed body: %v", errCorrupt, err)
		}
		if len(b) == 0 {
			return "", nil
		}
		// b is fresh and never written again: the string can share it.
		return unsafe.String(&b[0], len(b)), nil
	}
	return "", fmt.Errorf("%w: unknown body codec %d", errCorrupt, v[0])
}

// maxBodyLen bounds what a damaged compressed body may claim to expand to.
const maxBodyLen = 64 << 20

// encodeState stores a fetch state as a version byte and JSON: it is small, written once per fetch,
// and JSON lets fields be added without a new version.
func encodeState(st aggregator.FetchState) ([]byte, error) {
	j, err := json.Marshal(st)
	if err != nil {
		return nil, err
	}
	return append([]byte{stateV1}, j...), nil
}

func decodeState(b []byte) (aggregator.FetchState, error) {
	var st aggregator.FetchState
	if len(b) == 0 || b[0] != stateV1 {
		return st, fmt.Errorf("%w: unknown fetch state version", errCorrupt)
	}
	if st, ok := decodeStateFast(b[1:]); ok {
		return st, nil
	}
	if err := json.Unmarshal(b[1:], &st); err != nil {
		return st, fmt.Errorf("%w: %w", errCorrupt, err)
	}
	return st, nil
}

// tombstone remembers a pruned article: when it was pruned and when a source last listed it.
type tombstone struct {
	pruned, lastSeen time.Time
}

func encodeTombstone(t tombstone) []byte {
	b := make([]byte, 0, 17)
	b = append(b, tombstoneV1)
	b = binary.BigEndian.AppendUint64(b, uint64(t.pruned.UnixNano()))
	return binary.BigEndian.AppendUint64(b, uint64(t.lastSeen.UnixNano()))
}

func decodeTombstone(b []byte) (tombstone, error) {
	if len(b) != 17 || b[0] != tombstoneV1 {
		return tombstone{}, fmt.Errorf("%w: bad tombstone", errCorrupt)
	}
	return tombstone{
		pruned:   time.Unix(0, int64(binary.BigEndian.Uint64(b[1:9]))),
		lastSeen: time.Unix(0, int64(binary.BigEndian.Uint64(b[9:17]))),
	}, nil
}
