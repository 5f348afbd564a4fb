package org.symptomgraph.server;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * Fuseki's query handler, with a cap on the rows one query may return ({@link ResultCap}): SELECT
 * and CONSTRUCT say when they were cut; DESCRIBE is capped as its solutions are. A CONSTRUCT or
 * DESCRIBE also stops at the cap in triples, which one solution can multiply (a DESCRIBE of
 * 10,000 resources gave 85,256 triples); cut so, it says so too.
 */
final class LimitedQuery extends SPARQL_QueryDataset {

    /** A request attribute: this query runs with the cap plus one. */
    private static final String CUT = LimitedQuery.class.getName() + ".cut";

    static final List<String> QUERY_PAGE_PARAMETERS = List.of("example", "run");

    private final ResultCap cap;
    private final long resultLimit;

    LimitedQuery(long resultLimit) {
        this.cap = new ResultCap(resultLimit);
        this.resultLimit = resultLimit;
    }

    /**
     * YASGUI passes the query page's own parameters (example=, run=: which canned query to show)
     * on to the endpoint. They are harmless and ignored, but Fuseki logged a WARN for each.
     */
    @Override
    protected Collection<String> customParams() {
        return QUERY_PAGE_PARAMETERS;
    }

    /** Fuseki calls this with the very query object it then runs, so the cap applies. */
    @Override
    protected void validateQuery(HttpAction action, Query query) {
        if (query.isDescribeType()) {
            if (!query.hasLimit() || query.getLimit() > resultLimit) {
                query.setLimit(resultLimit);
            }
        } else if (cap.apply(query)) {
            action.getRequest().setAttribute(CUT, Boolean.TRUE);
        }
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query query, String queryStringLog) {
        if (query.isDescribeType()) {
            CappedGraph target = new CappedGraph(GraphFactory.createDefaultGraph(), resultLimit);
            try {
                queryExec.describe(target);
            } catch (Full enough) {
                queryExec.close();
                action.getResponse().setHeader(ResultCap.HEADER, Long.toString(resultLimit));
            }
            return new QueryExecResult(target.get());
        }
        boolean cut = action.getRequest().getAttribute(CUT) != null;
        if (query.isSelectType() && cut) {
            RowSet rows = queryExec.select();
            return new QueryExecResult(RowSetStream.create(rows.getResultVars(), cap.take(rows, action.getResponse()).iterator()));
        }
        if (!query.isConstructType()) {
            return super.executeQuery(action, queryExec, query, queryStringLog);
        }
        DatasetGraph built;
        if (cut) {
            List<Binding> kept;
            try (QueryExec select = createQueryExec(action, ResultCap.solutions(query), queryExec.getDataset())) {
                kept = cap.take(select.select(), action.getResponse());
            }
            built = ResultCap.construct(query, kept);
        } else {
            built = super.executeQuery(action, queryExec, query, queryStringLog).dataset();
        }
        return new QueryExecResult(firstQuads(built, action));
    }

    /** The dataset, or its first quads up to the cap (with the header that says so). */
    private DatasetGraph firstQuads(DatasetGraph built, HttpAction action) {
        if (built.stream().skip(resultLimit).findAny().isEmpty()) {
            return built;
        }
        DatasetGraph first = DatasetGraphFactory.create();
        first.prefixes().putAll(built.prefixes());
        Iterator<Quad> quads = built.find();
        for (long n = 0; n < resultLimit && quads.hasNext(); n++) {
            first.add(quads.next());
        }
        action.getResponse().setHeader(ResultCap.HEADER, Long.toString(resultLimit));
        return first;
    }

    /** Thrown by a target that holds as many triples as a query may return: the query stops there. */
    private static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super("result limit reached", null, false, false);
        }
    }

    private static final class CappedGraph extends GraphWrapper {
        private final long limit;

        CappedGraph(Graph base, long limit) {
            super(base);
            this.limit = limit;
        }

        @Override
        public void add(Triple triple) {
            if (get().size() >= limit && !get().contains(triple)) {
                throw new Full();
            }
            super.add(triple);
        }
    }
}
