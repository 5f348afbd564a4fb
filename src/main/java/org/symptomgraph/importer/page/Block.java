package org.symptomgraph.importer.page;

import java.util.List;

/**
 * A unit of a page's layout: a heading, one list item, or a paragraph of prose.
 *
 * @param type    what it is
 * @param line    1-based line of the source file where it starts
 * @param text    its text, white space collapsed, list marker removed
 * @param level   a heading's level where the page marks it (Markdown "##", HTML h2), else 0; a list
 *                item's nesting depth (only relative depths mean anything)
 * @param gap     blank lines before it in a plain-text page (two stand where a heading was dropped)
 * @param ordinal a numbered list item's number ("7." gives 7), 0 for a bulleted one, -1 for others
 * @param list    list items of one list share this number, counted from 1 in page order; 0 for others
 * @param spans   where the text comes from: from each span's offset in {@code text} on, the source
 *                line given; a paragraph wrapped over several lines has one span a line
 */
public record Block(Type type, int line, String text, int level, int gap, int ordinal, int list, List<Span> spans) {

    public enum Type { HEADING, ITEM, PROSE }

    /** From {@code offset} in the block's text on, the text comes from source line {@code line}. */
    public record Span(int offset, int line) {
    }

    public Block {
        spans = spans.isEmpty() ? List.of(new Span(0, line)) : List.copyOf(spans);
    }

    /** A heading or paragraph whose whole text comes from one line. */
    public static Block of(Type type, int line, String text, int level) {
        return new Block(type, line, text, level, 0, -1, 0, List.of());
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

    /** The same block with other text (spans kept: a shortened text keeps its lines). */
    public Block withText(String newText) {
        return new Block(type, line, newText, level, gap, ordinal, list, spans);
    }
}
