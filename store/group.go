package store

import (
	"context"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
	"tributary/aggregator/story"
)

// Group commit. A durable bbolt commit costs an fsync and rewrites the pages on the path to every
// change, whatever the size of the transaction; a refresh of many sources calls SaveFeed from many
// goroutines at once, and one commit per feed made the writer the bottleneck. Writes are therefore
// queued and a single writer goroutine commits everything queued in one transaction as soon as it is
// free (no waiting for more: a lone write commits at once). Each request stays all-or-nothing: when
// one of a group fails, the transaction is rolled back and every other request of the group is
// committed again alone, so a bad feed never takes another down and results are those of running the
// requests one after another in queue order.

// DefaultMaxGroupArticles bounds the articles of one group transaction (Options.MaxGroupArticles),
// so that one commit never holds the writer, and its dirty pages in memory, for long: the spilled
// pages are on the heap until the commit and in dirty page cache until its fdatasync, and both
// count in a memory cgroup. Since the refresher's workers hand their feeds on and fetch the next
// ones (refresh's handOff), up to 32 feeds can wait at once; at 20,000 articles a group of them took
// the 500-source refresh with story grouping over a 96 MiB cgroup (OOM-killed), at 1,000 (about
// twenty feeds of 50) it stays inside, and the fdatasyncs are amortized as well: 500 feeds made 156
// commits before the hand-off.
const DefaultMaxGroupArticles = 1000

// saveReq is one queued write: a feed (SaveFeed) or a source's state alone (SaveState).
type saveReq struct {
	ctx      context.Context
	source   string
	articles []aggregator.Article
	// unchanged are the IDs of entries listed but left out (SaveListed).
	unchanged []string
	// prints holds the prints of the articles that are not stored yet, parallel to articles (nil:
	// none, or grouping is off).
	prints []*story.Print
	// pre holds the prepared work of the articles, parallel to them (nil: the writer does it).
	pre   []prepared
	state []byte
	feed  bool

	res  aggregator.SaveResult
	err  error
	done chan struct{}
}

// committer is the queue of the group-commit writer.
type committer struct {
	mu      sync.Mutex
	pending []*saveReq
	running bool
}

// commit queues r, starts the writer when none runs, and waits for r's outcome. It does not return
// before r is committed or rolled back: a caller that gave up early could otherwise be told "failed"
// about a write that then commits.
func (s *Store) commit(ctx context.Context, r *saveReq) (aggregator.SaveResult, error) {
	r.done = make(chan struct{})
	s.group.mu.Lock()
	s.group.pending = append(s.group.pending, r)
	if !s.group.running {
		s.group.running = true
		go s.drain()
	}
	s.group.mu.Unlock()
	<-r.done
	return r.res, r.err
}

// drain is the writer: it commits what is queued, group by group, and exits when the queue is empty.
func (s *Store) drain() {
	for {
		s.group.mu.Lock()
		n, articles := 0, 0
		for n < len(s.group.pending) && (n == 0 || articles+len(s.group.pending[n].articles) <= s.groupArticles) {
			articles += len(s.group.pending[n].articles)
			n++
		}
		if n == 0 {
			s.group.running = false
			s.group.pending = nil
			s.group.mu.Unlock()
			return
		}
		batch := append([]*saveReq(nil), s.group.pending[:n]...)
		s.group.pending = s.group.pending[n:]
		s.group.mu.Unlock()

		s.commitGroup(batch)
		for _, r := range batch {
			close(r.done)
		}
	}
}

// commitGroup commits batch in one transaction; when that fails, each request is committed alone.
func (s *Store) commitGroup(batch []*saveReq) {
	failed := -1
	err := s.runGroup(batch, &failed)
	if err == nil {
		return
	}
	if len(batch) == 1 {
		batch[0].res, batch[0].err = aggregator.SaveResult{}, err
		return
	}
	for i, r := range batch {
		if i == failed {
			// It failed on its own content or context: report that, don't run it twice.
			r.res, r.err = aggregator.SaveResult{}, err
			continue
		}
		if e := s.runGroup([]*saveReq{r}, new(int)); e != nil {
			r.res, r.err = aggregator.SaveResult{}, e
		}
	}
}

// runGroup runs the requests of batch in one write transaction and sets their results; on error the
// transaction is rolled back, and *failed is the index of the request that failed (-1 when none
// did: the commit itself failed).
func (s *Store) runGroup(batch []*saveReq, failed *int) error {
	*failed = -1
	now := s.now()
	if s.dedup != nil {
		s.dedup.expire(now)
	}
	var w *writer
	// Only a feed's articles are grouped into stories: a group of fetch states alone (failures,
	// changed validators) does not wait for the story index to load behind Open, which at 10,000
	// sources takes seconds.
	feeds := slices.ContainsFunc(batch, func(r *saveReq) bool { return r.feed })
	err := s.db.Update(func(tx *bolt.Tx) error {
		// A feed's work holds a core until the function returns and bbolt commits, whose writes
		// and fdatasync hold none: that is when the parses run.
		if feeds && s.cores != nil {
			s.cores.Claim()
			defer s.cores.Release()
		}
		if feeds {
			w = s.newWriter(tx)
		} else {
			w = newWriter(tx)
		}
		states := tx.Bucket(bucketStates)
		for i, r := range batch {
			var err error
			if r.feed {
				r.res, err = saveFeedTx(r.ctx, tx, w, r, now)
			} else if err = r.ctx.Err(); err == nil {
				err = states.Put([]byte(r.source), r.state)
			}
			if err != nil {
				*failed = i
				return err
			}
		}
		// A request whose caller gave up (a shutdown) stops the flush, which can be long after a
		// flood of categories; the others are then committed again alone.
		gen, err := w.flush(func() error {
			for i, r := range batch {
				if err := r.ctx.Err(); err != nil {
					*failed = i
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		s.publish(tx, gen)
		return nil
	})
	if err != nil {
		s.rollbackIndex(w)
	}
	return err
}
