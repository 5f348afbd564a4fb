package org.symptomgraph.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.symptomgraph.model.AgentClass;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;

/** Reading English phrases: sentences, enumerations ("A, B and C"), and names with parentheses. */
final class Phrases {

    /** Words that introduce a list of causes; the strong ones may introduce a single cause. */
    private static final Pattern TRIGGER = Pattern.compile(
            "\\b(?<strong>including|includes?|such as|e\\.g\\.|for example|for instance)"
                    + "|\\b(?<weak>like|from|caused by|due to|result of|contact with|exposure to)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A weak trigger ("from", "like") introduces causes only in a sentence that speaks of causing. */
    private static final Pattern CAUSAL = Pattern.compile(
            "\\b(caus\\w*|result\\w*|trigger\\w*|lead(s)? to|due to|brought on|follow\\w*)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile(
            "(?<!\\be\\.g)(?<!\\bi\\.e)(?<!\\bDr)(?<!\\bvs)(?<!\\betc)(?<=[.!?])[\"”’)]?\\s+(?=[\\p{Lu}\\p{N}\"“(])");
    private static final Pattern JOIN = Pattern.compile("\\s+(?:and/or|and|or)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:and|or|a|an|the|some|certain|your|other types of)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHERS = Pattern.compile(
            "^(?:and\\s+|or\\s+)?(?:others?|other brands|many others|etc\\.?|and so on)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALSO_CALLED = Pattern.compile(
            "^(?:also called|also known as|aka|or|known as|sometimes called)\\s+(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIER = Pattern.compile(
            "^(?:rare|rarely|uncommon|common|usually|often|sometimes|especially|mainly|mostly|in |with |see |"
                    + "when |if |during |after |before |severe|mild|chronic|acute)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ABBREVIATION = Pattern.compile("^(?=(?:.*\\p{Lu}){2})[\\p{Lu}\\p{N}][\\p{L}\\p{N}]*(?:[-/][\\p{L}\\p{N}]+)*$");
    private static final Pattern BODY_SITES = Pattern.compile(
            "\\bon (?:the|your|his|her|their) (.+?)(?=\\s+(?:can|may|might|could|is|are|will|from|when|due|caused|after)\\b|[.;:]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INFECTION = Pattern.compile("\\binfect", Pattern.CASE_INSENSITIVE);
    /** A clause that qualifies a name rather than being part of it: "ibuprofen when overused". */
    private static final Pattern TRAILING_CLAUSE = Pattern.compile(
            "\\s+(?:when|if|while|during|especially|particularly|in some cases)\\b.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DESCRIPTION = Pattern.compile("\\s+[—–-]\\s+|:\\s+");

    private static final int MAX_WORDS_IN_NAME = 8;

    private Phrases() {
    }

    /** Sentences of a paragraph (abbreviations such as "e.g." do not end one). */
    static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(paragraph.strip())) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /**
     * The names a sentence lists as causes, or an empty list: "... including A, B and C" gives A, B, C.
     * The last trigger that introduces a clean list wins ("caused by straining from coughing, vomiting
     * or lifting weights" lists coughing, vomiting and lifting weights).
     */
    static List<String> enumeratedCauses(String sentence, boolean strongTriggersOnly) {
        String body = stripEnd(sentence);
        Matcher m = TRIGGER.matcher(body);
        List<int[]> triggers = new ArrayList<>();
        while (m.find()) {
            if (m.group("strong") != null || !strongTriggersOnly) {
                triggers.add(new int[] {m.end(), m.group("strong") != null ? 1 : 2});
            }
        }
        for (int i = triggers.size() - 1; i >= 0; i--) {
            String rest = body.substring(triggers.get(i)[0]).replaceFirst("^[\\s:,]+", "");
            List<String> items = splitEnumeration(rest);
            boolean weak = triggers.get(i)[1] > 1;
            if (weak && !CAUSAL.matcher(body).find()) {
                continue;
            }
            if (items.size() >= triggers.get(i)[1] && items.stream().allMatch(Phrases::looksLikeName)) {
                return items;
            }
        }
        return List.of();
    }

    /** Body sites a sentence names: "spots on the face, neck and chest can ..." gives face, neck, chest. */
    static List<String> bodySites(String sentence) {
        Matcher m = BODY_SITES.matcher(sentence);
        if (!m.find()) {
            return List.of();
        }
        List<String> sites = splitEnumeration(m.group(1));
        return sites.stream().allMatch(s -> s.split(" ").length <= 3) ? sites : List.of();
    }

    /** Kinds of infectious agent a sentence about infection names ("a fungus, virus or bacteria"). */
    static Set<AgentClass> agentClasses(String sentence) {
        Set<AgentClass> found = EnumSet.noneOf(AgentClass.class);
        if (!INFECTION.matcher(sentence).find()) {
            return found;
        }
        String s = sentence.toLowerCase(Locale.ROOT);
        if (s.matches("(?s).*\\b(fung(us|i|al))\\b.*")) {
            found.add(AgentClass.FUNGUS);
        }
        if (s.matches("(?s).*\\b(virus(es)?|viral)\\b.*")) {
            found.add(AgentClass.VIRUS);
        }
        if (s.matches("(?s).*\\b(bacteri(a|um|al))\\b.*")) {
            found.add(AgentClass.BACTERIA);
        }
        if (s.matches("(?s).*\\b(protozoa|protozoan)\\b.*")) {
            found.add(AgentClass.PROTOZOA);
        }
        if (s.matches("(?s).*\\bprions?\\b.*")) {
            found.add(AgentClass.PRION);
        }
        return found;
    }

    /** "A, B (x, y), C and D" into its items; commas inside parentheses do not split. */
    static List<String> splitEnumeration(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ';') && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        parts.add(current.toString());
        List<String> items = new ArrayList<>();
        for (String part : parts) {
            for (String piece : splitOutsideParentheses(part)) {
                String item = LEADING_FILLER.matcher(stripEnd(piece.strip())).replaceFirst("").strip();
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    /** Whether a piece of text is "others", "etc." or the like. */
    static boolean isOthers(String text) {
        return OTHERS.matcher(text.strip()).matches();
    }

    /**
     * A cause from its text: "Cytomegalovirus (CMV) infection", "Scurvy (vitamin C deficiency)",
     * "phenytoin (Cerebyx, Dilantin-125, others)". Parentheses hold brand names for drugs, and
     * aliases or abbreviations for everything else.
     */
    static Cause cause(String text, CauseKind kind, int line, String evidence) {
        String name = DESCRIPTION.split(text.strip(), 2)[0];
        List<String> aliases = new ArrayList<>();
        List<String> abbreviations = new ArrayList<>();
        List<String> brands = new ArrayList<>();
        boolean others = false;
        StringBuilder label = new StringBuilder();
        int depth = 0;
        int open = -1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '(') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (c == ')' && depth > 0) {
                if (--depth == 0) {
                    String inside = name.substring(open + 1, i);
                    String before = label.toString().strip();
                    String after = stripParentheses(name.substring(i + 1)).strip();
                    for (String piece : splitEnumeration(inside)) {
                        if (isOthers(piece)) {
                            others = true;
                        } else if (kind == CauseKind.DRUG) {
                            brands.add(piece.replaceAll("[®™]", "").strip());
                        } else if (ABBREVIATION.matcher(piece).matches()) {
                            abbreviations.add(piece);
                            aliases.add(expandAbbreviation(before, piece, after));
                        } else if (ALSO_CALLED.matcher(piece).matches()) {
                            aliases.add(ALSO_CALLED.matcher(piece).replaceFirst("$1"));
                        } else if (!QUALIFIER.matcher(piece).matches()) {
                            aliases.add(piece);
                        }
                    }
                }
            } else if (depth == 0) {
                label.append(c);
            }
        }
        String clean = capitalise(stripEnd(TRAILING_CLAUSE.matcher(BlockReader.clean(label.toString())).replaceFirst("")));
        return new Cause(clean, kind, aliases, abbreviations, brands, others, line, evidence);
    }

    /** The name with the abbreviation in place of the words it shortens: "CMV infection". */
    private static String expandAbbreviation(String before, String abbreviation, String after) {
        if (after.isEmpty() || before.isEmpty()) {
            return abbreviation;
        }
        String[] words = before.split(" ");
        String letters = abbreviation.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        int shortened = 0;
        for (int k = 1; k <= words.length; k++) {
            StringBuilder initials = new StringBuilder();
            for (int j = words.length - k; j < words.length; j++) {
                initials.append(Character.toLowerCase(words[j].charAt(0)));
            }
            if (initials.toString().equals(letters)) {
                shortened = k;
                break;
            }
        }
        if (shortened == 0 && Character.toLowerCase(words[words.length - 1].charAt(0)) == letters.charAt(0)) {
            shortened = 1;
        }
        if (shortened == 0) {
            return abbreviation;
        }
        String kept = String.join(" ", java.util.Arrays.copyOf(words, words.length - shortened));
        return BlockReader.clean(kept + " " + abbreviation + " " + after);
    }

    private static List<String> splitOutsideParentheses(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        Matcher join = JOIN.matcher(text);
        int searchFrom = 0;
        while (join.find(searchFrom)) {
            if (depthAt(text, join.start()) == 0) {
                out.add(text.substring(start, join.start()));
                start = join.end();
            }
            searchFrom = join.end();
        }
        out.add(text.substring(start));
        return out;
    }

    private static int depthAt(String text, int index) {
        int depth = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '(') {
                depth++;
            } else if (text.charAt(i) == ')' && depth > 0) {
                depth--;
            }
        }
        return depth;
    }

    private static boolean looksLikeName(String item) {
        String bare = stripParentheses(item).strip();
        return !bare.isEmpty() && bare.split("\\s+").length <= MAX_WORDS_IN_NAME
                && !bare.matches("(?i).*\\b(is|are|was|were|can|may|will|should|could)\\b.*");
    }

    private static String stripParentheses(String s) {
        return s.replaceAll("\\([^()]*\\)", " ");
    }

    static String stripEnd(String s) {
        return s.strip().replaceAll("[\\s.,;:!?]+$", "");
    }

    static String capitalise(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(s.substring(Character.charCount(first))).toString();
    }
}
