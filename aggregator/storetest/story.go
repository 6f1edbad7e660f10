package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"tributary/aggregator"
)

var storyBehaviours = []behaviour{
	{name: "grouping off: each article is its own story", run: noGrouping},
	{name: "a fuller copy from another source joins the flash's story", grouping: true, run: storyGrouping},
	{name: "a flash after the full article joins its story; re-saves change nothing", grouping: true, run: storyFullerCopyFirst},
	{name: "a split survives a reopen and never rejoins", grouping: true, run: splitStory},
	{name: "splitting a story's first article moves the others together", grouping: true, run: splitFirst},
	{name: "a story keeps its ID when its first article is pruned", grouping: true, run: storyPrune},
}

// The texts of three stories, for the story behaviours and a backend's own story tests: a flash
// and the full article of one story (reworded headline, the flash's text inside a longer body),
// and an unrelated story.
const (
	FlashTitle = "【宁德时代：前三季度净利润同比增长12.5%】"
	FlashBody  = "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%；净利润378.3亿元，同比增长12.5%。公司第三季度研发投入同比增加，储能电池出货量创下新高。</p>"
	FullTitle  = "宁德时代三季报：净利润增12.5% 储能出货创新高"
	FullBody   = "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%；净利润378.3亿元，同比增长12.5%。公司第三季度研发投入同比增加，储能电池出货量创下新高。</p>" +
		"<p>公司表示，海外市场收入占比继续提升，欧洲工厂产能爬坡顺利，匈牙利基地预计明年投产。分析人士认为，电池价格下行周期接近尾声，龙头企业的成本优势正在扩大。</p>" +
		"<p>截至发稿，宁德时代股价报收于256.8元，总市值超过1.1万亿元，当日成交额达到98.6亿元。</p>"
	OtherTitle = "国家统计局：10月份CPI同比上涨0.3%"
	OtherBody  = "<p>国家统计局11月9日发布数据，10月份全国居民消费价格同比上涨0.3%，环比下降0.1%。其中食品价格同比下降2.9%，非食品价格上涨1.0%，扣除食品和能源的核心CPI同比上涨0.2%。</p>"
)

// storyArt is an article of source src with its own link.
func storyArt(id, src, title, body string, date time.Time) aggregator.Article {
	a := Article(id, src, date)
	a.Title, a.Body = title, body
	a.Link = "https://" + src + ".example.com/" + id
	a.Key = a.Link
	return a
}

func noGrouping(t *testing.T, h *harness) {
	t0 := h.clock.Now()
	h.save("cls", storyArt("flash", "cls", FlashTitle, FlashBody, t0))
	h.save("stcn", storyArt("full", "stcn", FullTitle, FullBody, t0.Add(time.Minute)))
	got := h.query(aggregator.Query{Merge: true})
	if !slices.Equal(ids(got), []string{"full", "flash"}) {
		t.Fatalf("merged ids %q, want both, newest first", ids(got))
	}
	for _, a := range got {
		if a.Story != a.ID || a.Also != nil {
			t.Errorf("%s: story %q, also %v; want its own story alone", a.ID, a.Story, a.Also)
		}
	}
	ctx := context.Background()
	if err := h.s.SplitStory(ctx, "full"); !errors.Is(err, aggregator.ErrNotMerged) {
		t.Errorf("split of an article alone: %v, want ErrNotMerged", err)
	}
	if err := h.s.SplitStory(ctx, "nope"); !errors.Is(err, aggregator.ErrNotFound) {
		t.Errorf("split of an unknown article: %v, want ErrNotFound", err)
	}
	if ev, err := h.s.Stories(ctx, 0); err != nil || len(ev) != 0 {
		t.Errorf("Stories = %v, %v; want none", ev, err)
	}
}

// storyGrouping saves a flash and then, from another source, the full article of the same story:
// the story keeps the flash's ID, shows the fuller copy's title and body, names the flash as the
// other copy, and a link-merged query still shows both articles as they are.
func storyGrouping(t *testing.T, h *harness) {
	t0 := h.clock.Now().Add(-time.Hour)
	if res := h.save("cls", storyArt("flash", "cls", FlashTitle, FlashBody, t0)); res.New != 1 || res.Grouped != 0 {
		t.Fatalf("flash: %+v", res)
	}
	h.save("nbs", storyArt("other", "nbs", OtherTitle, OtherBody, t0.Add(time.Minute)))
	if got := h.ids(aggregator.Query{Merge: true}); !slices.Equal(sorted(got), []string{"flash", "other"}) {
		t.Fatalf("before the full article: merged ids %v", got)
	}
	h.clock.Advance(time.Hour)
	if res := h.save("stcn", storyArt("full", "stcn", FullTitle, FullBody, t0.Add(8*time.Hour))); res.New != 1 || res.Grouped != 1 {
		t.Fatalf("full article: %+v, want one new article grouped", res)
	}
	if got := h.get("full").Story; got != "flash" {
		t.Fatalf("full article's story = %q, want flash", got)
	}
	merged := h.query(aggregator.Query{Merge: true})
	if got := ids(merged); !slices.Equal(sorted(got), []string{"flash", "other"}) {
		t.Fatalf("merged ids %v, want the story under the flash's id and the other story", got)
	}
	st := merged[slices.IndexFunc(merged, func(a aggregator.Article) bool { return a.ID == "flash" })]
	if st.Title != FullTitle || st.Body != FullBody || st.Link != "https://stcn.example.com/full" {
		t.Errorf("story shows %q / %q, want the fuller copy's title, body and link", st.Title, st.Link)
	}
	if !st.Date.Equal(t0) {
		t.Errorf("story date %v, want the first copy's %v", st.Date, t0)
	}
	if !slices.Equal(sorted(st.Sources), []string{"cls", "stcn"}) {
		t.Errorf("story sources %v, want both", st.Sources)
	}
	want := []aggregator.Copy{{ID: "flash", Source: "cls", URL: "https://cls.example.com/flash", Title: FlashTitle}}
	if !slices.Equal(st.Also, want) {
		t.Errorf("also = %+v, want %+v", st.Also, want)
	}
	if st.Story != "flash" || !st.Updated.Equal(h.clock.Now()) {
		t.Errorf("story %q updated %v, want flash updated when the copy arrived (%v)", st.Story, st.Updated, h.clock.Now())
	}
	links := h.query(aggregator.Query{})
	if got := ids(links); !slices.Equal(sorted(got), []string{"flash", "full", "other"}) {
		t.Fatalf("link-merged ids %v, want every article", got)
	}
	for _, a := range links {
		if a.Also != nil {
			t.Errorf("link-merged %s has also %v", a.ID, a.Also)
		}
	}
	only := h.query(aggregator.Query{Merge: true, Sources: []string{"stcn"}})
	if len(only) != 1 || only[0].ID != "flash" || only[0].Also != nil || only[0].Title != FullTitle {
		t.Errorf("stcn only: %+v", only)
	}
	if got := h.query(aggregator.Query{Merge: true, Limit: 1}); len(got) != 1 {
		t.Errorf("limit 1 gave %d stories", len(got))
	}
	events, err := h.s.Stories(context.Background(), 0)
	if err != nil || len(events) != 1 {
		t.Fatalf("Stories = %v, %v; want one merge", events, err)
	}
	if e := events[0]; e.Story != "flash" || e.Article != "full" || e.Matched != "flash" || e.Score <= 0 || e.ArticleSource != "stcn" || e.MatchedTitle != FlashTitle {
		t.Errorf("merge event %+v", e)
	}
}

func storyFullerCopyFirst(t *testing.T, h *harness) {
	full := storyArt("full", "stcn", FullTitle, FullBody, h.clock.Now())
	flash := storyArt("flash", "cls", FlashTitle, FlashBody, h.clock.Now().Add(-8*time.Hour))
	h.save("stcn", full)
	h.save("cls", flash)
	for range 2 {
		got := h.query(aggregator.Query{Merge: true})
		if len(got) != 1 || got[0].ID != "full" || got[0].Body != FullBody || !got[0].Date.Equal(flash.Date) {
			t.Fatalf("merged = %+v", got)
		}
		if res := h.save("cls", flash); res.Unchanged != 1 || res.Grouped != 0 {
			t.Fatalf("re-save: %+v", res)
		}
	}
}

func splitStory(t *testing.T, h *harness) {
	ctx := context.Background()
	t0 := h.clock.Now()
	h.save("cls", storyArt("flash", "cls", FlashTitle, FlashBody, t0))
	h.save("stcn", storyArt("full", "stcn", FullTitle, FullBody, t0))
	if got := h.get("full").Story; got != "flash" {
		t.Fatalf("full joined %q, want flash", got)
	}
	if err := h.s.SplitStory(ctx, "nope"); !errors.Is(err, aggregator.ErrNotFound) {
		t.Errorf("split of an unknown article: %v", err)
	}
	gen := h.s.Generation()
	if err := h.s.SplitStory(ctx, "full"); err != nil {
		t.Fatalf("SplitStory: %v", err)
	}
	if h.s.Generation() == gen {
		t.Error("a split did not change the generation: cached outputs stay merged")
	}
	if err := h.s.SplitStory(ctx, "full"); !errors.Is(err, aggregator.ErrNotMerged) {
		t.Errorf("second split: %v, want ErrNotMerged", err)
	}
	h.reopen(true)
	if got := h.ids(aggregator.Query{Merge: true}); !slices.Equal(sorted(got), []string{"flash", "full"}) {
		t.Fatalf("after reopen: merged ids %v, want the two apart", got)
	}
	// The same feed again, and a third copy: the split article stays apart; the new copy joins one
	// story (the best match), never both.
	h.save("stcn", storyArt("full", "stcn", FullTitle, FullBody, t0))
	if h.get("full").Story != "" {
		t.Error("the split article rejoined its story")
	}
	h.save("sina", storyArt("again", "sina", FullTitle+"（更新）", FullBody, t0.Add(time.Hour)))
	if got := h.query(aggregator.Query{Merge: true}); len(got) != 2 {
		t.Errorf("after a third copy: %d stories, want 2", len(got))
	}
	events, _ := h.s.Stories(ctx, 0)
	if !slices.ContainsFunc(events, func(e aggregator.StoryMerge) bool { return e.Split && e.Article == "full" }) {
		t.Errorf("no split event in %+v", events)
	}
	for i := 1; i < len(events); i++ {
		if events[i].Time.After(events[i-1].Time) {
			t.Errorf("events not newest first: %+v", events)
		}
	}
	if got, _ := h.s.Stories(ctx, 1); len(got) != 1 || got[0] != events[0] {
		t.Errorf("Stories(1) = %+v, want the newest alone", got)
	}
}

func splitFirst(t *testing.T, h *harness) {
	t0 := h.clock.Now()
	h.save("cls", storyArt("a", "cls", FlashTitle, FlashBody, t0))
	h.save("stcn", storyArt("b", "stcn", FullTitle, FullBody, t0.Add(time.Minute)))
	h.clock.Advance(time.Second)
	h.save("sina", storyArt("c", "sina", FullTitle+"！", FullBody+"<p>更多内容。</p>", t0.Add(2*time.Minute)))
	if h.get("c").Story != "a" {
		t.Fatalf("c joined %q", h.get("c").Story)
	}
	if err := h.s.SplitStory(context.Background(), "a"); err != nil {
		t.Fatal(err)
	}
	if got, want := []string{h.get("a").Story, h.get("b").Story, h.get("c").Story}, []string{"", "", "b"}; !slices.Equal(got, want) {
		t.Errorf("stories of a, b, c = %q, want %q", got, want)
	}
	if got := h.ids(aggregator.Query{Merge: true}); !slices.Equal(sorted(got), []string{"a", "b"}) {
		t.Errorf("merged ids %v, want a alone and b with c", got)
	}
}

func storyPrune(t *testing.T, h *harness) {
	t0 := h.clock.Now()
	h.save("cls", storyArt("flash", "cls", FlashTitle, FlashBody, t0.Add(-30*time.Hour)))
	h.save("stcn", storyArt("full", "stcn", FullTitle, FullBody, t0.Add(-20*time.Hour)))
	h.save("nbs", storyArt("other", "nbs", OtherTitle, OtherBody, t0))
	if got := h.get("full").Story; got != "flash" {
		t.Fatalf("setup: full in %q", got)
	}
	if n := h.prune(aggregator.PrunePolicy{Before: t0.Add(-25 * time.Hour)}); n != 1 {
		t.Fatalf("Prune = %d; want the flash", n)
	}
	if got := h.ids(aggregator.Query{Merge: true}); !slices.Equal(sorted(got), []string{"flash", "other"}) {
		t.Errorf("merged ids %v: the story keeps its ID when its first article goes", got)
	}
	if n := h.prune(aggregator.PrunePolicy{Before: t0.Add(time.Hour)}); n != 2 {
		t.Fatalf("Prune = %d, want 2", n)
	}
	if got := h.query(aggregator.Query{Merge: true}); len(got) != 0 {
		t.Errorf("merged after pruning everything: %v", ids(got))
	}
}
