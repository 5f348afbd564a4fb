package org.symptomgraph.server;

import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.queries.QueryRunner;

/** The front page: a search box, every symptom with its number of causes, and the ways in for machines. */
final class HomePage {

    /** More symptoms than this are left to the search box (a generated corpus has 100,000). */
    static final int MOST_LISTED = 5000;

    private static final String SYMPTOMS = """
            PREFIX schema: <https://schema.org/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?s (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?c) AS ?causes)
            WHERE { ?s a schema:MedicalSignOrSymptom ; rdfs:label ?l ; schema:cause ?c }
            GROUP BY ?s ORDER BY ?label LIMIT\s""" + (MOST_LISTED + 1);

    private HomePage() {
    }

    static Document render(Dataset dataset, LocalLinks links, String endpointUrl) {
        Document doc = Html.page("Symptoms and their causes");
        Element main = Html.main(doc);
        main.appendElement("h1").text("Symptoms and their causes");
        main.appendElement("p").addClass("lead").text("A knowledge graph read from consumer-health pages: each "
                + "symptom, the categories its causes fall into, the causes, drugs and their brand names, and the "
                + "page and sentence every statement comes from.");
        Html.searchBox(main, links);

        Element list = main.appendElement("section").id("symptoms");
        Element heading = list.appendElement("h2").text("Symptoms");
        Element ul = list.appendElement("ul").addClass("symptom-list");
        int[] listed = {0};
        dataset.executeRead(() -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(SYMPTOMS).build()) {
                qe.execSelect().forEachRemaining(row -> {
                    if (++listed[0] > MOST_LISTED) {
                        return;
                    }
                    Element li = ul.appendElement("li");
                    li.appendElement("a").attr("href", links.href(row.getResource("s").getURI()))
                            .text(row.getLiteral("label").getLexicalForm());
                    long causes = row.getLiteral("causes").getLong();
                    li.appendElement("span").addClass("count").text(causes + (causes == 1 ? " cause" : " causes"));
                });
            }
        });
        heading.appendText(" (" + Math.min(listed[0], MOST_LISTED) + (listed[0] > MOST_LISTED ? "+" : "") + ")");
        if (listed[0] > MOST_LISTED) {
            list.appendElement("p").addClass("hint").text("The first " + MOST_LISTED + " by name; search for the others.");
        }

        Element machines = main.appendElement("section").id("data");
        machines.appendElement("h2").text("For machines and researchers");
        Element dl = machines.appendElement("ul").addClass("ways-in");
        link(dl, "/query", "SPARQL query editor", "with the canned queries one click away");
        link(dl, "/symptomgraph/queries", "Query catalogue", "every canned query, its parameters and its URL (JSON)");
        link(dl, "/.well-known/void", "Dataset description", "VoID: size, vocabularies, links, dumps");
        link(dl, "/ontology", "Ontology", "the classes and properties the graph uses");
        Element endpoint = dl.appendElement("li");
        endpoint.appendText("SPARQL endpoint: ");
        endpoint.appendElement("code").text(endpointUrl);
        return doc;
    }

    private static void link(Element list, String href, String text, String what) {
        Element li = list.appendElement("li");
        li.appendElement("a").attr("href", href).text(text);
        li.appendText(" \u2014 " + what);
    }

    /** The search results page: names, other names and abbreviations that contain the text. */
    static Document search(QueryCatalog catalog, Dataset dataset, LocalLinks links, String text) {
        String q = text == null ? "" : text.strip();
        Document doc = Html.page(q.isEmpty() ? "Search" : "Search: " + q);
        Element main = Html.main(doc);
        main.appendElement("h1").text("Search");
        Element form = Html.searchBox(main, links);
        form.selectFirst("input").val(q);
        if (q.length() < 2) {
            main.appendElement("p").text("Type at least two letters of a symptom, cause or drug.");
            return doc;
        }
        ResultSet rows;
        try {
            rows = QueryRunner.select(dataset, catalog.get("label-search").orElseThrow().bind(Map.of("text", q)));
        } catch (QueryParseException e) {
            // A text the index cannot search with (too many words): said as the short text above is.
            main.appendElement("p").text("Type fewer words: " + e.getMessage());
            return doc;
        }
        Element ul = main.appendElement("ul").addClass("results");
        int[] found = {0};
        rows.forEachRemaining(row -> {
            found[0]++;
            Element li = ul.appendElement("li");
            li.appendElement("a").attr("href", links.href(row.getResource("entity").getURI()))
                    .text(row.getLiteral("label").getLexicalForm());
            li.appendElement("span").addClass("tag").text(row.getLiteral("type").getLexicalForm());
            String matched = row.getLiteral("matched").getLexicalForm();
            if (!matched.equals(row.getLiteral("label").getLexicalForm())) {
                li.appendElement("span").addClass("aka").text("matched: " + matched);
            }
        });
        main.insertChildren(2, new Element("p").addClass("hint")
                .text(found[0] == 0 ? "Nothing found for \u201c" + q + "\u201d." : found[0] + " found."));
        return doc;
    }
}
