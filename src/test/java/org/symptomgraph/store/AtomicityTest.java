package org.symptomgraph.store;

import org.symptomgraph.importer.Importer;
import org.symptomgraph.importer.page.DocumentFormats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.bench.CorpusGenerator;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;

/** All or nothing: readers never see half an import, and a killed import leaves whole documents only. */
class AtomicityTest {

    private static final String GRAPH = "https://w3id.org/symptomgraph/graph/petechiae/2023-05-26";
    private static final String LEUKEMIA = "https://w3id.org/symptomgraph/cause/leukemia";
    /** Triples the store adds to a document's graph. */
    private static final Set<Node> STORE_MADE = Set.of(Vocab.endedAtTime.asNode(), DCTerms.isReplacedBy.asNode(),
            DCTerms.replaces.asNode(), NodeFactory.createURI(Vocab.PROV + "wasRevisionOf"));

    @TempDir
    Path dir;

    static DocumentGraph petechiaeWithoutLeukemia() throws DocumentException {
        String text = new String(Fixtures.bytes(Fixtures.PETECHIAE), StandardCharsets.UTF_8);
        String changed = text.replace("  3. Leukemia\n  4. Scurvy (vitamin C deficiency)\n  5. Thrombocytopenia\n"
                + "  6. Vasculitis", "  3. Scurvy (vitamin C deficiency)\n  4. Thrombocytopenia\n  5. Vasculitis");
        assertFalse(changed.equals(text), "the fixture still lists Leukemia third");
        return Importer.create().iris(new Iris(Iris.DEFAULT_BASE)).build().read("petechiae.txt", changed.getBytes(StandardCharsets.UTF_8)).graph();
    }

    /** What a reader sees, in one read transaction: the document graph's size, the current view's, Leukemia shown. */
    private record View(long named, long current, boolean leukemia) {
    }

    private static View view(Dataset ds) {
        return ds.calculateRead(() -> {
            try (QueryExecution qe = QueryExecution.dataset(ds).query("""
                    SELECT ?named ?current ?leukemia WHERE {
                      { SELECT (COUNT(*) AS ?named) WHERE { GRAPH <%s> { ?s ?p ?o } } }
                      { SELECT (COUNT(*) AS ?current) WHERE { ?s ?p ?o } }
                      BIND(EXISTS { ?x <https://schema.org/cause> <%s> } AS ?leukemia)
                    }""".formatted(GRAPH, LEUKEMIA)).build()) {
                var row = qe.execSelect().next();
                return new View(row.getLiteral("named").getLong(), row.getLiteral("current").getLong(),
                        row.getLiteral("leukemia").getBoolean());
            }
        });
    }

    @Test
    void readersSeeTheOldGraphOrTheNewNeverAMixOrNothing() throws Exception {
        DocumentGraph a = Fixtures.graph(Fixtures.PETECHIAE);
        DocumentGraph b = petechiaeWithoutLeukemia();
        try (GraphStore store = GraphStore.open(dir.resolve("db"))) {
            store.replace(b, Instant.now());
            View viewB = view(store.dataset());
            store.replace(a, Instant.now());
            View viewA = view(store.dataset());
            assertTrue(viewA.leukemia() && !viewB.leukemia() && viewA.named() != viewB.named(), viewA + " " + viewB);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger reads = new AtomicInteger();
            AtomicInteger imports = new AtomicInteger();
            List<String> bad = Collections.synchronizedList(new ArrayList<>());
            List<Thread> readers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        View v = view(store.dataset());
                        if (!v.equals(viewA) && !v.equals(viewB)) {
                            bad.add(v.toString());
                        }
                        reads.incrementAndGet();
                    }
                }, "reader-" + i);
                t.start();
                readers.add(t);
            }
            // Bounded by count; the time limit only guards against a hang (a loaded machine is slow).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            try {
                while (imports.get() < 20 && System.nanoTime() < deadline) {
                    GraphStore.Outcome outcome = store.replace(imports.get() % 2 == 0 ? b : a, Instant.now());
                    assertEquals(GraphStore.Outcome.REPLACED, outcome);
                    imports.incrementAndGet();
                }
            } finally {
                stop.set(true);
                for (Thread t : readers) {
                    t.join(10_000);
                }
            }
            assertTrue(bad.isEmpty(), () -> bad.size() + " mixed views, e.g. " + bad.get(0) + "; A=" + viewA + " B=" + viewB);
            assertTrue(imports.get() >= 10 && reads.get() >= imports.get(), () -> imports + " imports, " + reads + " reads");
            System.out.printf("atomicity: %d re-imports, %d reads, no mixed view%n", imports.get(), reads.get());
        }
    }

    @Test
    void anImportKilledMidwayLeavesWholeDocumentsAndAReimportCompletesIt() throws Exception {
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.write(corpus, 200, 7);
        Path db = dir.resolve("db");
        // One document first, so that the folder goes into an existing database, a transaction a batch.
        Path first = DocumentFormats.documentsIn(List.of(corpus)).get(0);
        assertEquals(0, Cli.run("import", first.toString(), "--db", db.toString()).status());

        int printed = importAndKill(corpus, db, "--batch", "1");

        Map<String, Model> expected = expectedGraphs(corpus);
        int total = expected.size();
        try (GraphStore store = GraphStore.open(db)) {
            int whole = checkWhole(store, expected);
            assertTrue(whole >= printed, whole + " documents stored, but " + printed + " reported stored");
            assertTrue(whole < total, "killed mid-way, yet all " + total + " documents are stored");
            System.out.printf("kill: %d of %d documents stored whole at the kill (%d reported)%n", whole, total, printed);
        }
        reimportCompletes(corpus, db, total, expected);
    }

    @Test
    void aFirstImportKilledMidwayLeavesAnIncompleteDatabaseThatNothingOpensAndAReimportRebuilds() throws Exception {
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.write(corpus, 200, 7);
        Path db = dir.resolve("new-db");

        importAndKill(corpus, db);  // a new database: the bulk loader, the whole import one unit

        assertTrue(BulkLoad.isIncomplete(db) && BulkLoad.isNew(db));
        IncompleteDatabaseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IncompleteDatabaseException.class, () -> GraphStore.open(db));
        assertTrue(refused.getMessage().contains("interrupted"), refused.getMessage());
        Cli.Run stats = Cli.run("stats", "--db", db.toString());
        assertEquals(1, stats.status());
        assertTrue(stats.err().startsWith("error: the database " + db + " is incomplete"), stats.err());
        assertFalse(stats.err().contains("\tat "), "no stack trace: " + stats.err());

        Map<String, Model> expected = expectedGraphs(corpus);
        reimportCompletes(corpus, db, expected.size(), expected);
        assertFalse(BulkLoad.isIncomplete(db));
    }

    /** Imports the folder in another JVM and kills it (SIGKILL) once it has reported 20 documents; returns how many it reported. */
    private int importAndKill(Path corpus, Path db, String... options) throws Exception {
        Path stderr = dir.resolve("child.err");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classpath, "org.symptomgraph.cli.Main",
                "import", corpus.toString(), "--db", db.toString(), "-v"));
        command.addAll(List.of(options));
        Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        boolean killedAlive;
        CountDownLatch enough = new CountDownLatch(1);
        AtomicInteger stored = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    if (line.contains(" -> <")) {
                        if (stored.incrementAndGet() >= 20) {
                            enough.countDown();
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // the child is gone
            }
        }, "child-stdout");
        reader.start();
        try {
            assertTrue(enough.await(120, TimeUnit.SECONDS) || !child.isAlive(),
                    "the child printed no progress: " + Files.readString(stderr));
            killedAlive = child.isAlive();
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
            reader.join(10_000);
        }
        assertTrue(killedAlive, "the import finished before it was killed; make the corpus bigger");
        return stored.get();
    }

    private static void reimportCompletes(Path corpus, Path db, int total, Map<String, Model> expected) throws Exception {
        Cli.Run again = Cli.run("import", corpus.toString(), "--db", db.toString());
        assertEquals(0, again.status(), again.err());
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(total, checkWhole(store, expected), "the re-import completed the folder");
        }
    }

    /** Graph name to its triples, for every document of the folder that imports. */
    private static Map<String, Model> expectedGraphs(Path corpus) throws Exception {
        Importer importer = Importer.create().build();
        Map<String, Model> expected = new HashMap<>();
        for (Path file : DocumentFormats.documentsIn(List.of(corpus))) {
            try {
                DocumentGraph g = importer.read(file).graph();
                expected.put(g.name(), g.model());
            } catch (DocumentException e) {
                // not part of what an import stores
            }
        }
        return expected;
    }

    /**
     * Every stored document graph is exactly one of the expected graphs, and the current view is the
     * union of the current graphs. Returns how many document graphs are stored.
     */
    private static int checkWhole(GraphStore store, Map<String, Model> expected) {
        return store.read(() -> {
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            Set<Node> documents = new HashSet<>();
            dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), Vocab.SourceDocument.asNode()).forEachRemaining(q -> {
                if (!Quad.isDefaultGraph(q.getGraph())) {
                    documents.add(q.getGraph());
                }
            });
            Graph union = GraphFactory.createDefaultGraph();
            for (Node g : documents) {
                Model want = expected.get(g.getURI());
                assertTrue(want != null, g + " is no document of the folder");
                Graph got = GraphFactory.createDefaultGraph();
                dsg.getGraph(g).find().forEachRemaining(t -> {
                    if (!STORE_MADE.contains(t.getPredicate())) {
                        got.add(t);
                    }
                });
                assertTrue(got.isIsomorphicWith(want.getGraph()), g + " is not whole: " + got.size() + " of "
                        + want.size() + " triples");
                if (!dsg.contains(g, g, DCTerms.isReplacedBy.asNode(), Node.ANY)) {
                    dsg.getGraph(g).find().forEachRemaining(union::add);
                }
            }
            Graph current = dsg.getDefaultGraph();
            for (Triple t : union.find().toList()) {
                assertTrue(current.contains(t), "the current view lacks " + t);
            }
            assertEquals(union.size(), current.size(), "the current view is the union of the current graphs");
            return documents.size();
        });
    }
}
