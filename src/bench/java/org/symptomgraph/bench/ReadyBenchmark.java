package org.symptomgraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.symptomgraph.cli.Main;

/**
 * Time to ready: from starting {@code java -jar symptomgraph.jar serve} (a new process) to the
 * first answered query, polled every 5 ms; on an existing database and on an empty one (which
 * {@code serve} first fills from the documents folder).
 */
public final class ReadyBenchmark {

    /** One start: milliseconds to the first answer, and what serve itself printed ("ready in N ms"). */
    public record Start(String database, long answeredMillis, long reportedMillis) {
    }

    private static final Pattern READY = Pattern.compile("ready in (\\d+) ms");
    private static final String ASK = "ASK { ?s ?p ?o }";

    private final Path jar;
    private final String variant;
    private final List<String> jvmOptions;
    private final PrintStream log;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** @param variant added to each start's label (say, which JVM options set this one apart) */
    public ReadyBenchmark(Path jar, List<String> jvmOptions, String variant, PrintStream log) {
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.variant = variant;
        this.log = log;
    }

    /**
     * The product jar this benchmark runs on (where {@code symptomgraph}'s own classes come from: the
     * bench jar's manifest names it), or null when they come from class folders.
     */
    public static Path productJar() {
        try {
            Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Starts serve on {@code db}: as it is, or emptied first (then serve fills it from
     * {@code documents}). A database serve has started on before holds its service graphs.
     */
    public Start start(String label, Path db, boolean empty, Path documents) throws IOException, InterruptedException {
        if (empty) {
            BenchFiles.delete(db);
            Files.createDirectories(db);
        }
        int port = BenchFiles.freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--db", db.toString(), "--port",
                Integer.toString(port), "--localhost", "--data", documents.toString()));
        URI uri = URI.create("http://localhost:" + port + "/symptomgraph/sparql?query="
                + URLEncoder.encode(ASK, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(5)).GET().build();

        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        AtomicLong reported = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        reported.set(Long.parseLong(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = t0 + Duration.ofSeconds(300).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("serve exited with status " + process.exitValue() + " before answering");
                }
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        long answered = (System.nanoTime() - t0) / 1_000_000;
                        for (int i = 0; i < 100 && reported.get() < 0; i++) {
                            Thread.sleep(10);
                        }
                        Start s = new Start(label + variant, answered, reported.get());
                        log.printf(Locale.ROOT, "ready: %s: first answer after %d ms (serve says %d ms)%n", label + variant,
                                answered, reported.get());
                        return s;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(5);
            }
            throw new IOException("serve did not answer within 300 s");
        } finally {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    public static void print(List<Start> starts, PrintStream out) {
        out.println();
        out.println("## Time to ready (java [-XX:SharedArchiveFile=symptomgraph.jsa] -jar symptomgraph.jar serve, to the first answered query)");
        out.println();
        out.println("| database | runs | first answer ms (median) | min | max | serve's own \"ready in\" ms (median) |");
        out.println("|---|---:|---:|---:|---:|---:|");
        starts.stream().map(Start::database).distinct().forEach(db -> {
            List<Start> s = starts.stream().filter(x -> x.database().equals(db)).toList();
            long[] a = s.stream().mapToLong(Start::answeredMillis).sorted().toArray();
            long[] r = s.stream().mapToLong(Start::reportedMillis).sorted().toArray();
            out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", db, a.length, a[a.length / 2], a[0],
                    a[a.length - 1], r[r.length / 2]);
        });
        out.flush();
    }
}
