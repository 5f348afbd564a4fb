package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/** Every query form answers from the current view: a superseded version of a page no longer speaks. */
class CurrentViewTest {

    static final String OLD = """
            Wheezing: Causes

            Wheezing may be caused by:

            Lung conditions
            1. Asthma
            2. Bronchitis

            January 5, 2022
            """;
    static final String NEW = """
            Wheezing: Causes

            Wheezing may be caused by:

            Lung conditions
            1. Asthma
            2. Anaphylaxis

            March 9, 2024
            """;
    private static final String BASE = Iris.DEFAULT_BASE;

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.petechiae(wheezing(OLD), wheezing(NEW));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static DocumentGraph wheezing(String text) throws Exception {
        return Importer.create().iris(new Iris(BASE)).build().read("wheezing.txt", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).graph();
    }

    @Test
    void describeOfACauseTheNewerVersionDroppedIsEmpty() {
        assertTrue(describe("cause/bronchitis").isEmpty(), "bronchitis is only in the superseded version");
        assertFalse(describe("cause/anaphylaxis").isEmpty());
    }

    @Test
    void describeShowsOnlyTheCurrentVersionsCategories() {
        Model asthma = describe("cause/asthma");
        String turtle = asthma.toString();
        assertFalse(turtle.contains("2022-01-05"), "nothing of the superseded version: " + turtle);
        assertTrue(turtle.contains("wheezing/2024-03-09/category/"), "the current category: " + turtle);
        assertEquals(1, asthma.listObjectsOfProperty(asthma.createProperty(org.symptomgraph.rdf.Vocab.SG + "inCategory"))
                .filterKeep(o -> o.toString().contains("wheezing")).toList().size());
    }

    private static Model describe(String path) {
        HttpResponse<String> r = Http.query(server.endpoint(), "DESCRIBE <" + BASE + path + ">", "application/n-triples");
        assertEquals(200, r.statusCode());
        Model m = ModelFactory.createDefaultModel();
        m.read(new StringReader(r.body()), null, "N-TRIPLES");
        return m;
    }
}
