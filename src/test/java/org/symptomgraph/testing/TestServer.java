package org.symptomgraph.testing;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.server.EndpointSettings;
import org.symptomgraph.server.SymptomGraphServer;
import org.symptomgraph.store.GraphStore;

/** A running server on loopback over an in-memory database holding petechiae (and any other graphs). */
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
        return start(settings, null, more);
    }

    /** With dumps in {@code dumps}, written once the VoID description is there (see {@link #awaitDumps}). */
    public static TestServer withDumps(Dumps dumps, UnaryOperator<EndpointSettings> settings) throws DocumentException {
        return start(settings, dumps);
    }

    private static TestServer start(UnaryOperator<EndpointSettings> settings, Dumps dumps, DocumentGraph... more)
            throws DocumentException {
        GraphStore store = GraphStore.inMemory();
        store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.EPOCH);
        for (DocumentGraph g : more) {
            store.replace(g, Instant.EPOCH);
        }
        TestServer started = new TestServer(store, SymptomGraphServer.start(store,
                settings.apply(EndpointSettings.defaults(0).withLoopbackOnly(true)), dumps));
        started.awaitVoid();
        return started;
    }

    /** Tests that count quads would race the VoID description, which serve stores after start. */
    private void awaitVoid() {
        await("a VoID description", server::awaitVoid);
    }

    /** Waits (at most 30 s) until the dumps are of the data as it is. */
    public void awaitDumps() {
        await("dumps of the data as it is", server::awaitDumps);
    }

    private interface Wait {
        boolean until(java.time.Duration timeout) throws InterruptedException;
    }

    private static void await(String what, Wait wait) {
        try {
            if (!wait.until(java.time.Duration.ofSeconds(30))) {
                throw new IllegalStateException("no " + what + " after 30 s");
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

    /** http://127.0.0.1:ADMINPORT, the admin server (when the settings have one). */
    public String adminRoot() {
        return "http://127.0.0.1:" + server.adminPort();
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
