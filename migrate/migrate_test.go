package migrate_test

import (
	"testing"
	"testing/fstest"

	"github.com/marsad-news/marsad/migrate"
)

func TestList(t *testing.T) {
	tests := []struct {
		name    string
		files   []string
		want    []int
		wantErr bool
	}{
		{"version order, not name order", []string{"m/010_b.sql", "m/002_a.sql", "m/001_init.sql", "m/README"}, []int{1, 2, 10}, false},
		{"no number", []string{"m/init.sql"}, nil, true},
		{"zero", []string{"m/000_x.sql"}, nil, true},
		{"same version twice", []string{"m/001_a.sql", "m/01_b.sql"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys[f] = &fstest.MapFile{Data: []byte("SELECT 1;")}
			}
			got, err := migrate.List(fsys, "m")
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want versions %v", got, tt.want)
			}
			for i, f := range got {
				if f.Version != tt.want[i] {
					t.Errorf("got %v, want versions %v", got, tt.want)
				}
			}
		})
	}
}

func TestIfNotExists(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"CREATE INDEX a ON t (x)", "CREATE INDEX IF NOT EXISTS a ON t (x)"},
		{"CREATE UNIQUE INDEX a ON t (x)", "CREATE UNIQUE INDEX IF NOT EXISTS a ON t (x)"},
		{"CREATE INDEX IF NOT EXISTS a ON t (x)", "CREATE INDEX IF NOT EXISTS a ON t (x)"},
		{"CREATE INDEX articles_search ON public.articles USING gin (search) WITH (fastupdate='off')", "CREATE INDEX IF NOT EXISTS articles_search ON public.articles USING gin (search) WITH (fastupdate='off')"},
	} {
		if got := migrate.IfNotExists(tt.in); got != tt.want {
			t.Errorf("IfNotExists(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
