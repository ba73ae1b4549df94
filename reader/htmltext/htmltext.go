// Package htmltext turns HTML into plain text paragraphs. It has no
// dependency beyond golang.org/x/net/html, so that readers of feeds, whose
// items carry small HTML fragments, need not link the page extractor.
package htmltext

import (
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Paragraphs returns the text under n as paragraphs joined by "\n": each
// block element (p, h1–h6, li, blockquote, td, div …) and each <br> ends a
// line, and runs of white space inside a line become one space. Only text
// nodes contribute, so markup, scripts and attributes never reach the
// result.
//
// trafilatura's own ContentText joins everything into one line, which loses
// the paragraph structure that sentence splitting and quotes rely on.
func Paragraphs(n *xhtml.Node) string {
	var out strings.Builder
	var line strings.Builder
	flush := func() {
		s := strings.Join(strings.Fields(line.String()), " ")
		line.Reset()
		if s == "" {
			return
		}
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(s)
	}
	// The walk is iterative; the exit of a block element is seen when the
	// walk climbs back through it.
	node := n
	for node != nil {
		descend := true
		switch node.Type {
		case xhtml.TextNode:
			line.WriteString(node.Data)
			line.WriteByte(' ')
			// A text node joins words across inline elements; the space is
			// collapsed by flush, and an extra space between inline runs is
			// what a browser shows for most markup.
		case xhtml.ElementNode:
			switch tag(node) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg, atom.Math, atom.Head:
				descend = false
			case atom.Br, atom.Hr:
				flush()
			default:
				if isBlock(tag(node)) {
					flush()
				}
			}
		case xhtml.CommentNode, xhtml.DoctypeNode:
			descend = false
		}
		if descend && node.FirstChild != nil {
			node = node.FirstChild
			continue
		}
		for node != n && node.NextSibling == nil {
			node = node.Parent
			if node.Type == xhtml.ElementNode && isBlock(tag(node)) {
				flush()
			}
		}
		if node == n {
			break
		}
		if node.Type == xhtml.ElementNode && isBlock(tag(node)) {
			flush()
		}
		node = node.NextSibling
	}
	flush()
	return out.String()
}

// tag is the atom of an element; trafilatura builds its output nodes with
// the tag name only, so DataAtom may be unset.
func tag(n *xhtml.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	if n.Data == "lb" { // trafilatura's line break
		return atom.Br
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Thead, atom.Tbody, atom.Tfoot, atom.Caption,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Aside, atom.Nav,
		atom.Figure, atom.Figcaption, atom.Address, atom.Main, atom.Body, atom.Form,
		atom.Fieldset, atom.Details, atom.Summary:
		return true
	}
	return false
}

// FragmentText returns the text of an HTML fragment, such as the
// description of a feed item, as paragraphs joined by "\n". Text without
// markup comes back with its lines kept and white space collapsed.
func FragmentText(fragment string) string {
	if !strings.ContainsAny(fragment, "<&") {
		var lines []string
		for _, l := range strings.Split(fragment, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				lines = append(lines, l)
			}
		}
		return strings.Join(lines, "\n")
	}
	doc, err := xhtml.Parse(strings.NewReader(fragment))
	if err != nil || Depth(doc) > MaxDepth {
		return ""
	}
	return Paragraphs(doc)
}

// MaxDepth bounds element nesting. Extractors recurse over the tree, and
// hostile pages nest tens of thousands of elements deep.
const MaxDepth = 512

// Depth is the deepest element nesting of the tree, computed without
// recursion.
func Depth(root *xhtml.Node) int {
	deepest, d := 0, 0
	n := root
	for {
		if n.FirstChild != nil {
			n = n.FirstChild
			d++
			deepest = max(deepest, d)
			continue
		}
		for n != root && n.NextSibling == nil {
			n = n.Parent
			d--
		}
		if n == root {
			return deepest
		}
		n = n.NextSibling
	}
}
