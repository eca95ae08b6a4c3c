package ingressroute

import (
	"github.com/irkit/irkit/tls"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// TLSOption is Traefik's TLS options resource (kind TLSOption of
// traefik.io/v1alpha1). Its spec lives in package tls.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type TLSOption struct {
	metav1.TypeMeta `json:",inline"`
	// ObjectMeta is the standard object metadata.
	metav1.ObjectMeta `json:"metadata"`

	// Spec holds the TLS parameters.
	Spec tls.OptionSpec `json:"spec"`
}

// TLSOptionList is a list of TLSOptions.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type TLSOptionList struct {
	metav1.TypeMeta `json:",inline"`
	// ListMeta is the standard list metadata.
	metav1.ListMeta `json:"metadata"`

	// Items are the TLSOptions.
	Items []TLSOption `json:"items"`
}
