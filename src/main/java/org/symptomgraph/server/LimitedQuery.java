package org.symptomgraph.server;

import java.util.Collection;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;

/**
 * Fuseki's query handler, with a cap on the rows one query may return ({@link ResultCap}): SELECT
 * and CONSTRUCT say when they were cut; DESCRIBE is capped as its solutions are.
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
        if (action.getRequest().getAttribute(CUT) == null) {
            return super.executeQuery(action, queryExec, query, queryStringLog);
        }
        if (query.isSelectType()) {
            RowSet rows = queryExec.select();
            return new QueryExecResult(RowSetStream.create(rows.getResultVars(), cap.take(rows, action.getResponse()).iterator()));
        }
        List<Binding> kept;
        try (QueryExec select = createQueryExec(action, ResultCap.solutions(query), queryExec.getDataset())) {
            kept = cap.take(select.select(), action.getResponse());
        }
        return new QueryExecResult(ResultCap.construct(query, kept));
    }
}
