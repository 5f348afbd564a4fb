package org.symptomgraph.bench.deploy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.symptomgraph.bench.BenchFiles;

/**
 * The front of docs/deploy.md, from the configurations in {@code deploy/} (relative to the working
 * folder: the repository's root): Varnish on {@link #port} in front of HAProxy, which balances the
 * replicas. Varnish needs no root: {@code -j none} runs it as the current user (root in CI too), with
 * its working folder in {@code dir}. Used by the front-end test and the front-end benchmark.
 */
public final class Front implements AutoCloseable {

    public static final Path HAPROXY_CONFIG = Path.of("deploy/haproxy.cfg");
    public static final Path VARNISH_CONFIG = Path.of("deploy/varnish.vcl");

    /** Where Debian installs both (/usr/sbin is not on every user's PATH). */
    private static final List<String> SEARCHED = List.of("/usr/sbin", "/usr/local/sbin", "/sbin");

    public final int port;
    public final int haproxyPort;
    private final Path dir;
    private final Path socket;
    private Process haproxy;
    private Process varnish;
    private Process varnishlog;

    private Front(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.haproxyPort = BenchFiles.freePort();
        this.socket = dir.resolve("haproxy.sock");
    }

    /** The program's path, on PATH or where Debian puts it. */
    public static Optional<Path> program(String name) {
        List<String> folders = new ArrayList<>(Arrays.asList(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        folders.addAll(SEARCHED);
        return folders.stream().filter(f -> !f.isEmpty()).map(f -> Path.of(f, name)).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts HAProxy over the two replicas and Varnish over HAProxy, and waits until an answer comes through both.
     *
     * @param port     Varnish's port, where clients come
     * @param cacheTtl how long Varnish keeps an answer that says nothing of it (a VCL duration: 120s)
     */
    public static Front start(Path dir, int port, Replica r1, Replica r2, String cacheTtl) throws Exception {
        return start(dir, port, r1.port, r2.port, cacheTtl);
    }

    /** As {@link #start(Path, int, Replica, Replica, String)}, over any two servers on loopback ports. */
    public static Front start(Path dir, int port, int replica1, int replica2, String cacheTtl) throws Exception {
        Front front = new Front(dir, port);
        try {
            front.startHaproxy(replica1, replica2);
            front.startVarnish(cacheTtl);
            front.awaitAnswer(Duration.ofSeconds(20));
            return front;
        } catch (Exception e) {
            front.close();
            throw e;
        }
    }

    private void startHaproxy(int replica1, int replica2) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(program("haproxy").orElseThrow().toString(), "-db",
                "-f", HAPROXY_CONFIG.toString());
        // The configuration reads these from the environment.
        builder.environment().putAll(Map.of("SG_HAPROXY_BIND", "127.0.0.1:" + haproxyPort,
                "SG_HAPROXY_SOCKET", socket.toString(),
                "SG_REPLICA1", "127.0.0.1:" + replica1, "SG_REPLICA2", "127.0.0.1:" + replica2));
        haproxy = builder.redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
    }

    private void startVarnish(String cacheTtl) throws IOException {
        Path vcl = dir.resolve("varnish.vcl");
        Files.writeString(vcl, fill(Files.readString(VARNISH_CONFIG), Map.of("SG_BACKEND_HOST", "127.0.0.1",
                "SG_BACKEND_PORT", "" + haproxyPort, "SG_CACHE_TTL", cacheTtl)));
        varnish = new ProcessBuilder(program("varnishd").orElseThrow().toString(), "-F", "-j", "none",
                "-n", dir.resolve("varnish").toString(), "-f", vcl.toString(), "-a", "127.0.0.1:" + port,
                "-T", "none", "-s", "malloc,64m", "-p", "thread_pools=1", "-p", "thread_pool_min=10")
                .redirectErrorStream(true).redirectOutput(dir.resolve("varnish.log").toFile()).start();
        // Each request that ends in an error, with Varnish's reason, for the failure messages.
        Optional<Path> log = program("varnishlog");
        if (log.isPresent()) {
            varnishlog = new ProcessBuilder(log.get().toString(), "-n", dir.resolve("varnish").toString(), "-g", "request",
                    "-q", "RespStatus >= 500 or BerespStatus >= 500", "-t", "10")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("varnishlog.log").toFile()).start();
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    /** The template with each ${NAME} replaced, as envsubst does; a placeholder without a value is an error. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + m.group(1) + "} in " + VARNISH_CONFIG);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private void awaitAnswer(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!haproxy.isAlive() || !varnish.isAlive()) {
                throw new IllegalStateException("the front ended:\n" + logs());
            }
            if (Loopback.status(url("/$/ping")) == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no answer through the front after " + limit + ":\n" + logs());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** One command of HAProxy's runtime API (the socket the configuration opens), and its answer. */
    public String haproxy(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new String(readAll(channel), StandardCharsets.UTF_8);
        }
    }

    private static byte[] readAll(SocketChannel channel) throws IOException {
        var out = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (channel.read(buffer) >= 0) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return out.toByteArray();
    }

    /** A replica's row of {@code show stat}, by column name (status, scur, stot, ...). */
    public Map<String, String> stat(String server) throws IOException {
        List<String> lines = haproxy("show stat").lines().toList();
        String[] names = lines.get(0).substring(2).split(",", -1);
        for (String line : lines) {
            String[] values = line.split(",", -1);
            if (values.length > 1 && values[0].equals("replicas") && values[1].equals(server)) {
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < Math.min(names.length, values.length); i++) {
                    row.put(names[i], values[i]);
                }
                return row;
            }
        }
        throw new IllegalStateException("no server " + server + " in HAProxy's statistics:\n" + lines);
    }

    /** Waits until HAProxy reports the replica's status (UP, DOWN, DRAIN, ...). */
    public void awaitStatus(String server, String status, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String now = null;
        while (System.nanoTime() < deadline) {
            now = stat(server).get("status");
            if (now.equals(status)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(server + " is " + now + ", not " + status + ", after " + limit + ":\n" + logs());
    }

    /** Empties the cache, as a rollout's last step does ({@code BAN /} from this host); returns the status. */
    public int ban() {
        return Loopback.send(Loopback.request(url("/")).method("BAN", java.net.http.HttpRequest.BodyPublishers.noBody()).build())
                .statusCode();
    }

    /** Varnish's counters of the main section ({@code varnishstat -j}), by name: MAIN.cache_hit and the like. */
    public Map<String, Long> counters() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(program("varnishstat").orElseThrow(() -> new IllegalStateException("no varnishstat"))
                .toString(), "-n", dir.resolve("varnish").toString(), "-j", "-I", "MAIN.*")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("varnishstat failed:\n" + new String(out, StandardCharsets.UTF_8));
        }
        JsonObject json = JSON.parse(new String(out, StandardCharsets.UTF_8));
        // Varnish 6.5 and later nest the counters under "counters"; older ones put them at the top.
        JsonObject all = json.hasKey("counters") ? json.get("counters").getAsObject() : json;
        Map<String, Long> counters = new HashMap<>();
        for (String name : all.keys()) {
            JsonValue counter = all.get(name);
            if (counter.isObject() && counter.getAsObject().hasKey("value")) {
                counters.put(name, counter.getAsObject().get("value").getAsNumber().value().longValue());
            }
        }
        return counters;
    }

    public String logs() {
        StringBuilder all = new StringBuilder();
        for (String name : List.of("haproxy.log", "varnish.log", "varnishlog.log")) {
            try {
                all.append("--- ").append(name).append('\n').append(Files.readString(dir.resolve(name)));
            } catch (IOException e) {
                all.append("--- ").append(name).append(": ").append(e).append('\n');
            }
        }
        return all.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[] {varnishlog, varnish, haproxy}) {
            if (p != null && p.isAlive()) {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }
}
