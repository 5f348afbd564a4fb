package org.symptomgraph.importer.reading;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.symptomgraph.importer.page.Block;
import org.symptomgraph.model.AgentClass;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Frequency;

/**
 * Finds the page's groups of causes and where each one's causes come from:
 *
 * <ul>
 *   <li>an intro list of the kinds of cause that later headings take up ("The bleeding may be caused
 *       by: 1. Prolonged straining 2. Medicines 3. Medical conditions"): a category each, nested
 *       under one another as the headings' names say;
 *   <li>a heading: a category of that name, for the lists and sentences under it; its frequency as
 *       the heading or its list's lead-in states it ("Less common causes"), or a sentence of the
 *       section ("These inherited conditions are rare.");
 *   <li>a list with a lead-in sentence and no heading of its own ("Rare causes of X include:"): a
 *       category named from the lead-in, with its frequency; a list whose lead-in says it lists other
 *       things (symptoms, roles, treatments) is no category and is reported;
 *   <li>a list set apart by two blank lines where a heading was lost: a category without a name;
 *   <li>a sentence that states causes of the symptom in general with a frequency ("The most common
 *       causes of X are A and B."): a category of its own, unless it is part of a list's lead-in
 *       (then it gives the list its frequency) or remarks on an item of its section's list.
 * </ul>
 *
 * Intro prose that is none of these is the symptom's mechanism. A page with no lists and no headings
 * names its causes in sentences; they are read without categories.
 */
final class StructurePass implements ReadingPass {

    /** The name of a list set apart where a heading was lost, until its causes say more. */
    static final String UNNAMED = "Causes listed without a heading";
    private static final java.util.regex.Pattern CAUSE_WORD = java.util.regex.Pattern.compile("\\bcaus",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A run of the page: a heading, a paragraph, or one list (its items, nested ones included). */
    private record Unit(Block heading, Block paragraph, List<Block> items) {
        boolean isList() {
            return items != null;
        }

        int line() {
            return heading != null ? heading.line() : paragraph != null ? paragraph.line() : items.get(0).line();
        }
    }

    @Override
    public void apply(Reading r) {
        new Walk(r, units(r.content)).run();
    }

    private static List<Unit> units(List<Block> blocks) {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            switch (b.type()) {
                case HEADING -> units.add(new Unit(b, null, null));
                case PROSE -> units.add(new Unit(null, b, null));
                case ITEM -> {
                    List<Block> items = new ArrayList<>();
                    int list = b.list();
                    while (i < blocks.size() && blocks.get(i).is(Block.Type.ITEM) && blocks.get(i).list() == list) {
                        items.add(blocks.get(i++));
                    }
                    i--;
                    units.add(new Unit(null, null, items));
                }
                default -> throw new IllegalStateException(b.type().toString());
            }
        }
        return units;
    }

    /** One walk over a page's units. */
    private static final class Walk {
        private final Reading r;
        private final List<Unit> units;
        private final Symptom symptom;
        private final List<Draft> intro = new ArrayList<>();
        private Unit introList;
        private final boolean allProse;
        private Draft section;
        /** A lead-in ending in a colon that headings follow: the categories they open are its parts. */
        private Draft leadParent;
        /** The last heading in capitals: headings in other case after it are its parts. */
        private Draft capsParent;
        /** A heading whose sub-headings the page does not mark, while they follow. */
        private Draft subHeadings;
        /** A "Causes" heading that names no group, until a list under it takes its name. */
        private Block causesHeading;
        private boolean inIntro = true;

        Walk(Reading r, List<Unit> units) {
            this.r = r;
            this.units = units;
            this.symptom = r.symptom;
            this.allProse = units.stream().noneMatch(u -> u.isList() || u.heading() != null);
        }

        void run() {
            findIntroCategories();
            for (int i = 0; i < units.size(); i++) {
                Unit u = units.get(i);
                if (u.heading() != null) {
                    heading(u.heading());
                } else if (u.paragraph() != null) {
                    boolean leadsList = i + 1 < units.size() && units.get(i + 1).isList();
                    boolean leadsHeading = i + 1 < units.size() && units.get(i + 1).heading() != null;
                    paragraph(u.paragraph(), leadsList ? units.get(i + 1) : null);
                    if (leadsHeading) {
                        leadsHeadings(u.paragraph());
                    }
                } else if (u == introList) {
                    inIntro = false;
                } else {
                    Block lead = i > 0 && units.get(i - 1).paragraph() != null ? units.get(i - 1).paragraph() : null;
                    list(u, lead, i);
                }
            }
        }

        // ---- intro list of kinds of cause

        /**
         * The intro's list names kinds of cause when it comes before any heading, its items are
         * short names, and a later heading takes up one of them (the same name or a narrower one)
         * or the prose talks about one.
         */
        private void findIntroCategories() {
            Unit first = null;
            for (Unit u : units) {
                if (u.heading() != null) {
                    return;
                }
                if (u.isList()) {
                    first = u;
                    break;
                }
            }
            if (first == null) {
                return;
            }
            int at = units.indexOf(first);
            List<Block> items = first.items();
            boolean shortNames = items.stream().allMatch(b -> Text.words(b.text()) <= 5 && !b.text().contains("("));
            boolean takenUp = false;
            for (Block item : items) {
                for (Unit later : units.subList(at + 1, units.size())) {
                    if (later.heading() != null && (CategoryNames.sameCategory(later.heading().text(), item.text())
                            || CategoryNames.narrowerThan(later.heading().text(), item.text()))) {
                        takenUp = true;
                    }
                }
            }
            if (!shortNames || !takenUp) {
                return;
            }
            introList = first;
            Deque<Draft> open = new ArrayDeque<>();
            for (Block item : items) {
                while (!open.isEmpty() && open.peek().listLevel >= item.level()) {
                    open.pop();
                }
                Draft parent = open.peek();
                Draft d = new Draft(Text.capitalise(stripColon(Text.stripEnd(item.text()))), parent, item.line());
                d.origin = Category.Origin.INTRO_LIST;
                d.listLevel = item.level();
                (parent == null ? r.roots : parent.children).add(d);
                intro.add(d);
                open.push(d);
            }
        }

        // ---- headings

        /**
         * A heading the page lost its levels for: nested under the heading right before it when that
         * one has nothing of its own yet ("Pressure on nerves" then "Nerve roots in the spine"), and so
         * are the headings after it that share a word with it or its parent ("Nerves in the arms and
         * legs"), until one does not ("Other medical conditions").
         */
        private Draft guessedParent(Block h) {
            if (h.level() > 0) {
                return null;
            }
            if (leadParent != null) {
                return leadParent; // "Other possible causes include:" then a heading for each kind
            }
            if (capsParent != null && !isAllCaps(h.text())) {
                return capsParent; // "PROBLEMS IN THE LIVER" then "Inherited Conditions"
            }
            if (section != null && section.origin == Category.Origin.HEADING && !section.hasList
                    && section.headingLevel == 0 && section.sources.isEmpty() && section.children.isEmpty()) {
                subHeadings = section;
                return section;
            }
            if (subHeadings != null) {
                Set<String> words = new java.util.HashSet<>(CategoryNames.key(h.text()));
                words.removeAll(CategoryNames.GENERAL);
                Set<String> around = new java.util.HashSet<>(CategoryNames.key(subHeadings.name));
                subHeadings.children.forEach(c -> around.addAll(CategoryNames.key(c.name)));
                words.retainAll(around);
                if (!words.isEmpty()) {
                    return subHeadings;
                }
            }
            subHeadings = null;
            return null;
        }

        private void heading(Block h) {
            inIntro = false;
            causesHeading = null;
            if (TitlePass.isCausesHeading(h.text(), symptom)) {
                section = null;
                causesHeading = h;
                leadParent = null;
                capsParent = null;
                return;
            }
            String name = Text.capitalise(stripColon(h.text()));
            Draft same = existing(name);
            if (same != null) {
                same.origin = Category.Origin.HEADING;
                same.line = h.line();
                same.headingLevel = h.level();
                section = same;
                return;
            }
            Draft parent = guessedParent(h);
            if (h.level() > 0) {
                // Levels the page marks (Markdown, HTML): the nearest open heading of a higher rank is the parent.
                for (Draft c = section; c != null; c = c.parent) {
                    if (c.headingLevel > 0 && c.headingLevel < h.level()) {
                        parent = c;
                        break;
                    }
                }
            }
            if (parent == null) {
                for (Draft c : intro) {
                    if (CategoryNames.narrowerThan(name, c.name) && (parent == null || c.origin == Category.Origin.INTRO_LIST)) {
                        parent = c;
                    }
                }
            }
            Draft d = new Draft(name, parent, h.line());
            d.headingLevel = h.level();
            if (isAllCaps(h.text()) && h.level() == 0) {
                capsParent = d;
                subHeadings = null;
            }
            d.frequency = Statements.headingFrequency(h.text(), symptom).orElse(null);
            if (parent != null) {
                parent.children.add(d);
            } else {
                if (!intro.isEmpty()) {
                    r.warn(h.line(), "heading \"" + name + "\" is not among the intro's kinds of cause; kept as a category of its own");
                }
                r.roots.add(d);
            }
            section = d;
        }

        private Draft existing(String name) {
            for (Draft d : r.allDrafts()) {
                if (CategoryNames.sameCategory(name, d.name)) {
                    return d;
                }
            }
            return null;
        }

        // ---- prose

        private void paragraph(Block p, Unit nextList) {
            // A kind of cause from the intro list that has no heading: prose that talks about it opens it.
            for (Draft u : intro) {
                if (u.origin == Category.Origin.INTRO_LIST && u != section && !u.isAncestorOf(section)
                        && CategoryNames.mentions(p.text(), u.name)) {
                    section = u;
                    break;
                }
            }
            List<Text.Sentence> sentences = Text.sentences(p.text());
            // The lead-in of a list is the list's, unless it names causes itself ("… things like A, B and C.").
            boolean leadInNamesCauses = nextList != null && !sentences.isEmpty()
                    && !sentences.get(sentences.size() - 1).text().endsWith(":");
            int readUpTo = nextList != null && !leadInNamesCauses ? sentences.size() - 1 : sentences.size();
            boolean sectionHasLists = section != null && sectionHasLists(p);
            boolean symptomBefore = false;
            for (int k = 0; k < readUpTo; k++) {
                Text.Sentence s = sentences.get(k);
                int line = p.lineAt(s.start());
                Optional<Statements.Statement> st = Statements.generalStatement(s.text(), symptom, symptomBefore)
                        .filter(x -> x.frequency().isPresent());
                symptomBefore = symptom.in(s.text());
                if (section != null) {
                    facts(s.text());
                    if (!sectionHasLists) {
                        sectionSentence(s.text(), line);
                    } else if (st.isPresent()) {
                        if (!remarksOnItem(st.get(), itemsOfSection(p))) {
                            // "Rarely, X is caused by …" after a section's list: about the symptom in general.
                            proseCategory(s.text(), line, st.get());
                        }
                    } else {
                        namedBeside(s.text(), line);
                    }
                    continue;
                }
                if (allProse && st.isEmpty()) {
                    proseOnly(s.text(), line);
                    continue;
                }
                if (st.isPresent()) {
                    proseCategory(s.text(), line, st.get());
                } else if (inIntro && !s.text().endsWith(":") && !frequencyRemark(s.text())) {
                    r.mechanism.add(s.text());
                }
            }
            if (nextList != null && section != null && !sentences.isEmpty()) {
                facts(sentences.get(sentences.size() - 1).text());
            }
        }

        /** "Other possible causes include:" right before a heading: a category whose parts the headings after it are. */
        private void leadsHeadings(Block p) {
            List<Text.Sentence> sentences = Text.sentences(p.text());
            String lead = sentences.get(sentences.size() - 1).text();
            String before = sentences.size() > 1 ? sentences.get(sentences.size() - 2).text() : null;
            if (!lead.endsWith(":") || Statements.leadIn(lead, before) != Statements.LeadIn.CAUSES) {
                return;
            }
            Optional<Frequency> f = Statements.frequency(lead, symptom);
            leadParent = leadInDraft(null, lead, f, p.lineAt(sentences.get(sentences.size() - 1).start()));
            section = null;
        }

        /** The list items of the section a paragraph is in. */
        private List<Block> itemsOfSection(Block p) {
            int at = indexOf(p);
            int from = at;
            while (from > 0 && units.get(from - 1).heading() == null) {
                from--;
            }
            List<Block> items = new ArrayList<>();
            for (int i = from; i < units.size() && (i <= at || units.get(i).heading() == null); i++) {
                if (units.get(i).isList()) {
                    items.addAll(units.get(i).items());
                }
            }
            return items;
        }

        private int indexOf(Block p) {
            for (int i = 0; i < units.size(); i++) {
                if (units.get(i).paragraph() == p) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether the section the paragraph is in has a list before the next heading. */
        private boolean sectionHasLists(Block p) {
            int at = indexOf(p);
            for (int i = at + 1; i < units.size() && units.get(i).heading() == null; i++) {
                if (units.get(i).isList()) {
                    return true;
                }
            }
            return section.hasList;
        }

        /** Body sites and infectious agents a sentence ties to the current category. */
        private void facts(String sentence) {
            Set<AgentClass> agents = CategoryFacts.agentClasses(sentence);
            section.agents.addAll(agents);
            for (String site : CategoryFacts.bodySites(sentence)) {
                section.sites.add(Text.capitalise(site));
            }
        }

        /** A sentence under a heading with no list: the causes it names, and what it says about how common. */
        private void sectionSentence(String sentence, int line) {
            boolean agents = !CategoryFacts.agentClasses(sentence).isEmpty();
            List<String> items = sentence.endsWith(":") ? List.of() : Statements.enumerated(sentence, agents);
            if (!items.isEmpty() && Statements.listsOtherThings(sentence)) {
                r.warn(line, "the sentence lists " + String.join(", ", items) + " but not as causes; left out");
                return;
            }
            List<Statements.Piece> pieces = new ArrayList<>();
            items.forEach(i -> pieces.add(new Statements.Piece(i, null)));
            if (pieces.isEmpty()) {
                Statements.openingPlaces(sentence, Statements.frequency(sentence, symptom))
                        .ifPresent(st -> pieces.addAll(st.pieces()));
            }
            if (!pieces.isEmpty()) {
                section.sources.add(new Draft.SentenceSource(sentence, line, pieces));
                if (section.leadIn == null) {
                    section.leadIn = sentence;
                }
            }
            if (!pieces.isEmpty() || !section.sources.isEmpty() || frequencyRemark(sentence)) {
                Optional<Frequency> f = Statements.frequency(sentence, symptom);
                // "It may also result from …" goes on about the section's own causes: no "other" group.
                boolean goesOn = f.equals(Optional.of(Frequency.OTHER)) && section.sources.size() > (pieces.isEmpty() ? 0 : 1);
                if (!goesOn) {
                    section.frequencyIfNone(f);
                }
            }
        }

        /**
         * A sentence of a section that has a list, naming causes of its own ("X can also follow things
         * like A, B and C."): they are the section's too.
         */
        private void namedBeside(String sentence, int line) {
            if (sentence.endsWith(":")) {
                return;
            }
            // "… caused by infection with a fungus, virus or bacteria" names kinds of agent, not causes.
            List<String> names = Statements.enumerated(sentence, !CategoryFacts.agentClasses(sentence).isEmpty());
            if (names.isEmpty() || Statements.listsOtherThings(sentence)) {
                return;
            }
            section.sources.add(new Draft.SentenceSource(sentence, line,
                    names.stream().map(n -> new Statements.Piece(n, null)).toList()));
        }

        /** A page of prose only: its cause sentences name causes without categories. */
        private void proseOnly(String sentence, int line) {
            List<String> items = sentence.endsWith(":") ? List.of()
                    : Statements.enumerated(sentence, !CategoryFacts.agentClasses(sentence).isEmpty());
            if (!items.isEmpty() && Statements.listsOtherThings(sentence)) {
                r.warn(line, "the sentence lists " + String.join(", ", items) + " but not as causes; left out");
                items = List.of();
            }
            if (items.isEmpty()) {
                if (!sentence.endsWith(":")) {
                    r.mechanism.add(sentence);
                }
                return;
            }
            List<Statements.Piece> pieces = items.stream().map(i -> new Statements.Piece(i, null)).toList();
            r.uncategorised.sources.add(new Draft.SentenceSource(sentence, line, pieces));
        }

        /** "The most common causes of X are A and B.": a category of its own. */
        private void proseCategory(String sentence, int line, Statements.Statement st) {
            Frequency f = st.frequency().orElseThrow();
            Draft d = new Draft(Text.capitalise(LeadIns.prefix(f) + " causes"), null, line);
            d.origin = Category.Origin.PROSE;
            d.frequency = f;
            d.leadIn = sentence;
            d.sources.add(new Draft.SentenceSource(sentence, line, st.pieces()));
            r.roots.add(d);
        }

        /** A sentence about the symptom's causes that states a frequency, without naming them ("The most common cause … is linked to the kidneys."). */
        private boolean frequencyRemark(String sentence) {
            return Statements.frequency(sentence, symptom).isPresent() && CAUSE_WORD.matcher(sentence).find()
                    && symptom.in(sentence) && !Lexicon.SUBGROUPS.in(sentence) && !Lexicon.NO_CAUSE.in(sentence);
        }

        // ---- lists

        private void list(Unit u, Block leadParagraph, int at) {
            inIntro = false;
            String leadIn = null;
            String before = null;
            Optional<Frequency> leadFrequency = Optional.empty();
            if (leadParagraph != null) {
                List<Text.Sentence> sentences = Text.sentences(leadParagraph.text());
                leadIn = sentences.get(sentences.size() - 1).text();
                before = sentences.size() > 1 ? sentences.get(sentences.size() - 2).text() : null;
                leadFrequency = Statements.frequency(leadIn, symptom);
                if (leadFrequency.isEmpty()) {
                    // "The most common cause of X is linked to the kidneys. Causes might include:"
                    for (int k = sentences.size() - 2; k >= 0 && leadFrequency.isEmpty(); k--) {
                        String s = sentences.get(k).text();
                        if (frequencyRemark(s) && Statements.generalStatement(s, symptom).isEmpty()) {
                            leadFrequency = Statements.frequency(s, symptom);
                        }
                    }
                }
                if (leadFrequency.isEmpty() && sentences.size() > 1) {
                    leadFrequency = Statements.openingFrequency(sentences.get(0).text());
                }
            }
            Statements.LeadIn kind = leadIn == null ? null : Statements.leadIn(leadIn, before);
            if (kind == Statements.LeadIn.OTHER_THINGS) {
                r.warn(u.line(), "the list after \"" + leadIn + "\" names other things than causes; left out");
                return;
            }
            Block first = u.items().get(0);
            Draft target;
            if (section != null && !section.hasList && kind == Statements.LeadIn.CAUSES && leadInListsInSection(at) > 1) {
                // "Chronic cough": "Common causes of chronic cough include: …", "Less common causes … include: …"
                target = leadInDraft(section, leadIn, leadFrequency,
                        leadParagraph.lineAt(leadParagraph.text().lastIndexOf(leadIn)));
            } else if (section != null && !section.hasList) {
                target = section;
                if (leadIn != null && section.leadIn == null) {
                    section.leadIn = leadIn;
                }
                section.frequencyIfNone(leadFrequency);
            } else if (section != null && kind == Statements.LeadIn.CAUSES) {
                target = leadInDraft(section, leadIn, leadFrequency,
                        leadParagraph.lineAt(leadParagraph.text().lastIndexOf(leadIn)));
            } else if (section != null && !(leadIn == null && first.gap() >= 2)) {
                target = section;
            } else if (leadIn != null) {
                int leadLine = leadParagraph.lineAt(leadParagraph.text().lastIndexOf(leadIn));
                target = leadInDraft(null, leadIn, leadFrequency, leadLine);
            } else if (causesHeading != null) {
                // A list right under a "Causes" heading: the heading names it.
                target = new Draft(Text.capitalise(stripColon(causesHeading.text())), null, causesHeading.line());
                r.roots.add(target);
                causesHeading = null;
            } else {
                target = new Draft(unnamed(), null, first.line());
                target.origin = Category.Origin.UNNAMED;
                r.roots.add(target);
            }
            target.hasList = true;
            if (target.origin == Category.Origin.UNNAMED && section != null) {
                section = target; // it stands where a heading was lost: what follows is under it
            }
            items(u.items(), target);
        }

        /** How many lists of the section around unit {@code at} have a lead-in that speaks of causes. */
        private int leadInListsInSection(int at) {
            int from = at;
            while (from > 0 && units.get(from - 1).heading() == null) {
                from--;
            }
            int n = 0;
            for (int i = from; i < units.size() && (i <= at || units.get(i).heading() == null); i++) {
                if (units.get(i).isList() && i > 0 && units.get(i - 1).paragraph() != null) {
                    List<Text.Sentence> s = Text.sentences(units.get(i - 1).paragraph().text());
                    String lead = s.get(s.size() - 1).text();
                    String before = s.size() > 1 ? s.get(s.size() - 2).text() : null;
                    if (lead.endsWith(":") && Statements.leadIn(lead, before) == Statements.LeadIn.CAUSES) {
                        n++;
                    }
                }
            }
            return n;
        }

        /**
         * Whether a statement names an item of the lists around it ("Cancer chemotherapy is a common
         * cause" above "Chemotherapy"): then it remarks on the item, it is no group of its own.
         */
        private static boolean remarksOnItem(Statements.Statement st, List<Block> items) {
            for (Statements.Piece piece : st.pieces()) {
                String p = " " + normalName(piece.text()) + " ";
                for (Block item : items) {
                    String name = normalName(item.text());
                    if (!name.isEmpty() && p.contains(" " + name + " ")) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A name as the remark check compares it: lower case, without parentheses, detail or final dot. */
        private static String normalName(String text) {
            String bare = Text.withoutParentheses(text);
            int cut = Text.firstOutside(Lexicon.DETAIL_OPENER, bare);
            return Text.stripEnd(cut > 0 ? bare.substring(0, cut) : bare).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        }

        private Draft leadInDraft(Draft parent, String leadIn, Optional<Frequency> frequency, int line) {
            Draft d = new Draft(LeadIns.label(leadIn, symptom, frequency), parent, line);
            d.origin = Category.Origin.LEAD_IN;
            d.frequency = frequency.orElse(null);
            d.leadIn = leadIn;
            (parent == null ? r.roots : parent.children).add(d);
            return d;
        }

        private String unnamed() {
            return UNNAMED;
        }

        /**
         * The items of one list, into a category. An item with names under it opens a category of its
         * own ("Blood disorders:"); under a cause ("Loud noise. Common sources include:", "Alcohol
         * use"), the items are what the page says about it: its detail.
         */
        private void items(List<Block> items, Draft target) {
            Deque<Draft> nested = new ArrayDeque<>();
            Deque<Integer> levels = new ArrayDeque<>();
            for (int i = 0; i < items.size(); i++) {
                Block b = items.get(i);
                while (!levels.isEmpty() && levels.peek() >= b.level()) {
                    levels.pop();
                    nested.pop();
                }
                Draft into = nested.isEmpty() ? target : nested.peek();
                boolean opensList = i + 1 < items.size() && items.get(i + 1).level() > b.level();
                if (opensList && looksLikeCategory(b.text()) && namesUnder(items, i)) {
                    String name = Text.capitalise(stripColon(Text.stripEnd(b.text())));
                    Draft sub = existing(name);
                    if (sub == null) {
                        sub = new Draft(name, into, b.line());
                        into.children.add(sub);
                    } else {
                        sub.origin = Category.Origin.HEADING;
                        sub.line = b.line();
                    }
                    sub.hasList = true;
                    nested.push(sub);
                    levels.push(b.level());
                    continue;
                }
                if (opensList) {
                    List<String> under = new ArrayList<>();
                    int k = i + 1;
                    for (; k < items.size() && items.get(k).level() > b.level(); k++) {
                        under.add(Text.stripEnd(items.get(k).text()));
                    }
                    String text = Text.stripEnd(b.text());
                    b = b.withText(text + (b.text().strip().endsWith(":") ? ": " : " — ") + String.join("; ", under));
                    i = k - 1;
                }
                into.sources.add(new Draft.ItemSource(b));
            }
        }

        /** Whether the items under item {@code at} include a name (not only remarks about it). */
        private static boolean namesUnder(List<Block> items, int at) {
            int level = items.get(at).level();
            for (int k = at + 1; k < items.size() && items.get(k).level() > level; k++) {
                String text = items.get(k).text();
                if (!Lexicon.REMARK_OPENERS.startsIn(text) && Text.words(Text.withoutParentheses(text)) <= 8) {
                    return true;
                }
            }
            return false;
        }

        /** An item with a list under it is a category when its name reads as one ("Blood disorders:"). */
        private static boolean looksLikeCategory(String text) {
            String t = text.strip();
            List<Text.Sentence> sentences = Text.sentences(t);
            if (sentences.size() > 1 && EXAMPLES_LEAD.matcher(sentences.get(sentences.size() - 1).text()).find()) {
                return false; // "Loud noise. Common sources include:": a cause, and examples of it
            }
            if (t.endsWith(":")) {
                return true;
            }
            String lastWord = t.replaceAll("^.*\\s", "").toLowerCase(Locale.ROOT);
            return CategoryNames.kind(t) != org.symptomgraph.model.CauseKind.UNSPECIFIED && lastWord.endsWith("s")
                    && !lastWord.endsWith("ss") && !lastWord.endsWith("is");
        }
    }

    /** The last sentence of an item that leads in to examples of it ("Examples are:", "Common sources include:"). */
    private static final java.util.regex.Pattern EXAMPLES_LEAD = java.util.regex.Pattern.compile(
            "^(?:[\\p{L}-]+\\s+){0,3}(?:examples?|sources?|types?|kinds?|forms?)\\b[^:]*:$|\\b(?:such as|for example|for instance|like|e\\.g\\.):$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** "PROBLEMS IN THE LIVER": a heading in capitals (at least two words, no lower-case letter). */
    private static boolean isAllCaps(String text) {
        return Text.words(text) >= 2 && text.chars().anyMatch(Character::isLetter)
                && text.chars().noneMatch(Character::isLowerCase);
    }

    private static String stripColon(String s) {
        return s.endsWith(":") ? s.substring(0, s.length() - 1).strip() : s;
    }
}
