package ingressroute

import (
	"github.com/irkit/irkit/tls"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// TLSStore is Traefik's certificate store resource (kind TLSStore of
// traefik.io/v1alpha1). Traefik only uses the store named "default". Its
// spec lives in package tls.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type TLSStore struct {
	metav1.TypeMeta `json:",inline"`
	// ObjectMeta is the standard object metadata.
	metav1.ObjectMeta `json:"metadata"`

	// Spec holds the store's certificates.
	Spec tls.StoreSpec `json:"spec"`
}

// TLSStoreList is a list of TLSStores.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type TLSStoreList struct {
	metav1.TypeMeta `json:",inline"`
	// ListMeta is the standard list metadata.
	metav1.ListMeta `json:"metadata"`

	// Items are the TLSStores.
	Items []TLSStore `json:"items"`
}
