package ingressroute

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Suppression annotations, read on any object of the input.
//
// AnnotationIgnore lists the codes to silence on its object, separated by
// commas or spaces, optionally followed by "#" and the reason:
//
//	irkit.io/ignore: "IR6001, IR6003 # v1 and v2 serve together until June"
//
// An entry is a code ("IR6001"), a family ("IR6xxx" or "IR6*") or "all".
// The reason may also be given in AnnotationIgnoreReason; with both, the
// text after "#" wins. A suppressed diagnostic stays in the result with
// Suppressed set, and a Related entry pointing at the annotation gives the
// reason.
const (
	AnnotationIgnore       = "irkit.io/ignore"
	AnnotationIgnoreReason = "irkit.io/ignore-reason"
)

var (
	ignoreCodePattern   = regexp.MustCompile(`^IR[0-9]{4}$`)
	ignoreFamilyPattern = regexp.MustCompile(`^IR[0-9](xxx|\*)$`)
)

// ignoreList is a parsed list of codes to silence.
type ignoreList struct {
	entries []string
	reason  string
	pos     Position // where the annotation is; zero for global lists
}

// parseIgnore splits an ignore list and its "# reason".
func parseIgnore(s string) ignoreList {
	var l ignoreList
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s, l.reason = s[:i], strings.TrimSpace(s[i+1:])
	}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == ';' }) {
		l.entries = append(l.entries, normalizeEntry(f))
	}
	return l
}

// normalizeEntry upper-cases a code and lower-cases "all" and the family
// suffix: "ir6XXX" -> "IR6xxx".
func normalizeEntry(e string) string {
	if strings.EqualFold(e, "all") || e == "*" {
		return "all"
	}
	e = strings.ToUpper(e)
	if strings.HasSuffix(e, "XXX") {
		e = strings.TrimSuffix(e, "XXX") + "xxx"
	}
	return e
}

// entryMatches reports whether an entry silences code.
func entryMatches(entry, code string) bool {
	switch {
	case entry == "all":
		return true
	case ignoreFamilyPattern.MatchString(entry):
		return strings.HasPrefix(code, entry[:3])
	}
	return entry == code
}

// knownEntry reports whether an entry is "all", a family or a registered code.
func knownEntry(entry string) bool {
	if entry == "all" || ignoreFamilyPattern.MatchString(entry) {
		return true
	}
	_, ok := LookupCode(entry)
	return ok && ignoreCodePattern.MatchString(entry)
}

// match returns the first entry of l that silences code.
func (l ignoreList) match(code string) (string, bool) {
	for _, e := range l.entries {
		if entryMatches(e, code) {
			return e, true
		}
	}
	return "", false
}

// Suppress marks as Suppressed the diagnostics that an irkit.io/ignore
// annotation on their object, or the disabled codes (entries as in the
// annotation: codes, families, "all"), silence. It also reports the
// annotations' unknown codes (IR6901) and the codes that silence nothing
// (IR6902); these are subject to suppression too. Nothing is removed; the
// result is sorted.
func Suppress(set *Set, ds Diagnostics, disable []string) Diagnostics {
	global := ignoreList{}
	for _, d := range disable {
		global.entries = append(global.entries, parseIgnore(d).entries...)
	}
	lists := objectIgnores(set)

	out := append(Diagnostics(nil), ds...)
	used := map[ObjectRef]map[string]bool{}
	for i := range out {
		l, ok := lists[out[i].Object]
		if !ok {
			continue
		}
		if e, ok := l.match(out[i].Code); ok {
			if used[out[i].Object] == nil {
				used[out[i].Object] = map[string]bool{}
			}
			used[out[i].Object][e] = true
		}
	}
	out = append(out, ignoreFindings(lists, used)...)

	for i := range out {
		d := &out[i]
		if l, ok := lists[d.Object]; ok {
			if _, ok := l.match(d.Code); ok && d.Code != CodeIgnoreUnknown {
				d.Suppressed = true
				msg := "suppressed by " + AnnotationIgnore
				if l.reason != "" {
					msg += ": " + l.reason
				}
				d.Related = append(d.Related, Related{Pos: l.pos, Message: msg})
				continue
			}
		}
		if _, ok := global.match(d.Code); ok {
			d.Suppressed = true
		}
	}
	out.Sort()
	return out
}

// objectIgnores reads the ignore annotations of every object of set.
func objectIgnores(set *Set) map[ObjectRef]ignoreList {
	lists := map[ObjectRef]ignoreList{}
	if set == nil {
		return lists
	}
	for _, obj := range set.Objects() {
		m, ok := obj.(metav1.ObjectMetaAccessor)
		if !ok {
			continue
		}
		ann := m.GetObjectMeta().GetAnnotations()
		v, ok := ann[AnnotationIgnore]
		if !ok {
			continue
		}
		l := parseIgnore(v)
		if l.reason == "" {
			l.reason = strings.TrimSpace(ann[AnnotationIgnoreReason])
		}
		l.pos = set.Source(obj).Lookup("metadata.annotations[" + AnnotationIgnore + "]")
		ref := objectRef(obj)
		if prev, ok := lists[ref]; ok {
			l.entries = append(prev.entries, l.entries...)
		}
		lists[ref] = l
	}
	return lists
}

// ignoreFindings reports unknown entries (IR6901) and entries that
// silenced nothing (IR6902) in the annotations.
func ignoreFindings(lists map[ObjectRef]ignoreList, used map[ObjectRef]map[string]bool) Diagnostics {
	refs := make([]ObjectRef, 0, len(lists))
	for ref := range lists {
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].String() < refs[j].String() })
	field := "metadata.annotations[" + AnnotationIgnore + "]"
	var ds Diagnostics
	for _, ref := range refs {
		l := lists[ref]
		for _, e := range l.entries {
			switch {
			case !knownEntry(e):
				ds = append(ds, Diagnostic{Severity: severityOf(CodeIgnoreUnknown), Code: CodeIgnoreUnknown, Object: ref, Field: field, Pos: l.pos,
					Message: fmt.Sprintf("%s lists %q, which is no diagnostic code", AnnotationIgnore, e),
					Hint:    "write codes such as IR6001, families such as IR6xxx, or all; irkit explain lists the codes"})
			case !used[ref][e] && !entryMatches(e, CodeIgnoreUnused):
				ds = append(ds, Diagnostic{Severity: severityOf(CodeIgnoreUnused), Code: CodeIgnoreUnused, Object: ref, Field: field, Pos: l.pos,
					Message: fmt.Sprintf("%s lists %s, but no such diagnostic is reported on this object", AnnotationIgnore, e),
					Hint:    "remove it from the annotation"})
			}
		}
	}
	return ds
}
