package org.symptomgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Set;

/**
 * Serves files shipped in the jar: the server's own scripts and styles, and of the WebJars
 * (Cytoscape.js, YASGUI) only the files the pages load, never their demo pages. Only plain names
 * are looked up, so no path can climb out of the folder; no HTML is served from here.
 */
final class ClasspathFiles extends HttpServlet {

    /** Every plain name under the folder. */
    static final Set<String> ANY = null;

    private static final Map<String, String> TYPES = Map.of("js", "text/javascript", "mjs", "text/javascript",
            "css", "text/css", "svg", "image/svg+xml", "png", "image/png", "woff2", "font/woff2", "map",
            "application/json", "json", "application/json");

    /** The server's own files: their paths stay the same from one release to the next. */
    static final String DAILY = "public, max-age=86400";
    /** The WebJars' paths carry their versions: a path never names other bytes. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final String root;
    private final Set<String> served;
    private final String cacheControl;

    /**
     * @param root   the classpath folder behind the servlet's path, e.g. "web" or "META-INF/resources/webjars"
     * @param served the paths below it that are served ({@link #ANY}: all)
     * @param cacheControl how long caches keep them ({@link #DAILY}, {@link #IMMUTABLE})
     */
    ClasspathFiles(String root, Set<String> served, String cacheControl) {
        this.root = root;
        this.served = served;
        this.cacheControl = cacheControl;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.matches("(/[A-Za-z0-9_][A-Za-z0-9_.@-]*)+") || path.contains("..")
                || served != ANY && !served.contains(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        InputStream in = type == null ? null : getClass().getResourceAsStream("/" + root + path);
        if (in == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setCharacterEncoding("utf-8");
        response.setHeader("Cache-Control", cacheControl);
        try (in; OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
