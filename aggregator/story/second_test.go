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
