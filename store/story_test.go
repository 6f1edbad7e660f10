package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
	"tributary/aggregator/story"
)

// The texts of three stories: a flash and the full article of one story (reworded headline, another
// link, the flash's text inside a longer body), and an unrelated story.
const (
	flashTitle = "【宁德时代：前三季度净利润同比增长12.5%】"
	flashBody  = "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%；净利润378.3亿元，同比增长12.5%。公司第三季度研发投入同比增加，储能电池出货量创下新高。</p>"
	fullTitle  = "宁德时代三季报：净利润增12.5% 储能出货创新高"
	fullBody   = "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%；净利润378.3亿元，同比增长12.5%。公司第三季度研发投入同比增加，储能电池出货量创下新高。</p>" +
		"<p>公司表示，海外市场收入占比继续提升，欧洲工厂产能爬坡顺利，匈牙利基地预计明年投产。分析人士认为，电池价格下行周期接近尾声，龙头企业的成本优势正在扩大。</p>" +
		"<p>截至发稿，宁德时代股价报收于256.8元，总市值超过1.1万亿元，当日成交额达到98.6亿元。</p>"
	otherTitle = "国家统计局：10月份CPI同比上涨0.3%"
	otherBody  = "<p>国家统计局11月9日发布数据，10月份全国居民消费价格同比上涨0.3%，环比下降0.1%。其中食品价格同比下降2.9%，非食品价格上涨1.0%，扣除食品和能源的核心CPI同比上涨0.2%。</p>"
)

// storyArt is an article of source src with its own link.
func storyArt(id, src, title, body string, date time.Time) aggregator.Article {
	a := art(id, src, date)
	a.Title, a.Body = title, body
	a.Link = "https://" + src + ".example.com/" + id
	a.Key = a.Link
	return a
}

func dedupOpts() *story.Options { return &story.Options{} }

// TestStoryGrouping saves a flash and then, from another source, the full article of the same story:
// the story keeps the flash's ID (readers that showed the item never see it again as new), shows the
// fuller copy's title and body, names the flash as the other copy, and a link-merged query still
// shows both articles as they are.
func TestStoryGrouping(t *testing.T) {
	clock := newClock()
	s := openStore(t, Options{Now: clock.Now, Dedup: dedupOpts()})
	t0 := clock.Now().Add(-time.Hour)
	if res := save(t, s, "cls", storyArt("flash", "cls", flashTitle, flashBody, t0)); res.New != 1 || res.Grouped != 0 {
		t.Fatalf("flash: %+v", res)
	}
	save(t, s, "nbs", storyArt("other", "nbs", otherTitle, otherBody, t0.Add(time.Minute)))
	merged := query(t, s, aggregator.Query{Merge: true})
	if got := ids(merged); !slices.Equal(sorted(got), []string{"flash", "other"}) {
		t.Fatalf("before the full article: merged ids %v", got)
	}

	clock.Advance(time.Hour)
	if res := save(t, s, "stcn", storyArt("full", "stcn", fullTitle, fullBody, t0.Add(8*time.Hour))); res.New != 1 || res.Grouped != 1 {
		t.Fatalf("full article: %+v, want one new article grouped", res)
	}
	if got := get(t, s, "full").Story; got != "flash" {
		t.Fatalf("full article's story = %q, want flash", got)
	}
	merged = query(t, s, aggregator.Query{Merge: true})
	if got := ids(merged); !slices.Equal(sorted(got), []string{"flash", "other"}) {
		t.Fatalf("merged ids %v, want the story under the flash's id and the other story", got)
	}
	st := merged[slices.IndexFunc(merged, func(a aggregator.Article) bool { return a.ID == "flash" })]
	if st.Title != fullTitle || st.Body != fullBody || st.Link != "https://stcn.example.com/full" {
		t.Errorf("story shows %q / %q, want the fuller copy's title, body and link", st.Title, st.Link)
	}
	if !st.Date.Equal(t0) {
		t.Errorf("story date %v, want the first copy's %v", st.Date, t0)
	}
	if !slices.Equal(sorted(st.Sources), []string{"cls", "stcn"}) {
		t.Errorf("story sources %v, want both", st.Sources)
	}
	want := []aggregator.Copy{{ID: "flash", Source: "cls", URL: "https://cls.example.com/flash", Title: flashTitle}}
	if !slices.Equal(st.Also, want) {
		t.Errorf("also = %+v, want %+v", st.Also, want)
	}
	if st.Story != "flash" || !st.Updated.Equal(clock.Now()) {
		t.Errorf("story %q updated %v, want flash updated when the copy arrived (%v)", st.Story, st.Updated, clock.Now())
	}

	links := query(t, s, aggregator.Query{})
	if got := ids(links); !slices.Equal(sorted(got), []string{"flash", "full", "other"}) {
		t.Fatalf("link-merged ids %v, want every article", got)
	}
	for _, a := range links {
		if a.Also != nil {
			t.Errorf("link-merged %s has also %v", a.ID, a.Also)
		}
	}
	// An output restricted to the flash's source still names the story by its ID, alone.
	only := query(t, s, aggregator.Query{Merge: true, Sources: []string{"stcn"}})
	if len(only) != 1 || only[0].ID != "flash" || only[0].Also != nil || only[0].Title != fullTitle {
		t.Errorf("stcn only: %+v", only)
	}
	if got := query(t, s, aggregator.Query{Merge: true, Limit: 1}); len(got) != 1 {
		t.Errorf("limit 1 gave %d stories", len(got))
	}
	events, err := s.Stories(context.Background(), 0)
	if err != nil || len(events) != 1 {
		t.Fatalf("Stories = %v, %v; want one merge", events, err)
	}
	if e := events[0]; e.Story != "flash" || e.Article != "full" || e.Matched != "flash" || e.Score <= 0 || e.ArticleSource != "stcn" || e.MatchedTitle != flashTitle {
		t.Errorf("merge event %+v", e)
	}
	mustCheck(t, s)
}

// TestStoryFullerCopyLater: when the flash arrives after the full article, the story keeps the full
// article's ID and body, and re-saving the unchanged feeds changes nothing (no print is computed
// again, the story stays).
func TestStoryFullerCopyLater(t *testing.T) {
	clock := newClock()
	s := openStore(t, Options{Now: clock.Now, Dedup: dedupOpts()})
	full := storyArt("full", "stcn", fullTitle, fullBody, clock.Now())
	flash := storyArt("flash", "cls", flashTitle, flashBody, clock.Now().Add(-8*time.Hour))
	save(t, s, "stcn", full)
	save(t, s, "cls", flash)
	for range 2 {
		got := query(t, s, aggregator.Query{Merge: true})
		if len(got) != 1 || got[0].ID != "full" || got[0].Body != fullBody || !got[0].Date.Equal(flash.Date) {
			t.Fatalf("merged = %+v", got)
		}
		if res := save(t, s, "cls", flash); res.Unchanged != 1 || res.Grouped != 0 {
			t.Fatalf("re-save: %+v", res)
		}
	}
}

// TestSplitStory splits a wrong merge: it survives a reopen, the article never rejoins, and splitting
// a story's first article moves the other copies to a story of their own.
func TestSplitStory(t *testing.T) {
	ctx := context.Background()
	clock := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	s := openAt(t, path, Options{Now: clock.Now, Dedup: dedupOpts()})
	t0 := clock.Now()
	save(t, s, "cls", storyArt("flash", "cls", flashTitle, flashBody, t0))
	save(t, s, "stcn", storyArt("full", "stcn", fullTitle, fullBody, t0))
	if err := s.SplitStory(ctx, "nope"); !errors.Is(err, aggregator.ErrNotFound) {
		t.Errorf("split of an unknown article: %v", err)
	}
	gen := s.Generation()
	if err := s.SplitStory(ctx, "full"); err != nil {
		t.Fatalf("SplitStory: %v", err)
	}
	if s.Generation() == gen {
		t.Error("a split did not change the generation: cached outputs stay merged")
	}
	if err := s.SplitStory(ctx, "full"); !errors.Is(err, aggregator.ErrNotMerged) {
		t.Errorf("second split: %v, want ErrNotMerged", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, Options{Now: clock.Now, Dedup: dedupOpts()})
	if got := ids(query(t, s, aggregator.Query{Merge: true})); !slices.Equal(sorted(got), []string{"flash", "full"}) {
		t.Fatalf("after reopen: merged ids %v, want the two apart", got)
	}
	// The same feed again, and a third copy: the split article stays apart; the new copy joins one
	// story (the best match), never both.
	save(t, s, "stcn", storyArt("full", "stcn", fullTitle, fullBody, t0))
	if get(t, s, "full").Story != "" {
		t.Error("the split article rejoined its story")
	}
	save(t, s, "sina", storyArt("again", "sina", fullTitle+"（更新）", fullBody, t0.Add(time.Hour)))
	if got := query(t, s, aggregator.Query{Merge: true}); len(got) != 2 {
		t.Errorf("after a third copy: %d stories, want 2", len(got))
	}
	events, _ := s.Stories(ctx, 0)
	if !slices.ContainsFunc(events, func(e aggregator.StoryMerge) bool { return e.Split && e.Article == "full" }) {
		t.Errorf("no split event in %+v", events)
	}
	mustCheck(t, s)

	// Splitting a story's first article: it stays the story, the others leave together.
	t.Run("first article", func(t *testing.T) {
		s := openStore(t, Options{Now: clock.Now, Dedup: dedupOpts()})
		save(t, s, "cls", storyArt("a", "cls", flashTitle, flashBody, t0))
		save(t, s, "stcn", storyArt("b", "stcn", fullTitle, fullBody, t0.Add(time.Minute)))
		clock.Advance(time.Second)
		save(t, s, "sina", storyArt("c", "sina", fullTitle+"！", fullBody+"<p>更多内容。</p>", t0.Add(2*time.Minute)))
		if get(t, s, "c").Story != "a" {
			t.Fatalf("c joined %q", get(t, s, "c").Story)
		}
		if err := s.SplitStory(ctx, "a"); err != nil {
			t.Fatal(err)
		}
		if got, want := []string{get(t, s, "a").Story, get(t, s, "b").Story, get(t, s, "c").Story}, []string{"", "", "b"}; !slices.Equal(got, want) {
			t.Errorf("stories of a, b, c = %q, want %q", got, want)
		}
		got := query(t, s, aggregator.Query{Merge: true})
		if !slices.Equal(sorted(ids(got)), []string{"a", "b"}) {
			t.Errorf("merged ids %v, want a alone and b with c", ids(got))
		}
		mustCheck(t, s)
	})
}

// TestStoryPrune: pruning an article removes its print, its member entry and its splits, and the
// index forgets it; a story whose first article was pruned keeps its ID.
func TestStoryPrune(t *testing.T) {
	ctx := context.Background()
	clock := newClock()
	s := openStore(t, Options{Now: clock.Now, Dedup: &story.Options{Window: 72 * time.Hour}})
	t0 := clock.Now()
	save(t, s, "cls", storyArt("flash", "cls", flashTitle, flashBody, t0.Add(-48*time.Hour)))
	save(t, s, "stcn", storyArt("full", "stcn", fullTitle, fullBody, t0.Add(-20*time.Hour)))
	save(t, s, "nbs", storyArt("other", "nbs", otherTitle, otherBody, t0))
	if get(t, s, "full").Story != "flash" || s.StoryIndexLen() != 3 {
		t.Fatalf("setup: full in %q, index %d", get(t, s, "full").Story, s.StoryIndexLen())
	}
	n, err := s.Prune(ctx, aggregator.PrunePolicy{Before: t0.Add(-30 * time.Hour)})
	if err != nil || n != 1 {
		t.Fatalf("Prune = %d, %v; want the flash", n, err)
	}
	if got := s.StoryIndexLen(); got != 2 {
		t.Errorf("index holds %d prints after the prune, want 2", got)
	}
	if got := query(t, s, aggregator.Query{Merge: true}); !slices.Equal(sorted(ids(got)), []string{"flash", "other"}) {
		t.Errorf("merged ids %v: the story keeps its ID when its first article goes", ids(got))
	}
	n, err = s.Prune(ctx, aggregator.PrunePolicy{Before: t0.Add(time.Hour)})
	if err != nil || n != 2 {
		t.Fatalf("Prune = %d, %v", n, err)
	}
	_ = s.db.View(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketPrints, bucketMembers, bucketApart} {
			if k := tx.Bucket(b).Stats().KeyN; k != 0 {
				t.Errorf("%s holds %d keys after everything was pruned", b, k)
			}
		}
		return nil
	})
	if got := s.StoryIndexLen(); got != 0 {
		t.Errorf("index holds %d prints, want 0", got)
	}
	mustCheck(t, s)
}

// TestStoryWindow: Open loads only the prints of the window, the writer expires the rest, and an
// article outside the window starts its own story.
func TestStoryWindow(t *testing.T) {
	clock := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	opts := Options{Now: clock.Now, Dedup: &story.Options{Window: 10 * time.Hour}}
	s := openAt(t, path, opts)
	for i := range 50 {
		a := storyArt(fmt.Sprintf("old%02d", i), "nbs", fmt.Sprintf("旧闻%d", i), fmt.Sprintf("<p>第%d条旧闻，内容各不相同，编号%d。</p>", i, i*7919), clock.Now())
		save(t, s, "nbs", a)
	}
	if got := s.StoryIndexLen(); got != 50 {
		t.Fatalf("index %d, want 50", got)
	}
	clock.Advance(11 * time.Hour)
	save(t, s, "cls", storyArt("flash", "cls", flashTitle, flashBody, clock.Now()))
	if got := s.StoryIndexLen(); got != 1 {
		t.Errorf("after the window passed the writer's index holds %d, want 1", got)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, opts)
	if got := s.StoryIndexLen(); got != 1 {
		t.Errorf("reopened index holds %d prints, want the window's 1 of 51 stored", got)
	}
	// A copy dated before the window does not join, and leaves no print: the index would drop it.
	save(t, s, "stcn", storyArt("full", "stcn", fullTitle, fullBody, clock.Now().Add(-12*time.Hour)))
	if st := get(t, s, "full").Story; st != "" {
		t.Errorf("a copy outside the window joined %q", st)
	}
	if got := s.StoryIndexLen(); got != 1 {
		t.Errorf("an article dated before the window entered the index (%d prints)", got)
	}
}

// TestStoryRollback: when a group transaction fails, the prints it added to the index are taken out
// again, and the requests committed again alone group as if the failure never happened.
func TestStoryRollback(t *testing.T) {
	clock := newClock()
	s := openStore(t, Options{Now: clock.Now, Dedup: dedupOpts()})
	ctx := context.Background()
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	mk := func(c context.Context, src string, a aggregator.Article) *saveReq {
		prints, err := s.fingerprints([]aggregator.Article{a})
		if err != nil {
			t.Fatal(err)
		}
		st, _ := encodeState(aggregator.FetchState{})
		return &saveReq{ctx: c, source: src, articles: []aggregator.Article{a}, prints: prints, state: st, feed: true}
	}
	good := mk(ctx, "cls", storyArt("flash", "cls", flashTitle, flashBody, clock.Now()))
	bad := mk(canceled, "stcn", storyArt("full", "stcn", fullTitle, fullBody, clock.Now()))
	failed := 0
	if err := s.runGroup([]*saveReq{good, bad}, &failed); err == nil || failed != 1 {
		t.Fatalf("runGroup = %v (failed %d), want the canceled request to fail", err, failed)
	}
	if got := s.StoryIndexLen(); got != 0 {
		t.Fatalf("index holds %d prints after a rollback, want 0", got)
	}
	s.commitGroup([]*saveReq{good, mk(ctx, "stcn", storyArt("full", "stcn", fullTitle, fullBody, clock.Now()))})
	if good.err != nil || s.StoryIndexLen() != 2 || get(t, s, "full").Story != "flash" {
		t.Errorf("after the retry: err %v, index %d, story %q", good.err, s.StoryIndexLen(), get(t, s, "full").Story)
	}
}

// TestStoryOldDatabase opens a schema 2 database (no story buckets, records without a story) with
// grouping on: it opens, its articles are their own stories, and new copies group with new articles.
func TestStoryOldDatabase(t *testing.T) {
	clock := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	s := openAt(t, path, Options{Now: clock.Now})
	save(t, s, "cls", storyArt("flash", "cls", flashTitle, flashBody, clock.Now()))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketPrints, bucketMembers, bucketApart, bucketStoryLog} {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		arts := tx.Bucket(bucketArticles)
		v := slices.Clone(arts.Get([]byte("flash")))
		v[0], v = recordV2, v[:len(v)-1] // a version 2 record: no story at the end
		if err := arts.Put([]byte("flash"), v); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, binary.BigEndian.AppendUint32(nil, 2))
	})
	if err == nil {
		err = db.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, Options{Now: clock.Now, Dedup: dedupOpts()})
	if a := get(t, s, "flash"); a.Story != "" || a.Title != flashTitle {
		t.Fatalf("old record read as %+v", a)
	}
	save(t, s, "nbs", storyArt("other", "nbs", otherTitle, otherBody, clock.Now()))
	save(t, s, "stcn", storyArt("full", "stcn", fullTitle+"（全文）", fullBody+otherBody, clock.Now()))
	if got := query(t, s, aggregator.Query{Merge: true}); len(got) != 2 {
		t.Errorf("merged %v: want 2 stories", ids(got))
	}
	mustCheck(t, s)
}

// TestStoryIndexMemoryBounded: the index holds the window's prints, however many articles the store
// holds, and startup reads no more than that.
func TestStoryIndexMemoryBounded(t *testing.T) {
	clock := newClock()
	path := filepath.Join(t.TempDir(), "tributary.db")
	opts := Options{Now: clock.Now, Dedup: &story.Options{Window: time.Hour}}
	s := openAt(t, path, opts)
	for round := range 5 {
		var batch []aggregator.Article
		for i := range 40 {
			id := fmt.Sprintf("r%di%02d", round, i)
			batch = append(batch, storyArt(id, "nbs", "标题"+id, fmt.Sprintf("<p>互不相关的第%d轮第%d条，数值%d。</p>", round, i, round*1000+i*37), clock.Now()))
		}
		save(t, s, "nbs", batch...)
		clock.Advance(2 * time.Hour)
		if got := s.StoryIndexLen(); got > 40 {
			t.Fatalf("round %d: index holds %d prints, want at most one round's 40", round, got)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, opts)
	if got, n := s.StoryIndexLen(), stats(t, s).Articles; got != 0 || n != 200 {
		t.Errorf("reopened two hours after the last round: index %d of %d articles, want 0", got, n)
	}
}

// FuzzDecodePrint: a damaged story_prints value is an error, never a panic or a huge allocation;
// what decodes encodes back the same.
func FuzzDecodePrint(f *testing.F) {
	p := story.Fingerprint(fullTitle, fullBody, time.Unix(1700000000, 0))
	for _, st := range []string{"", "flash"} {
		v, err := encodePrint(st, &p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		st, p, err := decodePrint(b)
		if err != nil {
			if !errors.Is(err, errCorrupt) {
				t.Fatalf("error %v does not wrap errCorrupt", err)
			}
			return
		}
		v, err := encodePrint(st, &p)
		if err != nil {
			t.Fatal(err)
		}
		st2, p2, err := decodePrint(v)
		if err != nil || st2 != st || !slices.Equal(p2.Shingles, p.Shingles) || !slices.Equal(p2.Facts, p.Facts) || !p2.Time.Equal(p.Time) {
			t.Fatalf("re-encoding: %v", err)
		}
	})
}
