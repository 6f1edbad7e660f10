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

// Manual refreshes forwarded between nodes (aggregator.Forwarder): a row of refresh_requests per
// request, polled by both ends: no LISTEN/NOTIFY, which CockroachDB lacks, and nothing kept
// between statements, so that a node that dies leaves only rows the others can finish.

var (
	_ aggregator.Forwarder   = (*Store)(nil)
	_ aggregator.LeaseReader = (*Store)(nil)
)

// RequestRefresh returns the id of source's pending request, adding one when there is none: an
// upsert on the unique pending column, so that two nodes asking at once share one row.
func (s *Store) RequestRefresh(ctx context.Context, source string) (int64, error) {
	if err := merge.CheckName("source", source); err != nil {
		return 0, fmt.Errorf("postgres: request refresh: %w", err)
	}
	var id int64
	err := s.pool.QueryRow(ctx, `INSERT INTO refresh_requests (source, pending) VALUES ($1, $1)
ON CONFLICT (pending) DO UPDATE SET asked = refresh_requests.asked + 1 RETURNING id`, source).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("postgres: request refresh of %q: %w", source, err)
	}
	return id, nil
}

// RefreshRequest reads request id, and whether a live lease on its source exists, in one
// statement: the asking node polls it.
func (s *Store) RefreshRequest(ctx context.Context, id int64) (res aggregator.RefreshResult, done, leased bool, err error) {
	var result *string
	err = s.pool.QueryRow(ctx, `SELECT r.finished_at IS NOT NULL, r.result,
	EXISTS (SELECT 1 FROM leases l WHERE l.name = r.source AND l.expiry > now())
FROM refresh_requests r WHERE r.id = $1`, id).Scan(&done, &result, &leased)
	if errors.Is(err, pgx.ErrNoRows) {
		err = fmt.Errorf("request %d was pruned: %w", id, aggregator.ErrNotFound)
	}
	if err != nil {
		return res, false, false, fmt.Errorf("postgres: refresh request: %w", err)
	}
	if done && result != nil {
		if err := json.Unmarshal([]byte(*result), &res); err != nil {
			return res, false, false, fmt.Errorf("postgres: refresh request %d: %w", id, err)
		}
	}
	return res, done, leased, nil
}

// ClaimRefreshes marks as owner's the waiting requests of the sources whose live lease owner
// holds (of source alone, unless it is empty) that owner has not claimed yet: unclaimed ones, and
// those claimed by a node that has since lost the lease (it died).
func (s *Store) ClaimRefreshes(ctx context.Context, owner, source string, limit int) ([]string, error) {
	return s.sources(ctx, "claim refresh requests", `UPDATE refresh_requests SET claimed_by = $1
WHERE id IN (SELECT r.id FROM refresh_requests r JOIN leases l ON l.name = r.pending
	WHERE (r.claimed_by IS NULL OR r.claimed_by <> $1) AND l.owner = $1 AND l.expiry > now()
	AND ($2 = '' OR r.pending = $2) ORDER BY r.id LIMIT $3)
RETURNING source`, owner, source, limit)
}

// WaitingRefreshes returns those of sources that have a pending request (an index lookup each).
func (s *Store) WaitingRefreshes(ctx context.Context, sources []string) ([]string, error) {
	return s.sources(ctx, "waiting refresh requests", `SELECT pending FROM refresh_requests WHERE pending = ANY($1)`, sources)
}

// sources runs query, which returns one text column, and returns its values; errors say what.
func (s *Store) sources(ctx context.Context, what, query string, args ...any) ([]string, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	return out, nil
}

// FinishRefresh writes res into the pending request of res.Source, which stops waiting.
func (s *Store) FinishRefresh(ctx context.Context, res aggregator.RefreshResult) error {
	v, err := json.Marshal(res)
	if err != nil {
		return fmt.Errorf("postgres: finish refresh request of %q: %w", res.Source, err)
	}
	if _, err := s.pool.Exec(ctx, `UPDATE refresh_requests SET pending = NULL, finished_at = now(), result = $2
WHERE pending = $1`, res.Source, string(v)); err != nil {
		return fmt.Errorf("postgres: finish refresh request of %q: %w", res.Source, err)
	}
	return nil
}

// ReleaseRefresh gives back the pending request of source that owner claimed.
func (s *Store) ReleaseRefresh(ctx context.Context, source, owner string) error {
	if _, err := s.pool.Exec(ctx, `UPDATE refresh_requests SET claimed_by = NULL WHERE pending = $1 AND claimed_by = $2`,
		source, owner); err != nil {
		return fmt.Errorf("postgres: release refresh request of %q: %w", source, err)
	}
	return nil
}

// PruneRefreshes deletes the requests finished, or asked and never finished, more than age ago.
func (s *Store) PruneRefreshes(ctx context.Context, age time.Duration) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM refresh_requests
WHERE coalesce(finished_at, created_at) < now() - $1::bigint * interval '1 microsecond'`, age.Microseconds())
	if err != nil {
		return 0, fmt.Errorf("postgres: prune refresh requests: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Leases returns every lease by name (aggregator.LeaseReader), those run out too.
func (s *Store) Leases(ctx context.Context) (map[string]aggregator.LeaseInfo, error) {
	rows, err := s.pool.Query(ctx, `SELECT name, owner, expiry FROM leases`)
	if err != nil {
		return nil, fmt.Errorf("postgres: leases: %w", err)
	}
	out := map[string]aggregator.LeaseInfo{}
	var name string
	var l aggregator.LeaseInfo
	if _, err := pgx.ForEachRow(rows, []any{&name, &l.Owner, &l.Expiry}, func() error {
		out[name] = l
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: leases: %w", err)
	}
	return out, nil
}
