package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// Check verifies what the schema promises beyond its constraints, in one read-only transaction
// (one snapshot): the article counter and every source's counter match the rows, no ID is both an
// article and a tombstone, and every article has a source and a hash per source. It reads every
// article: it is for tests, tools and recovery, not for a request path (the bbolt store's Check is
// its twin; the behaviour suite runs it after every behaviour).
func (s *Store) Check(ctx context.Context) error {
	var problems []error
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		var counted, stored int64
		if err := tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT value FROM meta WHERE name = 'articles')`).Scan(&counted, &stored); err != nil {
			return err
		}
		if counted != stored {
			problems = append(problems, fmt.Errorf("article counter says %d, %d stored", stored, counted))
		}
		checks := []struct {
			what, sql string
		}{
			{"source counters that do not match the articles", `SELECT coalesce(c.source, r.source), coalesce(c.n, 0), coalesce(r.n, 0)
FROM source_counts c FULL JOIN (SELECT s AS source, count(*) AS n FROM articles, unnest(sources) AS s GROUP BY s) r ON r.source = c.source
WHERE coalesce(c.n, 0) <> coalesce(r.n, 0)`},
			{"articles that are also tombstones", `SELECT a.id, 0, 0 FROM articles a JOIN tombstones t ON t.id = a.id`},
			{"articles without a hash per source", `SELECT id, cardinality(sources), cardinality(hashes) FROM articles
WHERE cardinality(sources) <> cardinality(hashes) OR cardinality(sources) = 0`},
		}
		for _, c := range checks {
			rows, err := tx.Query(ctx, c.sql+` LIMIT 20`)
			if err != nil {
				return fmt.Errorf("%s: %w", c.what, err)
			}
			var name string
			var a, b int64
			_, err = pgx.ForEachRow(rows, []any{&name, &a, &b}, func() error {
				problems = append(problems, fmt.Errorf("%s: %q (%d, %d)", c.what, name, a, b))
				return nil
			})
			if err != nil {
				return fmt.Errorf("%s: %w", c.what, err)
			}
		}
		return nil
	})
	if err == nil {
		err = errors.Join(problems...)
	}
	if err != nil {
		return fmt.Errorf("postgres: check %s: %w", s.host, err)
	}
	return nil
}
