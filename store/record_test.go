package store

import (
	"bytes"
	"errors"
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
		hashes: []uint64{contentHash("标题", "<p>正文</p>"), 0},
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
	// Every truncation and a few corruptions fail cleanly, never panic.
	for i := range len(b) {
		if _, err := decodeRecord("id", b[:i]); !errors.Is(err, errCorrupt) {
			t.Fatalf("truncated at %d: %v", i, err)
		}
	}
	for _, bad := range [][]byte{nil, {2}, append(bytes.Clone(b), 0)} {
		if _, err := decodeRecord("id", bad); !errors.Is(err, errCorrupt) {
			t.Errorf("decode(%x) = %v", bad, err)
		}
	}
}

// FuzzDecodeRecord: a damaged file must give errors, not panics. Seeds are valid records.
func FuzzDecodeRecord(f *testing.F) {
	f.Add(encodeRecord(&record{a: aggregator.Article{ID: "x", Title: "t", Sources: []string{"s"}, Date: time.Unix(1, 0)}, hashes: []uint64{1}}))
	f.Add(encodeRecord(&record{a: aggregator.Article{ID: "y", Categories: []string{"a", "b"}, Date: time.Unix(1, 0).In(time.FixedZone("CST", 8*3600))}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := decodeRecord("id", b)
		if err != nil {
			return
		}
		// What decodes encodes back to a record that decodes the same.
		again, err := decodeRecord("id", encodeRecord(&r))
		if err != nil || again.a.Title != r.a.Title || len(again.hashes) != len(r.hashes) {
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
