package ingressroute

import (
	"github.com/irkit/irkit/internal/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// validateMiddleware checks one Middleware: its metadata, that it
// configures exactly one middleware type, and the references inside it (a
// chain's middlewares, an errors middleware's service). The rest of the
// body is not read yet.
func validateMiddleware(m *Middleware) field.ErrorList {
	errs := validateObjectMeta(&m.ObjectMeta, field.NewPath("metadata"))
	spec := field.NewPath("spec")
	types, err := m.Types()
	if err != nil {
		return append(errs, field.Invalid(spec, nil, "the spec must be a mapping of one middleware type to its configuration"))
	}
	switch {
	case len(types) == 0:
		errs = append(errs, validation.Warn(field.Required(spec, "a Middleware configures one middleware type; routers that use this one fail")))
	case len(types) > 1:
		for _, t := range types[1:] {
			errs = append(errs, validation.Warn(field.Forbidden(spec.Child(t),
				"a Middleware configures one middleware type ("+types[0]+" here); Traefik refuses routers that use one with several")))
		}
	}
	refs, err := m.References()
	if err != nil {
		return errs
	}
	chain := spec.Child("chain", "middlewares")
	for i := range refs.Chain {
		errs = append(errs, validation.Struct(&refs.Chain[i], chain.Index(i))...)
	}
	errs = append(errs, validateMiddlewareRefs(refs.Chain, chain)...)
	if refs.ErrorsService != nil {
		p := spec.Child("errors", "service")
		errs = append(errs, validation.Struct(refs.ErrorsService, p)...)
		errs = append(errs, validateLoadBalancerSpec(refs.ErrorsService, p)...)
	}
	return errs
}
