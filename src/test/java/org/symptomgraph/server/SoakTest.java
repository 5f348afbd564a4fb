package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.bench.CorpusGenerator;
import org.symptomgraph.queries.CannedQuery;
import org.symptomgraph.queries.Parameter;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.importer.page.DocumentFormats;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;

/**
 * Under load, over loopback: {@code soak.clients} (32) clients send a mix of canned queries, SPARQL
 * queries and linked-data pages for {@code soak.seconds} (10 here, 60 for the documented run:
 * {@code mvn test -Dtest=SoakTest -Dsoak.seconds=60}) while the admin route re-imports a document
 * every 5 s. Zero errors, the heap after GC no bigger than before (within a margin), latencies printed.
 */
class SoakTest {

    private static final int SECONDS = Integer.getInteger("soak.seconds", 10);
    private static final int CLIENTS = Integer.getInteger("soak.clients", 32);
    private static final Duration REIMPORT_EVERY = Duration.ofSeconds(5);
    private static final Duration WARM_UP = Duration.ofSeconds(Math.min(5, Math.max(2, SECONDS / 6)));
    /** Heap growth (after GC) allowed between the end of warm-up and the end of the run. */
    private static final long HEAP_MARGIN = 64L * 1024 * 1024;
    private static final String PASSWORD = "soak-password-0123456789";
    private static final Map<String, String> VALUES = Map.of("symptom", "Petechiae", "brand", "Dilantin-125",
            "cause", "Leukemia", "entity", "https://w3id.org/symptomgraph/cause/leukemia", "minimum", "1",
            "symptom1", "Petechiae", "symptom2", "Easy bruising", "text", "pain");
    private static final String CAUSE_COUNT = Fixtures.PREFIXES + """
            SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s rdfs:label "Petechiae"@en ; schema:cause ?c }""";

    @TempDir
    Path dir;

    /** One kind of request of the mix. */
    private record Call(String name, HttpRequest request, boolean causeCount) {
    }

    @Test
    void steadyUnderLoadWithReimports() throws Exception {
        Path passwords = dir.resolve("admin.passwords");
        AdminPasswords.set(passwords, "soak", PASSWORD, AdminPasswords.MIN_COST);
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.write(corpus, 40, 11);
        try (GraphStore store = GraphStore.open(dir.resolve("db"))) {
            Importer importer = Importer.create().build();
            for (Path file : DocumentFormats.documentsIn(List.of(Fixtures.PETECHIAE, Fixtures.TEST_DOCUMENTS, corpus))) {
                try {
                    store.replace(importer.read(file).graph(), Instant.now());
                } catch (org.symptomgraph.importer.page.DocumentException e) {
                    // a generated page the importer refuses is simply not part of the data
                }
            }
            // The clients all come from 127.0.0.1 and stand for as many clients: the per-client limit is the global one.
            try (SymptomGraphServer server = SymptomGraphServer.start(store, EndpointSettings.defaults(Http.freePort())
                    .withLoopbackOnly(true).withClients(new ClientLimits(100, CLIENTS, CLIENTS, null))
                    .withAdmin(AdminSettings.of(0, passwords)))) {
                run(server);
            }
        }
    }

    private void run(SymptomGraphServer server) throws Exception {
        String root = "http://localhost:" + server.port();
        String admin = "http://127.0.0.1:" + server.adminPort();
        String authorization = "Basic " + java.util.Base64.getEncoder().encodeToString(("soak:" + PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Call> calls = calls(root, server.endpointUrl());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        StringBuilder single = new StringBuilder("soak: one client, each call once:");
        for (Call c : calls) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(c.request(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), c.name() + ": " + r.body());
            single.append(String.format(Locale.ROOT, " %s %.0f ms;", c.name(), (System.nanoTime() - t0) / 1e6));
        }
        System.out.println(single);
        byte[][] versions = {AdminRouteTest.petechiaeWithoutLeukemia(), Fixtures.bytes(Fixtures.PETECHIAE)};
        // The two views a reader may see: the cause count with each version current.
        java.util.Set<String> views = new java.util.HashSet<>();
        for (byte[] version : versions) {
            HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(admin
                    + "/$/admin/documents/petechiae.txt")).header("Authorization", authorization)
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(version)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, put.statusCode(), put.body());
            views.add(client.send(calls.stream().filter(Call::causeCount).findFirst().orElseThrow().request(),
                    HttpResponse.BodyHandlers.ofString()).body().strip().lines().reduce((a, b) -> b).orElse(""));
        }
        assertEquals(2, views.size(), "the two versions differ in their causes: " + views);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger reimports = new AtomicInteger();
        AtomicLong requests = new AtomicLong();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int threadsBefore = Thread.activeCount();

        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int offset = i;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 12];
                int n = 0;
                for (int k = offset; !stop.get(); k++) {
                    Call c = calls.get(k % calls.size());
                    long started = System.nanoTime();
                    String problem = null;
                    try {
                        HttpResponse<String> r = client.send(c.request(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200 || r.body().isEmpty()) {
                            problem = c.name() + ": " + r.statusCode() + " " + r.body().strip();
                        } else if (c.causeCount()) {
                            String last = r.body().strip().lines().reduce((a, b) -> b).orElse("");
                            if (!views.contains(last)) {
                                problem = c.name() + ": a mixed or empty view, " + last + " causes";
                            }
                        }
                    } catch (Exception e) {
                        problem = c.name() + ": " + e;
                    }
                    long took = System.nanoTime() - started;
                    if (problem != null) {
                        errors.incrementAndGet();
                        if (firstErrors.size() < 20) {
                            firstErrors.add(problem);
                        }
                    }
                    if (measuring.get()) {
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = took;
                        requests.incrementAndGet();
                    }
                }
                latencies.add(Arrays.copyOf(mine, n));
            }, "soak-client-" + i);
            clients.add(t);
        }
        Thread reimporter = new Thread(() -> {
            long next = System.nanoTime() + REIMPORT_EVERY.toNanos();
            while (!stop.get()) {
                if (System.nanoTime() < next) {
                    sleep(50);
                    continue;
                }
                next += REIMPORT_EVERY.toNanos();
                byte[] body = versions[reimports.get() % 2];
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(admin
                            + "/$/admin/documents/petechiae.txt")).timeout(Duration.ofSeconds(60))
                            .header("Authorization", authorization)
                            .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !r.body().contains("replaced")) {
                        errors.incrementAndGet();
                        firstErrors.add("re-import: " + r.statusCode() + " " + r.body());
                    }
                    reimports.incrementAndGet();
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstErrors.add("re-import: " + e);
                }
            }
        }, "soak-reimport");

        long start = System.nanoTime();
        clients.forEach(Thread::start);
        reimporter.start();
        sleep(WARM_UP.toMillis());
        long heapBefore = usedAfterGc(memory);
        measuring.set(true);
        long measuredFrom = System.nanoTime();
        long peak = 0;
        long end = start + TimeUnit.SECONDS.toNanos(SECONDS);
        while (System.nanoTime() < end) {
            sleep(500);
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
        measuring.set(false);
        double measuredSeconds = (System.nanoTime() - measuredFrom) / 1e9;
        stop.set(true);
        for (Thread t : clients) {
            t.join(60_000);
        }
        reimporter.join(60_000);
        long heapAfter = usedAfterGc(memory);

        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        String report = String.format(Locale.ROOT, "soak: %d s (%.1f s measured after %d s warm-up), %d clients, "
                + "%d requests (%.0f/s), %d errors, %d re-imports; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms; heap after GC %d MiB -> %d MiB (peak %d MiB, max %d MiB); threads %d -> %d; %s, %d cores",
                SECONDS, measuredSeconds, WARM_UP.toSeconds(), CLIENTS, requests.get(), requests.get() / measuredSeconds,
                errors.get(), reimports.get(), pct(all, 50), pct(all, 90), pct(all, 99),
                all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6, heapBefore >> 20, heapAfter >> 20, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, threadsBefore, Thread.activeCount(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.println(report);
        String reportFile = System.getProperty("soak.report");
        if (reportFile != null) {
            Files.writeString(Path.of(reportFile), Instant.now() + " " + report + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        assertEquals(0, errors.get(), "errors: " + firstErrors);
        assertTrue(requests.get() > 0, "no request was measured");
        assertTrue(reimports.get() >= Math.max(1, SECONDS / 5 - 1), reimports.get() + " re-imports");
        assertTrue(heapAfter <= heapBefore + HEAP_MARGIN, "the heap grew from " + (heapBefore >> 20) + " MiB to "
                + (heapAfter >> 20) + " MiB");
    }

    /** The mix: every canned query (but the federated one), SPARQL by GET and POST, pages and RDF of resources. */
    private static List<Call> calls(String root, String endpoint) {
        List<Call> calls = new ArrayList<>();
        for (CannedQuery q : QueryCatalog.load().all()) {
            if (q.text().contains("SERVICE")) {
                continue;
            }
            StringBuilder url = new StringBuilder(root + "/symptomgraph/queries/" + q.name());
            char sep = '?';
            for (Parameter p : q.parameters()) {
                String v = VALUES.get(p.name());
                if (v != null) {
                    url.append(sep).append(p.name()).append('=').append(Http.encode(v));
                    sep = '&';
                }
            }
            String accept = q.query().isConstructType() ? "text/turtle" : "text/csv";
            calls.add(new Call("canned " + q.name(), request(url.toString()).header("Accept", accept).GET().build(), false));
        }
        calls.add(new Call("sparql GET cause count", request(endpoint + "?query=" + Http.encode(CAUSE_COUNT))
                .header("Accept", "text/csv").GET().build(), true));
        calls.add(new Call("sparql POST cause count", request(endpoint).header("Accept", "text/csv")
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(CAUSE_COUNT)).build(), true));
        calls.add(new Call("sparql POST form labels", request(endpoint).header("Accept", "application/sparql-results+json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + Http.encode(Fixtures.PREFIXES
                        + "SELECT ?s ?l WHERE { ?s a schema:MedicalCause ; rdfs:label ?l } ORDER BY ?l LIMIT 200")))
                .build(), false));
        calls.add(new Call("sparql CONSTRUCT", request(endpoint + "?query=" + Http.encode(Fixtures.PREFIXES
                + "CONSTRUCT { ?d a schema:Drug ; rdfs:label ?l } WHERE { ?d a schema:Drug ; rdfs:label ?l }"))
                .header("Accept", "text/turtle").GET().build(), false));
        calls.add(new Call("page cause", request(root + "/cause/leukemia").header("Accept", "text/html").GET().build(), false));
        calls.add(new Call("turtle cause", request(root + "/cause/leukemia").header("Accept", "text/turtle").GET().build(),
                false));
        calls.add(new Call("page symptom", request(root + "/symptom/petechiae").header("Accept", "text/html").GET().build(),
                false));
        calls.add(new Call("home", request(root + "/").header("Accept", "text/html").GET().build(), false));
        calls.add(new Call("ping", request(root + "/$/ping").GET().build(), false));
        return calls;
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            sleep(200);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
