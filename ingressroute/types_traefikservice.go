package ingressroute

import (
	"github.com/irkit/irkit/healthcheck"
	"github.com/irkit/irkit/sticky"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// TraefikService is Traefik's service resource (kind TraefikService of
// traefik.io/v1alpha1): a load balancer of services. Exactly one of its
// spec's fields is expected to be set.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type TraefikService struct {
	metav1.TypeMeta `json:",inline"`
	// ObjectMeta is the standard object metadata.
	metav1.ObjectMeta `json:"metadata"`

	// Spec is the desired service.
	Spec TraefikServiceSpec `json:"spec"`
}

// TraefikServiceList is a list of TraefikServices.
//
// +k8s:deepcopy-gen=true
// +k8s:deepcopy-gen:interfaces=k8s.io/apimachinery/pkg/runtime.Object
type TraefikServiceList struct {
	metav1.TypeMeta `json:",inline"`
	// ListMeta is the standard list metadata.
	metav1.ListMeta `json:"metadata"`

	// Items are the TraefikServices.
	Items []TraefikService `json:"items"`
}

// TraefikServiceSpec is the desired state of a TraefikService.
//
// +k8s:deepcopy-gen=true
type TraefikServiceSpec struct {
	// Weighted is a weighted round-robin between services.
	Weighted *WeightedRoundRobin `json:"weighted,omitempty"`
	// Mirroring sends requests to one service and copies to others.
	Mirroring *Mirroring `json:"mirroring,omitempty"`
	// HighestRandomWeight picks a service by rendezvous hashing of the
	// client.
	HighestRandomWeight *HighestRandomWeight `json:"highestRandomWeight,omitempty"`
	// Failover sends requests to a fallback service while the main one is
	// down or answers with given status codes.
	Failover *Failover `json:"failover,omitempty"`
}

// WeightedRoundRobin is a weighted round-robin between services.
//
// +k8s:deepcopy-gen=true
type WeightedRoundRobin struct {
	// Services are the services balanced, each with its weight (default 1).
	Services []LoadBalancerSpec `json:"services,omitempty" validate:"dive"`
	// Sticky configures sticky sessions between the services.
	Sticky *sticky.Sticky `json:"sticky,omitempty" validate:"-"`
	// HealthCheck, when present, makes the service follow its children's
	// health.
	HealthCheck *healthcheck.Aggregate `json:"healthCheck,omitempty"`
}

// Mirroring sends every request to a main service (the inline
// LoadBalancerSpec) and a copy of a share of them to mirrors.
//
// +k8s:deepcopy-gen=true
type Mirroring struct {
	// LoadBalancerSpec is the main service.
	LoadBalancerSpec `json:",inline"`

	// MirrorBody tells whether request bodies are mirrored. Nil means the
	// default, true.
	MirrorBody *bool `json:"mirrorBody,omitempty"`
	// MaxBodySize is the largest body, in bytes, of a mirrored request;
	// larger requests are not mirrored. Nil means the default, -1
	// (unlimited).
	MaxBodySize *int64 `json:"maxBodySize,omitempty"`
	// Mirrors are the services that receive copies.
	Mirrors []MirrorService `json:"mirrors,omitempty" validate:"dive"`
}

// MirrorService is one mirror of a Mirroring service.
//
// +k8s:deepcopy-gen=true
type MirrorService struct {
	// LoadBalancerSpec is the mirror service.
	LoadBalancerSpec `json:",inline"`

	// Percent is the share of requests copied, 0 to 100. Default 0.
	Percent int `json:"percent,omitempty" validate:"min=0,max=100"`
}

// HighestRandomWeight picks, for each client, the service with the highest
// random weight (rendezvous hashing), so a client sticks to a service.
//
// +k8s:deepcopy-gen=true
type HighestRandomWeight struct {
	// Services are the candidates, each with its weight (default 1).
	Services []LoadBalancerSpec `json:"services,omitempty" validate:"dive"`
}

// Failover sends requests to Service and, while it is down (or answers
// with one of Errors' status codes), to Fallback.
//
// +k8s:deepcopy-gen=true
type Failover struct {
	// Service is the main service.
	Service LoadBalancerSpec `json:"service"`
	// Fallback is the service used while the main one fails.
	Fallback LoadBalancerSpec `json:"fallback"`
	// HealthCheck, when present, makes the service follow its children's
	// health.
	HealthCheck *healthcheck.Aggregate `json:"healthCheck,omitempty"`
	// Errors triggers the fallback on response status codes too.
	Errors *FailoverErrors `json:"errors,omitempty"`
}

// FailoverErrors makes a Failover retry a request on the fallback when the
// main service answers with given status codes.
//
// +k8s:deepcopy-gen=true
type FailoverErrors struct {
	// Status lists status codes and ranges ("500-504", "404").
	Status []string `json:"status,omitempty"`
	// MaxRequestBodyBytes is the largest request body, in bytes, buffered
	// for the retry. Nil means the default, -1 (unlimited).
	MaxRequestBodyBytes *int64 `json:"maxRequestBodyBytes,omitempty"`
}
