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
import java.nio.charset.StandardCharsets;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.WebContent;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A 404: a page for a browser (with the search box and the way home), one line of text for
 * anything else. As a filter, it turns the 404 of any path nothing serves (Jetty's or Fuseki's
 * error page) into the same.
 */
final class NotFound implements Filter {

    private final LocalLinks links;

    NotFound(LocalLinks links) {
        this.links = links;
    }

    /** Plain text first: a client that takes anything gets the short answer. */
    private static final AcceptList OFFER = AcceptList.create(WebContent.contentTypeTextPlain,
            WebContent.contentTypeHTML, "application/xhtml+xml");

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status, String message) throws IOException {
                if (status == HttpServletResponse.SC_NOT_FOUND && !isCommitted()) {
                    resetBuffer();
                    send(request, response, links, "Nothing here at " + request.getRequestURI());
                } else {
                    super.sendError(status, message);
                }
            }

            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }
        });
    }

    private static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        MediaType chosen = accept == null || accept.isBlank() ? null : AcceptList.match(new AcceptList(accept), OFFER);
        return chosen != null && !chosen.getContentTypeStr().equals(WebContent.contentTypeTextPlain);
    }

    static void send(HttpServletRequest request, HttpServletResponse response, LocalLinks links, String message)
            throws IOException {
        if (!wantsHtml(request)) {
            RdfResponses.problem(response, HttpServletResponse.SC_NOT_FOUND, message);
            return;
        }
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(WebContent.contentTypeHTML);
        response.setCharacterEncoding(WebContent.charsetUTF8);
        RdfResponses.body(request, response, page(links, message).outerHtml().getBytes(StandardCharsets.UTF_8));
    }

    static Document page(LocalLinks links, String message) {
        Document doc = Html.page("Not found");
        Element main = Html.main(doc);
        main.appendElement("h1").text("Not found");
        main.appendElement("p").text(message + ".");
        Element p = main.appendElement("p").text("Search for a symptom or cause, or start from ");
        p.appendElement("a").attr("href", "/").text("the list of symptoms");
        p.appendText(".");
        Html.searchBox(main, links);
        return doc;
    }
}
