package ingressroute

import (
	"fmt"
	"sort"
)

// lintRouter is a router as the checks between routers see it.
type lintRouter struct {
	routerRef
	eps []string // nil: every entry point
	tls bool
	// key is the same for two rules exactly when rule.Equal holds.
	key string
	// dnf is the rule in disjunctive normal form; nil when the checks
	// cannot reason on it (v2 syntax, negation, too large).
	dnf []conj
	pos Position // of the match, for ordering
}

// lintRouters reports, between routers on a shared entry point that both
// serve TLS or both serve plain HTTP (Traefik routes them apart), the same
// rule in two routes (IR6001), a route shadowed by a higher-priority one
// (IR6002) and overlapping routes of equal priority (IR6003).
//
// Each router is reported at most once per code, against one other router
// (the first written, or for IR6001 the one that serves), so that the
// output grows with the number of routers, not with its square.
func lintRouters(refs []routerRef, t *Table) Diagnostics {
	var rs []lintRouter
	for _, rr := range refs {
		// Child routers (parentRefs) are reached through their parents,
		// not from an entry point's router list.
		if rr.tree == nil || len(rr.r.ParentRefs) > 0 {
			continue
		}
		lr := lintRouter{routerRef: rr, eps: sortedStrings(rr.entryPoints(t)), tls: rr.r.TLS != nil, key: treeKey(rr.tree),
			pos: rr.src.Lookup(rr.matchField())}
		if rr.r.Syntax != "v2" {
			if d, ok := dnf(rr.tree); ok {
				lr.dnf = d
			}
		}
		rs = append(rs, lr)
	}
	// From here on, a lower index is a match written earlier.
	sort.SliceStable(rs, func(i, j int) bool { return earlierThan(&rs[i], &rs[j]) })
	ds, dup := lintSameRules(rs)
	return append(ds, lintRelations(rs, dup)...)
}

// lintSameRules reports IR6001 and returns which routers it reported.
// Routers with the same rule and TLS mode form a group, ordered by
// priority (highest first), then by position: each router is reported once,
// against the first of the group before it with which it shares an entry
// point (the one that serves, or with which it competes).
func lintSameRules(rs []lintRouter) (Diagnostics, []bool) {
	type groupKey struct {
		tls bool
		key string
	}
	groups := map[groupKey][]int{}
	for i := range rs {
		k := groupKey{tls: rs[i].tls, key: rs[i].key}
		groups[k] = append(groups[k], i)
	}
	dup := make([]bool, len(rs))
	var ds Diagnostics
	for _, idx := range groups {
		if len(idx) < 2 {
			continue
		}
		sort.SliceStable(idx, func(x, y int) bool { return rs[idx[x]].r.Priority > rs[idx[y]].r.Priority })
		// The first router of the group (by its place x in idx) on each
		// entry point, on every entry point, and at all.
		firstOn := map[string]int{}
		firstAll, firstAny := -1, -1
		for x, i := range idx {
			b := &rs[i]
			a := firstAny
			if b.eps != nil {
				a = firstAll
				for _, e := range b.eps {
					if y, ok := firstOn[e]; ok && (a < 0 || y < a) {
						a = y
					}
				}
			}
			if a >= 0 {
				first := &rs[idx[a]]
				if ep, ok := sharedEntryPoint(first.eps, b.eps); ok {
					ds = append(ds, sameRuleDiag(first, b, ep))
					dup[i] = true
				}
			}
			if firstAny < 0 {
				firstAny = x
			}
			if b.eps == nil && firstAll < 0 {
				firstAll = x
			}
			for _, e := range b.eps {
				if _, ok := firstOn[e]; !ok {
					firstOn[e] = x
				}
			}
		}
	}
	return ds, dup
}

// lintRelations reports IR6002 and IR6003 between routers the checks
// reason on, skipping those skip marks (already reported as a copy of
// another rule). A router is reported once per code, against the first
// router (by position) that shadows or overlaps it.
func lintRelations(rs []lintRouter, skip []bool) Diagnostics {
	type other struct {
		i  int // -1: none
		ep string
	}
	shadowedBy := make([]other, len(rs))
	overlapsWith := make([]other, len(rs))
	for i := range rs {
		shadowedBy[i].i, overlapsWith[i].i = -1, -1
	}
	better := func(o other, i int) bool { return o.i < 0 || i < o.i }
	candidatePairs(rs, skip, func(i, j int) {
		if i > j {
			i, j = j, i
		}
		a, b := &rs[i], &rs[j]
		if a.tls != b.tls || a.key == b.key || a.dnf == nil || b.dnf == nil {
			return
		}
		ep, ok := sharedEntryPoint(a.eps, b.eps)
		if !ok {
			return
		}
		if a.r.Priority == b.r.Priority {
			// i < j: b is written later, reported against a.
			if better(overlapsWith[j], i) && overlaps(a.dnf, b.dnf) {
				overlapsWith[j] = other{i: i, ep: ep}
			}
			return
		}
		hi, lo := i, j
		if rs[lo].r.Priority > rs[hi].r.Priority {
			hi, lo = lo, hi
		}
		if better(shadowedBy[lo], hi) && covers(rs[hi].dnf, rs[lo].dnf) {
			shadowedBy[lo] = other{i: hi, ep: ep}
		}
	})
	var ds Diagnostics
	for i := range rs {
		if o := overlapsWith[i]; o.i >= 0 {
			ds = append(ds, overlapDiag(&rs[o.i], &rs[i], o.ep))
		}
		if o := shadowedBy[i]; o.i >= 0 {
			ds = append(ds, shadowDiag(&rs[o.i], &rs[i], o.ep))
		}
	}
	return ds
}

// where names entry point ep in a message.
func where(ep string) string {
	if ep == "*" {
		return "every entry point"
	}
	return "entry point " + ep
}

// sameRuleDiag reports b, whose rule is first's, on entry point ep; first
// has the same or a higher priority.
func sameRuleDiag(first, b *lintRouter, ep string) Diagnostic {
	if first.r.Priority == b.r.Priority {
		return relate(b.diag(CodeSameRule, b.matchField(), b.matchPos(0),
			fmt.Sprintf("same rule and priority %d as router %s on %s: which of the two serves is undefined and may change on every reload", b.r.Priority, first.r.Name, where(ep)),
			"remove one of the routes, or make their rules or priorities differ"), first)
	}
	return relate(b.diag(CodeSameRule, b.matchField(), b.matchPos(0),
		fmt.Sprintf("same rule as router %s on %s, which has the higher priority (%d > %d): this route never serves", first.r.Name, where(ep), first.r.Priority, b.r.Priority),
		"remove this route, or change its rule"), first)
}

// overlapDiag reports b, written after first with the same priority,
// whose rule overlaps first's on entry point ep.
func overlapDiag(first, b *lintRouter, ep string) Diagnostic {
	return relate(b.diag(CodeOverlap, b.matchField(), b.matchPos(0),
		fmt.Sprintf("overlaps router %s on %s with the same priority %d: requests matching both are served by either, in an order Traefik does not define", first.r.Name, where(ep), b.r.Priority),
		"set explicit, different priorities on the two routes"), first)
}

// shadowDiag reports lo, shadowed by the higher-priority hi on entry
// point ep.
func shadowDiag(hi, lo *lintRouter, ep string) Diagnostic {
	return relate(lo.diag(CodeShadowed, lo.matchField(), lo.matchPos(0),
		fmt.Sprintf("shadowed by router %s on %s: it has a higher priority (%d > %d) and matches every request this route matches, so this route never serves", hi.r.Name, where(ep), hi.r.Priority, lo.r.Priority),
		fmt.Sprintf("give this route a priority above %d, or narrow the other route's rule", hi.r.Priority)), hi)
}

// relate adds the other router's position to d.
func relate(d Diagnostic, other *lintRouter) Diagnostic {
	d.Related = append(d.Related, Related{Pos: other.matchPos(0), Message: "router " + other.r.Name})
	return d
}

// earlierThan reports whether a's match is written before b's (by file and
// position, then router name).
func earlierThan(a, b *lintRouter) bool {
	if a.pos.Before(b.pos) {
		return true
	}
	if b.pos.Before(a.pos) {
		return false
	}
	return a.r.Name < b.r.Name
}
