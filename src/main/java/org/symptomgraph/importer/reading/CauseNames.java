package org.symptomgraph.importer.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;

/**
 * Reads what a list item, or one piece of a sentence's enumeration, names as a cause, by the naming
 * rules of this family of pages:
 *
 * <ol>
 *   <li>An item of several sentences is named by its first; the rest is detail ("Kidney or bladder
 *       stones. These are collections of crystals.").
 *   <li>A drug class with example drugs that carry brand names ("Antiviral drugs, such as ganciclovir
 *       (Cytovene) and valganciclovir (Valcyte)") gives one drug each, the class kept as their group.
 *   <li>The name ends at the first detail opener outside parentheses (", such as", " including",
 *       ", which", ", a …", " — ", " due to ", " causing ", …), at a modal verb that goes on with the
 *       item ("Damage to the urinary tract may cause …"), or in an item written as a clause, at
 *       " and your …" (a second clause); the rest is detail. ", called X" at the end is another name.
 *   <li>Parentheses: brand names after a drug; an abbreviation ("(CMV)"), the long form of an
 *       abbreviation, "(also known as X)" or a short synonym are other names; a description is the
 *       cause's definition (a gloss); examples and qualifiers ("(cysts, polyps)", "(especially in
 *       young children)") are detail. A parenthesis in the middle is taken out and the sides joined.
 *   <li>A leading article is dropped, unless the name is a clause ("The body doesn't make enough
 *       lymphocytes").
 * </ol>
 *
 * A name that is a fragment (it starts or ends with a joining word, or it is far too long) is never
 * an entity: it is left out with a warning.
 */
final class CauseNames {

    /** Longest name taken from a list item, in words. */
    private static final int MAX_ITEM_WORDS = 20;
    /** Longest name taken from a sentence, in words (parentheses aside). */
    private static final int MAX_PIECE_WORDS = 8;
    /** Evidence is the item or sentence, cut to this many characters. */
    static final int MAX_EVIDENCE = 1000;

    private static final Pattern ABBREVIATION = Pattern.compile(
            "^(?=(?:.*\\p{Lu}){2})[\\p{Lu}\\p{N}][\\p{L}\\p{N}]*(?:[-/][\\p{L}\\p{N}]+)*$");
    private static final Pattern BRAND = Pattern.compile(
            "^[\\p{Lu}\\p{N}][\\p{L}\\p{N}®™.+-]*(?:\\s[\\p{Lu}\\p{N}][\\p{L}\\p{N}®™.+-]*){0,2}$");
    private static final Pattern OTHERS = Pattern.compile(
            "^(?:and\\s+|or\\s+)?(?:others?|other brands|many others|etc\\.?|and so on)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXAMPLE_TRIGGER = Pattern.compile(
            "(?:,\\s*)?\\b(?:such as|including|like|e\\.g\\.|for example|for instance)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALLED_AT_END = Pattern.compile(",\\s*(?:(?:also\\s+)?called|or|also known as)\\s+"
            + "([^,()]+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern GROUP_REFERENCE = Pattern.compile(
            "^(?:and |or )?(?:other|another|many other|various|several other|similar)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern JOINING_WORD = Pattern.compile(
            "^(?:and|or|but|nor|with|without|in|on|at|to|from|by|for|of|as|than|that|which|who)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FINITE_VERB = Pattern.compile(
            "\\b(?:is|are|was|were|can|may|will|should|could|might|would|do|does|did|has|have)\\b", Pattern.CASE_INSENSITIVE);
    /** The head of a name ends before its first preposition or relative word. */
    private static final Pattern HEAD_END = Pattern.compile(
            "\\s(?:to|of|from|for|with|in|on|by|that|which|who|after|during|due)\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern NON_NAME = Pattern.compile("[\\p{L}\\p{N}]");
    private static final Pattern COLON = Pattern.compile(":\\s");
    /** "Used to treat cancer": a participle that goes on with a preposition starts a clause, not a name. */
    private static final Pattern PARTICIPLE_CLAUSE = Pattern.compile("^(?:\\p{L}+ed|sold|taken|given|made|known|found|seen|"
            + "bought|done|shown|worn|eaten)\\s+(?:to|by|for|in|with|without|as|over|on)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile("\\s(?:that|which|who|whose)\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMA = Pattern.compile(",\\s");
    private static final Pattern CONJUNCTION = Pattern.compile("^(?:but|yet|so|then|although|though|because)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DRUG_PURPOSE = Pattern.compile("^(.+\\))\\s+((?:for|in|to|during|after)\\s.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARTICLE_START = Pattern.compile("(?:a|an)\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND_OR = Pattern.compile("\\b(?:and|or|and/or)\\b", Pattern.CASE_INSENSITIVE);
    /** "the seizure drug phenytoin": a drug named after the words for its class. */
    private static final Pattern CLASS_THEN_DRUG = Pattern.compile(
            "^(?:the\\s+|a\\s+|an\\s+)?(?:[\\p{L}-]+\\s+){0,3}(?:drug|medicine|medication|agent)s?\\s+(\\p{Ll}[\\p{L}-]+.*)$");

    private CauseNames() {
    }

    /**
     * "Call your doctor", "Avoid scratching": an advice verb (not a gerund) followed by what makes it
     * a clause; "Contact dermatitis" and "Use of steroids" are names.
     */
    static boolean isAdvice(String head) {
        Optional<WordList.MatchResultView> verb = Lexicon.ADVICE_VERBS.atStart(head);
        if (verb.isEmpty() || verb.get().text().toLowerCase(Locale.ROOT).endsWith("ing")) {
            return false;
        }
        String[] rest = head.substring(verb.get().end()).strip().split("\\s+");
        String next = rest[0].replaceAll("[^\\p{L}]", "");
        return next.isEmpty() || next.toLowerCase(Locale.ROOT).endsWith("ing") || Lexicon.ADVICE_OBJECTS.is(next);
    }

    /** The causes a list item names: one, or one drug each for a class with branded examples. */
    static List<Cause> ofItem(String text, CauseKind context, int line, Consumer<String> warn) {
        String item = Text.clean(text);
        String evidence = evidence(item);
        List<Text.Sentence> sentences = Text.sentences(item);
        String head = Text.stripEnd(sentences.isEmpty() ? item : sentences.get(0).text());
        String rest = sentences.size() > 1 ? item.substring(sentences.get(1).start()).strip() : null;
        if (isOthers(head)) {
            return List.of();
        }
        if (Lexicon.REMARK_OPENERS.startsIn(head)) {
            warn.accept("list item \"" + item + "\" is a remark, not the name of a cause; left out");
            return List.of();
        }
        if (isAdvice(head)) {
            warn.accept("list item \"" + item + "\" is advice, not the name of a cause; left out");
            return List.of();
        }
        List<Cause> drugs = drugsOf(head, context, line, evidence, warn);
        if (drugs.isEmpty() && context == CauseKind.DRUG && Text.firstOutside(Lexicon.DETAIL_OPENER, head) < 0) {
            drugs = drugNames(head, line, evidence, warn);
        }
        if (!drugs.isEmpty()) {
            return drugs;
        }
        List<String> series = bareSeries(head);
        if (rest == null && !series.isEmpty()) {
            List<Cause> out = new ArrayList<>();
            series.forEach(n -> name(n, null, context, line, evidence, false, warn).ifPresent(out::add));
            return out;
        }
        Optional<Cause> cause = name(head, rest, context, line, evidence, false, warn);
        return cause.map(List::of).orElseGet(List::of);
    }

    /**
     * "Diabetes Mellitus, kidney Failure, Thyroid disease": an item that is three or more short names
     * and nothing else (no "and" or "or", no parentheses, no clause) names each. A series with a
     * conjunction may share its last word ("Thyroid, kidney, or liver problems") and stays one name.
     */
    private static List<String> bareSeries(String head) {
        if (head.contains("(") || AND_OR.matcher(head).find()) {
            return List.of();
        }
        List<String> parts = java.util.Arrays.stream(head.split(",")).map(String::strip).toList();
        boolean names = parts.size() >= 3 && parts.stream().allMatch(p -> !p.isEmpty() && Text.words(p) <= 4
                && Character.isLetter(p.codePointAt(0)) && !FINITE_VERB.matcher(p).find());
        return names ? parts : List.of();
    }

    /** The cause one piece of a sentence's enumeration names ("an allergic reaction"), if it is a name. */
    static Optional<Cause> ofPiece(String piece, String detail, CauseKind context, int line, String sentence,
            Consumer<String> warn) {
        String p = Text.clean(piece).replaceFirst("(?i)^by\\s+", "");
        if (isOthers(p) || p.isEmpty()) {
            return Optional.empty();
        }
        if (GROUP_REFERENCE.matcher(p).find()) {
            warn.accept("\"" + p + "\" names a group, not a cause; left out");
            return Optional.empty();
        }
        String bare = Text.withoutParentheses(dropLeading(p, Lexicon.DETERMINERS));
        Matcher relative = RELATIVE.matcher(bare);
        String head = relative.find() ? bare.substring(0, relative.start()) : bare;
        if (Text.words(bare) > MAX_PIECE_WORDS || FINITE_VERB.matcher(head).find()) {
            return Optional.empty();
        }
        return name(dropLeading(p, Lexicon.DETERMINERS), detail, context, line, evidence(sentence), true, warn);
    }

    /** Whether a piece of text is "others", "etc." or the like. */
    static boolean isOthers(String text) {
        return OTHERS.matcher(text.strip()).matches();
    }

    static String evidence(String text) {
        return text.length() <= MAX_EVIDENCE ? text : text.substring(0, MAX_EVIDENCE - 1).strip() + "…";
    }

    /**
     * "Antiviral drugs, such as ganciclovir (Cytovene) and valganciclovir (Valcyte)": when the
     * examples after the last trigger include a drug with brand names, each example is a drug of its
     * own, with the class before the trigger as its group. Otherwise none.
     */
    private static List<Cause> drugsOf(String head, CauseKind context, int line, String evidence,
            Consumer<String> warn) {
        List<Integer> triggers = new ArrayList<>();
        int[] depth = Text.depths(head);
        Matcher t = EXAMPLE_TRIGGER.matcher(head);
        while (t.find()) {
            if (depth[t.start()] == 0) {
                triggers.add(t.start());
                triggers.add(t.end());
            }
        }
        for (int i = triggers.size() - 2; i >= 0; i -= 2) {
            String examples = head.substring(triggers.get(i + 1));
            int clause = Text.firstOutside(Lexicon.CLAUSE_OPENER, examples);
            if (clause > 0) {
                examples = examples.substring(0, clause); // ", when the dose is too high" is about the class
            }
            int modal = modalCut(examples);
            if (modal > 0) {
                examples = examples.substring(0, modal); // "… (Pulmicort) for asthma can irritate your throat"
            }
            String group = Text.stripEnd(head.substring(0, triggers.get(i)));
            int colon = Text.firstOutside(COLON, group);
            if (colon > 0) {
                group = group.substring(0, colon).strip(); // "Inhaled steroid medicines: Using an inhaler such as …"
            }
            List<String> pieces = Text.enumeration(examples);
            // A class of medicines, or examples whose parentheses can only be brands ("(Sudafed, others)").
            boolean drugClass = context == CauseKind.DRUG || Lexicon.DRUG_WORDS.in(group)
                    || pieces.stream().anyMatch(p -> !brandsOf(p, true).isEmpty()
                            && (p.contains("others)") || Lexicon.hasDrugStem(lastWord(Text.withoutParentheses(p)))));
            if (!drugClass || pieces.stream().noneMatch(p -> !brandsOf(p, true).isEmpty())) {
                continue;
            }
            List<Cause> out = new ArrayList<>();
            for (int k = 0; k < pieces.size(); k++) {
                String piece = pieces.get(k);
                if (isOthers(piece)) {
                    continue;
                }
                if (GROUP_REFERENCE.matcher(piece).find()) {
                    warn.accept("\"" + piece + "\" names a group of drugs, not a drug; left out");
                    continue;
                }
                // "lactulose (Kristalose), a laxative": a piece after it that starts with an article describes it.
                boolean described = k + 1 < pieces.size() && ARTICLE_START.matcher(pieces.get(k + 1)).lookingAt();
                Optional<String> appositive = described ? Optional.of(pieces.get(++k).strip()) : Optional.empty();
                Matcher purpose = DRUG_PURPOSE.matcher(piece.strip());
                if (purpose.matches()) {
                    piece = purpose.group(1); // "budesonide (Pulmicort) for asthma": what it is taken for is detail
                }
                Optional<String> detail = purpose.matches() ? Optional.of(purpose.group(2)) : appositive;
                String classLabel = Text.capitalise(group);
                Matcher named = CLASS_THEN_DRUG.matcher(piece.strip());
                String drug = named.matches() && !brandsOf(piece, true).isEmpty() ? named.group(1) : piece;
                name(drug, null, CauseKind.DRUG, line, evidence, true, warn)
                        .map(c -> new Cause(c.label(), c.kind(), c.aliases(), c.abbreviations(), c.brands(),
                                c.otherBrands(), c.definition(), detail.or(c::detail), Optional.of(classLabel),
                                c.dueTo(), c.line(), c.evidence()))
                        .ifPresent(out::add);
            }
            return out;
        }
        return List.of();
    }

    /**
     * "Ibuprofen and naproxen" in a list of medicines: short names joined by commas, "and" or "or" are
     * one drug each ("other hormones" is reported, not taken). None when the item is one name.
     */
    private static List<Cause> drugNames(String head, int line, String evidence, Consumer<String> warn) {
        List<String> pieces = Text.enumeration(head);
        if (pieces.size() < 2 || pieces.stream().anyMatch(p -> Text.words(Text.withoutParentheses(p)) > 3)) {
            return List.of();
        }
        List<Cause> out = new ArrayList<>();
        for (String piece : pieces) {
            if (isOthers(piece)) {
                continue;
            }
            if (GROUP_REFERENCE.matcher(piece).find()) {
                warn.accept("\"" + piece + "\" names a group of drugs, not a drug; left out");
                continue;
            }
            name(piece, null, CauseKind.DRUG, line, evidence, true, warn).ifPresent(out::add);
        }
        return out;
    }

    /** The brand names in a drug's trailing parenthesis ("phenytoin (Cerebyx, Dilantin-125, others)"), if any. */
    private static List<String> brandsOf(String piece, boolean drugContext) {
        Matcher m = Pattern.compile("^(.*\\S)\\s*\\(([^()]*)\\)$").matcher(piece.strip());
        if (!m.matches() || !drugContext) {
            return List.of();
        }
        List<String> brands = new ArrayList<>();
        for (String b : Text.enumeration(m.group(2))) {
            if (isOthers(b)) {
                continue;
            }
            if (!BRAND.matcher(b).matches() || isAbbreviationOf(b, m.group(1))) {
                return List.of();
            }
            brands.add(b.replaceAll("[®™]", ""));
        }
        return brands;
    }

    /** What a parenthesis holds, and where its content goes. */
    private enum Paren { BRANDS, ALIAS, ABBREVIATION, LONG_FORM, NAMES, DEFINITION, DETAIL, NOTHING }

    /** The parts of an item's name while it is being read. */
    private static final class Parts {
        final StringBuilder label = new StringBuilder();
        final List<String> aliases = new ArrayList<>();
        final List<String> abbreviations = new ArrayList<>();
        final List<String> brands = new ArrayList<>();
        final List<String> details = new ArrayList<>();
        boolean others;
        String definition;
    }

    private static Optional<Cause> name(String head, String rest, CauseKind context, int line, String evidence,
            boolean fromSentence, Consumer<String> warn) {
        String text = head;
        List<String> detail = new ArrayList<>();
        String dueTo = null;
        List<String> calledAliases = new ArrayList<>();

        // A clause item names its first clause; a modal verb after the name goes on about it.
        int cut = Text.firstOutside(Lexicon.DETAIL_OPENER, text);
        int modal = modalCut(text);
        int clause = isClause(text) ? clauseCut(text) : -1;
        for (int other : new int[] {modal, clause, explanationCut(text), appositiveCut(text)}) {
            if (other > 0 && (cut < 0 || other < cut)) {
                cut = other;
            }
        }
        if (cut > 0) {
            String tail = text.substring(cut).replaceFirst("^[\\s,:—–-]+", "").strip();
            text = text.substring(0, cut).strip();
            if (tail.toLowerCase(Locale.ROOT).startsWith("due to ")) {
                dueTo = dropLeading(Text.stripEnd(Text.withoutParentheses(tail.substring(7))), Lexicon.DETERMINERS);
            }
            detail.add(tail);
        } else if (cut == 0) {
            warn.accept("\"" + head + "\" starts with a remark, not the name of a cause; left out");
            return Optional.empty();
        }
        Matcher called = CALLED_AT_END.matcher(text);
        if (called.find() && !isSeries(text, called)) {
            calledAliases.add(Text.stripEnd(called.group(1)));
            text = text.substring(0, called.start()).strip();
        }
        boolean drugContext = context == CauseKind.DRUG || Lexicon.DRUG_WORDS.in(Text.withoutParentheses(text))
                || hasDrugStemBeforeParenthesis(text);
        Parts parts = parentheses(text, drugContext);
        parts.aliases.addAll(calledAliases);
        parts.details.addAll(0, detail);
        if (rest != null) {
            parts.details.add(rest);
        }

        String label = Text.stripEnd(Text.clean(parts.label.toString()));
        if (!isClause(label)) {
            label = dropLeading(label, fromSentence ? Lexicon.DETERMINERS : Lexicon.ARTICLES);
        }
        label = Text.capitalise(label);
        Optional<String> problem = problem(label, fromSentence);
        if (problem.isPresent()) {
            warn.accept("\"" + head + "\" " + problem.get() + "; left out");
            return Optional.empty();
        }
        CauseKind kind = kind(label, parts.aliases, parts.brands, context);
        String joinedDetail = parts.details.isEmpty() ? null : String.join("; ", parts.details);
        return Optional.of(new Cause(label, kind, distinct(parts.aliases, label), distinct(parts.abbreviations, ""),
                parts.brands, parts.others, Optional.ofNullable(parts.definition),
                Optional.ofNullable(joinedDetail).map(Text::clean), Optional.empty(),
                Optional.ofNullable(dueTo).filter(d -> !d.isEmpty()), line, evidence));
    }

    /** The item's parentheses read, the label the rest. */
    private static Parts parentheses(String text, boolean drugContext) {
        Parts parts = new Parts();
        int depth = 0;
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (c == ')' && depth > 0) {
                if (--depth == 0) {
                    String inside = Text.clean(text.substring(open + 1, i));
                    String before = Text.clean(parts.label.toString());
                    String after = Text.clean(Text.withoutParentheses(text.substring(i + 1)));
                    read(inside, before, after, drugContext, parts);
                }
            } else if (depth == 0) {
                parts.label.append(c);
            }
        }
        return parts;
    }

    private static void read(String inside, String before, String after, boolean drugContext, Parts parts) {
        if (inside.isEmpty()) {
            return;
        }
        boolean atEnd = after.isEmpty();
        Paren what = classify(inside, before, atEnd, drugContext);
        switch (what) {
            case BRANDS -> {
                for (String b : Text.enumeration(inside)) {
                    if (isOthers(b)) {
                        parts.others = true;
                    } else {
                        parts.brands.add(b.replaceAll("[®™]", "").strip());
                    }
                }
            }
            case ALIAS -> {
                Optional<WordList.MatchResultView> marker = Lexicon.ALIAS_MARKERS.atStart(inside);
                parts.aliases.add(Text.stripEnd(marker.map(m -> inside.substring(m.end()).strip()).orElse(inside)));
            }
            case ABBREVIATION -> {
                parts.abbreviations.add(inside);
                parts.aliases.add(expandAbbreviation(before, inside, after));
            }
            case NAMES -> {
                for (String n : Text.enumeration(inside)) {
                    String name = Lexicon.ALIAS_MARKERS.atStart(n).map(m -> n.substring(m.end()).strip()).orElse(n);
                    if (ABBREVIATION.matcher(name).matches()) {
                        parts.abbreviations.add(name);
                    }
                    parts.aliases.add(name);
                }
            }
            case LONG_FORM -> {
                parts.abbreviations.add(lastWord(before));
                parts.aliases.add(inside);
            }
            case DEFINITION -> {
                if (parts.definition == null) {
                    parts.definition = Text.stripEnd(inside);
                } else {
                    parts.details.add(inside);
                }
            }
            case DETAIL -> parts.details.add(inside);
            case NOTHING -> {
            }
            default -> throw new IllegalStateException(what.toString());
        }
    }

    private static Paren classify(String inside, String before, boolean atEnd, boolean drugContext) {
        if (isOthers(inside)) {
            return Paren.NOTHING;
        }
        // After a drug, capitalised names are brands ("Treishumdronate (Shoron-XR)"), unless they
        // abbreviate the words before ("Angiotensin-converting enzyme (ACE)").
        if (atEnd && drugContext && !brandsOf(before + " (" + inside + ")", true).isEmpty()
                && !isAbbreviationOf(inside, before)) {
            return Paren.BRANDS;
        }
        if (ABBREVIATION.matcher(inside).matches() && !before.isEmpty()) {
            return Paren.ABBREVIATION;
        }
        if (!before.isEmpty() && ABBREVIATION.matcher(lastWord(before)).matches()
                && isAbbreviationOf(lastWord(before), inside)) {
            return Paren.LONG_FORM;
        }
        if (Lexicon.ALIAS_MARKERS.startsIn(inside)) {
            return Paren.ALIAS;
        }
        if (Lexicon.QUALIFIERS.startsIn(inside) || isExampleList(inside)) {
            return Paren.DETAIL;
        }
        if (inside.contains(",") && Text.enumeration(inside).stream().anyMatch(p -> ABBREVIATION.matcher(p).matches())) {
            return Paren.NAMES;
        }
        boolean sentence = Character.isUpperCase(inside.codePointAt(0)) && inside.endsWith(".");
        if (!sentence && Text.words(inside) <= 3 && !Lexicon.ARTICLES.startsIn(inside)
                && !HEAD_END.matcher(" " + inside + " ").find() && !FINITE_VERB.matcher(inside).find()) {
            return Paren.ALIAS;
        }
        return Paren.DEFINITION;
    }

    /**
     * "(cysts, polyps)": two or more short names joined by commas, none of them an abbreviation
     * ("(gastroesophageal reflux disease, GERD)" gives other names).
     */
    private static boolean isExampleList(String inside) {
        List<String> pieces = Text.enumeration(inside);
        return inside.contains(",") && pieces.size() >= 2 && pieces.stream().allMatch(p -> Text.words(p) <= 3)
                && pieces.stream().noneMatch(p -> ABBREVIATION.matcher(p).matches());
    }

    /** Whether the words' initials spell the abbreviation ("CMV" and "cytomegalovirus"? no; "BPH", "benign prostatic hyperplasia"). */
    private static boolean isAbbreviationOf(String abbreviation, String words) {
        String letters = abbreviation.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        StringBuilder initials = new StringBuilder();
        for (String w : words.split("[\\s-]+")) {
            if (!w.isEmpty() && Character.isLetter(w.charAt(0))) {
                initials.append(Character.toLowerCase(w.charAt(0)));
            }
        }
        return letters.length() >= 2 && initials.toString().contains(letters.substring(0, Math.min(2, letters.length())))
                && initials.length() >= letters.length() - 1 && initials.length() <= letters.length() + 2;
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
                for (String part : words[j].split("-")) {
                    if (!part.isEmpty()) {
                        initials.append(Character.toLowerCase(part.charAt(0)));
                    }
                }
            }
            if (initials.toString().equals(letters)) {
                shortened = k;
                break;
            }
        }
        if (shortened == 0 && !letters.isEmpty()
                && Character.toLowerCase(words[words.length - 1].charAt(0)) == letters.charAt(0)) {
            shortened = 1;
        }
        if (shortened == 0) {
            return abbreviation;
        }
        String kept = String.join(" ", java.util.Arrays.copyOf(words, words.length - shortened));
        return Text.clean(kept + " " + abbreviation + " " + after);
    }

    /**
     * "Labyrinthitis: An infection or inflammation of your inner ear": a colon followed by an
     * explanation (five words or more) ends the name, or -1. A short tail is part of the name, as
     * link text on these pages is ("Foreign object inhaled: First aid").
     */
    private static int explanationCut(String text) {
        int at = Text.firstOutside(COLON, text);
        return at > 0 && Text.words(Text.withoutParentheses(text.substring(at + 1))) >= 5 ? at : -1;
    }

    /**
     * "Autonomic neuropathy, damage to the nerves that run automatic body functions": a comma
     * followed by a description (three words or more, in lower case, joining nothing with "and" or
     * "or") ends the name, or -1. "Infection, disease or injury of the bladder" and "Sleep apnea,
     * obstructive" are one name each.
     */
    private static int appositiveCut(String text) {
        int at = Text.firstOutside(COMMA, text);
        if (at <= 0) {
            return -1;
        }
        String rest = Text.withoutParentheses(text.substring(at + 1));
        // "disease or injury of the bladder" joins words to the name; "swollen veins in the anus or lower
        // rectum" describes it (its "or" comes late).
        Matcher and = AND_OR.matcher(rest);
        boolean joins = and.find() && Text.words(rest.substring(0, and.start())) < 3;
        return !rest.isEmpty() && Character.isLowerCase(rest.codePointAt(0)) && Text.words(rest) >= 3
                && !joins && !rest.contains(",") && !Lexicon.ALIAS_MARKERS.startsIn(rest)
                && !CONJUNCTION.matcher(rest).find() ? at : -1;
    }

    /**
     * "Thyroid, kidney, or liver problems": an ", or" that closes a series of three or more is the
     * series' last member, not another name ("Hay fever, or allergic rhinitis").
     */
    private static boolean isSeries(String text, Matcher called) {
        return called.group().strip().substring(1).strip().toLowerCase(Locale.ROOT).startsWith("or ")
                && Text.firstOutside(COMMA, text.substring(0, called.start())) > 0;
    }

    /** "Damage to the urinary tract may cause …": the modal verb where the name ends, or -1. */
    private static int modalCut(String text) {
        for (WordList.MatchResultView m : Lexicon.MODAL_VERBS.findAll(text)) {
            String before = text.substring(0, m.start()).strip();
            int[] depth = Text.depths(text);
            if (depth[m.start()] > 0 || before.isEmpty()) {
                continue;
            }
            String lastBefore = lastWord(before).toLowerCase(Locale.ROOT);
            // "… faster than they can be produced", "drugs that may …": the modal belongs to a clause inside the name.
            boolean relative = before.toLowerCase(Locale.ROOT).matches(
                    ".*\\b(that|which|who|than|when|if|because|as|so|where|while|they|it|you|we)(\\s+\\S+){0,2}$");
            if (!relative && !lastBefore.equals("or") && !lastBefore.equals("and")) {
                return m.start();
            }
        }
        return -1;
    }

    /** In a clause item, " and your …" where a second clause starts, or -1. */
    private static int clauseCut(String text) {
        Matcher m = Pattern.compile("\\s+and\\s+(?=(\\S+))", Pattern.CASE_INSENSITIVE).matcher(text);
        int[] depth = Text.depths(text);
        while (m.find()) {
            if (depth[m.start()] == 0 && Lexicon.CLAUSE_LINKS.is(m.group(1))) {
                return m.start();
            }
        }
        return -1;
    }

    /** Whether a name is a clause with its own verb ("You smoke", "The body doesn't make enough lymphocytes"). */
    static boolean isClause(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.matches("^(?:you|your|you've|you're|the|it|they|their|this|these|there|a|an)\\b.*")) {
            return false;
        }
        String bare = Text.withoutParentheses(text);
        for (WordList.MatchResultView m : Lexicon.CLAUSE_VERBS.findAll(bare)) {
            String before = bare.substring(0, m.start()).toLowerCase(Locale.ROOT);
            if (!before.matches(".*\\b(that|which|who)\\b.*")) {
                return true;
            }
        }
        return lower.startsWith("you ") || lower.startsWith("you've ") || lower.startsWith("you're ");
    }

    private static Optional<String> problem(String label, boolean fromSentence) {
        if (!NON_NAME.matcher(label).find()) {
            return Optional.of("has no name in it");
        }
        String[] words = label.split("\\s+");
        if (words.length > (fromSentence ? MAX_PIECE_WORDS : MAX_ITEM_WORDS)) {
            return Optional.of("is too long to be the name of a cause");
        }
        if (words.length > 1 && PARTICIPLE_CLAUSE.matcher(label).find()) {
            return Optional.of("starts with a verb (\"" + words[0] + " " + words[1] + "\"): a fragment, not the name of a cause");
        }
        if (JOINING_WORD.matcher(words[0]).matches()) {
            return Optional.of("starts with \"" + words[0] + "\": a fragment, not the name of a cause");
        }
        String last = words[words.length - 1].replaceAll("[^\\p{L}]", "");
        if (JOINING_WORD.matcher(last).matches() || Lexicon.ARTICLES.is(last) && last.equals(last.toLowerCase(Locale.ROOT))) {
            return Optional.of("ends with \"" + last + "\": a fragment, not the name of a cause");
        }
        if (!Text.balanced(label)) {
            return Optional.of("has unbalanced parentheses");
        }
        return Optional.empty();
    }

    /**
     * A medicine when it has brand names, or a drug word or drug name in its name or other names
     * whose head is not an allergy, reaction or the like ("Drug allergy" is no drug); otherwise the
     * kind its category gives ("Medicines" makes "penicillin" a drug).
     */
    static CauseKind kind(String label, List<String> aliases, List<String> brands, CauseKind context) {
        if (!brands.isEmpty()) {
            return CauseKind.DRUG;
        }
        Matcher headEnd = HEAD_END.matcher(label);
        String head = headEnd.find() ? label.substring(0, headEnd.start()) : label;
        boolean notDrug = Lexicon.NOT_DRUG_HEADS.endsIn(head);
        boolean drugWord = Lexicon.DRUG_WORDS.in(label) || aliases.stream().anyMatch(Lexicon.DRUG_WORDS::in)
                || java.util.Arrays.stream(label.split("[\\s/]+")).anyMatch(Lexicon::hasDrugStem);
        if (notDrug) {
            return context == CauseKind.DRUG ? CauseKind.UNSPECIFIED : context;
        }
        return drugWord ? CauseKind.DRUG : context;
    }

    private static boolean hasDrugStemBeforeParenthesis(String text) {
        int open = text.indexOf('(');
        return open > 0 && Lexicon.hasDrugStem(lastWord(text.substring(0, open)));
    }

    static String dropLeading(String text, WordList words) {
        String s = text.strip();
        for (int i = 0; i < 3; i++) {
            Optional<WordList.MatchResultView> m = words.atStart(s);
            if (m.isEmpty() || m.get().end() >= s.length()) {
                break;
            }
            s = s.substring(m.get().end()).strip();
        }
        return s;
    }

    private static String lastWord(String text) {
        String s = text.strip();
        int space = s.lastIndexOf(' ');
        return space < 0 ? s : s.substring(space + 1);
    }

    private static List<String> distinct(List<String> names, String label) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String c = Text.clean(n);
            if (!c.isEmpty() && !c.equalsIgnoreCase(label) && out.stream().noneMatch(c::equalsIgnoreCase)) {
                out.add(c);
            }
        }
        return out;
    }
}
