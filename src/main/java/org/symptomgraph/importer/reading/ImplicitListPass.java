package org.symptomgraph.importer.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.symptomgraph.importer.page.Block;

/**
 * Turns lists that the page does not mark as lists into list items, so that the structure pass reads
 * them as any list:
 *
 * <ul>
 *   <li>after a lead-in ending in a colon, short lines of their own without a list marker ("Things
 *       that may set off hiccups include:" then "Eating a large meal or eating too fast", …), up to a
 *       real heading, the next lead-in or a longer paragraph;
 *   <li>after a sentence that speaks of causes, headings each followed by a paragraph that describes
 *       one cause ("Here are some of the things that can cause it." then "Ear Infection" and what it
 *       is, "Swimmer's Ear" …): each heading is a cause, its paragraph the item's explanation;
 *   <li>after a paragraph or heading that speaks of causes, a glossary: three or more lines each a
 *       term, a colon and what it is ("Blepharitis: inflammation of the eyelid margins."), as "causes
 *       A–Z" pages write them.
 * </ul>
 */
final class ImplicitListPass implements ReadingPass {

    /** A line of an unmarked list is at most this many words. */
    private static final int MAX_ITEM_WORDS = 25;
    /** A glossary has at least this many terms. */
    private static final int MIN_GLOSSARY_TERMS = 3;
    /** A glossary line: a short term (a footnote mark may follow it), a colon, its explanation. */
    private static final Pattern GLOSSARY_LINE = Pattern.compile("^\\p{Lu}[^:.;!?]{1,80}?[*†‡]?\\s*:\\s+\\S.*$");
    /** A heading that names one cause is at most this many words. */
    private static final int MAX_CAUSE_HEADING_WORDS = 8;

    @Override
    public void apply(Reading r) {
        List<Block> in = r.content;
        List<Block> out = new ArrayList<>();
        int list = 1_000_000; // list numbers of their own, apart from the page's
        for (int i = 0; i < in.size(); i++) {
            Block b = in.get(i);
            out.add(b);
            if (b.is(Block.Type.ITEM) || i + 1 >= in.size() || in.get(i + 1).is(Block.Type.ITEM)) {
                continue;
            }
            List<Block> glossary = new ArrayList<>();
            int glossaryEnd = glossaryRun(in, i + 1, glossary);
            if (glossary.size() >= MIN_GLOSSARY_TERMS && speaksOfCauses(b)) {
                list++;
                for (Block line : glossary) {
                    out.add(item(line, line.text(), list));
                }
                i = glossaryEnd - 1;
                continue;
            }
            if (!b.is(Block.Type.PROSE)) {
                continue;
            }
            String lead = lastSentence(b.text());
            if (lead.endsWith(":") && Statements.leadIn(lead, null) != Statements.LeadIn.OTHER_THINGS) {
                List<Block> lines = new ArrayList<>();
                int end = unmarkedRun(in, i + 1, lines);
                if (lines.size() >= 2) {
                    list++;
                    for (Block line : lines) {
                        out.add(item(line, line.text(), list));
                    }
                    i = end - 1;
                }
            } else if (Lexicon.causal(lead) && Statements.leadIn(lead, null) == Statements.LeadIn.CAUSES) {
                List<int[]> pairs = causeHeadings(in, i + 1);
                if (pairs.size() >= 2) {
                    list++;
                    for (int[] pair : pairs) {
                        StringBuilder text = new StringBuilder(in.get(pair[0]).text());
                        for (int k = pair[0] + 1; k < pair[1]; k++) {
                            text.append(text.toString().endsWith(".") ? " " : ". ").append(in.get(k).text());
                        }
                        out.add(item(in.get(pair[0]), text.toString(), list));
                    }
                    i = pairs.get(pairs.size() - 1)[1] - 1;
                }
            }
        }
        r.content = out;
    }

    /**
     * Where a run of short unmarked lines from {@code from} on ends; the lines go to {@code lines}.
     * A paragraph whose lines were joined (no blank lines on the page) is taken line by line.
     */
    private static int unmarkedRun(List<Block> in, int from, List<Block> lines) {
        int k = from;
        while (k < in.size()) {
            Block c = in.get(k);
            boolean headsAList = k + 1 < in.size() && in.get(k + 1).is(Block.Type.ITEM);
            if (c.is(Block.Type.ITEM) || c.level() > 0 || headsAList) {
                break;
            }
            List<Block> parts = lines(c);
            boolean allShort = parts.stream().allMatch(p -> Text.words(p.text()) <= MAX_ITEM_WORDS
                    && Text.sentences(p.text()).size() == 1 && !p.text().endsWith(":"));
            if (!allShort) {
                break;
            }
            lines.addAll(parts);
            k++;
        }
        return k;
    }

    /** Where a run of glossary lines from {@code from} on ends; the lines go to {@code lines}. */
    private static int glossaryRun(List<Block> in, int from, List<Block> lines) {
        int k = from;
        while (k < in.size() && in.get(k).is(Block.Type.PROSE)) {
            List<Block> parts = lines(in.get(k));
            if (!parts.stream().allMatch(ImplicitListPass::isGlossaryLine)) {
                break;
            }
            lines.addAll(parts);
            k++;
        }
        return k;
    }

    private static boolean isGlossaryLine(Block line) {
        String text = line.text();
        return GLOSSARY_LINE.matcher(text).matches() && Text.words(text.substring(0, text.indexOf(':'))) <= MAX_CAUSE_HEADING_WORDS;
    }

    /** A paragraph or heading that speaks of causes ("There are many causes of a red eye.", "Causes A–Z"). */
    private static boolean speaksOfCauses(Block b) {
        return Lexicon.causal(b.text()) || Lexicon.CAUSE_NOUNS.in(b.text());
    }

    /** A block's text line by line, as its source had it (the spans say where each line starts). */
    private static List<Block> lines(Block b) {
        List<Block> out = new ArrayList<>();
        List<Block.Span> spans = b.spans();
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i).offset();
            int end = i + 1 < spans.size() ? spans.get(i + 1).offset() : b.text().length();
            String part = b.text().substring(Math.min(start, b.text().length()), Math.min(end, b.text().length())).strip();
            if (!part.isEmpty()) {
                out.add(new Block(b.type(), spans.get(i).line(), part, b.level(), i == 0 ? b.gap() : 0, b.ordinal(),
                        b.list(), List.of()));
            }
        }
        return out;
    }

    /**
     * Headings each followed by paragraphs that name no causes of their own: {start, end} of each
     * heading and its paragraphs, from {@code from} on.
     */
    private static List<int[]> causeHeadings(List<Block> in, int from) {
        List<int[]> pairs = new ArrayList<>();
        int k = from;
        while (k < in.size() && in.get(k).is(Block.Type.HEADING) && in.get(k).level() == 0
                && Text.words(in.get(k).text()) <= MAX_CAUSE_HEADING_WORDS && !in.get(k).text().endsWith(":")) {
            int end = k + 1;
            while (end < in.size() && in.get(end).is(Block.Type.PROSE) && !namesCauses(in.get(end).text())) {
                end++;
            }
            if (end == k + 1 || end < in.size() && in.get(end).is(Block.Type.ITEM)) {
                break;
            }
            pairs.add(new int[] {k, end});
            k = end;
        }
        return pairs;
    }

    /** A paragraph that lists causes itself ("… such as A, B and C") or leads in to a list. */
    private static boolean namesCauses(String paragraph) {
        for (Text.Sentence s : Text.sentences(paragraph)) {
            if (s.text().endsWith(":") || Statements.enumerated(s.text(), false).size() > 1) {
                return true;
            }
        }
        return false;
    }

    private static Block item(Block from, String text, int list) {
        return new Block(Block.Type.ITEM, from.line(), text, 1, from.gap(), 0, list, from.spans());
    }

    private static String lastSentence(String paragraph) {
        List<Text.Sentence> s = Text.sentences(paragraph);
        return s.isEmpty() ? paragraph : s.get(s.size() - 1).text();
    }
}
