package org.symptomgraph.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.jetty.http.QuotedCSV;

/**
 * Validators and lifetimes for every GET (and HEAD) of an answer that depends only on the data:
 * a weak {@code ETag} per representation (the served version, {@link ServedVersion}, and a hash of
 * the Accept header, since Accept chooses the format), {@code Last-Modified}, {@code Vary: Accept}
 * (with Origin, which CORS adds), and {@code Cache-Control: public, max-age=N} (N from
 * {@code serve --cache-max-age}; 0, the default, with {@code must-revalidate}: a cache asks again
 * every time, and a 304 costs no query). A request whose {@code If-None-Match} (or, without one,
 * {@code If-Modified-Since}) still holds gets 304 before any work is done.
 *
 * <p>Not cached: anything but GET and HEAD, errors ({@code no-store}: the filter takes its
 * validators back from any answer that is not 2xx), queries whose answer changes from one run to
 * the next (NOW, RAND, UUID, STRUUID, BNODE, SERVICE), and every answer until the server is ready
 * (its VoID description counted), as the readiness route says.
 */
final class CacheValidators implements Filter {

    /** Functions that make a query's answer differ between runs on the same data. */
    private static final List<String> UNREPEATABLE_FUNCTIONS = List.of("now", "rand", "uuid", "struuid", "bnode");

    private final ServedVersion version;
    private final BooleanSupplier ready;
    private final Predicate<String> dataPath;
    private final Function<HttpServletRequest, String> queryText;
    private final String cacheControl;

    /**
     * @param dataPath  which paths (below the context) answer from the data only
     * @param queryText the SPARQL a request runs (null for none), to leave out queries that are unrepeatable
     * @param maxAge    how long a cache may reuse an answer without asking
     */
    CacheValidators(ServedVersion version, BooleanSupplier ready, Predicate<String> dataPath,
            Function<HttpServletRequest, String> queryText, Duration maxAge) {
        this.version = version;
        this.ready = ready;
        this.dataPath = dataPath;
        this.queryText = queryText;
        this.cacheControl = cacheControl(maxAge);
    }

    /**
     * Whether the query calls one of the {@link #UNREPEATABLE_FUNCTIONS} or another endpoint
     * (SERVICE), in any case, as a word: {@code \\b(NOW|...)\\s*\\(|\\bSERVICE\\b}, searched with
     * indexOf because a regular expression over a commented canned query cost half a millisecond
     * of every request.
     */
    static boolean unrepeatable(String query) {
        String text = query.toLowerCase(Locale.ROOT);
        for (String function : UNREPEATABLE_FUNCTIONS) {
            for (int at = text.indexOf(function); at >= 0; at = text.indexOf(function, at + 1)) {
                int after = at + function.length();
                while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                    after++;
                }
                if (wordStartsAt(text, at) && after < text.length() && text.charAt(after) == '(') {
                    return true;
                }
            }
        }
        for (int at = text.indexOf("service"); at >= 0; at = text.indexOf("service", at + 1)) {
            if (wordStartsAt(text, at) && !isWordChar(text, at + "service".length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordStartsAt(String text, int at) {
        return !isWordChar(text, at - 1);
    }

    /** As a regular expression's word boundary sees characters: letters, digits and the underscore. */
    private static boolean isWordChar(String text, int at) {
        if (at < 0 || at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_';
    }

    static String cacheControl(Duration maxAge) {
        return maxAge.isZero() ? "public, max-age=0, must-revalidate" : "public, max-age=" + maxAge.toSeconds();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!("GET".equals(method) || "HEAD".equals(method)) || !dataPath.test(path)) {
            chain.doFilter(request, response);
            return;
        }
        Validated validated = new Validated(response);
        validated.addHeader("Vary", "Accept");
        String query = queryText.apply(request);
        if (!ready.getAsBoolean() || query != null && unrepeatable(query)) {
            validated.setHeader("Cache-Control", "no-store");
            chain.doFilter(request, validated);
            return;
        }
        ServedVersion.State state = version.current();
        String etag = "W/\"" + state.validator() + "-" + ServedVersion.hash(String.valueOf(request.getHeader("Accept")), 6)
                + "\"";
        response.setHeader("ETag", etag);
        // An HTTP date has whole seconds: one within the last second could name the next import's
        // second too, and a client that revalidates by date alone would miss that import. So it is
        // sent once a second has passed (RFC 9110, 8.8.2.2: such a date is a weak validator).
        if (state.lastModified() >= 0 && System.currentTimeMillis() - state.lastModified() >= 1000) {
            response.setDateHeader("Last-Modified", state.lastModified());
        }
        response.setHeader("Cache-Control", cacheControl);
        validated.keepCacheControl();
        if (notModified(request, etag, state.lastModified())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        try {
            chain.doFilter(request, validated);
        } catch (IOException | ServletException | RuntimeException e) {
            validated.uncache();
            throw e;
        }
    }

    /** If-None-Match (weak comparison) when the request has one, else If-Modified-Since (whole seconds). */
    static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            if (ifNoneMatch.strip().equals("*")) {
                return true; // any current representation matches (RFC 9110, 13.1.2)
            }
            String opaque = withoutWeak(etag);
            for (String tag : new QuotedCSV(true, ifNoneMatch)) {
                if (withoutWeak(tag).equals(opaque)) {
                    return true;
                }
            }
            return false;
        }
        long since;
        try {
            since = request.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        // A date later than the server's clock is no date the server sent: ignored, as a bad one is.
        return since >= 0 && since <= System.currentTimeMillis() && lastModified >= 0
                && lastModified / 1000 <= since / 1000;
    }

    private static String withoutWeak(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /**
     * The response on its way: an answer that is not 2xx loses its validators and is not stored;
     * a Vary set further in (the pages, the catalogue) adds to the one here rather than replacing
     * Origin, which CORS put there; and while the answer is cacheable, Fuseki's {@code no-store}
     * (it sets one on every query answer) does not replace the Cache-Control here.
     */
    private static final class Validated extends HttpServletResponseWrapper {

        private final Set<String> vary = new LinkedHashSet<>();
        private boolean keepCacheControl;

        Validated(HttpServletResponse response) {
            super(response);
            for (String value : response.getHeaders("Vary")) {
                new QuotedCSV(false, value).forEach(vary::add);
            }
        }

        void keepCacheControl() {
            keepCacheControl = true;
        }

        void uncache() {
            keepCacheControl = false;
            if (!isCommitted()) {
                super.setHeader("ETag", null);
                super.setHeader("Last-Modified", null);
                super.setHeader("Cache-Control", "no-store");
            }
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status);
            if (status < 200 || status >= 300) {
                uncache();
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            uncache();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            uncache();
            super.sendError(status);
        }

        @Override
        public void setHeader(String name, String value) {
            if ("Vary".equalsIgnoreCase(name) && value != null) {
                addHeader(name, value);
            } else if (keepCacheControl && ("Cache-Control".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name))) {
                return;
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if ("Vary".equalsIgnoreCase(name)) {
                new QuotedCSV(false, value).forEach(vary::add);
                super.setHeader("Vary", String.join(", ", vary));
            } else if (keepCacheControl && ("Cache-Control".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name))) {
                return;
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
