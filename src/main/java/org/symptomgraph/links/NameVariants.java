package org.symptomgraph.links;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other wordings of a page's name, looked up when the name itself names no term: the same name in
 * the order and words the vocabulary tables use. Each is a rule the tables themselves support
 * (docs/linking.md; {@code NameVariantsTest} checks the counts on the shipped tables):
 * <ul>
 * <li>an inverted name, "Sleep apnea, obstructive", read as "obstructive sleep apnea" (DO writes
 *     some of its own synonyms so);</li>
 * <li>words the tables use for one another within the labels and exact synonyms of one term, and
 *     never (or almost never) for two terms: "disorder" for "disease" (25 terms, no conflict),
 *     "infection" for "infectious disease" (6, none), and "tumor" for "neoplasm" (138 terms, 2
 *     conflicts; close at most, as DO's "X neoplasm" is often an exact synonym of "X cancer");</li>
 * <li>"mellitus", which the tables add or drop freely after "diabetes" ("type 2 diabetes" is an exact
 *     synonym of "type 2 diabetes mellitus", "diabetes" of "diabetes mellitus");</li>
 * <li>a leading "other", "certain" or "some" ("Other types of lung disease"), which points back at
 *     the page's list, and "X and other Y" ("Rheumatoid arthritis and other autoimmune disorders"):
 *     Y names the class, so the match is close, never exact.</li>
 * </ul>
 */
final class NameVariants {

    /** One other wording: its key, whether a match can be close at most, and what was changed. */
    record Variant(String key, boolean closeOnly, String note) {
    }

    /** Words of a name read as others, as the tables use them (all applied together). */
    static final Map<String, String> WORD_SUBSTITUTIONS = normalised(
            "disorder", "disease",
            "tumor", "neoplasm",
            "infection", "infectious disease");

    /**
     * Substitutions that make a match close at most: DO gives "X neoplasm" as an exact synonym of
     * "X cancer" (DOID:1319 brain cancer), but a tumor may be benign.
     */
    static final Set<String> CLOSE_SUBSTITUTIONS = Set.of(NameNormaliser.key("tumor"));

    /** A trailing word the tables add or drop without changing the term, and the word it follows. */
    static final Map<String, String> EQUIVALENT_TRAILING_WORDS = normalised("mellitus", "diabetes");

    /** A leading hedge and what follows it, on a key: "other type of lung disease" (plurals are singular). */
    private static final Pattern LEADING_HEDGE = Pattern.compile(
            "^(?:other|certain|some|.+ (?:and|or) other)(?: (?:type|kind|form) of)? (.+)$");

    /** "Head, qualifier" with a qualifier of one or two words and nothing else: an inverted name. */
    private static final Pattern INVERTED = Pattern.compile("^([^,]+),\\s*([^,\\s]+(?:\\s+[^,\\s]+)?)\\s*$");

    private NameVariants() {
    }

    /** The other wordings of a name (as the page writes it) whose key is {@code key}, in the order to try them. */
    static List<Variant> of(String text, String key) {
        Map<String, Variant> out = new LinkedHashMap<>();
        List<String> bases = new ArrayList<>(List.of(key));
        Matcher inverted = INVERTED.matcher(text);
        if (inverted.matches()) {
            String turned = NameNormaliser.key(inverted.group(2) + " " + inverted.group(1));
            if (!turned.isEmpty() && !turned.equals(key)) {
                bases.add(turned);
                add(out, new Variant(turned, false, "the page's inverted name read in order"));
            }
        }
        for (String base : bases) {
            reworded(out, base, false, base.equals(key) ? "" : "the page's inverted name read in order");
        }
        for (String base : bases) {
            Matcher hedge = LEADING_HEDGE.matcher(base);
            if (hedge.matches()) {
                String rest = hedge.group(1);
                String note = "'" + base.substring(0, base.length() - rest.length()).trim() + "' dropped: the class, so close";
                add(out, new Variant(rest, true, note));
                reworded(out, rest, true, note);
            }
        }
        out.remove(key);
        return List.copyOf(out.values());
    }

    /** The table's words for the key's, and "mellitus" added or dropped. */
    private static void reworded(Map<String, Variant> out, String base, boolean closeOnly, String why) {
        List<String> words = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        boolean close = closeOnly;
        for (String w : base.split(" ")) {
            String instead = WORD_SUBSTITUTIONS.get(w);
            words.add(instead == null ? w : instead);
            if (instead != null) {
                changed.add("'" + w + "' read as '" + instead + "'");
                close |= CLOSE_SUBSTITUTIONS.contains(w);
            }
        }
        String substituted = String.join(" ", words);
        if (!changed.isEmpty()) {
            add(out, new Variant(substituted, close, join(why, String.join(", ", changed))));
        }
        for (String form : changed.isEmpty() ? List.of(base) : List.of(base, substituted)) {
            boolean formClose = form.equals(base) ? closeOnly : close;
            for (Map.Entry<String, String> e : EQUIVALENT_TRAILING_WORDS.entrySet()) {
                String trailing = e.getKey();
                String note = join(why, "'" + trailing + "' added or dropped");
                if (form.endsWith(" " + e.getValue() + " " + trailing)) {
                    add(out, new Variant(form.substring(0, form.length() - trailing.length() - 1), formClose, note));
                } else if (form.equals(e.getValue()) || form.endsWith(" " + e.getValue())) {
                    add(out, new Variant(form + " " + trailing, formClose, note));
                }
            }
        }
    }

    private static void add(Map<String, Variant> out, Variant v) {
        out.putIfAbsent(v.key(), v);
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    /** Pairs of words, each in its normalised form (the form keys are compared in). */
    private static Map<String, String> normalised(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(NameNormaliser.key(pairs[i]), NameNormaliser.key(pairs[i + 1]));
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
