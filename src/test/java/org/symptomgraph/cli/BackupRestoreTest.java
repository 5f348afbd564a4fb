package org.symptomgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.queries.QueryRunner;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;

/** backup, then restore into a new database: the same dataset, every named graph and the current view. */
class BackupRestoreTest {

    @TempDir
    Path dir;

    /** A database with several documents, two versions of one page, a service graph and a blank node. */
    private Path database() throws Exception {
        Path db = dir.resolve("db");
        try (GraphStore store = GraphStore.open(db)) {
            store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.parse("2026-01-01T00:00:00Z"));
            for (String name : new String[] {"hiccups.txt", "headache.txt", "fatigue.html"}) {
                store.replace(Fixtures.graph(Fixtures.testDocument(name)), Instant.parse("2026-01-02T00:00:00Z"));
            }
            String newer = new String(Fixtures.bytes(Fixtures.PETECHIAE), StandardCharsets.UTF_8)
                    .replace("May 26, 2023", "May 26, 2024").replace("  3. Leukemia\n", "");
            store.replace(Importer.create().iris(new Iris(Iris.DEFAULT_BASE)).build().read("petechiae.txt", newer.getBytes(StandardCharsets.UTF_8)).graph(),
                    Instant.parse("2026-01-03T00:00:00Z"));
            var service = ModelFactory.createDefaultModel();
            service.createResource().addProperty(service.createProperty("urn:x:p"), "a blank node \u00e9\u00e8 \"quoted\"");
            store.replaceServiceGraph("urn:x:service", service);
        }
        return db;
    }

    /** Backs the database up into a file of this name. */
    private Path backUp(Path db, String name) {
        Path backup = dir.resolve(name);
        assertEquals(0, Cli.run("backup", "--db", db.toString(), "--out", backup.toString()).status());
        return backup;
    }

    private static boolean sameDataset(Path a, Path b) {
        try (GraphStore x = GraphStore.open(a); GraphStore y = GraphStore.open(b)) {
            return x.read(() -> y.read(() -> {
                assertFalse(x.dataset().asDatasetGraph().getDefaultGraph().isEmpty());
                return IsoMatcher.isomorphic(x.dataset().asDatasetGraph(), y.dataset().asDatasetGraph());
            }));
        }
    }

    @Test
    void roundTripRestoresAnIsomorphicDataset() throws Exception {
        Path db = database();
        Path backup = dir.resolve("backups/one.nq.gz");
        Cli.Run b = Cli.run("backup", "--db", db.toString(), "--out", backup.toString());
        assertEquals(0, b.status(), b.toString());
        assertTrue(Files.size(backup) > 0);
        try (var listing = Files.list(backup.getParent())) {
            assertEquals(1, listing.count(), "no temporary file is left");
        }

        Path restored = dir.resolve("restored");
        Cli.Run r = Cli.run("restore", backup.toString(), "--db", restored.toString());
        assertEquals(0, r.status(), r.toString());
        assertTrue(sameDataset(db, restored), "every graph, the default graph too");

        // The restored database answers like the original (the current view is the newest petechiae).
        try (GraphStore store = GraphStore.open(restored)) {
            assertFalse(store.read(() -> Fixtures.ask(store.dataset().getDefaultModel(),
                    "ASK { ?s rdfs:label \"Petechiae\"@en ; schema:cause <https://w3id.org/symptomgraph/cause/leukemia> }")));
        }
    }

    @Test
    void compactionKeepsEveryGraphInANewGenerationAndDeletesTheOld() throws Exception {
        Path db = database();
        Path backup = backUp(db, "before-compaction.nq.gz");
        Path reference = dir.resolve("reference");
        assertEquals(0, Cli.run("restore", backup.toString(), "--db", reference.toString()).status());

        Cli.Run c = Cli.run("compact", "--db", db.toString());
        assertEquals(0, c.status(), c.toString());
        assertTrue(c.out().startsWith("compacted " + db + " from "), c.out());
        try (var generations = Files.list(db)) {
            assertEquals(List.of("Data-0002"), generations.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("Data-")).toList(), "the old generation is gone");
        }
        assertTrue(sameDataset(reference, db), "every graph, the default graph too");
        // The name index is the database's too: label search still finds what it found.
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(1, QueryRunner.select(store.dataset(), QueryCatalog.load().get("label-search").orElseThrow()
                    .bind(Map.of("text", "hiccups"))).size());
        }
        Cli.Run missing = Cli.run("compact", "--db", dir.resolve("no-such-db").toString());
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(missing.err().contains("no database at"), missing.err());
    }

    @Test
    void aDatabaseWithDataIsRefusedUnlessForced() throws Exception {
        Path db = database();
        Path backup = backUp(db, "b.nq.gz");

        Path other = dir.resolve("other");
        try (GraphStore store = GraphStore.open(other)) {
            store.replace(Fixtures.graph(Fixtures.testDocument("nosebleeds.txt")), Instant.EPOCH);
        }
        Cli.Run refused = Cli.run("restore", backup.toString(), "--db", other.toString());
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.err().contains("not empty"), refused.err());

        Cli.Run forced = Cli.run("restore", backup.toString(), "--db", other.toString(), "--force");
        assertEquals(0, forced.status(), forced.toString());
        assertTrue(sameDataset(db, other), "--force replaces the content whole");

        Path folder = dir.resolve("folder");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "mine");
        Cli.Run notDb = Cli.run("restore", backup.toString(), "--db", folder.toString(), "--force");
        assertEquals(1, notDb.status());
        assertTrue(notDb.err().contains("no TDB2 database"), notDb.err());
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
    }

    @Test
    void aDamagedBackupLeavesTheDatabaseAsItWas() throws Exception {
        Path db = database();
        Path backup = backUp(db, "b.nq.gz");
        // The first half of the backup, then a line that is no N-Quads.
        byte[] whole = new java.util.zip.GZIPInputStream(Files.newInputStream(backup)).readAllBytes();
        Path damaged = dir.resolve("damaged.nq.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(damaged))) {
            out.write(whole, 0, whole.length / 2);
            out.write("\n<urn:a> <urn:b> \"unterminated .\n".getBytes(StandardCharsets.UTF_8));
        }
        Path other = dir.resolve("other");
        Cli.Run r = Cli.run("restore", damaged.toString(), "--db", other.toString());
        assertEquals(1, r.status(), r.toString());
        try (GraphStore store = GraphStore.open(other)) {
            assertTrue(store.read(() -> store.dataset().asDatasetGraph().isEmpty()), "nothing of the half backup");
        }
        Path truncated = dir.resolve("truncated.nq.gz");
        byte[] gz = Files.readAllBytes(backup);
        Files.write(truncated, java.util.Arrays.copyOf(gz, gz.length / 2));
        Cli.Run t = Cli.run("restore", truncated.toString(), "--db", other.toString());
        assertTrue(t.status() != 0, t.toString());
        try (GraphStore store = GraphStore.open(other)) {
            assertTrue(store.read(() -> store.dataset().asDatasetGraph().isEmpty()), "nothing of the truncated backup");
        }
        assertEquals(1, Cli.run("backup", "--db", dir.resolve("missing").toString()).status());
    }

    /** An empty backup (a gzip of nothing, or of comments only) restores nothing, even with --force. */
    @Test
    void anEmptyBackupWipesNothing() throws Exception {
        Path db = database();
        Path empty = dir.resolve("empty.nq.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(empty))) {
            out.write("# nothing here\n".getBytes(StandardCharsets.UTF_8));
        }
        Path copy = backUp(db, "copy.nq.gz");
        Cli.Run r = Cli.run("restore", empty.toString(), "--db", db.toString(), "--force");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("holds no quads"), r.err());
        Path reference = dir.resolve("reference");
        assertEquals(0, Cli.run("restore", copy.toString(), "--db", reference.toString()).status());
        assertTrue(sameDataset(reference, db), "the database is as it was");
    }
}
