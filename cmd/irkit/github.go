package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/irkit/irkit/ingressroute"
)

// writeGitHub writes the diagnostics as GitHub Actions workflow commands,
// one per line:
//
//	::error file=F,line=L,col=C,title=CODE::message (object)%0AHint: ...
//
// errors as ::error, warnings as ::warning, infos as ::notice; suppressed
// diagnostics are left out. Absolute file names under the working
// directory (the repository root in CI) are made relative to it, as the
// runner expects. Values are escaped as the runner expects.
func writeGitHub(w io.Writer, ds ingressroute.Diagnostics) error {
	sorted := append(ingressroute.Diagnostics(nil), ds...)
	sorted.Sort()
	cwd, _ := os.Getwd()
	for _, d := range sorted {
		if d.Suppressed {
			continue
		}
		cmd := "notice"
		switch d.Severity {
		case ingressroute.SeverityError:
			cmd = "error"
		case ingressroute.SeverityWarning:
			cmd = "warning"
		}
		var props []string
		if d.Pos.File != "" && d.Pos.File != stdinName {
			props = append(props, "file="+ghProperty(relToDir(d.Pos.File, cwd)))
		}
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
			if d.Pos.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Pos.Column))
			}
		}
		props = append(props, "title="+ghProperty(d.Code))
		msg := d.Message
		if obj := d.Object.String(); obj != "" {
			msg += " (" + obj + ")"
		}
		if d.Hint != "" {
			msg += "\nHint: " + d.Hint
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), ghData(msg)); err != nil {
			return err
		}
	}
	return nil
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// relToDir returns file relative to dir when it is an absolute path under
// dir, else file unchanged; separators become slashes.
func relToDir(file, dir string) string {
	if filepath.IsAbs(file) && dir != "" {
		if rel, err := filepath.Rel(dir, file); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(file)
}
