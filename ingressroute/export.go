package ingressroute

import (
	"encoding/json"

	"sigs.k8s.io/yaml"
)

// Traefik returns the table as Traefik's dynamic configuration, in the
// file provider's shape. Names carry no provider suffix, as in the
// configuration the CRD provider hands to Traefik.
func (t *Table) Traefik() *Dynamic {
	d := &Dynamic{HTTP: &DynamicHTTP{}, TLS: &DynamicTLS{}}
	if t == nil {
		return d
	}
	for _, r := range t.Routers {
		if d.HTTP.Routers == nil {
			d.HTTP.Routers = map[string]*DynRouter{}
		}
		d.HTTP.Routers[r.Name] = r.dynamic()
	}
	for _, s := range t.Services {
		if d.HTTP.Services == nil {
			d.HTTP.Services = map[string]*DynService{}
		}
		d.HTTP.Services[s.Name] = s.Config
	}
	for _, m := range t.Middlewares {
		if d.HTTP.Middlewares == nil {
			d.HTTP.Middlewares = map[string]json.RawMessage{}
		}
		spec := json.RawMessage(m.Spec)
		if len(spec) == 0 || !json.Valid(spec) {
			spec = json.RawMessage("{}")
		}
		d.HTTP.Middlewares[m.Name] = spec
	}
	for _, st := range t.ServersTransports {
		if d.HTTP.ServersTransports == nil {
			d.HTTP.ServersTransports = map[string]*DynServersTransport{}
		}
		d.HTTP.ServersTransports[st.Name] = st.Config
	}
	tls := t.TLS
	d.TLS = &tls
	return d
}

// dynamic converts a router to Traefik's form.
func (r *Router) dynamic() *DynRouter {
	out := &DynRouter{
		EntryPoints:   r.EntryPoints,
		Middlewares:   r.Middlewares,
		Service:       r.Service,
		Rule:          r.Rule,
		RuleSyntax:    r.Syntax,
		Observability: r.Observability,
		ParentRefs:    r.ParentRefs,
	}
	if r.Explicit {
		out.Priority = r.Priority
	}
	if r.TLS != nil {
		out.TLS = &DynRouterTLS{Options: r.TLS.Options, CertResolver: r.TLS.CertResolver, Domains: r.TLS.Domains}
	}
	return out
}

// JSON encodes the dynamic configuration as indented JSON, map keys
// sorted.
func (d *Dynamic) JSON() ([]byte, error) {
	return json.MarshalIndent(d, "", "  ")
}

// YAML encodes the dynamic configuration as YAML, map keys sorted.
func (d *Dynamic) YAML() ([]byte, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	return yaml.JSONToYAML(b)
}
