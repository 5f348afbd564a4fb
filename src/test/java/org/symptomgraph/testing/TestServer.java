package org.symptomgraph.testing;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.symptomgraph.dumps.Dumps;
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
        return start(settings, null, withPetechiae(more));
    }

    /** A server over just these graphs. */
    public static TestServer of(UnaryOperator<EndpointSettings> settings, DocumentGraph... graphs) {
        return start(settings, null, graphs);
    }

    /** With dumps in {@code dumps}, written once the VoID description is there (see {@link #awaitDumps}). */
    public static TestServer withDumps(Dumps dumps, UnaryOperator<EndpointSettings> settings) throws DocumentException {
        return start(settings, dumps, withPetechiae());
    }

    private static DocumentGraph[] withPetechiae(DocumentGraph... more) throws DocumentException {
        DocumentGraph[] all = new DocumentGraph[more.length + 1];
        all[0] = Fixtures.graph(Fixtures.PETECHIAE);
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    private static TestServer start(UnaryOperator<EndpointSettings> settings, Dumps dumps, DocumentGraph... graphs) {
        GraphStore store = GraphStore.inMemory();
        for (DocumentGraph g : graphs) {
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
