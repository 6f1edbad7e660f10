// Command tributary aggregates RSS, Atom and JSON feeds on cron schedules, keeps the articles in
// bbolt and republishes merged, deduplicated feeds over HTTP. It is the only package that knows
// every other one: it loads the configuration and wires the fetcher, the normalizer, the store,
// the refresher and the servers together.
//
// Usage:
//
//	tributary serve        [--config FILE]
//	tributary refresh      [--config FILE] [--timeout D] [--json] [SOURCE...]
//	tributary sources      [--config FILE] [--json | --opml]
//	tributary export       [--config FILE] --format hexo --dir DIR [--output NAME] [--since D]
//	tributary backup       [--config FILE] [--timeout D] FILE
//	tributary migrate      [--config FILE] [--from FILE.db]
//	tributary check-config [--config FILE]
//	tributary import-opml  [--config FILE] [--write] [--schedule CRON] FILE
//	tributary version
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
)

// Exit codes, documented in the README.
const (
	exitOK      = 0
	exitFailure = 1 // a source failed, the config is invalid, the daemon could not start
	exitUsage   = 2 // bad command line
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const usage = `tributary aggregates RSS, Atom and JSON feeds and republishes them.

Usage:
  tributary serve        [--config FILE]                  run the daemon
  tributary refresh      [--config FILE] [SOURCE...]      refresh now and wait
  tributary sources      [--config FILE] [--json|--opml]  show every source's health, or list them as OPML
  tributary export       --format hexo --dir DIR [--output NAME] [--since D]
                                                         write the articles as Hexo posts
  tributary exports      [--config FILE] [--json]         show each [[export]]'s last run
  tributary backup       [--config FILE] FILE             write a checked copy of the database
  tributary stories      [--config FILE] [--json] [--limit N]
                                                         show recent story merges and splits
  tributary stories split [--config FILE] ARTICLE-ID      take an article out of its story
  tributary migrate      [--config FILE] [--from FILE.db] bring the PostgreSQL schema up to date,
                                                         or copy a bbolt database into it
  tributary check-config [--config FILE]                  validate the configuration
  tributary import-opml  [--config FILE] [--write] FILE   turn a reader's OPML export into [[source]] blocks
  tributary version                                       print the version

The configuration file is --config, else $TRIBUTARY_CONFIG, else ./config.toml.
Run "tributary COMMAND --help" for a command's flags.
`

// run is main without the process: it returns the exit code, so tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return cmdServe(ctx, rest, stdout, stderr)
	case "refresh":
		return cmdRefresh(ctx, rest, stdout, stderr)
	case "sources":
		return cmdSources(ctx, rest, stdout, stderr)
	case "export":
		return cmdExport(ctx, rest, stdout, stderr)
	case "exports":
		return cmdExports(ctx, rest, stdout, stderr)
	case "backup":
		return cmdBackup(ctx, rest, stdout, stderr)
	case "stories":
		return cmdStories(ctx, rest, stdout, stderr)
	case "migrate":
		return cmdMigrate(ctx, rest, stdout, stderr)
	case "check-config":
		return cmdCheckConfig(rest, stdout, stderr)
	case "import-opml":
		return cmdImportOPML(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "tributary %s\n", readVersion())
		return exitOK
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "tributary: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// newFlags returns a flag set whose errors go to stderr with the command's synopsis; --help prints
// the synopsis to stdout (see parseFlags).
func newFlags(name, synopsis string, stdout, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	help := fs.Bool("help", false, "print this help")
	fs.BoolVar(help, "h", false, "print this help")
	fs.Usage = func() {
		if *help { // asked for: the answer, on stdout
			fs.SetOutput(stdout)
			defer fs.SetOutput(stderr)
		}
		fmt.Fprintf(fs.Output(), "Usage: tributary %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	cfg := fs.String("config", "", "configuration file (default $TRIBUTARY_CONFIG, else ./config.toml)")
	return fs, cfg
}

// parseFlags parses args, with flags allowed before and after the arguments (`refresh cn --json`;
// "--" ends the flags). --help prints the usage to stdout and gives exit 0, a bad flag gives
// exit 2. Afterwards fs.Args() holds the arguments.
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return exitUsage, false
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	if h := fs.Lookup("help"); h != nil && h.Value.String() == "true" {
		fs.Usage()
		return exitOK, false
	}
	// Parse again on the arguments alone, so that fs.Args() returns them.
	_ = fs.Parse(append([]string{"--"}, positional...))
	return 0, true
}

func cmdCheckConfig(args []string, stdout, stderr io.Writer) int {
	fs, cfgFlag := newFlags("check-config", "[--config FILE]", stdout, stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "check-config: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	path := configPath(*cfgFlag)
	cfg, err := LoadConfig(path)
	if err == nil {
		err = checkDBDir(path, cfg)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "%s: ok: %d sources, %d outputs, database %s\n", path, len(cfg.Sources), len(cfg.Outputs), databaseName(cfg))
	return exitOK
}

// checkConfigData runs check-config's checks on configuration bytes as if read from path, for a
// change to be tested before it is written.
func checkConfigData(path string, data []byte) error {
	cfg, err := ParseConfig(path, data)
	if err != nil {
		return err
	}
	return checkDBDir(path, cfg)
}

// checkDBDir fails when the database's directory is missing: serve would fail to open the database
// there, while the file itself is created on first start.
func checkDBDir(path string, cfg *Config) error {
	if cfg.Backend == backendPostgres {
		return nil // check-config does not connect: serve and migrate say what the server answers
	}
	if dir := filepath.Dir(cfg.DBPath); !isDir(dir) {
		return fmt.Errorf("%s: storage.path %q: the directory %s does not exist: create it, or set storage.path elsewhere",
			filepath.Base(path), cfg.DBPath, dir)
	}
	return nil
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
