package org.symptomgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;

/** The commands as a user runs them: output, exit status, and what they leave behind. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final String petechiae = Fixtures.PETECHIAE.toString();

    @ParameterizedTest
    @ValueSource(strings = {"import", "validate", "export", "stats"})
    void everyCommandHasHelp(String command) {
        Cli.Run run = Cli.run(command, "--help");
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("Usage: symptomgraph " + command), run.out());
        assertTrue(run.out().contains("--help"));
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Run run = Cli.run();
        assertEquals(2, run.status());
        assertTrue(run.err().contains("Missing command"), run.err());
    }

    @Test
    void importIsDeterministic() throws Exception {
        Path a = dir.resolve("a.nt");
        Path b = dir.resolve("b.nt");
        assertEquals(0, Cli.run("import", petechiae, "--out", a.toString()).status());
        assertEquals(0, Cli.run("import", petechiae, "--out", b.toString()).status());
        assertEquals(sortedLines(a), sortedLines(b));
        // 31 lookup keys: 23 names of the symptom and causes, 5 other names and abbreviations, 3 brands.
        assertEquals(427 + links(), sortedLines(a).size(),
                "220 triples (4 of them lead-ins), 22 evidence assertions of 8 triples each, 31 keys, and the lexical links");
    }

    @Test
    void reimportIntoTheDatabaseLeavesTheSameTriples() throws Exception {
        String db = dir.resolve("db").toString();
        Cli.Run first = Cli.run("import", petechiae, "--db", db);
        assertEquals(0, first.status(), first.toString());
        assertTrue(first.out().contains("(added)"), first.out());
        List<String> before = export(db);
        Cli.Run second = Cli.run("import", petechiae, "--db", db);
        assertTrue(second.out().contains("(unchanged)"), second.out());
        assertEquals(before, export(db));
        // Beside them, the counts the store keeps for the canned queries, in a graph of their own.
        List<String> documentGraph = before.stream()
                .filter(l -> !l.endsWith("<" + org.symptomgraph.store.StatisticsGraph.NAME + "> .")).toList();
        assertTrue(documentGraph.size() < before.size(), "the statistics graph is exported too");
        assertEquals(428 + links(), documentGraph.size(), "the document's triples, its lexical links and its import time");
    }

    @Test
    void aBadDocumentIsOneLineAndTheDatabaseKeepsItsContent() throws Exception {
        String db = dir.resolve("db").toString();
        Cli.Run ok = Cli.run("import", petechiae, "--db", db);
        assertEquals(0, ok.status(), ok.toString());
        List<String> before = export(db);

        Path empty = Files.createFile(dir.resolve("petechiae.txt"));
        Cli.Run bad = Cli.run("import", empty.toString(), "--db", db);
        assertEquals(1, bad.status());
        assertEquals("error: " + empty + ": the document is empty" + System.lineSeparator(), bad.err());
        assertEquals(before, export(db));

        Path binary = dir.resolve("binary.txt");
        Files.write(binary, new byte[] {'a', '\n', 'b', 0, 'c'});
        Cli.Run bin = Cli.run("import", binary.toString(), "--db", db);
        assertEquals(1, bin.status());
        assertTrue(bin.err().startsWith("error: " + binary + ":2: binary content"), bin.err());
        assertFalse(bin.err().contains("Exception"), bin.err());
        assertEquals(before, export(db));

        Cli.Run missing = Cli.run("import", dir.resolve("nope.txt").toString(), "--db", db);
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("nope.txt: no such file"), missing.err());
    }

    @Test
    void aFolderImportsTheGoodDocumentsAndReportsTheBadOne() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs/sub"));
        Files.copy(Fixtures.PETECHIAE, docs.resolve("petechiae.txt"));
        Files.copy(Fixtures.testDocument("hiccups.txt"), docs.getParent().resolve("hiccups.txt"));
        Files.writeString(docs.resolve("notes.txt"), "Nothing here but a remark.\n", StandardCharsets.UTF_8);
        Files.writeString(docs.resolve("ignored.pdf"), "not a document type we read");
        String db = dir.resolve("db").toString();
        Cli.Run run = Cli.run("import", docs.getParent().toString(), "--db", db);
        assertEquals(1, run.status());
        assertTrue(run.err().contains("notes.txt: no causes found"), run.err());
        assertTrue(run.out().contains("2 document(s) imported, 1 failed"), run.out());
        Cli.Run stats = Cli.run("stats", "--db", db);
        assertTrue(stats.out().contains("documents    2"), stats.out());
    }

    @Test
    void aDatabaseAnotherProcessHoldsIsOneClearError() throws Exception {
        Path db = dir.resolve("held-db");
        // Another process holds the database: a server, as a user would have it running.
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--db", db.toString(),
                "--port", "0", "--localhost", "--data", "data").redirectErrorStream(true).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()))) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            String line;
            while ((line = lines.readLine()) != null && !line.contains("ready") && System.nanoTime() < deadline) {
                // the import that fills it, then the ready line
            }
            assertTrue(line != null && line.contains("ready"), "the server started");
            for (String[] command : new String[][] {{"import", "data/documents/petechiae.txt", "--db", db.toString()},
                {"stats", "--db", db.toString()}}) {
                Cli.Run run = Cli.run(command);
                assertTrue(run.status() != 0, command[0]);
                assertTrue(run.err().contains("is in use by another process"), command[0] + ": " + run.err());
                assertTrue(!run.err().contains("Exception"), "no exception's name: " + run.err());
            }
        } finally {
            server.destroy();
            if (!server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void serveSelfTestFillsServesAsksItselfAndStops() {
        String db = dir.resolve("self-test-db").toString();
        Cli.Run run = Cli.run("serve", "--self-test", "--port", "0", "--localhost", "--db", db, "--data", "data");
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("self-test: 200 /symptomgraph/queries/causes-of-symptom"), run.out());
        assertTrue(run.out().strip().endsWith("self-test passed"), run.out());
        assertTrue(!run.out().contains("ready"), "no 'ready' line with a throwaway port in the build's output: "
                + run.out());
        // It stopped and let the database go: another command can open it.
        assertEquals(0, Cli.run("stats", "--db", db).status());
    }

    @Test
    void statsCountsThePetechiaeGraph() throws Exception {
        String db = dir.resolve("db").toString();
        Cli.run("import", petechiae, "--db", db);
        Cli.Run run = Cli.run("stats", "--db", db);
        assertEquals(0, run.status());
        // 14 of the 23 symptoms and causes get a lexical link (docs/linking.md).
        assertEquals(String.join(System.lineSeparator(), String.format("triples      %d", 428 + links()), "documents    1",
                "versions     1", "symptoms     1", "causes       22", "drugs        3", "brands       3", "categories   5",
                "unmapped     9", ""),
                run.out());
    }

    @Test
    void validatePassesOnImportedDataAndFailsOnBrokenData() throws Exception {
        String db = dir.resolve("db").toString();
        Cli.run("import", petechiae, "--db", db);
        Cli.Run good = Cli.run("validate", "--db", db);
        assertEquals(0, good.status(), good.toString());
        assertTrue(good.out().contains("conforms"));

        Path file = dir.resolve("p.ttl");
        Cli.run("import", petechiae, "--out", file.toString());
        assertEquals(0, Cli.run("validate", file.toString()).status());
        String broken = Files.readString(file).replace("\"2023-05-26\"^^xsd:date", "\"26 May 2023\"");
        Path brokenFile = Files.writeString(dir.resolve("broken.ttl"), broken);
        Cli.Run bad = Cli.run("validate", brokenFile.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.out().contains("dct:date"), bad.out());
        assertTrue(bad.out().contains("does not conform: 1 violation(s)"), bad.out());

        Path garbage = Files.writeString(dir.resolve("garbage.ttl"), "this is not turtle");
        Cli.Run notRdf = Cli.run("validate", garbage.toString());
        assertEquals(1, notRdf.status());
        assertTrue(notRdf.err().startsWith("error: " + garbage + ": not valid RDF"), notRdf.err());
    }

    @Test
    void exportWritesEveryFormatAndRefusesUnknownOnes() throws Exception {
        String db = dir.resolve("db").toString();
        Cli.run("import", petechiae, "--db", db);
        for (String format : List.of("turtle", "trig", "ntriples", "nquads", "jsonld", "rdfxml")) {
            Path out = dir.resolve("all." + format);
            Cli.Run run = Cli.run("export", "--format", format, "--out", out.toString(), "--db", db);
            assertEquals(0, run.status(), format + run);
            assertTrue(Files.size(out) > 1000, format);
        }
        Cli.Run unknown = Cli.run("export", "--format", "csv", "--db", db);
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("unknown format 'csv'"), unknown.err());
    }

    @Test
    void userMistakesAreOneLine() {
        Cli.Run ext = Cli.run("import", petechiae, "--out", dir.resolve("x.csv").toString());
        assertEquals(1, ext.status());
        assertTrue(ext.err().startsWith("error: cannot tell the RDF format of"), ext.err());
        Cli.Run noDb = Cli.run("stats", "--db", dir.resolve("missing").toString());
        assertEquals(1, noDb.status());
        assertTrue(noDb.err().startsWith("error: no database at"), noDb.err());
        Cli.Run base = Cli.run("import", petechiae, "--out", dir.resolve("x.ttl").toString(), "--base", "urn:x");
        assertEquals(1, base.status());
        assertTrue(base.err().startsWith("error: the IRI base must be"), base.err());
    }

    @Test
    void baseIsConfigurable() throws Exception {
        Path out = dir.resolve("p.nt");
        Cli.run("import", petechiae, "--out", out.toString(), "--base", "http://example.org/kb/");
        String text = Files.readString(out);
        assertTrue(text.contains("<http://example.org/kb/cause/leukemia>"));
        assertFalse(text.contains("w3id.org/symptomgraph/cause"));
        assertEquals(0, Cli.run("validate", out.toString()).status());
    }

    private List<String> export(String db) throws Exception {
        Path out = dir.resolve("export-" + System.nanoTime() + ".nq");
        Cli.Run run = Cli.run("export", "--format", "nquads", "--out", out.toString(), "--db", db);
        assertEquals(0, run.status(), run.toString());
        return sortedLines(out);
    }

    private static List<String> sortedLines(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** The triples of the petechiae page's lexical links and their records. */
    private static long links() throws Exception {
        return org.symptomgraph.testing.Fixtures.links(org.symptomgraph.testing.Fixtures.graph(
                org.symptomgraph.testing.Fixtures.PETECHIAE)).size();
    }
}
