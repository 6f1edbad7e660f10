package store

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"tributary/aggregator"
	"tributary/aggregator/cores"
	"tributary/aggregator/merge"
	"tributary/aggregator/story"
)

// ErrLocked is wrapped by Open's error when another process (or another open in this process) holds
// the database: bbolt allows one writer per file, and tributary never waits for it forever.
var ErrLocked = errors.New("database is in use")

// ErrSchema is wrapped by Open's error when the file is not a tributary database or was written with
// a layout this build does not know.
var ErrSchema = errors.New("unsupported database schema")

// DefaultTimeout is how long Open waits for the file lock when Options.Timeout is zero.
const DefaultTimeout = time.Second

// Default batch sizes: how much one transaction reads for Articles, and how many articles one
// transaction of Prune examines. They bound how long a reader or the writer is held.
const (
	defaultReadBatch  = 1000
	defaultPruneBatch = 500
)

// defaultPruneIndexOps bounds the index entries that one transaction of Prune removes (it ends its
// batch early past it), so that removing articles of thousands of categories each holds neither the
// writer nor memory for long.
const defaultPruneIndexOps = 1 << 18

// Options tunes Open. The zero value is ready to use.
type Options struct {
	// Timeout is how long Open waits for the file lock held by another process before it fails with
	// ErrLocked; zero or negative means DefaultTimeout. It is always passed to bbolt, which otherwise
	// waits forever.
	Timeout time.Duration
	// NoGrowSync skips the fsync after the file grows (bbolt's option of the same name); safe on
	// ext4 and xfs, where growth is journaled.
	NoGrowSync bool
	// InitialMmapSize maps this many bytes at open (bbolt's option), so that read transactions do not
	// hold up a writer that grows the file until it is that large.
	InitialMmapSize int
	// PageSize is the page size of a new file (an existing file keeps its own); zero means
	// DefaultPageSize.
	PageSize int
	// Now replaces time.Now, for tests: it stamps FirstSeen, Updated and tombstones.
	Now func() time.Time
	// ReadOnly opens an existing database for reading only (a backup of a stopped daemon's
	// file): nothing is created or upgraded, and writes fail.
	ReadOnly bool
	// Dedup, when not nil, turns story grouping on: every new article is fingerprinted and
	// matched against the articles of the window, and joins the story of the best match (see
	// SaveFeed). Nil leaves every new article its own story; merged queries and SplitStory work
	// either way on what is stored.
	Dedup *story.Options
	// MaxGroupArticles bounds the articles that one group commit writes (several feeds saved at
	// once share a transaction); zero means DefaultMaxGroupArticles. A process short of memory
	// asks for fewer: a commit's dirty pages are on the heap until it ends, and once the trees
	// outgrow a commit that is about one page of each of the records and date indexes per article.
	MaxGroupArticles int
	// Cores, when not nil, are the CPU slots that the refresher's parses share
	// (refresh.Options.Cores): the writer claims one for the work of a group's transaction and
	// gives it back before the commit waits on the disk, so that parses make room for it rather
	// than it for them (see package cores). Nil: the writer takes its turn like any goroutine.
	Cores *cores.Slots
}

// DefaultPageSize is the page size of new database files. bbolt puts at least two values in a
// leaf, so with the OS's 4 KiB pages every leaf of compressed ~2 KiB bodies spilled onto a second
// page and the bodies bucket was half empty (5,523 database bytes per article at 10,000 × 50). But
// every record or date-index entry inserted at a random place rewrites its whole leaf, and once the
// trees outgrow a commit's inserts (10,000 sources: ~500,000 records) that is one leaf per insert;
// with 16 KiB pages (the default until 2026-12-06) each such insert rewrites four times the bytes
// that 4 KiB pages do. 8 KiB pages hold three or four bodies (4,192 bytes per article, as 16 KiB's
// 4,140) and rewrite half of 16 KiB's bytes per insert: a full refresh of 10,000 × 50
// took ~11 % less CPU (two alternating pairs, 3,809 and 4,251 against 3,451 and 3,792 entries per
// CPU-s) and less peak Go heap (299 and 316 against 439 and 337 MiB); at 500 × 50 the two are alike.
const DefaultPageSize = 8 << 10

// Store is tributary's bbolt database. It is safe for concurrent use: reads run in parallel, writes
// are serialized by bbolt.
type Store struct {
	db   *bolt.DB
	path string
	now  func() time.Time
	gen  atomic.Uint64
	// group queues SaveFeed and SaveState for the group-commit writer (group.go).
	group committer
	// dedup is the story index; nil when grouping is off (story.go).
	dedup *dedup
	// ranks are the sources' story ranks that merges by canonical link follow (SetSourceRanks).
	ranks merge.Ranks

	// Transaction sizes; fields rather than constants so that tests can make them small.
	readBatch     int
	pruneBatch    int
	pruneIndexOps int
	listedPerView int
	// groupArticles is Options.MaxGroupArticles or its default.
	groupArticles int
	// cores is Options.Cores.
	cores *cores.Slots
	// foldAt is how many entries an index's twin stages before they go into the index (fresh.go);
	// 0 writes the indexes directly, as before the twins (for comparisons only: the entries
	// staged at the time are not folded, and queries read them all the same).
	foldAt uint64
}

var _ aggregator.Store = (*Store)(nil)

// Open opens or creates the database at path, creates every bucket in one transaction, and checks
// the schema version. It fails with an error wrapping ErrLocked, naming path, when the lock is not
// acquired within opts.Timeout, and with one wrapping ErrSchema when the file is not a tributary
// database or its schema version is not this build's. It reads the schema version and the
// generation only: its cost does not grow with the number of articles stored. With grouping on
// (opts.Dedup) the story index is loaded behind it, and the first write waits for it.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:         timeout,
		NoGrowSync:      opts.NoGrowSync,
		InitialMmapSize: opts.InitialMmapSize,
		// The hashmap freelist stays fast when a large file is fragmented by pruning.
		FreelistType: bolt.FreelistMapType,
		PageSize:     cmp.Or(opts.PageSize, DefaultPageSize),
		ReadOnly:     opts.ReadOnly,
	})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, fmt.Errorf("store: open %s: %w: another process holds its lock (gave up after %s)", path, ErrLocked, timeout)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == path {
		return nil, fmt.Errorf("store: %w", err) // it names the path already
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, now: opts.Now, readBatch: defaultReadBatch, pruneBatch: defaultPruneBatch,
		pruneIndexOps: defaultPruneIndexOps, listedPerView: defaultListedPerView,
		groupArticles: cmp.Or(max(opts.MaxGroupArticles, 0), DefaultMaxGroupArticles), foldAt: defaultFoldAt,
		cores: opts.Cores}
	if s.now == nil {
		s.now = time.Now
	}
	initialize := s.init
	if opts.ReadOnly {
		initialize = s.checkReadOnly
	}
	if err := initialize(); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if opts.Dedup != nil {
		s.loadIndex(*opts.Dedup)
	}
	return s, nil
}

// init checks the schema and creates what is missing, in one write transaction, and only when
// something is missing: an existing database is opened with a read transaction alone.
func (s *Store) init() error {
	var ready bool
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		ready, err = s.checkSchema(tx)
		return err
	})
	if err != nil || ready {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		if _, err := s.checkSchema(tx); err != nil {
			return err
		}
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keySchema); v == nil || binary.BigEndian.Uint32(v) < schemaVersion {
			return meta.Put(keySchema, binary.BigEndian.AppendUint32(nil, schemaVersion))
		}
		return nil
	})
}

// checkReadOnly checks, for a read-only open, that the file is a tributary database this build
// reads. Buckets that a newer layout of the same schema added may be missing: they are created by
// the next read-write open.
func (s *Store) checkReadOnly() error {
	return s.db.View(func(tx *bolt.Tx) error {
		if _, err := s.checkSchema(tx); err != nil {
			return err
		}
		if tx.Bucket(bucketMeta) == nil {
			return fmt.Errorf("%w: an empty file, not a tributary database", ErrSchema)
		}
		return nil
	})
}

// checkSchema reports whether tx holds a complete database of this schema, fails on a foreign or
// unknown one, and loads the generation.
func (s *Store) checkSchema(tx *bolt.Tx) (bool, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		foreign := false
		_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			foreign = true
			return errors.New("stop")
		})
		if foreign {
			return false, fmt.Errorf("%w: buckets but no meta bucket: not a tributary database", ErrSchema)
		}
		return false, nil
	}
	v := meta.Get(keySchema)
	if len(v) != 4 {
		return false, fmt.Errorf("%w: no schema version", ErrSchema)
	}
	switch version := binary.BigEndian.Uint32(v); {
	case version > schemaVersion:
		return false, fmt.Errorf("%w: schema version %d is newer than this build's %d: run a newer tributary", ErrSchema, version, schemaVersion)
	case version < oldestSchemaVersion:
		return false, fmt.Errorf("%w: schema version %d is older than this build's %d and no migration exists", ErrSchema, version, schemaVersion)
	case version < schemaVersion:
		return false, nil // init upgrades it
	}
	s.gen.Store(getUint64(meta.Get(keyGeneration)))
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			return false, nil
		}
	}
	return true, nil
}

// Close closes the database; transactions in progress finish first.
func (s *Store) Close() error {
	if d := s.dedup; d != nil {
		d.stopOnce.Do(func() { close(d.stop) })
		<-d.loaded
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	return nil
}

// Backup writes a consistent copy of the whole database file to w, from one read transaction: the
// writer goes on meanwhile, and the copy is the database as of the transaction's start. It returns
// the bytes written. The transaction lasts as long as w takes, and a long read transaction holds
// up a writer that must grow the file: give it a local file, not a network peer. ctx is checked
// between writes.
func (s *Store) Backup(ctx context.Context, w io.Writer) (int64, error) {
	var n int64
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(ctxWriter{ctx, w})
		return err
	})
	if err != nil {
		return n, fmt.Errorf("store: backup %s: %w", s.path, err)
	}
	return n, nil
}

// ctxWriter fails writes once ctx is done.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// Path returns the database file's path as given to Open.
func (s *Store) Path() string { return s.path }

// Generation returns a number that changes with every committed change of the articles (new,
// updated, merged, pruned) and never goes back, across restarts too: it is kept in the database and
// mirrored in memory, so reading it costs nothing. Read it before Articles: a render cached under it
// is then never older than its key says (at worst newer, and rendered again after the next change),
// whereas reading it after could file stale articles under a current key.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// SaveState stores source's fetch state alone (a 304, a failure).
func (s *Store) SaveState(ctx context.Context, source string, state aggregator.FetchState) error {
	if err := checkName("source", source); err != nil {
		return fmt.Errorf("store: save state: %w", err)
	}
	v, err := encodeState(state)
	if err != nil {
		return fmt.Errorf("store: save state of %q: %w", source, err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: save state of %q: %w", source, err)
	}
	if _, err := s.commit(ctx, &saveReq{ctx: ctx, source: source, state: v}); err != nil {
		return fmt.Errorf("store: save state of %q: %w", source, err)
	}
	return nil
}

// SaveStates stores the fetch states of many sources in one write transaction: all or none. It
// takes bbolt's writer lock itself rather than going through the group commit (whose requests are
// one source each): the refresher calls it with the states of a batch of 304s, so that a round of
// 10,000 304s costs a few durable commits instead of one per handful of sources.
func (s *Store) SaveStates(ctx context.Context, states map[string]aggregator.FetchState) error {
	names := make([]string, 0, len(states))
	values := make(map[string][]byte, len(states))
	for name, st := range states {
		if err := checkName("source", name); err != nil {
			return fmt.Errorf("store: save states: %w", err)
		}
		v, err := encodeState(st)
		if err != nil {
			return fmt.Errorf("store: save state of %q: %w", name, err)
		}
		names = append(names, name)
		values[name] = v
	}
	if len(names) == 0 {
		return nil
	}
	slices.Sort(names) // in key order: see writer
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: save states: %w", err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketStates)
		for _, name := range names {
			if err := b.Put([]byte(name), values[name]); err != nil {
				return fmt.Errorf("state of %q: %w", name, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save states: %w", err)
	}
	return nil
}

// States returns the fetch state of every source that has one.
func (s *Store) States(ctx context.Context) (map[string]aggregator.FetchState, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("store: states: %w", err)
	}
	var states map[string]aggregator.FetchState
	err := s.db.View(func(tx *bolt.Tx) error {
		// Counted first, so that the map is made once at its size: grown step by step, 10,000
		// states were copied over and over at every start (a state is 150 bytes).
		b, n := tx.Bucket(bucketStates), 0
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			n++
		}
		states = make(map[string]aggregator.FetchState, n)
		return b.ForEach(func(k, v []byte) error {
			st, err := decodeState(v)
			if err != nil {
				return fmt.Errorf("state of %q: %w", k, err)
			}
			states[string(k)] = st
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store: states: %w", err)
	}
	return states, nil
}

// Ping begins a read transaction and finds the states bucket: the meta page and the root of the
// tree, whatever the database holds.
func (s *Store) Ping(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketStates) == nil {
			return fmt.Errorf("bucket %q is missing", bucketStates)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}

// Article returns one article by ID, or an error wrapping aggregator.ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (aggregator.Article, error) {
	if err := ctx.Err(); err != nil {
		return aggregator.Article{}, fmt.Errorf("store: article %q: %w", id, err)
	}
	var r record
	err := s.db.View(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketArticles).Get([]byte(id))
		if v == nil {
			return aggregator.ErrNotFound
		}
		var err error
		if r, err = decodeRecord(id, v); err != nil {
			return err
		}
		return loadBody(tx.Bucket(bucketBodies), &r)
	})
	if err != nil {
		return aggregator.Article{}, fmt.Errorf("store: article %q: %w", id, err)
	}
	return r.a, nil
}

// Stats counts what the store holds from counters kept by every write: it reads no article.
// PerSource counts, for each source, the articles it carries (an article of two sources counts in
// both); Bytes is the size of the data file.
func (s *Store) Stats(ctx context.Context) (aggregator.Stats, error) {
	if err := ctx.Err(); err != nil {
		return aggregator.Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	st := aggregator.Stats{PerSource: make(map[string]int)}
	err := s.db.View(func(tx *bolt.Tx) error {
		st.Articles = int(getUint64(tx.Bucket(bucketMeta).Get(keyArticles)))
		st.Bytes = tx.Size()
		return tx.Bucket(bucketSourceCounts).ForEach(func(k, v []byte) error {
			st.PerSource[string(k)] = int(getUint64(v))
			return nil
		})
	})
	if err != nil {
		return aggregator.Stats{}, fmt.Errorf("store: stats: %w", err)
	}
	st.StoryIndex = s.dedup.stats()
	return st, nil
}

// Check runs bbolt's page-level consistency check, then checks tributary's own invariants: every
// article decodes and has all its index entries, every index entry points to an article with that
// date, source or category, no article is also a tombstone, and the counters match. It runs in a
// write transaction that it rolls back: bbolt's check is unsafe beside a concurrent writer otherwise.
// So it holds the writer while it reads the whole database: it is for tests, tools and recovery
// after a crash, not for a request path. ctx is checked every thousand records.
func (s *Store) Check(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("store: check %s: %w", s.path, err)
	}
	tx, err := s.db.Begin(true)
	if err != nil {
		return fmt.Errorf("store: check %s: %w", s.path, err)
	}
	defer func() { _ = tx.Rollback() }()
	var errs []error
	report := func(err error) {
		if len(errs) < 20 {
			errs = append(errs, err)
		}
	}
	// Drain the channel fully: the checking goroutine reads this transaction's pages.
	for err := range tx.Check() {
		report(err)
	}
	if len(errs) == 0 {
		err = checkInvariants(ctx, tx, report)
	}
	if err == nil {
		err = errors.Join(errs...)
	}
	if err != nil {
		return fmt.Errorf("store: check %s: %w", s.path, err)
	}
	return nil
}

// checkInvariants verifies what the layout promises; report collects what is wrong.
func checkInvariants(ctx context.Context, tx *bolt.Tx, report func(error)) error {
	articles := tx.Bucket(bucketArticles)
	byDate, bySource, byCategory := indexBuckets(tx, bucketByDate), tx.Bucket(bucketBySource), indexBuckets(tx, bucketByCategory)
	tombs, bodies := tx.Bucket(bucketTombstones), tx.Bucket(bucketBodies)
	var total, refs uint64
	srcCount := make(map[string]uint64)
	catCount := make(map[string]uint64)
	var key []byte
	n := 0
	err := articles.ForEach(func(k, v []byte) error {
		if n++; n%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		id := string(k)
		r, err := decodeRecord(id, v)
		if err != nil {
			report(fmt.Errorf("article %q: %w", id, err))
			return nil
		}
		total++
		if r.bodyRef != 0 {
			refs++
			if err := loadBody(bodies, &r); err != nil {
				report(fmt.Errorf("article %q: %w", id, err))
			} else if len(r.a.Body) != r.bodyLen || contentHash(r.a.Title, r.a.Body) != r.shown {
				report(fmt.Errorf("article %q: body %d does not match its record", id, r.bodyRef))
			}
		}
		if len(r.hashes) != len(r.a.Sources) || len(r.a.Sources) == 0 {
			report(fmt.Errorf("article %q: no sources", id))
		}
		if tombs.Get(k) != nil {
			report(fmt.Errorf("article %q: also a tombstone", id))
		}
		suffix := suffixKey(r.a.Date, id)
		if !existsIn(byDate, suffix) {
			report(fmt.Errorf("article %q: no by_date entry", id))
		}
		for _, src := range r.a.Sources {
			srcCount[src]++
			if key = appendNameKey(key[:0], src, suffix); !exists(bySource, key) {
				report(fmt.Errorf("article %q: no by_source entry for %q", id, src))
			}
		}
		for _, c := range r.a.Categories {
			if !indexedCategory(c) {
				continue
			}
			catCount[c]++
			if key = appendNameKey(key[:0], c, suffix); !existsIn(byCategory, key) {
				report(fmt.Errorf("article %q: no by_category entry for %q", id, c))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if got := getUint64(tx.Bucket(bucketMeta).Get(keyArticles)); got != total {
		report(fmt.Errorf("article counter says %d, %d stored", got, total))
	}
	var dated uint64
	for _, b := range byDate {
		dated += uint64(b.Stats().KeyN)
	}
	if dated != total {
		report(fmt.Errorf("by_date holds %d entries for %d articles", dated, total))
	}
	if c := uint64(bodies.Stats().KeyN); c != refs {
		report(fmt.Errorf("bodies holds %d bodies for %d articles that refer to one", c, refs))
	}
	for _, ix := range []struct {
		name   string
		bs     []*bolt.Bucket
		counts *bolt.Bucket
		want   map[string]uint64
	}{
		{"by_source", []*bolt.Bucket{bySource}, tx.Bucket(bucketSourceCounts), srcCount},
		{"by_category", byCategory, tx.Bucket(bucketCategoryCounts), catCount},
	} {
		got := make(map[string]uint64)
		for _, b := range ix.bs {
			err := b.ForEach(func(k, _ []byte) error {
				i := bytes.IndexByte(k, 0)
				if i < 0 || len(k) < i+1+dateLen+1 {
					report(fmt.Errorf("%s: malformed key %q", ix.name, k))
					return nil
				}
				got[string(k[:i])]++
				return nil
			})
			if err != nil {
				return err
			}
		}
		for name, n := range ix.want {
			if got[name] != n {
				report(fmt.Errorf("%s: %q has %d entries for %d articles", ix.name, name, got[name], n))
			}
			if c := getUint64(ix.counts.Get([]byte(name))); c != n {
				report(fmt.Errorf("%s: counter of %q says %d, %d articles", ix.name, name, c, n))
			}
		}
		_ = ix.counts.ForEach(func(k, v []byte) error {
			if _, ok := ix.want[string(k)]; !ok {
				report(fmt.Errorf("%s: counter of %q says %d, no article", ix.name, k, getUint64(v)))
			}
			return nil
		})
		for name, n := range got {
			if _, ok := ix.want[name]; !ok {
				report(fmt.Errorf("%s: %d entries of %q, no article", ix.name, n, name))
			}
		}
	}
	if err := checkStories(tx, report); err != nil {
		return err
	}
	return tombs.ForEach(func(k, v []byte) error {
		if _, err := decodeTombstone(v); err != nil {
			report(fmt.Errorf("tombstone %q: %w", k, err))
		}
		return nil
	})
}

// checkStories verifies story grouping's buckets: every print decodes and belongs to a stored
// article first seen at its key's date, in the story it names; every member entry names an article
// of that story.
func checkStories(tx *bolt.Tx, report func(error)) error {
	articles := tx.Bucket(bucketArticles)
	err := tx.Bucket(bucketPrints).ForEach(func(k, v []byte) error {
		if len(k) <= dateLen {
			report(fmt.Errorf("story_prints: malformed key %q", k))
			return nil
		}
		id := string(k[dateLen:])
		st, _, err := decodePrint(v)
		if err != nil {
			report(fmt.Errorf("print of %q: %w", id, err))
			return nil
		}
		rv := articles.Get([]byte(id))
		if rv == nil {
			report(fmt.Errorf("print of %q: no article", id))
			return nil
		}
		r, err := decodeRecord(id, rv)
		if err != nil {
			return nil // reported with the articles
		}
		if !bytes.Equal(k[:dateLen], dateKey(r.a.FirstSeen)) || r.a.Story != st {
			report(fmt.Errorf("print of %q: key date or story %q does not match the article's %q", id, st, r.a.Story))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMembers).ForEach(func(k, _ []byte) error {
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			report(fmt.Errorf("story_members: malformed key %q", k))
			return nil
		}
		st, id := string(k[:i]), string(k[i+1:])
		rv := articles.Get([]byte(id))
		if rv == nil {
			report(fmt.Errorf("story member %q of %q: no article", id, st))
			return nil
		}
		if r, err := decodeRecord(id, rv); err == nil && r.a.Story != st {
			report(fmt.Errorf("story member %q of %q: the article is in story %q", id, st, r.a.Story))
		}
		return nil
	})
}

// exists reports whether key is in b. Index values are empty, and bbolt's Get cannot tell an empty
// value from a missing key, so this seeks.
func exists(b *bolt.Bucket, key []byte) bool {
	k, _ := b.Cursor().Seek(key)
	return k != nil && bytes.Equal(k, key)
}

// SetSourceRanks sets the sources' story ranks (aggregator.SourceRanker): from the next save on, a
// copy of a lower-ranked source no longer replaces the text a higher-ranked one stored under the
// same canonical link (merge.Takes).
func (s *Store) SetSourceRanks(ranks map[string]int) { s.ranks.Set(ranks) }
