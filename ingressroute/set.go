package ingressroute

import (
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// Source records where a decoded object came from: its file, where its
// document starts, and the position of every field, keyed by JSON field
// path ("spec.routes[0].match"). The zero Source knows nothing.
type Source struct {
	// File is the input file name, "<stdin>" for standard input.
	File string
	// Doc is the 0-based index of the document in its file (or of the item
	// in a kind: List).
	Doc int
	// Pos is where the object starts.
	Pos    Position
	fields map[string]Position
	ext    *sourceExt // key positions and string details, set by Decode
}

// NewSource returns a Source for an object starting at pos.
func NewSource(file string, doc int, pos Position) *Source {
	return &Source{File: file, Doc: doc, Pos: pos, fields: map[string]Position{}}
}

// Set records the position of the value at a field path.
func (s *Source) Set(path string, pos Position) {
	if s.fields == nil {
		s.fields = map[string]Position{}
	}
	s.fields[path] = pos
}

// Lookup returns the position of the value at path, or of its nearest
// ancestor that has one, or the object's own position. It is safe on a nil
// Source.
func (s *Source) Lookup(path string) Position {
	if s == nil {
		return Position{}
	}
	for p := path; p != ""; p = parentPath(p) {
		if pos, ok := s.fields[p]; ok {
			return pos
		}
	}
	return s.Pos
}

// Has reports whether the field at path was written in the source.
func (s *Source) Has(path string) bool {
	if s == nil {
		return false
	}
	_, ok := s.fields[path]
	return ok
}

// parentPath strips the last element of a field path:
// "a.b[2]" -> "a.b", "a.b" -> "a", "a" -> "".
func parentPath(p string) string {
	if strings.HasSuffix(p, "]") {
		if i := strings.LastIndexByte(p, '['); i >= 0 {
			return p[:i]
		}
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// Set is a decoded set of objects, indexed by kind, in input order. Objects
// of kinds irkit does not read are counted in Skipped.
type Set struct {
	// IngressRoutes are the IngressRoute objects.
	IngressRoutes []*IngressRoute
	// TraefikServices are the TraefikService objects.
	TraefikServices []*TraefikService
	// Middlewares are the Middleware objects.
	Middlewares []*Middleware
	// TLSOptions are the TLSOption objects.
	TLSOptions []*TLSOption
	// TLSStores are the TLSStore objects.
	TLSStores []*TLSStore
	// ServersTransports are the ServersTransport objects.
	ServersTransports []*ServersTransport
	// Services are the Kubernetes Services.
	Services []*corev1.Service
	// EndpointSlices are the EndpointSlices giving the Services' servers.
	EndpointSlices []*discoveryv1.EndpointSlice
	// Nodes are the Kubernetes Nodes, whose addresses serve NodePort load
	// balancing.
	Nodes []*corev1.Node
	// Secrets are the Secrets holding certificates, CAs and middleware
	// credentials.
	Secrets []*corev1.Secret
	// ConfigMaps are the ConfigMaps holding servers transport CAs.
	ConfigMaps []*corev1.ConfigMap
	// Skipped counts objects of other kinds by "apiVersion/kind".
	Skipped map[string]int

	sources map[runtime.Object]*Source
}

// Add appends obj to the list of its kind and records its source (which may
// be nil). It reports false, and adds nothing, for a kind the Set does not
// hold.
func (s *Set) Add(obj runtime.Object, src *Source) bool {
	switch o := obj.(type) {
	case *IngressRoute:
		s.IngressRoutes = append(s.IngressRoutes, o)
	case *TraefikService:
		s.TraefikServices = append(s.TraefikServices, o)
	case *Middleware:
		s.Middlewares = append(s.Middlewares, o)
	case *TLSOption:
		s.TLSOptions = append(s.TLSOptions, o)
	case *TLSStore:
		s.TLSStores = append(s.TLSStores, o)
	case *ServersTransport:
		s.ServersTransports = append(s.ServersTransports, o)
	case *corev1.Service:
		s.Services = append(s.Services, o)
	case *discoveryv1.EndpointSlice:
		s.EndpointSlices = append(s.EndpointSlices, o)
	case *corev1.Node:
		s.Nodes = append(s.Nodes, o)
	case *corev1.Secret:
		s.Secrets = append(s.Secrets, o)
	case *corev1.ConfigMap:
		s.ConfigMaps = append(s.ConfigMaps, o)
	default:
		return false
	}
	if src != nil {
		if s.sources == nil {
			s.sources = map[runtime.Object]*Source{}
		}
		s.sources[obj] = src
	}
	return true
}

// Source returns where obj was read from, or nil when it was not decoded
// from text (an object built in Go).
func (s *Set) Source(obj runtime.Object) *Source {
	if s == nil {
		return nil
	}
	return s.sources[obj]
}

// Merge appends every object of o to s, keeping their sources.
func (s *Set) Merge(o *Set) {
	if o == nil {
		return
	}
	for _, obj := range o.Objects() {
		s.Add(obj, o.Source(obj))
	}
	for k, n := range o.Skipped {
		if s.Skipped == nil {
			s.Skipped = map[string]int{}
		}
		s.Skipped[k] += n
	}
}

// Objects returns every object of the set, Traefik kinds first, then core
// kinds, each kind in input order.
func (s *Set) Objects() []runtime.Object {
	var out []runtime.Object
	out = appendObjects(out, s.IngressRoutes)
	out = appendObjects(out, s.TraefikServices)
	out = appendObjects(out, s.Middlewares)
	out = appendObjects(out, s.TLSOptions)
	out = appendObjects(out, s.TLSStores)
	out = appendObjects(out, s.ServersTransports)
	out = appendObjects(out, s.Services)
	out = appendObjects(out, s.EndpointSlices)
	out = appendObjects(out, s.Nodes)
	out = appendObjects(out, s.Secrets)
	out = appendObjects(out, s.ConfigMaps)
	return out
}

func appendObjects[T runtime.Object](out []runtime.Object, objs []T) []runtime.Object {
	for _, o := range objs {
		out = append(out, o)
	}
	return out
}

// SkippedKinds returns the keys of Skipped, sorted.
func (s *Set) SkippedKinds() []string {
	keys := make([]string, 0, len(s.Skipped))
	for k := range s.Skipped {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
