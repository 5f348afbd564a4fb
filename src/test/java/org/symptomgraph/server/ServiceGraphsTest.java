package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.symptomgraph.queries.SparqlExamples;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;

/** One database served on one port, then on another, keeps only the service graphs of the second. */
class ServiceGraphsTest {

    @Test
    void aSecondPortLeavesNoGraphsOfTheFirst() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.EPOCH);
            String first = serve(store);
            assertEquals(Set.of(SparqlExamples.graphName(first), VoidDescription.graphName(first)), serviceGraphs(store));
            String second = serve(store);
            assertTrue(!first.equals(second), "two ports");
            assertEquals(Set.of(SparqlExamples.graphName(second), VoidDescription.graphName(second)),
                    serviceGraphs(store), "the first port's graphs are gone");
            assertTrue(store.read(() -> store.dataset().containsNamedModel(
                    "https://w3id.org/symptomgraph/graph/petechiae/2023-05-26")), "document graphs stay");
        }
    }

    /** Starts a server on a free port, waits for its VoID description, stops it; its endpoint URL. */
    private static String serve(GraphStore store) throws InterruptedException {
        try (SymptomGraphServer server = SymptomGraphServer.start(store,
                EndpointSettings.defaults(0).withLoopbackOnly(true))) {
            assertTrue(server.awaitVoid(Duration.ofSeconds(30)));
            return server.endpointUrl();
        }
    }

    private static Set<String> serviceGraphs(GraphStore store) {
        return store.read(() -> {
            Set<String> names = new TreeSet<>();
            store.dataset().listNames().forEachRemaining(n -> {
                if (n.contains("/.well-known/")) {
                    names.add(n);
                }
            });
            return names;
        });
    }
}
