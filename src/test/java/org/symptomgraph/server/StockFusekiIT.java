package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;

/**
 * The stock jena-fuseki-server jar, run as fuseki/config.ttl says (Fuseki main, with
 * target/symptomgraph-fuseki.jar on its class path), serves what {@code serve} serves: the same
 * routes with the same answers, byte for byte where the format allows (isomorphic graphs for RDF,
 * whose writers need not order blank nodes alike). Run by failsafe after {@code package}, on the
 * jar as built; both servers over copies of one database, on loopback.
 */
class StockFusekiIT {

    private static final Path STOCK_JAR = Path.of(System.getProperty("stockFusekiJar",
            "target/stock-fuseki/jena-fuseki-server.jar"));
    private static final Path MODULE_JAR = Path.of(System.getProperty("fusekiModuleJar",
            "target/symptomgraph-fuseki.jar"));
    /** Both servers name their endpoint so, for the descriptions that hold its URL to compare. */
    private static final String PUBLIC_URL = "http://symptomgraph.test/symptomgraph/sparql";
    private static final String BASE = Iris.DEFAULT_BASE;
    /** Headers that differ from one answer to the next by nature. */
    private static final Set<String> VARYING = Set.of("date", "fuseki-request-id");

    @TempDir
    static Path dir;

    private static Process fuseki;
    private static String stock;
    private static GraphStore serveStore;
    private static SymptomGraphServer serve;

    @BeforeAll
    static void startBoth() throws Exception {
        assertTrue(Files.isRegularFile(STOCK_JAR), "the stock server is fetched by the build: " + STOCK_JAR);
        assertTrue(Files.isRegularFile(MODULE_JAR), "the module jar is built by package: " + MODULE_JAR);
        try (GraphStore store = GraphStore.open(dir.resolve("db"))) {
            store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.EPOCH);
            // Two versions of a page: the newer drops bronchitis.
            store.replace(CurrentViewTest.wheezing(CurrentViewTest.OLD), Instant.EPOCH);
            store.replace(CurrentViewTest.wheezing(CurrentViewTest.NEW), Instant.EPOCH);
        }
        copy(dir.resolve("db"), dir.resolve("serve-db"));

        // fuseki/config.ttl as it is, with one setting more: the public URL both servers name.
        Path config = dir.resolve("config.ttl");
        Files.copy(Path.of("fuseki/config.ttl"), config);
        Files.writeString(config, "\n<#symptomgraph> sgf:publicUrl \"" + PUBLIC_URL + "\" .\n", StandardOpenOption.APPEND);
        int port = Http.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        fuseki = new ProcessBuilder(java, "-Xmx512m", "-cp", STOCK_JAR + File.pathSeparator + MODULE_JAR.toAbsolutePath(),
                "org.apache.jena.fuseki.main.cmds.FusekiMainCmd", "--localhost",
                "--cors", Path.of("fuseki/cors.properties").toAbsolutePath().toString(),
                "--config", config.toString(), "--port", Integer.toString(port))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("fuseki.log").toFile())
                .start();
        stock = "http://127.0.0.1:" + port;

        serveStore = GraphStore.open(dir.resolve("serve-db"));
        serve = SymptomGraphServer.start(serveStore, EndpointSettings.defaults(0).withLoopbackOnly(true)
                .withPublicUrl(PUBLIC_URL));
        assertTrue(serve.awaitVoid(Duration.ofSeconds(30)), "serve's VoID description");
        waitFor(stock + "/$/ping");
        waitFor(stock + "/.well-known/void");
    }

    @AfterAll
    static void stopBoth() throws Exception {
        if (serve != null) {
            serve.close();
            serveStore.close();
        }
        if (fuseki != null) {
            fuseki.destroy();
            if (!fuseki.waitFor(10, TimeUnit.SECONDS)) {
                fuseki.destroyForcibly();
            }
        }
    }

    private static String served() {
        return "http://127.0.0.1:" + serve.port();
    }

    @Test
    void fusekiFoundTheModuleThroughItsServiceLoader() throws IOException {
        String log = Files.readString(dir.resolve("fuseki.log"));
        assertTrue(log.contains("Module: symptomgraph"), log);
        assertFalse(log.contains("ERROR"), log);
    }

    @Test
    void sparqlAnswersAreTheSameBytes() {
        String causes = Fixtures.PREFIXES + "SELECT ?cause ?label WHERE { ?s rdfs:label \"Petechiae\"@en ; "
                + "schema:cause ?cause . ?cause rdfs:label ?label } ORDER BY ?cause";
        for (String accept : List.of("text/csv", "text/tab-separated-values", "application/sparql-results+json",
                "application/sparql-results+xml")) {
            sameBytes("/symptomgraph/sparql?query=" + Http.encode(causes), accept);
        }
        // Fuseki's format names (FormatNamesFilter), and the other endpoint names.
        sameBytes("/symptomgraph/query?format=csv&query=" + Http.encode(causes), "*/*");
        sameBytes("/symptomgraph?query=" + Http.encode("ASK { ?s ?p ?o }"), "application/sparql-results+json");
        // Cut at the result limit, said in X-SPARQL-MaxRows (both run the same plan over equal databases).
        HttpResponse<String> cut = sameBytes("/symptomgraph/sparql?query="
                + Http.encode("SELECT ?a ?b WHERE { ?a a ?x . ?b a ?y }"), "text/csv");
        assertEquals("10000", cut.headers().firstValue(ResultCap.HEADER).orElse(null));
    }

    @Test
    void graphsAreTheSameGraphs() {
        String asthma = "DESCRIBE <" + BASE + "cause/asthma>";
        sameGraph("/symptomgraph/sparql?query=" + Http.encode(asthma), "text/turtle");
        sameGraph("/symptomgraph/sparql?query=" + Http.encode(Fixtures.PREFIXES
                + "CONSTRUCT { ?s schema:cause ?c } WHERE { ?s schema:cause ?c }"), "application/n-triples");
        sameGraph("/symptomgraph/get?default", "text/turtle");
        // The service description at the endpoint URL, VoID, a resolved IRI in three syntaxes, the ontology.
        sameGraph("/symptomgraph/sparql", "text/turtle");
        sameGraph("/.well-known/void", "text/turtle");
        sameGraph("/cause/leukemia", "text/turtle");
        sameGraph("/cause/leukemia", "application/ld+json");
        sameGraph("/symptom/petechiae", "application/rdf+xml");
        sameGraph("/ontology", "text/turtle");
        // DESCRIBE reads the current view alone: nothing of the superseded version of the page.
        HttpResponse<String> gone = Http.query(stock + "/symptomgraph/sparql", "DESCRIBE <" + BASE + "cause/bronchitis>",
                "application/n-triples");
        assertEquals("", gone.body().strip(), "bronchitis is only in the superseded version");
    }

    @Test
    void cannedQueriesAreTheSameBytes() {
        sameBytes("/symptomgraph/queries", "application/json");
        sameBytes("/symptomgraph/queries/causes-of-symptom?symptom=Petechiae", "text/csv");
        sameBytes("/symptomgraph/queries/drug-by-brand?brand=Dilantin-125", "application/sparql-results+json");
        sameBytes("/symptomgraph/queries/no-such-query", "*/*");
    }

    @Test
    void pagesAreTheSameBytes() {
        for (String path : List.of("/", "/search?q=leuk", "/query", "/symptom/petechiae", "/cause/leukemia",
                "/ontology", "/static/style.css", "/no/such/page")) {
            sameBytes(path, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        }
        assertTrue(Jsoup.parse(get(stock, "/symptom/petechiae", "text/html").body()).title().startsWith("Petechiae"));
    }

    @Test
    void theGuardsAreTheSame() {
        // Nothing writes; no SERVICE; a query string too long; TRACE.
        HttpResponse<String> update = sameStatus(Http.request(stock + "/symptomgraph"), Http.request(served() + "/symptomgraph"),
                r -> r.header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }")));
        assertTrue(update.statusCode() >= 400 && update.statusCode() < 500, "update gave " + update.statusCode());
        HttpResponse<String> service = sameBytes("/symptomgraph/sparql?query="
                + Http.encode("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"), "text/csv");
        assertTrue(service.statusCode() >= 400, "SERVICE gave " + service.statusCode());
        HttpResponse<String> tooLong = sameBytes("/symptomgraph/sparql?query=" + "x".repeat(140_000), "text/csv");
        assertEquals(414, tooLong.statusCode());
        HttpResponse<String> trace = sameStatus(Http.request(stock + "/"), Http.request(served() + "/"),
                r -> r.method("TRACE", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, trace.statusCode());
    }

    @Test
    void theStockServerHasNoAdminApi() {
        // Even for a loopback client (as any client of a proxy on the same host is): issue 16 deleted the
        // dataset and created a writable one through Fuseki's admin API.
        for (String path : List.of("/$/server", "/$/metrics", "/$/stats", "/$/datasets", "/$/datasets/symptomgraph",
                "/$/tasks", "/$/backup/symptomgraph", "/$/compact/symptomgraph", "/$/backups-list")) {
            assertEquals(404, Http.get(stock + path, "*/*").statusCode(), path);
        }
        HttpResponse<String> create = Http.send(Http.request(stock + "/$/datasets?dbName=open&dbType=mem")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(404, create.statusCode(), "creating a dataset");
        HttpResponse<String> delete = Http.send(Http.request(stock + "/$/datasets/symptomgraph").DELETE().build());
        assertTrue(delete.statusCode() == 404 || delete.statusCode() == 405, "deleting the dataset: " + delete.statusCode());
        assertEquals(200, Http.query(stock + "/symptomgraph/sparql", "ASK { ?s ?p ?o }", "text/csv").statusCode());
    }

    /**
     * The same status, headers (but {@link #VARYING}) and body from both, the server's own address
     * (which the catalogue's links take from the request) aside; the stock server's answer.
     */
    private static HttpResponse<String> sameBytes(String path, String accept) {
        HttpResponse<String> a = get(stock, path, accept);
        HttpResponse<String> b = get(served(), path, accept);
        assertEquals(b.statusCode(), a.statusCode(), path + " " + accept);
        assertEquals(b.body().replace(served(), "ROOT"), a.body().replace(stock, "ROOT"), path + " " + accept);
        Map<String, List<String>> fromStockHeaders = headers(a);
        Map<String, List<String>> fromServeHeaders = headers(b);
        if (a.body().contains(stock)) { // the two addresses' lengths may differ
            fromStockHeaders.remove("content-length");
            fromServeHeaders.remove("content-length");
        }
        assertEquals(fromServeHeaders, fromStockHeaders, path + " " + accept);
        return a;
    }

    /** The same status and content type from both, and isomorphic graphs. */
    private static void sameGraph(String path, String accept) {
        HttpResponse<String> a = get(stock, path, accept);
        HttpResponse<String> b = get(served(), path, accept);
        assertEquals(200, a.statusCode(), path + " " + accept + ": " + a.body());
        assertEquals(b.statusCode(), a.statusCode(), path + " " + accept);
        // Not the length: a graph written in another order may take other blank-node labels.
        Map<String, List<String>> fromStockHeaders = headers(a);
        Map<String, List<String>> fromServeHeaders = headers(b);
        fromStockHeaders.remove("content-length");
        fromServeHeaders.remove("content-length");
        assertEquals(fromServeHeaders, fromStockHeaders, path + " " + accept);
        String type = a.headers().firstValue("Content-Type").orElseThrow();
        Lang lang = RDFLanguages.contentTypeToLang(ContentType.create(type).getContentTypeStr());
        assertTrue(lang != null, path + " " + accept + ": not RDF, " + type);
        Model fromStock = RDFParser.fromString(a.body(), lang).base(stock + path).toModel();
        Model fromServe = RDFParser.fromString(b.body(), lang).base(stock + path).toModel();
        assertFalse(fromServe.isEmpty(), path);
        assertTrue(fromStock.isIsomorphicWith(fromServe), path + " " + accept + ":\n" + a.body() + "\n---\n" + b.body());
    }

    private interface Request {
        HttpRequest.Builder apply(HttpRequest.Builder builder);
    }

    private static HttpResponse<String> sameStatus(HttpRequest.Builder a, HttpRequest.Builder b, Request request) {
        HttpResponse<String> fromStock = Http.send(request.apply(a).build());
        HttpResponse<String> fromServe = Http.send(request.apply(b).build());
        assertEquals(fromServe.statusCode(), fromStock.statusCode());
        assertEquals(fromServe.body(), fromStock.body());
        return fromStock;
    }

    private static HttpResponse<String> get(String root, String path, String accept) {
        // With an Origin, so that the CORS headers are compared too.
        return Http.send(Http.request(root + path).header("Accept", accept).header("Origin", "https://example.org")
                .GET().build());
    }

    private static Map<String, List<String>> headers(HttpResponse<String> r) {
        Map<String, List<String>> kept = new TreeMap<>();
        r.headers().map().forEach((name, values) -> {
            if (name.equalsIgnoreCase("ETag")) {
                // The data's version and the representation must agree; the part for the server's own
                // code (the module's jar here, classes there) may not.
                kept.put("etag", values.stream().map(v -> v.replaceFirst("^(W/\"[0-9a-f]{12})[0-9a-f]{6}", "$1")).toList());
            } else if (!VARYING.contains(name.toLowerCase())) {
                kept.put(name.toLowerCase(), values);
            }
        });
        return kept;
    }

    /** Polls for 200 for at most 60 s; fails early if the stock server died. */
    private static void waitFor(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!fuseki.isAlive()) {
                throw new AssertionError("Fuseki exited: " + Files.readString(dir.resolve("fuseki.log")));
            }
            try {
                if (Http.get(url, "*/*").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // connection refused while it starts
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no 200 from " + url + " in 60 s: " + Files.readString(dir.resolve("fuseki.log")));
    }

    private static void copy(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(files::add);
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
                Files.createDirectories(target);
            } else {
                Files.copy(f, target);
            }
        }
    }
}
