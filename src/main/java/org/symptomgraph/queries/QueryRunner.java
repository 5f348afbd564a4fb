package org.symptomgraph.queries;

import java.io.OutputStream;
import java.util.function.Function;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * Runs queries over the database as {@link org.symptomgraph.store.GraphStore} keeps it: the default
 * graph is the current view (the newest version of every page), and GRAPH reaches the graph of
 * every document version, superseded ones included. Not TDB2's union-default-graph mode, which
 * would mix superseded versions into every answer. Each run is one read transaction, so it sees
 * the database as it was when it started.
 */
public final class QueryRunner {

    private QueryRunner() {
    }

    /** The rows of a SELECT query, read into memory so they outlive the transaction. */
    public static ResultSetRewindable select(Dataset dataset, Query query) {
        require(query.isSelectType(), query, "SELECT");
        return run(dataset, query, qe -> qe.execSelect().rewindable());
    }

    public static boolean ask(Dataset dataset, Query query) {
        require(query.isAskType(), query, "ASK");
        return run(dataset, query, QueryExecution::execAsk);
    }

    /** The graph a CONSTRUCT query builds, with the query's prefixes. */
    public static Model construct(Dataset dataset, Query query) {
        require(query.isConstructType(), query, "CONSTRUCT");
        return run(dataset, query, QueryExecution::execConstruct);
    }

    /**
     * Runs a query and writes its result in a format (see {@link ResultFormat}). Throws
     * IllegalArgumentException for CSV or TSV of a CONSTRUCT query, which has no rows.
     */
    public static void write(Dataset dataset, Query query, ResultFormat format, OutputStream out) {
        if (query.isSelectType()) {
            ResultSetRewindable rows = select(dataset, query);
            switch (format) {
                // The query's prefixes shorten IRIs in the table (schema:Drug).
                case TEXT -> ResultSetFormatter.out(out, rows, query.getPrologue());
                case CSV -> ResultSetFormatter.output(out, rows, ResultSetLang.RS_CSV);
                case TSV -> ResultSetFormatter.output(out, rows, ResultSetLang.RS_TSV);
                case JSON -> ResultSetFormatter.output(out, rows, ResultSetLang.RS_JSON);
            }
        } else if (query.isAskType()) {
            boolean answer = ask(dataset, query);
            switch (format) {
                case TEXT -> ResultSetFormatter.out(out, answer);
                case CSV -> ResultSetFormatter.output(out, answer, ResultSetLang.RS_CSV);
                case TSV -> ResultSetFormatter.output(out, answer, ResultSetLang.RS_TSV);
                case JSON -> ResultSetFormatter.output(out, answer, ResultSetLang.RS_JSON);
            }
        } else if (query.isConstructType()) {
            Model graph = construct(dataset, query);
            switch (format) {
                case TEXT -> RDFDataMgr.write(out, graph, Lang.TURTLE);
                case JSON -> RDFDataMgr.write(out, graph, Lang.JSONLD);
                case CSV, TSV -> throw new IllegalArgumentException(
                        "a CONSTRUCT query gives a graph, not rows: use text (Turtle) or json (JSON-LD)");
            }
        } else {
            throw new IllegalArgumentException("only SELECT, ASK and CONSTRUCT queries can be run");
        }
    }

    private static <T> T run(Dataset dataset, Query query, Function<QueryExecution, T> action) {
        return dataset.calculateRead(() -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
                return action.apply(qe);
            }
        });
    }

    private static void require(boolean ok, Query query, String form) {
        if (!ok) {
            throw new IllegalArgumentException("not a " + form + " query: " + query.queryType());
        }
    }
}
