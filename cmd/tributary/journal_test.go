package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tributary/store"
)

// streamOf returns the JOURNAL_STREAM value that names f, as systemd sets it for the stream it
// connected to the journal.
func streamOf(t *testing.T, f *os.File) string {
	t.Helper()
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	dev, ino, ok := fileID(fi)
	if !ok {
		t.Skip("no device and inode numbers on this system: the journal is systemd's, on Linux")
	}
	return fmt.Sprintf("%d:%d", dev, ino)
}

// TestJournalPriorities checks the exact bytes the daemon's logger writes to the journal's stream:
// one line per record, each starting with its sd-daemon priority, newlines in values escaped.
func TestJournalPriorities(t *testing.T) {
	wantErr := errors.New("dial tcp: connection refused\nsecond line")
	tests := []struct {
		name, format string
		log          func(l *slog.Logger)
		want         string
	}{
		{"debug", "auto", func(l *slog.Logger) { l.Debug("d") }, "<7>level=DEBUG msg=d\n"},
		{"info", "auto", func(l *slog.Logger) { l.Info("tributary is serving", "sources", 2) },
			"<6>level=INFO msg=\"tributary is serving\" sources=2\n"},
		{"warning", "auto", func(l *slog.Logger) { l.Warn("refresh failed", "source", "a") },
			"<4>level=WARN msg=\"refresh failed\" source=a\n"},
		{"error", "auto", func(l *slog.Logger) { l.Error("cannot start", "error", wantErr) },
			"<3>level=ERROR msg=\"cannot start\" error=\"dial tcp: connection refused\\nsecond line\"\n"},
		{"between info and warning", "auto", func(l *slog.Logger) { l.Log(context.Background(), slog.LevelInfo+2, "x") },
			"<6>level=INFO+2 msg=x\n"},
		{"above error", "auto", func(l *slog.Logger) { l.Log(context.Background(), slog.LevelError+4, "x") },
			"<3>level=ERROR+4 msg=x\n"},
		{"multi-line message and key", "auto", func(l *slog.Logger) { l.Warn("a\nb", "k\nk", "v\r\nw") },
			"<4>level=WARN msg=\"a\\nb\" \"k\\nk\"=\"v\\r\\nw\"\n"},
		{"attrs and groups", "auto", func(l *slog.Logger) {
			l.With("source", "a").WithGroup("g").Warn("m", "k", 1)
			l.Error("n")
		}, "<4>level=WARN msg=m source=a g.k=1\n<3>level=ERROR msg=n\n"},
		{"several records", "auto", func(l *slog.Logger) { l.Info("a"); l.Error("b"); l.Debug("c") },
			"<6>level=INFO msg=a\n<3>level=ERROR msg=b\n<7>level=DEBUG msg=c\n"},
		{"json", "json", func(l *slog.Logger) { l.Error("cannot start", "error", wantErr) },
			"<3>{\"level\":\"ERROR\",\"msg\":\"cannot start\",\"error\":\"dial tcp: connection refused\\nsecond line\"}\n"},
		{"log.Logger bridge of the HTTP servers", "auto", func(l *slog.Logger) {
			slog.NewLogLogger(l.Handler(), slog.LevelDebug).Print("http: TLS handshake error\nmore")
		}, "<7>level=DEBUG msg=\"http: TLS handshake error\\nmore\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := os.Create(filepath.Join(t.TempDir(), "stream"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			t.Setenv("JOURNAL_STREAM", streamOf(t, f))
			tt.log(newLogger(&Config{LogLevel: "debug", LogFormat: tt.format}, f))
			if got := mustRead(t, f.Name()); got != tt.want {
				t.Errorf("wrote\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestNotUnderJournal: JOURNAL_STREAM is inherited by processes whose stderr is not the journal
// (a shell in a user session, `2>file`): then the log has no priorities and keeps its timestamps.
func TestNotUnderJournal(t *testing.T) {
	dir := t.TempDir()
	other, err := os.Create(filepath.Join(dir, "journal"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for name, env := range map[string]string{"unset": "", "garbage": "garbage", "no inode": "1:", "no device": ":2",
		"overflow": "18446744073709551616:1", "another file": streamOf(t, other)} {
		t.Run(name, func(t *testing.T) {
			f, err := os.Create(filepath.Join(dir, "log"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			t.Setenv("JOURNAL_STREAM", env)
			newLogger(&Config{LogLevel: "info", LogFormat: "auto"}, f).Warn("w")
			got := mustRead(t, f.Name())
			if strings.HasPrefix(got, "<") || !strings.Contains(got, `"time":`) || !strings.Contains(got, `"level":"WARN"`) {
				t.Errorf("with JOURNAL_STREAM=%q and stderr elsewhere: %q, want JSON with time and no priority", env, got)
			}
		})
	}
}

// TestPriorityWriterLines: a line that arrives in pieces gets one prefix, every line of a write
// that holds several gets its own.
func TestPriorityWriterLines(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		want   string
	}{
		{"one line", []string{"a\n"}, "<3>a\n"},
		{"pieces", []string{"Usage: ", "tributary serve", "\n"}, "<3>Usage: tributary serve\n"},
		{"several lines", []string{"a\nb\n\nc\n"}, "<3>a\n<3>b\n<3>\n<3>c\n"},
		{"unterminated, then continued", []string{"a\nb", "c\nd"}, "<3>a\n<3>bc\n<3>d"},
		{"empty write", []string{"", "a\n", ""}, "<3>a\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sb strings.Builder
			w := &priorityWriter{w: &sb, prefix: prioErr}
			for _, s := range tt.writes {
				if n, err := io.WriteString(w, s); n != len(s) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", s, n, err)
				}
			}
			if sb.String() != tt.want {
				t.Errorf("got %q, want %q", sb.String(), tt.want)
			}
		})
	}
}

// journalPipe is the journal's side of a child's stderr: a pipe, and JOURNAL_STREAM naming it.
type journalPipe struct {
	w    *os.File // the child's stderr; closed here once the child has it
	env  string
	log  syncBuffer
	done chan struct{}
}

func newJournalPipe(t *testing.T) *journalPipe {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	j := &journalPipe{w: w, env: "JOURNAL_STREAM=" + streamOf(t, w), done: make(chan struct{})}
	go func() { io.Copy(&j.log, r); close(j.done) }()
	t.Cleanup(func() { w.Close(); <-j.done; r.Close() })
	return j
}

// run runs the binary with the pipe as stderr and returns its exit code and everything it wrote.
func (j *journalPipe) run(t *testing.T, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Env = append(os.Environ(), j.env)
	cmd.Stderr = j.w
	err := cmd.Run()
	j.w.Close()
	<-j.done
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), j.log.String()
}

var priorityPrefix = regexp.MustCompile(`^<[0-7]>`)

// TestBinaryFailedStartUnderJournal: whatever stops the daemon from starting reaches the journal
// at err priority, every line of it, so `journalctl -p err` shows why the unit failed.
func TestBinaryFailedStartUnderJournal(t *testing.T) {
	dir := t.TempDir()
	good, _, _ := binaryConfig(t, dir, "", "")
	bad := writeFile(t, dir, "bad.toml", "[[source]]\nname = \"BAD NAME\"\n[[source]]\nname = \"x\"\nurl = \"ftp://x\"\n")
	tests := []struct {
		name      string
		args      []string
		lockDB    bool
		wantLines int
		want      string
	}{
		{"invalid config", []string{"serve", "--config", bad}, false, 2, "BAD NAME"},
		{"missing config", []string{"serve", "--config", filepath.Join(dir, "nope.toml")}, false, 1, "nope.toml"},
		{"database locked", []string{"serve", "--config", good}, true, 1, "cannot start"},
		{"bad argument", []string{"serve", "extra"}, false, 1, "unexpected argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.lockDB {
				st, err := store.Open(context.Background(), filepath.Join(dir, "tributary.db"), store.Options{Timeout: dbOpenTimeout})
				if err != nil {
					t.Fatal(err)
				}
				defer st.Close()
			}
			code, log := newJournalPipe(t).run(t, tt.args...)
			if code == 0 {
				t.Fatalf("exit 0, want a failure:\n%s", log)
			}
			lines := strings.Split(strings.TrimSuffix(log, "\n"), "\n")
			if !strings.Contains(log, tt.want) || len(lines) < tt.wantLines {
				t.Errorf("want at least %d lines mentioning %q:\n%s", tt.wantLines, tt.want, log)
			}
			for _, l := range lines {
				switch {
				case strings.HasPrefix(l, prioErr):
				case tt.lockDB && !strings.Contains(l, tt.want) && priorityPrefix.MatchString(l):
					// Once the logger exists, other lines keep their own priority (a
					// cgroup's memory limit is info).
				default:
					t.Errorf("line without err priority: %q", l)
				}
			}
		})
	}
}
