package refresh

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"tributary/aggregator"
)

// Scheduler runs the sources' refreshes on their cron schedules, and housekeeping jobs on theirs.
//
// Sources that share a schedule (most do: the default one) share one cron entry, whose run is one
// round of them all, as a manual refresh of all is: every refresh started at once, the round's
// not-modified states written together at its end (statesave.go). With an entry per source, 10,000
// sources were 10,000 goroutines at each tick, each waiting for its own refresh and then asking
// for the deferred states to be written at once, which undid the batching the bench measures; and
// making the entries was a third of Sync at start.
type Scheduler struct {
	r      *Refresher
	cron   *cron.Cron
	logger *slog.Logger

	mu      sync.Mutex
	groups  map[string]*group // by schedule
	started bool
}

// group is the sources that share a schedule, in configuration order, and their cron entry. Sync
// replaces names with a new slice and never changes one it handed out: a round reads it under mu
// and walks it outside.
type group struct {
	id    cron.EntryID
	names []string
}

// ParseSchedule parses a 5-field cron expression or a descriptor (@every 10m, @hourly), the forms
// config.toml accepts.
func ParseSchedule(spec string) (cron.Schedule, error) {
	return cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor).Parse(spec)
}

// NewScheduler returns a stopped scheduler for r's sources.
func NewScheduler(r *Refresher, logger *slog.Logger) *Scheduler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	cl := cronLogger{logger}
	return &Scheduler{
		r:      r,
		logger: logger,
		// Recover keeps one job's panic from killing the daemon (a refresh also recovers, per
		// source, to count the failure). A round is not skipped while the last one runs: its
		// refreshes still running are joined, not started twice, and the others are due.
		cron:   cron.New(cron.WithChain(cron.Recover(cl)), cron.WithLogger(cl)),
		groups: map[string]*group{},
	}
}

// Sync makes the cron entries match the refresher's sources: a schedule that sources gained gets
// an entry, one that none has any more loses it, and each entry's round lists the sources of its
// schedule now. A source that Sync schedules anew (added, or rescheduled) and that was never
// fetched, or whose last fetch is older than one period, is refreshed at once (in the background)
// rather than after a full period.
func (s *Scheduler) Sync(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sources := s.r.Sources()
	// Where each source was scheduled until now: one scheduled so already is not a catch-up.
	was := map[string]string{}
	for spec, g := range s.groups {
		for _, name := range g.names {
			was[name] = spec
		}
	}
	// Each schedule is parsed once, and its Schedule shared (cron only calls Next on it, which
	// reads it).
	parsed := map[string]cron.Schedule{}
	names := map[string][]string{}
	for _, src := range sources {
		if _, ok := parsed[src.Schedule]; !ok {
			sched, err := ParseSchedule(src.Schedule)
			if err != nil {
				return fmt.Errorf("refresh: source %q: schedule %q: %w", src.Name, src.Schedule, err)
			}
			parsed[src.Schedule] = sched
		}
		names[src.Schedule] = append(names[src.Schedule], src.Name)
	}
	for spec, g := range s.groups {
		if _, ok := names[spec]; !ok {
			s.cron.Remove(g.id)
			delete(s.groups, spec)
		}
	}
	for spec, list := range names {
		g, ok := s.groups[spec]
		if !ok {
			g = &group{id: s.cron.Schedule(parsed[spec], cron.FuncJob(func() { s.runRound(ctx, spec) }))}
			s.groups[spec] = g
		}
		g.names = list
	}
	var due []string
	now := s.r.o.Now()
	for _, src := range sources {
		if spec, ok := was[src.Name]; (!ok || spec != src.Schedule) && overdue(parsed[src.Schedule], s.r.State(src.Name), now) {
			due = append(due, src.Name)
		}
	}
	if len(due) > 0 {
		go func() {
			if _, err := s.r.Refresh(ctx, due, false); err != nil {
				s.logger.Warn("catch-up refresh failed", "error", err)
			}
		}()
	}
	return nil
}

// runRound is a cron tick of a schedule: one round of its sources.
func (s *Scheduler) runRound(ctx context.Context, spec string) {
	s.mu.Lock()
	var names []string
	if g := s.groups[spec]; g != nil {
		names = g.names
	}
	s.mu.Unlock()
	for _, res := range s.r.round(ctx, names, false) {
		if res.Status == aggregator.StatusSkipped {
			s.logger.Debug("scheduled refresh skipped", "source", res.Source, "reason", res.Error)
		}
	}
}

// overdue reports whether a source must be refreshed at once rather than at its next cron time:
// it was never fetched, or a run was missed since its last fetch (the daemon was down).
func overdue(sched cron.Schedule, st aggregator.FetchState, now time.Time) bool {
	return st.LastFetch.IsZero() || sched.Next(st.LastFetch).Before(now)
}

// Every adds a housekeeping job (retention) that runs on spec.
func (s *Scheduler) Every(spec string, job func()) error {
	sched, err := ParseSchedule(spec)
	if err != nil {
		return fmt.Errorf("refresh: schedule %q: %w", spec, err)
	}
	// SkipIfStillRunning: a retention pass that outlasts its period is not started twice.
	s.cron.Schedule(sched, cron.NewChain(cron.SkipIfStillRunning(cronLogger{s.logger})).Then(cron.FuncJob(job)))
	return nil
}

// Next returns when a source is next due: its cron time, or later when it is backing off; zero
// when it is gone (410) and waits for a reload or a manual refresh.
func (s *Scheduler) Next(name string) time.Time {
	src, ok := s.r.Source(name)
	if !ok {
		return time.Time{}
	}
	st := s.r.State(name)
	if st.Gone {
		return time.Time{}
	}
	sched, err := ParseSchedule(src.Schedule)
	if err != nil {
		return time.Time{}
	}
	from := s.r.o.Now()
	if st.BackoffUntil.After(from) {
		from = st.BackoffUntil
	}
	return sched.Next(from)
}

// Start starts the cron loop.
func (s *Scheduler) Start() {
	s.mu.Lock()
	s.started = true
	s.mu.Unlock()
	s.cron.Start()
}

// Running reports whether the scheduler was started and not stopped.
func (s *Scheduler) Running() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.started
}

// Stop stops scheduling; the returned context is done when running jobs have finished.
func (s *Scheduler) Stop() context.Context {
	s.mu.Lock()
	s.started = false
	s.mu.Unlock()
	return s.cron.Stop()
}

// cronLogger adapts slog to cron's Logger interface.
type cronLogger struct{ l *slog.Logger }

// Info logs cron's chatter at debug level: it reports every schedule and run.
func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }

// Error logs cron's errors, such as a recovered panic.
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append(kv, "error", err)...)
}
