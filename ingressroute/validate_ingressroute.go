package ingressroute

import (
	"slices"

	"github.com/irkit/irkit/internal/validation"
	"github.com/irkit/irkit/tls"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// ruleSyntaxes lists the values of a route's syntax; empty means v3.
var ruleSyntaxes = []string{"v3", "v2"}

// RuleSyntaxes returns the values a route's syntax may take ("v3", "v2");
// empty means v3. The slice is a copy: changing it changes nothing.
func RuleSyntaxes() []string { return slices.Clone(ruleSyntaxes) }

// validateIngressRoute checks one IngressRoute.
func validateIngressRoute(ir *IngressRoute) field.ErrorList {
	errs := validateObjectMeta(&ir.ObjectMeta, field.NewPath("metadata"))
	return append(errs, validateIngressRouteSpec(&ir.Spec, field.NewPath("spec"))...)
}

// validateIngressRouteSpec checks the spec of an IngressRoute: the
// declarative checks of its struct tags, then each part.
func validateIngressRouteSpec(spec *IngressRouteSpec, fldPath *field.Path) field.ErrorList {
	errs := validation.Struct(spec, fldPath)
	errs = append(errs, validateEntryPoints(spec.EntryPoints, fldPath.Child("entryPoints"))...)
	for i := range spec.Routes {
		errs = append(errs, validateRoute(&spec.Routes[i], fldPath.Child("routes").Index(i))...)
	}
	errs = append(errs, tls.ValidateRouteTLS(spec.TLS, fldPath.Child("tls"))...)
	for i, ref := range spec.ParentRefs {
		p := fldPath.Child("parentRefs").Index(i)
		if ref.Name != "" {
			errs = append(errs, validation.ValidateObjectName(ref.Name, p.Child("name"))...)
		}
		errs = append(errs, validateOptionalNamespace(ref.Namespace, p.Child("namespace"))...)
	}
	return errs
}

// validateEntryPoints checks entry point names: not empty (no entry point
// has that name, so Traefik refuses the router), not repeated.
func validateEntryPoints(eps []string, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	seen := map[string]bool{}
	for i, ep := range eps {
		p := fldPath.Index(i)
		switch {
		case ep == "":
			errs = append(errs, field.Invalid(p, ep, "an entry point name cannot be empty"))
		case seen[ep]:
			errs = append(errs, validation.Warn(field.Duplicate(p, ep)))
		}
		seen[ep] = true
	}
	return errs
}

// validateRoute checks one route: its syntax, services and middlewares.
// Its match, kind, priority and traceVerbosity are checked by struct tags.
func validateRoute(r *Route, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	if r.Syntax != "" && !slices.Contains(ruleSyntaxes, r.Syntax) {
		errs = append(errs, validation.Warn(field.NotSupported(fldPath.Child("syntax"), r.Syntax, ruleSyntaxes)))
	}
	for i := range r.Services {
		errs = append(errs, validateLoadBalancerSpec(&r.Services[i], fldPath.Child("services").Index(i))...)
	}
	errs = append(errs, validateMiddlewareRefs(r.Middlewares, fldPath.Child("middlewares"))...)
	return errs
}

// validateMiddlewareRefs checks references to middlewares: each name a
// Kubernetes name or a provider reference, each namespace a namespace
// name; a middleware listed twice is a warning.
func validateMiddlewareRefs(refs []MiddlewareRef, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	seen := map[MiddlewareRef]bool{}
	for i, ref := range refs {
		p := fldPath.Index(i)
		if ref.Name != "" {
			errs = append(errs, validation.ValidateReference(ref.Name, validation.ValidateObjectName, p.Child("name"))...)
		}
		errs = append(errs, validateOptionalNamespace(ref.Namespace, p.Child("namespace"))...)
		if seen[ref] && ref.Name != "" {
			errs = append(errs, validation.Warn(field.Duplicate(p.Child("name"), ref.Name)))
		}
		seen[ref] = true
	}
	return errs
}

// validateOptionalNamespace checks a namespace field that may be empty.
func validateOptionalNamespace(ns string, fldPath *field.Path) field.ErrorList {
	if ns == "" {
		return nil
	}
	return validation.ValidateNamespace(ns, fldPath)
}
