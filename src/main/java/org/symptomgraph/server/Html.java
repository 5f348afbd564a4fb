package org.symptomgraph.server;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The frame every HTML page shares. Pages are built as jsoup elements, so every text and attribute
 * is escaped by jsoup: a literal holding {@code <script>} shows as text.
 */
final class Html {

    static final String CYTOSCAPE = "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js";
    /** The layered layout of the graph view (graph.js hands its positions to Cytoscape). */
    static final String DAGRE = "/webjars/dagre/0.8.4/dist/dagre.min.js";
    static final String YASGUI_JS = "/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.js";
    static final String YASGUI_CSS = "/webjars/zazuko__yasgui/4.5.0/build/yasgui.min.css";
    /** The WebJar files the pages load: the only ones served (below /webjars). */
    static final java.util.Set<String> WEBJARS = java.util.Set.of(CYTOSCAPE, DAGRE, YASGUI_JS, YASGUI_CSS).stream()
            .map(p -> p.substring("/webjars".length())).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Html() {
    }

    /** A page with the site header; add content to the returned document's {@code main}. */
    static Document page(String title) {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(true);
        doc.head().appendElement("meta").attr("charset", "utf-8");
        doc.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        doc.title(title + " \u2014 symptomgraph");
        doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", "/static/style.css");
        Element header = doc.body().appendElement("header");
        header.appendElement("a").attr("href", "/").addClass("brand").text("symptomgraph");
        Element nav = header.appendElement("nav");
        nav.appendElement("a").attr("href", "/query").text("SPARQL query");
        nav.appendElement("a").attr("href", "/.well-known/void").text("Dataset (VoID)");
        nav.appendElement("a").attr("href", "/ontology").text("Ontology");
        doc.body().appendElement("main");
        return doc;
    }

    /**
     * The search box: a plain form to /search (works without script); search.js offers names as
     * the user types, from the label-search canned query.
     */
    static Element searchBox(Element parent, LocalLinks links) {
        // data-base: search.js turns an IRI of the graph into this server's path for it.
        Element form = parent.appendElement("form").addClass("search").attr("action", "/search").attr("method", "get")
                .attr("role", "search").attr("data-base", links.base());
        form.appendElement("label").attr("for", "q").addClass("visually-hidden").text("Search symptoms and causes");
        form.appendElement("input").attr("type", "search").attr("name", "q").id("q").attr("list", "suggestions")
                .attr("placeholder", "A symptom, cause, drug or brand name").attr("autocomplete", "off")
                .attr("minlength", "2").attr("required", "required");
        form.appendElement("datalist").id("suggestions");
        form.appendElement("button").attr("type", "submit").text("Search");
        parent.ownerDocument().body().appendElement("script").attr("src", "/static/search.js");
        return form;
    }

    static Element main(Document doc) {
        return doc.body().selectFirst("main");
    }

    /** JSON for a script element: "<" escaped so that no "</script>" can close it early. */
    static String scriptJson(String json) {
        return json.replace("<", "\\u003c");
    }
}
