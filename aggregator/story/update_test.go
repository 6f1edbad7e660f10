package story

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// digestItems are a day's evening-news digest, as 财联社 telegraphs it: numbered items, a few with
// figures.
var digestItems = []string{
	"纪念大会在京隆重举行，发表重要讲话",
	"央视快评：携手向着目标继续奋勇前进",
	"新疆：生态产业协同发展，添绿又生金",
	"生物多样性大会召开在即，新闻中心正式开放",
	"汾河运城段迎近40年最大洪峰，各方力量积极应对",
	"台风登陆海南琼海，华南迎强风雨",
	"国家卫健委：昨日新增确诊病例17例，均为境外输入病例",
	"多举措保障优质家政服务有效供给",
	"七部门联合部署退役士兵教育培训工作",
	"长三角一体化示范区发布首个跨省域规划建设导则",
	"服装服饰博览会今天开幕，参展企业超过1200家",
	"首届新电商大会今天在长春举行",
	"专家在人权理事会揭批人权劣迹",
	"全球新冠肺炎确诊病例超2亿3659万",
}

// digest writes the digest of the given items under a headline that counts them, dated day.
func digest(day string, items []string) (title, body string) {
	title = fmt.Sprintf("%s周六《新闻联播》要闻%d条", day, len(items))
	var b strings.Builder
	fmt.Fprintf(&b, "【%s】财联社%s电，今天《新闻联播》主要内容有：", title, day)
	for i, it := range items {
		fmt.Fprintf(&b, " %d、%s。", i+1, it)
	}
	return title, b.String()
}

// TestUpdatedDigest: a digest re-sent with items added and its headline's count raised
// (《新闻联播》要闻12条 → 14条, how ../shared/neardup labels it: the same story) is one story,
// though its headline figure disagrees; the same headline figure changing with nothing added, or
// with another day, another figure or little text in common, stays a different story.
func TestUpdatedDigest(t *testing.T) {
	at := time.Date(2021, 10, 9, 12, 4, 41, 0, time.UTC)
	first12 := append(append([]string{}, digestItems[:10]...), digestItems[12:]...)
	// Three of first12's items replaced by others, two more added: a quarter of it is not in the
	// larger, too much for an update.
	replaced := append([]string{"国务院常务会议部署推进新型城镇化建设", "央行开展公开市场操作维护流动性合理充裕",
		"多地出台措施稳定生猪生产保障市场供应"}, digestItems[3:]...)
	changed := append([]string{}, digestItems...)
	changed[6] = "国家卫健委：昨日新增确诊病例23例，均为境外输入病例"
	for _, tc := range []struct {
		name   string
		aDay   string
		a      []string
		bDay   string
		b      []string
		bTitle func(string) string
		same   bool
	}{
		{"two items added, count raised", "10月9日", first12, "10月9日", digestItems, nil, true},
		{"the same, other way round", "10月9日", digestItems, "10月9日", first12, nil, true},
		{"count changed, nothing added", "10月9日", first12, "10月9日", first12,
			func(s string) string { return strings.Replace(s, "要闻12条", "要闻13条", 1) }, false},
		{"items added, another day", "10月9日", first12, "10月10日", digestItems, nil, false},
		{"items added, a figure changed", "10月9日", first12, "10月9日", changed, nil, false},
		{"another digest of the day, count raised", "10月9日", digestItems[:6], "10月9日", digestItems[4:], nil, false},
		{"items added, three of the first replaced", "10月9日", first12, "10月9日", replaced, nil, false},
		// Without a date that both agree on, a changed headline figure is not taken for an update.
		{"items added, no date", "", first12, "", digestItems, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ta, ba := digest(tc.aDay, tc.a)
			tb, bb := digest(tc.bDay, tc.b)
			if tc.bTitle != nil {
				tb, bb = tc.bTitle(tb), tc.bTitle(bb)
			}
			a, b := Fingerprint(ta, ba, at), Fingerprint(tb, bb, at.Add(time.Minute))
			s, r := Score(a, b, Options{}), Score(b, a, Options{})
			if s != r {
				t.Fatalf("Score not symmetric: %v, %v", s, r)
			}
			if got := s >= DefaultThreshold; got != tc.same {
				t.Errorf("%s ‖ %s: score %.3f, one story %v, want %v", ta, tb, s, got, tc.same)
			}
		})
	}
}
