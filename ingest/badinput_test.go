package ingest_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/ingest"
	"github.com/marsad-news/marsad/pipeline"
)

// Bad inputs are rejected one by one, each with one line naming the input
// and the reason, and the rest of the batch goes on (issue 2, point 11).
func TestBadInputsDoNotStopTheBatch(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, err := os.ReadFile("../examples/001_d6281a036ef26186.txt")
	if err != nil {
		t.Fatal(err)
	}
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i * 7919 % 251)
	}
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil { // sparse: 200 MB without writing them
		t.Fatal(err)
	}
	f.Close()

	cases := map[string]error{
		write("junk.bin", junk): marsad.ErrBinary,
		write("empty.txt", nil): marsad.ErrEmpty,
		write("invalid.txt", []byte("\xff\xfe\xfd\x80\x81 abc \xc3\x28 \xa0\xa1")): nil, // invalid UTF-8: ErrInvalidUTF8 or, decoded as windows-1256, not Arabic
		big: marsad.ErrTooLarge,
		write("english.txt", []byte("Russia seeks US backing for Libya's Haftar, Wall Street Journal says.\n\nThe Kremlin has been courting the eastern commander for months, officials said on Wednesday.\n")): marsad.ErrNotArabic,
	}
	goodPath := write("good.txt", good)
	paths := []string{goodPath}
	for p := range cases {
		paths = append(paths, p)
	}
	var rejects []error
	var stored []*marsad.Article
	p := &pipeline.Pipeline{Stages: []pipeline.Stage{pipeline.Tokenize, pipeline.Times, pipeline.CodePoints}}
	sum, err := ingest.Analyze(context.Background(), paths, nil, ingest.Options{Pipeline: p, OnReject: func(err error) { rejects = append(rejects, err) }},
		func(a *marsad.Article) error { stored = append(stored, a); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Records != 1 || len(stored) != 1 || stored[0].File != goodPath {
		t.Errorf("summary %v: want the one good article through", sum)
	}
	if sum.Rejected != len(cases) {
		t.Errorf("rejected %d, want %d: %v", sum.Rejected, len(cases), rejects)
	}
	for _, r := range rejects {
		msg := r.Error()
		if strings.Contains(msg, "\n") {
			t.Errorf("error is not one line: %q", msg)
		}
		var ie *marsad.InputError
		if !errors.As(r, &ie) {
			t.Errorf("error %q is not an InputError", msg)
			continue
		}
		want, ok := cases[ie.Input]
		if !ok {
			t.Errorf("error %q names %q, not one of the inputs", msg, ie.Input)
			continue
		}
		if !strings.HasPrefix(msg, ie.Input+": ") {
			t.Errorf("error %q does not start with the input's name", msg)
		}
		if want != nil && !errors.Is(r, want) {
			t.Errorf("%s: got %v, want %v", filepath.Base(ie.Input), r, want)
		}
		if want == nil && !errors.Is(r, marsad.ErrInvalidUTF8) && !errors.Is(r, marsad.ErrNotArabic) && !errors.Is(r, marsad.ErrBinary) {
			t.Errorf("%s: got %v, want invalid UTF-8 or not Arabic", filepath.Base(ie.Input), r)
		}
	}
}
