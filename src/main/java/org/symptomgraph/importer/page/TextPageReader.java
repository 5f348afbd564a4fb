package org.symptomgraph.importer.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain-text pages (and Markdown): text saved from a web page, one paragraph a line or wrapped,
 * with or without blank lines between blocks. A first line {@code SOURCE: <address>} records where
 * the page came from; it is not part of the text.
 *
 * <p>Lines become blocks thus: a Markdown heading ({@code ## Causes}) or a short line standing alone
 * that starts like a title and does not end like a sentence is a heading; a line with a list marker
 * ({@code 1.}, {@code 1)}, {@code a)}, {@code -}, {@code *}, {@code •}, …) is a list item, and an
 * indented line right under it continues it; other lines are prose, and consecutive ones are one
 * paragraph unless a line ends a sentence (pages saved without blank lines give one paragraph a line).
 * Items belong to one list until prose or a heading comes between, two blank lines do (where a heading
 * was lost), or the numbering starts again at 1.
 */
public final class TextPageReader implements PageReader {

    public static final String FORMAT = "text";

    private static final Pattern SOURCE = Pattern.compile("^\\s*(?:source|url|source url|address)\\s*:\\s*(\\S+)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ITEM = Pattern.compile(
            "^(\\s*)(?:(\\d{1,3})[.)]|([-*+•·●▪◦‣–—])|\\(?([a-z])\\))\\s+(\\S.*)$");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern MARKDOWN_BOLD_LINE = Pattern.compile("^\\s*(?:\\*\\*|__)([^*_]+)(?:\\*\\*|__)\\s*$");
    /** A line that ends a sentence (a quote or bracket may follow the stop). */
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?:][\"'”’)\\]]*\\s*$");
    /** Words that make a short line ending in a colon a lead-in sentence, not a heading. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "\\b(include|includes|including|such as|caused by|cause|causes|following|examples?|may|can|are|is|because)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** The line under a Markdown table's header ("|---|:---:|"). */
    private static final Pattern PIPE_SEPARATOR = Pattern.compile("^\\s*\\|?(\\s*:?-{3,}:?\\s*\\|)+\\s*(:?-{3,}:?\\s*)?$");
    /** Markdown emphasis around words ("**Angina.** Poor blood flow"): the words are kept, the marks not. */
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");
    /** A line that stands alone although no blank line sets it apart: who wrote or reviewed the page, and when. */
    private static final Pattern LABEL_LINE = Pattern.compile("^\\s*(?:(?:medically )?reviewed by|written by|updated|"
            + "last updated|published|page last reviewed|review date|date last reviewed|next review due|by)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A short line glued to the prose under it is a heading whose blank line was lost: at most this long. */
    private static final int GLUED_HEADING_LENGTH = 50;

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public List<String> extensions() {
        return List.of(".txt", ".text", ".md");
    }

    @Override
    public boolean sniff(byte[] bytes) {
        return false; // plain text is what remains when no other format recognises a file
    }

    @Override
    public Page read(String name, byte[] bytes) throws DocumentException {
        List<String> lines = SourceText.lines(name, bytes);
        Optional<String> address = Optional.empty();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first < lines.size()) {
            Matcher source = SOURCE.matcher(lines.get(first));
            if (source.matches()) {
                address = Optional.of(source.group(1));
                lines = new ArrayList<>(lines);
                lines.set(first, "");
            }
        }
        List<Line> numbered = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            numbered.add(new Line(lines.get(i), i + 1, List.of()));
        }
        return new Page(name, FORMAT, new Layout().read(numbered), Optional.empty(), address);
    }

    /**
     * One line to read: its text, the source line it starts on, and, when it was put together from
     * several source lines, where each part comes from (offsets into {@code text}).
     */
    record Line(String text, int number, List<Block.Span> spans) {
        Line {
            spans = spans.isEmpty() ? List.of(new Block.Span(0, number)) : List.copyOf(spans);
        }
    }

    /** The state of cutting one page's lines into blocks. */
    static final class Layout {
        private final List<Block> blocks = new ArrayList<>();
        private final List<Line> paragraph = new ArrayList<>();
        private int gap;
        private int gapBeforeParagraph;
        private int list;
        private boolean listOpen;
        private int listIndent;
        private boolean listNumbered;
        private int lastOrdinal;

        List<Block> read(List<Line> lines) {
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                String raw = line.text();
                if (raw.isBlank()) {
                    flush();
                    gap++;
                    continue;
                }
                List<List<Block>> rows = tableAt(lines, i);
                if (!rows.isEmpty()) {
                    flush();
                    blocks.addAll(new Table(rows).blocks(gap, ++list));
                    i = rows.get(rows.size() - 1).get(0).line() - 1;
                    gap = 0;
                    listOpen = false;
                    continue;
                }
                Matcher markdown = MARKDOWN_HEADING.matcher(raw);
                Matcher bold = MARKDOWN_BOLD_LINE.matcher(raw);
                Matcher item = ITEM.matcher(raw);
                if (markdown.matches() || bold.matches()) {
                    flush();
                    String text = markdown.matches() ? markdown.group(2) : bold.group(1);
                    add(Block.Type.HEADING, line, clean(text), markdown.matches() ? markdown.group(1).length() : 0,
                            List.of());
                } else if (item.matches()) {
                    flush();
                    item(line, item);
                } else if (continuesItem(raw)) {
                    continueItem(line);
                } else {
                    if (!paragraph.isEmpty() && breaksBefore(paragraph.get(paragraph.size() - 1).text(), raw)) {
                        flush();
                    }
                    if (paragraph.isEmpty()) {
                        gapBeforeParagraph = gap;
                        gap = 0;
                    }
                    paragraph.add(line);
                }
            }
            flush();
            return blocks;
        }

        private void item(Line line, Matcher m) {
            int indent = m.group(1).length();
            boolean numbered = m.group(2) != null;
            int ordinal = numbered ? Integer.parseInt(m.group(2)) : 0;
            boolean sameLevel = listOpen && indent <= listIndent;
            boolean restarts = sameLevel && numbered && listNumbered && ordinal <= 1 && lastOrdinal >= 1;
            boolean otherMarker = sameLevel && numbered != listNumbered;
            if (!listOpen || gap >= 2 || restarts || otherMarker) {
                list++;
                listOpen = true;
                listIndent = indent;
                listNumbered = numbered;
            }
            if (indent <= listIndent) {
                lastOrdinal = ordinal;
            }
            String text = m.group(5);
            List<Block.Span> spans = shift(line.spans(), m.start(5), 0);
            blocks.add(new Block(Block.Type.ITEM, line.number(), clean(text), indent, gap, ordinal, list, spans));
            gap = 0;
        }

        /**
         * The rows of a table that starts at line {@code i} (at least a header and one row of
         * tab-separated or Markdown pipe cells, no blank line between), else none.
         */
        private static List<List<Block>> tableAt(List<Line> lines, int i) {
            List<List<Block>> rows = new ArrayList<>();
            for (int j = i; j < lines.size(); j++) {
                Line line = lines.get(j);
                if (PIPE_SEPARATOR.matcher(line.text()).matches() && j > i) {
                    continue;
                }
                List<Block> cells = cells(line);
                if (cells.size() < 2) {
                    break;
                }
                rows.add(cells);
            }
            return rows.size() >= 2 ? rows : List.of();
        }

        /** The cells of a table row: a line with tabs between its cells, or a Markdown row "| a | b |". */
        private static List<Block> cells(Line line) {
            String text = line.text().strip();
            String[] parts;
            if (text.startsWith("|") && text.indexOf('|', 1) > 0) {
                parts = text.substring(1, text.endsWith("|") ? text.length() - 1 : text.length()).split("\\|");
            } else if (text.indexOf('\t') > 0 && !ITEM.matcher(line.text()).matches()) {
                parts = text.split("\t+");
            } else {
                return List.of();
            }
            List<Block> cells = new ArrayList<>();
            for (String part : parts) {
                cells.add(Block.of(Block.Type.PROSE, line.number(), clean(part), 0));
            }
            return cells;
        }

        /** An indented line right under a list item (no blank line between) continues the item. */
        private boolean continuesItem(String raw) {
            return paragraph.isEmpty() && gap == 0 && !blocks.isEmpty() && Character.isWhitespace(raw.charAt(0))
                    && blocks.get(blocks.size() - 1).is(Block.Type.ITEM);
        }

        private void continueItem(Line line) {
            Block item = blocks.remove(blocks.size() - 1);
            String more = clean(line.text());
            int start = item.text().length() + 1;
            List<Block.Span> spans = new ArrayList<>(item.spans());
            spans.addAll(shift(line.spans(), leading(line.text()) - start, start));
            blocks.add(new Block(Block.Type.ITEM, item.line(), item.text() + " " + more, item.level(), item.gap(),
                    item.ordinal(), item.list(), spans));
        }

        /**
         * Whether a line starts a new paragraph although no blank line comes between: the line before
         * ended a sentence, or was a short title-like line (a heading whose blank line was lost).
         */
        private static boolean breaksBefore(String previous, String next) {
            if (ENDS_SENTENCE.matcher(previous).find() || LABEL_LINE.matcher(previous).find()
                    || LABEL_LINE.matcher(next).find()) {
                return true;
            }
            String p = previous.strip();
            String n = next.strip();
            return p.length() <= GLUED_HEADING_LENGTH && looksLikeHeading(p) && !n.isEmpty()
                    && Character.isUpperCase(n.codePointAt(0));
        }

        private void flush() {
            if (paragraph.isEmpty()) {
                return;
            }
            StringBuilder text = new StringBuilder();
            List<Block.Span> spans = new ArrayList<>();
            for (Line l : paragraph) {
                String part = clean(l.text());
                if (text.length() > 0) {
                    text.append(' ');
                }
                spans.addAll(shift(l.spans(), leading(l.text()) - text.length(), text.length()));
                text.append(part);
            }
            String joined = text.toString();
            Line first = paragraph.get(0);
            paragraph.clear();
            int before = gap;
            gap = gapBeforeParagraph;
            if (looksLikeHeading(joined) && spans.size() == 1) {
                add(Block.Type.HEADING, first, joined.endsWith(":") ? joined.substring(0, joined.length() - 1).strip()
                        : joined, 0, List.of());
            } else {
                add(Block.Type.PROSE, first, joined, 0, spans);
            }
            gap = before;
        }

        private void add(Block.Type type, Line line, String text, int level, List<Block.Span> spans) {
            blocks.add(new Block(type, line.number(), text, level, gap, -1, 0, spans));
            gap = 0;
            listOpen = false;
        }
    }

    /**
     * A short line that starts like a title and does not end like a sentence; a question counts
     * ("What causes a low white blood cell count?"), a lead-in ending in a colon does not.
     */
    static boolean looksLikeHeading(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 80 || WHITE_SPACE.split(s).length > 12) {
            return false;
        }
        int first = s.codePointAt(0);
        if (!Character.isUpperCase(first) && !Character.isDigit(first)) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last == '.' || last == '!' || last == ',' || last == ';') {
            return false;
        }
        // "Medicines:" is a heading; "Eosinophils play two roles in your immune system:" leads in to a list.
        return last != ':' || !LEAD_IN.matcher(s).find() && WHITE_SPACE.split(s).length <= 4;
    }

    /** Spans moved left by {@code delta} characters (negative moves right), none before {@code floor}. */
    static List<Block.Span> shift(List<Block.Span> spans, int delta, int floor) {
        List<Block.Span> out = new ArrayList<>();
        for (Block.Span s : spans) {
            int offset = Math.max(floor, s.offset() - delta);
            if (!out.isEmpty() && out.get(out.size() - 1).offset() == offset) {
                out.set(out.size() - 1, new Block.Span(offset, s.line()));
            } else {
                out.add(new Block.Span(offset, s.line()));
            }
        }
        return out;
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * A line written as a list item ("* Hemophilia A", "2) Lupus"): its number (0 for a bullet) and
     * its text without the marker; used by readers of other formats for items typed as text.
     */
    static java.util.Optional<Block> asItem(Block prose, int list) {
        Matcher m = ITEM.matcher(prose.text());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        int ordinal = m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
        return java.util.Optional.of(new Block(Block.Type.ITEM, prose.line(), clean(m.group(5)), 1, prose.gap(), ordinal,
                list, shift(prose.spans(), m.start(5), 0)));
    }

    /** Collapses white space and drops Markdown emphasis marks. */
    public static String clean(String s) {
        return EMPHASIS.matcher(WHITE_SPACE.matcher(s.strip()).replaceAll(" ")).replaceAll("$2");
    }
}
