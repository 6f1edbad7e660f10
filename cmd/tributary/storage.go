package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"tributary/aggregator"
	"tributary/aggregator/cores"
	"tributary/aggregator/refresh"
	"tributary/store"
	"tributary/store/postgres"
)

// openStore opens the database that [storage] configures: the bbolt file (the default), or
// PostgreSQL, whose schema it brings up to date. Errors name the key to fix and never the DSN. A
// bbolt writer claims its cores from cpu (nil: none), the slots the refresher's parses take.
func openStore(ctx context.Context, cfg *Config, cpu *cores.Slots) (aggregator.Store, error) {
	if cfg.Backend == backendPostgres {
		st, err := postgres.Open(ctx, cfg.DSN, postgres.Options{Dedup: dedupOptions(cfg, processMemoryLimit)})
		if err != nil {
			return nil, fmt.Errorf("storage.dsn: %w", err)
		}
		setSourceRanks(st, cfg)
		return st, nil
	}
	st, err := store.Open(ctx, cfg.DBPath, store.Options{Timeout: dbOpenTimeout, Dedup: dedupOptions(cfg, processMemoryLimit),
		MaxGroupArticles: groupArticles(debug.SetMemoryLimit(-1)), Cores: cpu})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("storage.path: %w: create the directory %s, or set storage.path in %s", err, filepath.Dir(cfg.DBPath), cfg.Path)
	}
	if err != nil {
		return nil, fmt.Errorf("storage.path: %w", err)
	}
	setSourceRanks(st, cfg)
	return st, nil
}

// setSourceRanks gives st the sources' story ranks of cfg, which its merges by canonical link follow
// (aggregator.SourceRanker): at open, and again on a reload.
func setSourceRanks(st aggregator.Store, cfg *Config) {
	if r, ok := st.(aggregator.SourceRanker); ok {
		r.SetSourceRanks(storyRanks(cfg.Sources, nil))
	}
}

// databaseName says where the articles are, for messages: the bbolt file, or the PostgreSQL
// database (never its DSN, which may hold a password).
func databaseName(cfg *Config) string {
	if cfg.Backend == backendPostgres {
		return "the PostgreSQL database of storage.dsn"
	}
	return cfg.DBPath
}

// databaseMissing reports whether the bbolt file does not exist yet, so that a command reading
// it creates none; a PostgreSQL database always exists (the server holds it).
func databaseMissing(cfg *Config) bool {
	if cfg.Backend == backendPostgres {
		return false
	}
	_, err := os.Stat(cfg.DBPath)
	return errors.Is(err, fs.ErrNotExist)
}

// leaseOwner names this process in the source leases of a PostgreSQL database that several nodes
// may share: host, process and a random part (two nodes of one host, a restarted node, never
// share a name). Empty with bbolt, whose file one process holds: no leases.
func leaseOwner(cfg *Config) string {
	if cfg.Backend != backendPostgres {
		return ""
	}
	host, _ := os.Hostname()
	var r [4]byte
	_, _ = rand.Read(r[:])
	return fmt.Sprintf("%s/%d/%s", host, os.Getpid(), hex.EncodeToString(r[:]))
}

// leaseTTL is how long a claim on a source lasts: a minute (a dead node's sources go to the others
// within it), or longer when a fetch may take longer, so that no other node fetches a source while
// one still does.
func leaseTTL(cfg *Config) time.Duration {
	return max(refresh.DefaultLeaseTTL, 2*cfg.FetchTimeout+10*time.Second)
}
