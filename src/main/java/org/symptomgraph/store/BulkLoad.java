package org.symptomgraph.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.symptomgraph.rdf.DocumentGraph;

/**
 * Fills a new database with Jena's TDB2 phased bulk loader, which sorts its way through the
 * indexes instead of inserting one quad at a time: two to three times faster than
 * {@link GraphStore#replaceAll} for a first import.
 *
 * <p>It writes what {@link GraphStore#replaceAll} would write into an empty database: each
 * document's graph, with the time of the import, and the same triples in the current view. Only
 * the first version of each page can go this way; a second version of a page (and any graph that
 * is no document) must then go through {@link GraphStore}, which links the versions —
 * {@link #add} says which.
 *
 * <p>The bulk loader is not transactional, so the whole first import is the unit instead: a
 * marker file says the database is incomplete until {@link #commit}; {@link GraphStore#open}
 * refuses such a database, and {@link #isNew} treats it as new, so importing again rebuilds it.
 */
public final class BulkLoad implements AutoCloseable {

    /** Present in a database directory while a first import fills it. */
    static final String INCOMPLETE = "symptomgraph-first-import.incomplete";

    private final Path directory;
    private final DatasetGraph dsg;
    private final DataLoader loader;
    private final StreamRDF stream;
    private final Instant importedAt;
    private final Set<Node> pages = new HashSet<>();
    private boolean committed;

    private BulkLoad(Path directory, Instant importedAt) {
        this.directory = directory;
        this.importedAt = importedAt;
        wipe(directory);
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(INCOMPLETE), "a first import started at " + importedAt
                    + " and has not finished: import again to rebuild this database\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
        this.dsg = TDB2Factory.connectDataset(directory.toString()).asDatasetGraph();
        MonitorOutput quiet = (format, args) -> { };
        this.loader = LoaderFactory.phasedLoader(dsg, quiet);
        loader.startBulk();
        this.stream = loader.stream();
    }

    /**
     * Starts a first import into {@code directory}, which must be {@link #isNew new}; whatever a
     * previous, interrupted first import left there is removed.
     */
    public static BulkLoad into(Path directory, Instant importedAt) {
        if (!isNew(directory)) {
            throw new IllegalStateException(directory + " already holds data");
        }
        return new BulkLoad(directory, importedAt);
    }

    /**
     * The database holds nothing yet: the folder is missing or empty, it is an empty TDB2
     * database, or a first import into it never finished.
     */
    public static boolean isNew(Path directory) {
        if (isNewFolder(directory)) {
            return true;
        }
        if (!Files.isDirectory(directory)) {
            return false;
        }
        // The database alone, not a GraphStore: a look that must not build its text index, nor hold
        // the index's lock while a store of this database is open in this process.
        DatasetGraph dsg = TDB2Factory.connectDataset(directory.toString()).asDatasetGraph();
        try {
            return dsg.calculateRead(dsg::isEmpty);
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    /** What {@link #isNew} can tell without opening the database: missing, empty, or incomplete. */
    public static boolean isNewFolder(Path directory) {
        if (!Files.exists(directory)) {
            return true;
        }
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty() || isIncomplete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
    }

    /** An open database holds nothing yet. */
    public static boolean isEmpty(GraphStore store) {
        return store.read(() -> store.dataset().asDatasetGraph().isEmpty());
    }

    static boolean isIncomplete(Path directory) {
        return Files.exists(directory.resolve(INCOMPLETE));
    }

    /**
     * Adds a document version, unless it must go through {@link GraphStore} instead: a graph that
     * describes no document version, or another version of a page added before.
     *
     * @return whether the graph was added
     */
    public boolean add(DocumentGraph graph) {
        Node name = NodeFactory.createURI(graph.name());
        Optional<GraphStore.Version> version = GraphStore.Version.find(name, graph.model().getGraph());
        if (version.isEmpty() || !pages.add(version.get().page())) {
            return false;
        }
        // The document's graph, and the same triples in the current view (it is the page's only version).
        graph.model().getGraph().find().forEachRemaining(t -> {
            stream.quad(new Quad(name, t));
            stream.triple(t);
        });
        Triple imported = GraphStore.importedAt(graph.name(), importedAt);
        stream.quad(new Quad(name, imported));
        stream.triple(imported);
        StatisticsGraph.ofDocument(name, graph.model().getGraph()).forEach(stream::quad);
        return true;
    }

    /**
     * Finishes the load: the symptoms of every cause counted (the documents' own counts went in
     * with them), and the database complete; its text index is built when it is first opened.
     */
    public void commit() {
        loader.finishBulk();
        if (!pages.isEmpty()) {
            dsg.executeWrite(() -> StatisticsGraph.recountAllCauses(dsg));
        }
        TDBInternal.expel(dsg);
        committed = true;
        try {
            Files.delete(directory.resolve(INCOMPLETE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + directory, e);
        }
    }

    /** Without {@link #commit}: stops the load and leaves the database marked incomplete. */
    @Override
    public void close() {
        if (!committed) {
            try {
                loader.finishException(new IllegalStateException("first import abandoned"));
            } finally {
                TDBInternal.expel(dsg);
            }
        }
    }

    /** Removes the contents of a new database folder (an empty database, or an interrupted first import). */
    static void wipe(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(directory)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + directory, e);
        }
    }
}
