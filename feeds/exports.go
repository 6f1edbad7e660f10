package feeds

import "time"

// ExportStatus is the last run of an export (a directory of posts kept in sync with an output),
// as the index page shows it. The texts may come from a command's output: the page escapes them.
type ExportStatus struct {
	Dir, Output string
	// Status is "never" (no run yet), "ok" or "failed".
	Status               string
	LastRun, LastSuccess time.Time
	// LastChange is the last run that changed posts; Written, Renamed and Removed are its counts,
	// Skipped the last run's.
	LastChange                         time.Time
	Written, Renamed, Removed, Skipped int
	// Error is why the last sync failed, or "".
	Error string
	// After is the last run of the export's after-command; nil when none ran.
	After *AfterStatus
}

// AfterStatus is the last run of the command an export runs after changing posts (hexo generate).
type AfterStatus struct {
	Command string
	// Status is "failed" when the command exited other than 0 or printed error lines, else "ok".
	Status     string
	ExitCode   int
	Started    time.Time
	Duration   string
	ErrorLines int
	LastErrors []string
	OutputTail string
}

type indexExport struct {
	ExportStatus
	Class                                string // the badge's and row's class, one of the sources' health words
	LastRunTime, SuccessTime, ChangeTime *pageTime
}

func newIndexExports(list []ExportStatus, now time.Time) []indexExport {
	out := make([]indexExport, 0, len(list))
	for _, e := range list {
		class := "new"
		switch e.Status {
		case "ok":
			class = "ok"
		case "failed":
			class = "failing"
		}
		out = append(out, indexExport{ExportStatus: e, Class: class,
			LastRunTime: newPageTime(e.LastRun, now), SuccessTime: newPageTime(e.LastSuccess, now),
			ChangeTime: newPageTime(e.LastChange, now)})
	}
	return out
}
