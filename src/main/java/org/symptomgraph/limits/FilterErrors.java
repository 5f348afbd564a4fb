package org.symptomgraph.limits;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A FILTER's expression whose unexpected errors are logged once per query, not once per row.
 * Jena logs a warning with a stack trace for each row on which a filter throws anything but an
 * evaluation error: 12.6 MB of log from one 110-byte query. Here the first such error of a query
 * is logged in one line; every one (the first too) then counts as an evaluation error, which
 * rejects the row, as Jena does after logging.
 */
final class FilterErrors extends ExprFunction1 {

    private static final Logger LOG = LoggerFactory.getLogger(FilterErrors.class);
    private final AtomicLong errors = new AtomicLong();

    FilterErrors(Expr expr) {
        super(expr, "filter-errors");
    }

    @Override
    protected NodeValue evalSpecial(Binding binding, FunctionEnv env) {
        try {
            return expr.eval(binding, env);
        } catch (ExprEvalException | QueryCancelledException expected) {
            throw expected;
        } catch (RuntimeException e) {
            if (errors.getAndIncrement() == 0) {
                LOG.warn("a filter failed ({}); further failures of this query are not logged", e.toString());
            }
            throw new ExprEvalException(e.getMessage());
        }
    }

    @Override
    public NodeValue eval(NodeValue nv) {
        return nv;
    }

    @Override
    public Expr copy(Expr e) {
        return new FilterErrors(e);
    }
}
