package validation

import (
	"strconv"
	"strings"

	k8svalidation "k8s.io/apimachinery/pkg/util/validation"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// ProviderSeparator separates a name from its provider in a reference to
// another Traefik provider's object ("redirect@file").
const ProviderSeparator = "@"

// nameErrors turns the messages of an apimachinery name check into field
// errors.
func nameErrors(value string, msgs []string, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	for _, m := range msgs {
		// A length limit is reported as such.
		if n, ok := strings.CutPrefix(m, "must be no more than "); ok {
			if max, err := strconv.Atoi(strings.TrimSuffix(n, " characters")); err == nil {
				errs = append(errs, field.TooLong(fldPath, value, max).WithOrigin(OriginName))
				continue
			}
		}
		// apimachinery's messages end with an example and the regular
		// expression used; the example stays, the expression goes.
		if i := strings.Index(m, ", regex used for validation is"); i >= 0 {
			m = m[:i] + ")"
		}
		errs = append(errs, field.Invalid(fldPath, value, m).WithOrigin(OriginName))
	}
	return errs
}

// ValidateObjectName checks the name of an object, or of a reference to
// one, of a kind whose names are DNS-1123 subdomains (every Traefik kind,
// Secrets, ConfigMaps): at most 253 lower-case letters, digits, '-' and
// '.', starting and ending with a letter or digit.
func ValidateObjectName(name string, fldPath *field.Path) field.ErrorList {
	return nameErrors(name, k8svalidation.IsDNS1123Subdomain(name), fldPath)
}

// ValidateNamespace checks a namespace name: a DNS-1123 label (at most 63
// lower-case letters, digits and '-', starting and ending with a letter or
// digit).
func ValidateNamespace(ns string, fldPath *field.Path) field.ErrorList {
	return nameErrors(ns, k8svalidation.IsDNS1123Label(ns), fldPath)
}

// ValidateServiceName checks the name of a Kubernetes Service: a DNS-1035
// label (like a DNS-1123 label, but starting with a letter).
func ValidateServiceName(name string, fldPath *field.Path) field.ErrorList {
	return nameErrors(name, k8svalidation.IsDNS1035Label(name), fldPath)
}

// ValidatePortName checks a named port of a Service: a DNS-1123 label, as
// Kubernetes requires of Service port names.
func ValidatePortName(name string, fldPath *field.Path) field.ErrorList {
	return nameErrors(name, k8svalidation.IsDNS1123Label(name), fldPath)
}

// ValidatePortNumber checks a TCP port number, 1 to 65535.
func ValidatePortNumber(port int, fldPath *field.Path) field.ErrorList {
	if port < 1 || port > 65535 {
		return field.ErrorList{field.Invalid(fldPath, port, "must be between 1 and 65535, inclusive")}
	}
	return nil
}

// SplitProvider splits a reference "name@provider" at its last '@'. ok is
// false when ref has no '@'.
func SplitProvider(ref string) (name, provider string, ok bool) {
	i := strings.LastIndex(ref, ProviderSeparator)
	if i < 0 {
		return ref, "", false
	}
	return ref[:i], ref[i+1:], true
}

// ValidateReference checks the name of a reference that may point at
// another provider. A name without '@' is checked by local (one of the
// Validate*Name functions above); a name with '@' is a provider reference
// "name@provider" whose two parts must be non-empty and free of spaces
// (the name is then the other provider's, not a Kubernetes name).
func ValidateReference(ref string, local func(string, *field.Path) field.ErrorList, fldPath *field.Path) field.ErrorList {
	name, provider, ok := SplitProvider(ref)
	if !ok {
		return local(ref, fldPath)
	}
	switch {
	case name == "":
		return field.ErrorList{field.Invalid(fldPath, ref, "a provider reference needs a name before '@'").WithOrigin(OriginName)}
	case provider == "":
		return field.ErrorList{field.Invalid(fldPath, ref, "a provider reference needs a provider after '@' (such as \"file\" or \"kubernetescrd\")").WithOrigin(OriginName)}
	case strings.Contains(name, ProviderSeparator):
		return field.ErrorList{field.Invalid(fldPath, ref, "a name may hold at most one '@', before the provider").WithOrigin(OriginName)}
	case strings.ContainsAny(ref, " \t\r\n"):
		return field.ErrorList{field.Invalid(fldPath, ref, "must not contain white space").WithOrigin(OriginName)}
	}
	return nil
}

// IsToken reports whether s is a non-empty RFC 7230 token: the syntax of
// header names, cookie names and HTTP methods.
func IsToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTokenChar(s[i]) {
			return false
		}
	}
	return true
}

func isTokenChar(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// ValidateDomain checks a domain name of a certificate: a DNS-1123
// subdomain, or a wildcard ("*.example.com") when wildcard is true. Case
// does not matter.
func ValidateDomain(domain string, wildcard bool, fldPath *field.Path) field.ErrorList {
	d := strings.ToLower(domain)
	if wildcard && strings.HasPrefix(d, "*.") {
		return nameErrors(domain, k8svalidation.IsWildcardDNS1123Subdomain(d), fldPath)
	}
	return nameErrors(domain, k8svalidation.IsDNS1123Subdomain(d), fldPath)
}
