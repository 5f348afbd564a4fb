package org.symptomgraph.cli;

import org.symptomgraph.importer.ImportListener;
import org.symptomgraph.importer.ImportReport;
import org.symptomgraph.importer.ImportedDocument;
import org.symptomgraph.importer.Importer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.bench.CorpusGenerator;
import org.symptomgraph.bench.CorpusGenerator.ExpectedCategory;
import org.symptomgraph.bench.CorpusGenerator.ExpectedCause;
import org.symptomgraph.bench.CorpusGenerator.GeneratedPage;
import org.symptomgraph.bench.CorpusGenerator.Layout;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;

/**
 * {@code import DIR} on a folder tree of 1,000 generated pages (text and HTML) and one corrupt file:
 * the corrupt file is reported and skipped, the 1,000 pages are imported, progress and a summary are
 * shown, and the store holds what the pages say.
 *
 * <p>The database is new, so the import goes through the bulk loader ({@code BulkLoadTest} checks
 * that it stores exactly what the store's transactions would).
 */
class ImportFolderTest {

    private static final long SEED = 20230526L;
    private static final int PAGES = 1000;
    private static final String S = "https://w3id.org/symptomgraph/";

    @TempDir
    static Path dir;

    private static CorpusGenerator generator;
    private static Path corrupt;
    private static Cli.Run run;
    private static String db;
    private static long millis;

    @BeforeAll
    static void importTheCorpus() throws Exception {
        generator = new CorpusGenerator(SEED);
        Path pages = dir.resolve("pages");
        CorpusGenerator.write(pages, PAGES, SEED);
        corrupt = pages.resolve("004/corrupt-download.html");
        Files.write(corrupt, new byte[] {'<', 'h', 't', 'm', 'l', '>', '\n', 0x1f, (byte) 0x8b, 0, 0, 0x03});
        db = dir.resolve("db").toString();
        long start = System.nanoTime();
        run = Cli.run("import", pages.toString(), "--db", db);
        millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("imported " + PAGES + " pages in " + millis + " ms\n" + run.out());
    }

    @Test
    void theSummaryKeepsNoDocumentsModelAlive() throws Exception {
        // The report counts distinct entities over the whole import; holding Resources would keep every
        // document's model in memory, and memory would grow with the folder.
        Path one = Files.createDirectories(dir.resolve("one"));
        Files.copy(Fixtures.PETECHIAE, one.resolve("petechiae.txt"));
        java.util.List<java.lang.ref.WeakReference<Object>> models = new java.util.ArrayList<>();
        ImportReport report = Importer.create().listener(new ImportListener() {
            @Override
            public void imported(ImportedDocument d) {
                models.add(new java.lang.ref.WeakReference<>(d.graph().model()));
            }
        }).build().importFiles(List.of(one));
        for (int i = 0; i < 50 && models.get(0).get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(models.get(0).get() == null, "the report still holds the document's model");
        java.io.StringWriter out = new java.io.StringWriter();
        ImportCommand.print(report, new java.io.PrintWriter(out, true), false);
        assertTrue(out.toString().contains("found:     1 symptom(s), 22 cause(s), 3 drug(s), 3 brand(s)"), out.toString());
    }

    @Test
    void theCorruptFileIsReportedAndTheRestImported() {
        assertEquals(1, run.status(), "a document failed");
        List<String> errors = lines(run.err(), "error: ");
        assertEquals(List.of("error: " + corrupt + ":2: binary content (a NUL byte): not a text document"), errors);
        assertTrue(run.out().contains("1000 document(s) imported, 1 failed"), run.out());
        assertTrue(run.out().contains("  database:  1000 added, 0 replaced, 0 unchanged"), run.out());
    }

    @Test
    void warningsNameFileAndLineAndOnlyThePagesThatShouldGiveThem() {
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < PAGES; i++) {
            GeneratedPage p = generator.page(i);
            if (p.warnings() > 0) {
                expected.add(dir.resolve("pages").resolve(p.path()).toString());
            }
        }
        List<String> warnings = lines(run.err(), "warning: ");
        assertFalse(expected.isEmpty());
        assertEquals(expected.size(), warnings.size(), String.join("\n", warnings));
        Set<String> files = new TreeSet<>();
        for (String w : warnings) {
            assertTrue(w.matches("warning: .+:\\d+: list item \"especially in older adults\" is a remark, not the name of a cause; left out"), w);
            files.add(w.substring("warning: ".length()).replaceAll(":\\d+: .*$", ""));
        }
        assertEquals(expected, files);
        assertTrue(run.out().contains("  reported:  " + expected.size() + " warning(s), 1 error(s)"), run.out());
    }

    @Test
    void progressLinesAndASummaryNotALineADocument() {
        List<String> progress = lines(run.err(), "progress: ");
        assertTrue(progress.size() >= 10, "a line every 100 documents at least: " + progress);
        assertTrue(progress.get(progress.size() - 2).startsWith("progress: 1001/1001 documents (100%), 1 failed"),
                progress.get(progress.size() - 2));
        assertEquals("progress: building the indexes of the new database " + db, progress.get(progress.size() - 1),
                "the bulk loader's last step says what it does");
        assertFalse(run.out().contains("-> <"), "no line per document for a big folder");
        assertTrue(run.out().contains("  time:      "), run.out());
    }

    @Test
    void theSummaryCountsWhatThePagesName() {
        Set<String> symptoms = new HashSet<>();
        Set<String> causes = new HashSet<>();
        Set<String> drugs = new HashSet<>();
        Set<String> brands = new HashSet<>();
        Iris iris = new Iris(Iris.DEFAULT_BASE);
        for (int i = 0; i < PAGES; i++) {
            GeneratedPage p = generator.page(i);
            symptoms.add(p.symptom());
            for (ExpectedCause c : p.allCauses()) {
                causes.add(iris.cause(c.label(), c.kind()));
                if (c.kind() == CauseKind.DRUG) {
                    drugs.add(c.label());
                }
                brands.addAll(c.brands());
            }
        }
        assertEquals(PAGES, symptoms.size());
        String found = String.format("  found:     %d symptom(s), %d cause(s), %d drug(s), %d brand(s)",
                symptoms.size(), causes.size(), drugs.size(), brands.size());
        assertTrue(run.out().contains(found), found + "\n" + run.out());
        Cli.Run stats = Cli.run("stats", "--db", db);
        assertEquals(0, stats.status(), stats.toString());
        for (String line : List.of("documents    1000", "versions     1000", "symptoms     1000",
                "causes       " + causes.size(), "drugs        " + drugs.size(), "brands       " + brands.size())) {
            assertTrue(stats.out().contains(line), line + "\n" + stats.out());
        }
    }

    /** One page of each layout, and the last, read back from the store fact by fact. */
    @Test
    void pagesOfEachLayoutAreInTheStoreFactByFact() {
        Map<Layout, GeneratedPage> chosen = new EnumMap<>(Layout.class);
        for (int i = 0; i < PAGES && chosen.size() < Layout.values().length; i++) {
            GeneratedPage p = generator.page(i);
            chosen.putIfAbsent(p.layout(), p);
        }
        List<GeneratedPage> pages = new ArrayList<>(chosen.values());
        pages.add(generator.page(PAGES - 1));
        try (GraphStore store = GraphStore.open(Path.of(db))) {
            for (GeneratedPage p : pages) {
                String version = p.date().map(Object::toString).orElse(DocumentMapper.UNDATED);
                String graph = S + "graph/" + Iris.slug(p.id()) + "/" + version;
                assertEquals(expectedFacts(p), storedFacts(store, graph), p.path() + " (" + p.layout() + ")");
            }
        }
    }

    /** The cause most pages name is one node, with one assertion for each page and category that lists it. */
    @Test
    void aCauseNamedOnManyPagesIsOneNodeWithEveryPagesEvidence() {
        Map<String, Integer> pagesNaming = new HashMap<>();
        Map<String, Integer> listings = new HashMap<>();
        Map<String, CauseKind> kinds = new HashMap<>();
        for (int i = 0; i < PAGES; i++) {
            GeneratedPage p = generator.page(i);
            p.allCauses().forEach(c -> {
                listings.merge(c.label(), 1, Integer::sum);
                kinds.put(c.label(), c.kind());
            });
            p.allCauses().stream().map(ExpectedCause::label).distinct().forEach(l -> pagesNaming.merge(l, 1, Integer::sum));
        }
        String top = pagesNaming.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String iri = new Iris(Iris.DEFAULT_BASE).cause(top, kinds.get(top));
        try (GraphStore store = GraphStore.open(Path.of(db))) {
            assertEquals(List.of(String.valueOf(pagesNaming.get(top))), select(store, """
                    SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s schema:cause <%s> }""".formatted(iri), "n"),
                    "symptoms of " + top + " in the current view");
            assertEquals(List.of(String.valueOf(listings.get(top))), select(store, """
                    SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a sg:assertedCause <%s> ; sg:evidenceText ?t ;
                      prov:wasDerivedFrom/sg:sourceFile ?f }""".formatted(iri), "n"), "assertions about " + top);
            assertEquals(List.of(top), select(store, "SELECT DISTINCT ?l WHERE { <%s> rdfs:label ?l }".formatted(iri),
                    "l"), "one node, one label");
            assertTrue(pagesNaming.get(top) > 100, top + " is named on " + pagesNaming.get(top) + " pages");
        }
    }

    @Test
    void aFewDocumentsGetALineEachAndNoProgress(@TempDir Path small) throws Exception {
        Files.copy(Fixtures.PETECHIAE, small.resolve("petechiae.txt"));
        Files.copy(Fixtures.testDocument("fatigue.html"), small.resolve("fatigue.html"));
        Files.copy(Fixtures.testDocument("easy-bruising.html"), small.resolve("easy-bruising.htm"));
        Cli.Run r = Cli.run("import", small.toString(), "--db", small.resolve("db").toString());
        assertEquals(0, r.status(), r.toString());
        assertEquals(3, lines(r.out(), small.toString()).size(), r.out());
        assertTrue(r.out().contains("fatigue.html: Fatigue: 16 causes, 8 categories -> <" + S
                + "graph/fatigue/2024-06-07> (added)"), r.out());
        assertTrue(r.out().contains("3 document(s) imported, 0 failed"), r.out());
        assertTrue(r.out().contains("  database:  3 added, 0 replaced, 0 unchanged"), r.out());
        assertTrue(lines(r.err(), "progress: ").isEmpty(), r.err());
        assertEquals(List.of("warning: " + small.resolve("fatigue.html") + ":29: \"especially binge drinking\" is "
                + "listed under the cause \"Alcohol use\", not under a category; left out"), lines(r.err(), "warning: "));
    }

    @Test
    void progressCanBeTurnedOffAndTheBatchMustBePositive(@TempDir Path small) {
        CorpusGenerator.write(small.resolve("pages"), 25, SEED);
        Cli.Run quiet = Cli.run("import", small.resolve("pages").toString(), "--out", small.resolve("all.nq").toString(),
                "--progress", "none");
        assertTrue(lines(quiet.err(), "progress: ").isEmpty(), quiet.err());
        assertFalse(quiet.out().contains("-> <"), "no line per document for more than 20");
        assertTrue(quiet.out().contains("25 document(s) imported"), quiet.out());
        Cli.Run zero = Cli.run("import", small.resolve("pages").toString(), "--db", small.resolve("db").toString(),
                "--batch", "0");
        assertEquals(1, zero.status());
        assertEquals("error: --batch must be 1 or more, not 0" + System.lineSeparator(), zero.err());
    }

    /** What a generated page says, one line a fact, in a stable order. */
    private static List<String> expectedFacts(GeneratedPage p) {
        Set<String> facts = new TreeSet<>();
        facts.add("symptom " + p.symptom());
        addExpected(p.categories(), null, facts);
        return List.copyOf(facts);
    }

    private static void addExpected(List<ExpectedCategory> categories, String parent, Set<String> facts) {
        for (ExpectedCategory c : categories) {
            facts.add("category " + c.name() + " < " + (parent == null ? "-" : parent) + (c.inferred() ? " inferred" : ""));
            for (ExpectedCause x : c.causes()) {
                facts.add("cause " + x.label() + " in " + c.name() + " (" + x.kind().name().toLowerCase(Locale.ROOT)
                        + ") line " + x.line() + ": " + x.evidence());
                x.brands().forEach(b -> facts.add("brand " + x.label() + ": " + b));
                if (x.otherBrands()) {
                    facts.add("others " + x.label());
                }
                x.abbreviations().forEach(a -> facts.add("abbreviation " + x.label() + ": " + a));
            }
            addExpected(c.children(), c.name(), facts);
        }
    }

    /** The same facts, asked of a page's named graph. */
    private static List<String> storedFacts(GraphStore store, String graph) {
        Set<String> facts = new TreeSet<>();
        String g = "GRAPH <" + graph + "> ";
        select(store, "SELECT ?x WHERE { " + g + "{ ?s a schema:MedicalSignOrSymptom ; rdfs:label ?l } "
                + "BIND(CONCAT('symptom ', ?l) AS ?x) }", "x").forEach(facts::add);
        select(store, "SELECT ?x WHERE { " + g + "{ ?c a sg:CauseCategory ; rdfs:label ?l "
                + "OPTIONAL { ?c skos:broader/rdfs:label ?p } OPTIONAL { ?c sg:inferred ?i } } "
                + "BIND(CONCAT('category ', ?l, ' < ', COALESCE(?p, '-'), IF(COALESCE(?i, false), ' inferred', '')) AS ?x) }",
                "x").forEach(facts::add);
        select(store, "SELECT ?x WHERE { " + g + "{ ?a a sg:CauseAssertion ; sg:assertedCause ?c ; "
                + "sg:assertedCategory/rdfs:label ?k ; sg:evidenceLine ?n ; sg:evidenceText ?t . ?c rdfs:label ?l . "
                + "BIND(IF(EXISTS { ?c a schema:Drug }, 'drug', IF(EXISTS { ?c a schema:InfectiousDisease }, 'infection', "
                + "IF(EXISTS { ?c a schema:MedicalCondition }, 'condition', IF(EXISTS { ?c a sg:Activity }, 'activity', "
                + "'unspecified')))) AS ?kind) } "
                + "BIND(CONCAT('cause ', ?l, ' in ', ?k, ' (', ?kind, ') line ', STR(?n), ': ', ?t) AS ?x) }", "x")
                .forEach(facts::add);
        select(store, "SELECT ?x WHERE { " + g + "{ ?c schema:proprietaryName ?b ; rdfs:label ?l } "
                + "BIND(CONCAT('brand ', ?l, ': ', ?b) AS ?x) }", "x").forEach(facts::add);
        select(store, "SELECT ?x WHERE { " + g + "{ ?c sg:otherBrandsExist true ; rdfs:label ?l } "
                + "BIND(CONCAT('others ', ?l) AS ?x) }", "x").forEach(facts::add);
        select(store, "SELECT ?x WHERE { " + g + "{ ?c sg:abbreviation ?a ; rdfs:label ?l } "
                + "BIND(CONCAT('abbreviation ', ?l, ': ', ?a) AS ?x) }", "x").forEach(facts::add);
        return List.copyOf(facts);
    }

    private static List<String> select(GraphStore store, String query, String variable) {
        return store.read(() -> {
            List<String> values = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(Fixtures.PREFIXES + query).build()) {
                qe.execSelect().forEachRemaining(s -> values.add(s.get(variable).isLiteral()
                        ? s.getLiteral(variable).getLexicalForm() : s.get(variable).toString()));
            }
            return values;
        });
    }

    private static List<String> lines(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).toList();
    }
}
