package org.symptomgraph.testing;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.server.EndpointSettings;
import org.symptomgraph.server.SymptomGraphServer;
import org.symptomgraph.store.GraphStore;

/** A running server on loopback over an in-memory database holding petechiae (and any other graphs), or other graphs only. */
public final class TestServer implements AutoCloseable {

    private final GraphStore store;
    private final SymptomGraphServer server;

    private TestServer(GraphStore store, SymptomGraphServer server) {
        this.store = store;
        this.server = server;
    }

    public static TestServer petechiae(DocumentGraph... more) throws DocumentException {
        return petechiae(s -> s, more);
    }

    /** @param settings changes to the default settings (a free port, loopback only) */
    public static TestServer petechiae(UnaryOperator<EndpointSettings> settings, DocumentGraph... more)
            throws DocumentException {
        DocumentGraph[] all = new DocumentGraph[more.length + 1];
        all[0] = Fixtures.graph(Fixtures.PETECHIAE);
        System.arraycopy(more, 0, all, 1, more.length);
        return of(settings, all);
    }

    /** A server over just these graphs. */
    public static TestServer of(UnaryOperator<EndpointSettings> settings, DocumentGraph... graphs) {
        GraphStore store = GraphStore.inMemory();
        for (DocumentGraph g : graphs) {
            store.replace(g, Instant.EPOCH);
        }
        TestServer started = new TestServer(store, SymptomGraphServer.start(store,
                settings.apply(EndpointSettings.defaults(0).withLoopbackOnly(true))));
        started.awaitVoid();
        return started;
    }

    /** Tests that count quads would race the VoID description, which serve stores after start. */
    private void awaitVoid() {
        try {
            if (!server.awaitVoid(java.time.Duration.ofSeconds(30))) {
                throw new IllegalStateException("no VoID description 30 s after start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public GraphStore store() {
        return store;
    }

    public SymptomGraphServer server() {
        return server;
    }

    /** http://localhost:PORT, for the resolvable IRIs and pages. */
    public String root() {
        return "http://localhost:" + server.port();
    }

    public String endpoint() {
        return server.endpointUrl();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
