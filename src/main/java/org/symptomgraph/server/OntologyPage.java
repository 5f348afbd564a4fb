package org.symptomgraph.server;

import java.util.Comparator;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.symptomgraph.rdf.Vocab;

/** The ontology as a page: each class and property with its definition, anchored by its local name. */
final class OntologyPage {

    private OntologyPage() {
    }

    static Document render(Model ontology, LocalLinks links) {
        Document doc = Html.page("Ontology");
        Element main = Html.main(doc);
        Resource header = ontology.createResource(Vocab.ONTOLOGY);
        main.appendElement("h1").text(text(header, org.apache.jena.vocabulary.DCTerms.title, "symptomgraph ontology"));
        main.appendElement("p").addClass("iri").text(Vocab.ONTOLOGY);
        main.appendElement("p").text(text(header, org.apache.jena.vocabulary.DCTerms.description, ""));
        for (Resource kind : List.of(OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)) {
            List<Resource> terms = ontology.listSubjectsWithProperty(RDF.type, kind).toList().stream()
                    .filter(r -> r.isURIResource() && r.getURI().startsWith(Vocab.SG))
                    .sorted(Comparator.comparing(Resource::getURI)).toList();
            if (terms.isEmpty()) {
                continue;
            }
            Element section = main.appendElement("section");
            section.appendElement("h2").text(kind.getLocalName());
            Element table = section.appendElement("table");
            for (Resource term : terms) {
                Element row = table.appendElement("tr").id(term.getLocalName());
                row.appendElement("th").text("sg:" + term.getLocalName());
                Element cell = row.appendElement("td");
                cell.appendText(text(term, SKOS.definition, text(term, RDFS.comment, "")));
                for (Statement s : term.listProperties(RDFS.subClassOf).andThen(term.listProperties(RDFS.subPropertyOf))
                        .toList()) {
                    if (s.getObject().isURIResource()) {
                        cell.appendElement("span").addClass("tag").text(links.curie(s.getResource().getURI()));
                    }
                }
            }
        }
        return doc;
    }

    private static String text(Resource r, org.apache.jena.rdf.model.Property p, String otherwise) {
        Statement s = r.getProperty(p);
        return s == null ? otherwise : s.getString();
    }
}
