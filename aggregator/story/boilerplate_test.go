package story

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tributary/aggregator/testenv"
)

const (
	sseDisclaimer  = "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性承担法律责任。"
	szseDisclaimer = "本公司及董事会全体成员保证信息披露的内容真实、准确、完整，没有虚假记载、误导性陈述或重大遗漏。"
	eastmoneyFoot  = "郑重声明：东方财富发布此内容旨在传播更多信息，与本站立场无关，不构成投资建议。据此操作，风险自担。"
	sinaFoot       = "\n海量资讯、精准解读，尽在新浪财经APP\n责任编辑：刘万里 SF014"
	related        = "<p>相关阅读：</p><p>云岭股份三季度业绩超预期 储能业务成新引擎</p><p>云岭股份获北向资金连续五日加仓</p><p>储能板块午后拉升 云岭股份涨超5%</p><p>机构调研云岭股份：海外订单饱满</p>"
	prLeadText     = "<p>AUSTIN, Texas, Dec. 1, 2026 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACMR) today announced the appointment of Jane Doe as Chief Financial Officer. Doe joins from Initech, where she served as treasurer.</p>"
	promo          = "<p>【下载财经头条APP，第一时间获取更多独家资讯、深度解读，点击进入>>】</p>"
	enPromo        = "<p>Sign up for our Morning Briefing newsletter to get the day's top business stories delivered to your inbox every weekday.</p>"
	zhAbout        = "<p>关于云岭股份</p><p>云岭股份有限公司成立于2005年，总部位于云南昆明，是一家专注于储能电池研发、生产和销售的高新技术企业，产品覆盖电力储能、工商业储能和户用储能三大领域，业务遍及全球40多个国家和地区。</p>"
	editorNote     = "<p>编者按：财联社推出“产业深度”系列报道，聚焦产业链上下游的变化与机会，深入一线调研，为投资者提供第一手的产业观察。</p>"
	prAbout        = "<p>About Acme Robotics</p><p>Acme Robotics, Inc. (NASDAQ: ACMR) designs and manufactures autonomous mobile robots for warehouses, hospitals and factories. Founded in 2011 and headquartered in Austin, Texas, the company serves more than 1,200 customers in 40 countries. For more information, visit www.acmerobotics.com.</p>" +
		"<p>Forward-Looking Statements</p><p>This press release contains forward-looking statements within the meaning of the Private Securities Litigation Reform Act of 1995. Actual results may differ materially.</p>"
)

// TestWithoutBoilerplate: what a print leaves out of a body, and what it keeps.
func TestWithoutBoilerplate(t *testing.T) {
	long := strings.Repeat("公司前三季度实现营业收入32.5亿元，同比增长8.1%。", 20)
	tests := []struct {
		name, body, want string
	}{
		{"plain text", "云岭股份公告，公司董事王明辞职。", "云岭股份公告，公司董事王明辞职。"},
		{"sina footer", "<p>前三季度净利润4.2亿元。</p>" + sinaFoot, "<p>前三季度净利润4.2亿元。</p>\n"},
		{"eastmoney footer", "云岭股份公告，净利润4.2亿元。" + eastmoneyFoot, "云岭股份公告，净利润4.2亿元。"},
		{"source line", "净利润4.2亿元。（文章来源：证券时报）", "净利润4.2亿元。（"},
		{"header and SSE disclaimer", "证券代码：600123 证券简称：云岭股份 公告编号：2026-058 云岭股份有限公司" + sseDisclaimer + "股东大会召开日期：2026年12月18日。",
			"股东大会召开日期：2026年12月18日。"},
		{"SZSE disclaimer alone", "<p>" + szseDisclaimer + "</p><p>董事李华辞职。</p>", "</p><p>董事李华辞职。</p>"},
		{"header without a number", "证券代码：600123 证券简称：云岭股份 董事王明辞职。", "证券代码：600123 证券简称：云岭股份 董事王明辞职。"},
		// A marker far from the end is the story's own words (an article about disclaimers, an
		// editor named in the text), kept.
		{"marker early in a long text", "责任编辑王明称，" + long, "责任编辑王明称，" + long},
		{"disclaimer quoted in a story", "证监会查明，" + long + "公司称" + sseDisclaimer, "证监会查明，" + long + "公司称" + sseDisclaimer},
		{"all boilerplate", "责任编辑：王蒙", ""},
		{"press release", prLeadText + prAbout, prLeadText + "<p>"},
		{"forward-looking statements", prLeadText + "<p>Forward-Looking Statements:</p><p>This release contains statements.</p>", prLeadText + "<p>"},
		{"PR Newswire's source line", prLeadText + "<p>SOURCE Acme Robotics, Inc.</p>", prLeadText + "<p>"},
		{"a sentence that begins with About", prLeadText + "<p>About 200 people attended the launch.</p>", prLeadText + "<p>About 200 people attended the launch.</p>"},
		{"related reading", "<p>" + long + "</p><p>【相关阅读】</p><p>云岭股份获北向资金连续五日加仓</p>", "<p>" + long + "</p><p>"},
		{"a link to related reading", "<p>" + long + `<a href="https://example.com/1">相关阅读</a>` + long + "</p>", "<p>" + long + `<a href="https://example.com/1">相关阅读</a>` + long + "</p>"},
		{"related reading in a sentence", "<p>" + long + "</p><p>相关阅读材料已经发给各位股东。</p>", "<p>" + long + "</p><p>相关阅读材料已经发给各位股东。</p>"},
		{"a Chinese release's description of its company", "<p>" + long + "</p>" + zhAbout, "<p>" + long + "</p><p>"},
		{"a heading of the story's own", "<p>" + long + "</p><p>关于估值水平</p><p>市场普遍认为估值已处于低位。</p>", "<p>" + long + "</p><p>关于估值水平</p><p>市场普遍认为估值已处于低位。</p>"},
		{"a heading too early to close anything", "<p>About Acme Robotics</p><p>Acme builds robots.</p>", "<p>About Acme Robotics</p><p>Acme builds robots.</p>"},
		// Promotions between paragraphs, and an opening editor's note; a story's own words that
		// name an app or an account are kept.
		{"a promotion between paragraphs", "<p>公司前三季度实现营业收入32.5亿元。</p>" + promo + "<p>净利润4.2亿元。</p>", "<p>公司前三季度实现营业收入32.5亿元。</p><p></p><p>净利润4.2亿元。</p>"},
		{"a promotion in bold", "<p>净利润4.2亿元。</p><div><p><strong>》》》热点事件找专家解读，请下载鲸平台App</strong></p></div>", "<p>净利润4.2亿元。</p><div><p></p></div>"},
		{"a link's >> in plain text", "净利润4.2亿元。\n股民福利来了！十大金股送给你，带你掘金“黄金坑”！点击查看>>\n下一段。", "净利润4.2亿元。\n\n下一段。"},
		{"a promotion that ends the text", "净利润4.2亿元。\n更多精彩内容，请下载云端财经APP", "净利润4.2亿元。\n"},
		{"an account named in a story", "<p>俞敏洪6月16日在个人微信公众号“老俞闲话”发文表示，东方甄选并不是什么战略。</p>", "<p>俞敏洪6月16日在个人微信公众号“老俞闲话”发文表示，东方甄选并不是什么战略。</p>"},
		{"an app in a story", "<p>公司将通过官网、微信公众号、手机APP、客户端等多渠道对账户管理功能进行持续优化。</p><p>工信部通报下载量超千万的APP。</p>",
			"<p>公司将通过官网、微信公众号、手机APP、客户端等多渠道对账户管理功能进行持续优化。</p><p>工信部通报下载量超千万的APP。</p>"},
		{"a call to action in a long paragraph", "<p>" + long + "欢迎关注。</p>", "<p>" + long + "欢迎关注。</p>"},
		{"only a promotion", "<p>点击查看>></p>", "<p>点击查看>></p>"},
		{"an editor's note", editorNote + "<p>光伏行业正在经历新一轮洗牌。</p>", "<p></p><p>光伏行业正在经历新一轮洗牌。</p>"},
		{"an editor's note in bold", "<p><strong>编者按：</strong>本系列聚焦产业链变化。</p><p>光伏行业洗牌。</p>", "<p><strong></p><p>光伏行业洗牌。</p>"},
		{"an English editor's note", "<p>Editor's note: This story is part of a series on energy.</p><p>Solar makers are cutting output.</p>", "<p></p><p>Solar makers are cutting output.</p>"},
		{"an editor's note that is the whole text", "<p>编者按：本系列聚焦产业链变化。</p>", "<p>编者按：本系列聚焦产业链变化。</p>"},
		{"an English newsletter promotion", "<p>Acme said it would cut jobs.</p><p>Sign up for our Morning Briefing newsletter to get the day's top stories.</p><p>The cuts start in January.</p>",
			"<p>Acme said it would cut jobs.</p><p></p><p>The cuts start in January.</p>"},
		{"related links", "<p>Acme said it would cut jobs.</p><p>RELATED: Acme shares jump after earnings beat</p><p>The cuts start in January.</p>",
			"<p>Acme said it would cut jobs.</p><p></p><p>The cuts start in January.</p>"},
		{"a sentence that opens with a call's word", "<p>Acme said it would cut jobs.</p><p>Subscribers to the service rose 5%.</p><p>Subscribed users pay more.</p>",
			"<p>Acme said it would cut jobs.</p><p>Subscribers to the service rose 5%.</p><p>Subscribed users pay more.</p>"},
		{"an editor's note later in the text", "<p>光伏行业洗牌。</p><p>编者按：本系列聚焦产业链变化。</p><p>多家企业停产。</p>", "<p>光伏行业洗牌。</p><p>编者按：本系列聚焦产业链变化。</p><p>多家企业停产。</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := withoutBoilerplate(tt.body); got != tt.want {
				t.Errorf("withoutBoilerplate:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestBoilerplateApart: two stories of one company from one publisher, whose short texts share its
// boilerplate (both headlines open with the company: the name's boost applies), stay apart; before
// the boilerplate was left out they scored 0.69, 0.78, 0.78 and, two press releases under the
// same closing sections, 0.72. And one story, told with and without a footer, stays one.
func TestBoilerplateApart(t *testing.T) {
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	header := func(n int) string {
		return "证券代码：600123 证券简称：云岭股份 公告编号：2026-0" + string(rune('0'+n/10)) + string(rune('0'+n%10)) + " 云岭股份有限公司"
	}
	tests := []struct {
		name           string
		ta, ba, tb, bb string
		same           bool
	}{
		{"eastmoney footer", "云岭股份：前三季度净利润同比增长12%", "云岭股份12月1日晚间公告，公司前三季度实现营业收入32.5亿元，同比增长8.1%；净利润4.2亿元，同比增长12%。" + eastmoneyFoot,
			"云岭股份：董事王明辞职", "云岭股份12月1日晚间公告，公司董事王明因个人原因辞去董事职务，辞职后不在公司担任任何职务。" + eastmoneyFoot, false},
		{"SSE header and disclaimer", "云岭股份：关于召开2026年第三次临时股东大会的通知", header(58) + sseDisclaimer + "重要内容提示：股东大会召开日期：2026年12月18日。本次股东大会采用的网络投票系统：上海证券交易所股东大会网络投票系统。",
			"云岭股份：关于董事辞职的公告", header(59) + sseDisclaimer + "云岭股份有限公司董事会于近日收到公司董事王明先生的书面辞职报告，王明先生因个人原因申请辞去公司董事职务。", false},
		{"SZSE disclaimer", "岭南股份：关于召开2026年第三次临时股东大会的通知", "证券代码：002717 证券简称：岭南股份 公告编号：2026-101 " + szseDisclaimer + "岭南股份有限公司董事会决定于2026年12月18日召开2026年第三次临时股东大会。",
			"岭南股份：关于董事辞职的公告", "证券代码：002717 证券简称：岭南股份 公告编号：2026-102 " + szseDisclaimer + "岭南股份有限公司董事会于近日收到公司董事李华先生的书面辞职报告。", false},
		{"a company's two press releases", "Acme Robotics Appoints Jane Doe as Chief Financial Officer", prLeadText + prAbout,
			"Acme Robotics to Present at the Needham Growth Conference", "<p>AUSTIN, Texas, Dec. 1, 2026 /PRNewswire/ -- Acme Robotics, Inc. (NASDAQ: ACMR) today announced that management will present at the Needham Growth Conference in New York next month.</p>" + prAbout, false},
		{"two stories of one company over one list of its news", "云岭股份：董事王明因个人原因辞职", "<p>云岭股份12月1日晚间公告，公司董事王明因个人原因辞去董事职务，辞职后不在公司担任任何职务。公司董事会对王明在任职期间的贡献表示感谢。</p>" + related,
			"云岭股份拟在盐城建设储能电池基地", "<p>云岭股份12月1日晚间公告，公司拟在江苏盐城投资建设储能电池生产基地，项目建设周期两年。</p>" + related, false},
		{"one release, one copy without its closing sections", "Acme Robotics Appoints Jane Doe as Chief Financial Officer", prLeadText + prAbout,
			"Acme Robotics names Jane Doe CFO", prLeadText, true},
		{"two stories of one company, a promotion between their paragraphs", "云岭股份：前三季度净利润同比增长12%", "<p>云岭股份12月1日晚间公告，公司前三季度实现营业收入32.5亿元。</p>" + promo + "<p>净利润4.2亿元，同比增长12%。</p>",
			"云岭股份：董事王明辞职", "<p>云岭股份12月1日晚间公告，公司董事王明因个人原因辞去董事职务。</p>" + promo + "<p>辞职后不在公司担任任何职务。</p>", false},
		{"two pieces of one column under its editor's note", "【深度】光伏行业洗牌加速", editorNote + "<p>光伏行业正在经历新一轮洗牌，多家二三线组件企业停产。</p>",
			"【深度】锂电池产能过剩隐忧", editorNote + "<p>锂电池行业产能利用率持续走低，部分电池厂开始裁员。</p>", false},
		{"one story, one copy with a promotion", "云岭股份：前三季度净利润同比增长12%", "<p>云岭股份12月1日晚间公告，公司前三季度实现营业收入32.5亿元，同比增长8.1%。</p>" + promo + "<p>净利润4.2亿元，同比增长12%。</p>",
			"云岭股份前三季度净利润4.2亿元 同比增长12%", "<p>云岭股份12月1日晚间公告，公司前三季度实现营业收入32.5亿元，同比增长8.1%；净利润4.2亿元，同比增长12%。</p>", true},
		{"two stories of one company, a newsletter's promotion between their paragraphs", "Acme cuts jobs at Ohio plant",
			"<p>Acme Corp said on Tuesday it would cut hundreds of jobs at its Toledo plant as orders slow.</p>" + enPromo + "<p>The cuts take effect in January.</p>",
			"Acme opens new research center in Austin", "<p>Acme Corp on Tuesday opened a research center in Austin that will employ engineers.</p>" + enPromo + "<p>The center focuses on batteries.</p>", false},
		{"two releases of one company over its description", "云岭股份与某电网公司签署储能合作协议", "<p>12月1日，云岭股份与某省电网公司签署战略合作协议，双方将在电网侧储能领域开展合作。</p>" + zhAbout,
			"云岭股份发布新一代储能电池", "<p>12月1日，云岭股份在昆明发布新一代储能电池产品，能量密度较上一代提升15%。</p>" + zhAbout, false},
		{"one story, one copy with a footer", "云岭股份：前三季度净利润同比增长12%", "云岭股份12月1日晚间公告，公司前三季度实现营业收入32.5亿元，同比增长8.1%；净利润4.2亿元，同比增长12%。" + sinaFoot,
			"云岭股份前三季度净利润4.2亿元 同比增长12%", "云岭股份12月1日晚间公告，公司前三季度实现营业收入32.5亿元，同比增长8.1%；净利润4.2亿元，同比增长12%。", true},
	}
	o := Options{}.withDefaults()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Fingerprint(tt.ta, tt.ba, at)
			b := Fingerprint(tt.tb, tt.bb, at.Add(time.Hour))
			if s := Score(a, b, o); (s >= o.Threshold) != tt.same {
				t.Errorf("Score = %.3f, threshold %.2f: one story %v, want %v", s, o.Threshold, s >= o.Threshold, tt.same)
			}
		})
	}
}

// BenchmarkWithoutBoilerplate: what leaving boilerplate out costs a print of a text without any
// (nearly every text), and of one with all three kinds.
func BenchmarkWithoutBoilerplate(b *testing.B) {
	plain := "<p>" + strings.Repeat("云岭股份12月1日晚间公告，公司前三季度实现营业收入32.5亿元，同比增长8.1%；净利润4.2亿元。", 30) + "</p>"
	with := "证券代码：600123 证券简称：云岭股份 公告编号：2026-058 " + sseDisclaimer + plain + sinaFoot
	for _, bb := range []struct{ name, body string }{{"plain", plain}, {"boilerplate", with}} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				withoutBoilerplate(bb.body)
			}
		})
	}
}

// TestPromotionsOnRealTexts: over the real texts of our labelled pairs (in the repository) and of
// ../shared's neardup, leaving promotions out changes only the texts that carry 新浪财经's 股民福利来了
// …点击查看>> line, and takes out only that line: a story's own sentences that name an app, an
// account or a download stay.
func TestPromotionsOnRealTexts(t *testing.T) {
	check := func(t *testing.T, ps []pair) {
		changed := 0
		for _, p := range ps {
			for _, d := range []doc{p.A, p.B} {
				got := withoutPromotions(d.Body)
				if got == d.Body {
					continue
				}
				changed++
				const line = "股民福利来了！十大金股送给你，带你掘金“黄金坑”！点击查看>>"
				if want := strings.Replace(d.Body, line, "", 1); got != want {
					t.Errorf("%s: promotions left out of a real text beyond 新浪财经's line:\n got %q\nwant %q", p.ID, got, want)
				}
			}
		}
		if changed == 0 {
			t.Error("no text changed: 新浪财经's line is no longer found")
		}
		t.Logf("%d texts changed", changed)
	}
	t.Run("ours", func(t *testing.T) { check(t, readJSONL(t, filepath.Join("testdata", "pairs.jsonl"))) })
	t.Run("neardup", func(t *testing.T) { check(t, readJSONL(t, testenv.Shared(t, "neardup/pairs.jsonl"))) })
}
