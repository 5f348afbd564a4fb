package org.symptomgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import org.apache.jena.rdf.model.Model;
import org.jsoup.nodes.Document;

/** Pages and descriptions that are not resources of the graph: home, query page, VoID description. */
final class SiteServlet extends HttpServlet {

    private final Function<HttpServletRequest, Document> page;
    private final Model rdf;

    private SiteServlet(Function<HttpServletRequest, Document> page, Model rdf) {
        this.page = page;
        this.rdf = rdf;
    }

    static SiteServlet page(Function<HttpServletRequest, Document> page) {
        return new SiteServlet(page, null);
    }

    /** RDF by content negotiation (Turtle unless asked otherwise); HTML readers get it as Turtle too. */
    static SiteServlet rdf(Model model) {
        return new SiteServlet(null, model);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (page != null) {
            LinkedDataServlet.sendHtml(request, response, page.apply(request));
        } else {
            RdfResponses.send(request, response, rdf);
        }
    }
}
