package org.symptomgraph.describe;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.describe.DescribeHandler;
import org.apache.jena.sparql.core.describe.DescribeHandlerRegistry;
import org.apache.jena.sparql.util.Closure;
import org.apache.jena.sparql.util.Context;

/**
 * DESCRIBE from the current view only. Jena's default handler adds the resource's triples from
 * every named graph, so a superseded document version would still speak through DESCRIBE while
 * SELECT and CONSTRUCT on the same endpoint no longer show it.
 *
 * <p>Needs nothing but Jena. symptomgraph's Fuseki module installs it ({@link #init()}), in serve and
 * in a stock Fuseki server alike; a Fuseki configuration without the module could load it with
 * {@code ja:loadClass}, which calls {@code init()} too.
 */
public final class CurrentViewDescribe implements DescribeHandler {

    private Model result;
    private Model defaultModel;

    private CurrentViewDescribe() {
    }

    /**
     * Makes every DESCRIBE in this process read the default graph (the current view) alone. Jena
     * 5.6 looks its describe handlers up in the global registry only (a registry set in a
     * dataset's context is never read), so the handler replaces Jena's there.
     */
    public static synchronized void init() {
        DescribeHandlerRegistry registry = DescribeHandlerRegistry.get();
        registry.clear();
        registry.add(CurrentViewDescribe::new);
    }

    @Override
    public void start(Model accumulate, Context context) {
        result = accumulate;
        Object dataset = context.get(ARQConstants.sysCurrentDataset);
        Dataset ds = dataset instanceof Dataset d ? d
                : dataset instanceof DatasetGraph dsg ? DatasetFactory.wrap(dsg) : null;
        defaultModel = ds == null ? null : ds.getDefaultModel();
    }

    /** The resource's statements and, as Jena does, the closure over blank nodes they reach. */
    @Override
    public void describe(Resource r) {
        if (defaultModel != null) {
            Closure.closure(r.inModel(defaultModel), false, result);
        }
    }

    @Override
    public void finish() {
    }
}
