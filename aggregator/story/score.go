package story

// Weights and floors of the score; see the package comment for why each signal is there.
const (
	// minCommon body values must be shared before a pair scores at all: below that the estimate is
	// noise (and Index.Match relies on it to look only at prints sharing that many postings).
	minCommon = 2
	// wContain and wResemble weigh containment (the smaller copy inside the larger) against
	// resemblance (the larger of Jaccard and title similarity).
	wContain  = 0.7
	wResemble = 0.3
	// numberAgree is the share of the smaller copy's numbers that must appear in the larger.
	numberAgree = 0.5
	// dateAgree is the share of the smaller copy's dates that must appear in the larger.
	dateAgree = 0.5
	// timeFade: a pair at the edge of the window loses this share of its score.
	timeFade = 0.15
)

// split returns the body values and the title values of a print's Shingles.
func split(s []uint32) (body, title []uint32) {
	i := len(s)
	for i > 0 && s[i-1] >= titleBase {
		i--
	}
	return s[:i], s[i:]
}

// cut is the value below which a sketch holds every sampled shingle: its largest value when it was
// capped, the whole space otherwise.
func cut(s []uint32, capN int, space uint32) uint32 {
	if len(s) >= capN {
		return s[len(s)-1]
	}
	return space
}

// overlap counts the values ≤ limit in a and b and those they share.
func overlap(a, b []uint32, limit uint32) (na, nb, common int) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		if x > limit || y > limit {
			break
		}
		switch {
		case x == y:
			common++
			i++
			j++
		case x < y:
			i++
		default:
			j++
		}
	}
	for i < len(a) && a[i] <= limit {
		i++
	}
	for j < len(b) && b[j] <= limit {
		j++
	}
	return i, j, common
}

func score(a, b Print, o Options) float64 {
	d := a.Time.Sub(b.Time)
	if d < 0 {
		d = -d
	}
	if d > o.Window {
		return 0
	}
	ab, at := split(a.Shingles)
	bb, bt := split(b.Shingles)
	limit := min(cut(ab, maxBody, bodySpace), cut(bb, maxBody, bodySpace))
	na, nb, common := overlap(ab, bb, limit)
	if common < minCommon {
		return 0
	}
	small, large := a, b
	if b.Runes < a.Runes || b.Runes == a.Runes && len(b.Facts) < len(a.Facts) {
		small, large = b, a
	}
	if !agree(small.Facts, large.Facts) {
		return 0
	}
	contain := float64(common) / float64(min(na, nb))
	jaccard := float64(common) / float64(na+nb-common)
	title := 0.0
	if len(at) > 0 && len(bt) > 0 {
		tl := min(cut(at, maxTitle, titleBase+titleSpace), cut(bt, maxTitle, titleBase+titleSpace))
		ta, tb, tc := overlap(at, bt, tl)
		if ta > 0 && tb > 0 {
			title = float64(tc) / float64(ta+tb-tc)
		}
	}
	s := wContain*contain + wResemble*max(jaccard, title)
	return s * (1 - timeFade*float64(d)/float64(o.Window))
}

// agree reports whether the smaller copy's facts are found in the larger's: most of its numbers
// and most of its dates when the larger has any (dates are sorted last). Templated stories fail here: same words, another day or another count.
func agree(small, large []uint32) bool {
	var sn, sd, hn, hd int
	ld := len(large) > 0 && isDate(large[len(large)-1])
	for _, f := range small {
		if isDate(f) {
			sd++
			if hasDate(large, f) {
				hd++
			}
		} else {
			sn++
			if has(large, f) {
				hn++
			}
		}
	}
	if sn > 0 && float64(hn) < numberAgree*float64(sn) {
		return false
	}
	if sd > 0 && ld && float64(hd) < dateAgree*float64(sd) {
		return false
	}
	return true
}

func has(s []uint32, f uint32) bool {
	for _, x := range s {
		if x == f {
			return true
		}
		if x > f {
			return false
		}
	}
	return false
}

// hasDate: a day alone (month 0) matches any date on that day, and a full date matches a day alone.
func hasDate(s []uint32, f uint32) bool {
	m, d := factMonthDay(f)
	for _, x := range s {
		if !isDate(x) {
			continue
		}
		xm, xd := factMonthDay(x)
		if xd == d && (xm == m || xm == 0 || m == 0) {
			return true
		}
	}
	return false
}
