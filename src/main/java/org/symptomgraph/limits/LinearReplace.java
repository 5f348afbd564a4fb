package org.symptomgraph.limits;

import com.google.re2j.Pattern;
import java.util.List;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.sse.Tags;

/** REPLACE(string, pattern, replacement[, flags]) on RE2/J, its result bounded in length. */
final class LinearReplace extends ExprFunctionN {

    private final Pattern constant;

    LinearReplace(ExprList args) {
        super(Tags.tagReplace, args);
        ExprList patternAndFlags = new ExprList(args.get(1));
        if (args.size() > 3) {
            patternAndFlags.add(args.get(3));
        }
        this.constant = LinearRegex.constantPattern(patternAndFlags, 0);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        Pattern pattern = constant != null ? constant
                : Regexes.compile(args.get(1), args.size() > 3 ? args.get(3) : null);
        return Regexes.replace(args.get(0), pattern, args.get(2));
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new LinearReplace(newArgs);
    }
}
