package org.symptomgraph.limits;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.aggregate.Aggregator;

/**
 * The algebra of a query, changed before and after Jena's optimizer: before, REGEX, REPLACE,
 * CONCAT and GROUP_CONCAT become their bounded forms and a SERVICE to an endpoint not allowed is
 * refused (also inside FILTER EXISTS, where Jena would otherwise fail on every row); after, each
 * filter's errors are logged once per query ({@link FilterErrors}). Wrapping filters only after
 * the optimizer keeps its rewrites of {@code FILTER(?x = constant)} into index lookups. The pattern
 * inside an allowed SERVICE is left as written: the other endpoint parses it.
 */
final class QueryRewrite {

    private final ServicePolicy services;

    QueryRewrite(ServicePolicy services) {
        this.services = services;
    }

    Op beforeOptimizer(Op op) {
        return Transformer.transform(new Bounded(), new LinearExpressions(), op);
    }

    static Op afterOptimizer(Op op) {
        return Transformer.transform(new TransformCopy() {
            @Override
            public Op transform(OpFilter filter, Op sub) {
                ExprList wrapped = new ExprList();
                for (Expr e : filter.getExprs()) {
                    wrapped.add(e instanceof FilterErrors ? e : new FilterErrors(e));
                }
                return OpFilter.filterDirect(wrapped, sub);
            }

            @Override
            public Op transform(OpService service, Op sub) {
                return service; // sent to the other endpoint as written: it has its own limits
            }
        }, op);
    }

    private static final class LinearExpressions extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex) {
                return new LinearRegex(args);
            }
            if (func instanceof E_StrReplace) {
                return new LinearReplace(args);
            }
            if (func instanceof E_StrConcat) {
                return new BoundedConcat(args);
            }
            return super.transform(func, args);
        }
    }

    private final class Bounded extends TransformCopy {
        @Override
        public Op transform(OpService service, Op sub) {
            if (services.refusesStatically(service.getService())) {
                services.check(service.getService());
            }
            // The pattern inside goes to the other endpoint as written: our bounded functions are
            // not SPARQL it could parse, and its limits are its own.
            return service;
        }

        @Override
        public Op transform(OpGroup group, Op sub) {
            List<ExprAggregator> aggregators = new ArrayList<>();
            boolean changed = false;
            for (ExprAggregator ea : group.getAggregators()) {
                Aggregator bounded = BoundedGroupConcat.of(ea.getAggregator());
                changed |= bounded != null;
                aggregators.add(bounded == null ? ea : new ExprAggregator(ea.getVar(), bounded));
            }
            return changed ? OpGroup.create(sub, group.getGroupVars(), aggregators) : super.transform(group, sub);
        }
    }
}
