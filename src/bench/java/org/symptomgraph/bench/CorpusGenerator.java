package org.symptomgraph.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.rdf.Iris;

/**
 * A deterministic corpus of symptom-causes pages, for tests and benchmarks.
 *
 * <p>A generator holds a vocabulary of a few thousand made-up names (conditions, infections, drugs
 * with brand names, activities, other triggers), a function of the seed alone. Page {@code i} is a
 * function of the seed and {@code i} only, so any page can be made again without making the others.
 * Pages come in the layouts the importer reads — plain text with an intro list of kinds of cause
 * and a missing heading, Markdown-style heading levels, nested lists, and HTML renderings of these
 * with page furniture — with 3 to about 12 categories (some nested) and 5 to 60 causes a page, drawn with
 * a long-tailed (Zipf-like) distribution, so that popular causes are shared by many pages.
 *
 * <p>Each page knows what the importer should read from it ({@link GeneratedPage}): its symptom,
 * date, mechanism, category tree, every cause with its brands and abbreviation, the line it is
 * named on, and how many warnings the page should give.
 *
 * <p>A generator is immutable once made: {@link #page(int)} may be called from several threads.
 */
public final class CorpusGenerator {

    /** How a page is laid out. */
    public enum Layout {
        /** Plain text: an intro list of the kinds of cause, plain headings, one heading left out. */
        TEXT_INTRO_LIST,
        /** Plain text with Markdown "#" heading levels. */
        MARKDOWN,
        /** Plain text whose sections hold nested lists of sub-categories. */
        TEXT_NESTED_LISTS,
        /** HTML renderings of the three above, with navigation, banners, ads and footers around. */
        HTML_INTRO_LIST, HTML_LEVELS, HTML_NESTED_LISTS;

        public boolean html() {
            return this == HTML_INTRO_LIST || this == HTML_LEVELS || this == HTML_NESTED_LISTS;
        }
    }

    /**
     * A cause as the importer should read it.
     *
     * @param label          its name as the graph labels it
     * @param kind           its kind (from its category)
     * @param brands         brand names (drugs), without ® and ™
     * @param otherBrands    the page says "others" after the brands
     * @param abbreviations  the abbreviation in parentheses, if any (it is also the only alias)
     * @param line           the line of the page that names it
     * @param evidence       the list item's text or the sentence that names it
     */
    public record ExpectedCause(String label, CauseKind kind, List<String> brands, boolean otherBrands,
            List<String> abbreviations, int line, String evidence) {
    }

    /**
     * A category as the importer should read it.
     *
     * @param name      its name
     * @param kind      the kind of cause it holds (its own, or its parent's)
     * @param inferred  named only in the intro list
     * @param causes    causes listed directly in it, in page order
     * @param children  sub-categories, in page order
     */
    public record ExpectedCategory(String name, CauseKind kind, boolean inferred, List<ExpectedCause> causes,
            List<ExpectedCategory> children) {
    }

    /**
     * One generated page and what it says.
     *
     * @param index       the page's number
     * @param path        where it goes, relative to the corpus folder (a folder tree, 100 pages a folder)
     * @param layout      how it is laid out
     * @param symptom     the symptom's name (unique to the page)
     * @param date        the page's date, if it gives one
     * @param mechanism   the intro's explanation
     * @param categories  top-level categories, in page order
     * @param warnings    how many warnings the importer should report for it
     * @param content     the page itself
     */
    public record GeneratedPage(int index, String path, Layout layout, String symptom, Optional<LocalDate> date,
            String mechanism, List<ExpectedCategory> categories, int warnings, String content) {

        /** The page's identifier as the importer makes it: the file name without extension. */
        public String id() {
            return path.replaceAll("^.*/", "").replaceAll("\\.[^.]*$", "");
        }

        /** Writes the page under {@code dir}, at {@link #path()}. */
        public void writeInto(Path dir) {
            try {
                Path file = dir.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Every category, depth first. */
        public List<ExpectedCategory> allCategories() {
            List<ExpectedCategory> all = new ArrayList<>();
            addAll(categories, all);
            return all;
        }

        /** Every cause listed, in any category (a cause listed twice appears twice). */
        public List<ExpectedCause> allCauses() {
            return allCategories().stream().flatMap(c -> c.causes().stream()).toList();
        }

        private static void addAll(List<ExpectedCategory> cs, List<ExpectedCategory> into) {
            for (ExpectedCategory c : cs) {
                into.add(c);
                addAll(c.children(), into);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Vocabulary
    // ------------------------------------------------------------------------------------------

    private static final String[] ONSETS = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v",
        "z", "br", "cr", "dr", "fl", "gr", "pl", "st", "tr", "ch", "sh", "th"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ei", "ou", "ia"};
    private static final String[] CODAS = {"", "", "", "n", "r", "l", "s", "x", "m"};
    /** Fixed-width syllables for symptom names, so that page numbers spell unique words. */
    private static final String[] SYMPTOM_SYLLABLES = {"ba", "be", "bo", "da", "de", "do", "fa", "fe", "ka", "ke",
        "ko", "la", "le", "lo", "ma", "me", "mo", "na", "ne", "no", "pa", "pe", "po", "ra", "re", "ro", "sa", "se",
        "ta", "te", "to", "va"};
    private static final String[] SYMPTOM_NOUNS = {"pain", "ache", "rash", "swelling", "itching", "numbness",
        "cramps", "tremor", "stiffness", "twitching", "tingling", "spots", "bleeding", "weakness", "redness",
        "soreness"};
    private static final String[] DRUG_SUFFIXES = {"azepine", "olol", "pril", "statin", "mycin", "oxacin", "afil",
        "prazole", "tidine", "sartan", "dronate", "imab", "profen", "cillin", "triptan"};
    private static final String[] BRAND_SUFFIXES = {"", "", "", "", "-XR", "-25", " XL", " IB"};
    private static final String[] GERUNDS = {"Lifting", "Carrying", "Pushing", "Pulling", "Climbing", "Running",
        "Swimming", "Kneeling", "Bending", "Twisting", "Coughing at", "Straining at", "Rowing", "Cycling",
        "Digging", "Throwing", "Jumping", "Squatting", "Stretching", "Hauling"};
    private static final String[] OBJECTS = {"heavy loads", "weights", "boxes", "furniture", "luggage", "tools",
        "bags", "sacks", "crates", "logs"};
    private static final String[] TRIGGER_NOUNS = {"pollen", "dust", "mold", "smoke", "fumes", "dander", "spores"};
    /** Words a made-up name must not be: they mean something to the importer. */
    private static final Pattern RESERVED = Pattern.compile(
            "and|or|a|an|the|is|are|was|were|be|can|may|will|should|could|might|would|often|also|has|have|had|"
                    + "result|results|lead|leads|cause|causes|caused|trigger|triggers|usually|commonly|sometimes|"
                    + "other|others|another|various|several|similar|some|certain|your|when|if|while|during|"
                    + "especially|particularly|such|including|includes|include|for|example|etc|on|in|of|to|from|"
                    + "like|due|with|by|as|e|g|ie|rare|mild|severe|see|drug|drugs|infect\\w*|viral|fung\\w*|"
                    + "bacteri\\w*|virus|medic\\w*|strain\\w*|exertion|activit\\w*|exercis\\w*|condition|disease|"
                    + "disorder|illness|cancer|ad|ads|advert\\w*|cookie\\w*|email|mail|privacy|sign|login|inbox|"
                    + "share|donate|copyright|nav|menu|related|march|may|june|july|august|april|sept?|oct|nov|"
                    + "dec|jan|feb|mar|apr|jun|jul|aug|blood|heart|skin|kidney|lung|liver|nerve|hormone|medical|"
                    + "symptoms?|signs?|tests?|treat\\w*|therap\\w*|diagnos\\w*|complications?|prevent\\w*",
            Pattern.CASE_INSENSITIVE);

    /** One made-up cause in the vocabulary. */
    private record Term(String name, CauseKind kind, String abbreviation, List<String> brands) {
    }

    private static final int CONDITIONS = 2200;
    private static final int INFECTIONS = 500;
    private static final int DRUGS = 700;
    private static final int ACTIVITIES = 200;
    private static final int OTHERS = 300;
    /** Zipf exponent: a few causes are named on many pages, most on few. */
    private static final double ZIPF = 1.1;

    private final long seed;
    private final List<Term> conditions;
    private final List<Term> infections;
    private final List<Term> drugs;
    private final List<Term> activities;
    private final List<Term> others;
    private final double[] conditionCdf;
    private final double[] infectionCdf;
    private final double[] drugCdf;
    private final double[] activityCdf;
    private final double[] otherCdf;

    public CorpusGenerator(long seed) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(mix(seed, -1));
        Set<String> slugs = new HashSet<>();
        conditions = terms(r, CONDITIONS, CauseKind.CONDITION, slugs);
        infections = terms(r, INFECTIONS, CauseKind.INFECTION, slugs);
        drugs = terms(r, DRUGS, CauseKind.DRUG, slugs);
        activities = activities(slugs);
        others = terms(r, OTHERS, CauseKind.UNSPECIFIED, slugs);
        conditionCdf = zipf(conditions.size());
        infectionCdf = zipf(infections.size());
        drugCdf = zipf(drugs.size());
        activityCdf = zipf(activities.size());
        otherCdf = zipf(others.size());
    }

    /** How many names the vocabulary has, over all kinds. */
    public int vocabularySize() {
        return conditions.size() + infections.size() + drugs.size() + activities.size() + others.size();
    }

    /** Writes pages 0 to {@code pages - 1} of the corpus of {@code seed} into {@code dir}. */
    public static void write(Path dir, int pages, long seed) {
        CorpusGenerator g = new CorpusGenerator(seed);
        for (int i = 0; i < pages; i++) {
            g.page(i).writeInto(dir);
        }
    }

    private List<Term> terms(SplittableRandom r, int n, CauseKind kind, Set<String> slugs) {
        List<Term> out = new ArrayList<>();
        while (out.size() < n) {
            Term t = switch (kind) {
                case CONDITION -> condition(r);
                case INFECTION -> infection(r);
                case DRUG -> drug(r);
                default -> trigger(r);
            };
            if (slugs.add(Iris.slug(t.name()))) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static List<Term> activities(Set<String> slugs) {
        List<Term> out = new ArrayList<>();
        for (String o : OBJECTS) {
            for (String g : GERUNDS) {
                String name = g + " " + o;
                if (slugs.add(Iris.slug(name))) {
                    out.add(new Term(name, CauseKind.ACTIVITY, null, List.of()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static Term condition(SplittableRandom r) {
        String w = capitalise(word(r, 2 + r.nextInt(2), true));
        String name = switch (r.nextInt(7)) {
            case 0 -> w + " syndrome";
            case 1 -> w + " disease";
            case 2 -> w + "itis";
            case 3 -> w + " " + word(r, 2, false) + "osis";
            case 4 -> w + " deficiency";
            case 5 -> w + "’s disease";
            default -> "Chronic " + word(r, 2, false) + "itis";
        };
        String abbreviation = null;
        String[] words = name.replace("’s", "").split(" ");
        if (words.length >= 2 && r.nextInt(100) < 20) {
            abbreviation = Arrays.stream(words).map(x -> x.substring(0, 1).toUpperCase(Locale.ROOT))
                    .reduce("", String::concat);
            abbreviation = Normalizer.normalize(abbreviation, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        }
        return new Term(name, CauseKind.CONDITION, abbreviation, List.of());
    }

    private static Term infection(SplittableRandom r) {
        String w = capitalise(word(r, 2 + r.nextInt(2), true));
        String name = switch (r.nextInt(4)) {
            case 0 -> w + " fever";
            case 1 -> w + " pox";
            case 2 -> w + "osis";
            default -> w + " flu";
        };
        return new Term(name, CauseKind.INFECTION, null, List.of());
    }

    private static Term drug(SplittableRandom r) {
        String name = capitalise(word(r, 2, false) + DRUG_SUFFIXES[r.nextInt(DRUG_SUFFIXES.length)]);
        List<String> brands = new ArrayList<>();
        int n = r.nextInt(100) < 30 ? 0 : 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String brand = capitalise(word(r, 2, false)) + BRAND_SUFFIXES[r.nextInt(BRAND_SUFFIXES.length)];
            if (!brands.contains(brand)) {
                brands.add(brand);
            }
        }
        return new Term(name, CauseKind.DRUG, null, List.copyOf(brands));
    }

    private static Term trigger(SplittableRandom r) {
        return new Term(capitalise(word(r, 2, false)) + " " + TRIGGER_NOUNS[r.nextInt(TRIGGER_NOUNS.length)],
                CauseKind.UNSPECIFIED, null, List.of());
    }

    /** A made-up word of some syllables; now and then with an accent (é, ü), for Unicode. */
    private static String word(SplittableRandom r, int syllables, boolean accents) {
        while (true) {
            StringBuilder w = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                w.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
            }
            w.append(CODAS[r.nextInt(CODAS.length)]);
            String s = w.toString();
            if (accents && r.nextInt(100) < 4) {
                s = s.indexOf('e') > 0 ? s.replaceFirst("e", "é") : s.replaceFirst("u", "ü");
            }
            if (!RESERVED.matcher(s).matches()) {
                return s;
            }
        }
    }

    private static double[] zipf(int n) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1 / Math.pow(k + 1, ZIPF);
            cdf[k] = sum;
        }
        for (int k = 0; k < n; k++) {
            cdf[k] /= sum;
        }
        return cdf;
    }

    /** Distinct terms of one kind, drawn by popularity. */
    private List<Term> draw(SplittableRandom r, CauseKind kind, int n) {
        List<Term> pool = pool(kind);
        double[] cdf = cdf(kind);
        Set<Term> chosen = new LinkedHashSet<>();
        while (chosen.size() < Math.min(n, pool.size())) {
            int k = Arrays.binarySearch(cdf, r.nextDouble());
            chosen.add(pool.get(k >= 0 ? k : Math.min(pool.size() - 1, -k - 1)));
        }
        return List.copyOf(chosen);
    }

    private List<Term> pool(CauseKind kind) {
        return switch (kind) {
            case CONDITION -> conditions;
            case INFECTION -> infections;
            case DRUG -> drugs;
            case ACTIVITY -> activities;
            default -> others;
        };
    }

    private double[] cdf(CauseKind kind) {
        return switch (kind) {
            case CONDITION -> conditionCdf;
            case INFECTION -> infectionCdf;
            case DRUG -> drugCdf;
            case ACTIVITY -> activityCdf;
            default -> otherCdf;
        };
    }

    // ------------------------------------------------------------------------------------------
    // Page plans
    // ------------------------------------------------------------------------------------------

    private static final List<String> DRUG_CATEGORIES = List.of("Medicines", "Medications", "Drugs");
    private static final List<String> DRUG_CHILDREN = List.of("Blood thinners", "Pain relievers", "Antibiotics",
            "Seizure medicines");
    private static final String CONDITIONS_PARENT = "Medical conditions";
    private static final List<String> CONDITION_CHILDREN = List.of("Blood disorders", "Heart conditions",
            "Skin conditions", "Kidney diseases", "Lung diseases", "Liver diseases", "Nerve disorders",
            "Hormone disorders", "Autoimmune diseases", "Genetic disorders", "Other medical conditions");
    private static final List<String> INFECTION_CATEGORIES = List.of("Viral infections", "Bacterial infections",
            "Fungal infections", "Parasitic infections");
    private static final List<String> ACTIVITY_CATEGORIES = List.of("Prolonged straining", "Physical exertion",
            "Strenuous activities");
    private static final List<String> OTHER_CATEGORIES = List.of("Lifestyle factors", "Environmental triggers",
            "Allergens", "Irritants");

    /** How a category's causes are written. */
    private enum Style { NUMBERED, BULLETED, PROSE }

    /** A category being planned. */
    private static final class Plan {
        final String name;
        final CauseKind kind;
        final List<Term> causes = new ArrayList<>();
        final List<Plan> children = new ArrayList<>();
        Style style;
        boolean headed = true;
        boolean inIntro;
        boolean leadIn;
        /** Causes it lists, as the importer reads them (filled while rendering). */
        final List<ExpectedCause> read = new ArrayList<>();

        Plan(String name, CauseKind kind) {
            this.name = name;
            this.kind = kind;
        }

        ExpectedCategory expected() {
            return new ExpectedCategory(name, kind, inIntro && !headed, List.copyOf(read),
                    children.stream().map(Plan::expected).toList());
        }
    }

    /** The page {@code i} of this corpus. */
    public GeneratedPage page(int i) {
        SplittableRandom r = new SplittableRandom(mix(seed, i));
        Layout layout = Layout.values()[r.nextInt(Layout.values().length)];
        String symptom = symptomName(i, r);
        boolean introList = switch (layout) {
            case TEXT_INTRO_LIST, HTML_INTRO_LIST -> true;
            case MARKDOWN, HTML_LEVELS -> r.nextBoolean();
            default -> false;
        };
        List<Plan> roots = plan(r, layout, introList);
        Optional<LocalDate> date = r.nextInt(100) < 90
                ? Optional.of(LocalDate.of(2015, 1, 1).plusDays(r.nextInt(4000))) : Optional.empty();
        String mechanism = capitalise(symptom.toLowerCase(Locale.ROOT)) + " happens when the "
                + word(r, 2, false) + " tissue of the " + word(r, 2, false) + " gets irritated.";
        boolean strayCause = introList && r.nextInt(100) < 8;
        Extras extras = new Extras(r.nextInt(100) < 40, r.nextInt(100) < 30, r.nextInt(100) < 30,
                r.nextInt(100) < 40, strayCause ? draw(r, CauseKind.CONDITION, 1).get(0) : null,
                date.map(d -> formatDate(d, r)).orElse(null));
        Renderer page = layout.html() ? new Html(symptom) : new Text(layout == Layout.MARKDOWN);
        render(page, r, layout, symptom, mechanism, roots, introList, extras);
        String dir = String.format("%03d", i / 100);
        String file = Iris.slug(symptom) + (layout.html() ? ".html" : ".txt");
        return new GeneratedPage(i, dir + "/" + file, layout, symptom, date, mechanism,
                roots.stream().map(Plan::expected).toList(), strayCause ? 1 : 0, page.content());
    }

    /** What a page has besides its causes. */
    private record Extras(boolean disclaimer, boolean references, boolean related, boolean newsletter,
            Term stray, String dateLine) {
    }

    private List<Plan> plan(SplittableRandom r, Layout layout, boolean introList) {
        int categories = 3 + r.nextInt(10);
        int causes = Math.max(categories, 5 + r.nextInt(56));
        List<Plan> roots = new ArrayList<>();
        boolean levels = layout == Layout.MARKDOWN || layout == Layout.HTML_LEVELS;
        boolean nestedLists = layout == Layout.TEXT_NESTED_LISTS || layout == Layout.HTML_NESTED_LISTS;

        // The kinds of cause of this page: always medicines and medical conditions, then others.
        Plan medicines = new Plan(pick(r, DRUG_CATEGORIES), CauseKind.DRUG);
        Plan conditions = new Plan(CONDITIONS_PARENT, CauseKind.CONDITION);
        List<Plan> extra = new ArrayList<>();
        if (r.nextBoolean()) {
            extra.add(new Plan(pick(r, ACTIVITY_CATEGORIES), CauseKind.ACTIVITY));
        }
        if (r.nextBoolean()) {
            extra.add(new Plan(pick(r, OTHER_CATEGORIES), CauseKind.UNSPECIFIED));
        }
        List<String> infectionNames = new ArrayList<>(INFECTION_CATEGORIES);
        shuffle(r, infectionNames);
        int infectionCategories = r.nextInt(3);
        for (int k = 0; k < infectionCategories; k++) {
            extra.add(new Plan(infectionNames.get(k), CauseKind.INFECTION));
        }
        roots.add(medicines);
        roots.add(conditions);
        roots.addAll(extra);
        shuffle(r, roots);

        // Sub-categories: under medical conditions always (one at least), under medicines with levels.
        int budget = Math.max(1, categories - roots.size());
        List<String> childNames = new ArrayList<>(CONDITION_CHILDREN);
        shuffle(r, childNames);
        int conditionChildren = 1 + r.nextInt(Math.min(budget, 5));
        for (int k = 0; k < conditionChildren; k++) {
            String name = childNames.get(k);
            conditions.children.add(new Plan(name, CauseKind.CONDITION));
        }
        if (levels && budget - conditionChildren > 0 && r.nextBoolean()) {
            medicines.children.add(new Plan(pick(r, DRUG_CHILDREN), CauseKind.DRUG));
        }
        if (!levels && !nestedLists && r.nextInt(100) < 40) {
            // "Infectious diseases" under medical conditions, as petechiae has it.
            conditions.children.add(r.nextInt(conditions.children.size() + 1),
                    new Plan("Infectious diseases", CauseKind.INFECTION));
        }

        // Where the causes go: every leaf gets some; parents in some layouts too.
        List<Plan> holders = new ArrayList<>();
        for (Plan p : roots) {
            boolean parentHolds = !p.children.isEmpty() && (levels || nestedLists) && r.nextBoolean();
            if (p.children.isEmpty() || parentHolds) {
                holders.add(p);
            }
            holders.addAll(p.children);
        }
        int[] counts = new int[holders.size()];
        Arrays.fill(counts, 1);
        for (int k = holders.size(); k < causes; k++) {
            counts[r.nextInt(counts.length)]++;
        }
        for (int k = 0; k < holders.size(); k++) {
            Plan h = holders.get(k);
            h.causes.addAll(draw(r, h.kind, counts[k]));
        }
        for (Plan h : holders) {
            h.style = h.causes.size() >= 2 && h.causes.size() <= 6 && r.nextInt(100) < 35 ? Style.PROSE
                    : r.nextBoolean() ? Style.NUMBERED : Style.BULLETED;
            h.leadIn = r.nextInt(100) < 30;
        }
        if (introList) {
            roots.forEach(p -> p.inIntro = true);
            if (!levels) {
                // The parent of the condition categories has no heading: the intro list names it.
                conditions.headed = false;
                // Often, like petechiae, the medicines have no heading either: a sentence names them.
                if (medicines.children.isEmpty() && r.nextInt(100) < 50) {
                    medicines.headed = false;
                    medicines.style = Style.PROSE;
                    while (medicines.causes.size() > 6) {
                        medicines.causes.remove(medicines.causes.size() - 1);
                    }
                }
            }
        }
        return roots;
    }

    // ------------------------------------------------------------------------------------------
    // Rendering
    // ------------------------------------------------------------------------------------------

    private void render(Renderer out, SplittableRandom r, Layout layout, String symptom, String mechanism,
            List<Plan> roots, boolean introList, Extras extras) {
        out.title(titleOf(symptom, r));
        if (introList) {
            out.paragraph(mechanism + " " + capitalise(symptom.toLowerCase(Locale.ROOT)) + " may be caused by:");
            out.list(roots.stream().map(p -> p.name).toList(), r.nextBoolean(), 0);
        } else {
            out.paragraph(mechanism);
        }
        if (extras.stray() != null) {
            // A list under "Causes", after the intro list: the heading names its category.
            out.heading("Causes", 2);
            // Its second item is a remark about the first: reported with its line and left out.
            int line = out.list(List.of(extras.stray().name(), "especially in older adults"), false, 0).get(0);
            Plan causes = new Plan("Causes", CauseKind.UNSPECIFIED);
            causes.read.add(new ExpectedCause(extras.stray().name(), CauseKind.UNSPECIFIED, List.of(), false, List.of(), line,
                    extras.stray().name()));
            roots.add(causes);
        }
        boolean nestedLists = layout == Layout.TEXT_NESTED_LISTS || layout == Layout.HTML_NESTED_LISTS;
        // Without heading levels (plain text, and HTML made like it), every category heading has one
        // rank, as on the petechiae page: nesting then comes from the names alone.
        boolean flat = layout == Layout.TEXT_INTRO_LIST || layout == Layout.HTML_INTRO_LIST;
        for (Plan p : roots) {
            renderCategory(out, r, symptom, p, flat ? 3 : 2, nestedLists, flat);
        }
        if (extras.disclaimer()) {
            out.paragraph("Causes shown here are commonly associated with this symptom. Work with your doctor or "
                    + "other health care professional for an accurate diagnosis.");
        }
        if (extras.related()) {
            out.related(List.of(capitalise(word(r, 3, false)) + " pain", capitalise(word(r, 3, false)) + " rash"));
        }
        if (extras.references()) {
            out.heading("References", 2);
            out.list(List.of(capitalise(word(r, 2, false)) + " J. A study of " + symptom.toLowerCase(Locale.ROOT)
                    + ". Journal of Made-up Medicine. 2019.", capitalise(word(r, 2, false))
                    + " A. More findings. Another Journal. 2021."), true, 0);
        }
        if (extras.newsletter()) {
            out.newsletter();
        }
        if (extras.dateLine() != null) {
            out.date(extras.dateLine());
        }
    }

    private void renderCategory(Renderer out, SplittableRandom r, String symptom, Plan p, int level,
            boolean nestedLists, boolean flat) {
        if (p.headed) {
            out.heading(p.name, level);
        }
        renderCauses(out, r, symptom, p);
        if (nestedLists && !p.children.isEmpty()) {
            // Each sub-category as a list item ending in a colon, with its causes as a nested list.
            out.nestedCategories(p.children, r);
            return;
        }
        for (Plan c : p.children) {
            renderCategory(out, r, symptom, c, flat ? level : level + 1, false, flat);
        }
    }

    private void renderCauses(Renderer out, SplittableRandom r, String symptom, Plan p) {
        if (p.causes.isEmpty()) {
            return;
        }
        if (p.style == Style.PROSE) {
            Set<Term> withOthers = new HashSet<>();
            String list = enumeration(p.causes.stream().map(t -> inline(t, p.kind, r, withOthers)).toList(), r);
            String s = capitalise(symptom.toLowerCase(Locale.ROOT));
            String sentence = p.kind == CauseKind.DRUG
                    ? s + " may result from taking some types of medicine, including " + list + "."
                    : switch (r.nextInt(3)) {
                        case 0 -> s + " is often linked to problems such as " + list + ".";
                        case 1 -> "Examples include " + list + ".";
                        default -> s + " can also follow things like " + list + ".";
                    };
            int line = out.paragraph(sentence);
            for (Term t : p.causes) {
                p.read.add(expected(t, p.kind, line, sentence, withOthers.contains(t)));
            }
            return;
        }
        if (p.leadIn) {
            out.paragraph(r.nextBoolean() ? "Examples include:" : "These include:");
        }
        List<String> items = new ArrayList<>();
        List<Boolean> others = new ArrayList<>();
        for (Term t : p.causes) {
            boolean o = !t.brands().isEmpty() && r.nextInt(100) < 30;
            others.add(o);
            items.add(item(t, p.kind, o, r));
        }
        List<Integer> lines = out.list(items, p.style == Style.NUMBERED, 0);
        for (int k = 0; k < p.causes.size(); k++) {
            p.read.add(expected(p.causes.get(k), p.kind, lines.get(k), items.get(k), others.get(k)));
        }
    }

    /** A cause as a sentence names it: drugs with brands in parentheses, "others" now and then (noted). */
    private static String inline(Term t, CauseKind kind, SplittableRandom r, Set<Term> withOthers) {
        String name = kind == CauseKind.DRUG || t.kind() == CauseKind.ACTIVITY ? t.name().toLowerCase(Locale.ROOT)
                : t.name();
        if (kind == CauseKind.DRUG && !t.brands().isEmpty()) {
            boolean others = r.nextInt(100) < 30;
            if (others) {
                withOthers.add(t);
            }
            return name + " (" + String.join(", ", t.brands()) + (others ? ", others" : "") + ")";
        }
        return t.abbreviation() != null ? name + " (" + t.abbreviation() + ")" : name;
    }

    /** A cause as a list item names it; brands now and then marked ® or ™. */
    private static String item(Term t, CauseKind kind, boolean others, SplittableRandom r) {
        if (kind == CauseKind.DRUG && !t.brands().isEmpty()) {
            List<String> marked = t.brands().stream().map(b -> b + (r.nextInt(100) < 15 ? "®" : r.nextInt(100) < 5
                    ? "™" : "")).toList();
            return t.name() + " (" + String.join(", ", marked) + (others ? ", others" : "") + ")";
        }
        return t.abbreviation() != null ? t.name() + " (" + t.abbreviation() + ")" : t.name();
    }

    private static ExpectedCause expected(Term t, CauseKind kind, int line, String evidence, boolean others) {
        List<String> brands = kind == CauseKind.DRUG ? t.brands() : List.of();
        List<String> abbreviations = t.abbreviation() == null || kind == CauseKind.DRUG ? List.of()
                : List.of(t.abbreviation());
        return new ExpectedCause(t.name(), kind, brands, others && !brands.isEmpty(), abbreviations, line, evidence);
    }

    /** "A, B and C", "A, B, or C", "A and B". */
    private static String enumeration(List<String> items, SplittableRandom r) {
        if (items.size() == 1) {
            return items.get(0);
        }
        String join = r.nextBoolean() ? " and " : " or ";
        String oxford = items.size() > 2 && r.nextBoolean() ? "," : "";
        return String.join(", ", items.subList(0, items.size() - 1)) + oxford + join + items.get(items.size() - 1);
    }

    private static String titleOf(String symptom, SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> symptom + ": possible causes";
            case 1 -> "Causes of " + symptom.toLowerCase(Locale.ROOT);
            case 2 -> symptom + " — causes";
            default -> "What causes " + symptom.toLowerCase(Locale.ROOT) + "?";
        };
    }

    private static String formatDate(LocalDate d, SplittableRandom r) {
        String[] patterns = {"MMMM d, uuuu", "d MMMM uuuu", "uuuu-MM-dd", "'Last reviewed:' MMMM d, uuuu",
            "'Updated:' d MMM uuuu", "'Page last reviewed:' d MMMM uuuu", "'Published' MMM d, uuuu"};
        return DateTimeFormatter.ofPattern(patterns[r.nextInt(patterns.length)], Locale.ENGLISH).format(d);
    }

    /** A unique name for page {@code i}: its number spelled in syllables, and a noun. */
    private static String symptomName(int i, SplittableRandom r) {
        StringBuilder w = new StringBuilder();
        int n = i;
        int k = SYMPTOM_SYLLABLES.length;
        for (int s = 0; s < 3 || n > 0; s++) {
            w.append(SYMPTOM_SYLLABLES[n % k]);
            n /= k;
        }
        return capitalise(w.toString()) + " " + SYMPTOM_NOUNS[r.nextInt(SYMPTOM_NOUNS.length)];
    }

    /** Where a page is written. */
    private interface Renderer {
        void title(String text);

        /** Writes a paragraph; returns its first line. */
        int paragraph(String text);

        void heading(String text, int level);

        /** Writes a list; returns the line of each item. */
        List<Integer> list(List<String> items, boolean numbered, int depth);

        void nestedCategories(List<Plan> categories, SplittableRandom r);

        void related(List<String> symptoms);

        void newsletter();

        void date(String line);

        String content();
    }

    /** Plain text, with plain or Markdown headings. */
    private final class Text implements Renderer {
        private final boolean markdown;
        private final List<String> lines = new ArrayList<>();

        Text(boolean markdown) {
            this.markdown = markdown;
        }

        private int add(String line) {
            lines.add(line);
            return lines.size();
        }

        private void blank() {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
                lines.add("");
            }
        }

        @Override
        public void title(String text) {
            add(markdown ? "# " + text : text);
            blank();
        }

        @Override
        public int paragraph(String text) {
            blank();
            int line = add(text);
            blank();
            return line;
        }

        @Override
        public void heading(String text, int level) {
            blank();
            add(markdown ? "#".repeat(level) + " " + text : text);
            blank();
        }

        @Override
        public List<Integer> list(List<String> items, boolean numbered, int depth) {
            blank();
            List<Integer> at = new ArrayList<>();
            for (int k = 0; k < items.size(); k++) {
                String marker = numbered ? (k + 1) + "." : "-";
                at.add(add("  ".repeat(depth * 2) + marker + " " + items.get(k)));
            }
            blank();
            return at;
        }

        @Override
        public void nestedCategories(List<Plan> categories, SplittableRandom r) {
            blank();
            for (Plan c : categories) {
                add("- " + c.name + ":");
                for (Term t : c.causes) {
                    boolean others = !t.brands().isEmpty() && r.nextInt(100) < 30;
                    String item = item(t, c.kind, others, r);
                    int line = add("    - " + item);
                    c.read.add(expected(t, c.kind, line, item, others));
                }
            }
            blank();
        }

        @Override
        public void related(List<String> symptoms) {
            heading("Related symptoms", 2);
            list(symptoms, false, 0);
        }

        @Override
        public void newsletter() {
            paragraph("Sign up for our free newsletter to get health tips in your inbox.");
        }

        @Override
        public void date(String line) {
            paragraph(line);
        }

        @Override
        public String content() {
            return String.join("\n", lines) + "\n";
        }
    }

    /** HTML with page furniture around the content. */
    private final class Html implements Renderer {
        private final List<String> lines = new ArrayList<>();
        private final String symptom;
        private boolean inMain;

        Html(String symptom) {
            this.symptom = symptom;
            add("<!DOCTYPE html>");
            add("<html lang=\"en\">");
            add("<head>");
            add("<meta charset=\"utf-8\">");
            add("<title>" + escape(symptom) + " causes | Made-up Health</title>");
            add("<script>window.dataLayer = [];</script>");
            add("</head>");
            add("<body>");
            add("<div class=\"cookie-banner\"><p>We use cookies. By using this site you accept our cookie policy."
                    + "</p><button>OK</button></div>");
            add("<header class=\"site-header\"><a href=\"/\">Made-up Health</a>");
            add("<nav><ul><li><a href=\"/symptoms\">Symptoms</a></li><li><a href=\"/drugs\">Drugs</a></li>"
                    + "<li><a href=\"/conditions\">Conditions</a></li></ul></nav>");
            add("</header>");
            add("<main>");
            inMain = true;
        }

        private int add(String line) {
            lines.add(line);
            return lines.size();
        }

        @Override
        public void title(String text) {
            add("<h1>" + escape(text) + "</h1>");
            add("<div class=\"ad-slot\"><p>Advertisement</p></div>");
        }

        @Override
        public int paragraph(String text) {
            return add("<p>" + escape(text) + "</p>");
        }

        @Override
        public void heading(String text, int level) {
            add("<h" + level + ">" + escape(text) + "</h" + level + ">");
        }

        @Override
        public List<Integer> list(List<String> items, boolean numbered, int depth) {
            String tag = numbered ? "ol" : "ul";
            add("<" + tag + ">");
            List<Integer> at = new ArrayList<>();
            for (String item : items) {
                at.add(add("<li>" + escape(item) + "</li>"));
            }
            add("</" + tag + ">");
            return at;
        }

        @Override
        public void nestedCategories(List<Plan> categories, SplittableRandom r) {
            add("<ul>");
            for (Plan c : categories) {
                add("<li>" + escape(c.name) + ":");
                add("<ul>");
                for (Term t : c.causes) {
                    boolean others = !t.brands().isEmpty() && r.nextInt(100) < 30;
                    String item = item(t, c.kind, others, r);
                    int line = add("<li>" + escape(item) + "</li>");
                    c.read.add(expected(t, c.kind, line, item, others));
                }
                add("</ul>");
                add("</li>");
            }
            add("</ul>");
        }

        @Override
        public void related(List<String> symptoms) {
            add("<aside class=\"related-links\"><h2>Related symptoms</h2><ul>");
            symptoms.forEach(s -> add("<li><a href=\"#\">" + escape(s) + "</a></li>"));
            add("</ul></aside>");
        }

        @Override
        public void newsletter() {
            add("<div class=\"newsletter\"><h2>Stay informed</h2><p>Get health tips from us.</p>"
                    + "<form><input type=\"email\"><button>Subscribe</button></form></div>");
        }

        @Override
        public void date(String line) {
            add("<p class=\"updated\">" + escape(line) + "</p>");
        }

        private void closeMain() {
            if (inMain) {
                add("</main>");
                inMain = false;
            }
        }

        @Override
        public String content() {
            closeMain();
            add("<footer><ul><li><a href=\"/privacy\">Privacy policy</a></li><li><a href=\"/terms\">Terms of use"
                    + "</a></li></ul><p>&copy; 2024 Made-up Health</p></footer>");
            add("<script src=\"/analytics.js\"></script>");
            add("</body>");
            add("</html>");
            return String.join("\n", lines) + "\n";
        }
    }

    /**
     * jsoup's escaping for an ASCII page: markup characters and every character beyond ASCII as an
     * entity (&amp;reg;, &amp;eacute;, &amp;#x2019;), so that the importer's reading of entities is exercised.
     */
    private static final Document.OutputSettings ASCII = new Document.OutputSettings()
            .charset(StandardCharsets.US_ASCII).escapeMode(Entities.EscapeMode.base);

    private static String escape(String s) {
        return Entities.escape(s, ASCII);
    }

    // ------------------------------------------------------------------------------------------
    // Small helpers
    // ------------------------------------------------------------------------------------------

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static <T> void shuffle(SplittableRandom r, List<T> list) {
        for (int k = list.size() - 1; k > 0; k--) {
            int j = r.nextInt(k + 1);
            T t = list.get(k);
            list.set(k, list.get(j));
            list.set(j, t);
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** A page's random stream: a function of the seed and the page number only (SplitMix64 finaliser). */
    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + (i + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
