package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

func TestRecordCodec(t *testing.T) {
	r := record{
		a: aggregator.Article{
			ID: "id", Key: "k", Title: "标题", Categories: []string{"金融", "深度"}, HeadImg: "h", Thumbnail: "th",
			Author: "财联社", Comments: true, Date: time.Date(2021, 11, 18, 9, 6, 1, 0, time.FixedZone("CST", 8*3600)),
			Updated: time.Date(2021, 11, 18, 1, 6, 1, 5, time.UTC), Body: "<p>正文</p>", Link: "l", GUID: "g",
			Sources: []string{"a", "b"},
		},
		hashes:  []uint64{contentHash("标题", "<p>正文</p>"), 0},
		bodyRef: 7, bodyLen: len("<p>正文</p>"), shown: contentHash("标题", "<p>正文</p>"),
	}
	b := encodeRecord(&r)
	got, err := decodeRecord("id", b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encodeRecord(&got), b) {
		t.Error("decode then encode changed the bytes")
	}
	if got.a.Title != r.a.Title || !got.a.Date.Equal(r.a.Date) || got.hashes[0] != r.hashes[0] {
		t.Errorf("decoded %+v", got)
	}
	if got.a.Body != "" || got.newBody || got.bodyRef != 7 || got.bodyLen != r.bodyLen || got.shown != r.shown {
		t.Errorf("body fields: ref %d len %d shown %x new %v body %q", got.bodyRef, got.bodyLen, got.shown, got.newBody, got.a.Body)
	}
	// A record written before bodies had their own bucket carries its body inline, and put
	// must move it.
	v1, err := decodeRecord("id", encodeRecordV1(&r.a, r.hashes))
	if err != nil {
		t.Fatal(err)
	}
	if v1.a.Body != r.a.Body || !v1.newBody || v1.bodyRef != 0 || v1.shown != r.shown || v1.bodyLen != r.bodyLen {
		t.Errorf("v1 record: body %q new %v ref %d", v1.a.Body, v1.newBody, v1.bodyRef)
	}
	// A v2 record without a body reference is corrupt.
	noRef := r
	noRef.bodyRef = 0
	if _, err := decodeRecord("id", encodeRecord(&noRef)); !errors.Is(err, errCorrupt) {
		t.Errorf("record without body reference: %v", err)
	}
	// Every truncation and a few corruptions fail cleanly, never panic.
	for i := range len(b) {
		if _, err := decodeRecord("id", b[:i]); !errors.Is(err, errCorrupt) {
			t.Fatalf("truncated at %d: %v", i, err)
		}
	}
	for _, bad := range [][]byte{nil, {2}, {3}, append(bytes.Clone(b), 0)} {
		if _, err := decodeRecord("id", bad); !errors.Is(err, errCorrupt) {
			t.Errorf("decode(%x) = %v", bad, err)
		}
	}
}

// FuzzDecodeRecord: a damaged file must give errors, not panics. Seeds are valid records.
func FuzzDecodeRecord(f *testing.F) {
	f.Add(encodeRecord(&record{a: aggregator.Article{ID: "x", Title: "t", Sources: []string{"s"}, Date: time.Unix(1, 0)}, hashes: []uint64{1}, bodyRef: 1, bodyLen: 3}))
	f.Add(encodeRecord(&record{a: aggregator.Article{ID: "y", Categories: []string{"a", "b"}, Date: time.Unix(1, 0).In(time.FixedZone("CST", 8*3600))}, bodyRef: 9}))
	f.Add(encodeRecordV1(&aggregator.Article{ID: "z", Title: "t", Body: "<p>b</p>", Sources: []string{"s"}}, []uint64{1}))
	f.Add(encodeRecord(&record{a: aggregator.Article{ID: "w", Story: "x", Sources: []string{"s"}}, hashes: []uint64{1}, bodyRef: 2}))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decodeRecord("id", b)
		if err != nil {
			return
		}
		// What decodes encodes back to a record that decodes the same.
		if r.newBody { // a v1 record: put would store the body and give it a reference
			r.bodyRef = 1
		}
		again, err := decodeRecord("id", encodeRecord(&r))
		if err != nil || again.a.Title != r.a.Title || len(again.hashes) != len(r.hashes) || again.bodyLen != r.bodyLen || again.shown != r.shown || again.a.Story != r.a.Story {
			t.Fatalf("re-encoding failed: %v", err)
		}
	})
}

// TestDateKeyOrder: index keys sort as the dates they encode, across 1970 and at the ends of
// time.Time's range (clamped there), floored to microseconds.
func TestDateKeyOrder(t *testing.T) {
	dates := []time.Time{
		{}, // year 1
		time.Date(1969, 12, 31, 23, 59, 59, 999_999_000, time.UTC),
		time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Unix(0, 1000).In(time.FixedZone("CST", 8*3600)),
		time.Date(2021, 11, 18, 1, 6, 1, 0, time.UTC),
		time.Date(2021, 11, 18, 9, 6, 1, 1000, time.FixedZone("CST", 8*3600)),
		time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC),
	}
	for i := 1; i < len(dates); i++ {
		if a, b := dateKey(dates[i-1]), dateKey(dates[i]); bytes.Compare(a, b) >= 0 {
			t.Errorf("key(%v) = %x is not below key(%v) = %x", dates[i-1], a, dates[i], b)
		}
	}
	tests := []struct {
		name string
		a, b time.Time
	}{
		{"same microsecond", time.Unix(5, 1000), time.Unix(5, 1999)},
		{"same instant, other zone", time.Unix(5, 0), time.Unix(5, 0).In(time.FixedZone("CST", 8*3600))},
		{"clamped far future", time.Date(400000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"clamped far past", time.Date(-400000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-300000, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a, b := dateKey(tt.a), dateKey(tt.b); !bytes.Equal(a, b) {
				t.Errorf("keys differ: %x %x", a, b)
			}
		})
	}
}

// encodeRecordV1 writes a record as schema version 1 did, body inline, for the upgrade tests.
func encodeRecordV1(a *aggregator.Article, hashes []uint64) []byte {
	b := []byte{recordV1}
	for _, s := range [...]string{a.Key, a.Title, a.HeadImg, a.Thumbnail, a.Author, a.Link, a.GUID, a.Body} {
		b = appendString(b, s)
	}
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
		b = binary.BigEndian.AppendUint64(b, hashes[i])
	}
	return b
}

func TestBodyCodec(t *testing.T) {
	seed := strings.Repeat("<p>财联社11月18日讯，央行今日开展逆回购操作。</p>", 40)
	random := make([]byte, 4096)
	_, _ = rand.NewChaCha8([32]byte{1}).Read(random) // not compressible
	tests := []struct {
		name  string
		body  string
		codec byte
	}{
		{"empty", "", bodyRaw},
		{"short", "<p>短</p>", bodyRaw},
		{"article", seed, bodyS2},
		{"incompressible", string(random), bodyRaw},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := encodeBody(tt.body)
			if v[0] != tt.codec {
				t.Errorf("codec %d, want %d", v[0], tt.codec)
			}
			if tt.codec == bodyS2 && len(v) >= len(tt.body)*3/4 {
				t.Errorf("compressed %d bytes to %d", len(tt.body), len(v))
			}
			got, err := decodeBody(v)
			if err != nil || got != tt.body {
				t.Fatalf("round trip: %v, equal %v", err, got == tt.body)
			}
		})
	}
	good := encodeBody(seed)
	for _, bad := range [][]byte{nil, {9, 1, 2}, {bodyS2}, {bodyS2, 0xff, 0xff, 0xff, 0xff, 0x0f}, good[:len(good)/2]} {
		if _, err := decodeBody(bad); !errors.Is(err, errCorrupt) {
			t.Errorf("decodeBody(%.12x…) = %v, want errCorrupt", bad, err)
		}
	}
}

// FuzzDecodeBody: a damaged body value gives an error, never a panic or a huge allocation.
func FuzzDecodeBody(f *testing.F) {
	f.Add(encodeBody(strings.Repeat("<p>正文</p>", 50)))
	f.Add(encodeBody("<p>x</p>"))
	f.Fuzz(func(t *testing.T, v []byte) {
		body, err := decodeBody(v)
		if err != nil {
			return
		}
		if got, err := decodeBody(encodeBody(body)); err != nil || got != body {
			t.Fatalf("re-encoding: %v", err)
		}
	})
}

// TestPreparedWorkFollowsItsEntry: SaveListed hashes and encodes the entries' bodies before the
// transaction, in the feed's order, and the writer saves them in ID order. Each stored body and
// hash must be its own entry's, through every path that takes a copy's text: insert, another
// source's fuller copy, and a source's changed copy; and a feed listing one ID twice keeps the
// first.
func TestPreparedWorkFollowsItsEntry(t *testing.T) {
	s := openStore(t, Options{})
	long := func(id, v string) string { return "<p>" + strings.Repeat(id+" "+v+" 正文。", 40) + "</p>" }
	mk := func(id, src, v string) aggregator.Article {
		a := art(id, src, day(1))
		a.Title, a.Body = "title "+id+" "+v, long(id, v)
		return a
	}
	// IDs listed against their order, so that the writer's order is not the feed's.
	save(t, s, "a", mk("e", "a", "1"), mk("c", "a", "1"), mk("a", "a", "1"), mk("d", "a", "1"), mk("b", "a", "1"))
	fuller := mk("c", "b", "fuller copy from b")
	fuller.Body += long("c", "more")
	changed := mk("a", "a", "2")
	dup := mk("d", "a", "1")
	shorter := mk("e", "b", "2")
	shorter.Body = "<p>e</p>"
	save(t, s, "b", shorter, fuller)
	save(t, s, "a", mk("e", "a", "1"), dup, changed, mk("d", "a", "3"), mk("c", "a", "1"), mk("b", "a", "1"))
	want := map[string]aggregator.Article{
		"a": changed, "b": mk("b", "a", "1"), "c": fuller, "d": dup, "e": mk("e", "a", "1"),
	}
	for id, w := range want {
		got := get(t, s, id)
		if got.Title != w.Title || got.Body != w.Body {
			t.Errorf("%s: stored %q / %d bytes, want %q / %d bytes", id, got.Title, len(got.Body), w.Title, len(w.Body))
		}
	}
	mustCheck(t, s) // every stored body matches the length and hash in its record
}
