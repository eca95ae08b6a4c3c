package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/irkit/irkit/ingressroute"
	"github.com/irkit/irkit/rule"
	yaml "go.yaml.in/yaml/v3"
)

// runMigrate implements "irkit migrate [-w] [-l] PATH...": every route
// with syntax: v2 gets its match rewritten into v3 (rule.Migrate) and its
// syntax field removed. The files are edited as text at the positions the
// decoder recorded, so comments, quoting and layout elsewhere stay byte for
// byte. Without -w the result goes to standard output (several files are
// separated by "---" and a "# ==> FILE <==" comment); with -w the files
// are rewritten in place. Exit status 1 when a rule cannot be migrated
// (the route is left as it is and the reason printed), 2 for usage and I/O
// problems.
func runMigrate(e *env, args []string) int {
	fset := newFlagSet("migrate")
	write := fset.Bool("w", false, "rewrite the files in place instead of printing them")
	list := fset.Bool("l", false, "only list the files that have syntax: v2 routes")
	if ok, code := parseFlags(e, fset, args); !ok {
		return code
	}
	if fset.NArg() == 0 {
		fset.Usage()
		return exitUsage
	}
	files, err := manifestFiles(fset.Args())
	if err != nil {
		fmt.Fprintf(e.stderr, "irkit migrate: %v\n", err)
		return exitUsage
	}
	status := exitOK
	printed := 0
	for _, name := range files {
		var data []byte
		if name == "-" {
			if *write {
				fmt.Fprintf(e.stderr, "irkit migrate: -w cannot rewrite standard input\n")
				return exitUsage
			}
			data, err = io.ReadAll(io.LimitReader(e.stdin, ingressroute.MaxFileBytes+1))
		} else {
			data, err = os.ReadFile(name)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "irkit migrate: %v\n", err)
			return exitUsage
		}
		display := name
		if name == "-" {
			display = stdinName
		}
		out, n, problems := migrateFile(display, data)
		for _, p := range problems {
			fmt.Fprintln(e.stderr, p)
			status = exitFindings
		}
		switch {
		case *list:
			if n > 0 {
				fmt.Fprintln(e.stdout, display)
			}
		case *write:
			if n == 0 {
				continue
			}
			mode := fs.FileMode(0o644)
			if fi, err := os.Stat(name); err == nil {
				mode = fi.Mode().Perm()
			}
			if err := os.WriteFile(name, out, mode); err != nil {
				fmt.Fprintf(e.stderr, "irkit migrate: %v\n", err)
				return exitUsage
			}
			fmt.Fprintf(e.stderr, "%s: %d %s migrated\n", display, n, plural(n, "rule"))
		default:
			if len(files) > 1 {
				if printed > 0 {
					fmt.Fprintln(e.stdout, "---")
				}
				fmt.Fprintf(e.stdout, "# ==> %s <==\n", display)
				if len(out) > 0 && out[len(out)-1] != '\n' {
					out = append(out, '\n')
				}
			}
			printed++
			e.stdout.Write(out)
		}
	}
	return status
}

// manifestFiles expands the paths: files as given, directories walked for
// *.yaml, *.yml and *.json in lexical order, "-" for standard input.
func manifestFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".yaml", ".yml", ".json":
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// edit replaces data[start:end] by text.
type edit struct {
	start, end int
	text       string
}

// migrated is a route whose rule was rewritten, to verify the result.
type migrated struct {
	doc      int
	ns, name string
	route    int
	match    string
}

// migrateFile rewrites the syntax: v2 routes of one file. It returns the
// new content, the number of rules migrated and the problems (rules that
// cannot be migrated, or an edit that did not give the expected result).
// The result is checked by decoding it again: on any surprise the file is
// returned unchanged.
func migrateFile(name string, data []byte) ([]byte, int, []string) {
	set, _ := ingressroute.Decode(name, data)
	isJSON := len(bytes.TrimLeft(data, " \t\r\n")) > 0 && bytes.ContainsAny(bytes.TrimLeft(data, " \t\r\n")[:1], "{[")
	var edits []edit
	var done []migrated
	var problems []string
	for _, ir := range set.IngressRoutes {
		src := set.Source(ir)
		if src == nil {
			continue
		}
		for i, rt := range ir.Spec.Routes {
			//lint:ignore SA1019 migrating away from the v2 syntax is the point.
			if rt.Syntax != "v2" {
				continue
			}
			matchPath := fmt.Sprintf("spec.routes[%d].match", i)
			syntaxPath := fmt.Sprintf("spec.routes[%d].syntax", i)
			at := src.Lookup(matchPath)
			if !src.Has(matchPath) || !src.Has(syntaxPath) {
				continue
			}
			v3, err := rule.Migrate(rt.Match)
			if err != nil {
				pos := at
				var rerr *rule.Error
				if errors.As(err, &rerr) {
					pos = src.ValuePos(matchPath, rerr.Offset)
					err = errors.New(rerr.Msg)
				}
				problems = append(problems, fmt.Sprintf("%s: cannot migrate the rule of IngressRoute %s/%s spec.routes[%d]: %v",
					pos, ir.Namespace, ir.Name, i, err))
				continue
			}
			me, ok := matchEdit(data, src, matchPath, rt.Match, v3, isJSON)
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: cannot locate the rule of IngressRoute %s/%s spec.routes[%d] in the text", at, ir.Namespace, ir.Name, i))
				continue
			}
			se, ok := syntaxEdit(data, src, syntaxPath, isJSON)
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: cannot locate the syntax of IngressRoute %s/%s spec.routes[%d] in the text", src.KeyPos(syntaxPath), ir.Namespace, ir.Name, i))
				continue
			}
			edits = append(edits, me, se)
			done = append(done, migrated{doc: src.Doc, ns: ir.Namespace, name: ir.Name, route: i, match: v3})
		}
	}
	if len(edits) == 0 {
		return data, 0, problems
	}
	out, err := applyEdits(data, edits)
	if err == nil {
		err = verify(name, out, done)
	}
	if err != nil {
		problems = append(problems, fmt.Sprintf("%s: not migrated: %v (please report this)", name, err))
		return data, 0, problems
	}
	return out, len(done), problems
}

// matchEdit replaces the match scalar by the v3 rule, in the scalar's
// style when the rule can be written in it, else double-quoted.
func matchEdit(data []byte, src *ingressroute.Source, path, old, v3 string, isJSON bool) (edit, bool) {
	start := src.Lookup(path).Offset
	if start < 0 || start >= len(data) {
		return edit{}, false
	}
	switch data[start] {
	case '"', '\'':
		end := src.ValuePos(path, len(old)).Offset
		if end >= len(data) || data[end] != data[start] {
			return edit{}, false
		}
		text := quoteDouble(v3)
		if data[start] == '\'' && !strings.ContainsAny(v3, "'\n") {
			text = "'" + v3 + "'"
		}
		return edit{start: start, end: end + 1, text: text}, true
	case '|', '>':
		end := src.ValuePos(path, len(strings.TrimRight(old, "\n"))).Offset
		if end <= start || end > len(data) {
			return edit{}, false
		}
		return edit{start: start, end: end, text: quoteDouble(v3)}, true
	default:
		if isJSON {
			return edit{}, false
		}
		end := src.ValuePos(path, len(old)).Offset
		if end <= start || end > len(data) {
			return edit{}, false
		}
		text := v3
		if !plainSafe(v3) {
			text = quoteDouble(v3)
		}
		return edit{start: start, end: end, text: text}, true
	}
}

// plainSafe reports whether s can be written as a plain scalar, in block
// or flow context.
func plainSafe(s string) bool {
	if s == "" || strings.ContainsAny(s, "\n,[]{}") {
		return false
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte("k: "+s+"\n"), &m); err != nil {
		return false
	}
	v, ok := m["k"].(string)
	return ok && v == s
}

// quoteDouble writes s as a double-quoted scalar, valid in YAML and JSON.
func quoteDouble(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// syntaxEdit removes the syntax field: its whole line when the key is
// alone on it (a comment after it is kept); when it is the first key of a
// sequence item, the next key moves up onto the "- " line. Where neither
// is possible (flow style, JSON), the value becomes v3, which means the
// same.
func syntaxEdit(data []byte, src *ingressroute.Source, path string, isJSON bool) (edit, bool) {
	key := src.KeyPos(path).Offset
	val := src.Lookup(path).Offset
	if key < 0 || val <= key || val >= len(data) {
		return edit{}, false
	}
	// The value's own end: v2, possibly quoted.
	vstart := val
	if data[val] == '"' || data[val] == '\'' {
		vstart++
	}
	if !bytes.HasPrefix(data[vstart:], []byte("v2")) {
		return edit{}, false
	}
	vend := vstart + 2
	if vstart != val {
		vend++
	}
	fallback := edit{start: vstart, end: vstart + 2, text: "v3"}
	if isJSON {
		return fallback, true
	}
	lineStart := bytes.LastIndexByte(data[:key], '\n') + 1
	lineEnd := len(data)
	if i := bytes.IndexByte(data[vend:], '\n'); i >= 0 {
		lineEnd = vend + i
	}
	prefix := data[lineStart:key]
	rest := bytes.TrimSpace(data[vend:lineEnd])
	if len(rest) > 0 && rest[0] != '#' {
		return fallback, true
	}
	indent := len(prefix)
	if len(bytes.TrimLeft(prefix, " ")) == 0 {
		if len(rest) > 0 {
			// Keep the comment on its own line.
			return edit{start: key, end: lineEnd, text: string(rest)}, true
		}
		end := lineEnd
		if end < len(data) {
			end++
		}
		return edit{start: lineStart, end: end, text: ""}, true
	}
	// "- syntax: v2": the next line must be a key of the same item.
	if !isItemPrefix(prefix) || len(rest) > 0 || lineEnd >= len(data) {
		return fallback, true
	}
	next := data[lineEnd+1:]
	if len(next) <= indent || len(bytes.TrimLeft(next[:indent], " ")) != 0 || next[indent] == ' ' || next[indent] == '#' || next[indent] == '\n' || next[indent] == '\r' {
		return fallback, true
	}
	return edit{start: key, end: lineEnd + 1 + indent, text: ""}, true
}

// isItemPrefix reports whether a line prefix is indentation and sequence
// indicators only ("  - ", "- - ").
func isItemPrefix(p []byte) bool {
	if !bytes.Contains(p, []byte("-")) {
		return false
	}
	for _, c := range p {
		if c != ' ' && c != '-' {
			return false
		}
	}
	return p[len(p)-1] == ' '
}

// applyEdits applies non-overlapping edits.
func applyEdits(data []byte, edits []edit) ([]byte, error) {
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b bytes.Buffer
	last := 0
	for _, ed := range edits {
		if ed.start < last || ed.end < ed.start || ed.end > len(data) {
			return nil, fmt.Errorf("overlapping edits at byte %d", ed.start)
		}
		b.Write(data[last:ed.start])
		b.WriteString(ed.text)
		last = ed.end
	}
	b.Write(data[last:])
	return b.Bytes(), nil
}

// verify decodes the rewritten file and checks that each migrated route
// now holds the v3 rule and no v2 syntax.
func verify(name string, out []byte, done []migrated) error {
	set, _ := ingressroute.Decode(name, out)
	for _, m := range done {
		found := false
		for _, ir := range set.IngressRoutes {
			src := set.Source(ir)
			if src == nil || src.Doc != m.doc || ir.Namespace != m.ns || ir.Name != m.name {
				continue
			}
			found = true
			if m.route >= len(ir.Spec.Routes) {
				return fmt.Errorf("IngressRoute %s/%s lost route %d", m.ns, m.name, m.route)
			}
			rt := ir.Spec.Routes[m.route]
			//lint:ignore SA1019 checking that the v2 syntax is gone.
			syntax := rt.Syntax
			if rt.Match != m.match || (syntax != "" && syntax != "v3") {
				return fmt.Errorf("IngressRoute %s/%s route %d reads back as %q (syntax %q)", m.ns, m.name, m.route, rt.Match, syntax)
			}
		}
		if !found {
			return fmt.Errorf("IngressRoute %s/%s is not found after the rewrite", m.ns, m.name)
		}
	}
	return nil
}
