package org.symptomgraph.server;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Outbound SERVICE from the public endpoint: off by default (a server could otherwise be made to
 * fetch any URL, a request-forgery risk), or allowed for a fixed list of endpoints only.
 */
final class ServicePolicy {

    private ServicePolicy() {
    }

    static void apply(Context context, Set<String> allowed) {
        context.set(ARQ.httpServiceAllowed, !allowed.isEmpty());
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
        // A bulk link runs before every other way of executing SERVICE, so nothing slips past it.
        registry.addBulkLink((opService, input, execCxt, chain) -> {
            Node service = opService.getService();
            if (!service.isURI() || !allowed.contains(service.getURI())) {
                throw new QueryDeniedException("SERVICE " + (service.isURI() ? "<" + service.getURI() + ">" : service)
                        + " is not allowed on this endpoint");
            }
            return chain.createExecution(opService, input, execCxt);
        });
        ServiceExecutorRegistry.set(context, registry);
    }
}
