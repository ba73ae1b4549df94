package ner

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/marsad-news/marsad/arabic"
)

// maxClusterLevels bounds how many clusterings (coarse to fine) a word can
// belong to.
const maxClusterLevels = 4

// clusterTable maps a normalized word to its cluster at each level. Words
// are keyed by their FNV hash: the table is read in the hot path and a
// 64-bit collision among ~100k words is negligible.
type clusterTable struct {
	levels int
	words  map[uint64][maxClusterLevels]uint16
}

// lookup returns the clusters of the word, else of its clitic-free base.
func (c *clusterTable) lookup(word, base string) ([maxClusterLevels]uint16, bool) {
	if ids, ok := c.words[hashString(word)]; ok {
		return ids, true
	}
	if base != word {
		if ids, ok := c.words[hashString(base)]; ok {
			return ids, true
		}
	}
	return [maxClusterLevels]uint16{}, false
}

// Clusters is a word-cluster table: for each known word, its cluster at
// one to four levels of granularity, learned from unlabeled text (see
// cmd/nerclusters). A trained model carries its clusters inside it.
type Clusters struct {
	table *clusterTable
}

// Levels returns the number of clusterings per word.
func (c *Clusters) Levels() int { return c.table.levels }

// Len returns the number of words.
func (c *Clusters) Len() int { return len(c.table.words) }

// ReadClusters reads a cluster file: one word per line followed by its
// cluster ids, separated by tabs or spaces ("روسيا 12 340 2711"). Words
// are normalized with arabic.Normalize; every line must have the same
// number of ids, at most four, each below 65536.
func ReadClusters(r io.Reader) (*Clusters, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	t := &clusterTable{words: map[uint64][maxClusterLevels]uint16{}}
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		n := len(f) - 1
		if n < 1 || n > maxClusterLevels {
			return nil, fmt.Errorf("ner: clusters line %d: want a word and 1-%d ids, got %d fields", line, maxClusterLevels, len(f))
		}
		if t.levels == 0 {
			t.levels = n
		} else if n != t.levels {
			return nil, fmt.Errorf("ner: clusters line %d: %d ids, earlier lines have %d", line, n, t.levels)
		}
		var ids [maxClusterLevels]uint16
		for i, s := range f[1:] {
			v, err := strconv.ParseUint(s, 10, 16)
			if err != nil {
				return nil, fmt.Errorf("ner: clusters line %d: %w", line, err)
			}
			ids[i] = uint16(v)
		}
		t.words[hashString(arabic.Normalize(f[0]))] = ids
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: clusters line %d: %w", line+1, err)
	}
	if t.levels == 0 {
		return nil, errors.New("ner: clusters: empty file")
	}
	return &Clusters{table: t}, nil
}
