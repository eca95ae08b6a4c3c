package main

import (
	"fmt"

	"github.com/irkit/irkit/ingressroute"
)

// runTable implements "irkit table [--format text|traefik-json|traefik-yaml]
// PATH...": the routing table for people (per entry point, routers in the
// order Traefik tries them, with the servers their services reach), or
// Traefik's dynamic configuration in the file provider's shape. Problems in
// the input are counted on standard error (irkit lint shows them); exit
// status 2 when a file cannot be read, else 0.
func runTable(e *env, args []string) int {
	fs := newFlagSet("table")
	pf := addProviderFlags(fs)
	format := fs.String("format", "text", "output `format`: text, traefik-json or traefik-yaml")
	if ok, code := parseFlags(e, fs, args); !ok {
		return code
	}
	cfg, err := pf.resolve()
	if err != nil {
		fmt.Fprintf(e.stderr, "irkit table: %v\n", err)
		return exitUsage
	}
	switch *format {
	case "text", "traefik-json", "traefik-yaml":
	default:
		fmt.Fprintf(e.stderr, "irkit table: unknown format %q (want text, traefik-json or traefik-yaml)\n", *format)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	in := decodeInputs(e, fs.Args())
	t, ds := in.analyze(cfg.options())
	if in.ioFailed(ds) {
		ingressroute.WriteText(e.stderr, onlyIO(ds), ingressroute.TextOptions{})
		return exitUsage
	}
	var out []byte
	switch *format {
	case "traefik-json":
		out, err = t.Traefik().JSON()
		out = append(out, '\n')
	case "traefik-yaml":
		out, err = t.Traefik().YAML()
	default:
		err = t.WriteText(e.stdout)
	}
	if err == nil && out != nil {
		_, err = e.stdout.Write(out)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "irkit table: %v\n", err)
		return exitUsage
	}
	noteFindings(e.stderr, ds)
	return exitOK
}

// onlyIO keeps the diagnostics of files that could not be read.
func onlyIO(ds ingressroute.Diagnostics) ingressroute.Diagnostics {
	var out ingressroute.Diagnostics
	for _, d := range ds {
		if d.Code == ingressroute.CodeIO {
			out = append(out, d)
		}
	}
	return out
}
