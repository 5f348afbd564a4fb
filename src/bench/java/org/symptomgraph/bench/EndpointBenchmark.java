package org.symptomgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.symptomgraph.queries.CannedQuery;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.server.ClientLimits;
import org.symptomgraph.server.EndpointSettings;
import org.symptomgraph.server.ResponseBuffers;
import org.symptomgraph.server.SymptomGraphServer;
import org.symptomgraph.store.GraphStore;

/**
 * The endpoint of {@code serve} (a) against a bare Fuseki (b) over a copy of the same database,
 * in one JVM, with the same query timeout, driven by a small load harness on java.net.http:
 * a fixed number of requests per concurrency level (or a time cap), rounds alternating a-b, b-a.
 */
public final class EndpointBenchmark {

    /** A query sent to both servers. */
    public record Named(String name, String sparql) {
    }

    /**
     * Latencies and statuses of one measured run (or several, merged), request by request. An error
     * is an answer other than 200 or 304 (a 304 answers a client that revalidates), or none.
     */
    public record Run(int requests, int errors, double seconds, long[] nanos, int[] statuses) {

        double qps() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        }

        Run plus(Run o) {
            long[] all = Arrays.copyOf(nanos, nanos.length + o.nanos.length);
            System.arraycopy(o.nanos, 0, all, nanos.length, o.nanos.length);
            int[] allStatuses = Arrays.copyOf(statuses, statuses.length + o.statuses.length);
            System.arraycopy(o.statuses, 0, allStatuses, statuses.length, o.statuses.length);
            return new Run(requests + o.requests, errors + o.errors, seconds + o.seconds, all, allStatuses);
        }

        /** The requests answered with {@code status} (their latencies; the run's time). */
        Run only(int status) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < statuses.length; i++) {
                if (statuses[i] == status) {
                    kept.add(i);
                }
            }
            return new Run(kept.size(), 0, seconds, kept.stream().mapToLong(i -> nanos[i]).toArray(),
                    kept.stream().mapToInt(i -> statuses[i]).toArray());
        }

        /** The requests from {@code from} (inclusive) to {@code to} (exclusive), in the order sent. */
        Run part(int from, int to) {
            int[] kept = Arrays.copyOfRange(statuses, from, to);
            return new Run(to - from, (int) Arrays.stream(kept).filter(s -> !ok(s)).count(), seconds,
                    Arrays.copyOfRange(nanos, from, to), kept);
        }

        static boolean ok(int status) {
            return status == 200 || status == 304;
        }

        static final Run NONE = new Run(0, 0, 0, new long[0], new int[0]);
    }

    /**
     * Settings of the harness; {@code poolBareBuffers} gives bare Fuseki serve's response-buffer pool too;
     * without {@code againstBare}, serve is measured alone (no copy, no bare Fuseki).
     */
    public record Load(List<Integer> concurrency, int requests, Duration cap, int rounds, int perQueryRepeats,
            int warmup, Duration mixLimit, boolean poolBareBuffers, boolean againstBare) {
    }

    public static final long RESULT_LIMIT = EndpointSettings.DEFAULT_RESULT_LIMIT;
    public static final Duration TIMEOUT = EndpointSettings.DEFAULT_TIMEOUT;
    /** Longest URL-encoded query sent by GET (Jetty's default request header limit is 8 KiB). */
    private static final int MAX_GET_QUERY = 6000;
    public static final String SIMPLE_SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 100";
    /** What the load asks for: SPARQL results, or N-Triples for a graph. */
    static final String ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, */*;q=0.1";

    private final Path work;
    private final Load load;
    private final PrintStream log;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public EndpointBenchmark(Path work, Load load, PrintStream log) {
        this.work = work;
        this.load = load;
        this.log = log;
    }

    /**
     * Benchmarks both servers: serve on the database {@code db} itself (which gains serve's service
     * graphs, as on any start), bare Fuseki on a copy made after serve's first start.
     */
    public void run(String label, Path db, PrintStream out) throws IOException {
        Path a = db;
        Path b = work.resolve("endpoint-b");
        int portA = BenchFiles.freePort();
        // All the benchmark's clients come from one address: the per-client limit is raised to the global one.
        EndpointSettings settings = EndpointSettings.defaults(portA).withLoopbackOnly(true).withQueryTimeout(TIMEOUT)
                .withResultLimit(RESULT_LIMIT).withClients(new ClientLimits(100, 32, 32, null));
        if (!load.againstBare()) {
            alone(label, db, settings, out);
            return;
        }
        // serve adds its service graphs (VoID, examples) on start: start once, so the copy has them too.
        GraphStore storeA = GraphStore.open(a);
        try (SymptomGraphServer first = SymptomGraphServer.start(storeA, settings)) {
            awaitVoid(first, label);
        }
        storeA.close();
        log.printf(Locale.ROOT, "endpoint %s: copying %s for bare Fuseki%n", label, db);
        BenchFiles.copy(a, b);

        storeA = GraphStore.open(a);
        SymptomGraphServer serve = SymptomGraphServer.start(storeA, settings);
        awaitVoid(serve, label);
        DatasetGraph dsgB = TDB2Factory.connectDataset(b.toString()).asDatasetGraph();
        dsgB.getContext().set(ARQ.queryTimeout, Long.toString(TIMEOUT.toMillis()));
        FusekiServer bare = FusekiServer.create().port(0).loopback(true).add("/ds", dsgB, false).build();
        if (load.poolBareBuffers()) {
            ResponseBuffers.pool(bare);
        }
        bare.start();
        quietLogs();
        try {
            URI uriA = URI.create("http://localhost:" + serve.port() + "/" + EndpointSettings.DATASET + "/sparql");
            URI uriB = URI.create("http://localhost:" + bare.getHttpPort() + "/ds/sparql");
            List<Named> queries = queries(storeA);
            measure(label, queries, uriA, uriB, out);
        } finally {
            serve.close();
            bare.stop();
            storeA.close();
            TDBInternal.expel(dsgB);
            BenchFiles.delete(b);
        }
    }

    /** No line per request in the log, for either server. */
    private static void quietLogs() {
        Configurator.setLevel("org.apache.jena.fuseki", Level.WARN);
        // Bare Fuseki has no text index by design: label-search scans there, and jena-text would say so
        // twice for each of its requests.
        Configurator.setLevel("org.apache.jena.query.text.TextQueryPF", Level.ERROR);
    }

    /**
     * serve alone on {@code db}: each canned query by itself at concurrency 1, by its route as users
     * call it ({@code /symptomgraph/queries/NAME?param=value}, a page at a time), against {@code ASK {}}
     * (the floor of a request) and the simple SELECT by {@code /sparql} on the same server in the same
     * run. For a database that does not fit in memory twice, where bare Fuseki's reads of its copy would
     * evict serve's pages between serve's requests.
     */
    private void alone(String label, Path db, EndpointSettings settings, PrintStream out) {
        GraphStore store = GraphStore.open(db);
        try (SymptomGraphServer serve = SymptomGraphServer.start(store, settings)) {
            awaitVoid(serve, label);
            quietLogs();
            String root = "http://localhost:" + serve.port() + "/" + EndpointSettings.DATASET;
            Map<String, HttpRequest> requests = new LinkedHashMap<>();
            canned(store).forEach(b -> requests.put(b.name(), routeRequest(root, b)));
            requests.put(ASK_EMPTY, request(URI.create(root + "/sparql"), ASK_EMPTY));
            requests.put("simple-select", request(URI.create(root + "/sparql"), SIMPLE_SELECT));
            log.printf(Locale.ROOT, "endpoint %s: %d requests on serve alone; warming up (%d passes)%n", label,
                    requests.size(), load.warmup());
            // The warm-up is timed too: its first and last tenth show whether the JIT had finished with
            // a query's own code (a query parser, say) before it was measured.
            Map<String, Run> warm = new LinkedHashMap<>();
            for (int i = 0; i < load.warmup(); i++) {
                requests.forEach((name, request) -> warm.merge(name, once(request), Run::plus));
            }
            Map<String, Run> runs = eachAlone(requests);
            double floor = runs.get(ASK_EMPTY).percentileMillis(50);
            out.println();
            out.printf(Locale.ROOT, "## Endpoint, %s: serve alone, each canned query by its route at concurrency 1 "
                    + "(%d passes, %d requests of each a pass, after %d warm-up passes; ratio to the p50 of %s)%n%n",
                    label, load.rounds(), load.perQueryRepeats(), load.warmup(), ASK_EMPTY);
            out.println("| query | p50 ms | p99 ms | p50 / ASK | errors | warm-up p50 ms, first / last tenth |");
            out.println("|---|---:|---:|---:|---:|---:|");
            runs.forEach((name, run) -> out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d | %s |%n", name,
                    run.percentileMillis(50), run.percentileMillis(99), run.percentileMillis(50) / floor,
                    run.errors(), tenths(warm.getOrDefault(name, Run.NONE))));
            out.flush();
        } finally {
            store.close();
        }
    }

    private static final String ASK_EMPTY = "ASK {}";

    /** The p50 of the first and of the last tenth of a warm-up, "-" for one too short to have tenths. */
    static String tenths(Run warm) {
        int tenth = warm.requests() / 10;
        if (tenth == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f / %.2f", warm.part(0, tenth).percentileMillis(50),
                warm.part(warm.requests() - tenth, warm.requests()).percentileMillis(50));
    }

    /** A canned query's route with its values, as a GET. */
    static HttpRequest routeRequest(String datasetRoot, Bound b) {
        StringBuilder url = new StringBuilder(datasetRoot).append("/queries/").append(b.query().name());
        char sep = '?';
        for (Map.Entry<String, String> e : b.values().entrySet()) {
            url.append(sep).append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return accepting(HttpRequest.newBuilder(URI.create(url.toString())).GET());
    }

    /**
     * Each request by itself, {@link Load#perQueryRepeats()} times at concurrency 1, in
     * {@link Load#rounds()} passes over the list (so that a drift of the machine spreads over all
     * of them), merged by name, in the list's order.
     */
    Map<String, Run> eachAlone(Map<String, HttpRequest> requests) {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (int pass = 0; pass < load.rounds(); pass++) {
            requests.forEach((name, request) -> runs.merge(name,
                    drive(List.of(request), 1, 1, load.perQueryRepeats(), load.cap()), Run::plus));
        }
        return runs;
    }

    /**
     * Waits (at most 30 min) until serve has counted its VoID description in the background: the
     * counting scans the whole database, and would take CPU from both servers while they are measured.
     */
    private void awaitVoid(SymptomGraphServer server, String label) {
        long t0 = System.nanoTime();
        try {
            if (server.awaitVoid(Duration.ofMinutes(30))) {
                log.printf(Locale.ROOT, "endpoint %s: VoID description ready after %.1f s%n", label, BenchFiles.seconds(t0));
            } else {
                log.printf(Locale.ROOT, "warning: endpoint %s: no VoID description; measuring anyway%n", label);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void measure(String label, List<Named> queries, URI a, URI b, PrintStream out) {
        log.printf(Locale.ROOT, "endpoint %s: %d queries; warming up%n", label, queries.size());
        // The first pass also sorts the queries: those bare Fuseki answers within the limit make the
        // mixed load; a slower one would leave each run a handful of requests long, measuring that
        // query's own cost rather than what serve adds. They are measured alone below.
        List<Named> mix = new ArrayList<>();
        List<Named> slowOnB = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        for (Named q : queries) {
            long t0 = System.nanoTime();
            int statusB = send(b, q.sparql());
            long millisB = (System.nanoTime() - t0) / 1_000_000;
            int statusA = send(a, q.sparql());
            if (statusA != 200 || statusB != 200) {
                log.printf(Locale.ROOT, "warning: %s answered with HTTP %d (serve) and %d (bare Fuseki)%n", q.name(),
                        statusA, statusB);
            }
            if (millisB <= load.mixLimit().toMillis()) {
                mix.add(q);
            } else {
                slowOnB.add(q);
                slow.add(q.name() + String.format(Locale.ROOT, " (%,d ms)", millisB));
            }
        }
        for (int i = 1; i < load.warmup(); i++) {
            for (Named q : mix) {
                send(a, q.sparql());
                send(b, q.sparql());
            }
            // The slow ones on serve only: bare Fuseki would take the whole warm-up over them.
            slowOnB.forEach(q -> send(a, q.sparql()));
        }
        out.println();
        out.printf(Locale.ROOT, "## Endpoint, %s: a = serve, b = bare Fuseki%s over a copy (mix of %d queries, "
                + "%d requests or %d s per run, %d rounds alternating)%n%n", label,
                load.poolBareBuffers() ? " with serve's response-buffer pool" : "", mix.size(), load.requests(),
                load.cap().toSeconds(), load.rounds());
        out.printf(Locale.ROOT, "Left out of the mix (bare Fuseki over %,d ms on the first warm-up pass): %s%n%n",
                load.mixLimit().toMillis(), slow.isEmpty() ? "none" : String.join(", ", slow));
        out.println("| concurrency | a q/s | b q/s | a/b q/s | a p50 ms | b p50 ms | a p99 ms | b p99 ms | errors a/b |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : load.concurrency()) {
            Pair runs = alternate(load.rounds(), NO_CAP, () -> drive(a, mix, c, load.requests(), load.cap()),
                    () -> drive(b, mix, c, load.requests(), load.cap()));
            log.printf(Locale.ROOT, "endpoint %s: concurrency %d: a %.0f q/s, b %.0f q/s%n", label, c, runs.a().qps(),
                    runs.b().qps());
            out.printf(Locale.ROOT, "| %d | %s |%n", c, runs.columns());
            out.flush();
        }

        out.println();
        out.printf(Locale.ROOT, "Each query alone, concurrency 1 (%d requests each, alternating a and b):%n%n",
                load.perQueryRepeats());
        out.println("| query | a p50 ms | b p50 ms | a p99 ms | b p99 ms | a/b p50 |");
        out.println("|---|---:|---:|---:|---:|---:|");
        for (Named q : queries) {
            boolean blocks = slowOnB.contains(q);
            Pair runs = blocks ? inBlocks(a, b, q) : alternate(load.perQueryRepeats(), load.cap(),
                    () -> drive(a, List.of(q), 1, 1, load.cap()), () -> drive(b, List.of(q), 1, 1, load.cap()));
            Run ra = runs.a();
            Run rb = runs.b();
            out.printf(Locale.ROOT, "| %s%s | %.2f | %.2f | %.2f | %.2f | %.2f |%n", q.name(), blocks ? " *" : "",
                    ra.percentileMillis(50), rb.percentileMillis(50), ra.percentileMillis(99), rb.percentileMillis(99),
                    ra.percentileMillis(50) / rb.percentileMillis(50));
            out.flush();
        }
        if (!slowOnB.isEmpty()) {
            out.printf(Locale.ROOT, "%n\\* Left out of the mix: a's requests first, then b's (up to %d s), not "
                    + "alternating: each of bare Fuseki's slow answers reads its copy of the database and would "
                    + "evict serve's pages from the operating system's cache between serve's requests.%n",
                    load.cap().toSeconds());
        }
    }

    /** All of (a)'s requests of one query, then (b)'s, each up to the cap. */
    Pair inBlocks(URI a, URI b, Named q) {
        Run ra = drive(a, List.of(q), 1, load.perQueryRepeats(), load.cap());
        return new Pair(ra, drive(b, List.of(q), 1, load.perQueryRepeats(), load.cap()));
    }

    /** Runs of (a) and of (b), each merged over the rounds. */
    record Pair(Run a, Run b) {

        /** The columns a q/s | b q/s | a/b q/s | a p50 ms | b p50 ms | a p99 ms | b p99 ms | errors a/b. */
        String columns() {
            return String.format(Locale.ROOT, "%.0f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %d/%d", a.qps(), b.qps(),
                    a.qps() / b.qps(), a.percentileMillis(50), b.percentileMillis(50), a.percentileMillis(99),
                    b.percentileMillis(99), a.errors(), b.errors());
        }
    }

    /** No time limit on the rounds of {@link #alternate}: each run ends by itself. */
    static final Duration NO_CAP = Duration.ofDays(1);

    /**
     * {@code rounds} rounds of one run of (a) and one of (b), alternating which goes first (a-b,
     * b-a, ...), so that neither always runs on what the other warmed or left behind; no new round
     * once {@code cap} has passed.
     */
    static Pair alternate(int rounds, Duration cap, Supplier<Run> a, Supplier<Run> b) {
        long start = System.nanoTime();
        Run ra = Run.NONE;
        Run rb = Run.NONE;
        for (int r = 0; r < rounds && System.nanoTime() - start < cap.toNanos(); r++) {
            boolean aFirst = r % 2 == 0;
            Run first = (aFirst ? a : b).get();
            Run second = (aFirst ? b : a).get();
            ra = ra.plus(aFirst ? first : second);
            rb = rb.plus(aFirst ? second : first);
        }
        return new Pair(ra, rb);
    }

    /**
     * {@code requests} requests (or until the cap) from {@code concurrency} threads, the queries in
     * turn. A run ends on a whole number of rotations through the queries, the cap included, so that
     * every query weighs the same in both servers' figures.
     */
    Run drive(URI endpoint, List<Named> queries, int concurrency, int requests, Duration cap) {
        return drive(queries.stream().map(q -> request(endpoint, q.sparql())).toList(), queries.size(), concurrency,
                requests, cap);
    }

    /** One request from this thread, timed. */
    Run once(HttpRequest request) {
        long t0 = System.nanoTime();
        int status = send(request);
        long nanos = System.nanoTime() - t0;
        return new Run(1, Run.ok(status) ? 0 : 1, nanos / 1e9, new long[] {nanos}, new int[] {status});
    }

    /**
     * {@code count} requests (or until the cap) from {@code concurrency} threads, the i-th being
     * {@code requests.get(i % size)}, each answer read whole. A run ends on a whole number of
     * rotations ({@code rotation} requests), the cap included.
     */
    Run drive(List<HttpRequest> requests, int rotation, int concurrency, int count, Duration cap) {
        int total = (count + rotation - 1) / rotation * rotation;
        long[] nanos = new long[total];
        int[] statuses = new int[total];
        AtomicInteger limit = new AtomicInteger(total);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong finished = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + cap.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < limit.get(); i = next.getAndIncrement()) {
                    if (System.nanoTime() >= deadline) {
                        // Past the cap: finish the rotation this request belongs to, start no other.
                        limit.accumulateAndGet((i + rotation - 1) / rotation * rotation, Math::min);
                        if (i >= limit.get()) {
                            break;
                        }
                    }
                    long t0 = System.nanoTime();
                    int status = send(requests.get(i % requests.size()));
                    long t1 = System.nanoTime();
                    nanos[i] = t1 - t0;
                    statuses[i] = status;
                    if (!Run.ok(status)) {
                        errors.incrementAndGet();
                    }
                    done.incrementAndGet();
                    finished.accumulateAndGet(t1, Math::max);
                }
            }, "bench-client-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int n = done.get();
        int[] measured = java.util.stream.IntStream.range(0, total).filter(i -> nanos[i] > 0).toArray();
        return new Run(n, errors.get(), (Math.max(finished.get(), start + 1) - start) / 1e9,
                Arrays.stream(measured).mapToLong(i -> nanos[i]).toArray(),
                Arrays.stream(measured).map(i -> statuses[i]).toArray());
    }

    /**
     * One query as a request: a GET (one write, as links and most SPARQL clients send short
     * queries); a query too long for a URL goes as a form POST. Both servers get the same request.
     */
    static HttpRequest request(URI endpoint, String sparql) {
        String encoded = URLEncoder.encode(sparql, StandardCharsets.UTF_8);
        HttpRequest.Builder builder = encoded.length() <= MAX_GET_QUERY
                ? HttpRequest.newBuilder(URI.create(endpoint + "?query=" + encoded)).GET()
                : HttpRequest.newBuilder(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + encoded));
        return accepting(builder);
    }

    /** The request with what the load asks for and a timeout past the server's. */
    private static HttpRequest accepting(HttpRequest.Builder builder) {
        return builder.header("Accept", ACCEPT).timeout(TIMEOUT.plusSeconds(10)).build();
    }

    /** Sends one query, reads the whole answer; returns the status (0 on an I/O error). */
    int send(URI endpoint, String sparql) {
        return send(request(endpoint, sparql));
    }

    /** Sends one request, reads the whole answer; returns the status (0 on an I/O error). */
    int send(HttpRequest request) {
        HttpResponse<byte[]> response = exchange(request);
        return response == null ? 0 : response.statusCode();
    }

    /** Sends one request and reads the whole answer; null on an I/O error. */
    HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * The canned queries (all but those that call out with SERVICE), their parameters bound to values
     * the database holds, capped at the result limit so that both servers do the same work; and a
     * simple SELECT. A query with parameters runs twice where the data allows: with common values
     * (the first page's first cause, which the generator's long tail makes one of the most listed;
     * a minimum of 1) and with rare ones (the cause the fewest pages list, and one of its pages; a
     * minimum only the most listed causes reach), named "query [common]" and "query [rare]".
     */
    List<Named> queries(GraphStore store) {
        List<Named> named = new ArrayList<>(canned(store).stream().map(b -> new Named(b.name(), b.sparql())).toList());
        named.add(new Named("simple-select", SIMPLE_SELECT));
        return named;
    }

    /** A canned query and the values of its parameters it runs with. */
    public record Bound(String name, CannedQuery query, Map<String, String> values) {

        /** The query text with the values bound, capped at the result limit. */
        public String sparql() {
            Query bound = query.bind(values);
            if (!bound.isAskType() && (!bound.hasLimit() || bound.getLimit() > RESULT_LIMIT)) {
                bound.setLimit(RESULT_LIMIT);
            }
            return bound.serialize();
        }
    }

    /** The canned queries but those that call out with SERVICE, with common and, where they differ, rare values. */
    List<Bound> canned(GraphStore store) {
        Map<String, String> common = parameterValues(store);
        Map<String, String> rare = rareValues(store, common);
        log.printf(Locale.ROOT, "parameters: common %s, rare %s%n", common, rare);
        List<Bound> bound = new ArrayList<>();
        for (CannedQuery q : QueryCatalog.load().all()) {
            if (q.text().contains("SERVICE")) {
                continue;
            }
            Bound withCommon = new Bound(q.name(), q, given(q, common));
            Bound withRare = new Bound(q.name(), q, given(q, rare));
            if (withCommon.sparql().equals(withRare.sparql())) {
                bound.add(withCommon);
            } else {
                bound.add(new Bound(q.name() + " [common]", q, withCommon.values()));
                bound.add(new Bound(q.name() + " [rare]", q, withRare.values()));
            }
        }
        return bound;
    }

    /** The values of the query's own parameters. */
    private static Map<String, String> given(CannedQuery q, Map<String, String> values) {
        Map<String, String> given = new LinkedHashMap<>();
        q.parameters().forEach(p -> {
            if (values.containsKey(p.name())) {
                given.put(p.name(), values.get(p.name()));
            }
        });
        return given;
    }

    /**
     * Rare values, from the statistics graph: the cause the fewest pages list (its name, IRI, the
     * first word of its name as search text, and one of its pages' symptoms), a brand of the drug
     * the fewest pages list, and a
     * minimum that only the most listed causes reach. What the data has no rare value for stays common.
     */
    private static Map<String, String> rareValues(GraphStore store, Map<String, String> common) {
        Map<String, String> v = new LinkedHashMap<>(common);
        String prefixes = "PREFIX sg: <https://w3id.org/symptomgraph/ontology#>\n"
                + "PREFIX schema: <https://schema.org/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n";
        store.read(() -> {
            try (var qe = org.apache.jena.query.QueryExecution.dataset(store.dataset()).query(prefixes + """
                    SELECT ?cause ?causeLabel ?symptomLabel WHERE {
                      { SELECT ?cause WHERE { GRAPH ?statistics { ?cause sg:symptomCount ?n } ?cause a schema:MedicalCause }
                        ORDER BY ?n ?cause LIMIT 1 }
                      ?cause rdfs:label ?causeLabel .
                      ?symptom schema:cause ?cause ; rdfs:label ?symptomLabel .
                    } LIMIT 1""").build()) {
                qe.execSelect().forEachRemaining(row -> {
                    String cause = row.getLiteral("causeLabel").getLexicalForm();
                    String symptom = row.getLiteral("symptomLabel").getLexicalForm();
                    v.put("cause", cause);
                    v.put("entity", row.getResource("cause").getURI());
                    v.put("text", cause.split("\\s+")[0].toLowerCase(Locale.ROOT));
                    v.put("symptom", symptom);
                    v.put("symptom1", symptom);
                });
            }
            try (var qe = org.apache.jena.query.QueryExecution.dataset(store.dataset()).query(prefixes + """
                    SELECT ?brand WHERE {
                      { SELECT ?drug WHERE { GRAPH ?statistics { ?drug sg:symptomCount ?n } ?drug schema:proprietaryName ?any }
                        ORDER BY ?n ?drug LIMIT 1 }
                      ?drug schema:proprietaryName ?brand .
                    } ORDER BY ?brand LIMIT 1""").build()) {
                qe.execSelect().forEachRemaining(row -> v.put("brand", row.getLiteral("brand").getLexicalForm()));
            }
            try (var qe = org.apache.jena.query.QueryExecution.dataset(store.dataset()).query(prefixes + """
                    SELECT (MAX(?n) AS ?most) WHERE { GRAPH ?statistics { ?cause sg:symptomCount ?n } }""").build()) {
                qe.execSelect().forEachRemaining(row -> {
                    if (row.contains("most")) {
                        v.put("minimum", Long.toString(row.getLiteral("most").getLong()));
                    }
                });
            }
            return null;
        });
        return v;
    }

    /** Values for the canned queries' parameters, found in the database (the defaults fit only the bundled data). */
    private static Map<String, String> parameterValues(GraphStore store) {
        return store.read(() -> {
            Map<String, String> v = new LinkedHashMap<>();
            Model m = store.dataset().getDefaultModel();
            if (m.contains(null, RDFS.label, m.createLiteral("Petechiae", "en"))) {
                // The bundled data: the catalogue's defaults fit; the entity is the one without a default.
                m.listSubjectsWithProperty(RDF.type, Vocab.MedicalCause).nextOptional()
                        .ifPresent(c -> v.put("entity", c.getURI()));
                return v;
            }
            List<Resource> symptoms = m.listSubjectsWithProperty(RDF.type, Vocab.MedicalSignOrSymptom).toList();
            if (symptoms.isEmpty()) {
                return v;
            }
            Resource s1 = symptoms.get(0);
            label(s1).ifPresent(l -> {
                v.put("symptom", l);
                v.put("symptom1", l);
            });
            if (symptoms.size() > 1) {
                label(symptoms.get(1)).ifPresent(l -> v.put("symptom2", l));
            }
            m.listObjectsOfProperty(s1, Vocab.cause).nextOptional().filter(RDFNode::isURIResource).ifPresent(c -> {
                v.put("entity", c.asResource().getURI());
                label(c.asResource()).ifPresent(l -> {
                    v.put("cause", l);
                    v.put("text", l.substring(0, Math.min(4, l.length())).toLowerCase(Locale.ROOT));
                });
            });
            m.listObjectsOfProperty(Vocab.proprietaryName).nextOptional()
                    .ifPresent(b -> v.put("brand", b.asLiteral().getLexicalForm()));
            v.put("minimum", "1");
            return v;
        });
    }

    private static java.util.Optional<String> label(Resource r) {
        return r.listProperties(RDFS.label).nextOptional().map(st -> st.getObject().asLiteral().getLexicalForm());
    }
}
