package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"tributary/store"
	"tributary/store/postgres"
)

// cmdMigrate is `tributary migrate`: it brings the PostgreSQL schema of [storage] up to date, and
// with --from copies a bbolt database file into it. serve migrates at start too; the command is
// for doing it ahead of a rollout, and for the copy.
func cmdMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, cfgFlag := newFlags("migrate", "[--config FILE] [--from FILE.db]", stdout, stderr)
	from := fs.String("from", "", "copy this bbolt database file (a stopped daemon's, or a backup) into PostgreSQL")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "migrate: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	cfg, err := LoadConfig(configPath(*cfgFlag))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	if err := migrate(ctx, cfg, *from, stdout); err != nil {
		fmt.Fprintf(stderr, "migrate: %v\n", err)
		return exitFailure
	}
	return exitOK
}

func migrate(ctx context.Context, cfg *Config, from string, stdout io.Writer) error {
	if cfg.Backend != backendPostgres {
		return fmt.Errorf("storage.backend is %q: migrate brings a PostgreSQL database up to date (set backend = \"postgres\" and dsn); a bbolt file is upgraded when it is opened", cfg.Backend)
	}
	applied, version, err := postgres.MigrateDSN(ctx, cfg.DSN)
	if err != nil {
		return fmt.Errorf("storage.dsn: %w", err)
	}
	if len(applied) == 0 {
		fmt.Fprintf(stdout, "schema: up to date at version %d\n", version)
	} else {
		fmt.Fprintf(stdout, "schema: applied %v, now at version %d\n", applied, version)
	}
	if from == "" {
		return nil
	}
	// Read-only: nothing is created or upgraded in the file, and bbolt's lock keeps the copy from
	// reading beside a daemon that still writes it.
	if _, err := os.Stat(from); err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	src, err := store.Open(ctx, from, store.Options{Timeout: dbOpenTimeout, ReadOnly: true})
	if errors.Is(err, store.ErrLocked) {
		return fmt.Errorf("--from %s: %w: stop the daemon that uses it, or copy a backup (tributary backup FILE)", from, err)
	}
	if err != nil {
		return fmt.Errorf("--from: %w", err)
	}
	defer src.Close()
	dst, err := postgres.Open(ctx, cfg.DSN, postgres.Options{})
	if err != nil {
		return fmt.Errorf("storage.dsn: %w", err)
	}
	defer dst.Close()
	n, err := src.CopyTo(ctx, dst.Sink())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "copied %s: %d articles, %d tombstones, %d listed entries, %d source states, %d story prints, %d splits, %d story events\n",
		from, n.Articles, n.Tombstones, n.Listed, n.States, n.Prints, n.Splits, n.StoryLog)
	return nil
}
