package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"tributary/aggregator"
	"tributary/aggregator/merge"
)

// mergeBatch is how many rows a merged query reads per statement while it looks for stories.
const mergeBatch = 500

// Articles returns the articles that q selects, newest first (by date in microseconds, then by ID
// descending), each once. A plain query is one statement, and so one snapshot. A merged query
// walks the matching rows newest first in batches, takes each story at its newest matching copy,
// and reads the copies of the batch's stories with one more statement; like the bbolt store's, its
// result is not one snapshot.
func (s *Store) Articles(ctx context.Context, q aggregator.Query) ([]aggregator.Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	sources, cats, none := merge.QueryNames(q)
	if none {
		return nil, nil
	}
	var out []aggregator.Article
	var err error
	if q.Merge {
		out, err = s.mergedArticles(ctx, q, sources, cats)
	} else {
		out, err = s.plainArticles(ctx, q, sources, cats)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	return out, nil
}

// where builds the WHERE clause of a query; after, when not nil, resumes below a (date_us, id).
func where(q aggregator.Query, sources, cats []string, after *cursor) (string, []any) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if len(sources) > 0 {
		conds = append(conds, "sources && "+arg(sources)+"::text[]")
	}
	if len(cats) > 0 {
		conds = append(conds, "cat_index && "+arg(cats)+"::text[]")
	}
	if !q.Since.IsZero() {
		us, ns := dateOrder(q.Since)
		conds = append(conds, "(date_us, date_ns) >= ("+arg(us)+"::bigint, "+arg(ns)+"::integer)")
	}
	if after != nil {
		conds = append(conds, "(date_us, id) < ("+arg(after.us)+"::bigint, "+arg(after.id)+"::text)")
	}
	if len(conds) == 0 {
		return "", args
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// cursor is a position in the date order.
type cursor struct {
	us int64
	id string
}

func (s *Store) plainArticles(ctx context.Context, q aggregator.Query, sources, cats []string) ([]aggregator.Article, error) {
	cond, args := where(q, sources, cats, nil)
	sql := `SELECT ` + recordColumns + `, body FROM articles` + cond + ` ORDER BY date_us DESC, id DESC`
	if q.Limit > 0 {
		sql += " LIMIT " + strconv.Itoa(q.Limit)
	}
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	recs, err := scanRecords(rows, true)
	if err != nil {
		return nil, err
	}
	out := make([]aggregator.Article, len(recs))
	for i := range recs {
		out[i] = recs[i].Article
	}
	return out, nil
}

func (s *Store) mergedArticles(ctx context.Context, q aggregator.Query, sources, cats []string) ([]aggregator.Article, error) {
	var out []aggregator.Article
	taken := make(map[string]struct{})
	var after *cursor
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cond, args := where(q, sources, cats, after)
		rows, err := s.pool.Query(ctx, `SELECT id, story, date_us FROM articles`+cond+
			` ORDER BY date_us DESC, id DESC LIMIT `+strconv.Itoa(mergeBatch), args...)
		if err != nil {
			return nil, err
		}
		var id, st string
		var us int64
		var stories []string
		n := 0
		_, err = pgx.ForEachRow(rows, []any{&id, &st, &us}, func() error {
			n++
			after = &cursor{us: us, id: id}
			if q.Limit > 0 && len(out)+len(stories) >= q.Limit {
				return nil
			}
			key := orString(st, id)
			if _, dup := taken[key]; !dup {
				taken[key] = struct{}{}
				stories = append(stories, key)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		merged, err := s.stories(ctx, stories, sources, cats, q.StoryRanks)
		if err != nil {
			return nil, err
		}
		out = append(out, merged...)
		if n < mergeBatch || (q.Limit > 0 && len(out) >= q.Limit) {
			break
		}
	}
	merge.SortNewestFirst(out)
	return out, nil
}

// stories reads the copies of the stories keys, with their bodies, and merges each; copies that
// sources or cats leave out are left out.
func (s *Store) stories(ctx context.Context, keys []string, sources, cats []string, ranks map[string]int) ([]aggregator.Article, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT `+recordColumns+`, body FROM articles WHERE (id = ANY($1) AND story = '') OR story = ANY($1) ORDER BY id`, keys)
	if err != nil {
		return nil, err
	}
	recs, err := scanRecords(rows, true)
	if err != nil {
		return nil, err
	}
	copies := make(map[string][]merge.Record, len(keys))
	for _, r := range recs {
		key := orString(r.Article.Story, r.Article.ID)
		if len(copies[key]) >= merge.MaxStoryCopies || !merge.Keep(&r.Article, sources, cats) {
			continue
		}
		copies[key] = append(copies[key], r)
	}
	out := make([]aggregator.Article, 0, len(keys))
	for _, key := range keys {
		if cs := copies[key]; len(cs) > 0 {
			a, err := merge.Story(key, cs, ranks, nil) // bodies read with the rows
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
	}
	return out, nil
}

// orString returns a, or b when a is empty.
func orString(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
