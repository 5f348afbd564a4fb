package org.symptomgraph.bench.deploy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.symptomgraph.bench.ReadyBenchmark;

/**
 * One read replica: {@code serve} of the packaged jar over its own database, on a fixed loopback
 * port, as a process of its own (so that it can be killed). Also runs the jar's other commands
 * (the writer's {@code import} and {@code backup}, a replica's {@code restore}).
 */
public final class Replica implements AutoCloseable {

    /** The product jar: the tests name it (productJar), the bench jar runs on it, else the build's. */
    static final Path JAR = Path.of(System.getProperty("productJar", ReadyBenchmark.productJar() != null
            ? ReadyBenchmark.productJar().toString() : "target/symptomgraph.jar"));
    private static final Path ARCHIVE = JAR.resolveSibling("symptomgraph.jsa");
    /** Small and quick to start, for tests and short commands: C1 only. */
    public static final List<String> QUICK_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    public final String name;
    public final int port;
    private final Path logs;
    private final String publicUrl;
    private final List<String> jvm;
    private Process process;
    private int starts;

    /** A replica on a {@link #QUICK_JVM}. */
    public Replica(String name, int port, Path logs, String publicUrl) {
        this(name, port, logs, publicUrl, QUICK_JVM);
    }

    /**
     * @param publicUrl the endpoint as clients see it (through the front), the same for every replica
     * @param jvm       options of the replica's JVM
     */
    public Replica(String name, int port, Path logs, String publicUrl, List<String> jvm) {
        this.name = name;
        this.port = port;
        this.logs = logs;
        this.publicUrl = publicUrl;
        this.jvm = List.copyOf(jvm);
    }

    /** Starts {@code serve} on {@code db}, as docs/deploy.md runs a replica; does not wait. */
    public void start(Path db) throws IOException {
        Path log = logs.resolve(name + "-" + ++starts + ".log");
        process = new ProcessBuilder(java(jvm, "serve", "--db", db.toString(), "--port", "" + port, "--localhost",
                "--client-address-header", "X-Forwarded-For", "--public-url", publicUrl, "--cache-max-age", "120"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the replica is ready (its readiness route answers 200), or fails with its log. */
    public void awaitServing(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with status " + process.exitValue() + ":\n" + log());
            }
            if (Loopback.status(url("/$/ready")) == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not serving after " + limit + ":\n" + log());
    }

    /** The version of the data this replica serves, as its readiness route names it (equal on replicas that hold the same data). */
    public String version() {
        HttpResponse<String> answer = Loopback.get(url("/$/ready"), "application/json");
        java.util.regex.Matcher version = java.util.regex.Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        if (answer.statusCode() != 200 || !version.find()) {
            throw new IllegalStateException(name + " is not ready: " + answer.statusCode() + " " + answer.body());
        }
        return version.group(1);
    }

    /** SIGKILL, as a crash: no shutdown, connections cut. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an operator stops it; SIGKILL after 10 s. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public String log() {
        try {
            StringBuilder all = new StringBuilder();
            try (var files = Files.list(logs)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + "-")).sorted().toList()) {
                    all.append("--- ").append(file.getFileName()).append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
                }
            }
            return all.toString();
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Runs a command of the jar to its end (at most {@code limit}), in the repository root. */
    /** Runs a command of the jar to its end (at most {@code limit}), in the working folder, on a {@link #QUICK_JVM}. */
    public static void run(Path logs, Duration limit, String... args) throws Exception {
        Path out = Files.createTempFile(logs, args[0], ".out");
        Path err = Files.createTempFile(logs, args[0], ".err");
        Process p = new ProcessBuilder(java(QUICK_JVM, args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("still running after " + limit + ": " + List.of(args));
            }
        } finally {
            p.destroyForcibly();
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: exit " + p.exitValue() + "\n--- out\n"
                    + Files.readString(out) + "--- err\n" + Files.readString(err));
        }
    }

    /** A JVM on the product jar with the build's class-data archive. */
    private static List<String> java(List<String> options, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        if (Files.isRegularFile(ARCHIVE)) {
            command.add("-XX:SharedArchiveFile=" + ARCHIVE);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }
}
