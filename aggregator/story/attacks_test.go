package story

import (
	"path/filepath"
	"testing"
)

// TestAttacks measures the detector on the pairs that helper sessions wrote to attack it
// (testdata/attacks.jsonl, 2026-12-08; README, "Names"): zh-template and en-template are two
// stories of one template each (an exchange's inquiry letters to two companies, two issuers'
// rating affirmations, two counties' warnings…) with true copies of one of them as controls;
// zh-copies and en-copies are true copies only, written against the names rule (full and short
// names, abbreviations, Latin and Chinese names, Title Case, one statement worded apart). The
// template sets are adversarial on purpose: their precision is far under the goal, and
// their floors, with the copies' recall floors, only guard against a regression. Run with -v for
// the figures and every wrong pair:
//
//	go test -run TestAttacks -v ./aggregator/story/
func TestAttacks(t *testing.T) {
	ps := readJSONL(t, filepath.Join("testdata", "attacks.jsonl"))
	for _, set := range []struct {
		split                   string
		minPrecision, minRecall float64
	}{
		// Measured at 7144f6e..ff874bf: 0.615 / 1.000, 0.559 / 0.950 (a reworded Quakebot copy,
		// 0.494), and copies 0.587 and 0.583 recall (2 Chinese split by names, the rest missed
		// by the detector before them: headline names written two ways, figures, few shared words).
		{"zh-template", 0.6, 0.95},
		{"en-template", 0.55, 0.9},
		{"zh-copies", 1, 0.55},
		{"en-copies", 1, 0.55},
	} {
		t.Run(set.split, func(t *testing.T) {
			ps := splitOf(ps, set.split)
			if len(ps) == 0 {
				t.Fatal("no pairs")
			}
			tl, _ := measured(t, set.split, ps)
			if tl.precision() < set.minPrecision || tl.recall() < set.minRecall {
				t.Errorf("%s: precision %.3f recall %.3f: want ≥ %.2f and ≥ %.2f", set.split, tl.precision(), tl.recall(), set.minPrecision, set.minRecall)
			}
		})
	}
}
