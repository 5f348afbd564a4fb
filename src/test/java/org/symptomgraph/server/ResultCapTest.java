package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** A result cut at the row cap says so (X-SPARQL-MaxRows); one that fits does not. */
class ResultCapTest {

    private static final int CAP = 5;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.petechiae(s -> s.withResultLimit(CAP));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCutSelectSaysSo() {
        for (String query : new String[] {"SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o } LIMIT 20000"}) {
            HttpResponse<String> r = Http.query(server.endpoint(), query, "text/csv");
            assertEquals(CAP + 1, r.body().strip().lines().count(), "header and the capped rows");
            assertEquals(Optional.of("5"), r.headers().firstValue(ResultCap.HEADER), query);
        }
    }

    @Test
    void aResultThatFitsIsNotFlagged() {
        HttpResponse<String> exactly = Http.query(server.endpoint(),
                "SELECT ?x WHERE { VALUES ?x { 1 2 3 4 5 } }", "text/csv");
        assertEquals(CAP + 1, exactly.body().strip().lines().count());
        assertEquals(Optional.empty(), exactly.headers().firstValue(ResultCap.HEADER), "five rows of five: nothing cut");
        HttpResponse<String> asked = Http.query(server.endpoint(), "SELECT * WHERE { ?s ?p ?o } LIMIT 2", "text/csv");
        assertEquals(Optional.empty(), asked.headers().firstValue(ResultCap.HEADER));
        HttpResponse<String> ask = Http.query(server.endpoint(), "ASK { ?s ?p ?o }", "application/sparql-results+json");
        assertEquals(Optional.empty(), ask.headers().firstValue(ResultCap.HEADER));
    }

    @Test
    void aCutConstructSaysSoAndKeepsTheCappedSolutions() {
        HttpResponse<String> r = Http.query(server.endpoint(),
                "CONSTRUCT { ?s <urn:p> ?o } WHERE { ?s ?p ?o }", "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(Optional.of("5"), r.headers().firstValue(ResultCap.HEADER));
        assertTrue(r.body().strip().lines().count() <= CAP, r.body());
        HttpResponse<String> fits = Http.query(server.endpoint(),
                "CONSTRUCT { <urn:a> <urn:p> ?x } WHERE { VALUES ?x { 1 2 } }", "application/n-triples");
        assertEquals(2, fits.body().strip().lines().count(), fits.body());
        assertEquals(Optional.empty(), fits.headers().firstValue(ResultCap.HEADER));
    }

    @Test
    void aCutCannedQuerySaysSo() {
        HttpResponse<String> r = Http.get(server.root() + "/symptomgraph/queries/causes-of-symptom?symptom=Petechiae",
                "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(CAP + 1, r.body().strip().lines().count());
        assertEquals(Optional.of("5"), r.headers().firstValue(ResultCap.HEADER));
        HttpResponse<String> fits = Http.get(server.root() + "/symptomgraph/queries/drug-by-brand?brand=Qualaquin",
                "text/csv");
        assertEquals(Optional.empty(), fits.headers().firstValue(ResultCap.HEADER), fits.body());
    }
}
