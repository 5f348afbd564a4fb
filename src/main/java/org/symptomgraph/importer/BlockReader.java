package org.symptomgraph.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts lines into headings, list items and prose paragraphs. Plain-text documents give it their
 * lines as they are; the HTML front end ({@link HtmlReader}) gives it the lines it renders from the
 * page, each still knowing the source line it came from.
 */
public final class BlockReader {

    private static final Pattern ITEM = Pattern.compile(
            "^(\\s*)(?:\\d{1,3}[.)]|[-*+•·●▪◦‣–—]|\\(?[a-z]\\))\\s+(\\S.*)$");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    /** Words that make a short line ending in a colon a lead-in sentence, not a heading. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "\\b(include|includes|including|such as|caused by|cause|causes|following|examples?|may|can|are|is)\\b",
            Pattern.CASE_INSENSITIVE);

    /**
     * One line to read.
     *
     * @param text    the line
     * @param number  the source line it starts on
     * @param spans   where parts of it come from, when it spans several source lines (offsets into
     *                {@code text}); empty for a line that is one source line
     */
    record Line(String text, int number, List<Block.Span> spans) {
        Line {
            spans = spans.isEmpty() ? List.of(new Block.Span(0, number)) : List.copyOf(spans);
        }

        Line(String text, int number) {
            this(text, number, List.of());
        }
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private BlockReader() {
    }

    /** Reads the lines of a plain-text document (index 0 is line 1). */
    public static List<Block> read(List<String> lines) {
        List<Line> numbered = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            numbered.add(new Line(lines.get(i), i + 1));
        }
        return readLines(numbered);
    }

    static List<Block> readLines(List<Line> lines) {
        List<Block> blocks = new ArrayList<>();
        List<Line> paragraph = new ArrayList<>();
        int gap = 0;
        int gapBeforeParagraph = 0;
        Block openItem = null;

        for (int i = 0; i <= lines.size(); i++) {
            Line line = i < lines.size() ? lines.get(i) : new Line("", Integer.MAX_VALUE);
            String raw = line.text();
            boolean blank = raw.isBlank();
            Matcher item = ITEM.matcher(raw);
            Matcher markdown = MARKDOWN_HEADING.matcher(raw);
            boolean startsBlock = blank || item.matches() || markdown.matches();
            // An indented line right after a list item continues that item.
            if (!blank && openItem != null && !startsBlock && raw.startsWith(" ") && paragraph.isEmpty()) {
                String more = clean(raw);
                List<Block.Span> spans = new ArrayList<>(openItem.spans());
                int start = openItem.text().length() + 1;
                spans.addAll(shift(line.spans(), leading(raw) - start, start));
                openItem = new Block(Block.Type.ITEM, openItem.line(), openItem.text() + " " + more,
                        openItem.level(), openItem.gap(), spans);
                blocks.set(blocks.size() - 1, openItem);
                continue;
            }
            if (startsBlock || i == lines.size()) {
                flushParagraph(paragraph, gapBeforeParagraph, blocks);
            }
            if (blank) {
                gap++;
                openItem = null;
                continue;
            }
            if (markdown.matches()) {
                blocks.add(new Block(Block.Type.HEADING, line.number(), clean(markdown.group(2)),
                        markdown.group(1).length(), gap));
                openItem = null;
            } else if (item.matches()) {
                openItem = new Block(Block.Type.ITEM, line.number(), clean(item.group(2)), item.group(1).length(), gap,
                        shift(line.spans(), item.start(2), 0));
                blocks.add(openItem);
            } else {
                if (paragraph.isEmpty()) {
                    gapBeforeParagraph = gap;
                }
                paragraph.add(line);
                openItem = null;
            }
            gap = 0;
        }
        return blocks;
    }

    private static void flushParagraph(List<Line> paragraph, int gap, List<Block> into) {
        if (paragraph.isEmpty()) {
            return;
        }
        // A short first line glued to the prose below it is a heading whose blank line was lost.
        if (paragraph.size() > 1 && looksLikeHeading(paragraph.get(0).text())
                && paragraph.get(0).text().strip().length() <= 40
                && Character.isUpperCase(paragraph.get(1).text().strip().codePointAt(0))) {
            Line first = paragraph.remove(0);
            into.add(new Block(Block.Type.HEADING, first.number(), clean(first.text()), 0, gap));
            gap = 0;
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
        boolean heading = paragraph.size() == 1 && looksLikeHeading(joined);
        into.add(new Block(heading ? Block.Type.HEADING : Block.Type.PROSE, paragraph.get(0).number(),
                heading ? stripColon(joined) : joined, 0, gap, heading ? List.of() : spans));
        paragraph.clear();
    }

    /** Spans moved left by {@code delta} characters (negative moves right), none before {@code floor}. */
    private static List<Block.Span> shift(List<Block.Span> spans, int delta, int floor) {
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

    /** A short line that starts like a title and does not end like a sentence. */
    static boolean looksLikeHeading(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 80 || WHITE_SPACE.split(s).length > 10) {
            return false;
        }
        int first = s.codePointAt(0);
        if (!Character.isUpperCase(first) && !Character.isDigit(first)) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last == '.' || last == '!' || last == '?' || last == ',' || last == ';') {
            return false;
        }
        return last != ':' || !LEAD_IN.matcher(s).find();
    }

    private static String stripColon(String s) {
        return s.endsWith(":") ? s.substring(0, s.length() - 1).strip() : s;
    }

    /** Collapses white space. */
    static String clean(String s) {
        return WHITE_SPACE.matcher(s.strip()).replaceAll(" ");
    }
}
