package org.symptomgraph.importer.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.symptomgraph.model.Frequency;

/** The importer's English word lists (resource files beside this class), each loaded once. */
final class Lexicon {

    static final WordList BOILERPLATE = WordList.of("boilerplate");
    static final WordList BYLINES = WordList.of("bylines");
    static final WordList DISCLAIMER = WordList.of("disclaimer");
    static final WordList OFF_TOPIC_HEADINGS = WordList.of("off-topic-headings");
    static final WordList OFF_TOPIC_HEADING_STARTS = WordList.of("off-topic-heading-starts");
    static final WordList CAUSES_HEADINGS = WordList.of("causes-headings");
    static final WordList OTHER_CAUSES = WordList.of("other-causes");
    static final WordList CAUSE_NOUNS = WordList.of("cause-nouns");
    static final WordList CAUSAL = WordList.of("causal-phrases");
    /** "certain symptoms are cause for concern": a "cause" that is not a cause of anything. */
    private static final java.util.regex.Pattern NOT_CAUSAL = java.util.regex.Pattern.compile(
            "\\bcauses? for (?:concern|alarm|worry)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Whether the text speaks of causing (a phrase of {@link #CAUSAL}, not "cause for concern"). */
    static boolean causal(String text) {
        return CAUSAL.in(NOT_CAUSAL.matcher(text).replaceAll(" "));
    }
    static final WordList NOT_CAUSES = WordList.of("not-causes");
    static final WordList NO_CAUSE = WordList.of("no-cause");
    static final WordList SUBGROUPS = WordList.of("subgroups");
    static final WordList NARRATIVE = WordList.of("narrative");
    static final WordList ALIAS_MARKERS = WordList.of("alias-markers");
    static final WordList QUALIFIERS = WordList.of("qualifiers");
    static final WordList ARTICLES = WordList.of("articles");
    static final WordList DETERMINERS = WordList.of("determiners");
    static final WordList CLAUSE_VERBS = WordList.of("clause-verbs");
    static final WordList MODAL_VERBS = WordList.of("modal-verbs");
    static final WordList CLAUSE_LINKS = WordList.of("clause-links");
    static final WordList DRUG_WORDS = WordList.of("drug-words");
    static final WordList NOT_DRUG_HEADS = WordList.of("not-drug-heads");
    static final WordList CAPTION_WORDS = WordList.of("caption-words");
    static final WordList TITLE_NOISE = WordList.of("title-noise");
    static final WordList ADVICE_VERBS = WordList.of("advice-verbs");
    static final WordList ADVICE_OBJECTS = WordList.of("advice-objects");
    static final WordList REMARK_OPENERS = WordList.of("remark-openers");

    /** Endings of generic drug names. */
    private static final List<String> DRUG_STEMS = WordList.lines("drug-stems.txt").stream().map(String::strip)
            .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    /** Where a list item's name ends and its detail begins. */
    static final Pattern DETAIL_OPENER = detailOpeners(false);
    /**
     * Where the names of a sentence's list end: the detail openers but the appositive ones (", a …"),
     * since in "infection, an allergic reaction or a physical obstruction" ", an" starts a name.
     */
    static final Pattern CLAUSE_OPENER = detailOpeners(true);
    private static final List<FrequencyPhrase> FREQUENCIES = frequencies();
    private static final Pattern FREQUENCY = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + FREQUENCIES.stream()
            .map(f -> Pattern.quote(f.phrase()).replace(" ", "\\E\\s+\\Q")).collect(Collectors.joining("|"))
            + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);

    private Lexicon() {
    }

    private record FrequencyPhrase(Frequency frequency, String phrase, boolean adjective) {
    }

    private static List<FrequencyPhrase> frequencies() {
        List<FrequencyPhrase> out = new ArrayList<>();
        for (String line : WordList.lines("frequencies.tsv")) {
            String[] cols = line.split("\t");
            out.add(new FrequencyPhrase(Frequency.ofNotation(cols[0]), cols[1].strip().toLowerCase(Locale.ROOT),
                    cols.length > 2 && cols[2].strip().equals("adjective")));
        }
        out.sort(Comparator.comparingInt((FrequencyPhrase f) -> f.phrase().length()).reversed());
        return List.copyOf(out);
    }

    private static Pattern detailOpeners(boolean withoutAppositives) {
        List<String> alternatives = new ArrayList<>();
        for (String line : WordList.lines("detail-openers.txt")) {
            String p = line.strip();
            if (withoutAppositives && ARTICLES.is(p.replace(",", ""))) {
                continue;
            }
            if (p.startsWith(",")) {
                alternatives.add("\\s*,\\s*" + Pattern.quote(p.substring(1).strip()) + "(?![\\p{L}\\p{N}])");
            } else if (p.chars().allMatch(c -> c == '-' || c == '—' || c == '–')) {
                alternatives.add("\\s+" + Pattern.quote(p) + "\\s+");
            } else {
                alternatives.add("\\s+" + Pattern.quote(p) + "(?![\\p{L}\\p{N}])");
            }
        }
        alternatives.sort(Comparator.comparingInt(String::length).reversed());
        return Pattern.compile(String.join("|", alternatives), Pattern.CASE_INSENSITIVE);
    }

    /** A frequency phrase found in a text, and where it starts. */
    record FrequencyAt(Frequency frequency, int start) {
    }

    /** A word for causes right after an adjective ("common causes"), or a form of "be" right before it ("are rare"). */
    private static final Pattern CAUSE_NOUN_AFTER = Pattern.compile("^\\s+(?:cause|causes|reason|reasons|factor|factors|"
            + "trigger|triggers|culprit|culprits)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT_START = Pattern.compile("^\\s*(?:the\\s+|some\\s+|other\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BE_BEFORE = Pattern.compile("\\b(?:is|are|be|being|remain|remains|quite|very)\\s+$",
            Pattern.CASE_INSENSITIVE);

    /**
     * What a piece of text says about how common its causes are: the first frequency phrase that says
     * it. In a heading every phrase does; in a sentence an adjective only does before a word for causes
     * or after a form of "be".
     */
    static Optional<FrequencyAt> frequencyAt(String text, boolean heading) {
        Matcher m = FREQUENCY.matcher(text);
        while (m.find()) {
            String found = m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            Optional<FrequencyPhrase> phrase = FREQUENCIES.stream().filter(f -> f.phrase().equals(found)).findFirst();
            if (phrase.isEmpty()) {
                continue;
            }
            boolean says = heading || !phrase.get().adjective()
                    || CAUSE_NOUN_AFTER.matcher(text.substring(m.end())).find()
                    || BE_BEFORE.matcher(text.substring(0, m.start())).find()
                    || SUBJECT_START.matcher(text.substring(0, m.start())).matches(); // "Common primary headaches include:"
            if (says) {
                return Optional.of(new FrequencyAt(phrase.get().frequency(), m.start()));
            }
        }
        return Optional.empty();
    }

    static Optional<Frequency> frequency(String text) {
        return frequencyAt(text, true).map(FrequencyAt::frequency);
    }

    /** Whether a word is a generic drug name by its ending ("vancomycin", "methimazole"). */
    static boolean hasDrugStem(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        return w.length() >= 6 && DRUG_STEMS.stream().anyMatch(s -> w.endsWith(s) && w.length() > s.length() + 2);
    }
}
