package org.symptomgraph.limits;

import java.util.List;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.sse.Tags;

/** CONCAT(...) whose result is bounded in length. */
final class BoundedConcat extends ExprFunctionN {

    BoundedConcat(ExprList args) {
        super(Tags.tagConcat, args);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        return Strings.concat(args);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new BoundedConcat(newArgs);
    }
}
