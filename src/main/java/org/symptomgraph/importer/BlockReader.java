package org.symptomgraph.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts plain-text lines into headings, list items and prose paragraphs. */
public final class BlockReader {

    private static final Pattern ITEM = Pattern.compile(
            "^(\\s*)(?:\\d{1,3}[.)]|[-*+•·●▪◦‣–—]|\\(?[a-z]\\))\\s+(\\S.*)$");
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    /** Words that make a short line ending in a colon a lead-in sentence, not a heading. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "\\b(include|includes|including|such as|caused by|cause|causes|following|examples?|may|can|are|is)\\b",
            Pattern.CASE_INSENSITIVE);

    private BlockReader() {
    }

    public static List<Block> read(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        int paragraphStart = 0;
        int gap = 0;
        int gapBeforeParagraph = 0;
        Block openItem = null;

        for (int i = 0; i <= lines.size(); i++) {
            String raw = i < lines.size() ? lines.get(i) : "";
            int number = i + 1;
            boolean blank = raw.isBlank();
            Matcher item = ITEM.matcher(raw);
            Matcher markdown = MARKDOWN_HEADING.matcher(raw);
            boolean startsBlock = blank || item.matches() || markdown.matches();
            // An indented line right after a list item continues that item.
            if (!blank && openItem != null && !startsBlock && raw.startsWith(" ") && paragraph.isEmpty()) {
                openItem = new Block(Block.Type.ITEM, openItem.line(), openItem.text() + " " + raw.strip(),
                        openItem.level(), openItem.gap());
                blocks.set(blocks.size() - 1, openItem);
                continue;
            }
            if (startsBlock || i == lines.size()) {
                flushParagraph(paragraph, paragraphStart, gapBeforeParagraph, blocks);
            }
            if (blank) {
                gap++;
                openItem = null;
                continue;
            }
            if (markdown.matches()) {
                blocks.add(new Block(Block.Type.HEADING, number, clean(markdown.group(2)), markdown.group(1).length(), gap));
                openItem = null;
            } else if (item.matches()) {
                openItem = new Block(Block.Type.ITEM, number, clean(item.group(2)), item.group(1).length(), gap);
                blocks.add(openItem);
            } else {
                if (paragraph.isEmpty()) {
                    paragraphStart = number;
                    gapBeforeParagraph = gap;
                }
                paragraph.add(raw);
                openItem = null;
            }
            gap = 0;
        }
        return blocks;
    }

    private static void flushParagraph(List<String> paragraph, int start, int gap, List<Block> into) {
        if (paragraph.isEmpty()) {
            return;
        }
        // A short first line glued to the prose below it is a heading whose blank line was lost.
        if (paragraph.size() > 1 && looksLikeHeading(paragraph.get(0)) && paragraph.get(0).strip().length() <= 40
                && Character.isUpperCase(paragraph.get(1).strip().codePointAt(0))) {
            into.add(new Block(Block.Type.HEADING, start, clean(paragraph.get(0)), 0, gap));
            paragraph.remove(0);
            start++;
            gap = 0;
        }
        String text = clean(String.join(" ", paragraph));
        boolean heading = paragraph.size() == 1 && looksLikeHeading(text);
        into.add(new Block(heading ? Block.Type.HEADING : Block.Type.PROSE, start,
                heading ? stripColon(text) : text, 0, gap));
        paragraph.clear();
    }

    /** A short line that starts like a title and does not end like a sentence. */
    static boolean looksLikeHeading(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 80 || s.split("\\s+").length > 10) {
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
        return s.strip().replaceAll("\\s+", " ");
    }
}
