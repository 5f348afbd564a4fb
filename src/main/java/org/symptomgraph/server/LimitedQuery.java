package org.symptomgraph.server;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * Fuseki's query handler, with a cap on the rows or triples one query may return: a LIMIT for
 * SELECT (and for the solutions a CONSTRUCT or DESCRIBE starts from), and a cap on the triples of
 * a CONSTRUCT or DESCRIBE itself, which one solution can multiply (a DESCRIBE of 10,000
 * resources gave 85,256 triples).
 */
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

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery,
            String queryStringLog) {
        if (requestQuery.isConstructType()) {
            Capped target = new Capped(DatasetGraphFactory.create(), resultLimit);
            try {
                queryExec.constructDataset(target);
            } catch (Full enough) {
                queryExec.close();
            }
            target.prefixes().putAll(requestQuery.getPrefixMapping());
            return new QueryExecResult(target.getBase());
        }
        if (requestQuery.isDescribeType()) {
            CappedGraph target = new CappedGraph(GraphFactory.createDefaultGraph(), resultLimit);
            try {
                queryExec.describe(target);
            } catch (Full enough) {
                queryExec.close();
            }
            return new QueryExecResult(target.get());
        }
        return super.executeQuery(action, queryExec, requestQuery, queryStringLog);
    }

    /** Thrown by a target that holds as many triples as a query may return: the query stops there. */
    private static final class Full extends RuntimeException {
        Full() {
            super("result limit reached", null, false, false);
        }
    }

    private static final class Capped extends DatasetGraphWrapper {
        private final long limit;
        private long quads;

        Capped(DatasetGraph base, long limit) {
            super(base);
            this.limit = limit;
        }

        @Override
        public void add(Quad quad) {
            if (!getBase().contains(quad)) {
                if (quads == limit) {
                    throw new Full();
                }
                quads++;
                super.add(quad);
            }
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
