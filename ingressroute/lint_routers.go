package ingressroute

import (
	"fmt"

	"github.com/irkit/irkit/rule"
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
}

// lintRouters reports, for pairs of routers on a shared entry point that
// both serve TLS or both serve plain HTTP (Traefik routes them apart), the
// same rule in two routes (IR6001), a route shadowed by a higher-priority
// one (IR6002) and overlapping routes of equal priority (IR6003).
func lintRouters(refs []routerRef, t *Table) Diagnostics {
	var rs []lintRouter
	for _, rr := range refs {
		// Child routers (parentRefs) are reached through their parents,
		// not from an entry point's router list.
		if rr.tree == nil || len(rr.r.ParentRefs) > 0 {
			continue
		}
		lr := lintRouter{routerRef: rr, eps: sortedStrings(rr.entryPoints(t)), tls: rr.r.TLS != nil, key: treeKey(rr.tree)}
		if rr.r.Syntax != "v2" {
			if d, ok := dnf(rr.tree); ok {
				lr.dnf = d
			}
		}
		rs = append(rs, lr)
	}
	var ds Diagnostics
	for _, p := range candidatePairs(rs) {
		a, b := &rs[p[0]], &rs[p[1]]
		if a.tls != b.tls {
			continue
		}
		ep, ok := sharedEntryPoint(a.eps, b.eps)
		if !ok {
			continue
		}
		if d, ok := pairDiagnostic(a, b, ep); ok {
			ds = append(ds, d)
		}
	}
	return ds
}

// pairDiagnostic returns the finding, if any, about two routers sharing
// entry point ep.
func pairDiagnostic(a, b *lintRouter, ep string) (Diagnostic, bool) {
	ordered := func() (*lintRouter, *lintRouter) {
		if laterThan(a, b) {
			return b, a
		}
		return a, b
	}
	where := "entry point " + ep
	if ep == "*" {
		where = "every entry point"
	}
	if rule.Equal(a.tree, b.tree) {
		if a.r.Priority == b.r.Priority {
			first, second := ordered()
			return relate(second.diag(CodeSameRule, second.matchField(), second.matchPos(0),
				fmt.Sprintf("same rule and priority %d as router %s on %s: which of the two serves is undefined and may change on every reload", a.r.Priority, first.r.Name, where),
				"remove one of the routes, or make their rules or priorities differ"), first), true
		}
		hi, lo := a, b
		if lo.r.Priority > hi.r.Priority {
			hi, lo = lo, hi
		}
		return relate(lo.diag(CodeSameRule, lo.matchField(), lo.matchPos(0),
			fmt.Sprintf("same rule as router %s on %s, which has the higher priority (%d > %d): this route never serves", hi.r.Name, where, hi.r.Priority, lo.r.Priority),
			"remove this route, or change its rule"), hi), true
	}
	if a.dnf == nil || b.dnf == nil {
		return Diagnostic{}, false
	}
	if a.r.Priority == b.r.Priority {
		if !overlaps(a.dnf, b.dnf) {
			return Diagnostic{}, false
		}
		first, second := ordered()
		return relate(second.diag(CodeOverlap, second.matchField(), second.matchPos(0),
			fmt.Sprintf("overlaps router %s on %s with the same priority %d: requests matching both are served by either, in an order Traefik does not define", first.r.Name, where, a.r.Priority),
			"set explicit, different priorities on the two routes"), first), true
	}
	hi, lo := a, b
	if lo.r.Priority > hi.r.Priority {
		hi, lo = lo, hi
	}
	if !covers(hi.dnf, lo.dnf) {
		return Diagnostic{}, false
	}
	return relate(lo.diag(CodeShadowed, lo.matchField(), lo.matchPos(0),
		fmt.Sprintf("shadowed by router %s on %s: it has a higher priority (%d > %d) and matches every request this route matches, so this route never serves", hi.r.Name, where, hi.r.Priority, lo.r.Priority),
		fmt.Sprintf("give this route a priority above %d, or narrow the other route's rule", hi.r.Priority)), hi), true
}

// relate adds the other router's position to d.
func relate(d Diagnostic, other *lintRouter) Diagnostic {
	d.Related = append(d.Related, Related{Pos: other.matchPos(0), Message: "router " + other.r.Name})
	return d
}

// laterThan reports whether a's match is written after b's (by file and
// position, then router name).
func laterThan(a, b *lintRouter) bool {
	pa, pb := a.src.Lookup(a.matchField()), b.src.Lookup(b.matchField())
	if pa.Before(pb) {
		return false
	}
	if pb.Before(pa) {
		return true
	}
	return a.r.Name > b.r.Name
}
