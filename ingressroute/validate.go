package ingressroute

import (
	"fmt"
	"strings"

	"github.com/irkit/irkit/internal/validation"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Validate checks every Traefik object of set on its own, field by field:
// required fields, enumerations, ranges, names, durations, header names.
// It does not look at other objects (whether a referenced Service exists,
// whether its port does: that is Compile's work).
//
// Findings the CRD schema or Traefik refuses are errors (codes IR20xx);
// findings Traefik accepts but ignores or cannot honour are warnings
// (IR21xx). Each diagnostic names the object, the JSON field path
// ("spec.routes[0].services[1].port") and, for decoded objects, the
// position of that field. The result is sorted; it is empty for a nil or
// empty set.
func Validate(set *Set) Diagnostics {
	if set == nil {
		return nil
	}
	var ds Diagnostics
	add := func(obj runtime.Object, kind string, meta *metav1.ObjectMeta, errs field.ErrorList) {
		ds = append(ds, fieldDiagnostics(errs, validateObjectRef(kind, meta), set.Source(obj))...)
	}
	for _, o := range set.IngressRoutes {
		add(o, "IngressRoute", &o.ObjectMeta, validateIngressRoute(o))
	}
	for _, o := range set.TraefikServices {
		add(o, "TraefikService", &o.ObjectMeta, validateTraefikService(o))
	}
	for _, o := range set.Middlewares {
		add(o, "Middleware", &o.ObjectMeta, validateMiddleware(o))
	}
	for _, o := range set.TLSOptions {
		add(o, "TLSOption", &o.ObjectMeta, validateTLSOption(o))
	}
	for _, o := range set.TLSStores {
		add(o, "TLSStore", &o.ObjectMeta, validateTLSStore(o))
	}
	for _, o := range set.ServersTransports {
		add(o, "ServersTransport", &o.ObjectMeta, validateServersTransport(o))
	}
	ds.Sort()
	return ds
}

// validateObjectRef names an object in a diagnostic.
func validateObjectRef(kind string, meta *metav1.ObjectMeta) ObjectRef {
	return ObjectRef{Kind: kind, Namespace: meta.Namespace, Name: meta.Name}
}

// validateObjectMeta checks the metadata of a Traefik object: a name (or a
// generateName) that is a DNS-1123 subdomain, a namespace that is a
// DNS-1123 label.
func validateObjectMeta(meta *metav1.ObjectMeta, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	switch {
	case meta.Name != "":
		errs = append(errs, validation.ValidateObjectName(meta.Name, fldPath.Child("name"))...)
	case meta.GenerateName == "":
		errs = append(errs, field.Required(fldPath.Child("name"), "name or generateName is required"))
	}
	if meta.Namespace != "" {
		errs = append(errs, validation.ValidateNamespace(meta.Namespace, fldPath.Child("namespace"))...)
	}
	return errs
}

// fieldDiagnostics is the boundary between field errors and diagnostics:
// one diagnostic per error, its code chosen by the error's type and
// origin, positioned at its field.
func fieldDiagnostics(errs field.ErrorList, obj ObjectRef, src *Source) Diagnostics {
	ds := make(Diagnostics, 0, len(errs))
	for _, e := range errs {
		if e == nil {
			continue
		}
		code := fieldErrorCode(e)
		ds = append(ds, Diagnostic{
			Severity: severityOf(code),
			Code:     code,
			Object:   obj,
			Field:    e.Field,
			Pos:      fieldErrorPos(src, e),
			Message:  fieldErrorMessage(e),
			Hint:     fieldErrorHint(e),
		})
	}
	return ds
}

// fieldErrorPos is where a field error is reported: the value of the
// field, or, for a missing or forbidden field, the key of the field or of
// its nearest ancestor written in the source ("fallback:" rather than the
// first line of the mapping under it).
func fieldErrorPos(src *Source, e *field.Error) Position {
	if e.Type != field.ErrorTypeRequired && e.Type != field.ErrorTypeForbidden {
		return src.Lookup(e.Field)
	}
	for p := e.Field; p != ""; p = parentPath(p) {
		if src.Has(p) {
			return src.KeyPos(p)
		}
	}
	return src.Lookup(e.Field)
}

// fieldErrorCode maps a field error to its code. Warnings (see
// validation.Warn) get an IR21xx code by type; errors an IR20xx code by
// type, and invalid names and durations their own. An error-level
// Duplicate, which no validator emits, counts as an invalid value.
func fieldErrorCode(e *field.Error) string {
	if validation.IsWarning(e) {
		switch e.Type {
		case field.ErrorTypeRequired:
			return CodeSchemaMissing
		case field.ErrorTypeNotSupported:
			return CodeSchemaIgnoredValue
		case field.ErrorTypeDuplicate:
			return CodeSchemaDuplicate
		case field.ErrorTypeForbidden:
			return CodeSchemaIgnoredField
		}
		return CodeSchemaDubious
	}
	switch e.Type {
	case field.ErrorTypeRequired:
		return CodeSchemaRequired
	case field.ErrorTypeNotSupported:
		return CodeSchemaUnsupported
	case field.ErrorTypeForbidden:
		return CodeSchemaForbidden
	case field.ErrorTypeTooLong, field.ErrorTypeTooMany:
		return CodeSchemaTooLong
	case field.ErrorTypeInternal, field.ErrorTypeTypeInvalid:
		return CodeSchemaInternal
	}
	switch e.Origin {
	case validation.OriginName:
		return CodeSchemaName
	case validation.OriginDuration:
		return CodeSchemaDuration
	}
	return CodeSchemaInvalid
}

// fieldErrorMessage says what is wrong, naming the field by its last
// element and quoting the bad value.
func fieldErrorMessage(e *field.Error) string {
	name := lastPathElement(e.Field)
	switch e.Type {
	case field.ErrorTypeRequired:
		if e.Detail != "" {
			return fmt.Sprintf("%s is missing: %s", name, e.Detail)
		}
		return name + " is required"
	case field.ErrorTypeNotSupported:
		return fmt.Sprintf("unsupported %s %s", name, quoteValue(e.BadValue))
	case field.ErrorTypeDuplicate:
		return fmt.Sprintf("duplicate %s %s", name, quoteValue(e.BadValue))
	case field.ErrorTypeForbidden, field.ErrorTypeInternal:
		return fmt.Sprintf("%s: %s", name, e.Detail)
	case field.ErrorTypeTooLong, field.ErrorTypeTooMany:
		return fmt.Sprintf("%s is too long: %s", name, e.Detail)
	}
	return fmt.Sprintf("invalid %s %s: %s", name, quoteValue(e.BadValue), e.Detail)
}

// fieldErrorHint says how to fix the error, when the error says more than
// its message.
func fieldErrorHint(e *field.Error) string {
	switch e.Type {
	case field.ErrorTypeNotSupported:
		return strings.ToUpper(e.Detail[:min(1, len(e.Detail))]) + e.Detail[min(1, len(e.Detail)):]
	case field.ErrorTypeRequired:
		if !validation.IsWarning(e) {
			return "set " + lastPathElement(e.Field)
		}
	case field.ErrorTypeDuplicate:
		return "remove the repeated value"
	}
	switch e.Origin {
	case validation.OriginName:
		if last := strings.ToLower(lastPathElement(e.Field)); strings.HasPrefix(e.Field, "metadata.") ||
			strings.Contains(last, "secret") || strings.Contains(last, "configmap") || strings.Contains(last, "namespace") {
			return "use a lower-case Kubernetes name"
		}
		return "use a lower-case Kubernetes name, or name@provider for another provider's object"
	case validation.OriginDuration:
		return `write a Go duration such as "30s" or "100ms"`
	}
	return ""
}

// lastPathElement returns the last field name of a path:
// "spec.routes[0].services[1].port" -> "port", "spec.routes[0]" -> "routes[0]".
func lastPathElement(p string) string {
	depth := 0
	for i := len(p) - 1; i >= 0; i-- {
		switch p[i] {
		case ']':
			depth++
		case '[':
			depth--
		case '.':
			if depth == 0 {
				return p[i+1:]
			}
		}
	}
	return p
}

// quoteValue renders a bad value: strings quoted, others as Go prints them.
func quoteValue(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case *string:
		if v != nil {
			return fmt.Sprintf("%q", *v)
		}
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("%v", v)
}
