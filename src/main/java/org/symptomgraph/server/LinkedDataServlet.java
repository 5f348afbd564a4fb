package org.symptomgraph.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;
import org.jsoup.nodes.Document;
import org.symptomgraph.rdf.Vocab;

/**
 * Makes every IRI the graph mints resolve: {@code BASE + PATH} at {@code /PATH}, as an HTML page
 * for people and as Turtle, N-Triples, JSON-LD or RDF/XML for machines, by Accept header or by a
 * file extension on the path.
 */
final class LinkedDataServlet extends HttpServlet {

    /** The first type serves clients that accept anything ({@code *}{@code /*}): machines, mostly. */
    private static final String XHTML = "application/xhtml+xml";
    private static final AcceptList OFFER = AcceptList.create(WebContent.contentTypeTurtle,
            WebContent.contentTypeHTML, XHTML, WebContent.contentTypeNTriples,
            WebContent.contentTypeJSONLD, WebContent.contentTypeRDFXML);
    private static final Map<String, String> EXTENSIONS = Map.of(".ttl", WebContent.contentTypeTurtle,
            ".nt", WebContent.contentTypeNTriples, ".jsonld", WebContent.contentTypeJSONLD,
            ".rdf", WebContent.contentTypeRDFXML, ".html", WebContent.contentTypeHTML);
    /** The paths under which the graph mints IRIs. */
    static final List<String> PATHS = List.of("symptom", "cause", "drug", "anatomy", "document", "graph", "mapping",
            "software");

    private final LocalLinks links;
    private final Describer describer;
    private final ResourcePage page;
    private final Model ontology;

    LinkedDataServlet(LocalLinks links, Describer describer) {
        this.links = links;
        this.describer = describer;
        this.page = new ResourcePage(links);
        this.ontology = loadOntology();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String type = null;
        for (Map.Entry<String, String> e : EXTENSIONS.entrySet()) {
            if (path.endsWith(e.getKey())) {
                path = path.substring(0, path.length() - e.getKey().length());
                type = e.getValue();
            }
        }
        response.setHeader("Vary", "Accept");
        if (type == null) {
            String accept = request.getHeader("Accept");
            MediaType chosen = accept == null || accept.isBlank() ? MediaType.create(WebContent.contentTypeTurtle)
                    : AcceptList.match(new AcceptList(accept), OFFER);
            if (chosen == null) {
                RdfResponses.problem(response, HttpServletResponse.SC_NOT_ACCEPTABLE,
                        "Available: text/html, text/turtle, application/n-triples, application/ld+json, application/rdf+xml");
                return;
            }
            type = chosen.getContentTypeStr();
        }
        boolean html = type.equals(WebContent.contentTypeHTML) || type.equals(XHTML);

        if (path.equals("/ontology")) {
            if (html) {
                sendHtml(request, response, OntologyPage.render(ontology, links));
            } else {
                sendRdf(request, response, ontology, type);
            }
            return;
        }
        String iri = links.iriOf(path);
        Model description = describer.describe(iri);
        if (description.isEmpty()) {
            NotFound.send(request, response, links, "The graph holds no data about " + iri);
            return;
        }
        if (html) {
            sendHtml(request, response, page.render(iri, description, describer));
        } else {
            sendRdf(request, response, description.setNsPrefixes(Vocab.prefixes(links.base())), type);
        }
    }

    static void sendRdf(HttpServletRequest request, HttpServletResponse response, Model model, String type)
            throws IOException {
        RdfResponses.write(request, response, RDFLanguages.contentTypeToLang(type), model);
    }

    static void sendHtml(HttpServletRequest request, HttpServletResponse response, Document doc) throws IOException {
        response.setContentType(WebContent.contentTypeHTML);
        response.setCharacterEncoding(WebContent.charsetUTF8);
        RdfResponses.body(request, response, doc.outerHtml().getBytes(StandardCharsets.UTF_8));
    }

    private static Model loadOntology() {
        Model m = ModelFactory.createDefaultModel();
        try (InputStream in = LinkedDataServlet.class.getResourceAsStream("/ontology/symptomgraph.ttl")) {
            RDFDataMgr.read(m, in, Lang.TURTLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
