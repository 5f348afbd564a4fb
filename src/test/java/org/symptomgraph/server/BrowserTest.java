package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/**
 * A real browser (Debian's headless Chromium) on the pages: the graph view draws nodes, the query
 * page runs a canned query and shows its rows (under the Content-Security-Policy), and a link
 * that points the query page at another endpoint, whose answer carries markup, runs nothing.
 * Screenshots go to target/screenshots. .ci/run installs Chromium where it is missing; without it
 * this test is skipped.
 */
class BrowserTest {

    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--virtual-time-budget=15000", "--window-size=1280,1600");

    private static TestServer server;
    private static String root;
    private static Path chromium;

    @TempDir
    static Path profiles;

    private static final String ADMIN_USER = "alice";
    private static final String ADMIN_PASSWORD = "correct horse battery staple";

    @BeforeAll
    static void start() throws Exception {
        chromium = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium)");
        Path passwords = profiles.resolve("admin.passwords");
        AdminPasswords.set(passwords, ADMIN_USER, ADMIN_PASSWORD, AdminPasswords.MIN_COST);
        server = TestServer.petechiae(s -> s.withAdmin(AdminSettings.of(0, passwords)));
        root = server.root();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void graphViewDrawsTheNeighbourhood() throws Exception {
        String dom = run("--dump-dom", root + "/symptom/petechiae");
        Matcher m = Pattern.compile("id=\"graph\"[^>]*data-nodes=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "the graph script ran");
        int nodes = Integer.parseInt(m.group(1));
        assertTrue(nodes >= 28, "symptom, 5 categories, 22 causes and its document: " + nodes);
        screenshot("symptom-petechiae.png", root + "/symptom/petechiae");
        screenshot("cause-cytomegalovirus-infection.png", root + "/cause/cytomegalovirus-infection");
    }

    @Test
    void queryPageRunsACannedQuery() throws Exception {
        String url = root + "/query?example=causes-of-symptom&run=1";
        String dom = run("--dump-dom", url);
        assertTrue(dom.contains("22 results"), "YASGUI reports the rows");
        for (String cause : List.of("Leukemia", "Cytomegalovirus infection", "Phenytoin")) {
            assertTrue(dom.contains(cause), cause);
        }
        screenshot("query-causes-of-symptom.png", url);
    }

    /**
     * The attack of issue 16, replayed: a link to the query page names another endpoint, which
     * answers the canned query with a language tag that holds markup. YASGUI used to take the
     * endpoint from the link and show the tag as HTML, so the markup ran on this server's origin
     * and wrote a document through the admin route with the login the browser held. Now the page
     * asks its own endpoint only, the policy lets no inline handler run and no request leave for
     * another origin, and the admin route is another origin anyway.
     */
    @Test
    void aLinkToAnotherEndpointRunsNoScript() throws Exception {
        List<String> evilRequests = java.util.Collections.synchronizedList(new ArrayList<>());
        String admin = server.adminRoot() + "/$/admin/documents/pwned.txt";
        String login = java.util.Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // What the script would do: mark the page, then write through the admin route with the login.
        String script = "document.body.setAttribute('data-pwned','yes');fetch('" + admin + "',{method:'PUT',"
                + "headers:{'Authorization':'Basic " + login + "','Content-Type':'text/plain'},"
                + "body:'Pwned\\n\\nPwned may be caused by:\\n1. Scripts\\n'})";
        String lang = "en\"><img src=x onerror=\"" + script.replace("\"", "&quot;") + "\">";
        String answer = "{\"head\":{\"vars\":[\"cause\"]},\"results\":{\"bindings\":[{\"cause\":{\"type\":"
                + "\"literal\",\"value\":\"Leukemia\",\"xml:lang\":" + new org.apache.jena.atlas.json.JsonString(lang) + "}}]}}";
        HttpServer evil = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        evil.createContext("/", exchange -> {
            evilRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "*");
            exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            byte[] body = exchange.getRequestMethod().equals("OPTIONS") ? new byte[0]
                    : answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        evil.start();
        try {
            String evilEndpoint = "http://127.0.0.1:" + evil.getAddress().getPort() + "/sparql";
            String url = root + "/query?endpoint=" + java.net.URLEncoder.encode(evilEndpoint,
                    java.nio.charset.StandardCharsets.UTF_8) + "&example=causes-of-symptom&run=1";
            String dom = run("--dump-dom", url);
            assertFalse(dom.contains("data-pwned"), "the markup ran");
            assertTrue(evilRequests.isEmpty(), "the page asked the other endpoint: " + evilRequests);
            assertTrue(dom.contains("22 results"), "the canned query ran on this server's endpoint");
            HttpResponse<String> written = Http.query(server.endpoint(), "ASK { ?s ?p \"Pwned\"@en }",
                    "application/sparql-results+json");
            assertFalse(written.body().contains("true"), "a document was written through the admin route");
        } finally {
            evil.stop(0);
        }
    }

    private static void screenshot(String name, String url) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("screenshotDir", "target/screenshots")));
        run("--screenshot=" + dir.resolve(name), url);
        assertTrue(Files.size(dir.resolve(name)) > 10_000, name);
    }

    /** Runs Chromium once with a fresh profile; at most 90 s. */
    private static String run(String action, String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString()));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + Files.createTempDirectory(profiles, "profile"));
        command.add(action);
        command.add(url);
        Path out = Files.createTempFile(profiles, "out", ".html");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 90 s on " + url);
        }
        return Files.readString(out);
    }
}
