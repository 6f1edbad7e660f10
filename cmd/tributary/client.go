package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/refresh"
	"tributary/store"
)

// adminClient talks to a running daemon's admin API, over TCP or a unix socket.
type adminClient struct {
	base  string
	token string
	http  *http.Client
}

func newAdminClient(cfg *Config, timeout time.Duration) *adminClient {
	c := &adminClient{token: cfg.AdminToken}
	tr := &http.Transport{}
	if path, ok := strings.CutPrefix(cfg.AdminListen, "unix:"); ok {
		tr.DialContext = func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", path)
		}
		c.base = "http://localhost" // the Host the admin listener's Host check accepts on a socket too
	} else {
		host, port, _ := net.SplitHostPort(cfg.AdminListen)
		if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
			host = "127.0.0.1"
		}
		c.base = "http://" + net.JoinHostPort(host, port)
	}
	c.http = &http.Client{Transport: tr, Timeout: timeout}
	return c
}

// errNoDaemon says that nothing listens on the admin address.
var errNoDaemon = errors.New("no daemon answers on the admin address")

// apiError is an answer of the admin API other than 200.
type apiError struct {
	base, status string
	// msg and reason are the answer's "error" and "reason" fields.
	msg, reason string
}

func (e *apiError) Error() string {
	if e.msg == "" {
		return fmt.Sprintf("admin API %s: %s", e.base, e.status)
	}
	return fmt.Sprintf("admin API %s: %s: %s", e.base, e.status, e.msg)
}

func (c *adminClient) do(ctx context.Context, method, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, nil)
	if err != nil {
		return err
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if method != http.MethodGet {
		// The admin API refuses any other request without it (what a web page cannot send).
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT) {
			return fmt.Errorf("%w: %v", errNoDaemon, err)
		}
		return fmt.Errorf("admin API %s: %w", c.base, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("admin API %s: %w", c.base, err)
	}
	if resp.StatusCode != http.StatusOK {
		return c.statusError(resp.Status, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("admin API %s: bad answer: %w", c.base, err)
	}
	return nil
}

// statusError describes an answer other than 200 OK, with the API's error message and reason when
// it sent them.
func (c *adminClient) statusError(status string, body []byte) error {
	var e struct{ Error, Reason string }
	_ = json.Unmarshal(body, &e)
	return &apiError{base: c.base, status: status, msg: e.Error, reason: e.Reason}
}

func cmdRefresh(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, cfgFlag := newFlags("refresh", "[--config FILE] [--timeout D] [--json] [SOURCE...]", stdout, stderr)
	timeout := fs.Duration("timeout", defaultRefreshWait, "how long to wait for the refresh")
	asJSON := fs.Bool("json", false, "print the results as JSON")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	cfg, err := LoadConfig(configPath(*cfgFlag))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	names := fs.Args()
	q := url.Values{"timeout": {timeout.String()}}
	for _, n := range names {
		q.Add("source", n)
	}
	var resp refreshResponse
	client := newAdminClient(cfg, *timeout+10*time.Second)
	err = client.do(ctx, http.MethodPost, "/api/refresh?"+q.Encode(), &resp)
	if errors.Is(err, errNoDaemon) {
		resp, err = refreshDirect(ctx, cfg, names, *timeout, stderr)
	}
	if err != nil {
		fmt.Fprintf(stderr, "refresh: %v\n", err)
		return exitFailure
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(resp)
	} else {
		printResults(stdout, resp)
	}
	unfinished := 0
	for _, r := range resp.Results {
		if r.Status == aggregator.StatusSkipped {
			unfinished++
		}
	}
	if unfinished > 0 {
		fmt.Fprintf(stderr, "refresh: %d of %d sources did not finish within --timeout %s\n", unfinished, len(resp.Results), *timeout)
	}
	if resp.Failed > 0 || unfinished > 0 {
		return exitFailure
	}
	return exitOK
}

// withSourceNames adds the configured sources' names to an error naming an unknown one.
func withSourceNames(err error, sources []aggregator.Source) error {
	if !errors.Is(err, refresh.ErrUnknownSource) {
		return err
	}
	names := make([]string, 0, len(sources))
	for _, s := range sources {
		names = append(names, s.Name)
	}
	if len(names) == 0 {
		return fmt.Errorf("%w: no source is configured", err)
	}
	return fmt.Errorf("%w: the configured sources are %s", err, strings.Join(names, ", "))
}

// refreshDirect refreshes with the database opened here, when no daemon runs. bbolt's lock keeps
// two writers apart: if a daemon holds the database but its admin API did not answer, this fails
// within the lock timeout instead of writing beside it.
func refreshDirect(ctx context.Context, cfg *Config, names []string, timeout time.Duration, stderr io.Writer) (refreshResponse, error) {
	// Warnings only, unless the configuration asks for debugging: then every step of the refresh.
	level := "warn"
	if cfg.LogLevel == "debug" {
		level = "debug"
	}
	logger := newLogger(&Config{LogLevel: level, LogFormat: "text"}, stderr)
	app, err := OpenApp(ctx, cfg, logger)
	if errors.Is(err, store.ErrLocked) {
		return refreshResponse{}, fmt.Errorf("the database is held by a running daemon, but its admin API at %s did not answer: %w", cfg.AdminListen, err)
	}
	if err != nil {
		return refreshResponse{}, err
	}
	defer func() {
		// Refreshes still running are awaited, unless a signal interrupted the command: then they
		// are cancelled at once (each feed's store commits whole or rolls back).
		closeCtx := context.Background()
		if ctx.Err() != nil {
			closeCtx = ctx
		}
		app.Close(closeCtx)
	}()
	fmt.Fprintf(stderr, "no daemon is running: refreshing directly on %s\n", databaseName(cfg))
	waitCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	results, err := app.refresher.Refresh(waitCtx, names, true)
	if err != nil {
		return refreshResponse{}, withSourceNames(err, app.refresher.Sources())
	}
	if ctx.Err() != nil {
		return refreshResponse{}, fmt.Errorf("interrupted: the refreshes still running were cancelled, and a feed they had not stored is not stored (the next refresh fetches it again): %w", ctx.Err())
	}
	return toRefreshResponse(results), nil
}

func printResults(w io.Writer, resp refreshResponse) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tSTATUS\tTOOK\tRESULT")
	for _, r := range resp.Results {
		switch r.Status {
		case "error", "skipped":
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Source, r.Status, r.DurationText, r.Error)
		default:
			fmt.Fprintf(tw, "%s\t%s\t%s\tnew %d, updated %d, deduplicated %d, unchanged %d\n",
				r.Source, r.Status, r.DurationText, r.New, r.Updated, r.Merged, r.Unchanged)
		}
	}
	tw.Flush()
}

func cmdSources(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, cfgFlag := newFlags("sources", "[--config FILE] [--json | --opml]", stdout, stderr)
	asJSON := fs.Bool("json", false, "print the status as JSON")
	asOPML := fs.Bool("opml", false, "print the sources as OPML 2.0, in folders by their categories, for a feed reader to import")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *asJSON && *asOPML {
		fmt.Fprintln(stderr, "sources: --json and --opml exclude each other")
		return exitUsage
	}
	cfg, err := LoadConfig(configPath(*cfgFlag))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	if *asOPML {
		return sourcesOPMLCommand(ctx, cfg, stdout, stderr)
	}
	var resp struct {
		Sources []sourceJSON `json:"sources"`
	}
	err = newAdminClient(cfg, 30*time.Second).do(ctx, http.MethodGet, "/api/sources", &resp)
	if errors.Is(err, errNoDaemon) {
		resp.Sources, err = sourcesDirect(ctx, cfg, stderr)
	}
	return printStatus(stdout, stderr, "sources", err, *asJSON, resp, func() { printSources(stdout, resp.Sources, time.Now()) })
}

// printStatus ends a status command (sources, exports): err on stderr, else resp as JSON or the
// table that table prints.
func printStatus(stdout, stderr io.Writer, cmd string, err error, asJSON bool, resp any, table func()) int {
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", cmd, err)
		return exitFailure
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(resp)
		return exitOK
	}
	table()
	return exitOK
}

// sourcesDirect reads the status from the database when no daemon runs. Nothing is scheduled then,
// so no source has a next run; and a database that does not exist yet is not created.
func sourcesDirect(ctx context.Context, cfg *Config, stderr io.Writer) ([]sourceJSON, error) {
	if databaseMissing(cfg) {
		fmt.Fprintf(stderr, "no daemon is running and there is no database yet at %s: nothing has been fetched\n", cfg.DBPath)
		out := make([]sourceJSON, 0, len(cfg.Sources))
		for _, s := range cfg.Sources {
			out = append(out, sourceJSON{Name: s.Name, Title: s.Title, URL: s.URL, Schedule: s.Schedule, Health: "new"})
		}
		return out, nil
	}
	logger := newLogger(&Config{LogLevel: "warn", LogFormat: "text"}, stderr)
	app, err := OpenApp(ctx, cfg, logger)
	if err != nil {
		return nil, err
	}
	defer app.Close(context.Background())
	fmt.Fprintf(stderr, "no daemon is running: status read from %s; nothing is scheduled until one starts\n", databaseName(cfg))
	out, _ := app.sourcesJSON(ctx) // a database that does not answer is logged by sourceStatuses
	for i := range out {
		out[i].NextRun = nil
	}
	return out, nil
}

// printSources prints the status table in 80 columns: long errors are cut, times are relative.
func printSources(w io.Writer, sources []sourceJSON, now time.Time) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SOURCE\tHEALTH\tSUCCESS\tNEXT\tARTICLES\tLAST ERROR")
	for _, s := range sources {
		errText := errCause(s.LastError)
		if s.Health == "ok" || s.Health == "new" {
			errText = ""
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", cut(s.Name, 18), s.Health, ago(s.LastSuccess, now),
			until(s.NextRun, now), s.Articles, cut(errText, 24))
	}
	tw.Flush()
}

// errCause shortens a wrapped error to its innermost cause for the table ("no such host", "HTTP
// 503"); `sources --json` and the admin API carry the whole text.
func errCause(msg string) string {
	msg = strings.Join(strings.Fields(msg), " ")
	parts := strings.Split(msg, ": ")
	cause := parts[len(parts)-1]
	if len(parts) > 1 && len(cause) < 12 {
		cause = parts[len(parts)-2] + ": " + cause
	}
	return cause
}

func ago(t *time.Time, now time.Time) string {
	if t == nil {
		return "never"
	}
	return shortDuration(now.Sub(*t)) + " ago"
}

func until(t *time.Time, now time.Time) string {
	if t == nil {
		return "-"
	}
	if d := t.Sub(now); d > 0 {
		return "in " + shortDuration(d)
	}
	return "now"
}

func shortDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	default:
		return fmt.Sprintf("%dd", int(d.Hours()/24))
	}
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
