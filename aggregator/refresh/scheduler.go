package refresh

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"tributary/aggregator"
)

// Scheduler runs each source's refresh on its cron schedule, and housekeeping jobs on theirs.
type Scheduler struct {
	r      *Refresher
	cron   *cron.Cron
	logger *slog.Logger

	mu      sync.Mutex
	entries map[string]cron.EntryID
	started bool
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
		// Recover keeps one job's panic from killing the daemon; SkipIfStillRunning keeps a slow
		// source from piling up runs. Refresh also recovers, per source, to count the failure.
		cron:    cron.New(cron.WithChain(cron.Recover(cl), cron.SkipIfStillRunning(cl)), cron.WithLogger(cl)),
		entries: map[string]cron.EntryID{},
	}
}

// Sync makes the cron entries match the refresher's sources: added sources get an entry, removed
// ones lose theirs, rescheduled ones are replaced. Sources never fetched, or whose last fetch is
// older than one period, are refreshed at once (in the background) rather than after a full period.
func (s *Scheduler) Sync(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sources := s.r.Sources()
	// By index, sized once: a map of 10,000 Source values, grown step by step, was a tenth of
	// Sync at start.
	want := make(map[string]int, len(sources))
	for i, src := range sources {
		want[src.Name] = i
	}
	if len(s.entries) == 0 {
		s.entries = make(map[string]cron.EntryID, len(sources))
	}
	for key, id := range s.entries {
		name, spec := splitKey(key)
		if i, ok := want[name]; !ok || sources[i].Schedule != spec {
			s.cron.Remove(id)
			delete(s.entries, key)
		}
	}
	var due []string
	now := s.r.o.Now()
	// Sources share a few schedules: each is parsed once and its Schedule shared by their entries
	// (cron only calls Next on it, which reads it). 10,000 sources were parsing the same spec
	// 10,000 times at start.
	parsed := map[string]cron.Schedule{}
	for _, src := range sources {
		name := src.Name
		key := name + "\x00" + src.Schedule
		if _, ok := s.entries[key]; ok {
			continue
		}
		sched, ok := parsed[src.Schedule]
		if !ok {
			var err error
			if sched, err = ParseSchedule(src.Schedule); err != nil {
				return fmt.Errorf("refresh: source %q: schedule %q: %w", name, src.Schedule, err)
			}
			parsed[src.Schedule] = sched
		}
		id := s.cron.Schedule(sched, cron.FuncJob(func() { s.runScheduled(ctx, name) }))
		s.entries[key] = id
		if st := s.r.State(name); overdue(sched, st, now) {
			due = append(due, name)
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
	s.cron.Schedule(sched, cron.FuncJob(job))
	return nil
}

func (s *Scheduler) runScheduled(ctx context.Context, name string) {
	res := s.r.RefreshSource(ctx, name, false)
	if res.Status == aggregator.StatusSkipped {
		s.logger.Debug("scheduled refresh skipped", "source", name, "reason", res.Error)
	}
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

func splitKey(key string) (name, spec string) {
	name, spec, _ = strings.Cut(key, "\x00")
	return name, spec
}

// cronLogger adapts slog to cron's Logger interface.
type cronLogger struct{ l *slog.Logger }

// Info logs cron's chatter at debug level: it reports every schedule and run.
func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }

// Error logs cron's errors, such as a recovered panic.
func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append(kv, "error", err)...)
}
