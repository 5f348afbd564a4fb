package org.symptomgraph.limits;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Outbound SERVICE from the public endpoint: off by default (a server could otherwise be made to
 * fetch any URL, a request-forgery risk), or allowed for a fixed list of endpoints only.
 *
 * <p>A SERVICE whose endpoint is written in the query is refused before the query runs
 * ({@link QueryRewrite}); one whose endpoint is a variable is checked here, as it runs.
 */
final class ServicePolicy {

    private final Set<String> allowed;

    ServicePolicy(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    void apply(Context context) {
        context.set(ARQ.httpServiceAllowed, !allowed.isEmpty());
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
        // A bulk link runs before every other way of executing SERVICE, so nothing slips past it.
        registry.addBulkLink((opService, input, execCxt, chain) -> {
            check(opService.getService());
            return chain.createExecution(opService, input, execCxt);
        });
        ServiceExecutorRegistry.set(context, registry);
    }

    /** Whether a SERVICE to this endpoint (an IRI, or a variable while nothing is allowed) can be refused now. */
    boolean refusesStatically(Node service) {
        return service.isURI() ? !allowed.contains(service.getURI()) : allowed.isEmpty();
    }

    void check(Node service) {
        if (!service.isURI() || !allowed.contains(service.getURI())) {
            throw new QueryDeniedException("SERVICE " + (service.isURI() ? "<" + service.getURI() + ">" : service)
                    + " is not allowed on this endpoint");
        }
    }
}
