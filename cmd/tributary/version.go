package main

import (
	"runtime/debug"
	"strings"
)

// ldflagsVersion, when set at build time with -ldflags "-X main.ldflagsVersion=…" (a packager's
// release number), replaces the version read from the build information.
var ldflagsVersion string

// buildVersion is what a binary knows of its own origin, from the build information the Go
// toolchain embeds: `go install tributary/cmd/tributary@v1.2.0` stamps the module version, and a
// `go build` or `go install` in a git checkout stamps a pseudo-version and the commit.
type buildVersion struct {
	// Version is the module version (v1.2.0, or a pseudo-version ending in the commit), or "devel"
	// when the build recorded none.
	Version string
	// Revision is the VCS commit, Modified whether the tree had uncommitted changes; empty and
	// false when the build recorded no VCS information (-buildvcs=false, no git, go test).
	Revision string
	Modified bool
	// Go is the toolchain that built the binary.
	Go string
}

// readVersion reads this binary's buildVersion.
func readVersion() buildVersion {
	info, ok := debug.ReadBuildInfo()
	return versionFrom(info, ok, ldflagsVersion)
}

// versionFrom builds a buildVersion from build information (nil or !ok: none) and an override.
func versionFrom(info *debug.BuildInfo, ok bool, override string) buildVersion {
	v := buildVersion{Version: "devel"}
	if ok && info != nil {
		v.Go = info.GoVersion
		if mv := info.Main.Version; mv != "" && mv != "(devel)" {
			v.Version = mv
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Revision = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	if override != "" {
		v.Version = override
	}
	return v
}

// Short is the version as one token, for the User-Agent and logs: the module version, else
// "devel" with the first 12 digits of the commit and "-dirty" for a modified tree.
func (v buildVersion) Short() string {
	if v.Version != "devel" || v.Revision == "" {
		return v.Version
	}
	s := "devel-" + v.Revision[:min(12, len(v.Revision))]
	if v.Modified {
		s += "-dirty"
	}
	return s
}

// String is what `tributary version` prints after the name: the version, then what else the build
// recorded in parentheses ("v1.2.0 (revision 0123…, modified, go1.26.8)").
func (v buildVersion) String() string {
	var extra []string
	if v.Revision != "" {
		extra = append(extra, "revision "+v.Revision)
		if v.Modified {
			extra = append(extra, "modified")
		}
	}
	if v.Go != "" {
		extra = append(extra, v.Go)
	}
	if len(extra) == 0 {
		return v.Version
	}
	return v.Version + " (" + strings.Join(extra, ", ") + ")"
}
