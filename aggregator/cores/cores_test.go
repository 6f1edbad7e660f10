package cores

import (
	"sync"
	"sync/atomic"
	"testing"
)

// TestSlots runs sequences of operations on a few slots and checks what each TryAcquire finds: a
// claim takes a slot even when none is free, and the slots given back after it go to no one until
// the claim is given back too.
func TestSlots(t *testing.T) {
	tests := []struct {
		name string
		n    int
		ops  string // a: TryAcquire that must succeed, x: TryAcquire that must fail, c: Claim, r: Release
	}{
		{"two slots", 2, "aax" + "r" + "ax"},
		{"at least one", 0, "ax" + "r" + "ax"},
		{"claim while free", 2, "c" + "ax" + "r" + "ax"},
		{"claim while all held", 1, "a" + "c" + "r" + "x" + "r" + "ax"},
		{"two claims over two held", 2, "aa" + "cc" + "rr" + "x" + "r" + "ax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(tt.n)
			for i, op := range tt.ops {
				switch op {
				case 'a', 'x':
					if got := s.TryAcquire(); got != (op == 'a') {
						t.Fatalf("op %d of %q: TryAcquire = %v", i, tt.ops, got)
					}
				case 'c':
					s.Claim()
				case 'r':
					s.Release()
				}
			}
		})
	}
}

// TestAcquireWaitsForRelease has a goroutine wait for the only slot, which a claim on top of it
// keeps taken after one release: it gets it after the second.
func TestAcquireWaitsForRelease(t *testing.T) {
	s := New(1)
	s.Claim()
	s.Claim() // free: -1
	done := make(chan struct{})
	go func() {
		s.Acquire()
		close(done)
	}()
	s.Release() // free: 0, the waiter must go on waiting
	select {
	case <-done:
		t.Fatal("Acquire returned while a claim held the only slot")
	default:
	}
	s.Release()
	<-done
	if s.TryAcquire() {
		t.Error("a slot was free while the waiter held the only one")
	}
}

// TestHoldersBounded runs goroutines that acquire, and one that claims, many times over: never more
// than the slots plus the claim hold one at once, and every slot is free after. Run it with -race.
func TestHoldersBounded(t *testing.T) {
	const n, workers, rounds = 2, 8, 500
	s := New(n)
	var holders, most atomic.Int64
	hold := func() {
		h := holders.Add(1)
		for m := most.Load(); h > m && !most.CompareAndSwap(m, h); m = most.Load() {
		}
		holders.Add(-1)
		s.Release()
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for range rounds {
				s.Acquire()
				hold()
			}
		})
	}
	wg.Go(func() {
		for range rounds {
			s.Claim()
			hold()
		}
	})
	wg.Wait()
	if m := most.Load(); m > n+1 {
		t.Errorf("%d held at once, want at most %d slots and one claim", m, n+1)
	}
	for i := range n {
		if !s.TryAcquire() {
			t.Fatalf("slot %d not free after every holder gave it back", i)
		}
	}
	if s.TryAcquire() {
		t.Error("more slots free than there are")
	}
}
