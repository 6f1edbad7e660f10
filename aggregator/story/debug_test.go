package story

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDebugPairs(t *testing.T) {
	ids := os.Getenv("STORY_DEBUG")
	if ids == "" {
		t.Skip()
	}
	for _, p := range readJSONL(t, filepath.Join("testdata", "pairs.jsonl")) {
		if !strings.Contains(","+ids+",", ","+p.ID+",") {
			continue
		}
		a := Fingerprint(p.A.Title, p.A.Body, parseDate(t, p.A.Date))
		b := Fingerprint(p.B.Title, p.B.Body, parseDate(t, p.B.Date))
		show := func(fs []uint32) string {
			var s []string
			for _, f := range fs {
				if isDate(f) {
					m, d := factMonthDay(f)
					s = append(s, "D"+itoa(m)+"-"+itoa(d))
				} else {
					s = append(s, "n"+itoa(int(f%1000)))
				}
			}
			return strings.Join(s, " ")
		}
		t.Logf("%s %s\n A runes %d facts %s\n B runes %d facts %s\n score %.3f\n A: %.300s\n B: %.300s", p.ID, p.How, a.Runes, show(a.Facts), b.Runes, show(b.Facts), Score(a, b, Options{}), p.A.Body, p.B.Body)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestDebugNoFacts(t *testing.T) {
	if os.Getenv("STORY_NOFACTS") == "" {
		t.Skip()
	}
	ps := readJSONL(t, filepath.Join("testdata", "pairs.jsonl"))
	ps = append(ps, readJSONL(t, "/work/shared/neardup/pairs.jsonl")...)
	ps = append(ps, readTSV(t, "/work/shared/realposts")...)
	for _, p := range ps {
		if p.Split == "test" {
			continue
		}
		a := Fingerprint(p.A.Title, p.A.Body, parseDate(t, p.A.Date))
		b := Fingerprint(p.B.Title, p.B.Body, parseDate(t, p.B.Date))
		full := Score(a, b, Options{})
		a.Facts, b.Facts = nil, nil
		s := Score(a, b, Options{})
		if p.Label == 0 && s > 0.1 {
			t.Logf("neg %.3f (with facts %.3f) %s %s ‖ %s [%s]", s, full, p.ID, p.A.Title, p.B.Title, p.How)
		}
	}
}

func TestDebugGrid(t *testing.T) {
	if os.Getenv("STORY_GRID") == "" {
		t.Skip()
	}
	type item struct {
		g     signals
		ok    bool
		label int
		set   string
	}
	var items []item
	add := func(set string, ps []pair) {
		for _, p := range ps {
			if p.Split == "test" {
				continue
			}
			a := Fingerprint(p.A.Title, p.A.Body, parseDate(t, p.A.Date))
			b := Fingerprint(p.B.Title, p.B.Body, parseDate(t, p.B.Date))
			g, ok := measure(a, b, Options{}.withDefaults())
			items = append(items, item{g, ok, p.Label, set})
		}
	}
	add("own", readJSONL(t, filepath.Join("testdata", "pairs.jsonl")))
	add("nd", readJSONL(t, "/work/shared/neardup/pairs.jsonl"))
	add("rp", readTSV(t, "/work/shared/realposts"))
	for _, wc := range []float64{0.5, 0.6, 0.7, 0.8} {
		for _, th := range []float64{0.35, 0.4, 0.45, 0.5, 0.55, 0.6} {
			var tp, fp, fn int
			for _, it := range items {
				s := 0.0
				if it.ok {
					s = it.g.combine(wc, 1-wc)
				}
				switch {
				case s >= th && it.label == 1:
					tp++
				case s >= th:
					fp++
				case it.label == 1:
					fn++
				}
			}
			t.Logf("wc %.1f th %.2f tp %d fp %d fn %d", wc, th, tp, fp, fn)
		}
	}
}
