package org.symptomgraph.limits;

import com.google.re2j.Pattern;
import java.util.List;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.sse.Tags;

/** REGEX(string, pattern[, flags]) on RE2/J; a constant pattern is compiled once. */
final class LinearRegex extends ExprFunctionN {

    private final Pattern constant;

    LinearRegex(ExprList args) {
        super(Tags.tagRegex, args);
        this.constant = constantPattern(args, 1);
    }

    /**
     * The pattern at {@code index} (flags after it), compiled once when both are constants; else
     * null. A constant pattern that does not compile is an error on each row, as any other.
     */
    static Pattern constantPattern(ExprList args, int index) {
        Expr pattern = args.get(index);
        Expr flags = args.size() > index + 1 ? args.get(index + 1) : null;
        if (pattern.isConstant() && pattern.getConstant().isString()
                && (flags == null || flags.isConstant() && flags.getConstant().isString())) {
            try {
                return Regexes.compile(pattern.getConstant().getString(),
                        flags == null ? null : flags.getConstant().getString());
            } catch (ExprEvalException invalid) {
                return null;
            }
        }
        return null;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        Pattern pattern = constant != null ? constant
                : Regexes.compile(args.get(1), args.size() > 2 ? args.get(2) : null);
        return Regexes.matches(args.get(0), pattern);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new LinearRegex(newArgs);
    }
}
