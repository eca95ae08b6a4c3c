package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/irkit/irkit/ingressroute"
	"sigs.k8s.io/yaml"
)

// parseFlags parses args with fs. Help (-h) goes to standard output with
// exit status 0; a bad flag prints the error and the help to standard
// error with exit status 2. ok is false when the command must return code.
func parseFlags(e *env, fs *flag.FlagSet, args []string) (ok bool, code int) {
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	err := fs.Parse(flagsFirst(fs, args))
	switch {
	case errors.Is(err, flag.ErrHelp):
		io.Copy(e.stdout, &buf)
		return false, exitOK
	case err != nil:
		io.Copy(e.stderr, &buf)
		return false, exitUsage
	}
	fs.SetOutput(e.stderr)
	return true, exitOK
}

// flagsFirst moves the flags of args before the operands, so that flags
// may follow paths ("irkit lint dir --format json"), as in most command
// line tools. A flag that takes a value keeps it; "--" ends the flags, and
// what follows it, "--" included when it does not come first (irkit test
// TESTFILE -- PATH), stays as written; "-" alone is an operand (stdin).
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, operands []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			operands = append(operands, args[i:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			operands = append(operands, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // Parse reports it
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if len(operands) > 0 && operands[0] != "--" {
		flags = append(flags, "--")
	}
	return append(flags, operands...)
}

// newFlagSet returns a flag set for the command named name whose usage
// prints the command's summary, examples and flags.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		w := fs.Output()
		commandHeader(w, name)
		fmt.Fprintf(w, "\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

// listFlag is a comma-separated list flag that remembers whether it was
// given: absent (nil) and given empty (non-nil, empty) differ.
type listFlag struct{ v *[]string }

func (l listFlag) String() string {
	if l.v == nil {
		return ""
	}
	return strings.Join(*l.v, ",")
}

func (l listFlag) Set(s string) error {
	out := []string{}
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	// Repeated flags accumulate.
	if *l.v != nil {
		out = append(*l.v, out...)
	}
	*l.v = out
	return nil
}

// config is the shared configuration of the commands: Traefik's provider
// settings and lint settings. It is read from .irkit.yaml in the working
// directory or from --config FILE, then overridden by the flags given on
// the command line. The YAML keys are the flag names.
type config struct {
	IngressClass                 string   `json:"ingress-class,omitempty"`
	AllowCrossNamespace          bool     `json:"allow-cross-namespace,omitempty"`
	AllowExternalNameServices    bool     `json:"allow-external-name-services,omitempty"`
	AllowEmptyServices           bool     `json:"allow-empty-services,omitempty"`
	NativeLBByDefault            bool     `json:"native-lb-by-default,omitempty"`
	DisableClusterScopeResources bool     `json:"disable-cluster-scope-resources,omitempty"`
	CrossProviderNamespaces      []string `json:"cross-provider-namespaces,omitempty"`
	Namespaces                   []string `json:"namespaces,omitempty"`
	Complete                     bool     `json:"complete,omitempty"`
	EntryPoints                  []string `json:"entrypoints,omitempty"`
	// Lint settings.
	FailOn  string   `json:"fail-on,omitempty"`
	Disable []string `json:"disable,omitempty"`
	Verbose bool     `json:"verbose,omitempty"`
}

// configFileName is the configuration file looked for in the working
// directory.
const configFileName = ".irkit.yaml"

// providerFlags holds the provider flags of a command while its flags are
// parsed.
type providerFlags struct {
	fs         *flag.FlagSet
	cfg        config
	configFile string
}

// addProviderFlags registers the provider flags shared by the commands
// that compile the input.
func addProviderFlags(fs *flag.FlagSet) *providerFlags {
	p := &providerFlags{fs: fs}
	c := &p.cfg
	fs.StringVar(&p.configFile, "config", "", "read settings from `FILE` (default: "+configFileName+" in the working directory, if present)")
	fs.StringVar(&c.IngressClass, "ingress-class", "", "process only IngressRoutes of this ingress `class`")
	fs.BoolVar(&c.AllowCrossNamespace, "allow-cross-namespace", false, "allow references to objects in other namespaces")
	fs.BoolVar(&c.AllowExternalNameServices, "allow-external-name-services", false, "allow Services of type ExternalName")
	fs.BoolVar(&c.AllowEmptyServices, "allow-empty-services", false, "keep services without servers")
	fs.BoolVar(&c.NativeLBByDefault, "native-lb-by-default", false, "use the Services' ClusterIP by default")
	fs.BoolVar(&c.DisableClusterScopeResources, "disable-cluster-scope-resources", false, "refuse Node lookups (nodePortLB)")
	fs.Var(listFlag{&c.CrossProviderNamespaces}, "cross-provider-namespaces", "`namespaces` allowed to reference other providers (absent: all; given empty: none)")
	fs.Var(listFlag{&c.Namespaces}, "namespaces", "watched `namespaces` (absent: all)")
	fs.BoolVar(&c.Complete, "complete", false, "the input is the whole cluster state (absent objects do not exist)")
	fs.Var(listFlag{&c.EntryPoints}, "entrypoints", "Traefik's default `entry points`, for IngressRoutes without entryPoints (absent: every entry point)")
	return p
}

// resolve merges the configuration file under the flags given on the
// command line: a flag given wins over the file.
func (p *providerFlags) resolve() (config, error) {
	file, explicit := p.configFile, p.configFile != ""
	if !explicit {
		file = configFileName
	}
	data, err := os.ReadFile(file)
	if err != nil {
		if !explicit && errors.Is(err, os.ErrNotExist) {
			return p.cfg, nil
		}
		return config{}, fmt.Errorf("config: %v", err)
	}
	var fromFile config
	if err := yaml.UnmarshalStrict(data, &fromFile); err != nil {
		return config{}, fmt.Errorf("config %s: %v", file, err)
	}
	set := map[string]bool{}
	p.fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	out := fromFile
	c := p.cfg
	take := func(name string, apply func()) {
		if set[name] {
			apply()
		}
	}
	take("ingress-class", func() { out.IngressClass = c.IngressClass })
	take("allow-cross-namespace", func() { out.AllowCrossNamespace = c.AllowCrossNamespace })
	take("allow-external-name-services", func() { out.AllowExternalNameServices = c.AllowExternalNameServices })
	take("allow-empty-services", func() { out.AllowEmptyServices = c.AllowEmptyServices })
	take("native-lb-by-default", func() { out.NativeLBByDefault = c.NativeLBByDefault })
	take("disable-cluster-scope-resources", func() { out.DisableClusterScopeResources = c.DisableClusterScopeResources })
	take("cross-provider-namespaces", func() { out.CrossProviderNamespaces = c.CrossProviderNamespaces })
	take("namespaces", func() { out.Namespaces = c.Namespaces })
	take("complete", func() { out.Complete = c.Complete })
	take("entrypoints", func() { out.EntryPoints = c.EntryPoints })
	take("fail-on", func() { out.FailOn = c.FailOn })
	take("disable", func() { out.Disable = c.Disable })
	take("verbose", func() { out.Verbose = c.Verbose })
	return out, nil
}

// options converts the configuration into the library's options.
func (c config) options() ingressroute.Options {
	o := ingressroute.DefaultOptions()
	o.IngressClass = c.IngressClass
	o.AllowCrossNamespace = c.AllowCrossNamespace
	o.AllowExternalNameServices = c.AllowExternalNameServices
	o.AllowEmptyServices = c.AllowEmptyServices
	o.NativeLBByDefault = c.NativeLBByDefault
	o.DisableClusterScopeResources = c.DisableClusterScopeResources
	o.CrossProviderNamespaces = c.CrossProviderNamespaces
	o.Namespaces = c.Namespaces
	o.Complete = c.Complete
	o.DefaultEntryPoints = c.EntryPoints
	return o
}
