package ingressroute

import (
	"fmt"

	"github.com/irkit/irkit/sticky"
	"k8s.io/apimachinery/pkg/runtime"
)

// compileTraefikServices builds the service of every TraefikService.
func (c *compiler) compileTraefikServices() {
	for _, ts := range c.set.TraefikServices {
		if c.traefikServices[key(&ts.ObjectMeta)] != ts {
			// Unwatched, or replaced by a later object of the same name.
			continue
		}
		id := Normalize(makeID(ts.Namespace, ts.Name))
		origin := c.origin(ts, "spec")
		var svc *Service
		var err *finding
		spec := ts.Spec
		switch {
		case spec.Weighted != nil:
			svc, _, err = c.buildWeighted(ts, ts.Namespace, spec.Weighted.Services, spec.Weighted.Sticky, "spec.weighted.services", origin)
		case spec.Mirroring != nil:
			svc, err = c.buildMirroring(ts)
		case spec.HighestRandomWeight != nil:
			var ws *Service
			ws, _, err = c.buildWeighted(ts, ts.Namespace, spec.HighestRandomWeight.Services, nil, "spec.highestRandomWeight.services", origin)
			if err == nil {
				svc = &Service{Config: &DynService{HighestRandomWeight: &DynHRW{Services: ws.Config.Weighted.Services}}}
			}
		case spec.Failover != nil:
			svc, err = c.buildFailover(ts)
		default:
			err = errf(CodeTraefikService, "spec", "set one of weighted, mirroring, highestRandomWeight or failover", "unspecified service type")
		}
		if err != nil {
			err.msg = "Error while building TraefikService: " + err.msg
			c.add(ts, err)
			continue
		}
		svc.Origin = origin
		c.putService(id, svc)
	}
}

// buildWeighted builds a weighted round robin over services, storing the
// load balancers of the Kubernetes Services it references as it goes (so
// that a failure leaves the earlier ones behind, as in Traefik). It
// returns the names it stored.
func (c *compiler) buildWeighted(obj runtime.Object, ns string, services []LoadBalancerSpec, st *sticky.Sticky, base string, origin Origin) (*Service, []string, *finding) {
	w := &DynWeighted{Sticky: convertSticky(st)}
	var stored []string
	for i, s := range services {
		field := fmt.Sprintf("%s[%d]", base, i)
		b, warns, err := c.nameAndService(ns, s, field)
		c.addAll(obj, warns)
		if err != nil {
			return nil, stored, err
		}
		if b.service != nil {
			b.service.Origin = c.origin(obj, field)
			c.putService(b.name, b.service)
			stored = append(stored, b.name)
		}
		weight := 1
		if s.Weight != nil {
			weight = *s.Weight
		}
		w.Services = append(w.Services, DynWeightedService{Name: b.name, Weight: &weight})
	}
	return &Service{Config: &DynService{Weighted: w}, Origin: origin}, stored, nil
}

// buildMirroring builds a mirroring TraefikService.
func (c *compiler) buildMirroring(ts *TraefikService) (*Service, *finding) {
	m := ts.Spec.Mirroring
	main, warns, err := c.nameAndService(ts.Namespace, m.LoadBalancerSpec, "spec.mirroring")
	c.addAll(ts, warns)
	if err != nil {
		return nil, err
	}
	if main.service != nil {
		main.service.Origin = c.origin(ts, "spec.mirroring")
		c.putService(main.name, main.service)
	}
	out := &DynMirroring{Service: main.name, MirrorBody: m.MirrorBody, MaxBodySize: m.MaxBodySize}
	for i, mirror := range m.Mirrors {
		field := fmt.Sprintf("spec.mirroring.mirrors[%d]", i)
		b, warns, err := c.nameAndService(ts.Namespace, mirror.LoadBalancerSpec, field)
		c.addAll(ts, warns)
		if err != nil {
			return nil, err
		}
		if b.service != nil {
			b.service.Origin = c.origin(ts, field)
			c.putService(b.name, b.service)
		}
		out.Mirrors = append(out.Mirrors, DynMirrorService{Name: b.name, Percent: mirror.Percent})
	}
	return &Service{Config: &DynService{Mirroring: out}}, nil
}

// buildFailover builds a failover TraefikService.
func (c *compiler) buildFailover(ts *TraefikService) (*Service, *finding) {
	f := ts.Spec.Failover
	out := &DynFailover{Errors: &DynFailoverError{}}
	if f.Errors != nil {
		out.Errors.Status = f.Errors.Status
		out.Errors.MaxRequestBodyBytes = f.Errors.MaxRequestBodyBytes
	}
	for _, part := range []struct {
		spec  LoadBalancerSpec
		field string
		dst   *string
	}{
		{spec: f.Service, field: "spec.failover.service", dst: &out.Service},
		{spec: f.Fallback, field: "spec.failover.fallback", dst: &out.Fallback},
	} {
		b, warns, err := c.nameAndService(ts.Namespace, part.spec, part.field)
		c.addAll(ts, warns)
		if err != nil {
			return nil, err
		}
		if b.service != nil {
			b.service.Origin = c.origin(ts, part.field)
			c.putService(b.name, b.service)
		}
		*part.dst = b.name
	}
	return &Service{Config: &DynService{Failover: out}}, nil
}
