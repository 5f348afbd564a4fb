package org.symptomgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.bench.CorpusGenerator;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.queries.CannedQuery;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.queries.QueryRunner;
import org.symptomgraph.rdf.Vocab;

/**
 * The statistics graph is exact after every import, and the canned queries that read it answer
 * what they answered when they counted over the whole graph (the queries as they were, in
 * src/test/resources/queries-before-statistics), on generated pages and after a newer version of
 * a page drops a cause.
 */
class StatisticsGraphTest {

    private static final QueryCatalog NOW = QueryCatalog.load();
    private static final QueryCatalog BEFORE = QueryCatalog.load(Path.of("src/test/resources/queries-before-statistics"));

    @TempDir
    static Path dir;
    private static Path corpus;

    @BeforeAll
    static void generate() throws Exception {
        corpus = dir.resolve("corpus");
        CorpusGenerator.write(corpus, 20, 7);
        // A page of our own whose causes the generated pages share (Asthma) or not (Bronchitis).
        write(corpus.resolve("own/wheezing.txt"), page("Asthma", "Bronchitis", "January 5, 2022"));
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String page(String cause1, String cause2, String date) {
        return "Wheezing may be caused by:\n\nLung conditions\n\n1. " + cause1 + "\n2. " + cause2
                + "\n\nOther\n\n1. Smoking\n\n" + date + "\n";
    }

    /** A newer version of the wheezing page that no longer lists Bronchitis. */
    private static Path newerVersion() throws Exception {
        Path file = dir.resolve("newer/wheezing.txt");
        write(file, page("Asthma", "Allergies", "March 9, 2024"));
        return file;
    }

    @Test
    void theStoreKeepsTheCountsExactAndTheQueriesAnswerAsBefore() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            Importer importer = Importer.create().store(store).build();
            importer.importFiles(List.of(corpus));
            assertAnswersAsBefore(store);
            assertCountsExact(store);
            assertEquals(1, symptomCount(store, "Bronchitis"));

            importer.importFiles(List.of(newerVersion()));
            assertAnswersAsBefore(store);
            assertCountsExact(store);
            assertEquals(0, symptomCount(store, "Bronchitis"), "no current page lists it any more");
            assertEquals(1, symptomCount(store, "Allergies"));
        }
    }

    @Test
    void aCuratedLinkChangesTheUnlinkedOfEveryPageThatListsTheCause() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            Importer importer = Importer.create().store(store).build();
            importer.importFiles(List.of(corpus));
            assertTrue(unlinkedIn(store, "Gaibiaplal deficiency") > 1, "a cause many pages list, unlinked");
            Path table = dir.resolve("links/curated.sssom.tsv");
            write(table, curated("gaibiaplal-deficiency"));
            importer.importFiles(List.of(table));
            assertEquals(0, unlinkedIn(store, "Gaibiaplal deficiency"));
            assertAnswersAsBefore(store);
            assertCountsExact(store);
            // The curators move the link to another cause: the first is unlinked again everywhere.
            long plusizoun = unlinkedIn(store, "Plusizoun syndrome");
            assertTrue(plusizoun > 1, "another cause many pages list, unlinked");
            write(table, curated("plusizoun-syndrome"));
            importer.importFiles(List.of(table));
            assertEquals(0, unlinkedIn(store, "Plusizoun syndrome"));
            assertTrue(unlinkedIn(store, "Gaibiaplal deficiency") > 1);
            assertAnswersAsBefore(store);
            assertCountsExact(store);
        }
    }

    private static String curated(String cause) {
        return "subject_id\tpredicate_id\tobject_id\tmapping_justification\n"
                + "sgr:cause/" + cause + "\tskos:exactMatch\tDOID:1240\tsemapv:ManualMappingCuration\n";
    }

    /** In how many pages' rows of unlinked-by-page the cause is named as unlinked. */
    private static long unlinkedIn(GraphStore store, String cause) {
        return rows(store, NOW, "unlinked-by-page", Map.of()).stream()
                .filter(row -> List.of(row.split("\\|", 5)[4].replaceAll("\\|$", "").split(" \\| ")).contains(cause)).count();
    }

    @Test
    void aFirstImportByTheBulkLoaderCountsTheSame() throws Exception {
        Path db = dir.resolve("bulk");
        Importer.create().database(db).build().importFiles(List.of(corpus));
        try (GraphStore store = GraphStore.open(db)) {
            assertAnswersAsBefore(store);
            assertCountsExact(store);
        }
        // Into the database that now has data: through the store.
        Importer.create().database(db).build().importFiles(List.of(newerVersion()));
        try (GraphStore store = GraphStore.open(db)) {
            assertAnswersAsBefore(store);
            assertCountsExact(store);
            assertEquals(0, symptomCount(store, "Bronchitis"));
        }
    }

    @Test
    void aDatabaseWithoutTheCountsIsCountedWhenOpened() throws Exception {
        Path db = dir.resolve("older");
        Importer.create().database(db).build().importFiles(List.of(corpus));
        Set<Quad> counted;
        try (GraphStore store = GraphStore.open(db)) {
            counted = statistics(store);
            // As a database from before the statistics graph.
            store.dataset().executeWrite(() -> store.dataset().asDatasetGraph()
                    .deleteAny(StatisticsGraph.GRAPH, Node.ANY, Node.ANY, Node.ANY));
        }
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(counted, statistics(store));
            assertAnswersAsBefore(store);
            // As a database counted before the ranks.
            store.dataset().executeWrite(() -> store.dataset().asDatasetGraph()
                    .deleteAny(StatisticsGraph.GRAPH, Node.ANY, Vocab.symptomRank.asNode(), Node.ANY));
        }
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(counted, statistics(store));
            // As a database counted before the category paths.
            store.dataset().executeWrite(() -> store.dataset().asDatasetGraph()
                    .deleteAny(StatisticsGraph.GRAPH, Node.ANY, Vocab.categoryPath.asNode(), Node.ANY));
        }
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(counted, statistics(store));
        }
    }

    /** Each rewritten query, with and without its parameters, against the query as it was. */
    private static void assertAnswersAsBefore(GraphStore store) {
        String symptom = someSymptom(store);
        List<Object[]> cases = List.of(
                new Object[] {"causes-by-symptom-count", Map.of("minimum", "1")},
                new Object[] {"causes-by-symptom-count", Map.of("minimum", "2")},
                new Object[] {"causes-by-symptom-count", Map.of("minimum", "4")},
                new Object[] {"documents", Map.of()},
                new Object[] {"causes-per-category", Map.of()},
                new Object[] {"causes-per-category", Map.of("symptom", symptom)},
                new Object[] {"causes-per-category", Map.of("symptom", "wheezing")},
                new Object[] {"causes-of-symptom", Map.of("symptom", symptom)},
                new Object[] {"causes-of-symptom", Map.of("symptom", "wheezing")},
                new Object[] {"category-tree", Map.of("symptom", symptom)},
                new Object[] {"category-tree", Map.of("symptom", "wheezing")},
                new Object[] {"unlinked-by-page", Map.of()});
        for (Object[] c : cases) {
            String name = (String) c[0];
            @SuppressWarnings("unchecked")
            Map<String, String> params = (Map<String, String>) c[1];
            List<String> before = rows(store, BEFORE, name, params);
            List<String> now = rows(store, NOW, name, params);
            assertFalse(before.isEmpty(), name + " " + params + " answers nothing: no comparison");
            assertEquals(before, now, name + " " + params);
        }
    }

    /**
     * The rows, each as text in the columns of the query as it is now, sorted: the rewritten queries
     * answer a page at a time (every page read here) and may leave columns out (the symptom names
     * of causes-by-symptom-count); a list of names (GROUP_CONCAT, in no set order) sorted.
     */
    private static List<String> rows(GraphStore store, QueryCatalog catalog, String name, Map<String, String> params) {
        List<String> columns = NOW.get(name).orElseThrow().query().getResultVars();
        CannedQuery query = catalog.get(name).orElseThrow();
        List<String> rows = new ArrayList<>();
        for (int page = 1; page < 1_000; page++) {
            Map<String, String> values = new HashMap<>(params);
            if (query.paged()) {
                values.put("page", Integer.toString(page));
            }
            int before = rows.size();
            store.read(() -> {
                ResultSet results = QueryRunner.select(store.dataset(), query.bind(values));
                while (results.hasNext()) {
                    QuerySolution row = results.next();
                    StringBuilder line = new StringBuilder();
                    for (String var : columns) {
                        RDFNode value = row.get(var);
                        String text = value == null ? "" : value.isLiteral() ? value.asLiteral().getLexicalForm()
                                : value.toString();
                        line.append(String.join(" | ", new java.util.TreeSet<>(List.of(text.split(" \\| "))))).append('|');
                    }
                    rows.add(line.toString());
                }
                return null;
            });
            if (!query.paged() || rows.size() == before) {
                break;
            }
        }
        Collections.sort(rows);
        return rows;
    }

    private static String someSymptom(GraphStore store) {
        List<String> rows = rows(store, NOW, "documents", Map.of());
        return rows.get(rows.size() / 2).split("\\|")[2];
    }

    /** What the store kept is what counting everything again gives. */
    private static void assertCountsExact(GraphStore store) {
        Set<Quad> kept = statistics(store);
        assertTrue(kept.size() > 100, "counts: " + kept.size());
        Set<Quad> recounted = store.dataset().calculateWrite(() -> {
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            StatisticsGraph.rebuild(dsg);
            Set<Quad> all = new HashSet<>();
            dsg.find(StatisticsGraph.GRAPH, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(all::add);
            // Left as it was kept.
            dsg.deleteAny(StatisticsGraph.GRAPH, Node.ANY, Node.ANY, Node.ANY);
            kept.forEach(dsg::add);
            return all;
        });
        assertEquals(recounted, kept);
    }

    private static Set<Quad> statistics(GraphStore store) {
        return store.read(() -> {
            Set<Quad> all = new HashSet<>();
            store.dataset().asDatasetGraph().find(StatisticsGraph.GRAPH, Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(all::add);
            return all;
        });
    }

    /** sg:symptomCount of the cause with this label, 0 when it has none. */
    private static long symptomCount(GraphStore store, String cause) {
        return store.read(() -> {
            var rows = QueryRunner.select(store.dataset(), org.apache.jena.query.QueryFactory.create("""
                    PREFIX sg: <https://w3id.org/symptomgraph/ontology#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    SELECT ?n WHERE { ?c rdfs:label ?l FILTER(STR(?l) = "%s")
                      GRAPH ?statistics { ?c sg:symptomCount ?n } }""".formatted(cause)));
            return rows.hasNext() ? rows.next().getLiteral("n").getLong() : 0L;
        });
    }
}
