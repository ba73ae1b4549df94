// Package snncorpus reads the unlabeled text that the NER model's derived
// statistics (word clusters, the learned gazetteer) are computed from: the
// SaudiNewsNet zips, in a fixed order, so that the commands under ner/cmd
// are deterministic.
package snncorpus

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// Read returns the title and content ("title\ncontent") of every article
// of the SaudiNewsNet zips under dir, zips and their JSON members in name
// order.
func Read(dir string) ([]string, error) {
	var docs []string
	zips, err := filepath.Glob(filepath.Join(dir, "*.zip"))
	if err != nil {
		return nil, err
	}
	sort.Strings(zips)
	for _, path := range zips {
		d, err := readZip(path)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d...)
	}
	return docs, nil
}

func readZip(path string) ([]string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	members := make([]*zip.File, len(zr.File))
	copy(members, zr.File)
	sort.Slice(members, func(i, j int) bool { return members[i].Name < members[j].Name })
	var docs []string
	for _, f := range members {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		var arts []struct{ Title, Content string }
		err = json.NewDecoder(rc).Decode(&arts)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, f.Name, err)
		}
		for _, a := range arts {
			docs = append(docs, a.Title+"\n"+a.Content)
		}
	}
	return docs, nil
}
