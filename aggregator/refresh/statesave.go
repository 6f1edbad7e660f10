package refresh

import (
	"context"
	"sync"
	"time"

	"tributary/aggregator"
)

// Deferred state saves. A 304 changes nothing of a source's state that must survive a crash: its
// validators (ETag, Last-Modified) are those already stored, and only when it was fetched, that the
// fetch went well and the status say something new. Saving that state with one durable commit per
// source made the refresh's workers wait for an fsync after every 304: an all-304 round of 10,000
// sources took 4.2 s, most of it in commits of a handful of states each. Such a state is therefore
// deferred: kept in memory, and written by one flusher together with everything deferred meanwhile
// (through aggregator.StatesSaver when the store has it), once stateBatch of them wait, or
// stateWait after the first, or at once when a round that holds them ends. Writing "as soon as the
// flusher is free" made a commit (two fdatasyncs and a freelist write) every few milliseconds: the
// 304 round of 10,000 sources took 0.89 s and 0.97 CPU-s that way, 0.65 s and 0.65 CPU-s batched
// (one run each of tributary-bench). Refresh, RefreshSource and a scheduler's round (one per
// schedule, not per source: see Scheduler) wait for the states of their round to be written
// before they return, and Close writes what is left: only a crash can
// lose a deferred state, and what it loses is when a source was last fetched (it is fetched again
// after the restart, with the validators it had) and its last status.
//
// Any other state (changed validators, a failure, a recovery, a gone mark) is saved at once, as
// before. Ordering: a source's deferred state must never overwrite a later state saved at once, so
// a synchronous save first drops the source's deferred state, or waits for the flush that holds it.

// stateBatch is how many deferred states the flusher writes without waiting for more; stateWait
// (the default of Refresher.stateWait) is the longest a deferred state waits for others before it
// is written, when no round waits for it.
const (
	stateBatch = 1024
	stateWait  = 250 * time.Millisecond
)

// stateLog holds the deferred states. Its fields are guarded by mu.
type stateLog struct {
	// kick (buffered, never closed) asks the flusher to write now: a batch is full, or a round
	// waits for its states (syncStates).
	kick     chan struct{}
	mu       sync.Mutex
	cond     *sync.Cond // on mu: a flush ended
	pending  map[string]aggregator.FetchState
	flushing map[string]aggregator.FetchState // the batch being written, nil when none
	running  bool                             // the flusher runs
	seq      uint64                           // deferrals so far
	written  uint64                           // seq of the last deferral written (or failed)
	batches  int                              // batches written (or failed), for tests
}

// deferrable reports whether next, the state after a 304 that followed st, differs from st only in
// what may be lost in a crash (see above). r.states holds states that are durable or differ from a
// durable one only so: the validators compared here are those stored.
func deferrable(st, next aggregator.FetchState) bool {
	st.LastFetch, st.LastSuccess, st.LastStatus = next.LastFetch, next.LastSuccess, next.LastStatus
	return st == next
}

// deferState records name's state for the flusher and starts it when it is not running.
func (r *Refresher) deferState(name string, st aggregator.FetchState) {
	l := &r.states304
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.pending == nil {
		l.pending = map[string]aggregator.FetchState{}
	}
	l.pending[name] = st
	l.seq++
	if len(l.pending) >= stateBatch {
		l.poke()
	}
	if !l.running {
		l.running = true
		go r.flushStates()
	}
}

// flushStates is the flusher: it writes what is deferred, batch by batch, until nothing is.
func (r *Refresher) flushStates() {
	l := &r.states304
	ctx := context.WithoutCancel(r.life) // a state save is short: Close waits for it
	for {
		l.mu.Lock()
		if len(l.pending) == 0 {
			l.running = false
			l.cond.Broadcast()
			l.mu.Unlock()
			return
		}
		if len(l.pending) < stateBatch {
			l.mu.Unlock()
			wait := time.NewTimer(r.stateWait)
			select {
			case <-l.kick:
			case <-wait.C:
			case <-r.life.Done():
			}
			wait.Stop()
			l.mu.Lock()
			if len(l.pending) == 0 { // dropped meanwhile by synchronous saves (settleState)
				l.mu.Unlock()
				continue
			}
		}
		batch, upTo := l.pending, l.seq
		l.pending, l.flushing = nil, batch
		l.mu.Unlock()

		err := r.saveStates(ctx, batch)
		if err != nil {
			// Nothing that matters after a crash is lost (see above): the states stay in memory.
			r.o.Logger.Warn("could not save the fetch states of not-modified sources", "sources", len(batch), "error", err)
		}
		l.mu.Lock()
		l.flushing, l.written = nil, upTo
		l.batches++
		l.cond.Broadcast()
		l.mu.Unlock()
	}
}

// saveStates writes a batch in one transaction when the store can, else one state at a time.
func (r *Refresher) saveStates(ctx context.Context, batch map[string]aggregator.FetchState) error {
	if s, ok := r.o.Store.(aggregator.StatesSaver); ok {
		return s.SaveStates(ctx, batch)
	}
	for name, st := range batch {
		if err := r.o.Store.SaveState(ctx, name, st); err != nil {
			return err
		}
	}
	return nil
}

// settleState is called before a state of name is saved at once: it drops name's deferred state,
// or waits until the flush that writes it has ended, so that the older state cannot land last.
func (r *Refresher) settleState(name string) {
	l := &r.states304
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.pending, name)
	for {
		if _, ok := l.flushing[name]; !ok {
			return
		}
		l.cond.Wait()
	}
}

// syncStates waits until every state deferred before the call is written.
func (r *Refresher) syncStates() {
	l := &r.states304
	l.mu.Lock()
	defer l.mu.Unlock()
	target := l.seq
	if l.written < target {
		l.poke()
	}
	for l.written < target && l.running {
		l.cond.Wait()
	}
}

// poke wakes the flusher if it waits for more states; a poke that finds it busy makes its next
// wait end at once, which costs at most one early batch.
func (l *stateLog) poke() {
	select {
	case l.kick <- struct{}{}:
	default:
	}
}
