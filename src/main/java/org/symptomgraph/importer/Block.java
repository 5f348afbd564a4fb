package org.symptomgraph.importer;

import java.util.List;

/**
 * A unit of document layout: a heading, one list item, or a paragraph of prose.
 *
 * @param type   what it is
 * @param line   1-based line of the source file where it starts
 * @param text   its text, hard line breaks joined with spaces, list marker removed
 * @param level  heading level where the layout gives one (Markdown "##" or HTML h2..h6), else 0;
 *               for list items, the indentation depth (only relative depths mean anything)
 * @param gap    blank lines before it (a double gap often stands where a heading was dropped)
 * @param spans  where the text comes from: from each span's offset in {@code text} on, the source
 *               line given; a paragraph wrapped over several lines has one span a line
 */
public record Block(Type type, int line, String text, int level, int gap, List<Span> spans) {

    public enum Type { HEADING, ITEM, PROSE }

    /** From {@code offset} in the block's text on, the text comes from source line {@code line}. */
    public record Span(int offset, int line) {
    }

    public Block {
        spans = spans.isEmpty() ? List.of(new Span(0, line)) : List.copyOf(spans);
    }

    /** A block whose whole text comes from one line. */
    public Block(Type type, int line, String text, int level, int gap) {
        this(type, line, text, level, gap, List.of());
    }

    public boolean is(Type t) {
        return type == t;
    }

    /** The source line of the character at {@code offset} in the text. */
    public int lineAt(int offset) {
        int found = line;
        for (Span s : spans) {
            if (s.offset() > offset) {
                break;
            }
            found = s.line();
        }
        return found;
    }
}
