package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tributary/aggregator"
	"tributary/aggregator/opml"
)

// Bounds of what import-opml writes from a file that may come from anywhere.
const (
	maxImportName     = 40  // runes of a derived source name, before a "-2" suffix
	maxImportTitle    = 200 // runes of a title
	maxImportCategory = 100 // runes of one category
)

// sourcesOPML lists sources as OPML 2.0, each source inside folders named by its categories, so
// that import-opml of the list gives back the same categories.
func sourcesOPML(sources []aggregator.Source) *opml.Document {
	doc := &opml.Document{Title: "tributary sources"}
	for _, s := range sources {
		list := &doc.Outlines
		for _, c := range s.Categories {
			list = folder(list, c)
		}
		*list = append(*list, opml.Outline{Text: s.Title, Title: s.Title, Type: "rss", XMLURL: s.URL})
	}
	return doc
}

// folder returns the children of the folder named name in list, adding it at the end when there is
// none yet.
func folder(list *[]opml.Outline, name string) *[]opml.Outline {
	for i := range *list {
		if o := &(*list)[i]; !o.IsFeed() && o.Text == name {
			return &o.Children
		}
	}
	*list = append(*list, opml.Outline{Text: name})
	return &(*list)[len(*list)-1].Children
}

// writeSourcesOPML answers GET /api/sources?format=opml.
func (a *App) writeSourcesOPML(w http.ResponseWriter) {
	var buf bytes.Buffer
	if err := opml.Write(&buf, sourcesOPML(a.Config().Sources)); err != nil {
		writeJSONError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", opml.ContentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.Write(buf.Bytes())
}

// sourcesOPMLCommand is `tributary sources --opml`: the running daemon's sources, else the
// configuration file's, as OPML on stdout.
func sourcesOPMLCommand(ctx context.Context, cfg *Config, stdout, stderr io.Writer) int {
	var buf bytes.Buffer
	_, err := newAdminClient(cfg, 30*time.Second).download(ctx, "/api/sources?format=opml", &buf)
	if errors.Is(err, errNoDaemon) {
		fmt.Fprintf(stderr, "no daemon is running: sources read from %s\n", cfg.Path)
		buf.Reset()
		err = opml.Write(&buf, sourcesOPML(cfg.Sources))
	}
	if err != nil {
		fmt.Fprintf(stderr, "sources: %v\n", err)
		return exitFailure
	}
	stdout.Write(buf.Bytes())
	return exitOK
}

func cmdImportOPML(args []string, stdout, stderr io.Writer) int {
	fs, cfgFlag := newFlags("import-opml", "[--config FILE] [--write] [--schedule CRON] FILE", stdout, stderr)
	write := fs.Bool("write", false, "append the sources to the configuration file (after checking the result as check-config does) instead of printing them")
	schedule := fs.String("schedule", "", "the schedule of every imported source (default fetch.default_schedule)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "import-opml: want exactly one argument, the OPML file (- for standard input)")
		return exitUsage
	}
	path := configPath(*cfgFlag)
	original, cfg, err := readConfigForImport(path, *write)
	if err != nil {
		fmt.Fprintf(stderr, "import-opml: %v\n", err)
		return exitFailure
	}
	file := fs.Arg(0)
	doc, err := readOPML(file)
	if err != nil {
		fmt.Fprintf(stderr, "import-opml: %s: %v\n", file, err)
		return exitFailure
	}
	if *schedule == "" {
		*schedule = cfg.DefaultSchedule
	}
	imp := newImporter(cfg.Sources, *schedule)
	blocks := imp.blocks(doc, func(format string, args ...any) {
		fmt.Fprintf(stderr, "import-opml: skipped "+format+"\n", args...)
	})
	if imp.count == 0 {
		fmt.Fprintf(stderr, "import-opml: %s: no new source to import\n", file)
		return exitOK
	}
	header := fmt.Sprintf("# %d sources imported by tributary import-opml from %s", imp.count, filepath.Base(file))
	if doc.Title != "" {
		header += " (" + cutRunes(doc.Title, 80) + ")"
	}
	text := header + "\n" + blocks
	// What is printed is checked like what is written: the sources must pass the configuration's
	// own validation, with the file's other sources around them.
	abs, _ := filepath.Abs(path)
	combined := appendBlocks(original, text)
	if _, err := ParseConfig(abs, combined); err != nil {
		fmt.Fprintf(stderr, "import-opml: the sources do not pass the configuration's checks (lines of %s with them appended); nothing printed or written:\n%v\n", path, err)
		return exitFailure
	}
	if !*write {
		io.WriteString(stdout, text)
		return exitOK
	}
	if err := checkConfigData(abs, combined); err != nil {
		fmt.Fprintf(stderr, "import-opml: %s would not pass check-config; nothing written:\n%v\n", path, err)
		return exitFailure
	}
	if err := replaceConfig(path, original, combined); err != nil {
		fmt.Fprintf(stderr, "import-opml: %v\n", err)
		return exitFailure
	}
	fmt.Fprintf(stdout, "%s: %d sources appended; the daemon takes them on its next reload (systemctl reload tributary, or SIGHUP)\n", path, imp.count)
	return exitOK
}

// readConfigForImport reads the configuration the sources are added to: its bytes, and the sources
// it has, whose names and URLs the import must not repeat. Without a file, printing goes on with
// no sources and the default schedule; writing needs the file.
func readConfigForImport(path string, write bool) ([]byte, *Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !write {
		return nil, &Config{DefaultSchedule: defaultSchedule}, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read config: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, nil, err
	}
	cfg, err := ParseConfig(abs, data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s has problems; fix them before importing into it:\n%w", path, err)
	}
	return data, cfg, nil
}

// readOPML parses the file at path, or standard input for "-".
func readOPML(path string) (*opml.Document, error) {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	return opml.Parse(r, opml.Limits{})
}

// appendBlocks is the configuration text with blocks after it, a blank line between.
func appendBlocks(original []byte, blocks string) []byte {
	out := bytes.Clone(original)
	if len(out) > 0 {
		if out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
		out = append(out, '\n')
	}
	return append(out, blocks...)
}

// replaceConfig writes data over the configuration file at path atomically (a new file in the same
// directory, synced, renamed over it), keeping its mode; through a symlink, the file it points to
// is replaced. It refuses when the file no longer holds original: someone edited it meanwhile.
func replaceConfig(path string, original, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	fi, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	if now, err := os.ReadFile(target); err != nil || !bytes.Equal(now, original) {
		return fmt.Errorf("config %s changed while importing; nothing written: run the import again", path)
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".tmp-*")
	if err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after the rename, a no-op
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(fi.Mode().Perm())
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), target)
	}
	if err != nil {
		return fmt.Errorf("config %s: nothing written: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename survives a crash
		d.Close()
	}
	return nil
}

// importer turns the feeds of an OPML document into [[source]] blocks.
type importer struct {
	schedule string
	names    map[string]bool   // taken: configured or imported already
	urls     map[string]string // the source that has each URL, by urlKey
	count    int
}

func newImporter(configured []aggregator.Source, schedule string) *importer {
	imp := &importer{schedule: schedule, names: map[string]bool{}, urls: map[string]string{}}
	for _, s := range configured {
		imp.names[s.Name] = true
		imp.urls[urlKey(s.URL)] = fmt.Sprintf("already configured as source %q", s.Name)
	}
	return imp
}

// blocks returns the TOML of a [[source]] for each feed of doc that is new, and reports each feed
// it leaves out, with why, to skipped.
func (imp *importer) blocks(doc *opml.Document, skipped func(format string, args ...any)) string {
	var b strings.Builder
	for _, f := range doc.Feeds() {
		title := cutRunes(f.Name(), maxImportTitle)
		label := strconv.Quote(cutRunes(title, 60))
		if title == "" {
			label = "an outline without title"
		}
		u, err := url.Parse(f.XMLURL)
		switch t := strings.ToLower(f.Type); {
		case t != "" && t != "rss" && t != "atom" && t != "json" && t != "jsonfeed":
			skipped("%s (%s): type %q is not a feed tributary reads", label, cutRunes(f.XMLURL, 100), cutRunes(f.Type, 40))
			continue
		case err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "":
			skipped("%s: xmlUrl %q is not an absolute http or https URL", label, cutRunes(f.XMLURL, 100))
			continue
		}
		key := urlKey(f.XMLURL)
		if why, dup := imp.urls[key]; dup {
			skipped("%s (%s): %s", label, f.XMLURL, why)
			continue
		}
		name := imp.uniqueName(title, u)
		imp.urls[key] = fmt.Sprintf("already imported as source %q", name)
		imp.count++
		fmt.Fprintf(&b, "\n[[source]]\nname = %s\n", tomlString(name))
		if title != "" {
			fmt.Fprintf(&b, "title = %s\n", tomlString(title))
		}
		fmt.Fprintf(&b, "url = %s\nschedule = %s\n", tomlString(f.XMLURL), tomlString(imp.schedule))
		var cats []string
		for _, c := range f.Folders {
			if c = cutRunes(c, maxImportCategory); c != "" {
				cats = append(cats, tomlString(c))
			}
		}
		if len(cats) > 0 {
			fmt.Fprintf(&b, "categories = [%s]\n", strings.Join(cats, ", "))
		}
	}
	return b.String()
}

// uniqueName derives a source name from the title, else from the feed's host and path, and makes
// it unique with a numeric suffix.
func (imp *importer) uniqueName(title string, u *url.URL) string {
	base := slug(title)
	if base == "" {
		base = slug(strings.TrimPrefix(u.Hostname(), "www.") + " " + u.Path)
	}
	if base == "" {
		base = "feed"
	}
	name := base
	for i := 2; imp.names[name]; i++ {
		name = base + "-" + strconv.Itoa(i)
	}
	imp.names[name] = true
	return name
}

// slug is s in the alphabet of source names (a-z, 0-9, -): accents dropped (é → e), apostrophes
// dropped, every other run of characters a single "-", cut at a word boundary to maxImportName.
// Scripts without an ASCII form (Chinese) give "", and the caller falls back to the URL.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r) || r == '\'' || r == '’':
			continue
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > maxImportName {
		out = out[:maxImportName]
		if i := strings.LastIndexByte(out, '-'); i > maxImportName/2 {
			out = out[:i]
		}
		out = strings.TrimRight(out, "-")
	}
	return out
}

// urlKey compares feed URLs as the same feed: scheme and host in lower case, without the default
// port and the fragment; the path and query as written.
func urlKey(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if p := u.Port(); (p == "80" && u.Scheme == "http") || (p == "443" && u.Scheme == "https") {
		u.Host = u.Hostname()
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// tomlString writes s as a TOML basic string. strconv.Quote would write \x and \a escapes, which
// TOML lacks; control characters become \uXXXX, everything else is written as is.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// cutRunes is s with white space collapsed, cut to n runes.
func cutRunes(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}
