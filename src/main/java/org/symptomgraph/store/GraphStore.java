package org.symptomgraph.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.tdb2.TDB2Factory;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Vocab;

/**
 * The TDB2 database: one named graph per document version, each replaced whole in one write
 * transaction, so a reader sees the old graph or the new one and a failed import leaves no trace.
 */
public final class GraphStore implements AutoCloseable {

    /** What an import did to the database. */
    public enum Outcome { ADDED, REPLACED, UNCHANGED }

    private final Dataset dataset;

    private GraphStore(Dataset dataset) {
        this.dataset = dataset;
    }

    public static GraphStore open(Path directory) {
        return new GraphStore(TDB2Factory.connectDataset(directory.toString()));
    }

    /** An in-memory TDB2 database, for tests. */
    public static GraphStore inMemory() {
        return new GraphStore(TDB2Factory.createDataset());
    }

    public Dataset dataset() {
        return dataset;
    }

    /**
     * Replaces the document's graph in one write transaction and records when. A graph made from
     * the same bytes by the same importer is left as it is, so re-importing changes nothing.
     */
    public Outcome replace(DocumentGraph graph, Instant importedAt) {
        return dataset.calculateWrite(() -> {
            Model existing = dataset.getNamedModel(graph.name());
            boolean present = !existing.isEmpty();
            // Same bytes, same importer: the stored graph is this one plus its import time.
            if (present && existing.size() == graph.model().size() + 1 && existing.containsAll(graph.model())) {
                return Outcome.UNCHANGED;
            }
            dataset.removeNamedModel(graph.name());
            Model target = dataset.getNamedModel(graph.name());
            target.add(graph.model());
            target.createResource(DocumentMapper.importActivity(graph.name()))
                    .addLiteral(Vocab.endedAtTime, target.createTypedLiteral(
                            DateTimeFormatter.ISO_INSTANT.format(importedAt.atOffset(ZoneOffset.UTC)),
                            XSDDatatype.XSDdateTime));
            return present ? Outcome.REPLACED : Outcome.ADDED;
        });
    }

    /** Runs a read in its own transaction. */
    public <T> T read(Supplier<T> action) {
        return dataset.calculateRead(action);
    }

    @Override
    public void close() {
        dataset.close();
    }
}
