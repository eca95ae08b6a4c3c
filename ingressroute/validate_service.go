package ingressroute

import (
	"slices"

	"github.com/irkit/irkit/healthcheck"
	"github.com/irkit/irkit/internal/validation"
	"github.com/irkit/irkit/sticky"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// serviceSchemes lists the schemes of the servers of a Kubernetes Service
// reference, lower case only.
var serviceSchemes = []string{"http", "https", "h2c"}

// ServiceSchemes returns the schemes of the servers of a Kubernetes
// Service reference ("http", "https", "h2c"), lower case only. The slice
// is a copy: changing it changes nothing.
func ServiceSchemes() []string { return slices.Clone(serviceSchemes) }

// isKubernetesServiceKind reports whether a service reference names a
// Kubernetes Service (kind Service, the default) rather than a
// TraefikService (or a kind that the struct tags refuse).
func isKubernetesServiceKind(kind string) bool { return kind == "" || kind == "Service" }

// validateLoadBalancerSpec checks a reference to a Kubernetes Service or a
// TraefikService with the settings of its load balancer: the element of a
// route's services, of weighted and highestRandomWeight TraefikServices,
// the main service and mirrors of a mirroring, the service and fallback of
// a failover, the service of an errors middleware. Kind, strategy and the
// name's presence are checked by struct tags.
//
// Only the syntax is checked here: whether the Service exists, has the
// port, is an ExternalName, is Compile's question.
func validateLoadBalancerSpec(s *LoadBalancerSpec, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	if s.Name != "" {
		errs = append(errs, validateServiceRefName(s, fldPath.Child("name"))...)
	}
	errs = append(errs, validateOptionalNamespace(s.Namespace, fldPath.Child("namespace"))...)
	if isKubernetesServiceKind(s.Kind) {
		errs = append(errs, validateServicePort(s.Port, fldPath.Child("port"))...)
		if s.Scheme != "" && !slices.Contains(serviceSchemes, s.Scheme) {
			errs = append(errs, field.NotSupported(fldPath.Child("scheme"), s.Scheme, serviceSchemes))
		}
	}
	if s.ServersTransport != "" {
		errs = append(errs, validation.ValidateReference(s.ServersTransport, validation.ValidateObjectName, fldPath.Child("serversTransport"))...)
	}
	if s.Weight != nil && *s.Weight < 0 {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("weight"), *s.Weight,
			"a negative weight is taken as 0: the service never gets traffic")))
	}
	if rf := s.ResponseForwarding; rf != nil && rf.FlushInterval != "" {
		errs = append(errs, validation.ValidateDuration(rf.FlushInterval, validation.AnySign, fldPath.Child("responseForwarding", "flushInterval"))...)
	}
	errs = append(errs, sticky.Validate(s.Sticky, fldPath.Child("sticky"))...)
	errs = append(errs, healthcheck.Validate(s.HealthCheck, fldPath.Child("healthCheck"))...)
	errs = append(errs, healthcheck.ValidatePassive(s.PassiveHealthCheck, fldPath.Child("passiveHealthCheck"))...)
	errs = append(errs, validateMiddlewareRefs(s.Middlewares, fldPath.Child("middlewares"))...)
	return errs
}

// validateServiceRefName checks the name of a service reference. A
// TraefikService is named like any Traefik object, or "name@provider" for
// another provider's service. A Kubernetes Service has a DNS-1035 name,
// optionally followed by "@kubernetescrd" (Traefik strips it); any other
// provider cannot hold a Kubernetes Service.
func validateServiceRefName(s *LoadBalancerSpec, fldPath *field.Path) field.ErrorList {
	if !isKubernetesServiceKind(s.Kind) {
		return validation.ValidateReference(s.Name, validation.ValidateObjectName, fldPath)
	}
	name, provider, ok := validation.SplitProvider(s.Name)
	if !ok {
		return validation.ValidateServiceName(s.Name, fldPath)
	}
	if provider != ProviderName {
		return field.ErrorList{field.Invalid(fldPath, s.Name,
			"a Kubernetes Service can only be referenced in the "+ProviderName+" provider; for another provider's service, set kind: TraefikService").WithOrigin(validation.OriginName)}
	}
	return validation.ValidateServiceName(name, fldPath)
}

// validateServicePort checks the port of a Kubernetes Service reference:
// required (Traefik refuses a reference without one, ExternalName Services
// included), a number from 1 to 65535 or a port name.
func validateServicePort(port intstr.IntOrString, fldPath *field.Path) field.ErrorList {
	switch {
	case port.Type == intstr.Int && port.IntVal == 0, port.Type == intstr.String && port.StrVal == "":
		return field.ErrorList{field.Required(fldPath, "Traefik refuses a Kubernetes Service reference without a port, even to an ExternalName Service")}
	case port.Type == intstr.Int:
		return validation.ValidatePortNumber(int(port.IntVal), fldPath)
	}
	return validation.ValidatePortName(port.StrVal, fldPath)
}
