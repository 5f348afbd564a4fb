package org.symptomgraph.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.links.LinkTable.Link;
import org.symptomgraph.links.LinkTable.Match;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Fixtures;

/**
 * The curated table itself: every identifier is one of the checked ones in the reference data
 * ({@code ../shared/reference/xrefs.tsv}, beside the checkout), read from the source the row names;
 * every entity is one the importer makes; and the curation rules of the reference data's README hold.
 */
class LinkTableCurationTest {

    static final Path TABLE = Path.of("data/links/links.tsv");
    static final Path XREFS = Path.of("../shared/reference/xrefs.tsv");

    /** One row of the reference data. */
    record XRef(String entity, String vocabulary, String id, String label, String repo, String path, String commit,
            String note) {
    }

    private static LinkTable table;
    private static Model petechiae;
    /** The petechiae graph and the graphs of the test documents, together. */
    private static Model graphs;

    @BeforeAll
    static void load() throws Exception {
        table = LinkTable.read(TABLE);
        petechiae = Fixtures.graph(Fixtures.PETECHIAE).model();
        graphs = ModelFactory.createDefaultModel().add(petechiae);
        try (Stream<Path> files = Files.list(Fixtures.TEST_DOCUMENTS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                graphs.add(Fixtures.graph(f).model());
            }
        }
    }

    /** The reference data; the tests that need it are skipped (an assumption) when it is not beside the checkout. */
    static List<XRef> xrefs() throws IOException {
        assumeTrue(Files.isRegularFile(XREFS), XREFS + " is not beside the checkout (CI has it): assuming the table "
                + "was checked against it");
        List<XRef> rows = new ArrayList<>();
        CSVFormat tsv = CSVFormat.Builder.create(CSVFormat.TDF).setQuote(null).setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(XREFS, StandardCharsets.UTF_8); CSVParser p = CSVParser.parse(in, tsv)) {
            for (CSVRecord r : p) {
                rows.add(new XRef(r.get("entity"), r.get("vocabulary"), r.get("id"), r.get("label_in_source"),
                        r.get("source_repo"), r.get("source_path"), r.get("source_commit"), r.get("note")));
            }
        }
        assertTrue(rows.size() > 100, "the reference data looks truncated: " + rows.size() + " rows");
        return rows;
    }

    /**
     * A name for comparing the reference data's entity names with the graph's labels: lower case,
     * without parenthesised remarks ("Cytomegalovirus (CMV) infection" → "cytomegalovirus infection").
     */
    static String norm(String name) {
        return name.replaceAll("\\s*\\([^)]*\\)", "").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The entity's labels in the petechiae graph and the test documents' graphs (a shared node may have several). */
    private static List<String> labels(String entityPath) {
        return Fixtures.select(graphs, "SELECT ?l WHERE { <" + Iris.DEFAULT_BASE + entityPath + "> rdfs:label ?l }", "l");
    }

    @Test
    void everyIdentifierIsInTheReferenceDataWithTheSourceTheRowNames() throws IOException {
        List<XRef> xrefs = xrefs();
        List<String> missing = new ArrayList<>();
        for (Link l : table.links()) {
            boolean found = xrefs.stream().anyMatch(x -> x.vocabulary().equals(l.vocabulary().name())
                    && x.id().equals(l.id()) && x.repo().equals(l.sourceRepo()) && x.path().equals(l.sourcePath())
                    && x.commit().equals(l.sourceCommit()) && norm(x.entity()).equals(norm(l.entityLabel())));
            if (!found) {
                missing.add(l.where() + ": " + l.entityLabel() + " " + l.vocabulary().name() + " " + l.id() + " from "
                        + l.sourceRepo() + "/" + l.sourcePath());
            }
        }
        assertEquals(List.of(), missing, "rows whose identifier, source or entity is not in " + XREFS);
    }

    @Test
    void everyEntityIsOneTheImporterMakesWithThatLabel() {
        List<String> wrong = new ArrayList<>();
        for (Link l : table.links()) {
            List<String> labels = labels(l.entityPath());
            if (labels.isEmpty()) {
                wrong.add(l.where() + ": " + l.entityPath() + " is in neither the petechiae graph nor a test document's");
            } else if (!labels.contains(l.entityLabel())) {
                wrong.add(l.where() + ": " + l.entityPath() + " is labelled " + labels + ", not '" + l.entityLabel() + "'");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noHistoricalDoid() throws IOException {
        Set<String> historical = xrefs().stream().filter(x -> x.vocabulary().equals("DOID (historical)"))
                .map(XRef::id).collect(Collectors.toSet());
        assertFalse(historical.isEmpty());
        for (Link l : table.links()) {
            assertFalse(historical.contains(l.id()), l.where() + ": " + l.id() + " is a historical DOID id");
        }
        assertFalse(Files.readString(TABLE).contains("DOID (historical)"));
    }

    /** Sepsis is in neither graph today; the rule still holds for any NARROWER row added later. */
    @Test
    void narrowerReferenceRowsAndSepsisAreNeverExact() throws IOException {
        Set<String> narrower = xrefs().stream().filter(x -> x.note().contains("NARROWER"))
                .map(x -> x.vocabulary() + " " + x.id()).collect(Collectors.toSet());
        assertFalse(narrower.isEmpty());
        for (Link l : table.links()) {
            boolean sepsis = l.entityPath().contains("sepsis") || norm(l.entityLabel()).contains("sepsis");
            if (sepsis || narrower.contains(l.vocabulary().name() + " " + l.id())) {
                assertNotEquals(Match.EXACT, l.match(), l.where());
                assertNotEquals(Match.NARROW, l.match(), l.where() + ": a NARROWER term is narrower, not broader");
            }
        }
        assertTrue(Fixtures.select(graphs, "SELECT ?s WHERE { ?s rdfs:label ?l FILTER(CONTAINS(LCASE(?l), 'sepsis')) }", "s")
                .isEmpty(), "sepsis is in a graph now: curate it (closeMatch at most)");
    }

    /** DOID and MONDO sometimes disagree on a cross-code: each entity takes a vocabulary's codes from one source. */
    @Test
    void oneSourcePerVocabularyForEachEntity() {
        Map<String, Set<String>> sources = new HashMap<>();
        for (Link l : table.links()) {
            sources.computeIfAbsent(l.entityPath() + " " + l.vocabulary().name(), k -> new TreeSet<>())
                    .add(l.sourceRepo() + "/" + l.sourcePath());
        }
        sources.forEach((k, v) -> assertEquals(1, v.size(), k + " from " + v));
    }

    @Test
    void everyPetechiaeEntityWithACheckedIdentifierIsMapped() throws IOException {
        Set<String> checked = xrefs().stream()
                .filter(x -> Vocabularies.byName(x.vocabulary()).isPresent())
                .map(x -> norm(x.entity())).collect(Collectors.toSet());
        Set<String> mapped = table.links().stream().map(Link::entityPath).collect(Collectors.toSet());
        List<String> unmapped = new ArrayList<>();
        for (String[] e : entities(petechiae)) {
            if (checked.contains(norm(e[1])) && !mapped.contains(e[0])) {
                unmapped.add(e[0]);
            }
        }
        assertEquals(List.of(), unmapped, "entities of the petechiae graph with checked identifiers but no row");
    }

    /** The README lists what stays unmapped and why; this keeps the two in step. */
    @Test
    void theUnmappedEntitiesAreTheDocumentedOnes() {
        Set<String> mapped = table.links().stream().map(Link::entityPath).collect(Collectors.toSet());
        Set<String> unmapped = new TreeSet<>();
        for (String[] e : entities(petechiae)) {
            if (!mapped.contains(e[0])) {
                unmapped.add(e[0]);
            }
        }
        String categories = "document/petechiae/2023-05-26/category/";
        assertEquals(new TreeSet<>(List.of("cause/giving-birth", "cause/lifting-weights",
                categories + "medical-conditions", categories + "medicines", categories + "other-medical-conditions",
                categories + "prolonged-straining")), unmapped);
        String readme = read(Path.of("data/links/README.md"));
        for (String path : unmapped) {
            assertTrue(readme.contains(path.substring(path.lastIndexOf('/') + 1)), "README does not mention " + path);
        }
    }

    /** The canned query for unmapped entities counts exact and close matches only. */
    @Test
    void everyMappedCauseOrSymptomHasAnExactOrCloseMatch() {
        Map<String, Set<Match>> matches = new HashMap<>();
        table.links().forEach(l -> matches.computeIfAbsent(l.entityPath(), k -> new TreeSet<>()).add(l.match()));
        matches.forEach((path, m) -> {
            if (!path.startsWith("document/")) {
                assertTrue(m.contains(Match.EXACT) || m.contains(Match.CLOSE), path + ": only " + m);
            }
        });
    }

    /** The decisions the reference data's README asks for, as the table makes them. */
    @ParameterizedTest(name = "{0} {2} {1}")
    @CsvSource(delimiter = '|', value = {
        "symptom/petechiae|HP:0000967|exact",
        "cause/endocarditis|DOID:0060000|close",
        "cause/endocarditis|MONDO:0000565|close",
        "cause/endocarditis|DOID:10314|broad",
        "cause/endocarditis|MONDO:0005025|broad",
        "drug/penicillin|CHEBI:17334|close",
        "cause/thrombocytopenia|HP:0001873|close",
        "cause/thrombocytopenia|DOID:1588|exact",
        "cause/thrombocytopenia|NCIT:C3408|exact",
        "cause/rubella|SCTID:36653000|exact",
        "cause/immune-thrombocytopenia|DOID:8924|exact",
        "cause/immune-thrombocytopenia|HP:0001973|close",
        "cause/scurvy|DOID:13724|exact",
        "cause/meningococcemia|MONDO:0042972|exact",
        "drug/phenytoin|CHEBI:8107|exact",
        "cause/coughing|HP:0012735|close"})
    void curationDecisions(String path, String id, String match) {
        List<Link> rows = table.links().stream().filter(l -> l.entityPath().equals(path) && l.id().equals(id)).toList();
        assertEquals(1, rows.size(), path + " " + id);
        assertEquals(match, rows.get(0).match().key());
    }

    @Test
    void labFindingsAndConflictingCodesAreLeftOut() {
        Set<String> ids = table.links().stream().map(l -> l.entityPath() + " " + l.id()).collect(Collectors.toSet());
        for (String left : List.of(
                "cause/scurvy HP:0100510",                                  // 'Low levels of vitamin C': a lab finding
                "cause/thrombocytopenia NCI:C203448",                       // DOID's NCIT, MONDO's kept
                "cause/rubella SNOMEDCT_US_2025_09_01:266192003",           // DOID's SNOMED CT, MONDO's kept
                "cause/rubella ICD10CM:B06.9",                              // DOID's ICD-10-CM, MONDO's kept
                "drug/phenytoin N03AB52")) {                                // phenytoin combinations
            assertFalse(ids.contains(left), left);
        }
        assertTrue(table.links().stream().noneMatch(l -> l.entityPath().contains("fosphenytoin")));
    }

    /** [path, label] of every symptom, cause, body site and category of a graph. */
    private static List<String[]> entities(Model m) {
        List<String[]> out = new ArrayList<>();
        String query = """
                SELECT ?e ?l WHERE {
                  VALUES ?type { schema:MedicalSignOrSymptom schema:MedicalCause schema:AnatomicalStructure sg:CauseCategory }
                  ?e a ?type ; rdfs:label ?l
                } ORDER BY ?e ?l""";
        List<String> es = Fixtures.select(m, query, "e");
        List<String> ls = Fixtures.select(m, query, "l");
        for (int i = 0; i < es.size(); i++) {
            out.add(new String[] {es.get(i).substring(Iris.DEFAULT_BASE.length()), ls.get(i)});
        }
        return out;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
