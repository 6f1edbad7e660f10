package refresh

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"tributary/aggregator"
)

// Manual refreshes on a database that several nodes share: a manual refresh runs once cluster-wide,
// on the node that holds the source's lease, and the node it was asked of answers with its result.
// The request goes through the store (aggregator.Forwarder): a row the asking node adds and polls,
// and the lease holder claims, runs and finishes (ServeRequests). When no node holds a live lease,
// the asking node claims it and refreshes itself.

// requestLimit bounds the requests one poll of ServeRequests claims; the rest wait for the next.
const requestLimit = 100

// requestKeep is how long finished requests are kept, and unfinished ones waited for, before
// ServeRequests deletes them: longer than any caller waits (the admin API: at most 10 minutes).
const requestKeep = time.Hour

// pruneRequestsEvery is how often ServeRequests deletes old requests.
const pruneRequestsEvery = 10 * time.Minute

// shared returns the store's Forwarder when manual refreshes are forwarded: the store is shared
// (a Leaser and a Forwarder) and this node has a name in its leases.
func (r *Refresher) shared() (aggregator.Forwarder, bool) {
	f, ok1 := r.o.Store.(aggregator.Forwarder)
	_, ok2 := r.o.Store.(aggregator.Leaser)
	return f, ok1 && ok2 && r.o.Owner != ""
}

// refreshShared refreshes names by hand on a shared store, each where its lease is held, and
// waits for them all.
func (r *Refresher) refreshShared(ctx context.Context, f aggregator.Forwarder, names []string) []aggregator.RefreshResult {
	// Which of them other nodes wait on, in one statement rather than a claim per source: a
	// request made after it is answered by ServeRequests.
	waiting, err := f.WaitingRefreshes(ctx, names)
	if err != nil {
		r.o.Logger.Warn("could not look for forwarded refreshes", "error", err)
	}
	results := make([]aggregator.RefreshResult, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		answer := slices.Contains(waiting, name)
		wg.Go(func() { results[i] = r.manualShared(ctx, f, name, answer) })
	}
	wg.Wait()
	if ctx.Err() == nil {
		r.syncStates()
	}
	return results
}

// leaseHeldElsewhere is the error of a refresh skipped because another node holds the lease.
const leaseHeldElsewhere = "another node holds this source's lease: it fetches the source"

// heldElsewhere reports whether res is a refresh skipped for another node's lease.
func heldElsewhere(res aggregator.RefreshResult) bool {
	return res.Status == aggregator.StatusSkipped && res.Error == leaseHeldElsewhere
}

// manualShared refreshes name here when this node holds, or can take, its lease (run claims it),
// answering the request other nodes wait on when answer is set; otherwise it forwards the refresh
// to the node that holds it.
func (r *Refresher) manualShared(ctx context.Context, f aggregator.Forwarder, name string, answer bool) aggregator.RefreshResult {
	if res := r.runHere(ctx, name, answer); !heldElsewhere(res) {
		return res
	}
	return r.forward(ctx, f, name)
}

// claimRequest claims the waiting request of name, if there is one and it is not claimed by this
// node already, and reports whether it did. A failure is logged: the refresh goes on, and a node
// waiting on the request gets its answer from this node's ServeRequests.
func (r *Refresher) claimRequest(ctx context.Context, f aggregator.Forwarder, name string) bool {
	claimed, err := f.ClaimRefreshes(ctx, r.o.Owner, name, 1)
	if err != nil {
		r.o.Logger.Warn("could not look for a forwarded refresh of the source", "source", name, "error", err)
	}
	return len(claimed) > 0
}

// runHere refreshes name on this node (joining a refresh of it in flight) and waits for it; with
// answer, the refresh also answers the request of name that other nodes wait on.
func (r *Refresher) runHere(ctx context.Context, name string, answer bool) aggregator.RefreshResult {
	return r.runSince(ctx, name, answer, time.Time{})
}

// runSince is runHere, answered by a refresh of name that ended after since, if there is one.
func (r *Refresher) runSince(ctx context.Context, name string, answer bool, since time.Time) aggregator.RefreshResult {
	c, res := r.startJob(name, true, answer, since)
	if c != nil {
		res = r.wait(ctx, name, c)
	}
	res.Node = r.o.Owner
	return res
}

// forward asks the node that holds name's lease for a refresh and waits for its result, looking
// at the request after 20 ms, then ever less often up to RequestPoll. When the lease runs out
// meanwhile (its holder died or stopped), this node refreshes itself: run claims the lease and the
// request, and gives the result to every node waiting on it.
func (r *Refresher) forward(ctx context.Context, f aggregator.Forwarder, name string) aggregator.RefreshResult {
	fail := func(err error) aggregator.RefreshResult {
		if ctx.Err() != nil {
			return aggregator.RefreshResult{Source: name, Status: aggregator.StatusSkipped,
				Error: "gave up waiting for the node that holds this source's lease, the refresh goes on there: " + ctx.Err().Error()}
		}
		return aggregator.RefreshResult{Source: name, Status: aggregator.StatusError, Error: err.Error(), Node: r.o.Owner}
	}
	id, err := f.RequestRefresh(ctx, name)
	if err != nil {
		return fail(err)
	}
	every := cmp.Or(r.o.RequestPoll, DefaultRequestPoll)
	wait := min(20*time.Millisecond, every)
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return fail(ctx.Err())
		case <-timer.C:
		}
		res, done, leased, err := f.RefreshRequest(ctx, id)
		if err != nil {
			return fail(err)
		}
		if done {
			return res
		}
		if !leased {
			if res := r.runHere(ctx, name, true); !heldElsewhere(res) {
				return res
			}
		}
		wait = min(2*wait, every)
		timer.Reset(wait)
	}
}

// finishRequest writes res into its source's request, also when the caller stopped waiting: other
// nodes may wait on it.
func (r *Refresher) finishRequest(ctx context.Context, f aggregator.Forwarder, res aggregator.RefreshResult) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := f.FinishRefresh(ctx, res); err != nil {
		r.o.Logger.Warn("could not hand a forwarded refresh's result back", "source", res.Source, "error", err)
	}
}

// ServeRequests runs, until ctx ends, the manual refreshes that other nodes forward to this one
// for the sources whose leases it holds: every RequestPoll it claims the waiting requests, runs
// each (joining a refresh of the source in flight, so that requests coalesce), and writes the
// result back. A request this node cannot run (it lost the lease, or is shutting down) is given
// back for another node to take. It also deletes old requests now and then. It returns at once
// when the store is not shared.
func (r *Refresher) ServeRequests(ctx context.Context) {
	f, ok := r.shared()
	if !ok {
		return
	}
	var running sync.WaitGroup
	defer running.Wait()
	t := time.NewTicker(cmp.Or(r.o.RequestPoll, DefaultRequestPoll))
	defer t.Stop()
	var pruned time.Time
	failing := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		// A refresh of this node that ends after this instant was in flight when the requests
		// were claimed: it answers them (it may have leased the source just before).
		claimed := time.Now()
		sources, err := f.ClaimRefreshes(ctx, r.o.Owner, "", requestLimit)
		if err != nil {
			if !failing && ctx.Err() == nil {
				r.o.Logger.Warn("cannot look for forwarded refreshes; retrying", "error", err)
			}
			failing = true
			continue
		}
		failing = false
		for _, name := range sources {
			running.Go(func() { r.serveRequest(ctx, f, name, claimed) })
		}
		if time.Since(pruned) > pruneRequestsEvery {
			pruned = time.Now()
			if _, err := f.PruneRefreshes(ctx, requestKeep); err != nil && ctx.Err() == nil {
				r.o.Logger.Warn("cannot delete old refresh requests", "error", err)
			}
		}
	}
}

// serveRequest runs the forwarded refresh of name that this node claimed (at since) and writes
// its result back, or gives the request back when the refresh was not attempted here.
func (r *Refresher) serveRequest(ctx context.Context, f aggregator.Forwarder, name string, since time.Time) {
	res := r.runSince(ctx, name, false, since)
	if res.Status == aggregator.StatusSkipped {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := f.ReleaseRefresh(rctx, name, r.o.Owner); err != nil {
			r.o.Logger.Warn("could not give a forwarded refresh back", "source", name, "error", err)
		}
		return
	}
	r.syncStates()
	r.finishRequest(ctx, f, res)
}
