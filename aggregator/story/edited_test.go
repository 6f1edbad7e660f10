package story

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

var sprintf = fmt.Sprintf

// TestEdited: a correction of figures or a flash filled in is still its story; another day's
// release of a template, or another story under the same link, is not.
func TestEdited(t *testing.T) {
	const (
		bydTitle = "【比亚迪：10月新能源汽车销量%s万辆】"
		bydBody  = "<p>财联社11月1日电，比亚迪公告，10月新能源汽车销量%s万辆，同比增长%s%%；1-10月累计销量238.1万辆。其中海外销量2.3万辆，创历史新高。</p>"
		flash    = "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%；净利润378.3亿元，同比增长12.5%。</p>"
		rail     = "<p>财联社10月%d日电，据国铁集团消息，%d日全国铁路预计发送旅客1050万人次，计划加开旅客列车1066列。</p>"
	)
	for _, tt := range []struct {
		name              string
		oldTitle, oldBody string
		newTitle, newBody string
		want              bool
	}{
		{"figures corrected", sprintf(bydTitle, "30.2"), sprintf(bydBody, "30.2", "66.5"),
			sprintf(bydTitle, "50.2"), sprintf(bydBody, "50.2", "38.4"), true},
		{"a flash filled in", "宁德时代：前三季度净利润同比增长12.5%", flash,
			"宁德时代三季报：净利润增12.5% 储能出货创新高", flash +
				"<p>公司表示，海外市场收入占比继续提升，欧洲工厂产能爬坡顺利，匈牙利基地预计明年投产。截至10月20日收盘，宁德时代股价报收于256.8元。</p>", true},
		{"another day's release", "10月3日全国铁路预计发送旅客1050万人次", sprintf(rail, 3, 3),
			"10月5日全国铁路预计发送旅客1050万人次", sprintf(rail, 5, 5), false},
		{"an English figure corrected", "Kessler Motors recalls 12,000 trucks over brake defect",
			"DETROIT (AP) - Kessler Motors is recalling 12,000 pickup trucks in the United States because a brake line can chafe and leak fluid, raising the risk of a crash, the National Highway Traffic Safety Administration said Monday. Dealers will replace the line free of charge.",
			"Kessler Motors recalls 21,000 trucks over brake defect",
			"DETROIT (AP) - Kessler Motors is recalling 21,000 pickup trucks in the United States because a brake line can chafe and leak fluid, raising the risk of a crash, the National Highway Traffic Safety Administration said Monday. Dealers will replace the line free of charge. Owners will be notified by mail.", true},
		{"the same wire's next recall", "Kessler Motors recalls 12,000 trucks over brake defect",
			"DETROIT (AP) - Kessler Motors is recalling 12,000 pickup trucks in the United States because a brake line can chafe and leak fluid, raising the risk of a crash, the National Highway Traffic Safety Administration said Monday. Dealers will replace the line free of charge.",
			"Kessler Motors recalls 8,000 SUVs as airbags may not deploy",
			"DETROIT (AP) - Kessler Motors is recalling 8,000 sport utility vehicles in the United States because the front passenger airbag may not deploy in a crash, the National Highway Traffic Safety Administration said Monday. Dealers will replace the sensor free of charge.", false},
		{"another story", "宁德时代：前三季度净利润同比增长12.5%", flash,
			"国家统计局：10月份CPI同比上涨0.3%", "<p>国家统计局11月9日发布数据，10月份全国居民消费价格同比上涨0.3%，环比下降0.1%。</p>", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			old := Fingerprint(tt.oldTitle, tt.oldBody, t0)
			new := Fingerprint(tt.newTitle, tt.newBody, t0)
			if got := Edited(old, new, Options{}); got != tt.want {
				t.Errorf("Edited = %v, want %v (score %.3f)", got, tt.want, Score(old, new, Options{}))
			}
		})
	}
}

// TestPrintEqual: a print equals one of the same values at the same instant in any location, and
// no print that differs in its time, letters, shingles or facts; a change past the letters a print
// reads leaves it equal.
func TestPrintEqual(t *testing.T) {
	p := Fingerprint("宁德时代：前三季度净利润同比增长12.5%", "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%。</p>", t0)
	long := strings.Repeat("<p>公司表示，海外市场收入占比继续提升，欧洲工厂产能爬坡顺利。</p>", 60)
	viewed := func(n int) Print { return Fingerprint("标题", long+fmt.Sprintf("<p>阅读 %d</p>", n), t0) }
	moved := p
	moved.Time = t0.In(time.FixedZone("CST", 8*3600))
	for _, tt := range []struct {
		name string
		a, b Print
		want bool
	}{
		{"itself", p, p, true},
		{"another location", p, moved, true},
		{"a counter past the letters read", viewed(12), viewed(13), true},
		{"another time", p, Fingerprint("宁德时代：前三季度净利润同比增长12.5%", "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%。</p>", t0.Add(time.Second)), false},
		{"another figure", p, Fingerprint("宁德时代：前三季度净利润同比增长12.6%", "<p>财联社10月20日电，宁德时代公告，前三季度实现营业收入2830.7亿元，同比下降3.2%。</p>", t0), false},
		{"another text", p, viewed(1), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Equal(tt.b); got != tt.want {
				t.Errorf("Equal = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestEditedOnPairs reads our labelled pairs as if one text of each were an edit of the other under
// one link: every same-story copy that keeps the text (a lead, a retitle, a format change, an
// update) is an edit, and no pair of two stories that only share a site's boilerplate, or a
// company or a topic (en-topic, zh-topic), is. It logs
// how many pairs of each family would move a print (either way round): the figures the README
// quotes, among them the templates that text cannot tell from a correction.
func TestEditedOnPairs(t *testing.T) {
	type count struct{ edits, pairs int }
	families := map[string]count{}
	for _, p := range readJSONL(t, "testdata/pairs.jsonl") {
		a := Fingerprint(p.A.Title, p.A.Body, t0)
		b := Fingerprint(p.B.Title, p.B.Body, t0)
		edit := Edited(a, b, Options{}) || Edited(b, a, Options{})
		family, _, _ := strings.Cut(p.How, ":")
		switch {
		case p.Label == 1 && !edit && (family == "lead" || family == "retitle" || family == "format" || family == "update"):
			t.Errorf("%s (%s): not an edit of the same story", p.ID, p.How)
		case p.Label == 0 && edit && (family == "boilerplate" || family == "en-topic" || family == "zh-topic"):
			t.Errorf("%s (%s): another story sharing boilerplate, a company or a topic reads as an edit", p.ID, p.How)
		}
		key := fmt.Sprintf("%s (label %d)", family, p.Label)
		c := families[key]
		c.pairs++
		if edit {
			c.edits++
		}
		families[key] = c
	}
	for _, k := range slices.Sorted(maps.Keys(families)) {
		t.Logf("%-24s %2d of %2d would move a print", k, families[k].edits, families[k].pairs)
	}
}
