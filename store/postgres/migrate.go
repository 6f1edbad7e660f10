package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// migrations are the schema's versions: step i+1 takes a database from version i to i+1. A step
// is never edited once released; a change is a new step. Each runs in its own transaction with
// its version recorded in schema_migrations, so a step that fails leaves the database at the
// version before it.
var migrations = []string{
	// 1: articles with their indexes and counters, fetch states, tombstones, listings, stories.
	`CREATE TABLE meta (name text PRIMARY KEY, value bigint NOT NULL);
INSERT INTO meta (name, value) VALUES ('articles', 0), ('generation', 0), ('story_log', 0);
CREATE TABLE articles (
	id text COLLATE "C" PRIMARY KEY,
	date_us bigint NOT NULL,
	date_ns integer NOT NULL,
	date text NOT NULL,
	updated text NOT NULL,
	first_seen text NOT NULL,
	key bytea NOT NULL,
	title text NOT NULL,
	body text NOT NULL,
	head_img text NOT NULL,
	thumbnail text NOT NULL,
	author text NOT NULL,
	link text NOT NULL,
	guid text NOT NULL,
	comments boolean NOT NULL,
	categories text[] NOT NULL,
	cat_index text[] NOT NULL,
	sources text[] NOT NULL,
	hashes bigint[] NOT NULL,
	body_len integer NOT NULL,
	shown bigint NOT NULL,
	story text COLLATE "C" NOT NULL
);
CREATE INDEX articles_by_date ON articles (date_us, id);
CREATE INDEX articles_by_source ON articles USING gin (sources);
CREATE INDEX articles_by_category ON articles USING gin (cat_index);
CREATE INDEX articles_by_story ON articles (story) WHERE story <> '';
CREATE TABLE source_counts (source text COLLATE "C" PRIMARY KEY, n bigint NOT NULL);
CREATE TABLE states (source text COLLATE "C" PRIMARY KEY, state text NOT NULL);
CREATE TABLE tombstones (id text COLLATE "C" PRIMARY KEY, pruned_at bigint NOT NULL, last_seen bigint NOT NULL);
CREATE TABLE listed (source text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL, PRIMARY KEY (source, id));
CREATE INDEX listed_by_id ON listed (id);
CREATE TABLE story_prints (id text COLLATE "C" PRIMARY KEY, seen_us bigint NOT NULL, story text COLLATE "C" NOT NULL, print bytea NOT NULL);
CREATE INDEX story_prints_by_seen ON story_prints (seen_us);
CREATE TABLE story_apart (id text COLLATE "C" NOT NULL, story text COLLATE "C" NOT NULL, split_at bigint NOT NULL, PRIMARY KEY (id, story));
CREATE TABLE story_log (seq bigint PRIMARY KEY, entry text NOT NULL);`,
	// 2: source leases, so that nodes sharing the database fetch each due source once.
	`CREATE TABLE leases (name text COLLATE "C" PRIMARY KEY, owner text NOT NULL, expiry timestamptz NOT NULL);`,
	// 3: which story prints each transaction wrote or changed, under its generation and by which
	// node, so that every node can load the prints the others stored since it last looked
	// (story.go: catchUp). Prints written before are loaded by each node at its start.
	`CREATE TABLE story_print_gens (gen bigint PRIMARY KEY, node text NOT NULL, at_us bigint NOT NULL, ids text[] NOT NULL);`,
	// 4: manual refreshes forwarded to the node that holds the source's lease (request.go). pending
	// is the source while the request waits and NULL once it is done: its unique index (NULLs never
	// collide) keeps one waiting request per source, which later ones join (asked counts them).
	`CREATE TABLE refresh_requests (
	id bigserial PRIMARY KEY,
	source text COLLATE "C" NOT NULL,
	pending text COLLATE "C" UNIQUE,
	claimed_by text,
	asked integer NOT NULL DEFAULT 1,
	created_at timestamptz NOT NULL DEFAULT now(),
	finished_at timestamptz,
	result text
);`,
}

// SchemaVersion is the schema version this build writes.
var SchemaVersion = len(migrations)

// ErrSchema is wrapped by Open's and Migrate's errors when the database was migrated by a newer
// build than this one.
var ErrSchema = errors.New("unsupported database schema")

// bootstrap creates the migrations' own tables. They are created with IF NOT EXISTS, which two
// nodes starting at once can still race on in PostgreSQL's catalog: the loser's error is retried.
const bootstrap = `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS schema_lock (id integer PRIMARY KEY);
INSERT INTO schema_lock (id) VALUES (1) ON CONFLICT (id) DO NOTHING`

// Migrate brings the database to SchemaVersion and returns the versions it applied (none on an
// up-to-date database). Nodes that start at once serialize on a row lock of schema_lock (SELECT …
// FOR UPDATE, which CockroachDB also takes; no advisory lock): the first applies each pending step
// in a transaction of its own, and the others, once it commits, find nothing left to do.
func Migrate(ctx context.Context, pool *pgxpool.Pool) ([]int, error) {
	var err error
	for range 5 {
		if _, err = pool.Exec(ctx, bootstrap); err == nil {
			break
		}
		if ctx.Err() != nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: migrate: create schema_migrations: %w", err)
	}
	var applied []int
	for {
		v, done, err := migrateStep(ctx, pool)
		if err != nil {
			return applied, fmt.Errorf("postgres: migrate: %w", err)
		}
		if done {
			return applied, nil
		}
		applied = append(applied, v)
	}
}

// MigrateDSN is Migrate on the database that dsn names (tributary migrate): it connects, migrates
// and disconnects. It also returns the version the database is at.
func MigrateDSN(ctx context.Context, dsn string) (applied []int, version int, err error) {
	pool, host, err := connect(ctx, dsn)
	if err != nil {
		return nil, 0, err
	}
	defer pool.Close()
	applied, err = Migrate(ctx, pool)
	if err != nil {
		return applied, 0, fmt.Errorf("%s: %w", host, err)
	}
	return applied, SchemaVersion, nil
}

// migrateStep applies the next pending step under the lock, in one transaction, and returns its
// version; done is true when none is pending.
func migrateStep(ctx context.Context, pool *pgxpool.Pool) (version int, done bool, err error) {
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT id FROM schema_lock WHERE id = 1 FOR UPDATE`); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		var current int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("read version: %w", err)
		}
		if current > SchemaVersion {
			return fmt.Errorf("%w: version %d is newer than this build's %d: run a newer tributary", ErrSchema, current, SchemaVersion)
		}
		if current == SchemaVersion {
			done = true
			return nil
		}
		version = current + 1
		if _, err := tx.Exec(ctx, migrations[current]); err != nil {
			return fmt.Errorf("step %d: %w", version, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, version); err != nil {
			return fmt.Errorf("record step %d: %w", version, err)
		}
		return nil
	})
	return version, done, err
}
