package ingressroute

import (
	"github.com/irkit/irkit/tls"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// validateTLSOption checks one TLSOption: its metadata and its spec (see
// tls.ValidateOptionSpec).
func validateTLSOption(o *TLSOption) field.ErrorList {
	errs := validateObjectMeta(&o.ObjectMeta, field.NewPath("metadata"))
	return append(errs, tls.ValidateOptionSpec(&o.Spec, field.NewPath("spec"))...)
}

// validateTLSStore checks one TLSStore: its metadata and its spec (see
// tls.ValidateStoreSpec).
func validateTLSStore(s *TLSStore) field.ErrorList {
	errs := validateObjectMeta(&s.ObjectMeta, field.NewPath("metadata"))
	return append(errs, tls.ValidateStoreSpec(&s.Spec, field.NewPath("spec"))...)
}
