package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"tributary/aggregator/testenv"
)

const unitPath = "../../systemd/tributary.service"

func TestSystemdUnitVerifies(t *testing.T) {
	analyze := testenv.Tool(t, "systemd-analyze", "apt-get install -y systemd")
	unit := mustRead(t, unitPath)
	// verify checks that ExecStart's binary exists: point it at the one built for the tests.
	unit = strings.Replace(unit, "/usr/local/bin/tributary", binPath, 1)
	p := writeFile(t, t.TempDir(), "tributary.service", unit)
	out, err := exec.Command(analyze, "verify", p).CombinedOutput()
	if err != nil || strings.Contains(string(out), "tributary.service") {
		t.Errorf("systemd-analyze verify: %v\n%s", err, out)
	}
}

func TestSystemdUnitSecurityScore(t *testing.T) {
	analyze := testenv.Tool(t, "systemd-analyze", "apt-get install -y systemd")
	out, err := exec.Command(analyze, "security", "--offline=true", unitPath).CombinedOutput()
	if err != nil {
		t.Fatalf("systemd-analyze security: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`Overall exposure level for tributary\.service: ([0-9.]+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("no overall exposure level in:\n%s", out)
	}
	score, _ := strconv.ParseFloat(string(m[1]), 64)
	t.Logf("systemd-analyze security --offline=true: %.1f", score)
	if score > 2.0 {
		t.Errorf("exposure %.1f, want 2.0 or lower", score)
	}
	for _, want := range []string{"Type=notify", "WatchdogSec=", "DynamicUser=yes", "StateDirectory=tributary",
		"ConfigurationDirectory=tributary", "ExecReload=/bin/kill -HUP $MAINPID", "Restart=on-failure",
		"SyslogLevel=err"} {
		if !strings.Contains(mustRead(t, unitPath), want) {
			t.Errorf("the unit lacks %s", want)
		}
	}
}

// TestBinaryUnderUnitSettings runs the binary the way the unit does, as far as this machine allows
// without systemd as PID 1: ExecStart's command line with $CONFIGURATION_DIRECTORY, the state
// directory as working directory, the journal's JOURNAL_STREAM and a notify socket.
func TestBinaryUnderUnitSettings(t *testing.T) {
	unit := mustRead(t, unitPath)
	m := regexp.MustCompile(`(?m)^ExecStart=(\S+) (.*)$`).FindStringSubmatch(unit)
	if m == nil {
		t.Fatal("no ExecStart in the unit")
	}
	root := t.TempDir()
	confDir, stateDir := filepath.Join(root, "etc", "tributary"), filepath.Join(root, "var", "lib", "tributary")
	os.MkdirAll(confDir, 0o755)
	os.MkdirAll(stateDir, 0o700)
	public, admin := freePair(t)
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusInternalServerError)
	}))
	defer broken.Close()
	writeFile(t, confDir, "config.toml", fmt.Sprintf("[server]\nlisten = %q\nadmin_listen = %q\n[storage]\npath = %q\n"+
		"[[source]]\nname = \"broken\"\nurl = %q\n", public, admin, filepath.Join(stateDir, "tributary.db"), broken.URL))
	env := map[string]string{"CONFIGURATION_DIRECTORY": confDir, "STATE_DIRECTORY": stateDir}
	args := strings.Fields(os.Expand(m[2], func(k string) string { return env[k] }))
	sock := filepath.Join(root, "notify.sock")

	journal := newJournalPipe(t)
	d := &daemon{public: "http://" + public, admin: "http://" + admin, stderr: &journal.log, exited: make(chan struct{})}
	conn := listenNotify(t, sock)
	d.notify = conn
	d.cmd = exec.Command(binPath, args...)
	d.cmd.Dir = stateDir
	d.cmd.Env = append(os.Environ(), "NOTIFY_SOCKET="+sock, journal.env,
		"CONFIGURATION_DIRECTORY="+confDir, "STATE_DIRECTORY="+stateDir)
	d.cmd.Stderr = journal.w
	if err := d.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	journal.w.Close()
	go func() { d.exitErr = d.cmd.Wait(); close(d.exited) }()
	defer func() { d.cmd.Process.Kill(); <-d.exited }()

	d.waitNotify(t, "READY=1", 10*time.Second)
	// The never-fetched source is fetched at once and fails: a warning in the journal.
	waitUntil(t, func() bool { return strings.Contains(d.stderr.String(), "refresh failed") })
	if _, err := os.Stat(filepath.Join(stateDir, "tributary.db")); err != nil {
		t.Errorf("the database is not in the state directory: %v", err)
	}
	d.cmd.Process.Signal(os.Interrupt)
	if code := d.wait(t, 15*time.Second); code != 0 {
		t.Errorf("exit %d", code)
	}
	<-journal.done
	log := d.stderr.String()
	for _, want := range []string{"\n<6>level=INFO msg=\"tributary is serving\"", "\n<4>level=WARN msg=\"refresh failed\" source=broken"} {
		if !strings.Contains("\n"+log, want) {
			t.Errorf("under the journal the log should be text with priorities, want a line %q:\n%s", want[1:], log)
		}
	}
	for _, l := range strings.Split(strings.TrimSuffix(log, "\n"), "\n") {
		if !priorityPrefix.MatchString(l) {
			t.Errorf("a line without a priority: %q", l)
		}
	}
	if strings.Contains(log, "time=") {
		t.Errorf("under the journal the log should carry no timestamps of its own:\n%s", log)
	}
}

// TestSystemdHexoUnitsVerify checks the units that build a Hexo site as the site's user: the path
// unit, its service and tributary.service's drop-in, loaded together the way systemd finds them.
func TestSystemdHexoUnitsVerify(t *testing.T) {
	analyze := testenv.Tool(t, "systemd-analyze", "apt-get install -y systemd")
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh to stand in for npx: install a shell")
	}
	build := mustRead(t, "../../systemd/tributary-hexo.service")
	path := mustRead(t, "../../systemd/tributary-hexo.path")
	dropIn := mustRead(t, "../../systemd/tributary.service.d/hexo.conf")
	// The three must agree: the stamp, the site, its posts directory and its group.
	value := func(unit, key string) string {
		m := regexp.MustCompile(`(?m)^` + key + `=(.*)$`).FindStringSubmatch(unit)
		if m == nil {
			t.Fatalf("no %s= in:\n%s", key, unit)
		}
		return m[1]
	}
	if got := value(path, "PathChanged"); got != "/var/lib/tributary/hexo.stamp" || !strings.Contains(mustRead(t, "../../README.md"), `stamp = "`+got+`"`) {
		t.Errorf("PathChanged=%s: want the stamp the README's [[export]] example writes", got)
	}
	if value(path, "Unit") != "tributary-hexo.service" {
		t.Errorf("the path unit starts %s", value(path, "Unit"))
	}
	if site := value(build, "WorkingDirectory"); value(dropIn, "ReadWritePaths") != site+"/source/_posts" || value(build, "ReadWritePaths") != site {
		t.Errorf("the drop-in lets tributary write %s and the build writes %s, want %s/source/_posts and %s",
			value(dropIn, "ReadWritePaths"), value(build, "ReadWritePaths"), site, site)
	}
	if value(dropIn, "SupplementaryGroups") != value(build, "Group") {
		t.Errorf("tributary joins group %s, the site's is %s", value(dropIn, "SupplementaryGroups"), value(build, "Group"))
	}
	if strings.Contains(build, "MemoryDenyWriteExecute=yes") {
		t.Error("the build unit denies writable executable memory: Node's JIT cannot run")
	}

	for _, tt := range []struct {
		name  string
		extra string // appended to the drop-in
		fail  bool
	}{
		{"shipped", "", false},
		// The check reads the drop-in: a mistake in it is reported.
		{"a mistake in the drop-in is seen", "Bogus=1\n", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			// verify checks that ExecStart's binaries exist: the test binary and sh stand in.
			writeFile(t, dir, "tributary.service", strings.Replace(mustRead(t, unitPath), "/usr/local/bin/tributary", binPath, 1))
			writeFile(t, dir, "tributary-hexo.service", strings.Replace(build, "/usr/bin/npx", sh, 1))
			writeFile(t, dir, "tributary-hexo.path", path)
			os.Mkdir(filepath.Join(dir, "tributary.service.d"), 0o755)
			writeFile(t, filepath.Join(dir, "tributary.service.d"), "hexo.conf", dropIn+tt.extra)
			cmd := exec.Command(analyze, "verify", "tributary.service", "tributary-hexo.path", "tributary-hexo.service")
			cmd.Dir = dir
			// Units by name from dir (with the drop-in), then the system's, as systemd loads them.
			cmd.Env = append(os.Environ(), "SYSTEMD_UNIT_PATH="+dir+":")
			out, err := cmd.CombinedOutput()
			failed := err != nil || strings.Contains(string(out), "tributary")
			if failed != tt.fail {
				t.Errorf("systemd-analyze verify: %v, failed %v, want %v\n%s", err, failed, tt.fail, out)
			}
		})
	}
}
