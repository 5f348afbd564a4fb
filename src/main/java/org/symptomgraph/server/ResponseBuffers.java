package org.symptomgraph.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Pools Jetty's response buffers at the size Fuseki asks for.
 *
 * <p>Fuseki gives every response a 5 MiB output buffer (so that an error found while the results
 * are written can still change the status), but leaves Jetty's default buffer pool in place, which
 * pools nothing above 64 KiB. Each response then allocates, zeroes and page-faults a fresh 5 MiB
 * direct buffer: about 20 ms on this project's benchmark machine, on every small answer it hit
 * (Jena issue GH-4084, fixed upstream after 5.6). This replaces the server's connectors, before
 * start, with equal ones that draw from a pool holding buffers of that size.
 */
public final class ResponseBuffers {

    private ResponseBuffers() {
    }

    /** Replaces the connectors of a built, not yet started, server. */
    public static void pool(FusekiServer fuseki) {
        Server jetty = fuseki.getJettyServer();
        List<Connector> connectors = new ArrayList<>();
        for (Connector connector : jetty.getConnectors()) {
            connectors.add(connector instanceof ServerConnector plain ? pooled(jetty, plain) : connector);
        }
        jetty.setConnectors(connectors.toArray(Connector[]::new));
    }

    private static ServerConnector pooled(Server jetty, ServerConnector old) {
        HttpConnectionFactory http = old.getConnectionFactory(HttpConnectionFactory.class);
        if (http == null) {
            return old;
        }
        int largest = Math.max(http.getHttpConfiguration().getOutputBufferSize(),
                http.getHttpConfiguration().getRequestHeaderSize());
        // Linear buckets (factor -1: Jetty's default), unbounded bucket length, idle memory bounded
        // by Jetty's heuristic (0: an eighth of the heap, heap and direct each).
        ByteBufferPool pool = new ArrayByteBufferPool(0, -1, largest, -1, 0, 0);
        ServerConnector connector = new ServerConnector(jetty, null, null, pool, old.getAcceptors(),
                old.getSelectorManager().getSelectorCount(),
                old.getConnectionFactories().toArray(ConnectionFactory[]::new));
        connector.setHost(old.getHost());
        connector.setPort(old.getPort());
        connector.setIdleTimeout(old.getIdleTimeout());
        connector.setAcceptQueueSize(old.getAcceptQueueSize());
        connector.setReuseAddress(old.getReuseAddress());
        connector.setName(old.getName());
        return connector;
    }
}
