package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestWatchdogPingsOnlyWhileHealthy: systemd restarts a service whose pings stop, so a stuck
// scheduler or database must stop them.
func TestWatchdogPingsOnlyWhileHealthy(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "notify.sock")
	conn := listenNotify(t, sock)
	t.Setenv("NOTIFY_SOCKET", sock)
	t.Setenv("WATCHDOG_USEC", "40000") // ping every 20 ms
	n := newNotifier()
	if n.interval != 20*time.Millisecond {
		t.Fatalf("ping interval %v, want half of WATCHDOG_USEC", n.interval)
	}
	var healthy atomic.Bool
	healthy.Store(true)
	// checks receives what each tick's health check said; the ticker sends (or not) right after.
	checks := make(chan bool, 1000)
	stop := n.watchdog(func() bool {
		ok := healthy.Load()
		select {
		case checks <- ok:
		default:
		}
		return ok
	})
	defer stop()
	d := &daemon{notify: conn}
	if msg := d.nextNotify(2 * time.Second); msg != "WATCHDOG=1" {
		t.Fatalf("first message %q, want WATCHDOG=1", msg)
	}
	healthy.Store(false)
	// The ticker is one goroutine: check, then ping or not. Once a check has found the daemon
	// unhealthy, every ping decided before the switch is in the socket; drain those.
	unhealthyCheck := func() {
		for <-checks {
		}
	}
	unhealthyCheck()
	for d.nextNotify(10*time.Millisecond) != "" {
	}
	// Two more unhealthy checks: the ticks after the first one have run to their end, and must
	// have sent nothing.
	unhealthyCheck()
	unhealthyCheck()
	if msg := d.nextNotify(10 * time.Millisecond); msg != "" {
		t.Errorf("a ping while unhealthy: %q", msg)
	}
	healthy.Store(true)
	if msg := d.nextNotify(2 * time.Second); msg != "WATCHDOG=1" {
		t.Errorf("no ping after recovery: %q", msg)
	}
}

// TestNotifierWithoutSystemd: outside systemd (no NOTIFY_SOCKET) the notifier sends nothing and
// runs no watchdog, even when WATCHDOG_USEC is left in the environment, and never blocks.
func TestNotifierWithoutSystemd(t *testing.T) {
	t.Setenv("NOTIFY_SOCKET", "")
	t.Setenv("WATCHDOG_USEC", "2000")
	n := newNotifier()
	if n.addr != nil || n.interval != 0 {
		t.Fatalf("notifier without NOTIFY_SOCKET: address %v, ping interval %v; want none", n.addr, n.interval)
	}
	done := make(chan struct{})
	var checked atomic.Bool
	go func() {
		defer close(done)
		n.send("READY=1")
		n.watchdog(func() bool { checked.Store(true); return true })()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("send or watchdog blocked without NOTIFY_SOCKET")
	}
	if checked.Load() {
		t.Error("the watchdog checked health though no systemd listens")
	}
}

// TestNotifyNeverBlocks: a notify socket whose reader stopped reading (its queue full of watchdog
// pings) must not hold up the sender: the daemon's shutdown waited on STOPPING=1 forever.
func TestNotifyNeverBlocks(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "notify.sock")
	listenNotify(t, sock) // never read
	t.Setenv("NOTIFY_SOCKET", sock)
	n := newNotifier()
	// Fill the socket's queue: sends return at once until it is full, then take notifyTimeout.
	filled := make(chan bool)
	go func() {
		for range 100_000 {
			start := time.Now()
			n.send("WATCHDOG=1")
			if time.Since(start) >= notifyTimeout/2 {
				filled <- true
				return
			}
		}
		filled <- false
	}()
	select {
	case ok := <-filled:
		if !ok {
			t.Skip("the datagram queue never filled")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("send blocked on a full notify socket")
	}
	start := time.Now()
	n.send("STOPPING=1")
	if d := time.Since(start); d > notifyTimeout+time.Second {
		t.Errorf("send on a full socket took %v, want at most about %v", d, notifyTimeout)
	}
}

func TestWatchdogPIDMismatch(t *testing.T) {
	t.Setenv("NOTIFY_SOCKET", filepath.Join(t.TempDir(), "s"))
	t.Setenv("WATCHDOG_USEC", "1000000")
	t.Setenv("WATCHDOG_PID", "1")
	if n := newNotifier(); n.interval != 0 {
		t.Error("pings meant for another process (WATCHDOG_PID) would be sent")
	}
}

// TestAdminUnixSocket: admin_listen = "unix:/path" serves the API on a 0660 socket, and the CLI
// reaches the daemon through it.
func TestAdminUnixSocket(t *testing.T) {
	src := newFixtureServer(t, map[string]string{"/a": "cls-depth.xml"})
	dir := t.TempDir()
	sock := filepath.Join(dir, "admin.sock")
	cfgPath := writeConfig(t, dir, fmt.Sprintf("[[source]]\nname = \"a\"\nurl = \"%s/a\"\nschedule = \"@yearly\"\n", src.URL))
	cfg := strings.Replace(mustRead(t, cfgPath), `admin_listen = "127.0.0.1:0"`, `admin_listen = "unix:`+sock+`"`, 1)
	writeFile(t, dir, "config.toml", cfg)
	app := startApp(t, cfgPath)
	_ = app
	fi, err := os.Stat(sock)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o660 || fi.Mode()&os.ModeSocket == 0 {
		t.Errorf("socket mode %v, want a 0660 socket", fi.Mode())
	}
	code, out, errOut := runCLI("refresh", "--config", cfgPath, "a")
	if code != 0 || strings.Contains(errOut, "no daemon") || !strings.Contains(out, "a ") {
		t.Errorf("refresh through the unix socket: exit %d, %q, %q", code, out, errOut)
	}
	// The Host check holds on a socket too: a proxy in front of it that passes a rebinding
	// page's Host is refused.
	client := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, "unix", sock)
	}}}
	for host, want := range map[string]int{"localhost": 200, "evil.example": 403} {
		req, _ := http.NewRequest("GET", "http://"+host+"/api/sources", nil)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s on the socket: %d, want %d", host, resp.StatusCode, want)
		}
	}
}
