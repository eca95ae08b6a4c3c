package ingressroute

import (
	"sort"
	"strconv"
	"strings"

	"github.com/irkit/irkit/rule"
)

// candidatePairs calls visit with the pairs of routers the checks of
// IR6002 and IR6003 must compare: those whose rules the checks reason on,
// not marked in skip, and that may meet on a host and a path. Other pairs
// cannot yield a finding, so that the cost follows the number of related
// routers, not its square. visit may see a pair more than once, in either
// order, but never a router with itself.
func candidatePairs(rs []lintRouter, skip []bool, visit func(i, j int)) {
	byHost := map[string][]int{}
	var anyHost []int
	for i, r := range rs {
		if r.dnf == nil || skip[i] {
			continue
		}
		hosts, ok := hostsOf(r.dnf)
		if !ok {
			anyHost = append(anyHost, i)
			continue
		}
		for _, h := range uniqueSorted(sortedStrings(hosts)) {
			byHost[h] = append(byHost[h], i)
		}
	}
	emit := func(i, j int) {
		if i != j {
			visit(i, j)
		}
	}
	pathPairs(rs, anyHost, nil, emit)
	for _, h := range sortedKeys(byHost) {
		pathPairs(rs, byHost[h], anyHost, emit)
	}
}

// pathPairs adds the pairs of routers of group, and of group and others,
// whose paths may meet: one has no path matcher, or a path value of one
// starts with a path value of the other.
func pathPairs(rs []lintRouter, group, others []int, visit func(i, j int)) {
	members := append(append([]int{}, group...), others...)
	emit := func(a, b int) {
		if a >= len(group) && b >= len(group) {
			return
		}
		visit(members[a], members[b])
	}
	type entry struct {
		v string
		m int
	}
	var entries []entry
	for m, i := range members {
		vals, ok := pathsOf(rs[i].dnf)
		if !ok {
			for m2 := range members {
				emit(m, m2)
			}
			continue
		}
		for _, v := range vals {
			entries = append(entries, entry{v: v, m: m})
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].v < entries[j].v })
	for _, e := range entries {
		start := sort.Search(len(entries), func(k int) bool { return entries[k].v >= e.v })
		for k := start; k < len(entries) && strings.HasPrefix(entries[k].v, e.v); k++ {
			emit(e.m, entries[k].m)
		}
	}
}

// pathsOf returns the values of the Path and PathPrefix matchers of every
// conjunction, and false when a conjunction has none (it may match any
// path).
func pathsOf(d []conj) ([]string, bool) {
	var out []string
	for _, c := range d {
		found := false
		for _, a := range c {
			if isPath(a) {
				out = append(out, a.args[0])
				found = true
			}
		}
		if !found {
			return nil, false
		}
	}
	return out, true
}

// treeKey returns a text that is the same for two trees exactly when
// rule.Equal holds: parentheses dropped, matcher kinds, argument values.
func treeKey(x rule.Expr) string {
	var b strings.Builder
	var walk func(x rule.Expr, depth int)
	walk = func(x rule.Expr, depth int) {
		if depth > 1000 {
			b.WriteString("…")
			return
		}
		switch e := rule.Unparen(x).(type) {
		case *rule.BinaryExpr:
			b.WriteByte('(')
			walk(e.X, depth+1)
			b.WriteString(e.Op.String())
			walk(e.Y, depth+1)
			b.WriteByte(')')
		case *rule.NotExpr:
			b.WriteByte('!')
			walk(e.X, depth+1)
		case *rule.Call:
			b.WriteString(e.Kind.String())
			b.WriteByte('(')
			for i, a := range e.Args {
				if i > 0 {
					b.WriteByte(',')
				}
				b.WriteString(strconv.Quote(a.Value))
			}
			b.WriteByte(')')
		}
	}
	walk(x, 0)
	return b.String()
}

// sharedEntryPoint returns an entry point both routers serve on, the
// first by name, and whether there is one. a and b are sorted; nil means
// every entry point ("*" stands for it when both are nil).
func sharedEntryPoint(a, b []string) (string, bool) {
	switch {
	case a == nil && b == nil:
		return "*", true
	case a == nil:
		return firstOf(b)
	case b == nil:
		return firstOf(a)
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return a[i], true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return "", false
}

// firstOf returns the first element of a sorted list.
func firstOf(s []string) (string, bool) {
	if len(s) == 0 {
		return "", false
	}
	return s[0], true
}

// sortedStrings returns a sorted copy of s, nil for nil.
func sortedStrings(s []string) []string {
	if s == nil {
		return nil
	}
	out := append([]string{}, s...)
	sort.Strings(out)
	return out
}
