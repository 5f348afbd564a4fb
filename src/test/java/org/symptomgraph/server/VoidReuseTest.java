package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;

/** A restart serves the VoID description stored by the last start until an import changes the data. */
class VoidReuseTest {

    private static final String DATASET = VoidDescription.datasetIri(Iris.DEFAULT_BASE);

    @Test
    void aRestartReusesTheStoredDescriptionUntilSomethingIsImported() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.parse("2026-01-01T00:00:00Z"));
            EndpointSettings settings = EndpointSettings.defaults(Http.freePort()).withLoopbackOnly(true);

            Model counted = voidAfterStart(store, settings);
            long triples = store.read(() -> store.currentView().size());
            assertEquals(triples, number(counted, "triples"));
            assertEquals(1, number(counted, "documents"));

            // Mark the stored description: a start that reuses it serves the mark, one that counts does not.
            String graph = "http://localhost:" + settings.port() + "/" + EndpointSettings.DATASET + "/sparql"
                    + VoidDescription.GRAPH_SUFFIX;
            markTriples(store, graph, 7);
            assertEquals(7, number(voidAfterStart(store, settings), "triples"), "reused");

            // A second page: counted afresh.
            store.replace(Fixtures.graph(Fixtures.testDocument("hiccups.txt")), Instant.parse("2026-02-01T00:00:00Z"));
            Model recounted = voidAfterStart(store, settings);
            long now = store.read(() -> store.currentView().size());
            assertEquals(now, number(recounted, "triples"));
            assertEquals(2, number(recounted, "documents"));
            assertTrue(recounted.contains(recounted.createResource(DATASET), org.apache.jena.vocabulary.DCTerms.modified),
                    "dated by the newest import");
        }
    }

    @Test
    void aStartAtAnotherUrlReusesTheDescriptionCountedForTheFirst() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.parse("2026-01-01T00:00:00Z"));
            EndpointSettings first = EndpointSettings.defaults(Http.freePort()).withLoopbackOnly(true);
            voidAfterStart(store, first);
            String firstGraph = "http://localhost:" + first.port() + "/" + EndpointSettings.DATASET + "/sparql"
                    + VoidDescription.GRAPH_SUFFIX;
            markTriples(store, firstGraph, 7);

            // A replica restored elsewhere: another port, so another endpoint URL and graph.
            EndpointSettings second = EndpointSettings.defaults(Http.freePort()).withLoopbackOnly(true);
            Model reused = voidAfterStart(store, second);
            assertEquals(7, number(reused, "triples"), "reused, not counted");
            String secondEndpoint = "http://localhost:" + second.port() + "/" + EndpointSettings.DATASET + "/sparql";
            assertEquals(secondEndpoint, reused.getRequiredProperty(reused.createResource(DATASET),
                    voidProperty(reused, "sparqlEndpoint")).getResource().getURI(), "this endpoint's URL");
            assertTrue(store.read(() -> store.dataset().containsNamedModel(secondEndpoint + VoidDescription.GRAPH_SUFFIX)),
                    "stored for this URL too");

            // An import since: neither stored description holds, and a start at a third URL counts.
            store.replace(Fixtures.graph(Fixtures.testDocument("hiccups.txt")), Instant.parse("2026-02-01T00:00:00Z"));
            Model counted = voidAfterStart(store, EndpointSettings.defaults(Http.freePort()).withLoopbackOnly(true));
            assertEquals((long) store.read(() -> store.currentView().size()), number(counted, "triples"));
        }
    }

    /** Overwrites void:triples of the description stored in {@code graph}, to tell a reuse from a count. */
    private static void markTriples(GraphStore store, String graph, long triples) {
        store.dataset().executeWrite(() -> {
            Model stored = store.dataset().getNamedModel(graph);
            Resource ds = stored.createResource(DATASET);
            stored.removeAll(ds, voidProperty(stored, "triples"), null);
            ds.addLiteral(voidProperty(stored, "triples"), stored.createTypedLiteral(Long.toString(triples),
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger));
        });
    }

    /** Starts a server, waits for its VoID description, reads it over HTTP and stops the server. */
    private static Model voidAfterStart(GraphStore store, EndpointSettings settings) throws InterruptedException {
        try (SymptomGraphServer server = SymptomGraphServer.start(store, settings)) {
            assertTrue(server.awaitVoid(Duration.ofSeconds(30)));
            HttpResponse<String> r = Http.get("http://localhost:" + server.port() + "/.well-known/void", "text/turtle");
            assertEquals(200, r.statusCode(), r.body());
            return RDFParser.fromString(r.body(), Lang.TURTLE).toModel();
        }
    }

    private static long number(Model m, String property) {
        return m.getRequiredProperty(m.createResource(DATASET), voidProperty(m, property)).getLong();
    }

    private static Property voidProperty(Model m, String localName) {
        return m.createProperty(VoidDescription.VOID, localName);
    }
}
