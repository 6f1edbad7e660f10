package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
)

// underJournal reports whether w is the stream systemd connected to the journal. systemd names it
// in JOURNAL_STREAM as "device:inode"; the variable alone is not enough, because a process started
// from a unit, or from a shell in a user session, inherits it even when its stderr goes to a file
// or a pipe (sd_journal_stream_fd(3), "JOURNAL_STREAM" in systemd.exec(5)).
func underJournal(w io.Writer) bool {
	dev, ino, ok := strings.Cut(os.Getenv("JOURNAL_STREAM"), ":")
	if !ok {
		return false
	}
	wantDev, err1 := strconv.ParseUint(dev, 10, 64)
	wantIno, err2 := strconv.ParseUint(ino, 10, 64)
	f, isFile := w.(*os.File)
	if err1 != nil || err2 != nil || !isFile {
		return false
	}
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	gotDev, gotIno, ok := fileID(fi)
	return ok && gotDev == wantDev && gotIno == wantIno
}

// Priorities of sd-daemon(3), which journald strips from the start of a line and stores as the
// entry's PRIORITY=, so that `journalctl -p warning` finds warnings and errors.
const (
	prioErr     = "<3>"
	prioWarning = "<4>"
	prioInfo    = "<6>"
	prioDebug   = "<7>"
)

// journalPriority maps a slog level to its sd-daemon prefix; levels between two named ones take
// the lower one's priority.
func journalPriority(l slog.Level) string {
	switch {
	case l >= slog.LevelError:
		return prioErr
	case l >= slog.LevelWarn:
		return prioWarning
	case l >= slog.LevelInfo:
		return prioInfo
	default:
		return prioDebug
	}
}

// priorityWriter writes prefix at the start of every line that goes through it, also when a line
// arrives in several writes or one write holds several lines: journald would file a line without
// the prefix at the stream's default priority (info).
type priorityWriter struct {
	w       io.Writer
	prefix  string
	midLine bool
}

func (p *priorityWriter) Write(b []byte) (int, error) {
	out := make([]byte, 0, len(b)+2*len(p.prefix))
	for rest := b; len(rest) > 0; {
		if !p.midLine {
			out = append(out, p.prefix...)
		}
		n := bytes.IndexByte(rest, '\n') + 1 // through the newline; 0 when there is none
		p.midLine = n == 0
		if p.midLine {
			n = len(rest)
		}
		out = append(out, rest[:n]...)
		rest = rest[n:]
	}
	if _, err := p.w.Write(out); err != nil {
		return 0, err
	}
	return len(b), nil
}

// journalHandler writes each record through inner with the record's priority in front of its
// line. The handlers made by WithAttrs and WithGroup share the writer and its lock, which holds
// the prefix in place for the one record being written.
type journalHandler struct {
	inner slog.Handler
	out   *priorityWriter
	mu    *sync.Mutex
}

// newJournalHandler returns a handler that formats with newInner (slog.NewTextHandler or
// slog.NewJSONHandler on the writer it is given) and writes to w with priorities.
func newJournalHandler(w io.Writer, newInner func(io.Writer) slog.Handler) *journalHandler {
	out := &priorityWriter{w: w}
	return &journalHandler{inner: newInner(out), out: out, mu: &sync.Mutex{}}
}

func (h *journalHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return h.inner.Enabled(ctx, l)
}

func (h *journalHandler) Handle(ctx context.Context, r slog.Record) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.out.prefix = journalPriority(r.Level)
	return h.inner.Handle(ctx, r)
}

func (h *journalHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &journalHandler{inner: h.inner.WithAttrs(attrs), out: h.out, mu: h.mu}
}

func (h *journalHandler) WithGroup(name string) slog.Handler {
	return &journalHandler{inner: h.inner.WithGroup(name), out: h.out, mu: h.mu}
}
