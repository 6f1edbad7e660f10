package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"tributary/store"
)

// TestDocsInstallWhatTheUnitNames: every file the unit's Documentation= names is installed by the
// systemd README's install steps and its upgrade steps.
func TestDocsInstallWhatTheUnitNames(t *testing.T) {
	unit := mustRead(t, unitPath)
	m := regexp.MustCompile(`(?m)^Documentation=(.*)$`).FindStringSubmatch(unit)
	if m == nil {
		t.Fatal("the unit has no Documentation=")
	}
	doc := mustRead(t, "../../systemd/README.md")
	for _, section := range []string{"## Install", "## Upgrade"} {
		i := strings.Index(doc, section)
		if i < 0 {
			t.Fatalf("systemd/README.md has no %q section", section)
		}
		body := doc[i+len(section):]
		if j := strings.Index(body, "\n## "); j >= 0 {
			body = body[:j]
		}
		for _, uri := range strings.Fields(m[1]) {
			path, ok := strings.CutPrefix(uri, "file://")
			if !ok {
				continue
			}
			if !regexp.MustCompile(`(?m)^sudo install .* ` + regexp.QuoteMeta(path) + `(\s|$)`).MatchString(body) {
				t.Errorf("%s: nothing installs %s, which the unit's Documentation= names", section, path)
			}
		}
	}
}

// TestReadmeNamesGoVersionAndCommands: the README states go.mod's Go version and has a row for
// every command of the usage text.
func TestReadmeNamesGoVersionAndCommands(t *testing.T) {
	readme := mustRead(t, "../../README.md")
	m := regexp.MustCompile(`(?m)^go (\d+)\.(\d+)(\.\d+)?$`).FindStringSubmatch(mustRead(t, "../../go.mod"))
	if m == nil {
		t.Fatal("no go directive in go.mod")
	}
	if want := fmt.Sprintf("Go %s.%s or newer", m[1], m[2]); !strings.Contains(readme, want) {
		t.Errorf("the README does not say %q", want)
	}
	for _, cmd := range regexp.MustCompile(`(?m)^  tributary (\S+)`).FindAllStringSubmatch(usage, -1) {
		if !strings.Contains(readme, "| `tributary "+cmd[1]) {
			t.Errorf("the README's Commands table has no row for %q", cmd[1])
		}
	}
}

// TestOperateWithCredentialToken follows systemd/README.md: the config names the token as
// ${CREDENTIALS_DIRECTORY}/admin-token; the service gets its copy of the credential there, and the
// operator's CLI, with CREDENTIALS_DIRECTORY=/etc/tributary, reads the same token from its source
// and can refresh, list sources and back up through the daemon.
func TestOperateWithCredentialToken(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/a": "cls-depth.xml"})
	dir := t.TempDir()
	etc, creds := filepath.Join(dir, "etc"), filepath.Join(dir, "run-credentials")
	os.MkdirAll(etc, 0o700)
	os.MkdirAll(creds, 0o700)
	writeFile(t, etc, "admin-token", "tok-456\n")
	writeFile(t, creds, "admin-token", "tok-456\n")
	cfgPath, public, admin := binaryConfig(t, dir, `admin_token_file = "${CREDENTIALS_DIRECTORY}/admin-token"`,
		fmt.Sprintf("[[source]]\nname = \"a\"\nurl = \"%s/a\"\nschedule = \"@yearly\"\n[[output]]\nname = \"all\"\n", src.URL))
	d := startDaemon(t, dir, cfgPath, public, admin, "CREDENTIALS_DIRECTORY="+creds)
	d.waitNotify(t, "READY=1", 10*time.Second)

	cli := func(env []string, args ...string) (int, string) {
		cmd := exec.Command(binPath, append([]string{args[0], "--config", cfgPath}, args[1:]...)...)
		cmd.Env = append(os.Environ(), env...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), out.String()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0, out.String()
	}
	operator := []string{"CREDENTIALS_DIRECTORY=" + etc}
	backupPath := filepath.Join(dir, "backup.db")
	for _, args := range [][]string{{"refresh", "a"}, {"sources"}, {"backup", backupPath}} {
		if code, out := cli(operator, args...); code != 0 || strings.Contains(out, "no daemon") {
			t.Errorf("%s: exit %d\n%s", args[0], code, out)
		}
	}
	st, err := store.Open(t.Context(), backupPath, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(t.Context())
	st.Close()
	if err != nil || stats.Articles == 0 {
		t.Errorf("the backup holds %d articles (%v), want the refreshed ones", stats.Articles, err)
	}
	// Without the variable the CLI cannot know the token: a clear error, not a 401.
	if code, out := cli([]string{"CREDENTIALS_DIRECTORY="}, "sources"); code == 0 || !strings.Contains(out, "admin_token_file") {
		t.Errorf("without CREDENTIALS_DIRECTORY: exit %d\n%s", code, out)
	}
}
