package org.symptomgraph.server;

import org.symptomgraph.importer.Importer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.Rdf4j;
import org.symptomgraph.testing.TestServer;

/** Every IRI the graph mints resolves on the running server, for people and for machines. */
class LinkedDataTest {

    private static final String BASE = Iris.DEFAULT_BASE;
    private static TestServer server;
    private static GraphStore store;
    private static String root;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        String hostile = "Fever may be caused by:\n\n1. <script>alert('x')</script> fever\n2. Influenza\n";
        server = TestServer.petechiae(Importer.create().iris(new Iris(BASE)).build().read("fever.txt", hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8)).graph());
        store = server.store();
        root = server.root();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
        "text/turtle, text/turtle, TTL",
        "application/n-triples, application/n-triples, NT",
        "application/ld+json, application/ld+json, JSONLD",
        "application/rdf+xml, application/rdf+xml, RDF"})
    void machinesGetRdfThatJenaAndRdf4jReadAlike(String accept, String type, String extension) throws Exception {
        HttpResponse<String> r = Http.get(root + "/cause/leukemia", accept);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith(type));
        assertTrue(r.headers().firstValue("Vary").orElseThrow().contains("Accept"));
        Path file = Files.writeString(dir.resolve("leukemia." + extension.toLowerCase()), r.body());
        Model byJena = RDFParser.source(file).toModel();
        DatasetGraph byRdf4j = Rdf4j.read(file);
        assertTrue(byJena.getGraph().isIsomorphicWith(byRdf4j.getDefaultGraph()), "Jena and RDF4J read the same");
        assertTrue(byJena.contains(byJena.createResource(BASE + "cause/leukemia"), RDFS.label, "Leukemia", "en"));
        assertTrue(byJena.contains(byJena.createResource(BASE + "symptom/petechiae"),
                byJena.createProperty("https://schema.org/cause"), byJena.createResource(BASE + "cause/leukemia")),
                "incoming triples too");
        assertTrue(byJena.contains(null, RDFS.label, "Other medical conditions", "en"), "labels of what it links to");
        HttpResponse<String> byExtension = Http.get(root + "/cause/leukemia." + extension.toLowerCase(), "*/*");
        assertTrue(byExtension.headers().firstValue("Content-Type").orElseThrow().startsWith(type));
    }

    @Test
    void peopleGetAPage() {
        HttpResponse<String> r = Http.get(root + "/cause/cytomegalovirus-infection",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        Document page = Jsoup.parse(r.body());
        assertEquals("Cytomegalovirus infection", page.selectFirst("h1").text());
        assertTrue(page.text().contains("CMV infection"), "aliases");
        var row = page.selectFirst("#symptoms tr.symptom-row");
        assertTrue(row.text().contains("Medical conditions \u203a Infectious diseases"), row.text());
        assertTrue(row.select("a[href=/symptom/petechiae]").size() > 0, "linked entities are links on this server");
        assertTrue(row.text().contains("petechiae.txt, 2023-05-26, line 18"), "the source page, its date: " + row.text());
        assertTrue(page.selectFirst("#graph-data").data().contains("/symptom/petechiae"));
        assertTrue(page.select("script[src]").stream().anyMatch(s -> s.attr("src").startsWith("/webjars/cytoscape/")));
    }

    @Test
    void everyLiteralIsEscaped() {
        HttpResponse<String> r = Http.get(root + "/symptom/fever", "text/html");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("<script>alert"), "no live script from the data");
        assertTrue(r.body().contains("&lt;script&gt;alert"), "shown as text");
    }

    @Test
    void unknownIrisAndUnservableTypes() {
        assertEquals(404, Http.get(root + "/cause/no-such-cause", "text/turtle").statusCode());
        for (String path : new String[] {"/cause/no-such-cause", "/no/such/page", "/static/nothing.js"}) {
            HttpResponse<String> page = Http.get(root + path, "text/html,application/xhtml+xml,*/*;q=0.8");
            assertEquals(404, page.statusCode(), path);
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), path);
            assertEquals("Not found", Jsoup.parse(page.body()).selectFirst("h1").text(), "a page for a browser: " + path);
            HttpResponse<String> text = Http.get(root + path, "*/*");
            assertEquals(404, text.statusCode(), path);
            assertTrue(text.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"), path);
        }
        assertEquals(406, Http.get(root + "/cause/leukemia", "image/png").statusCode());
        assertEquals(200, Http.get(root + "/cause/leukemia", "*/*").statusCode());
        HttpResponse<String> head = Http.send(Http.request(root + "/cause/leukemia").header("Accept", "text/turtle")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
    }

    @Test
    void everyMintedIriResolves() {
        Model current = store.read(() -> ModelFactory.createDefaultModel()
                .add(ModelFactory.createModelForGraph(store.currentView())));
        var iris = current.listSubjects().toList().stream().filter(r -> r.isURIResource())
                .map(r -> r.getURI()).filter(u -> u.startsWith(BASE)).toList();
        assertTrue(iris.size() > 40);
        for (String iri : iris) {
            String path = iri.substring(BASE.length() - 1);
            assertEquals(200, Http.get(root + path, "text/turtle").statusCode(), iri);
        }
    }

    @Test
    void ontologyResolves() {
        HttpResponse<String> ttl = Http.get(root + "/ontology", "text/turtle");
        assertEquals(200, ttl.statusCode());
        Model m = RDFParser.fromString(ttl.body(), Lang.TURTLE).toModel();
        assertTrue(m.contains(m.createResource("https://w3id.org/symptomgraph/ontology#CauseCategory"), null));
        HttpResponse<String> html = Http.get(root + "/ontology", "text/html");
        assertTrue(Jsoup.parse(html.body()).getElementById("CauseCategory") != null);
    }

    @Test
    void voidDescribesTheDataset() throws InterruptedException {
        HttpResponse<String> r = Http.get(root + "/.well-known/void", "text/turtle");
        // Counted in the background after start: 503 until then (bounded wait).
        for (int i = 0; i < 100 && r.statusCode() == 503; i++) {
            Thread.sleep(100);
            r = Http.get(root + "/.well-known/void", "text/turtle");
        }
        assertEquals(200, r.statusCode());
        Model v = RDFParser.fromString(r.body(), Lang.TURTLE).toModel();
        long triples = store.read(() -> store.currentView().size());
        String dataset = VoidDescription.datasetIri(BASE);
        assertTrue(v.contains(v.createResource(dataset), v.createProperty(VoidDescription.VOID, "triples"),
                v.createTypedLiteral(java.math.BigInteger.valueOf(triples))), r.body());
        assertTrue(v.contains(v.createResource(dataset), v.createProperty(VoidDescription.VOID, "sparqlEndpoint"),
                v.createResource(server.endpoint())));
        assertTrue(v.listObjectsOfProperty(v.createProperty(VoidDescription.VOID, "classPartition")).toList().size() >= 5);
        assertTrue(store.read(() -> store.dataset().containsNamedModel(server.endpoint() + "/.well-known/void")),
                "also in its named graph");
        Model sd = RDFParser.fromString(Http.get(server.endpoint(), "text/turtle").body(), Lang.TURTLE).toModel();
        assertTrue(sd.contains(null, sd.createProperty(ServiceDescription.SD, "defaultDataset"), sd.createResource(dataset)),
                "the service description points at it");
    }

    @Test
    void staticFilesAndNoTraversal() {
        assertEquals(200, Http.get(root + "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js", "*/*").statusCode());
        assertEquals(200, Http.get(root + Html.YASGUI_JS, "*/*").statusCode());
        assertEquals(200, Http.get(root + "/static/graph.js", "*/*").statusCode());
        for (String bad : new String[] {"/static/../symptomgraph.properties", "/static/%2e%2e/symptomgraph.properties",
            "/static/..%2fsymptomgraph.properties", "/webjars/../../log4j2.xml", "/static/ontology/shapes.ttl"}) {
            int status = Http.get(root + bad, "*/*").statusCode();
            assertTrue(status == 400 || status == 404, bad + " gave " + status);
        }
    }
}
