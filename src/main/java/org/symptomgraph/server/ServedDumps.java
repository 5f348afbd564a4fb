package org.symptomgraph.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.jena.rdf.model.Model;
import org.symptomgraph.dumps.DumpMaker;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.GraphStore;

/**
 * The dumps as the server offers them: kept current by a {@link DumpMaker} (started once the VoID
 * description is there, so the two do not count on the same cores at once), served by
 * {@link DumpServlet}, described in the VoID description, the served one and the stored graph.
 */
final class ServedDumps implements AutoCloseable {

    private final DumpMaker maker;
    private final DumpDescription description;
    private final Dumps dumps;

    /** @param described told of each generation once the VoID graph describes it */
    ServedDumps(GraphStore store, Dumps dumps, String base, String endpointUrl, Consumer<Dumps.Made> described) {
        this.dumps = dumps;
        this.description = new DumpDescription(dumps, VoidDescription.datasetIri(base), endpointUrl);
        String voidGraph = VoidDescription.graphName(endpointUrl);
        this.maker = new DumpMaker(store, dumps, Vocab.prefixes(base), made -> {
            description.store(store.dataset(), voidGraph);
            described.accept(made);
        });
        try {
            // Jetty serves from the folder: it must be there when the servlet starts.
            Files.createDirectories(dumps.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the dumps folder " + dumps.directory(), e);
        }
    }

    /** A copy of the VoID description (null while it is being counted) with the newest dumps. */
    Model with(Model voidDescription) {
        return description.with(voidDescription);
    }

    void start() {
        maker.start();
    }

    boolean awaitIdle(Duration timeout) throws InterruptedException {
        return maker.awaitIdle(timeout);
    }

    @Override
    public void close() {
        maker.close();
    }
}
