package main

import "github.com/spf13/cobra"

// addMoreCommands adds the commands of the later capabilities (entities,
// time, quotes, stories, NER training) as their packages land.
func addMoreCommands(root *cobra.Command, g *globals) {}
