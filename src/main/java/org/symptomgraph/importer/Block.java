package org.symptomgraph.importer;

/**
 * A unit of document layout: a heading, one list item, or a paragraph of prose.
 *
 * @param type   what it is
 * @param line   1-based line where it starts
 * @param text   its text, hard line breaks joined with spaces, list marker removed
 * @param level  heading level where the layout gives one (Markdown "##" or HTML h2..h6), else 0;
 *               for list items, the indentation depth
 * @param gap    blank lines before it (a double gap often stands where a heading was dropped)
 */
public record Block(Type type, int line, String text, int level, int gap) {

    public enum Type { HEADING, ITEM, PROSE }

    public boolean is(Type t) {
        return type == t;
    }
}
