package ingressroute

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/irkit/irkit/healthcheck"
	"github.com/irkit/irkit/sticky"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// backend is the outcome of resolving one service reference: the name the
// reference resolves to and, for a Kubernetes Service, the load balancer
// built for it.
type backend struct {
	name    string
	service *Service
}

// nameAndService resolves a service reference of an object in namespace
// parentNS, at field path base. Warnings come back in warns; a refusal
// comes back as the error, in Traefik's words.
func (c *compiler) nameAndService(parentNS string, spec LoadBalancerSpec, base string) (backend, []*finding, *finding) {
	var warns []*finding
	crossProvider := strings.Contains(spec.Name, providerSep)
	if !crossProvider {
		if spec.Namespace == "" {
			spec.Namespace = parentNS
		}
		if !c.opts.AllowCrossNamespace && spec.Namespace != parentNS {
			return backend{}, warns, errf(CodeCrossNamespace, base+".namespace",
				"move the Service into the namespace of the referring object, or enable allowCrossNamespace",
				"service %s/%s not in the parent resource namespace %s", spec.Namespace, spec.Name, parentNS)
		}
	}
	if !c.opts.AllowCrossNamespace && strings.HasSuffix(spec.Name, providerSep+ProviderName) {
		return backend{}, warns, errf(CodeCRDRefRefused, base+".name",
			"use name and namespace instead of name@kubernetescrd, or enable allowCrossNamespace",
			"invalid reference to service %s: namespace-name@kubernetescrd format is not allowed when crossnamespace is disallowed", spec.Name)
	}
	if crossProvider && !c.opts.crossProviderAllowed(parentNS) {
		return backend{}, warns, errf(CodeCrossProvider, base+".name",
			"add the namespace to crossProviderNamespaces, or reference a service of this provider",
			"service %q reference is not allowed: namespace %q is not in crossProviderNamespaces", spec.Name, parentNS)
	}
	switch spec.Kind {
	case "", "Service":
		svc, ws, err := c.buildServersLB(spec, base)
		warns = append(warns, ws...)
		if err != nil {
			return backend{}, warns, err
		}
		name, w := fullServiceName(spec, spec.Port, base)
		if w != nil {
			warns = append(warns, w)
		}
		svc.Name = name
		return backend{name: name, service: svc}, warns, nil
	case "TraefikService":
		name, w := fullServiceName(spec, intstr.FromInt32(0), base)
		if w != nil {
			warns = append(warns, w)
		}
		if !crossProvider {
			if _, ok := c.traefikServices[nsName{spec.Namespace, spec.Name}]; !ok {
				if c.absentIsFinding("TraefikService", spec.Namespace) {
					warns = append(warns, warnf(CodeTraefikServiceGone, base+".name",
						"create the TraefikService or fix the reference; Traefik reports nothing and the router fails at run time",
						"TraefikService %s/%s does not exist: the router points at a missing service", spec.Namespace, spec.Name))
				} else {
					warns = append(warns, infof(CodeUnresolved, base+".name", "",
						"TraefikService %s/%s is not in the input", spec.Namespace, spec.Name))
				}
			}
		}
		return backend{name: name}, warns, nil
	default:
		return backend{}, warns, errf(CodeServiceKind, base+".kind", "use kind Service or TraefikService",
			"unsupported service kind %s", spec.Kind)
	}
}

// fullServiceName returns Traefik's name for a service reference:
// namespace-name-port for a Kubernetes Service, namespace-name for a
// TraefikService, name@provider for another provider's service.
func fullServiceName(spec LoadBalancerSpec, port intstr.IntOrString, base string) (string, *finding) {
	if (port.Type == intstr.Int && port.IntVal != 0) || (port.Type == intstr.String && port.StrVal != "") {
		return Normalize(fmt.Sprintf("%s-%s-%s", spec.Namespace, spec.Name, port.String())), nil
	}
	if !strings.Contains(spec.Name, providerSep) {
		return Normalize(spec.Namespace + "-" + spec.Name), nil
	}
	name, pName, _ := splitProvider(spec.Name)
	if pName == ProviderName {
		return Normalize(spec.Namespace + "-" + name), nil
	}
	var w *finding
	if spec.Namespace != "" {
		w = warnf(CodeNamespaceIgnored, base+".namespace", "remove the namespace: a reference to another provider takes none",
			"namespace %q is ignored in cross-provider context", spec.Namespace)
	}
	return Normalize(name) + providerSep + pName, w
}

// strategies are the load-balancing strategies Traefik v3.7 knows;
// RoundRobin is the deprecated spelling of wrr.
var strategies = map[string]string{"": "wrr", "wrr": "wrr", "RoundRobin": "wrr", "p2c": "p2c", "hrw": "hrw", "leasttime": "leasttime"}

// buildServersLB builds the load balancer of a Kubernetes Service
// reference whose namespace is already resolved.
func (c *compiler) buildServersLB(spec LoadBalancerSpec, base string) (*Service, []*finding, *finding) {
	var warns []*finding
	strategy, ok := strategies[spec.Strategy]
	if !ok {
		return nil, warns, errf(CodeStrategy, base+".strategy", "use wrr, p2c, hrw or leasttime",
			"load balancing strategy %s is not supported", spec.Strategy)
	}
	if spec.Strategy == "RoundRobin" {
		warns = append(warns, warnf(CodeStrategyDeprecated, base+".strategy", "write strategy: wrr",
			"strategy RoundRobin is deprecated, it means wrr"))
	}
	servers, runtime, ws, err := c.loadServers(spec, base)
	warns = append(warns, ws...)
	if err != nil {
		return nil, warns, err
	}
	pass := true
	if spec.PassHostHeader != nil {
		pass = *spec.PassHostHeader
	}
	lb := &DynLoadBalancer{
		Servers:            servers,
		Strategy:           strategy,
		PassHostHeader:     &pass,
		ResponseForwarding: &DynResponseForwarding{FlushInterval: Duration(100 * time.Millisecond)},
	}
	if spec.ResponseForwarding != nil && spec.ResponseForwarding.FlushInterval != "" {
		d, f := parseDurationField(spec.ResponseForwarding.FlushInterval, base+".responseForwarding.flushInterval")
		if f != nil && f.sev == SeverityError {
			f.msg = "unable to parse flushInterval: " + f.msg
			return nil, warns, f
		}
		if f != nil {
			warns = append(warns, f)
		}
		lb.ResponseForwarding.FlushInterval = d
	}
	lb.Sticky = convertSticky(spec.Sticky)
	st, f := c.serversTransportKey(spec.Namespace, spec.ServersTransport, base+".serversTransport")
	if f != nil {
		return nil, warns, f
	}
	lb.ServersTransport = st
	if st != "" && !strings.Contains(spec.ServersTransport, providerSep) {
		if _, ok := c.transports[nsName{spec.Namespace, spec.ServersTransport}]; !ok {
			warns = append(warns, c.missingRef("ServersTransport", spec.Namespace, spec.ServersTransport,
				errf(CodeTransportGone, base+".serversTransport", "create the ServersTransport or fix the name",
					"serversTransport %s/%s does not exist: Traefik refuses the service at run time", spec.Namespace, spec.ServersTransport)))
		}
	}
	if spec.HealthCheck != nil {
		hc, fs, fatal := convertHealthCheck(spec.HealthCheck, base+".healthCheck")
		warns = append(warns, fs...)
		if fatal != nil {
			return nil, warns, fatal
		}
		lb.HealthCheck = hc
	}
	if spec.PassiveHealthCheck != nil {
		phc := &DynPassiveHealthCheck{
			FailureWindow:     Duration(healthcheck.DefaultFailureWindow),
			MaxFailedAttempts: healthcheck.DefaultMaxFailedAttempts,
		}
		if spec.PassiveHealthCheck.FailureWindow != nil {
			d, f := parseIntOrStringDuration(*spec.PassiveHealthCheck.FailureWindow, base+".passiveHealthCheck.failureWindow")
			if f != nil && f.sev == SeverityError {
				return nil, warns, f
			}
			if f != nil {
				warns = append(warns, f)
			}
			phc.FailureWindow = d
		}
		if spec.PassiveHealthCheck.MaxFailedAttempts != nil {
			phc.MaxFailedAttempts = *spec.PassiveHealthCheck.MaxFailedAttempts
		}
		lb.PassiveHealthCheck = phc
	}
	svc := &Service{Config: &DynService{LoadBalancer: lb}, ResolvedAtRuntime: runtime}
	if len(spec.Middlewares) > 0 {
		for i, m := range spec.Middlewares {
			ref, ws, f := c.resolveReference(spec.Namespace, m.Namespace, m.Name, fmt.Sprintf("%s.middlewares[%d]", base, i))
			warns = append(warns, ws...)
			if f != nil {
				f.msg = fmt.Sprintf("invalid reference to middleware %s: %s", m.Name, f.msg)
				return nil, warns, f
			}
			svc.Config.Middlewares = append(svc.Config.Middlewares, ref)
		}
	}
	return svc, warns, nil
}

// convertSticky copies a sticky configuration, with Traefik's default
// cookie path.
func convertSticky(s *sticky.Sticky) *DynSticky {
	if s == nil || s.Cookie == nil {
		return nil
	}
	out := &DynSticky{}
	{
		ck := s.Cookie
		path := sticky.DefaultCookiePath
		if ck.Path != nil {
			path = *ck.Path
		}
		out.Cookie = &DynCookie{Name: ck.Name, Secure: ck.Secure, HTTPOnly: ck.HTTPOnly, SameSite: ck.SameSite,
			MaxAge: ck.MaxAge, Path: &path, Domain: ck.Domain}
	}
	return out
}

// serversTransportKey resolves a serversTransport reference of a service
// in namespace ns.
func (c *compiler) serversTransportKey(ns, name, field string) (string, *finding) {
	if name == "" {
		return "", nil
	}
	if strings.Contains(name, providerSep) {
		if !c.opts.AllowCrossNamespace && strings.HasSuffix(name, providerSep+ProviderName) {
			return "", errf(CodeCRDRefRefused, field, "reference the ServersTransport by name in the service's namespace, or enable allowCrossNamespace",
				"invalid reference to serversTransport %s: namespace-name@kubernetescrd format is not allowed when crossnamespace is disallowed", name)
		}
		if !c.opts.crossProviderAllowed(ns) {
			return "", errf(CodeCrossProvider, field, "add the namespace to crossProviderNamespaces",
				"serversTransport %q reference is not allowed: namespace %q is not in crossProviderNamespaces", name, ns)
		}
		return name, nil
	}
	return Normalize(makeID(ns, name)), nil
}

// servicePort finds the port of svc a reference names. For an
// ExternalName Service a number is taken as is.
func servicePort(svc *corev1.Service, port intstr.IntOrString, base string) (corev1.ServicePort, *finding, *finding) {
	if (port.Type == intstr.Int && port.IntVal == 0) || (port.Type == intstr.String && port.StrVal == "") {
		hint := "set the port of the Service to use, by number or by name"
		if svc.Spec.Type == corev1.ServiceTypeExternalName {
			hint += "; Traefik v3.7 refuses an ExternalName reference without port even when the Service declares one"
		}
		return corev1.ServicePort{}, nil, errf(CodePortNotDefined, base, hint, "ingressRoute service port not defined")
	}
	hasValid := false
	for _, p := range svc.Spec.Ports {
		if (port.Type == intstr.Int && port.IntVal == p.Port) || (port.Type == intstr.String && port.StrVal == p.Name) {
			return p, nil, nil
		}
		if p.Port != 0 {
			hasValid = true
		}
	}
	if svc.Spec.Type != corev1.ServiceTypeExternalName || port.Type == intstr.String {
		return corev1.ServicePort{}, nil, errf(CodePortNotFound, base+".port", "use a port number or name the Service declares ("+declaredPorts(svc)+")",
			"service port not found: %s", port.String())
	}
	var w *finding
	if hasValid {
		w = warnf(CodeExternalNamePort, base+".port", "the route's port is used; declare it on the Service or drop the Service's ports",
			"The port %s from IngressRoute doesn't match with ports defined in the ExternalName service %s/%s.", port.String(), svc.Namespace, svc.Name)
	}
	return corev1.ServicePort{Port: port.IntVal}, w, nil
}

// declaredPorts lists the ports of svc for a hint.
func declaredPorts(svc *corev1.Service) string {
	var parts []string
	for _, p := range svc.Spec.Ports {
		if p.Name != "" {
			parts = append(parts, fmt.Sprintf("%d (%s)", p.Port, p.Name))
		} else {
			parts = append(parts, strconv.Itoa(int(p.Port)))
		}
	}
	if len(parts) == 0 {
		return "none declared"
	}
	return strings.Join(parts, ", ")
}

// serviceScheme returns the scheme of the servers: the explicit one, or
// https for port 443 or a port name starting with "https", else http.
func serviceScheme(scheme, portName string, port int32, field string) (string, *finding) {
	switch scheme {
	case "http", "https", "h2c":
		return scheme, nil
	case "":
		if port == 443 || strings.HasPrefix(portName, "https") {
			return "https", nil
		}
		return "http", nil
	}
	return "", errf(CodeScheme, field, "use http, https or h2c, in lower case", "invalid scheme %q specified", scheme)
}

// loadServers returns the servers of a Kubernetes Service reference;
// runtime is set when they are left to run time (partial input).
func (c *compiler) loadServers(spec LoadBalancerSpec, base string) ([]DynServer, bool, []*finding, *finding) {
	var warns []*finding
	if !c.opts.watches(spec.Namespace) {
		return nil, false, warns, errf(CodeNotWatched, base+".namespace", "watch the namespace (providers.kubernetesCRD.namespaces)",
			"failed to get service %s/%s: namespace is not within watched namespaces", spec.Namespace, spec.Name)
	}
	svc, ok := c.services[nsName{spec.Namespace, spec.Name}]
	if !ok {
		if !c.absentIsFinding("Service", spec.Namespace) {
			warns = append(warns, infof(CodeUnresolved, base+".name", "",
				"Service %s/%s is not in the input: its servers are resolved at run time", spec.Namespace, spec.Name))
			return nil, true, warns, nil
		}
		f := errf(CodeServiceNotFound, base+".name", "create the Service or fix the name",
			"kubernetes service not found: %s/%s", spec.Namespace, spec.Name)
		if !c.opts.Complete {
			return nil, true, append(warns, c.partialMissing(f)), nil
		}
		return nil, false, warns, f
	}
	port, w, err := servicePort(svc, spec.Port, base)
	if w != nil {
		warns = append(warns, w)
	}
	if err != nil {
		return nil, false, warns, err
	}
	if svc.Spec.Type != corev1.ServiceTypeExternalName && spec.HealthCheck != nil {
		return nil, false, warns, errf(CodeHealthCheck, base+".healthCheck", "remove the healthCheck: Kubernetes already probes the endpoints of this Service",
			"healthCheck allowed only for ExternalName services: %s/%s", spec.Namespace, spec.Name)
	}
	if svc.Spec.Type == corev1.ServiceTypeExternalName {
		if !c.opts.AllowExternalNameServices {
			return nil, false, warns, errf(CodeExternalNameRefused, base+".name", "enable allowExternalNameServices, or use a Service with endpoints",
				"externalName services not allowed: %s/%s", spec.Namespace, spec.Name)
		}
		scheme, err := serviceScheme(spec.Scheme, port.Name, port.Port, base+".scheme")
		if err != nil {
			return nil, false, warns, err
		}
		u := scheme + "://" + net.JoinHostPort(svc.Spec.ExternalName, strconv.Itoa(int(port.Port)))
		return []DynServer{{URL: u}}, false, warns, nil
	}
	native := c.opts.NativeLBByDefault
	if spec.NativeLB != nil {
		native = *spec.NativeLB
	}
	if native {
		switch svc.Spec.ClusterIP {
		case "None":
			return nil, false, warns, errf(CodeNativeLB, base+".nativeLB", "a headless Service has no ClusterIP: drop nativeLB",
				"getting native Kubernetes Service address: no clusterIP on headless service: %s/%s", svc.Namespace, svc.Name)
		case "":
			return nil, false, warns, errf(CodeNativeLB, base+".nativeLB", "set the Service's clusterIP, or drop nativeLB",
				"getting native Kubernetes Service address: no clusterIP found for service: %s/%s", svc.Namespace, svc.Name)
		}
		scheme, err := serviceScheme(spec.Scheme, port.Name, port.Port, base+".scheme")
		if err != nil {
			return nil, false, warns, err
		}
		return []DynServer{{URL: scheme + "://" + net.JoinHostPort(svc.Spec.ClusterIP, strconv.Itoa(int(port.Port)))}}, false, warns, nil
	}
	if spec.NodePortLB && svc.Spec.Type == corev1.ServiceTypeNodePort {
		servers, err := c.nodePortServers(spec, svc, port, base)
		return servers, false, warns, err
	}
	slices := c.slices[nsName{spec.Namespace, spec.Name}]
	if len(slices) == 0 && !c.opts.Complete {
		warns = append(warns, infof(CodeUnresolved, base+".name", "",
			"no EndpointSlice for Service %s/%s in the input: its servers are resolved at run time", spec.Namespace, spec.Name))
		return nil, true, warns, nil
	}
	servers, err := endpointServers(spec, port, slices, base)
	if err != nil {
		return nil, false, warns, err
	}
	if len(servers) == 0 && !c.opts.AllowEmptyServices {
		return nil, false, warns, errf(CodeNoServers, base+".name", "check the Service's selector and its pods' readiness, or enable allowEmptyServices",
			"no servers found for %s/%s", spec.Namespace, spec.Name)
	}
	return servers, false, warns, nil
}

// endpointServers lists the servers of the EndpointSlices of a Service:
// slices in order, the port matched by name, endpoints not serving left
// out, terminating ones fenced, addresses deduplicated.
func endpointServers(spec LoadBalancerSpec, port corev1.ServicePort, slices []*discoveryv1.EndpointSlice, base string) ([]DynServer, *finding) {
	var servers []DynServer
	seen := map[string]bool{}
	for _, sl := range slices {
		var p int32
		for _, ep := range sl.Ports {
			name := ""
			if ep.Name != nil {
				name = *ep.Name
			}
			if name == port.Name && ep.Port != nil {
				p = *ep.Port
				break
			}
		}
		if p == 0 {
			continue
		}
		scheme, err := serviceScheme(spec.Scheme, port.Name, port.Port, base+".scheme")
		if err != nil {
			return nil, err
		}
		for _, e := range sl.Endpoints {
			ready := e.Conditions.Ready == nil || *e.Conditions.Ready
			serving := e.Conditions.Serving != nil && *e.Conditions.Serving
			if !ready && !serving {
				continue
			}
			terminating := e.Conditions.Terminating != nil && *e.Conditions.Terminating
			for _, addr := range e.Addresses {
				if seen[addr] {
					continue
				}
				seen[addr] = true
				servers = append(servers, DynServer{
					URL:    scheme + "://" + net.JoinHostPort(addr, strconv.Itoa(int(p))),
					Fenced: terminating && serving,
				})
			}
		}
	}
	return servers, nil
}

// nodePortServers lists the servers of a nodePortLB reference: the
// internal IP of every node, with the Service's node port.
func (c *compiler) nodePortServers(spec LoadBalancerSpec, svc *corev1.Service, port corev1.ServicePort, base string) ([]DynServer, *finding) {
	if c.opts.DisableClusterScopeResources {
		return nil, errf(CodeNodePortLB, base+".nodePortLB", "drop nodePortLB, or enable cluster scope resources", "nodes lookup is disabled")
	}
	if len(c.set.Nodes) == 0 {
		return nil, errf(CodeNodePortLB, base+".nodePortLB", "nodePortLB needs the cluster's Nodes",
			"nodes not found for NodePort service %s/%s", svc.Namespace, svc.Name)
	}
	scheme, err := serviceScheme(spec.Scheme, port.Name, port.Port, base+".scheme")
	if err != nil {
		return nil, err
	}
	var servers []DynServer
	for _, n := range c.set.Nodes {
		for _, a := range n.Status.Addresses {
			if a.Type == corev1.NodeInternalIP {
				servers = append(servers, DynServer{URL: scheme + "://" + net.JoinHostPort(a.Address, strconv.Itoa(int(port.NodePort)))})
			}
		}
	}
	if len(servers) == 0 {
		return nil, errf(CodeNodePortLB, base+".nodePortLB", "the Nodes have no InternalIP address",
			"no servers were generated for service %s/%s", svc.Namespace, svc.Name)
	}
	return servers, nil
}
