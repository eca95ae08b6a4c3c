package ingressroute

import (
	"fmt"

	"github.com/irkit/irkit/rule"
	"k8s.io/apimachinery/pkg/runtime"
)

// Lint runs irkit's checks beyond Traefik (codes IR6001 to IR6007) on set
// and the table Compile built from it: what Traefik accepts silently but is
// almost certainly a mistake. Checks Compile already makes are not
// repeated (see the lint codes). The result is sorted. A nil table skips
// the checks between routers.
func Lint(set *Set, t *Table) Diagnostics {
	if set == nil {
		return nil
	}
	var ds Diagnostics
	for _, ir := range set.IngressRoutes {
		src := set.Source(ir)
		for i, r := range ir.Spec.Routes {
			base := fmt.Sprintf("spec.routes[%d]", i)
			ds = append(ds, lintSyntax(ir, src, base, r)...)
			ds = append(ds, lintPriority(ir, src, base, r)...)
			if len(r.Services) == 1 {
				ds = append(ds, lintWeight(ir, src, base+".services[0]", r.Services[0], "the route's only service",
					"remove the weight, or list several services to balance them")...)
			}
		}
	}
	for _, ts := range set.TraefikServices {
		ds = append(ds, lintTraefikServiceWeights(ts, set.Source(ts))...)
	}
	ds = append(ds, lintRouters(routerRefs(set, t), t)...)
	ds = append(ds, lintBrokenTraefikServices(set, t)...)
	ds.Sort()
	return ds
}

// lintSyntax reports a route in v2 syntax, with the rule migrated to v3 in
// the hint.
func lintSyntax(ir *IngressRoute, src *Source, base string, r Route) Diagnostics {
	if r.Syntax != "v2" {
		return nil
	}
	hint := "rewrite the rule in v3 syntax and remove syntax: v2"
	if r.Match != "" {
		if v3, err := rule.Migrate(r.Match); err == nil {
			if v3 == r.Match {
				hint = "the rule means the same in v3: remove syntax: v2"
			} else {
				hint = "remove syntax: v2 and write match: " + v3
			}
		} else {
			hint += " (it cannot be rewritten automatically: " + err.Error() + ")"
		}
	}
	field := base + ".syntax"
	return Diagnostics{{Severity: severityOf(CodeSyntaxV2), Code: CodeSyntaxV2, Object: objectRef(ir), Field: field,
		Pos: src.Lookup(field), Message: "the rule uses the v2 syntax, deprecated in Traefik v3", Hint: hint}}
}

// lintPriority reports an explicit priority equal to the rule's length.
func lintPriority(ir *IngressRoute, src *Source, base string, r Route) Diagnostics {
	if r.Priority == 0 || r.Match == "" || r.Priority != len(r.Match) {
		return nil
	}
	field := base + ".priority"
	return Diagnostics{{Severity: severityOf(CodePriorityIsLength), Code: CodePriorityIsLength, Object: objectRef(ir), Field: field,
		Pos:     src.Lookup(field),
		Message: fmt.Sprintf("priority %d is the length of the rule, the priority Traefik gives it by default: it has no effect", r.Priority),
		Hint:    "remove the priority, or set the one you mean"}}
}

// lintWeight reports a weight on a reference that is not weighted; where
// says what the reference is.
func lintWeight(obj runtime.Object, src *Source, field string, s LoadBalancerSpec, where, hint string) Diagnostics {
	if s.Weight == nil {
		return nil
	}
	f := field + ".weight"
	return Diagnostics{{Severity: severityOf(CodeWeightIgnored), Code: CodeWeightIgnored, Object: objectRef(obj), Field: f,
		Pos:     src.Lookup(f),
		Message: fmt.Sprintf("weight %d is ignored: %s is not balanced against siblings", *s.Weight, where),
		Hint:    hint}}
}

// lintTraefikServiceWeights reports weights in mirroring and failover
// TraefikServices, which balance nothing.
func lintTraefikServiceWeights(ts *TraefikService, src *Source) Diagnostics {
	var ds Diagnostics
	if m := ts.Spec.Mirroring; m != nil {
		ds = append(ds, lintWeight(ts, src, "spec.mirroring", m.LoadBalancerSpec, "a mirroring's main service", "remove the weight")...)
		for i, mr := range m.Mirrors {
			ds = append(ds, lintWeight(ts, src, fmt.Sprintf("spec.mirroring.mirrors[%d]", i), mr.LoadBalancerSpec, "a mirror (its share is percent)", "remove the weight")...)
		}
	}
	if f := ts.Spec.Failover; f != nil {
		ds = append(ds, lintWeight(ts, src, "spec.failover.service", f.Service, "a failover's main service", "remove the weight")...)
		ds = append(ds, lintWeight(ts, src, "spec.failover.fallback", f.Fallback, "a failover's fallback", "remove the weight")...)
	}
	return ds
}
