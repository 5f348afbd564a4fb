package org.symptomgraph.server;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.TemplateLib;

/**
 * The most rows (solutions) one query returns, said out loud: a result cut at the cap carries the
 * header {@code X-SPARQL-MaxRows: N}, as Virtuoso's does, so that a client knows rows are missing.
 * A query that asks for more than the cap (or has no LIMIT) runs with the cap plus one: the extra
 * row, never sent, tells a cut result from one that merely fits.
 */
final class ResultCap {

    static final String HEADER = "X-SPARQL-MaxRows";

    private final long limit;

    ResultCap(long limit) {
        this.limit = limit;
    }

    /** Caps the query in place; whether it now asks for one row more than the cap (so {@link #take} applies). */
    boolean apply(Query query) {
        if (query.isAskType() || (query.hasLimit() && query.getLimit() <= limit)) {
            return false;
        }
        query.setLimit(limit + 1);
        return true;
    }

    /** The first rows up to the cap; when there were more, the header goes on the response. */
    List<Binding> take(Iterator<Binding> rows, HttpServletResponse response) {
        List<Binding> kept = new ArrayList<>();
        while (rows.hasNext()) {
            Binding row = rows.next();
            if (kept.size() == limit) {
                response.setHeader(HEADER, Long.toString(limit));
                break;
            }
            kept.add(row);
        }
        return kept;
    }

    /** A CONSTRUCT query's solutions as a SELECT (Jena's own CONSTRUCT runs its pattern so), to be cut like rows. */
    static Query solutions(Query construct) {
        Query select = construct.cloneQuery();
        select.setQuerySelectType();
        select.setQueryResultStar(true);
        return select;
    }

    /** What a CONSTRUCT query builds from the solutions kept. */
    static DatasetGraph construct(Query construct, List<Binding> solutions) {
        DatasetGraph result = DatasetGraphFactory.create();
        result.prefixes().putAll(construct.getPrefixMapping());
        TemplateLib.calcQuads(construct.getConstructTemplate().getQuads(), solutions.iterator())
                .forEachRemaining(result::add);
        return result;
    }
}
