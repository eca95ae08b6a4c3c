package ingressroute

import (
	"github.com/irkit/irkit/sticky"
)

// table assembles the sorted table from the compiler's maps.
func (c *compiler) table() *Table {
	t := &Table{DefaultEntryPoints: c.opts.DefaultEntryPoints}
	for _, name := range sortedKeys(c.routers) {
		r := c.routers[name]
		if r.TLS != nil && r.TLS.Options != "" {
			r.TLS.ResolvedOptions = c.tlsOpts[r.TLS.Options]
		}
		t.Routers = append(t.Routers, r)
	}
	for _, name := range sortedKeys(c.svcs) {
		s := c.svcs[name]
		s.CookieName = effectiveCookieName(name, s.Config)
		t.Services = append(t.Services, s)
	}
	for _, name := range sortedKeys(c.mws) {
		t.Middlewares = append(t.Middlewares, c.mws[name])
	}
	for _, name := range sortedKeys(c.sts) {
		t.ServersTransports = append(t.ServersTransports, c.sts[name])
	}
	for _, k := range sortedKeys(c.certs) {
		e := c.certs[k]
		t.TLS.Certificates = append(t.TLS.Certificates, DynCertAndStores{CertFile: e.cert.CertFile, KeyFile: e.cert.KeyFile, Stores: e.stores})
	}
	if len(c.tlsOpts) > 0 {
		t.TLS.Options = c.tlsOpts
	}
	if len(c.tlsStores) > 0 {
		t.TLS.Stores = c.tlsStores
	}
	return t
}

// effectiveCookieName returns the sticky cookie name of a service: the
// configured one, or the one Traefik generates from the fully qualified
// service name. Empty when the service is not sticky.
func effectiveCookieName(name string, s *DynService) string {
	var st *DynSticky
	switch {
	case s == nil:
		return ""
	case s.LoadBalancer != nil:
		st = s.LoadBalancer.Sticky
	case s.Weighted != nil:
		st = s.Weighted.Sticky
	}
	if st == nil || st.Cookie == nil {
		return ""
	}
	if st.Cookie.Name != "" {
		return st.Cookie.Name
	}
	return sticky.CookieName(name + providerSep + ProviderName)
}
