package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDump(t *testing.T) {
	files, _ := filepath.Glob(os.Getenv("DUMP"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		a, err := Text(f, data)
		if err != nil {
			fmt.Println(f, "ERR", err)
			continue
		}
		b, _ := json.MarshalIndent(a, "", "  ")
		fmt.Println(string(b))
	}
}
