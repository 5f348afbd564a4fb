package org.symptomgraph.importer.reading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.symptomgraph.importer.page.Block;

/**
 * Names the symptom. In order of trust: the page's title (a first heading that reads as one — "What
 * causes a low white blood cell count?", "Hematuria: Possible Causes", an HTML h1 — or the HTML
 * {@code <title>}); then the page's address and its file name, each only where the text itself uses
 * that name (a page stored under another symptom's address is named by its text); then the phrase
 * the text itself uses for what is caused ("causes of X", "X may be caused by"). Never a category
 * heading: a heading that states a frequency ("Common causes — long-lasting") is no title. The
 * title's blocks (and a "Causes" heading under it) are taken out of the content; other names of the
 * symptom ("Low potassium (hypokalemia)") are collected.
 */
final class TitlePass implements ReadingPass {

    private static final Pattern TITLE_PARTS = Pattern.compile("\\s+[-|–—]\\s+|[:?]\\s+|\\s*\\|\\s*");
    private static final Pattern TITLE_LEAD = Pattern.compile(
            "^(?:what (?:are the )?(?:possible |common |most common )?causes? (?:of )?|what can cause |"
                    + "(?:possible |common |most common )?causes of |why (?:do|does|is|are) )", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE_TAIL = Pattern.compile(
            "(?:\\s*[:,]?\\s*(?:\\d+\\s+)?(?:possible |common |main )?(?:causes?|reasons?)(?: and (?:risk factors|treatment))?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_END = Pattern.compile("(?=\\s+(?:include|includes|are|is|may|can|might|leading|"
            + "that|which|in|among|for)\\b|\\s*[,.:;(?]|$)");
    private static final Pattern CAUSES_OF = Pattern.compile(
            "\\bcauses?\\s+of\\s+(?:a\\s+|an\\s+|the\\s+)?([\\p{L}][\\p{L}\\s'’-]{2,60}?)" + NAME_END.pattern(),
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBJECT = Pattern.compile("^(?:in general,\\s+)?(?:a\\s+|an\\s+|the\\s+)?"
            + "([\\p{L}][\\p{L}\\s'’-]{2,60}?)\\s*(?:\\([^)]*\\)\\s*)?(?:usually\\s+|often\\s+)?(?:may|can|might|could|"
            + "occurs?|happens?|has many causes|have many causes|is caused|are caused|results? from|forms?|develops?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** An encyclopedia's inverted title, the qualifier after a dash in lower case: "Thirst - excessive". */
    private static final Pattern INVERTED_TITLE = Pattern.compile("^(\\p{Lu}[\\p{L}\\s]{2,40}?)\\s+[-–]\\s+(\\p{Ll}[\\p{L}]+(?:\\s\\p{Ll}[\\p{L}]+)?)$");
    /** The separators of a breadcrumb trail or a title with the site's name ("Home › Topics › Pelvic pain"). */
    private static final Pattern BREADCRUMB = Pattern.compile("[›»>|/]");
    /** How far into the page its title may stand, below the site's name and navigation. */
    private static final int LEADING_BLOCKS = 15;
    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("\\s*\\(([^()]+)\\)\\s*$");
    private static final List<String> FILLER = List.of("and", "or", "the", "a", "an", "of", "in", "on", "with");
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^\\p{L}]+");
    /** Address and file name words that are never part of the symptom's name. */
    private static final List<String> NAME_NOISE = List.of("symptoms", "symptom", "basics", "causes", "cause", "sym",
            "possible", "health", "library", "www", "http", "https", "com", "org", "html", "htm", "txt", "node",
            "undated", "url", "copy", "page", "en", "us", "conditions", "diseases", "mayoclinic", "baycare", "nhlbi",
            "clevelandclinic", "nih", "gov", "my");

    @Override
    public void apply(Reading r) {
        List<Block> content = r.content;
        String text = allText(r.page.blocks()); // the whole page, furniture too, tells how often a name is used
        int titleBlocks = 0;
        Optional<String> name = Optional.empty();
        Map<String, Integer> spoken = phrasesOfText(content);
        int named = headingTheAddressNames(r, content);
        if (named >= 0) {
            // Site name, navigation and breadcrumbs come before the page's own title: they are not content.
            name = fromTitle(content.get(named).text());
            if (name.isPresent()) {
                content = content.subList(named, content.size());
                titleBlocks = 1;
            }
        }
        if (name.isEmpty() && !content.isEmpty() && content.get(0).is(Block.Type.HEADING)
                && (readsAsTitle(content.get(0)) || namesTheSymptom(content.get(0), r, text, spoken))) {
            name = fromTitle(content.get(0).text());
            titleBlocks = name.isPresent() ? 1 : 0;
        }
        if (name.isEmpty()) {
            name = r.page.title().flatMap(TitlePass::fromTitle);
        }
        if (name.isEmpty()) {
            name = r.page.address().flatMap(a -> {
                List<String> words = addressWords(a);
                Optional<String> part = fromWords(words, text, spoken);
                return part.filter(p -> p.equals(String.join(" ", words)))
                        .or(() -> byItsHead(words, text, spoken)).or(() -> part);
            });
        }
        if (name.isEmpty()) {
            name = fromWords(fileWords(r.file()), text, spoken);
        }
        name = name.map(n -> extended(n, spoken));
        if (name.isEmpty()) {
            name = spoken.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        }
        List<Block> read = content;
        String symptom = name.map(n -> asWritten(n, read)).orElseGet(() -> String.join(" ", fileWords(r.file())));
        if (symptom.isBlank()) {
            symptom = r.file();
        }
        // "Swollen ankles, feet and legs (oedema)": the parenthesis is another name.
        String alias = null;
        java.util.regex.Matcher paren = TRAILING_PARENTHESIS.matcher(symptom);
        if (paren.find()) {
            alias = paren.group(1);
            symptom = symptom.substring(0, paren.start()).strip();
        }
        r.symptom = new Symptom(sentenceCase(symptom));
        if (alias != null) {
            r.symptom.addAlias(alias);
        }
        r.otherNames.forEach(r.symptom::addAlias);
        // The title, and "Causes" headings right under it, are not content.
        int at = titleBlocks;
        while (at < content.size() - 1 && content.get(at).is(Block.Type.HEADING) && isCausesHeading(content.get(at).text(),
                r.symptom)) {
            at++;
        }
        r.content = new ArrayList<>(content.subList(at, content.size()));
        for (Block b : r.content) {
            if (!b.is(Block.Type.ITEM)) {
                Text.sentences(b.text()).forEach(s -> r.symptom.findAliases(s.text()));
            }
        }
    }

    /**
     * Where, among the headings before the page's first list, is the one that the page names itself
     * by: the address's last part ("Belching and Bloating" for ".../symptoms/belching-and-bloating",
     * under a site name and a navigation line), a part of its HTML title ("Bruising Easily" in
     * "Lakeview Regional Medical Center - Health Library - Bruising Easily"), or, with neither, most
     * of the file's name. Breadcrumbs ("Home › Pelvic pain") are never it. -1 when none is.
     */
    private static int headingTheAddressNames(Reading r, List<Block> content) {
        List<List<String>> names = new ArrayList<>();
        r.page.address().map(TitlePass::lastSegmentWords).ifPresent(names::add);
        r.page.title().ifPresent(t -> Arrays.stream(TITLE_PARTS.split(t)).map(TitlePass::words).forEach(names::add));
        names.replaceAll(n -> n.stream().filter(w -> !FILLER.contains(w)).toList());
        names.removeIf(List::isEmpty);
        List<String> file = fileWords(r.file()).stream().filter(w -> !FILLER.contains(w)).toList();
        for (int i = 0; i < content.size() && i < LEADING_BLOCKS && !content.get(i).is(Block.Type.ITEM); i++) {
            Block b = content.get(i);
            if (!b.is(Block.Type.HEADING) || BREADCRUMB.matcher(b.text()).find()) {
                continue;
            }
            // "Leg Cramps (Charley Horse)": another name in parentheses is not part of the match.
            List<String> words = words(Text.withoutParentheses(b.text())).stream().filter(w -> !FILLER.contains(w)).toList();
            if (words.isEmpty()) {
                continue;
            }
            boolean named = names.stream().anyMatch(n -> n.containsAll(words) && words.containsAll(n));
            // Without an address or title, the file's name may carry more ("fairhaven-belching-and-bloating").
            boolean byFile = names.isEmpty() && file.containsAll(words) && words.size() * 2 >= file.size();
            if (named || byFile) {
                return i;
            }
        }
        return -1;
    }

    /** The words of an address's last path segment ("difficulty-swallowing"). */
    private static List<String> lastSegmentWords(String address) {
        String path = address.replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("[?#].*$", "");
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isBlank()).toList();
        return segments.isEmpty() ? List.of() : words(segments.get(segments.size() - 1));
    }

    /** "Causes", "Possible causes of X", "What causes X?": a heading that opens the causes without naming a group. */
    static boolean isCausesHeading(String heading, Symptom symptom) {
        String h = Text.stripEnd(heading.replace("?", ""));
        if (Lexicon.CAUSES_HEADINGS.is(h)) {
            return true;
        }
        Matcher lead = TITLE_LEAD.matcher(h);
        return lead.find() && Statements.headingFrequency(h, symptom).isEmpty()
                && (symptom == null || symptom.in(h.substring(lead.end())));
    }

    /** A first heading is the title when it is an h1, a question, or speaks of causes of something; never when it states a frequency. */
    private static boolean readsAsTitle(Block heading) {
        String t = heading.text();
        if (TITLE_LEAD.matcher(t).find()) {
            return true; // "What causes X?", "Causes of X"
        }
        if (Statements.headingFrequency(t, null).isPresent() || Lexicon.OTHER_CAUSES.startsIn(t)) {
            return false;
        }
        return heading.level() == 1 || t.endsWith("?") || TITLE_PARTS.matcher(t).find() && Lexicon.TITLE_NOISE.in(t)
                || TITLE_TAIL.matcher(t).find();
    }

    /**
     * A plain first heading ("Back pain") is the title when it is the name the page's address or file
     * gives, or the name the text uses for what is caused; a heading that names a kind of cause or a
     * frequency ("Medicines", "Common causes") never is.
     */
    private static boolean namesTheSymptom(Block heading, Reading r, String text, Map<String, Integer> spoken) {
        String h = Text.stripEnd(heading.text()).toLowerCase(Locale.ROOT);
        if (CategoryNames.kind(h) != org.symptomgraph.model.CauseKind.UNSPECIFIED
                || Statements.headingFrequency(h, null).isPresent() || Lexicon.CAUSE_NOUNS.in(h)) {
            return false;
        }
        List<String> fileWords = fileWords(r.file());
        List<String> addressWords = r.page.address().map(TitlePass::addressWords).orElse(List.of());
        List<String> hWords = words(h).stream().filter(w -> !FILLER.contains(w)).toList();
        if (hWords.isEmpty()) {
            return false;
        }
        long inFile = hWords.stream().filter(fileWords::contains).count();
        long inAddress = hWords.stream().filter(addressWords::contains).count();
        // Most of the heading's words are the file's or the address's name ("Swollen ankles, feet and legs (oedema)").
        return Math.max(inFile, inAddress) * 3 >= hWords.size() * 2 && Math.max(inFile, inAddress) >= Math.min(2, hWords.size())
                || spoken.containsKey(h)
                || spoken.keySet().stream().anyMatch(p -> p.endsWith(h)) && occurrences(h, text) >= 3;
    }

    /** The symptom's name in a title: "Lymphocytopenia - What Causes Lymphocytopenia? - Causes" gives Lymphocytopenia. */
    static Optional<String> fromTitle(String title) {
        Matcher inverted = INVERTED_TITLE.matcher(title.strip());
        if (inverted.matches() && !TITLE_TAIL.matcher(inverted.group(2)).matches()) { // not "Muscle weakness – possible causes"
            return Optional.of((inverted.group(2) + " " + inverted.group(1)).toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> parts = new LinkedHashMap<>();
        for (String part : TITLE_PARTS.split(title.strip())) {
            String p = Text.stripEnd(part.replace("?", "").strip());
            p = TITLE_LEAD.matcher(p).replaceFirst("");
            p = TITLE_TAIL.matcher(p).replaceFirst("").strip();
            p = CauseNames.dropLeading(p, Lexicon.ARTICLES);
            if (!p.isEmpty() && !Lexicon.TITLE_NOISE.is(p) && Text.words(p) <= 8) {
                parts.merge(p.toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        return parts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The words of an address that may name the symptom: the path segment after "symptoms", else the path. */
    private static List<String> addressWords(String address) {
        String path = address.replaceFirst("^[a-z]+://[^/]+", "").replaceFirst("[?#].*$", "");
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isBlank()).toList();
        for (int i = 0; i + 1 < segments.size(); i++) {
            if (segments.get(i).matches("(?i)symptoms?|conditions?|diseases?")) {
                return words(segments.get(i + 1));
            }
        }
        List<String> all = new ArrayList<>();
        segments.forEach(s -> all.addAll(words(s)));
        return all;
    }

    private static List<String> fileWords(String file) {
        String stem = file.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        return words(stem);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : TOKEN_SPLIT.split(s.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty() && !NAME_NOISE.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * The longest run of the words that the text uses as a phrase, where the text bears it out: it
     * is (or holds, or is held by) a phrase the text uses for what is caused, or the text uses it
     * twice, or the text names nothing else.
     */
    private static Optional<String> fromWords(List<String> words, String text, Map<String, Integer> spoken) {
        for (int n = Math.min(words.size(), 8); n >= 1; n--) {
            String found = null;
            for (int i = 0; i + n <= words.size(); i++) {
                String phrase = String.join(" ", words.subList(i, i + n));
                if (Lexicon.ARTICLES.is(phrase) || Lexicon.DETERMINERS.is(phrase) || phrase.length() < 4) {
                    continue;
                }
                int uses = occurrences(phrase, text);
                if (uses == 0) {
                    continue;
                }
                boolean agrees = spoken.keySet().stream().anyMatch(p -> p.contains(phrase) || phrase.contains(p));
                if (agrees) {
                    return Optional.of(phrase);
                }
                if (uses >= 2 || spoken.isEmpty()) {
                    found = phrase; // the last such run: a name's head comes last ("heart palpitations")
                }
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /**
     * "heart-palpitations" where the text says "palpitations": the address's whole name, when the
     * text uses its last word (its head) twice or more and names nothing else.
     */
    private static Optional<String> byItsHead(List<String> words, String text, Map<String, Integer> spoken) {
        if (words.size() < 2 || words.size() > 5) {
            return Optional.empty();
        }
        String head = words.get(words.size() - 1);
        boolean other = spoken.keySet().stream().anyMatch(p -> !p.contains(head));
        return occurrences(head, text) >= 2 && !other ? Optional.of(String.join(" ", words)) : Optional.empty();
    }

    /** "nausea" where the text twice says "causes of nausea and vomiting": the text's longer name. */
    private static String extended(String name, Map<String, Integer> spoken) {
        return spoken.entrySet().stream()
                .filter(e -> e.getValue() >= 2 && !e.getKey().equals(name) && e.getKey().startsWith(name + " ")
                        && Text.words(e.getKey()) <= 5)
                .map(Map.Entry::getKey).findFirst().orElse(name);
    }

    /**
     * What the text says is caused, with how often: "causes of X", "X may be caused by", "X occurs
     * when". Names are lower case, without a leading article.
     */
    private static Map<String, Integer> phrasesOfText(List<Block> content) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Block b : content) {
            if (b.is(Block.Type.ITEM)) {
                continue;
            }
            for (Text.Sentence s : Text.sentences(b.text())) {
                Matcher of = CAUSES_OF.matcher(s.text());
                while (of.find()) {
                    count(counts, of.group(1));
                }
                Matcher subject = SUBJECT.matcher(s.text());
                if (subject.find()) {
                    count(counts, subject.group(1));
                }
            }
        }
        counts.keySet().removeIf(k -> Lexicon.DETERMINERS.is(k) || k.length() < 4 || k.matches("(?i)(this|it|they|these).*"));
        return counts;
    }

    private static void count(Map<String, Integer> counts, String phrase) {
        String p = CauseNames.dropLeading(Text.clean(phrase.toLowerCase(Locale.ROOT)), Lexicon.DETERMINERS);
        if (!p.isEmpty() && Text.words(p) <= 7) {
            counts.merge(p, 1, Integer::sum);
        }
    }

    private static int occurrences(String phrase, String text) {
        Matcher m = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q") + "(?:s|es)?(?![\\p{L}])")
                .matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String allText(List<Block> content) {
        StringBuilder b = new StringBuilder();
        content.forEach(c -> b.append(c.text().toLowerCase(Locale.ROOT).replace('’', '\'')).append('\n'));
        return b.toString();
    }

    /** The name as the text writes it (its first use), or as given. */
    private static String asWritten(String name, List<Block> content) {
        Pattern p = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(name).replace(" ", "\\E\\s+\\Q") + "(?![\\p{L}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        for (Block b : content) {
            Matcher m = p.matcher(b.text().replace('’', '\''));
            if (m.find()) {
                return Text.clean(m.group());
            }
        }
        return name;
    }

    /** "Blood In Semen" and "blood in semen" both as "Blood in semen"; abbreviations kept. */
    static String sentenceCase(String name) {
        String[] words = Text.clean(name).split(" ");
        boolean titleCase = words.length > 1 && Arrays.stream(words).filter(w -> w.length() > 3)
                .allMatch(w -> Character.isUpperCase(w.codePointAt(0)));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            boolean abbreviation = w.length() > 1 && w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
            if (titleCase && i > 0 && !abbreviation) {
                w = w.toLowerCase(Locale.ROOT);
            }
            out.append(i == 0 ? "" : " ").append(w);
        }
        return Text.capitalise(out.toString());
    }
}
