package store

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"tributary/aggregator"
)

func TestOpenSchema(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(tx *bolt.Tx) error
		want    string
	}{
		{"newer version", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(keySchema, []byte{0, 0, 0, 99})
		}, "schema version 99 is newer"},
		{"older version", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(keySchema, []byte{0, 0, 0, 0})
		}, "schema version 0 is older"},
		{"no version", func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Delete(keySchema) }, "no schema version"},
		{"another program's file", func(tx *bolt.Tx) error {
			if err := tx.DeleteBucket(bucketMeta); err != nil {
				return err
			}
			_, err := tx.CreateBucket([]byte("users"))
			return err
		}, "not a tributary database"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "db")
			s, err := Open(context.Background(), path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			_ = s.Close()
			db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Update(tt.prepare); err != nil {
				t.Fatal(err)
			}
			_ = db.Close()
			s, err = Open(context.Background(), path, Options{})
			if err == nil {
				_ = s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrSchema) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), path) {
				t.Errorf("Open = %v, want ErrSchema saying %q and the path", err, tt.want)
			}
		})
	}
}

// TestUpgradeFromSchema1: a file written by a schema 1 build (bodies inside the records) opens,
// reads, takes updates and stays consistent; each record moves its body out when it next changes.
func TestUpgradeFromSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "db")
	s := openAt(t, path, Options{})
	want := []aggregator.Article{art("1", "a", day(1), "x"), art("2", "a", day(2), "x"), art("3", "b", day(3))}
	save(t, s, "a", want[0], want[1])
	save(t, s, "b", want[2])
	_ = s.Close()

	// Rewrite the file as schema 1 had it.
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		articles, bodies := tx.Bucket(bucketArticles), tx.Bucket(bucketBodies)
		type kv struct{ k, v []byte }
		var old []kv
		err := articles.ForEach(func(k, v []byte) error {
			r, err := decodeRecord(string(k), v)
			if err == nil {
				err = loadBody(bodies, &r)
			}
			old = append(old, kv{bytes.Clone(k), encodeRecordV1(&r.a, r.hashes)})
			return err
		})
		if err != nil {
			return err
		}
		for _, e := range old {
			if err := articles.Put(e.k, e.v); err != nil {
				return err
			}
		}
		if err := tx.DeleteBucket(bucketBodies); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keySchema, []byte{0, 0, 0, 1})
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Close()

	s = openAt(t, path, Options{})
	mustCheck(t, s)
	for _, a := range want {
		if got := get(t, s, a.ID); got.Body != a.Body || got.Title != a.Title {
			t.Errorf("article %s after the upgrade: %q %q", a.ID, got.Title, got.Body)
		}
	}
	edited := art("2", "a", day(2), "x")
	edited.Body = "<p>edited body of 2</p>"
	if res := save(t, s, "a", want[0], edited); res.Updated != 1 || res.Unchanged != 1 {
		t.Errorf("save after the upgrade = %+v, want 1 updated, 1 unchanged", res)
	}
	mustCheck(t, s)
	got := query(t, s, aggregator.Query{})
	if len(got) != 3 || got[1].ID != "2" || got[1].Body != edited.Body || got[2].Body != want[0].Body {
		t.Errorf("articles after an update = %+v", got)
	}
	_ = s.Close()
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keySchema); !bytes.Equal(v, []byte{0, 0, 0, schemaVersion}) {
			t.Errorf("schema after the upgrade = %x", v)
		}
		if v := tx.Bucket(bucketArticles).Get([]byte("2")); v[0] != recordV3 {
			t.Errorf("the updated record is version %d, want %d", v[0], recordV3)
		}
		if v := tx.Bucket(bucketArticles).Get([]byte("3")); v[0] != recordV1 {
			t.Errorf("an untouched record is version %d, want it left as it was", v[0])
		}
		if n := tx.Bucket(bucketBodies).Stats().KeyN; n != 1 {
			t.Errorf("bodies bucket holds %d bodies, want 1", n)
		}
		return nil
	})
}

func TestCheckFindsDamage(t *testing.T) {
	tests := []struct {
		name   string
		damage func(tx *bolt.Tx) error
		want   string
	}{
		{"missing date entry", func(tx *bolt.Tx) error {
			// Staged or folded: gone from both.
			for _, b := range indexBuckets(tx, bucketByDate) {
				if err := b.Delete(suffixKey(day(1), "1")); err != nil {
					return err
				}
			}
			return nil
		}, "no by_date entry"},
		{"date entry in the index and its twin", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketByDate).Put(suffixKey(day(1), "1"), nil)
		}, "by_date holds 3 entries for 2 articles"},
		{"dangling category entry", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketByCategory).Put(appendNameKey(nil, "x", suffixKey(day(9), "ghost")), nil)
		}, "by_category"},
		{"dangling staged category entry", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketByCategoryNew).Put(appendNameKey(nil, "x", suffixKey(day(9), "ghost")), nil)
		}, "by_category: \"x\" has 3 entries for 2 articles"},
		{"wrong counter", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketSourceCounts).Put([]byte("a"), putUint64(7))
		}, "counter"},
		{"undecodable record", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketArticles).Put([]byte("1"), []byte{recordV1, 200})
		}, "corrupt record"},
		{"missing body", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketBodies).Delete(bodyKey(1))
		}, "body 1 missing"},
		{"orphan body", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketBodies).Put(bodyKey(99), encodeBody("<p>lost</p>"))
		}, "bodies holds 3 bodies for 2 articles"},
		{"body of another text", func(tx *bolt.Tx) error {
			return tx.Bucket(bucketBodies).Put(bodyKey(2), encodeBody("<p>swapped</p>"))
		}, "does not match its record"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "db")
			s := openAt(t, path, Options{})
			save(t, s, "a", art("1", "a", day(1), "x"), art("2", "a", day(2), "x"))
			mustCheck(t, s)
			_ = s.Close()
			db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.Update(tt.damage); err != nil {
				t.Fatal(err)
			}
			_ = db.Close()
			s = openAt(t, path, Options{})
			if err := s.Check(context.Background()); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check = %v, want an error about %q", err, tt.want)
			}
		})
	}
}

// TestContextCanceled: Open and Check give up on a canceled context (the behaviour suite checks
// the Store methods).
func TestContextCanceled(t *testing.T) {
	s := openStore(t, Options{})
	save(t, s, "a", art("1", "a", day(1)))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Open(ctx, filepath.Join(t.TempDir(), "other"), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Open = %v, want context.Canceled", err)
	}
	if err := s.Check(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Check = %v, want context.Canceled", err)
	}
}

func TestOpenMissingDirNamesThePathOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "tributary.db")
	_, err := Open(context.Background(), path, Options{Timeout: time.Second})
	if err == nil {
		t.Fatal("Open in a missing directory succeeded")
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want it to wrap fs.ErrNotExist", err)
	}
	if n := strings.Count(err.Error(), path); n != 1 {
		t.Errorf("err = %q names the path %d times, want once", err, n)
	}
}

// TestPageSize: a new file gets DefaultPageSize pages, and a file made with another page size (16
// KiB was the default before 2026-12-06) keeps its own: it opens, stores, reads and checks as
// before, so an upgrade needs no migration.
func TestPageSize(t *testing.T) {
	tests := []struct {
		name       string
		create     int // Options.PageSize when the file is made; 0: the default
		wantCreate int
	}{
		{"new file", 0, DefaultPageSize},
		{"file of the old default", 16 << 10, 16 << 10},
		{"file of the OS's pages", 4 << 10, 4 << 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tributary.db")
			s := openAt(t, path, Options{PageSize: tt.create})
			if got := s.db.Info().PageSize; got != tt.wantCreate {
				t.Fatalf("made with PageSize %d: page size %d, want %d", tt.create, got, tt.wantCreate)
			}
			// Text that S2 cannot shrink below the largest page size: a repeated phrase would
			// compress to a few hundred bytes and never reach an overflow page.
			r := rand.New(rand.NewPCG(1, 2))
			var sb strings.Builder
			for range 12000 {
				sb.WriteRune(rune(0x4E00 + r.IntN(0x5000)))
			}
			body := "<p>" + sb.String() + "</p>"
			if n := len(encodeBody(body)); n <= 16<<10 {
				t.Fatalf("the body compresses to %d bytes: not more than a 16 KiB page", n)
			}
			a := art("kept", "a", day(1))
			a.Body = body
			save(t, s, "a", a)
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s = openAt(t, path, Options{}) // reopened with today's default
			if got := s.db.Info().PageSize; got != tt.wantCreate {
				t.Fatalf("reopened: page size %d, want the file's %d", got, tt.wantCreate)
			}
			save(t, s, "a", art("added", "a", day(2)))
			if got := get(t, s, "kept"); got.Body != body {
				t.Errorf("body read back: %d bytes, want %d", len(got.Body), len(body))
			}
			get(t, s, "added")
			mustCheck(t, s)
		})
	}
}
