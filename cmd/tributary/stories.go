package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"text/tabwriter"
	"time"

	"tributary/aggregator"
)

// Story operations: the recent merges (and splits) with their scores, and the split of a wrong
// merge, through the daemon's admin API or, when no daemon runs, the database.

// Limits of GET /api/stories.
const (
	defaultStoriesLimit = 50
	maxStoriesLimit     = 1000
)

// storiesResponse is the body of GET /api/stories.
type storiesResponse struct {
	// Index is the running daemon's story index; absent without one (grouping off, or the
	// command reading the database itself, which loads no index).
	Index   *aggregator.StoryIndexStats `json:"index,omitempty"`
	Stories []aggregator.StoryMerge     `json:"stories"`
}

// splitResponse is the body of POST /api/stories/split.
type splitResponse struct {
	Article string `json:"article"`
	Split   bool   `json:"split"`
}

// handleStories serves GET /api/stories?limit=N: the most recent story events, newest first.
func (a *App) handleStories(w http.ResponseWriter, r *http.Request) {
	limit, err := storiesLimit(r.URL.Query().Get("limit"))
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	events, err := a.store.Stories(r.Context(), limit)
	if err != nil {
		writeJSONError(w, http.StatusInternalServerError, err.Error())
		return
	}
	resp := storiesResponse{Stories: nonNilEvents(events)}
	if a.Config().Dedup != nil {
		st, err := a.store.Stats(r.Context())
		if err != nil {
			writeJSONError(w, http.StatusInternalServerError, err.Error())
			return
		}
		resp.Index = &st.StoryIndex
	}
	writeJSON(w, http.StatusOK, resp)
}

func storiesLimit(raw string) (int, error) {
	if raw == "" {
		return defaultStoriesLimit, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > maxStoriesLimit {
		return 0, fmt.Errorf("limit %q: want a number from 1 to %d", raw, maxStoriesLimit)
	}
	return n, nil
}

func nonNilEvents(e []aggregator.StoryMerge) []aggregator.StoryMerge {
	if e == nil {
		return []aggregator.StoryMerge{}
	}
	return e
}

// handleSplitStory serves POST /api/stories/split?article=ID. Like every admin POST it reads no
// body and passes the guard of adminHandler (token, Host, cross-site, JSON content type), so that a
// page in the operator's browser cannot forge it.
func (a *App) handleSplitStory(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("article")
	if id == "" || len(id) > 1024 {
		writeJSONError(w, http.StatusBadRequest, "article: give the ID of the article to take out of its story, as ?article=ID (tributary stories lists them)")
		return
	}
	err := a.store.SplitStory(r.Context(), id)
	switch {
	case errors.Is(err, aggregator.ErrNotFound):
		writeJSONError(w, http.StatusNotFound, fmt.Sprintf("article %q: no such article", id))
		return
	case errors.Is(err, aggregator.ErrNotMerged):
		writeJSONError(w, http.StatusConflict, fmt.Sprintf("article %q is alone in its story: nothing to split", id))
		return
	case err != nil:
		writeJSONError(w, http.StatusInternalServerError, err.Error())
		return
	}
	a.logger.Info("story split", "article", id)
	a.exports.changed()
	writeJSON(w, http.StatusOK, splitResponse{Article: id, Split: true})
}

// cmdStories is `tributary stories [--json] [--limit N]` and `tributary stories split ID`.
func cmdStories(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "split" {
		return cmdSplitStory(ctx, args[1:], stdout, stderr)
	}
	fs, cfgFlag := newFlags("stories", "[--config FILE] [--json] [--limit N] | split [--config FILE] ARTICLE-ID", stdout, stderr)
	asJSON := fs.Bool("json", false, "print the events as JSON")
	limit := fs.Int("limit", defaultStoriesLimit, fmt.Sprintf("show at most this many events (1 to %d)", maxStoriesLimit))
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "stories: unexpected argument %q (did you mean: tributary stories split ID?)\n", fs.Arg(0))
		return exitUsage
	}
	if *limit < 1 || *limit > maxStoriesLimit {
		fmt.Fprintf(stderr, "stories: --limit %d: want a number from 1 to %d\n", *limit, maxStoriesLimit)
		return exitUsage
	}
	cfg, err := LoadConfig(configPath(*cfgFlag))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	var resp storiesResponse
	err = newAdminClient(cfg, 30*time.Second).do(ctx, http.MethodGet, "/api/stories?limit="+strconv.Itoa(*limit), &resp)
	if errors.Is(err, errNoDaemon) {
		err = withStore(ctx, cfg, stderr, func(st aggregator.Store) error {
			var err error
			resp.Stories, err = st.Stories(ctx, *limit)
			return err
		})
	}
	resp.Stories = nonNilEvents(resp.Stories)
	return printStatus(stdout, stderr, "stories", err, *asJSON, resp, func() {
		printStoryIndex(stdout, resp.Index)
		printStories(stdout, resp.Stories, time.Now())
	})
}

func cmdSplitStory(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, cfgFlag := newFlags("stories split", "[--config FILE] ARTICLE-ID", stdout, stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "stories split: give one article ID (tributary stories lists them)")
		return exitUsage
	}
	id := fs.Arg(0)
	cfg, err := LoadConfig(configPath(*cfgFlag))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	var resp splitResponse
	err = newAdminClient(cfg, 30*time.Second).do(ctx, http.MethodPost, "/api/stories/split?article="+url.QueryEscape(id), &resp)
	if errors.Is(err, errNoDaemon) {
		err = withStore(ctx, cfg, stderr, func(st aggregator.Store) error { return st.SplitStory(ctx, id) })
	}
	if err != nil {
		fmt.Fprintf(stderr, "stories split: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "article %s split from its story: merged outputs show it apart from now on\n", id)
	return exitOK
}

// withStore runs f on the database when no daemon runs; a database that does not exist yet is
// not created.
func withStore(ctx context.Context, cfg *Config, stderr io.Writer, f func(aggregator.Store) error) error {
	if databaseMissing(cfg) {
		return fmt.Errorf("no daemon is running and there is no database yet at %s", cfg.DBPath)
	}
	noDedup := *cfg
	noDedup.Dedup = nil // reading the log and splitting need no story index
	st, err := openStore(ctx, &noDedup, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "no daemon is running: using %s\n", databaseName(cfg))
	return errors.Join(f(st), st.Close())
}

// printStoryIndex says what the daemon's story index holds, and warns when its bound forgets
// prints before they leave the window.
func printStoryIndex(w io.Writer, x *aggregator.StoryIndexStats) {
	if x == nil {
		return
	}
	bound := "no bound"
	if x.MaxPrints > 0 {
		bound = fmt.Sprintf("at most %d", x.MaxPrints)
	}
	fmt.Fprintf(w, "story index: %d prints (%s), %.1f MiB\n", x.Prints, bound, float64(x.Bytes)/(1<<20))
	if x.Evicted > 0 {
		fmt.Fprintf(w, "  %d prints forgotten before they left the window: a later copy of those articles shows as a story of its own; raise [dedup] max_prints with the memory limit\n", x.Evicted)
	}
}

// printStories prints the events in a table: what joined what, with the score. A merge made by
// the second look is marked, and explained under the table: it rests on a passage of the longer
// copy, which is where an operator looks first for a wrong merge. So is one made by the copies'
// content words: it rests on their vocabulary, not on text they share.
func printStories(w io.Writer, events []aggregator.StoryMerge, now time.Time) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN\tEVENT\tSCORE\tARTICLE\tSOURCE\tTITLE\tMATCHED\tSOURCE\tTITLE")
	windows, words := false, false
	for _, e := range events {
		t := e.Time
		event, score := "merge", fmt.Sprintf("%.2f", e.Score)
		switch {
		case e.Split:
			event, score = "split", "-"
		case e.Window:
			event, windows = "merge*", true
		case e.Words:
			event, words = "merge~", true
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", ago(&t, now), event, score, e.Article, cut(e.ArticleSource, 14),
			cut(e.ArticleTitle, 24), e.Matched, cut(e.MatchedSource, 14), cut(e.MatchedTitle, 24))
	}
	tw.Flush()
	if windows {
		fmt.Fprintln(w, "merge*: the shorter copy matched a passage further on in the longer one (the second look), not its lead")
	}
	if words {
		fmt.Fprintln(w, "merge~: the copies share their names and words, not their text (a story told in other words)")
	}
}
