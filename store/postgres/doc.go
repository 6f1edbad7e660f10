// Package postgres keeps tributary's articles and source state in PostgreSQL and implements
// aggregator.Store with the semantics of the bbolt store (package store): one transaction per
// fetched feed, the merge and fullest-copy rules (aggregator/merge), tombstones, retention, counts
// without scans, and story grouping. The behaviour suite aggregator/storetest runs against both.
//
// It is for operators who outgrow one machine's file: the database is a service that others
// replicate, back up and fail over. bbolt stays the default and the fastest single node.
//
// Schema (migrate.go; each version a step of SQL run in a transaction of its own, recorded in
// schema_migrations, serialized between nodes by a row lock on schema_lock):
//
//	meta            name → value: "articles" (the count), "generation", "story_log" (its sequence)
//	articles        one row per article: its fields, categories and sources as arrays (GIN-indexed;
//	                cat_index holds only the categories short enough to look up), the per-source
//	                content hashes, the shown body's length and hash, its story, and the body
//	                (TOASTed out of line when large, so a row rewritten by a refresh that leaves
//	                the text alone does not rewrite the body); (date_us, id) is the output order
//	source_counts   source → articles it carries, kept by every write (Stats reads no article)
//	states          source → fetch state (JSON)
//	tombstones      id → pruned at, last seen (Unix nanoseconds)
//	listed          (source, id): what the source's latest stored feed lists
//	story_prints    id → first seen, story, print (the in-memory index is rebuilt from the window)
//	story_print_gens generation → node, time, the IDs of the prints its transaction wrote,
//	                changed or removed: each node loads the other nodes' prints above the generation it has
//	                seen (story.go); rows older than the window go with retention
//	story_apart     (id, story) → split at: an operator took the article out of that story
//	story_log       sequence → JSON: the last 1,000 merges and splits
//	leases          name → owner, expiry: which node fetches a source now (lease.go)
//	refresh_requests id → source, pending (the source while it waits, NULL once done: one waiting
//	                request per source, which later askers join), claimed_by, asked, created and
//	                finished at, the result (JSON): manual refreshes forwarded to the lease holder
//	                (request.go)
//
// Times are kept as text ("sec.nsec offset zone"), so that a date comes back in the zone it was
// stored in, as bbolt's does; the order columns date_us (Unix microseconds, floored) and date_ns
// (the nanoseconds within it) carry the order and the exact comparisons of Since and Before. IDs,
// sources and stories are COLLATE "C": outputs order IDs bytewise, as the bbolt store does. The
// dedup key is bytea: it may be "source\x00guid", and PostgreSQL's text holds no NUL byte. Other
// text (titles, bodies, links) comes from the normalizer, which removes NUL with every character
// XML forbids; a caller that passes one gets the feed's save refused, whole.
//
// Concurrency: every write is one READ COMMITTED transaction that locks the article rows it reads
// (FOR UPDATE, in ID order), and the counter rows last and in a fixed order, so concurrent feeds
// sharing stories queue rather than deadlock; a conflict that happens anyway (a deadlock with a
// prune, two inserts of one new ID, a serialization failure on CockroachDB) runs the transaction
// again, a bounded number of times. Counters are rows updated in the same transaction, which
// serializes the commits of changing feeds on them: one commit per feed is the design.
//
// The SQL keeps to what CockroachDB also offers (row locks, not advisory locks; no LISTEN/NOTIFY;
// upserts; conflicts retried) but was not run against it; Stats's pg_database_size and the COLLATE
// "C" columns are known to need a look there.
package postgres
