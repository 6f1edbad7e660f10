package story

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// hasWord: s holds word v, of the headline or not, by a linear search (what wordSet and inWords
// replace, and the tests' reference).
func hasWord(s []uint32, v uint32) bool {
	for _, x := range s {
		if x|wordTitle == v|wordTitle {
			return true
		}
	}
	return false
}

// value is the word value of w, for the tests (a stopword's is 0).
func value(w string) uint32 {
	v, _ := wordValue([]byte(w))
	return v
}

// TestStem: the inflections of one word are one word; short words keep their letters.
func TestStem(t *testing.T) {
	for _, tc := range []struct{ words []string }{
		{[]string{"recall", "recalls", "recalled", "recalling"}},
		{[]string{"raise", "raises", "raised"}},
		{[]string{"company", "companies"}},
		{[]string{"liquidate", "liquidated"}},
		{[]string{"order", "orders", "ordered"}},
		{[]string{"press", "presses"}},
		{[]string{"drop", "drops", "dropped", "dropping"}},
		{[]string{"cut", "cuts", "cutting"}},
		{[]string{"tax", "taxes"}},
		{[]string{"launch", "launches", "launched"}},
		{[]string{"rise", "rises"}},
		{[]string{"fall", "falls", "falling"}},
	} {
		t.Run(tc.words[0], func(t *testing.T) {
			want := string(stem([]byte(tc.words[0])))
			for _, w := range tc.words[1:] {
				if got := string(stem([]byte(w))); got != want {
					t.Errorf("stem(%q) = %q, stem(%q) = %q", w, got, tc.words[0], want)
				}
			}
		})
	}
	for _, w := range []string{"news", "bus", "gas", "us", "plus", "axis", "boss"} {
		if got := string(stem([]byte(w))); got != w {
			t.Errorf("stem(%q) = %q: a short word keeps its letters", w, got)
		}
	}
}

// TestSynonym: the words of one class are one value whatever their inflection, and the classes
// stay apart from each other and from the words around them.
func TestSynonym(t *testing.T) {
	classes := [][]string{
		{"approves", "approved", "clears", "cleared", "approval", "authorizes"},
		{"rises", "rose", "climbs", "jumped", "gains", "surges"},
		{"falls", "fell", "drops", "dropped", "declines", "slides", "tumbled", "plunges"},
		{"cuts", "lowers", "reduced", "trims", "slashes"},
		{"holds", "held", "unchanged", "steady"},
		{"resigns", "resignation", "quits", "departs"},
		{"acquire", "acquisition", "buys", "bought", "purchase", "takeover"},
		{"merge", "merger", "combine", "combination"},
		{"wins", "won", "beats", "defeated", "victory"},
		{"children", "kids", "child"},
		{"chief", "ceo"},
		// Demonyms: the country, its adjective, its people.
		{"finland", "finnish", "finns"},
		{"netherlands", "dutch"},
		{"switzerland", "swiss"},
		{"japan", "japanese"},
		{"chile", "chilean"},
		{"scotland", "scottish", "scots"},
		{"wales", "welsh"},
		{"spain", "spanish"},
	}
	seen := map[uint32]string{}
	for _, c := range classes {
		v := value(c[0])
		if v == 0 {
			t.Fatalf("%q has no value", c[0])
		}
		for _, w := range c[1:] {
			if got := value(w); got != v {
				t.Errorf("%q and %q differ: one meaning in news copy", w, c[0])
			}
		}
		if o, ok := seen[v]; ok {
			t.Errorf("%q and %q are one value: two classes", c[0], o)
		}
		seen[v] = c[0]
	}
	// Not synonyms: the words of a story that tell it apart from another of its kind.
	for _, w := range []string{"fed", "reserve", "federal", "strike", "court", "profit", "revenue", "stop", "keep", "sweden", "norway", "china"} {
		if o, ok := seen[value(w)]; ok {
			t.Errorf("%q is one value with %q", w, o)
		}
	}
}

// TestWordScan: what a print of an English text keeps — content words (no stopwords, weekdays,
// months or figure words), the acronyms of its names, its subject — and that a Chinese text keeps
// none, so that its print is the one it always was.
func TestWordScan(t *testing.T) {
	scan := func(title, body string) ([]uint32, uint32) {
		return wordsAndSubject(Fingerprint(title, body, t0).Shingles)
	}
	tests := []struct {
		name, title, body string
		has, lacks        []string
		subject           string
	}{
		{
			name:  "content words, stemmed",
			title: "Tesla recalls 2 million cars over Autopilot safeguards",
			body:  "<p>Tesla is recalling more than 2 million vehicles in the United States, the agency said on Wednesday in October.</p>",
			has:   []string{"tesla", "recall", "cars", "autopilot", "safeguards", "vehicles", "united", "states", "agency"},
			lacks: []string{"said", "wednesday", "october", "million", "the", "more"},
			// Tesla: first in the title and in its sentence, but twice, and capitalized both times.
			subject: "tesla",
		},
		{
			name:    "acronyms of names",
			title:   "Regulator clears peanut allergy pill",
			body:    "WASHINGTON (AP) — The U.S. Food and Drug Administration approved the pill. The European Central Bank and the Bank of England were not involved.",
			has:     []string{"fda", "us", "ecb", "boe"},
			lacks:   []string{"wa"}, // WASHINGTON (AP): punctuation ends a name
			subject: "",
		},
		{
			name:    "a headline's first word alone is no name",
			title:   "Daily brisk walking linked to lower dementia risk in UK study",
			body:    "Adults who walked briskly every day had a lower risk of developing dementia, researchers said.",
			has:     []string{"daily", "dementia", "uk"},
			subject: "uk",
		},
		{
			// A headline in title case capitalizes every word: the body tells the names apart.
			name:    "a headline in title case",
			title:   "Watchdog Says Toyota Recalls SUVs Over Fuel Pump Defect",
			body:    "Toyota is recalling sport utility vehicles because the fuel pump can fail, a watchdog says. Toyota dealers will replace the pump.",
			has:     []string{"toyota", "recall", "fuel", "pump"},
			subject: "toyota",
		},
		{
			// A flash in capitals: its words are read, but their case says nothing (no acronym
			// of EU FINES ACME); its subject is the first of them that the text capitalizes.
			name:    "a headline in capitals",
			title:   "EU FINES ACME 1.1 BLN EUROS IN ANTITRUST CASE",
			body:    "The European Commission fined chipmaker Acme 1.1 billion euros on Tuesday. Acme said it would appeal.",
			has:     []string{"acme", "fine", "antitrust", "ec"},
			lacks:   []string{"efa", "fa", "acbe"},
			subject: "acme",
		},
		{
			name:    "a word written in lower case somewhere is no name",
			title:   "Judge blocks Marlow Grocers takeover of FreshWay",
			body:    "A federal judge blocked Marlow Grocers from buying FreshWay.",
			subject: "marlow",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			words, subject := scan(tc.title, tc.body)
			if len(words) < minWords || !slices.IsSorted(words) {
				t.Fatalf("words %v: want at least %d, sorted", words, minWords)
			}
			for _, w := range tc.has {
				if !hasWord(words, value(w)) {
					t.Errorf("%q missing", w)
				}
			}
			for _, w := range tc.lacks {
				if v := value(w); v != 0 && hasWord(words, v) {
					t.Errorf("%q kept", w)
				}
			}
			want := uint32(0)
			if tc.subject != "" {
				want = value(tc.subject)
			}
			if subject != want {
				t.Errorf("subject %d, want %d (%q)", subject, want, tc.subject)
			}
		})
	}
	t.Run("a chinese text keeps its Han bigrams, no English words", func(t *testing.T) {
		title := "比亚迪：10月新能源汽车销量50.2万辆 BYD Tesla"
		body := "<p>财联社11月1日电，比亚迪公告，10月新能源汽车销量50.2万辆，同比增长66%。Tesla Model Y ETF AI</p>"
		words, _ := scan(title, body)
		if len(words) < minWords || hasWord(words, value("tesla")) {
			t.Fatalf("words %v: want Han bigrams, not the English words", words)
		}
		p := Fingerprint(title, body, t0)
		b, err := p.AppendBinary(nil)
		if err != nil || b[0] != printVersionNames {
			t.Fatalf("version %d (%v): a print with Han words and names encodes as version %d", b[0], err, printVersionNames)
		}
	})
	// Content words are an English signal: another language's function words, kept as content
	// words, would make any two of its texts alike.
	for _, tc := range []struct{ lang, title, body string }{
		{"german", "Bundesregierung beschließt neues Klimapaket", "Die Bundesregierung hat am Mittwoch ein neues Klimapaket beschlossen. Das Kabinett in Berlin billigte die Pläne, die Förderung für Wärmepumpen auszuweiten und den Preis schneller anzuheben. Kritik kam von der Opposition, die das Paket nicht ausreichend findet."},
		{"french", "Le gouvernement présente son budget", "Le gouvernement a présenté mercredi son projet de budget pour l'année prochaine, qui prévoit des économies. Le ministre de l'Économie a défendu un effort pour réduire le déficit public, critiqué par l'opposition qui dénonce une austérité."},
		{"spanish", "El Gobierno aprueba la reforma de las pensiones", "El Consejo de Ministros aprobó este martes la reforma de las pensiones, que eleva las cotizaciones de los salarios más altos. La ministra defendió que la medida garantiza la sostenibilidad del sistema para las próximas décadas."},
		{"russian", "Правительство одобрило новый бюджет", "Правительство России в среду одобрило проект федерального бюджета на следующий год. Министр финансов заявил, что дефицит будет снижен, а расходы на оборону вырастут."},
	} {
		t.Run(tc.lang+" text keeps none", func(t *testing.T) {
			if words, subject := scan(tc.title, tc.body); len(words) != 0 || subject != 0 {
				t.Fatalf("%d words, subject %d, in a %s text", len(words), subject, tc.lang)
			}
		})
	}
	t.Run("an English text naming a French bank keeps its words", func(t *testing.T) {
		if words, _ := scan("Banque de France cuts its growth forecast", "The Banque de France cut its growth forecast for the year on Monday, citing weaker exports and the rise in energy prices."); len(words) < minWords {
			t.Fatalf("words %v", words)
		}
	})
	t.Run("an English flash on La Liga keeps its words", func(t *testing.T) {
		if words, _ := scan("Real Madrid beat Barcelona in La Liga clasico", "Real Madrid beat Barcelona 2-1 in La Liga at the Bernabeu; Madrid top La Liga."); len(words) < minWords {
			t.Fatalf("words %v", words)
		}
	})
	t.Run("too few words keep none", func(t *testing.T) {
		if words, _ := scan("Fed holds", "The Fed holds."); len(words) != 0 {
			t.Fatalf("words %v from two content words", words)
		}
	})
}

// TestWordsDecideParaphrases: two outlets' paraphrases of one story are one story on their
// content words, which their shingles alone miss; the same wire's notices of two carmakers, which
// share most of their words, are not, because neither's subject is in the other (subject gate).
func TestWordsDecideParaphrases(t *testing.T) {
	o := Options{}.withDefaults()
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name                string
		ta, ba, tb, bb      string
		same, shinglesAlone bool
	}{
		{
			name: "paraphrase",
			ta:   "Evergrande ordered to liquidate by Hong Kong court",
			ba:   "A Hong Kong court on Monday ordered the liquidation of China Evergrande Group, the world's most indebted property developer with more than $300 billion of liabilities.",
			tb:   "Hong Kong judge orders liquidation of China Evergrande",
			bb:   "A Hong Kong judge ordered China Evergrande Group to be liquidated on Monday, saying the developer, which has more than $300 billion of liabilities, had failed to present a workable restructuring plan after 19 months of talks. Its shares were suspended.",
			same: true,
		},
		{
			name: "acronym",
			ta:   "ECB raises rates to record 4%",
			ba:   "The European Central Bank raised its deposit rate by 25 basis points to a record 4% on Thursday, its tenth consecutive increase, and signalled that rates may have peaked.",
			tb:   "European Central Bank lifts deposit rate to record high of 4%",
			bb:   "FRANKFURT - The European Central Bank lifted its deposit rate by 25 basis points to a record 4% on Thursday, its tenth straight hike, but hinted that this could be the last one as the euro zone economy weakens.",
			same: true,
		},
		{
			// Two launches of one day, their datelines dated alike: a shared date is no shared
			// figure, and the headline signal stays off (it merged them at 0.56 with dates counted).
			name: "two phone launches of one day, datelined",
			ta:   "Google unveils new Pixel phones packed with AI features",
			ba:   "MOUNTAIN VIEW, Calif., Oct 3 (AP) — Google on Tuesday unveiled its latest Pixel smartphones, leaning heavily on artificial intelligence features powered by its Gemini assistant as it tries to win market share from Apple and Samsung. The new phones, along with a Pixel Watch and earbuds, go on sale later this month.",
			tb:   "Samsung unveils new foldable phones with Galaxy AI features",
			bb:   "SEOUL, Oct 3 (Reuters) - Samsung Electronics on Wednesday unveiled its latest foldable smartphones, the Galaxy Z Fold and Z Flip, adding new Galaxy AI features as it seeks to revive demand for its premium devices against Apple. The phones will go on sale later this month, the South Korean company said.",
			same: false,
		},
		{
			// No figure in either: the headline signal is both headlines' words found in the
			// other copy, and the verbs are synonyms (quits, resigns; review, audit are not).
			name: "paraphrase without a figure",
			ta:   "Kestrel Mining chief executive quits after safety review",
			ba:   "PERTH (Reuters) - Kestrel Mining said on Thursday its chief executive Dana Marsh had quit, days after an independent review criticised safety practices at the company's Pilbara iron ore operations. Chairman Ian Rowe will lead the miner until a successor is found.",
			tb:   "Kestrel CEO Dana Marsh resigns as safety audit weighs on miner",
			bb:   "Dana Marsh has resigned as head of Kestrel Mining, the Australian iron ore producer announced, following a damning external audit of safety at its Pilbara mines. Chairman Ian Rowe steps in as interim leader while the board searches for a replacement.",
			same: true,
		},
		{
			// One regulator's two approvals of a day share the regulator, the verb and the
			// kind of product: not the product, the company or the disease.
			name: "two approvals of one regulator",
			ta:   "EU regulator approves Norvex's migraine drug",
			ba:   "AMSTERDAM (Reuters) - The European Medicines Agency recommended approval on Friday of Norvex Pharma's migraine treatment Zolvana for adults who have failed at least two other therapies, the company said. A final decision by the European Commission usually follows within two months.",
			tb:   "EU regulator clears Haldane Bio's psoriasis cream",
			bb:   "AMSTERDAM (Reuters) - The European Medicines Agency on Friday recommended approval of Haldane Bio's psoriasis cream Dermaxa for adults with moderate disease, the company said. The European Commission is expected to make a final decision within two months.",
			same: false,
		},
		{
			name: "two carmakers, one wire",
			ta:   "Toyota recalls SUVs in US over fuel pump defect",
			ba:   "DETROIT (AP) — Toyota is recalling sport utility vehicles in the United States because the fuel pump can fail, causing the engine to stall while driving and raising the risk of a crash, the National Highway Traffic Safety Administration said Monday. Dealers will replace the fuel pump free of charge. Owners will be notified by mail.",
			tb:   "Honda recalls minivans in US over sliding door problem",
			bb:   "DETROIT (AP) — Honda is recalling Odyssey minivans in the United States because the power sliding doors can open while the vehicle is moving, raising the risk of injury, the National Highway Traffic Safety Administration said Monday. Dealers will update the door control software free of charge, and owners will be notified by mail.",
			same: false,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Fingerprint(tc.ta, tc.ba, at)
			b := Fingerprint(tc.tb, tc.bb, at.Add(3*time.Hour))
			wantStory(t, a, b, o, tc.same)
			// Through an index, a match says that the words made it.
			x := NewIndex(o)
			x.Add("a", "a", a)
			if m, ok := x.Match(b, nil); ok != tc.same || ok && (m.ID != "a" || !m.Words || m.Window) {
				t.Errorf("Match = %+v, %v; want a match on words: %v", m, ok, tc.same)
			}
			// Without the words, the shingles alone decide: the paraphrases fall below.
			a.Shingles, b.Shingles = withoutWords(a.Shingles), withoutWords(b.Shingles)
			if s := score(a, b, o); s >= o.Threshold {
				t.Errorf("shingles alone score %.3f: the case does not test the words", s)
			}
		})
	}
}

// TestPrintVersions: a print with names encodes as version 3 and reads back whole, and is version
// 2 followed by its names; the same print without names is version 2, byte for byte, and without
// words version 1 (what every print stored before words or names is, and still reads). Records
// that no version writes are refused: version 2 or 3 without words, a word beyond the range,
// version 3 without names or with a filter of another length, a name of neither kind, trailing
// bytes, version 4.
func TestPrintVersions(t *testing.T) {
	p := Fingerprint("Hong Kong judge orders liquidation of China Evergrande",
		"A Hong Kong judge ordered China Evergrande Group to be liquidated on Monday.", t0)
	words, subject := wordsAndSubject(p.Shingles)
	if len(words) < minWords || subject == 0 || len(p.Names) == 0 || len(p.Chars) != 0 {
		t.Fatalf("words %v subject %d names %v chars %v", words, subject, p.Names, p.Chars)
	}
	b, err := p.AppendBinary(nil)
	if err != nil || b[0] != printVersionNames {
		t.Fatalf("version %d (%v), want %d", b[0], err, printVersionNames)
	}
	var q Print
	if err := q.UnmarshalBinary(b); err != nil || !q.Equal(p) {
		t.Fatalf("round trip: %v\n got %+v\nwant %+v", err, q, p)
	}
	zh := Fingerprint("深交所向云岭股份下发年报问询函", "财联社12月1日电，深交所向云岭股份下发年报问询函，要求公司说明营业收入及净利润大幅下滑的原因。", t0)
	if len(zh.Names) == 0 || len(zh.Chars) != charsWords {
		t.Fatalf("a Chinese print: names %v, filter of %d words", zh.Names, len(zh.Chars))
	}
	bz, err := zh.AppendBinary(nil)
	if err != nil || bz[0] != printVersionNames || q.UnmarshalBinary(bz) != nil || !q.Equal(zh) {
		t.Fatalf("a Chinese print: version %d (%v), round trip %+v", bz[0], err, q)
	}
	v2 := p
	v2.Names = nil
	b2, err := v2.AppendBinary(nil)
	if err != nil || b2[0] != printVersionWords {
		t.Fatalf("version %d (%v), want %d", b2[0], err, printVersionWords)
	}
	if !bytes.HasPrefix(b[1:], b2[1:]) {
		t.Fatal("version 3 is not version 2 followed by the names")
	}
	// The same print without its words is version 1, byte for byte what version 1 wrote.
	v1 := v2
	v1.Shingles = withoutWords(p.Shingles)
	b1, err := v1.AppendBinary(nil)
	if err != nil || b1[0] != printVersion {
		t.Fatalf("version %d (%v), want %d", b1[0], err, printVersion)
	}
	if !bytes.HasPrefix(b2[1:], b1[1:]) {
		t.Fatal("version 2 is not version 1 followed by the words")
	}
	if _, err := (Print{Names: p.Names}).AppendBinary(nil); err == nil {
		t.Error("names without words encoded")
	}
	names := func(vs ...uint32) []byte { // a version 3 tail: names, no filter
		return binary.AppendUvarint(appendList(nil, vs, 0), 0)
	}
	v3 := func(tail ...byte) []byte { return append(append([]byte{printVersionNames}, b2[1:]...), tail...) }
	bad := map[string][]byte{
		"version 2 without words":  append(append([]byte{printVersionWords}, b1[1:]...), 0),
		"version 2 with no list":   append([]byte{printVersionWords}, b1[1:]...),
		"a word beyond the range":  append(append(append([]byte{printVersionWords}, b1[1:]...), 1), 0xff, 0xff, 0xff, 0x0f),
		"version 3 without words":  append(append([]byte{printVersionNames}, b1[1:]...), 0, 0, 0),
		"version 3 without names":  v3(0, 0),
		"version 3, no tail":       v3(),
		"a filter of one word":     v3(append(names(p.Names...)[:len(names(p.Names...))-1], 1, 1, 2, 3, 4)...),
		"a filter cut short":       v3(append(names(p.Names...)[:len(names(p.Names...))-1], charsWords, 1, 2, 3)...),
		"a name below the words":   v3(names(7)...),
		"a name of no ideographs":  v3(names(hanNameFlag | 0x7fff<<15)...),
		"version 4":                append([]byte{4}, b[1:]...),
		"version 3, trailing byte": append(slices.Clone(b), 0),
		"version 2, trailing byte": append(slices.Clone(b2), 0),
	}
	for name, rec := range bad {
		if err := q.UnmarshalBinary(rec); err == nil {
			t.Errorf("%s: decoded", name)
		}
	}
	if err := q.UnmarshalBinary(v3(names(p.Names...)...)); err != nil || !slices.Equal(q.Names, p.Names) {
		t.Errorf("the test's own version 3 record: %v, names %v", err, q.Names)
	}
}

// TestWordOverlap: content words compare with their headline flags aside, and the headline
// signal counts a headline's words found in the other list, from minTitleWords words.
func TestWordOverlap(t *testing.T) {
	w := func(s string, title bool) uint32 {
		v := value(s)
		if title {
			v |= wordTitle
		}
		return v
	}
	list := func(vs ...uint32) []uint32 {
		slices.Sort(vs)
		return vs
	}
	a := list(w("evergrande", true), w("court", true), w("hong", true), w("kong", true), w("liquidation", false), w("developer", false))
	b := list(w("evergrande", false), w("court", false), w("judge", true), w("hong", true), w("kong", false), w("shares", false))
	got := wordOverlap(a, b)
	want := wordsShared{common: 4, aTitle: 4, aFound: 4, bTitle: 2, bFound: 1}
	if got != want {
		t.Fatalf("wordOverlap = %+v, want %+v", got, want)
	}
	if h := got.headline(); h != 1 {
		t.Errorf("headline %.2f, want 1: all four of a's headline words are in b (b's two are too few)", h)
	}
	if h := wordOverlap(a[:3], b).headline(); h != 0 {
		t.Errorf("headline %.2f from a headline of three words, want 0", h)
	}
}

// TestEnglishFigures: an English print reads a figure the ways outlets write it as one fact —
// 4,000 and 4000, 6 per cent and 6%, 212,000 and 212K — and keeps figures apart that only
// punctuation joined (in 2024, 300 people).
func TestEnglishFigures(t *testing.T) {
	const text = "Acme Motors said on Tuesday it would cut %s jobs at its plants in Ohio and Texas as demand for its pickup trucks slowed, the carmaker's union said."
	facts := func(figure string) []uint32 {
		p := Fingerprint("Acme Motors to cut jobs at Ohio and Texas truck plants", fmt.Sprintf(text, figure), t0)
		if len(wordsOf(p.Shingles)) == 0 {
			t.Fatalf("%q: not read as English", figure)
		}
		return p.Facts
	}
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"4,000", "4000", true},
		{"1,250,000", "1250000", true},
		{"1,234.5", "1234.5", true},
		{"6 per cent", "6%", true},
		{"6 percent", "6 per cent", true},
		{"212,000", "212K", true},
		{"212K", "212 thousand", true},
		{"1.5k", "1,500", true},
		{"4,000", "4,500", false},
		{"6 per cent", "6", false},
		{"2024, 300", "2024300", false},
		{"12,34", "1234", false},
		{"10-15%", "10-15", false}, // a range of shares is no score
	} {
		if got := slices.Equal(facts(tc.a), facts(tc.b)); got != tc.same {
			t.Errorf("%q and %q: one fact %v, want %v (%v, %v)", tc.a, tc.b, got, tc.same, facts(tc.a), facts(tc.b))
		}
	}
	// A score or a vote is a fact that agrees or not like a date: another score vetoes, none in
	// the other copy (seven of the nine policymakers) does not.
	match := func(body string) []uint32 {
		return Fingerprint("Acme United beat Rovers to go top of the league", body, t0).Facts
	}
	won := match("Acme United beat Rovers 3-1 at home on Saturday to go top of the league table, their striker scoring twice.")
	for _, tc := range []struct {
		body string
		want int
	}{
		{"Acme United beat Rovers 2-0 at home on Saturday to go top of the league table, their striker scoring twice.", factsDisagree},
		{"Acme United beat Rovers at home on Saturday to go top of the league table, their striker scoring twice.", factsAgree},
		{"Acme United beat Rovers 3-1 at home on Saturday to go top of the league table, their striker scoring twice.", factsAgree},
	} {
		if got := min(agree(won, match(tc.body)), agree(match(tc.body), won)); got != tc.want {
			t.Errorf("3-1 against %q: %d, want %d", tc.body, got, tc.want)
		}
	}
	if shareFact(won, won) {
		t.Error("a shared score is a shared figure: many matches end 3-1")
	}
}

// TestSubjectsApart: two companies' press releases of one template and one day (the same
// conference, the same dividend) are two stories although their texts differ only in the company
// (0.879 and 0.697 before the subjects kept English copies apart), and so are two all-caps flashes
// whose texts open with the company's name (0.876 while such a headline had no subject); one wire story under three
// pairs of outlets' headlines, whose subjects differ, stays one story.
func TestSubjectsApart(t *testing.T) {
	o := Options{}.withDefaults()
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	const ap = "<p>NEW YORK (AP) — Stocks sank on Wall Street on Wednesday after the Federal Reserve signaled it may cut interest rates fewer times next year than investors had hoped. The S&P 500 fell 2.9%, its worst day since August, while the Dow Jones Industrial Average dropped 1,123 points, or 2.6%. The Nasdaq composite slid 3.6%.</p>" +
		"<p>Treasury yields jumped in the bond market after the central bank's latest projections showed policymakers expect to cut rates only twice next year, down from the four cuts they had penciled in three months ago. Smaller stocks, which are more sensitive to borrowing costs, took some of the worst hits.</p>" +
		"<p>Chair Jerome Powell said the economy remains strong and that the Fed can be more cautious about further reductions. Markets had been betting heavily on more relief.</p>"
	release := func(dateline, company, ticker, text string) string {
		return "<p>" + dateline + ", Dec. 1, 2026 /PRNewswire/ -- " + company + " (" + ticker + ") " + text + "</p>"
	}
	const conference = "today announced that management will present at the 29th Annual Needham Growth Conference in New York on January 14, 2027. A live webcast of the presentation will be available on the investor relations section of the company's website."
	const dividend = "today announced that its Board of Directors declared a quarterly cash dividend of $0.25 per share, payable on January 15, 2027 to shareholders of record as of the close of business on December 31, 2026."
	tests := []struct {
		name           string
		ta, ba, tb, bb string
		same           bool
	}{
		{"two companies at one conference", "Acme Robotics to Present at the Needham Growth Conference", release("AUSTIN, Texas", "Acme Robotics, Inc.", "NASDAQ: ACMR", conference),
			"Beta Labs to Present at the Needham Growth Conference", release("BOSTON", "Beta Labs, Inc.", "NASDAQ: BETA", conference), false},
		{"two companies' dividends", "Acme Bank Declares Quarterly Dividend of $0.25 per Share", release("CHICAGO", "Acme Bank Corp.", "NYSE: ACB", dividend),
			"Beta Financial Declares Quarterly Dividend of $0.25 per Share", release("DALLAS", "Beta Financial Inc.", "NYSE: BFI", dividend), false},
		{"two companies' buybacks under all-caps headlines", "ACME SAYS BOARD APPROVES SHARE BUYBACK", "<p>Acme Corp said its board approved a share buyback program, the company said in a statement on Tuesday. The program has no expiration date.</p>",
			"BETA SAYS BOARD APPROVES SHARE BUYBACK", "<p>Beta Corp said its board approved a share buyback program, the company said in a statement on Tuesday. The program has no expiration date.</p>", false},
		{"one buyback, one all-caps headline", "ACME SAYS BOARD APPROVES SHARE BUYBACK", "<p>Acme Corp said its board approved a share buyback program, the company said in a statement on Tuesday. The program has no expiration date.</p>",
			"Acme board approves share buyback", "<p>The board of Acme Corp has approved a share buyback program with no expiration date, the company said on Tuesday.</p>", true},
		{"one wire story retitled: Fed, Wall Street", "Stocks slide as Fed signals fewer rate cuts next year", ap, "Wall Street has its worst day since August", ap, true},
		{"one wire story retitled: Powell, Dow", "Powell's hawkish turn sends markets reeling", ap, "Dow plunges as Powell signals caution", ap, true},
		{"one wire story retitled: Federal Reserve, Nasdaq", "Markets tumble: What the Federal Reserve decision means for your money", ap, "Nasdaq sinks 3.6% as Treasury yields jump", ap, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := Fingerprint(tc.ta, tc.ba, at)
			b := Fingerprint(tc.tb, tc.bb, at.Add(time.Hour))
			wantStory(t, a, b, o, tc.same)
		})
	}
}

// wantStory fails t unless prints a and b are one story exactly when same, compared either way.
func wantStory(t *testing.T, a, b Print, o Options, same bool) {
	t.Helper()
	if s := score(a, b, o); (s >= o.Threshold) != same || score(b, a, o) != s {
		t.Errorf("score %.3f (reversed %.3f), one story %v, want %v", s, score(b, a, o), s >= o.Threshold, same)
	}
}

// TestSortWords holds sortWords and wordSet to what they replace (slices.Sort, a linear search),
// on word values spread as hashes are and on a hostile text's, crowded into one bucket and one
// slot.
func TestSortWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	spread := func(n int) []uint32 {
		vs := make([]uint32, n)
		for i := range vs {
			vs[i] = wordBase + rng.Uint32N(wordSpace)
		}
		return vs
	}
	crowded := func(n int) []uint32 { // two of sortWords' buckets, one of wordSet's slots
		vs := make([]uint32, n)
		for i := range vs {
			vs[i] = wordBase + uint32(i)<<9 + 1
		}
		rng.Shuffle(n, func(i, j int) { vs[i], vs[j] = vs[j], vs[i] })
		return vs
	}
	for _, tc := range []struct {
		name string
		vs   []uint32
	}{
		{"none", nil},
		{"few", spread(5)},
		{"English", spread(maxWords)},
		{"Chinese", spread(maxHanWords)},
		{"repeats", func() []uint32 { vs := spread(30); return append(vs, vs[:10]...) }()},
		{"crowded", crowded(maxHanWords)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The set keeps the first of each word, of the headline or not, as hasWord did.
			var set wordSet
			var got, want []uint32
			for i, v := range tc.vs {
				if i%3 == 0 {
					v |= wordTitle
				}
				if set.add(v) {
					got = append(got, v)
				}
				if !hasWord(want, v) {
					want = append(want, v)
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("wordSet kept %v, a search %v", got, want)
			}
			if len(tc.vs) > 0 && set.add(tc.vs[0]&^wordTitle) {
				t.Fatalf("wordSet took %d again, without its headline flag", tc.vs[0])
			}
			sortWords(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("sortWords gave %v, want %v", got, want)
			}
		})
	}
}
