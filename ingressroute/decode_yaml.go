package ingressroute

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml3 "go.yaml.in/yaml/v3"
)

// nodePos returns the file position of a node of docChunk c. yaml.v3 counts
// columns in runes; positions count bytes.
func (d *decoder) nodePos(c docChunk, n *yaml3.Node) Position {
	if n == nil || n.Line <= 0 {
		return Position{File: d.file}
	}
	first := d.offsetPos(c.off).Line
	line := first + n.Line - 1
	if line > len(d.lines) {
		line = len(d.lines)
	}
	off := int(d.lines[line-1])
	if n.Line == 1 {
		off = c.off
		if off == 0 && bytes.HasPrefix(d.data, []byte("\xef\xbb\xbf")) {
			off = 3 // yaml.v3 does not count the byte order mark
		}
	}
	return d.offsetPos(d.advanceRunes(off, n.Column-1))
}

// runeIndexStep is the spacing, in runes, of the marks of a runeIndex.
const runeIndexStep = 64

// runeIndex speeds up advanceRunes on a long line: without it, finding the
// column of every node of a one-line document (a JSON dump) would cost the
// square of the line's length.
type runeIndex struct {
	ascii bool
	runes int   // runes from the start to the end of the line
	end   int   // offset of the end of the line ('\n' or the end of data)
	marks []int // marks[i]: offset after i*runeIndexStep runes, when !ascii
}

// advanceRunes returns the offset reached from offset from by moving n
// runes forward, stopping at the end of the line. yaml.v3 counts columns in
// runes; positions count bytes.
func (d *decoder) advanceRunes(from, n int) int {
	if n < runeIndexStep {
		off := from
		for k := 0; k < n && off < len(d.data) && d.data[off] != '\n'; k++ {
			_, size := utf8.DecodeRune(d.data[off:])
			off += size
		}
		return off
	}
	ix := d.runeIdx[from]
	if ix == nil {
		ix = d.buildRuneIndex(from)
	}
	if n >= ix.runes {
		return ix.end
	}
	if ix.ascii {
		return from + n
	}
	off := ix.marks[n/runeIndexStep]
	for k := 0; k < n%runeIndexStep; k++ {
		_, size := utf8.DecodeRune(d.data[off:])
		off += size
	}
	return off
}

func (d *decoder) buildRuneIndex(from int) *runeIndex {
	ix := &runeIndex{ascii: true}
	off := from
	for off < len(d.data) && d.data[off] != '\n' {
		if ix.runes%runeIndexStep == 0 {
			ix.marks = append(ix.marks, off)
		}
		size := 1
		if d.data[off] >= utf8.RuneSelf {
			ix.ascii = false
			_, size = utf8.DecodeRune(d.data[off:])
		}
		off += size
		ix.runes++
	}
	ix.end = off
	if ix.ascii {
		ix.marks = nil
	}
	if d.runeIdx == nil {
		d.runeIdx = map[int]*runeIndex{}
	}
	d.runeIdx[from] = ix
	return ix
}

var (
	yamlErrLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	yamlAnchorRE  = regexp.MustCompile(`unknown anchor '(.*)' referenced`)
)

// parserProblems are the problems yaml.v2's parser (not its scanner)
// reports. For them yaml.v2 prints a 0-based line number.
var parserProblems = map[string]bool{
	"did not find expected node content":   true,
	"did not find expected '-' indicator":  true,
	"did not find expected key":            true,
	"did not find expected ',' or ']'":     true,
	"did not find expected ',' or '}'":     true,
	"did not find expected <document end>": true,
	"did not find expected <stream-start>": true,
	"found undefined tag handle":           true,
	"found duplicate %TAG directive":       true,
	"found duplicate %YAML directive":      true,
	"found incompatible YAML document":     true,
}

// syntaxHints maps a YAML parser problem to a hint.
var syntaxHints = map[string]string{
	"did not find expected '-' indicator":             "check the indentation of this line against the list above it",
	"did not find expected key":                       "check the indentation of this line against the keys above it",
	"found a tab character that violates indentation": "indent with spaces, not tabs",
	"mapping values are not allowed in this context":  "check the indentation, or quote a value that contains \": \"",
	"found unexpected end of stream":                  "a quote or a bracket is not closed",
	"did not find expected ',' or ']'":                "a [ is not closed, or an item lacks a comma",
	"did not find expected ',' or '}'":                "a { is not closed, or an entry lacks a comma",
	"found character that cannot start any token":     "quote a value that starts with one of @ ` | > % or a tab",
}

// syntaxError reports a YAML parse error of docChunk c. fromV2 says the
// message comes from yaml.v2 (sigs.k8s.io/yaml), whose line numbers are
// 0-based for parser problems.
func (d *decoder) syntaxError(c docChunk, msg string, fromV2 bool) {
	msg = strings.TrimPrefix(msg, "error converting YAML to JSON: ")
	pos := d.firstContentPos(c)
	problem := strings.TrimPrefix(msg, "yaml: ")
	if m := yamlErrLineRE.FindStringSubmatch(msg); m != nil {
		problem = m[2]
		line, _ := strconv.Atoi(m[1])
		if fromV2 && parserProblems[problem] {
			line++
		}
		pos = d.chunkLinePos(c, line)
	} else if m := yamlAnchorRE.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(c.text, []byte("*"+m[1])); i >= 0 {
			pos = d.offsetPos(c.off + i)
		}
	}
	hint := syntaxHints[problem]
	if pos.Offset < len(d.data) && d.data[pos.Offset] == '\t' {
		hint = "indent with spaces, not tabs"
	}
	d.errorf(CodeSyntax, pos, hint, "invalid YAML: %s; the document is skipped", problem)
}

// chunkLinePos returns the position of the first non-blank byte of the
// 1-based line of docChunk c (clamped to the docChunk).
func (d *decoder) chunkLinePos(c docChunk, line int) Position {
	first := d.offsetPos(c.off).Line
	last := d.offsetPos(c.off + max(len(c.text)-1, 0)).Line
	l := min(max(first+line-1, first), last)
	off := max(int(d.lines[l-1]), c.off)
	for off < c.off+len(c.text) && d.data[off] == ' ' {
		off++
	}
	return d.offsetPos(off)
}

// firstContentPos returns the position of the first byte of docChunk c that
// is not blank, a comment or a document separator.
func (d *decoder) firstContentPos(c docChunk) Position {
	off := 0
	for off < len(c.text) {
		end := bytes.IndexByte(c.text[off:], '\n')
		if end < 0 {
			end = len(c.text)
		} else {
			end += off + 1
		}
		line := bytes.TrimSpace(c.text[off:end])
		if len(line) > 0 && line[0] != '#' && !isDocSeparator(c.text[off:end]) {
			return d.chunkLinePos(c, bytes.Count(c.text[:off], []byte("\n"))+1)
		}
		off = end
	}
	return d.offsetPos(c.off)
}

// checkLimits checks nesting depth and alias expansion of a parsed
// document before it is expanded.
func (d *decoder) checkLimits(c docChunk, root *yaml3.Node) bool {
	type info struct{ size, depth int }
	memo := map[*yaml3.Node]info{}
	hasAlias := false
	var visit func(n *yaml3.Node, level int) info
	visit = func(n *yaml3.Node, level int) info {
		if level > MaxDepth+1 {
			return info{size: 1, depth: 1}
		}
		if n.Kind == yaml3.AliasNode {
			hasAlias = true
			if n.Alias == nil {
				return info{size: 1, depth: 1}
			}
			n = n.Alias
		}
		if in, ok := memo[n]; ok {
			return in
		}
		in := info{size: 1, depth: 1}
		for _, ch := range n.Content {
			ci := visit(ch, level+1)
			in.size = min(in.size+ci.size, MaxAliasNodes+1)
			in.depth = max(in.depth, ci.depth+1)
		}
		memo[n] = in
		return in
	}
	in := visit(root, 1)
	if in.depth > MaxDepth {
		d.errorf(CodeTooDeep, d.nodePos(c, root), "",
			"document nests more than %d levels; it is skipped", MaxDepth)
		return false
	}
	if hasAlias && in.size > MaxAliasNodes {
		d.errorf(CodeAliasExpansion, d.nodePos(c, root), "write the document without anchors and aliases",
			"document's aliases expand to more than %d nodes; it is skipped", MaxAliasNodes)
		return false
	}
	return true
}

// yamlResolve follows an alias node to its anchor.
func yamlResolve(n *yaml3.Node) *yaml3.Node {
	for i := 0; n != nil && n.Kind == yaml3.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

// yaml11Bools are the plain scalars yaml.v2 (and so kubectl) reads as
// booleans, also as mapping keys.
var yaml11Bools = map[string]string{
	"y": "true", "Y": "true", "yes": "true", "Yes": "true", "YES": "true",
	"true": "true", "True": "true", "TRUE": "true", "on": "true", "On": "true", "ON": "true",
	"n": "false", "N": "false", "no": "false", "No": "false", "NO": "false",
	"false": "false", "False": "false", "FALSE": "false", "off": "false", "Off": "false", "OFF": "false",
}

// yamlKeyText returns a mapping key as sigs.k8s.io/yaml writes it in JSON.
func yamlKeyText(k *yaml3.Node) string {
	k = yamlResolve(k)
	if k == nil {
		return ""
	}
	if k.Kind == yaml3.ScalarNode && k.Style == 0 {
		if b, ok := yaml11Bools[k.Value]; ok {
			return b
		}
	}
	return k.Value
}

// yamlEntry is a key of a mapping node and its value.
type yamlEntry struct{ key, value *yaml3.Node }

// yamlEntries indexes the keys of a mapping node as JSON sees them: the last of
// duplicate keys wins, and merge keys ("<<") bring in the entries of the
// mappings they name, below the mapping's own keys. dup is called for
// every key written again in the mapping itself.
func yamlEntries(n *yaml3.Node, dup func(first, again *yaml3.Node)) map[string]yamlEntry {
	n = yamlResolve(n)
	out := map[string]yamlEntry{}
	if n == nil || n.Kind != yaml3.MappingNode {
		return out
	}
	// Merged entries first, so that the mapping's own keys override them.
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml3.ScalarNode && k.Value == "<<" && k.Style == 0 {
			v := yamlResolve(n.Content[i+1])
			var srcs []*yaml3.Node
			if v != nil && v.Kind == yaml3.SequenceNode {
				srcs = v.Content
			} else {
				srcs = []*yaml3.Node{v}
			}
			// Earlier sources win in YAML merges.
			for j := len(srcs) - 1; j >= 0; j-- {
				for key, e := range yamlEntries(srcs[j], nil) {
					out[key] = e
				}
			}
		}
	}
	own := map[string]*yaml3.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml3.ScalarNode && k.Value == "<<" && k.Style == 0 {
			continue
		}
		key := yamlKeyText(k)
		if first, ok := own[key]; ok && dup != nil {
			dup(first, k)
		}
		own[key] = k
		out[key] = yamlEntry{key: k, value: n.Content[i+1]}
	}
	return out
}

// yamlMapValue returns the value node of key in mapping node n, or nil.
func yamlMapValue(n *yaml3.Node, key string) *yaml3.Node {
	if e, ok := yamlEntries(n, nil)[key]; ok {
		return yamlResolve(e.value)
	}
	return nil
}

// decDescribe names the JSON type of a value for messages.
func decDescribe(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		s := v
		if len(s) > 40 {
			s = s[:37] + "..."
		}
		return fmt.Sprintf("a string (%q)", s)
	case bool:
		return fmt.Sprintf("a boolean (%t)", v)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	default:
		return fmt.Sprintf("a number (%v)", v)
	}
}
