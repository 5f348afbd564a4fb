package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;

/** The stock jena-fuseki-server jar runs fuseki/config.ttl over a database the importer wrote. */
class StockFusekiConfigTest {

    @TempDir
    Path dir;

    @Test
    void stockServerServesTheDatabaseReadOnly() throws Exception {
        String jar = System.getProperty("stockFusekiJar");
        Assumptions.assumeTrue(jar != null, "run through Maven, which fetches the stock server");
        try (GraphStore store = GraphStore.open(dir.resolve("db"))) {
            store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.EPOCH);
            // Two versions of a page: the newer drops bronchitis.
            store.replace(CurrentViewTest.wheezing(CurrentViewTest.OLD), Instant.EPOCH);
            store.replace(CurrentViewTest.wheezing(CurrentViewTest.NEW), Instant.EPOCH);
        }
        int port = Http.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        // What the build packs in target/symptomgraph-fuseki.jar (this runs before the jar is made).
        Path extension = dir.resolve("symptomgraph-fuseki");
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes.resolve("org/symptomgraph/describe"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path copy = extension.resolve(classes.relativize(f));
                Files.createDirectories(copy.getParent());
                Files.copy(f, copy);
            }
        }
        // As fuseki/config.ttl says to run it: Fuseki main, from the stock jar, with that jar.
        Process fuseki = new ProcessBuilder(java, "-Xmx512m", "-cp", jar + File.pathSeparator + extension,
                "org.apache.jena.fuseki.main.cmds.FusekiMainCmd",
                "--config", Path.of("fuseki/config.ttl").toAbsolutePath().toString(), "--port", Integer.toString(port))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("fuseki.log").toFile())
                .start();
        try {
            String endpoint = "http://127.0.0.1:" + port + "/symptomgraph/sparql";
            waitUntilUp("http://127.0.0.1:" + port + "/$/ping", fuseki);
            HttpResponse<String> r = Http.query(endpoint, Fixtures.PREFIXES
                    + "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s rdfs:label \"Petechiae\"@en ; schema:cause ?c }",
                    "text/csv");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(List.of("n", "22"), r.body().strip().lines().map(String::strip).toList());
            HttpResponse<String> update = Http.send(Http.request("http://127.0.0.1:" + port + "/symptomgraph")
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }")).build());
            assertTrue(update.statusCode() >= 400 && update.statusCode() < 500, "update gave " + update.statusCode());
            // DESCRIBE answers from the current view, as on serve (CurrentViewTest).
            String base = org.symptomgraph.rdf.Iris.DEFAULT_BASE;
            HttpResponse<String> gone = Http.query(endpoint, "DESCRIBE <" + base + "cause/bronchitis>",
                    "application/n-triples");
            assertEquals(200, gone.statusCode(), gone.body());
            assertEquals("", gone.body().strip(), "bronchitis is only in the superseded version");
            HttpResponse<String> asthma = Http.query(endpoint, "DESCRIBE <" + base + "cause/asthma>",
                    "application/n-triples");
            assertTrue(asthma.body().contains("wheezing/2024-03-09/category/"), asthma.body());
            assertFalse(asthma.body().contains("2022-01-05"), "nothing of the superseded version: " + asthma.body());
            assertFalse(Files.readString(dir.resolve("fuseki.log")).contains("Class not found"), "the handler loaded");
            HttpResponse<String> service = Http.query(endpoint,
                    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "text/csv");
            assertTrue(service.statusCode() >= 400, "SERVICE gave " + service.statusCode());
            // No admin API, even for a loopback client (as any client of a proxy on the same host is), no server
            // or metrics pages: issue 16 deleted the dataset and created a writable one through them.
            String server = "http://127.0.0.1:" + port;
            for (String path : List.of("/$/server", "/$/metrics", "/$/stats", "/$/datasets", "/$/datasets/symptomgraph",
                    "/$/tasks", "/$/backup/symptomgraph", "/$/compact/symptomgraph", "/$/backups-list")) {
                assertEquals(404, Http.get(server + path, "*/*").statusCode(), path);
            }
            HttpResponse<String> create = Http.send(Http.request(server + "/$/datasets?dbName=open&dbType=mem")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(404, create.statusCode(), "creating a dataset");
            HttpResponse<String> delete = Http.send(Http.request(server + "/$/datasets/symptomgraph").DELETE().build());
            assertTrue(delete.statusCode() == 404 || delete.statusCode() == 405, "deleting the dataset: " + delete.statusCode());
            assertEquals(200, Http.query(endpoint, "ASK { ?s ?p ?o }", "text/csv").statusCode());
        } finally {
            fuseki.destroy();
            if (!fuseki.waitFor(10, TimeUnit.SECONDS)) {
                fuseki.destroyForcibly();
            }
        }
    }

    /** Polls the health check for at most 60 s; fails early if the server dies. */
    private void waitUntilUp(String ping, Process fuseki) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!fuseki.isAlive()) {
                throw new AssertionError("Fuseki exited: " + Files.readString(dir.resolve("fuseki.log")));
            }
            try {
                if (Http.get(ping, "*/*").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while it starts
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Fuseki did not start in 60 s: " + Files.readString(dir.resolve("fuseki.log")));
    }
}
