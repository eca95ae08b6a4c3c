package ingressroute

import (
	"github.com/irkit/irkit/internal/validation"
	"github.com/irkit/irkit/tls"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// validateServersTransport checks one ServersTransport.
func validateServersTransport(st *ServersTransport) field.ErrorList {
	errs := validateObjectMeta(&st.ObjectMeta, field.NewPath("metadata"))
	return append(errs, validateServersTransportSpec(&st.Spec, field.NewPath("spec"))...)
}

// validateServersTransportSpec checks the spec. Errors: a root CA naming
// both a Secret and a ConfigMap (Traefik refuses the transport), Secret
// and ConfigMap names that are no Kubernetes names, durations Traefik
// cannot read. Warnings: what Traefik ignores (unknown TLS versions and
// cipher suites, a root CA naming nothing) or what cannot work.
func validateServersTransportSpec(spec *ServersTransportSpec, fldPath *field.Path) field.ErrorList {
	errs := validation.Struct(spec, fldPath)
	for i, ca := range spec.RootCAs {
		p := fldPath.Child("rootCAs").Index(i)
		switch {
		case ca.Secret != nil && ca.ConfigMap != nil:
			errs = append(errs, field.Forbidden(p.Child("configMap"), "a root CA is a Secret or a ConfigMap, not both; Traefik refuses the servers transport"))
		case ca.Secret == nil && ca.ConfigMap == nil:
			errs = append(errs, validation.Warn(field.Required(p, "a root CA names a secret or a configMap")))
		}
		if ca.Secret != nil {
			errs = append(errs, validation.ValidateObjectName(*ca.Secret, p.Child("secret"))...)
		}
		if ca.ConfigMap != nil {
			errs = append(errs, validation.ValidateObjectName(*ca.ConfigMap, p.Child("configMap"))...)
		}
	}
	for i, s := range spec.RootCAsSecrets {
		errs = append(errs, validation.ValidateObjectName(s, fldPath.Child("rootCAsSecrets").Index(i))...)
	}
	for i, s := range spec.CertificatesSecrets {
		errs = append(errs, validation.ValidateObjectName(s, fldPath.Child("certificatesSecrets").Index(i))...)
	}
	errs = append(errs, validateTransportTLS(spec, fldPath)...)
	if spec.MaxIdleConnsPerHost < -1 {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("maxIdleConnsPerHost"), spec.MaxIdleConnsPerHost,
			"must be -1 (no keep-alive), 0 (Traefik's default) or a positive number")))
	}
	if ft := spec.ForwardingTimeouts; ft != nil {
		p := fldPath.Child("forwardingTimeouts")
		errs = append(errs, validation.ValidateIntOrStringDuration(ft.DialTimeout, validation.NonNegative, p.Child("dialTimeout"))...)
		errs = append(errs, validation.ValidateIntOrStringDuration(ft.ResponseHeaderTimeout, validation.NonNegative, p.Child("responseHeaderTimeout"))...)
		errs = append(errs, validation.ValidateIntOrStringDuration(ft.IdleConnTimeout, validation.NonNegative, p.Child("idleConnTimeout"))...)
		errs = append(errs, validation.ValidateIntOrStringDuration(ft.ReadIdleTimeout, validation.NonNegative, p.Child("readIdleTimeout"))...)
		errs = append(errs, validation.ValidateIntOrStringDuration(ft.PingTimeout, validation.NonNegative, p.Child("pingTimeout"))...)
	}
	return errs
}

// validateTransportTLS checks the TLS settings towards the servers. Every
// finding is a warning: Traefik leaves out what it does not know.
func validateTransportTLS(spec *ServersTransportSpec, fldPath *field.Path) field.ErrorList {
	var errs field.ErrorList
	versions := tls.Versions()
	minV, minOK := tls.VersionOrder(spec.MinVersion)
	maxV, maxOK := tls.VersionOrder(spec.MaxVersion)
	if spec.MinVersion != "" && !minOK {
		errs = append(errs, validation.Warn(field.NotSupported(fldPath.Child("minVersion"), spec.MinVersion, versions)))
	}
	if spec.MaxVersion != "" && !maxOK {
		errs = append(errs, validation.Warn(field.NotSupported(fldPath.Child("maxVersion"), spec.MaxVersion, versions)))
	}
	if minOK && maxOK && minV > maxV {
		errs = append(errs, validation.Warn(field.Invalid(fldPath.Child("minVersion"), spec.MinVersion,
			"is above maxVersion "+spec.MaxVersion+": no TLS handshake can succeed")))
	}
	seen := map[string]bool{}
	for i, c := range spec.CipherSuites {
		p := fldPath.Child("cipherSuites").Index(i)
		switch {
		case seen[c]:
			errs = append(errs, validation.Warn(field.Duplicate(p, c)))
		case !tls.IsCipherSuite(c):
			errs = append(errs, validation.Warn(field.Invalid(p, c, "unknown cipher suite name")))
		}
		seen[c] = true
	}
	return errs
}
