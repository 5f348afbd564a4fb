package org.symptomgraph.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The HTML page of one resource: what a person reading about a symptom or cause wants to see. */
final class ResourcePage {

    private final LocalLinks links;

    ResourcePage(LocalLinks links) {
        this.links = links;
    }

    Document render(String iri, Model description, List<Describer.CategoryPath> paths, List<Describer.Source> sources,
            Model neighbourhood) {
        Resource r = description.createResource(iri);
        String title = label(r);
        Document doc = Html.page(title);
        Element main = Html.main(doc);
        main.appendElement("h1").text(title);
        main.appendElement("p").addClass("iri").text(iri);
        Element types = main.appendElement("p").addClass("types");
        r.listProperties(RDF.type).forEach(t -> types.appendElement("span").text(links.curie(t.getResource().getURI())));
        Element formats = main.appendElement("p").addClass("formats").text("Also as: ");
        String self = links.href(iri);
        for (String[] f : new String[][] {{"Turtle", ".ttl"}, {"N-Triples", ".nt"}, {"JSON-LD", ".jsonld"},
            {"RDF/XML", ".rdf"}}) {
            formats.appendElement("a").attr("href", self + f[1]).text(f[0]);
        }

        List<String> aliases = strings(r, SKOS.altLabel);
        if (!aliases.isEmpty()) {
            Element s = section(main, "Also called");
            aliases.forEach(a -> s.appendElement("span").addClass("tag").text(a));
        }
        if (!paths.isEmpty()) {
            Element list = section(main, "Category path").appendElement("ul").addClass("paths");
            for (Describer.CategoryPath p : paths) {
                list.appendElement("li").appendElement("a").attr("href", links.href(p.category())).text(p.path());
            }
        }
        List<Statement> external = new ArrayList<>(r.listProperties(SKOS.exactMatch).toList());
        external.addAll(r.listProperties(SKOS.closeMatch).toList());
        if (!external.isEmpty()) {
            Element list = section(main, "External identifiers").appendElement("ul");
            external.sort(Comparator.comparing(s -> s.getObject().toString()));
            for (Statement s : external) {
                Element li = list.appendElement("li");
                li.appendElement("a").attr("href", s.getResource().getURI()).attr("rel", "external")
                        .text(s.getResource().getURI());
                li.appendElement("span").addClass("datatype").text(links.curie(s.getPredicate().getURI()));
            }
        }
        if (!sources.isEmpty()) {
            Element list = section(main, "Source documents").appendElement("ul");
            for (Describer.Source s : sources) {
                Element li = list.appendElement("li");
                li.appendElement("a").attr("href", links.href(s.document())).text(s.file());
                if (!s.date().isEmpty()) {
                    li.appendText(" (" + s.date() + ")");
                }
            }
        }
        Element graph = section(main, "Neighbourhood");
        graph.appendElement("div").id("graph");
        graph.appendElement("script").attr("type", "application/json").id("graph-data")
                .appendChild(new DataNode(Html.scriptJson(graphJson(iri, description, neighbourhood))));

        table(section(main, "Statements"), r.listProperties().toList(), description, true);
        List<Statement> incoming = description.listStatements(null, null, r).toList();
        if (!incoming.isEmpty()) {
            table(section(main, "Referred to by"), incoming, description, false);
        }
        doc.body().appendElement("script").attr("src", Html.CYTOSCAPE);
        doc.body().appendElement("script").attr("src", "/static/graph.js");
        return doc;
    }

    private void table(Element parent, List<Statement> statements, Model description, boolean outgoing) {
        Element table = parent.appendElement("table");
        statements.sort(Comparator.comparing((Statement s) -> links.curie(s.getPredicate().getURI()))
                .thenComparing(s -> (outgoing ? s.getObject() : s.getSubject()).toString()));
        for (Statement s : statements) {
            Element row = table.appendElement("tr");
            row.appendElement("th").text(links.curie(s.getPredicate().getURI()));
            value(row.appendElement("td"), outgoing ? s.getObject() : s.getSubject(), description);
        }
    }

    private void value(Element cell, RDFNode node, Model description) {
        if (node.isLiteral()) {
            Literal l = node.asLiteral();
            cell.appendText(l.getLexicalForm());
            if (!l.getLanguage().isEmpty()) {
                cell.appendElement("span").addClass("lang").text("@" + l.getLanguage());
            } else if (l.getDatatypeURI() != null && !l.getDatatypeURI().endsWith("#string")) {
                cell.appendElement("span").addClass("datatype").text(links.curie(l.getDatatypeURI()));
            }
        } else if (node.isURIResource()) {
            String uri = node.asResource().getURI();
            Statement label = description.createResource(uri).getProperty(RDFS.label);
            cell.appendElement("a").attr("href", links.href(uri))
                    .text(label != null ? label.getString() : links.curie(uri));
        } else {
            cell.appendText(node.toString());
        }
    }

    private String graphJson(String iri, Model description, Model neighbourhood) {
        Set<String> ids = Describer.neighbours(description, iri);
        ids.add(iri);
        JsonArray nodes = new JsonArray();
        for (String id : ids) {
            JsonObject n = new JsonObject();
            n.put("id", id);
            n.put("label", label(description.createResource(id)));
            n.put("kind", kind(id));
            n.put("href", links.href(id));
            n.put("focus", id.equals(iri));
            nodes.add(n);
        }
        JsonArray edges = new JsonArray();
        Model all = neighbourhood.union(description);
        for (Statement s : all.listStatements().toList()) {
            if (s.getObject().isURIResource() && ids.contains(s.getSubject().getURI())
                    && ids.contains(s.getResource().getURI()) && Describer.isDomainLink(s)) {
                JsonObject e = new JsonObject();
                e.put("source", s.getSubject().getURI());
                e.put("target", s.getResource().getURI());
                e.put("label", s.getPredicate().getLocalName());
                edges.add(e);
            }
        }
        JsonObject graph = new JsonObject();
        graph.put("nodes", nodes);
        graph.put("edges", edges);
        return graph.toString();
    }

    private String kind(String iri) {
        String path = iri.startsWith(links.base()) ? iri.substring(links.base().length()) : "";
        if (path.contains("/category/")) {
            return "category";
        }
        for (String k : new String[] {"symptom", "cause", "drug", "anatomy", "document"}) {
            if (path.startsWith(k + "/")) {
                return k;
            }
        }
        return "other";
    }

    private static Element section(Element main, String heading) {
        Element s = main.appendElement("section");
        s.appendElement("h2").text(heading);
        return s;
    }

    private static List<String> strings(Resource r, Property p) {
        return r.listProperties(p).mapWith(s -> s.getString()).toList().stream().sorted().toList();
    }

    static String label(Resource r) {
        Statement s = r.getProperty(RDFS.label);
        if (s == null) {
            s = r.getProperty(SKOS.prefLabel);
        }
        if (s == null && r.getURI() != null) {
            String uri = r.getURI();
            return uri.substring(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('#')) + 1);
        }
        return s == null ? r.toString() : s.getString();
    }
}
