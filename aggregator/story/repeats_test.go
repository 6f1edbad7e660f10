package story

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"tributary/aggregator/testenv"
)

// TestEdgeRuns: the runs a Repeats counts are a text's first two and last two, between tags, line
// breaks and sentence ends, at least minRunBytes long.
func TestEdgeRuns(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"", nil},
		{"短句。", nil},
		{"<p>云岭股份公告净利润增长。</p>", []string{"云岭股份公告净利润增长"}},
		{"<p>第一段文字在这里。</p><p>第二段文字在这里。</p>", []string{"第一段文字在这里", "第二段文字在这里"}},
		{"一一一一一一。二二二二二二。三三三三三三。四四四四四四。五五五五五五。", []string{"一一一一一一", "二二二二二二", "四四四四四四", "五五五五五五"}},
		{"一一一一一一\n二二二二二二\n三三三三三三", []string{"一一一一一一", "二二二二二二", "三三三三三三"}},
		{"点击查看>>更多内容请见这里\n<b>责任编辑：王蒙蒙</b>", []string{"点击查看>>更多内容请见这里", "责任编辑：王蒙蒙"}},
		{"a < b 且 c 大于 d 的情况下<br>后面还有一段话呢", []string{"a < b 且 c 大于 d 的情况下", "后面还有一段话呢"}},
	}
	for _, tt := range tests {
		var runs [4]span
		n := edgeRuns(tt.body, &runs)
		var got []string
		for _, r := range runs[:n] {
			got = append(got, tt.body[r.lo:r.hi])
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("edgeRuns(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

// TestRepeatsStrip: what a source says around all its items is left out once it has said it often
// enough, and only that: a lead that a few of its items share (a story's updates) stays, and so does
// a text that would keep nothing else.
func TestRepeatsStrip(t *testing.T) {
	const foot = "<p>本文由某某财经整理发布，仅供参考，不构成任何投资建议</p><p>更多资讯请下载某某财经客户端</p>"
	item := func(i int) string {
		return fmt.Sprintf("<p>第%d家公司今日公告，经营情况良好，营收%d亿元。</p>", i, 100+i) + foot
	}
	var r Repeats
	if got := r.Strip(item(0)); got != item(0) {
		t.Errorf("before anything is observed: %q", got)
	}
	for i := range 4 {
		r.Learn([]string{item(i)}, nil)
	}
	if got := r.Strip(item(9)); got != item(9) {
		t.Errorf("after 4 items (repeatMin %d): %q, want it whole", repeatMin, got)
	}
	r.Learn([]string{item(4)}, nil)
	want := "<p>第9家公司今日公告，经营情况良好，营收109亿元。</p><p>"
	if got := r.Strip(item(9)); got != want {
		t.Errorf("after 5 items: %q, want %q", got, want)
	}
	// A lead that three updates share, among the source's items: not its boilerplate.
	lead := "<p>突发：某地发生五级地震，震源深度十公里。</p>"
	for i := range 3 {
		r.Learn([]string{lead + fmt.Sprintf("<p>更新%d：暂无人员伤亡报告，救援队伍已经出发。</p>", i) + foot}, nil)
	}
	for i := 5; i < 10; i++ {
		r.Learn([]string{item(i)}, nil)
	}
	update := lead + "<p>更新3：当地已经恢复供电，学校停课一天。</p>" + foot
	if got := r.Strip(update); !strings.HasPrefix(got, lead) || strings.Contains(got, "客户端") {
		t.Errorf("an update: %q, want its lead kept and the footer left out", got)
	}
	// The footer alone: nothing else to print, so it is the text.
	if got := r.Strip(foot); got != foot {
		t.Errorf("the footer alone: %q", got)
	}
	var none *Repeats
	if got := none.Strip(item(1)); got != item(1) {
		t.Errorf("a nil Repeats: %q", got)
	}
}

// TestRepeatsBounded: a source that sends a new text every time holds a Repeats of fixed size that
// still knows its footer; and one that drops its footer forgets it.
func TestRepeatsBounded(t *testing.T) {
	const foot = "<p>免费订阅本站每日精选推送服务</p>"
	var r Repeats
	for i := range 3000 {
		r.Learn([]string{fmt.Sprintf("<p>独家稿件编号%d号的正文内容在这里。</p><p>第二段编号%d号。</p>", i, i) + foot}, nil)
	}
	if got := r.Strip("<p>一篇新的稿件正文内容在这里。</p>" + foot); strings.Contains(got, "订阅") {
		t.Errorf("after 3000 items: %q, want the footer left out", got)
	}
	for i := range 3000 {
		r.Learn([]string{fmt.Sprintf("<p>改版后的稿件编号%d号的正文内容。</p><p>第二段编号%d号。</p>", i, i)}, nil)
	}
	if got := r.Strip("<p>一篇新的稿件正文内容在这里。</p>" + foot); !strings.Contains(got, "订阅") {
		t.Errorf("3000 items after the footer was dropped: %q, want it kept", got)
	}
}

// TestRepeatsApart: a publisher's footer that no list knows, under two stories of one company, no
// longer makes them one story once the source's items have shown it.
func TestRepeatsApart(t *testing.T) {
	const foot = "<p>以上内容为本站据公开信息整理，由算法生成，不构成投资建议。</p>"
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	a := [2]string{"云岭股份：前三季度净利润同比增长12%", "<p>云岭股份公告，前三季度净利润4.2亿元，同比增长12%。</p>" + foot}
	b := [2]string{"云岭股份：董事王明辞职", "<p>云岭股份公告，董事王明因个人原因辞去董事职务。</p>" + foot}
	o := Options{}.withDefaults()
	// Their names tell these two apart too (names.go): set aside, as in prints stored before them.
	pa, pb := Fingerprint(a[0], a[1], at), Fingerprint(b[0], b[1], at.Add(time.Hour))
	pa.Names, pb.Names = nil, nil
	if s := Score(pa, pb, o); s < o.Threshold {
		t.Fatalf("without the source's repeats: Score = %.3f; the attack no longer applies, rewrite the test", s)
	}
	var r Repeats
	for i := range 20 {
		r.Learn([]string{fmt.Sprintf("<p>第%d条快讯的正文内容。</p>", i) + foot}, nil)
	}
	pa, pb = Fingerprint(a[0], r.Strip(a[1]), at), Fingerprint(b[0], r.Strip(b[1]), at.Add(time.Hour))
	pa.Names, pb.Names = nil, nil
	if s := Score(pa, pb, o); s >= o.Threshold {
		t.Errorf("with the source's repeats: Score = %.3f, want two stories", s)
	}
}

// TestRepeatsLearn: a source's first fetch teaches its footer to the prints of that same fetch.
func TestRepeatsLearn(t *testing.T) {
	const foot = "<p>以上内容为本站据公开信息整理，由算法生成，不构成投资建议</p>"
	var bodies []string
	for i := range 50 {
		bodies = append(bodies, fmt.Sprintf("<p>第%d条快讯的正文内容在这里。</p>", i)+foot)
	}
	var r Repeats
	out := r.Learn(bodies, nil)
	for i, got := range out {
		if strings.Contains(got, "算法") || !strings.Contains(got, "快讯") {
			t.Fatalf("item %d of the first fetch: %q, want its text without the footer", i, got)
		}
	}
	if len(out) != len(bodies) {
		t.Fatalf("%d texts back for %d", len(out), len(bodies))
	}
}

// TestRepeatsOnRealFeeds: learnt on real feeds' texts, each source's own, a source's boilerplate is
// 新浪财经's footer and nothing of 财联社's, 证券时报's or 中证网's texts; no labelled pair of
// ../shared/neardup changes its decision, and no post of ../shared/realposts (财联社's telegraphs and
// depth articles, in feeds of twenty) loses a word.
func TestRepeatsOnRealFeeds(t *testing.T) {
	type doc struct{ Title, Body, Date, Source string }
	type labelled struct {
		ID    string
		Label int
		A, B  doc
	}
	raw, err := os.ReadFile(testenv.Shared(t, "neardup/pairs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var pairs []labelled
	bySource := map[string]map[string]doc{}
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		var p labelled
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, p)
		for _, d := range []doc{p.A, p.B} {
			if bySource[d.Source] == nil {
				bySource[d.Source] = map[string]doc{}
			}
			bySource[d.Source][d.Title] = d
		}
	}
	learnt := map[doc]string{}
	for src, docs := range bySource {
		var titles []string
		for title := range docs {
			titles = append(titles, title)
		}
		sort.Strings(titles)
		bodies := make([]string, len(titles))
		for i, title := range titles {
			bodies[i] = docs[title].Body
		}
		var r Repeats
		changed := 0
		for i, got := range r.Learn(bodies, nil) {
			learnt[docs[titles[i]]] = got
			if got == bodies[i] {
				continue
			}
			changed++
			if !strings.HasPrefix(bodies[i], got) || !strings.Contains(bodies[i][len(got):], "海量资讯") {
				t.Errorf("%s: %q left out of %q, want its footer only", src, bodies[i][len(got):], titles[i])
			}
		}
		if strings.HasPrefix(src, "新浪财经") != (changed > 0) || strings.HasPrefix(src, "新浪财经") && changed < len(bodies)/2 {
			t.Errorf("%s: %d of %d texts changed", src, changed, len(bodies))
		}
	}
	o := Options{}.withDefaults()
	for _, p := range pairs {
		printOf := func(d doc, body string) Print { return Fingerprint(d.Title, body, parseDate(t, d.Date)) }
		before := Score(printOf(p.A, p.A.Body), printOf(p.B, p.B.Body), o)
		after := Score(printOf(p.A, learnt[p.A]), printOf(p.B, learnt[p.B]), o)
		if (before >= o.Threshold) != (after >= o.Threshold) {
			t.Errorf("neardup %s (label %d): %.3f before, %.3f with the sources' repeats left out", p.ID, p.Label, before, after)
		}
	}
	dir := filepath.Dir(testenv.Shared(t, "realposts/pairs.tsv"))
	for _, folder := range []string{"电报", "深度"} {
		entries, err := os.ReadDir(filepath.Join(dir, folder))
		if err != nil {
			t.Fatal(err)
		}
		var bodies []string
		for _, e := range entries {
			if !e.IsDir() {
				bodies = append(bodies, readPost(t, filepath.Join(dir, folder, e.Name())).Body)
			}
		}
		var r Repeats
		for i := 0; i < len(bodies); i += 20 {
			feed := bodies[i:min(len(bodies), i+20)]
			for j, got := range r.Learn(feed, nil) {
				if got != feed[j] {
					t.Errorf("realposts %s: %q left out", folder, feed[j][len(got):])
				}
			}
		}
		if len(bodies) < 100 {
			t.Errorf("realposts %s: %d posts", folder, len(bodies))
		}
	}
}

// BenchmarkRepeats: what a source's repeats cost a print: Learn over a fetch of 50 texts of 3 KB,
// "ns/text" a text.
func BenchmarkRepeats(b *testing.B) {
	var bodies []string
	for i := range 50 {
		bodies = append(bodies, "<p>"+strings.Repeat(fmt.Sprintf("云岭股份12月%d日晚间公告，公司前三季度实现营业收入32.5亿元，同比增长8.1%%；净利润4.2亿元。", i%28+1), 30)+"</p><p>免费订阅本站每日精选推送服务</p>")
	}
	var r Repeats
	out := make([]string, 0, len(bodies))
	for b.Loop() {
		out = r.Learn(bodies, out)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bodies)), "ns/text")
}
