package story

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"
	"unsafe"
)

var t0 = time.Date(2026, 10, 3, 8, 0, 0, 0, time.UTC)

// randomPrint makes a print whose body values come from a pool.
func randomPrint(r *rand.Rand, pool []uint32) Print {
	n := 2 + r.IntN(maxBody-1)
	set := make(map[uint32]bool)
	for range n {
		set[pool[r.IntN(len(pool))]] = true
	}
	var sh []uint32
	for v := range set {
		sh = append(sh, v)
	}
	slices.Sort(sh)
	if len(sh) > maxBody {
		sh = sh[:maxBody]
	}
	if r.IntN(2) == 0 {
		sh = append(sh, titleBase+uint32(r.IntN(titleSpace)))
	}
	p := Print{Time: t0.Add(time.Duration(r.IntN(72)) * time.Hour), Runes: 50 + r.IntN(3000), Shingles: sh}
	if r.IntN(3) == 0 {
		p.Facts = []uint32{uint32(r.IntN(4))}
	}
	return p
}

func mutate(r *rand.Rand, q Print, pool []uint32) Print {
	p := q
	p.Shingles = nil
	for _, v := range q.Shingles {
		if r.IntN(3) != 0 {
			p.Shingles = append(p.Shingles, v)
		}
	}
	body, title := split(p.Shingles)
	for range r.IntN(10) {
		body = append(body, pool[r.IntN(len(pool))])
	}
	body = sortUnique(body)
	if len(body) > maxBody {
		body = body[:maxBody]
	}
	p.Shingles = append(body, title...)
	p.Time = p.Time.Add(time.Duration(r.IntN(48)-24) * time.Hour)
	if r.IntN(4) == 0 {
		p.Facts = []uint32{uint32(r.IntN(4))}
	}
	return p
}

// candidates reports whether p and q share the minCommon keys (keyed) that make q a candidate for
// p in Match when the walk and the scoring are not cut short: the rule the index implements,
// written out apart from it so that bruteMatch checks the postings against the rule.
func candidates(p, q Print) bool {
	pb, _ := split(p.Shingles)
	qb, _ := split(q.Shingles)
	common := 0
	for i, j := 0, 0; i < len(pb) && j < len(qb); {
		switch {
		case pb[i] < qb[j]:
			i++
		case pb[i] > qb[j]:
			j++
		default:
			if keyed(pb[i], len(pb)) && keyed(qb[j], len(qb)) {
				common++
			}
			i++
			j++
		}
	}
	return common >= minCommon
}

// bruteMatch is what Index.Match must equal: score every print that is a candidate, keep the best.
func bruteMatch(prints map[string]Print, stories map[string]string, p Print, o Options, skip func(string) bool) (Match, bool) {
	var best Match
	for id, q := range prints {
		if skip != nil && skip(stories[id]) || !candidates(p, q) {
			continue
		}
		s := Score(p, q, o)
		if s >= o.withDefaults().Threshold && (s > best.Score || s == best.Score && id < best.ID) {
			best = Match{ID: id, Story: stories[id], Score: s}
		}
	}
	return best, best.ID != ""
}

// TestIndexMatchesBruteForce: over random prints, with removals and re-adds, Match answers what
// scoring every stored print that shares minCommon keys with the new one answers (the postings
// lose no candidate of that rule; TestPairsThroughIndex measures what the rule itself loses).
func TestIndexMatchesBruteForce(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 99))
			pool := make([]uint32, 20000)
			for i := range pool {
				pool[i] = uint32(r.IntN(bodySpace))
			}
			o := Options{Threshold: 0.3}
			x := NewIndex(o)
			x.walk = 1 << 30 // every posting and every candidate: Match must then equal scoring every print
			x.scored = 1 << 30
			// y takes the same steps through Join, the writer's Match-and-Add in one lookup.
			y := NewIndex(o)
			y.walk, y.scored = x.walk, x.scored
			prints := map[string]Print{}
			stories := map[string]string{}
			found := 0
			var made []Print
			for i := range 3000 {
				// Half the prints are edits of an earlier one (some values dropped, some added,
				// maybe another date or fact), so that the index has real candidates to sort out.
				p := randomPrint(r, pool)
				if len(made) > 0 && r.IntN(2) == 0 {
					p = mutate(r, made[r.IntN(len(made))], pool)
				}
				made = append(made, p)
				skip := func(s string) bool { return len(s) > 0 && s[len(s)-1] == '7' }
				got, gok := x.Match(p, skip)
				want, wok := bruteMatch(prints, stories, p, o, skip)
				if gok != wok || got != want {
					t.Fatalf("step %d: Match = %+v %v, brute force = %+v %v", i, got, gok, want, wok)
				}
				if gok {
					found++
				}
				id := fmt.Sprintf("a%04d", i)
				if jm, jok := y.Join(id, p, skip); jok != gok || jm != got {
					t.Fatalf("step %d: Join = %+v %v, Match = %+v %v", i, jm, jok, got, gok)
				}
				story := id
				if gok {
					story = got.Story
				}
				x.Add(id, story, p)
				prints[id], stories[id] = p, story
				if r.IntN(4) == 0 { // remove or replace a random earlier one
					victim := fmt.Sprintf("a%04d", r.IntN(i+1))
					if r.IntN(2) == 0 {
						x.Remove(victim)
						y.Remove(victim)
						delete(prints, victim)
						delete(stories, victim)
					} else if _, ok := prints[victim]; ok {
						q := randomPrint(r, pool)
						x.Add(victim, stories[victim], q)
						y.Add(victim, stories[victim], q)
						prints[victim] = q
					}
				}
				if i == 100 {
					y.Grow(2900) // a hint must change no answer (the store's load gives one)
				}
				if i%500 == 499 {
					y.compact() // new slots, new names, a new ID table: same answers
				}
				for _, id := range []string{id, fmt.Sprintf("a%04d", r.IntN(i+1))} {
					_, held := prints[id]
					if x.Has(id) != held || y.Has(id) != held {
						t.Fatalf("step %d: Has(%q) = %v (Join's %v), want %v", i, id, x.Has(id), y.Has(id), held)
					}
				}
				if x.Len() != len(prints) || y.Len() != len(prints) {
					t.Fatalf("step %d: Len %d (Join's %d), want %d", i, x.Len(), y.Len(), len(prints))
				}
			}
			if found < 100 {
				t.Fatalf("only %d matches in 3000: the test exercises nothing", found)
			}
		})
	}
}

// TestIndexManyCopies: a story carried by more sources than maxWalk is still found, through its
// newest copies.
func TestIndexManyCopies(t *testing.T) {
	x := NewIndex(Options{})
	body := "【10月3日全国铁路预计发送旅客1050万人次】财联社10月3日电，从中国国家铁路集团有限公司获悉，10月3日，全国铁路预计发送旅客1050万人次，计划加开旅客列车1017列。"
	n := 5 * maxWalk
	for i := range n {
		id := fmt.Sprintf("c%03d", i)
		x.Add(id, "c000", Fingerprint("10月3日全国铁路预计发送旅客1050万人次", body, t0.Add(time.Duration(i)*time.Minute)))
	}
	m, ok := x.Match(Fingerprint("全国铁路10月3日预计发送旅客1050万人次", body, t0.Add(time.Hour)), nil)
	if !ok || m.Story != "c000" {
		t.Fatalf("Match = %+v %v, want story c000", m, ok)
	}
	if newest := fmt.Sprintf("c%03d", n-maxWalk); m.ID < newest {
		t.Errorf("matched %s, want one of the %d newest (from %s)", m.ID, maxWalk, newest)
	}
}

func TestIndexExpireRemoveSkip(t *testing.T) {
	flash := Fingerprint("10月3日全国铁路预计发送旅客1050万人次", "【10月3日全国铁路预计发送旅客1050万人次】财联社10月3日电，从中国国家铁路集团有限公司获悉，10月3日，全国铁路预计发送旅客1050万人次，计划加开旅客列车1017列。", t0)
	copy1 := Fingerprint("全国铁路10月3日预计发送旅客1050万人次", "证券时报e公司讯，从中国国家铁路集团有限公司获悉，10月3日，全国铁路预计发送旅客1050万人次，计划加开旅客列车1017列。", t0.Add(8*time.Hour))
	tests := []struct {
		name    string
		setup   func(x *Index)
		skip    func(string) bool
		wantID  string
		wantLen int
	}{
		{"match", func(x *Index) { x.Add("a", "a", flash) }, nil, "a", 1},
		{"removed", func(x *Index) { x.Add("a", "a", flash); x.Remove("a") }, nil, "", 0},
		{"skipped story", func(x *Index) { x.Add("a", "s1", flash) }, func(s string) bool { return s == "s1" }, "", 1},
		{"expired", func(x *Index) {
			x.Add("a", "a", flash)
			if n := x.Expire(t0.Add(DefaultWindow + time.Hour)); n != 1 {
				t.Errorf("Expire = %d, want 1", n)
			}
		}, nil, "", 0},
		{"not yet expired", func(x *Index) {
			x.Add("a", "a", flash)
			if n := x.Expire(t0.Add(DefaultWindow - time.Hour)); n != 0 {
				t.Errorf("Expire = %d, want 0", n)
			}
		}, nil, "a", 1},
		{"replaced", func(x *Index) {
			x.Add("a", "a", flash)
			x.Add("a", "a", Fingerprint("another story", "nothing in common with the flash at all, really nothing", t0))
		}, nil, "", 1},
		{"many removals compact", func(x *Index) {
			for i := range 5000 {
				id := fmt.Sprint(i)
				x.Add(id, id, Fingerprint(id, fmt.Sprintf("第%d条不同的消息内容，编号%d，与其他消息无关", i, i*7919), t0))
				if i > 0 {
					x.Remove(fmt.Sprint(i - 1))
				}
			}
			x.Add("a", "a", flash)
		}, nil, "a", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewIndex(Options{})
			tt.setup(x)
			m, ok := x.Match(copy1, tt.skip)
			if m.ID != tt.wantID || ok != (tt.wantID != "") {
				t.Errorf("Match = %+v %v, want %q", m, ok, tt.wantID)
			}
			if x.Len() != tt.wantLen || len(x.IDs()) != tt.wantLen {
				t.Errorf("Len %d IDs %v, want %d", x.Len(), x.IDs(), tt.wantLen)
			}
		})
	}
}

func TestPrintRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	pool := make([]uint32, 5000)
	for i := range pool {
		pool[i] = uint32(r.IntN(bodySpace))
	}
	prints := []Print{
		{},
		{Time: t0, Runes: 3},
		Fingerprint("10月3日全国铁路预计发送旅客1050万人次", "【10月3日全国铁路预计发送旅客1050万人次】财联社10月3日电，3.25%，1448列。", t0.Add(123456789)),
		Fingerprint("Fed raises rates", "<p>The Fed raised rates by 25 bp on Oct 3, to 5.5%.</p>", time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)),
	}
	for range 50 {
		prints = append(prints, randomPrint(r, pool))
	}
	for i, p := range prints {
		b, err := p.AppendBinary(nil)
		if err != nil {
			t.Fatalf("%d: %v", i, err)
		}
		var q Print
		if err := q.UnmarshalBinary(b); err != nil {
			t.Fatalf("%d: UnmarshalBinary: %v", i, err)
		}
		if !q.Time.Equal(p.Time) || q.Runes != p.Runes ||
			!slices.Equal(q.Shingles, p.Shingles) || !slices.Equal(q.Facts, p.Facts) {
			t.Fatalf("%d: round trip\n got %+v\nwant %+v", i, q, p)
		}
		for n := range b { // every truncation is an error, never a panic
			if err := q.UnmarshalBinary(b[:n]); err == nil {
				t.Fatalf("%d: truncated to %d bytes: no error", i, n)
			}
		}
	}
}

// TestIndexExpireOrder: Expire drops exactly the prints dated before the cut, whatever the order
// of Adds (the expiry heap), and Len follows.
func TestIndexExpireOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	x := NewIndex(Options{Window: time.Hour})
	want := map[string]time.Time{}
	for i := range 2000 {
		id := fmt.Sprint(i)
		at := t0.Add(time.Duration(r.IntN(600)) * time.Minute)
		x.Add(id, id, Print{Time: at, Shingles: []uint32{uint32(i), uint32(i + 1)}})
		want[id] = at
	}
	for now := t0; now.Before(t0.Add(12 * time.Hour)); now = now.Add(37 * time.Minute) {
		gone := 0
		for id, at := range want {
			if at.Before(now.Add(-time.Hour)) {
				delete(want, id)
				gone++
			}
		}
		if n := x.Expire(now); n != gone {
			t.Fatalf("Expire(%v) = %d, want %d", now, n, gone)
		}
		if x.Len() != len(want) {
			t.Fatalf("Len %d, want %d", x.Len(), len(want))
		}
	}
}

// TestPrintSize: the prints of every text of our labelled pairs (flashes, 深度 articles of up to
// 16 KB, English) stay within the budget of ~360 encoded bytes (~640 at most: a print's words,
// English content words or Han bigrams, take ~100, up to ~160 since a Chinese print keeps 64
// bigrams: the largest went 420 → 475; a Chinese print's names and characters' filter ~70–130
// more, 64 of them the filter: median 259 → 330, the largest 475 → 601) that keeps the store's
// per-article write small.
func TestPrintSize(t *testing.T) {
	var sizes []int
	for _, p := range readJSONL(t, "testdata/pairs.jsonl") {
		for _, d := range []doc{p.A, p.B} {
			b, err := Fingerprint(d.Title, d.Body, t0).AppendBinary(nil)
			if err != nil {
				t.Fatal(err)
			}
			sizes = append(sizes, len(b))
		}
	}
	slices.Sort(sizes)
	med, top := sizes[len(sizes)/2], sizes[len(sizes)-1]
	t.Logf("%d prints: median %d bytes, max %d", len(sizes), med, top)
	if top > 640 || med > 360 {
		t.Errorf("prints too large: median %d, max %d bytes", med, top)
	}
}

// TestIndexScoresTheClosestCandidates: when many stored prints share a passage with a new one (a
// disclaimer every article of a site carries, below maxDF), Match scores only the maxScore that
// share the most values, and a real copy, which shares the passage and its own text, must be
// among them even when it is the oldest and the others are newer.
func TestIndexScoresTheClosestCandidates(t *testing.T) {
	const disclaimer = "<p>风险提示：本文内容仅供参考，不构成投资建议。市场有风险，投资需谨慎。以上内容由本站编辑整理发布，未经授权不得转载，违者必究。" +
		"本站所载文章、数据仅供参考，使用前请核实，风险自负。</p>"
	x := NewIndex(Options{})
	storyTitle, storyBody := fixture(t, "seed/cls-depth-article.md")
	storyBody = storyBody[:min(len(storyBody), 1500)] + disclaimer
	x.Add("real", "real", Fingerprint(storyTitle, storyBody, t0))
	titles, bodies, _ := syntheticTexts(t, rand.New(rand.NewPCG(5, 6)), 3*maxWalk)
	others := len(titles)
	for i := range titles {
		id := fmt.Sprintf("other%02d", i)
		x.Add(id, id, Fingerprint(titles[i], bodies[i]+disclaimer, t0.Add(time.Duration(i+1)*time.Minute)))
	}
	// The candidates the disclaimer alone nominates must outnumber what Match scores.
	copyPrint := Fingerprint("快讯｜"+storyTitle, "<p>据报道，</p>"+storyBody, t0.Add(time.Hour))
	var found [maxKeys]*key
	x.best(copyPrint, x.lookup(&found, copyPrint, false), nil, nil)
	if len(x.top) < maxScore {
		t.Fatalf("only %d candidates share values with the copy: the disclaimer nominates too few to test the cap", len(x.top))
	}
	for i, c := range x.top {
		if i > 0 && c.common > x.top[i-1].common {
			t.Fatalf("candidates not in order of shared values: %+v", x.top)
		}
	}
	if first := x.str(x.slots[x.top[0].slot].id); first != "real" {
		t.Fatalf("the candidate sharing the most values is %s, want real: %+v", first, x.top)
	}
	m, ok := x.Match(copyPrint, nil)
	if !ok || m.Story != "real" {
		t.Fatalf("Match = %+v %v, want story real (of %d prints sharing the disclaimer)", m, ok, others)
	}
}

// TestIndexMembers: Members counts a story's live prints, its first article's included, and
// forgets removed ones.
func TestIndexMembers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pool := make([]uint32, 64)
	for i := range pool {
		pool[i] = r.Uint32()
	}
	x := NewIndex(Options{})
	x.Add("a", "a", randomPrint(r, pool))
	x.Add("b", "a", randomPrint(r, pool))
	x.Add("c", "c", randomPrint(r, pool))
	for _, tt := range []struct {
		story string
		want  int
	}{{"a", 2}, {"c", 1}, {"none", 0}} {
		if n := x.Members(tt.story); n != tt.want {
			t.Errorf("Members(%q) = %d, want %d", tt.story, n, tt.want)
		}
	}
	x.Remove("b")
	if n := x.Members("a"); n != 1 {
		t.Errorf("Members(a) after removing b = %d, want 1", n)
	}
}

// TestIndexGet: Get returns an article's story and a print of its own, equal to the one added and
// unchanged by what the index does after (a replacing Add, growth, compaction), so that a writer
// can put it back; nothing for an article removed or never added.
func TestIndexGet(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	prints := synthetic(t, r, 2000)
	x := NewIndex(Options{})
	x.Add("first", "first", prints[0])
	x.Add("copy", "first", prints[1])
	st, got, ok := x.Get("copy")
	if !ok || st != "first" || !got.Equal(prints[1]) {
		t.Fatalf("Get(copy) = %q, %+v, %v; want story first and the print added", st, got, ok)
	}
	x.Add("copy", "first", prints[2]) // replaced
	for i, p := range prints[3:] {
		x.Add(fmt.Sprint(i), fmt.Sprint(i), p)
		if i%3 == 0 {
			x.Remove(fmt.Sprint(i)) // tombstones, then a compaction
		}
	}
	if !got.Equal(prints[1]) {
		t.Fatalf("the print Get returned changed with the index: %+v", got)
	}
	if _, now, _ := x.Get("copy"); !now.Equal(prints[2]) {
		t.Errorf("Get(copy) after a replacing Add = %+v, want the new print", now)
	}
	x.Add("copy", st, got) // put back
	if _, now, _ := x.Get("copy"); !now.Equal(prints[1]) {
		t.Errorf("Get(copy) after putting the old print back = %+v", now)
	}
	x.Remove("copy")
	if _, _, ok := x.Get("copy"); ok {
		t.Error("Get(copy) after Remove: found")
	}
	if _, _, ok := x.Get("never"); ok {
		t.Error("Get(never): found")
	}
}

// TestIndexGrow: after Grow, filling the index to the size announced moves none of its arrays (the
// point of the hint: no doubling copies into fresh memory), and the key table is no larger than
// growing step by step makes it (room reserved but unused in the table would be touched: its keys
// are spread all over it).
func TestIndexGrow(t *testing.T) {
	const first, rest = 1000, 7000
	prints := synthetic(t, rand.New(rand.NewPCG(7, 8)), first+rest)
	grown, stepped := NewIndex(Options{}), NewIndex(Options{})
	for i, p := range prints[:first] {
		grown.Join(fmt.Sprint(i), p, nil)
	}
	grown.Grow(rest)
	m := grown.mem
	keys, nodes, vals := unsafe.SliceData(m.keys.r.s), unsafe.SliceData(m.nodes.s), unsafe.SliceData(m.vals.s)
	for i, p := range prints {
		if i >= first {
			grown.Join(fmt.Sprint(i), p, nil)
		}
		stepped.Join(fmt.Sprint(i), p, nil)
	}
	if unsafe.SliceData(m.keys.r.s) != keys || unsafe.SliceData(m.nodes.s) != nodes || unsafe.SliceData(m.vals.s) != vals {
		t.Errorf("an array moved after Grow(%d): keys %v, nodes %v, values %v", rest,
			unsafe.SliceData(m.keys.r.s) != keys, unsafe.SliceData(m.nodes.s) != nodes, unsafe.SliceData(m.vals.s) != vals)
	}
	if g, s := len(m.keys.r.s), len(stepped.mem.keys.r.s); g > s {
		t.Errorf("key table after Grow: %d entries, growing step by step: %d", g, s)
	}
	if !slices.Equal(grown.IDs(), stepped.IDs()) {
		t.Errorf("the two indexes hold different prints")
	}
}

// TestIndexHoldsNoPointers: nothing the index keeps per print is a pointer for the garbage
// collector to follow (a string or a map of them was ~80 MB marked again by every collection at
// 10,000 sources): slots are plain values, IDs live in the index's own memory.
func TestIndexHoldsNoPointers(t *testing.T) {
	var check func(path string, ty reflect.Type)
	check = func(path string, ty reflect.Type) {
		switch ty.Kind() {
		case reflect.Struct:
			for i := range ty.NumField() {
				check(path+"."+ty.Field(i).Name, ty.Field(i).Type)
			}
		case reflect.Array:
			check(path+"[]", ty.Elem())
		case reflect.Pointer, reflect.String, reflect.Slice, reflect.Map, reflect.Interface, reflect.Chan, reflect.Func, reflect.UnsafePointer:
			t.Errorf("%s is a %s", path, ty.Kind())
		}
	}
	for _, v := range []any{slot{}, key{}, node{}, timed{}, candidate{}} {
		check(reflect.TypeOf(v).Name(), reflect.TypeOf(v))
	}
	x := NewIndex(Options{})
	for i, p := range synthetic(t, rand.New(rand.NewPCG(5, 6)), 300) {
		x.Join(fmt.Sprint(i), p, nil)
	}
	if got := x.IDs(); len(got) != 300 || !x.Has("299") || x.Has("300") {
		t.Errorf("IDs %d, Has(299) %v, Has(300) %v", len(got), x.Has("299"), x.Has("300"))
	}
}

// TestIndexChurn: an index that keeps its size while prints come and go (Expire and Join, all day
// long) rebuilds its ID table in amortized constant time: the removed entries fill it, and a
// rebuild that left it nearly full again would come back after a few operations (quadratic).
func TestIndexChurn(t *testing.T) {
	const live, ops = 760, 20000 // 760 of 1,024 entries: just under three quarters
	p := Fingerprint("标题", "<p>正文，内容各不相同</p>", t0)
	x := NewIndex(Options{})
	for i := range live {
		x.Add(fmt.Sprint(i), fmt.Sprint(i), p)
	}
	before := x.mem.ids.rebuilds
	for i := live; i < live+ops; i++ {
		x.Remove(fmt.Sprint(i - live))
		x.Add(fmt.Sprint(i), fmt.Sprint(i), p)
	}
	if x.Len() != live || !x.Has(fmt.Sprint(live+ops-1)) || x.Has(fmt.Sprint(ops-1)) {
		t.Fatalf("Len %d after the churn, want %d", x.Len(), live)
	}
	// A rebuild leaves the table at most half full: a quarter of it, 512 operations, before the
	// next; compactions (one per 1,024 removals) rebuild it too.
	n := x.mem.ids.rebuilds - before
	if n > ops/512+ops/1024+2 {
		t.Errorf("%d rebuilds of the ID table in %d removals and adds", n, ops)
	}
	t.Logf("%d rebuilds of the ID table in %d removals and adds", n, ops)
}

// TestTallyCountsEachChainsNewest: tally walks the chains of postings side by side; it must count
// exactly what walking each chain on its own counts — a key's only posting, or the newest x.walk
// of its chain, once each — whatever the lengths of the chains: values from a small pool make
// chains far longer than maxWalk, from a large one chains of one or two.
func TestTallyCountsEachChainsNewest(t *testing.T) {
	for _, poolSize := range []int{300, 3000, 100000} {
		t.Run(fmt.Sprint("pool ", poolSize), func(t *testing.T) {
			r := rand.New(rand.NewPCG(7, uint64(poolSize)))
			pool := make([]uint32, poolSize)
			for i := range pool {
				pool[i] = uint32(r.IntN(bodySpace))
			}
			x := NewIndex(Options{})
			for i := range 800 {
				x.Add(fmt.Sprint("a", i), fmt.Sprint("a", i), randomPrint(r, pool))
			}
			x.counts = make([]uint16, len(x.slots))
			long, short := 0, 0
			for range 200 {
				var found [maxKeys]*key
				keys := x.lookup(&found, randomPrint(r, pool), false)
				want := map[int32]uint16{}
				for _, k := range keys {
					switch n := k.n(); {
					case n == 0 || n > maxDF:
					case n == 1:
						want[k.ref]++
						short++
					default:
						walked := 0
						nodes := x.mem.nodes.s
						for n := k.ref; n != 0 && walked < x.walk; n = nodes[n-1].next {
							want[nodes[n-1].slot]++
							walked++
						}
						if walked == x.walk {
							long++
						}
					}
				}
				x.tally(keys)
				got := map[int32]uint16{}
				for _, s := range x.touched {
					if _, dup := got[s]; dup {
						t.Fatalf("slot %d listed twice in touched", s)
					}
					got[s] = x.counts[s]
					x.counts[s] = 0
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("tally counted %v, each chain on its own %v", got, want)
				}
			}
			t.Logf("keys with one posting %d, chains cut at maxWalk %d", short, long)
			if poolSize == 300 && long == 0 {
				t.Error("no chain longer than maxWalk: the test does not exercise the cut")
			}
			if poolSize == 100000 && short == 0 {
				t.Error("no key with a single posting")
			}
		})
	}
}

// TestIndexMaxPrints: past Options.MaxPrints the index forgets its oldest prints, whether they
// came by Add or Join and in whatever order their times arrive, and counts them; a copy of a
// forgotten article starts its own story, a copy of a kept one still joins it.
func TestIndexMaxPrints(t *testing.T) {
	const limit, extra = 100, 37
	r := rand.New(rand.NewPCG(5, 6))
	pool := make([]uint32, 4000)
	for i := range pool {
		pool[i] = uint32(r.IntN(bodySpace))
	}
	// Distinct times, shuffled: the newest limit are the ones to keep.
	prints := make([]Print, limit+extra)
	for i := range prints {
		prints[i] = randomPrint(r, pool)
		prints[i].Time = t0.Add(time.Duration(i) * time.Minute)
	}
	order := r.Perm(len(prints))
	for _, join := range []bool{false, true} {
		t.Run(fmt.Sprintf("join=%v", join), func(t *testing.T) {
			x := NewIndex(Options{MaxPrints: limit})
			for _, i := range order {
				if id := fmt.Sprint(i); join {
					x.Join(id, prints[i], func(string) bool { return true }) // every print its own story
				} else {
					x.Add(id, id, prints[i])
				}
				if x.Len() > limit {
					t.Fatalf("Len %d after an add, past %d", x.Len(), limit)
				}
			}
			var want []string
			for i := extra; i < len(prints); i++ {
				want = append(want, fmt.Sprint(i))
			}
			slices.Sort(want)
			if got := x.IDs(); !slices.Equal(got, want) {
				t.Errorf("IDs %v, want the %d newest %v", got, limit, want)
			}
			if x.Evicted() != extra {
				t.Errorf("Evicted %d, want %d", x.Evicted(), extra)
			}
			// The same print again matches itself when kept, nothing when forgotten.
			for _, i := range []int{0, extra - 1, extra, len(prints) - 1} {
				m, ok := x.Match(prints[i], nil)
				if kept := i >= extra; ok != kept || (kept && m.ID != fmt.Sprint(i)) {
					t.Errorf("Match of print %d = %+v %v, want a match %v", i, m, ok, kept)
				}
			}
		})
	}
	t.Run("unbounded", func(t *testing.T) {
		x := NewIndex(Options{})
		for _, i := range order {
			x.Add(fmt.Sprint(i), fmt.Sprint(i), prints[i])
		}
		if x.Len() != len(prints) || x.Evicted() != 0 {
			t.Errorf("Len %d Evicted %d without a bound, want %d and 0", x.Len(), x.Evicted(), len(prints))
		}
	})
}

// TestIndexMaxPrintsMemory: a bounded index that keeps taking new articles — the first refresh of
// more sources than its memory holds — stays within bytesPerPrint × MaxPrints of memory however
// many it has forgotten: the tombstones are compacted, and the arrays do not keep growing.
func TestIndexMaxPrintsMemory(t *testing.T) {
	const limit = 4000
	for _, lang := range []struct {
		name   string
		prints func() []Print
	}{
		{"chinese", func() []Print { return synthetic(t, rand.New(rand.NewPCG(7, 8)), 6*limit) }},
		// An English print holds its content words too, and keys them: more values and postings.
		{"english", func() []Print { return syntheticEnglish(t, rand.New(rand.NewPCG(7, 9)), 6*limit) }},
	} {
		t.Run(lang.name, func(t *testing.T) {
			prints := lang.prints()
			x := NewIndex(Options{MaxPrints: limit})
			for i, p := range prints {
				x.Join(fmt.Sprint(i), p, nil)
			}
			// The mappings' high-water mark, a compaction's old and new memory at once included.
			peak := x.mem.acct.peak + x.heapBytes()
			unbounded := NewIndex(Options{})
			for i, p := range prints[len(prints)-limit:] {
				unbounded.Add(fmt.Sprint(i), fmt.Sprint(i), p)
			}
			t.Logf("peak %d B for %d prints (%.0f B a print); unbounded, the same %d prints: %d B (%.0f)",
				peak, limit, float64(peak)/limit, limit, unbounded.Bytes(), float64(unbounded.Bytes())/limit)
			if x.Len() != limit || x.Evicted() != len(prints)-limit {
				t.Fatalf("Len %d Evicted %d, want %d and %d", x.Len(), x.Evicted(), limit, len(prints)-limit)
			}
			// The count of mappings agrees with the regions and spare blocks held.
			m := x.mem
			held := len(m.keys.r.raw) + len(m.ids.r.raw) + len(m.names.raw) + len(m.nodes.raw) + len(m.vals.raw)
			for _, b := range m.spare {
				held += len(b)
			}
			if int64(held) != m.acct.now {
				t.Errorf("mappings counted %d B, the regions and spares hold %d B", m.acct.now, held)
			}
			if peak > BytesPerPrint*limit {
				t.Errorf("peak %d B, past %d B a print × %d", peak, BytesPerPrint, limit)
			}
		})
	}
}
