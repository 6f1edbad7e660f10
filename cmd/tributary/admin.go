package main

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/pprof"
	"net/url"
	"path"
	"strings"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/refresh"
)

// Limits of the admin API.
const (
	defaultRefreshWait = 60 * time.Second
	maxRefreshWait     = 10 * time.Minute
)

// publicHandler serves the output feeds and index page, plus the health probes.
func (a *App) publicHandler() http.Handler {
	mux := http.NewServeMux()
	a.healthRoutes(mux)
	a.websubRoutes(mux)
	mux.Handle("/", a.feeds.Handler())
	return cleanPathsOnly(mux)
}

// adminHandler serves the admin API behind the bearer token, when one is set.
func (a *App) adminHandler() http.Handler {
	mux := http.NewServeMux()
	a.healthRoutes(mux)
	mux.HandleFunc("POST /api/refresh", a.handleRefresh)
	mux.HandleFunc("GET /api/sources", a.handleSources)
	mux.HandleFunc("GET /api/outputs", a.handleOutputs)
	mux.HandleFunc("POST /api/export", a.handleExport)
	mux.HandleFunc("GET /api/exports", a.handleExports)
	mux.HandleFunc("GET /api/backup", a.handleBackup)
	mux.HandleFunc("GET /api/websub", a.handleWebSub)
	mux.HandleFunc("GET /api/stories", a.handleStories)
	mux.HandleFunc("POST /api/stories/split", a.handleSplitStory)
	mux.Handle("GET /metrics", metricsHandler(a.metrics.registry, a.metrics.sources))
	// Profiles show memory contents and cost CPU: only behind a token or with server.pprof = true.
	mux.Handle("GET /debug/pprof/", a.pprofOn(pprof.Index))
	mux.Handle("GET /debug/pprof/profile", a.pprofOn(pprof.Profile))
	mux.Handle("GET /debug/pprof/trace", a.pprofOn(pprof.Trace))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		// This pattern matches every method, so the mux never answers 405 by itself: an endpoint
		// that exists for other methods gets its 405 and Allow here.
		if allow := allowedMethods(mux, r); len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeJSONError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s %s: use %s", r.Method, r.URL.Path, strings.Join(allow, " or ")))
			return
		}
		writeJSONError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	return cleanPathsOnly(a.checkHost(checkCrossSite(a.requireToken(requireJSON(limitBody(mux))))))
}

// pprofOn serves h when the configuration in force turns profiles on, else 404 naming the key.
func (a *App) pprofOn(h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !a.Config().Pprof {
			writeJSONError(w, http.StatusNotFound, "profiles are off: set server.pprof = true (they are on by default only when an admin token is set)")
			return
		}
		h(w, r)
	})
}

// allowedMethods lists the methods for which mux has a pattern of its own for r's path, other than
// the catch-all "/".
func allowedMethods(mux *http.ServeMux, r *http.Request) []string {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	return allow
}

// maxAdminBody bounds the body of an admin request. No endpoint reads one: a client that sends
// megabytes gets a 413 at once, not a refresh, and the server does not read the rest.
const maxAdminBody = 64 << 10

// limitBody answers 413 to a request whose body is over maxAdminBody.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tooLarge := r.ContentLength > maxAdminBody
		if r.ContentLength < 0 { // chunked: read up to the limit to learn the size
			_, err := io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, maxAdminBody))
			var mbe *http.MaxBytesError
			tooLarge = errors.As(err, &mbe)
		}
		if tooLarge {
			writeJSONError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes: admin requests carry none", maxAdminBody))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// cleanPathsOnly answers 400 to a path with dot segments or doubled slashes (/feeds/../x, //x),
// where http.ServeMux would redirect to the cleaned path: no client of tributary sends one, and
// the redirect would let a path trick reach another endpoint than the one it names.
func cleanPathsOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if c := path.Clean(p); p == "" || p[0] != '/' || (c != p && c+"/" != p) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, "400 bad request: the path is not in its clean form\n")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (a *App) healthRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if !a.healthy() {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "not ready: the database or the scheduler is not running")
			return
		}
		if a.Config().Backend == backendPostgres {
			// Still ready: the outputs are served from memory. The probe is open on the public
			// listener, so it says that the database does not answer but not the driver's error,
			// which names the database's host, user and name: that is in /api/sources (behind the
			// token) and in the log.
			if a.databaseErr() != nil {
				fmt.Fprintln(w, "ready, degraded: the database does not answer (cached outputs are served, refreshes fail and are retried; /api/sources and the log say why)")
				return
			}
		}
		fmt.Fprintln(w, "ready")
	})
}

// requireToken checks "Authorization: Bearer <token>" in constant time when a token is set.
// Health probes stay open so that a supervisor needs no secret.
func (a *App) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token := a.Config().AdminToken
		if token != "" && r.URL.Path != "/healthz" && r.URL.Path != "/readyz" {
			got := r.Header.Get("Authorization")
			want := "Bearer " + token
			if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="tributary"`)
				writeJSONError(w, http.StatusUnauthorized, "missing or wrong bearer token")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// refreshResponse is the body of POST /api/refresh.
type refreshResponse struct {
	Results []refreshResultJSON `json:"results"`
	Failed  int                 `json:"failed"`
}

type refreshResultJSON struct {
	aggregator.RefreshResult
	DurationText string `json:"duration"`
}

func (a *App) handleRefresh(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	wait := defaultRefreshWait
	if t := q.Get("timeout"); t != "" {
		d, err := time.ParseDuration(t)
		if err != nil || d <= 0 || d > maxRefreshWait {
			writeJSONError(w, http.StatusBadRequest, fmt.Sprintf("timeout %q: want a duration between 1s and %s", t, maxRefreshWait))
			return
		}
		wait = d
	}
	ctx, cancel := context.WithTimeout(r.Context(), wait)
	defer cancel()
	results, err := a.refresher.Refresh(ctx, q["source"], true)
	if errors.Is(err, refresh.ErrUnknownSource) {
		writeJSONError(w, http.StatusNotFound, withSourceNames(err, a.refresher.Sources()).Error())
		return
	}
	if err != nil {
		writeJSONError(w, http.StatusInternalServerError, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, toRefreshResponse(results))
}

func toRefreshResponse(results []aggregator.RefreshResult) refreshResponse {
	resp := refreshResponse{Results: make([]refreshResultJSON, 0, len(results))}
	for _, res := range results {
		if res.Status == aggregator.StatusError {
			resp.Failed++
		}
		resp.Results = append(resp.Results, refreshResultJSON{RefreshResult: res, DurationText: res.Duration.Round(time.Millisecond).String()})
	}
	return resp
}

// sourceJSON is one source in GET /api/sources.
type sourceJSON struct {
	Name                string     `json:"name"`
	Title               string     `json:"title"`
	URL                 string     `json:"url"`
	Schedule            string     `json:"schedule"`
	Health              string     `json:"health"`
	Running             bool       `json:"running"`
	NextRun             *time.Time `json:"next_run"`
	LastFetch           *time.Time `json:"last_fetch"`
	LastSuccess         *time.Time `json:"last_success"`
	LastStatus          string     `json:"last_status,omitempty"`
	LastError           string     `json:"last_error,omitempty"`
	ConsecutiveFailures int        `json:"consecutive_failures"`
	BackoffUntil        *time.Time `json:"backoff_until"`
	Gone                bool       `json:"gone"`
	Articles            int        `json:"articles"`
	ETag                string     `json:"etag,omitempty"`
	LastModified        string     `json:"last_modified,omitempty"`
	// The source's lease, when several nodes share a PostgreSQL database: which node fetches it
	// (LeaseOwner, the node's name in the logs) and until when it keeps it.
	LeaseOwner  string     `json:"lease_owner,omitempty"`
	LeaseExpiry *time.Time `json:"lease_expiry,omitempty"`
	LeaseLive   bool       `json:"lease_live,omitempty"`
}

func (a *App) handleSources(w http.ResponseWriter, r *http.Request) {
	switch f := r.URL.Query().Get("format"); f {
	case "", "json":
	case "opml":
		a.writeSourcesOPML(w)
		return
	default:
		writeJSONError(w, http.StatusBadRequest, fmt.Sprintf("format %q: want json or opml", cut(f, 40)))
		return
	}
	sources, err := a.sourcesJSON(r.Context())
	resp := map[string]any{"sources": sources}
	if err != nil {
		// The states shown are then this node's memory: say so rather than show them as the
		// cluster's.
		resp["database_error"] = "the database does not answer: these states are this node's own: " + err.Error()
	}
	writeJSON(w, http.StatusOK, resp)
}

// sourcesJSON is sourceStatuses for the admin API, with its error.
func (a *App) sourcesJSON(ctx context.Context) ([]sourceJSON, error) {
	statuses, err := a.sourceStatuses(ctx)
	out := make([]sourceJSON, 0, len(statuses))
	for _, s := range statuses {
		out = append(out, sourceJSON{
			Name: s.Source.Name, Title: s.Source.Title, URL: s.Source.URL, Schedule: s.Source.Schedule,
			Health: s.Health(), Running: s.Running, NextRun: timePtr(s.NextRun),
			LastFetch: timePtr(s.State.LastFetch), LastSuccess: timePtr(s.State.LastSuccess),
			LastStatus: string(s.State.LastStatus), LastError: s.State.LastError,
			ConsecutiveFailures: s.State.ConsecutiveFailures, BackoffUntil: timePtr(s.State.BackoffUntil),
			Gone: s.State.Gone, Articles: s.Articles, ETag: s.State.ETag, LastModified: s.State.LastModified,
			LeaseOwner: s.Lease.Owner, LeaseExpiry: timePtr(s.Lease.Expiry), LeaseLive: s.Lease.Expiry.After(time.Now()),
		})
	}
	return out, err
}

type outputJSON struct {
	Name       string            `json:"name"`
	Title      string            `json:"title"`
	Sources    []string          `json:"sources"`
	Categories []string          `json:"categories"`
	Limit      int               `json:"limit"`
	Articles   int               `json:"articles"`
	URLs       map[string]string `json:"urls"`
}

func (a *App) handleOutputs(w http.ResponseWriter, r *http.Request) {
	cfg := a.Config()
	out := make([]outputJSON, 0, len(cfg.Outputs))
	for _, o := range cfg.Outputs {
		n, err := a.feeds.ArticleCount(r.Context(), o.Name)
		if err != nil {
			writeJSONError(w, http.StatusInternalServerError, err.Error())
			return
		}
		urls := map[string]string{}
		for _, ext := range []string{"rss", "atom", "json"} {
			urls[ext] = cfg.BaseURL + "/feeds/" + url.PathEscape(o.Name) + "." + ext
		}
		out = append(out, outputJSON{
			Name: o.Name, Title: o.Title, Sources: nonNil(o.Sources), Categories: nonNil(o.Categories),
			Limit: o.Limit, Articles: n, URLs: urls,
		})
	}
	writeJSON(w, http.StatusOK, map[string]any{"outputs": out})
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

func writeJSONError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}
