package story

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fixture reads a shared fixture post (aggregator/testdata) and returns its title and body.
func fixture(tb testing.TB, rel string) (title, body string) {
	tb.Helper()
	d := readPost(tb, filepath.Join("..", "testdata", filepath.FromSlash(rel)))
	return d.Title, d.Body
}

// BenchmarkFingerprint: the seed 深度 article cut to 3.3 KB of HTML body, and a 电报 flash, each
// printed over and over; and "pairs", the 436 texts of testdata/pairs.jsonl each printed once a
// loop (ns/text), as a daemon prints each article once: printing one text again and again lets the
// processor's branch predictor learn where its samples fall, which hides what mispredicted
// branches cost; "english", the English texts of the pairs alone. The budget is about 8 µs for the
// article.
func BenchmarkFingerprint(b *testing.B) {
	all := readJSONL(b, filepath.Join("testdata", "pairs.jsonl"))
	for _, set := range []struct {
		name  string
		pairs []pair
	}{
		{"pairs", all},
		// The English texts alone: their prints also read the text's words as written (words.go).
		{"english", languageOf(all, true)},
	} {
		b.Run(set.name, func(b *testing.B) {
			var titles, bodies []string
			for _, p := range set.pairs {
				titles = append(titles, p.A.Title, p.B.Title)
				bodies = append(bodies, p.A.Body, p.B.Body)
			}
			for b.Loop() {
				for i := range titles {
					Fingerprint(titles[i], bodies[i], t0)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(titles)), "ns/text")
		})
	}
	at, ab := fixture(b, "seed/cls-depth-article.md")
	ft, fb := fixture(b, "realposts/电报/1-10月全国社会物流总额2618万亿元 同比增长105%.md")
	for _, c := range []struct{ name, title, body string }{
		{"article3.3KB", at, strings.ToValidUTF8(ab[:min(len(ab), 3300)], "")},
		{"flash", ft, fb},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.title) + len(c.body)))
			var p Print
			for b.Loop() {
				p = Fingerprint(c.title, c.body, t0)
			}
			enc, _ := p.AppendBinary(nil)
			b.ReportMetric(float64(len(enc)), "print-bytes")
		})
	}
}

// corpusRunes returns the Han characters of every fixture post, with their real frequencies, to
// draw synthetic articles from.
func corpusRunes(tb testing.TB) []rune {
	tb.Helper()
	var rs []rune
	for _, dir := range []string{"realposts/深度", "realposts/电报", "seed"} {
		es, err := os.ReadDir(filepath.Join("..", "testdata", filepath.FromSlash(dir)))
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range es {
			_, body := fixture(tb, dir+"/"+e.Name())
			for _, r := range body {
				if r >= 0x4E00 && r <= 0x9FFF {
					rs = append(rs, r)
				}
			}
		}
	}
	return rs
}

// syntheticTexts makes n articles of 100 to 1,500 Han characters drawn from the corpus's
// character frequencies, as HTML paragraphs opened by the 财联社 dateline boilerplate and carrying a
// few numbers: different stories that share boilerplate and common words, the way a window of real
// feeds does. It returns titles, bodies and dates.
func syntheticTexts(tb testing.TB, r *rand.Rand, n int) (titles, bodies []string, dates []time.Time) {
	rs := corpusRunes(tb)
	var sb strings.Builder
	for range n {
		sb.Reset()
		title := make([]rune, 12+r.IntN(14))
		for k := range title {
			title[k] = rs[r.IntN(len(rs))]
		}
		fmt.Fprintf(&sb, "<p>【%s】财联社10月%d日电，", string(title), 1+r.IntN(5))
		for k := range 100 + r.IntN(1400) {
			sb.WriteRune(rs[r.IntN(len(rs))])
			if k%97 == 0 {
				fmt.Fprintf(&sb, "%d.%d%%", r.IntN(100), r.IntN(10))
			}
			if k%200 == 199 {
				sb.WriteString(`</p><p><strong>重点</strong>`)
			}
		}
		sb.WriteString("</p>")
		titles = append(titles, string(title))
		bodies = append(bodies, sb.String())
		dates = append(dates, t0.Add(time.Duration(r.IntN(36*3600))*time.Second))
	}
	return titles, bodies, dates
}

// englishWords is the words of the English texts of our labelled pairs, as written (capitals
// kept), in the order met: drawn at random, common words come often and names seldom.
func englishWords(tb testing.TB) []string {
	tb.Helper()
	var ws []string
	for _, p := range readJSONL(tb, filepath.Join("testdata", "pairs.jsonl")) {
		if strings.HasPrefix(p.How, "en-") {
			ws = append(ws, strings.Fields(p.A.Title+" "+p.A.Body+" "+p.B.Title+" "+p.B.Body)...)
		}
	}
	return ws
}

// syntheticEnglish makes n English articles of 40 to 300 words drawn from englishWords, as HTML
// paragraphs: different stories whose prints hold content words, which a Chinese text's do not.
func syntheticEnglish(tb testing.TB, r *rand.Rand, n int) []Print {
	ws := englishWords(tb)
	prints := make([]Print, n)
	var sb strings.Builder
	for i := range prints {
		sb.Reset()
		for range 6 + r.IntN(8) {
			sb.WriteString(ws[r.IntN(len(ws))] + " ")
		}
		title := sb.String()
		sb.Reset()
		sb.WriteString("<p>")
		for k := range 40 + r.IntN(260) {
			sb.WriteString(ws[r.IntN(len(ws))] + " ")
			if k%60 == 59 {
				sb.WriteString("</p><p>")
			}
		}
		prints[i] = Fingerprint(title, sb.String(), t0.Add(time.Duration(r.IntN(36*3600))*time.Second))
	}
	return prints
}

// BenchmarkIngest is story grouping's work per new article as the store's writer does it —
// Fingerprint and Join (Match and Add in one) — over a window of 25,000 articles filled from empty, the first full
// refresh of a large farm. It reports ns per article (compare with the daemon's ~350 µs of CPU per
// article of a full refresh without grouping: the budget is a tenth of that for all of grouping).
func BenchmarkIngest(b *testing.B) {
	const n = 25_000
	titles, bodies, dates := syntheticTexts(b, rand.New(rand.NewPCG(3, 4)), n)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprint(i)
	}
	b.ResetTimer()
	for b.Loop() {
		x := NewIndex(Options{})
		for i := range n {
			x.Join(ids[i], Fingerprint(titles[i], bodies[i], dates[i]), nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
}

// BenchmarkJoinEnglish is Join alone over a window of 25,000 English prints filled from empty
// (syntheticEnglish: words drawn from our English texts, as often as they are used there), whose
// content words are keys too. It reports ns per article.
func BenchmarkJoinEnglish(b *testing.B) {
	const n = 25_000
	prints := syntheticEnglish(b, rand.New(rand.NewPCG(3, 5)), n)
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprint(i)
	}
	for b.Loop() {
		x := NewIndex(Options{})
		for i := range n {
			x.Join(ids[i], prints[i], nil)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
}

// synthetic makes the prints of n articles of syntheticTexts.
func synthetic(tb testing.TB, r *rand.Rand, n int) []Print {
	titles, bodies, dates := syntheticTexts(tb, r, n)
	prints := make([]Print, n)
	for i := range prints {
		prints[i] = Fingerprint(titles[i], bodies[i], dates[i])
	}
	return prints
}

// BenchmarkMatch: one Match against an index of 25,000 prints (a 36 h window of a large farm).
// The budget is about 3 µs.
func BenchmarkMatch(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	prints := synthetic(b, r, 25_000+256)
	ids := make([]string, 25_000)
	for i := range ids {
		ids[i] = fmt.Sprint(i)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	x := NewIndex(Options{})
	for i, p := range prints[:25_000] {
		x.Add(ids[i], ids[i], p)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	perPrint := float64(after.HeapAlloc-before.HeapAlloc) / 25_000
	queries := prints[25_000:]
	i := 0
	for b.Loop() {
		x.Match(queries[i%len(queries)], nil)
		i++
	}
	runtime.KeepAlive(x)
	// The index's memory per print: postings, slots, the expiry heap and the prints themselves.
	b.ReportMetric(perPrint, "index-B/print")
}
