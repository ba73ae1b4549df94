package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
)

// Model file format (all integers little-endian or uvarint), gzipped:
//
//	magic "marsad-ner 2\n"
//	uvarint numTags, then each tag as uvarint length + bytes
//	uvarint cluster levels (0 = none); uvarint words; word hashes as
//	uvarint deltas (ascending); words*levels uint16 ids
//	(version 3 only) uvarint gazetteer bases; base hashes as uvarint
//	deltas (ascending); per base numTypes uvarint counts
//	uvarint stages (1 or 2); then per stage, first stage first:
//	  float32 scale; (numTags+1)*numTags int16 transition weights
//	  uvarint rows; row keys as uvarint deltas (ascending);
//	  rows*numTags int16 emission weights, tag-major (value = int16 * scale)
//
// Weights are quantized to 16 bits against the largest magnitude: the
// tagger only compares sums of weights, and 1/32767 of the largest weight is
// far below the gaps that decide a tag. Quantizing halves the model.
const magic = "marsad-ner 2\n"

// magicGaz marks version 3: version 2 plus the learned gazetteer. A model
// without a gazetteer is still written as version 2.
const magicGaz = "marsad-ner 3\n"

// Save writes the model in its binary format. The output is a pure
// function of the model, so equal models give equal bytes.
func (m *Model) Save(w io.Writer) error {
	var buf bytes.Buffer
	if m.gaz != nil {
		buf.WriteString(magicGaz)
	} else {
		buf.WriteString(magic)
	}
	putUvarint(&buf, uint64(numTags))
	for _, t := range Tags {
		putUvarint(&buf, uint64(len(t)))
		buf.WriteString(t)
	}
	if m.clusters == nil {
		putUvarint(&buf, 0)
	} else {
		c := m.clusters
		putUvarint(&buf, uint64(c.levels))
		hashes := make([]uint64, 0, len(c.words))
		for h := range c.words {
			hashes = append(hashes, h)
		}
		slices.Sort(hashes)
		putUvarint(&buf, uint64(len(hashes)))
		prev := uint64(0)
		for _, h := range hashes {
			putUvarint(&buf, h-prev)
			prev = h
		}
		for l := range c.levels {
			for _, h := range hashes {
				binary.Write(&buf, binary.LittleEndian, c.words[h][l])
			}
		}
	}
	if g := m.gaz; g != nil {
		hashes := make([]uint64, 0, len(g.words))
		for h := range g.words {
			hashes = append(hashes, h)
		}
		slices.Sort(hashes)
		putUvarint(&buf, uint64(len(hashes)))
		prev := uint64(0)
		for _, h := range hashes {
			putUvarint(&buf, h-prev)
			prev = h
		}
		for _, h := range hashes {
			for _, c := range g.words[h] {
				putUvarint(&buf, uint64(c))
			}
		}
	}
	// Stages: the first stage (if any), then this model's weights.
	if m.first != nil {
		putUvarint(&buf, 2)
		writeWeights(&buf, m.first)
	} else {
		putUvarint(&buf, 1)
	}
	writeWeights(&buf, m)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: save: %w", err)
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("ner: save: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: save: %w", err)
	}
	return nil
}

// writeWeights writes one stage's transition and emission weights.
func writeWeights(buf *bytes.Buffer, m *Model) {
	binary.Write(buf, binary.LittleEndian, m.scale)
	for p := range m.trans {
		for _, v := range m.trans[p] {
			binary.Write(buf, binary.LittleEndian, int16(v))
		}
	}
	putUvarint(buf, uint64(len(m.keys)))
	prev := uint64(0)
	rows := make([]*[numTags]int16, len(m.keys))
	for r, k := range m.keys {
		putUvarint(buf, k-prev)
		prev = k
		rows[r] = m.lookup(k)
	}
	// Tag-major: each tag's weights together compress better.
	var tmp [2]byte
	for k := range numTags {
		for _, w := range rows {
			binary.LittleEndian.PutUint16(tmp[:], uint16(w[k]))
			buf.Write(tmp[:])
		}
	}
}

func putUvarint(b *bytes.Buffer, v uint64) {
	var tmp [binary.MaxVarintLen64]byte
	b.Write(tmp[:binary.PutUvarint(tmp[:], v)])
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: load: %w", err)
	}
	br := bufio.NewReader(zr)
	m, err := decodeModel(br)
	if err != nil {
		return nil, fmt.Errorf("ner: load: %w", err)
	}
	return m, nil
}

// maxRows bounds allocations from a corrupt or hostile header.
const maxRows = 1 << 23

func decodeModel(br *bufio.Reader) (*Model, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || (string(head) != magic && string(head) != magicGaz) {
		return nil, errors.New("not a marsad ner model")
	}
	nt, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if nt != uint64(numTags) {
		return nil, fmt.Errorf("model has %d tags, want %d", nt, numTags)
	}
	for _, want := range Tags {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if n != uint64(len(want)) {
			return nil, fmt.Errorf("tag set differs at %q", want)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, err
		}
		if string(b) != want {
			return nil, fmt.Errorf("tag %q, want %q", b, want)
		}
	}
	m := &Model{}
	levels, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	if levels > maxClusterLevels {
		return nil, fmt.Errorf("%d cluster levels, at most %d", levels, maxClusterLevels)
	}
	if levels > 0 {
		nw, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if nw > maxRows {
			return nil, fmt.Errorf("%d cluster words is too many", nw)
		}
		hashes := make([]uint64, nw)
		prev := uint64(0)
		for i := range hashes {
			d, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, err
			}
			prev += d
			hashes[i] = prev
		}
		ids := make([]uint16, nw*levels)
		if err := binary.Read(br, binary.LittleEndian, ids); err != nil {
			return nil, err
		}
		t := &clusterTable{levels: int(levels), words: make(map[uint64][maxClusterLevels]uint16, nw)}
		for i, h := range hashes {
			var v [maxClusterLevels]uint16
			for l := range int(levels) {
				v[l] = ids[uint64(l)*nw+uint64(i)]
			}
			t.words[h] = v
		}
		m.clusters = t
	}
	if string(head) == magicGaz {
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if n > maxRows {
			return nil, fmt.Errorf("%d gazetteer bases is too many", n)
		}
		hashes := make([]uint64, n)
		prev := uint64(0)
		for i := range hashes {
			d, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, err
			}
			prev += d
			hashes[i] = prev
		}
		g := &gazTable{words: make(map[uint64][numTypes]uint32, n)}
		for _, h := range hashes {
			var c [numTypes]uint32
			for t := range c {
				v, err := binary.ReadUvarint(br)
				if err != nil {
					return nil, err
				}
				c[t] = uint32(min(v, 1<<32-1))
			}
			g.words[h] = c
		}
		m.gaz = g
	}
	stages, err := binary.ReadUvarint(br)
	if err != nil {
		return nil, err
	}
	switch stages {
	case 1:
	case 2:
		m.first = &Model{clusters: m.clusters, gaz: m.gaz}
		if err := readWeights(br, m.first); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%d stages, want 1 or 2", stages)
	}
	if err := readWeights(br, m); err != nil {
		return nil, err
	}
	return m, nil
}

// readWeights reads what writeWeights wrote into m.
func readWeights(br *bufio.Reader, m *Model) error {
	if err := binary.Read(br, binary.LittleEndian, &m.scale); err != nil {
		return err
	}
	var q16 int16
	for p := range m.trans {
		for c := range m.trans[p] {
			if err := binary.Read(br, binary.LittleEndian, &q16); err != nil {
				return err
			}
			m.trans[p][c] = float32(q16)
		}
	}
	n, err := binary.ReadUvarint(br)
	if err != nil {
		return err
	}
	if n > maxRows {
		return fmt.Errorf("%d rows is too many", n)
	}
	keys := make([]uint64, n)
	prev := uint64(0)
	for i := range keys {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return err
		}
		prev += d
		if i > 0 && prev <= keys[i-1] {
			return errors.New("feature keys out of order")
		}
		keys[i] = prev
	}
	raw := make([]int16, n*uint64(numTags))
	if err := binary.Read(br, binary.LittleEndian, raw); err != nil {
		return err
	}
	rows := make([][numTags]int16, n)
	for k := range numTags {
		for r := range rows {
			rows[r][k] = raw[k*int(n)+r]
		}
	}
	m.buildTable(keys, rows)
	return nil
}
