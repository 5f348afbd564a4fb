package org.symptomgraph.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * <p>What it cannot place with confidence it reports as a {@link Diagnostic} and leaves out.
 */
public final class DocumentParser {

    /** The document read, and what the parser noticed but left out. */
    public record Result(SymptomDocument document, List<Diagnostic> warnings) {
    }

    private static final Pattern TITLE_CAUSES = Pattern.compile(
            "^(?:what causes |causes of )?(.+?)(?:\\s*[:|–—-]\\s*|\\s+)?(?:(?:possible |common )?causes?)?$",
            Pattern.CASE_INSENSITIVE);

    /** Reads one document given as bytes; {@code file} names it in messages and provenance. */
    public Result parse(String file, byte[] bytes) throws DocumentException {
        List<String> lines = SourceText.lines(file, bytes);
        return new Reading(file, bytes, BlockReader.read(lines)).read();
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
            if (first.is(Block.Type.HEADING) && isTitle(first, stem)) {
                symptom = Phrases.capitalise(titleSymptom(first.text()));
                at = 1;
            }
            List<String> mechanism = new ArrayList<>();
            List<Block> introProse = new ArrayList<>();
            while (at < content.size() && content.get(at).is(Block.Type.PROSE)) {
                introProse.add(content.get(at++));
            }
            List<Block> introList = new ArrayList<>();
            while (at < content.size() && content.get(at).is(Block.Type.ITEM)) {
                introList.add(content.get(at++));
            }
            List<Block> rest = content.subList(at, content.size());
            boolean introListIsCategories = !introList.isEmpty() && rest.stream().anyMatch(b -> b.is(Block.Type.HEADING)
                    || introList.stream().anyMatch(i -> CategoryNames.mentions(b.text(), i.text())));

            List<Builder> intro = new ArrayList<>();
            if (introListIsCategories) {
                for (Block item : introList) {
                    Builder b = new Builder(Phrases.capitalise(Phrases.stripEnd(item.text())), item.line(), null);
                    b.inferred = true;
                    intro.add(b);
                    roots.add(b);
                }
            }
            // The intro names causes itself only in a page with no other structure (all prose);
            // otherwise it explains the symptom, and its last sentence may lead in to the list.
            boolean allProse = introList.isEmpty() && rest.stream().noneMatch(b -> b.is(Block.Type.HEADING));
            Builder introSection = new Builder("(intro)", 0, null);
            for (Block p : introProse) {
                for (String sentence : Phrases.sentences(p.text())) {
                    boolean aboutCauses = allProse && readSentence(sentence, p.line(), introSection, uncategorised);
                    if (!aboutCauses && !sentence.endsWith(":")) {
                        mechanism.add(sentence);
                    }
                }
            }
            if (!introListIsCategories) {
                for (Block item : introList) {
                    addCause(uncategorised, Phrases.cause(item.text(), CauseKind.UNSPECIFIED, item.line(), item.text()));
                }
            }
            readSections(rest, intro);

            List<Category> categories = roots.stream().map(Builder::build).toList();
            SymptomDocument doc = new SymptomDocument(stem, file.replaceAll("^.*[/\\\\]", ""), sha256(bytes), symptom,
                    mechanism.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", mechanism)),
                    categories, uncategorised, Optional.ofNullable(date), Optional.ofNullable(disclaimer));
            if (doc.allCauses().isEmpty()) {
                throw new DocumentException(file, 0,
                        "no causes found: not a symptom-causes document (expected lists or sentences naming causes)");
            }
            return new Result(doc, List.copyOf(warnings));
        }

        /** Removes the date, the disclaimer and everything after it, and page furniture. */
        private List<Block> stripFurniture() {
            List<Block> content = new ArrayList<>();
            boolean afterDisclaimer = false;
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                Optional<LocalDate> asDate = b.is(Block.Type.ITEM) ? Optional.empty() : DocumentDates.parse(b.text());
                if (asDate.isPresent()) {
                    if (date == null) {
                        date = asDate.get();
                    } else if (!date.equals(asDate.get())) {
                        warn(b.line(), "a second date (" + asDate.get() + "); kept " + date);
                    }
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
            for (Block b : rest) {
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
                        for (String sentence : Phrases.sentences(b.text())) {
                            if (current == null) {
                                List<Cause> found = new ArrayList<>();
                                readSentence(sentence, b.line(), new Builder("(none)", 0, null), found);
                                placeUncategorised(found, b.line());
                            } else {
                                readSentence(sentence, b.line(), current, current.causes);
                            }
                        }
                    }
                    case ITEM -> {
                        if (offTopic) {
                            continue;
                        }
                        CauseKind kind = current == null ? CauseKind.UNSPECIFIED : current.kind();
                        Cause cause = Phrases.cause(b.text(), kind, b.line(), b.text());
                        if (current == null) {
                            placeUncategorised(List.of(cause), b.line());
                        } else {
                            addCause(current.causes, cause);
                        }
                    }
                    default -> throw new IllegalStateException(b.type().toString());
                }
            }
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
            for (Builder c : allBuilders()) {
                if (CategoryNames.sameCategory(name, c.name)) {
                    c.inferred = false;
                    c.line = heading.line();
                    c.level = heading.level();
                    return c;
                }
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
            for (String item : Phrases.enumeratedCauses(sentence, !agents.isEmpty())) {
                addCause(into, Phrases.cause(item, category.kind(), line, sentence));
                found = true;
            }
            return found;
        }

        private static void addCause(List<Cause> causes, Cause cause) {
            if (!cause.label().isEmpty() && causes.stream().noneMatch(c -> c.label().equalsIgnoreCase(cause.label()))) {
                causes.add(cause);
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
