package org.symptomgraph.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ResourceServlet;
import org.eclipse.jetty.util.URIUtil;
import org.symptomgraph.dumps.Dumps;

/**
 * Serves the dumps at {@code /dumps/NAME} with Jetty's own resource serving: Content-Length,
 * Last-Modified, If-Modified-Since, HEAD, and byte ranges ({@code Accept-Ranges: bytes}, 206
 * Partial Content, several ranges as multipart/byteranges, 416). A stable name is served from the
 * newest generation's file, with the generation as a strong ETag (see {@link Dumps}).
 *
 * <p>Two conditions Jetty 12.1's ResourceService does not evaluate are evaluated here: If-None-Match
 * against that ETag, and If-Range (RFC 9110, 13.1.5): a range is served only when If-Range names
 * the current ETag (strong comparison) or exactly the Last-Modified date; otherwise the whole
 * dump, 200. So a mirror that resumes a download after the dump changed gets the new one whole,
 * never the new bytes after the old.
 */
final class DumpServlet extends ResourceServlet {

    static final String PATH = "/dumps";
    private static final String FILE = DumpServlet.class.getName() + ".file";
    private static final List<String> RANGE_HEADERS = List.of("range", "if-range");

    private final transient Dumps dumps;
    private final Map<String, String> settings;

    DumpServlet(Dumps dumps) {
        this.dumps = dumps;
        // Jetty's ETags are weak (from the file's date and size): the generation's own is strong.
        this.settings = Map.of("baseResource", dumps.directory().toUri().toString(), "dirAllowed", "false",
                "etags", "false", "acceptRanges", "true", "cacheControl", "no-cache");
    }

    /** The servlet's settings come from here, not from a web.xml. */
    @Override
    public String getInitParameter(String name) {
        return settings.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(settings.keySet());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getPathInfo();
        Optional<Dumps.Kind> kind = path == null ? Optional.empty() : Dumps.Kind.named(path.substring(1));
        if (kind.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Dumps.Made> made = dumps.newest();
        if (made.isEmpty()) {
            response.setHeader("Retry-After", "10");
            RdfResponses.problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The dumps are being written; try again in a few seconds.");
            return;
        }
        Path file = dumps.file(made.get(), kind.get());
        String etag = "\"" + made.get().generation() + "-" + kind.get().name().toLowerCase() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + kind.get().fileName() + "\"");
        if (matchesAny(request.getHeader("If-None-Match"), etag)) {
            response.setHeader("Cache-Control", "no-cache");
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        HttpServletRequest served = request.getHeader("Range") != null && request.getHeader("If-Range") != null
                && !ifRangeHolds(request.getHeader("If-Range"), etag, file) ? withoutRange(request) : request;
        served.setAttribute(FILE, "/" + file.getFileName());
        super.doGet(served, response);
    }

    /** The generation's file, not the stable name the client asked for. */
    @Override
    protected String getEncodedPathInContext(HttpServletRequest request, boolean included) {
        Object file = request.getAttribute(FILE);
        return file instanceof String name ? URIUtil.encodePath(name) : super.getEncodedPathInContext(request, included);
    }

    /** If-None-Match: "*" or a list of entity tags, compared weakly (RFC 9110, 13.1.2). */
    private static boolean matchesAny(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** If-Range: a strong entity tag equal to the current one, or exactly the Last-Modified date. */
    private static boolean ifRangeHolds(String ifRange, String etag, Path file) throws IOException {
        String v = ifRange.strip();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return v.equals(etag);
        }
        try {
            long date = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
            return date == Files.getLastModifiedTime(file).toInstant().getEpochSecond();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The request without its Range and If-Range headers: Jetty then sends the whole file. */
    private static HttpServletRequest withoutRange(HttpServletRequest request) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return RANGE_HEADERS.contains(name.toLowerCase()) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return RANGE_HEADERS.contains(name.toLowerCase()) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(h -> !RANGE_HEADERS.contains(h.toLowerCase())).toList());
            }
        };
    }
}
