package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.store.Backups;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;

/**
 * HTTP caching: every GET answer of the data carries an ETag and Last-Modified and is answered 304
 * while they hold, until the next import (through the admin route or a local one), then 200 with a
 * new ETag; errors, POSTs and unrepeatable queries are not cached; the WebJars are immutable; and
 * {@code /$/ready} says the version served.
 */
class HttpCachingTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String ASK = Fixtures.PREFIXES + "ASK { ?s rdfs:label \"Petechiae\"@en }";

    @TempDir
    static Path dir;
    private static GraphStore store;
    private static SymptomGraphServer server;
    private static String root;

    @BeforeAll
    static void start() throws Exception {
        Path passwords = dir.resolve("admin.passwords");
        AdminPasswords.set(passwords, USER, PASSWORD, AdminPasswords.MIN_COST);
        store = GraphStore.inMemory();
        store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.EPOCH);
        server = SymptomGraphServer.start(store, EndpointSettings.defaults(0).withLoopbackOnly(true)
                .withAdmin(AdminSettings.of(0, passwords)));
        assertTrue(server.awaitVoid(Duration.ofSeconds(30)));
        root = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    /** Each answer of the data, by URL and Accept. */
    private static Map<String, String> dataAnswers() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put(server.endpointUrl() + "?query=" + Http.encode(ASK), "application/sparql-results+json");
        answers.put(root + "/symptomgraph/queries/drug-by-brand?brand=Dilantin-125", "text/csv");
        answers.put(root + "/cause/leukemia", "text/turtle");
        answers.put(root + "/cause/leukemia#html", "text/html");
        answers.put(root + "/.well-known/void", "text/turtle");
        answers.put(root + "/", "text/html");
        answers.put(root + "/search?q=petechiae", "text/html");
        answers.put(root + "/ontology", "text/turtle");
        answers.put(server.endpointUrl(), "text/turtle");
        answers.put(root + "/symptomgraph/get?default", "application/n-triples");
        return answers;
    }

    private static HttpResponse<String> get(String url, String accept, String... headers) {
        HttpRequest.Builder b = Http.request(url.replace("#html", "")).header("Accept", accept);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return Http.send(b.GET().build());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    /** Last-Modified, by URL, as {@link #validated} saw it last. */
    private static final Map<String, String> LAST_MODIFIED = new LinkedHashMap<>();

    /** Every answer: 200 with validators; 304 when asked with them. The ETags, by URL. */
    private static Map<String, String> validated() {
        Map<String, String> etags = new LinkedHashMap<>();
        dataAnswers().forEach((url, accept) -> {
            HttpResponse<String> r = get(url, accept);
            assertEquals(200, r.statusCode(), url);
            String etag = header(r, "ETag");
            assertTrue(etag != null && etag.startsWith("W/\""), url + ": " + etag);
            assertEquals("public, max-age=0, must-revalidate", header(r, "Cache-Control"), url);
            assertTrue(String.join(",", r.headers().allValues("Vary")).contains("Accept"), url);
            // Sent once it is a second old (an import of the same second would have the same date).
            String lastModified = header(r, "Last-Modified");

            HttpResponse<String> again = get(url, accept, "If-None-Match", etag);
            assertEquals(304, again.statusCode(), url);
            assertEquals("", again.body(), url);
            assertEquals(etag, header(again, "ETag"), url);
            assertTrue(header(again, "Content-Security-Policy") != null, url);
            assertEquals(304, get(url, accept, "If-None-Match", "\"other\", " + etag.substring(2)).statusCode(), url);
            if (lastModified != null) {
                assertEquals(304, get(url, accept, "If-Modified-Since", lastModified).statusCode(), url);
                LAST_MODIFIED.put(url, lastModified);
            }
            etags.put(url, etag);
        });
        return etags;
    }

    /** Asked with the ETags of before: 200 and a new ETag, everywhere. */
    private static void allChanged(Map<String, String> before) {
        dataAnswers().forEach((url, accept) -> {
            HttpResponse<String> r = get(url, accept, "If-None-Match", before.get(url));
            assertEquals(200, r.statusCode(), url);
            assertNotEquals(before.get(url), header(r, "ETag"), url);
            if (LAST_MODIFIED.containsKey(url)) {
                assertEquals(200, get(url, accept, "If-Modified-Since", LAST_MODIFIED.get(url)).statusCode(), url);
            }
        });
    }

    @Test
    void answersAre304UntilAnImportThen200WithANewEtag() throws Exception {
        Map<String, String> first = validated();
        assertTrue(LAST_MODIFIED.keySet().containsAll(first.keySet()), "Last-Modified on every answer: " + LAST_MODIFIED);
        assertNotEquals(first.get(root + "/cause/leukemia"), first.get(root + "/cause/leukemia#html"),
                "one ETag per representation");
        String versionBefore = ready().getString("version");

        // Through the admin route.
        byte[] hiccups = Fixtures.bytes(Fixtures.testDocument("hiccups.txt"));
        HttpResponse<String> put = Http.send(Http.request("http://127.0.0.1:" + server.adminPort()
                + "/$/admin/documents/hiccups.txt").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(hiccups)).build());
        assertEquals(200, put.statusCode(), put.body());
        allChanged(first);
        Map<String, String> second = validated();
        String versionAfterAdmin = ready().getString("version");
        assertNotEquals(versionBefore, versionAfterAdmin);

        // The same bytes again change nothing: the ETags hold.
        assertEquals(200, Http.send(Http.request("http://127.0.0.1:" + server.adminPort()
                + "/$/admin/documents/hiccups.txt").header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(hiccups)).build()).statusCode());
        second.forEach((url, etag) -> assertEquals(304,
                get(url, dataAnswers().get(url), "If-None-Match", etag).statusCode(), url));

        // A local import.
        store.replace(Fixtures.graph(Fixtures.testDocument("nosebleeds.txt")), Instant.now());
        allChanged(second);
        validated();
        assertNotEquals(versionAfterAdmin, ready().getString("version"));
    }

    @Test
    void aStarMatchesAndADateInTheFutureIsIgnored() {
        String url = root + "/cause/leukemia";
        assertEquals(304, get(url, "text/turtle", "If-None-Match", "*").statusCode());
        assertEquals(200, get(url, "text/turtle", "If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT").statusCode(),
                "a client's clock in the future gets the answer, not a 304 for data it never had");
        assertEquals(200, get(url, "text/turtle", "If-Modified-Since", "not a date").statusCode());
    }

    @Test
    void errorsPostsAndUnrepeatableQueriesAreNotCached() {
        HttpResponse<String> missing = get(root + "/cause/no-such-cause", "text/turtle");
        assertEquals(404, missing.statusCode());
        assertFalse(missing.headers().firstValue("ETag").isPresent());
        assertTrue(header(missing, "Cache-Control").contains("no-store"));

        HttpResponse<String> bad = Http.query(server.endpointUrl(), "SELECT nonsense", "application/sparql-results+json");
        assertEquals(400, bad.statusCode());
        assertFalse(bad.headers().firstValue("ETag").isPresent());
        assertTrue(header(bad, "Cache-Control").contains("no-store"));

        HttpResponse<String> post = Http.send(Http.request(server.endpointUrl())
                .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(ASK)).build());
        assertEquals(200, post.statusCode());
        assertFalse(post.headers().firstValue("ETag").isPresent());

        for (String unrepeatable : List.of("SELECT (NOW() AS ?t) {}", "SELECT (rand() AS ?r) {}",
                "SELECT (STRUUID() AS ?u) {}")) {
            HttpResponse<String> r = Http.query(server.endpointUrl(), unrepeatable, "application/sparql-results+json");
            assertEquals(200, r.statusCode(), unrepeatable);
            assertFalse(r.headers().firstValue("ETag").isPresent(), unrepeatable);
            assertTrue(header(r, "Cache-Control").contains("no-store"), unrepeatable);
        }
    }

    @Test
    void corsStaysOnRevalidation() {
        String url = root + "/cause/leukemia";
        HttpResponse<String> r = get(url, "text/turtle", "Origin", "https://example.org");
        assertEquals("https://example.org", header(r, "Access-Control-Allow-Origin"));
        String vary = String.join(",", r.headers().allValues("Vary"));
        assertTrue(vary.contains("Origin") && vary.contains("Accept"), vary);
        HttpResponse<String> again = get(url, "text/turtle", "Origin", "https://example.org",
                "If-None-Match", header(r, "ETag"));
        assertEquals(304, again.statusCode());
        assertEquals("https://example.org", header(again, "Access-Control-Allow-Origin"));
        assertEquals(vary, String.join(",", again.headers().allValues("Vary")));
    }

    @Test
    void webJarsAreImmutable() {
        HttpResponse<String> r = get(root + Html.YASGUI_JS, "*/*");
        assertEquals(200, r.statusCode());
        assertEquals("public, max-age=31536000, immutable", header(r, "Cache-Control"));
    }

    private static JsonObject ready() {
        HttpResponse<String> r = get(root + ReadyServlet.PATH, "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", header(r, "Cache-Control"));
        return JSON.parse(r.body());
    }

    @Test
    void readinessSaysTheVersionAReplicaServes() throws Exception {
        JsonObject ready = ready();
        assertTrue(ready.get("ready").getAsBoolean().value());
        assertTrue(ready.get("documents").getAsNumber().value().longValue() > 0);
        // A replica of the same data, as the replicas get it: backup, restore, serve.
        Path backup = dir.resolve("backup.nq.gz");
        Backups.backup(store.dataset(), backup);
        Backups.restore(backup, dir.resolve("replica"), false);
        GraphStore replica = GraphStore.open(dir.resolve("replica"));
        try (SymptomGraphServer other = SymptomGraphServer.start(replica,
                EndpointSettings.defaults(0).withLoopbackOnly(true))) {
            assertTrue(other.awaitVoid(Duration.ofSeconds(30)));
            HttpResponse<String> r = get("http://localhost:" + other.port() + ReadyServlet.PATH, "application/json");
            assertEquals(200, r.statusCode());
            assertEquals(ready().getString("version"), JSON.parse(r.body()).getString("version"));
        } finally {
            replica.close();
        }
    }

    @Test
    void newDumpsChangeTheValidatorsButNotTheDataVersion() {
        // The VoID graph describes the dumps, and each server makes its own: a new generation is a new
        // answer of this server (and of SPARQL over that graph), not a new version of the data.
        try (ServedVersion version = new ServedVersion(store, "test")) {
            ServedVersion.State before = version.current();
            Instant made = Instant.parse("2100-01-01T00:00:00Z");
            version.dumpsDescribed(new Dumps.Made("g1", made, before.data(), Map.of()));
            ServedVersion.State after = version.current();
            assertEquals(before.token(), after.token());
            assertNotEquals(before.validator(), after.validator());
            assertEquals(made.toEpochMilli(), after.lastModified());
        }
    }

    @Test
    void notReadyIs503AndUncached() {
        // The servlet as serve mounts it, while the VoID description is still being counted.
        ServedVersion version = new ServedVersion(store, "test");
        FusekiServer notYet = FusekiServer.create().port(0).loopback(true)
                .addServlet(ReadyServlet.PATH, new ReadyServlet(version, () -> false))
                .addFilter("/*", new CacheValidators(version, () -> false, p -> p.equals("/page"), r -> null,
                        Duration.ofSeconds(60)))
                .addServlet("/page", SiteServlet.page(r -> Html.page("page")))
                .build().start();
        try {
            String base = "http://localhost:" + notYet.getHttpPort();
            HttpResponse<String> r = get(base + ReadyServlet.PATH, "application/json");
            assertEquals(503, r.statusCode());
            JsonObject json = JSON.parse(r.body());
            assertFalse(json.get("ready").getAsBoolean().value());
            assertEquals(ready().getString("version"), json.getString("version"));
            HttpResponse<String> page = get(base + "/page", "text/html");
            assertEquals(200, page.statusCode());
            assertFalse(page.headers().firstValue("ETag").isPresent());
            assertEquals("no-store", header(page, "Cache-Control"));
        } finally {
            notYet.stop();
            version.close();
        }
    }
}
