package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"tributary/aggregator/testenv"
)

// promtool returns the path of Prometheus's promtool, or skips saying how to install it.
func promtool(t *testing.T) string {
	t.Helper()
	return testenv.Tool(t, "promtool", "apt-get install -y prometheus")
}

// scrape reads /metrics into series ("name{labels}") → value, and returns the text too.
func scrape(t *testing.T, admin string) (map[string]float64, string) {
	t.Helper()
	resp, body := get(t, admin+"/metrics")
	if resp.StatusCode != 200 {
		t.Fatalf("/metrics: %s", resp.Status)
	}
	series := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(string(body)))
	for sc.Scan() {
		line := sc.Text()
		i := strings.LastIndexByte(line, ' ')
		if strings.HasPrefix(line, "#") || i < 0 {
			continue
		}
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("metrics line %q: %v", line, err)
		}
		series[line[:i]] = v
	}
	return series, string(body)
}

// TestSourceMetrics: per-source health gauges an operator can alert on, read from the refresher's
// state, labelled by configured source names only, and gone from /metrics once a reload removes
// the source.
func TestSourceMetrics(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/ok": "cls-depth.xml"}) // any other path: 404
	gone := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	}))
	defer gone.Close()
	dir := t.TempDir()
	sources := fmt.Sprintf("[[source]]\nname = \"ok\"\nurl = \"%s/ok\"\nschedule = \"*/10 * * * *\"\n", src.URL)
	cfgPath := writeConfig(t, dir, sources+fmt.Sprintf(
		"[[source]]\nname = \"down\"\nurl = \"%s/down\"\nschedule = \"0 9 * * 1-5\"\n"+
			"[[source]]\nname = \"gone\"\nurl = %q\nschedule = \"@daily\"\n", src.URL, gone.URL))
	start := time.Now()
	app := startApp(t, cfgPath)
	// Never fetched, so each is fetched at once.
	waitUntil(t, func() bool {
		for _, name := range []string{"ok", "down", "gone"} {
			if st := app.refresher.State(name); st.LastFetch.IsZero() {
				return false
			}
		}
		return true
	})
	series, text := scrape(t, app.admin)
	now := time.Now()

	tests := []struct {
		source             string
		up, gone, failures float64
		interval           time.Duration
		succeeded          bool
	}{
		{"ok", 1, 0, 0, 10 * time.Minute, true},
		{"down", 0, 0, 1, 72 * time.Hour, false}, // weekdays: Friday to Monday
		{"gone", 0, 1, 1, 24 * time.Hour, false},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			l := fmt.Sprintf(`{source=%q}`, tt.source)
			for name, want := range map[string]float64{
				"tributary_source_up": tt.up, "tributary_source_gone": tt.gone,
				"tributary_source_consecutive_failures":      tt.failures,
				"tributary_source_schedule_interval_seconds": tt.interval.Seconds(),
			} {
				if got, ok := series[name+l]; !ok || got != want {
					t.Errorf("%s%s = %v (present %v), want %v", name, l, got, ok, want)
				}
			}
			within := func(name string) {
				got, ok := series[name+l]
				if !ok || got < float64(start.Unix()) || got > float64(now.Unix()+1) {
					t.Errorf("%s%s = %v (present %v), want a time between %v and %v", name, l, got, ok, start, now)
				}
			}
			within("tributary_source_last_attempt_timestamp_seconds")
			if tt.succeeded {
				within("tributary_source_last_success_timestamp_seconds")
			} else if v, ok := series["tributary_source_last_success_timestamp_seconds"+l]; ok {
				t.Errorf("a source that never succeeded has a last success time: %v", v)
			}
		})
	}

	t.Run("promtool check metrics", func(t *testing.T) {
		cmd := exec.Command(promtool(t), "check", "metrics")
		cmd.Stdin = strings.NewReader(text)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("promtool check metrics: %v\n%s", err, out)
		}
	})

	// SIGHUP's reload without "down" and "gone": none of their series is left.
	writeConfig(t, dir, sources)
	if err := app.Reload(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, text = scrape(t, app.admin)
	for _, name := range []string{"down", "gone"} {
		if strings.Contains(text, fmt.Sprintf("source=%q", name)) {
			t.Errorf("series of source %q after the reload removed it:\n%s", name, text)
		}
	}
	if !strings.Contains(text, `tributary_source_up{source="ok"} 1`) {
		t.Errorf("the kept source lost its series:\n%s", text)
	}
}

func TestScheduleInterval(t *testing.T) {
	wednesday := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		spec string
		want time.Duration // 0: none
	}{
		{"*/10 * * * *", 10 * time.Minute},
		{"@every 90m", 90 * time.Minute},
		{"@every 1m", time.Minute},
		{"@hourly", time.Hour},
		{"@daily", 24 * time.Hour},
		{"0 9 * * 1-5", 72 * time.Hour},                    // Friday 9:00 to Monday 9:00
		{"*/5 9-17 * * 1-5", 63*time.Hour + 5*time.Minute}, // Friday 17:55 to Monday 9:00
		{"@monthly", 31 * 24 * time.Hour},                  // January 1 to February 1
		{"0 0 30 2 *", 0},                                  // February 30: never
		{"not a schedule", 0},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			got, ok := scheduleInterval(tt.spec, wednesday)
			if got != tt.want || ok != (tt.want > 0) {
				t.Errorf("scheduleInterval(%q) = %v, %v; want %v", tt.spec, got, ok, tt.want)
			}
		})
	}
}

// TestAlertRules checks the shipped alerting rules with promtool, and runs their unit tests:
// which alerts fire when, for failing, gone, stale and fresh sources and a daemon that is down.
func TestAlertRules(t *testing.T) {
	promtool := promtool(t)
	for _, args := range [][]string{
		{"check", "rules", "../../systemd/tributary-alerts.yml"},
		{"test", "rules", "testdata/tributary-alerts.test.yml"},
	} {
		t.Run(strings.Join(args[:2], " "), func(t *testing.T) {
			if out, err := exec.Command(promtool, args...).CombinedOutput(); err != nil {
				t.Errorf("promtool %s: %v\n%s", strings.Join(args, " "), err, out)
			}
		})
	}
}

// TestSystemdREADMEMetricsExamples runs what systemd/README.md tells an operator to type: its
// curl with the admin token against a daemon that requires one, and its prometheus.yml through
// promtool check config.
func TestSystemdREADMEMetricsExamples(t *testing.T) {
	readme := mustRead(t, "../../systemd/README.md")
	dir := t.TempDir()
	// A token as the README makes it: base64 of 32 random bytes, with its / + = and newline.
	token := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("\xfb\xff\xbe", 11)[:32])) + "\n"
	tokenPath := writeFile(t, dir, "admin-token", token)

	t.Run("curl", func(t *testing.T) {
		curl := testenv.Tool(t, "curl", "apt-get install -y curl")
		line := regexp.MustCompile(`(?m)^curl .*Authorization.*/metrics$`).FindString(readme)
		if line == "" {
			t.Fatal("no curl of /metrics with the token in systemd/README.md")
		}
		cfgPath := writeFile(t, dir, "config.toml", fmt.Sprintf("[server]\nlisten = \"127.0.0.1:0\"\nadmin_listen = \"127.0.0.1:0\"\n"+
			"admin_token_file = %q\n[storage]\npath = \"tributary.db\"\n[[source]]\nname = \"a\"\nurl = \"http://127.0.0.1:9/a\"\n", tokenPath))
		app := startApp(t, cfgPath)
		cmd := strings.NewReplacer("sudo cat /etc/tributary/admin-token", "cat "+tokenPath,
			"http://127.0.0.1:8081", app.admin, "curl ", curl+" -f ").Replace(line)
		out, err := exec.Command("sh", "-c", cmd).CombinedOutput()
		if err != nil || !strings.Contains(string(out), `tributary_source_up{source="a"}`) {
			t.Errorf("%s: %v\n%.500s", cmd, err, out)
		}
	})

	t.Run("prometheus.yml", func(t *testing.T) {
		promtool := promtool(t)
		m := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindStringSubmatch(readme)
		if m == nil {
			t.Fatal("no prometheus.yml in systemd/README.md")
		}
		writeFile(t, dir, "tributary-alerts.yml", mustRead(t, "../../systemd/tributary-alerts.yml"))
		cfg := writeFile(t, dir, "prometheus.yml", strings.ReplaceAll(m[1], "/etc/prometheus/tributary-token", tokenPath))
		if out, err := exec.Command(promtool, "check", "config", cfg).CombinedOutput(); err != nil {
			t.Errorf("promtool check config: %v\n%s", err, out)
		}
	})
}

// BenchmarkScheduleInterval measures the worst schedule config.toml allows (every minute, a
// week of runs), computed once per schedule and then cached by the collector.
func BenchmarkScheduleInterval(b *testing.B) {
	from := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	for b.Loop() {
		if _, ok := scheduleInterval("* * * * *", from); !ok {
			b.Fatal("no interval")
		}
	}
}
