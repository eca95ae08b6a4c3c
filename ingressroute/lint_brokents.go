package ingressroute

import (
	"fmt"
	"strings"
)

// lintBrokenTraefikServices reports a route whose router Traefik builds
// although the TraefikService it sends to was refused (IR4028 on the
// TraefikService): the router's service name dangles, Traefik logs
// nothing more about the route, and requests fail at run time. A missing
// TraefikService is Compile's IR4015.
func lintBrokenTraefikServices(set *Set, t *Table) Diagnostics {
	if t == nil || len(set.TraefikServices) == 0 {
		return nil
	}
	tss := make(map[nsName]*TraefikService, len(set.TraefikServices))
	for _, ts := range set.TraefikServices {
		tss[nsName{ts.Namespace, ts.Name}] = ts
	}
	built := map[string]bool{} // "Kind ns/name|spec.routes[i]" of the routers in the table
	for _, r := range t.Routers {
		built[r.Origin.Object.String()+"|"+r.Origin.Field] = true
	}
	var ds Diagnostics
	for _, ir := range set.IngressRoutes {
		src := set.Source(ir)
		for i, r := range ir.Spec.Routes {
			base := fmt.Sprintf("spec.routes[%d]", i)
			if !built[objectRef(ir).String()+"|"+base] {
				continue
			}
			for j, s := range r.Services {
				if s.Kind != "TraefikService" || strings.Contains(s.Name, providerSep) {
					continue
				}
				ns := s.Namespace
				if ns == "" {
					ns = ir.Namespace
				}
				ts := tss[nsName{ns, s.Name}]
				if ts == nil || t.Service(Normalize(ns+"-"+s.Name)) != nil {
					continue
				}
				field := fmt.Sprintf("%s.services[%d].name", base, j)
				d := Diagnostic{Severity: severityOf(CodeBrokenTraefikService), Code: CodeBrokenTraefikService,
					Object: objectRef(ir), Field: field, Pos: src.Lookup(field),
					Message: fmt.Sprintf("the route sends to TraefikService %s/%s, which Traefik refused: "+
						"it builds the router anyway, with a dangling service, and requests fail at run time", ns, s.Name),
					Hint: "fix the TraefikService (see its own diagnostics), or point the route at another service"}
				if tsrc := set.Source(ts); tsrc != nil {
					d.Related = []Related{{Pos: tsrc.Pos, Message: "the TraefikService Traefik refused"}}
				}
				ds = append(ds, d)
			}
		}
	}
	return ds
}
