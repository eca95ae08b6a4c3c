package ingressroute

import (
	"fmt"
	"sort"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Compile builds the routing table Traefik's Kubernetes CRD provider builds
// from set, with the provider settings of opts, and returns it with a
// diagnostic for every problem Traefik logs (and a few it does not). It
// never stops at the first problem: the table holds everything Traefik
// would serve, and its export (Table.Traefik) is the configuration Traefik
// v3.7 produces. A nil set yields an empty table.
//
// The passes run in Traefik's order, because a later one may replace a
// service an earlier one built: TLS stores, IngressRoutes (routers, their
// services, route TLS secrets), TLS options, Middlewares (and the error
// page services they build), TraefikServices, servers transports. Rules
// are parsed with the rule package; a rule that does not parse leaves the
// router in the table with a nil Matcher and an IR3103 diagnostic.
func Compile(set *Set, opts Options) (*Table, Diagnostics) {
	if set == nil {
		set = &Set{}
	}
	c := newCompiler(set, opts)
	c.compileTLSStores()
	c.compileIngressRoutes()
	c.compileTLSOptions()
	c.compileMiddlewares()
	c.checkRouterMiddlewares()
	c.compileTraefikServices()
	c.compileServersTransports()
	t := c.table()
	markTLSConflicts(set, t)
	c.diags.Sort()
	return t, c.diags
}

// nsName keys objects by namespace and name.
type nsName struct{ ns, name string }

// compiler holds the indexes of the input and the table under
// construction. Its passes run in Traefik's order, because later ones may
// replace services built by earlier ones.
type compiler struct {
	set  *Set
	opts Options

	services        map[nsName]*corev1.Service
	slices          map[nsName][]*discoveryv1.EndpointSlice
	secrets         map[nsName]*corev1.Secret
	configMaps      map[nsName]*corev1.ConfigMap
	ingressRoutes   map[nsName]*IngressRoute
	traefikServices map[nsName]*TraefikService
	middlewares     map[nsName]*Middleware
	tlsOptions      map[nsName]*TLSOption
	transports      map[nsName]*ServersTransport
	// kinds records, per kind, the namespaces that hold at least one
	// object of that kind (for partial input).
	kinds map[string]map[string]bool

	routers     map[string]*Router
	svcs        map[string]*Service
	mws         map[string]*MiddlewareEntry
	sts         map[string]*ServersTransportEntry
	certs       map[string]*certEntry
	tlsOpts     map[string]*DynTLSOptions
	tlsStores   map[string]*DynTLSStore
	routerOwner map[string]nsName
	isParent    map[nsName]bool

	diags Diagnostics
}

// certEntry is a certificate read from a Secret, keyed by namespace/name.
type certEntry struct {
	cert   DynCertificate
	stores []string
}

func newCompiler(set *Set, opts Options) *compiler {
	nRoutes := 0
	for _, ir := range set.IngressRoutes {
		nRoutes += len(ir.Spec.Routes)
	}
	c := &compiler{
		set:             set,
		opts:            opts,
		services:        make(map[nsName]*corev1.Service, len(set.Services)),
		slices:          make(map[nsName][]*discoveryv1.EndpointSlice, len(set.Services)),
		secrets:         make(map[nsName]*corev1.Secret, len(set.Secrets)),
		configMaps:      map[nsName]*corev1.ConfigMap{},
		ingressRoutes:   make(map[nsName]*IngressRoute, len(set.IngressRoutes)),
		traefikServices: make(map[nsName]*TraefikService, len(set.TraefikServices)),
		middlewares:     make(map[nsName]*Middleware, len(set.Middlewares)),
		tlsOptions:      map[nsName]*TLSOption{},
		transports:      map[nsName]*ServersTransport{},
		kinds:           map[string]map[string]bool{},
		routers:         make(map[string]*Router, nRoutes),
		svcs:            make(map[string]*Service, nRoutes+len(set.TraefikServices)),
		mws:             map[string]*MiddlewareEntry{},
		sts:             map[string]*ServersTransportEntry{},
		certs:           map[string]*certEntry{},
		tlsOpts:         map[string]*DynTLSOptions{},
		tlsStores:       map[string]*DynTLSStore{},
		routerOwner:     make(map[string]nsName, nRoutes),
	}
	c.index()
	return c
}

// index fills the lookup maps with the visible objects: those of watched
// namespaces. A later object with the same namespace and name replaces an
// earlier one, as in a cluster.
func (c *compiler) index() {
	for _, o := range c.set.Services {
		if c.visible(&o.ObjectMeta, "Service") {
			c.services[key(&o.ObjectMeta)] = o
		}
	}
	for _, o := range c.set.EndpointSlices {
		if !c.visible(&o.ObjectMeta, "EndpointSlice") {
			continue
		}
		svc := o.Labels[discoveryv1.LabelServiceName]
		if svc == "" {
			continue
		}
		k := nsName{o.Namespace, svc}
		c.slices[k] = append(c.slices[k], o)
	}
	for _, l := range c.slices {
		sort.SliceStable(l, func(i, j int) bool {
			a, b := l[i].CreationTimestamp, l[j].CreationTimestamp
			if !a.Equal(&b) {
				return a.Before(&b)
			}
			return l[i].Name < l[j].Name
		})
	}
	for _, o := range c.set.Secrets {
		if c.visible(&o.ObjectMeta, "Secret") {
			c.secrets[key(&o.ObjectMeta)] = o
		}
	}
	for _, o := range setConfigMaps(c.set) {
		if c.visible(&o.ObjectMeta, "ConfigMap") {
			c.configMaps[key(&o.ObjectMeta)] = o
		}
	}
	for _, o := range c.set.IngressRoutes {
		if c.visible(&o.ObjectMeta, "IngressRoute") {
			c.ingressRoutes[key(&o.ObjectMeta)] = o
		}
	}
	for _, o := range c.set.TraefikServices {
		if c.visible(&o.ObjectMeta, "TraefikService") {
			c.traefikServices[key(&o.ObjectMeta)] = o
		}
	}
	for _, o := range c.set.Middlewares {
		if c.visible(&o.ObjectMeta, "Middleware") {
			c.middlewares[key(&o.ObjectMeta)] = o
		}
	}
	for _, o := range c.set.TLSOptions {
		if c.visible(&o.ObjectMeta, "TLSOption") {
			c.tlsOptions[key(&o.ObjectMeta)] = o
		}
	}
	for _, o := range c.set.ServersTransports {
		if c.visible(&o.ObjectMeta, "ServersTransport") {
			c.transports[key(&o.ObjectMeta)] = o
		}
	}
}

// setConfigMaps returns the ConfigMaps of the set (root CAs of servers
// transports may come from them).
func setConfigMaps(s *Set) []*corev1.ConfigMap { return s.ConfigMaps }

func key(m *metav1.ObjectMeta) nsName { return nsName{m.Namespace, m.Name} }

// visible reports whether an object is in a watched namespace, and records
// that its namespace holds objects of its kind.
func (c *compiler) visible(m *metav1.ObjectMeta, kind string) bool {
	if !c.opts.watches(m.Namespace) {
		return false
	}
	if c.kinds[kind] == nil {
		c.kinds[kind] = map[string]bool{}
	}
	c.kinds[kind][m.Namespace] = true
	return true
}

// absentIsFinding reports whether a referenced object of kind in ns that
// is not in the input is a real problem: always for complete input, and
// for partial input only when the input holds other objects of that kind
// in that namespace.
func (c *compiler) absentIsFinding(kind, ns string) bool {
	return c.opts.Complete || c.kinds[kind][ns]
}

// partialMissing turns the finding about a referenced object absent from
// partial input into a warning: the object may be defined outside the
// input. With complete input f is returned as is.
func (c *compiler) partialMissing(f *finding) *finding {
	if c.opts.Complete || f == nil {
		return f
	}
	return &finding{sev: SeverityWarning, code: CodeMissingPartial, field: f.field,
		msg: f.msg + " (partial input: it may be defined outside the input)", hint: f.hint}
}

// missingRef returns the finding to report for a referenced object of
// kind in ns that is not in the input: f itself for complete input; for
// partial input a warning when the input holds other objects of that kind
// there, else an info note saying what is not in the input.
func (c *compiler) missingRef(kind, ns, name string, f *finding) *finding {
	switch {
	case c.opts.Complete:
		return f
	case c.kinds[kind][ns]:
		return c.partialMissing(f)
	}
	return infof(CodeUnresolved, f.field, "", "%s %s/%s is not in the input", kind, ns, name)
}

// report records a diagnostic about obj at field path.
func (c *compiler) report(obj runtime.Object, field string, sev Severity, code, msg, hint string) {
	c.diags = append(c.diags, Diagnostic{
		Severity: sev,
		Code:     code,
		Object:   objectRef(obj),
		Field:    field,
		Pos:      c.set.Source(obj).Lookup(field),
		Message:  msg,
		Hint:     hint,
	})
}

// reportf is report with a formatted message.
func (c *compiler) reportf(obj runtime.Object, field string, sev Severity, code, hint, format string, args ...any) {
	c.report(obj, field, sev, code, fmt.Sprintf(format, args...), hint)
}

// origin returns where field of obj is.
func (c *compiler) origin(obj runtime.Object, field string) Origin {
	return Origin{Object: objectRef(obj), Field: field, Pos: c.set.Source(obj).Lookup(field)}
}

// objectRef names obj.
func objectRef(obj runtime.Object) ObjectRef {
	if obj == nil {
		return ObjectRef{}
	}
	ref := ObjectRef{Kind: kindOf(obj)}
	if m, ok := obj.(metav1.ObjectMetaAccessor); ok {
		meta := m.GetObjectMeta()
		ref.Namespace, ref.Name = meta.GetNamespace(), meta.GetName()
	}
	return ref
}

// kindOf returns the kind of obj, from its Go type.
func kindOf(obj runtime.Object) string {
	switch obj.(type) {
	case *IngressRoute:
		return "IngressRoute"
	case *TraefikService:
		return "TraefikService"
	case *Middleware:
		return "Middleware"
	case *TLSOption:
		return "TLSOption"
	case *TLSStore:
		return "TLSStore"
	case *ServersTransport:
		return "ServersTransport"
	case *corev1.Service:
		return "Service"
	case *discoveryv1.EndpointSlice:
		return "EndpointSlice"
	case *corev1.Node:
		return "Node"
	case *corev1.Secret:
		return "Secret"
	case *corev1.ConfigMap:
		return "ConfigMap"
	}
	return obj.GetObjectKind().GroupVersionKind().Kind
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
