package reader_test

import (
	"context"
	"fmt"
	"os"

	"github.com/marsad-news/marsad/reader"
)

func ExampleWalk() {
	paths := []string{"testdata/snn.jsonl", "testdata/malformed/empty.txt", "testdata/rss.xml"}
	err := reader.Walk(context.Background(), paths, os.Stdin, reader.Options{}, func(r *reader.Record, err error) error {
		if err != nil {
			fmt.Println("skip:", err) // one line, naming the input
			return nil
		}
		fmt.Printf("%s %s %q published=%q raw=%q\n", r.Source, r.Format, r.Article.Title, r.Article.Published, r.RawDate)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// testdata/snn.jsonl#1 jsonl "حفتر يبحث عن مظلة عسكرية روسية" published="" raw=""
	// testdata/snn.jsonl#2 jsonl "الدعم الروسي يفشل في إنقاذ حفتر" published="" raw=""
	// testdata/snn.jsonl#3 jsonl "روسيا تسعى لنيل دعم الولايات المتحدة لحفتر" published="" raw=""
	// skip: testdata/malformed/empty.txt: empty input
	// testdata/rss.xml#item-1 feed "حفتر يزور روسيا “بناء على دعوة من موسكو”" published="2023-09-26T21:15:00Z" raw=""
	// testdata/rss.xml#item-2 feed "حفتر يبحث عن مظلة عسكرية روسية" published="" raw="الجمعة، 23 فبراير 2018 10:00"
	// testdata/rss.xml#item-3 feed "الدعم الروسي يفشل في إنقاذ حفتر" published="2020-05-20" raw=""
}
