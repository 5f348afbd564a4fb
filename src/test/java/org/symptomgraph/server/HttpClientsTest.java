package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/**
 * What HTTP clients rely on beyond the SPARQL protocol: the requests SPARQLWrapper (Python) sends
 * for its return formats (each format name in format=, output= and results=, for some the media
 * type as a second value, and its Accept header), and HEAD telling the length of the GET.
 */
class HttpClientsTest {

    private static final String CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5";
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.petechiae();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rdf+xml | application/rdf+xml | application/rdf+xml | RDFXML",
        "rdf     |                     | application/rdf+xml | RDFXML",
        "n3      |                     | text/rdf+n3,application/n-triples,application/turtle,application/n3,text/n3,text/turtle | TURTLE",
        "turtle  |                     | application/turtle,text/turtle | TURTLE",
        "json-ld | application/ld+json | application/ld+json,application/x-json+ld | JSONLD"})
    void sparqlWrapperFormatsGetAGraph(String name, String mediaType, String accept, String lang) {
        StringBuilder form = new StringBuilder("query=" + Http.encode(CONSTRUCT));
        for (String parameter : new String[] {"format", "output", "results"}) {
            form.append('&').append(parameter).append('=').append(Http.encode(name));
            if (mediaType != null) {
                form.append('&').append(parameter).append('=').append(Http.encode(mediaType));
            }
        }
        HttpResponse<String> get = Http.get(server.endpoint() + "?" + form, accept);
        HttpResponse<String> post = Http.send(Http.request(server.endpoint()).header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
        for (HttpResponse<String> r : java.util.List.of(get, post)) {
            assertEquals(200, r.statusCode(), name + ": " + r.body());
            Lang expected = switch (lang) {
                case "RDFXML" -> Lang.RDFXML;
                case "JSONLD" -> Lang.JSONLD;
                default -> Lang.TURTLE;
            };
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow()
                    .startsWith(expected.getContentType().getContentTypeStr()), r.headers().toString());
            Model m = RDFParser.fromString(r.body(), expected).toModel();
            assertEquals(5, m.size(), r.body());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/, text/html",
        "/query, text/html",
        "/symptom/petechiae, text/html",
        "/cause/leukemia, text/turtle",
        "/cause/leukemia.jsonld, */*",
        "/ontology, text/html",
        "/ontology, text/turtle",
        "/.well-known/void, text/turtle"})
    void headGivesTheLengthOfTheGet(String path, String accept) {
        HttpResponse<String> get = Http.get(server.root() + path, accept);
        assertEquals(200, get.statusCode());
        HttpResponse<String> head = Http.send(Http.request(server.root() + path).header("Accept", accept)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        long length = get.body().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(length > 100, path);
        assertEquals(String.valueOf(length), head.headers().firstValue("Content-Length").orElse("none"), path);
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"), path);
    }
}
