package org.symptomgraph.importer.reading;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.symptomgraph.importer.page.Block;

/**
 * Takes away what is not the page's content, keeping what it says about itself: the page's date (a
 * line that is a date, never one inside a reference), the closing disclaimer and everything after
 * it (newsletter, privacy notice, references, "See also"), publisher text, bylines, image captions,
 * sections about other things than causes ("Symptoms", "Treatment", "References"), and reference
 * lists wherever they are.
 */
final class FurniturePass implements ReadingPass {

    /** A list item that is a reference: a citation date, "et al.", or an address. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\baccessed\\b.*\\d{4}|\\bet al\\b|https?://|www\\.\\S+\\.\\w|\\bdoi:|\\b\\d{4};\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern BYLINE_NAME = Pattern.compile("^[\\p{L} .,'&-]{2,60}$");
    /** "Updated by:", "Online Medical Reviewer:": a label for who wrote or checked the page. */
    private static final Pattern BYLINE_LABEL = Pattern.compile(
            "^(?:(?:online |medical |editorial )*reviewer|(?:medically )?reviewed by|updated by|written by|author)s?\\s*:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTERNATIVE_NAMES = Pattern.compile("^(?:alternative|other) names?\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern UNFINISHED_LEAD = Pattern.compile(
            "\\b(?:causes?|reasons?)\\s+(?:of\\s+.+\\s+)?(?:are|is|include|includes)$", Pattern.CASE_INSENSITIVE);

    @Override
    public void apply(Reading r) {
        List<Block> content = new ArrayList<>();
        boolean afterDisclaimer = false;
        boolean otherNames = false;
        boolean skippedLeadIn = false;
        int offTopicLevel = -1;
        int referenceList = 0;
        Block previous = null;
        java.util.Map<Integer, Integer> joinedLists = new java.util.HashMap<>();
        int position = -1;
        int lastKept = -1;
        for (Block read : r.content) {
            position++;
            // "The most common causes are" on a line of its own: a lead-in that lost its colon, not a heading.
            Block b = read.is(Block.Type.HEADING) && UNFINISHED_LEAD.matcher(read.text()).find()
                    ? new Block(Block.Type.PROSE, read.line(), read.text() + ":", 0, read.gap(), -1, 0, read.spans())
                    : read;
            Block before = previous;
            previous = b;
            if (!b.is(Block.Type.ITEM) && date(r, b)) {
                continue;
            }
            if (afterDisclaimer) {
                continue;
            }
            if (b.is(Block.Type.HEADING)) {
                if (offTopicLevel >= 0 && b.level() > offTopicLevel && offTopicLevel > 0) {
                    continue; // a sub-heading of a section about other things
                }
                if (offTopicLevel >= 0 && skippedLeadIn && b.level() == 0) {
                    continue; // "Contact your provider if hiccups:" then "Last more than 2 days": its items
                }
                if (offTopicLevel >= 0 && otherNames && b.level() == 0) {
                    r.otherNames.addAll(Text.enumeration(b.text())); // "Alternative Names" then "Singultus"
                    otherNames = false;
                    continue;
                }
                otherNames = ALTERNATIVE_NAMES.matcher(b.text()).find();
                offTopicLevel = isOffTopic(b.text()) ? b.level() : -1;
                if (offTopicLevel >= 0) {
                    continue;
                }
            } else if (offTopicLevel >= 0) {
                skippedLeadIn = b.is(Block.Type.PROSE) && b.text().endsWith(":");
                if (otherNames && b.is(Block.Type.PROSE)) {
                    // "Alternative Names: Epistaxis; Bleeding from the nose": names of the symptom.
                    r.otherNames.addAll(Text.enumeration(b.text()));
                }
                // The sentence that leads into the list speaks of causes ("Treatment depends on the cause. Your
                // provider may suggest:" does not).
                List<Text.Sentence> sentences = Text.sentences(b.text());
                boolean leadsCauses = b.is(Block.Type.PROSE) && b.text().endsWith(":") && !sentences.isEmpty()
                        && Lexicon.causal(sentences.get(sentences.size() - 1).text());
                if (!leadsCauses || b.level() > 0) {
                    continue;
                }
                offTopicLevel = -1; // a lead-in to causes: the page lost the heading that ended the section
            }
            if (b.is(Block.Type.PROSE) && Lexicon.DISCLAIMER.in(b.text())) {
                // At the end of the content it closes the page; at the top it is only itself.
                if (content.stream().anyMatch(c -> !c.is(Block.Type.HEADING))) {
                    r.disclaimer = b.text();
                    afterDisclaimer = true;
                }
                continue;
            }
            if (b.is(Block.Type.ITEM) && (b.list() == referenceList || REFERENCE.matcher(b.text()).find())) {
                referenceList = b.list();
                continue;
            }
            if (!b.is(Block.Type.ITEM) && (Lexicon.BOILERPLATE.in(b.text()) || isByline(b.text())
                    || isCaption(b.text()))) {
                // A heading right above publisher text only introduces it, and goes with it.
                if (!content.isEmpty() && content.get(content.size() - 1) == before && before.is(Block.Type.HEADING)
                        && Lexicon.BOILERPLATE.in(b.text())) {
                    content.remove(content.size() - 1);
                }
                continue;
            }
            if (b.is(Block.Type.ITEM)) {
                b = joined(b, content, position - lastKept > 1, joinedLists);
            }
            content.add(b);
            lastKept = position;
        }
        r.content = content;
    }

    /**
     * A list cut in two by furniture left out between its halves (an advertisement) goes on: an item
     * right after the dropped blocks, at the level and in the style of the item before them, takes
     * that item's list, and so do the rest of its list.
     */
    private static Block joined(Block item, List<Block> content, boolean droppedBefore, java.util.Map<Integer, Integer> joined) {
        Integer into = joined.get(item.list());
        Block last = content.isEmpty() ? null : content.get(content.size() - 1);
        if (into == null && droppedBefore && last != null && last.is(Block.Type.ITEM) && last.list() != item.list()
                && last.level() == item.level() && (last.ordinal() > 0) == (item.ordinal() > 0)) {
            into = last.list();
            joined.put(item.list(), into);
        }
        return into == null ? item
                : new Block(item.type(), item.line(), item.text(), item.level(), item.gap(), item.ordinal(), into, item.spans());
    }

    /** Takes a block that is a date as the page's date (the first one; another is reported). */
    private static boolean date(Reading r, Block b) {
        Optional<LocalDate> date = DocumentDates.parse(b.text(), DocumentDates.Order.of(r.page.address()));
        if (date.isPresent()) {
            if (r.date == null) {
                r.date = date.get();
            } else if (!r.date.equals(date.get())) {
                r.warn(b.line(), "a second date (" + date.get() + "); kept " + r.date);
            }
            return true;
        }
        Optional<String> ambiguous = DocumentDates.ambiguity(b.text());
        ambiguous.ifPresent(why -> r.warn(b.line(), why));
        return ambiguous.isPresent();
    }

    /** A heading or lead-in that ends in a condition: "See a GP if", "Go to A&E if you have:". */
    static final java.util.regex.Pattern CONDITIONAL = java.util.regex.Pattern.compile(
            "\\b(?:if|when|unless)(?:\\s+(?:you|your|it|the|they|there|he|she|your child)(?:\\s+\\S+)?)?\\s*:?\\s*$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A question about care, not causes: "How is hoarseness treated?", "How is it diagnosed?". */
    private static final java.util.regex.Pattern CARE_QUESTION = java.util.regex.Pattern.compile(
            "^(?:how|when|what)\\b.*\\b(?:treated|diagnosed|prevented|managed|tested)$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A heading that tells the reader to get help ("Contact your provider", "Seek medical care"). */
    private static final java.util.regex.Pattern SEE_A_DOCTOR = java.util.regex.Pattern.compile(
            "^(?:call|contact|see|seek|talk to|speak to|visit|get help|get medical|go to|ask)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A heading of a section about other things than causes: "Symptoms", "See also", "When to see a doctor". */
    private static boolean isOffTopic(String heading) {
        String h = Text.stripEnd(heading.replaceAll("[?]+$", ""));
        return Lexicon.OFF_TOPIC_HEADINGS.is(h) || Lexicon.OFF_TOPIC_HEADING_STARTS.startsIn(h)
                || SEE_A_DOCTOR.matcher(h).find() || CONDITIONAL.matcher(h).find() // "Call your doctor if", "Contact your provider"
                || CARE_QUESTION.matcher(h).find(); // "How is hoarseness treated?"
    }

    /** "By Mayo Clinic Staff", "Medically reviewed by …", "Updated by: …". */
    private static boolean isByline(String text) {
        if (BYLINE_LABEL.matcher(text).find()) {
            return true;
        }
        return text.length() <= 80 && Lexicon.BYLINES.startsIn(text) && Text.words(text) <= 8
                && BYLINE_NAME.matcher(text).matches() && Character.isUpperCase(text.codePointAt(0));
    }

    /** "Urinary tract showing kidneys, ureters, bladder …": one sentence about a picture. */
    private static boolean isCaption(String text) {
        if (Text.sentences(text).size() != 1 || Lexicon.causal(text)) {
            return false;
        }
        return Lexicon.CAPTION_WORDS.find(text).filter(m -> Text.words(text.substring(0, m.start())) <= 5).isPresent();
    }
}
