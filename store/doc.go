// Package store keeps tributary's articles and source state in one bbolt file and implements
// aggregator.Store.
//
// The layout is built so that what happens often is cheap whatever the database holds: a fetched feed
// is stored in one write transaction, an output's newest articles are read through index cursors
// without scanning all articles, and Open and Stats read counters instead of counting. Every bucket is
// created when the database is opened; their names are the bucket* variables of layout.go.
//
//	meta            "schema" → uint32, "articles" → uint64, "generation" → uint64 (big-endian)
//	articles        id → article record (version byte, binary fields, body reference, length and
//	                hash, per-source content hashes)
//	bodies          reference(8) → codec byte, body (references come from the bucket's sequence)
//	by_date         date(8) id → empty
//	by_source       source 0x00 date(8) id → empty
//	by_category     category 0x00 date(8) id → empty
//	by_date_new     as by_date: entries put since the last fold into by_date (fresh.go); its
//	                bucket sequence counts the puts
//	by_category_new the same for by_category
//	source_counts   source → uint64: articles that the source carries
//	category_counts category → uint64: articles that carry the category (plans queries)
//	states          source → fetch state (version byte, JSON)
//	tombstones      id → version byte, pruned at(8), last seen(8) (Unix nanoseconds)
//	listed          source 0x00 id → empty: what the source's latest stored feed lists
//	story_prints    first-seen date(8) id → story (length-prefixed; empty: its own) + the article's print
//	story_members   story 0x00 id → empty: only articles that joined another article's story
//	story_apart     id 0x00 story → split at (8): an operator took the article out of that story
//	story_log       sequence(8) → JSON: the last 1,000 merges and splits (time, score, titles)
//
// date(8) is the article's Date in Unix microseconds, big-endian with the sign bit flipped, so that
// byte order is time order for every year a time.Time can hold; index keys sort by date, then by id.
// Outputs list articles newest first and, within one microsecond, by id descending.
//
// Deduplication: an article is stored once under its ID. Each source's own copy of the title and body
// is remembered as a hash in the record, so that a second source carrying the story merges into it
// (sources and categories become the union) and only a change of a source's own copy updates the
// stored text: two sources with different texts of one story never flip-flop it.
//
// Bodies live apart from records because ids are hashes: records are read and rewritten at random
// places of their bucket by every refresh, and with bodies inline each of those touched a page of
// kilobytes of text, which bbolt then rewrote whole and which stayed mapped in memory. Bodies are
// appended under increasing references instead, written once and read only by outputs. A body's
// hash and its compressed form are computed in the saver's goroutine before the feed waits for the
// writer (prepare): the single writer is a full refresh's critical path.
//
// Stories (story.go): articles whose texts tell the same news group into a story, whose ID is that of
// its first stored article; the record holds the story (recordV3), empty when the article is its
// own. A new article costs one extra put, its print, keyed by the date it was first seen so that
// Open rebuilds the in-memory index from the window's range alone however many articles are stored;
// the member entry (which lets a merged query find a story's copies with one seek) and the log entry
// are written only when it joins another's story. Matching runs in the writer, against prints
// computed beforehand in the callers' goroutines, so a group commit's later feeds see its earlier
// feeds' prints; a failed transaction takes its prints out of the index again. Merged queries read
// no print: the story is in the record.
//
// Retention: Prune removes by date and by a per-source window, in bounded batches, and remembers the
// removed IDs as tombstones so that a source still listing them does not bring them back. The date
// spares what a configured source currently lists (the listed bucket, replaced by every SaveFeed in
// its transaction): a source whose newest post is older than the retention would otherwise show
// nothing, its articles pruned right after their first fetch and then suppressed for good. The
// listings also keep tombstones: one whose ID a configured source lists is sighted by every Prune,
// so it outlives the TTL however long the source answers 304 (and stores no feed to sight it). The
// bucket is not versioned: a file without it gets it at Open, empty, and each source's listing is
// filled by its next refresh. Prune also removes a pruned article's print, member entry and splits.
package store
