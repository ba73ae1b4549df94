// Package migrate lists the versioned schema migrations the SQL stores
// embed: files named NNN_description.sql, applied in version order, each
// once. Applying them is the store's business (each speaks its own SQL
// dialect and driver); which files, in which order, is shared.
package migrate

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// File is one migration.
type File struct {
	Version int
	Name    string // path inside the file system, e.g. "migration/001_init.sql"
}

// List returns the *.sql files under dir of fsys in version order. A file
// whose name does not start with a positive version number and "_", or two
// files with one version, is an error.
func List(fsys fs.FS, dir string) ([]File, error) {
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	out := make([]File, 0, len(names))
	seen := map[int]string{}
	for _, name := range names {
		v, err := version(name)
		if err != nil {
			return nil, err
		}
		if other, ok := seen[v]; ok {
			return nil, fmt.Errorf("migrations %s and %s share version %d", other, name, v)
		}
		seen[v] = name
		out = append(out, File{Version: v, Name: name})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

// version reads the number that starts a migration file name
// ("migration/001_init.sql" → 1).
func version(name string) (int, error) {
	base := name[strings.LastIndexByte(name, '/')+1:]
	digits, _, ok := strings.Cut(base, "_")
	v, err := strconv.Atoi(digits)
	if !ok || err != nil || v <= 0 {
		return 0, fmt.Errorf("migration %s: name must start with a version number and _", name)
	}
	return v, nil
}

// IfNotExists turns a stored CREATE INDEX statement (as SQLite's
// sqlite_master and PostgreSQL's pg_indexes give it) into one that does
// nothing when the index exists: the stores build deferred indexes again
// with it, and a migration may have made one in the meantime.
func IfNotExists(def string) string {
	for _, prefix := range []string{"CREATE INDEX ", "CREATE UNIQUE INDEX "} {
		if rest, ok := strings.CutPrefix(def, prefix); ok && !strings.HasPrefix(strings.ToUpper(rest), "IF NOT EXISTS") {
			return prefix + "IF NOT EXISTS " + rest
		}
	}
	return def
}
