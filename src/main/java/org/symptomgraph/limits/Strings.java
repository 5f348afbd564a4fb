package org.symptomgraph.limits;

import java.util.List;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.expr.nodevalue.XSDFuncOp;

/** The length limit on strings a query computes: CONCAT, REPLACE and GROUP_CONCAT stop at it. */
final class Strings {

    private Strings() {
    }

    /** An evaluation error (the value is unbound, the row goes on) for a string over the limit. */
    static void check(long length) {
        if (length > QueryLimits.MAX_STRING) {
            throw new ExprEvalException("a computed string may have at most " + QueryLimits.MAX_STRING + " characters");
        }
    }

    /** CONCAT, its length checked before anything is copied: a chain of doublings stops at the limit. */
    static NodeValue concat(List<NodeValue> args) {
        long length = 0;
        for (NodeValue nv : args) {
            length += NodeValueOps.checkAndGetStringLiteral("CONCAT", nv).getLiteralLexicalForm().length();
        }
        check(length);
        return XSDFuncOp.strConcat(args);
    }
}
