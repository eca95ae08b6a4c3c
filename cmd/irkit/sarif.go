package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/irkit/irkit/ingressroute"
)

// The SARIF 2.1.0 subset irkit writes: what GitHub code scanning reads.
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	// docsURL is where every code is documented, anchored by its code in
	// lower case.
	docsURL = "https://github.com/irkit/irkit/blob/main/docs/diagnostics.md"
	// fingerprintKey names irkit's partial fingerprint; the version suffix
	// changes only if its recipe does.
	fingerprintKey = "irkitFinding/v1"
)

type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
	// Precision and problem.severity are read by GitHub code scanning.
	Precision       string `json:"precision"`
	ProblemSeverity string `json:"problem.severity"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []sarifSupp       `json:"suppressions,omitempty"`
}

type sarifSupp struct {
	Kind string `json:"kind"`
}

type sarifLocation struct {
	ID               *int           `json:"id,omitempty"`
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// sarifLevel maps a severity to a SARIF level ("error", "warning",
// "note").
func sarifLevel(s ingressroute.Severity) string {
	if s != ingressroute.SeverityError && s != ingressroute.SeverityWarning {
		return "note"
	}
	return s.String()
}

// sarifSeverity maps a severity to GitHub's problem.severity ("error",
// "warning", "recommendation").
func sarifSeverity(s ingressroute.Severity) string {
	if s != ingressroute.SeverityError && s != ingressroute.SeverityWarning {
		return "recommendation"
	}
	return s.String()
}

// writeSARIF writes the diagnostics as a SARIF 2.1.0 log with one run:
// every registered code is a rule (id = code, metadata from the registry,
// in code order, so rule indexes are stable), every diagnostic a result
// (suppressed ones carry a suppression). Columns are converted from bytes
// to Unicode code points when the file can be read. Each result carries a
// partial fingerprint computed from its code, object, field and message,
// so that it survives lines moving.
func writeSARIF(w io.Writer, ds ingressroute.Diagnostics, source func(string) ([]byte, bool)) error {
	codes := ingressroute.Codes()
	index := map[string]int{}
	var rules []sarifRule
	addRule := func(c ingressroute.CodeInfo) {
		index[c.Code] = len(rules)
		rules = append(rules, sarifRule{
			ID:               c.Code,
			Name:             ruleName(c.Title),
			ShortDescription: sarifText{Text: c.Title},
			FullDescription:  sarifText{Text: c.Explanation},
			Help: sarifText{
				Text: c.Explanation,
				Markdown: c.Explanation + "\n\nBefore:\n\n```yaml\n" + withNewline(c.Before) + "```\n\nAfter:\n\n```yaml\n" +
					withNewline(c.After) + "```\n",
			},
			HelpURI:              docsURL + "#" + strings.ToLower(c.Code),
			DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(c.Severity)},
			Properties:           sarifRuleProps{Tags: []string{"traefik", "kubernetes"}, Precision: "very-high", ProblemSeverity: sarifSeverity(c.Severity)},
		})
	}
	for _, c := range codes {
		addRule(c)
	}
	sorted := append(ingressroute.Diagnostics(nil), ds...)
	sorted.Sort()
	for _, d := range sorted {
		if _, ok := index[d.Code]; !ok {
			// An unregistered code still gets a rule, so that ruleIndex holds.
			addRule(ingressroute.CodeInfo{Code: d.Code, Title: d.Code, Severity: d.Severity, Explanation: d.Code})
		}
	}

	cwd, _ := os.Getwd()
	lines := map[string][][]byte{}
	column := func(pos ingressroute.Position) int {
		if pos.Column <= 0 || source == nil {
			return pos.Column
		}
		ls, ok := lines[pos.File]
		if !ok {
			if data, found := source(pos.File); found {
				ls = bytes.Split(data, []byte("\n"))
			}
			lines[pos.File] = ls
		}
		if pos.Line > len(ls) {
			return pos.Column
		}
		l := ls[pos.Line-1]
		if pos.Column-1 > len(l) {
			return pos.Column
		}
		return utf8.RuneCount(l[:pos.Column-1]) + 1
	}
	location := func(pos ingressroute.Position) sarifPhysical {
		uri, base := sarifURI(pos.File, cwd)
		p := sarifPhysical{ArtifactLocation: sarifArtifact{URI: uri, URIBaseID: base}}
		if pos.Line > 0 {
			p.Region = &sarifRegion{StartLine: pos.Line, StartColumn: column(pos)}
		}
		return p
	}

	results := []sarifResult{}
	for _, d := range sorted {
		msg := d.Message
		if obj := d.Object.String(); obj != "" {
			msg += " (" + obj + ")"
		}
		if d.Hint != "" {
			msg += "\nHint: " + d.Hint
		}
		loc := sarifLocation{PhysicalLocation: location(d.Pos)}
		if obj := d.Object.String(); obj != "" {
			name := obj
			if d.Field != "" {
				name += " " + d.Field
			}
			loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: name, Kind: "object"}}
		}
		r := sarifResult{
			RuleID:              d.Code,
			RuleIndex:           index[d.Code],
			Level:               sarifLevel(d.Severity),
			Message:             sarifText{Text: msg},
			Locations:           []sarifLocation{loc},
			PartialFingerprints: map[string]string{fingerprintKey: fingerprint(d)},
		}
		for i, rel := range d.Related {
			id := i + 1
			r.RelatedLocations = append(r.RelatedLocations, sarifLocation{ID: &id, PhysicalLocation: location(rel.Pos), Message: &sarifText{Text: rel.Message}})
		}
		if d.Suppressed {
			r.Suppressions = []sarifSupp{{Kind: "external"}}
		}
		results = append(results, r)
	}

	log := sarifLog{
		Version: sarifVersion,
		Schema:  sarifSchema,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           "irkit",
				Version:        irkitVersion(),
				InformationURI: "https://github.com/irkit/irkit",
				Rules:          rules,
			}},
			ColumnKind: "unicodeCodePoints",
			Results:    results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifURI returns a file's URI for SARIF: relative to the working
// directory (the repository root in CI) with the %SRCROOT% base when it is
// under it, else an absolute file:// URI. Standard input is "stdin".
func sarifURI(file, cwd string) (uri, base string) {
	switch file {
	case "":
		return "unknown", ""
	case stdinName:
		return "stdin", ""
	}
	p := filepath.FromSlash(relToDir(file, cwd))
	if filepath.IsAbs(p) {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(p)}).String(), ""
	}
	p = strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
	return (&url.URL{Path: p}).EscapedPath(), "%SRCROOT%"
}

// fingerprint identifies a finding independently of its line: the code,
// object, field and message, or the file and line for a finding on no
// object (a decoding problem).
func fingerprint(d ingressroute.Diagnostic) string {
	h := sha256.New()
	obj := d.Object.String()
	parts := []string{d.Code, obj, d.Field, d.Message}
	if obj == "" {
		parts = append(parts, d.Pos.String())
	}
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// ruleName turns a code title into a SARIF rule name in PascalCase:
// "unknown field" -> "UnknownField".
func ruleName(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func withNewline(s string) string {
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}
