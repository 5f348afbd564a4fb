package org.symptomgraph.store;

import org.symptomgraph.importer.Importer;
import org.symptomgraph.importer.page.DocumentFormats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.bench.CorpusGenerator;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.links.LinkGraph;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Cli;

/** A first import through the bulk loader gives exactly the database that the store's transactions give. */
class BulkLoadTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path dir;

    /** Generated pages, two versions of one page (newer first) and of another (older first). */
    private List<DocumentGraph> corpus() throws Exception {
        Path folder = dir.resolve("corpus");
        CorpusGenerator.write(folder, 60, 11);
        write(folder.resolve("v1/wheezing.txt"), version("Wheezing", "Anaphylaxis", "March 9, 2024"));
        write(folder.resolve("v2/wheezing.txt"), version("Wheezing", "Bronchitis", "January 5, 2022"));
        write(folder.resolve("v3/hoarseness.txt"), version("Hoarseness", "Laryngitis", "May 1, 2021"));
        write(folder.resolve("v4/hoarseness.txt"), version("Hoarseness", "Reflux", "June 2, 2025"));
        Importer importer = Importer.create().build();
        List<DocumentGraph> graphs = new ArrayList<>();
        for (Path file : DocumentFormats.documentsIn(List.of(folder))) {
            try {
                graphs.add(importer.read(file).graph());
            } catch (DocumentException e) {
                // the generator's deliberately broken pages are no part of either import
            }
        }
        graphs.add(LinkGraph.linkGraph(Path.of("data/links/links.tsv"), new Iris(Iris.DEFAULT_BASE)));
        return graphs;
    }

    /** Pages are named after their file, so versions of a page live in folders of their own. */
    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String version(String symptom, String cause, String date) {
        return symptom + " may be caused by:\n\n1. Asthma\n2. " + cause + "\n3. Smoking\n\n" + date + "\n";
    }

    @Test
    void theBulkLoaderAndTheStoreGiveTheSameQuads() throws Exception {
        List<DocumentGraph> graphs = corpus();

        Path bulkDb = dir.resolve("bulk");
        List<DocumentGraph> throughStore = new ArrayList<>();
        assertTrue(BulkLoad.isNew(bulkDb));
        try (BulkLoad bulk = BulkLoad.into(bulkDb, AT)) {
            for (DocumentGraph g : graphs) {
                if (!bulk.add(g)) {
                    throughStore.add(g);
                }
            }
            bulk.commit();
        }
        assertEquals(List.of("https://w3id.org/symptomgraph/graph/wheezing/2022-01-05",
                "https://w3id.org/symptomgraph/graph/hoarseness/2025-06-02", "https://w3id.org/symptomgraph/graph/links"),
                throughStore.stream().map(DocumentGraph::name).toList(),
                "second versions of a page, and graphs that are no document, go through the store");
        Set<Quad> bulkQuads;
        try (GraphStore store = GraphStore.open(bulkDb)) {
            store.replaceAll(throughStore, AT);
            bulkQuads = quads(store);
        }

        Set<Quad> storeQuads;
        try (GraphStore store = GraphStore.open(dir.resolve("store"))) {
            store.replaceAll(graphs, AT);
            storeQuads = quads(store);
        }
        assertTrue(storeQuads.size() > 20_000, "a corpus worth comparing: " + storeQuads.size());
        Set<Quad> missing = new HashSet<>(storeQuads);
        missing.removeAll(bulkQuads);
        Set<Quad> extra = new HashSet<>(bulkQuads);
        extra.removeAll(storeQuads);
        assertTrue(missing.isEmpty() && extra.isEmpty(), () -> missing.size() + " quads missing from the bulk load, e.g. "
                + missing.stream().limit(3).toList() + "; " + extra.size() + " extra, e.g. " + extra.stream().limit(3).toList());
        assertFalse(BulkLoad.isNew(bulkDb));
    }

    private static List<String> causes(Path db) {
        try (GraphStore store = GraphStore.open(db)) {
            return store.read(() -> {
                List<String> labels = new ArrayList<>();
                org.apache.jena.query.QueryExecution.dataset(store.dataset())
                        .query("SELECT DISTINCT ?l { ?s <https://schema.org/cause>/<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l")
                        .select().forEachRemaining(r -> labels.add(r.getLiteral("l").getString()));
                return labels;
            });
        }
    }

    private static Set<Quad> quads(GraphStore store) {
        return store.read(() -> {
            Set<Quad> all = new HashSet<>();
            store.dataset().asDatasetGraph().find().forEachRemaining(all::add);
            return all;
        });
    }

    @Test
    void anAbandonedFirstImportLeavesADatabaseThatIsRefusedAndCountsAsNew() throws Exception {
        Path db = dir.resolve("db");
        try (BulkLoad bulk = BulkLoad.into(db, AT)) {
            corpus().stream().limit(10).forEach(bulk::add);
        }
        assertTrue(BulkLoad.isIncomplete(db));
        assertTrue(BulkLoad.isNew(db), "an interrupted first import starts again from nothing");
        assertThrows(IncompleteDatabaseException.class, () -> GraphStore.open(db));

        try (BulkLoad bulk = BulkLoad.into(db, AT)) {
            bulk.commit();
        }
        assertFalse(BulkLoad.isIncomplete(db));
        try (GraphStore store = GraphStore.open(db)) {
            assertTrue(store.read(() -> store.dataset().asDatasetGraph().isEmpty()), "nothing of the abandoned import");
        }
    }

    @Test
    void aDatabaseWithDataIsNoLongerNewAndTheBulkLoaderRefusesIt() throws Exception {
        Path db = dir.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            assertTrue(BulkLoad.isNew(db), "an empty TDB2 database is new");
        }
        try (GraphStore store = GraphStore.open(db)) {
            store.replace(corpus().get(0), AT);
        }
        assertFalse(BulkLoad.isNew(db));
        assertThrows(IllegalStateException.class, () -> BulkLoad.into(db, AT));
        Path file = dir.resolve("file");
        Files.writeString(file, "x", StandardCharsets.UTF_8);
        assertFalse(BulkLoad.isNew(file), "a file is no database folder");
    }

    @Test
    void theImportCommandFillsANewDatabaseAndThenAddsFurtherVersionsThroughTheStore() throws Exception {
        Path folder = dir.resolve("pages");
        write(folder.resolve("a/wheezing.txt"), version("Wheezing", "Anaphylaxis", "March 9, 2024"));
        write(folder.resolve("b/wheezing.txt"), version("Wheezing", "Bronchitis", "January 5, 2022"));
        write(folder.resolve("c/hoarseness.txt"), version("Hoarseness", "Reflux", "June 2, 2025"));
        Path db = dir.resolve("db");

        Cli.Run run = Cli.run("import", folder.toString(), "--db", db.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("wheezing.txt: Wheezing: 3 causes, 1 categories -> <https://w3id.org/symptomgraph/graph/wheezing/2024-03-09> (added)"), run.out());
        assertTrue(run.out().contains("3 document(s) imported, 0 failed"), run.out());
        assertTrue(run.out().contains("database:  3 added, 0 replaced, 0 unchanged"), run.out());
        assertEquals(List.of("Anaphylaxis", "Asthma", "Reflux", "Smoking"), causes(db),
                "the current view: the newest version of each page");

        Cli.Run again = Cli.run("import", folder.toString(), "--db", db.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("database:  0 added, 0 replaced, 3 unchanged"), "the second run goes through "
                + "the store, which finds every graph as it was: " + again.out());
    }
}
