package main

import (
	"context"
	"os"

	"github.com/spf13/cobra"

	"github.com/marsad-news/marsad"
	"github.com/marsad-news/marsad/export"
)

func newExportCommand(g *globals) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export --format jsonl|csv|gexf",
		Short: "Export stored articles (jsonl, csv) or the entity graph (gexf, for Gephi)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return g.withStore(cmd, func(ctx context.Context, store marsad.Store) error {
				w := cmd.OutOrStdout()
				if out != "" && out != "-" {
					f, err := os.Create(out)
					if err != nil {
						return err
					}
					defer f.Close()
					w = f
				}
				return export.Write(ctx, store, format, w)
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "jsonl, csv or gexf")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file (default stdout)")
	return cmd
}
