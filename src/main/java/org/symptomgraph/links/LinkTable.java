package org.symptomgraph.links;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.links.Vocabularies.Vocabulary;
import org.symptomgraph.rdf.ControlCharacters;
import org.symptomgraph.rdf.Iris;

/**
 * The curated table of links from the graph's entities to other vocabularies
 * ({@code data/links/links.tsv}): one row per mapping, read with Apache Commons CSV and checked row
 * by row. Every problem is reported with the file and line, all of them at once.
 *
 * <p>The file is UTF-8, tab-separated, without quoting (a field cannot hold a tab or a line break),
 * with a header row naming the {@link #COLUMNS} in order. Empty lines and lines starting with
 * {@code #} are ignored; fields are trimmed.
 */
public final class LinkTable {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("entity_path", "entity_label", "vocabulary", "id", "match",
            "source_repo", "source_path", "source_commit", "note");

    /**
     * Link tables among the paths: .tsv files named, or found in the folders named (recursively) and
     * starting with the link table's header; curation files ({@code .sssom.tsv}, see {@link SssomFile}) are
     * not link tables. A folder that cannot be read is skipped: the search for documents names it.
     */
    public static List<Path> tablesIn(List<Path> paths) throws IOException {
        List<Path> tables = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = new ArrayList<>();
                Files.walkFileTree(p, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                        if (a.isRegularFile() && f.getFileName().toString().endsWith(".tsv")
                                && !SssomFile.isSssom(f) && hasLinkTableHeader(f)) {
                            found.add(f);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        return FileVisitResult.CONTINUE;
                    }
                });
                found.stream().sorted().forEach(tables::add);
            } else if (p.getFileName().toString().endsWith(".tsv") && !SssomFile.isSssom(p)) {
                tables.add(p);
            }
        }
        return tables;
    }

    /** Whether a file found in a folder starts like a link table (data/ also holds the vocabulary tables). */
    private static boolean hasLinkTableHeader(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().map(l -> l.replace("\uFEFF", "").strip().equals(String.join("\t", COLUMNS)))
                    .orElse(false);
        } catch (IOException | UncheckedIOException e) {
            return true;  // unreadable: let read() report it with the file's name
        }
    }

    /** How the entity relates to the external term: the SKOS mapping property written. */
    public enum Match {
        EXACT("exact", SKOS.exactMatch),
        CLOSE("close", SKOS.closeMatch),
        /** The external term is broader than the entity. */
        BROAD("broad", SKOS.broadMatch),
        /** The external term is narrower than the entity. */
        NARROW("narrow", SKOS.narrowMatch);

        private final String key;
        private final Property property;

        Match(String key, Property property) {
            this.key = key;
            this.property = property;
        }

        /** The value in the table's {@code match} column. */
        public String key() {
            return key;
        }

        public Property property() {
            return property;
        }

        public static Optional<Match> of(String key) {
            return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
        }
    }

    /**
     * One row: a mapping and where it came from.
     *
     * @param where        {@code file:line} of the row
     * @param entityPath   the entity's IRI under the base, such as {@code cause/rubella}
     * @param entityLabel  the entity's label, for people reading the table
     * @param vocabulary   the vocabulary of the identifier
     * @param id           the identifier, as the reference data writes it
     * @param match        how the entity relates to the identified term
     * @param sourceRepo   the GitHub repository ({@code owner/name}) of the file the identifier was read from
     * @param sourcePath   that file's path in the repository
     * @param sourceCommit the commit the file was read at (40 hex digits)
     * @param note         why: the curator's reason, required for every match but exact
     */
    public record Link(String where, String entityPath, String entityLabel, Vocabulary vocabulary, String id,
            Match match, String sourceRepo, String sourcePath, String sourceCommit, String note) {

        /** The identifier without prefix, such as {@code 36653000} for {@code SCTID:36653000}. */
        public String localId() {
            return vocabulary.localId(id);
        }

        /** The identifier's standard IRI (see {@link Vocabularies}). */
        public String targetIri() {
            return vocabulary.iri(id);
        }

        /** The permanent address of the source file at the commit it was read at. */
        public String sourceUrl() {
            return "https://github.com/" + sourceRepo + "/blob/" + sourceCommit + "/" + sourcePath;
        }
    }

    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern REPO_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|undated");
    private static final List<String> ENTITY_KINDS = List.of("symptom", "cause", "drug", "anatomy");

    private static final CSVFormat FORMAT = CSVFormat.Builder.create(CSVFormat.TDF)
            .setQuote(null)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private final String file;
    private final List<Link> links;

    private LinkTable(String file, List<Link> links) {
        this.file = file;
        this.links = List.copyOf(links);
    }

    /** Where the table was read from, as given. */
    public String file() {
        return file;
    }

    /** The rows, in file order. */
    public List<Link> links() {
        return links;
    }

    /**
     * Reads and checks a link table.
     *
     * @throws LinkTableException   naming every bad row by {@code file:line}
     * @throws UncheckedIOException if the file cannot be read
     */
    public static LinkTable read(Path table) {
        String name = table.toString();
        String text;
        try {
            text = Files.readString(table, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new LinkTableException(List.of(name + ": not UTF-8 text"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the link table " + name, e);
        }
        return parse(text, name);
    }

    /**
     * Checks a link table given as text; {@code fileName} is what problems are reported against.
     *
     * @throws LinkTableException naming every bad row by {@code fileName:line}
     */
    public static LinkTable parse(String text, String fileName) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Lines lines = new Lines(content);
        List<String> problems = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean header = true;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(content)).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                int line = lines.recordLine(record.getCharacterPosition());
                String where = fileName + ":" + line;
                if (header) {
                    header = false;
                    List<String> names = record.toList();
                    if (!names.equals(COLUMNS)) {
                        problems.add(where + ": the header must be the columns " + String.join(", ", COLUMNS)
                                + " (tab-separated, in this order), not " + String.join(", ", names));
                        break;
                    }
                    continue;
                }
                if (record.size() != COLUMNS.size()) {
                    problems.add(where + ": " + record.size() + " fields, expected " + COLUMNS.size()
                            + " separated by tabs (" + String.join(", ", COLUMNS) + ")");
                    continue;
                }
                int control = record.stream().mapToInt(ControlCharacters::first).filter(c -> c >= 0).findFirst().orElse(-1);
                if (control >= 0) {
                    problems.add(where + String.format(": a control character (U+%04X)", control));
                    continue;
                }
                Link link = row(record, where, problems);
                if (link == null) {
                    continue;
                }
                String key = link.entityPath() + " " + link.targetIri();
                Integer first = seen.putIfAbsent(key, line);
                if (first != null) {
                    problems.add(where + ": " + link.entityPath() + " is mapped to " + link.id() + " ("
                            + link.targetIri() + ") already on line " + first);
                    continue;
                }
                links.add(link);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.add(fileName + ": cannot be read as tab-separated values: " + e.getMessage());
        }
        if (header && problems.isEmpty()) {
            problems.add(fileName + ":1: empty: a link table needs the header row " + String.join(", ", COLUMNS));
        }
        if (!problems.isEmpty()) {
            throw new LinkTableException(problems);
        }
        return new LinkTable(fileName, links);
    }

    /** One data row, or null after adding its problems. */
    private static Link row(CSVRecord r, String where, List<String> problems) {
        int before = problems.size();
        String entityPath = r.get(0);
        String entityLabel = r.get(1);
        String vocabularyName = r.get(2);
        String id = r.get(3);
        String matchKey = r.get(4);
        String repo = r.get(5);
        String repoPath = r.get(6);
        String commit = r.get(7);
        String note = r.get(8);

        entityPathProblem(entityPath).ifPresent(p -> problems.add(where + ": bad entity_path '" + entityPath + "': " + p));
        if (entityLabel.isEmpty()) {
            problems.add(where + ": entity_label is empty");
        }
        Vocabulary vocabulary = null;
        if (vocabularyName.equals("DOID (historical)")) {
            problems.add(where + ": vocabulary 'DOID (historical)': identifiers from the 2016 DOID release are likely "
                    + "obsolete and may not be used");
        } else {
            vocabulary = Vocabularies.byName(vocabularyName).orElse(null);
            if (vocabulary == null) {
                problems.add(where + ": unknown vocabulary '" + vocabularyName + "' (supported: "
                        + String.join(", ", Vocabularies.all().stream().map(Vocabulary::name).toList()) + ")");
            } else if (!vocabulary.accepts(id)) {
                problems.add(where + ": malformed " + vocabularyName + " id '" + id + "' (expected e.g. "
                        + vocabulary.example() + ")");
            }
        }
        Match match = Match.of(matchKey).orElse(null);
        if (match == null) {
            problems.add(where + ": unknown match '" + matchKey + "' (expected exact, close, broad or narrow)");
        } else if (match != Match.EXACT && note.isEmpty()) {
            problems.add(where + ": a " + matchKey + " match needs a note saying why it is not exact");
        }
        if (!REPO.matcher(repo).matches()) {
            problems.add(where + ": bad source_repo '" + repo + "' (expected a GitHub owner/name)");
        }
        if (!REPO_PATH.matcher(repoPath).matches()) {
            problems.add(where + ": bad source_path '" + repoPath + "' (expected a path in the repository, such as "
                    + "DOreports/HumanDO.tsv)");
        }
        if (!COMMIT.matcher(commit).matches()) {
            problems.add(where + ": bad source_commit '" + commit + "' (expected 40 lower-case hex digits)");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Link(where, entityPath, entityLabel, vocabulary, id, match, repo, repoPath, commit, note);
    }

    /**
     * Why the path is not one the importer mints, if it is not: {@code symptom/}, {@code cause/},
     * {@code drug/} or {@code anatomy/} and a slug, or
     * {@code document/{page}/{version}/category/{slug}}; each segment as {@link Iris#slug} makes it.
     */
    static Optional<String> entityPathProblem(String path) {
        if (path.isEmpty()) {
            return Optional.of("empty");
        }
        if (path.contains(":")) {
            return Optional.of("write the path under the base (such as cause/rubella), not a full IRI: the base is "
                    + "configurable");
        }
        String[] segments = path.split("/", -1);
        for (String s : segments) {
            if (s.isEmpty() || !Iris.slug(s).equals(s)) {
                return Optional.of("segment '" + s + "' is not a slug as the importer mints them (lower case "
                        + "letters and digits, single hyphens: '" + Iris.slug(s) + "')");
            }
        }
        boolean entity = segments.length == 2 && ENTITY_KINDS.contains(segments[0]);
        boolean category = segments.length == 5 && segments[0].equals("document") && segments[3].equals("category")
                && VERSION.matcher(segments[2]).matches();
        if (!entity && !category) {
            return Optional.of("expected " + String.join("/…, ", ENTITY_KINDS)
                    + "/… or document/{page}/{version}/category/…");
        }
        return Optional.empty();
    }

    /** Line numbers of the text, for the character positions Commons CSV gives records. */
    private static final class Lines {

        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    s.add(i + 1);
                }
            }
            this.starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * The line (from 1) a record is on. Commons CSV gives the position where it began reading the
         * record, which is before any comment or empty lines it skipped, so those are skipped here too.
         */
        int recordLine(long position) {
            int i = Arrays.binarySearch(starts, (int) position);
            int index = i >= 0 ? i : -i - 2;
            while (index + 1 < starts.length && skipped(index)) {
                index++;
            }
            return index + 1;
        }

        private boolean skipped(int index) {
            int end = index + 1 < starts.length ? starts[index + 1] : text.length();
            String line = text.substring(starts[index], end).strip();
            return line.isEmpty() || line.startsWith("#");
        }
    }

    @Override
    public String toString() {
        return file + " (" + links.size() + " links)";
    }
}
