package story

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// The templates of names_test.go: what exchanges, regulators, companies, rating agencies, the
// weather service and law firms publish for one company, county or person after another, written
// by a helper session that attacked the detector (2026-12-08) on the model of the real ones.
const (
	zhInquiry = "财联社12月1日电，深交所向%s下发年报问询函，要求公司结合行业发展情况、主要产品价格变动、同行业可比公司情况等，说明营业收入及净利润大幅下滑的原因及合理性；说明报告期末应收账款余额较高的原因，坏账准备计提是否充分；说明存货跌价准备计提是否充分，是否存在通过少计提减值调节利润的情形。"
	zhIPO     = "财联社12月1日电，证监会近日按法定程序同意%s首次公开发行股票注册。本次发行股票的注册批复文件有效期为12个月，公司将与主承销商协商确定发行日程，并陆续刊登招股文件。"
	zhHalt    = "%s12月1日晚间公告，公司正在筹划以发行股份及支付现金方式购买资产并募集配套资金事项，预计构成重大资产重组，构成关联交易。因有关事项尚存不确定性，为保证公平信息披露，维护投资者利益，公司股票自12月2日开市起停牌，预计停牌时间不超过10个交易日。"
	zhProbe   = "中央纪委国家监委网站12月1日讯，据湖南省纪委监委消息：%s涉嫌严重违纪违法，目前正接受湖南省纪委监委纪律审查和监察调查。"
	zhFund    = "中证网讯 据易方达基金公告，%s将于12月1日起公开发售，募集期至12月12日，募集规模上限为80亿元，认购起点为10元。该基金由基金经理%s管理，业绩比较基准为%s。"
)

func paragraphs(ps ...string) string { return "<p>" + strings.Join(ps, "</p>\n<p>") + "</p>" }

func fitch(co, short, drivers string) (string, string) {
	return fmt.Sprintf("Fitch Affirms %s at 'BBB'; Outlook Stable", co), paragraphs(
		fmt.Sprintf("Fitch Ratings - New York - 01 Dec 2026: Fitch Ratings has affirmed %s's Long-Term Issuer Default Rating (IDR) at 'BBB'. The Rating Outlook is Stable. Fitch has also affirmed %s's senior unsecured debt at 'BBB'.", co, short),
		fmt.Sprintf("The affirmation reflects %s's solid market position, consistent free cash flow generation and a commitment to maintaining leverage consistent with the rating. The Stable Outlook reflects Fitch's expectation that the company will sustain credit metrics within the rating sensitivities over the forecast horizon.", short),
		"KEY RATING DRIVERS", drivers, "RATING SENSITIVITIES",
		"Factors that Could, Individually or Collectively, Lead to Negative Rating Action/Downgrade: A more aggressive financial policy, including debt-funded acquisitions or shareholder returns, that results in sustained leverage above the negative sensitivity.")
}

func thunderstorm(county, office, city, towns string) (string, string) {
	return fmt.Sprintf("Severe Thunderstorm Warning issued for %s County until 5:00 PM CST", county), paragraphs(
		fmt.Sprintf("The National Weather Service in %s has issued a Severe Thunderstorm Warning for central %s County until 5:00 PM CST.", office, county),
		fmt.Sprintf("At 4:18 PM CST, a severe thunderstorm was located near %s, moving east at 35 mph.", city),
		"HAZARD...60 mph wind gusts and quarter size hail.", "SOURCE...Radar indicated.",
		"IMPACT...Hail damage to vehicles is expected. Expect wind damage to roofs, siding, and trees.",
		fmt.Sprintf("Locations impacted include %s.", towns),
		"PRECAUTIONARY/PREPAREDNESS ACTIONS...For your protection move to an interior room on the lowest floor of a building.")
}

func rosen(co, short, tick, exch, why string) (string, string) {
	return fmt.Sprintf("ROSEN, A TOP RANKED LAW FIRM, Encourages %s Investors to Inquire About Securities Class Action Investigation - %s", co, tick), paragraphs(
		fmt.Sprintf("NEW YORK, Dec. 1, 2026 (GLOBE NEWSWIRE) -- WHY: Rosen Law Firm, a global investor rights law firm, announces an investigation of potential securities claims on behalf of shareholders of %s (%s: %s) resulting from allegations that %s may have issued materially misleading business information to the investing public.", co, exch, tick, short),
		fmt.Sprintf("SO WHAT: If you purchased %s securities you may be entitled to compensation without payment of any out of pocket fees or costs through a contingency fee arrangement. The Rosen Law Firm is preparing a class action seeking recovery of investor losses.", short),
		fmt.Sprintf("WHAT TO DO NEXT: To join the prospective class action, go to https://rosenlegal.com/submit-form/?case_id=%s or call Phillip Kim, Esq. toll-free at 866-767-3653 or email case@rosenlegal.com for information on the class action.", tick),
		"WHAT IS THIS ABOUT: "+why,
		"WHY ROSEN LAW: We encourage investors to select qualified counsel with a track record of success in leadership roles. Often, firms issuing notices do not have comparable experience, resources or any meaningful peer recognition. Many of these firms do not actually litigate securities class actions. Be wise in selecting counsel. The Rosen Law Firm represents investors throughout the globe, concentrating its practice in securities class actions and shareholder derivative litigation.")
}

// TestNames: two copies of one template about two companies, people or places, or two stories of
// one company that share a footer, are two stories by their names (each scores at the threshold
// or above without them: the names decide), and a copy of either story — reworded by another
// outlet, a flash of it, an abbreviated name, a telegraph whose text opens with its headline (a
// repeat that names nothing), a statement worded apart, a headline in Title Case — is still one
// story with it.
func TestNames(t *testing.T) {
	o := Options{}.withDefaults()
	fitchA, fitchAText := fitch("Corvane Therapeutics, Inc.", "Corvane", "Resilient Portfolio: Corvane's dermatology franchise generated approximately $2.1 billion of revenue in 2025. Fitch forecasts EBITDA leverage of 2.4x in 2026, declining toward 2.0x by 2028 as the company repays the term loan.")
	fitchB, fitchBText := fitch("Halden Industrial Holdings, Inc.", "Halden", "Diversified End Markets: Halden's industrial segments generated approximately $4.6 billion of revenue in 2025. Fitch forecasts EBITDA leverage of 2.8x in 2026, declining toward 2.3x by 2028 as the company repays acquisition debt.")
	stormA, stormAText := thunderstorm("Harris", "Houston/Galveston", "Katy", "Katy, Cypress, Jersey Village and Bellaire")
	stormB, stormBText := thunderstorm("Tarrant", "Fort Worth", "Benbrook", "Fort Worth, Benbrook, Crowley and Everman")
	rosenA, rosenAText := rosen("Corvane Therapeutics, Inc.", "Corvane", "CRVN", "NASDAQ", "The investigation concerns whether Corvane overstated the prospects of its Phase 3 psoriasis program.")
	rosenB, rosenBText := rosen("Halden Bancorp, Inc.", "Halden", "HLDN", "NYSE", "The investigation concerns whether Halden misstated its allowance for credit losses.")
	for _, tc := range []struct {
		name           string
		same           bool
		ta, ba, tb, bb string
		gap            time.Duration
	}{
		{"two companies' inquiry letters", false, "深交所向云岭股份下发年报问询函", fmt.Sprintf(zhInquiry, "云岭股份"),
			"深交所向海川科技下发年报问询函", fmt.Sprintf(zhInquiry, "海川科技"), 4 * time.Hour},
		{"an inquiry letter and its report", true, "深交所向云岭股份下发年报问询函", fmt.Sprintf(zhInquiry, "云岭股份"),
			"云岭股份收年报问询函 深交所追问业绩下滑原因", "证券时报e公司讯，12月1日，深交所向云岭股份下发年报问询函。问询函要求公司结合行业发展情况、主要产品价格变动、同行业可比公司情况等，说明营业收入及净利润大幅下滑的原因及合理性；说明应收账款余额较高的原因以及坏账准备计提是否充分。", 2 * time.Hour},
		{"two companies' IPO registrations", false, "证监会：同意云岭股份创业板IPO注册", fmt.Sprintf(zhIPO, "云岭新材料股份有限公司创业板"),
			"证监会：同意海川科技创业板IPO注册", fmt.Sprintf(zhIPO, "海川智能科技股份有限公司创业板"), 0},
		{"an IPO registration reworded", true, "证监会同意云岭股份创业板IPO注册", fmt.Sprintf(zhIPO, "云岭新材料股份有限公司创业板"),
			"云岭股份创业板IPO获证监会注册批复", "中证网讯 证监会12月1日晚间消息，近日按法定程序同意云岭新材料股份有限公司创业板首次公开发行股票注册，注册批复文件有效期12个月，公司将与主承销商协商确定发行日程。", time.Hour},
		{"two companies' trading halts", false, "重磅！云岭股份筹划重大资产重组 明起停牌", fmt.Sprintf(zhHalt, "云岭股份"),
			"重磅！海川科技筹划重大资产重组 明起停牌", fmt.Sprintf(zhHalt, "海川科技"), 0},
		{"a trading halt reworded", true, "重磅！云岭股份筹划重大资产重组 明起停牌", fmt.Sprintf(zhHalt, "云岭股份"),
			"云岭股份：筹划发行股份购买资产事项 股票停牌", "财联社12月1日电，云岭股份公告，正在筹划以发行股份及支付现金方式购买资产并募集配套资金，预计构成重大资产重组。公司股票自12月2日开市起停牌，预计停牌时间不超过10个交易日。", time.Hour},
		{"two officials investigated", false, "湖南省政协原副主席张立军被查", fmt.Sprintf(zhProbe, "湖南省政协原副主席张立军"),
			"湖南省人大常委会原副主任王德胜被查", fmt.Sprintf(zhProbe, "湖南省人大常委会原副主任王德胜"), 2 * time.Hour},
		{"one company's results and a director's resignation, under one footer", false, "云岭股份：前三季度净利润同比增长12%", "<p>云岭股份公告，前三季度净利润4.2亿元，同比增长12%。</p><p>以上内容为本站据公开信息整理，由算法生成，不构成投资建议。</p>",
			"云岭股份：董事王明辞职", "<p>云岭股份公告，董事王明因个人原因辞去董事职务。</p><p>以上内容为本站据公开信息整理，由算法生成，不构成投资建议。</p>", time.Hour},
		{"one sponsor's two funds", false, "易方达中证红利低波动ETF今日发售", fmt.Sprintf(zhFund, "易方达中证红利低波动交易型开放式指数证券投资基金", "张三", "中证红利低波动指数收益率"),
			"易方达恒生科技指数基金今日发售", fmt.Sprintf(zhFund, "易方达恒生科技交易型开放式指数证券投资基金", "李四", "恒生科技指数收益率"), 0},
		{"a regulator's abbreviated name", true, "中汽协：10月汽车销量321.4万辆 同比增长6.8%", "财联社11月11日电，中汽协数据显示，10月，汽车产销分别完成318.6万辆和321.4万辆，同比分别增长5.9%和6.8%。其中，新能源汽车产销分别完成183.2万辆和185.7万辆。",
			"中国汽车工业协会：10月汽车销量321.4万辆 同比增长6.8%", "中证网讯 中国汽车工业协会11月11日发布数据，10月，汽车产销分别完成318.6万辆和321.4万辆，同比分别增长5.9%和6.8%。其中，新能源汽车产销分别完成183.2万辆和185.7万辆。", 3 * time.Hour},
		{"a telegraph that opens with its headline, and an article", true, "央行：12月5日起下调金融机构存款准备金率0.25个百分点",
			"【央行：12月5日起下调金融机构存款准备金率0.25个百分点】财联社11月20日电，中国人民银行决定于2026年12月5日下调金融机构存款准备金率0.25个百分点（不含已执行5%存款准备金率的金融机构）。本次下调后，金融机构加权平均存款准备金率约为5.9%。此次降准共计释放长期资金约5000亿元。",
			"央行宣布降准0.25个百分点 释放长期流动性约5000亿元", "<p>中证网讯（记者 何晓宇）中国人民银行11月28日宣布，为巩固经济回升向好基础，保持流动性合理充裕，决定于12月5日下调金融机构存款准备金率0.25个百分点（不含已执行5%存款准备金率的金融机构）。本次下调后，金融机构加权平均存款准备金率约为5.9%，预计将向市场提供长期流动性约5000亿元。</p><p>人民银行有关负责人表示，此次降准是落实适度宽松货币政策的具体举措，有助于优化金融机构资金结构，降低银行资金成本，增强金融机构支持实体经济的能力。人民银行将继续坚持支持性的货币政策立场，综合运用多种货币政策工具，保持社会融资规模、货币供应量增长同经济增长和价格总水平预期目标相匹配。</p><p>业内人士分析认为，年末流动性需求季节性上升，叠加政府债券发行持续放量，此时降准有助于稳定市场预期，为信贷投放和跨年资金面提供支撑。</p>", 3 * time.Hour},
		{"one statement worded apart", true, "鲍威尔：美联储不急于进一步降息", "财联社12月3日电，美联储主席鲍威尔在纽约发表讲话时表示，美联储可以耐心等待更多数据，不急于进一步降息。鲍威尔称，通胀仍略高于2%的目标，劳动力市场正在逐步降温。",
			"鲍威尔：美联储无需急于再次降息", "证券时报e公司讯，当地时间12月3日，美联储主席鲍威尔在纽约发表讲话称，美联储能够耐心等待更多数据，无需急于再次降息。鲍威尔表示，通胀仍略高于2%的目标，劳动力市场正在逐步降温。", 2 * time.Hour},
		{"two wraps of one close, in Title Case", true, "Dow Jumps 500 Points to Record as Fed Rate Cut Bets Grow",
			paragraphs("The Dow Jones Industrial Average jumped 500 points to a record close on Tuesday, as traders increased bets that the Fed will cut interest rates next week. The Dow gained 1.1% to 48,210, the S&P 500 added 0.9% and the Nasdaq rose 0.7%."),
			"Stocks Close at Record as Traders Price In December Rate Cut",
			paragraphs("U.S. stocks closed at records Tuesday as traders priced in a December rate cut. The Dow Jones Industrial Average rose 1.1% to 48,210, the S&P 500 gained 0.9% and the Nasdaq Composite added 0.7%."), time.Hour},
		{"two issuers' affirmations", false, fitchA, fitchAText, fitchB, fitchBText, time.Hour},
		{"an affirmation and its flash", true, fitchA, fitchAText, "Fitch affirms Corvane Therapeutics at 'BBB', outlook stable",
			paragraphs("Dec 1 (Fitch) Fitch Ratings has affirmed Corvane Therapeutics, Inc.'s Long-Term Issuer Default Rating at 'BBB' with a Stable Outlook, citing the company's solid market position and consistent free cash flow. Fitch expects EBITDA leverage of 2.4x in 2026."), time.Hour},
		{"two counties' warnings", false, stormA, stormAText, stormB, stormBText, 0},
		{"a warning retold by a station", true, stormA, stormAText, "Severe thunderstorm warning issued for Harris County until 5 PM",
			paragraphs("The National Weather Service has issued a severe thunderstorm warning for central Harris County until 5:00 PM CST. At 4:18 PM, the storm was near Katy, moving east at 35 mph, with 60 mph wind gusts and quarter size hail possible. Katy, Cypress, Jersey Village and Bellaire are in the path of the storm."), 0},
		{"one law firm's two investigations", false, rosenA, rosenAText, rosenB, rosenBText, 3 * time.Hour},
		{"an investigation reposted", true, rosenA, rosenAText, "Rosen Law Firm Encourages Corvane Therapeutics, Inc. Investors to Inquire About Securities Class Action Investigation - CRVN",
			paragraphs("NEW YORK, Dec. 1, 2026 -- Rosen Law Firm, a global investor rights law firm, announces an investigation of potential securities claims on behalf of shareholders of Corvane Therapeutics, Inc. (NASDAQ: CRVN) resulting from allegations that Corvane may have issued materially misleading business information to the investing public.",
				"If you purchased Corvane securities you may be entitled to compensation without payment of any out of pocket fees or costs through a contingency fee arrangement. To join the prospective class action, call Phillip Kim, Esq. toll-free at 866-767-3653 or email case@rosenlegal.com."), time.Hour},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := Fingerprint(tc.ta, tc.ba, t0), Fingerprint(tc.tb, tc.bb, t0.Add(tc.gap))
			if !tc.same && (len(a.Names) == 0 || len(b.Names) == 0) {
				t.Fatalf("names %v and %v", a.Names, b.Names)
			}
			s := score(a, b, o)
			if (s >= o.Threshold) != tc.same || score(b, a, o) != s {
				t.Fatalf("score %.3f (reversed %.3f): same story %v, want %v", s, score(b, a, o), s >= o.Threshold, tc.same)
			}
			if tc.same {
				if strings.Contains(tc.name, "abbreviated") {
					// The filter keeps it: without the characters of the other's text, the
					// abbreviation's bigrams (中汽, 汽协) and the full name's count as missing.
					a.Chars, b.Chars = make([]uint32, charsWords), make([]uint32, charsWords)
					if s := score(a, b, o); s >= o.Threshold {
						t.Errorf("with empty filters: %.3f, the case does not test them", s)
					}
				}
				return
			}
			// Without names, as prints stored before them: one story.
			a.Names, a.Chars = nil, nil
			if s := score(a, b, o); s < o.Threshold {
				t.Errorf("without names: %.3f, the case does not test them", s)
			}
		})
	}
}

// TestCharsFilter: a Chinese print's filter holds every ideograph of its title and lead (a
// character it lacks would count a name as missing from a copy that has it) and few others.
func TestCharsFilter(t *testing.T) {
	title := "深交所向云岭股份下发年报问询函"
	body := fmt.Sprintf(zhInquiry, "云岭股份")
	p := Fingerprint(title, body, t0)
	if len(p.Chars) != charsWords {
		t.Fatalf("filter of %d words", len(p.Chars))
	}
	in := map[rune]bool{}
	rs := []rune(body)
	for _, r := range title + string(rs[:min(len(rs), hanLead)]) {
		if isIdeograph(r) {
			in[r] = true
			if !hasChar(p.Chars, r) {
				t.Errorf("%c missing from the filter", r)
			}
		}
	}
	held := 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !in[r] && hasChar(p.Chars, r) {
			held++
		}
	}
	if rate := float64(held) / float64(0x9FFF-0x4E00+1-len(in)); rate > 0.1 {
		t.Errorf("%d characters in the filter: %.1f %% of the others read as held", len(in), 100*rate)
	}
}
