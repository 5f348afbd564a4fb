package org.symptomgraph.importer.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table of a page (HTML {@code <table>}, tab-separated or Markdown pipe rows in text), turned into
 * blocks. Pages put causes in tables as "Symptoms | Possible cause" (NHS) or "Cause | Description":
 * when a header cell names a cause column, the table is a list of that column's cells, with a
 * description column's cell after a dash (as a list item would write it); the other columns (the
 * symptoms that point to each cause, say) are left out; a row that fills only the cause column
 * names a group of the rows below it, and is read as their heading. Any other table is read as prose, a
 * paragraph a row, its cells joined by dashes.
 */
final class Table {

    /** A header that names the column of causes ("Possible cause", "Conditions", "What it might be"). */
    private static final Pattern CAUSE_COLUMN = Pattern.compile(
            "\\b(causes?|conditions?|diagnos[ie]s|reasons?|(could|might|may) be)\\b", Pattern.CASE_INSENSITIVE);
    /** A header that names a column describing the cause in that row. */
    private static final Pattern DESCRIPTION_COLUMN = Pattern.compile(
            "^(descriptions?|details?|what (it is|is it|happens)|about( it)?|explanation|notes?|more information)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("\\s+");
    private static final int HEADER_WORDS = 6;
    private static final String DASH = " — ";

    private final List<List<Block>> rows;

    /** @param rows the rows in page order, each a list of cells (a cell's text, line and spans as a block) */
    Table(List<List<Block>> rows) {
        this.rows = rows;
    }

    /**
     * The blocks of the table, after {@code gap} blank lines; a list of causes gets the list number
     * {@code list}.
     */
    List<Block> blocks(int gap, int list) {
        List<Block> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<Block> header = rows.get(0);
        Optional<Integer> cause = column(header, CAUSE_COLUMN, true);
        if (cause.isPresent() && rows.size() > 1) {
            Optional<Integer> description = column(header, DESCRIPTION_COLUMN, false);
            for (List<Block> row : rows.subList(1, rows.size())) {
                Block name = cell(row, cause.get());
                if (name == null) {
                    continue;
                }
                if (header.size() > 1 && row.stream().filter(c -> !c.text().isBlank()).count() == 1) {
                    // "| **Problems in the esophagus** | |": a row that only names a group heads the rows below it.
                    out.add(new Block(Block.Type.HEADING, name.line(), name.text(), 0, out.isEmpty() ? gap : 0, -1, 0,
                            name.spans()));
                    continue;
                }
                Block text = description.map(d -> joined(name, cell(row, d))).orElse(name);
                out.add(new Block(Block.Type.ITEM, text.line(), text.text(), 1, out.isEmpty() ? gap : 0, 0, list,
                        text.spans()));
            }
            return out;
        }
        for (List<Block> row : rows) {
            Block text = null;
            for (Block c : row) {
                text = text == null ? c : joined(text, c);
            }
            if (text != null) {
                out.add(new Block(Block.Type.PROSE, text.line(), text.text(), 0, out.isEmpty() ? gap : 0, -1, 0,
                        text.spans()));
            }
        }
        return out;
    }

    /** The column whose short header cell matches; for causes, the first that says "cause" wins over others. */
    private static Optional<Integer> column(List<Block> header, Pattern names, boolean preferCause) {
        Integer found = null;
        for (int i = 0; i < header.size(); i++) {
            String text = header.get(i).text().strip();
            if (text.isEmpty() || WORD.split(text).length > HEADER_WORDS || !names.matcher(text).find()) {
                continue;
            }
            if (preferCause && text.toLowerCase(java.util.Locale.ROOT).contains("cause")) {
                return Optional.of(i);
            }
            if (found == null) {
                found = i;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Block cell(List<Block> row, int column) {
        if (column >= row.size() || row.get(column).text().isBlank()) {
            return null;
        }
        return row.get(column);
    }

    /** Two cells as one text, "first — second", each part keeping its source lines. */
    private static Block joined(Block first, Block second) {
        if (second == null) {
            return first;
        }
        String text = first.text() + DASH + second.text();
        List<Block.Span> spans = new ArrayList<>(first.spans());
        int offset = first.text().length() + DASH.length();
        for (Block.Span s : second.spans()) {
            spans.add(new Block.Span(offset + s.offset(), s.line()));
        }
        return new Block(first.type(), first.line(), text, first.level(), first.gap(), first.ordinal(), first.list(),
                spans);
    }
}
