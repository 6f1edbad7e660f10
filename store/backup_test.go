package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"tributary/aggregator"
)

// TestBackupWhileWriting: a backup taken while feeds are being saved is a database that opens,
// passes Check and holds a state the writer went through (every feed whole or not at all).
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, Options{})
	save(t, s, "a", art("first", "a", day(1)))
	const feeds, perFeed = 40, 25
	var wg sync.WaitGroup
	wg.Go(func() {
		for f := range feeds {
			var arts []aggregator.Article
			for i := range perFeed {
				arts = append(arts, art(fmt.Sprintf("f%02d-%02d", f, i), "a", day(1+i%20)))
			}
			if _, err := s.SaveFeed(ctx, "a", arts, aggregator.FetchState{}); err != nil {
				t.Error(err)
				return
			}
		}
	})
	var buf bytes.Buffer
	n, err := s.Backup(ctx, &buf)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("Backup said %d bytes, wrote %d", n, buf.Len())
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	c := openAt(t, path, Options{})
	mustCheck(t, c)
	st := stats(t, c)
	if st.Articles < 1 || (st.Articles-1)%perFeed != 0 {
		t.Errorf("the copy holds %d articles: not the first one plus whole feeds of %d", st.Articles, perFeed)
	}
	if got := get(t, c, "first"); got.Title != "title of first" {
		t.Errorf("the copy's first article: %+v", got)
	}
}

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "t.db")
	s := openAt(t, path, Options{})
	save(t, s, "a", art("x", "a", day(1)))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	r := openAt(t, path, Options{ReadOnly: true})
	var buf bytes.Buffer
	if _, err := r.Backup(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	if _, err := r.SaveFeed(ctx, "a", []aggregator.Article{art("y", "a", day(2))}, aggregator.FetchState{}); err == nil {
		t.Error("SaveFeed on a read-only store succeeded")
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a read-only open changed the file")
	}

	tests := []struct {
		name  string
		setup func(path string)
		want  error
	}{
		{"missing file", func(string) {}, os.ErrNotExist},
		{"empty file", func(p string) { os.WriteFile(p, nil, 0o600) }, nil},
		{"held by a writer", func(p string) { openAt(t, p, Options{}) }, ErrLocked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "t.db")
			tt.setup(p)
			s, err := Open(ctx, p, Options{ReadOnly: true, Timeout: 50 * time.Millisecond})
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}
