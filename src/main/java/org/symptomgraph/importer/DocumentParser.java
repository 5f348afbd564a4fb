package org.symptomgraph.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.symptomgraph.model.AgentClass;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.model.SymptomDocument;

/**
 * Reads a symptom-causes page: an intro (how the symptom arises, often ending in a list of the
 * kinds of cause), then sections under headings whose lists or sentences name the causes, then a
 * disclaimer, a date and page furniture.
 *
 * <p>Plain text and HTML pages are read alike: an HTML page is first rendered into the same
 * blocks ({@link HtmlReader}), so both forms of one page give the same document.
 *
 * <p>What it cannot place with confidence it reports as a {@link Diagnostic} and leaves out.
 */
public final class DocumentParser {

    /** The document read, and what the parser noticed but left out. */
    public record Result(SymptomDocument document, List<Diagnostic> warnings) {
    }

    private static final Pattern TITLE_CAUSES = Pattern.compile(
            "^(?:what causes |causes of )?(.+?)(?:\\s*[:|–—-]\\s*|\\s+)?(?:(?:possible |common )?causes?)?\\??$",
            Pattern.CASE_INSENSITIVE);
    /** A title that is a question, which the block reader takes for prose: "What causes nosebleeds?". */
    private static final Pattern QUESTION_TITLE = Pattern.compile(
            "^(?:what causes|what can cause|causes of) [^.!?:]{1,60}\\?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_FILE = Pattern.compile("(?i).*\\.(html?|xhtml)$");
    private static final Pattern TEXT_FILE = Pattern.compile("(?i).*\\.(txt|text|md)$");

    /** Larger than any real page of this kind; a bigger file is refused before it is read. */
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

    private final long maxBytes;

    public DocumentParser() {
        this(DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes the largest document read; larger ones are refused with a clear error */
    public DocumentParser(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Reads one document given as bytes; {@code file} names it in messages and provenance. An
     * {@code .html} or {@code .htm} file is read as HTML, a {@code .txt} file as text; a file with
     * another ending is read as HTML when it starts like a page ({@code <!DOCTYPE html>, <html>}).
     */
    public Result parse(String file, byte[] bytes) throws DocumentException {
        if (bytes.length > maxBytes) {
            throw new DocumentException(file, 0, String.format("too large: %,d bytes (the limit is %,d; see --max-size)",
                    bytes.length, maxBytes));
        }
        List<Block> blocks = isHtml(file, bytes)
                ? HtmlReader.read(SourceText.html(file, bytes))
                : BlockReader.read(SourceText.lines(file, bytes));
        return new Reading(file, bytes, blocks).read();
    }

    /** Whether a file is read as an HTML page: by its name, or else by how it starts. */
    public static boolean isHtml(String file, byte[] bytes) {
        if (HTML_FILE.matcher(file).matches()) {
            return true;
        }
        return !TEXT_FILE.matcher(file).matches() && HtmlReader.looksLikeHtml(bytes);
    }

    /** The state of reading one document. */
    private static final class Reading {
        private final String file;
        private final byte[] bytes;
        private final List<Block> blocks;
        private final List<Diagnostic> warnings = new ArrayList<>();

        private LocalDate date;
        private String disclaimer;
        private final List<Builder> roots = new ArrayList<>();
        private final List<Cause> uncategorised = new ArrayList<>();

        Reading(String file, byte[] bytes, List<Block> blocks) {
            this.file = file;
            this.bytes = bytes;
            this.blocks = blocks;
        }

        Result read() throws DocumentException {
            List<Block> content = stripFurniture();
            if (content.isEmpty()) {
                throw new DocumentException(file, 0, "no content: not a symptom-causes document");
            }
            String stem = file.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
            String symptom = Phrases.capitalise(stem.replaceAll("[-_]+", " ").strip());
            int at = 0;
            Block first = content.get(0);
            if ((first.is(Block.Type.HEADING) && isTitle(first, stem))
                    || (first.is(Block.Type.PROSE) && QUESTION_TITLE.matcher(first.text()).matches())) {
                symptom = Phrases.capitalise(titleSymptom(first.text()));
                at = 1;
            }
            // "Causes" (or "Possible causes of X") between the title and the intro opens the intro.
            while (at < content.size() - 1 && content.get(at).is(Block.Type.HEADING)
                    && Boilerplate.isCausesHeading(content.get(at).text())) {
                at++;
            }
            List<String> mechanism = new ArrayList<>();
            List<Block> introProse = new ArrayList<>();
            while (at < content.size() && content.get(at).is(Block.Type.PROSE)) {
                introProse.add(content.get(at++));
            }
            int introStart = at;
            while (at < content.size() && content.get(at).is(Block.Type.ITEM)) {
                at++;
            }
            List<Block> introList = content.subList(introStart, at);
            List<Block> rest = content.subList(at, content.size());
            boolean introListIsCategories = !introList.isEmpty() && (rest.stream().anyMatch(b -> b.is(Block.Type.HEADING)
                    && !Boilerplate.isOffTopicHeading(b.text()) && !Boilerplate.isCausesHeading(b.text()))
                    || introList.stream().anyMatch(i -> rest.stream().anyMatch(b -> namesCategory(b, i.text()))));

            List<Builder> intro = new ArrayList<>();
            if (introListIsCategories) {
                readIntroCategories(introList, intro);
            }
            // The intro names causes itself only in a page with no other structure (all prose);
            // otherwise it explains the symptom, and its last sentence may lead in to the list.
            boolean allProse = introList.isEmpty() && rest.stream().noneMatch(b -> b.is(Block.Type.HEADING));
            Builder introSection = new Builder("(intro)", 0, null);
            for (Block p : introProse) {
                for (Phrases.Sentence s : Phrases.sentenceSpans(p.text())) {
                    boolean aboutCauses = allProse && readSentence(s.text(), p.lineAt(s.start()), introSection,
                            uncategorised);
                    if (!aboutCauses && !s.text().endsWith(":")) {
                        mechanism.add(s.text());
                    }
                }
            }
            if (!introListIsCategories) {
                readSections(introList, intro);
            }
            readSections(rest, intro);
            prune(roots);

            List<Category> categories = roots.stream().map(Builder::build).toList();
            SymptomDocument doc = new SymptomDocument(stem, file.replaceAll("^.*[/\\\\]", ""), sha256(bytes), symptom,
                    mechanism.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", mechanism)),
                    categories, uncategorised, Optional.ofNullable(date), Optional.ofNullable(disclaimer));
            if (doc.allCauses().isEmpty()) {
                throw new DocumentException(file, 0,
                        "no causes found: not a symptom-causes document (expected lists or sentences naming causes)");
            }
            List<Diagnostic> sorted = new ArrayList<>(warnings);
            sorted.sort(java.util.Comparator.comparingInt(Diagnostic::line));
            return new Result(doc, List.copyOf(sorted));
        }

        /** Whether a block names an intro-list kind of cause: a heading for it, or prose that talks about it. */
        private static boolean namesCategory(Block b, String category) {
            if (b.is(Block.Type.HEADING)) {
                return CategoryNames.sameCategory(b.text(), category) || CategoryNames.narrowerThan(b.text(), category);
            }
            return b.is(Block.Type.PROSE) && CategoryNames.mentions(b.text(), category);
        }

        /** The intro's list of kinds of cause; an item indented under another is a kind of it. */
        private void readIntroCategories(List<Block> introList, List<Builder> intro) {
            Deque<Builder> open = new ArrayDeque<>();
            for (Block item : introList) {
                while (!open.isEmpty() && open.peek().listLevel >= item.level()) {
                    open.pop();
                }
                Builder parent = open.peek();
                Builder b = new Builder(Phrases.capitalise(stripColon(Phrases.stripEnd(item.text()))), item.line(),
                        parent);
                b.inferred = true;
                b.listLevel = item.level();
                if (parent == null) {
                    roots.add(b);
                } else {
                    parent.children.add(b);
                }
                intro.add(b);
                open.push(b);
            }
        }

        /** Removes the date, the disclaimer and everything after it, and page furniture. */
        private List<Block> stripFurniture() {
            List<Block> content = new ArrayList<>();
            boolean afterDisclaimer = false;
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                Optional<LocalDate> asDate = b.is(Block.Type.ITEM) ? Optional.empty() : DocumentDates.parse(b.text());
                Optional<String> ambiguous = b.is(Block.Type.ITEM) ? Optional.empty() : DocumentDates.ambiguity(b.text());
                if (asDate.isPresent()) {
                    if (date == null) {
                        date = asDate.get();
                    } else if (!date.equals(asDate.get())) {
                        warn(b.line(), "a second date (" + asDate.get() + "); kept " + date);
                    }
                } else if (ambiguous.isPresent()) {
                    warn(b.line(), ambiguous.get());
                } else if (afterDisclaimer) {
                    continue;
                } else if (b.is(Block.Type.PROSE) && Boilerplate.isDisclaimer(b.text())) {
                    disclaimer = b.text();
                    afterDisclaimer = true;
                } else if (Boilerplate.isBoilerplate(b.text())) {
                    // A heading that only introduces boilerplate goes with it.
                    if (!content.isEmpty() && content.get(content.size() - 1).is(Block.Type.HEADING)) {
                        content.remove(content.size() - 1);
                    }
                } else {
                    content.add(b);
                }
            }
            return content;
        }

        /** An open nested list: the category (or cause) an item with deeper items opened. */
        private record ListContext(int level, Builder restore, Cause skippingUnder) {
        }

        private void readSections(List<Block> rest, List<Builder> intro) {
            Set<Builder> headed = new LinkedHashSet<>();
            for (Block b : rest) {
                if (b.is(Block.Type.HEADING)) {
                    intro.stream().filter(c -> CategoryNames.sameCategory(b.text(), c.name)).findFirst()
                            .ifPresent(headed::add);
                }
            }
            List<Builder> unheaded = intro.stream().filter(c -> !headed.contains(c)).toList();

            Builder current = null;
            boolean offTopic = false;
            Deque<ListContext> lists = new ArrayDeque<>();
            for (int i = 0; i < rest.size(); i++) {
                Block b = rest.get(i);
                if (!b.is(Block.Type.ITEM) && !lists.isEmpty()) {
                    current = lists.getLast().restore();
                    lists.clear();
                }
                switch (b.type()) {
                    case HEADING -> {
                        offTopic = Boilerplate.isOffTopicHeading(b.text());
                        current = offTopic || Boilerplate.isCausesHeading(b.text()) ? null : place(b, current, intro);
                    }
                    case PROSE -> {
                        if (offTopic) {
                            continue;
                        }
                        for (Builder u : unheaded) {
                            if (u != current && !u.isAncestorOf(current) && CategoryNames.mentions(b.text(), u.name)) {
                                current = u;
                                break;
                            }
                        }
                        for (Phrases.Sentence s : Phrases.sentenceSpans(b.text())) {
                            int line = b.lineAt(s.start());
                            if (current == null) {
                                List<Cause> found = new ArrayList<>();
                                readSentence(s.text(), line, new Builder("(none)", 0, null), found);
                                placeUncategorised(found, line);
                            } else {
                                readSentence(s.text(), line, current, current.causes);
                            }
                        }
                    }
                    case ITEM -> {
                        if (offTopic) {
                            continue;
                        }
                        while (!lists.isEmpty() && lists.peek().level() >= b.level()) {
                            current = lists.pop().restore();
                        }
                        if (!lists.isEmpty() && lists.peek().skippingUnder() != null) {
                            warn(b.line(), "\"" + b.text() + "\" is listed under the cause \""
                                    + lists.peek().skippingUnder().label() + "\", not under a category; left out");
                            continue;
                        }
                        boolean opensList = i + 1 < rest.size() && rest.get(i + 1).is(Block.Type.ITEM)
                                && rest.get(i + 1).level() > b.level();
                        if (opensList && looksLikeCategory(b.text()) && namesUnder(rest, i)) {
                            Builder sub = placeListCategory(b, current, intro);
                            lists.push(new ListContext(b.level(), current, null));
                            current = sub;
                            continue;
                        }
                        List<Cause> causes = itemCauses(b, current == null ? CauseKind.UNSPECIFIED : current.kind());
                        if (current == null) {
                            placeUncategorised(causes, b.line());
                        } else {
                            List<Cause> into = current.causes;
                            causes.forEach(c -> addCause(into, c));
                        }
                        if (opensList) {
                            Cause under = causes.isEmpty()
                                    ? new Cause(b.text(), CauseKind.UNSPECIFIED, List.of(), List.of(), List.of(), false,
                                            b.line(), b.text())
                                    : causes.get(0);
                            lists.push(new ListContext(b.level(), current, under));
                        }
                    }
                    default -> throw new IllegalStateException(b.type().toString());
                }
            }
        }

        /** Whether the items listed under item {@code at} include a name (not only remarks about it). */
        private static boolean namesUnder(List<Block> blocks, int at) {
            int level = blocks.get(at).level();
            for (int k = at + 1; k < blocks.size() && blocks.get(k).is(Block.Type.ITEM)
                    && blocks.get(k).level() > level; k++) {
                String text = blocks.get(k).text();
                if (!Phrases.startsWithQualifier(text) && !Phrases.readsAsSentence(Phrases.namePart(text), text)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The causes a list item names: usually one. In a drug category, "aspirin and ibuprofen" is
         * two drugs; elsewhere "nausea and vomiting" is one name, and an item that lists several
         * names with commas ("hand, foot and mouth disease"? "A, B and C"?) cannot be told apart
         * from one name, so it is reported and left out.
         */
        private List<Cause> itemCauses(Block b, CauseKind kind) {
            String text = b.text();
            if (Phrases.isOthers(Phrases.stripEnd(text))) {
                return new ArrayList<>();
            }
            if (Phrases.startsWithQualifier(text)) {
                warn(b.line(), "list item \"" + text + "\" is a remark, not the name of a cause; left out");
                return new ArrayList<>();
            }
            String name = Phrases.namePart(text);
            if (name.isEmpty() || Phrases.readsAsSentence(name, text)) {
                warn(b.line(), "list item \"" + text + "\" reads as a sentence, not the name of a cause; left out");
                return new ArrayList<>();
            }
            List<String> parts = Phrases.splitEnumeration(name);
            List<Cause> out = new ArrayList<>();
            if (parts.size() > 1 && kind == CauseKind.DRUG) {
                for (String part : parts) {
                    if (Phrases.isOthers(part)) {
                        continue;
                    }
                    if (Phrases.isGroupReference(part)) {
                        warn(b.line(), "\"" + part + "\" names a group of drugs, not a drug; left out");
                        continue;
                    }
                    out.add(Phrases.cause(part, kind, b.line(), text, note -> warn(b.line(), note)));
                }
                return out;
            }
            if (parts.size() > 1 && Phrases.hasTopLevelComma(name)) {
                warn(b.line(), "list item \"" + text + "\" names several things in one line; left out "
                        + "(one cause a line, or a sentence \"such as A, B and C\", is read)");
                return out;
            }
            if (Phrases.isGroupReference(name)) {
                warn(b.line(), "\"" + name + "\" names a group, not a cause; left out");
                return out;
            }
            out.add(Phrases.cause(name, kind, b.line(), text, note -> warn(b.line(), note)));
            return out;
        }

        /** An item with a list under it is a category when its name reads as one ("Blood disorders:"). */
        private static boolean looksLikeCategory(String text) {
            String t = text.strip();
            if (t.endsWith(":")) {
                return true;
            }
            String lastWord = t.replaceAll("^.*\\s", "").toLowerCase(Locale.ROOT);
            return CategoryNames.kind(t) != CauseKind.UNSPECIFIED && lastWord.endsWith("s") && !lastWord.endsWith("ss")
                    && !lastWord.endsWith("is");
        }

        /** Causes found under no heading: fine in a page without categories, a warning otherwise. */
        private void placeUncategorised(List<Cause> causes, int line) {
            if (causes.isEmpty()) {
                return;
            }
            if (roots.isEmpty()) {
                causes.forEach(c -> addCause(uncategorised, c));
            } else {
                warn(line, "causes outside any category, left out: "
                        + String.join(", ", causes.stream().map(Cause::label).toList()));
            }
        }

        /** The category a heading opens: one named in the intro, a narrower kind of one, or a new one. */
        private Builder place(Block heading, Builder current, List<Builder> intro) {
            String name = Phrases.capitalise(heading.text());
            Builder same = existing(name);
            if (same != null) {
                same.inferred = false;
                same.line = heading.line();
                same.level = heading.level();
                return same;
            }
            Builder parent = null;
            if (heading.level() > 0) {
                // Explicit levels (Markdown, HTML): the nearest open heading of a higher rank is the parent.
                for (Builder c = current; c != null; c = c.parent) {
                    if (c.level > 0 && c.level < heading.level()) {
                        parent = c;
                        break;
                    }
                }
            }
            if (parent == null) {
                for (Builder c : intro) {
                    if (CategoryNames.narrowerThan(name, c.name) && (parent == null || c.inferred)) {
                        parent = c;
                    }
                }
            }
            Builder b = new Builder(name, heading.line(), parent);
            b.level = heading.level();
            if (parent != null) {
                parent.children.add(b);
            } else {
                if (!intro.isEmpty()) {
                    warn(heading.line(), "heading \"" + name + "\" is not among the intro's kinds of cause; "
                            + "kept as a category of its own");
                }
                roots.add(b);
            }
            return b;
        }

        /** The category a list item with a nested list opens: under the current category, or as a heading would. */
        private Builder placeListCategory(Block item, Builder current, List<Builder> intro) {
            String name = Phrases.capitalise(stripColon(Phrases.stripEnd(item.text())));
            Builder same = existing(name);
            if (same != null) {
                same.inferred = false;
                same.line = item.line();
                return same;
            }
            if (current == null) {
                return place(new Block(Block.Type.HEADING, item.line(), name, 0, 0), null, intro);
            }
            Builder b = new Builder(name, item.line(), current);
            current.children.add(b);
            return b;
        }

        private Builder existing(String name) {
            for (Builder c : allBuilders()) {
                if (CategoryNames.sameCategory(name, c.name)) {
                    return c;
                }
            }
            return null;
        }

        /**
         * Takes what a sentence says about a category: body sites, infectious agents, and causes it
         * lists. Returns whether the sentence was about causes (so it is not part of the mechanism).
         */
        private boolean readSentence(String sentence, int line, Builder category, List<Cause> into) {
            Set<AgentClass> agents = Phrases.agentClasses(sentence);
            category.agents.addAll(agents);
            boolean found = !agents.isEmpty();
            for (String site : Phrases.bodySites(sentence)) {
                category.sites.add(Phrases.capitalise(site));
                found = true;
            }
            if (sentence.endsWith(":")) {
                return found;
            }
            // "infection with a fungus, virus or bacteria" names agents, not causes: only a strong
            // trigger ("including", "such as", "for example") introduces causes in such a sentence.
            List<String> items = Phrases.enumeratedCauses(sentence, !agents.isEmpty());
            if (!items.isEmpty() && Phrases.listsOtherThings(sentence)) {
                warn(line, "the sentence lists " + String.join(", ", items) + " but not as causes; left out");
                return found;
            }
            for (String item : items) {
                if (Phrases.isGroupReference(item)) {
                    warn(line, "\"" + item + "\" names a group, not a cause; left out");
                    continue;
                }
                addCause(into, Phrases.cause(item, category.kind(), line, sentence, note -> warn(line, note)));
                found = true;
            }
            return found;
        }

        private static void addCause(List<Cause> causes, Cause cause) {
            if (!cause.label().isEmpty() && causes.stream().noneMatch(c -> c.label().equalsIgnoreCase(cause.label()))) {
                causes.add(cause);
            }
        }

        /** Leaves out categories that list no causes, themselves or below; each is reported. */
        private void prune(List<Builder> level) {
            for (Builder b : List.copyOf(level)) {
                prune(b.children);
                if (b.causes.isEmpty() && b.children.isEmpty()) {
                    level.remove(b);
                    warn(b.line, b.inferred
                            ? "the kind of cause \"" + b.name + "\" named in the intro has no section and no causes; "
                                    + "left out"
                            : "category \"" + b.name + "\" lists no causes; left out");
                }
            }
        }

        private List<Builder> allBuilders() {
            List<Builder> all = new ArrayList<>();
            List<Builder> todo = new ArrayList<>(roots);
            while (!todo.isEmpty()) {
                Builder b = todo.remove(0);
                all.add(b);
                todo.addAll(b.children);
            }
            return all;
        }

        private boolean isTitle(Block heading, String stem) {
            String text = heading.text().toLowerCase(Locale.ROOT);
            return heading.level() == 1 || text.contains("cause")
                    || text.contains(stem.toLowerCase(Locale.ROOT).replaceAll("[-_]+", " "));
        }

        private static String titleSymptom(String title) {
            var m = TITLE_CAUSES.matcher(title.strip());
            return m.matches() ? m.group(1).strip() : title.strip();
        }

        private void warn(int line, String message) {
            warnings.add(new Diagnostic(file, line, message));
        }
    }

    private static String stripColon(String s) {
        return s.endsWith(":") ? s.substring(0, s.length() - 1).strip() : s;
    }

    /** A category while it is being read. */
    private static final class Builder {
        final String name;
        final Builder parent;
        final List<Cause> causes = new ArrayList<>();
        final List<Builder> children = new ArrayList<>();
        final Set<String> sites = new LinkedHashSet<>();
        final Set<AgentClass> agents = new LinkedHashSet<>();
        int line;
        int level;
        int listLevel;
        boolean inferred;

        Builder(String name, int line, Builder parent) {
            this.name = name;
            this.line = line;
            this.parent = parent;
        }

        /** Its own kind, or its parent's when its name says nothing. */
        CauseKind kind() {
            CauseKind own = CategoryNames.kind(name);
            return own == CauseKind.UNSPECIFIED && parent != null ? parent.kind() : own;
        }

        boolean isAncestorOf(Builder other) {
            for (Builder b = other == null ? null : other.parent; b != null; b = b.parent) {
                if (b == this) {
                    return true;
                }
            }
            return false;
        }

        Category build() {
            return new Category(name, kind(), inferred, line, causes,
                    children.stream().map(Builder::build).toList(), List.copyOf(sites), List.copyOf(agents));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Convenience for tests and tools: parse text given as a string. */
    public Result parse(String file, String text) throws DocumentException {
        return parse(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
