package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"tributary/aggregator"
	"tributary/aggregator/merge"
)

// Lease claims source for owner until ttl from now, or renews owner's claim (aggregator.Leaser):
// one statement that takes the row when its lease ran out or is owner's own (UPDATE … WHERE
// expiry < now() OR owner = me, as an upsert), and reads the source's stored fetch state with it.
// Time is the database's, so the nodes' clocks do not matter to who holds a lease.
func (s *Store) Lease(ctx context.Context, source, owner string, ttl time.Duration) (held bool, st aggregator.FetchState, ok bool, err error) {
	fail := func(err error) (bool, aggregator.FetchState, bool, error) {
		return false, aggregator.FetchState{}, false, fmt.Errorf("postgres: lease of %q: %w", source, err)
	}
	if err := merge.CheckName("source", source); err != nil {
		return fail(err)
	}
	var state *string
	err = s.pool.QueryRow(ctx, `WITH claim AS (
	INSERT INTO leases (name, owner, expiry) VALUES ($1, $2, now() + $3::bigint * interval '1 microsecond')
	ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expiry = excluded.expiry
	WHERE leases.expiry < now() OR leases.owner = excluded.owner
	RETURNING name)
SELECT EXISTS (SELECT 1 FROM claim), (SELECT state FROM states WHERE source = $1)`, source, owner, ttl.Microseconds()).Scan(&held, &state)
	if err != nil {
		return fail(err)
	}
	if !held || state == nil {
		return held, aggregator.FetchState{}, false, nil
	}
	if err := json.Unmarshal([]byte(*state), &st); err != nil {
		return fail(err)
	}
	return true, st, true, nil
}

// LeaseHolder returns who holds source's lease and until when (zero when no one ever did), for
// status pages and tests.
func (s *Store) LeaseHolder(ctx context.Context, source string) (owner string, expiry time.Time, err error) {
	err = s.pool.QueryRow(ctx, `SELECT owner, expiry FROM leases WHERE name = $1`, source).Scan(&owner, &expiry)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", time.Time{}, nil
	}
	if err != nil {
		return "", time.Time{}, fmt.Errorf("postgres: lease of %q: %w", source, err)
	}
	return owner, expiry, nil
}

// ReleaseLeases ends every lease owner holds, at a clean shutdown: the other nodes take its
// sources, retention and exports at once rather than when the leases run out.
func (s *Store) ReleaseLeases(ctx context.Context, owner string) (int, error) {
	tag, err := s.pool.Exec(ctx, `UPDATE leases SET expiry = now() WHERE owner = $1 AND expiry > now()`, owner)
	if err != nil {
		return 0, fmt.Errorf("postgres: release leases: %w", err)
	}
	return int(tag.RowsAffected()), nil
}
