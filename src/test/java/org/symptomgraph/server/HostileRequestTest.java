package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;

/**
 * Requests meant to hurt: literals that carry markup, paths that climb, queries too long, malformed
 * or built to run away, SERVICE calls out. Every one gets a 4xx (or a result cut by the limit or
 * the timeout), never a 500, a hang or a page that runs someone's script.
 */
class HostileRequestTest {

    private static final String BASE = "https://w3id.org/symptomgraph/";
    private static final String XSS_SYMPTOM = BASE + "symptom/hostile";
    private static final String XSS_CAUSE = BASE + "cause/hostile";
    private static final List<String> PAYLOADS = List.of("<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>", "</script><script>alert(3)</script>", "' onmouseover='alert(4)",
            "<svg/onload=alert(5)>", "javascript:alert(6)", "{{constructor.constructor('alert(7)')()}}");
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int LIMIT = 1000;

    private static GraphStore store;
    private static SymptomGraphServer server;
    private static String root;
    private static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        store = GraphStore.inMemory();
        store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.EPOCH);
        store.replace(Fixtures.graph(Fixtures.testDocument("hiccups.txt")), Instant.EPOCH);
        // Hostile literals, straight into the current view and a named graph, as a bad import might leave them.
        store.dataset().executeWrite(() -> {
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            Node graph = NodeFactory.createURI(BASE + "graph/hostile/2024-01-01");
            Node symptom = NodeFactory.createURI(XSS_SYMPTOM);
            Node cause = NodeFactory.createURI(XSS_CAUSE);
            // A MeSH link, so the federated canned query gets as far as its SERVICE clause.
            dsg.add(Quad.defaultGraphIRI, NodeFactory.createURI(BASE + "cause/leukemia"),
                    NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#exactMatch"),
                    NodeFactory.createURI("http://id.nlm.nih.gov/mesh/D007938"));
            for (Node g : List.of(Quad.defaultGraphIRI, graph)) {
                dsg.add(g, symptom, RDF.type.asNode(), NodeFactory.createURI("https://schema.org/MedicalSignOrSymptom"));
                dsg.add(g, symptom, NodeFactory.createURI("https://schema.org/cause"), cause);
                dsg.add(g, cause, RDF.type.asNode(), NodeFactory.createURI("https://schema.org/MedicalCause"));
                for (String p : PAYLOADS) {
                    dsg.add(g, symptom, RDFS.label.asNode(), NodeFactory.createLiteralLang(p, "en"));
                    dsg.add(g, cause, RDFS.label.asNode(), NodeFactory.createLiteralLang(p, "en"));
                    dsg.add(g, cause, NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel"),
                            NodeFactory.createLiteralString(p));
                    dsg.add(g, cause, RDFS.comment.asNode(), NodeFactory.createLiteralString(p));
                }
            }
        });
        server = SymptomGraphServer.start(store, EndpointSettings.defaults(Http.freePort()).withLoopbackOnly(true)
                .withQueryTimeout(TIMEOUT).withResultLimit(LIMIT));
        // The VoID description is stored after start; tests that count quads must not race it.
        org.junit.jupiter.api.Assertions.assertTrue(server.awaitVoid(java.time.Duration.ofSeconds(30)));
        root = "http://localhost:" + server.port();
        endpoint = server.endpointUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    // ---- HTML pages escape every literal

    @ParameterizedTest
    @ValueSource(strings = {"/symptom/hostile", "/cause/hostile", "/"})
    void pagesEscapeEveryLiteral(String path) {
        HttpResponse<String> r = Http.get(root + path, "text/html");
        assertEquals(200, r.statusCode(), r.body());
        Document doc = Jsoup.parse(r.body());
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), path + ": event handler " + a + " on " + e.tagName());
            }
            assertFalse(List.of("img", "svg", "iframe", "object", "embed").contains(e.tagName()) && e.parents().stream()
                    .anyMatch(p -> p.tagName().equals("main")), path + ": an injected <" + e.tagName() + ">");
        }
        for (Element script : doc.select("script")) {
            if (script.attr("type").equals("application/json")) {
                // Data, not code: it must stay one JSON value inside its element.
                assertFalse(script.data().contains("</"), path + ": the JSON could close its script element");
                org.apache.jena.atlas.json.JSON.parseAny(script.data());
            } else {
                assertTrue(script.data().isBlank() && script.hasAttr("src") && script.attr("src").startsWith("/"),
                        path + ": an inline or foreign script " + script);
            }
        }
        assertTrue(doc.text().contains("<script>alert(1)</script>"), path + ": the literal shows, as text");
    }

    @Test
    void noLinkRunsScript() {
        for (String path : List.of("/symptom/hostile", "/cause/hostile", "/")) {
            Document doc = Jsoup.parse(Http.get(root + path, "text/html").body());
            for (Element a : doc.select("[href], [src], [action]")) {
                for (String attr : List.of("href", "src", "action")) {
                    String v = a.attr(attr).strip().toLowerCase();
                    assertFalse(v.startsWith("javascript:") || v.startsWith("data:") || v.startsWith("vbscript:"),
                            path + ": " + a);
                }
            }
        }
    }

    // ---- paths that climb

    @ParameterizedTest
    @ValueSource(strings = {
        "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/static/%252e%252e%252f%252e%252e%252fetc%252fpasswd", "/static/....//....//etc/passwd",
        "/static/..;/..;/etc/passwd", "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/static/..%5c..%5cetc%5cpasswd",
        "/static/%00../etc/passwd", "/static/style.css%00.js", "/static/../symptomgraph.properties",
        "/static/%2e%2e/symptomgraph.properties", "/static/%2e%2e/ontology/symptomgraph.ttl",
        "/static//etc/passwd", "/static/.%2e/.%2e/etc/passwd",
        "/webjars/../../../../etc/passwd", "/webjars/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
        "/webjars/cytoscape/../../../../../../etc/passwd", "/webjars/..%2f..%2fMETA-INF%2fMANIFEST.MF",
        "/webjars/cytoscape/3.33.1/../../../../org/symptomgraph/cli/Main.class",
        "/webjars/%2e%2e%2f%2e%2e%2forg/symptomgraph/cli/Main.class",
        "/cause/..%2f..%2f..%2fetc%2fpasswd", "/cause/%2e%2e/%2e%2e/etc/passwd", "/cause/../../etc/passwd",
        "/cause/%00", "/cause/..;/..;/etc/passwd", "/cause/%c0%ae%c0%ae%c0%af",
        "/document/..%2f..%2fetc%2fpasswd", "/document/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/document/../../etc/passwd",
        "/document/%252e%252e/etc/passwd", "/document/petechiae/..%5c..%5c..%5cetc%5cpasswd"})
    void pathTraversalIsRefused(String path) {
        for (String accept : List.of("text/html", "text/turtle", "*/*")) {
            HttpResponse<String> r = Http.send(Http.request(root + path).header("Accept", accept).GET().build());
            int status = r.statusCode();
            assertTrue(status >= 400 && status < 500, path + " (" + accept + ") gave " + status + ": " + r.body());
            assertFalse(r.body().contains("root:") || r.body().contains("Manifest-Version")
                    || r.body().contains("CAFEBABE") || r.body().contains("symptomgraph.version"), path);
        }
    }

    // ---- queries too long or malformed

    @Test
    void veryLongQueriesAre4xx() {
        String filler = "#" + "x".repeat(1024 * 1024) + "\nSELECT * WHERE { ?s ?p ?o } LIMIT 1";
        // A body too large is refused from its declared length, before it is read: a client that asks
        // first (Expect: 100-continue) gets the 413 without sending it.
        URI uri = URI.create(endpoint);
        for (String type : List.of("application/sparql-query", "application/x-www-form-urlencoded")) {
            assertEquals(413, Http.rawStatus(uri.getPort(), "POST " + uri.getRawPath() + " HTTP/1.1\r\nContent-Type: "
                    + type + "\r\nContent-Length: " + filler.length() + "\r\nExpect: 100-continue\r\n"), type);
        }
        // A client that sends it all the same gets the 413 or, when the server's close reaches it while it is
        // still sending, a reset (TCP drops the unread answer): never an answer from the query.
        for (HttpRequest post : List.of(
                Http.request(endpoint).header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofString(filler)).build(),
                Http.request(endpoint).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("query=" + Http.encode(filler))).build())) {
            try {
                assertEquals(413, Http.send(post).statusCode(), post.headers().toString());
            } catch (UncheckedIOException reset) {
                // refused while still sending
            }
        }
        String longSelect = "SELECT * WHERE { ?s ?p \"" + "a".repeat(1024 * 1024) + "\" }";
        int get = Http.query(endpoint, longSelect, "application/sparql-results+json").statusCode();
        assertTrue(get >= 400 && get < 500, "GET gave " + get);
        int canned = Http.get(root + "/symptomgraph/queries/label-search?text=" + "a".repeat(200_000),
                "text/csv").statusCode();
        assertTrue(canned >= 400 && canned < 500, "canned GET gave " + canned);
        assertEquals(200, Http.get(root + "/$/ping", "*/*").statusCode());
    }

    @Test
    void aSearchOfMoreWordsThanTheTextIndexTakesIsRefusedInAFewWords() {
        String words = String.join(" ", java.util.Collections.nCopies(1500, "thromb"));
        HttpResponse<String> canned = Http.get(root + "/symptomgraph/queries/label-search?text=" + Http.encode(words),
                "text/csv");
        assertEquals(400, canned.statusCode(), canned.body());
        assertTrue(canned.body().contains("too many terms to search for at once (at most 1024)"), canned.body());
        assertTrue(canned.body().length() < 400, "the text is not repeated back: " + canned.body().length() + " chars");
        HttpResponse<String> page = Http.get(root + "/search?q=" + Http.encode(words), "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Type fewer words: "), "the search page says what to do");
        String fewer = String.join(" ", java.util.Collections.nCopies(1000, "thromb"));
        assertEquals(200, Http.get(root + "/symptomgraph/queries/label-search?text=" + Http.encode(fewer), "text/csv")
                .statusCode(), "up to the index's limit, a search runs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELEC * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p }", "SELECT * WHERE { ?s ?p ?o",
        "SELECT * WHERE { ?s ?p ?o }}", "ASK { FILTER(", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY",
        "PREFIX : <x> SELECT * { :a :b \"unterminated }", "SELECT * { ?s ?p ?o } LIMIT -1",
        "SELECT * { <http://example/a b> ?p ?o }", "SELECT * { ?s ?p ?o } ORDER BY", "\u0000\u0001\u0002",
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "LOAD <http://127.0.0.1:9/x>", ""})
    void malformedQueriesAre400(String query) {
        HttpResponse<String> get = Http.query(endpoint, query, "application/sparql-results+json");
        assertEquals(400, get.statusCode(), query + ": " + get.body());
        HttpResponse<String> post = Http.send(Http.request(endpoint).header("Content-Type", "application/sparql-query")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build());
        assertTrue(post.statusCode() >= 400 && post.statusCode() < 500, query + ": POST gave " + post.statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"?query=%ZZ", "?query=%FF%FE%FD", "?query=SELECT%20*%20%7B%7D&query=ASK%7B%7D",
        "?query", "?query=SELECT%20*%20%7B%7D&default-graph-uri=%ZZ", "?query=SELECT%20*%20%7B%7D%0", "?%%%"})
    void malformedParametersAre4xx(String params) throws IOException {
        URI uri = URI.create(endpoint);
        int status = Http.rawStatus(uri.getPort(), "GET " + uri.getRawPath() + params
                + " HTTP/1.1\r\nAccept: application/sparql-results+json\r\nConnection: close\r\n");
        assertTrue(status >= 400 && status < 500, params + " gave " + status);
    }

    @Test
    void anUpdateByGetWritesNothing() {
        String count = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }";
        String before = Http.query(endpoint, count, "text/csv").body();
        HttpResponse<String> r = Http.get(endpoint + "?update=" + Http.encode("CLEAR ALL"), "text/csv");
        assertTrue(r.statusCode() == 200 || r.statusCode() / 100 == 4, "gave " + r.statusCode());
        assertEquals(before, Http.query(endpoint, count, "text/csv").body());
    }

    @Test
    void aRefusedWriteKeepsTheConnection() throws IOException, InterruptedException {
        // The body follows the headers late, as on a slow network (read as it arrives, by no thread);
        // the refusal then leaves the connection open for the client's next request.
        int port = server.port();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            String body = "<urn:x:s> <urn:x:p> <urn:x:o> .";
            OutputStream out = s.getOutputStream();
            out.write(("PUT /" + EndpointSettings.DATASET + "/get?default HTTP/1.1\r\nHost: localhost:" + port
                    + "\r\nContent-Type: text/turtle\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(200);
            out.write(body.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            String refused = Http.readHead(in);
            assertTrue(refused.startsWith("HTTP/1.1 4"), refused);
            assertFalse(refused.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), refused);
            Http.readBody(in, refused);
            out.write(("GET /$/ping HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String next = Http.readHead(in);
            assertTrue(next.startsWith("HTTP/1.1 200"), "the same connection answers the next request: " + next);
        }
    }

    @Test
    void deeplyNestedQueriesAre4xx() {
        // Small enough for the size limit, deep enough for a recursive-descent parser's stack.
        for (String q : List.of("SELECT * WHERE " + "{".repeat(20_000) + "}".repeat(20_000),
                "ASK { FILTER(" + "(".repeat(30_000) + "1" + ")".repeat(30_000) + ") }",
                "ASK { ?s " + "(".repeat(20_000) + "<urn:p>" + ")".repeat(20_000) + " ?o }")) {
            HttpResponse<String> r = Http.send(Http.request(endpoint).header("Content-Type", "application/sparql-query")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString(q)).build());
            assertTrue(r.statusCode() != 500 && r.statusCode() < 503, q.substring(0, 20) + " gave " + r.statusCode());
        }
        assertEquals(200, Http.get(root + "/$/ping", "*/*").statusCode());
    }

    // ---- runaway queries

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
        "SELECT DISTINCT ?a ?i WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "SELECT * WHERE { ?s (<urn:p>|!<urn:p>)* ?o }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s (<urn:p>|!<urn:p>)* ?o . ?o (<urn:p>|!<urn:p>)* ?x }",
        "SELECT * WHERE { ?s (<urn:p>|!<urn:p>)* ?o . ?o (<urn:p>|!<urn:p>)* ?x } ORDER BY DESC(?x)",
        "SELECT (GROUP_CONCAT(STR(?c)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "CONSTRUCT { ?a ?b ?i } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "DESCRIBE ?a WHERE { ?a ?b ?c . ?d ?e ?f }",
        "ASK { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . FILTER(STR(?c) = CONCAT(STR(?f), STR(?i), \"never\")) }",
        "SELECT * WHERE { GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } GRAPH ?g3 { ?x ?y ?z } } ORDER BY ?z"})
    void runawayQueriesAreCutByTimeoutOrLimit(String query) {
        for (String suffix : List.of("", "&timeout=600", "&timeout=600000")) {
            long started = System.nanoTime();
            HttpResponse<String> r = Http.get(endpoint + "?query=" + Http.encode(query) + suffix, "text/csv");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 15_000, query + suffix + " ran " + millis + " ms");
            if (r.statusCode() == 200) {
                long rows = r.body().lines().count() - 1;
                assertTrue(rows <= LIMIT || query.startsWith("CONSTRUCT") || query.startsWith("DESCRIBE"),
                        query + ": " + rows + " rows");
                if (query.startsWith("CONSTRUCT") || query.startsWith("DESCRIBE")) {
                    assertTrue(r.body().lines().count() <= 20L * LIMIT, query + ": " + r.body().length() + " chars");
                }
            } else {
                assertEquals(503, r.statusCode(), query + suffix + ": " + r.body());
            }
        }
        // The server is well after it.
        long started = System.nanoTime();
        assertEquals(200, Http.query(endpoint, "ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000);
    }

    // ---- one query, much work

    /** The attack of issue 16 over HTTP: 187 s of CPU with Java's regex engine. */
    @Test
    void aCatastrophicRegexAnswersAtOnce() {
        String query = "SELECT * { BIND('" + "a".repeat(40) + "!' AS ?s) FILTER(REGEX(?s, '^(.*a){12}$')) }";
        HttpResponse<String> r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Http.query(endpoint, query, "text/csv"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, r.body().strip().lines().count(), "no row: " + r.body());
    }

    /** A DESCRIBE or CONSTRUCT is cut at the limit in triples, not only in the solutions it starts from. */
    @ParameterizedTest
    @ValueSource(strings = {"DESCRIBE ?s WHERE { { SELECT DISTINCT ?s WHERE { ?s ?p ?o } } }",
        "DESCRIBE ?s ?o WHERE { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o . ?s <urn:x:copy> ?o . ?o <urn:x:back> ?s } WHERE { ?s ?p ?o }"})
    void triplesStopAtTheLimit(String query) {
        int limit = 50;
        try (SymptomGraphServer small = SymptomGraphServer.start(store, EndpointSettings.defaults(0)
                .withLoopbackOnly(true).withResultLimit(limit))) {
            HttpResponse<String> r = Http.query(small.endpointUrl(), query, "application/n-triples");
            assertEquals(200, r.statusCode(), r.body());
            long triples = r.body().lines().filter(l -> !l.isBlank()).count();
            assertEquals(limit, triples, query);
        }
    }

    /** An answer stops at the response limit in bytes: rows are capped, and each row can be long. */
    @Test
    void answersStopAtTheResponseLimit() {
        try (SymptomGraphServer small = SymptomGraphServer.start(store, EndpointSettings.defaults(0)
                .withLoopbackOnly(true).withResponseLimit(64 * 1024))) {
            // 1,000 rows of 2,048 characters each: about 2 MB.
            StringBuilder q = new StringBuilder("SELECT ?big WHERE { ?s ?p ?o BIND('ab' AS ?t0) ");
            for (int i = 1; i <= 10; i++) {
                q.append("BIND(CONCAT(?t").append(i - 1).append(", ?t").append(i - 1).append(") AS ?t").append(i).append(") ");
            }
            q.append("BIND(?t10 AS ?big) } LIMIT 1000");
            URI uri = URI.create(small.endpointUrl());
            Http.Raw r = Http.raw("127.0.0.1", small.port(), "GET " + uri.getRawPath() + "?query="
                    + Http.encode(q.toString()) + " HTTP/1.1\r\nAccept: text/csv\r\n", new byte[0], Duration.ofSeconds(30));
            assertEquals(200, r.status(), r.head());
            assertTrue(r.body().length() <= 64 * 1024 + 4096, r.body().length() + " bytes");
            assertFalse(r.body().endsWith("0\r\n\r\n"), "the answer is cut off, not ended");
            assertEquals(200, Http.query(small.endpointUrl(), "ASK { ?s ?p ?o }", "application/sparql-results+json")
                    .statusCode(), "the server answers the next query");
        }
    }

    // ---- every response

    @ParameterizedTest
    @ValueSource(strings = {"/", "/query", "/symptom/hostile", "/static/style.css", "/static/query.js",
        "/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js", "/symptomgraph/sparql?query=ASK%7B%7D",
        "/symptomgraph/queries", "/.well-known/void", "/no/such/page", "/symptomgraph/sparql?query=BAD", "/$/ping"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        HttpResponse<String> r = Http.get(root + path, "*/*");
        assertEquals(SecurityHeaders.POLICY, r.headers().firstValue("Content-Security-Policy").orElse(null), path);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
    }

    @Test
    void aRefusalCarriesTheSecurityHeadersToo() {
        Http.Raw tooLong = Http.raw("127.0.0.1", server.port(), "POST /symptomgraph/sparql HTTP/1.1\r\n"
                + "Content-Type: application/sparql-query\r\nContent-Length: " + (RequestGuard.MAX_QUERY_BYTES + 1)
                + "\r\n", new byte[0], Duration.ofSeconds(10));
        assertEquals(413, tooLong.status(), tooLong.head());
        assertTrue(tooLong.head().contains("Content-Security-Policy: " + SecurityHeaders.POLICY), tooLong.head());
        assertTrue(tooLong.head().contains("X-Content-Type-Options: nosniff"), tooLong.head());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/symptomgraph/sparql", "/static/style.css", "/$/ping"})
    void traceIsRefused(String path) {
        Http.Raw r = Http.raw("127.0.0.1", server.port(), "TRACE " + path + " HTTP/1.1\r\nX-Secret: s3cret\r\n",
                new byte[0], Duration.ofSeconds(10));
        assertEquals(405, r.status(), r.head());
        assertFalse(r.body().contains("s3cret"), "the request is not echoed");
    }

    /** Of the WebJars only the files the pages load: no demo page, no sources, no package files. */
    @ParameterizedTest
    @ValueSource(strings = {"/webjars/zazuko__yasgui/4.5.0/build/yasgui.html",
        "/webjars/cytoscape/3.33.1/playwright-page/index.html", "/webjars/zazuko__yasgui/4.5.0/package.json",
        "/webjars/zazuko__yasgui/4.5.0/static/yasgui.polyfill.min.js", "/webjars/cytoscape/3.33.1/dist/cytoscape.umd.js",
        "/webjars/zazuko__yasgui/4.5.0/src/defaults.ts"})
    void webJarDemoPagesAreNotServed(String path) {
        assertEquals(404, Http.get(root + path, "*/*").statusCode(), path);
    }

    // ---- SERVICE stays off

    @Test
    void outboundServiceStaysOffInEveryForm() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(200);
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/sparql";
            String local = "http://localhost:" + trap.getLocalPort() + "/sparql";
            List<String> queries = List.of(
                    "SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { SERVICE SILENT <" + url + "> { ?s ?p ?o } }",
                    "select * where { service <" + local + "> { ?s ?p ?o } }",
                    "SELECT * WHERE { VALUES ?u { <" + url + "> } SERVICE ?u { ?s ?p ?o } }",
                    "SELECT * WHERE { BIND(<" + url + "> AS ?u) SERVICE ?u { ?s ?p ?o } }",
                    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <" + url + "> { ?s ?q ?r } } } LIMIT 1",
                    "ASK { FILTER EXISTS { SERVICE <" + url + "> { ?s ?p ?o } } }",
                    "SELECT * WHERE { { SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } } } }",
                    "SELECT * FROM <" + url + "> WHERE { ?s ?p ?o } LIMIT 1",
                    "SELECT * FROM NAMED <" + url + "> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1",
                    "SELECT * WHERE { ?s ?p ?o } LIMIT 1");
            AtomicInteger connections = new AtomicInteger();
            List<String> bad = new ArrayList<>();
            for (String q : queries) {
                HttpResponse<String> r = Http.query(endpoint, q, "application/sparql-results+json");
                if (r.statusCode() >= 500) {
                    bad.add(q + " gave " + r.statusCode());
                }
                if (q.contains("SERVICE") || q.contains("service")) {
                    if (!(r.statusCode() >= 400 || !r.body().contains("\"type\"") || q.contains("SILENT"))) {
                        bad.add(q + " gave results: " + r.body());
                    }
                }
                connections.addAndGet(drain(trap));
            }
            HttpResponse<String> param = Http.get(endpoint + "?query=" + Http.encode("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
                    + "&default-graph-uri=" + Http.encode(url) + "&named-graph-uri=" + Http.encode(url), "text/csv");
            assertTrue(param.statusCode() < 500, "dataset parameters gave " + param.statusCode());
            connections.addAndGet(drain(trap));
            HttpResponse<String> federated = Http.get(root + "/symptomgraph/queries/wikidata-by-mesh?symptom=Petechiae", "text/csv");
            // Denied by the policy, as on the SPARQL endpoint.
            assertTrue(federated.statusCode() >= 400 && federated.statusCode() < 500,
                    "the federated canned query gave " + federated.statusCode() + ": " + federated.body());
            connections.addAndGet(drain(trap));
            assertTrue(bad.isEmpty(), String.join("\n", bad));
            assertEquals(0, connections.get(), "the server called out");
        }
    }

    /** Connections that arrived at the trap (answered with nothing and closed). */
    private static int drain(ServerSocket trap) throws IOException {
        int n = 0;
        while (true) {
            try (Socket s = trap.accept()) {
                n++;
                try (InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    out.write("HTTP/1.1 500 no\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (SocketTimeoutException e) {
                return n;
            }
        }
    }
}
