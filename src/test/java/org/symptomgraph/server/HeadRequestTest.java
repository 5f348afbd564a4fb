package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** HEAD says how long the GET's body is, as HTTP asks (crawlers and mirrors read it). */
class HeadRequestTest {

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
