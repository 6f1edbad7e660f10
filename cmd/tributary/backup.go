package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"tributary/store"
)

// handleBackup answers GET /api/backup with a consistent copy of the database (bbolt's copy from
// one read transaction). The copy is staged in an unlinked file next to the database and then
// streamed, so that the read transaction never waits on the network: a slow client would
// otherwise hold up every writer that must grow the file. The client writes the file itself: the
// daemon writes nowhere a request names. The admin guard (guard.go) has already refused a Host that
// a page rebinding its own DNS name would send, so the database never leaves for such a page.
func (a *App) handleBackup(w http.ResponseWriter, r *http.Request) {
	select {
	case a.backups <- struct{}{}:
		defer func() { <-a.backups }()
	case <-r.Context().Done():
		return
	}
	bs, ok := a.store.(*store.Store)
	if !ok {
		writeJSONError(w, http.StatusConflict, "backup: the database is PostgreSQL (storage.backend): back it up with pg_dump or the server's own backups")
		return
	}
	f, err := os.CreateTemp(filepath.Dir(bs.Path()), ".tributary-backup-*")
	if err != nil {
		writeJSONError(w, http.StatusInternalServerError, fmt.Sprintf("backup: stage the copy next to the database: %v", err))
		return
	}
	os.Remove(f.Name()) // the open file stays readable; nothing is left behind on any exit
	defer f.Close()
	n, err := bs.Backup(r.Context(), f)
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		a.logger.Warn("backup failed", "error", err)
		writeJSONError(w, http.StatusInternalServerError, fmt.Sprintf("backup: %v (is the disk of %s full?)", err, filepath.Dir(bs.Path())))
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.FormatInt(n, 10))
	w.Header().Set("Content-Disposition", `attachment; filename="tributary.db"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if _, err := io.Copy(w, f); err != nil {
		a.logger.Warn("backup not delivered", "error", err)
		return
	}
	a.logger.Info("backup delivered", "bytes", n)
}

// download GETs path into w and returns the bytes written.
func (c *adminClient) download(ctx context.Context, path string, w io.Writer) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+path, nil)
	if err != nil {
		return 0, err
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT) {
			return 0, fmt.Errorf("%w: %v", errNoDaemon, err)
		}
		return 0, fmt.Errorf("admin API %s: %w", c.base, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return 0, c.statusError(resp.Status, body)
	}
	n, err := io.Copy(w, resp.Body)
	if err != nil {
		return n, fmt.Errorf("admin API %s: %w", c.base, err)
	}
	if resp.ContentLength >= 0 && n != resp.ContentLength {
		return n, fmt.Errorf("admin API %s: %d bytes received of %d", c.base, n, resp.ContentLength)
	}
	return n, nil
}

func cmdBackup(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs, cfgFlag := newFlags("backup", "[--config FILE] [--timeout D] FILE", stdout, stderr)
	timeout := fs.Duration("timeout", 30*time.Minute, "give up after this long")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "backup: want exactly one argument, the file to write (tributary backup FILE)")
		return exitUsage
	}
	cfg, err := LoadConfig(configPath(*cfgFlag))
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	if cfg.Backend == backendPostgres {
		fmt.Fprintln(stderr, "backup: storage.backend is \"postgres\": back the database up with pg_dump or the server's own backups")
		return exitFailure
	}
	ctx, cancel := context.WithTimeout(ctx, *timeout)
	defer cancel()
	dest := fs.Arg(0)
	n, from, err := backup(ctx, cfg, dest)
	if err != nil {
		fmt.Fprintf(stderr, "backup: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "%s: %d bytes, checked, %s\n", dest, n, from)
	return exitOK
}

// backup writes a checked copy of the database to dest, atomically: a temporary file in dest's
// directory is filled, synced, opened and checked, then renamed over dest. It asks the running
// daemon, or, when none answers, reads the database file itself. It says which in from.
func backup(ctx context.Context, cfg *Config, dest string) (n int64, from string, err error) {
	dir := filepath.Dir(dest)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".tmp-*")
	if err != nil {
		return 0, "", fmt.Errorf("create a file in %s: %w", dir, err)
	}
	defer func() {
		tmp.Close()
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	from = "through the daemon at " + cfg.AdminListen
	n, err = newAdminClient(cfg, 0).download(ctx, "/api/backup", tmp)
	if errors.Is(err, errNoDaemon) {
		from = "read from " + cfg.DBPath + " (no daemon is running)"
		n, err = backupDirect(ctx, cfg, tmp)
	}
	if err != nil {
		return 0, "", err
	}
	if err := tmp.Sync(); err != nil {
		return 0, "", fmt.Errorf("sync %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		return 0, "", fmt.Errorf("close %s: %w", tmp.Name(), err)
	}
	if err := checkCopy(ctx, tmp.Name()); err != nil {
		return 0, "", err
	}
	if err := os.Rename(tmp.Name(), dest); err != nil {
		return 0, "", fmt.Errorf("rename the copy to %s: %w", dest, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename survives a crash
		d.Close()
	}
	return n, from, nil
}

// backupDirect copies the database file when no daemon runs, opened read-only: bbolt's lock keeps
// it from reading beside a daemon whose admin API did not answer.
func backupDirect(ctx context.Context, cfg *Config, w io.Writer) (int64, error) {
	st, err := store.Open(ctx, cfg.DBPath, store.Options{Timeout: dbOpenTimeout, ReadOnly: true})
	if errors.Is(err, store.ErrLocked) {
		return 0, fmt.Errorf("the database is held by a running daemon, but its admin API at %s did not answer: %w", cfg.AdminListen, err)
	}
	if err != nil {
		return 0, err
	}
	defer st.Close()
	return st.Backup(ctx, w)
}

// checkCopy opens the copy and runs the store's consistency check on it.
func checkCopy(ctx context.Context, path string) error {
	st, err := store.Open(ctx, path, store.Options{Timeout: dbOpenTimeout})
	if err != nil {
		return fmt.Errorf("the copy does not open: %w", err)
	}
	err = st.Check(ctx)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("the copy is not consistent: %w", err)
	}
	return nil
}
