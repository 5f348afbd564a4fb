package org.symptomgraph.dumps;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.jena.shared.PrefixMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symptomgraph.store.DataVersion;
import org.symptomgraph.store.GraphStore;

/**
 * Keeps the dumps of a database current, in a thread of its own: at start when the newest
 * generation was made from another state of the data (or there is none), and after every import
 * that changed the data (through the store, so imports through the admin route too). Changes that
 * arrive while a generation is being written make one more, not one each.
 */
public final class DumpMaker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DumpMaker.class);

    private final GraphStore store;
    private final Dumps dumps;
    private final PrefixMapping prefixes;
    private final Consumer<Dumps.Made> made;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dumps");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean closed;
    private Runnable unsubscribe = () -> { };

    /** @param made told of each new generation (in the maker's thread) */
    public DumpMaker(GraphStore store, Dumps dumps, PrefixMapping prefixes, Consumer<Dumps.Made> made) {
        this.store = store;
        this.dumps = dumps;
        this.prefixes = prefixes;
        this.made = made;
    }

    public Dumps dumps() {
        return dumps;
    }

    /** Listens to the store, and makes the dumps now if they are not of the data as it is. */
    public void start() {
        unsubscribe = store.onChange(this::changed);
        worker.execute(() -> {
            Optional<DataVersion> madeFrom = dumps.newest().map(Dumps.Made::madeFrom);
            if (madeFrom.isPresent() && madeFrom.get().equals(store.read(() -> DataVersion.of(store.dataset())))) {
                LOG.debug("dumps in {} are of the data as it is", dumps.directory());
                made.accept(dumps.newest().orElseThrow());
            } else {
                make();
            }
        });
    }

    /** Something was imported: one more generation, unless one is already waiting to start. */
    private void changed() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    queued.set(false);
                    make();
                });
            } catch (RejectedExecutionException closing) {
                // the server is stopping: no more dumps
            }
        }
    }

    private void make() {
        if (closed) {
            return;
        }
        long started = System.nanoTime();
        try {
            Dumps.Made m = dumps.write(store.dataset(), prefixes, () -> closed);
            LOG.info("dumps written to {} in {} ms ({} and {} bytes)", dumps.directory(),
                    (System.nanoTime() - started) / 1_000_000, m.bytes().get(Dumps.Kind.CURRENT),
                    m.bytes().get(Dumps.Kind.VERSIONS));
            made.accept(m);
        } catch (CancellationException e) {
            LOG.debug("dumps cancelled");
        } catch (Exception e) {
            LOG.warn("could not write the dumps to {}: {}", dumps.directory(), e.toString());
        }
    }

    /** Waits until what was asked of the maker so far is done; whether it is. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        Future<?> marker = worker.submit(() -> { });
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops listening and gives up a generation being written (its temporary files are removed),
     * without an interrupt: see {@link Dumps#write(org.apache.jena.query.Dataset, PrefixMapping,
     * java.util.function.BooleanSupplier)}.
     */
    @Override
    public void close() {
        unsubscribe.run();
        closed = true;
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
