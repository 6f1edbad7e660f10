package normalize

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ErrDate is wrapped by the errors of ParseDate.
var ErrDate = errors.New("unparsable date")

// ParseDate reads a feed date and returns it in UTC. It accepts RFC 3339 / ISO 8601 (with or without
// "T", seconds, fraction, zone), RFC 822 / 1123 / 850 and ANSI C / Unix date variants (with or without
// weekday, seconds or a two-digit year; full or abbreviated month and weekday names; any case; a
// trailing "(comment)"), the Chinese forms "2021年11月18日 09:06[:01]", "2021-11-18 09:06:01",
// "2021/11/18 09:06" (with 星期/周 weekdays, 时/分/秒, 上午/下午 and full-width digits), and Unix
// timestamps of 10 (seconds) or 13 (milliseconds) digits.
//
// Zones: numeric offsets (+0800, +08:00, +08, GMT+8, UTC+08:00), Z/UT/UTC/GMT and a table of
// common abbreviations are honoured. A date without a zone, or with one the table does not know, is
// wall time in loc (UTC when loc is nil). "CST" is ambiguous (China +08:00, US Central −06:00, Cuba
// −05:00): it is read in loc, so a source configured with Asia/Shanghai gets +08:00; only when loc is
// nil does it fall back to RFC 822's −06:00. Zone abbreviations are never looked up in the host's
// time.Local (time.Parse does that, which made the same string mean different instants on different
// hosts), so the result is the same instant under any TZ.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	t, _, err := parseDateZone(s, loc)
	return t, err
}

// parseDateZone is ParseDate that also returns the zone abbreviation of s when it was read as wall
// time in loc: "CST", or one the table does not know. A source without a timezone reads it as UTC,
// which the caller should warn about.
func parseDateZone(s string, loc *time.Location) (time.Time, string, error) {
	orig := s
	t, abbrev, err := parseDate(s, loc)
	// A year 0 wall time east of UTC is year -1 in UTC: no feed means that, and no format can
	// write it back.
	if u := t.UTC(); err != nil || u.Year() < 1 || u.Year() > 9999 {
		return time.Time{}, "", fmt.Errorf("normalize: %w %q", ErrDate, truncate(orig, 64))
	}
	return t.UTC(), abbrev, nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// zone is what a date string says about its offset.
type zone struct {
	set    bool
	inLoc  bool   // read as wall time in the caller's location
	abbrev string // the abbreviation read in loc ("CST", or one the table does not know)
	offset int    // seconds east of UTC
}

// fixedZones maps zone abbreviations to offsets in hours (RFC 822 §5 plus common Asian, European and
// Australian ones). "CST" is handled apart, see ParseDate.
var fixedZones = map[string]float64{
	"UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0,
	"EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "NST": -3.5, "NDT": -2.5,
	"BST": 1, "IST": 5.5, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "EET": 2, "EEST": 3, "WEST": 1, "MSK": 3,
	"BJT": 8, "HKT": 8, "SGT": 8, "MYT": 8, "PHT": 8, "AWST": 8, "WITA": 8, "TWT": 8,
	"JST": 9, "KST": 9, "ICT": 7, "WIB": 7, "PKT": 5, "AEST": 10, "AEDT": 11, "ACST": 9.5, "ACDT": 10.5,
	"NZST": 12, "NZDT": 13,
}

var (
	// unixStamp is a bare Unix time in seconds or milliseconds.
	unixStamp = regexp.MustCompile(`^\d{10}(\d{3})?$`)
	// isoDate is a year-first date with -, / or . separators, possibly glued to a time by T.
	isoDate = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[Tt ]+|$)`)
	// gluedOffset is a zone written right after a time: 09:06:01+08:00, 09:06Z, 09:06:01.5-0500.
	gluedOffset = regexp.MustCompile(`(\d:\d\d(?::\d\d(?:[.,]\d+)?)?)([Zz]|[+-]\d\d(?::?\d\d)?)(\s|$)`)
	// numericOffset is a zone field: +0800, -05:00, +08, GMT+8, UTC+08:00, GMT-0530.
	numericOffset = regexp.MustCompile(`^(?:GMT|UTC|UT)?([+-])(\d{1,2})(?::?(\d\d))?$`)
	// comment is a trailing parenthesised comment: "… +0800 (CST)".
	comment = regexp.MustCompile(`\s*\([^)]*\)\s*$`)
	// chinese maps the Chinese date and time markers onto ISO punctuation.
	chinese = strings.NewReplacer(
		"年", "-", "月", "-", "日", " ", "号", " ",
		"时", ":", "點", ":", "点", ":", "分", ":", "秒", " ",
		"：", ":", "，", " ", "　", " ",
		"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9",
	)
)

// layouts are tried, in order, on the date once weekday and zone are removed and separators normalized.
var layouts = []string{
	"2006-1-2 15:04:05.999999999",
	"2006-1-2 15:04:05",
	"2006-1-2 15:04",
	"2006-1-2 15",
	"2006-1-2",
	"2 Jan 2006 15:04:05.999999999",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 Jan 06 15:04:05",
	"2 Jan 06 15:04",
	"2 Jan 2006",
	"2 January 2006 15:04:05",
	"2 January 2006 15:04",
	"2 January 2006",
	"2-Jan-2006 15:04:05",
	"2-Jan-06 15:04:05",
	"2-Jan-2006",
	"Jan 2 2006 15:04:05",
	"Jan 2 2006 15:04",
	"Jan 2 2006",
	"January 2 2006 15:04:05",
	"January 2 2006 15:04",
	"January 2 2006",
	"Jan 2 15:04:05 2006",
	"January 2 15:04:05 2006",
	"Jan 2 15:04:05.999999999 2006",
	"2006 Jan 2 15:04:05",
}

var weekdays = map[string]bool{
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// fastDate reads the two strict forms nearly every feed writes, RFC 3339 without fractions (Atom)
// and RFC 1123 with a numeric offset (RSS), with time.Parse alone: the general reading below costs
// regexps and replacers per date (~15 % of normalizing a feed) and gives these the same instant
// (TestFastDateAgrees). Anything else, or an offset beyond ±14:00, takes the general path.
func fastDate(s string) (time.Time, bool) {
	var layout string
	switch {
	case (len(s) == 20 || len(s) == 25) && s[4] == '-' && s[10] == 'T':
		layout = time.RFC3339
	case len(s) == 31 && s[3] == ',' && s[4] == ' ':
		layout = time.RFC1123Z
	default:
		return time.Time{}, false
	}
	// time.Parse takes a zone's minutes up to 99 ("+00:60" reads as +01:00); the general reading
	// refuses them, and both paths must agree, so such a zone is left to it.
	if s[len(s)-2] > '5' && s[len(s)-1] >= '0' && s[len(s)-1] <= '9' {
		return time.Time{}, false
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, false
	}
	if _, off := t.Zone(); off > 14*3600 || off < -14*3600 || off%60 != 0 {
		return time.Time{}, false
	}
	return t, true
}

func parseDate(s string, loc *time.Location) (time.Time, string, error) {
	if t, ok := fastDate(strings.TrimSpace(s)); ok {
		return t, "", nil
	}
	return parseDateGeneral(s, loc)
}

// parseDateGeneral reads every form parseDate accepts, and returns the zone abbreviation that it
// read as wall time in loc, if any.
func parseDateGeneral(s string, loc *time.Location) (time.Time, string, error) {
	configured := loc != nil
	if loc == nil {
		loc = time.UTC
	}
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return time.Time{}, "", ErrDate
	}
	if unixStamp.MatchString(s) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			return time.UnixMilli(n), "", nil
		}
		return time.Unix(n, 0), "", nil
	}

	s, pm := westernize(s)
	am := false

	s = comment.ReplaceAllString(s, "")
	if m := isoDate.FindStringSubmatchIndex(s); m != nil {
		s = s[m[2]:m[3]] + "-" + s[m[4]:m[5]] + "-" + s[m[6]:m[7]] + " " + s[m[1]:]
	}
	s = gluedOffset.ReplaceAllString(s, "$1 $2$3")
	s = strings.NewReplacer(",", " ", "Sept", "Sep", "sept", "sep").Replace(s)

	var z zone
	var kept []string
	seenTime := false
	for _, f := range strings.Fields(s) {
		lf := strings.ToLower(strings.TrimSuffix(f, "."))
		switch {
		case weekdays[lf]:
			continue
		case lf == "am" || lf == "a.m":
			am = true
			continue
		case lf == "pm" || lf == "p.m":
			pm = true
			continue
		case !z.set && (seenTime || len(kept) >= 3) && numericOffset.MatchString(f):
			var ok bool
			if z, ok = offsetZone(f); !ok {
				return time.Time{}, "", ErrDate
			}
			continue
		case !z.set && isZoneAbbrev(f):
			up := strings.ToUpper(f)
			if up == "CST" {
				if configured {
					z = zone{set: true, inLoc: true, abbrev: up}
				} else {
					z = zone{set: true, offset: -6 * 3600}
				}
				continue
			}
			if h, ok := fixedZones[up]; ok {
				z = zone{set: true, offset: int(h * 3600)}
			} else {
				z = zone{set: true, inLoc: true, abbrev: up} // unknown abbreviation: wall time in loc
			}
			continue
		}
		if strings.Contains(f, ":") {
			seenTime = true
		}
		kept = append(kept, f)
	}
	rest := strings.Join(kept, " ")
	if rest == "" {
		return time.Time{}, "", ErrDate
	}

	var t time.Time
	var err error
	for _, l := range layouts {
		if t, err = time.ParseInLocation(l, rest, time.UTC); err == nil {
			break
		}
	}
	if err != nil {
		return time.Time{}, "", ErrDate
	}
	switch {
	case pm && t.Hour() < 12:
		t = t.Add(12 * time.Hour)
	case am && t.Hour() == 12:
		t = t.Add(-12 * time.Hour)
	}

	y, mo, d := t.Date()
	hh, mm, ss := t.Clock()
	switch {
	case !z.set || z.inLoc:
		return time.Date(y, mo, d, hh, mm, ss, t.Nanosecond(), loc), z.abbrev, nil
	default:
		return time.Date(y, mo, d, hh, mm, ss, t.Nanosecond(), time.FixedZone("", z.offset)), "", nil
	}
}

// westernize rewrites the Chinese markers of s (年月日, full-width digits, 上午/下午, 星期X/周X) the
// way the layouts read them, and reports whether s said afternoon or evening.
func westernize(s string) (string, bool) {
	if !strings.ContainsAny(s, "年月日时分秒点上下午星期周：，　０１２３４５６７８９") {
		return s, false
	}
	pm := false
	for _, w := range []string{"下午", "晚上", "傍晚"} {
		if strings.Contains(s, w) {
			pm = true
			s = strings.ReplaceAll(s, w, " ")
		}
	}
	for _, w := range []string{"上午", "凌晨", "早上", "中午"} {
		s = strings.ReplaceAll(s, w, " ")
	}
	s = stripChineseWeekday(s)
	s = chinese.Replace(s)
	s = padClock.ReplaceAllStringFunc(s, padTime)
	return strings.TrimRight(strings.TrimSpace(s), ":-"), pm
}

// offsetZone reads a numeric offset field (+0800, -05:30, GMT+8) that numericOffset matched, or
// reports false when it is out of range.
func offsetZone(f string) (zone, bool) {
	m := numericOffset.FindStringSubmatch(f)
	h, _ := strconv.Atoi(m[2])
	mi := 0
	if m[3] != "" {
		mi, _ = strconv.Atoi(m[3])
	}
	if h > 14 || mi > 59 {
		return zone{}, false
	}
	off := h*3600 + mi*60
	if m[1] == "-" {
		off = -off
	}
	return zone{set: true, offset: off}, true
}

// isZoneAbbrev reports whether f looks like a zone abbreviation (2 to 5 ASCII letters, not a
// month or weekday name, which the layouts and the weekday table handle).
func isZoneAbbrev(f string) bool {
	if len(f) < 1 || len(f) > 5 {
		return false
	}
	for i := 0; i < len(f); i++ {
		c := f[i]
		if c < 'A' || c > 'Z' {
			if c < 'a' || c > 'z' {
				return false
			}
		}
	}
	up := strings.ToUpper(f)
	if up == "CST" {
		return true
	}
	if _, ok := fixedZones[up]; ok {
		return true
	}
	// Only upper-case words count as unknown zones: "Nov" or "June" are months.
	if f != up || len(f) < 2 {
		return false
	}
	switch up {
	case "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
		"JUNE", "JULY", "AM", "PM":
		return false
	}
	return !weekdays[strings.ToLower(f)]
}

// padClock finds a clock written with one-digit minutes or seconds (9时6分1秒 became 9:6:1).
var padClock = regexp.MustCompile(`\b\d{1,2}:\d{1,2}(?::\d{1,2})?\b`)

func padTime(s string) string {
	parts := strings.Split(s, ":")
	for i := 1; i < len(parts); i++ {
		if len(parts[i]) == 1 {
			parts[i] = "0" + parts[i]
		}
	}
	return strings.Join(parts, ":")
}

var chineseWeekday = regexp.MustCompile(`(星期|周|礼拜)[一二三四五六日天]`)

func stripChineseWeekday(s string) string {
	return chineseWeekday.ReplaceAllString(s, " ")
}
