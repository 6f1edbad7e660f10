package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"tributary/feeds"
	"tributary/feeds/hexo"
)

// Limits of what is kept of an after-command's run.
const (
	afterErrorLinesKept = 5   // the last error lines shown
	afterLineBytes      = 512 // of one line, for matching and showing
)

// afterErrorLine matches the lines by which Hexo and Node report an error while exiting 0 (Hexo
// does after "ERROR Process failed"): ERROR or FATAL at the start of the line, after an optional
// timestamp, or an "Error:" / "TypeError:" of a stack trace.
var afterErrorLine = regexp.MustCompile(`^\s*(?:(?:\[?\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\]?\s+)?(?:ERROR|FATAL)\b|[A-Za-z]*Error:)`)

// ansiEscape matches terminal escape sequences (Hexo colours its level words).
var ansiEscape = regexp.MustCompile(`\x1b\[[0-9;?]*[ -/]*[@-~]`)

// afterJudge reads an after-command's output as it is written: it keeps the tail (for the log and
// the status) and counts the error lines over the whole output, keeping the last few. exec.Cmd
// calls Write from one goroutine at a time when Stdout and Stderr are the same *afterJudge.
type afterJudge struct {
	tail       tailBuffer
	line       []byte // the current line, up to afterLineBytes
	errorLines int
	lastErrors []string
}

func (j *afterJudge) Write(p []byte) (int, error) {
	j.tail.Write(p)
	for rest := p; len(rest) > 0; {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			j.addToLine(rest)
			break
		}
		j.addToLine(rest[:i])
		j.endLine()
		rest = rest[i+1:]
	}
	return len(p), nil
}

func (j *afterJudge) addToLine(b []byte) {
	if room := afterLineBytes - len(j.line); room > 0 {
		j.line = append(j.line, b[:min(room, len(b))]...)
	}
}

func (j *afterJudge) endLine() {
	line := printable(string(j.line))
	j.line = j.line[:0]
	if !afterErrorLine.MatchString(line) {
		return
	}
	j.errorLines++
	j.lastErrors = append(j.lastErrors, strings.TrimSpace(line))
	if len(j.lastErrors) > afterErrorLinesKept {
		j.lastErrors = j.lastErrors[1:]
	}
}

// finish judges the last line, which may not end in a newline.
func (j *afterJudge) finish() {
	if len(j.line) > 0 {
		j.endLine()
	}
}

// printable is s as valid UTF-8 without terminal escapes and control characters but newlines and
// tabs: the output of an after-command is shown on terminals and pages.
func printable(s string) string {
	s = ansiEscape.ReplaceAllString(strings.ToValidUTF8(s, "\uFFFD"), "")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, s)
}

// afterRun is the last run of an export's after-command.
type afterRun struct {
	Command         []string  `json:"command"`
	Started         time.Time `json:"started"`
	Duration        string    `json:"duration"`
	DurationSeconds float64   `json:"duration_seconds"`
	// ExitCode is -1 when the command did not exit by itself (not found, killed at the timeout).
	ExitCode   int      `json:"exit_code"`
	Error      string   `json:"error,omitempty"`
	ErrorLines int      `json:"error_lines"`
	LastErrors []string `json:"last_errors"`
	OutputTail string   `json:"output_tail"`
	// Status is "failed" when the command exited other than 0 or printed error lines.
	Status string `json:"status"`
}

func (r *afterRun) failed() bool { return r.ExitCode != 0 || r.ErrorLines > 0 }

// exportRun is the last run of an [[export]] block: its sync and the last run of its after-command
// (which runs only when a sync changed posts, so it may be older than the last sync).
type exportRun struct {
	Dir    string `json:"dir"`
	Output string `json:"output,omitempty"`
	// Status is "never" before the first sync of this process, "failed" when the last sync failed
	// or the last after-command did, else "ok".
	Status          string     `json:"status"`
	LastRun         *time.Time `json:"last_run"`
	LastSuccess     *time.Time `json:"last_success"`
	Duration        string     `json:"duration,omitempty"`
	DurationSeconds float64    `json:"duration_seconds"`
	// LastChange is the last sync that changed posts, and Written, Renamed and Removed its counts:
	// a sync with nothing to do, after every refresh of another output, would otherwise show 0 a
	// moment after the change the after-command built. Unchanged and Skipped are the last sync's.
	LastChange *time.Time `json:"last_change"`
	Written    int        `json:"written"`
	Renamed    int        `json:"renamed"`
	Removed    int        `json:"removed"`
	Unchanged  int        `json:"unchanged"`
	Skipped    int        `json:"skipped"`
	Error      string     `json:"error,omitempty"`
	After      *afterRun  `json:"after"`
}

// runKey names an export's runs: one per directory, however the configuration spells it.
func runKey(dir string) string { return filepath.Clean(dir) }

// recordSync records a sync of ex that started at start. A sync that changed posts is a success
// only once its after-command, which runs next, succeeded too.
func (e *exporter) recordSync(ex Export, start time.Time, rep hexo.Report, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	prev := e.runs[runKey(ex.Dir)]
	r := exportRun{Dir: ex.Dir, Output: ex.Output, Unchanged: rep.Unchanged, Skipped: len(rep.Skipped)}
	if prev != nil {
		r.LastSuccess, r.After = prev.LastSuccess, prev.After
		r.LastChange, r.Written, r.Renamed, r.Removed = prev.LastChange, prev.Written, prev.Renamed, prev.Removed
	}
	started := start
	r.LastRun = &started
	if err == nil && rep.Changed() {
		r.LastChange, r.Written, r.Renamed, r.Removed = &started, rep.Written, rep.Renamed, rep.Removed
	}
	d := time.Since(start)
	r.Duration, r.DurationSeconds = d.Round(time.Millisecond).String(), d.Seconds()
	if err != nil {
		r.Error = printable(err.Error())
	}
	e.runs[runKey(ex.Dir)] = &r
	e.judgeLocked(&r, err == nil && rep.Changed() && len(ex.After) > 0)
}

// recordAfter records a run of ex's after-command.
func (e *exporter) recordAfter(ex Export, a *afterRun) {
	e.mu.Lock()
	defer e.mu.Unlock()
	r := e.runs[runKey(ex.Dir)]
	if r == nil { // a sync is always recorded first; be safe all the same
		r = &exportRun{Dir: ex.Dir, Output: ex.Output}
		e.runs[runKey(ex.Dir)] = r
	}
	r.After = a
	e.judgeLocked(r, false)
}

// judgeLocked sets r's status; afterPending says that its after-command is yet to run.
func (e *exporter) judgeLocked(r *exportRun, afterPending bool) {
	r.Status = "ok"
	if r.Error != "" || (r.After != nil && r.After.failed()) {
		r.Status = "failed"
		return
	}
	if r.LastRun != nil && !afterPending {
		t := *r.LastRun
		r.LastSuccess = &t
	}
}

// exportRuns lists the configured [[export]] blocks with their last runs in this process.
func (a *App) exportRuns() []exportRun {
	blocks := a.Config().Exports
	out := make([]exportRun, 0, len(blocks))
	a.exports.mu.Lock()
	defer a.exports.mu.Unlock()
	for _, ex := range blocks {
		r := exportRun{Dir: ex.Dir, Output: ex.Output, Status: "never"}
		if got := a.exports.runs[runKey(ex.Dir)]; got != nil {
			r = *got
			r.Dir, r.Output = ex.Dir, ex.Output
			if got.After != nil {
				after := *got.After
				after.LastErrors = append([]string{}, got.After.LastErrors...)
				r.After = &after
			}
		}
		out = append(out, r)
	}
	return out
}

// exportStatuses is exportRuns for the index page.
func (a *App) exportStatuses(context.Context) []feeds.ExportStatus {
	runs := a.exportRuns()
	out := make([]feeds.ExportStatus, 0, len(runs))
	for _, r := range runs {
		s := feeds.ExportStatus{Dir: r.Dir, Output: r.Output, Status: r.Status, Error: r.Error,
			Written: r.Written, Renamed: r.Renamed, Removed: r.Removed, Skipped: r.Skipped}
		if r.LastRun != nil {
			s.LastRun = *r.LastRun
		}
		if r.LastSuccess != nil {
			s.LastSuccess = *r.LastSuccess
		}
		if r.LastChange != nil {
			s.LastChange = *r.LastChange
		}
		if a := r.After; a != nil {
			s.After = &feeds.AfterStatus{Command: strings.Join(a.Command, " "), Status: a.Status, ExitCode: a.ExitCode,
				Started: a.Started, Duration: a.Duration, ErrorLines: a.ErrorLines, LastErrors: a.LastErrors, OutputTail: a.OutputTail}
		}
		out = append(out, s)
	}
	return out
}

// exportsResponse is the body of GET /api/exports.
type exportsResponse struct {
	Exports []exportRun `json:"exports"`
}

func (a *App) handleExports(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, exportsResponse{Exports: a.exportRuns()})
}

func cmdExports(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, cfgFlag := newFlags("exports", "[--config FILE] [--json]", stdout, stderr)
	asJSON := fs.Bool("json", false, "print the runs as JSON")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "exports: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	cfg, err := LoadConfig(configPath(*cfgFlag))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	var resp exportsResponse
	err = newAdminClient(cfg, 30*time.Second).do(ctx, http.MethodGet, "/api/exports", &resp)
	if errors.Is(err, errNoDaemon) {
		// The runs live in the daemon's memory: without one, none has run.
		fmt.Fprintln(stderr, "no daemon is running: export runs are kept by the daemon, and none has run in this process")
		resp.Exports, err = make([]exportRun, 0, len(cfg.Exports)), nil
		for _, ex := range cfg.Exports {
			resp.Exports = append(resp.Exports, exportRun{Dir: ex.Dir, Output: ex.Output, Status: "never"})
		}
	}
	return printStatus(stdout, stderr, "exports", err, *asJSON, resp, func() { printExports(stdout, resp.Exports, time.Now()) })
}

// printExports prints one row per export, then the error lines of each failed after-command.
func printExports(w io.Writer, runs []exportRun, now time.Time) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "EXPORT\tSTATUS\tLAST RUN\tWRITTEN\tRENAMED\tREMOVED\tSKIPPED\tAFTER")
	for _, r := range runs {
		after := "-"
		if a := r.After; a != nil {
			after = fmt.Sprintf("exit %d, %s, %s", a.ExitCode, plural(a.ErrorLines, "error line"), a.Duration)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%d\t%d\t%s\n", printable(r.Dir), r.Status, ago(r.LastRun, now),
			r.Written, r.Renamed, r.Removed, r.Skipped, after)
	}
	tw.Flush()
	for _, r := range runs {
		if r.Error != "" {
			fmt.Fprintf(w, "\n%s: sync failed: %s\n", printable(r.Dir), printable(r.Error))
		}
		if a := r.After; a != nil && a.failed() {
			fmt.Fprintf(w, "\n%s: after-command %s exited %d and printed %s", printable(r.Dir), printable(strings.Join(a.Command, " ")), a.ExitCode, plural(a.ErrorLines, "error line"))
			if len(a.LastErrors) > 0 {
				fmt.Fprint(w, "; the last:")
			}
			fmt.Fprintln(w)
			for _, l := range a.LastErrors {
				fmt.Fprintf(w, "  %s\n", printable(l))
			}
		}
	}
}

// plural writes "1 error line", "3 error lines".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// exitCode is the exit status of a finished command, or -1 when it did not exit by itself.
func exitCode(err error) int {
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee) && ee.ExitCode() >= 0:
		return ee.ExitCode()
	}
	return -1
}
