package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// touchStamp replaces the stamp of ex, if it has one, after a sync that changed posts. A failure
// is logged: the site is then not rebuilt, and the sync itself stands.
func (e *exporter) touchStamp(ex Export) {
	if ex.Stamp == "" {
		return
	}
	if err := writeStamp(ex.Stamp, time.Now()); err != nil {
		e.app.logger.Warn("export stamp not written: the site is not rebuilt; the stamp's directory must exist and be writable by tributary",
			"dir", ex.Dir, "error", err)
	}
}

// writeStamp replaces the stamp file with one holding the time of the sync: a systemd path unit
// watching it (PathChanged=) starts the site's build as the site's own user. The new file is
// renamed over the old one, so a symlink planted at the stamp's path is replaced, never followed,
// and a reader never sees half a stamp.
func writeStamp(stamp string, now time.Time) error {
	f, err := os.CreateTemp(filepath.Dir(stamp), "."+filepath.Base(stamp)+".*.tmp")
	if err != nil {
		return fmt.Errorf("stamp %q: %w", stamp, err)
	}
	_, err = f.WriteString(now.UTC().Format(time.RFC3339Nano) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), stamp)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("stamp %q: %w", stamp, err)
	}
	return nil
}
