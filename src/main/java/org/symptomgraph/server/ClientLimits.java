package org.symptomgraph.server;

import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * How much of the server one client may take, with Jetty's own handlers. In front of Fuseki, in
 * this order:
 * <ol>
 * <li>{@link SizeLimitHandler} on the dataset's routes: a request body over
 * {@link RequestGuard#MAX_QUERY_BYTES} is refused (413) before it is read, and an answer stops at
 * the response limit;</li>
 * <li>{@link PerClientLimit}: at most {@code perClient} requests of one address run at once,
 * the others wait without a thread;</li>
 * <li>{@link QoSHandler}: at most {@code active} requests run at once in all, the others wait
 * (503 after {@link #MAX_WAIT}).</li>
 * </ol>
 * The health check skips the two queues. A body must arrive at {@link #MIN_DATA_RATE} bytes a
 * second at least, and an answer be read as fast: a client that sends its body a byte at a time
 * holds a thread for a few seconds, and only one of its {@code perClient}.
 *
 * <p>Jetty's {@code EagerContentHandler}, which reads bodies without a thread, is not used: with
 * it, a query refused by Fuseki (400) left its connection hanging for the client's next request.
 *
 * @param threads        Jetty's thread pool (Fuseki's default is 20)
 * @param perClient      requests of one client address that run at once
 * @param active         requests that run at once in all
 * @param addressHeader  the header a reverse proxy puts the client's address in ({@code X-Forwarded-For}
 *                       or {@code Forwarded}); null takes the address of the connection
 */
public record ClientLimits(int threads, int perClient, int active, String addressHeader) {

    public static final ClientLimits DEFAULTS = new ClientLimits(100, 4, 32, null);
    static final long MIN_DATA_RATE = 1024;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    static final String PING = "/$/ping";
    /**
     * The health checks never wait: a load balancer sends them from the address it sends its
     * clients' queries from, and a replica that answers them late is taken for down.
     */
    static final java.util.Set<String> HEALTH = java.util.Set.of(PING, ReadyServlet.PATH);

    public ClientLimits {
        if (perClient < 1 || active < perClient || threads < active + 8) {
            throw new IllegalArgumentException("need 1 <= per client <= active, and 8 threads more than active");
        }
    }

    public ClientLimits withAddressHeader(String header) {
        return new ClientLimits(threads, perClient, active, header);
    }

    /** A body read by a blocked thread, and an answer, must move at {@link #MIN_DATA_RATE} bytes a second. */
    static void minimumDataRates(Server jetty) {
        for (Connector connector : jetty.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                HttpConfiguration config = http.getHttpConfiguration();
                config.setMinRequestDataRate(MIN_DATA_RATE);
                config.setMinResponseDataRate(MIN_DATA_RATE);
            }
        }
    }

    /** Wraps a built, not yet started, server's handler; the dataset's answers stop at {@code responseLimit} bytes. */
    void install(FusekiServer fuseki, String datasetPath, long responseLimit) {
        Server jetty = fuseki.getJettyServer();
        minimumDataRates(jetty);
        // Innermost first: at most `active` requests at once, of which `perClient` of one address.
        QoSHandler all = new QoSHandler(jetty.getHandler());
        all.setMaxRequestCount(active);
        all.setMaxSuspend(MAX_WAIT);
        HEALTH.forEach(all::excludePath);
        PerClientLimit each = new PerClientLimit(all, perClient, addressHeader);
        // A body declared or sent longer than a query may be is refused before it is read.
        SizeLimitHandler sizes = new SizeLimitHandler(RequestGuard.MAX_QUERY_BYTES, responseLimit) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                return path.equals(datasetPath) || path.startsWith(datasetPath + "/")
                        ? super.handle(request, response, callback)
                        : getHandler().handle(request, response, callback);
            }
        };
        sizes.setHandler(each);
        jetty.setHandler(new SecurityHeaders(sizes));
    }
}
