package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** The public endpoint, spoken to by three independent clients over loopback. */
class EndpointTest {

    private static final String CAUSES = Fixtures.PREFIXES + """
            SELECT ?label WHERE { ?s a schema:MedicalSignOrSymptom ; rdfs:label "Petechiae"@en ; schema:cause ?c .
                                  ?c rdfs:label ?label } ORDER BY ?label""";
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }";

    private static TestServer server;
    private static String endpoint;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.petechiae();
        endpoint = server.endpoint();
        base = server.root() + "/symptomgraph";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void jenaRemoteConnectionGetsThe22Causes() {
        List<String> labels = new ArrayList<>();
        try (RDFConnection conn = RDFConnection.connect(endpoint)) {
            conn.querySelect(CAUSES, (QuerySolution s) -> labels.add(s.getLiteral("label").getLexicalForm()));
            Model construct = conn.queryConstruct(Fixtures.PREFIXES
                    + "CONSTRUCT { ?d a schema:Drug } WHERE { ?d a schema:Drug }");
            assertEquals(3, construct.size());
        }
        assertEquals(22, labels.size());
        assertTrue(labels.containsAll(List.of("Leukemia", "Phenytoin", "Coughing", "Cytomegalovirus infection")));
    }

    @Test
    void rdf4jSparqlRepositoryGetsThe22Causes() {
        SPARQLRepository repo = new SPARQLRepository(endpoint);
        List<String> labels = new ArrayList<>();
        try (RepositoryConnection conn = repo.getConnection();
                TupleQueryResult result = conn.prepareTupleQuery(CAUSES).evaluate()) {
            for (BindingSet b : result) {
                labels.add(b.getValue("label").stringValue());
            }
        } finally {
            repo.shutDown();
        }
        assertEquals(22, labels.size());
    }

    @ParameterizedTest
    @CsvSource({
        "application/sparql-results+json, application/sparql-results+json",
        "application/sparql-results+xml, application/sparql-results+xml",
        "text/csv, text/csv",
        "text/tab-separated-values, text/tab-separated-values"})
    void selectResultFormats(String accept, String contentType) {
        HttpResponse<String> r = Http.query(endpoint, CAUSES, accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(contentType));
        assertTrue(r.body().contains("Leukemia"));
    }

    @ParameterizedTest
    @CsvSource({
        "text/turtle, text/turtle, TURTLE",
        "application/n-triples, application/n-triples, NTRIPLES",
        "application/ld+json, application/ld+json, JSONLD",
        "application/rdf+xml, application/rdf+xml, RDFXML"})
    void graphResultFormats(String accept, String contentType, String lang) {
        String construct = Fixtures.PREFIXES + "CONSTRUCT { ?d a schema:Drug ; rdfs:label ?l } "
                + "WHERE { ?d a schema:Drug ; rdfs:label ?l }";
        HttpResponse<String> r = Http.query(endpoint, construct, accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(contentType));
        Model m = RDFParser.fromString(r.body(), langOf(lang)).toModel();
        assertEquals(6, m.size());
    }

    @Test
    void postFormAndPostDirect() {
        HttpResponse<String> form = Http.send(Http.request(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + Http.encode(CAUSES))).build());
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("Vasculitis"));
        HttpResponse<String> direct = Http.send(Http.request(endpoint)
                .header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(CAUSES)).build());
        assertEquals(200, direct.statusCode());
        assertEquals(23, direct.body().strip().lines().count(), "header and 22 rows");
    }

    @Test
    void corsPreflightAndSimpleRequests() {
        HttpResponse<String> preflight = Http.send(Http.request(endpoint)
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, preflight.statusCode());
        assertEquals("https://example.org", preflight.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow().contains("POST"));
        HttpResponse<String> simple = Http.send(Http.request(endpoint + "?query=" + Http.encode(CAUSES))
                .header("Origin", "https://example.org").GET().build());
        assertEquals("https://example.org", simple.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        // A script on another origin reads the validators, the next page and a cut answer's mark; the
        // public data goes with no credentials.
        List<String> exposed = List.of(simple.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()
                .toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        assertTrue(exposed.containsAll(List.of("etag", "link", "x-sparql-maxrows", "last-modified")), exposed.toString());
        assertTrue(simple.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
    }

    @Test
    void serviceDescriptionAtTheEndpoint() {
        HttpResponse<String> r = Http.get(endpoint, "text/turtle");
        assertEquals(200, r.statusCode());
        Model sd = RDFParser.fromString(r.body(), Lang.TURTLE).toModel();
        assertTrue(sd.contains(sd.createResource(endpoint), sd.createProperty(ServiceDescription.SD, "endpoint"),
                sd.createResource(endpoint)));
        assertTrue(r.headers().firstValue("Vary").orElseThrow().contains("Accept"));
        assertEquals(200, Http.get(endpoint, "application/ld+json").statusCode());
    }

    @Test
    void graphStoreReadAndHealth() {
        HttpResponse<String> current = Http.get(base + "/get?default", "application/n-triples");
        assertEquals(200, current.statusCode());
        long triples = server.store().read(() -> server.store().currentView().size());
        assertEquals(triples, current.body().lines().filter(l -> !l.isBlank()).count());
        HttpResponse<String> named = Http.get(base + "/get?graph=" + Http.encode(
                "https://w3id.org/symptomgraph/graph/petechiae/2023-05-26"), "text/turtle");
        assertEquals(200, named.statusCode());
        assertEquals(200, Http.get(server.root() + "/$/ping", "*/*").statusCode());
    }

    @Test
    void noWayToWrite() {
        String before = count();
        String insert = "INSERT DATA { <urn:x:s> <urn:x:p> <urn:x:o> }";
        List<HttpRequest> writes = List.of(
                form(endpoint, "update=" + Http.encode(insert)),
                form(base, "update=" + Http.encode(insert)),
                form(base + "/update", "update=" + Http.encode(insert)),
                Http.request(endpoint).header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(insert)).build(),
                Http.request(base).header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(insert)).build(),
                Http.request(base + "/get?default").header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")).build(),
                Http.request(base + "/get?default").header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")).build(),
                Http.request(base + "/get?default").DELETE().build(),
                Http.request(base + "/data?default").header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")).build(),
                Http.request(base + "/upload").header("Content-Type", "multipart/form-data; boundary=XX")
                        .POST(HttpRequest.BodyPublishers.ofString("--XX\r\nContent-Disposition: form-data; "
                                + "name=\"file\"; filename=\"x.ttl\"\r\nContent-Type: text/turtle\r\n\r\n"
                                + "<urn:x:s> <urn:x:p> <urn:x:o> .\r\n--XX--\r\n")).build(),
                Http.request(base).header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofString("<urn:x:s> <urn:x:p> <urn:x:o> .")).build());
        for (HttpRequest w : writes) {
            int status = Http.send(w).statusCode();
            assertTrue(status >= 400 && status < 500, w.method() + " " + w.uri() + " gave " + status);
        }
        assertEquals(before, count(), "nothing was written");
    }

    @Test
    void outboundServiceIsOff() {
        HttpResponse<String> r = Http.query(endpoint,
                "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "application/sparql-results+json");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "status " + r.statusCode());
        assertTrue(r.body().contains("not allowed"), r.body());
    }

    @Test
    void timeoutAndResultLimitHold() {
        int port = Http.freePort();
        try (SymptomGraphServer strict = SymptomGraphServer.start(server.store(), EndpointSettings.defaults(port)
                .withLoopbackOnly(true).withQueryTimeout(Duration.ofMillis(500)).withResultLimit(5))) {
            long started = System.nanoTime();
            HttpResponse<String> slow = Http.query(strict.endpointUrl(),
                    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", "text/csv");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, slow.statusCode(), slow.body());
            assertTrue(slow.body().toLowerCase().contains("timed out"), slow.body());
            assertTrue(millis < 20_000, "cut off after " + millis + " ms");
            HttpResponse<String> many = Http.query(strict.endpointUrl(), "SELECT * WHERE { ?s ?p ?o }", "text/csv");
            assertEquals(6, many.body().strip().lines().count(), "header and 5 rows");
            HttpResponse<String> asked = Http.query(strict.endpointUrl(), "SELECT * WHERE { ?s ?p ?o } LIMIT 2",
                    "text/csv");
            assertEquals(3, asked.body().strip().lines().count(), "a smaller LIMIT stays");
        }
    }

    private static HttpRequest form(String url, String body) {
        return Http.request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String count() {
        return Http.query(endpoint, COUNT, "text/csv").body();
    }

    private static Lang langOf(String name) {
        return Map.of("TURTLE", Lang.TURTLE, "NTRIPLES", Lang.NTRIPLES, "JSONLD", Lang.JSONLD, "RDFXML", Lang.RDFXML)
                .get(name);
    }
}
