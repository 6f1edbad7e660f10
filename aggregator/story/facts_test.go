package story

import (
	"testing"
	"time"
)

// TestAgreeHeadlines: a figure of the smaller copy's headline that the larger lacks is another
// figure in the same place (a template's next release: disagree) unless the larger's headline
// has figures and the smaller's holds them all: then the smaller's headline says more, and the
// figure it adds is one of its text.
func TestAgreeHeadlines(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		smallTitle, smallBody string
		largeTitle, largeBody string
		want                  int
	}{
		{
			name:       "the smaller headline says more",
			smallTitle: "韩国央行加息25个基点 基准利率升至3%",
			smallBody:  "韩国央行宣布将基准利率从2.75%上调25个基点至3%。",
			largeTitle: "韩国央行再度加息 基准利率升至3%",
			largeBody:  "韩国央行宣布将基准利率上调至3%，此前为2.75%。消息公布后韩元兑美元走强，韩国综合指数收跌0.6%，分析人士认为通胀压力仍在。",
			want:       factsAgree,
		},
		{
			name:       "two days of one template",
			smallTitle: "收评：沪指涨0.56% 创业板指涨1.13%",
			smallBody:  "沪指涨0.56%报3482.61点，创业板指涨1.13%。",
			largeTitle: "收评：沪指涨0.82% 创业板指涨1.13%",
			largeBody:  "沪指涨0.82%报3490.18点，深成指涨0.91%，创业板指涨1.13%，两市成交额1.38万亿元。",
			want:       factsDisagree,
		},
		{
			// Their other figure agrees: only the headline's month could excuse the one it lacks.
			name:       "the larger headline names a month only",
			smallTitle: "11月制造业PMI为50.1%",
			smallBody:  "11月制造业采购经理指数为50.1%，比上月上升0.5个百分点。",
			largeTitle: "制造业PMI重返扩张区间 11月景气水平回升",
			largeBody:  "国家统计局发布数据，11月制造业采购经理指数为50.3%，比上月上升0.5个百分点，景气水平回升。",
			want:       factsDisagree,
		},
		{
			// Two reports of one release that disagree on its figure: the larger's headline
			// figure is in the smaller's text (its previous month's), not in its headline.
			name:       "the larger headline's figure in the smaller's text",
			smallTitle: "国家统计局：11月制造业PMI为50.2%",
			smallBody:  "11月制造业采购经理指数为50.2%，上月为50.1%，非制造业商务活动指数为50.6%，综合PMI产出指数为50.9%。",
			largeTitle: "国家统计局：11月制造业PMI为50.1%",
			largeBody:  "11月制造业采购经理指数为50.1%，非制造业商务活动指数为50.6%，综合PMI产出指数为50.9%，大型企业PMI为51.2%，中型企业PMI为49.8%。",
			want:       factsDisagree,
		},
		{
			// The month is the template's: the smaller's headline month is never excused.
			name:       "the smaller headline's month",
			smallTitle: "11月新增专项债2400亿元",
			smallBody:  "11月新增专项债2400亿元，累计发行规模创新高，期限以10年期为主。",
			largeTitle: "新增专项债2400亿元 发行节奏加快",
			largeBody:  "10月新增专项债2400亿元，期限以10年期为主，多地将资金用于城市更新和保障性住房项目，发行节奏较上月明显加快。",
			want:       factsDisagree,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			small := Fingerprint(tc.smallTitle, tc.smallBody, t0)
			large := Fingerprint(tc.largeTitle, tc.largeBody, t0)
			if small.Runes >= large.Runes {
				t.Fatalf("the smaller copy has %d letters, the larger %d", small.Runes, large.Runes)
			}
			if got := agree(small.Facts, large.Facts); got != tc.want {
				t.Errorf("agree = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestHanOrdinal: a headline's ordinal in Chinese numerals is the number it would be in digits.
func TestHanOrdinal(t *testing.T) {
	tests := []struct {
		text string
		n    int
	}{
		{"第十二次会议", 12}, {"第八届", 8}, {"第二十一批", 21}, {"第两期", 2}, {"第九十九轮", 99}, {"第十次", 10},
		{"第一时间", 0}, {"第三季度", 0}, {"第一大股东", 0}, {"第", 0}, {"第十", 0}, {"第一二次", 0}, {"第零次", 0},
	}
	for _, tt := range tests {
		rs := []rune(tt.text)
		if n, _ := hanOrdinal(rs, 1); n != tt.n {
			t.Errorf("hanOrdinal(%q) = %d, want %d", tt.text, n, tt.n)
		}
	}
	// 第十二次 and 第12次 are one figure; 第九次 another, which keeps a template's two releases of
	// one day apart.
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	body := func(who, n string) string {
		return "云岭股份有限公司第八届" + who + "第" + n + "次会议于2026年11月28日以通讯方式召开，会议应出席9人，实际出席9人，审议通过了关于聘任公司副总经理的议案。"
	}
	board := Fingerprint("云岭股份：第八届董事会第十二次会议决议公告", body("董事会", "十二"), at)
	digits := Fingerprint("云岭股份：第八届董事会第12次会议决议公告", body("董事会", "十二"), at.Add(time.Hour))
	supervisors := Fingerprint("云岭股份：第八届监事会第九次会议决议公告", body("监事会", "九"), at.Add(time.Hour))
	o := Options{}.withDefaults()
	if s := Score(board, digits, o); s < o.Threshold {
		t.Errorf("第十二次 and 第12次: Score = %.3f, want one story", s)
	}
	if s := Score(board, supervisors, o); s >= o.Threshold {
		t.Errorf("第十二次 and 第九次 the same day: Score = %.3f, want two stories", s)
	}
}

// TestUndatedDaysApart: a template repeated a day later without a date in its words is another
// day's story (0.90 and 0.85 before undatedSpan); a flash and the fuller article a day after it, a
// copy 10 h apart by a mislabelled clock, and a dated copy re-sent the next day stay one story.
func TestUndatedDaysApart(t *testing.T) {
	o := Options{}.withDefaults()
	at := time.Date(2026, 12, 1, 1, 0, 0, 0, time.UTC)
	const omo = "央行公告称，为维护银行体系流动性合理充裕，今日以利率招标方式开展了1000亿元7天期逆回购操作，中标利率1.40%。"
	const turnover = "<p>沪深两市成交额突破1万亿元，较上一交易日此时放量，个股涨多跌少。</p>"
	const flash = "<p>宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%；净利润378.3亿元，同比增长12.5%。</p>"
	const full = flash + "<p>公司第三季度研发投入同比增加，储能电池出货量创下新高。公司表示，海外市场订单饱满，欧洲工厂产能爬坡顺利，预计第四季度出货量将继续环比增长。分析人士认为，储能业务正成为公司新的增长引擎，毛利率有望保持稳定。</p>"
	tests := []struct {
		name           string
		ta, ba, tb, bb string
		apart          time.Duration
		same           bool
	}{
		{"a daily operation, the next day", "央行开展1000亿元7天期逆回购操作", omo, "央行开展1000亿元7天期逆回购操作", omo, 24 * time.Hour, false},
		{"a turnover flash, the next day", "沪深两市成交额突破1万亿元", turnover, "沪深两市成交额突破1万亿元", turnover, 26 * time.Hour, false},
		{"a flash and its fuller article a day later", "宁德时代：前三季度净利润同比增长12.5%", flash, "宁德时代三季报：净利润增12.5% 储能出货创新高", full, 28 * time.Hour, true},
		{"a copy 10 h apart", "央行开展1000亿元7天期逆回购操作", omo, "央行开展1000亿元7天期逆回购操作", omo, 10 * time.Hour, true},
		{"a dated copy re-sent the next day", "宁德时代：前三季度净利润同比增长12.5%", "<p>宁德时代10月20日公告，" + flash[len("<p>宁德时代"):],
			"宁德时代：前三季度净利润同比增长12.5%", "<p>宁德时代10月20日公告，" + flash[len("<p>宁德时代"):], 24 * time.Hour, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Fingerprint(tc.ta, tc.ba, at)
			b := Fingerprint(tc.tb, tc.bb, at.Add(tc.apart))
			wantStory(t, a, b, o, tc.same)
		})
	}
}
