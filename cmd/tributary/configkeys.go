package main

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// keyProblem is a key of the configuration file that is unknown or holds a value of the wrong
// type. It is reported with its line, and dropped before the rest of the file is decoded, so that
// one run lists every mistake instead of stopping at the first the decoder meets.
type keyProblem struct {
	line int
	msg  string
	path []any // where the key sits in the generic document: table keys and array indexes
}

// checkKeys walks the document with go-toml's parser and checks every key against fileConfig: it
// must exist, and its value must have the field's type. It is the first pass over the file: at a
// syntax error the walk stops and the parser's error is returned (ParseConfig has the decoder word
// it, with its line and column).
//
// The walker it returns holds the problems (each with its line), how many blocks of each array
// table it counted ("source"), and, with withLines, the line of every key it met, by lineKey's
// names: "fetch.timeout", "source#0" for the first [[source]] header, "source#0.schedule". Those
// lines are only read to word and place problems, and recording 20,000 of them was a quarter of
// ParseConfig's time for a valid file of 10,000 sources (BenchmarkParseConfig, 47.7 → 35.7 ms
// without), so ParseConfig asks for them only when the file has problems.
func checkKeys(data []byte, withLines bool) (*keyWalker, error) {
	w := keyWalker{counts: map[string]int{}, fields: map[reflect.Type]map[string]int{}}
	if withLines {
		w.lines = map[string]int{}
	}
	var p unstable.Parser
	p.Reset(data)
	// Parser.Shape counts lines from the start for every call; the offsets of the newlines, found
	// once, keep a file of many keys linear.
	var newlines []uint32
	for i, c := range data {
		if c == '\n' {
			newlines = append(newlines, uint32(i))
		}
	}
	root := reflect.TypeFor[fileConfig]()
	var tablePath []any
	var tableType reflect.Type = root
	for p.NextExpression() {
		e := p.Expression()
		line := lineAt(newlines, e.Raw.Offset)
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			if it := e.Key(); it.Next() {
				line = lineAt(newlines, it.Node().Raw.Offset)
			}
			tablePath, tableType = w.header(e, line)
		case unstable.KeyValue:
			if tableType == nil { // inside an unknown table, already reported
				continue
			}
			w.keyValue(&p, e, line, tablePath, tableType)
		}
	}
	return &w, p.Error()
}

// lineAt is the 1-based line of the byte at offset, given the offsets of every newline.
func lineAt(newlines []uint32, offset uint32) int {
	i, _ := slices.BinarySearch(newlines, offset)
	return i + 1
}

type keyWalker struct {
	problems []keyProblem
	counts   map[string]int // array tables seen so far, by their path (lineKey: "source")
	lines    map[string]int // by lineKey; nil when not asked for
	// fields indexes each struct type's fields by toml tag, built on first use: a file of 10,000
	// [[source]] blocks looks up 20,000 keys, and reflect's field walk per key was a tenth of
	// loading it (BenchmarkParseConfig's profile).
	fields map[reflect.Type]map[string]int
}

// field finds the field of struct t whose toml tag is name.
func (w *keyWalker) field(t reflect.Type, name string) (reflect.StructField, bool) {
	byTag, ok := w.fields[t]
	if !ok {
		byTag = make(map[string]int, t.NumField())
		for i := range t.NumField() {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
			if _, dup := byTag[tag]; !dup {
				byTag[tag] = i // the first field of a tag, as a walk in field order finds it
			}
		}
		w.fields[t] = byTag
	}
	i, ok := byTag[name]
	if !ok {
		return reflect.StructField{}, false
	}
	return t.Field(i), true
}

// header resolves a [table] or [[array]] header to its place in the document and its Go type; the
// type is nil when the header names no known table.
func (w *keyWalker) header(e *unstable.Node, line int) ([]any, reflect.Type) {
	parts := keyParts(e.Key())
	var path []any
	t := reflect.TypeFor[fileConfig]()
	for i, part := range parts {
		f, ok := w.field(t, part)
		if !ok {
			w.add(line, path, part, fmt.Sprintf("unknown key %q%s", dotted(parts[:i+1]), suggestKey(t, part)))
			return nil, nil
		}
		path = append(path, part)
		t = deref(f.Type)
		isArray := t.Kind() == reflect.Slice && deref(t.Elem()).Kind() == reflect.Struct
		if last := i == len(parts)-1; last && isArray != (e.Kind == unstable.ArrayTable) {
			want := "[" + dotted(parts) + "]"
			if isArray {
				want = "[" + want + "]"
			}
			w.add(line, path[:len(path)-1], part, fmt.Sprintf("%s: write the header as %s", dotted(parts), want))
			return nil, nil
		}
		if isArray {
			id := lineKey(path)
			if i == len(parts)-1 && e.Kind == unstable.ArrayTable {
				w.counts[id]++
			}
			path = append(path, max(w.counts[id]-1, 0))
			t = deref(t.Elem())
		}
		if t.Kind() != reflect.Struct {
			w.add(line, path, "", fmt.Sprintf("%s: is a single value, not a table", dotted(parts[:i+1])))
			return nil, nil
		}
	}
	if w.lines != nil {
		w.lines[lineKey(path)] = line
	}
	return path, t
}

// keyValue checks one `key = value`, whose dotted key starts in the table at path of type t.
func (w *keyWalker) keyValue(p *unstable.Parser, e *unstable.Node, line int, path []any, t reflect.Type) {
	parts := keyParts(e.Key())
	path = append([]any(nil), path...)
	for i, part := range parts {
		f, ok := w.field(t, part)
		if !ok {
			w.add(line, path, part, fmt.Sprintf("unknown key %q%s", dotted(append(names(path), parts[:i+1]...)), suggestKey(t, part)))
			return
		}
		path = append(path, part)
		if i < len(parts)-1 {
			if t = deref(f.Type); t.Kind() != reflect.Struct {
				w.add(line, path[:len(path)-1], part, fmt.Sprintf("%s: is a single value, not a table", dotted(names(path))))
				return
			}
			continue
		}
		w.value(p, e.Value(), line, path, f)
	}
}

// value checks that v fits field f, recursing into inline tables.
func (w *keyWalker) value(p *unstable.Parser, v *unstable.Node, line int, path []any, f reflect.StructField) {
	t := deref(f.Type)
	ok := true
	switch t.Kind() {
	case reflect.Struct:
		if ok = v.Kind == unstable.InlineTable; ok {
			w.inlineTable(p, v, line, path, t)
		}
	case reflect.Slice:
		elem := deref(t.Elem())
		ok = v.Kind == unstable.Array
		for it, i := v.Children(), 0; ok && it.Next(); i++ {
			c := it.Node()
			switch {
			case c.Kind == unstable.Comment:
				i--
			case elem.Kind() == reflect.Struct && c.Kind == unstable.InlineTable:
				w.inlineTable(p, c, line, append(append([]any(nil), path...), i), elem)
			default:
				ok = scalarFits(elem.Kind(), c.Kind)
			}
		}
	default:
		ok = scalarFits(t.Kind(), v.Kind)
	}
	if ok {
		if w.lines != nil {
			w.lines[lineKey(path)] = line
		}
	} else {
		last := path[len(path)-1].(string)
		w.add(line, path[:len(path)-1], last, fmt.Sprintf("%s = %s: %s", dotted(names(path)), rawValue(p, v), wantForm(f, v)))
	}
}

// scalarFits says whether a TOML value of kind v decodes into a Go value of kind k. Kinds that no
// field has today are left to the decoder.
func scalarFits(k reflect.Kind, v unstable.Kind) bool {
	switch k {
	case reflect.String:
		return v == unstable.String
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return v == unstable.Integer
	case reflect.Float32, reflect.Float64:
		return v == unstable.Float || v == unstable.Integer
	case reflect.Bool:
		return v == unstable.Bool
	case reflect.Struct, reflect.Slice:
		return false
	default:
		return true
	}
}

func (w *keyWalker) inlineTable(p *unstable.Parser, v *unstable.Node, line int, path []any, t reflect.Type) {
	for it := v.Children(); it.Next(); {
		if kv := it.Node(); kv.Kind == unstable.KeyValue {
			w.keyValue(p, kv, line, path, t)
		}
	}
}

// add records a problem; the key to drop is key in the table at path (the table itself when key is
// empty).
func (w *keyWalker) add(line int, path []any, key, msg string) {
	drop := append([]any(nil), path...)
	if key != "" {
		drop = append(drop, key)
	}
	w.problems = append(w.problems, keyProblem{line: line, msg: msg, path: drop})
}

// wantForm says what the field wants, with the value rewritten in that form when it can be.
func wantForm(f reflect.StructField, v *unstable.Node) string {
	t := deref(f.Type)
	data := string(v.Data)
	switch {
	case f.Tag.Get("duration") != "":
		unit := f.Tag.Get("duration")
		if v.Kind == unstable.Integer || v.Kind == unstable.Float {
			return fmt.Sprintf("want a duration with its unit, in quotes: %q for %s %s", data+unit, data, unitName(unit))
		}
		return fmt.Sprintf("want a duration with its unit, in quotes, such as \"20%s\"", unit)
	case t.Kind() == reflect.String:
		if v.Kind == unstable.Integer || v.Kind == unstable.Float || v.Kind == unstable.Bool {
			return fmt.Sprintf("want a string in quotes: %q", data)
		}
		return "want a string in quotes"
	case scalarFits(t.Kind(), unstable.Integer) && !scalarFits(t.Kind(), unstable.Float):
		if _, err := strconv.ParseInt(strings.TrimSpace(data), 10, 64); v.Kind == unstable.String && err == nil {
			return fmt.Sprintf("want a whole number without quotes: %s", strings.TrimSpace(data))
		}
		return "want a whole number without quotes, such as 8"
	case t.Kind() == reflect.Bool:
		return "want true or false, without quotes"
	case t.Kind() == reflect.Slice && deref(t.Elem()).Kind() == reflect.Struct:
		return fmt.Sprintf("want [[%s]] blocks", f.Tag.Get("toml"))
	case t.Kind() == reflect.Slice:
		if v.Kind == unstable.String {
			return fmt.Sprintf("want a list of strings: [%q]", data)
		}
		return `want a list of strings in quotes, such as ["a", "b"]`
	case t.Kind() == reflect.Struct:
		return fmt.Sprintf("want a [%s] table", f.Tag.Get("toml"))
	default:
		return fmt.Sprintf("want a %s", t.Kind())
	}
}

func unitName(u string) string {
	switch u {
	case "s":
		return "seconds"
	case "m":
		return "minutes"
	case "h":
		return "hours"
	}
	return u
}

// rawValue is the value as written, on one line and cut to a readable length.
func rawValue(p *unstable.Parser, v *unstable.Node) string {
	var s string
	if v.Raw.Length > 0 {
		s = string(p.Raw(v.Raw))
	} else {
		s = string(v.Data)
	}
	if v.Kind == unstable.Array || v.Kind == unstable.InlineTable || s == "" {
		switch v.Kind {
		case unstable.Array:
			return "[…]"
		case unstable.InlineTable:
			return "{…}"
		}
	}
	return cut(strings.Join(strings.Fields(s), " "), 40)
}

// suggestKey names the key of t closest to a mistyped one, when one is close.
func suggestKey(t reflect.Type, got string) string {
	best, bestD := "", 3
	for i := range t.NumField() {
		tag, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		if d := editDistance(got, tag); d < bestD {
			best, bestD = tag, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(": did you mean %q?", best)
}

// editDistance is the Levenshtein distance of two short keys.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func keyParts(it unstable.Iterator) []string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}

// names is path without its array indexes, as keys are written in messages: source.schedule.
func names(path []any) []string {
	var out []string
	for _, p := range path {
		if s, ok := p.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// lineKey names a key for the line table: table keys joined with dots, array indexes as #i.
func lineKey(path []any) string {
	var b strings.Builder
	for _, p := range path {
		switch p := p.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(p)
		case int:
			b.WriteByte('#')
			b.WriteString(strconv.Itoa(p))
		}
	}
	return b.String()
}

// lineFinder returns a function that finds the key a validation message is about, from how the
// messages begin (`fetch.timeout "-1s": …`, `source "a": schedule …`, `export #2: dir …`), and its
// line: that of the key, else of its [[block]], else 0 (a default, or a message of another form).
func (fc *fileConfig) lineFinder(lines map[string]int) func(msg string) (key string, line int) {
	var index map[string]map[string]int
	return func(msg string) (string, int) {
		if index == nil { // on the first problem: a file without any does not pay for it
			index = map[string]map[string]int{"source": {}, "output": {}, "export": {}}
			for i, s := range slices.Backward(fc.Sources) { // the first of duplicate names wins
				index["source"][s.Name] = i
			}
			for i, o := range slices.Backward(fc.Outputs) {
				index["output"][o.Name] = i
			}
		}
		for block, byName := range index {
			rest, ok := strings.CutPrefix(msg, block+" ")
			if !ok {
				continue
			}
			idx := -1
			if num, ok := strings.CutPrefix(rest, "#"); ok {
				n, _, _ := strings.Cut(num, ":")
				if i, err := strconv.Atoi(n); err == nil {
					idx = i - 1
				}
				rest = strings.TrimPrefix(num, n)
			} else if q, err := strconv.QuotedPrefix(rest); err == nil {
				name, _ := strconv.Unquote(q)
				if i, ok := byName[name]; ok {
					idx = i
				}
				rest = rest[len(q):]
			}
			if idx < 0 {
				return "", 0
			}
			at := fmt.Sprintf("%s#%d", block, idx)
			rest = strings.TrimPrefix(rest, ": ")
			// A rule of an output: `output "x": rule 2: title_regex …` is at output#i.rule#1.title_regex.
			if num, ok := strings.CutPrefix(rest, "rule "); ok {
				n, after, _ := strings.Cut(num, ":")
				if i, err := strconv.Atoi(n); err == nil && i > 0 {
					rule := fmt.Sprintf("%s.rule#%d", at, i-1)
					field, _, _ := strings.Cut(strings.TrimPrefix(after, " "), " ")
					if l, ok := lines[rule+"."+strings.TrimSuffix(field, ":")]; ok {
						return rule + "." + strings.TrimSuffix(field, ":"), l
					}
					if l, ok := lines[rule]; ok {
						return rule, l
					}
				}
			}
			field, _, _ := strings.Cut(rest, " ")
			key := at + "." + strings.TrimSuffix(field, ":")
			if l, ok := lines[key]; ok {
				return key, l
			}
			return key, lines[at]
		}
		key, _, _ := strings.Cut(msg, " ")
		return key, lines[key]
	}
}

func dotted(parts []string) string { return strings.Join(parts, ".") }

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// dropKeys removes the keys of problems from the document and encodes what is left, so that the
// decoder sees only keys of the right type.
func dropKeys(data []byte, problems []keyProblem) ([]byte, error) {
	if len(problems) == 0 {
		return data, nil
	}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	for _, pr := range problems {
		dropAt(doc, pr.path)
	}
	return toml.Marshal(doc)
}

func dropAt(node any, path []any) {
	if len(path) == 0 {
		return
	}
	switch n := node.(type) {
	case map[string]any:
		k, ok := path[0].(string)
		if !ok {
			return
		}
		if len(path) == 1 {
			delete(n, k)
			return
		}
		dropAt(n[k], path[1:])
	case []any:
		i, ok := path[0].(int)
		if !ok || i >= len(n) {
			return
		}
		dropAt(n[i], path[1:])
	case []map[string]any:
		i, ok := path[0].(int)
		if !ok || i >= len(n) {
			return
		}
		dropAt(n[i], path[1:])
	}
}
