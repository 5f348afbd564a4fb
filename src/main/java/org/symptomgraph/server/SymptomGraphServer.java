package org.symptomgraph.server;

import java.util.LinkedHashSet;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.system.FusekiLogging;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.symptomgraph.store.GraphStore;

/**
 * The public, read-only endpoint: Apache Jena Fuseki over the TDB2 database, with CORS, a query
 * timeout, a result limit, a health check, and no way to write.
 */
public final class SymptomGraphServer implements AutoCloseable {

    private final FusekiServer fuseki;
    private final String endpointUrl;

    private SymptomGraphServer(FusekiServer fuseki, String endpointUrl) {
        this.fuseki = fuseki;
        this.endpointUrl = endpointUrl;
    }

    /** Builds and starts the server. */
    public static SymptomGraphServer start(GraphStore store, EndpointSettings settings) {
        FusekiLogging.setLogging();
        DatasetGraph dsg = store.dataset().asDatasetGraph();
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(settings.queryTimeout().toMillis()));
        ServicePolicy.apply(dsg.getContext(), new LinkedHashSet<>(settings.allowedServices()));

        String path = "/" + EndpointSettings.DATASET;
        // Only reading operations: a write has nowhere to go.
        DataService.Builder service = DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query, "")
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R, "get");
        FusekiServer.Builder builder = FusekiServer.create()
                .port(settings.port())
                .loopback(settings.loopbackOnly())
                .enableCors(true, null)
                .enablePing(true)
                .registerOperation(Operation.Query, new LimitedQuery(settings.resultLimit()))
                .add(path, service);
        // The endpoint's URL is only known once the port is, so the description is made after start.
        AtomicReference<Model> description = new AtomicReference<>();
        builder.addFilter(path + "/sparql", new ServiceDescriptionFilter(description::get));
        FusekiServer fuseki = builder.build();
        fuseki.start();
        String url = settings.publicUrl() != null ? settings.publicUrl()
                : "http://localhost:" + fuseki.getHttpPort() + path + "/sparql";
        description.set(ServiceDescription.describe(url, !settings.allowedServices().isEmpty()));
        return new SymptomGraphServer(fuseki, url);
    }

    public int port() {
        return fuseki.getHttpPort();
    }

    /** The SPARQL endpoint's URL as clients see it. */
    public String endpointUrl() {
        return endpointUrl;
    }

    /** Blocks until the server stops. */
    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        fuseki.stop();
    }
}
