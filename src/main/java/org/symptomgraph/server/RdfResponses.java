package org.symptomgraph.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.system.ConNeg;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.WebContent;

/** Writes RDF to an HTTP response in the format the client's Accept header prefers. */
final class RdfResponses {

    private RdfResponses() {
    }

    /** An error with a plain-text message a person can read (Jetty's error page would hide it). */
    static void problem(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding(WebContent.charsetUTF8);
        response.getWriter().println(message);
    }

    static void send(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        send(request, response, model, DEF.rdfOffer);
    }

    static void send(HttpServletRequest request, HttpServletResponse response, Model model, AcceptList offer)
            throws IOException {
        MediaType type = ConNeg.chooseContentType(request, offer, DEF.acceptTurtle);
        Lang lang = RDFLanguages.contentTypeToLang(type.getContentTypeStr());
        if (lang == null) {
            lang = Lang.TURTLE;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Vary", "Accept");
        write(request, response, lang, model);
    }

    /** The model in a format, with its Content-Type. */
    static void write(HttpServletRequest request, HttpServletResponse response, Lang lang, Model model)
            throws IOException {
        response.setContentType(lang.getContentType().getContentTypeStr());
        response.setCharacterEncoding(WebContent.charsetUTF8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, lang);
        body(request, response, out.toByteArray());
    }

    /**
     * A whole body with its length: a HEAD gets the length a GET would have, without the bytes
     * (the pages and descriptions are small; made first, they are measured exactly).
     */
    static void body(HttpServletRequest request, HttpServletResponse response, byte[] body) throws IOException {
        response.setContentLengthLong(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
        }
    }
}
