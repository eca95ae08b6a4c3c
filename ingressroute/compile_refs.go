package ingressroute

import (
	"fmt"
	"strings"
)

// resolveReference resolves a reference, written in an object of
// namespace parentNS, to a Middleware or TLSOption: "namespace-name", or
// the name as is when it names another provider ("name@provider").
func (c *compiler) resolveReference(parentNS, refNS, refName, field string) (string, []*finding, *finding) {
	if strings.Contains(refName, providerSep) {
		if strings.HasSuffix(refName, providerSep+ProviderName) {
			if !c.opts.AllowCrossNamespace {
				return "", nil, errf(CodeCRDRefRefused, field+".name", "reference the object by name and namespace, or enable allowCrossNamespace",
					"when allowCrossNamespace is disabled, @kubernetescrd references are disallowed")
			}
		} else if !c.opts.crossProviderAllowed(parentNS) {
			return "", nil, errf(CodeCrossProvider, field+".name", "add the namespace to crossProviderNamespaces, or use an object of this provider",
				"namespace %q is not in crossProviderNamespaces", parentNS)
		}
		var warns []*finding
		if refNS != "" {
			warns = append(warns, warnf(CodeNamespaceIgnored, field+".namespace", "remove the namespace: a reference to another provider takes none",
				"Namespace %q is ignored in cross-provider context (reference %s)", refNS, refName))
		}
		return refName, warns, nil
	}
	ns := refNS
	if ns == "" {
		ns = parentNS
	}
	if !c.opts.AllowCrossNamespace && ns != parentNS {
		return "", nil, errf(CodeCrossNamespace, field+".namespace", "move the object into the namespace of the referring object, or enable allowCrossNamespace",
			"allowCrossNamespace is disabled, cross-namespace are disallowed")
	}
	return Normalize(makeID(ns, refName)), nil, nil
}

// middlewareExists checks that a resolved middleware reference of this
// provider names a Middleware of the input.
func (c *compiler) checkMiddleware(parentNS, refNS, refName, field string) *finding {
	if strings.Contains(refName, providerSep) {
		return nil
	}
	ns := refNS
	if ns == "" {
		ns = parentNS
	}
	if _, ok := c.middlewares[nsName{ns, refName}]; ok {
		return nil
	}
	if !c.absentIsFinding("Middleware", ns) {
		return infof(CodeUnresolved, field+".name", "", "Middleware %s/%s is not in the input", ns, refName)
	}
	return c.partialMissing(errf(CodeMiddlewareGone, field+".name", "create the Middleware or fix the reference",
		"middleware %s/%s does not exist: Traefik builds the router, which then fails with \"middleware does not exist\"", ns, refName))
}

// checkRouterMiddlewares reports routers that use a Middleware of the
// input that Traefik refused (its own diagnostics say why): the router is
// refused at run time too.
func (c *compiler) checkRouterMiddlewares() {
	refused := map[string]*Middleware{}
	for _, m := range c.middlewares {
		id := Normalize(makeID(m.Namespace, m.Name))
		if _, ok := c.mws[id]; !ok {
			refused[id] = m
		}
	}
	if len(refused) == 0 {
		return
	}
	for _, name := range sortedKeys(c.routers) {
		r := c.routers[name]
		owner := c.routerOwner[name]
		ir := c.ingressRoutes[owner]
		if ir == nil {
			continue
		}
		for j, mw := range r.Middlewares {
			m, ok := refused[mw]
			if !ok {
				continue
			}
			field := fmt.Sprintf("%s.middlewares[%d].name", r.Origin.Field, j)
			c.reportf(ir, field, SeverityError, CodeMiddlewareRefused, "fix the Middleware (see its own diagnostic)",
				"middleware %s/%s is refused by Traefik: this router fails with \"middleware does not exist\"", m.Namespace, m.Name)
		}
	}
}
