package ingressroute

//go:generate go run k8s.io/code-generator/cmd/deepcopy-gen@v0.37.2 --output-file zz_generated.deepcopy.go . ../sticky ../healthcheck ../tls

import (
	"slices"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// GroupName is the API group of Traefik's CRDs.
const GroupName = "traefik.io"

// DeprecatedGroupName is the API group Traefik's CRDs had before v3
// (still read by Traefik v3.7).
const DeprecatedGroupName = "traefik.containo.us"

// Version is the API version of Traefik's CRDs in both groups.
const Version = "v1alpha1"

// Kind names of the CRD kinds (the List kinds add the suffix "List").
const (
	KindIngressRoute     = "IngressRoute"
	KindTraefikService   = "TraefikService"
	KindMiddleware       = "Middleware"
	KindTLSOption        = "TLSOption"
	KindTLSStore         = "TLSStore"
	KindServersTransport = "ServersTransport"
)

// kinds lists the CRD kind names irkit reads, in a fixed order.
var kinds = []string{KindIngressRoute, KindTraefikService, KindMiddleware, KindTLSOption, KindTLSStore, KindServersTransport}

// Kinds returns the CRD kind names irkit reads, in a fixed order
// (IngressRoute first). The slice is a copy: changing it changes nothing.
func Kinds() []string { return slices.Clone(kinds) }

var (
	// SchemeGroupVersion is traefik.io/v1alpha1.
	SchemeGroupVersion = schema.GroupVersion{Group: GroupName, Version: Version}
	// DeprecatedGroupVersion is traefik.containo.us/v1alpha1.
	DeprecatedGroupVersion = schema.GroupVersion{Group: DeprecatedGroupName, Version: Version}

	// SchemeBuilder registers the CRD kinds under both group versions.
	SchemeBuilder = runtime.NewSchemeBuilder(addKnownTypes)
	// AddToScheme registers every CRD kind and its List under
	// SchemeGroupVersion and DeprecatedGroupVersion.
	AddToScheme = SchemeBuilder.AddToScheme
)

// Resource returns a GroupResource of traefik.io for an unqualified
// resource name.
func Resource(resource string) schema.GroupResource {
	return SchemeGroupVersion.WithResource(resource).GroupResource()
}

// knownTypes returns a fresh object of every CRD kind and List kind.
func knownTypes() []runtime.Object {
	return []runtime.Object{
		&IngressRoute{}, &IngressRouteList{},
		&TraefikService{}, &TraefikServiceList{},
		&Middleware{}, &MiddlewareList{},
		&TLSOption{}, &TLSOptionList{},
		&TLSStore{}, &TLSStoreList{},
		&ServersTransport{}, &ServersTransportList{},
	}
}

func addKnownTypes(s *runtime.Scheme) error {
	for _, gv := range []schema.GroupVersion{SchemeGroupVersion, DeprecatedGroupVersion} {
		s.AddKnownTypes(gv, knownTypes()...)
		metav1.AddToGroupVersion(s, gv)
	}
	return nil
}

// NewScheme returns a scheme holding the CRD kinds under both group
// versions and the core kinds irkit reads: core/v1 (Service, Node, Secret,
// ConfigMap, …) and discovery.k8s.io/v1 (EndpointSlice).
func NewScheme() *runtime.Scheme {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{AddToScheme, corev1.AddToScheme, discoveryv1.AddToScheme} {
		if err := add(s); err != nil {
			// Registration only fails on programmer error (a kind
			// registered twice with different types).
			panic(err)
		}
	}
	return s
}
