package org.symptomgraph.server;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.HttpInput;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.util.NanoTime;

/**
 * The first filter of the public server, ahead of Fuseki's CORS filter:
 * <ul>
 * <li>a query string longer than {@link #MAX_QUERY_BYTES} is refused (414);</li>
 * <li>a request to the dataset carrying a body (a query by POST) must say how long it is: 411
 * otherwise, before Fuseki reads or parses anything (a body over {@link #MAX_QUERY_BYTES} was
 * refused before it was read, by {@link ClientLimits});</li>
 * <li>after a refusal (4xx, 5xx), what is left of a small request body is read, so that the
 * connection stays open for the client's next request, unless reading it could fail Jetty's
 * minimum data rate (which would cut the answer short).</li>
 * </ul>
 */
public final class RequestGuard implements Filter {

    /** Longest query (or form) a POST to the dataset may carry, and longest query string of any request. */
    public static final long MAX_QUERY_BYTES = 128 * 1024;

    /**
     * Largest body read and dropped after a refusal. Jetty closes a connection whose request body
     * was not read; a client still sending may then see a reset rather than the answer, and a
     * keep-alive client loses the connection. Reading what is left of a body up to this size (as
     * Tomcat's maxSwallowSize does) avoids both; a larger one is left, and the connection closed.
     */
    private static final long SWALLOW_BYTES = 2 * 1024 * 1024;
    /** Time allowed for reading what is left of a body, in the check that Jetty's data rate holds. */
    private static final long READ_MARGIN_MILLIS = 10;

    private final String datasetPath;

    RequestGuard(String datasetPath) {
        this.datasetPath = datasetPath;
    }

    /** Puts the guard first in the chain of a built, not yet started, server. */
    static void install(FusekiServer server, String datasetPath) {
        ServletContextHandler context = ServletContextHandler.getServletContextHandler(server.getServletContext());
        FilterHolder holder = new FilterHolder(new RequestGuard(datasetPath));
        holder.setName("symptomgraph-request-guard");
        FilterMapping mapping = new FilterMapping();
        mapping.setFilterName(holder.getName());
        mapping.setPathSpec("/*");
        mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
        context.getServletHandler().prependFilter(holder);
        context.getServletHandler().prependFilterMapping(mapping);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        guard(request, response, chain);
        afterRefusal(request, response);
    }

    /**
     * A refusal (4xx, 5xx) leaves the body unread, and Jetty then closes the connection after the
     * answer: a client that reuses it finds it gone. Sending the answer, then reading what is left of
     * a small body, keeps the connection; where the body is left, the answer says
     * {@code Connection: close}, so that no client pools the connection. The admin route calls it too.
     */
    static void afterRefusal(HttpServletRequest request, HttpServletResponse response) {
        if (response.getStatus() < 400) {
            return;
        }
        try {
            switch (leftover(request)) {
                case NONE -> { }
                case SMALL -> {
                    response.flushBuffer();
                    drop(request.getInputStream());
                }
                case LEFT -> {
                    if (!response.isCommitted()) {
                        response.setHeader("Connection", "close");
                    }
                }
            }
        } catch (IOException gone) {
            // The client went away; Jetty closes the connection, as without this.
        }
    }

    /** What is left of a request body after a refusal: nothing, a small part to read, or a part to leave. */
    private enum Leftover { NONE, SMALL, LEFT }

    private static Leftover leftover(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
            return Leftover.NONE;
        }
        if (declared > SWALLOW_BYTES) {
            return Leftover.LEFT;
        }
        ServletInputStream in;
        try {
            in = request.getInputStream();
        } catch (IllegalStateException readAsText) {
            return Leftover.NONE; // read through getReader(): nothing left to drop
        }
        if (in.isFinished()) {
            return Leftover.NONE;
        }
        return tooLateToRead(request, in) ? Leftover.LEFT : Leftover.SMALL;
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String queryString = request.getQueryString();
        if (queryString != null && queryString.length() > MAX_QUERY_BYTES) {
            refuse(response, HttpServletResponse.SC_REQUEST_URI_TOO_LONG,
                    "A query string may have at most " + MAX_QUERY_BYTES + " characters; POST a long query");
            return;
        }
        if ((path.equals(datasetPath) || path.startsWith(datasetPath + "/"))
                && ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))) {
            long length = request.getContentLengthLong();
            if (length < 0) {
                refuse(response, HttpServletResponse.SC_LENGTH_REQUIRED, "Send a Content-Length");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Reads and drops what is left of a request body, up to {@link #SWALLOW_BYTES}. */
    private static void drop(ServletInputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long read = 0;
        for (int n; read <= SWALLOW_BYTES && (n = in.read(buffer)) >= 0; ) {
            read += n;
        }
    }

    /**
     * Whether a read now could fail Jetty's minimum request data rate ({@link ClientLimits#MIN_DATA_RATE}),
     * which divides the bytes of the body taken in by the time since the first of them was, and aborts an
     * answer already sent when it fails: a small body read long before a refusal that took its time (a
     * document read and rejected, under load) is not a slow client, but would fail it. The time since the
     * request began bounds Jetty's from above; a body not read yet is not timed yet.
     */
    private static boolean tooLateToRead(HttpServletRequest request, ServletInputStream in) {
        ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
        if (!(in instanceof HttpInput jettyInput) || jettyRequest == null) {
            return false;
        }
        long arrived = jettyInput.getContentReceived();
        long millis = TimeUnit.NANOSECONDS.toMillis(NanoTime.since(jettyRequest.getBeginNanoTime()));
        return arrived > 0 && ClientLimits.MIN_DATA_RATE * (millis + READ_MARGIN_MILLIS) / 1000 >= arrived;
    }

    /** An error without any CORS header, so a browser shows the other site nothing. */
    static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        if (!response.isCommitted()) {
            response.reset();
        }
        response.setHeader("Cache-Control", "no-store");
        RdfResponses.problem(response, status, message);
    }
}
