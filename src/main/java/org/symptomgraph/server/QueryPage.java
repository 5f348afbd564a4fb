package org.symptomgraph.server;

import java.util.Map;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.symptomgraph.queries.CannedQuery;
import org.symptomgraph.queries.QueryCatalog;

/** A SPARQL editor (YASGUI) on the endpoint, with the canned queries one click away. */
final class QueryPage {

    private QueryPage() {
    }

    static Document render(QueryCatalog catalog, String endpointPath) {
        Document doc = Html.page("SPARQL query");
        doc.head().appendElement("link").attr("rel", "stylesheet").attr("href", Html.YASGUI_CSS);
        Element main = Html.main(doc);
        main.appendElement("h1").text("SPARQL query");
        main.appendElement("p").text("Endpoint: " + endpointPath + " (read-only; results as JSON, XML, CSV, TSV; "
                + "graphs as Turtle, N-Triples, JSON-LD, RDF/XML).");
        Element examples = main.appendElement("section");
        examples.appendElement("h2").text("Canned queries");
        Element list = examples.appendElement("ul").addClass("examples");
        JsonArray json = new JsonArray();
        for (CannedQuery q : catalog.all()) {
            Element li = list.appendElement("li");
            li.appendElement("a").attr("href", "?example=" + q.name()).attr("data-example", q.name()).text(q.title());
            li.appendElement("span").addClass("datatype").text(q.name());
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("title", q.title());
            o.put("query", editorText(q));
            json.add(o);
        }
        main.appendElement("div").id("yasgui").attr("data-endpoint", endpointPath);
        main.appendElement("script").attr("type", "application/json").id("examples")
                .appendChild(new DataNode(Html.scriptJson(json.toString())));
        doc.body().appendElement("script").attr("src", Html.YASGUI_JS);
        doc.body().appendElement("script").attr("src", "/static/query.js");
        return doc;
    }

    /** With its defaults bound the query runs as it stands; one with a required parameter shows it to fill in. */
    private static String editorText(CannedQuery q) {
        try {
            return q.bind(Map.of()).serialize();
        } catch (IllegalArgumentException requiredParameter) {
            return q.text();
        }
    }
}
