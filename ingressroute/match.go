package ingressroute

import (
	"net/http"
	"sort"
)

// MatchResult says which router serves a request on an entry point.
type MatchResult struct {
	// Router is the router that serves the request, nil when none does.
	Router *Router
	// Service is the router's service, nil when it is not in the table
	// (another provider's, or a dangling reference).
	Service *Service
	// Others are the other routers that match, in the order Traefik tries
	// them (after Router).
	Others []*Router
	// Tie is set when a router of Others has the same priority as Router:
	// Traefik's choice between them is not defined; irkit picks by name.
	Tie bool
	// Unknown are routers of the entry point whose rule could not be
	// evaluated (unparsed); they might match too.
	Unknown []*Router
}

// Ordered returns the routers of an entry point in the order Traefik
// tries them: highest priority first, then by name (Traefik's order
// between equal priorities is not defined). Routers without entry points
// serve on every entry point. Child routers (with parent refs) are left
// out: they are tried under their parents.
func (t *Table) Ordered(entryPoint string) []*Router {
	var out []*Router
	for _, r := range t.Routers {
		if len(r.ParentRefs) > 0 || !servesOn(r, entryPoint, t.DefaultEntryPoints) {
			continue
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Priority != out[j].Priority {
			return out[i].Priority > out[j].Priority
		}
		return out[i].Name < out[j].Name
	})
	return out
}

// servesOn reports whether r serves on entry point ep; a router without
// entry points serves on the defaults, or on every entry point when they
// are unknown.
func servesOn(r *Router, ep string, defaults []string) bool {
	eps := r.EntryPoints
	if len(eps) == 0 {
		if defaults == nil {
			return true
		}
		eps = defaults
	}
	for _, e := range eps {
		if e == ep {
			return true
		}
	}
	return false
}

// Match returns the router that serves req on entryPoint, using the parsed
// rules and the table's priority order. As in Traefik, routers with a tls
// section serve only requests that arrived over TLS (req.TLS set, as
// httptest.NewRequest does for https URLs) and routers without one only
// plain HTTP requests. A parent router that matches hands the request to
// the first of its children that matches.
func (t *Table) Match(entryPoint string, req *http.Request) MatchResult {
	var res MatchResult
	var top int64
	overTLS := req.TLS != nil
	for _, r := range t.Ordered(entryPoint) {
		if (r.TLS != nil) != overTLS {
			continue
		}
		if r.Matcher == nil {
			res.Unknown = append(res.Unknown, r)
			continue
		}
		if !r.Matcher.Match(req) {
			continue
		}
		target := r
		if r.Service == "" {
			if child := t.matchChild(r, req); child != nil {
				target = child
			}
		}
		if res.Router == nil {
			res.Router, top = target, r.Priority
			continue
		}
		if r.Priority == top {
			res.Tie = true
		}
		res.Others = append(res.Others, target)
	}
	if res.Router != nil {
		res.Service = t.Service(res.Router.Service)
	}
	return res
}

// matchChild returns the first child of parent, in priority order, that
// matches req.
func (t *Table) matchChild(parent *Router, req *http.Request) *Router {
	var children []*Router
	for _, r := range t.Routers {
		for _, p := range r.ParentRefs {
			if p == parent.Name {
				children = append(children, r)
				break
			}
		}
	}
	sort.SliceStable(children, func(i, j int) bool {
		if children[i].Priority != children[j].Priority {
			return children[i].Priority > children[j].Priority
		}
		return children[i].Name < children[j].Name
	})
	for _, ch := range children {
		if ch.Matcher != nil && ch.Matcher.Match(req) {
			return ch
		}
	}
	return nil
}
