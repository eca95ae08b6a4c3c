package ingressroute

// Options are the settings of Traefik's Kubernetes CRD provider
// (providers.kubernetesCRD.*) that change what it builds, plus irkit's own
// Complete switch. The zero Options is not Traefik's default: start from
// DefaultOptions.
type Options struct {
	// IngressClass selects the IngressRoutes to process. Empty: those with
	// no class or class "traefik". Otherwise only those whose
	// spec.ingressClassName (or, failing that, kubernetes.io/ingress.class
	// annotation) equals it.
	IngressClass string
	// AllowCrossNamespace allows references to objects in another
	// namespace, and "@kubernetescrd" references. Default false.
	AllowCrossNamespace bool
	// AllowExternalNameServices allows Services of type ExternalName.
	// Default false.
	AllowExternalNameServices bool
	// AllowEmptyServices keeps a load balancer with no servers instead of
	// refusing the route. Default false.
	AllowEmptyServices bool
	// NativeLBByDefault is the default of a service reference's nativeLB
	// (use the ClusterIP instead of the endpoints). Default false.
	NativeLBByDefault bool
	// DisableClusterScopeResources refuses Node lookups, so that
	// nodePortLB references fail. Default false.
	DisableClusterScopeResources bool
	// CrossProviderNamespaces limits "name@provider" references to
	// IngressRoutes and TraefikServices of these namespaces. Nil: unset,
	// allowed everywhere. Empty but not nil: allowed nowhere.
	CrossProviderNamespaces []string
	// Namespaces are the watched namespaces; objects elsewhere are
	// invisible. Nil or empty: all namespaces.
	Namespaces []string
	// Complete says the input is the whole cluster state as Traefik sees
	// it: an object absent from it does not exist (no EndpointSlice means
	// no servers). When false (partial input, the default for linting a
	// repository), servers without EndpointSlices are resolved at run time
	// and an absent referenced object is a finding only when the input
	// holds other objects of its kind in that namespace.
	Complete bool
	// DefaultEntryPoints are the entry points of Traefik's static
	// configuration that serve IngressRoutes without entryPoints. Nil:
	// unknown, such routers are taken to serve on every entry point.
	DefaultEntryPoints []string
}

// DefaultOptions returns Traefik's defaults, for partial input.
func DefaultOptions() Options {
	return Options{}
}

// watches reports whether namespace ns is watched.
func (o Options) watches(ns string) bool {
	if len(o.Namespaces) == 0 {
		return true
	}
	for _, n := range o.Namespaces {
		if n == ns {
			return true
		}
	}
	return false
}

// crossProviderAllowed reports whether objects of namespace ns may use
// references to other providers.
func (o Options) crossProviderAllowed(ns string) bool {
	if o.CrossProviderNamespaces == nil {
		return true
	}
	for _, n := range o.CrossProviderNamespaces {
		if n == ns {
			return true
		}
	}
	return false
}
