package org.symptomgraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.symptomgraph.links.CuratedPrecedence;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Vocab;

/**
 * The TDB2 database. Every document version is a named graph, replaced whole in one write
 * transaction, so a reader sees the old graph or the new one and a failed import leaves no trace.
 *
 * <p>The default graph is the current view: the union of the newest version of every page. It is
 * maintained here, in the same transaction, rather than computed by TDB2's union-default-graph
 * mode, because that mode would also show every superseded version.
 */
public final class GraphStore implements AutoCloseable {

    /** What an import did to the database. */
    public enum Outcome { ADDED, REPLACED, UNCHANGED }

    private static final Node IS_VERSION_OF = DCTerms.isVersionOf.asNode();
    private static final Node IS_REPLACED_BY = DCTerms.isReplacedBy.asNode();
    private static final Node REPLACES = DCTerms.replaces.asNode();
    private static final Node WAS_REVISION_OF = NodeFactory.createURI(Vocab.PROV + "wasRevisionOf");
    private static final Node ENDED_AT = Vocab.endedAtTime.asNode();
    /** Triples the store adds to a document's graph; the importer never makes them. */
    private static final Set<Node> STORE_MADE = Set.of(ENDED_AT, IS_REPLACED_BY, REPLACES, WAS_REVISION_OF);

    /** The database itself, for closing it. */
    private final Dataset tdb;
    /** The database seen through its text index (every read and write goes this way). */
    private final Dataset dataset;
    /** The database's folder, null in memory. */
    private final Path directory;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    /** Whether a document of the write transaction under way changed a symptom count (set inside it only). */
    private boolean countsChanged;

    private GraphStore(Dataset tdb, Path directory) {
        this(tdb, NameIndex.over(tdb, directory), directory);
    }

    private GraphStore(Dataset tdb, Dataset dataset, Path directory) {
        this.tdb = tdb;
        this.directory = directory;
        this.dataset = dataset;
        DatasetGraph dsg = dataset.asDatasetGraph();
        // A database filled without its statistics (by a release before them, or a restore of one):
        // counted once, here.
        if (dataset.calculateRead(() -> !dsg.isEmpty() && !StatisticsGraph.isComplete(dsg))) {
            dataset.executeWrite(() -> StatisticsGraph.rebuild(dsg));
        } else if (dataset.calculateRead(() -> StatisticsGraph.isOlder(dsg))) {
            // Counted by a release before the ranks or the unlinked entities.
            dataset.executeWrite(() -> StatisticsGraph.completeOlder(dsg));
        }
    }

    /**
     * Opens (or creates) the database in {@code directory}.
     *
     * @throws IncompleteDatabaseException if a first import into it never finished
     */
    public static GraphStore open(Path directory) {
        if (BulkLoad.isIncomplete(directory)) {
            throw new IncompleteDatabaseException(directory);
        }
        return new GraphStore(TDB2Factory.connectDataset(directory.toString()), directory);
    }

    /**
     * A database another program opened (Fuseki's configuration, for the Fuseki module): used as it
     * is, and not to be {@link #close closed} here.
     */
    public static GraphStore of(Dataset dataset) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        if (DatabaseMgr.isTDB2(dsg)) {
            org.apache.jena.dboe.base.file.Location location = DatabaseMgr.location(dsg);
            if (location != null && !location.isMem()) {
                // Seen through its name index (built in its folder when absent), so that label-search and
                // the search page answer as they do on serve.
                return new GraphStore(dataset, NameIndex.over(dataset, Path.of(location.getDirectoryPath())), null);
            }
        }
        return new GraphStore(dataset, dataset, null);
    }

    /** An in-memory TDB2 database, for tests. */
    public static GraphStore inMemory() {
        return new GraphStore(TDB2Factory.createDataset(), null);
    }

    public Dataset dataset() {
        return dataset;
    }

    /**
     * Stores a document version in one write transaction and records when. A graph made from the
     * same bytes by the same importer is left as it is, so re-importing changes nothing. A newer
     * version of a page supersedes the current one in the default graph; both graphs are kept.
     */
    public Outcome replace(DocumentGraph graph, Instant importedAt) {
        return replaceAll(List.of(graph), importedAt).get(0);
    }

    /**
     * Stores several document versions in one write transaction, in order: much faster than one
     * transaction each (TDB2 syncs on every commit). Each document is still whole or absent; if the
     * transaction fails, none of the batch is stored.
     */
    public List<Outcome> replaceAll(List<DocumentGraph> graphs, Instant importedAt) {
        return changed(indexed(() -> dataset.calculateWrite(() -> {
            countsChanged = false;
            List<Outcome> outcomes = graphs.stream().map(g -> store(g, importedAt)).toList();
            if (countsChanged) {
                // Once for the batch: the counts changed by each document are ranked together.
                StatisticsGraph.rank(dataset.asDatasetGraph());
            }
            return outcomes;
        })));
    }

    /**
     * Runs a write with the text index marked unfinished until it is over: the database and the
     * index commit one after the other, so a process killed between the two leaves an index that
     * the next open builds again rather than one that lags the data.
     */
    private <T> T indexed(Supplier<T> write) {
        if (directory == null) {
            return write.get();
        }
        NameIndex.invalidate(directory);
        T result = write.get();
        NameIndex.markComplete(directory);
        return result;
    }

    /**
     * Runs {@code listener} after each committed import that changed the data (not after one that
     * left every graph as it was, nor after a service graph), in the importing thread: it should
     * only schedule work. Returns what removes it again.
     */
    public Runnable onChange(Runnable listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    private List<Outcome> changed(List<Outcome> outcomes) {
        if (outcomes.stream().anyMatch(o -> o != Outcome.UNCHANGED)) {
            changeListeners.forEach(Runnable::run);
        }
        return outcomes;
    }

    /** {@link #replace} inside an open write transaction. */
    private Outcome store(DocumentGraph graph, Instant importedAt) {
        DatasetGraph dsg = dataset.asDatasetGraph();
        Node name = NodeFactory.createURI(graph.name());
        // Curated links win: in the same transaction, whichever of the two comes second (docs/linking.md).
        Graph incoming = CuratedPrecedence.withoutOverridden(graph.model().getGraph(), dsg);
        boolean present = dsg.containsGraph(name) && !dsg.getGraph(name).isEmpty();
        if (present && sameContent(dsg.getGraph(name), incoming)) {
            return Outcome.UNCHANGED;
        }
        // A document version competes with the page's other versions; any other graph (the
        // curated links, say) is simply current.
        Optional<Version> self = Version.find(name, incoming);
        List<Version> others = self.map(v -> versionsOf(dsg, v.page()).stream()
                .filter(o -> !o.graph().equals(name)).toList()).orElse(List.of());
        Optional<Version> current = others.stream().filter(v -> isCurrent(dsg, v.graph())).findFirst();
        boolean newest = current.isEmpty() || Version.ORDER.compare(self.orElseThrow(), current.get()) > 0;

        // What this page showed in the current view before, to withdraw what the new version drops.
        Graph shownBefore = GraphFactory.createDefaultGraph();
        Node shownFrom = present && isCurrent(dsg, name) ? name
                : newest && current.isPresent() ? current.get().graph() : null;
        if (shownFrom != null) {
            dsg.getGraph(shownFrom).find().forEachRemaining(shownBefore::add);
        }
        // Whether what the write may link or unlink is linked now, to count it again where it changes.
        Map<Node, Boolean> linkedBefore = StatisticsGraph.linkState(dsg, incoming, shownBefore);

        if (present) {
            StatisticsGraph.removeDocument(dsg, name, dsg.getGraph(name));
        }
        dsg.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
        incoming.find().forEachRemaining(t -> dsg.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
        dsg.add(new Quad(name, importedAt(graph.name(), importedAt)));
        StatisticsGraph.addDocument(dsg, name, dsg.getGraph(name));
        CuratedPrecedence.enforce(dsg, incoming);

        if (newest) {
            if (current.isPresent() && !current.get().graph().equals(name)) {
                Version old = current.get();
                StatisticsGraph.forgetUnlinked(dsg, old.graph());
                dsg.add(old.graph(), old.graph(), IS_REPLACED_BY, name);
                dsg.add(name, name, REPLACES, old.graph());
                dsg.add(name, self.orElseThrow().document(), WAS_REVISION_OF, old.document());
            }
            Graph now = dsg.getGraph(name);
            shownBefore.find().forEachRemaining(t -> {
                if (!now.contains(t) && !shownByAnotherCurrentGraph(dsg, t, shownFrom)) {
                    dsg.delete(Quad.defaultGraphIRI, t.getSubject(), t.getPredicate(), t.getObject());
                }
            });
            now.find().forEachRemaining(t -> dsg.add(Quad.defaultGraphIRI, t.getSubject(), t.getPredicate(),
                    t.getObject()));
            Set<Node> touched = StatisticsGraph.touched(shownBefore);
            touched.addAll(StatisticsGraph.touched(now));
            countsChanged |= StatisticsGraph.recount(dsg, touched);
            StatisticsGraph.countUnlinked(dsg, name);
        } else {
            // An older version imported after a newer one: history only.
            Version successor = others.stream().filter(v -> Version.ORDER.compare(v, self.orElseThrow()) > 0)
                    .min(Version.ORDER).orElseThrow();
            dsg.add(name, name, IS_REPLACED_BY, successor.graph());
        }
        StatisticsGraph.relink(dsg, linkedBefore);
        // Every write keeps the counts exact, from the first into an empty database on (open counted
        // those of a database that had data without them).
        StatisticsGraph.markComplete(dsg);
        return present ? Outcome.REPLACED : Outcome.ADDED;
    }

    /**
     * Replaces a graph that describes the service rather than a document (VoID, example queries):
     * one write transaction, and no part of the current view.
     */
    public void replaceServiceGraph(String name, Model model) {
        dataset.executeWrite(() -> dataset.replaceNamedModel(name, model));
    }

    /** Runs a read in its own transaction. */
    public <T> T read(Supplier<T> action) {
        return dataset.calculateRead(action);
    }

    /** The current view (newest version of every page); use inside a transaction. */
    public Graph currentView() {
        return dataset.asDatasetGraph().getDefaultGraph();
    }

    /**
     * Compacts the database: TDB2 writes each transaction's changes to new blocks and keeps the old
     * ones, so a database that many imports have changed grows well beyond its data. This copies the
     * live data into a new generation and deletes the old one; readers go on meanwhile, writers wait.
     *
     * @return the database's size on disk before and after, in bytes
     * @throws IllegalStateException for a database in memory
     */
    public long[] compact() throws IOException {
        if (directory == null) {
            throw new IllegalStateException("a database in memory has nothing to compact");
        }
        long before = sizeOnDisk();
        DatabaseMgr.compact(tdb.asDatasetGraph(), true);
        return new long[] {before, sizeOnDisk()};
    }

    /** The bytes of the database's files (its data and its name index); 0 in memory. */
    public long sizeOnDisk() throws IOException {
        if (directory == null) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Closes and releases the database, so another process (a stock Fuseki, say) may open it. */
    @Override
    public void close() {
        if (dataset != tdb) {
            NameIndex.close(dataset);
        }
        TDBInternal.expel(tdb.asDatasetGraph());
    }

    /** The triple the store adds to a document's graph: when its import activity ended. */
    static Triple importedAt(String graphName, Instant importedAt) {
        return Triple.create(NodeFactory.createURI(DocumentMapper.importActivity(graphName)), ENDED_AT,
                NodeFactory.createLiteralDT(DateTimeFormatter.ISO_INSTANT.format(importedAt.atOffset(ZoneOffset.UTC)),
                        XSDDatatype.XSDdateTime));
    }

    /** The stored graph, less what the store itself added, is exactly the incoming one. */
    private static boolean sameContent(Graph stored, Graph incoming) {
        long imported = 0;
        for (Iterator<Triple> it = stored.find(); it.hasNext();) {
            Triple t = it.next();
            if (!STORE_MADE.contains(t.getPredicate())) {
                if (!incoming.contains(t)) {
                    return false;
                }
                imported++;
            }
        }
        return imported == incoming.size();
    }

    private static boolean isCurrent(DatasetGraph dsg, Node graph) {
        return !dsg.contains(graph, graph, IS_REPLACED_BY, Node.ANY);
    }

    private static boolean shownByAnotherCurrentGraph(DatasetGraph dsg, Triple t, Node except) {
        for (Iterator<Quad> it = dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()); it.hasNext();) {
            Node g = it.next().getGraph();
            if (!Quad.isDefaultGraph(g) && !g.equals(except) && isCurrent(dsg, g)) {
                return true;
            }
        }
        return false;
    }

    private static List<Version> versionsOf(DatasetGraph dsg, Node page) {
        List<Version> versions = new ArrayList<>();
        dsg.find(Node.ANY, Node.ANY, IS_VERSION_OF, page).forEachRemaining(q -> {
            if (!Quad.isDefaultGraph(q.getGraph())) {
                versions.add(Version.of(q.getGraph(), dsg.getGraph(q.getGraph())));
            }
        });
        return versions;
    }

    /** One stored version of a page: its graph, its document node, the page and the document's date. */
    record Version(Node graph, Node document, Node page, LocalDate date) {

        /** Older first; an undated version counts as older than any dated one. */
        static final Comparator<Version> ORDER = Comparator.comparing(Version::date);

        static Optional<Version> find(Node graph, Graph g) {
            return g.find(Node.ANY, RDF.type.asNode(), Vocab.SourceDocument.asNode()).nextOptional()
                    .map(doc -> of(graph, g, doc));
        }

        static Version of(Node graph, Graph g) {
            return find(graph, g).orElseThrow(() -> new IllegalArgumentException(graph + " describes no source document"));
        }

        private static Version of(Node graph, Graph g, Triple doc) {
            Node document = doc.getSubject();
            Node page = g.find(document, IS_VERSION_OF, Node.ANY).nextOptional()
                    .orElseThrow(() -> new IllegalArgumentException(graph + ": the document is no version of a page"))
                    .getObject();
            LocalDate date = g.find(document, DCTerms.date.asNode(), Node.ANY).nextOptional()
                    .map(t -> LocalDate.parse(t.getObject().getLiteralLexicalForm())).orElse(LocalDate.MIN);
            return new Version(graph, document, page, date);
        }
    }
}
