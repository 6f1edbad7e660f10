package normalize

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Asia/Shanghai and America/New_York on any machine
)

func mustLoc(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// The seed's instant: Thu, 18 Nov 2021 01:06:01 GMT = 09:06:01 in Beijing.
var seedInstant = time.Date(2021, 11, 18, 1, 6, 1, 0, time.UTC)

func TestParseDate(t *testing.T) {
	shanghai := mustLoc(t, "Asia/Shanghai")
	newYork := mustLoc(t, "America/New_York")
	tests := []struct {
		in   string
		loc  *time.Location
		want time.Time // zero: must fail
	}{
		// RFC 1123 / 822 as RSSHub and others write them.
		{"Thu, 18 Nov 2021 01:06:01 GMT", shanghai, seedInstant},
		{"Thu, 18 Nov 2021 01:06:01 GMT", nil, seedInstant},
		{"Thu, 18 Nov 2021 01:06:01 UT", nil, seedInstant},
		{"Thu, 18 Nov 2021 01:06:01 Z", nil, seedInstant},
		{"Thu, 18 Nov 2021 09:06:01 +0800", nil, seedInstant},
		{"Thu, 18 Nov 2021 09:06:01 +08:00", nil, seedInstant},
		{"Thu, 18 Nov 2021 09:06:01 GMT+8", nil, seedInstant},
		{"Thu, 18 Nov 2021 09:06:01 UTC+08:00", nil, seedInstant},
		{"Thu, 18 Nov 2021 09:06:01 +0800 (CST)", nil, seedInstant},
		{"18 Nov 2021 09:06:01 +0800", nil, seedInstant},
		{"Thu,18 Nov 2021 09:06:01 +0800", nil, seedInstant},
		{"Thursday, 18 November 2021 09:06:01 +0800", nil, seedInstant},
		{"thu, 18 nov 2021 01:06:01 gmt", nil, seedInstant},
		{"Thu, 18 NOV 2021 01:06:01 GMT", nil, seedInstant},
		{"Thu, 18 Nov 21 01:06:01 GMT", nil, seedInstant},
		{"Thu, 18 Nov 2021 01:06 GMT", nil, seedInstant.Add(-time.Second)},
		{"Thursday, 18-Nov-21 01:06:01 GMT", nil, seedInstant},
		{"Wed, 17 Nov 2021 20:06:01 EST", nil, seedInstant},
		{"Wed, 17 Nov 2021 17:06:01 PST", nil, seedInstant},
		{"Thu, 18 Nov 2021 10:06:01 JST", nil, seedInstant},
		{"Thu, 18 Nov 2021 09:06:01 HKT", nil, seedInstant},
		{"Mon, 1 Nov 2021 1:06:01 GMT", nil, time.Date(2021, 11, 1, 1, 6, 1, 0, time.UTC)},
		{"Sat, 4 Sept 2021 01:06:01 GMT", nil, time.Date(2021, 9, 4, 1, 6, 1, 0, time.UTC)},
		{"Thu Nov 18 09:06:01 CST 2021", shanghai, seedInstant},
		{"Nov 18, 2021 09:06:01 +0800", nil, seedInstant},
		{"November 18, 2021 9:06:01 AM +0800", nil, seedInstant},
		{"November 18, 2021 1:06:01 PM +1200", nil, seedInstant},
		// "CST": the source's zone; RFC 822's US Central only when none is configured.
		{"Thu, 18 Nov 2021 09:06:01 CST", shanghai, seedInstant},
		{"Wed, 17 Nov 2021 19:06:01 CST", nil, seedInstant},
		{"Wed, 17 Nov 2021 20:06:01 CST", newYork, seedInstant}, // New York configured: read there (EST, −05:00)
		// No zone: the source's location, UTC when none.
		{"Thu, 18 Nov 2021 09:06:01", shanghai, seedInstant},
		{"Thu, 18 Nov 2021 01:06:01", nil, seedInstant},
		{"2021-11-18 09:06:01", shanghai, seedInstant},
		{"2021-11-18T09:06:01", shanghai, seedInstant},
		{"2021-11-18 01:06:01", nil, seedInstant},
		{"2021/11/18 09:06:01", shanghai, seedInstant},
		{"2021.11.18 09:06:01", shanghai, seedInstant},
		{"2021-11-18", shanghai, time.Date(2021, 11, 17, 16, 0, 0, 0, time.UTC)},
		// ISO 8601 / RFC 3339.
		{"2021-11-18T01:06:01Z", shanghai, seedInstant},
		{"2021-11-18T09:06:01+08:00", nil, seedInstant},
		{"2021-11-18T09:06:01+0800", nil, seedInstant},
		{"2021-11-18T09:06:01+08", nil, seedInstant},
		{"2021-11-18 09:06:01 +0800", nil, seedInstant},
		{"2021-11-18T09:06:01.123456+08:00", nil, seedInstant.Add(123456 * time.Microsecond)},
		{"2021-11-18t01:06:01z", nil, seedInstant},
		{"2021-11-17T20:06:01-05:00", shanghai, seedInstant},
		// Chinese forms, read in the source's zone.
		{"2021年11月18日 09:06", shanghai, seedInstant.Add(-time.Second)},
		{"2021年11月18日 09:06:01", shanghai, seedInstant},
		{"2021年11月18日09:06:01", shanghai, seedInstant},
		{"2021年11月18日 星期四 09:06:01", shanghai, seedInstant},
		{"2021年11月18日 周四 09:06:01", shanghai, seedInstant},
		{"2021年11月18日 9时6分1秒", shanghai, seedInstant},
		{"2021年11月18日 上午9:06:01", shanghai, seedInstant},
		{"2021年11月17日 下午5:06:01", shanghai, time.Date(2021, 11, 17, 9, 6, 1, 0, time.UTC)},
		{"２０２１年１１月１８日 ０９：０６：０１", shanghai, seedInstant},
		{"2021年11月18日", shanghai, time.Date(2021, 11, 17, 16, 0, 0, 0, time.UTC)},
		// Unix timestamps (cls.cn's own API).
		{"1637197561", nil, seedInstant},
		{"1637197561000", shanghai, seedInstant},
		// Unparsable: callers fall back to the next date.
		{"", nil, time.Time{}},
		{"   ", nil, time.Time{}},
		{"not a date", nil, time.Time{}},
		{"0000-00-00 00:00:00", nil, time.Time{}},
		{"2021-13-45 25:61:00", shanghai, time.Time{}},
		{"Thu, 32 Nov 2021 01:06:01 GMT", nil, time.Time{}},
		{"Thu, 18 Nov 2021 01:06:01 +9900", nil, time.Time{}},
		{"昨天 09:06", shanghai, time.Time{}},
		{"11月18日 09:06", shanghai, time.Time{}},
		{strings.Repeat("2021", 100), nil, time.Time{}},
	}
	for _, tt := range tests {
		name := tt.in
		if tt.loc != nil {
			name += " in " + tt.loc.String()
		}
		t.Run(name, func(t *testing.T) {
			got, err := ParseDate(tt.in, tt.loc)
			if tt.want.IsZero() {
				if err == nil {
					t.Fatalf("ParseDate = %v, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate: %v", err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseDate = %v, want %v", got, tt.want)
			}
			if got.Location() != time.UTC {
				t.Errorf("location %v, want UTC", got.Location())
			}
		})
	}
}

// TestParseDateIgnoresHostZone swaps time.Local (what time.Parse consults for zone abbreviations)
// for zones where "CST" and "EST" mean something else, and checks nothing moves.
func TestParseDateIgnoresHostZone(t *testing.T) {
	shanghai := mustLoc(t, "Asia/Shanghai")
	inputs := []string{
		"Thu, 18 Nov 2021 09:06:01 CST", "Thu, 18 Nov 2021 01:06:01 GMT", "2021-11-18 09:06:01",
		"2021年11月18日 09:06:01", "Wed, 17 Nov 2021 20:06:01 EST", "2021-11-18T09:06:01+08:00",
	}
	want := make([]time.Time, len(inputs))
	for i, in := range inputs {
		var err error
		if want[i], err = ParseDate(in, shanghai); err != nil {
			t.Fatal(err)
		}
	}
	saved := time.Local
	defer func() { time.Local = saved }()
	for _, host := range []string{"UTC", "America/Chicago", "America/New_York", "Asia/Shanghai", "Australia/Adelaide"} {
		time.Local = mustLoc(t, host)
		for i, in := range inputs {
			got, err := ParseDate(in, shanghai)
			if err != nil || !got.Equal(want[i]) {
				t.Errorf("host %s: ParseDate(%q) = %v, %v; want %v", host, in, got, err, want[i])
			}
		}
	}
}

// TestUnderHostTZ re-runs this package's date-dependent tests in child processes under TZ=UTC and
// TZ=America/New_York: time.Local is read once per process, so t.Setenv alone cannot test it.
func TestUnderHostTZ(t *testing.T) {
	if os.Getenv("NORMALIZE_TZ_CHILD") != "" {
		t.Skip("already a child")
	}
	if testing.Short() {
		t.Skip("spawns test processes")
	}
	for _, tz := range []string{"UTC", "America/New_York", "Asia/Shanghai"} {
		t.Run(tz, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^(TestParseDate|TestGolden|TestSeedArticle|TestDateFallbacks)$", "-test.count=1")
			cmd.Env = append(os.Environ(), "TZ="+tz, "NORMALIZE_TZ_CHILD=1")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("tests under TZ=%s failed: %v\n%s", tz, err, out)
			}
			if !strings.Contains(string(out), "PASS") {
				t.Fatalf("no PASS under TZ=%s:\n%s", tz, out)
			}
		})
	}
}

// TestFastDateAgrees: the shortcut for RFC 3339 and RFC 1123 with a numeric offset reads the same
// instant as the general path, in either location, and leaves everything else to it.
func TestFastDateAgrees(t *testing.T) {
	shanghai := mustLoc(t, "Asia/Shanghai")
	tests := []struct {
		in   string
		fast bool
	}{
		{"2021-11-18T09:06:01+08:00", true},
		{"2021-11-18T01:06:01Z", true},
		{"2021-11-17T19:06:01-06:00", true},
		{"1999-01-01T00:00:00+14:00", true},
		{"Thu, 18 Nov 2021 09:06:01 +0800", true},
		{"Wed, 17 Nov 2021 19:06:01 -0600", true},
		{"Mon, 18 Nov 2021 09:06:01 +0800", true}, // wrong weekday: ignored by both
		{"Thu, 18 Nov 2021 01:06:01 GMT", false},
		{"Thu, 18 Nov 2021 09:06:01 CST", false},
		{"2021-11-18T09:06:01.5+08:00", false},
		{"2021-11-18T09:06:01+15:00", false},
		{"2021-11-18T24:00:00+08:00", false},
		{"Thu, 8 Nov 2021 09:06:01 +0800", false},
		{"2021-11-18 09:06:01", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			fast, ok := fastDate(tt.in)
			if ok != tt.fast {
				t.Fatalf("fastDate(%q) ok = %v, want %v", tt.in, ok, tt.fast)
			}
			if !ok {
				return
			}
			for _, loc := range []*time.Location{nil, shanghai} {
				general, _, err := parseDateGeneral(tt.in, loc)
				if err != nil || !general.Equal(fast) {
					t.Errorf("loc %v: fast %v, general %v, %v", loc, fast, general, err)
				}
			}
		})
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"Thu, 18 Nov 2021 01:06:01 GMT", "Thu, 18 Nov 2021 09:06:01 CST", "2021-11-18T09:06:01+08:00",
		"2021年11月18日 09:06", "2021-11-18 09:06:01", "1637197561", "Thu Nov 18 09:06:01 CST 2021",
		"November 18, 2021 1:06:01 PM +1200", "２０２１年１１月１８日", "", "+0800 +0800 12:00",
		"0000-01-01,ZAAAA, 00:00:00", // once year -1 in UTC, which no format writes back
	} {
		f.Add(s, true)
		f.Add(s, false)
	}
	shanghai := mustLoc(f, "Asia/Shanghai")
	f.Fuzz(func(t *testing.T, s string, inShanghai bool) {
		loc := (*time.Location)(nil)
		if inShanghai {
			loc = shanghai
		}
		if fast, ok := fastDate(strings.TrimSpace(s)); ok {
			general, _, err := parseDateGeneral(s, loc)
			if err != nil || !general.Equal(fast) {
				t.Fatalf("fastDate(%q) = %v, the general reading %v, %v", s, fast, general, err)
			}
		}
		got, err := ParseDate(s, loc)
		if err != nil {
			if !got.IsZero() {
				t.Fatalf("non-zero time %v with error", got)
			}
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("location %v", got.Location())
		}
		// Deterministic, and the same instant whatever the host zone.
		saved := time.Local
		time.Local = time.FixedZone("CST", -6*3600)
		again, err2 := ParseDate(s, loc)
		time.Local = saved
		if err2 != nil || !again.Equal(got) {
			t.Fatalf("ParseDate(%q) = %v then %v, %v", s, got, again, err2)
		}
		// What it returns, it reads back as RFC 3339.
		back, err := ParseDate(got.Format(time.RFC3339Nano), nil)
		if err != nil || !back.Equal(got) {
			t.Fatalf("round trip of %v: %v, %v", got, back, err)
		}
	})
}
