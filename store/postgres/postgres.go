package postgres

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"tributary/aggregator"
	"tributary/aggregator/merge"
	"tributary/aggregator/story"
)

// Options tunes Open. The zero value is ready to use.
type Options struct {
	// Now replaces time.Now, for tests: it stamps FirstSeen, Updated and tombstones.
	Now func() time.Time
	// Dedup, when not nil, turns story grouping on (see store.Options.Dedup).
	Dedup *story.Options
	// GenerationPoll is how often the generation is read from the database, so that other nodes'
	// writes reach this node's output caches; zero means DefaultGenerationPoll, negative never.
	GenerationPoll time.Duration
}

// DefaultGenerationPoll is how often Open's store reads the generation that other nodes move: a
// write on one node reaches the others' outputs within about this long.
const DefaultGenerationPoll = time.Second

// Store is tributary's PostgreSQL database. It is safe for concurrent use; every write is one
// transaction.
type Store struct {
	pool *pgxpool.Pool
	now  func() time.Time
	gen  atomic.Uint64
	// dedup is the story index; nil when grouping is off (story.go).
	dedup *dedup
	// ranks are the sources' story ranks that merges by canonical link follow (SetSourceRanks).
	ranks merge.Ranks
	// host names the server in errors, without the password.
	host string
	// node names this Store among those sharing the database, in the story prints it writes.
	node string
	// stopPoll stops the generation poll; polled is closed when it has stopped.
	stopPoll context.CancelFunc
	polled   chan struct{}
}

var (
	_ aggregator.Store       = (*Store)(nil)
	_ aggregator.StatesSaver = (*Store)(nil)
	_ aggregator.Leaser      = (*Store)(nil)
)

// Open connects to the database that dsn names (a postgres:// URL or key=value string; pgx's
// pool_* parameters tune the pool), brings its schema up to date (Migrate), and loads the
// generation and, with grouping on, the story index of the window. Errors never contain the
// password: they name the host and database only.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	pool, host, err := connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	var r [8]byte
	_, _ = rand.Read(r[:])
	s := &Store{pool: pool, now: opts.Now, host: host, node: hex.EncodeToString(r[:])}
	if s.now == nil {
		s.now = time.Now
	}
	fail := func(err error) (*Store, error) {
		pool.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", host, err)
	}
	if _, err := Migrate(ctx, pool); err != nil {
		return fail(err)
	}
	var gen int64
	if err := pool.QueryRow(ctx, `SELECT value FROM meta WHERE name = 'generation'`).Scan(&gen); err != nil {
		return fail(err)
	}
	s.gen.Store(uint64(gen))
	if opts.Dedup != nil {
		if err := s.loadIndex(ctx, *opts.Dedup); err != nil {
			return fail(err)
		}
	}
	s.polled = make(chan struct{})
	every := cmpDuration(opts.GenerationPoll, DefaultGenerationPoll)
	if every < 0 {
		s.stopPoll = func() {}
		close(s.polled)
		return s, nil
	}
	pollCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s.stopPoll = stop
	go s.pollGeneration(pollCtx, every)
	return s, nil
}

func cmpDuration(d, def time.Duration) time.Duration {
	if d == 0 {
		return def
	}
	return d
}

// pollGeneration reads the generation every interval until ctx ends: other nodes' writes move it
// in the database, not in this node's memory. A failed read is retried at the next tick (the
// database may be down: the outputs cached meanwhile stay served).
func (s *Store) pollGeneration(ctx context.Context, every time.Duration) {
	defer close(s.polled)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		_ = s.SyncGeneration(ctx)
	}
}

// SyncGeneration reads the generation from the database now (the poll does it every
// Options.GenerationPoll) and, with story grouping on, loads the story prints that other nodes
// stored since (story.go).
func (s *Store) SyncGeneration(ctx context.Context) error {
	var gen int64
	if err := s.pool.QueryRow(ctx, `SELECT value FROM meta WHERE name = 'generation'`).Scan(&gen); err != nil {
		return fmt.Errorf("postgres: read generation: %w", err)
	}
	s.publish(uint64(gen))
	if s.dedup != nil {
		return s.catchUp(ctx, gen)
	}
	return nil
}

// connect builds the pool of dsn, and names it by host, port and database for errors.
func connect(ctx context.Context, dsn string) (*pgxpool.Pool, string, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		// pgx's parse errors quote the string they could not parse, password included.
		return nil, "", errors.New("postgres: the dsn is not a valid connection string (a postgres:// URL or key=value pairs)")
	}
	host := fmt.Sprintf("%s:%d/%s", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: open %s: %w", host, err)
	}
	return pool, host, nil
}

// Pool returns the connection pool, for tools (migrate --from) and tests.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close stops the generation poll and closes the pool; queries in progress finish first.
func (s *Store) Close() error {
	s.stopPoll()
	<-s.polled
	s.pool.Close()
	return nil
}

// Generation returns a number that changes with every committed change of the articles and never
// goes back, across restarts too: it is a counter row bumped in each changing transaction and
// mirrored in memory, so reading it costs nothing. This node's writes move it at once; other
// nodes' writes when the poll next reads it (Options.GenerationPoll).
func (s *Store) Generation() uint64 { return s.gen.Load() }

// publish makes gen visible to Generation, never moving it back.
func (s *Store) publish(gen uint64) {
	for {
		old := s.gen.Load()
		if gen <= old || s.gen.CompareAndSwap(old, gen) {
			return
		}
	}
}

// SaveState stores source's fetch state alone (a 304, a failure).
func (s *Store) SaveState(ctx context.Context, source string, state aggregator.FetchState) error {
	return s.SaveStates(ctx, map[string]aggregator.FetchState{source: state})
}

// SaveStates stores the fetch states of many sources in one transaction: all or none.
func (s *Store) SaveStates(ctx context.Context, states map[string]aggregator.FetchState) error {
	names := make([]string, 0, len(states))
	values := make([]string, 0, len(states))
	for name, st := range sortedStates(states) {
		if err := merge.CheckName("source", name); err != nil {
			return fmt.Errorf("postgres: save states: %w", err)
		}
		v, err := json.Marshal(st)
		if err != nil {
			return fmt.Errorf("postgres: save state of %q: %w", name, err)
		}
		names, values = append(names, name), append(values, string(v))
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("postgres: save states: %w", err)
	}
	if len(names) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx pgx.Tx, _ *writer) error {
		_, err := tx.Exec(ctx, upsertStates, names, values)
		return err
	})
	if err != nil {
		return fmt.Errorf("postgres: save states: %w", err)
	}
	return nil
}

// upsertStates writes states by name, in name order (the order rows are locked in).
const upsertStates = `INSERT INTO states (source, state) SELECT * FROM unnest($1::text[], $2::text[])
ON CONFLICT (source) DO UPDATE SET state = excluded.state`

// sortedStates iterates states in name order.
func sortedStates(states map[string]aggregator.FetchState) func(func(string, aggregator.FetchState) bool) {
	return func(yield func(string, aggregator.FetchState) bool) {
		for _, name := range sortedKeys(states) {
			if !yield(name, states[name]) {
				return
			}
		}
	}
}

// States returns the fetch state of every source that has one.
func (s *Store) States(ctx context.Context) (map[string]aggregator.FetchState, error) {
	rows, err := s.pool.Query(ctx, `SELECT source, state FROM states`)
	if err != nil {
		return nil, fmt.Errorf("postgres: states: %w", err)
	}
	out := make(map[string]aggregator.FetchState)
	var name, v string
	_, err = pgx.ForEachRow(rows, []any{&name, &v}, func() error {
		var st aggregator.FetchState
		if err := json.Unmarshal([]byte(v), &st); err != nil {
			return fmt.Errorf("state of %q: %w", name, err)
		}
		out[name] = st
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: states: %w", err)
	}
	return out, nil
}

// Ping asks the server for a round trip on one of the pool's connections.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("postgres: ping: %w", err)
	}
	return nil
}

// Article returns one article by ID, or an error wrapping aggregator.ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (aggregator.Article, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+recordColumns+`, body FROM articles WHERE id = $1`, id)
	if err != nil {
		return aggregator.Article{}, fmt.Errorf("postgres: article %q: %w", id, err)
	}
	recs, err := scanRecords(rows, true)
	if err == nil && len(recs) == 0 {
		err = aggregator.ErrNotFound
	}
	if err != nil {
		return aggregator.Article{}, fmt.Errorf("postgres: article %q: %w", id, err)
	}
	return recs[0].Article, nil
}

// Stats counts what the store holds from counter rows kept by every write: it reads no article.
// Bytes is the size of the database (pg_database_size).
func (s *Store) Stats(ctx context.Context) (aggregator.Stats, error) {
	st := aggregator.Stats{PerSource: make(map[string]int)}
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly}, func(tx pgx.Tx) error {
		var n int64
		if err := tx.QueryRow(ctx, `SELECT value, pg_database_size(current_database()) FROM meta WHERE name = 'articles'`).Scan(&n, &st.Bytes); err != nil {
			return err
		}
		st.Articles = int(n)
		rows, err := tx.Query(ctx, `SELECT source, n FROM source_counts WHERE n > 0`)
		if err != nil {
			return err
		}
		var name string
		_, err = pgx.ForEachRow(rows, []any{&name, &n}, func() error {
			st.PerSource[name] = int(n)
			return nil
		})
		return err
	})
	if err != nil {
		return aggregator.Stats{}, fmt.Errorf("postgres: stats: %w", err)
	}
	if d := s.dedup; d != nil {
		d.mu.Lock()
		st.StoryIndex = aggregator.StoryIndexStats{Prints: d.idx.Len(), Bytes: d.idx.Bytes(),
			MaxPrints: d.idx.Options().MaxPrints, Evicted: d.idx.Evicted()}
		d.mu.Unlock()
	}
	return st, nil
}

// maxAttempts bounds how often a transaction is run again after a conflict with another one
// (a deadlock, a serialization failure, two inserts of one new ID).
const maxAttempts = 8

// retryable reports whether err is a conflict that running the transaction again resolves.
func retryable(err error) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return false
	}
	switch pe.Code {
	case "40001", "40P01", "23505": // serialization failure, deadlock, unique violation (a racing insert)
		return true
	}
	return false
}

// inTx runs fn in a transaction with a fresh writer, flushes the writer's counters and
// generation, commits, and publishes the generation; a conflict runs it all again.
func (s *Store) inTx(ctx context.Context, fn func(tx pgx.Tx, w *writer) error) error {
	var err error
	for range maxAttempts {
		if err = ctx.Err(); err != nil {
			return err
		}
		w := &writer{s: s, srcDelta: make(map[string]int64)}
		var gen uint64
		err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			if err := fn(tx, w); err != nil {
				return err
			}
			var err error
			if gen, err = w.flush(ctx, tx); err != nil {
				return err
			}
			return w.rejoin(ctx, tx)
		})
		if err == nil {
			s.publish(gen)
			s.dropRemoved(w)
			s.caughtUp(w, gen)
			return nil
		}
		s.rollbackIndex(w)
		if !retryable(err) {
			return err
		}
	}
	return err
}

// writer keeps the counters of one transaction: applied in flush, in a fixed order (articles,
// sources by name, generation) so that concurrent transactions lock those rows in the same order.
type writer struct {
	s        *Store
	total    int64
	srcDelta map[string]int64
	changed  bool
	undo     []func() // story index changes to undo if the transaction fails
	removed  []string // articles to drop from the story index after the commit
	grouped  int
	looks    int // the story index's second looks for the feed being saved (story.Texts)
	// batch holds the writes queued by the transaction's function; flush sends them.
	batch pgx.Batch
	// printed names the story prints written or changed, recorded under the generation
	// (story.go). alone are the new articles that started stories of their own, seenBefore the
	// index's seen when they were matched, fresh the other nodes' prints read under the
	// generation's lock (for rejoin). reprinted names the stored articles whose print an edit
	// remade (reprint): recorded with printed, but apart from it, since the first print of the
	// transaction is when group reads seenBefore.
	printed    []string
	reprinted  []string
	alone      []alone
	seenBefore int64
	// joins are the new articles of the transaction that joined a story started in it, by story:
	// rejoin moves them along with their story's first article.
	joins map[string][]alone
	fresh []storedPrint
}

// flush sends the writes queued in the writer's batch with the counters and, when articles
// changed, the generation's bump, whose value it returns (0 when unchanged), and after it the
// story prints (queuePrints): one round trip, so that the counter rows, which every changing
// transaction locks, are held for as short a time as the commit allows.
func (w *writer) flush(ctx context.Context, tx pgx.Tx) (uint64, error) {
	b := &w.batch
	if w.total != 0 {
		b.Queue(`UPDATE meta SET value = value + $1 WHERE name = 'articles'`, w.total)
	}
	var names []string
	var deltas []int64
	for _, name := range sortedKeys(w.srcDelta) {
		if d := w.srcDelta[name]; d != 0 {
			names, deltas = append(names, name), append(deltas, d)
		}
	}
	if len(names) > 0 {
		b.Queue(`INSERT INTO source_counts (source, n) SELECT * FROM unnest($1::text[], $2::bigint[])
ON CONFLICT (source) DO UPDATE SET n = source_counts.n + excluded.n`, names, deltas)
		b.Queue(`DELETE FROM source_counts WHERE source = ANY($1) AND n <= 0`, names)
	}
	var gen int64
	if w.changed {
		b.Queue(`UPDATE meta SET value = value + 1 WHERE name = 'generation' RETURNING value`).QueryRow(func(row pgx.Row) error {
			return row.Scan(&gen)
		})
		w.queuePrints(b)
	}
	if b.Len() == 0 {
		return 0, nil
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return 0, err
	}
	return uint64(gen), nil
}

// recordColumns are the columns of a record without its body, in scanRecords' order.
const recordColumns = `id, date, updated, first_seen, key, title, head_img, thumbnail, author, link, guid, comments,
categories, sources, hashes, body_len, shown, story`

// scanRecords reads rows of recordColumns (and body, when withBody) into records.
func scanRecords(rows pgx.Rows, withBody bool) ([]merge.Record, error) {
	defer rows.Close()
	var out []merge.Record
	for rows.Next() {
		var extra []any
		var body string
		if withBody {
			extra = append(extra, &body)
		}
		r, err := scanRecord(rows, extra...)
		if err != nil {
			return nil, err
		}
		r.Article.Body = body
		out = append(out, r)
	}
	return out, rows.Err()
}

// scanRecord reads the current row: recordColumns, then the columns of extra.
func scanRecord(rows pgx.Rows, extra ...any) (merge.Record, error) {
	var r merge.Record
	a := &r.Article
	var date, updated, firstSeen string
	var hashes []int64
	var bodyLen int32
	var shown int64
	var key []byte
	dest := []any{&a.ID, &date, &updated, &firstSeen, &key, &a.Title, &a.HeadImg, &a.Thumbnail, &a.Author,
		&a.Link, &a.GUID, &a.Comments, &a.Categories, &a.Sources, &hashes, &bodyLen, &shown, &a.Story}
	if err := rows.Scan(append(dest, extra...)...); err != nil {
		return r, err
	}
	a.Key = string(key)
	var errs [3]error
	a.Date, errs[0] = decodeTime(date)
	a.Updated, errs[1] = decodeTime(updated)
	a.FirstSeen, errs[2] = decodeTime(firstSeen)
	if err := errors.Join(errs[:]...); err != nil {
		return r, fmt.Errorf("article %q: %w", a.ID, err)
	}
	if len(a.Categories) == 0 {
		a.Categories = nil
	}
	r.Hashes = make([]uint64, len(hashes))
	for i, h := range hashes {
		r.Hashes[i] = uint64(h)
	}
	if len(r.Hashes) != len(a.Sources) {
		return r, fmt.Errorf("article %q: %d hashes for %d sources", a.ID, len(r.Hashes), len(a.Sources))
	}
	r.BodyLen, r.Shown = int(bodyLen), uint64(shown)
	return r, nil
}

// encodeTime keeps the instant and the zone (name and offset), so that a date read back prints as
// it was stored: "" for the zero time, "sec.nsec" in UTC, "sec.nsec offset name" elsewhere.
func encodeTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	s := strconv.FormatInt(t.Unix(), 10) + "." + strconv.Itoa(t.Nanosecond())
	if t.Location() == time.UTC {
		return s
	}
	name, off := t.Zone()
	return s + " " + strconv.Itoa(off) + " " + name
}

func decodeTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	inst, zone, zoned := strings.Cut(s, " ")
	secs, nsecs, _ := strings.Cut(inst, ".")
	sec, err1 := strconv.ParseInt(secs, 10, 64)
	nsec, err2 := strconv.ParseInt(nsecs, 10, 64)
	if err1 != nil || err2 != nil {
		return time.Time{}, fmt.Errorf("bad time %q", s)
	}
	t := time.Unix(sec, nsec).UTC()
	if !zoned {
		return t, nil
	}
	offs, name, _ := strings.Cut(zone, " ")
	off, err := strconv.Atoi(offs)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time %q", s)
	}
	return t.In(time.FixedZone(name, off)), nil
}

// Unix seconds beyond which microseconds no longer fit an int64; dates past them are clamped.
const (
	minMicroSec = math.MinInt64/1_000_000 + 1
	maxMicroSec = math.MaxInt64/1_000_000 - 1
)

// dateOrder returns the order columns of a date: Unix microseconds (floored, clamped) and the
// nanoseconds within that microsecond. Outputs sort by the first, then by ID, as the bbolt store's
// index keys do; Since and Before compare both, to the nanosecond.
func dateOrder(t time.Time) (us int64, ns int32) {
	switch sec := t.Unix(); {
	case sec < minMicroSec:
		return math.MinInt64, 0
	case sec > maxMicroSec:
		return math.MaxInt64, 0
	}
	return t.UnixMicro(), int32(t.Nanosecond() % 1000)
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// jsonString is v as JSON text.
func jsonString(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

// SetSourceRanks sets the sources' story ranks (aggregator.SourceRanker): from the next save on, a
// copy of a lower-ranked source no longer replaces the text a higher-ranked one stored under the
// same canonical link (merge.Takes). Every node applies its own configuration's ranks: give the
// nodes one configuration.
func (s *Store) SetSourceRanks(ranks map[string]int) { s.ranks.Set(ranks) }
