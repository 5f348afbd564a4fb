package org.symptomgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.riot.WebContent;

/**
 * {@code /$/ready}: whether this server serves (200) or not yet (503: its VoID description is being
 * counted), and the version of the data it serves, in JSON. Replicas that answer the same
 * {@code version} hold the same data: a load balancer checks the status, an operator compares the
 * versions. ({@code /$/ping} only says the process answers.)
 */
final class ReadyServlet extends HttpServlet {

    static final String PATH = "/$/ready";

    private final ServedVersion version;
    private final BooleanSupplier ready;

    ReadyServlet(ServedVersion version, BooleanSupplier ready) {
        this.version = version;
        this.ready = ready;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean serves = ready.getAsBoolean();
        ServedVersion.State state = version.current();
        JsonObject json = new JsonObject();
        json.put("ready", serves);
        json.put("version", state.token());
        if (state.data().modified() != null) {
            json.put("modified", state.data().modified());
        }
        json.put("documents", state.data().documents());
        if (state.newestImport() != null) {
            json.put("newestImport", state.newestImport());
        }
        response.setStatus(serves ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        if (!serves) {
            response.setHeader("Retry-After", "5");
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(WebContent.contentTypeJSON);
        response.setCharacterEncoding(WebContent.charsetUTF8);
        RdfResponses.body(request, response, (json + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
