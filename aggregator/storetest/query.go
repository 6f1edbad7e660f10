package storetest

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"tributary/aggregator"
)

var queryBehaviours = []behaviour{
	{name: "queries match a brute-force model, newest first, each once", run: matchBruteForce},
	{name: "ties in one microsecond order by ID, descending", run: microsecondTies},
}

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

// query answers q by brute force: filter everything, sort by date (microseconds, floored) then ID,
// newest first, cut at the limit.
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

// randomStore fills the store with n articles in feeds of random sources, a fifth of them shared
// by several sources, with dates that often tie (same second, same microsecond) to exercise the ID
// order.
func randomStore(h *harness, rng *rand.Rand, n int) *model {
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
		// IDs of mixed case and digits: the order is bytewise, whatever a database's collation says.
		all[i] = Article(fmt.Sprintf("id-%04d-%c-%d", rng.IntN(1_000_000), "aZ_b-"[rng.IntN(5)], i), "", date, cs...)
	}
	for len(all) > 0 {
		src := sources[rng.IntN(len(sources))]
		k := min(len(all), 1+rng.IntN(60))
		feed := all[:k]
		all = all[k:]
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
		h.save(src, feed...)
		if len(shared) > 0 {
			other := sources[rng.IntN(len(sources))]
			for i := range shared {
				shared[i].Sources = []string{other}
				m.save(other, shared[i])
			}
			h.save(other, shared...)
		}
	}
	return m
}

func matchBruteForce(t *testing.T, h *harness) {
	rng := rand.New(rand.NewPCG(1, 2))
	m := randomStore(h, rng, 1500)
	if st := h.stats(); st.Articles != len(m.arts) {
		t.Fatalf("Stats.Articles = %d, want %d", st.Articles, len(m.arts))
	}
	names := func(pool []string) []string {
		var out []string
		for range rng.IntN(4) {
			out = append(out, pool[rng.IntN(len(pool))]) // repeats on purpose
		}
		return out
	}
	var anyDate time.Time
	for _, a := range m.arts {
		anyDate = a.date
		break
	}
	queries := []aggregator.Query{
		{}, {Limit: 100}, {Limit: 1}, {Sources: []string{"s0", "s1", "s2", "s3", "s4", "s5"}},
		{Sources: []string{"nobody"}}, {Categories: []string{"none"}}, {Since: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for range 200 {
		q := aggregator.Query{
			Sources:    names([]string{"s0", "s1", "s2", "s3", "s4", "s5", "nobody"}),
			Categories: names([]string{"金融", "深度", "电报", "港股", "a", "b", "c", "d", "none"}),
		}
		if rng.IntN(2) == 0 {
			q.Limit = 1 + rng.IntN(200)
		}
		if rng.IntN(3) == 0 {
			q.Since = anyDate
			if rng.IntN(2) == 0 {
				q.Since = q.Since.Add(time.Duration(rng.IntN(1500)) * time.Nanosecond)
			}
		}
		queries = append(queries, q)
	}
	for _, q := range queries {
		got, want := h.ids(q), m.query(q)
		if !slices.Equal(got, want) {
			t.Fatalf("Articles(%+v):\n got %d %q\nwant %d %q", q, len(got), head(got), len(want), head(want))
		}
	}
}

func head(s []string) []string { return s[:min(len(s), 8)] }

// microsecondTies: articles in one microsecond list by ID descending, bytewise; Since counts to
// the nanosecond.
func microsecondTies(t *testing.T, h *harness) {
	t0 := day(4)
	h.save("a", Article("B", "a", t0.Add(100*time.Nanosecond)), Article("a", "a", t0.Add(900*time.Nanosecond)),
		Article("_", "a", t0), Article("Z", "a", t0.Add(time.Microsecond)))
	if got, want := h.ids(aggregator.Query{}), []string{"Z", "a", "_", "B"}; !slices.Equal(got, want) {
		t.Errorf("Articles = %q, want %q", got, want)
	}
	if got, want := h.ids(aggregator.Query{Since: t0.Add(500 * time.Nanosecond)}), []string{"Z", "a"}; !slices.Equal(got, want) {
		t.Errorf("Articles(since +500ns) = %q, want %q", got, want)
	}
	if got, want := h.ids(aggregator.Query{Since: t0.Add(500 * time.Nanosecond), Limit: 1}), []string{"Z"}; !slices.Equal(got, want) {
		t.Errorf("Articles(since +500ns, limit 1) = %q, want %q", got, want)
	}
}
