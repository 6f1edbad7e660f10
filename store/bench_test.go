package store

// Benchmarks of the store's part of issue 6's targets.
//
//	go test -run '^$' -bench . -benchmem -count 5 ./store/
//
// BenchmarkNewest100 and BenchmarkOpen run on databases of 10,000 and 100,000 articles with ~3 KB
// Chinese bodies, built once per run (the 100,000 one takes a while and ~400 MB of temporary disk).
// For the 1,000,000 figure of issue 6 (~4 GB, several minutes to build):
//
//	TRIBUTARY_BENCH_ARTICLES=10000,1000000 go test -run '^$' -bench 'Newest100|Open' -count 5 -timeout 2h ./store/

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
	"tributary/aggregator/story"
)

// sentences make bodies that look like 财联社 depth articles, in size and in bytes per character.
var sentences = []string{
	"财联社11月18日讯，2021翼支付合作伙伴大会在上海成功举办。",
	"大会以“数字发展”为主题，邀请多位行业专家共话数字经济发展图景。",
	"与会嘉宾表示，数字人民币试点范围持续扩大，支付场景不断丰富。",
	"分析人士指出，消费金融行业正在进入精细化运营的新阶段。",
	"沪指午后震荡走高，券商、保险板块集体拉升，两市成交额突破万亿元。",
	"港股恒生科技指数收涨逾2%，新能源汽车产业链个股表现活跃。",
	"多家机构认为，明年货币政策将保持稳健，流动性合理充裕。",
	"<p>公司公告称，拟以自有资金回购股份，用于员工持股计划。</p>",
	`<img src="https://img.cls.cn/images/20211118/abcdef.png" referrerpolicy="no-referrer">`,
}

// chineseBody returns about size bytes of HTML built from sentences.
func chineseBody(rng *rand.Rand, size int) string {
	var b strings.Builder
	b.WriteString(`<div class="m-b-10"><p>`)
	for b.Len() < size {
		b.WriteString(sentences[rng.IntN(len(sentences))])
	}
	b.WriteString("</p></div>")
	return b.String()
}

// uniqueBody is a body that shares no text with another: characters drawn at random from the
// common CJK block, in paragraphs, with figures.
func uniqueBody(rng *rand.Rand, size int) string {
	var b strings.Builder
	for b.Len() < size {
		b.WriteString("<p>")
		for range 60 {
			b.WriteRune(rune(0x4e00 + rng.IntN(0x2000)))
		}
		fmt.Fprintf(&b, "%d.%d%%。</p>", rng.IntN(1000), rng.IntN(10))
	}
	return b.String()
}

// benchArticles makes n articles numbered from first, dated one minute apart (with some ties),
// spread over 20 sources and a few categories, bodies from a pool.
func benchArticles(rng *rand.Rand, bodies []string, first, n int) []aggregator.Article {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cats := []string{"金融", "深度", "电报", "港股", "基金", "环球"}
	arts := make([]aggregator.Article, n)
	for i := range arts {
		k := first + i
		id := fmt.Sprintf("%016x", uint64(k)*0x9E3779B97F4A7C15) // hash-like, as real IDs
		arts[i] = aggregator.Article{
			ID:         id,
			Key:        "https://www.cls.cn/detail/" + strconv.Itoa(k),
			Title:      "财联社深度：" + sentences[k%len(sentences)],
			Categories: []string{"财联社", cats[k%len(cats)]},
			Author:     "财联社",
			Date:       base.Add(time.Duration(k-rng.IntN(3)) * time.Minute),
			Body:       bodies[k%len(bodies)],
			Link:       "https://www.cls.cn/detail/" + strconv.Itoa(k),
			GUID:       "https://www.cls.cn/detail/" + strconv.Itoa(k),
			HeadImg:    "https://img.cls.cn/images/20211118/abcdef.png",
		}
	}
	return arts
}

func bodyPool(rng *rand.Rand) []string {
	bodies := make([]string, 64)
	for i := range bodies {
		bodies[i] = chineseBody(rng, 3000)
	}
	return bodies
}

// BenchmarkSaveFeed stores 50-article feeds, one durable transaction each, as a refresh does.
// "new": every article is new; "unchanged": the same feed again (the common refresh); "merged":
// the feed's stories already stored by another source. "new-nosync" is "new" without fsync: the
// store's own CPU cost, for comparing machines whose disks differ (compare with
// BenchmarkBboltCeiling, run alongside). "unique-nosync" and "unique-nosync-dedup" store articles
// whose bodies are all different (the pool's 64 bodies would all be one story), with story grouping
// off and on: their difference is what grouping costs per new article (fingerprint, match, print).
func BenchmarkSaveFeed(b *testing.B) {
	const feedSize = 50
	for _, mode := range []string{"new", "unchanged", "merged", "new-nosync", "unique-nosync", "unique-nosync-dedup"} {
		b.Run(mode, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			bodies := bodyPool(rng)
			opts := Options{}
			if mode == "unique-nosync-dedup" {
				opts.Dedup = &story.Options{}
			}
			s := openStore(b, opts)
			ctx := context.Background()
			state := aggregator.FetchState{ETag: `"x"`, LastStatus: aggregator.StatusUpdated}
			// Some articles already stored, so the trees are not trivially small.
			s.db.NoSync = true
			for i := range 20 {
				if _, err := s.SaveFeed(ctx, "warm", benchArticles(rng, bodies, 100_000_000+i*500, 500), state); err != nil {
					b.Fatal(err)
				}
			}
			s.db.NoSync = strings.HasSuffix(mode, "nosync") || strings.HasSuffix(mode, "nosync-dedup")
			same := benchArticles(rng, bodies, 0, feedSize)
			if mode == "unchanged" {
				if _, err := s.SaveFeed(ctx, "src", same, state); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				feed, src := same, "src"
				switch mode {
				case "new", "new-nosync":
					feed = benchArticles(rng, bodies, n*feedSize, feedSize)
				case "unique-nosync", "unique-nosync-dedup":
					b.StopTimer()
					feed = benchArticles(rng, bodies, n*feedSize, feedSize)
					for i := range feed {
						feed[i].Body = uniqueBody(rng, 3000)
					}
					b.StartTimer()
				case "merged":
					feed, src = benchArticles(rng, bodies, n*feedSize, feedSize), "other"
					b.StopTimer()
					if _, err := s.SaveFeed(ctx, "src", feed, state); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
				}
				res, err := s.SaveFeed(ctx, src, feed, state)
				if err != nil {
					b.Fatal(err)
				}
				if (mode == "new" || strings.HasPrefix(mode, "new-") || strings.HasPrefix(mode, "unique")) && res.New != feedSize || mode == "unchanged" && res.Unchanged != feedSize || mode == "merged" && res.Merged != feedSize {
					b.Fatalf("%s: %+v", mode, res)
				}
				n++
			}
			b.ReportMetric(float64(n*feedSize)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkBboltCeiling is the ceiling for BenchmarkSaveFeed on the same machine: the same 50
// values put under their IDs in one bare bbolt transaction (no indexes, no dedup), committed durably,
// into a bucket that already holds as many values as BenchmarkSaveFeed's warm-up stores.
// "empty-commit" is one small put, the price of any durable commit.
func BenchmarkBboltCeiling(b *testing.B) {
	const feedSize = 50
	for _, mode := range []string{"50-articles", "empty-commit"} {
		b.Run(mode, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			bodies := bodyPool(rng)
			s := openStore(b, Options{})
			// As many values already stored as in BenchmarkSaveFeed, so that the trees compare.
			s.db.NoSync = true
			for i := range 20 {
				arts := benchArticles(rng, bodies, 100_000_000+i*500, 500)
				err := s.db.Update(func(tx *bolt.Tx) error {
					bk := tx.Bucket(bucketArticles)
					for i := range arts {
						if err := bk.Put([]byte(arts[i].ID), []byte(arts[i].Title+arts[i].Body)); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			s.db.NoSync = false
			n := 0
			for b.Loop() {
				arts := benchArticles(rng, bodies, n*feedSize, feedSize)
				err := s.db.Update(func(tx *bolt.Tx) error {
					bk := tx.Bucket(bucketArticles)
					if mode == "empty-commit" {
						return bk.Put([]byte("k"), []byte("v"))
					}
					for i := range arts {
						if err := bk.Put([]byte(arts[i].ID), []byte(arts[i].Title+arts[i].Body)); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			if mode != "empty-commit" {
				b.ReportMetric(float64(n*feedSize)/b.Elapsed().Seconds(), "articles/s")
			}
		})
	}
}

// BenchmarkNewest100 reads an output's newest 100 articles: the cost must not grow with the number
// of articles stored (issue 6: at 1,000,000 at most twice that at 10,000).
func BenchmarkNewest100(b *testing.B) {
	queries := []struct {
		name string
		q    aggregator.Query
	}{
		{"all", aggregator.Query{Limit: 100}},
		{"one-source", aggregator.Query{Sources: []string{"src-07"}, Limit: 100}},
		{"three-sources", aggregator.Query{Sources: []string{"src-01", "src-02", "src-03"}, Limit: 100}},
		{"category", aggregator.Query{Categories: []string{"深度"}, Limit: 100}},
		{"sources-and-category", aggregator.Query{Sources: []string{"src-01", "src-02", "src-03"}, Categories: []string{"港股", "深度"}, Limit: 100}},
	}
	for _, size := range benchSizes(b) {
		path := benchDBs.get(b, size)
		for _, qq := range queries {
			b.Run(fmt.Sprintf("%s/stored=%d", qq.name, size), func(b *testing.B) {
				s := openAt(b, path, Options{})
				ctx := context.Background()
				b.ReportAllocs()
				for b.Loop() {
					arts, err := s.Articles(ctx, qq.q)
					if err != nil {
						b.Fatal(err)
					}
					if len(arts) != 100 {
						b.Fatalf("got %d articles", len(arts))
					}
				}
			})
		}
	}
}

// BenchmarkOpen measures startup: Open, Stats and the newest 100 of the database, then Close.
func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	for _, size := range benchSizes(b) {
		path := benchDBs.get(b, size)
		b.Run(fmt.Sprintf("stored=%d", size), func(b *testing.B) {
			for b.Loop() {
				s, err := Open(ctx, path, Options{})
				if err != nil {
					b.Fatal(err)
				}
				st, err := s.Stats(ctx)
				if err != nil || st.Articles < size {
					b.Fatalf("Stats = %+v, %v", st, err)
				}
				if _, err := s.Articles(ctx, aggregator.Query{Limit: 100}); err != nil {
					b.Fatal(err)
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchSizes reads TRIBUTARY_BENCH_ARTICLES (comma-separated counts); 10,000 and 100,000 by default.
func benchSizes(b *testing.B) []int {
	env := os.Getenv("TRIBUTARY_BENCH_ARTICLES")
	if env == "" {
		return []int{10_000, 100_000}
	}
	var sizes []int
	for _, f := range strings.Split(env, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("TRIBUTARY_BENCH_ARTICLES: bad count %q", f)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// benchDBs builds each benchmark database once per test binary run; TestMain removes them.
var benchDBs = &dbCache{paths: make(map[int]string)}

type dbCache struct {
	mu    sync.Mutex
	dir   string
	paths map[int]string
}

func (c *dbCache) get(b *testing.B, size int) string {
	b.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.paths[size]; ok {
		return p
	}
	if c.dir == "" {
		dir, err := os.MkdirTemp("", "tributary-store-bench-")
		if err != nil {
			b.Fatal(err)
		}
		c.dir = dir
	}
	path := filepath.Join(c.dir, fmt.Sprintf("%d.db", size))
	if err := buildBenchDB(path, size); err != nil {
		b.Fatal(err)
	}
	c.paths[size] = path
	return path
}

func (c *dbCache) cleanup() {
	if c.dir != "" {
		_ = os.RemoveAll(c.dir)
	}
}

// buildBenchDB stores size articles over 20 sources (a tenth of them carried by two) in feeds of
// 1,000, without fsync: only reads are measured on it.
func buildBenchDB(path string, size int) error {
	ctx := context.Background()
	s, err := Open(ctx, path, Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	s.db.NoSync = true
	rng := rand.New(rand.NewPCG(3, 4))
	bodies := bodyPool(rng)
	const batch = 1000
	for first := 0; first < size; first += batch {
		arts := benchArticles(rng, bodies, first, min(batch, size-first))
		bySource := make(map[string][]aggregator.Article)
		for i, a := range arts {
			src := fmt.Sprintf("src-%02d", (first+i)%20)
			bySource[src] = append(bySource[src], a)
			if (first+i)%10 == 0 {
				other := fmt.Sprintf("src-%02d", (first+i+7)%20)
				bySource[other] = append(bySource[other], a)
			}
		}
		for src, feed := range bySource {
			if _, err := s.SaveFeed(ctx, src, feed, aggregator.FetchState{}); err != nil {
				return err
			}
		}
	}
	return s.db.Sync()
}

// BenchmarkStoryIndexLoad: Open with grouping on until the story index holds the window's prints
// (StoryIndexLen waits for the load behind Open), then Close. Its window has 25,000 prints of
// distinct texts by default; TRIBUTARY_BENCH_PRINTS sets another count (the 10,000-source farm's
// window holds 464,650).
func BenchmarkStoryIndexLoad(b *testing.B) {
	n := 25_000
	if env := os.Getenv("TRIBUTARY_BENCH_PRINTS"); env != "" {
		v, err := strconv.Atoi(env)
		if err != nil || v <= 0 {
			b.Fatalf("TRIBUTARY_BENCH_PRINTS: bad count %q", env)
		}
		n = v
	}
	ctx := context.Background()
	clock := newClock()
	opts := Options{Now: clock.Now, Dedup: dedupOpts()}
	path := filepath.Join(b.TempDir(), "prints.db")
	s, err := Open(ctx, path, opts)
	if err != nil {
		b.Fatal(err)
	}
	s.db.NoSync = true
	rng := rand.New(rand.NewPCG(5, 6))
	const feed = 500
	for first := 0; first < n; first += feed {
		arts := make([]aggregator.Article, 0, feed)
		for k := first; k < min(first+feed, n); k++ {
			id := fmt.Sprintf("%016x", uint64(k)*0x9E3779B97F4A7C15)
			arts = append(arts, storyArt(id, "src", sentences[k%len(sentences)], chineseBody(rng, 1200), clock.Now()))
		}
		if _, err := s.SaveFeed(ctx, fmt.Sprintf("src-%02d", first/feed%20), arts, aggregator.FetchState{}); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.db.Sync(); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s, err := Open(ctx, path, opts)
		if err != nil {
			b.Fatal(err)
		}
		if got := s.StoryIndexLen(); got != n {
			b.Fatalf("index holds %d prints, want %d", got, n)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/print")
}

// BenchmarkPruneListings is a prune of a store whose 2,000 sources list 50 entries each (100,000
// listed IDs), as the daemon runs one at most once a minute while refreshes change articles: no
// article dated out and no per-source window, only the tombstones' expiry, with none ("clean"),
// and with 1,000 tombstones of IDs still listed ("tombstones", the three oldest of a third of the
// sources, pruned beforehand). B/op is the point: before 2026-12-06 each prune collected every
// listed ID into a set, all of it held at once (8.8 MB a prune here, in proportion to the IDs
// listed).
//
//	go test -run '^$' -bench PruneListings -benchmem -count 5 ./store/
func BenchmarkPruneListings(b *testing.B) {
	const sources, entries = 2000, 50
	for _, tc := range []struct {
		name       string
		tombstones bool
	}{{"clean", false}, {"tombstones", true}} {
		b.Run(tc.name, func(b *testing.B) {
			s := openStore(b, Options{NoGrowSync: true})
			s.db.NoSync = true
			ctx := context.Background()
			names := make([]string, sources)
			for i := range sources {
				names[i] = fmt.Sprintf("source-%04d", i)
				arts := make([]aggregator.Article, entries)
				for j := range arts {
					arts[j] = art(fmt.Sprintf("%s-%02d", names[i], j), names[i], day(1).Add(time.Duration(j)*time.Hour))
				}
				save(b, s, names[i], arts...)
			}
			if tc.tombstones {
				// Keep 47 of each of the first third's 50: 1,000 tombstones (3 × 333 and a bit),
				// every one still listed.
				err := s.db.Update(func(tx *bolt.Tx) error {
					w := s.newWriter(tx)
					for i := range sources / 3 {
						for j := range 3 {
							r, ok, err := w.get(fmt.Sprintf("%s-%02d", names[i], j))
							if err != nil || !ok {
								return fmt.Errorf("get: %v %v", ok, err)
							}
							if err := w.remove(&r, time.Now()); err != nil {
								return err
							}
						}
					}
					_, err := w.flush(ctx.Err)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			p := aggregator.PrunePolicy{KeepListedBy: names, TombstoneTTL: 30 * 24 * time.Hour}
			b.ResetTimer()
			for b.Loop() {
				if _, err := s.Prune(ctx, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFirstRefresh is the first refresh of many sources through the store: 50-article feeds
// saved by 8 goroutines at once (so that they share group commits, as the refresher's workers do),
// dated as the benchmark farm dates them (item i of every feed at base + i minutes, so that the
// date indexes take inserts all over their range), with hash-like 32-character IDs, story grouping
// off. "direct" writes the date and category indexes in place, "staged" through their twins
// (fresh.go). It reports the CPU time and the pages bbolt wrote per article. The per-article cost
// growing with the sources is issue 16's 10,000-source ratio; run with -benchtime 1x.
func BenchmarkFirstRefresh(b *testing.B) {
	const items, workers = 50, 8
	rng := rand.New(rand.NewPCG(3, 4))
	bodies := bodyPool(rng)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, sources := range []int{500, 4000} {
		for _, mode := range []string{"direct", "staged"} {
			b.Run(fmt.Sprintf("%s/sources=%d", mode, sources), func(b *testing.B) {
				var pages, articles int
				var cpu int64
				for b.Loop() {
					b.StopTimer()
					s := openStore(b, Options{})
					if mode == "direct" {
						s.foldAt = 0
					}
					feeds := make(chan int, sources)
					for f := range sources {
						feeds <- f
					}
					close(feeds)
					st := s.db.Stats()
					before := st.TxStats.GetWrite()
					start := processCPU()
					b.StartTimer()
					var wg sync.WaitGroup
					for range workers {
						wg.Go(func() {
							for f := range feeds {
								arts := make([]aggregator.Article, items)
								for i := range arts {
									k := f*items + i
									arts[i] = aggregator.Article{
										ID:         fmt.Sprintf("%032x", uint64(k)*0x9E3779B97F4A7C15),
										Key:        "https://example.com/" + strconv.Itoa(k),
										Title:      sentences[k%len(sentences)],
										Categories: []string{"财经"},
										Date:       base.Add(time.Duration(i) * time.Minute),
										Body:       bodies[k%len(bodies)],
										Link:       "https://example.com/" + strconv.Itoa(k),
									}
								}
								if _, err := s.SaveFeed(context.Background(), fmt.Sprintf("s%d", f), arts, aggregator.FetchState{LastStatus: aggregator.StatusUpdated}); err != nil {
									b.Error(err)
									return
								}
							}
						})
					}
					wg.Wait()
					b.StopTimer()
					cpu += processCPU() - start
					st = s.db.Stats()
					pages += int(st.TxStats.GetWrite() - before)
					articles += sources * items
					_ = s.Close()
					b.StartTimer()
				}
				b.ReportMetric(float64(cpu)/1e3/float64(articles), "cpu-µs/article")
				b.ReportMetric(float64(pages)/float64(articles), "pages/article")
			})
		}
	}
}
