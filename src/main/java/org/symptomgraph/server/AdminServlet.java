package org.symptomgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.riot.WebContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symptomgraph.importer.ImportReport;
import org.symptomgraph.importer.ImportedDocument;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.Backups;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.store.RemoteImport;

/**
 * The admin route, on the admin server's own port ({@link AdminServer}), off unless a password
 * file is configured ({@code serve --admin-password-file}):
 * <ul>
 * <li>{@code PUT /$/admin/documents/NAME} with a document's bytes (NAME a plain file name ending in
 * .txt, .html or .htm): parsed, mapped and stored exactly like {@code import}, the graph replaced
 * whole in one write transaction. 200 with JSON (graph, outcome, the summary line, the names found,
 * warnings); 400 with the file:line message for a bad document; 413 above {@link RemoteImport#MAX_DOCUMENT_BYTES}.</li>
 * <li>{@code GET /$/admin/backup}: the whole dataset as gzip N-Quads, read in one transaction.</li>
 * </ul>
 * Jetty checks HTTP Basic against the password file before a request gets here (401 otherwise).
 * A request a browser sends for another site is refused (403) even with valid credentials.
 */
public final class AdminServlet extends HttpServlet {

    /** The admin route's prefix. */
    public static final String PATH = "/$/admin";
    private static final Logger LOG = LoggerFactory.getLogger(AdminServlet.class);

    private final GraphStore store;
    private final Importer importer;

    public AdminServlet(GraphStore store, Iris iris) {
        this.store = store;
        // Reading and storing one document keeps no state between calls: one importer serves every request.
        this.importer = Importer.create().iris(iris).store(store).build();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            route(request, response);
        } finally {
            RequestGuard.afterRefusal(request, response);
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (crossOrigin(request)) {
            RdfResponses.problem(response, HttpServletResponse.SC_FORBIDDEN, "The admin route takes no cross-origin requests");
            return;
        }
        String principal = request.getUserPrincipal() == null ? "?" : request.getUserPrincipal().getName();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        if (path.startsWith("/documents/")) {
            if (!method.equals("PUT") && !method.equals("POST")) {
                response.setHeader("Allow", "PUT, POST");
                RdfResponses.problem(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "PUT a document here");
                return;
            }
            putDocument(request, response, path.substring("/documents/".length()), principal);
        } else if (path.equals("/backup")) {
            if (!method.equals("GET")) {
                response.setHeader("Allow", "GET");
                RdfResponses.problem(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "GET the backup");
                return;
            }
            backup(response, principal);
        } else {
            RdfResponses.problem(response, HttpServletResponse.SC_NOT_FOUND,
                    "Admin routes: PUT " + PATH + "/documents/NAME, GET " + PATH + "/backup");
        }
    }

    /**
     * A request a browser sends on behalf of another site: an Origin that is not this server's, or
     * Fetch metadata saying so. Tools (curl, import --endpoint) send neither.
     */
    static boolean crossOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        String own = request.getScheme() + "://" + (host == null ? "" : host);
        return !origin.toLowerCase(Locale.ROOT).equals(own.toLowerCase(Locale.ROOT));
    }

    private void putDocument(HttpServletRequest request, HttpServletResponse response, String name, String principal)
            throws IOException {
        if (!RemoteImport.DOCUMENT_NAME.matcher(name).matches()) {
            RdfResponses.problem(response, HttpServletResponse.SC_BAD_REQUEST,
                    "A document's name is a plain file name ending in .txt, .html or .htm");
            return;
        }
        long declared = request.getContentLengthLong();
        byte[] bytes = null;
        if (declared <= RemoteImport.MAX_DOCUMENT_BYTES) {
            try (InputStream in = request.getInputStream()) {
                bytes = in.readNBytes(RemoteImport.MAX_DOCUMENT_BYTES + 1);
            }
        }
        if (bytes == null || bytes.length > RemoteImport.MAX_DOCUMENT_BYTES) {
            RdfResponses.problem(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "A document may have at most " + RemoteImport.MAX_DOCUMENT_BYTES + " bytes");
            return;
        }
        ImportedDocument imported;
        try {
            imported = importer.importDocument(name, bytes);
        } catch (DocumentException e) {
            RdfResponses.problem(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        DocumentGraph graph = imported.graph();
        GraphStore.Outcome outcome = imported.outcome().orElseThrow();
        LOG.info("admin: {} stored {} as <{}> ({})", principal, name, graph.name(),
                outcome.name().toLowerCase(Locale.ROOT));

        JsonObject json = new JsonObject();
        json.put("file", name);
        json.put("graph", graph.name());
        json.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
        // What a local import prints for the document, and what its summary counts.
        json.put("summary", imported.summary());
        ImportReport.Found found = ImportReport.Found.in(graph.model());
        JsonObject names = new JsonObject();
        names.put("symptoms", strings(found.symptoms()));
        names.put("causes", strings(found.causes()));
        names.put("drugs", strings(found.drugs()));
        names.put("brands", strings(found.brands()));
        json.put("found", names);
        JsonArray warnings = new JsonArray();
        imported.warnings().forEach(w -> warnings.add(w.toString()));
        json.put("warnings", warnings);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(WebContent.contentTypeJSON);
        response.setCharacterEncoding(WebContent.charsetUTF8);
        try (OutputStream out = response.getOutputStream()) {
            out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static JsonArray strings(java.util.Collection<String> values) {
        JsonArray array = new JsonArray();
        values.stream().sorted().forEach(array::add);
        return array;
    }

    private void backup(HttpServletResponse response, String principal) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(Instant.now().atOffset(ZoneOffset.UTC));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/gzip");
        response.setHeader("Content-Disposition", "attachment; filename=\"symptomgraph-" + stamp + ".nq.gz\"");
        try (OutputStream out = response.getOutputStream()) {
            long quads = Backups.write(store.dataset(), out);
            LOG.info("admin: {} downloaded a backup ({} quads)", principal, quads);
        }
    }
}
