// Package cores shares the machine's cores between the stages of a refresh that run in parallel
// (the refresher's parses) and the one that does not: the store's writer, which every fetched feed
// passes through in turn.
//
// Go's scheduler has no priorities. A trace of the farm's full refresh (tributary-bench -trace,
// 500 × 50 on 2 cores) had the writer runnable but without a core for 0.88 of its 2.7 s while
// parses held both (a preempted goroutine waits in the global run queue), and 0.89 core-seconds
// idle, 0.53 of them while the writer's commit waited on the disk (fdatasync) with the feeds handed
// off at their budget: the workers had nothing to do. With the writer claiming a slot for its
// transaction, so that one parse fewer starts while it works, the same trace showed 0.59
// core-seconds idle (0.32 during such commits) though the writer still waited for a core about as
// long; eight alternating runs of the farm: wall / CPU 0.6245 → 0.5995 (medians), lower in each.
package cores

import "sync"

// Slots is a counting semaphore of CPU slots: a holder runs CPU-bound work. Acquire waits for a
// free slot; Claim, for the serial stage, takes one at once, even when all are held, so that the
// next slot given back goes to no one until the claimant has returned its own.
type Slots struct {
	mu   sync.Mutex
	cond *sync.Cond
	// free is the slots not held; negative while a claim oversubscribes them.
	free int
}

// New returns n slots (at least one).
func New(n int) *Slots {
	s := &Slots{free: max(1, n)}
	s.cond = sync.NewCond(&s.mu)
	return s
}

// Acquire waits until a slot is free and takes it.
func (s *Slots) Acquire() {
	s.mu.Lock()
	for s.free <= 0 {
		s.cond.Wait()
	}
	s.free--
	s.mu.Unlock()
}

// TryAcquire takes a free slot without waiting and reports whether it did.
func (s *Slots) TryAcquire() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.free <= 0 {
		return false
	}
	s.free--
	return true
}

// Claim takes a slot without waiting, whether or not one is free: the serial stage never waits
// for a parallel one to finish; they wait for it.
func (s *Slots) Claim() {
	s.mu.Lock()
	s.free--
	s.mu.Unlock()
}

// Release gives back a slot that Acquire, TryAcquire or Claim took.
func (s *Slots) Release() {
	s.mu.Lock()
	s.free++
	wake := s.free > 0
	s.mu.Unlock()
	if wake {
		s.cond.Signal()
	}
}
