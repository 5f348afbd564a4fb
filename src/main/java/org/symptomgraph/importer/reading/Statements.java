package org.symptomgraph.importer.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.symptomgraph.model.Frequency;

/**
 * What a sentence says about causes: whether it introduces a list of causes (a lead-in), whether
 * it states the causes of the symptom in general ("The most common causes of X are A and B"), and
 * which names it enumerates.
 */
final class Statements {

    /** What a lead-in says its list holds. */
    enum LeadIn { CAUSES, OTHER_THINGS, UNKNOWN }

    /** One name a sentence enumerates, with what the sentence says about it after the name. */
    record Piece(String text, String detail, boolean wholeItem) {
        Piece(String text, String detail) {
            this(text, detail, false);
        }
    }

    /** A sentence that names causes of the symptom, and how common it says they are. */
    record Statement(Optional<Frequency> frequency, List<Piece> pieces) {
    }

    private static final String FREQUENCY_WORDS = "(?:most common(?:ly)?|more common|less common(?:ly)?|common(?:ly)?|"
            + "rare(?:ly)?|only rarely|occasional(?:ly)?|usual(?:ly)?|main|leading|other|additional|possible|"
            + "frequent(?:ly)?|typical(?:ly)?|often|most often)";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** "The most common causes (of X) are / include LIST." */
    private static final Pattern CAUSES_ARE = Pattern.compile("^(?:the\\s+)?(?:(?:" + FREQUENCY_WORDS + ")\\s+)+"
            + "(?:causes?|reasons?)(?:\\s+of\\s+(?<of>.+?))?\\s+(?:is|are|include|includes|(?:may|might|can) include)\\s+"
            + "(?<list>.+)$", FLAGS);
    /** "LIST is (probably) the most common cause of X." */
    private static final Pattern ARE_CAUSES = Pattern.compile("^(?<list>.+?)\\s+(?:is|are)\\s+(?:probably\\s+|likely\\s+|also\\s+|"
            + "among\\s+)?(?:the\\s+|a\\s+|an\\s+|one of the\\s+)?(?:(?:" + FREQUENCY_WORDS + ")\\s+)+(?:causes?|reasons?)\\s+"
            + "(?:of|for)\\s+(?<of>.+)$", FLAGS);
    /** "(Only rarely / Occasionally,) (is) X (is) caused by LIST." */
    private static final Pattern CAUSED_BY = Pattern.compile("^(?:(?<freq>(?:only\\s+)?(?:rarely|seldom|occasionally|"
            + "commonly|usually|most often|less often|less commonly|more commonly|most commonly))\\s*,?\\s+"
            + "(?:is|are)\\s+)?(?<subject>.+?)\\s+(?:(?:is|are)\\s+)?(?:(?:" + FREQUENCY_WORDS + ")\\s+)?(?:(?:is|are)\\s+)?"
            + "(?:caused by|the result of|due to|results? from|stems? from|comes? from|"
            + "(?:may|can|might) (?:be caused by|result from))\\s+(?<list>.+)$", FLAGS);
    /** "X is a sign of …", "can be a symptom of …": what follows is what X is a sign of. */
    private static final Pattern SIGN_OF = Pattern.compile(
            "\\b(?:is|are|can be|may be|could be|might be)\\s+(?:often\\s+|sometimes\\s+|also\\s+)?(?:a\\s+|an\\s+)?"
                    + "(?:early\\s+|common\\s+|warning\\s+)?(?:sign|signs|symptom|symptoms)\\s+of\\b", FLAGS);
    private static final Pattern IS_CONTRACTED = Pattern.compile("\\b(it|this|that)[’']s\\b", FLAGS);
    private static final Pattern ARE_CONTRACTED = Pattern.compile("\\b(they|these)[’']re\\b", FLAGS);
    private static final Pattern LEADING_ADVERB = Pattern.compile("^(?:only\\s+)?(?:rarely|seldom|occasionally|commonly|"
            + "usually|often|sometimes|most often|less often|less commonly|more commonly|most commonly)\\s*,?\\s+", FLAGS);
    /** "Rarely, in A and sometimes after B, …": the causes are the places the sentence opens with. */
    private static final Pattern OPENING_PLACES = Pattern.compile("^(?<freq>[\\p{L}]+(?:\\s+[\\p{L}]+)?)\\s*,\\s*"
            + "(?<places>(?:in|after|with|during|from|following)\\s.+?),\\s+(?<clause>.+)$", FLAGS);
    private static final Pattern PLACE_WORD = Pattern.compile(
            "^(?:(?:sometimes|often|also|occasionally|usually|rarely)\\s+)?(?:in|after|with|during|from|following)\\s+",
            FLAGS);
    /** A list that starts like this is not names ("is linked to the kidneys"). */
    private static final Pattern NOT_A_LIST = Pattern.compile(
            "^(?:linked|related|due|associated|caused|because|by|to|not known|unknown|one of the following|listed|shown|"
                    + "described|discussed|below|above|as follows|the following|these|those)\\b", FLAGS);
    private static final Pattern SHARED_HEAD = Pattern.compile("^[\\p{L}-]+\\s+or\\s+[\\p{L}-]+\\s+[\\p{L}-]+$", FLAGS);
    private static final Pattern AND_SO_ARE = Pattern.compile(",?\\s+and so (?:are|is)\\s+(.+)$", FLAGS);
    private static final Pattern PRONOUN = Pattern.compile("^(?:[\\p{L} ]+,\\s*)?(?:they|it|this|these)$", FLAGS);
    /** Examples with brand names in a sentence's list: the drugs are read as a list item's are. */
    private static final Pattern BRANDED_EXAMPLES = Pattern.compile(
            "\\b(?:such as|including|like)\\b.*\\b\\p{Ll}[\\p{L}-]+\\s*\\(\\p{Lu}[^()]*\\)", FLAGS);
    private static final Pattern RELATIVE = Pattern.compile("\\s(?:that|which|who|whose)\\s", FLAGS);

    /**
     * Where "other causes" are named: a word for further before a word for causes, or before any
     * word and a verb of causing ("other things that can give you X").
     */
    private static final Pattern OTHER_CAUSES = Pattern.compile("(?<![\\p{L}])(?<!\\bor\\s)(?<!\\band\\s)(?<!,\\s)(?:"
            + alternatives(Lexicon.OTHER_CAUSES)
            + ")\\s+(?:(?:(?:possible|potential|specific|known)\\s+)?(?:" + alternatives(Lexicon.CAUSE_NOUNS) + ")(?![\\p{L}])"
            // "Other things that can give you a sore throat include:" (a lead-in, not a heading "Other conditions")
            + "|[\\p{L}]+\\s+that\\s+(?:can|may|might|could|also)\\s+(?:also\\s+)?(?:cause|give|lead|trigger|bring on)\\b"
            // "Other infections can also make it hurt to pee:"
            + "|[\\p{L}]+\\s+(?:can|may|might|could)\\s+also\\b)",
            FLAGS);

    /** Words that introduce a list of causes inside a sentence; the strong ones may introduce one cause. */
    private static final Pattern TRIGGER = Pattern.compile(
            "\\b(?<strong>including|includes?|such as|e\\.g\\.|for example|for instance)"
                    + "|\\b(?<weak>like|from|caused by|due to|result of|contact with|exposure to)\\b", FLAGS);
    /** A weak trigger ("from", "like") introduces causes only in a sentence that speaks of causing. */
    private static final Pattern CAUSAL = Pattern.compile(
            "\\b(caus\\w*|result\\w*|trigger\\w*|lead(s)? to|due to|brought on|follow\\w*)\\b", FLAGS);
    /** Where a list inside a sentence ends: the verb that follows it ("..., or C may lower ..."). */
    private static final Pattern VERB_AFTER_LIST = Pattern.compile(
            ",?\\s+(?:may|can|might|could|will|would|should|often|usually|commonly|sometimes|also|are|is|were|was|"
                    + "cause|causes|caused|lead|leads|trigger|triggers|result|results|have|has)\\b", FLAGS);
    private static final Pattern NAME_VERB = Pattern.compile("\\b(is|are|was|were|can|may|will|should|could)\\b", FLAGS);

    private Statements() {
    }

    private static String alternatives(WordList words) {
        return String.join("|", words.phrases().stream().map(Pattern::quote).toList());
    }

    /**
     * What a lead-in's list holds. The last clause before the list decides when it names other
     * things (symptoms, roles, treatments: "…, you may experience other urinary problems, such
     * as:"); otherwise a word of causing anywhere, or in the sentence before, makes it causes.
     */
    static LeadIn leadIn(String sentence, String before) {
        List<String> clauses = clauses(sentence);
        String last = "";
        for (int i = clauses.size() - 1; i >= 0; i--) {
            String c = clauses.get(i).replaceAll("(?i)\\b(such as|including|include|includes|for example|e\\.g\\.)\\b", "")
                    .replaceAll("[\\s:.]+", " ").strip();
            if (!c.isEmpty()) {
                last = clauses.get(i);
                break;
            }
        }
        if (SIGN_OF.matcher(last).find()) {
            return LeadIn.CAUSES; // "Rarely, bloating is a sign of a more serious condition:" lists conditions
        }
        if (Lexicon.NOT_CAUSES.in(last) && !Lexicon.causal(last)) {
            return LeadIn.OTHER_THINGS;
        }
        boolean introducesTheList = sentence.strip().endsWith(":");
        if ((introducesTheList && CauseNames.isAdvice(sentence)) || FurniturePass.CONDITIONAL.matcher(sentence).find()) {
            return LeadIn.OTHER_THINGS; // "Call your healthcare provider if:", "See a GP if you have:"
        }
        if (Lexicon.causal(sentence)) {
            return LeadIn.CAUSES;
        }
        if (before != null && Lexicon.causal(before) && !Lexicon.NOT_CAUSES.in(before)) {
            return LeadIn.CAUSES;
        }
        return LeadIn.UNKNOWN;
    }

    /** The sentence cut at commas outside parentheses. */
    private static List<String> clauses(String sentence) {
        List<String> out = new ArrayList<>();
        int[] depth = Text.depths(sentence);
        int from = 0;
        for (int i = 0; i < sentence.length(); i++) {
            if (sentence.charAt(i) == ',' && depth[i] == 0) {
                out.add(sentence.substring(from, i));
                from = i + 1;
            }
        }
        out.add(sentence.substring(from));
        return out;
    }

    /**
     * How common a heading, lead-in or sentence says its causes are: the first frequency phrase, or
     * "other" for "other (possible) causes", whichever comes first; the symptom's own name does not count.
     */
    static Optional<Frequency> frequency(String text, Symptom symptom) {
        return frequency(text, symptom, false);
    }

    /**
     * The frequency a sentence opens with ("Most of the time the smell comes from inside your
     * mouth. … This can happen because of:"), for the list its paragraph leads into.
     */
    static Optional<Frequency> openingFrequency(String sentence) {
        if (Lexicon.SUBGROUPS.in(sentence) || Lexicon.NO_CAUSE.in(sentence)) {
            return Optional.empty();
        }
        return Lexicon.frequencyAt(sentence.strip(), false).filter(f -> f.start() == 0).map(Lexicon.FrequencyAt::frequency);
    }

    /** As {@link #frequency(String, Symptom)}, for a heading (where an adjective alone says it: "Rare conditions"). */
    static Optional<Frequency> headingFrequency(String heading, Symptom symptom) {
        return frequency(heading, symptom, true);
    }

    private static Optional<Frequency> frequency(String text, Symptom symptom, boolean heading) {
        String t = symptom == null ? text : symptom.without(text);
        Optional<Lexicon.FrequencyAt> said = Lexicon.frequencyAt(t, heading);
        Matcher other = OTHER_CAUSES.matcher(t);
        if (other.find() && (said.isEmpty() || other.start() < said.get().start())) {
            return Optional.of(Frequency.OTHER);
        }
        return said.map(Lexicon.FrequencyAt::frequency);
    }

    /**
     * A sentence that states causes of the symptom in general, with a frequency: "The most common
     * causes of X are A and B", "A and B are common causes of X", "Only rarely is X caused by A",
     * "Occasionally, X is caused by A", "Rarely, in A and sometimes after B, …". Not a statement
     * limited to a group of people, a narrative one ("these procedures can cause …"), or one that
     * says no cause is found.
     */
    static Optional<Statement> generalStatement(String sentence, Symptom symptom) {
        return generalStatement(sentence, symptom, false);
    }

    /**
     * As {@link #generalStatement(String, Symptom)}; {@code pronounIsSymptom} when the sentence
     * before named the symptom, so that "They are most often caused by …" is about it.
     */
    static Optional<Statement> generalStatement(String sentence, Symptom symptom, boolean pronounIsSymptom) {
        String s = Text.stripEnd(sentence);
        if (s.endsWith(":") || Lexicon.SUBGROUPS.in(s) || Lexicon.NARRATIVE.in(s) || Lexicon.NO_CAUSE.in(s)) {
            return Optional.empty();
        }
        Optional<Frequency> frequency = frequency(s, symptom);
        Matcher m = CAUSES_ARE.matcher(s);
        if (m.matches() && (m.group("of") == null || symptom.in(m.group("of")))) {
            return statement(frequency, m.group("list"));
        }
        m = ARE_CAUSES.matcher(s);
        if (m.matches() && symptom.in(m.group("of"))) {
            // "Colds and the flu are common causes of chills, and so are strep throat and …"
            Matcher more = AND_SO_ARE.matcher(m.group("of"));
            return statement(frequency, more.find() ? m.group("list") + ", " + more.group(1) : m.group("list"));
        }
        // "Occasionally it’s caused by …": the contraction spelt out, the adverb before the subject set aside.
        m = CAUSED_BY.matcher(ARE_CONTRACTED.matcher(IS_CONTRACTED.matcher(s).replaceAll("$1 is")).replaceAll("$1 are"));
        String subject = m.matches() ? LEADING_ADVERB.matcher(m.group("subject")).replaceFirst("") : "";
        if (m.matches() && (symptom.in(subject) || pronounIsSymptom && PRONOUN.matcher(subject).matches())
                && frequency.isPresent()) {
            return statement(frequency, m.group("list"));
        }
        return openingPlaces(s, frequency);
    }

    /** "Rarely, in some kidney cancers and sometimes after kidney transplants, the kidneys …". */
    static Optional<Statement> openingPlaces(String sentence, Optional<Frequency> frequency) {
        Matcher m = OPENING_PLACES.matcher(Text.stripEnd(sentence));
        if (!m.matches() || Lexicon.frequency(m.group("freq")).isEmpty() || Lexicon.SUBGROUPS.in(m.group("places"))) {
            return Optional.empty();
        }
        List<Piece> pieces = new ArrayList<>();
        for (String place : m.group("places").split("(?i)\\s+(?:and|or)\\s+")) {
            String p = PLACE_WORD.matcher(place.strip()).replaceFirst("").strip();
            if (p.equals(place.strip()) && !pieces.isEmpty()) {
                return Optional.empty(); // a second part that is no place: not this construction
            }
            pieces.add(new Piece(p, null));
        }
        return pieces.isEmpty() ? Optional.empty() : Optional.of(new Statement(frequency, pieces));
    }

    private static Optional<Statement> statement(Optional<Frequency> frequency, String list) {
        String l = list.strip();
        if (NOT_A_LIST.matcher(l).find()) {
            return Optional.empty();
        }
        List<Piece> pieces = pieces(l);
        return pieces.isEmpty() ? Optional.empty() : Optional.of(new Statement(frequency, pieces));
    }

    /**
     * The names in a sentence's list: "asthma and COPD, which both cause …" gives asthma and COPD,
     * the clause after the names kept as the last one's detail.
     */
    static List<Piece> pieces(String list) {
        if (BRANDED_EXAMPLES.matcher(list).find()) {
            return List.of(new Piece(list, null, true)); // "blood thinners, such as warfarin (Coumadin)": one drug each
        }
        String names = list;
        String detail = null;
        int cut = Text.firstOutside(Lexicon.CLAUSE_OPENER, list);
        if (cut > 0) {
            names = list.substring(0, cut);
            detail = list.substring(cut).replaceFirst("^[\\s,—–-]+", "").strip();
        }
        // "nerves that are damaged, irritated or squeezed": a relative clause is not split.
        String relative = "";
        int rel = Text.firstOutside(RELATIVE, names);
        if (rel > 0) {
            relative = names.substring(rel);
            names = names.substring(0, rel);
        }
        // "Muscle or ligament strain": one word or two sharing their head is one name.
        List<String> items = SHARED_HEAD.matcher(names.strip()).matches() ? List.of(names.strip()) : Text.enumeration(names);
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            out.add(new Piece(last ? items.get(i) + relative : items.get(i), last ? detail : null));
        }
        return out;
    }

    /**
     * The names a sentence under a heading lists as causes, or none: "... including A, B and C"
     * gives A, B, C. The last trigger that introduces a clean list wins ("caused by straining from
     * coughing, vomiting or lifting weights" lists coughing, vomiting and lifting weights).
     */
    static List<String> enumerated(String sentence, boolean strongTriggersOnly) {
        String body = Text.stripEnd(sentence);
        if (body.length() > 2000) {
            return List.of(); // no real sentence is this long; reading it would be slow and wrong
        }
        Matcher m = TRIGGER.matcher(body);
        List<int[]> triggers = new ArrayList<>();
        while (m.find()) {
            if (m.group("strong") != null || !strongTriggersOnly) {
                triggers.add(new int[] {m.end(), m.group("strong") != null ? 1 : 2});
            }
        }
        boolean causal = CAUSAL.matcher(body).find();
        for (int i = triggers.size() - 1; i >= 0; i--) {
            boolean weak = triggers.get(i)[1] > 1;
            if (weak && !causal) {
                continue;
            }
            String rest = cutAtVerb(body.substring(triggers.get(i)[0]).replaceFirst("^[\\s:,]+", ""));
            List<String> items = Text.enumeration(rest);
            if (items.size() >= triggers.get(i)[1] && items.stream().allMatch(Statements::looksLikeName)) {
                return items;
            }
        }
        return List.of();
    }

    /** "A, B or C may cause it": the list ends where the sentence goes on with its verb. */
    private static String cutAtVerb(String rest) {
        int at = Text.firstOutside(VERB_AFTER_LIST, rest);
        return at >= 0 ? rest.substring(0, at) : rest;
    }

    private static boolean looksLikeName(String item) {
        String bare = Text.withoutParentheses(item).strip();
        return !bare.isEmpty() && Text.words(bare) <= 8 && !NAME_VERB.matcher(bare).find();
    }

    /** Whether a sentence lists things that are not causes: "Symptoms such as fever and chills". */
    static boolean listsOtherThings(String sentence) {
        Matcher t = TRIGGER.matcher(sentence);
        String before = t.find() ? sentence.substring(0, t.start()) : sentence;
        return !CAUSAL.matcher(sentence).find() && Lexicon.NOT_CAUSES.in(before);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
