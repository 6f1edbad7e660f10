package storetest

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
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
	{name: "a flash quoting a long article's middle joins its story, in either order", grouping: true, run: middleFlash},
	{name: "story ranks: a fuller copy of a lower-ranked source is not the one shown", grouping: true, run: storyRanked},
	{name: "an edited article's print follows its text, after a reopen too", grouping: true, run: editedPrint},
	{name: "two outlets' English paraphrases are one story, after a reopen too", grouping: true, run: englishStory},
	{name: "two outlets' Chinese reports in their own words are one story, after a reopen too", grouping: true, run: chineseStory},
	{name: "one publisher's boilerplate makes no story of two of its items", grouping: true, run: publisherBoilerplate},
	{name: "a footer no list knows, learnt from a source's items, makes no story of two of them", grouping: true, run: learntFooter},
	{name: "a template repeated every day without a date is each day's story", grouping: true, run: dailyTemplate},
	{name: "one template about two companies is two stories, after a reopen too", grouping: true, run: twoCompaniesTemplate},
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
	if e := events[0]; e.Story != "flash" || e.Article != "full" || e.Matched != "flash" || e.Score <= 0 || e.Window || e.Words || e.ArticleSource != "stcn" || e.MatchedTitle != FlashTitle {
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

// A long article and flashes under its headline (story.Texts: the second look). The article is
// longer than what a print reads (800 runes): its tenth paragraph is past that.
const (
	LongTitle  = "多家券商发布四季度策略：关注高股息与科技成长两条主线"
	MiddleBody = "<p>华泰证券首席策略分析师表示，四季度上市公司盈利修复的斜率将放缓，建议投资者在半导体设备、工业软件和创新药三个方向上寻找估值与业绩匹配的标的，其中半导体设备板块的订单能见度已经延伸到明年二季度，龙头公司的在手订单同比增长47.3%。</p>"
)

// LongBody is the long article's body: MiddleBody is its tenth paragraph of twelve, past the
// print's 800 runes.
var LongBody = "<p>财联社11月2日讯（记者 王晓）临近年末，多家券商陆续发布四季度及明年的投资策略报告。整体来看，券商研究所对权益市场的判断偏向乐观，认为估值处于历史较低分位，政策面的积极信号正在逐步传导至基本面。</p>" +
	"<p>中信证券在报告中指出，当前沪深300指数的市盈率约为11.2倍，处于近十年来的28%分位附近，股债性价比指标显示权益资产的配置价值较为突出。该机构建议投资者重点关注红利资产的防御属性，以及新一轮产业周期带来的进攻机会。</p>" +
	"<p>国泰君安则认为，居民资产配置向权益市场迁移的趋势没有改变，今年以来偏股型基金的发行虽然遇冷，但指数基金和交易型开放式基金的规模持续扩张，被动投资正在成为增量资金的重要来源，全年净流入规模有望超过5200亿元。</p>" +
	"<p>从行业配置的角度看，多家机构不约而同地提到了高股息资产。招商证券统计显示，银行、煤炭、公用事业和交通运输板块的股息率均超过4%，在无风险利率下行的背景下，这类资产对于保险资金和年金等长期资金具有较强的吸引力。</p>" +
	"<p>与此同时，科技成长方向同样受到青睐。广发证券的研究团队在路演中提到，人工智能应用的商业化进程快于市场预期，算力基础设施的资本开支仍在上行周期，光模块、服务器和液冷设备的需求预计将在明年继续保持高速增长。</p>" +
	"<p>申万宏源的宏观团队补充说，财政政策的发力节奏是影响明年开局的重要因素。随着专项债发行提速和政策性金融工具落地，基建投资的实物工作量有望在一季度集中体现，建材、工程机械等顺周期板块存在阶段性的交易机会。</p>" +
	"<p>海通证券更关注消费领域的结构性变化。该机构在报告中写道，服务消费的恢复明显快于商品消费，旅游、餐饮和影视等线下场景的景气度持续改善，而家电、汽车等耐用品的需求则更多依赖以旧换新等政策的支持力度。</p>" +
	"<p>东方证券提示，港股市场的估值修复空间值得关注。恒生指数的市净率一度跌破0.9倍，南向资金今年以来累计净买入超过3100亿港元，互联网平台公司回购力度加大，分红率也在逐步提升，中长期配置价值正在显现。</p>" +
	"<p>光大证券认为，上市公司并购重组的活跃度明显回升。监管部门出台的一系列支持性措施降低了产业并购的门槛，硬科技领域的整合案例明显增多，部分公司通过并购快速补齐技术短板，市场对此类事件的反应也较为积极。</p>" +
	MiddleBody +
	"<p>兴业证券提醒，海外流动性的变化仍是影响市场风格的重要变量。若美联储在明年上半年开启降息周期、十年期美债收益率回落至3.8%以下，成长风格有望迎来估值扩张，而在此之前，市场可能继续在红利与成长之间反复切换，投资者需要控制仓位的集中度。</p>" +
	"<p>多位受访的基金经理也表达了类似的看法。一位管理规模超过百亿元的公募基金经理告诉记者，他在三季度末已经适度提高了科技板块的仓位，同时保留了部分高股息资产作为底仓，以应对市场的短期波动和不确定性。</p>"

// middleFlash saves a flash quoting a long article's tenth paragraph under the article's headline,
// then the article from another source, then a second flash quoting its eleventh paragraph: the
// article joins the first flash's story (its own text at hand for the look), and so does the
// second flash (the stored article read back for the look). A flash under the same headline whose
// passage is not the article's stays apart.
func middleFlash(t *testing.T, h *harness) {
	t0 := h.clock.Now().Add(-2 * time.Hour)
	flashTitle := "快讯：" + LongTitle
	flash := func(p string) string {
		return "<p>【" + flashTitle + "】财联社11月2日电，" + strings.TrimPrefix(p, "<p>")
	}
	h.save("cls", storyArt("flash", "cls", flashTitle, flash(MiddleBody), t0.Add(-5*time.Hour)))
	if res := h.save("stcn", storyArt("long", "stcn", LongTitle, LongBody, t0)); res.New != 1 || res.Grouped != 1 {
		t.Fatalf("long article after the flash: %+v, want one new article grouped", res)
	}
	if got := h.get("long").Story; got != "flash" {
		t.Fatalf("long article's story = %q, want the flash's", got)
	}
	eleventh := LongBody[strings.Index(LongBody, "<p>兴业证券"):]
	eleventh = eleventh[:strings.Index(eleventh, "</p>")+4]
	if res := h.save("yicai", storyArt("flash2", "yicai", flashTitle, flash(eleventh), t0.Add(-time.Hour))); res.New != 1 || res.Grouped != 1 {
		t.Fatalf("second flash after the long article: %+v, want one new article grouped", res)
	}
	if got := h.get("flash2").Story; got != "flash" {
		t.Fatalf("second flash's story = %q, want the flash's", got)
	}
	if res := h.save("nbs", storyArt("unrelated", "nbs", flashTitle, flash(OtherBody), t0.Add(-4*time.Hour))); res.New != 1 || res.Grouped != 0 {
		t.Fatalf("another text under the headline: %+v, want it apart", res)
	}
	events, err := h.s.Stories(context.Background(), 0)
	if err != nil || len(events) != 2 {
		t.Fatalf("Stories = %v, %v; want two merges", events, err)
	}
	for _, e := range events {
		if e.Score < 0.5 || e.Matched == "" || !e.Window {
			t.Errorf("merge %+v: want the matched article, a score at the threshold or above, and the second look's mark", e)
		}
	}
}

// storyRanked saves a flash from a trusted source and then, from a source ranked lower, the same
// flash padded into a longer text under its own headline and link: the kind of copy with which a
// feed would take over the stories others carry. A merged query that ranks the sources shows the
// trusted copy, and names the padded one as the other copy; without ranks the fullest wins, as
// before; a rank above the trusted one's gives the padded copy back its place, and a rank
// carried by one of an article's several sources counts for the article.
func storyRanked(t *testing.T, h *harness) {
	t0 := h.clock.Now().Add(-time.Hour)
	h.save("cls", storyArt("flash", "cls", FlashTitle, FlashBody, t0))
	const padTitle = "震惊！宁德时代净利润暴涨，点击领取内幕消息"
	// Dated ten hours back: the earliest copy would date the story, and sink it in newest-first
	// outputs, if its rank did not keep it from doing so.
	padDate := t0.Add(-10 * time.Hour)
	if res := h.save("copycat", storyArt("padded", "copycat", padTitle, FullBody, padDate)); res.Grouped != 1 {
		t.Fatalf("padded copy: %+v, want it grouped with the flash", res)
	}
	shown := func(q aggregator.Query) aggregator.Article {
		t.Helper()
		got := h.query(q)
		if len(got) != 1 || got[0].ID != "flash" {
			t.Fatalf("merged query %+v: %d stories %q, want the flash's story alone", q, len(got), ids(got))
		}
		return got[0]
	}
	if st := shown(aggregator.Query{Merge: true}); st.Title != padTitle || !st.Date.Equal(padDate) {
		t.Errorf("without ranks: shows %q dated %v, want the fullest copy, dated by the earliest", st.Title, st.Date)
	}
	cases := []struct {
		name  string
		ranks map[string]int
		title string
		link  string
		also  string
		date  time.Time
	}{
		{"copycat ranked lower", map[string]int{"copycat": -1}, FlashTitle, "https://cls.example.com/flash", "padded", t0},
		{"trusted ranked higher", map[string]int{"cls": 5}, FlashTitle, "https://cls.example.com/flash", "padded", t0},
		{"copycat ranked higher", map[string]int{"cls": -3, "copycat": -2}, padTitle, "https://copycat.example.com/padded", "flash", padDate},
		{"ranks of other sources only", map[string]int{"nbs": 9}, padTitle, "https://copycat.example.com/padded", "flash", padDate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := shown(aggregator.Query{Merge: true, StoryRanks: c.ranks})
			if st.Title != c.title || st.Link != c.link || !st.Date.Equal(c.date) {
				t.Errorf("shows %q at %s dated %v, want %q at %s dated %v", st.Title, st.Link, st.Date, c.title, c.link, c.date)
			}
			if len(st.Also) != 1 || st.Also[0].ID != c.also {
				t.Errorf("also = %+v, want %s", st.Also, c.also)
			}
			if !slices.Equal(sorted(st.Sources), []string{"cls", "copycat"}) {
				t.Errorf("sources %v, want both", st.Sources)
			}
		})
	}
	// The trusted source also carries the padded article (one canonical link, two sources): its
	// rank lifts the article, which is the fullest again.
	padded := storyArt("padded", "copycat", padTitle, FullBody, padDate)
	h.save("cls", padded)
	if st := shown(aggregator.Query{Merge: true, StoryRanks: map[string]int{"copycat": -1}}); st.Title != padTitle {
		t.Errorf("padded copy carried by cls too: shows %q, want it (its best source's rank)", st.Title)
	}
}

// SalesFlash is a flash whose figures an edit corrects: 比亚迪's October sales as 财联社's telegraph
// tells them (lead ClsLead) or another source's copy (any other lead, under a reworded headline),
// with the figures given. Copies whose figures differ are vetoed: a template's next release.
func SalesFlash(lead, sales, growth string) (title, body string) {
	title = "【比亚迪：10月新能源汽车销量" + sales + "万辆】"
	if lead != ClsLead {
		title = "比亚迪10月新能源汽车销量" + sales + "万辆 同比增长" + growth + "%"
	}
	return title, "<p>" + lead + "比亚迪公告，10月新能源汽车销量" + sales + "万辆，同比增长" + growth +
		"%；1-10月累计销量258.1万辆。其中海外销量3.1万辆，创历史新高。</p>"
}

// ClsLead is the lead of 财联社's SalesFlash.
const ClsLead = "财联社11月1日电，"

// editedPrint: when a source edits an article, its story print is remade from the new text, so a
// copy of the edit that the first text's figures veto joins its story (it used to start one of its
// own: the same news twice), and the print stored for a reopen is the new one too. The edited
// article keeps its story.
func editedPrint(t *testing.T, h *harness) {
	t0 := h.clock.Now().Add(-time.Hour)
	edit := func(sales, growth string) {
		t.Helper()
		h.clock.Advance(10 * time.Minute)
		title, body := SalesFlash(ClsLead, sales, growth)
		if res := h.save("cls", storyArt("byd", "cls", title, body, t0)); res.Updated != 1 {
			t.Fatalf("the edit to %s万辆: %+v, want one article updated", sales, res)
		}
		if a := h.get("byd"); a.Title != title || cmp.Or(a.Story, a.ID) != "byd" {
			t.Fatalf("after the edit: %q of story %q, want the edited title in its own story", a.Title, a.Story)
		}
	}
	copyOf := func(src, lead, sales, growth string) {
		t.Helper()
		h.clock.Advance(10 * time.Minute)
		title, body := SalesFlash(lead, sales, growth)
		id := src + "-byd"
		res := h.save(src, storyArt(id, src, title, body, t0.Add(30*time.Minute)))
		if st := h.get(id).Story; res.New != 1 || res.Grouped != 1 || st != "byd" {
			t.Fatalf("%s's copy of %s万辆: %+v in story %q, want one new article grouped into byd", src, sales, res, st)
		}
	}
	title, body := SalesFlash(ClsLead, "30.2", "66.5")
	h.save("cls", storyArt("byd", "cls", title, body, t0))
	h.save("nbs", storyArt("other", "nbs", OtherTitle, OtherBody, t0))
	edit("50.2", "38.4")
	copyOf("stcn", "证券时报e公司讯，", "50.2", "38.4")
	// Corrected again, then reopened: only the print stored for the second edit matches a copy of it
	// (证券时报's copy has the first correction's figures).
	edit("50.3", "38.5")
	h.reopen(true)
	copyOf("sina", "新浪财经讯 11月1日，", "50.3", "38.5")
	// Another story under the same link is not an edit of this one: the article keeps its print,
	// and a copy of the new story starts a story of its own.
	h.clock.Advance(10 * time.Minute)
	h.save("cls", storyArt("byd", "cls", quakeTitle, quakeBody, t0))
	if res := h.save("cenc", storyArt("quake", "cenc", quakeTitle, quakeBody, t0.Add(time.Hour))); res.Grouped != 0 {
		t.Errorf("a copy of another story told under byd's link: %+v, want it alone", res)
	}
	if got := h.ids(aggregator.Query{Merge: true}); !slices.Equal(sorted(got), []string{"byd", "other", "quake"}) {
		t.Errorf("merged ids %v, want the edited story once and the other two", got)
	}
}

// Another story, told under byd's link by the last edit of editedPrint.
const (
	quakeTitle = "【四川雅安市芦山县发生4.5级地震】"
	quakeBody  = "<p>中国地震台网正式测定：11月1日14时52分在四川雅安市芦山县发生4.5级地震，震源深度12千米。震中周边20公里内平均海拔约1125米，当地震感明显，暂无人员伤亡报告。</p>"
)

// One English story told by two outlets (Reuters and AP wrote it each in their words: a shared
// name, figure and most content words, few runs of words), for englishStory and a daemon's test.
const (
	ReutersTitle = "Evergrande ordered to liquidate by Hong Kong court"
	ReutersBody  = "<p>A Hong Kong court on Monday ordered the liquidation of China Evergrande Group, the world&#8217;s most " +
		"indebted property developer with more than $300 billion of liabilities.</p>"
	APTitle = "Hong Kong judge orders liquidation of China Evergrande"
	APBody  = "<p>HONG KONG (AP) &#8212; A Hong Kong judge ordered China Evergrande Group to be liquidated on Monday, " +
		"saying the developer, which has more than $300 billion of liabilities, had failed to present a workable " +
		"restructuring plan after 19 months of talks.</p><p>Its shares were suspended.</p>"
)

// englishStory: an English story written independently by two outlets shares its content words,
// not its runs of words; the first copy's print (with its words: a version 2 record) is stored,
// read back at a reopen, and the second copy joins it. Two recall notices of one wire, which
// share most of their words but not their carmaker, stay apart.
func englishStory(t *testing.T, h *harness) {
	t0 := h.clock.Now().Add(-time.Hour)
	h.save("reuters", storyArt("evergrande", "reuters", ReutersTitle, ReutersBody, t0))
	h.reopen(true)
	res := h.save("ap", storyArt("ap-evergrande", "ap", APTitle, APBody, t0.Add(3*time.Hour)))
	if st := h.get("ap-evergrande").Story; res.New != 1 || res.Grouped != 1 || st != "evergrande" {
		t.Fatalf("AP's copy: %+v in story %q, want one new article grouped into evergrande", res, st)
	}
	// The operators' log says that the content words made the match.
	events, err := h.s.Stories(context.Background(), 0)
	if err != nil || len(events) != 1 {
		t.Fatalf("Stories = %v, %v; want one merge", events, err)
	}
	if e := events[0]; e.Article != "ap-evergrande" || e.Matched != "evergrande" || !e.Words || e.Window || e.Score < 0.5 {
		t.Errorf("merge event %+v, want AP's copy matched on its content words", e)
	}
	h.save("ap", storyArt("toyota", "ap", "Toyota recalls SUVs in US over fuel pump defect",
		"<p>DETROIT (AP) &#8212; Toyota is recalling sport utility vehicles in the United States because the fuel pump "+
			"can fail, causing the engine to stall while driving and raising the risk of a crash, the National Highway "+
			"Traffic Safety Administration said Monday. Dealers will replace the fuel pump free of charge. Owners will "+
			"be notified by mail.</p>", t0.Add(4*time.Hour)))
	if res := h.save("ap", storyArt("honda", "ap", "Honda recalls minivans in US over sliding door problem",
		"<p>DETROIT (AP) &#8212; Honda is recalling Odyssey minivans in the United States because the power sliding "+
			"doors can open while the vehicle is moving, raising the risk of injury, the National Highway Traffic Safety "+
			"Administration said Monday. Dealers will update the door control software free of charge, and owners will "+
			"be notified by mail.</p>", t0.Add(5*time.Hour))); res.Grouped != 0 {
		t.Errorf("another carmaker's recall notice: %+v, want it alone", res)
	}
	if got := h.ids(aggregator.Query{Merge: true}); !slices.Equal(sorted(got), []string{"evergrande", "honda", "toyota"}) {
		t.Errorf("merged ids %v, want the Evergrande story once and each recall", got)
	}
}

// chineseStory: 证券时报's report of an announcement that 财联社 telegraphed, each in its own words,
// joins the telegraph's story on their Han bigrams after a reopen (the stored print, version 2,
// read back); the next day's close of one template, the other way, stays apart.
func chineseStory(t *testing.T, h *harness) {
	t0 := h.clock.Now().Add(-time.Hour)
	h.save("cls", storyArt("cls-pengyuan", "cls", "鹏远重工：中标海上风电安装项目 金额约18.6亿元",
		"<p>财联社11月2日电，鹏远重工公告，公司近日收到中标通知书，确认为某海上风电场主体工程安装项目的中标单位，"+
			"中标金额约18.6亿元，约占公司上年经审计营业收入的21%。项目预计明年二季度开工。</p>", t0))
	h.reopen(true)
	res := h.save("stcn", storyArt("stcn-pengyuan", "stcn", "18.6亿元！鹏远重工拿下海上风电安装大单",
		"<p>证券时报e公司讯，鹏远重工晚间披露，公司成为一海上风电场主体安装工程的中标人，合同金额约18.6亿元，"+
			"相当于去年营收的两成左右，工程计划于明年第二季度启动。</p>", t0.Add(3*time.Hour)))
	if st := h.get("stcn-pengyuan").Story; res.New != 1 || res.Grouped != 1 || st != "cls-pengyuan" {
		t.Fatalf("证券时报's report: %+v in story %q, want one new article grouped into cls-pengyuan", res, st)
	}
	events, err := h.s.Stories(context.Background(), 0)
	if err != nil || len(events) != 1 {
		t.Fatalf("Stories = %v, %v; want one merge", events, err)
	}
	if e := events[0]; e.Article != "stcn-pengyuan" || e.Matched != "cls-pengyuan" || !e.Words || e.Score < 0.5 {
		t.Errorf("merge event %+v, want the report matched on its words", e)
	}
	h.save("cls", storyArt("bond-up", "cls", "2日国债期货全线收涨",
		"<p>财联社11月2日电，国债期货收盘全线上涨，30年期主力合约涨0.62%，10年期主力合约涨0.21%，5年期主力合约涨0.12%，"+
			"2年期主力合约涨0.05%。</p>", t0.Add(4*time.Hour)))
	if res := h.save("cls", storyArt("bond-down", "cls", "2日国债期货全线收跌",
		"<p>财联社11月2日电，国债期货收盘全线下跌，其中30年期主力合约跌0.35%，2年期主力合约跌0.03%，5年期主力合约跌0.09%，"+
			"10年期主力合约跌0.18%。</p>", t0.Add(5*time.Hour))); res.Grouped != 0 {
		t.Errorf("the close the other way: %+v, want it alone", res)
	}
	if got := h.ids(aggregator.Query{Merge: true}); !slices.Equal(sorted(got), []string{"bond-down", "bond-up", "cls-pengyuan"}) {
		t.Errorf("merged ids %v, want the announcement once and each close", got)
	}
}

// publisherBoilerplate: two stories of one company from one publisher, short, whose texts share
// little but what the publisher puts around every item — 东方财富's 郑重声明 under two flashes, the
// header and the exchange's mandated disclaimer over two announcements of one day — stay two
// stories each, in one feed and across two saves; a copy of one of them from another source, told
// without the footer, still joins it.
func publisherBoilerplate(t *testing.T, h *harness) {
	const (
		foot       = "郑重声明：东方财富发布此内容旨在传播更多信息，与本站立场无关，不构成投资建议。据此操作，风险自担。"
		disclaimer = "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性承担法律责任。"
		results    = "云岭股份12月1日晚间公告，公司前三季度实现营业收入32.5亿元，同比增长8.1%；净利润4.2亿元，同比增长12%。"
	)
	t0 := h.clock.Now().Add(-time.Hour)
	if res := h.save("eastmoney",
		storyArt("em-results", "eastmoney", "云岭股份：前三季度净利润同比增长12%", "<p>"+results+"</p><p>"+foot+"</p>", t0),
		storyArt("em-resign", "eastmoney", "云岭股份：董事王明辞职", "<p>云岭股份12月1日晚间公告，公司董事王明因个人原因辞去董事职务，辞职后不在公司担任任何职务。</p><p>"+foot+"</p>", t0.Add(time.Minute)),
	); res.New != 2 || res.Grouped != 0 {
		t.Fatalf("two flashes of one company under one footer: %+v, want two new, none grouped", res)
	}
	header := func(n string) string {
		return "<p>证券代码：600123 证券简称：云岭股份 公告编号：2026-0" + n + "</p><p>云岭股份有限公司" + disclaimer + "</p>"
	}
	h.save("sse", storyArt("sse-meeting", "sse", "云岭股份：关于召开2026年第三次临时股东大会的通知",
		header("58")+"<p>重要内容提示：股东大会召开日期：2026年12月18日。本次股东大会采用的网络投票系统：上海证券交易所股东大会网络投票系统。</p>", t0.Add(2*time.Minute)))
	if res := h.save("sse", storyArt("sse-resign", "sse", "云岭股份：关于董事辞职的公告",
		header("59")+"<p>云岭股份有限公司董事会于近日收到公司董事王明先生的书面辞职报告，王明先生因个人原因申请辞去公司董事职务。</p>", t0.Add(3*time.Minute))); res.Grouped != 0 {
		t.Errorf("a second announcement of the day under the same header and disclaimer: %+v, want it alone", res)
	}
	if res := h.save("sina", storyArt("sina-results", "sina", "云岭股份前三季度净利润4.2亿元 同比增长12%", "<p>"+results+"</p>", t0.Add(4*time.Minute))); res.Grouped != 1 || h.get("sina-results").Story != "em-results" {
		t.Errorf("another source's copy of the results: %+v in story %q, want it grouped into em-results", res, h.get("sina-results").Story)
	}
	if got := h.ids(aggregator.Query{Merge: true}); !slices.Equal(sorted(got), []string{"em-resign", "sina-results", "sse-meeting", "sse-resign"}) &&
		!slices.Equal(sorted(got), []string{"em-resign", "em-results", "sse-meeting", "sse-resign"}) {
		t.Errorf("merged ids %v, want each story once: the results, the resignation flash, the two announcements", got)
	}
}

// learntFooter: a publisher whose footer no list knows (story.Repeats) sends a feed of ten items
// under it; two later stories of one company under it, short, stay two stories, and another
// source's copy of one, without the footer, still joins it.
func learntFooter(t *testing.T, h *harness) {
	const foot = "<p>以上内容为本站据公开信息整理，由算法生成，不构成投资建议。</p>"
	t0 := h.clock.Now().Add(-2 * time.Hour)
	var feed []aggregator.Article
	for i, co := range []string{"北辰", "南岭", "东湖", "西山", "中原", "青禾", "丹霞", "金穗", "银川", "玉泉"} {
		feed = append(feed, storyArt("zq-"+co, "zq", co+"科技：获得政府补助"+string(rune('1'+i))+"百万元",
			"<p>"+co+"科技公告，公司近日收到政府补助资金，金额为"+string(rune('1'+i))+"百万元，将计入当期损益。</p>"+foot, t0.Add(time.Duration(i)*time.Minute)))
	}
	if res := h.save("zq", feed...); res.New != 10 || res.Grouped != 0 {
		t.Fatalf("ten stories under one footer: %+v, want ten new, none grouped", res)
	}
	const results = "云岭股份公告，前三季度净利润4.2亿元，同比增长12%。"
	if res := h.save("zq",
		storyArt("zq-results", "zq", "云岭股份：前三季度净利润同比增长12%", "<p>"+results+"</p>"+foot, t0.Add(time.Hour)),
		storyArt("zq-resign", "zq", "云岭股份：董事王明辞职", "<p>云岭股份公告，董事王明因个人原因辞去董事职务。</p>"+foot, t0.Add(time.Hour+time.Minute)),
	); res.New != 2 || res.Grouped != 0 {
		t.Errorf("two stories of one company under the footer: %+v, want two new, none grouped", res)
	}
	if res := h.save("sina", storyArt("sina-yl", "sina", "云岭股份前三季度净利润4.2亿元 同比增长12%", "<p>"+results+"</p>", t0.Add(time.Hour+2*time.Minute))); res.Grouped != 1 || h.get("sina-yl").Story != "zq-results" {
		t.Errorf("another source's copy of the results: %+v in story %q, want it grouped into zq-results", res, h.get("sina-yl").Story)
	}
}

// dailyTemplate: a source repeats one operation's words every day (the central bank's open-market
// operation, the same amount, "今日" and no date): each day's item is a story of its own in the
// merged output, where the window alone made every later day join the first day's story; another
// source's copy of the second day, an hour later, joins that day's.
func dailyTemplate(t *testing.T, h *harness) {
	const title = "央行开展1000亿元7天期逆回购操作"
	const body = "<p>央行公告称，为维护银行体系流动性合理充裕，今日以利率招标方式开展了1000亿元7天期逆回购操作，中标利率1.40%。</p>"
	for day := range 3 {
		id := fmt.Sprintf("omo-%d", day)
		if res := h.save("cls", storyArt(id, "cls", title, body, h.clock.Now())); res.New != 1 || res.Grouped != 0 {
			t.Errorf("day %d: %+v, want a new article in a story of its own", day, res)
		}
		if day == 1 {
			h.clock.Advance(time.Hour)
			if res := h.save("stcn", storyArt("stcn-omo", "stcn", title, body, h.clock.Now())); res.Grouped != 1 || h.get("stcn-omo").Story != id {
				t.Errorf("another source's copy of day 1: %+v in story %q, want it grouped into %s", res, h.get("stcn-omo").Story, id)
			}
			h.clock.Advance(23 * time.Hour)
			continue
		}
		h.clock.Advance(24 * time.Hour)
	}
	if got := h.ids(aggregator.Query{Merge: true}); len(got) != 3 || slices.Contains(got, "stcn-omo") && slices.Contains(got, "omo-1") {
		t.Errorf("merged ids %v, want each day's operation once", got)
	}
}

// twoCompaniesTemplate: an exchange's inquiry letters to two companies the same day, one text but
// the name (whose headlines open with the exchange: the subject rule compares no names), are two
// stories, and stay two after a reopen (the names are stored with the prints); another outlet's
// report of one letter joins its story.
func twoCompaniesTemplate(t *testing.T, h *harness) {
	const body = "<p>财联社12月1日电，深交所向%s下发年报问询函，要求公司结合行业发展情况、主要产品价格变动、同行业可比公司情况等，说明营业收入及净利润大幅下滑的原因及合理性；说明报告期末应收账款余额较高的原因，坏账准备计提是否充分。</p>"
	if res := h.save("cls", storyArt("cls-yl", "cls", "深交所向云岭股份下发年报问询函", fmt.Sprintf(body, "云岭股份"), h.clock.Now())); res.New != 1 || res.Grouped != 0 {
		t.Fatalf("the first letter: %+v", res)
	}
	h.reopen(true)
	h.clock.Advance(time.Hour)
	if res := h.save("cls", storyArt("cls-hc", "cls", "深交所向海川科技下发年报问询函", fmt.Sprintf(body, "海川科技"), h.clock.Now())); res.New != 1 || res.Grouped != 0 {
		t.Errorf("the other company's letter: %+v in story %q, want a story of its own", res, h.get("cls-hc").Story)
	}
	h.clock.Advance(time.Hour)
	report := "<p>证券时报e公司讯，12月1日，深交所向云岭股份下发年报问询函。问询函要求公司结合行业发展情况、主要产品价格变动、同行业可比公司情况等，说明营业收入及净利润大幅下滑的原因及合理性；说明应收账款余额较高的原因以及坏账准备计提是否充分。</p>"
	if res := h.save("stcn", storyArt("stcn-yl", "stcn", "云岭股份收年报问询函 深交所追问业绩下滑原因", report, h.clock.Now())); res.Grouped != 1 || h.get("stcn-yl").Story != "cls-yl" {
		t.Errorf("another outlet's report of the first letter: %+v in story %q, want it grouped into cls-yl", res, h.get("stcn-yl").Story)
	}
}
