package ingressroute

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// manifestExts are the extensions DecodeFiles looks for in directories.
var manifestExts = []string{".yaml", ".yml", ".json"}

// DecodeFiles decodes files and directories into one Set. A directory is
// walked recursively for files ending in .yaml, .yml or .json (in any
// letter case), read in lexical order of their paths; a file named
// explicitly is read whatever its name. Every path that cannot be read is
// an IR1014 diagnostic and the other paths are still read. Positions name
// files as given (joined with the directory for walked files).
func DecodeFiles(paths ...string) (*Set, Diagnostics) {
	set := &Set{}
	var all Diagnostics
	ioErr := func(path string, err error) {
		all = append(all, Diagnostic{
			Severity: severityOf(CodeIO), Code: CodeIO, Pos: Position{File: path},
			Message: "cannot read: " + ioMessage(err),
		})
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			ioErr(p, err)
			continue
		}
		files := []string{p}
		if info.IsDir() {
			files = nil
			err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					ioErr(path, err)
					if d != nil && d.IsDir() {
						return fs.SkipDir
					}
					return nil
				}
				if !d.IsDir() && isManifestName(path) {
					files = append(files, path)
				}
				return nil
			})
			if err != nil {
				ioErr(p, err)
			}
			sort.Strings(files)
		}
		for _, f := range files {
			s, ds := decodeFile(f)
			set.Merge(s)
			all = append(all, ds...)
		}
	}
	all.Sort()
	return set, all
}

func decodeFile(path string) (*Set, Diagnostics) {
	f, err := os.Open(path)
	if err != nil {
		return &Set{}, Diagnostics{{
			Severity: severityOf(CodeIO), Code: CodeIO, Pos: Position{File: path},
			Message: "cannot read: " + ioMessage(err),
		}}
	}
	defer f.Close()
	return DecodeReader(path, f)
}

func isManifestName(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range manifestExts {
		if ext == e {
			return true
		}
	}
	return false
}

// ioMessage strips the path that os errors repeat.
func ioMessage(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Op + ": " + pe.Err.Error()
	}
	return err.Error()
}
