package ingressroute

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// familyTitles names the code families by their digit.
var familyTitles = map[byte]string{
	'1': "Decoding (IR1xxx)",
	'2': "Schema (IR2xxx)",
	'3': "Rules (IR3xxx)",
	'4': "References and backends (IR4xxx)",
	'5': "TLS (IR5xxx)",
	'6': "Lint (IR6xxx)",
}

// WriteCodeMarkdown writes the documentation of codes as a Markdown page,
// grouped by family, each code a section anchored by its code. It is how
// docs/diagnostics.md is generated.
func WriteCodeMarkdown(w io.Writer, codes []CodeInfo) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# Diagnostics\n\n")
	bw.WriteString("<!-- Generated from the registry in ingressroute/codes*.go by\n" +
		"     go test ./ingressroute -run TestDiagnosticsDoc -update. Do not edit. -->\n\n")
	bw.WriteString("Every finding irkit reports has a stable code, `IR` followed by the family digit and three\n" +
		"digits. `irkit explain CODE` prints the same text.\n\n")
	bw.WriteString("| Code | Severity | Title |\n|---|---|---|\n")
	for _, c := range codes {
		fmt.Fprintf(bw, "| [%s](#%s) | %s | %s |\n", c.Code, strings.ToLower(c.Code), c.Severity, c.Title)
	}
	var family byte
	for _, c := range codes {
		if len(c.Code) > 2 && c.Code[2] != family {
			family = c.Code[2]
			title := familyTitles[family]
			if title == "" {
				title = "IR" + string(family) + "xxx"
			}
			fmt.Fprintf(bw, "\n## %s\n", title)
		}
		fmt.Fprintf(bw, "\n### %s\n\n**%s** (%s)\n\n%s\n\n", c.Code, c.Title, c.Severity, c.Explanation)
		fmt.Fprintf(bw, "Before:\n\n```yaml\n%s```\n\nAfter:\n\n```yaml\n%s```\n", withNewline(c.Before), withNewline(c.After))
	}
	return bw.Flush()
}

// WriteCodeText writes the documentation of one code for a terminal, as
// `irkit explain CODE` prints it.
func WriteCodeText(w io.Writer, c CodeInfo) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s: %s (%s)\n\n%s\n\nBefore:\n\n%s\nAfter:\n\n%s", c.Code, c.Title, c.Severity,
		c.Explanation, indentBlock(c.Before), indentBlock(c.After))
	return bw.Flush()
}

func withNewline(s string) string {
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

func indentBlock(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		b.WriteString("    " + l + "\n")
	}
	return b.String()
}
