package refresh

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"io"
	"strconv"

	"github.com/mmcdole/gofeed"
)

// Entries that a source lists again exactly as it listed them at its last stored refresh are not
// normalized or stored again: sanitizing is the costliest step of a refresh after parsing, and a
// feed that gained one story still lists its other forty-nine. The fingerprints live in memory only
// (a restart normalizes everything once) and are forgotten on a reload, whose new categories,
// author or timezone must reach every entry.
//
// What is given up: a skipped entry does not refresh the last sighting of its tombstone, so an
// article pruned while its source keeps listing it unchanged could come back after the tombstone's
// TTL (30 days) and a restart.

// fingerprints hashes every field of the feed and of each item that normalize reads. maphash
// (AES-based where the CPU has it) rather than FNV's byte loop: every entry's body goes through it
// on every refresh; its per-process seed is no loss, the fingerprints never leave the process.
func fingerprints(seed maphash.Seed, feed *gofeed.Feed) []uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	writeFeedFields(&h, feed)
	feedSum := h.Sum64()
	out := make([]uint64, len(feed.Items))
	for i, it := range feed.Items {
		h.Reset()
		writeStrings(&h, strconv.FormatUint(feedSum, 16))
		writeItemFields(&h, it)
		out[i] = h.Sum64()
	}
	return out
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

// skipUnchanged drops from feed the items whose fingerprint is in last and returns how many it
// dropped and the fingerprints of every item (to remember once the feed is stored).
func skipUnchanged(seed maphash.Seed, feed *gofeed.Feed, last map[uint64]struct{}) (skipped int, all map[uint64]struct{}) {
	fps := fingerprints(seed, feed)
	all = make(map[uint64]struct{}, len(fps))
	kept := feed.Items[:0:0]
	for i, it := range feed.Items {
		all[fps[i]] = struct{}{}
		if _, ok := last[fps[i]]; ok {
			skipped++
			continue
		}
		kept = append(kept, it)
	}
	feed.Items = kept
	return skipped, all
}
