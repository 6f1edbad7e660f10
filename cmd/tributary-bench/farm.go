package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"html"
	"math/rand/v2"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// farm is the built-in feed farm: n feeds of m items with ~3 KB HTML bodies (zh-CN, or English:
// lang.go), even feeds RSS
// 2.0 (CDATA, like WordPress), odd feeds Atom (escaped HTML, costlier to parse); a share of stories
// carried by several feeds (same link, title and body); weak ETags with 304; gzip; and change(),
// which replaces a fraction of every feed's items. Feeds are rendered once per version and cached,
// so the farm's own CPU stays small and is reported separately.
type farm struct {
	n, m      int
	bodyBytes int
	dupFrac   float64
	// nearFrac is the share of items that re-publish another feed's item of the same position as a
	// near-duplicate: a reworded title, another link, an edited lead (story grouping's work).
	nearFrac float64
	baseURL  string
	// lang is the language of the texts.
	lang *farmLang

	mu      sync.Mutex
	epoch   int // bumped by change
	shift   int // items replaced so far per feed
	cache   map[int]*rendered
	stories []story
	// base is the date of item 0: an hour before the farm started, so that items are as recent as a
	// live feed's (story grouping ignores articles dated before its window).
	base time.Time
}

type story struct{ title, body string }

type rendered struct {
	plain, gz []byte
	etag      string
	modified  string
}

var zhSentences = []string{
	"国家统计局今日发布数据显示，前三季度国内生产总值同比增长5.2%，经济运行总体平稳。",
	"分析人士认为，随着稳增长政策持续发力，市场信心正在逐步恢复，消费与投资均有改善。",
	"央行表示将继续实施稳健的货币政策，保持流动性合理充裕，引导金融机构加大对实体经济的支持。",
	"多家券商研报指出，AI产业链上下游景气度回升，算力、存储和光模块板块有望持续受益。",
	"截至收盘，沪指涨0.86%，深成指涨1.12%，创业板指涨1.45%，两市成交额突破万亿元。",
	"业内人士表示，新能源汽车出口保持高速增长，但海外贸易壁垒带来的不确定性仍需警惕。",
	"该公司公告称，拟以自有资金回购股份，回购价格不超过每股35元，用于员工持股计划。",
	"有关部门负责人在发布会上介绍，下一步将进一步优化营商环境，推动民营经济高质量发展。",
	"市场监管总局通报了一批典型案例，涉及价格欺诈、虚假宣传和不正当竞争等违法行为。",
	"据财联社记者了解，多地楼市政策继续松绑，部分城市已全面取消限购，成交量环比回升。",
}

var zhNames = []string{
	"北京", "上海", "深圳", "广州", "杭州", "成都", "武汉", "南京", "重庆", "西安", "苏州", "天津",
	"宁德时代", "比亚迪", "贵州茅台", "招商银行", "中国平安", "隆基绿能", "中芯国际", "药明康德",
	"海康威视", "美的集团", "格力电器", "万科", "中信证券", "东方财富", "京东方", "立讯精密",
}

func newFarm(n, m, bodyBytes int, dupFrac, nearFrac float64, lang *farmLang) *farm {
	f := &farm{n: n, m: m, bodyBytes: bodyBytes, dupFrac: dupFrac, nearFrac: nearFrac, lang: lang, cache: map[int]*rendered{},
		base: time.Now().UTC().Add(-time.Hour).Truncate(time.Minute)}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range max(1, n*m/40) { // shared stories; each is carried by ~4 feeds
		f.stories = append(f.stories, story{title: lang.shared(i, lang.sentences[i%len(lang.sentences)]), body: makeBody(rng, bodyBytes, i, lang)})
	}
	return f
}

// makeBody builds an HTML body like the real sources': <p> paragraphs with strong, links, a figure.
func makeBody(rng *rand.Rand, size, id int, lang *farmLang) string {
	var b strings.Builder
	para := 0
	for b.Len() < size {
		b.WriteString("<p>")
		for range 3 {
			lang.sentence(&b, rng)
		}
		if para%2 == 0 {
			fmt.Fprintf(&b, `<strong>%s</strong><a href="https://example.com/news/%d?utm_source=rss">%s</a>`, lang.strong, id, lang.related)
		}
		b.WriteString("</p>\n")
		if para == 0 {
			fmt.Fprintf(&b, `<figure><img src="https://img.example.com/images/%d.jpg" referrerpolicy="no-referrer"><figcaption>%s</figcaption></figure>`+"\n", id, lang.caption)
		}
		para++
	}
	return b.String()
}

// hanzi are the characters of zhSentences: the farm's words are made of them.
var hanzi = func() []rune {
	seen := map[rune]bool{}
	var out []rune
	for _, s := range zhSentences {
		for _, c := range s {
			if c >= 0x4e00 && c <= 0x9fff && !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}()

// writeSentence writes one sentence of a body. Different stories must not share their text: with
// bodies drawn from ten fixed sentences, every item of the farm read as one story to a
// near-duplicate matcher (and every shingle was in every print). So most sentences are two-character
// words drawn from the sentences' characters, with a name and figures of their own; one in eight is
// one of the fixed sentences, the phrases that real stories share.
func writeSentence(b *strings.Builder, rng *rand.Rand) {
	if rng.IntN(8) == 0 {
		b.WriteString(zhSentences[rng.IntN(len(zhSentences))])
		return
	}
	b.WriteString(zhNames[rng.IntN(len(zhNames))])
	for w := range 6 + rng.IntN(8) {
		if w == 4 {
			fmt.Fprintf(b, "%d.%d%%，", rng.IntN(100), rng.IntN(10))
		}
		b.WriteRune(hanzi[rng.IntN(len(hanzi))])
		b.WriteRune(hanzi[rng.IntN(len(hanzi))])
	}
	b.WriteString("。")
}

// listen serves the farm on 127.0.0.1 (port 0) and returns its address.
func (f *farm) listen() (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	f.baseURL = "http://" + ln.Addr().String()
	srv := &http.Server{Handler: http.HandlerFunc(f.serve)}
	go srv.Serve(ln)
	return ln.Addr().String(), func() { srv.Close() }, nil
}

// change replaces frac of every feed's items with new ones: the next round fetches every feed
// (new ETag) but most entries are unchanged.
func (f *farm) change(frac float64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.epoch++
	f.shift += max(1, int(float64(f.m)*frac+0.5))
	f.cache = map[int]*rendered{}
}

func (f *farm) serve(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/feed/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	i, err := strconv.Atoi(strings.TrimSuffix(name, ".xml"))
	if err != nil || i < 0 || i >= f.n {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	// A request that names the current version is answered without rendering the feed: with
	// -from-db the farm's cache starts empty, and rendering 10,000 feeds under its lock would
	// make the 304 round measure the farm.
	etag, modified := f.version(i)
	if inm := r.Header.Get("If-None-Match"); inm != "" && strings.Contains(inm, strings.TrimPrefix(etag, "W/")) {
		h.Set("ETag", etag)
		h.Set("Last-Modified", modified)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	fd := f.feed(i)
	h.Set("ETag", fd.etag)
	h.Set("Last-Modified", fd.modified)
	if inm := r.Header.Get("If-None-Match"); inm != "" && strings.Contains(inm, strings.TrimPrefix(fd.etag, "W/")) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if i%2 == 0 {
		h.Set("Content-Type", "application/rss+xml; charset=utf-8")
	} else {
		h.Set("Content-Type", "application/atom+xml; charset=utf-8")
	}
	body := fd.plain
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		body = fd.gz
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// prerender renders every feed of the current epoch before a round, on all cores: a real feed's
// server is another machine, so the farm must not spend the daemon's cores while it is measured
// (rendering and gzipping 500 feeds of 50 items took 4–6 CPU-s, which made the full refresh's wall
// time measure the farm as much as the daemon).
func (f *farm) prerender() {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]*rendered, f.n)
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.NumCPU() {
		wg.Go(func() {
			for i := range next {
				out[i] = f.render(i)
			}
		})
	}
	for i := range f.n {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, fd := range out {
		f.cache[i] = fd
	}
}

func (f *farm) feed(i int) *rendered {
	f.mu.Lock()
	defer f.mu.Unlock()
	if fd, ok := f.cache[i]; ok {
		return fd
	}
	fd := f.render(i)
	f.cache[i] = fd
	return fd
}

// version is feed i's ETag and Last-Modified at the current epoch, the validators of render's
// feed too. They depend on the epoch alone, not on when the farm started: a database saved by one
// run (-from-db) holds the validators the next run's farm answers with. A 304 that named another
// Last-Modified than the 200 before it (as it once did) is a changed validator, which the daemon
// saves at once, source by source: the first 304 round after a full refresh then measured 10,000
// durable commits instead of a round of 304s.
func (f *farm) version(i int) (etag, modified string) {
	f.mu.Lock()
	epoch := f.epoch
	f.mu.Unlock()
	return versionAt(i, epoch)
}

func versionAt(i, epoch int) (etag, modified string) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return fmt.Sprintf(`W/"%d-%d"`, i, epoch), base.Add(time.Duration(epoch) * time.Hour).Format(http.TimeFormat)
}

// render builds feed i at the current epoch: items shift..shift+m-1 of its sequence, newest first.
func (f *farm) render(i int) *rendered {
	base := f.base
	modified := base.Add(time.Duration(f.epoch) * time.Hour)
	var b bytes.Buffer
	atom := i%2 == 1
	if atom {
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>`+"\n"+`<feed xmlns="http://www.w3.org/2005/Atom"><title>%s %d</title><id>tag:bench,2026:feed/%d</id><updated>%s</updated><link href="%s/site/%d/"/>`+"\n", f.lang.feed, i, i, modified.Format(time.RFC3339), f.baseURL, i)
	} else {
		fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>`+"\n"+`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>%s %d</title><link>%s/site/%d/</link><description>%s</description>`+"\n", f.lang.feed, i, f.baseURL, i, f.lang.description)
	}
	for k := f.m - 1; k >= 0; k-- {
		seq := f.shift + k
		title, link, body := f.item(i, seq)
		if f.nearFrac > 0 && f.n > 1 {
			// A near-duplicate of another feed's item: its own stream of randomness, so that the
			// items of the farm without near copies stay what they were.
			nr := rand.New(rand.NewPCG(uint64(i)^0x5eed, uint64(seq)))
			if nr.Float64() < f.nearFrac {
				j := (i + 1 + nr.IntN(f.n-1)) % f.n
				t, _, b := f.item(j, seq)
				title = f.lang.near(t)
				link = fmt.Sprintf("%s/article/near-%d-%d.html", f.baseURL, i, seq)
				body = editLead(b, f.lang.sentences[nr.IntN(len(f.lang.sentences))])
			}
		}
		date := base.Add(time.Duration(seq) * time.Minute)
		guid := fmt.Sprintf("tag:bench,2026:feed/%d/item/%d", i, seq)
		if atom {
			fmt.Fprintf(&b, "<entry><title>%s</title><id>%s</id><link href=%q/><updated>%s</updated><author><name>%s%d</name></author><category term=\"%s\"/><summary type=\"html\">%s</summary><content type=\"html\">%s</content></entry>\n",
				html.EscapeString(title), guid, link, date.Format(time.RFC3339), f.lang.author, i, f.lang.category, html.EscapeString(f.lang.sentences[seq%len(f.lang.sentences)]), html.EscapeString(body))
		} else {
			fmt.Fprintf(&b, "<item><title>%s</title><guid isPermaLink=\"false\">%s</guid><link>%s</link><pubDate>%s</pubDate><dc:creator>%s%d</dc:creator><category>%s</category><description><![CDATA[%s]]></description><content:encoded><![CDATA[%s]]></content:encoded></item>\n",
				html.EscapeString(title), guid, link, date.In(time.FixedZone("", 8*3600)).Format(time.RFC1123Z), f.lang.author, i, f.lang.category, f.lang.sentences[seq%len(f.lang.sentences)], body)
		}
	}
	if atom {
		b.WriteString("</feed>\n")
	} else {
		b.WriteString("</channel></rss>\n")
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(b.Bytes())
	zw.Close()
	etag, lastModified := versionAt(i, f.epoch)
	return &rendered{plain: b.Bytes(), gz: gz.Bytes(), etag: etag, modified: lastModified}
}

// item is feed i's own item at position seq: title, link and body.
func (f *farm) item(i, seq int) (title, link, body string) {
	rng := rand.New(rand.NewPCG(uint64(i), uint64(seq)))
	title = f.lang.item(i, seq, f.lang.sentences[rng.IntN(len(f.lang.sentences))])
	link = fmt.Sprintf("%s/article/%d-%d.html", f.baseURL, i, seq)
	if rng.Float64() < f.dupFrac {
		// Shared: the same link, title and body in every feed that carries it.
		idx := rng.IntN(len(f.stories))
		s := f.stories[idx]
		return s.title, fmt.Sprintf("%s/article/s%d.html", f.baseURL, idx), s.body
	}
	return title, link, makeBody(rng, f.bodyBytes, i*100000+seq, f.lang)
}

// editLead replaces the first paragraph of body with lead, as an editor rewriting a copy's lead.
func editLead(body, lead string) string {
	if _, rest, ok := strings.Cut(body, "</p>\n"); ok {
		return "<p>" + lead + "</p>\n" + rest
	}
	return "<p>" + lead + "</p>\n" + body
}

// runes is the first n runes of s.
func runes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}
