package org.symptomgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;
import org.jsoup.nodes.Document;

/** Pages and descriptions that are not resources of the graph: home, query page, VoID description. */
final class SiteServlet extends HttpServlet {

    private final Function<HttpServletRequest, Document> page;
    private final Supplier<Model> rdf;

    private SiteServlet(Function<HttpServletRequest, Document> page, Supplier<Model> rdf) {
        this.page = page;
        this.rdf = rdf;
    }

    static SiteServlet page(Function<HttpServletRequest, Document> page) {
        return new SiteServlet(page, null);
    }

    /** RDF by content negotiation (Turtle unless asked otherwise); 503 while it is being made. */
    static SiteServlet rdf(Supplier<Model> model) {
        return new SiteServlet(null, model);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (page != null) {
            LinkedDataServlet.sendHtml(request, response, page.apply(request));
        } else if (rdf.get() == null) {
            response.setHeader("Retry-After", "5");
            RdfResponses.problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The dataset description is being counted; try again in a few seconds.");
        } else {
            RdfResponses.send(request, response, rdf.get());
        }
    }
}
