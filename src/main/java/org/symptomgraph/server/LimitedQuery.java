package org.symptomgraph.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;

/** Fuseki's query handler, with a cap on the rows or triples one query may return. */
final class LimitedQuery extends SPARQL_QueryDataset {

    private final long resultLimit;

    LimitedQuery(long resultLimit) {
        this.resultLimit = resultLimit;
    }

    /** Fuseki calls this with the very query object it then runs, so the cap applies. */
    @Override
    protected void validateQuery(HttpAction action, Query query) {
        if (query.isAskType()) {
            return;
        }
        if (!query.hasLimit() || query.getLimit() > resultLimit) {
            query.setLimit(resultLimit);
        }
    }
}
