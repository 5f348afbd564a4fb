package org.symptomgraph.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.symptomgraph.queries.SparqlExamples;

/**
 * The graphs that describe a running service (VoID, example queries) are named after its endpoint
 * URL. Served on another port or under another public URL, the database would keep the old ones
 * beside the new: they are dropped at start.
 */
final class ServiceGraphs {

    /** Graphs holding a VoID dataset or an example query: index lookups, not a scan of every graph name. */
    private static final String DESCRIBING = """
            SELECT DISTINCT ?g WHERE {
              { GRAPH ?g { ?d a <http://rdfs.org/ns/void#Dataset> } }
              UNION { GRAPH ?g { ?q a <http://www.w3.org/ns/shacl#SPARQLExecutable> } }
            }""";

    private ServiceGraphs() {
    }

    /** Removes every VoID or examples graph but those named in {@code keep}; returns the names removed. */
    static List<String> removeAllBut(Dataset dataset, Set<String> keep) {
        return dataset.calculateWrite(() -> {
            List<String> stale = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(DESCRIBING).build()) {
                qe.execSelect().forEachRemaining(row -> {
                    String name = row.getResource("g").getURI();
                    boolean service = name.endsWith(VoidDescription.GRAPH_SUFFIX)
                            || name.endsWith(SparqlExamples.GRAPH_SUFFIX);
                    if (service && !keep.contains(name)) {
                        stale.add(name);
                    }
                });
            }
            stale.forEach(dataset::removeNamedModel);
            return stale;
        });
    }
}
