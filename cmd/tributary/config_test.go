package main

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"tributary/aggregator"
)

func TestShippedConfigLoads(t *testing.T) {
	cfg, err := LoadConfig("../../config.toml")
	if err != nil {
		t.Fatalf("the shipped config.toml does not load: %v", err)
	}
	abs, _ := filepath.Abs("../../tributary.db")
	if cfg.DBPath != abs {
		t.Errorf("database path %q, want it relative to the config file: %q", cfg.DBPath, abs)
	}
	names := map[string]bool{}
	for _, s := range cfg.Sources {
		names[s.Name] = true
	}
	for _, want := range []string{"cls-telegraph", "cls-depth", "cls-hot"} {
		if !names[want] {
			t.Errorf("shipped config lacks source %q", want)
		}
	}
	if len(cfg.Outputs) == 0 || cfg.Outputs[0].Name != "all" {
		t.Errorf("shipped config has no \"all\" output first: %+v", cfg.Outputs)
	}
	for _, s := range cfg.Sources {
		if strings.HasPrefix(s.Name, "cls-") && s.Location.String() != "Asia/Shanghai" {
			t.Errorf("source %q reads zone-less dates in %v, want Asia/Shanghai", s.Name, s.Location)
		}
	}
}

func TestConfigDefaults(t *testing.T) {
	cfg, err := ParseConfig("/etc/tributary/config.toml", []byte(`
[[source]]
name = "a"
url = "http://127.0.0.1:1/feed"
[[output]]
name = "all"
`))
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"listen", cfg.Listen, defaultListen},
		{"admin_listen", cfg.AdminListen, defaultAdminListen},
		{"base_url", cfg.BaseURL, "http://" + defaultListen},
		{"db path", cfg.DBPath, "/etc/tributary/tributary.db"},
		{"retention", cfg.Retention, 2160 * time.Hour},
		{"timeout", cfg.FetchTimeout, 20 * time.Second},
		{"max body", cfg.MaxBodyBytes, int64(15 << 20)},
		{"per_host", cfg.PerHost, 2},
		{"schedule", cfg.Sources[0].Schedule, "*/15 * * * *"},
		{"source title", cfg.Sources[0].Title, "a"},
		{"location", cfg.Sources[0].Location, time.UTC},
		{"limit", cfg.Outputs[0].Limit, 100},
		{"output title", cfg.Outputs[0].Title, "all"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	tokenFile := filepath.Join(t.TempDir(), "empty-token")
	os.WriteFile(tokenFile, nil, 0o600)
	tests := []struct {
		name string
		toml string
		want []string // every one must appear in the error
	}{
		{"unknown key with line", "[server]\nlisten = \"127.0.0.1:1\"\nlistn = \"x\"\n",
			[]string{`config.toml:3: unknown key "server.listn"`}},
		{"unknown source key", "[[source]]\nname = \"a\"\nurl = \"http://x/\"\nscheduel = \"*/5 * * * *\"\n",
			[]string{`config.toml:4: unknown key "source.scheduel"`}},
		{"wrong type", "[fetch]\nconcurrency = \"eight\"\n", []string{"config.toml:2", "concurrency"}},
		{"not toml", "[server\nlisten=1", []string{"config.toml:1"}},
		{"bad schedule", "[[source]]\nname = \"cls-depth\"\nurl = \"https://x/\"\nschedule = \"*/5 * *\"\n",
			[]string{`config.toml:4: source "cls-depth": schedule "*/5 * *": `}},
		{"bad schedule, shared", "[[source]]\nname = \"a\"\nurl = \"https://x/\"\nschedule = \"@every 10s\"\n[[source]]\nname = \"b\"\nurl = \"https://y/\"\nschedule = \"@every 10s\"\n",
			[]string{`config.toml:4: source "a": schedule "@every 10s": runs more often`, `config.toml:8: source "b": schedule "@every 10s": runs more often`}},
		{"bad zone, shared", "[[source]]\nname = \"a\"\nurl = \"https://x/\"\ntimezone = \"Mars/Olympus\"\n[[source]]\nname = \"b\"\nurl = \"https://y/\"\ntimezone = \"Mars/Olympus\"\n",
			[]string{`config.toml:4: source "a": timezone "Mars/Olympus"`, `config.toml:8: source "b": timezone "Mars/Olympus"`}},
		{"too frequent", "[[source]]\nname = \"a\"\nurl = \"https://x/\"\nschedule = \"@every 10s\"\n",
			[]string{`source "a": schedule "@every 10s": runs more often than once a minute`}},
		{"bad name", "[[source]]\nname = \"Cls Depth\"\nurl = \"https://x/\"\n", []string{`name "Cls Depth": use only a-z, 0-9 and -`}},
		{"missing name and url", "[[source]]\ntitle = \"x\"\n", []string{"source #1: name is missing", "source #1: url is missing"}},
		{"duplicate names", "[[source]]\nname = \"a\"\nurl = \"https://x/\"\n[[source]]\nname = \"a\"\nurl = \"https://y/\"\n",
			[]string{`name "a" is used by another source`}},
		{"bad url", "[[source]]\nname = \"a\"\nurl = \"ftp://x/feed\"\n", []string{`source "a": url "ftp://x/feed": want an absolute http or https URL`}},
		{"bad timezone", "[[source]]\nname = \"a\"\nurl = \"https://x/\"\ntimezone = \"Mars/Olympus\"\n", []string{`source "a": timezone "Mars/Olympus"`}},
		{"bad durations", "[storage]\nretention = \"90 days\"\n[fetch]\ntimeout = \"-1s\"\n",
			[]string{`storage.retention "90 days"`, `fetch.timeout "-1s"`}},
		{"bad numbers", "[fetch]\nconcurrency = 0\nper_host = -1\nmax_body_bytes = 10\n",
			[]string{"fetch.concurrency 0", "fetch.per_host -1", "fetch.max_body_bytes 10"}},
		{"output of unknown source", "[[output]]\nname = \"all\"\nsources = [\"nope\"]\nlimit = 0\n",
			[]string{`output "all": sources: "nope" is not a configured source`, `output "all": limit 0`}},
		{"public admin without token", "[server]\nadmin_listen = \"0.0.0.0:8081\"\n",
			[]string{`server.admin_listen "0.0.0.0:8081": not a loopback address`}},
		{"empty token file", "[server]\nadmin_token_file = \"" + tokenFile + "\"\n", []string{"the file is empty"}},
		{"bad listen", "[server]\nlisten = \"8080\"\n", []string{`server.listen "8080"`}},
		{"bad allow_networks", "[fetch]\nallow_networks = [\"10.0.0.0\"]\n", []string{`fetch.allow_networks "10.0.0.0"`}},
		{"bad log", "[log]\nlevel = \"loud\"\nformat = \"xml\"\n", []string{`log.level "loud"`, `log.format "xml"`}},
		{"bad websub hub", "[server]\nbase_url = \"https://n.example.com\"\n[websub]\nhub = \"hub.example.com\"\n",
			[]string{`config.toml:4: websub.hub "hub.example.com": must be an absolute http(s) URL`}},
		{"hub without base_url", "[websub]\nhub = \"https://hub.example.com/\"\n",
			[]string{`config.toml:2: websub.hub "https://hub.example.com/": set server.base_url too`}},
		{"subscribe without base_url", "[websub]\nsubscribe = true\n",
			[]string{`config.toml:2: websub.subscribe true: set server.base_url too`}},
		{"lease out of range", "[websub]\nlease_seconds = 10\n[[source]]\nname = \"a\"\nurl = \"https://x/\"\n",
			[]string{`config.toml:2: websub.lease_seconds 10: must be between 300 and 2592000`}},
		{"websub wrong types", "[websub]\nsubscribe = \"yes\"\nlease_seconds = \"1h\"\n",
			[]string{`config.toml:2: websub.subscribe = "yes": want true or false`, `config.toml:3: websub.lease_seconds = "1h"`}},
		{"unknown websub key", "[websub]\nhubs = [\"x\"]\n", []string{`config.toml:2: unknown key "websub.hubs": did you mean "hub"?`}},
		{"relative unix socket", "[server]\nadmin_listen = \"unix:admin.sock\"\n", []string{"must be absolute"}},
		{"bad admin_hosts", "[server]\nadmin_hosts = [\"tributary.internal:8081\", \"http://x\", \"[::1]:8081\", \"\"]\n",
			[]string{`server.admin_hosts "tributary.internal:8081": want a host name or IP address without scheme or port`,
				`server.admin_hosts "http://x"`, `server.admin_hosts "[::1]:8081"`, `server.admin_hosts ""`}},
		{"empty export_dirs entry", "[server]\nexport_dirs = [\" \"]\n", []string{`server.export_dirs " ": an empty path`}},
		{"pprof not a boolean", "[server]\npprof = \"yes\"\n", []string{`config.toml:2: server.pprof = "yes": want true or false`}},
		{"every wrong type, with line, key, value and form",
			"[fetch]\nconcurrency = \"eight\"\ntimeout = 20\nper_host = \"3\"\n[storage]\nretention = 2160\n[server]\nlisten = 8080\n" +
				"[[source]]\nname = \"a\"\nurl = \"https://x/\"\ncategories = \"news\"\ncomments = \"yes\"\n",
			[]string{
				`config.toml:2: fetch.concurrency = "eight": want a whole number without quotes`,
				`config.toml:3: fetch.timeout = 20: want a duration with its unit, in quotes: "20s" for 20 seconds`,
				`config.toml:4: fetch.per_host = "3": want a whole number without quotes: 3`,
				`config.toml:6: storage.retention = 2160: want a duration with its unit, in quotes: "2160h"`,
				`config.toml:8: server.listen = 8080: want a string in quotes: "8080"`,
				`config.toml:12: source.categories = "news": want a list of strings: ["news"]`,
				`config.toml:13: source.comments = "yes": want true or false`,
			}},
		{"wrong types and wrong values together", "[fetch]\ntimeout = 20\n[log]\nlevel = \"loud\"\n",
			[]string{`config.toml:2: fetch.timeout = 20`, `log.level "loud"`}},
		{"dotted keys and inline tables", "fetch.timeout = 3\nserver = { listen = 1 }\n",
			[]string{`config.toml:1: fetch.timeout = 3: want a duration`, `config.toml:2: server.listen = 1: want a string`}},
		{"unknown key with a suggestion", "[[source]]\nname = \"a\"\nurl = \"https://x/\"\nschedul = \"@hourly\"\n[serverr]\nx = 1\n",
			[]string{`config.toml:4: unknown key "source.schedul": did you mean "schedule"?`, `config.toml:5: unknown key "serverr": did you mean "server"?`}},
		{"array table header on a table", "[[server]]\nlisten = \":1\"\n", []string{`config.toml:1: server: write the header as [server]`}},
		{"port out of range", "[server]\nlisten = \":99999\"\n", []string{`server.listen ":99999": port "99999"`}},
		{"admin on the public address", "[server]\nlisten = \"127.0.0.1:8080\"\nadmin_listen = \"127.0.0.1:8080\"\n",
			[]string{`server.admin_listen "127.0.0.1:8080": the same address as server.listen`}},
		{"admin on the public port of every address", "[server]\nlisten = \":8080\"\nadmin_listen = \"localhost:8080\"\n",
			[]string{`the same address as server.listen ":8080"`}},
		{"values checked after parsing carry their lines too",
			"[fetch]\ntimeout = \"-1s\"\n[[source]]\nname = \"a\"\nurl = \"ftp://x\"\n[[source]]\ntitle = \"t\"\n[[export]]\ndir = \"/srv/x\"\nformat = \"jekyll\"\n",
			[]string{`config.toml:2: fetch.timeout "-1s"`, `config.toml:5: source "a": url "ftp://x"`, `config.toml:6: source #2: name is missing`,
				`config.toml:10: export #1: format "jekyll"`}},
		{"bad export title and site_timezone", "[[export]]\ndir = \"/srv/x\"\ntitle = \"raw\"\n[[export]]\ndir = \"/srv/y\"\nsite_timezone = \"Asia/Beijing\"\n[[export]]\ndir = \"/srv/z\"\nsite_timezone = \"Local\"\n",
			[]string{`export #1: title "raw": want "seed"`, `export #2: site_timezone "Asia/Beijing": want the timezone of the site's _config.yml`, `export #3: site_timezone "Local"`}},
		{"bad export stamp", "[[export]]\ndir = \"/srv/site/source/_posts\"\nstamp = \"/srv/site/source/_posts/build.stamp\"\n[[export]]\ndir = \"/srv/y\"\nstamp = \"/var/lib/tributary/\"\n",
			[]string{`export #1: stamp "/srv/site/source/_posts/build.stamp": is inside dir "/srv/site/source/_posts", where Hexo would read it as a post`,
				`export #2: stamp "/var/lib/tributary/": want the path of a file`}},
		{"bad rule regex, with output, rule, key, position and line",
			"[[output]]\nname = \"x\"\n[[output.rule]]\naction = \"keep\"\ntitle = [\"a\"]\n[[output.rule]]\naction = \"drop\"\ntitle_regex = \"a(b\"\n",
			[]string{`config.toml:8: output "x": rule 2: title_regex "a(b": missing closing ) at position 3`}},
		{"bad rules, each named",
			"[[output]]\nname = \"x\"\n[[output.rule]]\naction = \"allow\"\ntext = [\"\"]\nolder_than = \"3d\"\n[[output.rule]]\naction = \"drop\"\n" +
				"[[output.rule]]\naction = \"drop\"\nsource_regex = \"[\"\nauthor_regex = \"x{2000}\"\n",
			[]string{`config.toml:4: output "x": rule 1: action "allow": want "keep" or "drop"`,
				`config.toml:5: output "x": rule 1: text: an empty keyword would match every article`,
				`config.toml:6: output "x": rule 1: older_than "3d": want a positive duration such as "72h"`,
				`config.toml:7: output "x": rule 2: sets no condition`,
				`config.toml:11: output "x": rule 3: source_regex "[": missing closing ] at position 0`,
				`config.toml:12: output "x": rule 3: author_regex "x{2000}": invalid repeat count at position 1`}},
		{"rule key of the wrong type", "[[output]]\nname = \"x\"\n[[output.rule]]\naction = \"drop\"\ntitle = \"a\"\n",
			[]string{`config.toml:5: output.rule.title = "a": want a list of strings: ["a"]`}},
		{"negative query cache", "[server]\nquery_cache_bytes = -1\n", []string{`config.toml:2: server.query_cache_bytes -1: must be 0 (no cache) or more`}},
		{"bad dedup", "[dedup]\nwindow = \"forever\"\nthreshold = 1.5\n[[output]]\nname = \"all\"\nmerge = \"url\"\n",
			[]string{`config.toml:2: dedup.window "forever": want a duration`, `config.toml:3: dedup.threshold 1.5: must be above 0 and at most 1`,
				`config.toml:6: output "all": merge "url": want "story"`}},
		{"dedup wrong types", "[dedup]\nenabled = \"yes\"\nwindow = 36\nthreshold = \"0.5\"\n",
			[]string{`config.toml:2: dedup.enabled = "yes": want true or false`, `config.toml:3: dedup.window = 36: want a duration with its unit, in quotes: "36h"`,
				`config.toml:4: dedup.threshold`}},
		{"dedup window out of range", "[dedup]\nwindow = \"0s\"\n[[output]]\nname = \"a\"\n[[output]]\nname = \"b\"\nmerge = \"\"\n",
			[]string{`dedup.window "0s"`}},
		{"dedup max_prints out of range", "[dedup]\nmax_prints = 999\n[[output]]\nname = \"a\"\n",
			[]string{`config.toml:2: dedup.max_prints 999: want 0 (no bound) or a number of prints between 1000 and 100000000`}},
		{"dedup max_prints negative", "[dedup]\nmax_prints = -1\n", []string{`dedup.max_prints -1: want 0 (no bound)`}},
		{"unknown encoding", "[[source]]\nname = \"a\"\nurl = \"https://x/\"\nencoding = \"gkb\"\n",
			[]string{`source "a": encoding "gkb": unknown or unusable charset`}},
		{"story_rank out of range", "[[source]]\nname = \"a\"\nurl = \"https://x/\"\nstory_rank = 1000\n[[source]]\nname = \"b\"\nurl = \"https://y/\"\nstory_rank = -101\n",
			[]string{`source "a": story_rank 1000: want a whole number from -100 to 100`, `source "b": story_rank -101: want a whole number from -100 to 100`}},
		{"story_rank not a number", "[[source]]\nname = \"a\"\nurl = \"https://x/\"\nstory_rank = \"low\"\n",
			[]string{`config.toml:4: source.story_rank = "low": want a whole number without quotes`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig("/etc/tributary/config.toml", []byte(tt.toml))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q:\n%v", w, err)
				}
			}

		})
	}
}

// TestConfigNotTOMLAlone: a file that is not TOML, or gives a key twice, is reported by that alone,
// with the decoder's line and column, not with the key problems found before it (the key walk runs
// first and stops there).
func TestConfigNotTOMLAlone(t *testing.T) {
	tests := []struct{ name, toml, want string }{
		{"syntax", "[fetch]\nbogus = 1\n[[source]\nname = \"x\"\n", "config.toml:3:9: toml: expected ']]' to close array table name"},
		{"key twice", "[fetch]\nconcurrency = 4\nconcurrency = 5\nbogus = 1\n", "config.toml:3:1: key \"concurrency\": toml: key concurrency is already defined"},
		{"table twice", "[fetch]\nbogus = 1\n[fetch]\ntimeout = \"1s\"\n", "config.toml:3:2: key \"fetch\": toml: table fetch already exists"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseConfig("/etc/tributary/config.toml", []byte(tt.toml))
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want a *ConfigError", err)
			}
			if len(ce.Problems) != 1 || ce.Problems[0] != tt.want {
				t.Errorf("problems %q, want only %q", ce.Problems, tt.want)
			}
		})
	}
}

// TestConfigWrongTypeNotAlsoMissing: a key dropped for its type is reported once, not again as
// missing by the checks that run on the rest.
func TestConfigWrongTypeNotAlsoMissing(t *testing.T) {
	_, err := ParseConfig("/etc/tributary/config.toml", []byte("[[source]]\nname = 1\nurl = \"https://x/\"\n"))
	want := `config.toml:2: source.name = 1: want a string in quotes: "1"`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want exactly %q", err, want)
	}
}

func TestConfigTokenFileAndUnixSocket(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "token"), []byte("s3cret\n"), 0o600)
	cfg, err := ParseConfig(filepath.Join(dir, "config.toml"), []byte(`
[server]
admin_listen = "unix:/run/tributary/admin.sock"
admin_token_file = "token"
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.AdminToken != "s3cret" {
		t.Errorf("token %q, want it read from the file relative to the config and trimmed", cfg.AdminToken)
	}
	if !isLoopbackListen(cfg.AdminListen) {
		t.Error("a unix socket should count as local")
	}
}

// TestConfigAdminKeys: the admin keys' defaults and normal forms — profiles on with a token only,
// host names lower-case without a trailing dot, export_dirs absolute and clean.
func TestConfigAdminKeys(t *testing.T) {
	for _, tt := range []struct {
		name, toml string
		pprof      bool
		hosts      []string
		dirs       []string
	}{
		{"defaults", "", false, nil, nil},
		{"token", "[server]\nadmin_token = \"t\"\n", true, nil, nil},
		{"opt-out with token", "[server]\nadmin_token = \"t\"\npprof = false\n", false, nil, nil},
		{"opt-in", "[server]\npprof = true\n", true, nil, nil},
		{"hosts", "[server]\nadmin_hosts = [\"Admin.Example.\", \"[::1]\", \"10.0.0.5\"]\n", false, []string{"admin.example", "::1", "10.0.0.5"}, nil},
		{"dirs", "[server]\nexport_dirs = [\"site/_posts/\", \"/srv/a/../b\"]\n", false, nil, []string{"/etc/tributary/site/_posts", "/srv/b"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := ParseConfig("/etc/tributary/config.toml", []byte(tt.toml))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Pprof != tt.pprof || fmt.Sprint(cfg.AdminHosts) != fmt.Sprint(tt.hosts) || fmt.Sprint(cfg.ExportDirs) != fmt.Sprint(tt.dirs) {
				t.Errorf("pprof %v, admin_hosts %q, export_dirs %q; want %v, %q, %q", cfg.Pprof, cfg.AdminHosts, cfg.ExportDirs, tt.pprof, tt.hosts, tt.dirs)
			}
		})
	}
}

func FuzzParseConfig(f *testing.F) {
	if b, err := os.ReadFile("../../config.toml"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("[[source]]\nname = \"a\"\nurl = \"https://x/\"\nschedule = \"@every 1m\"\n"))
	f.Add([]byte("[server]\nlisten = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := ParseConfig("/tmp/config.toml", data)
		if err == nil && cfg == nil {
			t.Fatal("nil config without error")
		}
		if err != nil && err.Error() == "" {
			t.Fatal("empty error message")
		}
		// ParseConfig reads a file without noting its keys' lines, and again with them when it has
		// problems to place: it must say what one read with the lines says.
		_, errLines := parseConfig("/tmp/config.toml", data, true)
		if (err == nil) != (errLines == nil) || err != nil && err.Error() != errLines.Error() {
			t.Fatalf("ParseConfig: %v\nread with the lines: %v", err, errLines)
		}
	})
}

// TestConfigExportStyle: title and site_timezone of an [[export]] reach its settings; the defaults are
// the seed's.
func TestConfigExportStyle(t *testing.T) {
	cfg, err := ParseConfig("/etc/tributary/config.toml", []byte("[[export]]\ndir = \"/srv/a\"\n[[export]]\ndir = \"/srv/b\"\ntitle = \"real\"\nsite_timezone = \"Asia/Shanghai\"\n[[export]]\ndir = \"/srv/c\"\ntitle = \"seed\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	type style struct {
		real bool
		zone string
	}
	var got []style
	for _, ex := range cfg.Exports {
		s := style{real: ex.RealTitle}
		if ex.SiteTimezone != nil {
			s.zone = ex.SiteTimezone.String()
		}
		got = append(got, s)
	}
	if want := []style{{false, ""}, {true, "Asia/Shanghai"}, {false, ""}}; !slices.Equal(got, want) {
		t.Errorf("export styles %v, want %v", got, want)
	}
}

// TestConfigStoryRanks: the sources' story_rank reaches each output's merged query, restricted to the
// output's sources, and an output whose sources all rank 0 carries none (it compares equal across a
// reload that changed no rank, and keeps its cache).
func TestConfigStoryRanks(t *testing.T) {
	const file = `
[[source]]
name = "cls"
url = "https://cls.example/"
story_rank = 2
[[source]]
name = "copycat"
url = "https://copycat.example/"
story_rank = -1
[[source]]
name = "stcn"
url = "https://stcn.example/"
[[output]]
name = "all"
[[output]]
name = "cls-only"
sources = ["cls"]
[[output]]
name = "plain"
sources = ["stcn"]
merge = "link"
`
	cfg, err := ParseConfig("/etc/tributary/config.toml", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if got := []int{cfg.Sources[0].StoryRank, cfg.Sources[1].StoryRank, cfg.Sources[2].StoryRank}; !slices.Equal(got, []int{2, -1, 0}) {
		t.Errorf("source ranks %v", got)
	}
	want := map[string]map[string]int{
		"all":      {"cls": 2, "copycat": -1},
		"cls-only": {"cls": 2},
		"plain":    nil,
	}
	for _, o := range cfg.Outputs {
		if !maps.Equal(o.StoryRanks, want[o.Name]) || (want[o.Name] == nil) != (o.StoryRanks == nil) {
			t.Errorf("output %s: ranks %v, want %v", o.Name, o.StoryRanks, want[o.Name])
		}
		if q := o.Query(); !maps.Equal(q.StoryRanks, want[o.Name]) {
			t.Errorf("output %s: query ranks %v", o.Name, q.StoryRanks)
		}
	}
}

// TestConfigRules: [[output.rule]] blocks reach the output as aggregator.Rules, durations parsed.
func TestConfigRules(t *testing.T) {
	cfg, err := ParseConfig("/etc/tributary/config.toml", []byte(`
[server]
query_cache_bytes = 1048576
[[output]]
name = "markets"
[[output.rule]]
action = "keep"
category = ["金融"]
title_regex = "(?i)stocks?"
[[output.rule]]
action = "drop"
older_than = "72h"
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []aggregator.Rule{
		{Action: "keep", Category: []string{"金融"}, TitleRegex: "(?i)stocks?"},
		{Action: "drop", OlderThan: 72 * time.Hour},
	}
	if got := cfg.Outputs[0].Rules; !reflect.DeepEqual(got, want) {
		t.Errorf("rules %+v, want %+v", got, want)
	}
	if cfg.QueryCacheBytes != 1<<20 {
		t.Errorf("query_cache_bytes %d", cfg.QueryCacheBytes)
	}
	def, err := ParseConfig("/etc/tributary/config.toml", nil)
	if err != nil {
		t.Fatal(err)
	}
	if def.QueryCacheBytes != 64<<20 {
		t.Errorf("default query_cache_bytes %d, want 64 MiB", def.QueryCacheBytes)
	}
}

// BenchmarkParseConfig is the configuration of a large installation (issue 16's 10,000 sources)
// read and checked: what `serve` pays before it starts, and what every command and every SIGHUP
// reload pay. Each source names its own schedule on one in ten, a title on one in seven.
//
//	go test -run '^$' -bench ParseConfig -count 5 ./cmd/tributary/
func BenchmarkParseConfig(b *testing.B) {
	var cfg strings.Builder
	cfg.WriteString("[fetch]\ndefault_schedule = \"@every 1h\"\n[[output]]\nname = \"all\"\n")
	for i := range 10000 {
		fmt.Fprintf(&cfg, "[[source]]\nname = \"feed-%d\"\nurl = \"https://news%d.example.com/feed.xml\"\n", i, i%300)
		if i%10 == 0 {
			fmt.Fprintf(&cfg, "schedule = \"*/%d * * * *\"\n", 5+i%20)
		}
		if i%7 == 0 {
			fmt.Fprintf(&cfg, "title = \"Feed number %d\"\ncategories = [\"news\", \"c%d\"]\n", i, i%5)
		}
	}
	data := []byte(cfg.String())
	path := filepath.Join(b.TempDir(), "config.toml")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		c, err := ParseConfig(path, data)
		if err != nil {
			b.Fatal(err)
		}
		if len(c.Sources) != 10000 {
			b.Fatalf("%d sources, want 10000", len(c.Sources))
		}
	}
}
