package story

import (
	"flag"
	"path/filepath"
	"testing"

	"tributary/aggregator/testenv"
)

var tune = flag.Bool("story.tune", false, "print precision and recall over a grid of weights and thresholds (dev sets only)")

// TestTune is how DefaultThreshold and the weights were chosen: it scores the dev half of our
// pairs, ../shared/neardup and ../shared/realposts (never our test half) over a grid and prints
// the outcome of each setting. It runs only when asked:
//
//	TRIBUTARY_SHARED=/path/to/shared go test -run TestTune -v ./aggregator/story/ -story.tune
func TestTune(t *testing.T) {
	if !*tune {
		t.Skip("tuning grid: run with -story.tune")
	}
	type item struct {
		g     signals
		ok    bool
		label int
	}
	var items []item
	add := func(ps []pair) {
		for _, p := range ps {
			a := Fingerprint(p.A.Title, p.A.Body, parseDate(t, p.A.Date))
			b := Fingerprint(p.B.Title, p.B.Body, parseDate(t, p.B.Date))
			g, ok := measure(a, b, Options{}.withDefaults())
			items = append(items, item{g, ok, p.Label})
		}
	}
	add(splitOf(readJSONL(t, filepath.Join("testdata", "pairs.jsonl")), "dev"))
	add(readJSONL(t, testenv.Shared(t, "neardup/pairs.jsonl")))
	add(readTSV(t, filepath.Dir(testenv.Shared(t, "realposts/pairs.tsv"))))
	for _, wc := range []float64{0.5, 0.6, 0.7, 0.8} {
		for _, th := range []float64{0.35, 0.4, 0.45, 0.5, 0.55, 0.6} {
			var tl tally
			for _, it := range items {
				s := 0.0
				if it.ok {
					s = it.g.combine(wc, 1-wc)
				}
				switch {
				case s >= th && it.label == 1:
					tl.tp++
				case s >= th:
					tl.fp++
				case it.label == 1:
					tl.fn++
				default:
					tl.tn++
				}
			}
			t.Logf("containment weight %.1f threshold %.2f: precision %.3f recall %.3f (fp %d fn %d)",
				wc, th, tl.precision(), tl.recall(), tl.fp, tl.fn)
		}
	}
}
