package story

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// middlePair returns own053 of testdata/pairs.jsonl: a 财联社 article longer than a print reads and
// a flash under its headline that quotes it further on, which Score alone misses.
func middlePair(t *testing.T) (long, flash doc) {
	t.Helper()
	for _, p := range readJSONL(t, filepath.Join("testdata", "pairs.jsonl")) {
		if p.ID == "own053" {
			return p.A, p.B
		}
	}
	t.Fatal("own053 not in testdata/pairs.jsonl")
	return doc{}, doc{}
}

// TestSecondLook: a flash quoting a long article past what its print reads is matched through the
// second look, whichever of the two the index holds, and only with the texts it needs; Of is asked
// at most secondTries times a match, skip holds for the candidates weighed for a look, and a
// headline alike over another text stays apart.
func TestSecondLook(t *testing.T) {
	long, flash := middlePair(t)
	o := Options{}.withDefaults()
	lp := Fingerprint(long.Title, long.Body, parseDate(t, long.Date))
	fp := Fingerprint(flash.Title, flash.Body, parseDate(t, flash.Date))
	if s := Score(lp, fp, o); s >= o.Threshold {
		t.Fatalf("Score = %.3f: the pair no longer needs a second look, pick another", s)
	}
	ofLong := func(id string) (string, string, bool) { return long.Title, long.Body, id == "long" }
	for _, tc := range []struct {
		name      string
		indexed   string // "long" or "flash": which one the index holds
		texts     *Texts
		skip      func(string) bool
		wantMatch bool
		wantLooks int
	}{
		{"flash after the article, read back", "long", &Texts{Title: flash.Title, Body: flash.Body, Of: ofLong}, nil, true, 1},
		{"flash after the article, no Of", "long", &Texts{Title: flash.Title, Body: flash.Body}, nil, false, 0},
		{"flash after the article, not readable", "long", &Texts{Title: flash.Title, Body: flash.Body,
			Of: func(string) (string, string, bool) { return "", "", false }}, nil, false, 0},
		{"flash after the article, story skipped", "long", &Texts{Title: flash.Title, Body: flash.Body, Of: ofLong},
			func(st string) bool { return st == "long" }, false, 0},
		{"flash after the article, no texts", "long", nil, nil, false, 0},
		{"article after the flash", "flash", &Texts{Title: long.Title, Body: long.Body}, nil, true, 1},
		{"article after the flash, no texts", "flash", nil, nil, false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x := NewIndex(o)
			p := fp
			if tc.indexed == "long" {
				x.Add("long", "long", lp)
			} else {
				x.Add("flash", "flash", fp)
				p = lp
			}
			m, ok := x.JoinWith("new", p, tc.skip, tc.texts)
			if ok != tc.wantMatch || ok && (m.ID != tc.indexed || m.Score < o.Threshold || m.Score > 1) {
				t.Errorf("JoinWith = %+v, %v; want a match with %s: %v", m, ok, tc.indexed, tc.wantMatch)
			}
			if tc.texts != nil && tc.texts.Looks != tc.wantLooks {
				t.Errorf("%d looks, want %d", tc.texts.Looks, tc.wantLooks)
			}
		})
	}

	t.Run("bounded", func(t *testing.T) {
		// Five long articles under the headline, none holding the flash's passage: at most
		// secondTries of them are read and walked, and none matches.
		x := NewIndex(o)
		cut := strings.Index(long.Body, "</p>") + 4
		other := long.Body[:cut] + strings.Repeat("<p>"+strings.Repeat("无关的段落文字", 30)+"</p>", 20)
		for i := range 5 {
			x.Add(fmt.Sprint("long", i), fmt.Sprint("long", i), Fingerprint(long.Title, other, lp.Time))
		}
		reads := 0
		texts := &Texts{Title: flash.Title, Body: flash.Body, Of: func(string) (string, string, bool) {
			reads++
			return long.Title, other, true
		}}
		if m, ok := x.MatchWith(fp, nil, texts); ok {
			t.Errorf("matched %+v", m)
		}
		if reads < 1 || reads > secondTries || texts.Looks != reads {
			t.Errorf("%d reads, %d looks: want 1 to %d, one look a read", reads, texts.Looks, secondTries)
		}
	})
}

// TestWindowScoreShortText: a text no longer than one window gets no second look (its print saw
// all of it).
func TestWindowScoreShortText(t *testing.T) {
	long, flash := middlePair(t)
	fp := Fingerprint(flash.Title, flash.Body, parseDate(t, flash.Date))
	short := long.Body[:strings.Index(long.Body, "</p>")+4]
	if w := windowScore(fp, long.Title, short, fp.Time, Options{}.withDefaults()); w != 0 {
		t.Errorf("windowScore of a one-window text = %v, want 0", w)
	}
	if w := windowScore(fp, long.Title, long.Body, fp.Time, Options{}.withDefaults()); w < DefaultThreshold {
		t.Errorf("windowScore of the article = %v, want the threshold or more", w)
	}
}

// TestSecondLookFinds: the second look's reach, on labelled pairs it was made for, and the traps
// next to them. own059 is a flash quoting the 19th and 20th of 39 sentences of an article full of
// figures: a window's print records the first maxNumbers figures it meets, so only a window that
// starts close before the passage sees the flash's; own052's flash carries the article's headline
// cut short, alike by containment, not by Jaccard. A headline of a few words earns no look (it is
// contained in too many others), and a look finds nothing in another story's text.
func TestSecondLookFinds(t *testing.T) {
	pairs := map[string]pair{}
	for _, p := range readJSONL(t, filepath.Join("testdata", "pairs.jsonl")) {
		pairs[p.ID] = p
	}
	o := Options{}.withDefaults()
	for _, tc := range []struct {
		name string
		id   string
		edit func(*doc) // applied to the shorter copy, B
		same bool
	}{
		{"figures past the first window's", "own059", nil, true},
		{"another month's figures", "own059", func(d *doc) {
			d.Title = strings.NewReplacer("1-4月", "1-5月", "1250", "1410").Replace(d.Title)
			d.Body = strings.NewReplacer("1-4月", "1-5月", "1250", "1410").Replace(d.Body)
		}, false},
		{"headline cut short", "own052", nil, true},
		{"headline cut to a few words", "own052", func(d *doc) { d.Title = "公募基金" }, false},
		{"headline cut short over another story", "own052", func(d *doc) { d.Body = pairs["own059"].B.Body }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := pairs[tc.id]
			if !ok {
				t.Fatalf("%s not in testdata/pairs.jsonl", tc.id)
			}
			if tc.edit != nil {
				tc.edit(&p.B)
			}
			a := Fingerprint(p.A.Title, p.A.Body, parseDate(t, p.A.Date))
			b := Fingerprint(p.B.Title, p.B.Body, parseDate(t, p.B.Date))
			if s := Score(a, b, o); s >= o.Threshold {
				t.Fatalf("Score = %.3f: the pair no longer needs a second look", s)
			}
			s := scoreTexts(a, b, p.A.Title, p.A.Body, p.B.Title, p.B.Body, o)
			if got := s >= o.Threshold; got != tc.same {
				t.Errorf("score with a second look %.3f: one story %v, want %v", s, got, tc.same)
			}
			// The index gives the same answer, whichever copy comes first.
			for _, longFirst := range []bool{true, false} {
				x := NewIndex(o)
				texts := &Texts{Title: p.A.Title, Body: p.A.Body}
				newP := a
				if longFirst {
					x.Add("a", "a", a)
					texts = &Texts{Title: p.B.Title, Body: p.B.Body, Of: func(string) (string, string, bool) {
						return p.A.Title, p.A.Body, true
					}}
					newP = b
				} else {
					x.Add("b", "b", b)
				}
				if _, got := x.MatchWith(newP, nil, texts); got != tc.same {
					t.Errorf("long copy indexed first %v: matched %v, want %v", longFirst, got, tc.same)
				}
			}
		})
	}
}

// TestWindowStep: a look prints at most secondWindows windows past the first, however long the
// text, and its windows overlap (so that a passage between two starts lies whole in one).
func TestWindowStep(t *testing.T) {
	for _, n := range []int{maxRunes + 1, 1628, 4 * maxRunes, secondMax} {
		step := windowStep(n)
		if windows := (n - 1) / step; windows > secondWindows {
			t.Errorf("%d runes: %d windows after the first, want ≤ %d", n, windows, secondWindows)
		}
		if step < secondStep || step > maxRunes/2 {
			t.Errorf("%d runes: step %d, want %d to %d", n, step, secondStep, maxRunes/2)
		}
	}
}
