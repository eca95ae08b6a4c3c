package ingressroute

import "sort"

// markTLSConflicts records on each router the entry points where its TLS
// options conflict with another router's for the same host (see
// RouterTLS.ConflictedOn). Traefik arbitrates this when it builds its
// routers, after the provider: the export is unchanged, but the table
// shows what will serve.
// The resolution is kept on the table, for Analyze's TLS checks.
func markTLSConflicts(set *Set, t *Table) {
	res := ResolveTLS(set, t)
	t.tlsResolution = res
	if res == nil || len(res.Conflicts) == 0 {
		return
	}
	eps := map[string]map[string]bool{}
	for _, c := range res.Conflicts {
		for _, r := range c.Routers() {
			if eps[r] == nil {
				eps[r] = map[string]bool{}
			}
			eps[r][c.EntryPoint] = true
		}
	}
	for _, r := range t.Routers {
		if r.TLS == nil || eps[r.Name] == nil {
			continue
		}
		r.TLS.ConflictedOn = r.TLS.ConflictedOn[:0]
		for ep := range eps[r.Name] {
			r.TLS.ConflictedOn = append(r.TLS.ConflictedOn, ep)
		}
		sort.Strings(r.TLS.ConflictedOn)
	}
}
