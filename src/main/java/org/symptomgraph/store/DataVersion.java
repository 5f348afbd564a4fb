package org.symptomgraph.store;

import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;

/**
 * Which state of the data something was made from (the VoID description, the dumps): when the
 * newest page in the current view was imported, and how many graphs the database keeps that an
 * import stored (each records its import in its own graph). Together they change with every
 * import that changes the data, and both are index lookups.
 *
 * @param modified  the newest import time in the current view (xsd:dateTime), or null when empty
 * @param documents how many imported graphs are stored (document versions and link tables)
 */
public record DataVersion(String modified, long documents) {

    private static final String QUERY = """
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT ?modified ?documents WHERE {
              { SELECT (MAX(?t) AS ?modified) WHERE { ?a prov:endedAtTime ?t } }
              { SELECT (COUNT(*) AS ?documents) WHERE { GRAPH ?g { ?a prov:endedAtTime ?t } } }
            }""";

    /**
     * Inside a read transaction.
     *
     * @param track sees the query execution before it runs, so that a caller can abort it
     */
    public static DataVersion of(Dataset dataset, UnaryOperator<QueryExecution> track) {
        // A large database may take longer than the endpoint's query timeout: an hour.
        try (QueryExecution qe = track.apply(QueryExecution.dataset(dataset).query(QUERY)
                .timeout(1, TimeUnit.HOURS).build())) {
            var row = qe.execSelect().next();
            return new DataVersion(row.contains("modified") ? row.getLiteral("modified").getLexicalForm() : null,
                    row.getLiteral("documents").getLong());
        }
    }

    /** Inside a read transaction. */
    public static DataVersion of(Dataset dataset) {
        return of(dataset, UnaryOperator.identity());
    }

    private static final String NEWEST_IMPORT = """
            PREFIX prov: <http://www.w3.org/ns/prov#>
            SELECT (MAX(?t) AS ?newest) WHERE { GRAPH ?g { ?a prov:endedAtTime ?t } }""";

    /**
     * When the newest import into any stored graph ended (xsd:dateTime), or null when none is
     * stored; inside a read transaction. Every import that changes a graph records a new time, so
     * this also changes when a version that is not current is imported again with other content,
     * which leaves the current view, and so {@link #of}, as it was.
     */
    public static String newestImport(Dataset dataset) {
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(NEWEST_IMPORT)
                .timeout(1, TimeUnit.HOURS).build()) {
            var row = qe.execSelect().next();
            return row.contains("newest") ? row.getLiteral("newest").getLexicalForm() : null;
        }
    }
}
