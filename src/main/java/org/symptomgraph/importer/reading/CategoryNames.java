package org.symptomgraph.importer.reading;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.symptomgraph.model.CauseKind;

/**
 * Reads category names: which names mean the same category ("Medications", "Medicines", "Drugs"),
 * which one is a kind of another ("Infectious diseases" under "Medical conditions"), and what kind
 * of cause a category holds.
 */
final class CategoryNames {

    /** Words that name the same idea, mapped to one canonical word. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("medicine", "drug"), Map.entry("medication", "drug"), Map.entry("drug", "drug"),
            Map.entry("medicament", "drug"), Map.entry("pharmaceutical", "drug"),
            Map.entry("condition", "condition"), Map.entry("disease", "condition"),
            Map.entry("disorder", "condition"), Map.entry("illness", "condition"),
            Map.entry("infection", "infection"), Map.entry("infectious", "infection"),
            Map.entry("strain", "strain"), Map.entry("straining", "strain"), Map.entry("exertion", "strain"));

    private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "and", "or", "some", "certain",
            "types", "type", "kinds", "kind", "that", "which", "can", "may", "your");

    /** Modifiers that do not narrow a category: "medical conditions" covers "infectious diseases". */
    static final Set<String> GENERAL = Set.of("medical", "health", "general", "common", "other");

    /** Medicines, and the usual names of classes of them ("Blood thinners", "Beta blockers", "Statins"). */
    private static final Pattern DRUG = Pattern.compile("\\b(medic(ine|ation)s?|drugs?|pharmaceuticals?|"
            + "blood thinners|anticoagulants|antiplatelets?|pain ?(relievers|killers)|painkillers|analgesics|"
            + "antibiotics|antidepressants|antihistamines|antipsychotics|anticonvulsants|antiepileptics|"
            + "\\w+ blockers|\\w+ inhibitors|statins|(cortico)?steroids|chemotherapy|vaccines|supplements|"
            + "contraceptives)\\b");
    private static final Pattern INFECTION = Pattern.compile("\\b(infect\\w*|viral|bacterial|fungal|parasitic)\\b");
    private static final Pattern ACTIVITY = Pattern.compile("\\b(strain\\w*|exertion|activit\\w+|exercise\\w*)\\b");
    private static final Pattern CONDITION = Pattern.compile("\\b(condition|disease|disorder|illness|cancer)s?\\b");
    private static final Pattern OTHER = Pattern.compile("^other\\b");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private CategoryNames() {
    }

    /** The canonical words of a name, in order: synonyms unified, plurals folded, filler words dropped. */
    static List<String> key(String name) {
        // Placing each heading compares it with every category so far: remember the keys.
        List<String> known = KEYS.get(name);
        if (known != null) {
            return known;
        }
        if (KEYS.size() > 10_000) {
            KEYS.clear();
        }
        List<String> key = computeKey(name);
        KEYS.put(name, key);
        return key;
    }

    private static final Map<String, List<String>> KEYS = new ConcurrentHashMap<>();

    private static List<String> computeKey(String name) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : NON_WORD.split(name.toLowerCase(Locale.ROOT))) {
            if (w.isEmpty() || STOP_WORDS.contains(w)) {
                continue;
            }
            String singular = singular(w);
            words.add(SYNONYMS.getOrDefault(singular, singular));
        }
        return List.copyOf(words);
    }

    /** Two names for one category: "Medications" and "Medicines", "Drugs" and "Medicines". */
    static boolean sameCategory(String a, String b) {
        return !key(a).isEmpty() && isOther(a) == isOther(b)
                && (key(a).equals(key(b)) || infectionsAsOne(key(a)).equals(infectionsAsOne(key(b))));
    }

    /** "Infectious diseases" and "Infections" name one idea: the disease word adds nothing after "infectious". */
    private static List<String> infectionsAsOne(List<String> key) {
        int i = key.indexOf("infection");
        if (i < 0 || i + 1 >= key.size() || !key.get(i + 1).equals("condition")) {
            return key;
        }
        List<String> out = new java.util.ArrayList<>(key);
        out.remove(i + 1);
        return out;
    }

    /**
     * A name for a narrower kind of the other: "Other medical conditions" and "Infectious diseases"
     * are both kinds of "Medical conditions" (same head word, more words or "other").
     */
    static boolean narrowerThan(String narrow, String broad) {
        List<String> n = key(narrow);
        List<String> b = key(broad);
        if (n.isEmpty() || b.isEmpty() || sameCategory(narrow, broad)) {
            return false;
        }
        String head = b.get(b.size() - 1);
        if (!n.get(n.size() - 1).equals(head)) {
            return false;
        }
        // The broad name may only add general words ("medical conditions") or words the narrow one has.
        return b.subList(0, b.size() - 1).stream().allMatch(w -> GENERAL.contains(w) || n.contains(w));
    }

    /** Whether a stretch of prose talks about this category (every word of its name, in any form). */
    static boolean mentions(String prose, String category) {
        List<String> words = key(prose);
        return !key(category).isEmpty() && words.containsAll(key(category));
    }

    static CauseKind kind(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        if (DRUG.matcher(s).find()) {
            return CauseKind.DRUG;
        }
        if (INFECTION.matcher(s).find()) {
            return CauseKind.INFECTION;
        }
        if (ACTIVITY.matcher(s).find()) {
            return CauseKind.ACTIVITY;
        }
        if (CONDITION.matcher(s).find()) {
            return CauseKind.CONDITION;
        }
        return CauseKind.UNSPECIFIED;
    }

    private static boolean isOther(String name) {
        return OTHER.matcher(name.strip().toLowerCase(Locale.ROOT)).find();
    }

    private static String singular(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
