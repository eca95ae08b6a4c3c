package ingressroute

import (
	"strconv"
	"strings"

	"github.com/irkit/irkit/internal/validation"
	"github.com/irkit/irkit/sticky"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// traefikServiceTypes lists the JSON names of the service types of a
// TraefikService spec, in the order Traefik reads them.
var traefikServiceTypes = []string{"weighted", "mirroring", "highestRandomWeight", "failover"}

// validateTraefikService checks one TraefikService.
func validateTraefikService(ts *TraefikService) field.ErrorList {
	errs := validateObjectMeta(&ts.ObjectMeta, field.NewPath("metadata"))
	return append(errs, validateTraefikServiceSpec(&ts.Spec, field.NewPath("spec"))...)
}

// validateTraefikServiceSpec checks the spec: exactly one service type
// (none is refused by Traefik; it reads only the first of several), then
// that type's services.
func validateTraefikServiceSpec(spec *TraefikServiceSpec, fldPath *field.Path) field.ErrorList {
	errs := validation.Struct(spec, fldPath)
	set := []bool{spec.Weighted != nil, spec.Mirroring != nil, spec.HighestRandomWeight != nil, spec.Failover != nil}
	var used string
	for i, ok := range set {
		switch {
		case !ok:
		case used == "":
			used = traefikServiceTypes[i]
		default:
			errs = append(errs, validation.Warn(field.Forbidden(fldPath.Child(traefikServiceTypes[i]),
				"a TraefikService has one type; Traefik reads "+used+" and ignores this one")))
		}
	}
	if used == "" {
		errs = append(errs, field.Required(fldPath, "one of weighted, mirroring, highestRandomWeight or failover; Traefik refuses an unspecified service type"))
	}
	if w := spec.Weighted; w != nil {
		p := fldPath.Child("weighted")
		errs = append(errs, validateServiceList(w.Services, p.Child("services"))...)
		errs = append(errs, sticky.Validate(w.Sticky, p.Child("sticky"))...)
	}
	if m := spec.Mirroring; m != nil {
		p := fldPath.Child("mirroring")
		errs = append(errs, validateLoadBalancerSpec(&m.LoadBalancerSpec, p)...)
		for i := range m.Mirrors {
			errs = append(errs, validateLoadBalancerSpec(&m.Mirrors[i].LoadBalancerSpec, p.Child("mirrors").Index(i))...)
		}
		errs = append(errs, validateBodySize(m.MaxBodySize, p.Child("maxBodySize"))...)
	}
	if h := spec.HighestRandomWeight; h != nil {
		errs = append(errs, validateServiceList(h.Services, fldPath.Child("highestRandomWeight", "services"))...)
	}
	if f := spec.Failover; f != nil {
		p := fldPath.Child("failover")
		errs = append(errs, validateLoadBalancerSpec(&f.Service, p.Child("service"))...)
		errs = append(errs, validateLoadBalancerSpec(&f.Fallback, p.Child("fallback"))...)
		if f.Errors != nil {
			pe := p.Child("errors")
			for i, s := range f.Errors.Status {
				errs = append(errs, validateStatusRange(s, pe.Child("status").Index(i))...)
			}
			errs = append(errs, validateBodySize(f.Errors.MaxRequestBodyBytes, pe.Child("maxRequestBodyBytes"))...)
		}
	}
	return errs
}

// validateServiceList checks the services of a weighted or
// highestRandomWeight service; an empty list is a warning (every request
// gets 503).
func validateServiceList(svcs []LoadBalancerSpec, fldPath *field.Path) field.ErrorList {
	if len(svcs) == 0 {
		return field.ErrorList{validation.Warn(field.Required(fldPath, "without services, every request is answered 503"))}
	}
	var errs field.ErrorList
	for i := range svcs {
		errs = append(errs, validateLoadBalancerSpec(&svcs[i], fldPath.Index(i))...)
	}
	return errs
}

// validateBodySize checks a body size in bytes, where -1 means unlimited.
func validateBodySize(n *int64, fldPath *field.Path) field.ErrorList {
	if n != nil && *n < -1 {
		return field.ErrorList{validation.Warn(field.Invalid(fldPath, *n, "must be -1 (unlimited) or a number of bytes"))}
	}
	return nil
}

// validateStatusRange checks a status code or range ("500", "500-504") as
// Traefik reads them: numbers it cannot read are errors, codes outside
// 100-599 and reversed ranges warnings.
func validateStatusRange(s string, fldPath *field.Path) field.ErrorList {
	parts := strings.Split(s, "-")
	if len(parts) > 2 {
		return field.ErrorList{field.Invalid(fldPath, s, `write a status code ("404") or a range ("500-504")`)}
	}
	var codes []int
	for _, part := range parts {
		n, err := strconv.Atoi(part)
		if err != nil {
			return field.ErrorList{field.Invalid(fldPath, s, `write a status code ("404") or a range ("500-504")`)}
		}
		codes = append(codes, n)
	}
	for _, n := range codes {
		if n < 100 || n > 599 {
			return field.ErrorList{validation.Warn(field.Invalid(fldPath, s, "HTTP status codes are between 100 and 599"))}
		}
	}
	if len(codes) == 2 && codes[0] > codes[1] {
		return field.ErrorList{validation.Warn(field.Invalid(fldPath, s, "the range is reversed and matches no status"))}
	}
	return nil
}
