package story

import (
	"testing"
	"time"
)

// TestHanWords: a Chinese print's words are its title's and lead's Han bigrams, the outlets'
// boilerplate aside, the title's flagged; its subject is its headline's day and direction.
func TestHanWords(t *testing.T) {
	p := Fingerprint("恒川新材：预计前三季度净利润同比增长85%-110%", "<p>财联社10月12日电，恒川新材发布业绩预告，预计前三季度实现归母净利润3.2亿元至3.6亿元，同比增长85%-110%，主要受益于隔膜产品需求回暖。</p>", t0)
	words, subject := wordsAndSubject(p.Shingles)
	if len(words) < minWords || !isSortedUnique(words) {
		t.Fatalf("words %v: want at least %d, sorted", words, minWords)
	}
	titleWords := 0
	for _, w := range words {
		titleWords += int(w & wordTitle)
	}
	if titleWords < 5 {
		t.Errorf("%d title words, want the headline's bigrams flagged", titleWords)
	}
	if want := headlineSubject("恒川新材：预计前三季度净利润同比增长85%-110%", []rune("恒川新材：预计前三季度净利润同比增长85%-110%"), nil); subject == 0 || subject != want-subjectBase+wordBase {
		t.Errorf("subject %d, want the headline's direction (%d)", subject, want)
	}
	for _, tc := range []struct {
		title string
		dir   int
	}{
		{"11日国债期货全线收涨", 1},
		{"11日国债期货全线收跌", 2},
		{"控股股东拟增持1亿元至2亿元", 1},
		{"持股5%以上股东拟减持不超过3%股份", 2},
		{"北向资金净买入52亿元", 1},
		{"北向资金净卖出52亿元", 2},
		{"蓝海电气中标国家电网特高压项目", 0},
		{"沪指涨0.5% 创业板指跌0.3%", 0},
		{"美联储维持联邦基金利率目标区间不变", 3},
		{"欧洲央行连续第四次按兵不动", 3},
		{"维持增持评级 目标价上调至58元", 1},
	} {
		if got := direction([]rune(tc.title)); got != tc.dir {
			t.Errorf("direction(%s) = %d, want %d", tc.title, got, tc.dir)
		}
	}
}

// TestFirstBigram: a headline's first name is the two Han characters it opens with; one that opens
// with a date, a figure, a Latin name or a stop bigram names none (a bigram after them straddles
// two words: 日北, 股半, 布明).
func TestFirstBigram(t *testing.T) {
	name := func(a, b rune) uint32 {
		v, _ := hanBigram(a, b)
		return v
	}
	for _, tc := range []struct {
		title string
		want  uint32
	}{
		{"天禧股份：因涉嫌信息披露违法违规被证监会立案", name('天', '禧')},
		{" 国家统计局：11月制造业PMI为50.3%", name('国', '家')},
		{"11月20日北向资金成交额超2100亿元", name('北', '向')},
		{"12月1日 云岭股份获12家机构调研", name('云', '岭')},
		{"10月金融数据出炉", 0},
		{"12家机构调研海川科技", 0},
		{"2026年12月1日云岭股份", 0},
		{"OPEC+宣布明年1月增产20.6万桶/日", 0},
		{"A股半日成交1.12万亿元", 0},
		{"宣布明年起上调产量", 0},
		{"央", 0},
		// A stock's status opens the name (normalized: *ST is " st"), not the name itself.
		{" st云岭关于股票可能被终止上市的风险提示", name('云', '岭')},
		{"st海川股票交易异常波动", name('海', '川')},
		{"xd云岭除息", name('云', '岭')},
		{"tcl科技拟收购", 0},
	} {
		if got := firstBigram([]rune(tc.title)); got != tc.want {
			t.Errorf("firstBigram(%s) = %d, want %d", tc.title, got, tc.want)
		}
	}
	// A public body that speaks of someone names them after the colon; a company speaking for
	// itself is the name.
	for _, tc := range []struct {
		title  string
		want   uint32
		spoken bool
	}{
		{"深交所上市委：锦瑟光电创业板IPO获通过", name('锦', '瑟'), true},
		{"国务院办公厅：出台20条措施扩大服务消费", name('出', '台'), true},
		{"国家统计局：11月制造业PMI为50.3%", 0, true},
		{"澜江银行：董事长王志远辞职", name('澜', '江'), false},
		{"天禧股份：因涉嫌信息披露违法违规被证监会立案", name('天', '禧'), false},
		{"证监会同意北辰光电创业板IPO注册", name('证', '监'), false},
		// A column's label names no one: the headline's name follows it.
		{"公告速递：云岭股份拟以1亿元至2亿元回购股份", name('云', '岭'), false},
		{"【早间快讯】海川科技中标3.2亿元光伏项目", name('海', '川'), false},
		{"快讯：10月11日《人民日报》要闻精选八条", 0, false},
		{"机构调研：云岭股份在手订单饱满", name('云', '岭'), false},
		{"云岭股份公告：拟以1亿元回购股份", name('云', '岭'), false},
		// A short name that opens with a place's or a group's name is named across the two.
		{"中国平安：获批开展保险资金长期股票投资试点", name('国', '平'), false},
		{"上海银行：董事王明辞职", name('海', '银'), false},
		{"中国石油天然气：年产量创新高", name('中', '国'), false},
		{"中国平安获批开展保险资金长期股票投资试点", name('中', '国'), false},
	} {
		if got, spoken := headlineName(tc.title, []rune(tc.title)); got != tc.want || spoken != tc.spoken {
			t.Errorf("headlineName(%s) = %d, %v, want %d, %v", tc.title, got, spoken, tc.want, tc.spoken)
		}
	}
}

func isSortedUnique(s []uint32) bool {
	for i := 1; i < len(s); i++ {
		if s[i]|wordTitle <= s[i-1]|wordTitle {
			return false
		}
	}
	return true
}

// TestHanWordsDecide: two outlets' Chinese reports of one announcement, in their own words, are one
// story on their bigrams and not on their shingles; two days of one template, whose bigrams are
// nearly all shared, stay apart on their headlines' days, a rise and a fall on their directions,
// and two companies' investigations on their names, though without the subject they would merge.
func TestHanWordsDecide(t *testing.T) {
	o := Options{}.withDefaults()
	at := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	tests := []struct {
		name           string
		ta, ba, tb, bb string
		same           bool
	}{
		{
			name: "one announcement in two outlets' words",
			ta:   "鹏远重工：中标海上风电安装项目 金额约18.6亿元",
			ba:   "<p>财联社11月2日电，鹏远重工公告，公司近日收到中标通知书，确认为某海上风电场主体工程安装项目的中标单位，中标金额约18.6亿元，约占公司上年经审计营业收入的21%。项目预计明年二季度开工。</p>",
			tb:   "18.6亿元！鹏远重工拿下海上风电安装大单",
			bb:   "<p>证券时报e公司讯，鹏远重工晚间披露，公司成为一海上风电场主体安装工程的中标人，合同金额约18.6亿元，相当于去年营收的两成左右，工程计划于明年第二季度启动。</p>",
			same: true,
		},
		{
			// A column's label (公告速递) opens both headlines: the names after it differ (0.91
			// when the label was read as the name).
			name: "two companies' buybacks under one column's label",
			ta:   "公告速递：云岭股份拟以1亿元至2亿元回购股份",
			ba:   "云岭股份12月1日晚间公告，公司拟以集中竞价方式回购股份，回购资金总额不低于1亿元且不超过2亿元，回购价格不超过30元/股，回购股份将用于员工持股计划。",
			tb:   "公告速递：海川科技拟以1亿元至2亿元回购股份",
			bb:   "海川科技12月1日晚间公告，公司拟以集中竞价方式回购股份，回购资金总额不低于1亿元且不超过2亿元，回购价格不超过30元/股，回购股份将用于员工持股计划。",
			same: false,
		},
		{
			name: "two companies' surveys under one column's label",
			ta:   "机构调研：云岭股份在手订单饱满",
			ba:   "云岭股份12月1日发布投资者关系活动记录表，公司于11月28日接受了包括中信证券、华泰证券在内的12家机构调研。公司表示，目前在手订单饱满，产能利用率维持高位，明年将继续推进海外市场布局。",
			tb:   "机构调研：海川科技在手订单饱满",
			bb:   "海川科技12月1日发布投资者关系活动记录表，公司于11月28日接受了包括中信证券、华泰证券在内的12家机构调研。公司表示，目前在手订单饱满，产能利用率维持高位，明年将继续推进海外市场布局。",
			same: false,
		},
		{
			name: "one buyback, one copy under a column's label",
			ta:   "公告速递：云岭股份拟以1亿元至2亿元回购股份",
			ba:   "云岭股份12月1日晚间公告，公司拟以集中竞价方式回购股份，回购资金总额不低于1亿元且不超过2亿元，回购价格不超过30元/股，回购股份将用于员工持股计划。",
			tb:   "云岭股份：拟1亿元至2亿元回购股份 用于员工持股计划",
			bb:   "<p>云岭股份公告，公司拟使用1亿元至2亿元自有资金以集中竞价方式回购公司股份，回购价格上限30元/股，回购的股份用于员工持股计划。</p>",
			same: true,
		},
		{
			// Two companies whose short names open with one place's name (上海), the same day,
			// one template: 0.97 when the name was the place's.
			name: "two companies of one city, one template",
			ta:   "上海机场：董事王明辞职",
			ba:   "上海机场12月1日晚间公告，公司董事王明因工作调整原因辞去公司董事及董事会专门委员会委员职务，辞职后不再担任公司任何职务。",
			tb:   "上海银行：董事王明辞职",
			bb:   "上海银行12月1日晚间公告，公司董事王明因工作调整原因辞去公司董事及董事会专门委员会委员职务，辞职后不再担任公司任何职务。",
			same: false,
		},
		{
			name: "two insurers of one country's name, one approval (0.95 before)",
			ta:   "中国平安：获批开展保险资金长期股票投资试点",
			ba:   "中国平安12月1日晚间公告，公司近日收到国家金融监督管理总局批复，同意公司开展保险资金长期股票投资试点，试点资金将投向沪深300成分股。",
			tb:   "中国人寿：获批开展保险资金长期股票投资试点",
			bb:   "中国人寿12月1日晚间公告，公司近日收到国家金融监督管理总局批复，同意公司开展保险资金长期股票投资试点，试点资金将投向沪深300成分股。",
			same: false,
		},
		{
			name: "one approval, a copy that names the company short",
			ta:   "中国平安：获批开展保险资金长期股票投资试点",
			ba:   "中国平安12月1日晚间公告，公司近日收到国家金融监督管理总局批复，同意公司开展保险资金长期股票投资试点，试点资金将投向沪深300成分股。",
			tb:   "平安获批险资长期股票投资试点 资金投向沪深300成分股",
			bb:   "中国平安晚间披露，公司已拿到金融监管总局的批复文件，获准开展险资长期股票投资的试点工作，相关资金将配置于沪深300成分股。",
			same: true,
		},
		{
			// Two companies under risk warnings (*ST), one template of the year's end: one
			// name, none, when the status was read as the name's start (0.98).
			name: "two risk warnings of one template",
			ta:   "*ST云岭：关于公司股票可能被终止上市的第三次风险提示公告",
			ba:   "*ST云岭12月1日晚间公告，公司股票可能被深圳证券交易所终止上市。根据相关规定，若公司2026年度经审计的净利润为负值且营业收入低于3亿元，公司股票将被终止上市。敬请广大投资者理性投资，注意风险。",
			tb:   "*ST海川：关于公司股票可能被终止上市的第三次风险提示公告",
			bb:   "*ST海川12月1日晚间公告，公司股票可能被深圳证券交易所终止上市。根据相关规定，若公司2026年度经审计的净利润为负值且营业收入低于3亿元，公司股票将被终止上市。敬请广大投资者理性投资，注意风险。",
			same: false,
		},
		{
			// Two companies' items of one template under a dated headline: no name was read past
			// the date (0.90).
			name: "two companies' surveys, dated headlines",
			ta:   "12月1日云岭股份获12家机构调研",
			ba:   "云岭股份12月1日发布投资者关系活动记录表，公司于11月28日接受了包括中信证券、华泰证券在内的12家机构调研。公司表示，目前在手订单饱满，产能利用率维持高位，明年将继续推进海外市场布局。",
			tb:   "12月1日海川科技获12家机构调研",
			bb:   "海川科技12月1日发布投资者关系活动记录表，公司于11月28日接受了包括中信证券、华泰证券在内的12家机构调研。公司表示，目前在手订单饱满，产能利用率维持高位，明年将继续推进海外市场布局。",
			same: false,
		},
		{
			// The first digest names the next day's event (4日上午): the dates alone agree.
			name: "two days of one digest",
			ta:   "11月3日周一《新闻联播》要闻10条",
			ba:   "<p>财联社11月3日电，今天《新闻联播》主要内容有：1、中央经济工作会议筹备工作部署；2、国务院常务会议研究推进服务消费提质扩容；3、前三季度全国规模以上工业企业利润稳步回升；4、多地出台措施稳定就业；5、第八届进博会4日上午开幕。</p>",
			tb:   "11月4日周二《新闻联播》要闻10条",
			bb:   "<p>财联社11月4日电，今天《新闻联播》主要内容有：1、第八届进博会在上海开幕；2、全国秋粮收获进度过八成；3、我国成功发射一颗通信技术试验卫星；4、十月份物流业景气指数保持扩张。</p>",
			same: false,
		},
		{
			// Both headlines open with a Latin name: the first Han bigrams (布下 after the stop
			// bigram 宣布, 同意) are no names, and neither copy holds the other's.
			name: "headlines that open with a Latin name",
			ta:   "OPEC+宣布下月起每日增产18万桶",
			ba:   "<p>财联社11月2日电，OPEC+八个成员国举行线上会议后宣布，下月起将原油日产量提高18万桶，并表示将视市场情况灵活调整，必要时可暂停增产。</p>",
			tb:   "OPEC+同意下月起原油增产18万桶/日",
			bb:   "<p>上证报中国证券网讯 据外媒报道，OPEC+八个成员国周日举行线上会议，同意下月起每日增产原油18万桶，并称增产节奏将视市场情况灵活调整，必要时可暂停或逆转。</p>",
			same: true,
		},
		{
			// Two companies, one regulator's words: neither copy names the other's company.
			name: "two companies' investigations",
			ta:   "远澄科技：因涉嫌信息披露违法违规被证监会立案",
			ba:   "<p>财联社11月2日电，远澄科技公告，公司于近日收到中国证监会下发的《立案告知书》，因公司涉嫌信息披露违法违规，根据《中华人民共和国证券法》《中华人民共和国行政处罚法》等法律法规，中国证监会决定对公司立案。目前公司生产经营活动正常。</p>",
			tb:   "禾丰股份：因涉嫌信息披露违法违规被证监会立案",
			bb:   "<p>财联社11月2日电，禾丰股份公告，公司于近日收到中国证监会下发的《立案告知书》，因公司涉嫌信息披露违法违规，根据《中华人民共和国证券法》《中华人民共和国行政处罚法》等法律法规，中国证监会决定对公司立案。目前公司各项业务正常开展。</p>",
			same: false,
		},
		{
			// One committee's words of two companies: the headlines name the committee first.
			name: "two companies' approvals spoken of by one committee",
			ta:   "深交所上市委：青禾电子创业板IPO获通过",
			ba:   "<p>财联社11月2日电，深交所上市审核委员会2026年第58次审议会议结果显示，青禾电子（首发）符合发行条件、上市条件和信息披露要求。公司拟在创业板上市，保荐机构为中信证券。</p>",
			tb:   "深交所上市委：岚山精工主板IPO获通过",
			bb:   "<p>财联社11月2日电，深交所上市审核委员会2026年第58次审议会议结果显示，岚山精工（首发）符合发行条件、上市条件和信息披露要求。公司拟在主板上市，保荐机构为中信证券。</p>",
			same: false,
		},
		{
			// One document: the body that issued it opens one headline, spoken, and is the other's
			// name; a spoken name is not held against a name the body gives itself.
			name: "one document, its issuer spoken and named",
			ta:   "国务院办公厅：出台12条措施扩大养老服务消费",
			ba:   "<p>财联社11月2日电，国务院办公厅印发《关于扩大养老服务消费的若干措施》，提出12条举措，包括发放养老服务消费券、支持社区嵌入式养老机构建设、完善长期护理保险制度等。</p>",
			tb:   "国办印发若干措施 扩大养老服务消费",
			bb:   "<p>证券时报e公司讯，国办日前印发关于扩大养老服务消费的若干措施，围绕发放养老服务消费券、建设社区嵌入式养老机构、健全长期护理保险制度等方面提出12条措施。</p>",
			same: true,
		},
		{
			// One meeting's decision, told as a hold, and a cut: the same bank's words, its
			// figures (the target range) the same.
			name: "a hold and a cut",
			ta:   "韩国央行维持基准利率2.50%不变",
			ba:   "<p>财联社11月2日电，韩国央行宣布维持基准利率在2.50%不变，符合市场预期。韩国央行表示，将继续关注房地产市场和家庭债务走势，并评估进一步降息的时机。</p>",
			tb:   "韩国央行宣布降息 基准利率降至2.50%",
			bb:   "<p>财联社11月2日电，韩国央行宣布将基准利率下调至2.50%，符合市场预期。韩国央行表示，将继续关注房地产市场和家庭债务走势，并评估进一步降息的时机。</p>",
			same: false,
		},
		{
			// Another day's close, the other way: half the figures (30年期, 10年期…) agree.
			name: "a rise and a fall",
			ta:   "2日国债期货全线收涨",
			ba:   "<p>财联社11月2日电，国债期货收盘全线上涨，30年期主力合约涨0.62%，10年期主力合约涨0.21%，5年期主力合约涨0.12%，2年期主力合约涨0.05%。</p>",
			tb:   "2日国债期货全线收跌",
			bb:   "<p>财联社11月2日电，国债期货收盘全线下跌，其中30年期主力合约跌0.35%，2年期主力合约跌0.03%，5年期主力合约跌0.09%，10年期主力合约跌0.18%。</p>",
			same: false,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Fingerprint(tc.ta, tc.ba, at)
			b := Fingerprint(tc.tb, tc.bb, at.Add(3*time.Hour))
			s, byWords := scoreWords(a, b, o)
			if (s >= o.Threshold) != tc.same || score(b, a, o) != s {
				t.Fatalf("score %.3f (reversed %.3f): same story %v, want %v", s, score(b, a, o), s >= o.Threshold, tc.same)
			}
			if tc.same && !byWords {
				t.Errorf("score %.3f not made by the words", s)
			}
			// Without the words, the shingles alone: the paraphrase falls below.
			a2, b2 := a, b
			a2.Shingles, b2.Shingles = withoutWords(a.Shingles), withoutWords(b.Shingles)
			if tc.same {
				if s := score(a2, b2, o); s >= o.Threshold {
					t.Errorf("shingles alone score %.3f: the case does not test the words", s)
				}
				return
			}
			// Without the subject, the words alone would merge the two (the case tests it); its
			// names are set aside too, which tell most of these apart on their own (names.go).
			a3, b3 := a, b
			a3.Shingles = withoutSubject(a.Shingles)
			b3.Shingles = withoutSubject(b.Shingles)
			a3.Names, b3.Names = nil, nil
			if s := score(a3, b3, o); s < o.Threshold {
				t.Errorf("without the headline's day and direction: %.3f, the case does not test them", s)
			}
		})
	}
}

func withoutSubject(s []uint32) []uint32 {
	if n := len(s); n > 0 && s[n-1] >= subjectBase {
		return s[: n-1 : n-1]
	}
	return s
}

// TestNamedBoost: two reports of one company's news whose headlines open with its name score
// boosted, when they came within namedSpan of each other, and not otherwise: later than that, or
// with another name first, or in English.
func TestNamedBoost(t *testing.T) {
	const (
		titleA = "岱宗重工实控人韩立峰被留置"
		bodyA  = "岱宗重工公告，实际控制人、董事长韩立峰被监察机关留置，公司称生产经营正常。"
		titleB = "岱宗重工董事长韩立峰遭留置 副董事长代行职责"
		bodyB  = "界面新闻获悉，岱宗重工董事长韩立峰已被监察机关留置。岱宗重工在公告中表示，留置事项系针对韩立峰个人，公司控制权未发生变化，日常经营管理由管理层负责。公开信息显示，韩立峰是岱宗重工的创始人，早年从一家地方国有机械厂起步，后带领公司登陆资本市场，主营矿山机械与起重装备。"
	)
	o := Options{}.withDefaults()
	a := Fingerprint(titleA, bodyA, t0)
	tests := []struct {
		name        string
		title, body string
		apart       time.Duration
		named       bool
	}{
		{"one name, an hour apart", titleB, bodyB, time.Hour, true},
		{"one name, at the span", titleB, bodyB, namedSpan, true},
		{"one name, past the span", titleB, bodyB, namedSpan + time.Minute, false},
		{"another name first", "董事长韩立峰遭留置 岱宗重工副董事长代行职责", bodyB, time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Fingerprint(tt.title, tt.body, t0.Add(tt.apart))
			g, ok := measure(a, b, o)
			if !ok {
				t.Fatal("the pair was vetoed")
			}
			if g.named != tt.named {
				t.Fatalf("named = %v, want %v", g.named, tt.named)
			}
			plain := g
			plain.named = false
			base, got := plain.combine(wContain, wResemble), g.combine(wContain, wResemble)
			want := base
			if tt.named {
				want = boosted(base)
			}
			if got != want || got != score(a, b, o) || score(b, a, o) != got {
				t.Errorf("score %.3f (either way %.3f, %.3f), want %.3f from %.3f", got, score(a, b, o), score(b, a, o), want, base)
			}
		})
	}
	// The pair itself: under the threshold on its texts, one story by its name.
	b := Fingerprint(titleB, bodyB, t0.Add(time.Hour))
	g, _ := measure(a, b, o)
	g.named = false
	if g.combine(wContain, wResemble) >= o.Threshold || score(a, b, o) < o.Threshold {
		t.Errorf("score %.3f: want under the threshold without the boost and over it with", score(a, b, o))
	}
	// The boost keeps the scores' order, and a perfect copy at 1.
	for _, c := range []struct{ lo, hi float64 }{{0, 0.2}, {0.39, 0.41}, {0.4, 0.9}, {0.9, 1}} {
		if boosted(c.lo) >= boosted(c.hi) || boosted(c.hi) < c.hi {
			t.Errorf("boosted(%g) = %g, boosted(%g) = %g: want increasing, and no lower", c.lo, boosted(c.lo), c.hi, boosted(c.hi))
		}
	}
	if boosted(1) != 1 || boosted(namedFrom) != namedTo {
		t.Errorf("boosted(1) = %g, boosted(%g) = %g: want 1 and %g", boosted(1), namedFrom, boosted(namedFrom), namedTo)
	}
	// English subjects are a kind of story: no boost.
	e1 := Fingerprint("Fed holds rates steady, signals patience on cuts", "The Federal Reserve held its benchmark rate steady on Wednesday and signalled patience on further cuts.", t0)
	e2 := Fingerprint("Fed cuts rates by a quarter point", "The Federal Reserve cut its benchmark rate by a quarter point on Wednesday, its third cut this year.", t0.Add(time.Hour))
	if g, ok := measure(e1, e2, o); ok && g.named {
		t.Error("an English pair was boosted")
	}
}
