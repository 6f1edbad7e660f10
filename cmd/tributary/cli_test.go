package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"tributary/store"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	good := writeConfig(t, dir, "[[source]]\nname = \"a\"\nurl = \"http://127.0.0.1:1/\"\n")
	if code, out, errOut := runCLI("check-config", "--config", good); code != 0 || !strings.Contains(out, "ok: 1 sources") {
		t.Errorf("good config: exit %d, %q %q", code, out, errOut)
	}
	bad := writeConfig(t, t.TempDir(), "[[source]]\nname = \"A\"\nurl = \"nope\"\nschedule = \"* *\"\n")
	code, _, errOut := runCLI("check-config", "--config", bad)
	if code != 1 {
		t.Errorf("bad config: exit %d, want 1", code)
	}
	for _, want := range []string{`name "A"`, `url "nope"`, `schedule "* *"`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("check-config did not list %q:\n%s", want, errOut)
		}
	}
	t.Setenv("TRIBUTARY_CONFIG", good)
	if code, _, _ := runCLI("check-config"); code != 0 {
		t.Error("$TRIBUTARY_CONFIG was not used")
	}
	if code, _, _ := runCLI("check-config", "--bogus"); code != exitUsage {
		t.Errorf("bad flag: exit %d, want %d", code, exitUsage)
	}
	if code, out, _ := runCLI("check-config", "--help"); code != 0 || !strings.Contains(out, "Usage: tributary check-config") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
}

func TestRefreshCommand(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/cls/depth/1000": "cls-depth.xml"})
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, fmt.Sprintf(`
[[source]]
name = "cls-depth"
url = "%s/cls/depth/1000"
[[source]]
name = "broken"
url = "%s/missing"
`, src.URL, src.URL))

	t.Run("direct, no daemon", func(t *testing.T) {
		code, out, errOut := runCLI("refresh", "--config", cfgPath, "cls-depth")
		if code != 0 {
			t.Fatalf("exit %d: %s %s", code, out, errOut)
		}
		if !strings.Contains(errOut, "no daemon is running") {
			t.Errorf("did not say it refreshed directly: %q", errOut)
		}
		if !strings.Contains(out, "cls-depth") || !strings.Contains(out, "updated") || !strings.Contains(out, "new ") {
			t.Errorf("output: %q", out)
		}
		code, out, _ = runCLI("refresh", "--config", cfgPath)
		if code != 1 || !strings.Contains(out, "broken") || !strings.Contains(out, "404") {
			t.Errorf("a failing source: exit %d, %q; want exit 1 naming the source and the 404", code, out)
		}
	})

	t.Run("through the daemon", func(t *testing.T) {
		app := startApp(t, cfgPath)
		// The CLI reads the admin address from the config: point it at the bound port.
		cliCfg := cliConfig(t, app, cfgPath)
		code, out, errOut := runCLI("refresh", "--config", cliCfg, "cls-depth")
		if code != 0 || strings.Contains(errOut, "no daemon") || !strings.Contains(out, "cls-depth") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
		}
		if code, _, errOut := runCLI("refresh", "--config", cliCfg, "nope"); code != 1 || !strings.Contains(errOut, `"nope"`) {
			t.Errorf("unknown source: exit %d, %q", code, errOut)
		}
		code, out, _ = runCLI("sources", "--config", cliCfg)
		if code != 0 || !strings.Contains(out, "cls-depth") || !strings.Contains(out, "failing") {
			t.Errorf("sources: exit %d\n%s", code, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if len([]rune(line)) > 80 {
				t.Errorf("sources line wider than 80 columns: %q", line)
			}
		}
	})
}

func TestSecondInstanceFailsFast(t *testing.T) {
	dir := t.TempDir()
	cfgPath := writeConfig(t, dir, "")
	app := startApp(t, cfgPath)
	_ = app
	cfg, _ := LoadConfig(cfgPath)
	start := time.Now()
	_, err := OpenApp(context.Background(), cfg, nil)
	if !errors.Is(err, store.ErrLocked) || !strings.Contains(err.Error(), cfg.DBPath) {
		t.Errorf("second open: %v; want ErrLocked naming %s", err, cfg.DBPath)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("second open took %v, want under 5s", d)
	}
}
