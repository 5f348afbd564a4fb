package org.symptomgraph.importer.reading;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.symptomgraph.model.Frequency;

/**
 * Names a category that a lead-in sentence makes: "Specific causes of X include:" gives "Specific
 * causes"; "Certain diseases and conditions that can cause X include:" gives "Diseases and
 * conditions"; "Several factors can cause X, such as:" gives "Factors"; a lead-in whose subject is the
 * symptom ("X occurs less commonly because:") gives its frequency and "reasons" or "causes" ("Less
 * common reasons"); a frequency of its own ("The most common causes …") names one that says no more.
 */
final class LeadIns {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Where the subject of a lead-in ends: its verb. */
    private static final Pattern VERB = Pattern.compile("\\s+(?:(?:also\\s+)?(?:that|which)\\s+(?:also\\s+)?"
            + "(?:can|may|might|could|will|would)|(?:and\\s+)?that\\s+(?:also\\s+)?(?:can|may|might)|(?:also\\s+)?(?:can|may|"
            + "might|could)|include|includes|including|are|is|usually|often|occurs?|happens?|means?|such as|"
            + "stimulate|stimulates)\\b", FLAGS);
    /** A verb after which the subject is the symptom, not its causes ("X may occur because:"). */
    private static final Pattern EFFECT_VERB = Pattern.compile("^\\s*(?:(?:usually|often|also|most commonly|less commonly|"
            + "commonly|rarely)\\s+)*(?:(?:can|may|might|could)\\s+)?(?:(?:usually|often|also)\\s+)?(?:point|occur|happen|mean|"
            + "be caused|is caused|are caused|develop|result from|results from|come from|comes from|arise)", FLAGS);
    private static final Pattern CAUSES_NOUN = Pattern.compile("^(?<adj>[\\p{L}\\s-]*?)\\b(?<noun>causes?|reasons?|factors?)"
            + "(?:\\s+of\\s+(?<of>.+))?$", FLAGS);
    private static final Pattern LEADING = Pattern.compile("^(?:here are\\s+|these are\\s+)?(?:some of\\s+)?", FLAGS);

    private LeadIns() {
    }

    /** The name of the category a lead-in opens, or "Causes" when it names none. */
    static String label(String leadIn, Symptom symptom, Optional<Frequency> frequency) {
        String s = LEADING.matcher(Text.stripEnd(leadIn)).replaceFirst("").strip();
        Matcher verb = VERB.matcher(s);
        int subjectEnd = verb.find() ? verb.start() : s.length();
        String subject = s.substring(0, subjectEnd).strip().replaceFirst("(?i)^in general,\\s*", "");
        boolean aboutSymptom = subject.isEmpty() || symptom.in(subject)
                || subject.toLowerCase(Locale.ROOT).matches("^(?:this|it|these|they)\\b.*")
                || EFFECT_VERB.matcher(s.substring(subjectEnd)).find();
        String why = Lexicon.CAUSAL.find(s).map(m -> m.text().toLowerCase(Locale.ROOT)).orElse("");
        String generic = why.startsWith("because") || why.startsWith("reason") || why.startsWith("due to")
                || why.startsWith("means") ? "reasons" : "causes";
        if (!aboutSymptom) {
            Matcher noun = CAUSES_NOUN.matcher(subject);
            if (noun.matches()) {
                String adjective = CauseNames.dropLeading(noun.group("adj").strip(), Lexicon.DETERMINERS);
                String of = noun.group("of");
                String name = (adjective.isEmpty() ? "" : adjective + " ") + noun.group("noun")
                        + (of != null && !symptom.in(of) ? " of " + of : "");
                return Text.capitalise(Text.clean(name));
            }
            String named = CauseNames.dropLeading(subject, Lexicon.DETERMINERS);
            if (!named.isEmpty() && Text.words(named) <= 10 && !Lexicon.ARTICLES.is(named)) {
                return Text.capitalise(named);
            }
        }
        return frequency.map(f -> prefix(f) + " " + generic).map(Text::capitalise).orElse(Text.capitalise(generic));
    }

    /** The words a category name made from a frequency starts with. */
    static String prefix(Frequency f) {
        return switch (f) {
            case MOST_COMMON -> "most common";
            case COMMON -> "common";
            case LESS_COMMON -> "less common";
            case RARE -> "rare";
            case OTHER -> "other";
        };
    }
}
