package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** The canned-query catalogue over HTTP, and its RDF form for query editors. */
class CatalogueTest {

    private static TestServer server;
    private static String queries;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.petechiae();
        queries = server.root() + "/symptomgraph/queries";
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void catalogueListsEveryQueryWithItsParameters() {
        HttpResponse<String> r = Http.get(queries, "application/json");
        assertEquals(200, r.statusCode());
        JsonArray list = JSON.parse(r.body()).get("queries").getAsArray();
        assertEquals(QueryCatalog.load().all().size(), list.size());
        JsonObject byBrand = list.stream().map(JsonValue::getAsObject)
                .filter(q -> q.get("name").getAsString().value().equals("drug-by-brand")).findFirst().orElseThrow();
        assertTrue(byBrand.get("title").getAsString().value().length() > 5);
        JsonObject brand = byBrand.get("parameters").getAsArray().get(0).getAsObject();
        assertEquals("brand", brand.get("name").getAsString().value());
        assertEquals("string", brand.get("type").getAsString().value());
        assertEquals(queries + "/drug-by-brand", byBrand.get("url").getAsString().value());
    }

    @Test
    void runsAQueryWithParametersInTheFormatAsked() {
        HttpResponse<String> csv = Http.get(queries + "/drug-by-brand?brand=" + Http.encode("dilantin-125"), "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals(List.of("brand,drug,symptom", "Dilantin-125,Phenytoin,Petechiae"),
                csv.body().strip().lines().map(String::strip).toList());
        HttpResponse<String> json = Http.get(queries + "/drug-by-brand", "application/sparql-results+json");
        assertTrue(json.body().contains("Qualaquin"), "the default parameter value");
        assertEquals(406, Http.get(queries + "/drug-by-brand", "image/png").statusCode());
    }

    @Test
    void aListingComesAPageAtATimeWithLinksToTheNext() {
        // 22 causes on the page: 20 on the first page, 2 on the second; the third is empty, and ends the listing.
        HttpResponse<String> first = Http.get(queries + "/causes-by-symptom-count?minimum=1", "text/csv");
        assertEquals(200, first.statusCode());
        assertEquals(21, first.body().strip().lines().count(), first.body());
        // Relative references: they hold through any host, port or proxy.
        assertEquals("<?minimum=1&page=2>; rel=\"next\"",
                first.headers().firstValue("Link").orElseThrow());
        HttpResponse<String> second = Http.get(queries + "/causes-by-symptom-count?minimum=1&page=2", "text/csv");
        assertEquals(200, second.statusCode());
        assertEquals(3, second.body().strip().lines().count(), second.body());
        assertEquals("<?minimum=1&page=3>; rel=\"next\", <?minimum=1&page=1>; rel=\"prev\", <?minimum=1&page=1>; rel=\"first\"",
                second.headers().firstValue("Link").orElseThrow());
        HttpResponse<String> third = Http.get(queries + "/causes-by-symptom-count?minimum=1&page=3", "text/csv");
        assertEquals(List.of("cause,symptoms"), third.body().strip().lines().toList());
        HttpResponse<String> bad = Http.get(queries + "/documents?page=0", "text/csv");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("parameter page: pages are numbered from 1"), bad.body());
        assertTrue(Http.get(queries + "/causes-of-symptom", "text/csv").headers().firstValue("Link").isEmpty(),
                "a query that is no listing has no pages");
    }

    @Test
    void aNameWithSpaceAroundItIsFound() {
        HttpResponse<String> r = Http.get(queries + "/causes-of-symptom?symptom=%20Petechiae%20", "text/csv");
        assertEquals(200, r.statusCode());
        assertEquals(23, r.body().strip().lines().count(), "header and 22 causes: " + r.body());
    }

    @Test
    void parameterValuesAreDataNotQueryText() {
        for (String hostile : List.of("x\" } UNION { ?s ?p ?o } #", "Qualaquin\"@en } #", "<http://evil/>", "}", "{\n")) {
            HttpResponse<String> r = Http.get(queries + "/drug-by-brand?brand=" + Http.encode(hostile), "text/csv");
            assertEquals(200, r.statusCode(), hostile);
            assertEquals(1, r.body().strip().lines().count(), "only the header for " + hostile);
        }
    }

    @Test
    void mistakesAreClientErrors() {
        HttpResponse<String> unknownParameter = Http.get(queries + "/drug-by-brand?colour=red", "text/csv");
        assertEquals(400, unknownParameter.statusCode());
        assertTrue(unknownParameter.body().contains("colour"));
        assertEquals(404, Http.get(queries + "/no-such-query", "text/csv").statusCode());
        HttpResponse<String> post = Http.send(Http.request(queries + "/drug-by-brand")
                .POST(HttpRequest.BodyPublishers.ofString("brand=x")).build());
        assertEquals(405, post.statusCode());
    }

    @Test
    void examplesArePublishedForQueryEditors() {
        String endpoint = server.endpoint();
        HttpResponse<String> r = Http.query(endpoint, """
                PREFIX sh: <http://www.w3.org/ns/shacl#>
                PREFIX schema: <https://schema.org/>
                SELECT (COUNT(DISTINCT ?q) AS ?n) WHERE {
                  GRAPH <%s/.well-known/sparql-examples> {
                    ?q a sh:SPARQLExecutable ; schema:target <%s> . { ?q sh:select ?t } UNION { ?q sh:ask ?t }
                    UNION { ?q sh:construct ?t } } }""".formatted(endpoint, endpoint), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Integer.toString(QueryCatalog.load().all().size()), r.body().strip().lines().toList().get(1).strip());
    }
}
