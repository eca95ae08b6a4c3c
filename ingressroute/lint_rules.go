package ingressroute

import (
	"net/http"
	"strings"

	"github.com/irkit/irkit/rule"
)

// The checks between routers (shadowing, overlap) reason on v3 rules
// written as a disjunction of conjunctions of matcher calls without
// negation. They answer only when they are sure: a rule outside that form,
// or a pair of matchers they cannot compare (regular expressions), makes
// them answer "no finding".

// maxTerms bounds the size of a rule's disjunctive normal form.
const maxTerms = 64

// atom is one matcher call of a conjunction.
type atom struct {
	kind rule.Kind
	args []string
}

// conj is a conjunction of matcher calls: the requests matching all.
type conj []atom

// dnf returns the rule rooted at x as a disjunction of conjunctions, and
// false when it holds a negation or grows beyond maxTerms terms.
func dnf(x rule.Expr) ([]conj, bool) {
	return dnfDepth(x, 0)
}

func dnfDepth(x rule.Expr, depth int) ([]conj, bool) {
	if depth > 200 {
		return nil, false
	}
	switch e := rule.Unparen(x).(type) {
	case *rule.Call:
		return []conj{{{kind: e.Kind, args: e.Values()}}}, true
	case *rule.BinaryExpr:
		l, ok := dnfDepth(e.X, depth+1)
		if !ok {
			return nil, false
		}
		r, ok := dnfDepth(e.Y, depth+1)
		if !ok {
			return nil, false
		}
		if e.Op == rule.Or {
			if len(l)+len(r) > maxTerms {
				return nil, false
			}
			return append(append([]conj{}, l...), r...), true
		}
		if len(l)*len(r) > maxTerms {
			return nil, false
		}
		var out []conj
		for _, a := range l {
			for _, b := range r {
				out = append(out, append(append(conj{}, a...), b...))
			}
		}
		return out, true
	}
	return nil, false
}

// covers reports whether every request matching lo matches hi.
func covers(hi, lo []conj) bool {
	for _, l := range lo {
		ok := false
		for _, h := range hi {
			if conjCovers(h, l) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// conjCovers reports whether every request matching l matches h: each
// matcher of h is implied by one of l.
func conjCovers(h, l conj) bool {
	for _, a := range h {
		if trivial(a) {
			continue
		}
		ok := false
		for _, b := range l {
			if implies(b, a) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// overlaps reports whether some request surely matches both rules.
func overlaps(a, b []conj) bool {
	for _, x := range a {
		for _, y := range b {
			if satisfiable(append(append(conj{}, x...), y...)) {
				return true
			}
		}
	}
	return false
}

// satisfiable reports whether some request surely matches every matcher of
// c: matchers on different parts of the request are independent, and those
// on the same part must be compatible.
func satisfiable(c conj) bool {
	for i, a := range c {
		for _, b := range c[i+1:] {
			if dimension(a) == dimension(b) && !compatible(a, b) {
				return false
			}
		}
	}
	return true
}

// dimension names the part of the request a matcher reads.
func dimension(a atom) string {
	switch a.kind {
	case rule.Host, rule.HostHeader, rule.HostRegexp:
		return "host"
	case rule.Path, rule.PathPrefix, rule.PathRegexp:
		return "path"
	case rule.Method:
		return "method"
	case rule.Header, rule.HeaderRegexp:
		if len(a.args) > 0 {
			return "header " + http.CanonicalHeaderKey(a.args[0])
		}
	case rule.Query, rule.QueryRegexp:
		if len(a.args) > 0 {
			return "query " + a.args[0]
		}
	case rule.ClientIP:
		return "clientip"
	}
	return "other " + a.kind.String()
}

// compatible reports whether some request surely matches both matchers,
// which read the same part of the request.
func compatible(a, b atom) bool {
	if sameAtom(a, b) {
		return true
	}
	switch {
	case a.kind == rule.Host && b.kind == rule.Host:
		return hostCovers(a, b) || hostCovers(b, a)
	case isPath(a) && isPath(b):
		return implies(a, b) || implies(b, a)
	}
	return false
}

// implies reports whether every request matching l matches h.
func implies(l, h atom) bool {
	if trivial(h) || sameAtom(l, h) {
		return true
	}
	switch h.kind {
	case rule.Host:
		return l.kind == rule.Host && hostCovers(h, l)
	case rule.PathPrefix:
		return (l.kind == rule.Path || l.kind == rule.PathPrefix) && len(l.args) == 1 && len(h.args) == 1 &&
			strings.HasPrefix(l.args[0], h.args[0])
	}
	return false
}

// trivial reports whether a matcher matches every request: Host(`*`) and
// PathPrefix(`/`).
func trivial(a atom) bool {
	if len(a.args) != 1 {
		return false
	}
	return (a.kind == rule.Host && a.args[0] == "*") || (a.kind == rule.PathPrefix && a.args[0] == "/")
}

// hostCovers reports whether Host h matches every host Host l matches. In
// v3.7
// Host(`*`) matches every host and Host(`*.example.com`) exactly one more
// label.
func hostCovers(h, l atom) bool {
	if len(h.args) != 1 || len(l.args) != 1 {
		return false
	}
	hv, lv := strings.ToLower(h.args[0]), strings.ToLower(l.args[0])
	if hv == "*" || hv == lv {
		return true
	}
	if suffix, ok := strings.CutPrefix(hv, "*."); ok && !strings.Contains(lv, "*") {
		label, found := strings.CutSuffix(lv, "."+suffix)
		return found && label != "" && !strings.Contains(label, ".")
	}
	return false
}

// sameAtom reports whether two matchers are the same call; hosts compare
// ignoring case.
func sameAtom(a, b atom) bool {
	if a.kind != b.kind || len(a.args) != len(b.args) {
		return false
	}
	for i := range a.args {
		if a.args[i] != b.args[i] && !(a.kind == rule.Host && strings.EqualFold(a.args[i], b.args[i])) {
			return false
		}
	}
	return true
}

// isPath reports whether a is Path or PathPrefix with one argument.
func isPath(a atom) bool {
	return (a.kind == rule.Path || a.kind == rule.PathPrefix) && len(a.args) == 1
}

// hostsOf returns the lower-cased values of the Host matchers of every
// conjunction, and false when a conjunction has no Host matcher (the rule
// may match any host).
func hostsOf(d []conj) ([]string, bool) {
	var out []string
	for _, c := range d {
		found := false
		for _, a := range c {
			if a.kind == rule.Host && len(a.args) == 1 && !strings.Contains(a.args[0], "*") {
				out = append(out, strings.ToLower(a.args[0]))
				found = true
			}
		}
		if !found {
			return nil, false
		}
	}
	return out, true
}
