package org.symptomgraph.server;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symptomgraph.store.GraphStore;

/**
 * The VoID description, counted after start in a thread of its own (a large database takes a
 * while, and the server should answer meanwhile), or the one stored by an earlier start if nothing
 * was imported since. Closing the server cancels it, so the database is not left with a read
 * transaction open.
 */
final class BackgroundVoid implements Supplier<Model> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundVoid.class);

    private final GraphStore store;
    private final String base;
    private final String endpointUrl;
    private final AtomicReference<Model> description = new AtomicReference<>();
    private final AtomicReference<QueryExecution> running = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean cancelled;
    private volatile Runnable whenReady = () -> { };

    BackgroundVoid(GraphStore store, String base, String endpointUrl) {
        this.store = store;
        this.base = base;
        this.endpointUrl = endpointUrl;
        this.thread = new Thread(this::count, "void-description");
        thread.setDaemon(true);
    }

    /** Runs {@code next} in this thread once the description is there (or could not be counted); set before start. */
    void whenReady(Runnable next) {
        whenReady = next;
    }

    void start() {
        thread.start();
    }

    /** The description, or null while it is being counted. */
    @Override
    public Model get() {
        return description.get();
    }

    /** Waits until the counting has ended (or the timeout); whether the description is there. */
    boolean await(java.time.Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return description.get() != null;
    }

    /** Stops the counting and waits (briefly) for the thread to leave the database. */
    void cancel() {
        cancelled = true;
        QueryExecution qe = running.get();
        if (qe != null) {
            qe.abort();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void count() {
        try {
            describe();
        } finally {
            if (!cancelled) {
                whenReady.run();
            }
        }
    }

    private void describe() {
        String graph = VoidDescription.graphName(endpointUrl);
        try {
            var stored = VoidDescription.stored(store.dataset(), graph, base, this::track);
            if (stored.isPresent()) {
                LOG.debug("VoID description reused: nothing imported since it was counted");
                description.set(stored.get());
                return;
            }
            Model m = VoidDescription.describe(store.dataset(), base, endpointUrl, this::track);
            if (!cancelled) {
                store.replaceServiceGraph(graph, m);
                description.set(m);
            }
        } catch (QueryCancelledException e) {
            LOG.debug("VoID counting cancelled");
        } catch (RuntimeException e) {
            if (!cancelled) {
                LOG.warn("could not count the VoID description: {}", e.toString());
            }
        }
    }

    private QueryExecution track(QueryExecution qe) {
        running.set(qe);
        if (cancelled) {
            qe.abort();
        }
        return qe;
    }
}
