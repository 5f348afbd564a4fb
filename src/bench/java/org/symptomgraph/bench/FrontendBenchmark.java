package org.symptomgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.symptomgraph.bench.EndpointBenchmark.Bound;
import org.symptomgraph.bench.EndpointBenchmark.Pair;
import org.symptomgraph.bench.EndpointBenchmark.Run;
import org.symptomgraph.bench.deploy.Front;
import org.symptomgraph.bench.deploy.Replica;
import org.symptomgraph.server.EndpointSettings;
import org.symptomgraph.store.GraphStore;

/**
 * The front end of docs/deploy.md against one replica, in one run: two {@code serve} replicas (each
 * on its own copy of the database) behind HAProxy and Varnish from {@code deploy/}, and the same
 * sequence of requests sent (a) through the front and (b) to one of the replicas directly. The
 * sequence repeats requests as clients do: each request is drawn from a fixed set of distinct GETs
 * (the canned queries with bound parameters by their route, the same queries and a simple SELECT as
 * SPARQL GETs) with a Zipf-like popularity. Measures throughput and latency at each concurrency
 * (the load harness of {@link EndpointBenchmark}), Varnish's hit ratio over each run from its
 * counters (the cache emptied before the run), and the share of 304 answers for clients that
 * revalidate with the validators they got before.
 */
public final class FrontendBenchmark {

    /**
     * Settings of a run.
     *
     * @param requests   length of the request sequence, the same for every run
     * @param zipf       exponent of the popularity: the k-th most asked request is asked 1/k^zipf as often as the first
     * @param rounds     runs of each target at each concurrency, alternating which goes first
     * @param warmup     passes over every distinct request on each replica before measuring
     * @param mixLimit   requests slower than this on the first pass are left out of the set
     * @param replicaJvm options of each replica's JVM
     */
    public record Settings(List<Integer> concurrency, int requests, double zipf, int rounds, int warmup,
            Duration mixLimit, List<String> replicaJvm, long seed) {
    }

    /** One distinct request of the set, by the path and query string it asks for. */
    record Asked(String name, String path) {
    }

    private static final Duration START = Duration.ofMinutes(10);
    /** A run ends when its sequence does. */
    private static final Duration NO_CAP = EndpointBenchmark.NO_CAP;
    private static final String ENDPOINT = "/" + EndpointSettings.DATASET + "/sparql";
    private static final String CATALOGUE = "/" + EndpointSettings.DATASET + "/queries/";
    /** Varnish's counters of how each request was looked up in the cache. */
    private static final List<String> LOOKUPS = List.of("MAIN.cache_hit", "MAIN.cache_miss", "MAIN.cache_hitpass",
            "MAIN.cache_hitmiss");

    private final Path work;
    private final Settings settings;
    private final PrintStream log;
    private final EndpointBenchmark harness;

    public FrontendBenchmark(Path work, Settings settings, PrintStream log) {
        this.work = work;
        this.settings = settings;
        this.log = log;
        this.harness = new EndpointBenchmark(work, null, log);
    }

    /** Whether HAProxy, Varnish and varnishstat are installed. */
    public static boolean available() {
        return Front.program("haproxy").isPresent() && Front.program("varnishd").isPresent()
                && Front.program("varnishstat").isPresent();
    }

    /** Serves copies of {@code db} from two replicas behind the front, measures, stops them and deletes the copies. */
    public void run(String label, Path db, PrintStream out) throws Exception {
        List<Asked> set;
        try (GraphStore store = GraphStore.open(db)) {
            set = distinct(harness.canned(store));
        }
        Path dir = work.resolve("frontend");
        BenchFiles.delete(dir);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        log.printf(Locale.ROOT, "frontend %s: copying %s for two replicas%n", label, db);
        BenchFiles.copy(db, dir.resolve("r1-db"));
        BenchFiles.copy(db, dir.resolve("r2-db"));
        int frontPort = BenchFiles.freePort();
        String publicUrl = "http://127.0.0.1:" + frontPort + ENDPOINT;
        Replica r1 = new Replica("r1", BenchFiles.freePort(), logs, publicUrl, settings.replicaJvm());
        Replica r2 = new Replica("r2", BenchFiles.freePort(), logs, publicUrl, settings.replicaJvm());
        // A benchmark stopped with Ctrl-C leaves no replica, HAProxy or Varnish behind.
        Thread stopAll = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy));
        Runtime.getRuntime().addShutdownHook(stopAll);
        try (r1; r2) {
            r1.start(dir.resolve("r1-db"));
            r2.start(dir.resolve("r2-db"));
            r1.awaitServing(START);
            r2.awaitServing(START);
            if (!r1.version().equals(r2.version())) {
                log.printf(Locale.ROOT, "warning: the replicas serve different versions: %s, %s%n", r1.version(), r2.version());
            }
            try (Front front = Front.start(dir, frontPort, r1, r2, "120s")) {
                log.printf(Locale.ROOT, "frontend %s: replicas on %d and %d, HAProxy on %d, Varnish on %d%n", label,
                        r1.port, r2.port, front.haproxyPort, front.port);
                measure(label, set, r1, r2, front, out);
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopAll);
            BenchFiles.delete(dir);
        }
    }

    /** The distinct requests: each canned query by its route, the same query by the SPARQL endpoint, a simple SELECT. */
    static List<Asked> distinct(List<Bound> canned) {
        List<Asked> set = new ArrayList<>();
        for (Bound b : canned) {
            String parameters = b.values().entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
            set.add(new Asked("route " + b.name(), CATALOGUE + b.query().name() + (parameters.isEmpty() ? "" : "?" + parameters)));
            set.add(new Asked("sparql " + b.name(), ENDPOINT + "?query=" + encode(b.sparql())));
        }
        set.add(new Asked("sparql simple-select", ENDPOINT + "?query=" + encode(EndpointBenchmark.SIMPLE_SELECT)));
        return set;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * The sequence: {@code length} indexes into a set of {@code distinct} requests, the k-th (from 1)
     * drawn with a weight of 1/k^s, seeded.
     */
    static int[] zipf(int distinct, int length, double s, long seed) {
        double[] cumulative = new double[distinct];
        double sum = 0;
        for (int k = 0; k < distinct; k++) {
            sum += 1 / Math.pow(k + 1, s);
            cumulative[k] = sum;
        }
        Random random = new Random(seed);
        int[] sequence = new int[length];
        for (int i = 0; i < length; i++) {
            int k = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            sequence[i] = Math.min(distinct - 1, k >= 0 ? k : -k - 1);
        }
        return sequence;
    }

    private void measure(String label, List<Asked> all, Replica r1, Replica r2, Front front, PrintStream out)
            throws Exception {
        // The first pass sorts out requests too slow for a mix (one would be most of a direct run).
        List<Asked> set = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        for (Asked a : all) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> answer = harness.exchange(get(r1.url(a.path())));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            if (answer == null || answer.statusCode() != 200) {
                log.printf(Locale.ROOT, "warning: %s answered %s; left out%n", a.name(), answer == null ? "nothing" : answer.statusCode());
            } else if (millis > settings.mixLimit().toMillis()) {
                slow.add(String.format(Locale.ROOT, "%s (%,d ms)", a.name(), millis));
            } else {
                set.add(a);
            }
        }
        for (int i = 1; i < settings.warmup(); i++) {
            for (Asked a : set) {
                harness.send(get(r1.url(a.path())));
                harness.send(get(r2.url(a.path())));
            }
        }
        // Popularity in a seeded order, so that the most asked is not always the catalogue's first query.
        List<Asked> ranked = new ArrayList<>(set);
        Collections.shuffle(ranked, new Random(settings.seed()));
        int[] sequence = zipf(ranked.size(), settings.requests(), settings.zipf(), settings.seed());
        long distinctAsked = Arrays.stream(sequence).distinct().count();
        int[] perRank = new int[ranked.size()];
        for (int k : sequence) {
            perRank[k]++;
        }
        int top10 = Arrays.stream(perRank).limit(10).sum();

        out.println();
        out.printf(Locale.ROOT, "## Front end, %s: a = Varnish → HAProxy → 2 replicas, b = one replica directly%n%n", label);
        out.printf(Locale.ROOT, "Sequence of %,d GETs drawn from %d distinct ones (Zipf exponent %.2f, seed %d): %d of them "
                + "asked, the 10 most asked make %.0f %% of it. Left out (over %,d ms on the first pass): %s.%n%n",
                settings.requests(), ranked.size(), settings.zipf(), settings.seed(), distinctAsked,
                100.0 * top10 / settings.requests(), settings.mixLimit().toMillis(), slow.isEmpty() ? "none" : String.join(", ", slow));

        List<HttpRequest> direct = requests(sequence, ranked, r1::url, Map.of());
        List<HttpRequest> through = requests(sequence, ranked, front::url, Map.of());
        Map<Integer, Pair> plain = new LinkedHashMap<>();
        out.println("| concurrency | a q/s | b q/s | **a/b q/s** | a p50 ms | b p50 ms | a p99 ms | b p99 ms | errors a/b "
                + "| cache hit / miss / hit-for-pass / hit-for-miss | **hit ratio** |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : settings.concurrency()) {
            Map<String, Long> counted = new HashMap<>();
            Pair runs = EndpointBenchmark.alternate(settings.rounds(), EndpointBenchmark.NO_CAP,
                    () -> fromEmptyCache(front, counted, () -> harness.drive(through, through.size(), c, through.size(), NO_CAP)),
                    () -> harness.drive(direct, direct.size(), c, direct.size(), NO_CAP));
            plain.put(c, runs);
            long looked = LOOKUPS.stream().mapToLong(k -> counted.getOrDefault(k, 0L)).sum();
            log.printf(Locale.ROOT, "frontend %s: concurrency %d: a %.0f q/s, b %.0f q/s%n", label, c, runs.a().qps(),
                    runs.b().qps());
            out.printf(Locale.ROOT, "| %d | %s | %s | **%.3f** |%n", c, runs.columns(),
                    LOOKUPS.stream().map(k -> String.format(Locale.ROOT, "%,d", counted.getOrDefault(k, 0L)))
                            .collect(Collectors.joining(" / ")),
                    looked == 0 ? Double.NaN : (double) counted.getOrDefault("MAIN.cache_hit", 0L) / looked);
            out.flush();
        }

        // Revalidating clients: each request carries the validators of the answer the client got before.
        Map<String, Map<String, String>> validatorsB = validators(ranked, r1::url);
        Map<String, Map<String, String>> validatorsA = validators(ranked, front::url);
        List<HttpRequest> conditionalB = requests(sequence, ranked, r1::url, validatorsB);
        List<HttpRequest> conditionalA = requests(sequence, ranked, front::url, validatorsA);
        out.println();
        out.printf(Locale.ROOT, "Revalidating clients (If-None-Match and If-Modified-Since from an earlier answer; "
                + "%d of %d distinct answers carried an ETag directly, %d through the front); 200 figures from the runs above:%n%n",
                count(validatorsB, "If-None-Match"), ranked.size(), count(validatorsA, "If-None-Match"));
        out.println("| concurrency | target | q/s | **304 share** | 304 p50 ms | 304 p99 ms | 200 p50 ms | 200 p99 ms | **304/200 p50** | errors |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int c : settings.concurrency()) {
            Pair runs = EndpointBenchmark.alternate(settings.rounds(), EndpointBenchmark.NO_CAP,
                    () -> harness.drive(conditionalA, sequence.length, c, sequence.length, NO_CAP),
                    () -> harness.drive(conditionalB, sequence.length, c, sequence.length, NO_CAP));
            row(out, c, "a, front", runs.a(), plain.get(c).a());
            row(out, c, "b, replica", runs.b(), plain.get(c).b());
            out.flush();
        }
    }

    /**
     * A run through the front from an empty cache (so that its hit ratio is the sequence's own), and
     * Varnish's lookups during it added to {@code counted}.
     */
    private Run fromEmptyCache(Front front, Map<String, Long> counted, Supplier<Run> run) {
        try {
            if (front.ban() != 200) {
                throw new IllegalStateException("Varnish refused the ban:\n" + front.logs());
            }
            Map<String, Long> before = front.counters();
            Run measured = run.get();
            Map<String, Long> after = countersAfter(front, before, measured.requests());
            LOOKUPS.forEach(k -> counted.merge(k, after.getOrDefault(k, 0L) - before.getOrDefault(k, 0L), Long::sum));
            return measured;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Varnish's counters once they count the run's {@code requests} (each a lookup in the cache or a
     * pass): each worker thread adds its own to them only now and then (when it goes idle), so they
     * lag behind the answers; at most 10 s.
     */
    private Map<String, Long> countersAfter(Front front, Map<String, Long> before, int requests)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Map<String, Long> now = front.counters();
            long counted = Stream.concat(LOOKUPS.stream(), Stream.of("MAIN.s_pass"))
                    .mapToLong(k -> now.getOrDefault(k, 0L) - before.getOrDefault(k, 0L)).sum();
            if (counted >= requests) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                log.printf(Locale.ROOT, "warning: Varnish's counters show %d requests of %d after 10 s%n", counted, requests);
                return now;
            }
            Thread.sleep(100);
        }
    }

    private static void row(PrintStream out, int c, String target, Run conditional, Run plain) {
        Run notModified = conditional.only(304);
        Run full = plain.only(200);
        out.printf(Locale.ROOT, "| %d | %s | %.0f | **%.3f** | %.2f | %.2f | %.2f | %.2f | **%.2f** | %d |%n", c, target,
                conditional.qps(), (double) notModified.requests() / conditional.requests(),
                notModified.percentileMillis(50), notModified.percentileMillis(99), full.percentileMillis(50),
                full.percentileMillis(99), notModified.percentileMillis(50) / full.percentileMillis(50), conditional.errors());
    }

    private static long count(Map<String, Map<String, String>> validators, String header) {
        return validators.values().stream().filter(v -> v.containsKey(header)).count();
    }

    private static HttpRequest get(String url) {
        return get(url, Map.of());
    }

    private static HttpRequest get(String url, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", EndpointBenchmark.ACCEPT)
                .timeout(EndpointBenchmark.TIMEOUT.plusSeconds(10));
        headers.forEach(builder::header);
        return builder.build();
    }

    /** The sequence as requests to {@code base}, each with the headers {@code headers} holds for its path (if any). */
    private static List<HttpRequest> requests(int[] sequence, List<Asked> ranked, UnaryOperator<String> base,
            Map<String, Map<String, String>> headers) {
        List<HttpRequest> distinct = ranked.stream()
                .map(a -> get(base.apply(a.path()), headers.getOrDefault(a.path(), Map.of()))).toList();
        return Arrays.stream(sequence).mapToObj(distinct::get).toList();
    }

    /** The conditional headers a client sends back, by path: the ETag and Last-Modified of the answer it got. */
    private Map<String, Map<String, String>> validators(List<Asked> ranked, UnaryOperator<String> base) {
        Map<String, Map<String, String>> all = new HashMap<>();
        for (Asked a : ranked) {
            HttpResponse<byte[]> answer = harness.exchange(get(base.apply(a.path())));
            Map<String, String> headers = new HashMap<>();
            if (answer != null) {
                answer.headers().firstValue("ETag").ifPresent(v -> headers.put("If-None-Match", v));
                answer.headers().firstValue("Last-Modified").ifPresent(v -> headers.put("If-Modified-Since", v));
            }
            all.put(a.path(), headers);
        }
        return all;
    }
}
