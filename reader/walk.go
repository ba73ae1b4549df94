package reader

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/reader/charset"
	"github.com/marsad-news/marsad/reader/fetch"
)

// Walk reads every path and calls fn for each record it holds, in order. A
// path is a file, a directory (read recursively in lexical order, skipping
// hidden entries), "-" for stdin, or an http(s) URL of a feed or page.
//
// An input or record that cannot be read is passed to fn as a
// *marsad.InputError with a nil record; fn decides whether that stops the
// walk. A non-nil error returned by fn stops the walk and is returned, as is
// the context's error when ctx is done. Walk itself never stops a batch for
// a bad input.
func Walk(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(*Record, error) error) error {
	w := &walker{ctx: ctx, opts: opts, fn: fn, max: opts.maxSize()}
	for _, p := range paths {
		if err := w.path(p, stdin); err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	ctx    context.Context
	opts   Options
	fn     func(*Record, error) error
	max    int64
	client *fetch.Client // created on first use
}

// emit hands a record to fn.
func (w *walker) emit(r *Record) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.fn(r, nil)
}

// fail hands an InputError to fn. err should wrap a marsad sentinel and
// read as one line.
func (w *walker) fail(input string, err error) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	return w.fn(nil, &marsad.InputError{Input: input, Err: err})
}

func (w *walker) fetcher() *fetch.Client {
	if w.client == nil {
		ua := w.opts.UserAgent
		if ua == "" {
			ua = DefaultUserAgent
		}
		w.client = fetch.New(fetch.Options{
			UserAgent:    ua,
			Interval:     w.opts.RequestInterval,
			Timeout:      w.opts.Timeout,
			MaxSize:      w.max,
			AllowPrivate: w.opts.AllowPrivate,
		})
	}
	return w.client
}

func (w *walker) path(p string, stdin io.Reader) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	switch {
	case p == "-":
		if stdin == nil {
			return w.fail("stdin", fmt.Errorf("%w: no standard input", marsad.ErrEmpty))
		}
		return w.stream("stdin", stdin, -1, 0)
	case strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://"):
		return w.url(p)
	}
	info, err := os.Stat(p)
	if err != nil {
		return w.fail(p, pathError(err))
	}
	if !info.IsDir() {
		return w.file(p, info)
	}
	return filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return w.fail(name, pathError(err))
		}
		if name != p && strings.HasPrefix(d.Name(), ".") {
			w.opts.skip(name, "hidden")
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			if d.Type()&fs.ModeSymlink == 0 {
				w.opts.skip(name, "not a regular file")
				return nil
			}
		}
		info, err := os.Stat(name) // follows a symlink to a file
		if err != nil {
			return w.fail(name, pathError(err))
		}
		if info.IsDir() {
			w.opts.skip(name, "symlink to a directory")
			return nil
		}
		return w.file(name, info)
	})
}

// pathError strips the operation and path from an *fs.PathError, which
// the InputError names already.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (w *walker) file(name string, info fs.FileInfo) error {
	if !info.Mode().IsRegular() {
		return w.fail(name, errors.New("not a regular file"))
	}
	if info.Size() == 0 {
		return w.fail(name, marsad.ErrEmpty)
	}
	f, err := os.Open(name)
	if err != nil {
		return w.fail(name, pathError(err))
	}
	defer f.Close()
	return w.streamFile(name, f, info.Size())
}

// streamFile is stream for files, whose random access lets a zip be read
// in place.
func (w *walker) streamFile(name string, f *os.File, size int64) error {
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return w.fail(name, err)
	}
	if n == 4 && Detect(magic[:], name) == Zip {
		return w.zip(name, f, size, 0)
	}
	return w.stream(name, f, size, 0)
}

// stream reads one input of unknown format from r. size is its length when
// known, else -1; depth counts the archives (zip, gzip) it is inside.
func (w *walker) stream(name string, r io.Reader, size int64, depth int) error {
	br := bufPool.Get().(*bufio.Reader)
	br.Reset(r)
	defer func() {
		br.Reset(nil)
		bufPool.Put(br)
	}()
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return w.fail(name, fmt.Errorf("read: %s", oneLine(err)))
	}
	format := Detect(head, name)
	switch format {
	case WARC:
		return w.warc(name, br)
	case JSON:
		return w.jsonArray(name, br)
	case JSONL:
		return w.jsonLines(name, br)
	case Gzip:
		if depth >= 2 {
			return w.fail(name, fmt.Errorf("%w: archive nested too deep", marsad.ErrMalformed))
		}
		zr, err := gzip.NewReader(br)
		if err != nil {
			return w.fail(name, fmt.Errorf("%w: gzip: %s", marsad.ErrMalformed, oneLine(err)))
		}
		defer zr.Close()
		return w.stream(name, zr, -1, depth+1)
	case Zip:
		if depth >= 2 {
			return w.fail(name, fmt.Errorf("%w: archive nested too deep", marsad.ErrMalformed))
		}
		data, err := w.readAll(name, br, size)
		if err != nil {
			return w.fail(name, err)
		}
		return w.zip(name, bytes.NewReader(data), int64(len(data)), depth)
	}
	data, err := w.readAll(name, br, size)
	if err != nil {
		return w.fail(name, err)
	}
	switch format {
	case HTML:
		return w.html(name, data, "", "")
	case Feed:
		return w.feed(name, data, false)
	}
	return w.text(name, data)
}

// bufPool recycles the read buffers of inputs: a directory of small files
// would otherwise allocate one 64 KB buffer per file.
var bufPool = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, 64<<10) }}

// readAll reads a whole input that must fit in MaxSize, refusing a larger
// one before reading it when its size is known.
func (w *walker) readAll(name string, r io.Reader, size int64) ([]byte, error) {
	if size > w.max {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", marsad.ErrTooLarge, size, w.max)
	}
	data, err := io.ReadAll(io.LimitReader(r, w.max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %s", oneLine(err))
	}
	if int64(len(data)) > w.max {
		return nil, fmt.Errorf("%w: over %d bytes", marsad.ErrTooLarge, w.max)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, marsad.ErrEmpty
	}
	return data, nil
}

func (w *walker) text(name string, data []byte) error {
	text, enc, err := charset.Decode(data, "")
	if err != nil {
		return w.fail(name, err)
	}
	return w.emit(&Record{Source: name, Format: Text, Data: text, Encoding: enc})
}

// zip reads the members of an archive in name order. Members are read as
// inputs of their own; an archive inside an archive is read, one inside
// that is not.
func (w *walker) zip(name string, ra io.ReaderAt, size int64, depth int) error {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return w.fail(name, fmt.Errorf("%w: %s", marsad.ErrMalformed, oneLine(err)))
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	for _, f := range files {
		member := name + ":" + f.Name
		base := filepath.Base(f.Name)
		switch {
		case f.FileInfo().IsDir():
			continue
		case strings.HasPrefix(f.Name, "__MACOSX/") || strings.HasPrefix(base, "."):
			w.opts.skip(member, "hidden")
			continue
		}
		if err := w.member(member, f, depth); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) member(name string, f *zip.File, depth int) error {
	rc, err := f.Open()
	if err != nil {
		return w.fail(name, fmt.Errorf("%w: %s", marsad.ErrMalformed, oneLine(err)))
	}
	defer rc.Close()
	size := int64(f.UncompressedSize64)
	if f.UncompressedSize64 > 1<<62 {
		size = 1 << 62
	}
	return w.stream(name, rc, size, depth+1)
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
