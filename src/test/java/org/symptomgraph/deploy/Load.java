package org.symptomgraph.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.symptomgraph.testing.Http;

/**
 * Clients querying the front without a pause until stopped: in turn a SPARQL query no cache holds
 * (a comment makes each URL new, so it goes through HAProxy to a replica) and a canned query the
 * cache may hold. Every answer that is not a 200 with a body, or that fails, is counted and kept.
 */
final class Load implements AutoCloseable {

    private static final String QUERY = "SELECT ?symptom WHERE { ?symptom a <https://schema.org/MedicalSignOrSymptom> } LIMIT 5 # ";

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String front;
    private final List<String> cached;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong counter = new AtomicLong();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    /** @param cached paths of answers the cache may hold, asked in turn */
    Load(String front, int clients, List<String> cached) {
        this.front = front;
        this.cached = cached;
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(this::run, "load-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void run() {
        int turn = 0;
        while (running.get()) {
            ask(front + "/symptomgraph/sparql?query=" + Http.encode(QUERY + counter.incrementAndGet()),
                    "application/sparql-results+json");
            ask(front + cached.get(turn++ % cached.size()), "text/csv");
        }
    }

    private void ask(String url, String accept) {
        sent.incrementAndGet();
        long started = System.nanoTime();
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || answer.body().isEmpty()) {
                fail(url, started, answer.statusCode() + " " + answer.headers().map() + " "
                        + answer.body().replaceAll("\\s+", " ").substring(0, Math.min(400, answer.body().length())));
            }
        } catch (IOException e) {
            fail(url, started, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private void fail(String url, long started, String what) {
        failures.add(String.format("after %d ms: %s: %s", (System.nanoTime() - started) / 1_000_000, url, what));
    }

    long sent() {
        return sent.get();
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** Stops the clients, each after its request under way. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
    }
}
