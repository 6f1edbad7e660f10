package refresh

import (
	"time"

	"tributary/aggregator"
)

// The queue. A refresh of every source (at start, a manual "refresh all", sources sharing a cron
// schedule) waits as jobs in a queue, and at most Concurrency workers run them: a goroutine per
// source waiting for its fetch slot would park 10,000 goroutines and their stacks for 10,000
// sources. A worker takes the first job whose host is below its
// per_host limit, so sources of one slow host do not hold up the others (no head-of-line blocking),
// and a host's slot is held for the job's whole run (fetch, parse, store: milliseconds beside a
// remote fetch).

// job is one queued refresh of one source.
type job struct {
	src  aggregator.Source
	st   aggregator.FetchState
	host string
	c    *call
	// answer is set for a manual refresh on a shared store that also answers the request of the
	// source other nodes wait on (see run).
	answer bool
}

// enqueueLocked queues j and starts a worker when fewer than Concurrency run. r.mu is held.
func (r *Refresher) enqueueLocked(j *job) {
	r.running.Add(1)
	r.queue = append(r.queue, j)
	if r.workers < r.o.Concurrency {
		r.workers++
		go r.worker()
		return
	}
	r.wake.Signal()
}

// worker runs queued jobs until none is left that it may run.
func (r *Refresher) worker() {
	r.mu.Lock()
	for {
		j := r.nextLocked()
		if j == nil {
			if len(r.queue) == 0 || r.closed {
				r.workers--
				r.mu.Unlock()
				return
			}
			r.wake.Wait() // every queued job's host is busy: wait for one to finish
			continue
		}
		r.hostActive[j.host]++
		r.mu.Unlock()

		r.execute(j)

		r.mu.Lock()
		if r.hostActive[j.host]--; r.hostActive[j.host] == 0 {
			delete(r.hostActive, j.host)
		}
		r.wake.Broadcast()
	}
}

// nextLocked removes and returns the first queued job whose host has a free slot, or nil.
func (r *Refresher) nextLocked() *job {
	for i, j := range r.queue {
		if r.hostActive[j.host] >= r.o.PerHost {
			continue
		}
		if i == 0 {
			r.queue[0] = nil
			r.queue = r.queue[1:]
		} else {
			r.queue = append(r.queue[:i], r.queue[i+1:]...)
		}
		return j
	}
	return nil
}

// execute runs j and publishes its result to everyone waiting on it.
func (r *Refresher) execute(j *job) {
	defer r.running.Done()
	j.c.result = r.run(r.life, j.src, j.st, nil, j.answer)
	r.finish(j)
}

// finish publishes j's result and forgets the call.
func (r *Refresher) finish(j *job) {
	_, shared := r.shared()
	r.mu.Lock()
	delete(r.inflight, j.src.Name)
	if shared {
		r.ended[j.src.Name] = endedCall{at: time.Now(), res: j.c.result}
	}
	r.mu.Unlock()
	close(j.c.done)
	if r.o.OnResult != nil {
		r.o.OnResult(j.c.result)
	}
}

// dropQueued ends every job that has not started, at shutdown: nothing waits for them.
func (r *Refresher) dropQueued() {
	r.mu.Lock()
	dropped := r.queue
	r.queue = nil
	r.wake.Broadcast()
	r.mu.Unlock()
	for _, j := range dropped {
		j.c.result = aggregator.RefreshResult{Source: j.src.Name, Status: aggregator.StatusSkipped, Error: "shutting down"}
		r.finish(j)
		r.running.Done()
	}
}
