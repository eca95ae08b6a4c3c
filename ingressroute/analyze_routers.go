package ingressroute

import (
	"fmt"
	"sort"
	"strings"

	"github.com/irkit/irkit/rule"
)

// routerRef ties a router of the table to the IngressRoute route it was
// built from, for the checks that need both.
type routerRef struct {
	r     *Router
	ir    *IngressRoute
	route int    // index in ir.Spec.Routes
	field string // "spec.routes[i]"
	src   *Source
	// tree is the rule's syntax tree; nil when it does not parse.
	tree rule.Expr
}

// routerRefs returns the table's routers built from IngressRoutes of set,
// sorted by router name. A router whose IngressRoute is not in set is left
// out.
func routerRefs(set *Set, t *Table) []routerRef {
	if set == nil || t == nil {
		return nil
	}
	irs := map[nsName]*IngressRoute{}
	for _, ir := range set.IngressRoutes {
		irs[nsName{ir.Namespace, ir.Name}] = ir
	}
	var out []routerRef
	for _, r := range t.Routers {
		if r == nil || r.Origin.Object.Kind != "IngressRoute" {
			continue
		}
		ir := irs[nsName{r.Origin.Object.Namespace, r.Origin.Object.Name}]
		if ir == nil {
			continue
		}
		var i int
		if _, err := fmt.Sscanf(r.Origin.Field, "spec.routes[%d]", &i); err != nil || i < 0 || i >= len(ir.Spec.Routes) {
			continue
		}
		ref := routerRef{r: r, ir: ir, route: i, field: r.Origin.Field, src: set.Source(ir)}
		if x, err := rule.ParseTree(r.Rule); err == nil {
			ref.tree = x
		}
		out = append(out, ref)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].r.Name < out[j].r.Name })
	return out
}

// matchField returns the field path of the router's match.
func (rr routerRef) matchField() string { return rr.field + ".match" }

// matchPos returns the position of byte offset of the router's match.
func (rr routerRef) matchPos(offset int) Position {
	return rr.src.ValuePos(rr.matchField(), offset)
}

// hostPos returns the position of the first Host matcher argument equal
// (ignoring case) to host, or of the match.
func (rr routerRef) hostPos(host string) Position {
	if rr.tree != nil {
		for _, m := range rule.Matchers(rr.tree) {
			if m.Call.Kind != rule.Host {
				continue
			}
			for _, a := range m.Call.Args {
				if strings.EqualFold(a.Value, host) {
					return rr.matchPos(a.ValuePos)
				}
			}
		}
	}
	return rr.src.Lookup(rr.matchField())
}

// entryPoints returns the entry points the router serves on, with the
// table's default entry points for a router that names none; nil means
// every entry point.
func (rr routerRef) entryPoints(t *Table) []string {
	if len(rr.r.EntryPoints) > 0 {
		return rr.r.EntryPoints
	}
	return t.DefaultEntryPoints
}

// diag builds a diagnostic about the router's IngressRoute.
func (rr routerRef) diag(code, field string, pos Position, msg, hint string) Diagnostic {
	return Diagnostic{Severity: severityOf(code), Code: code, Object: objectRef(rr.ir),
		Field: field, Pos: pos, Message: msg, Hint: hint}
}
