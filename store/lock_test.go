package store

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestOpenLocked checks that a second Open of a database in use fails with ErrLocked and the path
// instead of hanging: held by another process (this test binary re-executed, see TestMain), and
// held by an earlier Open in this process (bbolt's flock is per open file description, so the
// second Open conflicts too).
func TestOpenLocked(t *testing.T) {
	const timeout = 200 * time.Millisecond
	holders := []struct {
		name string
		hold func(t *testing.T, path string) (release func())
	}{
		{"another process", func(t *testing.T, path string) func() {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), envHoldLock+"="+path)
			cmd.Stderr = os.Stderr
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if err != nil || strings.TrimSpace(line) != "locked" {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				t.Fatalf("helper said %q, %v", line, err)
			}
			return func() {
				_ = stdin.Close()
				if err := cmd.Wait(); err != nil {
					t.Errorf("helper: %v", err)
				}
			}
		}},
		{"this process", func(t *testing.T, path string) func() {
			s, err := Open(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			return func() { _ = s.Close() }
		}},
	}
	for _, h := range holders {
		t.Run(h.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tributary.db")
			release := h.hold(t, path)
			start := time.Now()
			s, err := Open(context.Background(), path, Options{Timeout: timeout})
			elapsed := time.Since(start)
			if err == nil {
				_ = s.Close()
				release()
				t.Fatal("second Open succeeded")
			}
			if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "in use") {
				t.Errorf("Open = %v, want ErrLocked naming %s", err, path)
			}
			// Not a speed measurement: a hang would take forever, a bounded wait about timeout.
			if elapsed > 20*timeout {
				t.Errorf("Open gave up after %v with a timeout of %v", elapsed, timeout)
			}
			release()
			s, err = Open(context.Background(), path, Options{Timeout: timeout})
			if err != nil {
				t.Fatalf("Open after release: %v", err)
			}
			_ = s.Close()
		})
	}
}
