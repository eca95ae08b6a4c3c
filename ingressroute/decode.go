package ingressroute

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	yaml3 "go.yaml.in/yaml/v3"
	"k8s.io/apimachinery/pkg/runtime/schema"
	sigsyaml "sigs.k8s.io/yaml"
)

// Decode reads the Kubernetes objects of one file: multi-document YAML
// (documents separated by "---" lines), a stream of JSON objects, or either
// holding a kind: List whose items are read one by one. file names the
// input in positions; it is not opened.
//
// Values follow kubectl's YAML semantics: each document is converted to
// JSON by sigs.k8s.io/yaml (YAML 1.1 scalars, so an unquoted yes is true)
// and the JSON is decoded into the typed struct registered for its
// apiVersion and kind in NewScheme, strictly: unknown fields, values of the
// wrong type and duplicate keys are diagnostics at their exact position,
// and the object is still decoded without them.
//
// Every field path of a decoded object maps to its position in the file
// through the object's Source (Set.Source). Paths use JSON names: a struct
// field is ".name", a list item "[i]" and a map entry "[key]" with the key
// written as is, as in k8s.io/apimachinery's field.Path
// ("metadata.annotations[kubernetes.io/ingress.class]").
//
// Decode never stops at the first problem: a broken document is skipped and
// the next ones are read. Objects of kinds irkit does not read are counted
// in Set.Skipped with an info diagnostic. The diagnostics are sorted and
// capped at MaxDiagnostics; the input is bounded by the limits of limits.go.
func Decode(file string, data []byte) (*Set, Diagnostics) {
	d := &decoder{file: file, data: data, set: &Set{}}
	d.run()
	return d.set, d.finish()
}

// DecodeReader reads r to its end and decodes it like Decode. file names
// the stream in positions; "-" is shown as "<stdin>". A read error or an
// input over MaxFileBytes is a diagnostic.
func DecodeReader(file string, r io.Reader) (*Set, Diagnostics) {
	if file == "-" {
		file = "<stdin>"
	}
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		d := &decoder{file: file, set: &Set{}}
		d.errorf(CodeIO, Position{File: file}, "", "cannot read %s: %v", file, err)
		return d.set, d.finish()
	}
	return Decode(file, data)
}

// decoder holds the state of decoding one file.
type decoder struct {
	file  string
	data  []byte
	lines []int32 // byte offset of the start of each line (MaxFileBytes < 2 GiB)
	set   *Set
	diags Diagnostics
	// dropped counts the diagnostics over MaxDiagnostics.
	dropped int
	// docs counts the documents and List items read.
	docs int
	// empty counts the empty documents (blank, comments only, or null),
	// which count apart from docs, also up to MaxDocuments.
	empty int
	// tooMany is set once MaxDocuments has been reported.
	tooMany bool
	// runeIdx indexes the runes of long lines for nodePos, by the offset
	// the index starts from.
	runeIdx map[int]*runeIndex
}

// schemeOnce builds the scheme once; it is only read afterwards.
var schemeOnce = sync.OnceValue(NewScheme)

func (d *decoder) add(diag Diagnostic) {
	if diag.Pos.File == "" {
		diag.Pos.File = d.file
	}
	if len(d.diags) >= MaxDiagnostics {
		d.dropped++
		return
	}
	d.diags = append(d.diags, diag)
}

// errorf adds a diagnostic of code, with the severity registered for it.
func (d *decoder) errorf(code string, pos Position, hint, format string, args ...any) {
	d.add(Diagnostic{Severity: severityOf(code), Code: code, Pos: pos, Message: fmt.Sprintf(format, args...), Hint: hint})
}

func (d *decoder) finish() Diagnostics {
	if d.dropped > 0 {
		d.diags = append(d.diags, Diagnostic{
			Severity: severityOf(CodeTooManyDiags), Code: CodeTooManyDiags,
			Pos:     Position{File: d.file},
			Message: fmt.Sprintf("%d more diagnostics were dropped (at most %d per file)", d.dropped, MaxDiagnostics),
			Hint:    "fix the first problems and run again",
		})
	}
	d.diags.Sort()
	return d.diags
}

func (d *decoder) run() {
	if len(d.data) > MaxFileBytes {
		// The position is that of the first byte past the limit.
		line := bytes.Count(d.data[:MaxFileBytes], []byte("\n")) + 1
		col := MaxFileBytes - (bytes.LastIndexByte(d.data[:MaxFileBytes], '\n') + 1) + 1
		pos := Position{File: d.file, Line: line, Column: col, Offset: MaxFileBytes}
		d.errorf(CodeTooLarge, pos, "split the input into files under 32 MiB",
			"input is larger than %d bytes; it is not read", MaxFileBytes)
		return
	}
	d.lines = lineOffsets(d.data)
	if i := bytes.IndexByte(d.data, 0); i >= 0 {
		d.errorf(CodeEncoding, d.offsetPos(i), "", "input holds a NUL byte: it is not a text manifest; it is not read")
		return
	}
	if !utf8.Valid(d.data) {
		i := firstInvalidUTF8(d.data)
		d.errorf(CodeEncoding, d.offsetPos(i), "save the file as UTF-8",
			"input is not valid UTF-8 (byte 0x%02x); it is not read", d.data[i])
		return
	}
	if chunks, ok := splitJSON(d.data); ok {
		for _, c := range chunks {
			d.decodeChunk(c)
		}
		if len(chunks) > MaxDocuments && !d.tooMany {
			// splitJSON stopped there; the values read were null.
			d.tooManyDocuments(d.offsetPos(chunks[len(chunks)-1].off))
		}
		return
	}
	splitYAML(d.data, func(c docChunk) bool {
		d.decodeChunk(c)
		return !d.tooMany
	})
}

// tooManyDocuments reports, once, that the file holds more than
// MaxDocuments documents, and stops the reading of the file.
func (d *decoder) tooManyDocuments(pos Position) {
	if d.tooMany {
		return
	}
	d.tooMany = true
	d.errorf(CodeTooManyDocuments, pos, "split the file",
		"more than %d documents in one file; the rest are ignored", MaxDocuments)
}

// docChunk is the text of one document and where it starts in the file.
type docChunk struct {
	off  int // byte offset of text[0] in the file
	text []byte
}

// splitYAML cuts data into documents at the lines that start with "---"
// followed by a space, a tab or the end of the line. Each docChunk starts with
// its separator line, so that line numbers inside it stay exact. The
// documents are passed to yield, in order, until it returns false.
func splitYAML(data []byte, yield func(docChunk) bool) {
	start := 0
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off + 1
		}
		line := data[off:end]
		if off > start && isDocSeparator(line) {
			if !yield(docChunk{off: start, text: data[start:off]}) {
				return
			}
			start = off
		}
		off = end
	}
	yield(docChunk{off: start, text: data[start:]})
}

func isDocSeparator(line []byte) bool {
	if !bytes.HasPrefix(line, []byte("---")) {
		return false
	}
	rest := line[3:]
	return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r'
}

// splitJSON cuts a stream of JSON values into chunks. It reports false when
// data does not start with '{' or '[' or is not a valid JSON stream, in
// which case it is read as YAML (JSON being YAML, errors are then located
// by the YAML parser). It stops after MaxDocuments+1 values: the rest of
// the file is not read.
func splitJSON(data []byte) ([]docChunk, bool) {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	trimmed = bytes.TrimPrefix(trimmed, []byte("\xef\xbb\xbf"))
	if len(trimmed) == 0 || (trimmed[0] != '{' && trimmed[0] != '[') {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []docChunk
	prev := 0
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			return out, true
		}
		if err != nil {
			return nil, false
		}
		end := int(dec.InputOffset())
		start := prev
		for start < end && isJSONSpace(data[start]) {
			start++
		}
		out = append(out, docChunk{off: start, text: data[start:end]})
		if len(out) > MaxDocuments {
			return out, true
		}
		prev = end
	}
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// decodeChunk decodes the first document of a docChunk.
func (d *decoder) decodeChunk(c docChunk) {
	if d.tooMany {
		return // past MaxDocuments: not even parsed
	}
	var doc yaml3.Node
	err := yaml3.NewDecoder(bytes.NewReader(c.text)).Decode(&doc)
	if err == io.EOF {
		d.emptyDocument(c)
		return
	}
	if err != nil {
		d.docs++
		if strings.Contains(err.Error(), "exceeded max depth") {
			// yaml.v3 gives up past 10000 levels, long after MaxDepth.
			d.errorf(CodeTooDeep, d.firstContentPos(c), "",
				"document nests more than %d levels; it is skipped", MaxDepth)
			return
		}
		// sigs.k8s.io/yaml's parser (yaml.v2) locates errors better than
		// yaml.v3, which reports the line of the enclosing collection.
		if _, err2 := sigsyaml.YAMLToJSON(c.text); err2 != nil {
			err = err2
			d.syntaxError(c, err.Error(), true)
		} else {
			d.syntaxError(c, err.Error(), false)
		}
		return
	}
	if len(doc.Content) == 0 {
		d.emptyDocument(c)
		return
	}
	root := doc.Content[0]
	if root.Kind == yaml3.ScalarNode && root.Tag == "!!null" {
		d.emptyDocument(c) // a document holding only comments or "~"
		return
	}
	if d.docs >= MaxDocuments {
		d.tooManyDocuments(d.nodePos(c, root))
		return
	}
	docIndex := d.docs
	d.docs++
	if ok := d.checkLimits(c, root); !ok {
		return
	}
	js, err := sigsyaml.YAMLToJSON(c.text)
	if err != nil {
		d.syntaxError(c, err.Error(), true)
		return
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(js))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		d.errorf(CodeSyntax, d.nodePos(c, root), "", "cannot convert the document to JSON: %v", err)
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		d.errorf(CodeNotObject, d.nodePos(c, root), "a manifest is a mapping with apiVersion, kind and metadata",
			"document is %s, not an object", decDescribe(v))
		return
	}
	if isKindList(m) {
		d.decodeList(c, m, root)
		return
	}
	d.decodeObject(c, m, root, docIndex)
}

// emptyDocument counts a document without content. Empty documents are
// skipped silently, but there may not be more than MaxDocuments of them
// either: each costs a parse.
func (d *decoder) emptyDocument(c docChunk) {
	d.empty++
	if d.empty > MaxDocuments {
		d.tooManyDocuments(d.offsetPos(c.off))
	}
}

// isKindList reports whether m is a list of objects: kind List, or a
// typed list such as IngressRouteList, with items.
func isKindList(m map[string]any) bool {
	kind, _ := m["kind"].(string)
	if kind != "List" && !strings.HasSuffix(kind, "List") {
		return false
	}
	_, ok := m["items"]
	return ok
}

// decodeList decodes the items of a list, each with its own Source whose
// field paths are relative to the item and whose Doc is the item's index.
// Items of a typed list (IngressRouteList) may leave out apiVersion and
// kind, which then come from the list.
func (d *decoder) decodeList(c docChunk, m map[string]any, root *yaml3.Node) {
	items, ok := m["items"].([]any)
	itemsNode := yamlMapValue(root, "items")
	if !ok {
		if m["items"] != nil {
			d.add(Diagnostic{
				Severity: severityOf(CodeWrongType), Code: CodeWrongType, Field: "items",
				Object: docObjectRef(m), Pos: d.nodePos(c, itemsNode),
				Message: fmt.Sprintf("items must be a list, not %s", decDescribe(m["items"])),
			})
		}
		return
	}
	listKind, _ := m["kind"].(string)
	listAPIVersion, _ := m["apiVersion"].(string)
	for i, it := range items {
		var n *yaml3.Node
		if itemsNode != nil && itemsNode.Kind == yaml3.SequenceNode && i < len(itemsNode.Content) {
			n = yamlResolve(itemsNode.Content[i])
		}
		if i > 0 {
			if d.docs >= MaxDocuments {
				d.tooManyDocuments(d.nodePos(c, n))
				return
			}
			d.docs++
		}
		im, ok := it.(map[string]any)
		if !ok {
			if it != nil {
				d.errorf(CodeNotObject, d.nodePos(c, n), "", "items[%d] of the list is %s, not an object", i, decDescribe(it))
			}
			continue
		}
		if listKind != "List" {
			if _, ok := im["kind"]; !ok {
				im["kind"] = strings.TrimSuffix(listKind, "List")
			}
			if _, ok := im["apiVersion"]; !ok {
				im["apiVersion"] = listAPIVersion
			}
		}
		if isKindList(im) {
			d.errorf(CodeNotObject, d.nodePos(c, n), "", "items[%d] is a list inside a list; it is skipped", i)
			continue
		}
		d.decodeObject(c, im, n, i)
	}
}

// skip counts an object of a kind the Set does not hold.
func (d *decoder) skip(key string) {
	if d.set.Skipped == nil {
		d.set.Skipped = map[string]int{}
	}
	d.set.Skipped[key]++
}

// decodeObject decodes one object (a document or a List item) into its
// typed struct and adds it to the set.
func (d *decoder) decodeObject(c docChunk, m map[string]any, n *yaml3.Node, docIndex int) {
	ref := docObjectRef(m)
	objPos := d.nodePos(c, n)
	apiVersion, avOK := m["apiVersion"].(string)
	kind, kindOK := m["kind"].(string)
	if !avOK || apiVersion == "" || !kindOK || kind == "" {
		var missing []string
		if !avOK || apiVersion == "" {
			missing = append(missing, "apiVersion")
		}
		if !kindOK || kind == "" {
			missing = append(missing, "kind")
		}
		msg := "object has no " + missing[0]
		if len(missing) == 2 {
			msg = "object has no apiVersion and no kind"
		}
		d.add(Diagnostic{
			Severity: severityOf(CodeMissingType), Code: CodeMissingType, Object: ref, Pos: objPos,
			Field:   missing[0],
			Message: msg + "; it is skipped",
			Hint:    "start the document with apiVersion (traefik.io/v1alpha1 for Traefik's kinds) and kind",
		})
		return
	}
	gv, err := schema.ParseGroupVersion(apiVersion)
	if err != nil {
		d.add(Diagnostic{
			Severity: severityOf(CodeUnknownKind), Code: CodeUnknownKind, Object: ref, Field: "apiVersion",
			Pos: d.nodePos(c, yamlMapValue(n, "apiVersion")), Message: fmt.Sprintf("invalid apiVersion %q: %v", apiVersion, err),
		})
		return
	}
	gvk := gv.WithKind(kind)
	scheme := schemeOnce()
	traefik := gv.Group == GroupName || gv.Group == DeprecatedGroupName
	if !scheme.Recognizes(gvk) || (!traefik && !setHoldsKind(gvk)) {
		if traefik && !nonHTTPKinds[kind] {
			d.unknownTraefikKind(c, n, ref, gv, kind)
			return
		}
		msg := fmt.Sprintf("%s %s is not read by irkit; skipped", apiVersion, kind)
		if traefik {
			msg = fmt.Sprintf("%s %s is a TCP or UDP kind; irkit reads HTTP routing only, so it is skipped", apiVersion, kind)
		}
		d.skip(apiVersion + "/" + kind)
		d.add(Diagnostic{
			Severity: severityOf(CodeSkippedKind), Code: CodeSkippedKind, Object: ref, Pos: objPos,
			Message: msg,
		})
		return
	}
	obj, err := scheme.New(gvk)
	if err != nil {
		d.unknownTraefikKind(c, n, ref, gv, kind)
		return
	}
	if gv.Group == DeprecatedGroupName {
		d.add(Diagnostic{
			Severity: severityOf(CodeDeprecatedGroup), Code: CodeDeprecatedGroup, Object: ref, Field: "apiVersion",
			Pos:     d.nodePos(c, yamlMapValue(n, "apiVersion")),
			Message: fmt.Sprintf("apiVersion %s is Traefik v2's API group: Traefik v3 ignores this %s", apiVersion, kind),
			Hint:    "use apiVersion: " + SchemeGroupVersion.String() + " (the fields are the same)",
		})
	}
	src := NewSource(d.file, docIndex, objPos)
	w := &schemaWalker{d: d, c: c, src: src, obj: ref, ext: &sourceExt{}}
	w.walk(m, objStructType(obj), n, "")
	w.checkDuplicates(n, "", 0)
	setSourceExt(src, w.ext)
	js, err := json.Marshal(m)
	if err == nil {
		err = json.Unmarshal(js, obj)
	}
	if err != nil {
		// The schemaWalker should have removed every value that does not fit;
		// this is a safety net.
		d.add(Diagnostic{
			Severity: severityOf(CodeWrongType), Code: CodeWrongType, Object: ref, Pos: objPos,
			Message: fmt.Sprintf("cannot decode %s: %v", kind, err),
		})
		return
	}
	if !d.set.Add(obj, src) {
		d.skip(apiVersion + "/" + kind)
	}
}

// nonHTTPKinds are Traefik's TCP and UDP kinds: real kinds that irkit does
// not read (it models HTTP routing), skipped like other kinds.
var nonHTTPKinds = map[string]bool{
	"IngressRouteTCP": true, "IngressRouteUDP": true, "MiddlewareTCP": true, "ServersTransportTCP": true,
	"IngressRouteTCPList": true, "IngressRouteUDPList": true, "MiddlewareTCPList": true, "ServersTransportTCPList": true,
}

// setHoldsKind reports whether Set has a list for a core kind.
func setHoldsKind(gvk schema.GroupVersionKind) bool {
	switch gvk.Group + "/" + gvk.Kind {
	case "/Service", "/Node", "/Secret", "/ConfigMap", "discovery.k8s.io/EndpointSlice":
		return gvk.Version == "v1"
	}
	return false
}

func (d *decoder) unknownTraefikKind(c docChunk, n *yaml3.Node, ref ObjectRef, gv schema.GroupVersion, kind string) {
	field, pos := "kind", d.nodePos(c, yamlMapValue(n, "kind"))
	msg := fmt.Sprintf("%s has no kind %s", gv, kind)
	hint := ""
	if gv.Version != Version {
		field, pos = "apiVersion", d.nodePos(c, yamlMapValue(n, "apiVersion"))
		msg = fmt.Sprintf("Traefik v3.7 serves %s/%s, not %s", gv.Group, Version, gv)
		hint = "use apiVersion: " + gv.Group + "/" + Version
	} else if s := closestKind(kind); s != "" {
		hint = "did you mean " + s + "?"
	} else {
		hint = "irkit reads " + joinKinds()
	}
	d.add(Diagnostic{
		Severity: severityOf(CodeUnknownKind), Code: CodeUnknownKind, Object: ref, Field: field, Pos: pos,
		Message: msg + "; the object is skipped", Hint: hint,
	})
}

// docObjectRef names the object of m from its kind and metadata.
func docObjectRef(m map[string]any) ObjectRef {
	var r ObjectRef
	r.Kind, _ = m["kind"].(string)
	if md, ok := m["metadata"].(map[string]any); ok {
		r.Name, _ = md["name"].(string)
		r.Namespace, _ = md["namespace"].(string)
	}
	return r
}

// lineOffsets returns the byte offset of the start of every line. The
// slice is allocated once, at its size: a file of newlines must not cost
// more than 4 bytes a byte.
func lineOffsets(data []byte) []int32 {
	lines := make([]int32, 1, bytes.Count(data, []byte("\n"))+1)
	for i, c := range data {
		if c == '\n' {
			lines = append(lines, int32(i+1))
		}
	}
	return lines
}

// offsetPos returns the position of a byte offset of the file.
func (d *decoder) offsetPos(off int) Position {
	line := sort.Search(len(d.lines), func(i int) bool { return int(d.lines[i]) > off }) - 1
	if line < 0 {
		line = 0
	}
	return Position{File: d.file, Line: line + 1, Column: off - int(d.lines[line]) + 1, Offset: off}
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}
