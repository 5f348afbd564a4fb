package org.symptomgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.testing.TestServer;

/** The load harness: runs end on whole rotations through the queries, so each query weighs the same. */
class EndpointBenchmarkTest {

    @TempDir
    Path work;

    @Test
    void runsEndOnWholeRotations() throws Exception {
        EndpointBenchmark bench = new EndpointBenchmark(work, new EndpointBenchmark.Load(List.of(1), 4,
                Duration.ofSeconds(30), 1, 1, 0, Duration.ofSeconds(1), false, true), new PrintStream(OutputStream.nullOutputStream()));
        List<EndpointBenchmark.Named> three = List.of(
                new EndpointBenchmark.Named("ask", "ASK { ?s ?p ?o }"),
                new EndpointBenchmark.Named("one", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"),
                new EndpointBenchmark.Named("two", "SELECT * WHERE { ?s ?p ?o } LIMIT 2"));
        try (TestServer server = TestServer.petechiae()) {
            URI endpoint = URI.create(server.server().endpointUrl());
            EndpointBenchmark.Run run = bench.drive(endpoint, three, 2, 4, Duration.ofSeconds(30));
            assertEquals(6, run.requests(), "4 requests asked, rounded up to two rotations of three");
            assertEquals(0, run.errors());
            assertEquals(6, run.nanos().length);
            // A cap already passed: the run stops at once, before starting a rotation.
            assertEquals(0, bench.drive(endpoint, three, 2, 300, Duration.ZERO).requests());
        }
    }

    @Test
    void aQuerySlowOnTheBaselineIsMeasuredInBlocksOfTheRepeats() throws Exception {
        EndpointBenchmark bench = new EndpointBenchmark(work, new EndpointBenchmark.Load(List.of(1), 4,
                Duration.ofSeconds(30), 1, 5, 0, Duration.ofSeconds(1), false, true), new PrintStream(OutputStream.nullOutputStream()));
        try (TestServer server = TestServer.petechiae()) {
            URI endpoint = URI.create(server.server().endpointUrl());
            EndpointBenchmark.Pair pair = bench.inBlocks(endpoint, endpoint,
                    new EndpointBenchmark.Named("ask", "ASK { ?s ?p ?o }"));
            assertEquals(5, pair.a().requests(), "every repeat on a, in one run");
            assertEquals(5, pair.b().requests());
            assertEquals(0, pair.a().errors() + pair.b().errors());
        }
    }

    @Test
    void aloneEachQueryRunsItsRepeatsInEveryPass() throws Exception {
        EndpointBenchmark bench = new EndpointBenchmark(work, new EndpointBenchmark.Load(List.of(1), 4,
                Duration.ofSeconds(30), 2, 3, 0, Duration.ofSeconds(1), false, false),
                new PrintStream(OutputStream.nullOutputStream()));
        try (TestServer server = TestServer.petechiae()) {
            URI endpoint = URI.create(server.server().endpointUrl());
            java.util.Map<String, java.net.http.HttpRequest> two = new java.util.LinkedHashMap<>();
            two.put("ask", EndpointBenchmark.request(endpoint, "ASK { ?s ?p ?o }"));
            two.put("one", EndpointBenchmark.request(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 1"));
            org.symptomgraph.queries.CannedQuery causes = org.symptomgraph.queries.QueryCatalog.load().all().stream()
                    .filter(q -> q.name().equals("causes-of-symptom")).findFirst().orElseThrow();
            String root = endpoint.toString().substring(0, endpoint.toString().lastIndexOf("/sparql"));
            two.put("route", EndpointBenchmark.routeRequest(root,
                    new EndpointBenchmark.Bound("route", causes, java.util.Map.of("symptom", "Petechiae"))));
            var runs = bench.eachAlone(two);
            assertEquals(List.of("ask", "one", "route"), List.copyOf(runs.keySet()), "in the list's order");
            runs.values().forEach(run -> {
                assertEquals(6, run.requests(), "3 requests in each of 2 passes");
                assertEquals(0, run.errors(), "the canned query's route answers too");
            });
        }
    }

    @Test
    void aWarmUpIsSummedUpByTheP50OfItsFirstAndLastTenth() {
        long[] nanos = new long[20];
        java.util.Arrays.fill(nanos, 3_000_000);
        nanos[0] = 6_000_000;
        nanos[1] = 5_000_000;
        nanos[18] = 1_000_000;
        nanos[19] = 2_000_000;
        EndpointBenchmark.Run warm = new EndpointBenchmark.Run(20, 0, 1, nanos, new int[20]);
        assertEquals("5.00 / 1.00", EndpointBenchmark.tenths(warm), "the lower of each tenth's two");
        assertEquals("-", EndpointBenchmark.tenths(warm.part(0, 9)), "fewer than 10 requests have no tenths");
        assertEquals(2, warm.part(18, 20).requests());
    }
}
