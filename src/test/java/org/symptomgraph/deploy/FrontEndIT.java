package org.symptomgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.bench.deploy.Front;
import org.symptomgraph.bench.deploy.Replica;
import org.symptomgraph.testing.Http;

/**
 * docs/deploy.md, end to end on loopback: a writer imports and backs up, two replicas restore and
 * serve, HAProxy balances them with health checks, Varnish caches in front. Through the front the
 * answers are a replica's; a replica killed under load and started again costs no failed request;
 * a new page imported on the writer and rolled out replica by replica is what the front answers
 * once the rollout's ban has emptied the cache, and no client sees an error during the rollout.
 */
class FrontEndIT {

    /** The page the writer imports for the next version: its symptom is not in the first. */
    private static final Path NEW_PAGE = Path.of("src/test/resources/documents/hiccups.txt");
    private static final String NEW_PAGE_ANSWER = "/symptomgraph/queries/causes-of-symptom?symptom=Hiccups";
    /** Answers the load asks for again and again: the cache holds them. */
    private static final List<String> CACHED = List.of("/symptomgraph/queries/causes-of-symptom?symptom=Petechiae",
            "/symptomgraph/queries/drug-by-brand?brand=Dilantin-125");
    private static final Duration COMMAND = Duration.ofSeconds(120);
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration CHANGE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private long started;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void replicasBehindHaproxyAndVarnish() throws Exception {
        assumeTrue(Front.program("haproxy").isPresent() && Front.program("varnishd").isPresent(),
                "haproxy or varnishd is not installed (apt-get install haproxy varnish; .ci/run installs them): "
                        + "the front-end test is skipped");
        started = System.nanoTime();
        Path logs = Files.createDirectories(dir.resolve("logs"));

        // The writer: imports, backs up.
        Path writer = dir.resolve("writer");
        Replica.run(logs, COMMAND, "import", "data", "--db", writer.toString());
        Path v1 = dir.resolve("v1.nq.gz");
        Replica.run(logs, COMMAND, "backup", "--db", writer.toString(), "--out", v1.toString());
        mark("writer imported and backed up v1");
        int frontPort = Http.freePort();
        String publicUrl = "http://127.0.0.1:" + frontPort + "/symptomgraph/sparql";
        Replica r1 = new Replica("r1", Http.freePort(), logs, publicUrl);
        Replica r2 = new Replica("r2", Http.freePort(), logs, publicUrl);
        // The next version, made while the replicas start and serve: one more page, backed up, and restored
        // into each replica's next database beside the one it serves.
        Path v2 = dir.resolve("v2.nq.gz");
        CompletableFuture<Void> nextVersion = CompletableFuture.runAsync(() -> {
            try {
                Replica.run(logs, COMMAND, "import", NEW_PAGE.toString(), "--db", writer.toString());
                Replica.run(logs, COMMAND, "backup", "--db", writer.toString(), "--out", v2.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            restore(logs, v2, "v2", false, r1, r2);
        });
        try (r1; r2) {
            restore(logs, v1, "v1", true, r1, r2);
            r1.awaitServing(START);
            r2.awaitServing(START);
            String firstVersion = r1.version();
            assertEquals(firstVersion, r2.version(), "both replicas serve the same dataset version");
            mark("replicas restored v1 and serve it");

            try (Front front = Front.start(dir, frontPort, r1, r2, "120s")) {
                mark("HAProxy and Varnish answer");
                answersThroughTheFrontAreTheReplicas(front, r1, r2);
                mark("answers through the front are the replicas'");
                aKilledReplicaCostsNoRequest(front, r2, dir.resolve("r2-v1"));
                mark("a replica killed and restarted under load");
                nextVersion.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
                mark("writer imported and backed up v2, replicas restored it beside v1");
                aRollingRestoreIsSeenThroughTheCache(front, firstVersion, r1, r2);
                mark("rolling restore of v2 seen through the cache");
            }
        } finally {
            // The writer's commands end by themselves (each bounded): not while the folder is deleted.
            try {
                nextVersion.get(COMMAND.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception alreadyReported) {
                // a failure of its own was reported above, or the test failed first
            }
        }
    }

    /**
     * A replica that dies in the middle of an answer: one stand-in cuts every answer (headers, ten
     * bytes of a declared 100,000, then the connection closed), as a SIGKILLed serve would, the
     * other answers whole. Varnish takes whole answers only and asks again on a failed fetch, so
     * every client gets the whole answer; a streamed answer would reach the client cut off.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void anAnswerCutByADyingReplicaNeverReachesAClient() throws Exception {
        assumeTrue(Front.program("haproxy").isPresent() && Front.program("varnishd").isPresent(),
                "haproxy and varnishd are not installed (.ci/run installs them)");
        java.util.concurrent.atomic.AtomicInteger cut = new java.util.concurrent.atomic.AtomicInteger();
        var dying = standIn(cut);
        var healthy = standIn(null);
        try (Front front = Front.start(dir, Http.freePort(), dying.getAddress().getPort(),
                healthy.getAddress().getPort(), "120s")) {
            // Until the dying one has cut some answers (HAProxy takes it out after each, and back once its
            // health checks pass), bounded in count.
            for (int i = 0; i < 200 && cut.get() < 3; i++) {
                HttpResponse<String> r = Http.get(front.url("/answer/" + i), "text/plain");
                assertEquals(200, r.statusCode(), "/answer/" + i + ", after " + cut.get() + " cut answers\n" + front.logs());
                assertEquals(WHOLE, r.body().length(), "/answer/" + i);
                Thread.sleep(50);
            }
            assertTrue(cut.get() >= 1, "the dying stand-in was never asked: the test proved nothing");
        } finally {
            dying.stop(0);
            healthy.stop(0);
        }
    }

    private static final int WHOLE = 100_000;

    /** Health checks pass; every other answer is whole, or, with a counter, cut and counted. */
    private static com.sun.net.httpserver.HttpServer standIn(java.util.concurrent.atomic.AtomicInteger cut)
            throws java.io.IOException {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] whole = "x".repeat(WHOLE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (exchange.getRequestURI().getPath().startsWith("/$/")) {
                    byte[] ok = "ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    exchange.sendResponseHeaders(200, ok.length);
                    exchange.getResponseBody().write(ok);
                } else if (cut != null) {
                    cut.incrementAndGet();
                    exchange.sendResponseHeaders(200, whole.length);
                    exchange.getResponseBody().write(whole, 0, 10);
                    exchange.getResponseBody().flush();
                    // Closing with bytes owed closes the connection: the answer ends there.
                } else {
                    exchange.sendResponseHeaders(200, whole.length);
                    exchange.getResponseBody().write(whole);
                }
            } catch (java.io.IOException expected) {
                // the cut answer: the server refuses to finish it
            }
        });
        server.start();
        return server;
    }

    private void answersThroughTheFrontAreTheReplicas(Front front, Replica r1, Replica r2) {
        String query = Http.encode("""
                PREFIX schema: <https://schema.org/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?cause WHERE { ?s rdfs:label "Petechiae"@en ; schema:cause/rdfs:label ?cause } ORDER BY ?cause""");
        List<String[]> asked = List.of(
                new String[] {"/symptomgraph/sparql?query=" + query, "application/sparql-results+json"},
                new String[] {"/symptomgraph/sparql", "text/turtle"},
                new String[] {CACHED.get(0), "text/csv"},
                new String[] {"/cause/leukemia", "text/turtle"},
                new String[] {"/symptom/petechiae", "text/html"},
                new String[] {"/ontology", "text/turtle"},
                new String[] {"/.well-known/void", "text/turtle"});
        for (String[] request : asked) {
            String path = request[0];
            String accept = request[1];
            HttpResponse<String> direct = Http.get(r1.url(path), accept);
            assertEquals(200, direct.statusCode(), path + ": " + direct.body());
            assertSame(direct, Http.get(r2.url(path), accept), "the other replica, " + path);
            assertSame(direct, Http.get(front.url(path), accept), "through the front, " + path);
            HttpResponse<String> hit = Http.get(front.url(path), accept);
            assertSame(direct, hit, "through the front again, " + path);
            // Varnish names two requests on a hit: this one and the one that fetched the answer.
            assertEquals(2, hit.headers().firstValue("X-Varnish").orElse("").split(" ").length,
                    "the second answer comes from the cache: " + path + " " + hit.headers().map());
        }
    }

    /**
     * The same answer: status, type and body; for Turtle the same graph, since each JVM may write the
     * statements in another order, and in a VoID description not counting the dates of the dumps, which
     * each replica writes when it starts.
     */
    private static void assertSame(HttpResponse<String> expected, HttpResponse<String> actual, String what) {
        assertEquals(expected.statusCode(), actual.statusCode(), what);
        Optional<String> type = expected.headers().firstValue("Content-Type");
        assertEquals(type, actual.headers().firstValue("Content-Type"), what);
        if (type.orElse("").startsWith("text/turtle")) {
            assertTrue(withoutDumpDates(expected.body()).isIsomorphicWith(withoutDumpDates(actual.body())),
                    () -> what + ": another graph\n" + expected.body() + "\n---\n" + actual.body());
        } else {
            assertEquals(expected.body(), actual.body(), what);
        }
    }

    /** A Turtle answer as a graph, without the dates of the dumps (dcat:Distribution) a VoID description has. */
    private static Graph withoutDumpDates(String turtle) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(turtle, Lang.TURTLE).parse(model);
        model.listSubjectsWithProperty(RDF.type, DCAT.Distribution).toList()
                .forEach(dump -> dump.removeAll(DCTerms.modified));
        return model.getGraph();
    }

    private void aKilledReplicaCostsNoRequest(Front front, Replica victim, Path db) throws Exception {
        long served;
        try (Load load = new Load(front.url(""), 4, CACHED)) {
            awaitMoreRequests(front, victim.name, CHANGE);
            victim.kill();
            front.awaitStatus(victim.name, "DOWN", CHANGE);
            long atDown = load.sent();
            victim.start(db);
            victim.awaitServing(START);
            front.awaitStatus(victim.name, "UP", CHANGE);
            awaitMoreRequests(front, victim.name, CHANGE);
            served = load.sent() - atDown;
            load.close();
            assertEquals(List.of(), load.failures(), () -> "failed requests of " + load.sent() + "\n" + front.logs());
            System.out.printf("kill: %d requests, %d of them while %s was down or starting, 0 failed%n", load.sent(),
                    served, victim.name);
        }
        assertTrue(served > 0, "requests while the replica was down");
    }

    /** Waits until HAProxy has sent the replica more requests (the load reaches it). */
    private static void awaitMoreRequests(Front front, String server, Duration limit) throws Exception {
        long before = Long.parseLong(front.stat(server).get("stot"));
        long deadline = System.nanoTime() + limit.toNanos();
        while (Long.parseLong(front.stat(server).get("stot")) <= before) {
            assertTrue(System.nanoTime() < deadline, server + " got no request in " + limit);
            Thread.sleep(50);
        }
    }

    private void aRollingRestoreIsSeenThroughTheCache(Front front, String firstVersion, Replica... replicas)
            throws Exception {
        HttpResponse<String> old = Http.get(front.url(NEW_PAGE_ANSWER), "text/csv");
        assertEquals(200, old.statusCode(), old.body());
        assertEquals(1, old.body().lines().count(), "v1 has no hiccups: " + old.body());
        String newVersion = null;
        try (Load load = new Load(front.url(""), 4, CACHED)) {
            for (Replica replica : replicas) {
                // Drain: no new request goes to it; those under way end. Then replace it.
                front.haproxy("set server replicas/" + replica.name + " state drain");
                front.awaitStatus(replica.name, "DRAIN", CHANGE);
                awaitIdle(front, replica.name, CHANGE);
                replica.stop();
                replica.start(dir.resolve(replica.name + "-v2"));
                replica.awaitServing(START);
                // Ready when it serves the version the others serve (the first one: the backup's).
                String version = replica.version();
                assertNotEquals(firstVersion, version, replica.name + " serves the new version");
                if (newVersion == null) {
                    newVersion = version;
                }
                assertEquals(newVersion, version, replica.name + " serves the same version as the others");
                front.haproxy("set server replicas/" + replica.name + " state ready");
                front.awaitStatus(replica.name, "UP", CHANGE);
            }
            load.close();
            assertEquals(List.of(), load.failures(), () -> "failed requests of " + load.sent() + " during the rollout\n"
                    + front.logs());
            System.out.printf("rolling restore: %d requests, 0 failed%n", load.sent());
        }
        // Every replica serves v2; the cache still holds v1's answer, until the rollout's last step empties it.
        assertEquals(old.body(), Http.get(front.url(NEW_PAGE_ANSWER), "text/csv").body(), "cached until the ban");
        HttpResponse<String> ban = Http.send(Http.request(front.url("/")).method("BAN", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, ban.statusCode(), ban.body());
        HttpResponse<String> fresh = Http.get(replicas[0].url(NEW_PAGE_ANSWER), "text/csv");
        assertTrue(fresh.body().lines().count() > 1, "v2 has the causes of hiccups: " + fresh.body());
        for (int i = 0; i < 4; i++) {
            assertSame(fresh, Http.get(front.url(NEW_PAGE_ANSWER), "text/csv"), "after the ban, answer " + i);
        }
    }

    private static void awaitIdle(Front front, String server, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!front.stat(server).get("scur").equals("0")) {
            assertTrue(System.nanoTime() < deadline, server + " still has requests after " + limit);
            Thread.sleep(50);
        }
    }

    /** Each replica restores the backup into its own new database, NAME-VERSION, all at once; and serves it, if asked. */
    private void restore(Path logs, Path backup, String version, boolean serve, Replica... replicas) {
        CompletableFuture.allOf(Arrays.stream(replicas).map(r -> CompletableFuture.runAsync(() -> {
            Path db = dir.resolve(r.name + "-" + version);
            try {
                Replica.run(logs, COMMAND, "restore", backup.toString(), "--db", db.toString());
                if (serve) {
                    r.start(db);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toArray(CompletableFuture[]::new)).join();
    }

    private void mark(String step) {
        System.out.printf("%6d ms: %s%n", (System.nanoTime() - started) / 1_000_000, step);
    }
}
