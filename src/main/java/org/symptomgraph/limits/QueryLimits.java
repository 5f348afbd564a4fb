package org.symptomgraph.limits;

import java.util.Set;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;

/** Puts the limits of this package into the context of a dataset: every query on it runs with them. */
public final class QueryLimits {

    /** The longest string (in UTF-16 units) a query may compute: 64 Ki characters. */
    public static final int MAX_STRING = 1 << 16;

    private QueryLimits() {
    }

    /**
     * @param context          a dataset's context (queries on the dataset merge it into theirs)
     * @param allowedServices  the endpoints SERVICE may call; empty turns SERVICE off
     */
    public static void apply(Context context, Set<String> allowedServices) {
        ServicePolicy services = new ServicePolicy(allowedServices);
        services.apply(context);
        QueryRewrite rewrite = new QueryRewrite(services);
        RewriteFactory optimizer = Optimize.getFactory();
        RewriteFactory limited = cxt -> {
            var standard = optimizer.create(cxt);
            return op -> QueryRewrite.afterOptimizer(standard.rewrite(rewrite.beforeOptimizer(op)));
        };
        context.set(ARQConstants.sysOptimizerFactory, limited);
        FunctionRegistry.set(context, ClosedRegistries.functions());
        PropertyFunctionRegistry.set(context, ClosedRegistries.propertyFunctions());
    }
}
