package ingressroute

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// compileMiddlewares records every Middleware by Traefik's name and checks
// the references inside it: a chain's middlewares, an errors middleware's
// service (whose load balancer is built as Traefik builds it), a plugin's
// Secrets. A Middleware Traefik refuses is left out of the table.
func (c *compiler) compileMiddlewares() {
	for _, m := range c.set.Middlewares {
		if c.middlewares[key(&m.ObjectMeta)] != m {
			// Unwatched, or replaced by a later object of the same name.
			continue
		}
		id := Normalize(makeID(m.Namespace, m.Name))
		refs, err := m.References()
		if err != nil {
			c.reportf(m, "spec", SeverityError, CodeMiddlewareRef, "", "cannot read the Middleware spec: %v", err)
			continue
		}
		if f := c.checkMiddlewareSecrets(m); f != nil {
			c.add(m, f)
			continue
		}
		if refs.ErrorsService != nil {
			b, warns, f := c.nameAndService(m.Namespace, *refs.ErrorsService, "spec.errors.service")
			c.addAll(m, warns)
			if f != nil {
				f.msg = "Error while reading error page middleware: " + f.msg
				c.add(m, f)
				continue
			}
			if b.service != nil {
				b.service.Origin = c.origin(m, "spec.errors.service")
				c.putService(id+"-errorpage-service", b.service)
			}
		}
		if f := c.pluginSecrets(m.Namespace, refs.Plugins); f != nil {
			f.msg = "Error while reading plugins middleware: " + f.msg
			c.add(m, f)
			continue
		}
		if f := c.chainRefs(m.Namespace, refs.Chain); f != nil {
			c.add(m, f)
			continue
		}
		c.mws[id] = &MiddlewareEntry{Name: id, Spec: m.Spec.Raw, Origin: c.origin(m, "spec")}
	}
}

// chainRefs checks the middlewares of a chain.
func (c *compiler) chainRefs(ns string, chain []MiddlewareRef) *finding {
	for i, ref := range chain {
		field := fmt.Sprintf("spec.chain.middlewares[%d]", i)
		_, _, f := c.resolveReference(ns, ref.Namespace, ref.Name, field)
		if f != nil {
			f.msg = fmt.Sprintf("Error while reading chain middleware: invalid reference to middleware %s: %s", ref.Name, f.msg)
			return f
		}
	}
	return nil
}

// pluginSecrets checks the "urn:k8s:secret:name:key" values of a plugin
// configuration.
func (c *compiler) pluginSecrets(ns string, plugins map[string]json.RawMessage) *finding {
	names := make([]string, 0, len(plugins))
	for k := range plugins {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, name := range names {
		var v any
		if err := json.Unmarshal(plugins[name], &v); err != nil {
			continue
		}
		if f := c.walkSecrets(ns, v, "spec.plugin."+name); f != nil {
			return f
		}
	}
	return nil
}

// walkSecrets looks for secret URNs in a decoded plugin configuration.
func (c *compiler) walkSecrets(ns string, v any, field string) *finding {
	switch x := v.(type) {
	case string:
		if !strings.HasPrefix(x, "urn:k8s:secret:") {
			return nil
		}
		parts := strings.Split(x, ":")
		if len(parts) != 5 {
			return errf(CodeMiddlewareRef, field, "write urn:k8s:secret:NAME:KEY", "malformed secret URN %q", x)
		}
		s, ok := c.secrets[nsName{ns, parts[3]}]
		if !ok {
			if !c.absentIsFinding("Secret", ns) {
				return nil
			}
			return errf(CodeSecret, field, "create the Secret or fix the URN", "secret %s/%s is not found", ns, parts[3])
		}
		if _, ok := secretValue(s, parts[4]); !ok {
			return errf(CodeSecret, field, "add the key to the Secret or fix the URN", "key %q not found in secret %s/%s", parts[4], ns, parts[3])
		}
	case []any:
		for i, e := range x {
			if f := c.walkSecrets(ns, e, fmt.Sprintf("%s[%d]", field, i)); f != nil {
				return f
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if f := c.walkSecrets(ns, x[k], field+"."+k); f != nil {
				return f
			}
		}
	}
	return nil
}
