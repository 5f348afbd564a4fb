package org.symptomgraph.server;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The front page: what the dataset holds, and where to go from here. */
final class HomePage {

    private static final String SYMPTOMS = """
            PREFIX schema: <https://schema.org/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?s (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?c) AS ?causes)
            WHERE { ?s a schema:MedicalSignOrSymptom ; rdfs:label ?l ; schema:cause ?c }
            GROUP BY ?s ORDER BY ?label""";

    private HomePage() {
    }

    static Document render(Dataset dataset, LocalLinks links, String endpointUrl) {
        Document doc = Html.page("Symptoms and their causes");
        Element main = Html.main(doc);
        main.appendElement("h1").text("Symptoms and their causes");
        main.appendElement("p").text("A knowledge graph read from consumer-health pages: each symptom, the categories "
                + "its causes fall into, the causes, drugs and their brand names, and the document every statement "
                + "comes from.");
        Element p = main.appendElement("p").text("SPARQL endpoint: ");
        p.appendElement("a").attr("href", "/query").text(endpointUrl);
        Element list = main.appendElement("section");
        list.appendElement("h2").text("Symptoms");
        Element ul = list.appendElement("ul");
        dataset.executeRead(() -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(SYMPTOMS).build()) {
                qe.execSelect().forEachRemaining(row -> {
                    Element li = ul.appendElement("li");
                    li.appendElement("a").attr("href", links.href(row.getResource("s").getURI()))
                            .text(row.getLiteral("label").getLexicalForm());
                    li.appendText(" \u2014 " + row.getLiteral("causes").getLong() + " causes");
                });
            }
        });
        return doc;
    }
}
