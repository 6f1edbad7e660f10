package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	toml "github.com/pelletier/go-toml/v2"

	"tributary/aggregator"
	"tributary/aggregator/fetch"
	"tributary/aggregator/filter"
	"tributary/aggregator/refresh"
	"tributary/aggregator/story"
	"tributary/feeds"
)

// fileConfig mirrors config.toml key for key. Unknown keys are errors, so every field here is
// documented in the README's configuration reference.
type fileConfig struct {
	Server  serverConfig   `toml:"server"`
	Storage storageConfig  `toml:"storage"`
	Fetch   fetchConfig    `toml:"fetch"`
	Log     logConfig      `toml:"log"`
	Dedup   dedupConfig    `toml:"dedup"`
	Sources []sourceConfig `toml:"source"`
	Outputs []outputConfig `toml:"output"`
	Exports []exportConfig `toml:"export"`
	WebSub  websubConfig   `toml:"websub"`
}

type serverConfig struct {
	Listen         string   `toml:"listen"`
	AdminListen    string   `toml:"admin_listen"`
	BaseURL        string   `toml:"base_url"`
	AdminToken     string   `toml:"admin_token"`
	AdminTokenFile string   `toml:"admin_token_file"`
	AdminHosts     []string `toml:"admin_hosts"`
	ExportDirs     []string `toml:"export_dirs"`
	Pprof          *bool    `toml:"pprof"`
	OPMLFormat     string   `toml:"opml_format"`
	// QueryCacheBytes bounds the cache of outputs rendered for query parameters (?filter=…).
	QueryCacheBytes *int64 `toml:"query_cache_bytes"`
}

type storageConfig struct {
	Backend              string `toml:"backend"`
	DSN                  string `toml:"dsn"`
	DSNFile              string `toml:"dsn_file"`
	Path                 string `toml:"path"`
	Retention            string `toml:"retention" duration:"h"`
	MaxArticlesPerSource *int   `toml:"max_articles_per_source"`
}

type fetchConfig struct {
	Timeout         string   `toml:"timeout" duration:"s"`
	MaxBodyBytes    *int64   `toml:"max_body_bytes"`
	Concurrency     *int     `toml:"concurrency"`
	PerHost         *int     `toml:"per_host"`
	UserAgent       string   `toml:"user_agent"`
	DefaultSchedule string   `toml:"default_schedule"`
	AllowNetworks   []string `toml:"allow_networks"`
}

// dedupConfig is [dedup]: story grouping across sources.
type dedupConfig struct {
	Enabled   *bool    `toml:"enabled"`
	Window    string   `toml:"window" duration:"h"`
	Threshold *float64 `toml:"threshold"`
	MaxPrints *int     `toml:"max_prints"`
}

type logConfig struct {
	Level  string `toml:"level"`
	Format string `toml:"format"`
}

type sourceConfig struct {
	Name       string   `toml:"name"`
	Title      string   `toml:"title"`
	URL        string   `toml:"url"`
	Schedule   string   `toml:"schedule"`
	Categories []string `toml:"categories"`
	Author     string   `toml:"author"`
	Timezone   string   `toml:"timezone"`
	Comments   bool     `toml:"comments"`
	Encoding   string   `toml:"encoding"`
	StoryRank  int      `toml:"story_rank"`
}

type outputConfig struct {
	Name        string       `toml:"name"`
	Title       string       `toml:"title"`
	Description string       `toml:"description"`
	Sources     []string     `toml:"sources"`
	Categories  []string     `toml:"categories"`
	Limit       *int         `toml:"limit"`
	Rules       []ruleConfig `toml:"rule"`
	Merge       string       `toml:"merge"`
}

// ruleConfig is one [[output.rule]] block (aggregator/filter says how rules combine).
type ruleConfig struct {
	Action        string   `toml:"action"`
	Title         []string `toml:"title"`
	Text          []string `toml:"text"`
	Author        []string `toml:"author"`
	Category      []string `toml:"category"`
	Source        []string `toml:"source"`
	TitleRegex    string   `toml:"title_regex"`
	TextRegex     string   `toml:"text_regex"`
	AuthorRegex   string   `toml:"author_regex"`
	CategoryRegex string   `toml:"category_regex"`
	SourceRegex   string   `toml:"source_regex"`
	OlderThan     string   `toml:"older_than" duration:"h"`
}

type exportConfig struct {
	Format           string   `toml:"format"`
	Dir              string   `toml:"dir"`
	Output           string   `toml:"output"`
	After            []string `toml:"after"`
	Stamp            string   `toml:"stamp"`
	PlaceholderImage string   `toml:"placeholder_image"`
	KeepPruned       bool     `toml:"keep_pruned"`
	Title            string   `toml:"title"`
	SiteTimezone     string   `toml:"site_timezone"`
	Abbrlink         bool     `toml:"abbrlink"`
}

// Export is one [[export]] block: a directory of posts the daemon keeps in sync with an output.
type Export struct {
	Format string
	// Dir is absolute.
	Dir string
	// Output names the output whose articles are exported; empty means every article.
	Output string
	// After is a command run in the site's root after a sync that changed posts.
	After []string
	// Stamp, when set, is an absolute file path replaced after a sync that changed posts, for a
	// systemd path unit that builds the site as the site's own user.
	Stamp            string
	PlaceholderImage string
	KeepPruned       bool
	// RealTitle writes the article's own title in the front matter (title = "real") instead of the
	// seed's, with `: / \ ? * “ ” < > | [ ]` replaced.
	RealTitle bool
	// SiteTimezone, when set, writes dates as wall time in it, for a site whose _config.yml sets
	// this timezone; nil writes the seed's GMT form.
	SiteTimezone *time.Location
	// Abbrlink writes a stable, export-unique `abbrlink` into each post (hexo.Options.Abbrlink).
	Abbrlink bool
}

// Config is the validated configuration, with defaults filled in and paths made absolute.
type Config struct {
	// Path is the file the configuration was read from.
	Path string

	Listen      string
	AdminListen string
	BaseURL     string
	AdminToken  string
	// AdminHosts are the Host names, besides loopback and the admin_listen address, that the
	// admin listener answers: lower-case, without a trailing dot.
	AdminHosts []string
	// ExportDirs are the directories, besides the [[export]] dirs, that POST /api/export may
	// write into: absolute and clean.
	ExportDirs []string
	// Pprof serves /debug/pprof/ on the admin listener.
	Pprof bool
	// OPMLFormat is the format of the output URLs that GET /opml lists unless ?format= says.
	OPMLFormat feeds.Format
	// QueryCacheBytes bounds the bytes of outputs rendered for query parameters that are kept.
	QueryCacheBytes int64

	// Backend is backendBolt (DBPath) or backendPostgres (DSN).
	Backend string
	// DSN is the PostgreSQL connection string (storage.dsn, or storage.dsn_file's contents). It
	// may hold a password: it is never logged nor shown.
	DSN                  string
	DBPath               string
	Retention            time.Duration
	MaxArticlesPerSource int

	FetchTimeout    time.Duration
	MaxBodyBytes    int64
	Concurrency     int
	PerHost         int
	UserAgent       string
	DefaultSchedule string
	AllowNetworks   []netip.Prefix

	LogLevel  string
	LogFormat string

	// Dedup turns story grouping on with these options; nil means [dedup] enabled = false.
	Dedup *story.Options
	// StoryIndexAuto says that [dedup] max_prints is unset: the store bounds the story index by
	// the memory cgroup's limit, if any (storyIndexPrints).
	StoryIndexAuto bool

	Sources []aggregator.Source
	Outputs []aggregator.Output
	Exports []Export

	WebSub WebSubConfig
}

// Defaults that the README's configuration reference documents.
const (
	defaultListen          = "127.0.0.1:8080"
	defaultAdminListen     = "127.0.0.1:8081"
	defaultDBPath          = "tributary.db"
	defaultRetention       = 2160 * time.Hour
	defaultMaxPerSource    = 5000
	defaultFetchTimeout    = 20 * time.Second
	defaultMaxBodyBytes    = 15 << 20
	defaultConcurrency     = 8
	defaultPerHost         = 2
	defaultSchedule        = "*/15 * * * *"
	defaultOutputLimit     = 100
	defaultQueryCacheBytes = 64 << 20
	maxOutputLimit         = 10000
	minScheduleInterval    = time.Minute
	maxConfigProblemsShown = 50
)

var (
	nameRE = regexp.MustCompile(`^[a-z0-9-]+$`)
	hostRE = regexp.MustCompile(`^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$`)
)

// ConfigError lists every problem found in one configuration file.
type ConfigError struct {
	Path     string
	Problems []string
	lines    map[string]int  // line of each key in the file, by lineKey
	dropped  map[string]bool // keys reported unknown or of the wrong type, by lineKey
}

// Error lists the problems one per line, at most maxConfigProblemsShown of them.
func (e *ConfigError) Error() string {
	shown := e.Problems
	more := ""
	if len(shown) > maxConfigProblemsShown {
		more = fmt.Sprintf("\n(and %d more problems)", len(shown)-maxConfigProblemsShown)
		shown = shown[:maxConfigProblemsShown]
	}
	return strings.Join(shown, "\n") + more
}

// LoadConfig reads and validates the configuration at path. It reports every problem it finds, each
// naming the file, the key and the value, in one *ConfigError.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read config: %w: name the file with --config FILE or $TRIBUTARY_CONFIG (else ./config.toml is read)", err)
	}
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return ParseConfig(abs, data)
}

// ParseConfig validates configuration bytes as if read from path (which names the file in messages
// and anchors relative paths). The one file it reads is server.admin_token_file.
func ParseConfig(path string, data []byte) (*Config, error) {
	cfg, err := parseConfig(path, data, false)
	if errors.Is(err, errNeedLines) {
		// Problems to report: read again, noting the line of every key.
		cfg, err = parseConfig(path, data, true)
	}
	return cfg, err
}

// errNeedLines is parseConfig's answer, without withLines, to a file with problems: they are
// worded and placed by a read with the lines.
var errNeedLines = errors.New("config: problems to place on their lines")

// parseConfig is ParseConfig, with withLines passed to checkKeys. Without the lines, a file with
// any problem gives errNeedLines: only a valid file is read once.
func parseConfig(path string, data []byte, withLines bool) (*Config, error) {
	ce := &ConfigError{Path: path}
	name := filepath.Base(path)
	// Unknown keys and values of the wrong type are listed with their lines, then dropped, so that
	// the checks of the values below run on the rest of the file. A file that is not TOML has no
	// keys to check: its syntax error alone is reported, worded by the decoder, which gives it a
	// line and column (the key walk's parser stops at it but does not place it).
	keys, err := checkKeys(data, withLines)
	if err != nil {
		var doc map[string]any
		if derr := toml.Unmarshal(data, &doc); derr != nil {
			err = derr
		}
		ce.Problems = append(ce.Problems, decodeProblem(name, err))
		return nil, ce
	}
	ce.lines = keys.lines
	ce.dropped = map[string]bool{}
	for _, p := range keys.problems {
		ce.dropped[lineKey(p.path)] = true
	}
	for _, p := range keys.problems {
		ce.Problems = append(ce.Problems, fmt.Sprintf("%s:%d: %s", name, p.line, p.msg))
	}
	clean, err := dropKeys(data, keys.problems)
	// The decoder appends each [[source]] to the slice it finds: sized from the walk's count, it
	// does not copy 10,000 of them over and over as it grows.
	fc := fileConfig{Sources: make([]sourceConfig, 0, keys.counts["source"])}
	if err == nil {
		err = toml.NewDecoder(bytes.NewReader(clean)).DisallowUnknownFields().Decode(&fc)
	}
	if err != nil {
		// A key given twice is no syntax error to the key walk's parser, but the file is not valid
		// TOML: reported alone, as one that does not parse is.
		var doc map[string]any
		if derr := toml.Unmarshal(data, &doc); derr != nil {
			ce.Problems = []string{decodeProblem(name, derr)}
			return nil, ce
		}
		ce.Problems = append(ce.Problems, decodeProblem(name, err))
		return nil, ce
	}
	dir := filepath.Dir(path)
	bad := fc.reporter(name, ce)
	cfg := fc.validate(dir, readAdminToken(fc.Server, dir, bad), bad)
	cfg.DSN = readDSN(fc.Storage, cfg.Backend, dir, bad)
	if len(ce.Problems) > 0 && !withLines {
		// Any problem, the key walk's too: which messages a dropped key silences depends on the
		// lines (reporter), so a file with problems is reported only by the read with them.
		return nil, errNeedLines
	}
	if len(ce.Problems) > 0 {
		// In file order, as an editor walks them; problems of defaults (no line) last.
		slices.SortStableFunc(ce.Problems, func(a, b string) int { return cmp.Compare(problemLine(a), problemLine(b)) })
		return nil, ce
	}
	cfg.Path = path
	return cfg, nil
}

// problemLine is the line of a "file:line: …" problem, or MaxInt for one without.
func problemLine(p string) int {
	_, rest, _ := strings.Cut(p, ":")
	n, _, _ := strings.Cut(rest, ":")
	if line, err := strconv.Atoi(n); err == nil {
		return line
	}
	return math.MaxInt
}

// decodeProblem words an error of the TOML decoder with its position, for what checkKeys does not
// catch first (syntax errors).
func decodeProblem(name string, err error) string {
	var derr *toml.DecodeError
	var strict *toml.StrictMissingError
	switch {
	case errors.As(err, &strict) && len(strict.Errors) > 0:
		row, _ := strict.Errors[0].Position()
		return fmt.Sprintf("%s:%d: unknown key %q", name, row, strings.Join(strict.Errors[0].Key(), "."))
	case errors.As(err, &derr):
		row, col := derr.Position()
		key := strings.Join(derr.Key(), ".")
		if key != "" {
			key = fmt.Sprintf(" key %q:", key)
		}
		return fmt.Sprintf("%s:%d:%d:%s %s", name, row, col, key, derr.Error())
	default:
		return fmt.Sprintf("%s: %v", name, err)
	}
}

// reportFunc records one problem of the configuration, worded as `key "value": what to do`.
type reportFunc func(format string, args ...any)

// reporter returns the reportFunc that adds problems to ce, each with the line of its key in file.
func (fc *fileConfig) reporter(file string, ce *ConfigError) reportFunc {
	lineOf := fc.lineFinder(ce.lines)
	return func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		key, line := lineOf(msg)
		if ce.dropped[key] && strings.HasSuffix(msg, " is missing") {
			return // its value had the wrong type, which is reported already
		}
		if line > 0 {
			ce.Problems = append(ce.Problems, fmt.Sprintf("%s:%d: %s", file, line, msg))
			return
		}
		ce.Problems = append(ce.Problems, file+": "+msg)
	}
}

// readAdminToken returns the admin token: server.admin_token, or the trimmed contents of
// server.admin_token_file (resolved against dir), which it reads. It is the only file the
// configuration names that loading it reads; validate reads none.
func readAdminToken(s serverConfig, dir string, bad reportFunc) string {
	if s.AdminTokenFile == "" {
		return s.AdminToken
	}
	if s.AdminToken != "" {
		bad("server.admin_token_file %q: set either admin_token or admin_token_file, not both", s.AdminTokenFile)
	}
	b, err := os.ReadFile(resolvePath(dir, os.ExpandEnv(s.AdminTokenFile)))
	if err != nil {
		bad("server.admin_token_file %q: %v", s.AdminTokenFile, err)
		return ""
	}
	token := strings.TrimSpace(string(b))
	if token == "" {
		bad("server.admin_token_file %q: the file is empty", s.AdminTokenFile)
	}
	return token
}

// The values of storage.backend.
const (
	backendBolt     = "bolt"
	backendPostgres = "postgres"
)

// readDSN returns the PostgreSQL connection string of backend = "postgres": storage.dsn, or the
// contents of storage.dsn_file (resolved against dir) without its trailing newline, which it
// reads. Errors never quote the string, which may hold a password.
func readDSN(s storageConfig, backend, dir string, bad reportFunc) string {
	if backend != backendPostgres {
		if s.DSN != "" || s.DSNFile != "" {
			bad("storage.dsn: set only with backend = \"postgres\" (storage.backend is %q)", backend)
		}
		return ""
	}
	switch {
	case s.DSN != "" && s.DSNFile != "":
		bad("storage.dsn_file %q: set either dsn or dsn_file, not both", s.DSNFile)
		return ""
	case s.DSN != "":
		return s.DSN
	case s.DSNFile == "":
		bad("storage.dsn: backend = \"postgres\" needs dsn or dsn_file, such as dsn_file = \"/etc/tributary/dsn\" holding \"postgres://tributary:PASSWORD@db.internal/tributary\"")
		return ""
	}
	b, err := os.ReadFile(resolvePath(dir, os.ExpandEnv(s.DSNFile)))
	if err != nil {
		bad("storage.dsn_file %q: %v", s.DSNFile, err)
		return ""
	}
	dsn := strings.TrimRight(string(b), "\r\n")
	if strings.TrimSpace(dsn) == "" {
		bad("storage.dsn_file %q: the file is empty", s.DSNFile)
	}
	return dsn
}

// validate checks every section of fc and builds the Config, with the admin token already read
// (readAdminToken) and relative paths resolved against dir. It reads no file.
func (fc *fileConfig) validate(dir, adminToken string, bad reportFunc) *Config {
	cfg := &Config{}
	fc.Server.validate(cfg, dir, adminToken, bad)
	fc.Storage.validate(cfg, dir, bad)
	fc.Fetch.validate(cfg, bad)
	fc.Log.validate(cfg, bad)
	fc.Dedup.validate(cfg, bad)
	sources := validateSources(cfg, fc.Sources, bad)
	outputs := validateOutputs(cfg, fc.Outputs, sources, bad)
	validateExports(cfg, fc.Exports, outputs, dir, bad)
	fc.WebSub.validate(cfg, fc.Server.BaseURL != "", bad)
	return cfg
}

// validate checks [server] and fills cfg's server fields.
func (s *serverConfig) validate(cfg *Config, dir, adminToken string, bad reportFunc) {
	cfg.Listen = orDefault(s.Listen, defaultListen)
	cfg.AdminListen = orDefault(s.AdminListen, defaultAdminListen)
	cfg.BaseURL = strings.TrimRight(s.BaseURL, "/")
	cfg.AdminToken = adminToken
	listenOK := checkListen(cfg.Listen)
	if listenOK != nil {
		bad("server.listen %q: %v", cfg.Listen, listenOK)
	}
	if err := checkAdminListen(cfg.AdminListen); err != nil {
		bad("server.admin_listen %q: %v", cfg.AdminListen, err)
	} else if listenOK == nil && sameListen(cfg.Listen, cfg.AdminListen) {
		bad("server.admin_listen %q: the same address as server.listen %q: give the admin API another port", cfg.AdminListen, cfg.Listen)
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "http://" + cfg.Listen
	} else if u, err := url.Parse(cfg.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		bad("server.base_url %q: must be an absolute http(s) URL", s.BaseURL)
	}
	if cfg.AdminToken == "" && !isLoopbackListen(cfg.AdminListen) {
		bad("server.admin_listen %q: not a loopback address, so server.admin_token or server.admin_token_file must be set", cfg.AdminListen)
	}
	if f, ok := feeds.ParseFormat(orDefault(s.OPMLFormat, "rss")); ok {
		cfg.OPMLFormat = f
	} else {
		bad("server.opml_format %q: want \"rss\", \"atom\" or \"json\"", s.OPMLFormat)
	}
	cfg.Pprof = cfg.AdminToken != ""
	if s.Pprof != nil {
		cfg.Pprof = *s.Pprof
	}
	cfg.QueryCacheBytes = defaultQueryCacheBytes
	if s.QueryCacheBytes != nil {
		if *s.QueryCacheBytes < 0 {
			bad("server.query_cache_bytes %d: must be 0 (no cache) or more", *s.QueryCacheBytes)
		}
		cfg.QueryCacheBytes = max(*s.QueryCacheBytes, 0)
	}
	for _, h := range s.AdminHosts {
		n := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(h), "."))
		n = strings.TrimSuffix(strings.TrimPrefix(n, "["), "]")
		if _, err := netip.ParseAddr(n); err != nil && !hostRE.MatchString(n) {
			bad("server.admin_hosts %q: want a host name or IP address without scheme or port, such as \"tributary.internal\"", h)
			continue
		}
		cfg.AdminHosts = append(cfg.AdminHosts, n)
	}
	for _, d := range s.ExportDirs {
		if strings.TrimSpace(d) == "" {
			bad("server.export_dirs %q: an empty path; name a directory of posts, absolute or relative to the config file", d)
			continue
		}
		cfg.ExportDirs = append(cfg.ExportDirs, filepath.Clean(resolvePath(dir, d)))
	}
}

// validate checks [storage] and fills cfg's storage fields.
func (s *storageConfig) validate(cfg *Config, dir string, bad reportFunc) {
	cfg.Backend = orDefault(s.Backend, backendBolt)
	switch cfg.Backend {
	case backendBolt, backendPostgres:
	default:
		bad("storage.backend %q: want \"bolt\" (the default: one file, one node) or \"postgres\"", s.Backend)
	}
	if cfg.Backend == backendPostgres && s.Path != "" {
		bad("storage.path %q: set only with backend = \"bolt\"; a postgres backend keeps everything in its database", s.Path)
	}
	cfg.DBPath = resolvePath(dir, orDefault(s.Path, defaultDBPath))
	cfg.Retention = defaultRetention
	if s.Retention != "" {
		if d, err := parseDuration(s.Retention); err != nil || d < 0 {
			bad("storage.retention %q: want a duration such as \"2160h\" or \"0\" to keep everything", s.Retention)
		} else {
			cfg.Retention = d
		}
	}
	cfg.MaxArticlesPerSource = intOr(s.MaxArticlesPerSource, defaultMaxPerSource)
	if cfg.MaxArticlesPerSource < 0 {
		bad("storage.max_articles_per_source %d: must be 0 (no cap) or more", cfg.MaxArticlesPerSource)
	}
}

// maxDedupWindow bounds [dedup] window: the story index holds the window's prints in memory.
const maxDedupWindow = 30 * 24 * time.Hour

// minMaxPrints and maxMaxPrints bound [dedup] max_prints: fewer prints than a refresh of a few
// busy sources brings cannot group anything, and the index's slots are numbered in 32 bits.
const (
	minMaxPrints = 1000
	maxMaxPrints = 100_000_000
)

// validate checks [dedup] and fills cfg.Dedup (nil when disabled). Grouping is on by default.
func (d *dedupConfig) validate(cfg *Config, bad reportFunc) {
	o := story.Options{Window: story.DefaultWindow, Threshold: story.DefaultThreshold}
	if d.Window != "" {
		if w, err := time.ParseDuration(d.Window); err != nil || w <= 0 || w > maxDedupWindow {
			bad("dedup.window %q: want a duration between \"1h\" and \"720h\", such as \"36h\"", d.Window)
		} else {
			o.Window = w
		}
	}
	if d.Threshold != nil {
		if t := *d.Threshold; !(t > 0 && t <= 1) {
			bad("dedup.threshold %v: must be above 0 and at most 1 (default %v)", t, story.DefaultThreshold)
		} else {
			o.Threshold = t
		}
	}
	if d.MaxPrints != nil {
		if n := *d.MaxPrints; n != 0 && (n < minMaxPrints || n > maxMaxPrints) {
			bad("dedup.max_prints %d: want 0 (no bound) or a number of prints between %d and %d (each takes up to %d bytes; unset, a quarter of the memory cgroup's limit)",
				n, minMaxPrints, maxMaxPrints, story.BytesPerPrint)
		} else {
			o.MaxPrints = n
		}
	}
	if d.Enabled == nil || *d.Enabled {
		cfg.Dedup = &o
		cfg.StoryIndexAuto = d.MaxPrints == nil
	}
}

// validate checks [fetch] and fills cfg's fetch fields.
func (f *fetchConfig) validate(cfg *Config, bad reportFunc) {
	cfg.FetchTimeout = defaultFetchTimeout
	if f.Timeout != "" {
		if d, err := parseDuration(f.Timeout); err != nil || d <= 0 {
			bad("fetch.timeout %q: want a positive duration such as \"20s\"", f.Timeout)
		} else {
			cfg.FetchTimeout = d
		}
	}
	cfg.MaxBodyBytes = defaultMaxBodyBytes
	if f.MaxBodyBytes != nil {
		if *f.MaxBodyBytes < 1024 {
			bad("fetch.max_body_bytes %d: must be at least 1024", *f.MaxBodyBytes)
		}
		cfg.MaxBodyBytes = *f.MaxBodyBytes
	}
	cfg.Concurrency = intOr(f.Concurrency, defaultConcurrency)
	if cfg.Concurrency < 1 || cfg.Concurrency > 1024 {
		bad("fetch.concurrency %d: must be between 1 and 1024", cfg.Concurrency)
	}
	cfg.PerHost = intOr(f.PerHost, defaultPerHost)
	if cfg.PerHost < 1 || cfg.PerHost > 1024 {
		bad("fetch.per_host %d: must be between 1 and 1024", cfg.PerHost)
	}
	cfg.UserAgent = orDefault(f.UserAgent, "tributary/"+readVersion().Short()+" (+https://github.com/tributary)")
	cfg.DefaultSchedule = orDefault(f.DefaultSchedule, defaultSchedule)
	if _, err := refresh.ParseSchedule(cfg.DefaultSchedule); err != nil {
		bad("fetch.default_schedule %q: %v", cfg.DefaultSchedule, err)
	}
	for _, n := range f.AllowNetworks {
		p, err := netip.ParsePrefix(n)
		if err != nil {
			bad("fetch.allow_networks %q: want a CIDR prefix such as \"10.0.0.0/8\"", n)
			continue
		}
		cfg.AllowNetworks = append(cfg.AllowNetworks, p.Masked())
	}
}

// validate checks [log] and fills cfg's log fields.
func (l *logConfig) validate(cfg *Config, bad reportFunc) {
	cfg.LogLevel = orDefault(l.Level, "info")
	switch cfg.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		bad("log.level %q: want debug, info, warn or error", cfg.LogLevel)
	}
	cfg.LogFormat = orDefault(l.Format, "auto")
	switch cfg.LogFormat {
	case "auto", "text", "json":
	default:
		bad("log.format %q: want auto, text or json", cfg.LogFormat)
	}
}

// validateSources checks the [[source]] blocks, appends them to cfg.Sources and returns the set of
// their names. A source's default schedule is cfg.DefaultSchedule, validated before.
func validateSources(cfg *Config, sources []sourceConfig, bad reportFunc) map[string]bool {
	names := make(map[string]bool, len(sources))
	cfg.Sources = slices.Grow(cfg.Sources, len(sources))
	// Most sources share a few schedules and zones: each distinct one is parsed and checked once.
	schedules := map[string]error{}
	type zone struct {
		loc *time.Location
		err error
	}
	zones := map[string]zone{}
	for i, s := range sources {
		// where names the source in a message; wrong sources are few, so it is only worded for them.
		where := func() string {
			if s.Name != "" {
				return "source " + strconv.Quote(s.Name)
			}
			return "source #" + strconv.Itoa(i+1)
		}
		src := aggregator.Source{
			Name: s.Name, Title: strings.TrimSpace(s.Title), URL: s.URL,
			Schedule:   orDefault(s.Schedule, cfg.DefaultSchedule),
			Categories: uniqueTrimmed(s.Categories), Author: strings.TrimSpace(s.Author),
			Comments: s.Comments, Encoding: strings.TrimSpace(s.Encoding), Location: time.UTC,
			StoryRank: s.StoryRank,
		}
		switch {
		case s.Name == "":
			bad("%s: name is missing", where())
		case !nameRE.MatchString(s.Name):
			bad("%s: name %q: use only a-z, 0-9 and -", where(), s.Name)
		case names[s.Name]:
			bad("%s: name %q is used by another source", where(), s.Name)
		}
		names[s.Name] = true
		if u, err := url.Parse(s.URL); s.URL == "" {
			bad("%s: url is missing", where())
		} else if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("%s: url %q: want an absolute http or https URL", where(), s.URL)
		}
		err, seen := schedules[src.Schedule]
		if !seen {
			err = checkSchedule(src.Schedule)
			schedules[src.Schedule] = err
		}
		if err != nil {
			bad("%s: schedule %q: %v", where(), src.Schedule, err)
		}
		if s.Timezone != "" {
			z, seen := zones[s.Timezone]
			if !seen {
				z.loc, z.err = time.LoadLocation(s.Timezone) // reads the zone's file each time
				zones[s.Timezone] = z
			}
			if z.err != nil {
				bad("%s: timezone %q: %v", where(), s.Timezone, z.err)
			} else {
				src.Location = z.loc
			}
		}
		if src.Encoding != "" {
			if err := fetch.CheckEncoding(src.Encoding); err != nil {
				bad("%s: encoding %q: %v", where(), s.Encoding, err)
			}
		}
		if s.StoryRank < -maxStoryRank || s.StoryRank > maxStoryRank {
			bad("%s: story_rank %d: want a whole number from %d to %d (0, the default, for most sources; lower for a source trusted less)",
				where(), s.StoryRank, -maxStoryRank, maxStoryRank)
		}
		if src.Title == "" {
			src.Title = s.Name
		}
		cfg.Sources = append(cfg.Sources, src)
	}
	return names
}

// maxStoryRank bounds a source's story_rank either way: a few levels are all an operator needs,
// and a bound keeps a typo (a rank of 1e9) from reading as a deliberate choice.
const maxStoryRank = 100

// storyRanks returns the sources' story ranks that are not zero, by name, of the sources named in
// only (every source when only is empty): what an output's merged query needs (Output.StoryRanks).
// Nil when every rank is zero, so that outputs compare equal across a reload that changed none.
func storyRanks(sources []aggregator.Source, only []string) map[string]int {
	var ranks map[string]int
	for _, s := range sources {
		if s.StoryRank == 0 || len(only) > 0 && !slices.Contains(only, s.Name) {
			continue
		}
		if ranks == nil {
			ranks = map[string]int{}
		}
		ranks[s.Name] = s.StoryRank
	}
	return ranks
}

// checkSchedule checks a source's schedule: cron syntax or a descriptor, at most once a minute.
func checkSchedule(spec string) error {
	sched, err := refresh.ParseSchedule(spec)
	if err != nil {
		return err
	}
	if next := sched.Next(time.Unix(0, 0)); sched.Next(next).Sub(next) < minScheduleInterval {
		return errors.New("runs more often than once a minute")
	}
	return nil
}

// validateOutputs checks the [[output]] blocks against the configured sources, appends them to
// cfg.Outputs and returns the set of their names.
func validateOutputs(cfg *Config, outputs []outputConfig, sources map[string]bool, bad reportFunc) map[string]bool {
	names := map[string]bool{}
	for i, o := range outputs {
		where := fmt.Sprintf("output #%d", i+1)
		if o.Name != "" {
			where = fmt.Sprintf("output %q", o.Name)
		}
		out := aggregator.Output{
			Name: o.Name, Title: orDefault(strings.TrimSpace(o.Title), o.Name), Description: o.Description,
			Sources: uniqueTrimmed(o.Sources), Categories: uniqueTrimmed(o.Categories),
			Limit: intOr(o.Limit, defaultOutputLimit), Merge: orDefault(o.Merge, aggregator.MergeStory),
		}
		if out.Merge != aggregator.MergeStory && out.Merge != aggregator.MergeLink {
			bad("%s: merge %q: want \"story\" (one item per story, the default) or \"link\" (one per canonical link)", where, o.Merge)
		}
		switch {
		case o.Name == "":
			bad("%s: name is missing", where)
		case !nameRE.MatchString(o.Name):
			bad("%s: name %q: use only a-z, 0-9 and -", where, o.Name)
		case names[o.Name]:
			bad("%s: name %q is used by another output", where, o.Name)
		}
		names[o.Name] = true
		for _, s := range o.Sources {
			if !sources[s] {
				bad("%s: sources: %q is not a configured source", where, s)
			}
		}
		if out.Limit < 1 || out.Limit > maxOutputLimit {
			bad("%s: limit %d: must be between 1 and %d", where, out.Limit, maxOutputLimit)
		}
		out.Rules = outputRules(where, o.Rules, bad)
		out.StoryRanks = storyRanks(cfg.Sources, out.Sources)
		cfg.Outputs = append(cfg.Outputs, out)
	}
	return names
}

// outputRules converts the [[output.rule]] blocks of the output at where and compiles them, so that
// a bad expression is a configuration error (`output "x": rule 2: title_regex "a(b": missing closing )
// at position 3`), never a failure while serving.
func outputRules(where string, rules []ruleConfig, bad reportFunc) []aggregator.Rule {
	var out []aggregator.Rule
	ok := true
	for i, r := range rules {
		rule := aggregator.Rule{
			Action: r.Action, Title: r.Title, Text: r.Text, Author: r.Author, Category: r.Category, Source: r.Source,
			TitleRegex: r.TitleRegex, TextRegex: r.TextRegex, AuthorRegex: r.AuthorRegex,
			CategoryRegex: r.CategoryRegex, SourceRegex: r.SourceRegex,
		}
		if r.OlderThan != "" {
			d, err := parseDuration(r.OlderThan)
			if err != nil || d <= 0 {
				bad("%s: rule %d: older_than %q: want a positive duration such as \"72h\"", where, i+1, r.OlderThan)
				ok = false
				d = time.Nanosecond // compiled below only for its other problems, never served
			}
			rule.OlderThan = d
		}
		out = append(out, rule)
	}
	if _, err := filter.Compile(out); err != nil {
		for _, e := range joined(err) {
			bad("%s: %v", where, e)
		}
		ok = false
	}
	if !ok {
		return nil
	}
	return out
}

// joined returns the errors that errors.Join put together in err, or err alone.
func joined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// validateExports checks the [[export]] blocks against the configured outputs and appends them to
// cfg.Exports, their dirs resolved against dir.
func validateExports(cfg *Config, exports []exportConfig, outputs map[string]bool, dir string, bad reportFunc) {
	dirs := map[string]bool{}
	for i, e := range exports {
		where := fmt.Sprintf("export #%d", i+1)
		ex := Export{Format: orDefault(e.Format, "hexo"), Dir: filepath.Clean(resolvePath(dir, e.Dir)), Output: e.Output,
			After: e.After, PlaceholderImage: e.PlaceholderImage, KeepPruned: e.KeepPruned, Abbrlink: e.Abbrlink}
		if ex.Format != "hexo" {
			bad("%s: format %q: the only export format is \"hexo\"", where, e.Format)
		}
		switch {
		case e.Dir == "":
			bad("%s: dir is missing", where)
		case dirs[ex.Dir]:
			bad("%s: dir %q is used by another export", where, e.Dir)
		}
		dirs[ex.Dir] = true
		if e.Output != "" && !outputs[e.Output] {
			bad("%s: output %q is not a configured output", where, e.Output)
		}
		if len(e.After) > 0 && strings.TrimSpace(e.After[0]) == "" {
			bad("%s: after %q: the first element must be the command", where, e.After)
		}
		if e.Stamp != "" {
			ex.Stamp = validateStamp(where, e.Stamp, filepath.Clean(resolvePath(dir, e.Stamp)), ex.Dir, bad)
		}
		var err error
		if ex.RealTitle, ex.SiteTimezone, err = exportStyle(e.Title, e.SiteTimezone); err != nil {
			bad("%s: %v", where, err)
		}
		if p := e.PlaceholderImage; p != "" {
			if u, err := url.Parse(strings.ReplaceAll(p, "{n}", "1")); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				bad("%s: placeholder_image %q: want an http(s) URL template such as \"https://picsum.photos/400/300?random={n}\"", where, p)
			}
		}
		cfg.Exports = append(cfg.Exports, ex)
	}
}

// validateStamp checks the stamp file of an export (raw as written, stamp resolved) and returns it.
// It must name a file outside the posts directory: Hexo would take a file there for a post.
func validateStamp(where, raw, stamp, dir string, bad reportFunc) string {
	switch {
	case strings.HasSuffix(raw, "/") || filepath.Base(stamp) == "." || filepath.Base(stamp) == "..":
		bad("%s: stamp %q: want the path of a file, e.g. \"/var/lib/tributary/hexo.stamp\"", where, raw)
	case stamp == dir || strings.HasPrefix(stamp, dir+string(filepath.Separator)):
		bad("%s: stamp %q: is inside dir %q, where Hexo would read it as a post: put it outside the site, e.g. \"/var/lib/tributary/hexo.stamp\"", where, raw, dir)
	}
	return stamp
}

// exportStyle reads the title and site_timezone of an export, from the configuration, the CLI or
// the admin API: whether the front matter gets the real title, and the zone of its dates.
func exportStyle(title, siteTimezone string) (realTitle bool, loc *time.Location, err error) {
	switch title {
	case "", "seed":
	case "real":
		realTitle = true
	default:
		return false, nil, fmt.Errorf("title %q: want \"seed\" (the seed's title, with : / \\ ? * “ ” < > | [ ] replaced by _) or \"real\" (the article's own)", title)
	}
	if siteTimezone != "" {
		// "Local" would be the zone of whatever machine runs the export, the very mistake to avoid.
		loc, err = time.LoadLocation(siteTimezone)
		if err != nil || siteTimezone == "Local" {
			return false, nil, fmt.Errorf("site_timezone %q: want the timezone of the site's _config.yml, an IANA zone such as \"Asia/Shanghai\" (is tzdata installed?)", siteTimezone)
		}
	}
	return realTitle, loc, nil
}

// parseDuration reads Go durations, and "0" for none.
func parseDuration(s string) (time.Duration, error) {
	if strings.TrimSpace(s) == "0" {
		return 0, nil
	}
	return time.ParseDuration(s)
}

// checkListen accepts host:port with a port number of 0 to 65535 (0: any free port), as
// net.Listen would, so that check-config refuses what serve would refuse when it binds.
func checkListen(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%v: want host:port such as \"127.0.0.1:8080\" or \":8080\"", err)
	}
	if n, err := strconv.ParseUint(port, 10, 16); err != nil || n > 65535 {
		return fmt.Errorf("port %q: want a number from 0 to 65535 (0 picks a free port)", port)
	}
	return nil
}

// checkAdminListen accepts host:port or unix:/path.
func checkAdminListen(addr string) error {
	if p, ok := strings.CutPrefix(addr, "unix:"); ok {
		if !filepath.IsAbs(p) {
			return errors.New("a unix socket path must be absolute")
		}
		return nil
	}
	return checkListen(addr)
}

// sameListen reports whether two valid TCP listen addresses would claim the same port: the same
// fixed port on the same host, or on any host when one of them listens on every address.
func sameListen(a, b string) bool {
	ha, pa, errA := net.SplitHostPort(a)
	hb, pb, errB := net.SplitHostPort(b)
	if errA != nil || errB != nil || pa != pb || pa == "0" || strings.HasPrefix(b, "unix:") {
		return false
	}
	norm := func(h string) string {
		if h == "localhost" {
			return "127.0.0.1"
		}
		if ip, err := netip.ParseAddr(h); err == nil {
			if ip.IsUnspecified() {
				return ""
			}
			return ip.Unmap().String()
		}
		return h
	}
	ha, hb = norm(ha), norm(hb)
	return ha == "" || hb == "" || ha == hb
}

// isLoopbackListen reports whether addr only accepts local connections: a unix socket or a
// loopback IP. A host name other than localhost is not trusted to be local.
func isLoopbackListen(addr string) bool {
	if strings.HasPrefix(addr, "unix:") {
		return true
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

func resolvePath(dir, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

func intOr(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

// uniqueTrimmed returns in's strings trimmed, without empty ones and repeats, in first-seen order.
func uniqueTrimmed(in []string) []string {
	var out []string
	seen := make(map[string]bool, len(in))
	for _, s := range in {
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// configPath picks the configuration file: the flag, else $TRIBUTARY_CONFIG, else ./config.toml.
func configPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if p := os.Getenv("TRIBUTARY_CONFIG"); p != "" {
		return p
	}
	return "config.toml"
}
