package ingressroute

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// annotationIngressClass is the deprecated ingress class annotation.
const annotationIngressClass = "kubernetes.io/ingress.class"

// compileIngressRoutes builds the routers of every IngressRoute of the
// provider's ingress class, and the services they point at.
func (c *compiler) compileIngressRoutes() {
	c.isParent = map[nsName]bool{}
	for _, ir := range c.ingressRoutes {
		for _, p := range ir.Spec.ParentRefs {
			ns := p.Namespace
			if ns == "" {
				ns = ir.Namespace
			}
			c.isParent[nsName{ns, p.Name}] = true
		}
	}
	// By namespace and name, not input order: when two IngressRoutes
	// collide (names that normalize alike, IR4023), Traefik's winner varies
	// from run to run; irkit's must not depend on the order of the files.
	// The first by namespace and name wins: it is processed last.
	irs := append([]*IngressRoute(nil), c.set.IngressRoutes...)
	sort.SliceStable(irs, func(i, j int) bool {
		if irs[i].Namespace != irs[j].Namespace {
			return irs[i].Namespace > irs[j].Namespace
		}
		return irs[i].Name > irs[j].Name
	})
	for _, ir := range irs {
		if c.ingressRoutes[key(&ir.ObjectMeta)] != ir {
			// Unwatched, or replaced by a later object of the same name.
			continue
		}
		if !c.processIngressClass(ir) {
			continue
		}
		c.routeTLSSecret(ir)
		parents, err := c.parentRouterNames(ir)
		if err != nil {
			err.msg = "Error resolving parent routers: " + err.msg
			c.add(ir, err)
			continue
		}
		for i := range ir.Spec.Routes {
			c.compileRoute(ir, i, parents)
		}
	}
}

// processIngressClass reports whether the IngressRoute belongs to the
// provider's ingress class.
func (c *compiler) processIngressClass(ir *IngressRoute) bool {
	class := ""
	if ir.Spec.IngressClassName != nil {
		class = *ir.Spec.IngressClassName
	} else if a, ok := ir.Annotations[annotationIngressClass]; ok {
		class = a
		c.report(ir, "metadata.annotations", SeverityWarning, CodeIngressClass,
			"'kubernetes.io/ingress.class' is a deprecated annotation, please use spec.ingressClassName instead.",
			"write spec.ingressClassName: "+a)
	}
	if class == c.opts.IngressClass || (c.opts.IngressClass == "" && class == "traefik") {
		return true
	}
	field := "metadata.annotations"
	if ir.Spec.IngressClassName != nil {
		field = "spec.ingressClassName"
	}
	want := c.opts.IngressClass
	if want == "" {
		want = `none or "traefik"`
	}
	c.reportf(ir, field, SeverityInfo, CodeIgnoredByClass, "", "ignored: ingress class %q is not the provider's (%s)", class, want)
	return false
}

// parentRouterNames returns the names of the routers of the parent
// IngressRoutes, in order.
func (c *compiler) parentRouterNames(ir *IngressRoute) ([]string, *finding) {
	var names []string
	for i, ref := range ir.Spec.ParentRefs {
		field := fmt.Sprintf("spec.parentRefs[%d]", i)
		ns := ref.Namespace
		if ns == "" {
			ns = ir.Namespace
		}
		if !c.opts.AllowCrossNamespace && ns != ir.Namespace {
			return nil, errf(CodeParentRef, field+".namespace", "move the child next to its parent, or enable allowCrossNamespace",
				"cross-namespace reference to parent IngressRoute %s/%s not allowed", ns, ref.Name)
		}
		parent, ok := c.ingressRoutes[nsName{ns, ref.Name}]
		if !ok {
			if !c.absentIsFinding("IngressRoute", ns) {
				c.add(ir, infof(CodeUnresolved, field+".name", "", "parent IngressRoute %s/%s is not in the input", ns, ref.Name))
				continue
			}
			f := errf(CodeParentRef, field+".name", "create the parent IngressRoute or fix the reference; every router of this IngressRoute is skipped",
				"parent IngressRoute %s/%s does not exist", ns, ref.Name)
			if !c.opts.Complete {
				c.add(ir, c.partialMissing(f))
				continue
			}
			return nil, f
		}
		for _, r := range parent.Spec.Routes {
			if r.Match == "" {
				continue
			}
			names = append(names, RouterName(parent.Namespace, parent.Name, r.Match))
		}
	}
	return names, nil
}

// compileRoute builds the router of route i of ir.
func (c *compiler) compileRoute(ir *IngressRoute, i int, parents []string) {
	route := ir.Spec.Routes[i]
	base := fmt.Sprintf("spec.routes[%d]", i)
	if route.Kind != "" && route.Kind != "Rule" {
		c.reportf(ir, base+".kind", SeverityError, CodeRouteKind, "write kind: Rule, or leave it out",
			"Unsupported match kind: %s. Only \"Rule\" is supported for now.", route.Kind)
		return
	}
	if route.Match == "" {
		c.report(ir, base+".match", SeverityError, CodeEmptyMatch, "Empty match rule", "write a rule such as Host(`example.com`); the route is skipped")
		return
	}
	name := RouterName(ir.Namespace, ir.Name, route.Match)

	var mws []string
	for j, m := range route.Middlewares {
		field := fmt.Sprintf("%s.middlewares[%d]", base, j)
		ref, warns, err := c.resolveReference(ir.Namespace, m.Namespace, m.Name, field)
		c.addAll(ir, warns)
		if err != nil {
			err.msg = fmt.Sprintf("Failed to create middleware keys: invalid reference to middleware %s: %s", m.Name, err.msg)
			c.add(ir, err)
			return
		}
		c.add(ir, c.checkMiddleware(ir.Namespace, m.Namespace, m.Name, field))
		mws = append(mws, ref)
	}

	serviceName := name
	var built []string
	switch {
	case len(route.Services) > 1:
		svc, names, err := c.buildWeighted(ir, ir.Namespace, route.Services, nil, base+".services", c.origin(ir, base+".services"))
		built = names
		if err != nil {
			c.add(ir, err)
			return
		}
		c.putService(name, svc)
		built = append(built, name)
	case len(route.Services) == 1:
		b, warns, err := c.nameAndService(ir.Namespace, route.Services[0], base+".services[0]")
		c.addAll(ir, warns)
		if err != nil {
			c.add(ir, err)
			return
		}
		if b.service != nil {
			b.service.Origin = c.origin(ir, base+".services[0]")
			c.putService(name, b.service)
			built = append(built, name)
		} else {
			serviceName = b.name
		}
	default:
		serviceName = ""
		if !c.isParent[nsName{ir.Namespace, ir.Name}] {
			c.report(ir, base, SeverityWarning, CodeNoService, "route has no services and no IngressRoute names this one as parent: the router has no service and Traefik refuses it",
				"add services, or reference this IngressRoute from a child's parentRefs")
		}
	}

	r := &Router{
		Name:        name,
		EntryPoints: ir.Spec.EntryPoints,
		Rule:        route.Match,
		Syntax:      route.Syntax,
		Middlewares: mws,
		Service:     serviceName,
		ParentRefs:  parents,
		Origin:      c.origin(ir, base),
	}
	r.Priority, r.Explicit = int64(route.Priority), route.Priority != 0
	if !r.Explicit {
		r.Priority = int64(len(route.Match))
	}
	if r.Priority > math.MaxInt64-1000 {
		c.report(ir, base+".priority", SeverityError, CodePriorityTooLarge, "priority above MaxInt64-1000 is refused by Traefik", "use a smaller priority")
	}
	if o := route.Observability; o != nil {
		r.Observability = &DynObservability{AccessLogs: o.AccessLogs, Metrics: o.Metrics, Tracing: o.Tracing, TraceVerbosity: o.TraceVerbosity}
	}
	r.Matcher = c.parseRule(ir, base+".match", route.Match, route.Syntax)
	if t := ir.Spec.TLS; t != nil {
		r.TLS = &RouterTLS{CertResolver: t.CertResolver}
		for _, d := range t.Domains {
			r.TLS.Domains = append(r.TLS.Domains, DynDomain{Main: d.Main, SANs: d.SANs})
		}
		if t.Options != nil && t.Options.Name != "" {
			ref, warns, err := c.resolveReference(ir.Namespace, t.Options.Namespace, t.Options.Name, "spec.tls.options")
			c.addAll(ir, warns)
			if err != nil {
				err.msg = fmt.Sprintf("Invalid reference to TLSOption %q: %s", t.Options.Name, err.msg)
				c.add(ir, err)
				if len(built) > 0 {
					c.reportf(ir, base, SeverityWarning, CodeLeftoverService, "fix the TLSOption reference",
						"the router is dropped but Traefik keeps its service %s", strings.Join(built, ", "))
				}
				return
			}
			r.TLS.Options = ref
			c.checkTLSOption(ir, t.Options.Namespace, t.Options.Name)
		}
	}
	c.putRouter(ir, i, r)
}

// putRouter stores r, reporting when it replaces another router.
func (c *compiler) putRouter(ir *IngressRoute, i int, r *Router) {
	owner := nsName{ir.Namespace, ir.Name}
	if old, ok := c.routers[r.Name]; ok {
		prev := c.routerOwner[r.Name]
		if prev == owner {
			field := fmt.Sprintf("spec.routes[%d].match", i)
			c.diags = append(c.diags, Diagnostic{Severity: SeverityWarning, Code: CodeRouterReplaced, Object: objectRef(ir),
				Field: field, Pos: c.set.Source(ir).Lookup(field),
				Message: fmt.Sprintf("route has the same match as %s: it silently replaces that route's router %s", old.Origin.Field, r.Name),
				Hint:    "merge the two routes or make their matches differ",
				Related: []Related{{Pos: old.Origin.Pos, Message: "replaced route"}}})
		} else {
			field := fmt.Sprintf("spec.routes[%d].match", i)
			c.diags = append(c.diags, Diagnostic{Severity: SeverityWarning, Code: CodeNameCollision, Object: objectRef(ir),
				Field: field, Pos: c.set.Source(ir).Lookup(field),
				Message: fmt.Sprintf("router %s is also built by IngressRoute %s/%s (names normalize alike, same match): which one Traefik keeps varies from run to run",
					r.Name, prev.ns, prev.name),
				Hint:    "rename one of the IngressRoutes so that their normalized names differ",
				Related: []Related{{Pos: old.Origin.Pos, Message: "other router"}}})
		}
	}
	c.routers[r.Name] = r
	c.routerOwner[r.Name] = owner
}

// putService stores a service under name, replacing any earlier one, as
// Traefik does.
func (c *compiler) putService(name string, s *Service) {
	s.Name = name
	c.svcs[name] = s
}

// checkTLSOption notes a TLS options reference of this provider that
// names no TLSOption of the input.
func (c *compiler) checkTLSOption(ir *IngressRoute, refNS, refName string) {
	if strings.Contains(refName, providerSep) || refName == "default" {
		return
	}
	ns := refNS
	if ns == "" {
		ns = ir.Namespace
	}
	if _, ok := c.tlsOptions[nsName{ns, refName}]; ok {
		return
	}
	if !c.absentIsFinding("TLSOption", ns) {
		c.add(ir, infof(CodeUnresolved, "spec.tls.options.name", "", "TLSOption %s/%s is not in the input", ns, refName))
		return
	}
	c.reportf(ir, "spec.tls.options.name", SeverityWarning, CodeTLSOptionGone, "create the TLSOption or fix the reference",
		"TLSOption %s/%s does not exist: Traefik serves the router with the default TLS options", ns, refName)
}
