package org.symptomgraph.limits;

import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * GROUP_CONCAT that stops growing at the string limit: over a cross product it would otherwise
 * fill the heap long before the timeout. A group whose concatenation exceeds the limit gets no
 * value (an evaluation error, as Jena's GROUP_CONCAT gives for any error in the group).
 */
final class BoundedGroupConcat {

    private static final String DEFAULT_SEPARATOR = " ";

    private BoundedGroupConcat() {
    }

    /** The bounded form of a GROUP_CONCAT aggregator, or null for any other aggregator. */
    static Aggregator of(Aggregator agg) {
        if (agg instanceof Plain || agg instanceof Distinct) {
            return null;
        }
        if (agg instanceof AggGroupConcat g) {
            return new Plain(g.getExprList().get(0), g.getSeparator());
        }
        if (agg instanceof AggGroupConcatDistinct g) {
            return new Distinct(g.getExprList().get(0), g.getSeparator());
        }
        return null;
    }

    static final class Plain extends AggGroupConcat {
        Plain(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Plain(exprs.get(0), getSeparator());
        }

        @Override
        public Accumulator createAccumulator() {
            return new Accumulation(getExprList().get(0), false, getSeparator());
        }
    }

    static final class Distinct extends AggGroupConcatDistinct {
        Distinct(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new Distinct(exprs.get(0), getSeparator());
        }

        @Override
        public Accumulator createAccumulator() {
            return new Accumulation(getExprList().get(0), true, getSeparator());
        }
    }

    private static final class Accumulation extends AccumulatorExpr {
        private final StringBuilder text = new StringBuilder();
        private final String separator;
        private boolean first = true;

        Accumulation(Expr expr, boolean distinct, String separator) {
            super(expr, distinct);
            this.separator = separator == null ? DEFAULT_SEPARATOR : separator;
        }

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv functionEnv) {
            String s = nv.asString();
            Strings.check((long) text.length() + (first ? 0 : separator.length()) + s.length());
            if (!first) {
                text.append(separator);
            }
            text.append(s);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv functionEnv) {
        }

        @Override
        protected NodeValue getAccValue() {
            return NodeValue.makeString(text.toString());
        }
    }
}
