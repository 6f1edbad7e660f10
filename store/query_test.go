package store

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"tributary/aggregator"
)

// model is what the store should hold after a series of SaveFeed calls, built independently of it.
type model struct {
	arts map[string]*modelArticle
}

type modelArticle struct {
	id      string
	date    time.Time
	sources []string
	cats    []string
}

func (m *model) save(src string, a aggregator.Article) {
	if ma, ok := m.arts[a.ID]; ok {
		if !slices.Contains(ma.sources, src) {
			ma.sources = append(ma.sources, src)
		}
		for _, c := range a.Categories {
			if !slices.Contains(ma.cats, c) {
				ma.cats = append(ma.cats, c)
			}
		}
		return
	}
	m.arts[a.ID] = &modelArticle{id: a.ID, date: a.Date, sources: []string{src}, cats: slices.Clone(a.Categories)}
}

// query answers q by brute force: filter everything, sort by date (microseconds) then ID, newest
// first, cut at the limit.
func (m *model) query(q aggregator.Query) []string {
	var hits []*modelArticle
	for _, a := range m.arts {
		if len(q.Sources) > 0 && !slices.ContainsFunc(a.sources, func(s string) bool { return slices.Contains(q.Sources, s) }) {
			continue
		}
		if len(q.Categories) > 0 && !slices.ContainsFunc(a.cats, func(c string) bool { return slices.Contains(q.Categories, c) }) {
			continue
		}
		if !q.Since.IsZero() && a.date.Before(q.Since) {
			continue
		}
		hits = append(hits, a)
	}
	slices.SortFunc(hits, func(a, b *modelArticle) int {
		if c := cmp.Compare(b.date.UnixMicro(), a.date.UnixMicro()); c != 0 {
			return c
		}
		return cmp.Compare(b.id, a.id)
	})
	if q.Limit > 0 && len(hits) > q.Limit {
		hits = hits[:q.Limit]
	}
	out := make([]string, len(hits))
	for i, a := range hits {
		out[i] = a.id
	}
	return out
}

// randomStore fills a store with n articles in feeds of random sources, a fifth of them shared by
// several sources, with dates that often tie (same second, same microsecond) to exercise the ID
// order.
func randomStore(t *testing.T, s *Store, rng *rand.Rand, n int) *model {
	t.Helper()
	m := &model{arts: make(map[string]*modelArticle)}
	sources := []string{"s0", "s1", "s2", "s3", "s4", "s5"}
	cats := []string{"金融", "深度", "电报", "港股", "a", "b", "c", "d"}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	all := make([]aggregator.Article, n)
	for i := range all {
		date := base.Add(time.Duration(rng.IntN(n/3+1)) * time.Minute)
		if rng.IntN(4) == 0 {
			date = date.Add(time.Duration(rng.IntN(3000)) * time.Nanosecond) // sub-microsecond ties
		}
		var cs []string
		for range rng.IntN(3) {
			if c := cats[rng.IntN(len(cats))]; !slices.Contains(cs, c) {
				cs = append(cs, c)
			}
		}
		all[i] = art(fmt.Sprintf("id-%04d", rng.IntN(1_000_000)), "", date, cs...)
		all[i].ID = fmt.Sprintf("%s-%d", all[i].ID, i)
	}
	for len(all) > 0 {
		src := sources[rng.IntN(len(sources))]
		k := min(len(all), 1+rng.IntN(60))
		feed := all[:k]
		all = all[k:]
		// Some stories of this feed also appear in another source's feed, with other categories.
		var shared []aggregator.Article
		for _, a := range feed {
			if rng.IntN(5) == 0 {
				b := a
				b.Title = "another text"
				b.Categories = []string{cats[rng.IntN(len(cats))]}
				shared = append(shared, b)
			}
		}
		for i := range feed {
			feed[i].Sources = []string{src}
			m.save(src, feed[i])
		}
		save(t, s, src, feed...)
		if len(shared) > 0 {
			other := sources[rng.IntN(len(sources))]
			for i := range shared {
				shared[i].Sources = []string{other}
				m.save(other, shared[i])
			}
			save(t, s, other, shared...)
		}
	}
	return m
}

func TestArticlesMatchBruteForce(t *testing.T) {
	for _, readBatch := range []int{defaultReadBatch, 7} {
		t.Run(fmt.Sprintf("read batch %d", readBatch), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, uint64(readBatch)))
			s := openStore(t, Options{})
			s.readBatch = readBatch
			m := randomStore(t, s, rng, 1500)
			mustCheck(t, s)
			if st := stats(t, s); st.Articles != len(m.arts) {
				t.Fatalf("Stats.Articles = %d, want %d", st.Articles, len(m.arts))
			}
			names := func(pool []string) []string {
				var out []string
				for range rng.IntN(4) {
					out = append(out, pool[rng.IntN(len(pool))]) // repeats on purpose
				}
				return out
			}
			queries := []aggregator.Query{
				{}, {Limit: 100}, {Sources: []string{"s0", "s1", "s2", "s3", "s4", "s5"}},
				{Sources: []string{"nobody"}}, {Categories: []string{"none"}}, {Since: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)},
			}
			for range 300 {
				q := aggregator.Query{
					Sources:    names([]string{"s0", "s1", "s2", "s3", "s4", "s5", "nobody"}),
					Categories: names([]string{"金融", "深度", "电报", "港股", "a", "b", "c", "d", "none"}),
				}
				if rng.IntN(2) == 0 {
					q.Limit = 1 + rng.IntN(200)
				}
				if rng.IntN(3) == 0 {
					var any *modelArticle
					for _, a := range m.arts {
						any = a
						break
					}
					q.Since = any.date
					if rng.IntN(2) == 0 {
						q.Since = q.Since.Add(time.Duration(rng.IntN(1500)) * time.Nanosecond)
					}
				}
				queries = append(queries, q)
			}
			for _, q := range queries {
				got, want := ids(query(t, s, q)), m.query(q)
				if !slices.Equal(got, want) {
					t.Fatalf("Articles(%+v):\n got %d %q\nwant %d %q", q, len(got), head(got), len(want), head(want))
				}
			}
		})
	}
}

func head(s []string) []string { return s[:min(len(s), 8)] }
