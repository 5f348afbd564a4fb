package org.symptomgraph.importer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
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
    /** What a sentence that lists other things than causes talks about before its list. */
    private static final Pattern OTHER_THINGS = Pattern.compile(
            "\\b(symptoms?|signs?|treatments?|treated|therap(y|ies)|tests?|diagnos\\w*|complications?|remed(y|ies)|"
                    + "risk factors?|prevent\\w*)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUP_REFERENCE = Pattern.compile(
            "^(?:and |or )?(?:other|another|many other|various|several other|similar)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_QUALIFIER = Pattern.compile(
            "^(?:especially|particularly|mainly|mostly|usually|often|sometimes|rarely|such as|including|"
                    + "for example|e\\.g\\.|i\\.e\\.|when|if|while|during|after|before|in|at|on|with|without|"
                    + "from|due to|by|see)\\b", Pattern.CASE_INSENSITIVE);
    /** A clause after a list item's name that qualifies it ("aspirin, especially at high doses"). */
    private static final Pattern ITEM_QUALIFIER = Pattern.compile(
            ",?\\s+(?:when|if|while|during|especially|particularly|in some cases|such as|including|for example|"
                    + "e\\.g\\.)(?=\\W)", Pattern.CASE_INSENSITIVE);
    /** Where a list inside a sentence ends: the verb that follows it ("..., or C may lower ..."). */
    private static final Pattern VERB_AFTER_LIST = Pattern.compile(
            ",?\\s+(?:may|can|might|could|will|would|should|often|usually|commonly|sometimes|also|are|is|were|was|"
                    + "cause|causes|caused|lead|leads|trigger|triggers|result|results|have|has)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A clause that qualifies a name rather than being part of it: "ibuprofen when overused". */
    private static final Pattern TRAILING_CLAUSE = Pattern.compile(
            "\\s+(?:when|if|while|during|especially|particularly|in some cases)\\b.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DESCRIPTION = Pattern.compile("\\s+[—–-]\\s+|:\\s+");

    private static final int MAX_WORDS_IN_NAME = 8;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern IN_PARENTHESES = Pattern.compile("\\([^()]*\\)");
    private static final Pattern END_PUNCTUATION = Pattern.compile("[\\s.,;:!?]+$");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?]$");
    private static final Pattern VERB = Pattern.compile("\\b(is|are|was|were|can|may|will|should|could)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FUNGUS = Pattern.compile("\\bfung(us|i|al)\\b");
    private static final Pattern VIRUS = Pattern.compile("\\b(virus(es)?|viral)\\b");
    private static final Pattern BACTERIA = Pattern.compile("\\bbacteri(a|um|al)\\b");
    private static final Pattern PROTOZOA = Pattern.compile("\\bprotozoan?\\b");
    private static final Pattern PRION = Pattern.compile("\\bprions?\\b");

    private Phrases() {
    }

    /** A sentence and where it starts in its paragraph. */
    record Sentence(int start, String text) {
    }

    /** Sentences of a paragraph (abbreviations such as "e.g." do not end one). */
    static List<String> sentences(String paragraph) {
        return sentenceSpans(paragraph).stream().map(Sentence::text).toList();
    }

    /** Sentences of a paragraph with their offsets in it, so each can be traced to its source line. */
    static List<Sentence> sentenceSpans(String paragraph) {
        List<Sentence> out = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(paragraph);
        int start = 0;
        while (true) {
            boolean found = m.find();
            int end = found ? m.start() : paragraph.length();
            String piece = paragraph.substring(start, end);
            if (!piece.isBlank()) {
                int lead = 0;
                while (lead < piece.length() && Character.isWhitespace(piece.charAt(lead))) {
                    lead++;
                }
                out.add(new Sentence(start + lead, piece.strip()));
            }
            if (!found) {
                return out;
            }
            start = m.end();
        }
    }

    /**
     * Whether a sentence lists things that are not causes: "Symptoms such as fever and chills",
     * "Treatments include ..." (it names symptoms, signs, tests or treatments before its list and
     * says nothing about causing).
     */
    static boolean listsOtherThings(String sentence) {
        Matcher t = TRIGGER.matcher(sentence);
        String before = t.find() ? sentence.substring(0, t.start()) : sentence;
        return !CAUSAL.matcher(sentence).find() && OTHER_THINGS.matcher(before).find();
    }

    /** "other NSAIDs", "many other drugs": a reference to a group, not the name of a cause. */
    static boolean isGroupReference(String item) {
        return GROUP_REFERENCE.matcher(item.strip()).find();
    }

    /**
     * The name part of a list item: before a description ("Ménière's disease – an inner-ear
     * disorder") and before a qualifying clause outside parentheses ("ibuprofen, when overused").
     */
    static String namePart(String text) {
        String name = DESCRIPTION.split(text.strip(), 2)[0];
        Matcher q = ITEM_QUALIFIER.matcher(name);
        while (q.find()) {
            if (depthAt(name, q.start()) == 0) {
                return name.substring(0, q.start()).strip();
            }
        }
        return name.strip();
    }

    /** Whether a piece of text has a comma or semicolon outside parentheses. */
    static boolean hasTopLevelComma(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ',' || c == ';') && depthAt(text, i) == 0) {
                return true;
            }
        }
        return false;
    }

    /** "especially at high doses", "when overused": a remark about the item above, not a name. */
    static boolean startsWithQualifier(String text) {
        return LEADING_QUALIFIER.matcher(text.strip()).find();
    }

    /** Whether a list item reads as a sentence rather than the name of a cause. */
    static boolean readsAsSentence(String name, String wholeItem) {
        String bare = stripParentheses(wholeItem).strip();
        int words = bare.isEmpty() ? 0 : WHITE_SPACE.split(bare).length;
        return !looksLikeName(name) || (ENDS_SENTENCE.matcher(bare).find() && words > 4);
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
            String rest = cutAtVerb(body.substring(triggers.get(i)[0]).replaceFirst("^[\\s:,]+", ""));
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

    /** "A, B or C may cause it": the list ends where the sentence goes on with its verb. */
    static String cutAtVerb(String rest) {
        Matcher v = VERB_AFTER_LIST.matcher(rest);
        while (v.find()) {
            if (depthAt(rest, v.start()) == 0) {
                return rest.substring(0, v.start());
            }
        }
        return rest;
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
        if (FUNGUS.matcher(s).find()) {
            found.add(AgentClass.FUNGUS);
        }
        if (VIRUS.matcher(s).find()) {
            found.add(AgentClass.VIRUS);
        }
        if (BACTERIA.matcher(s).find()) {
            found.add(AgentClass.BACTERIA);
        }
        if (PROTOZOA.matcher(s).find()) {
            found.add(AgentClass.PROTOZOA);
        }
        if (PRION.matcher(s).find()) {
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
        return cause(text, kind, line, evidence, note -> { });
    }

    /**
     * As {@link #cause(String, CauseKind, int, String)}; what it reads in the parentheses but cannot
     * place (a word in lower case after a drug is no brand name) goes to {@code notes}.
     */
    static Cause cause(String text, CauseKind kind, int line, String evidence, Consumer<String> notes) {
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
                            // "others" after brand names says more brands exist; elsewhere it says nothing.
                            others = kind == CauseKind.DRUG;
                        } else if (kind == CauseKind.DRUG && ALSO_CALLED.matcher(piece).matches()) {
                            aliases.add(ALSO_CALLED.matcher(piece).replaceFirst("$1"));
                        } else if (kind == CauseKind.DRUG && !QUALIFIER.matcher(piece).matches()) {
                            String brand = piece.replaceAll("[®™]", "").strip();
                            if (!brand.isEmpty() && Character.isUpperCase(brand.codePointAt(0))
                                    || !brand.isEmpty() && Character.isDigit(brand.codePointAt(0))) {
                                brands.add(brand);
                            } else if (!brand.isEmpty()) {
                                notes.accept("\"" + brand + "\" in the parentheses after \"" + before
                                        + "\" is not a brand name (brand names are capitalised); left out");
                            }
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
        return !bare.isEmpty() && WHITE_SPACE.split(bare).length <= MAX_WORDS_IN_NAME && !VERB.matcher(bare).find();
    }

    private static String stripParentheses(String s) {
        return IN_PARENTHESES.matcher(s).replaceAll(" ");
    }

    static String stripEnd(String s) {
        return END_PUNCTUATION.matcher(s.strip()).replaceAll("");
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
