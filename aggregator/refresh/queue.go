package refresh

import (
	"sync"
	"time"

	"tributary/aggregator"
)

// The queue. A refresh of every source (at start, a manual "refresh all", sources sharing a cron
// schedule) waits as jobs in a queue, and at most Concurrency workers run them: a goroutine per
// source waiting for its fetch slot would park 10,000 goroutines and their stacks for 10,000
// sources. A worker takes the first job whose host is below its
// per_host limit, so sources of one slow host do not hold up the others (no head-of-line blocking),
// and a host's slot is held for the job's fetch.
//
// Once its fetch brought a body, a job hands its worker and host slots on (handOff) and waits for
// a parse slot and the store's writer in its own goroutine, while the slots fetch the next
// sources. The writer commits whatever feeds wait for it in one transaction; when the workers
// themselves waited, at most Concurrency feeds could, and at the default 8 a 500-feed refresh
// made 156 commits of ~3 feeds, each paying its fdatasyncs (a third of the writer's time) and its
// rewrite of the trees' upper pages, while both cores stood idle 11 % of the time (an execution
// trace of the full refresh; 59 commits and 6.6 % after). handedOff bounds the feeds waiting so:
// in bytes of body (what their parse will hold), and in number, since every one counts for at
// least the budget's min.

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

// worker runs queued jobs until none is left that it may run, or until a job handed the worker's
// slot on (handOff): the goroutine then ends with that job.
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

		if r.execute(j) {
			return // j handed this worker's slot on
		}

		r.mu.Lock()
		r.releaseHostLocked(j.host)
	}
}

// releaseHostLocked gives a job's host slot back and wakes the workers waiting for one. r.mu is
// held.
func (r *Refresher) releaseHostLocked(host string) {
	if r.hostActive[host]--; r.hostActive[host] == 0 {
		delete(r.hostActive, host)
	}
	r.wake.Broadcast()
}

// handOff is called by the job j that a worker runs once its fetch brought n bytes of body: it
// waits for room among the feeds handed off (the workers fetch no further while they are many),
// then gives j's host slot and its worker's slot back, starting a worker for the queue in its
// place. It returns the weight to release when j ends.
func (r *Refresher) handOff(j *job, n int64) int64 {
	w := r.handedOff.acquire(n)
	r.mu.Lock()
	r.releaseHostLocked(j.host)
	r.workers--
	if len(r.queue) > 0 && !r.closed && r.workers < r.o.Concurrency {
		r.workers++
		go r.worker()
	}
	r.mu.Unlock()
	return w
}

// DefaultHandOffShare × Concurrency is the most feeds handed off at once by default (Options.
// HandOffFeeds): each counts for at least the budget's share of that many, so that small feeds too
// are bounded in number. More feeds waiting make bigger group commits, fewer of them: at 500 feeds
// × 50 entries, 6 × instead of 3 × cut the full refresh's wall by 7–8 % and its CPU by 5 % (fewer
// fdatasyncs and rewrites of the trees' upper pages on the writer, the critical path), and raised
// its peak heap from ~60 to ~90 MiB, too much for a 64 MiB cgroup, where 3 × holds.
const DefaultHandOffShare = 6

// handOffBytesPer is the budget of body bytes handed off per worker (Concurrency).
const handOffBytesPer = 2 << 20

// budget is a counting semaphore of bytes: what the feeds handed off hold.
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	used int64
	// size is the budget; min the least a feed counts for (size / the most feeds).
	size, min int64
}

// newBudget returns the budget of concurrency workers, for at most feeds feeds.
func newBudget(concurrency, feeds int) *budget {
	b := &budget{size: int64(concurrency) * handOffBytesPer}
	b.min = b.size / int64(max(1, feeds))
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes fit (n counted as at least min and at most the whole budget, so
// that one body larger than it still goes, alone) and returns the weight taken.
func (b *budget) acquire(n int64) int64 {
	n = min(max(n, b.min), b.size)
	b.mu.Lock()
	for b.used+n > b.size {
		b.cond.Wait()
	}
	b.used += n
	b.mu.Unlock()
	return n
}

// release gives back a weight that acquire returned.
func (b *budget) release(n int64) {
	b.mu.Lock()
	b.used -= n
	b.mu.Unlock()
	b.cond.Broadcast()
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

// execute runs j and publishes its result to everyone waiting on it. It reports whether j handed
// its slots on once fetched (handOff): its weight in the budget is then given back before the
// result is published.
func (r *Refresher) execute(j *job) (handed bool) {
	defer r.running.Done()
	var weight int64
	j.c.result = r.run(r.life, j.src, j.st, nil, j.answer, func(n int64) {
		weight, handed = r.handOff(j, n), true
	})
	if handed {
		r.handedOff.release(weight)
	}
	r.finish(j)
	return handed
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
