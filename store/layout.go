package store

import (
	"bytes"
	"encoding/binary"
	"math"
	"slices"
	"strings"
	"time"

	"tributary/aggregator/merge"
)

// The buckets, all created by Open in one transaction. See the package comment for their keys and
// values.
var (
	bucketMeta           = []byte("meta")
	bucketArticles       = []byte("articles")
	bucketByDate         = []byte("by_date")
	bucketBySource       = []byte("by_source")
	bucketByCategory     = []byte("by_category")
	bucketSourceCounts   = []byte("source_counts")
	bucketCategoryCounts = []byte("category_counts")
	bucketStates         = []byte("states")
	bucketTombstones     = []byte("tombstones")
	bucketBodies         = []byte("bodies")
	bucketListed         = []byte("listed")
	bucketPrints         = []byte("story_prints")
	bucketMembers        = []byte("story_members")
	bucketApart          = []byte("story_apart")
	bucketStoryLog       = []byte("story_log")
	bucketByDateNew      = []byte("by_date_new")
	bucketByCategoryNew  = []byte("by_category_new")
)

// allBuckets lists every bucket that Open creates.
var allBuckets = [][]byte{
	bucketMeta, bucketArticles, bucketByDate, bucketBySource, bucketByCategory,
	bucketSourceCounts, bucketCategoryCounts, bucketStates, bucketTombstones, bucketBodies,
	bucketListed, bucketPrints, bucketMembers, bucketApart, bucketStoryLog,
	bucketByDateNew, bucketByCategoryNew,
}

// Keys of the meta bucket.
var (
	keySchema     = []byte("schema")
	keyArticles   = []byte("articles")
	keyGeneration = []byte("generation")
)

// schemaVersion is the layout this build reads and writes. Raise it with every incompatible change
// and teach Open to migrate or refuse older files.
//
// Version 2 moved bodies out of article records into the bodies bucket. A version 1 file is
// upgraded when opened (the bucket is created and the version raised: a version 1 build then
// refuses the file); its records are read as they are and rewritten in the new form when they
// next change (see decodeRecord), so the upgrade costs nothing at startup.
//
// Version 3 added the story to article records (recordV3) and the story_* buckets; older records
// are read as articles that are their own story, and the buckets are created at Open.
//
// Version 4 stages new by_date and by_category entries in by_date_new and by_category_new (fresh.go).
// The upgrade creates the two buckets; a version 3 build, which would not read them, refuses the
// file.
const (
	schemaVersion       = 4
	oldestSchemaVersion = 1
)

// dateLen is the length of an encoded date in index keys.
const dateLen = 8

// Unix seconds beyond which microseconds no longer fit an int64; dates past them are clamped.
const (
	minMicroSec = math.MinInt64/1_000_000 + 1
	maxMicroSec = math.MaxInt64/1_000_000 - 1
)

// putDate writes t as 8 sortable bytes: Unix microseconds (floored), big-endian, sign bit flipped.
func putDate(b []byte, t time.Time) {
	var us int64
	switch sec := t.Unix(); {
	case sec < minMicroSec:
		us = math.MinInt64
	case sec > maxMicroSec:
		us = math.MaxInt64
	default:
		us = t.UnixMicro()
	}
	binary.BigEndian.PutUint64(b, uint64(us)^(1<<63))
}

// dateKey returns the 8-byte index form of t.
func dateKey(t time.Time) []byte {
	b := make([]byte, dateLen)
	putDate(b, t)
	return b
}

// suffixKey returns the common tail of every index key of an article: date(8) + id.
func suffixKey(date time.Time, id string) []byte {
	b := make([]byte, dateLen+len(id))
	putDate(b, date)
	copy(b[dateLen:], id)
	return b
}

// namePrefix returns name + 0x00, the prefix of a source's or a category's index keys.
func namePrefix(name string) []byte {
	b := make([]byte, len(name)+1)
	copy(b, name)
	return b
}

// appendNameKey appends name 0x00 suffix to dst.
func appendNameKey(dst []byte, name string, suffix []byte) []byte {
	dst = append(dst, name...)
	dst = append(dst, 0)
	return append(dst, suffix...)
}

// prefixEnd returns the smallest key greater than every key starting with prefix, or nil when
// there is none (empty prefix). Prefixes here end in 0x00, so this is cheap.
func prefixEnd(prefix []byte) []byte {
	end := bytes.Clone(prefix)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// The limits on names and IDs keep every key well under bbolt's MaxKeySize; aggregator/merge
// holds them, so that every backend accepts the same.
func checkName(kind, name string) error { return merge.CheckName(kind, name) }

func checkID(id string) error { return merge.CheckID(id) }

// indexedCategory reports whether a (normalized) category gets index entries.
func indexedCategory(c string) bool { return merge.Indexed(c) }

// normalizeCategories returns cats without empty names and repeats, NUL bytes replaced by U+FFFD
// (a NUL would make a category's keys ambiguous, and it is illegal in every output format anyway).
// It returns cats itself when nothing needs to change. Its cost is linear in len(cats).
func normalizeCategories(cats []string) []string {
	if categoriesClean(cats) {
		return cats
	}
	out := make([]string, 0, len(cats))
	var seen nameSet
	for _, c := range cats {
		c = strings.ReplaceAll(c, "\x00", "\uFFFD")
		if c != "" && seen.add(c) {
			out = append(out, c)
		}
	}
	return out
}

// categoriesClean reports whether cats has no empty name, NUL byte or repeat; without allocating
// when cats is short, as it almost always is.
func categoriesClean(cats []string) bool {
	var seen nameSet
	for i, c := range cats {
		if c == "" || strings.IndexByte(c, 0) >= 0 {
			return false
		}
		if len(cats) <= nameSetScan {
			if contains(cats[:i], c) {
				return false
			}
		} else if !seen.add(c) {
			return false
		}
	}
	return true
}

// nameSetScan is the size up to which a nameSet scans a list instead of hashing.
const nameSetScan = 16

// nameSet tells names seen before from new ones. A few names (the usual categories of an article)
// are scanned in a list; past nameSetScan they move to a map, so that n names cost O(n) and not
// O(n²) whatever a feed lists.
type nameSet struct {
	list []string
	m    map[string]struct{}
}

// newNameSet returns a set holding names, which it never modifies.
func newNameSet(names []string) nameSet {
	var s nameSet
	if len(names) <= nameSetScan {
		s.list = slices.Clip(names)
		return s
	}
	s.m = make(map[string]struct{}, len(names))
	for _, n := range names {
		s.m[n] = struct{}{}
	}
	return s
}

// add adds name and reports whether it was new.
func (s *nameSet) add(name string) bool {
	if s.m != nil {
		if _, ok := s.m[name]; ok {
			return false
		}
		s.m[name] = struct{}{}
		return true
	}
	if contains(s.list, name) {
		return false
	}
	s.list = append(s.list, name)
	if len(s.list) > nameSetScan {
		s.m = make(map[string]struct{}, 2*len(s.list))
		for _, n := range s.list {
			s.m[n] = struct{}{}
		}
		s.list = nil
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// putUint64 and getUint64 read and write the 8-byte big-endian counters.
func putUint64(v uint64) []byte { return binary.BigEndian.AppendUint64(make([]byte, 0, 8), v) }

func getUint64(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}
