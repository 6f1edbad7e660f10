package story

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// FuzzPrintDecode: whatever the bytes, UnmarshalBinary returns an error or a print that encodes
// back to a record it decodes the same way; it never panics (a corrupted store record must not
// take the daemon down).
func FuzzPrintDecode(f *testing.F) {
	for _, p := range []Print{
		{},
		Fingerprint("10月3日全国铁路预计发送旅客1050万人次", "【10月3日全国铁路预计发送旅客1050万人次】财联社10月3日电，全国铁路预计发送旅客1050万人次，加开1017列。", t0),
		Fingerprint("Fed holds rates", "<p>The Fed held rates at 5.25%-5.5% on Oct 3.</p>", t0),
		// Version 3: names, a Chinese print's characters' filter.
		Fingerprint("深交所向云岭股份下发年报问询函", "财联社12月1日电，深交所向云岭股份下发年报问询函，要求公司说明营业收入及净利润大幅下滑的原因。", t0),
		Fingerprint("Fitch Affirms Corvane Therapeutics at 'BBB'", "<p>Fitch Ratings has affirmed Corvane Therapeutics's rating at 'BBB'.</p>", t0),
	} {
		b, err := p.AppendBinary(nil)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte{1})
	f.Add([]byte{1, 0, 0, 0, 200, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		var p Print
		if err := p.UnmarshalBinary(b); err != nil {
			return
		}
		enc, err := p.AppendBinary(nil)
		if err != nil {
			t.Fatalf("decoded print does not encode: %v", err)
		}
		if len(enc) > maxEncoded {
			t.Fatalf("encoding of %d bytes over the bound %d", len(enc), maxEncoded)
		}
		var q Print
		if err := q.UnmarshalBinary(enc); err != nil {
			t.Fatalf("re-encoded print does not decode: %v", err)
		}
		if !q.Time.Equal(p.Time) || q.Runes != p.Runes || !slices.Equal(q.Shingles, p.Shingles) || !slices.Equal(q.Facts, p.Facts) {
			t.Fatalf("round trip changed the print: %+v → %+v", p, q)
		}
		checkPrint(t, p)
		if s := Score(p, p, Options{}); s < 0 || s > 1 {
			t.Fatalf("Score(p, p) = %v", s)
		}
	})
}

// checkPrint asserts what every print promises: sorted unique values in their ranges, bounded.
func checkPrint(t *testing.T, p Print) {
	t.Helper()
	body, title := split(p.Shingles)
	words := wordsOf(p.Shingles)
	if len(body) > maxBody || len(title) > maxTitle || len(words) > maxWords {
		t.Fatalf("%d body, %d title and %d word values", len(body), len(title), len(words))
	}
	for i, v := range p.Shingles {
		if i > 0 && v <= p.Shingles[i-1] || v >= subjectBase+wordSpace {
			t.Fatalf("shingles not sorted, unique and in range: %v", p.Shingles)
		}
	}
	for i, v := range p.Facts {
		if i > 0 && v <= p.Facts[i-1] {
			t.Fatalf("facts not sorted and unique: %v", p.Facts)
		}
	}
}

// FuzzFingerprint: any title and body (HTML or not, valid UTF-8 or not) give a bounded, well-formed
// print that survives encoding (and equals its decoding), and scores in [0, 1] symmetrically
// against another.
func FuzzFingerprint(f *testing.F) {
	f.Add("10月3日全国铁路预计发送旅客1050万人次", "【10月3日全国铁路预计发送旅客1050万人次】财联社10月3日电，3.25%，1448列，2026-10-03。")
	f.Add("Fed raises rates", "<p>The Fed raised rates by 25 bp on Oct 3, to 5.5%, or $1.2 billion.</p>&amp;&#x4E2D;&#20013;&bogus;&#;&#xZZ;")
	f.Add("U.S. Food and Drug Administration clears Allerion's pill", "<p>WASHINGTON (AP) &#8212; The U.S. Food and Drug Administration and the Bank of England, Café Müller AND THE OF Of The</p><p>A B C D E F G H I J K L M N O P</p>")
	f.Add("Acme to cut 4,000 jobs, 6 per cent of staff", "<p>Acme Motors said it would cut 4,000 jobs, or 6 per cent of its staff, saving 1,234,567,890,123,456,789,012.5 dollars, 212K, 1.5k, 0.0001k, 999999999999999999999k and 12,345,678,901,234,567,890,123,456 more, in 2024, 300 people.</p>")
	f.Add("", "<<<>>>&&&;;")
	f.Add("云岭股份：关于董事辞职的公告", "证券代码：600123 证券简称：云岭股份 公告编号：2026-059 本公司董事会及全体董事保证本公告内容不存在任何虚假记载。董事辞职。海量资讯责任编辑：王蒙")
	f.Add("", "证券代码公告编号：：-本公司虚假记载。郑重声明")
	f.Add("１０月３日", "\xff\xfe<p\x00>１２３ＡＢＣ</p>1-7月 10日 oct 31 3 october")
	f.Add("", "<p><strong>编者按：</strong>本系列<br/>聚焦</p><P>净利润。</P><div><p><strong>》》》请下载鲸平台App</strong></p></div><p>点击查看&gt;&gt;</p><")
	f.Add("", "Editor's note: x\n股民福利来了！点击查看>>\n扫码关注公众号\n<p")
	f.Add("*ST云岭：12月1日", "<p>Sign up</p><p>RELATED: x</p>")
	f.Add("【早间快讯】12月1日 中国平安：", "公告速递：")
	f.Add("12月1号 上海银行：", "11月")
	f.Add("", "<p>"+strings.Repeat("净利润4.2亿元。", 8)+"</p><p>关于云岭股份</p><p>云岭股份有限公司成立于2005年</p>")
	f.Add("", "<p>"+strings.Repeat("净利润4.2亿元。", 8)+"</p><p> 关于云岭 </p><")
	f.Fuzz(func(t *testing.T, title, body string) {
		if w := withoutBoilerplate(body); len(w) > len(body) {
			t.Fatalf("boilerplate left out of %q: %q is longer", body, w)
		}
		p := Fingerprint(title, body, t0)
		checkPrint(t, p)
		if len(p.Facts) > 2*maxNumbers+maxDates {
			t.Fatalf("%d facts", len(p.Facts))
		}
		enc, err := p.AppendBinary(nil)
		if err != nil {
			t.Fatal(err)
		}
		var q Print
		if err := q.UnmarshalBinary(enc); err != nil {
			t.Fatalf("print does not decode: %v (%x)", err, enc)
		}
		if !slices.Equal(q.Shingles, p.Shingles) || !slices.Equal(q.Facts, p.Facts) || q.Runes != p.Runes {
			t.Fatal("round trip changed the print")
		}
		other := Fingerprint(body, title, t0.Add(time.Hour))
		s1, s2 := Score(p, other, Options{}), Score(other, p, Options{})
		if s1 < 0 || s1 > 1 || s1 != s2 {
			t.Fatalf("Score = %v and %v", s1, s2)
		}
		// The second look walks the whole text (bounded) in windows: any text, a score in [0, 1].
		if w := windowScore(other, title, body, t0, Options{}.withDefaults()); w < 0 || w > 1 {
			t.Fatalf("windowScore = %v", w)
		}
		// An edit (the stores' reprint): a print equals its decoded self, and whether a text is an
		// edit of another is answered, whatever the texts.
		if !p.Equal(q) || p.Equal(other) && !slices.Equal(p.Shingles, other.Shingles) {
			t.Fatal("Equal disagrees with the values")
		}
		_ = Edited(p, other, Options{})
	})
}

// TestSamplerExact: the sampler's sketch is exactly the sketchK smallest distinct values, however
// they arrive (sorted, reversed, clustered in the upper half); when most values repeat (a text that
// says one phrase over and over) it may hold fewer, but still every distinct value below its
// limit, so that it stays a consistent sample.
func TestSamplerExact(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for trial := range 300 {
		n := r.IntN(2000)
		vals := make([]uint32, n)
		for i := range vals {
			switch trial % 4 {
			case 0:
				vals[i] = uint32(r.IntN(bodySpace))
			case 1:
				vals[i] = uint32(r.IntN(60)) // many repeats
			case 2:
				vals[i] = uint32(bodySpace - 1 - i) // descending
			default:
				vals[i] = bodySpace/2 + uint32(r.IntN(bodySpace/2)) // upper half only
			}
		}
		s := sampler{limit: bodySpace}
		for _, v := range vals {
			s.add(v)
		}
		got := slices.Clone(s.finish())
		var want []uint32
		for _, v := range vals {
			if trial%4 != 1 || v < s.limit {
				want = append(want, v)
			}
		}
		want = sortUnique(want)
		if len(want) > sketchK {
			want = want[:sketchK]
		}
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d: sketch %v, want %v", trial, got, want)
		}
	}
}

// FuzzRepeats: whatever a source sends, learning its repeats never panics, and what a print reads
// of a text is one piece of it, never empty when the text was not.
func FuzzRepeats(f *testing.F) {
	f.Add("<p>第一段文字在这里。</p><p>以上内容为本站整理，不构成投资建议</p>", "<p>另一段文字在这里！</p><p>以上内容为本站整理，不构成投资建议</p>")
	f.Add("<<<>>>\n\n。。。！？", "a<b\n>c")
	f.Add("", "\xff\xfe\xe3\x80")
	f.Fuzz(func(t *testing.T, a, b string) {
		var r Repeats
		bodies := []string{a, b, a, b, a, b, a + b, b + a, a, b, a, b}
		for range 2 {
			for i, got := range r.Learn(bodies, nil) {
				if !strings.Contains(bodies[i], got) || got == "" && bodies[i] != "" {
					t.Fatalf("Learn gave %q for %q", got, bodies[i])
				}
			}
		}
		if got := r.Strip(a + "\n" + b); !strings.Contains(a+"\n"+b, got) {
			t.Fatalf("Strip gave %q", got)
		}
	})
}
