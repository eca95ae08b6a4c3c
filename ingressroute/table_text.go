package ingressroute

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// EntryPoints returns the entry points the table's routers name, sorted;
// "*" stands for the default entry points when some router names none and
// the defaults are unknown. Child routers, which serve under their
// parents, do not count.
func (t *Table) EntryPoints() []string {
	seen := map[string]bool{}
	for _, r := range t.Routers {
		if len(r.ParentRefs) > 0 {
			continue
		}
		eps := r.EntryPoints
		if len(eps) == 0 {
			eps = t.DefaultEntryPoints
			if eps == nil {
				eps = []string{"*"}
			}
		}
		for _, e := range eps {
			seen[e] = true
		}
	}
	return sortedKeys(seen)
}

// WriteText writes the table for people: per entry point, the routers in
// the order Traefik tries them, each with its priority, rule and the
// servers its service reaches. Routers of equal priority are marked "=",
// since Traefik's order between them is not defined.
func (t *Table) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, ep := range t.EntryPoints() {
		name := ep
		if ep == "*" {
			name = "* (routers without entryPoints: every default entry point)"
		}
		fmt.Fprintf(&b, "entry point %s\n", name)
		routers := t.Ordered(ep)
		if ep != "*" {
			// Ordered counts routers without entry points on every entry
			// point; list them under "*" only.
			kept := routers[:0:0]
			for _, r := range routers {
				if len(r.EntryPoints) > 0 || t.DefaultEntryPoints != nil {
					kept = append(kept, r)
				}
			}
			routers = kept
		}
		for i, r := range routers {
			mark := " "
			if (i > 0 && routers[i-1].Priority == r.Priority) || (i+1 < len(routers) && routers[i+1].Priority == r.Priority) {
				mark = "="
			}
			prio := fmt.Sprint(r.Priority)
			if !r.Explicit {
				prio += "*"
			}
			fmt.Fprintf(&b, "  %s%8s  %s\n", mark, prio, r.Rule)
			fmt.Fprintf(&b, "             router %s", r.Name)
			if r.TLS != nil {
				b.WriteString(" tls")
				if r.TLS.Options != "" {
					b.WriteString(" options=" + r.TLS.Options)
				}
			}
			if len(r.Middlewares) > 0 {
				b.WriteString(" middlewares=" + strings.Join(r.Middlewares, ","))
			}
			b.WriteString("\n")
			t.writeTargets(&b, r.Service, "             -> ", 0)
			for _, child := range t.children(r.Name) {
				fmt.Fprintf(&b, "             child %s  %s\n", child.Name, child.Rule)
				t.writeTargets(&b, child.Service, "               -> ", 0)
			}
		}
	}
	b.WriteString("(* priority = length of the rule; = equal priorities, order not defined)\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// children returns the routers naming parent in their parent refs, by name.
func (t *Table) children(parent string) []*Router {
	var out []*Router
	for _, r := range t.Routers {
		for _, p := range r.ParentRefs {
			if p == parent {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// writeTargets writes a service and what it balances to, recursively.
func (t *Table) writeTargets(b *strings.Builder, name, indent string, depth int) {
	if name == "" {
		return
	}
	s := t.Service(name)
	if s == nil || s.Config == nil || depth > 8 {
		fmt.Fprintf(b, "%s%s (not in the table)\n", indent, name)
		return
	}
	cfg := s.Config
	switch {
	case cfg.LoadBalancer != nil:
		fmt.Fprintf(b, "%s%s: %s\n", indent, name, s.ServersSummary())
		if s.CookieName != "" {
			fmt.Fprintf(b, "%s  sticky cookie %s\n", indent, s.CookieName)
		}
	case cfg.Weighted != nil:
		fmt.Fprintf(b, "%s%s: weighted\n", indent, name)
		for _, ws := range cfg.Weighted.Services {
			t.writeTargets(b, ws.Name, indent+"  ", depth+1)
		}
	case cfg.HighestRandomWeight != nil:
		fmt.Fprintf(b, "%s%s: highest random weight\n", indent, name)
		for _, ws := range cfg.HighestRandomWeight.Services {
			t.writeTargets(b, ws.Name, indent+"  ", depth+1)
		}
	case cfg.Mirroring != nil:
		fmt.Fprintf(b, "%s%s: mirroring\n", indent, name)
		t.writeTargets(b, cfg.Mirroring.Service, indent+"  ", depth+1)
		mirrors := append([]DynMirrorService(nil), cfg.Mirroring.Mirrors...)
		sort.SliceStable(mirrors, func(i, j int) bool { return mirrors[i].Name < mirrors[j].Name })
		for _, m := range mirrors {
			t.writeTargets(b, m.Name, fmt.Sprintf("%s  mirror %d%% ", indent, m.Percent), depth+1)
		}
	case cfg.Failover != nil:
		fmt.Fprintf(b, "%s%s: failover\n", indent, name)
		t.writeTargets(b, cfg.Failover.Service, indent+"  ", depth+1)
		t.writeTargets(b, cfg.Failover.Fallback, indent+"  fallback ", depth+1)
	}
}

// ServersSummary describes the servers of a load-balancer service on one
// line: their URLs (fenced ones marked), "servers resolved at run time"
// when the input has no EndpointSlice for it (partial input), or
// "no servers". It is empty for other kinds of service.
func (s *Service) ServersSummary() string {
	if s == nil || s.Config == nil || s.Config.LoadBalancer == nil {
		return ""
	}
	if s.ResolvedAtRuntime {
		return "servers resolved at run time"
	}
	var urls []string
	for _, sv := range s.Config.LoadBalancer.Servers {
		u := sv.URL
		if sv.Fenced {
			u += " (fenced)"
		}
		urls = append(urls, u)
	}
	if len(urls) == 0 {
		return "no servers"
	}
	return strings.Join(urls, " ")
}
