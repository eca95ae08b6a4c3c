package ingressroute

import (
	"encoding/json"
	"fmt"
	"k8s.io/apimachinery/pkg/util/intstr"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/irkit/irkit/internal/suggest"
	yaml3 "go.yaml.in/yaml/v3"
	"k8s.io/apimachinery/pkg/runtime"
)

// schemaWalker checks a document's JSON value against the Go type it decodes
// into, with the YAML nodes alongside for positions. It records the
// position of every field, reports unknown fields, duplicate keys and
// values of the wrong type, and removes them from the value so that the
// typed decoding that follows succeeds with the rest.
type schemaWalker struct {
	d   *decoder
	c   docChunk
	src *Source
	ext *sourceExt
	obj ObjectRef
	// dups remembers the mapping nodes already checked for duplicate keys
	// (a node reached through several aliases is reported once).
	dups map[*yaml3.Node]bool
}

var jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// objStructType returns the struct type behind a runtime.Object pointer.
func objStructType(obj runtime.Object) reflect.Type {
	t := reflect.TypeOf(obj)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func (w *schemaWalker) pos(n *yaml3.Node) Position { return w.d.nodePos(w.c, n) }

func (w *schemaWalker) report(code, path string, pos Position, hint, format string, args ...any) {
	if !pos.IsValid() {
		pos = w.src.Lookup(parentPath(path)) // no node: the nearest known ancestor
	}
	w.d.add(Diagnostic{
		Severity: severityOf(code), Code: code, Object: w.obj, Field: path, Pos: pos,
		Message: fmt.Sprintf(format, args...), Hint: hint,
	})
}

// walk checks v against t. n is v's node (nil when unknown) and path its
// field path. It returns false when v itself does not fit t; the caller
// then removes it.
func (w *schemaWalker) walk(v any, t reflect.Type, n *yaml3.Node, path string) bool {
	n = yamlResolve(n)
	if path != "" && n != nil {
		w.src.Set(path, w.pos(n))
		if s, ok := v.(string); ok && n.Kind == yaml3.ScalarNode {
			w.ext.addScalar(path, w.d, w.c, n, s)
		}
	}
	if v == nil {
		return true // null leaves any field at its zero value
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(jsonUnmarshalerType) {
		return w.walkUnmarshaler(v, t, n, path)
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return w.wrongType(v, t, n, path)
		}
		w.walkStruct(m, t, n, path)
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			return w.wrongType(v, t, n, path)
		}
		mapChild := func(k string) string { return path + "[" + k + "]" }
		es := w.yamlEntries(n, mapChild)
		for _, k := range sortedMapKeys(m) {
			e := es[k]
			child := mapChild(k)
			if e.key != nil {
				w.ext.setKey(child, w.pos(e.key))
			}
			if !w.walk(m[k], t.Elem(), e.value, child) {
				delete(m, k)
			}
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 {
			return w.walkUnmarshaler(v, t, n, path) // []byte: base64 text
		}
		l, ok := v.([]any)
		if !ok {
			return w.wrongType(v, t, n, path)
		}
		for i, item := range l {
			var in *yaml3.Node
			if n != nil && n.Kind == yaml3.SequenceNode && i < len(n.Content) {
				in = n.Content[i]
			}
			if !w.walk(item, t.Elem(), in, path+"["+strconv.Itoa(i)+"]") {
				l[i] = nil
			}
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			return w.wrongType(v, t, n, path)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			return w.wrongType(v, t, n, path)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		num, ok := v.(json.Number)
		if !ok {
			return w.wrongType(v, t, n, path)
		}
		if _, err := strconv.ParseInt(string(num), 10, t.Bits()); err != nil {
			return w.badNumber(num, t, n, path, err)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		num, ok := v.(json.Number)
		if !ok {
			return w.wrongType(v, t, n, path)
		}
		if _, err := strconv.ParseUint(string(num), 10, t.Bits()); err != nil {
			return w.badNumber(num, t, n, path, err)
		}
	case reflect.Float32, reflect.Float64:
		if _, ok := v.(json.Number); !ok {
			return w.wrongType(v, t, n, path)
		}
	case reflect.Interface:
		// Any value fits.
	default:
		return w.walkUnmarshaler(v, t, n, path)
	}
	return true
}

// walkStruct checks the fields of a mapping decoded into struct type t.
func (w *schemaWalker) walkStruct(m map[string]any, t reflect.Type, n *yaml3.Node, path string) {
	info := jsonFieldsOf(t)
	structChild := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	es := w.yamlEntries(n, structChild)
	for _, k := range sortedMapKeys(m) {
		e := es[k]
		child := structChild(k)
		keyPos := w.pos(e.key)
		if e.key == nil {
			keyPos = w.pos(n)
		}
		w.ext.setKey(child, keyPos)
		ft, ok := info.byName[k]
		if !ok {
			hint := ""
			if s := suggest.Closest(k, info.names); s != "" {
				hint = fmt.Sprintf("did you mean %s?", s)
			} else if len(info.names) <= 12 {
				hint = "known fields: " + strings.Join(info.names, ", ")
			}
			where := path
			if where == "" {
				where = "the object"
			}
			w.report(CodeUnknownField, child, keyPos, hint, "unknown field %q in %s", k, where)
			delete(m, k)
			continue
		}
		if !w.walk(m[k], ft, e.value, child) {
			delete(m, k)
		}
	}
}

// yamlEntries indexes mapping node n, reporting duplicate keys; child
// gives the field path of a key.
func (w *schemaWalker) yamlEntries(n *yaml3.Node, child func(key string) string) map[string]yamlEntry {
	n = yamlResolve(n)
	if n == nil {
		return nil
	}
	if w.dups == nil {
		w.dups = map[*yaml3.Node]bool{}
	}
	var dup func(first, again *yaml3.Node)
	if !w.dups[n] {
		w.dups[n] = true
		dup = func(first, again *yaml3.Node) {
			w.d.add(Diagnostic{
				Severity: severityOf(CodeDuplicateKey), Code: CodeDuplicateKey, Object: w.obj,
				Field: child(yamlKeyText(again)), Pos: w.pos(again),
				Message: fmt.Sprintf("key %q is defined twice in the same mapping; the last value is used", again.Value),
				Hint:    "remove one of the two, or merge them",
				Related: []Related{{Pos: w.pos(first), Message: "first defined here"}},
			})
		}
	}
	return yamlEntries(n, dup)
}

// walkUnmarshaler checks a value of a type that decodes itself
// (IntOrString, Quantity, Time, raw JSON...) by decoding it.
func (w *schemaWalker) walkUnmarshaler(v any, t reflect.Type, n *yaml3.Node, path string) bool {
	b, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(b, reflect.New(t).Interface())
	}
	if err == nil {
		return true
	}
	if t == intOrStringType {
		if _, isNumber := v.(json.Number); isNumber {
			hint := "write a number of seconds, or a duration with its unit such as \"30s\""
			if name := lastFieldName(path); name == "port" || name == "targetPort" {
				hint = "a port is a number from 1 to 65535, or a port name"
			}
			w.report(CodeWrongType, path, w.pos(n), hint,
				"%s: %s is not a 32-bit integer", lastFieldName(path), n.Value)
			return false
		}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	w.report(CodeWrongType, path, w.pos(n), "", "invalid value for %s: %s", lastFieldName(path), msg)
	return false
}

// intOrStringType is the type of ports and some durations: a number (a
// 32-bit integer) or a string.
var intOrStringType = reflect.TypeFor[intstr.IntOrString]()

// wrongType reports a value whose JSON type does not fit t.
func (w *schemaWalker) wrongType(v any, t reflect.Type, n *yaml3.Node, path string) bool {
	want := goTypeWant(t)
	hint := ""
	field := lastFieldName(path)
	switch s := v.(type) {
	case string:
		if isNumberKind(t.Kind()) {
			if _, err := strconv.ParseFloat(s, 64); err == nil {
				hint = fmt.Sprintf("write the number without quotes: %s: %s", field, s)
			}
		}
		if t.Kind() == reflect.Bool && (s == "true" || s == "false") {
			hint = fmt.Sprintf("write the boolean without quotes: %s: %s", field, s)
		}
	case json.Number, bool:
		if t.Kind() == reflect.String {
			raw := fmt.Sprint(s)
			if n != nil && n.Kind == yaml3.ScalarNode {
				raw = n.Value
			}
			hint = fmt.Sprintf("quote the value to make it a string: %s: %q", field, raw)
		}
	}
	got := decDescribe(v)
	if _, isNum := v.(json.Number); isNum && n != nil && n.Kind == yaml3.ScalarNode {
		got = fmt.Sprintf("a number (%s)", n.Value)
	}
	w.report(CodeWrongType, path, w.pos(n), hint, "%s must be %s, not %s", decDisplayPath(path), want, got)
	return false
}

func (w *schemaWalker) badNumber(num json.Number, t reflect.Type, n *yaml3.Node, path string, err error) bool {
	reason := "not an integer"
	if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
		reason = fmt.Sprintf("out of range for a %d-bit integer", t.Bits())
	}
	w.report(CodeWrongType, path, w.pos(n), "", "%s must be %s, not %s (%s)", decDisplayPath(path), goTypeWant(t), num, reason)
	return false
}

func decDisplayPath(path string) string {
	if path == "" {
		return "the document"
	}
	return path
}

// lastFieldName returns the last element of a field path, as written in
// YAML: "port" for "spec.routes[0].services[0].port", "app" for
// "metadata.labels[app]".
func lastFieldName(path string) string {
	p := path
	for strings.HasSuffix(p, "]") {
		i := strings.LastIndexByte(p, '[')
		if i < 0 {
			break
		}
		if _, err := strconv.Atoi(p[i+1 : len(p)-1]); err != nil {
			return p[i+1 : len(p)-1]
		}
		p = p[:i]
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		p = p[i+1:]
	}
	return p
}

func isNumberKind(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// goTypeWant names what a Go type expects, for messages.
func goTypeWant(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "a mapping"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean (true or false)"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	if isNumberKind(t.Kind()) {
		return "an integer"
	}
	return t.String()
}

func sortedMapKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// jsonStructInfo lists the JSON fields of a struct type, embedded structs
// flattened as encoding/json does.
type jsonStructInfo struct {
	byName map[string]reflect.Type
	names  []string // sorted
}

var jsonStructCache sync.Map // reflect.Type -> *jsonStructInfo

func jsonFieldsOf(t reflect.Type) *jsonStructInfo {
	if v, ok := jsonStructCache.Load(t); ok {
		return v.(*jsonStructInfo)
	}
	info := &jsonStructInfo{byName: map[string]reflect.Type{}}
	addJSONFields(info, t, 0)
	for name := range info.byName {
		info.names = append(info.names, name)
	}
	sort.Strings(info.names)
	jsonStructCache.Store(t, info)
	return info
}

func addJSONFields(info *jsonStructInfo, t reflect.Type, depth int) {
	if depth > 10 {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			et := ft
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				addJSONFields(info, et, depth+1)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, ok := info.byName[name]; !ok || depth == 0 {
			info.byName[name] = ft
		}
	}
}

// closestKind returns the Traefik kind nearest to a misspelled one.
func closestKind(kind string) string {
	return suggest.Closest(kind, kinds)
}

func joinKinds() string { return strings.Join(kinds, ", ") }

// checkDuplicates reports duplicate keys in the mappings the typed walk did
// not index (values decoded as raw JSON, such as a Middleware's spec). Field
// paths there are syntactic: ".key" for a key made of letters, digits and
// underscores, "[key]" otherwise.
func (w *schemaWalker) checkDuplicates(n *yaml3.Node, path string, depth int) {
	n = yamlResolve(n)
	if n == nil || depth > MaxDepth {
		return
	}
	switch n.Kind {
	case yaml3.MappingNode:
		child := func(k string) string {
			if isIdentifier(k) {
				if path == "" {
					return k
				}
				return path + "." + k
			}
			return path + "[" + k + "]"
		}
		if !w.dups[n] {
			w.yamlEntries(n, child)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			w.checkDuplicates(n.Content[i+1], child(yamlKeyText(n.Content[i])), depth+1)
		}
	case yaml3.SequenceNode:
		for i, c := range n.Content {
			w.checkDuplicates(c, path+"["+strconv.Itoa(i)+"]", depth+1)
		}
	}
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if c != '_' && !('a' <= c && c <= 'z') && !('A' <= c && c <= 'Z') && !(i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
