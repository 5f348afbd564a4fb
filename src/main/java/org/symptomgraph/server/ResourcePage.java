package org.symptomgraph.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.symptomgraph.links.Vocabularies;
import org.symptomgraph.rdf.Vocab;

/**
 * The HTML page of one resource, laid out as researchers know entity pages (Wikidata, the EBI
 * Ontology Lookup Service, Scholia): what it is and its names first; for a symptom, its causes
 * grouped by each source page's categories, with the evidence sentence, the page and its date;
 * for a cause, every symptom it may cause, per source page; identifiers in other vocabularies by
 * the vocabulary's name; the neighbourhood drawn as a tree; the raw statements last, collapsed.
 */
final class ResourcePage {

    /** Human names of the classes a page's subtitle shows; other classes show as CURIEs. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry(Vocab.SCHEMA + "MedicalSignOrSymptom", "Symptom"),
            Map.entry(Vocab.SCHEMA + "MedicalCause", "Cause"),
            Map.entry(Vocab.SCHEMA + "MedicalCondition", "Medical condition"),
            Map.entry(Vocab.SCHEMA + "InfectiousDisease", "Infectious disease"),
            Map.entry(Vocab.SCHEMA + "Drug", "Drug"),
            Map.entry(Vocab.SCHEMA + "AnatomicalStructure", "Body site"),
            Map.entry(Vocab.SG + "CauseCategory", "Category of causes"),
            Map.entry(Vocab.SG + "SourceDocument", "Source page"),
            Map.entry(Vocab.SG + "CauseAssertion", "Evidence record"),
            Map.entry(Vocab.SG + "DocumentGraph", "Document graph"),
            Map.entry(Vocab.SG + "Mapping", "Mapping record"));
    /** Statements the sections above the raw tables already show, left out of "Referred to by". */
    private static final Set<String> SHOWN_ABOVE = Set.of(OWL2.annotatedSource.getURI(), Vocab.assertedSymptom.getURI(),
            Vocab.assertedCause.getURI(), Vocab.assertedCategory.getURI());
    private static final Property MATCH_PROPERTY = OWL2.annotatedProperty;
    private static final Property MATCH_TARGET = OWL2.annotatedTarget;
    /** Evidence up to this long is a list item (the cause's name as the page writes it), not a sentence. */
    private static final int QUOTED = 60;
    private static final String PATH_SEPARATOR = " \u203a ";

    private final LocalLinks links;

    ResourcePage(LocalLinks links) {
        this.links = links;
    }

    Document render(String iri, Model description, Describer describer) {
        Resource r = description.createResource(iri);
        String title = title(r, description);
        Document doc = Html.page(title);
        Element main = Html.main(doc);
        main.appendElement("h1").text(title);
        Element kinds = main.appendElement("p").addClass("types");
        r.listProperties(RDF.type).mapWith(t -> t.getResource().getURI()).toList().stream().sorted()
                .forEach(t -> kinds.appendElement("span").text(KINDS.getOrDefault(t, links.curie(t))));
        main.appendElement("p").addClass("iri").text(iri);
        Element formats = main.appendElement("p").addClass("formats").text("Also as: ");
        String self = links.href(iri);
        for (String[] f : new String[][] {{"Turtle", ".ttl"}, {"N-Triples", ".nt"}, {"JSON-LD", ".jsonld"},
            {"RDF/XML", ".rdf"}}) {
            formats.appendElement("a").attr("href", self + f[1]).text(f[0]);
        }
        summary(main, r);

        GraphTree tree = new GraphTree(iri, label(r), links);
        boolean symptom = r.hasProperty(RDF.type, Vocab.MedicalSignOrSymptom);
        boolean cause = description.contains(null, Vocab.assertedCause, r);
        if (symptom) {
            causesSection(main, iri, describer.symptomContext(iri), tree);
        }
        if (cause) {
            Map<String, String> paths = new LinkedHashMap<>();
            describer.categoryPaths(iri).forEach(p -> paths.put(p.category(), p.path()));
            symptomsSection(main, iri, describer.causeContext(iri), paths, tree);
        }
        if (!symptom && !cause) {
            List<Describer.CategoryPath> paths = describer.categoryPaths(iri);
            if (!paths.isEmpty()) {
                Element list = section(main, "Category path", "paths").appendElement("ul").addClass("paths");
                for (Describer.CategoryPath p : paths) {
                    list.appendElement("li").appendElement("a").attr("href", links.href(p.category())).text(p.path());
                }
            }
            Describer.neighbours(description, iri).forEach(n -> tree.child(iri, n, label(description.createResource(n))));
        }
        identifiers(main, r, describer.mappings(iri));

        Element graph = section(main, "Neighbourhood", "neighbourhood");
        graph.appendElement("p").addClass("hint").text("Click a node to open its page.");
        graph.appendElement("div").id("graph");
        graph.appendElement("script").attr("type", "application/json").id("graph-data")
                .appendChild(new DataNode(Html.scriptJson(tree.json())));

        rawStatements(main, r, description);
        doc.body().appendElement("script").attr("src", Html.CYTOSCAPE);
        doc.body().appendElement("script").attr("src", Html.DAGRE);
        doc.body().appendElement("script").attr("src", "/static/graph.js");
        return doc;
    }

    /** Names, brands, definitions: what a reader takes in at a glance. */
    private void summary(Element main, Resource r) {
        Element facts = new Element("dl").addClass("facts");
        fact(facts, "Also called", strings(r, SKOS.altLabel));
        fact(facts, "Abbreviation", strings(r, Vocab.abbreviation));
        List<String> brands = new ArrayList<>(strings(r, Vocab.proprietaryName));
        if (r.hasLiteral(Vocab.otherBrandsExist, true)) {
            brands.add("and others");
        }
        fact(facts, "Brand names", brands);
        fact(facts, "Definition", strings(r, SKOS.definition));
        fact(facts, "How it arises", strings(r, Vocab.mechanism));
        Statement about = r.getProperty(Vocab.about);
        if (about != null && about.getObject().isURIResource()) {
            Element dd = fact(facts, "About", List.of());
            dd.appendElement("a").attr("href", links.href(about.getResource().getURI())).text(label(about.getResource()));
        }
        fact(facts, "Date", strings(r, DCTerms.date));
        fact(facts, "File", strings(r, Vocab.sourceFile));
        if (!facts.children().isEmpty()) {
            main.appendChild(facts);
        }
    }

    /** One term and its values; returns the value element (empty when values are given). */
    private static Element fact(Element facts, String term, List<String> values) {
        if (values.isEmpty() && !term.equals("About")) {
            return new Element("dd");
        }
        facts.appendElement("dt").text(term);
        return facts.appendElement("dd").text(String.join(", ", values));
    }

    /**
     * A symptom's causes, per source page, under that page's categories (in the page's order), each
     * with the sentence it comes from and where: line, file and date.
     */
    private void causesSection(Element main, String iri, Model context, GraphTree tree) {
        Resource symptom = context.createResource(iri);
        List<Resource> assertions = context.listSubjectsWithProperty(Vocab.assertedSymptom, symptom).toList();
        Element section = section(main, "What can cause it", "causes");
        if (assertions.isEmpty()) {
            section.appendElement("p").text("No source page lists causes of this symptom.");
            return;
        }
        // The categories of each source page: a category's IRI lies under its document's.
        Map<String, List<Resource>> categoriesByDocument = new TreeMap<>();
        for (Resource category : context.listSubjectsWithProperty(Vocab.categoryOf, symptom).toList()) {
            categoriesByDocument.computeIfAbsent(documentOf(category.getURI()), d -> new ArrayList<>()).add(category);
        }
        Map<String, List<Resource>> assertionsByDocument = new TreeMap<>();
        for (Resource a : assertions) {
            Resource doc = a.getPropertyResourceValue(Vocab.wasDerivedFrom);
            assertionsByDocument.computeIfAbsent(doc == null ? "" : doc.getURI(), d -> new ArrayList<>()).add(a);
        }
        for (Map.Entry<String, List<Resource>> page : assertionsByDocument.entrySet()) {
            Element source = section.appendElement("div").addClass("source-page");
            Resource doc = context.createResource(page.getKey());
            Element heading = source.appendElement("p").addClass("source");
            heading.appendText("From ");
            heading.appendElement("a").attr("href", links.href(doc.getURI())).text(fileOf(doc));
            String date = literal(doc, DCTerms.date);
            heading.appendText(date.isEmpty() ? " (undated)" : ", dated " + date);
            heading.appendText(" \u2014 " + page.getValue().size() + " causes");

            List<Resource> categories = categoriesByDocument.getOrDefault(page.getKey(), List.of());
            Map<String, List<Resource>> byCategory = new LinkedHashMap<>();
            for (Resource a : page.getValue()) {
                Resource c = a.getPropertyResourceValue(Vocab.assertedCategory);
                byCategory.computeIfAbsent(c == null ? "" : c.getURI(), k -> new ArrayList<>()).add(a);
            }
            Element tree0 = source.appendElement("ul").addClass("category-tree");
            for (Resource category : ordered(categories.stream().filter(c -> !c.hasProperty(SKOS.broader)).toList())) {
                category(tree0, category, categories, byCategory, iri, tree);
            }
            List<Resource> loose = byCategory.getOrDefault("", List.of());
            if (!loose.isEmpty()) {
                Element li = tree0.appendElement("li").addClass("category");
                li.appendElement("span").addClass("category-name").text("Not in a category");
                causes(li, loose, iri, tree);
            }
        }
    }

    private void category(Element list, Resource category, List<Resource> all, Map<String, List<Resource>> byCategory,
            String parent, GraphTree tree) {
        Element li = list.appendElement("li").addClass("category");
        tree.child(parent, category.getURI(), label(category));
        Element name = li.appendElement("div").addClass("category-head");
        name.appendElement("a").addClass("category-name").attr("href", links.href(category.getURI()))
                .text(label(category));
        String frequency = frequency(category);
        if (!frequency.isEmpty()) {
            name.appendElement("span").addClass("frequency").text(frequency);
        }
        String definition = literal(category, SKOS.definition);
        if (!definition.isEmpty()) {
            li.appendElement("p").addClass("definition").text(definition);
        }
        causes(li, byCategory.getOrDefault(category.getURI(), List.of()), category.getURI(), tree);
        List<Resource> narrower = ordered(all.stream()
                .filter(c -> category.equals(c.getPropertyResourceValue(SKOS.broader))).toList());
        if (!narrower.isEmpty()) {
            Element sub = li.appendElement("ul").addClass("category-tree");
            narrower.forEach(n -> category(sub, n, all, byCategory, category.getURI(), tree));
        }
    }

    private void causes(Element parent, List<Resource> assertions, String treeParent, GraphTree tree) {
        if (assertions.isEmpty()) {
            return;
        }
        Element ul = parent.appendElement("ul").addClass("causes");
        for (Resource a : sortedBy(assertions, Vocab.evidenceLine)) {
            Resource cause = a.getPropertyResourceValue(Vocab.assertedCause);
            if (cause == null) {
                continue;
            }
            tree.child(treeParent, cause.getURI(), label(cause));
            Element li = ul.appendElement("li").addClass("cause");
            li.appendElement("a").addClass("cause-name").attr("href", links.href(cause.getURI())).text(label(cause));
            Set<String> names = new LinkedHashSet<>(strings(cause, SKOS.altLabel));
            names.addAll(strings(cause, Vocab.abbreviation));
            if (!names.isEmpty()) {
                li.appendElement("span").addClass("aka").text("also " + String.join(", ", names));
            }
            List<String> brands = strings(cause, Vocab.proprietaryName);
            if (!brands.isEmpty()) {
                li.appendElement("span").addClass("brands").text("brands: " + String.join(", ", brands)
                        + (cause.hasLiteral(Vocab.otherBrandsExist, true) ? ", others" : ""));
            }
            evidence(li, a, label(cause));
        }
    }

    /**
     * The sentence an assertion comes from, any detail, and where it was read. A list item that
     * only names the cause is said in the line below, not quoted as if it were a sentence.
     */
    private void evidence(Element li, Resource a, String causeLabel) {
        String detail = literal(a, a.getModel().createProperty(Vocab.SG, "detail"));
        if (!detail.isEmpty()) {
            li.appendElement("p").addClass("detail").text(detail);
        }
        String text = literal(a, Vocab.evidenceText);
        boolean sentence = text.length() > QUOTED;
        if (sentence) {
            li.appendElement("blockquote").addClass("evidence").text(text);
        }
        Element where = li.appendElement("p").addClass("provenance");
        if (!sentence && !text.isEmpty()) {
            where.appendElement("span").addClass("evidence").text(text.equalsIgnoreCase(causeLabel)
                    ? "listed" : "listed as \u201c" + text + "\u201d");
            where.appendText(", ");
        }
        Resource doc = a.getPropertyResourceValue(Vocab.wasDerivedFrom);
        String line = literal(a, Vocab.evidenceLine);
        if (!line.isEmpty()) {
            where.appendText("line " + line + " of ");
        }
        if (doc != null) {
            where.appendElement("a").attr("href", links.href(doc.getURI())).text(fileOf(doc));
            String date = literal(doc, DCTerms.date);
            if (!date.isEmpty()) {
                where.appendText(", " + date);
            }
        }
        where.appendText(" \u00b7 ");
        where.appendElement("a").attr("href", links.href(a.getURI())).text("evidence record");
    }

    /**
     * A cause's symptoms, per source page, with the category the page puts it in (its path below
     * the symptom, from {@code paths}) and the evidence.
     */
    private void symptomsSection(Element main, String iri, Model context, Map<String, String> paths, GraphTree tree) {
        Resource cause = context.createResource(iri);
        Element section = section(main, "Symptoms it may cause", "symptoms");
        Map<String, List<Resource>> byDocument = new TreeMap<>();
        for (Resource a : context.listSubjectsWithProperty(Vocab.assertedCause, cause).toList()) {
            Resource symptom = a.getPropertyResourceValue(Vocab.assertedSymptom);
            Resource doc = a.getPropertyResourceValue(Vocab.wasDerivedFrom);
            String key = (symptom == null ? "" : label(symptom)) + "\u0000" + (doc == null ? "" : doc.getURI());
            byDocument.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        Element table = section.appendElement("table").addClass("symptoms");
        Element head = table.appendElement("tr");
        for (String h : new String[] {"Symptom", "In the category", "Evidence", "Source page"}) {
            head.appendElement("th").text(h);
        }
        for (List<Resource> rows : byDocument.values()) {
            for (Resource a : rows) {
                Resource symptom = a.getPropertyResourceValue(Vocab.assertedSymptom);
                Resource category = a.getPropertyResourceValue(Vocab.assertedCategory);
                Element tr = table.appendElement("tr").addClass("symptom-row");
                Element cell = tr.appendElement("td");
                Element categoryCell = tr.appendElement("td");
                if (category != null) {
                    String path = paths.getOrDefault(category.getURI(), label(category));
                    categoryCell.appendElement("a").attr("href", links.href(category.getURI()))
                            .text(path.substring(path.indexOf(PATH_SEPARATOR) < 0 ? 0
                                    : path.indexOf(PATH_SEPARATOR) + PATH_SEPARATOR.length()));
                    tree.child(iri, category.getURI(), label(category));
                }
                if (symptom != null) {
                    cell.appendElement("a").attr("href", links.href(symptom.getURI())).text(label(symptom));
                    tree.child(category != null ? category.getURI() : iri, symptom.getURI(), label(symptom));
                }
                Element evidence = tr.appendElement("td");
                String text = literal(a, Vocab.evidenceText);
                if (!text.isEmpty()) {
                    evidence.appendElement("blockquote").addClass("evidence").text(text);
                }
                Element source = tr.appendElement("td").addClass("provenance");
                Resource doc = a.getPropertyResourceValue(Vocab.wasDerivedFrom);
                if (doc != null) {
                    source.appendElement("a").attr("href", links.href(doc.getURI())).text(fileOf(doc));
                    String date = literal(doc, DCTerms.date);
                    source.appendText(date.isEmpty() ? " (undated)" : ", " + date);
                }
                String line = literal(a, Vocab.evidenceLine);
                if (!line.isEmpty()) {
                    source.appendText(", line " + line);
                }
            }
        }
    }

    /** Links to other vocabularies, by the vocabulary's name, with the curators' note. */
    private void identifiers(Element main, Resource r, Model mappings) {
        List<Statement> external = new ArrayList<>();
        for (Property p : List.of(SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch)) {
            external.addAll(r.listProperties(p).filterKeep(s -> s.getObject().isURIResource()).toList());
        }
        if (external.isEmpty()) {
            return;
        }
        Element table = section(main, "Identifiers in other vocabularies", "identifiers").appendElement("table")
                .addClass("identifiers");
        Element head = table.appendElement("tr");
        for (String h : new String[] {"Vocabulary", "Identifier", "Match", "Note"}) {
            head.appendElement("th").text(h);
        }
        List<String[]> rows = new ArrayList<>();
        for (Statement s : external) {
            String target = s.getResource().getURI();
            Vocabularies.Vocabulary vocabulary = Vocabularies.all().stream().filter(v -> target.startsWith(v.iriPrefix()))
                    .max(Comparator.comparingInt(v -> v.iriPrefix().length())).orElse(null);
            Resource record = mappings.listSubjectsWithProperty(MATCH_TARGET, mappings.createResource(target))
                    .filterKeep(m -> m.hasProperty(MATCH_PROPERTY, s.getPredicate())).nextOptional().orElse(null);
            rows.add(new String[] {vocabulary == null ? links.curie(target) : vocabulary.name(),
                vocabulary == null ? target : target.substring(vocabulary.iriPrefix().length()), target,
                s.getPredicate().getLocalName().replace("Match", ""),
                record == null ? "" : literal(record, RDFS.comment), record == null ? "" : record.getURI()});
        }
        rows.sort(Comparator.comparing((String[] row) -> row[0].toLowerCase()).thenComparing(row -> row[1]));
        for (String[] row : rows) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").addClass("vocabulary").text(row[0]);
            tr.appendElement("td").appendElement("a").attr("href", row[2]).attr("rel", "external").text(row[1]);
            tr.appendElement("td").text(row[3]);
            Element note = tr.appendElement("td").text(row[4]);
            if (!row[5].isEmpty()) {
                note.appendText(" ");
                note.appendElement("a").attr("href", links.href(row[5])).text("record");
            }
        }
    }

    /** Every statement, for those who want the triples: collapsed under what a person reads. */
    private void rawStatements(Element main, Resource r, Model description) {
        List<Statement> outgoing = r.listProperties().toList();
        Element out = main.appendElement("details").addClass("raw").id("statements");
        out.appendElement("summary").text("All statements (" + outgoing.size() + ")");
        table(out, outgoing, description, true);
        List<Statement> incoming = description.listStatements(null, null, r).toList();
        List<Statement> shown = incoming.stream().filter(s -> !SHOWN_ABOVE.contains(s.getPredicate().getURI())).toList();
        if (!shown.isEmpty()) {
            Element in = main.appendElement("details").addClass("raw").id("referred-to-by");
            in.appendElement("summary").text("Referred to by (" + shown.size() + ")");
            int left = incoming.size() - shown.size();
            if (left > 0) {
                in.appendElement("p").addClass("hint").text(left + " evidence and mapping records, shown above, "
                        + "are left out here.");
            }
            table(in, new ArrayList<>(shown), description, false);
        }
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

    /** The page title: the label; a source page by its symptom and date, not its date alone. */
    private static String title(Resource r, Model description) {
        if (r.hasProperty(RDF.type, Vocab.SourceDocument)) {
            Resource about = r.getPropertyResourceValue(Vocab.about);
            String date = literal(r, DCTerms.date);
            return (about == null ? label(r) : label(about)) + ": source page"
                    + (date.isEmpty() ? "" : " of " + date);
        }
        if (r.hasProperty(RDF.type, Vocab.CauseAssertion)) {
            Resource cause = r.getPropertyResourceValue(Vocab.assertedCause);
            Resource symptom = r.getPropertyResourceValue(Vocab.assertedSymptom);
            if (cause != null && symptom != null) {
                return label(cause) + " may cause " + label(symptom).toLowerCase() + ": evidence";
            }
        }
        return label(r);
    }

    /** The frequency a category states ("Most common"), from whatever its frequency property names. */
    private static String frequency(Resource category) {
        for (Statement s : category.listProperties().toList()) {
            if (s.getPredicate().getLocalName().equalsIgnoreCase("frequency")) {
                return s.getObject().isLiteral() ? s.getString() : label(s.getResource());
            }
        }
        return "";
    }

    /** The document a category belongs to: its IRI up to "/category/". */
    private static String documentOf(String category) {
        int at = category.indexOf("/category/");
        return at < 0 ? "" : category.substring(0, at);
    }

    private static String fileOf(Resource doc) {
        String file = literal(doc, Vocab.sourceFile);
        return file.isEmpty() ? label(doc) : file;
    }

    private static List<Resource> ordered(List<Resource> categories) {
        return sortedBy(categories, Vocab.position);
    }

    /** By an integer property (page order), then by label. */
    private static List<Resource> sortedBy(List<Resource> resources, Property order) {
        return resources.stream().sorted(Comparator.comparingLong((Resource c) -> {
            Statement s = c.getProperty(order);
            return s == null || !s.getObject().isLiteral() ? Long.MAX_VALUE : s.getLong();
        }).thenComparing(ResourcePage::label)).toList();
    }

    private static Element section(Element main, String heading, String id) {
        Element s = main.appendElement("section").id(id);
        s.appendElement("h2").text(heading);
        return s;
    }

    private static String literal(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s == null || !s.getObject().isLiteral() ? "" : s.getLiteral().getLexicalForm();
    }

    private static List<String> strings(Resource r, Property p) {
        return r.listProperties(p).filterKeep(s -> s.getObject().isLiteral()).mapWith(s -> s.getLiteral().getLexicalForm())
                .toList().stream().sorted().toList();
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

    /**
     * The neighbourhood as a tree from the page's resource (symptom, categories, causes; or cause,
     * categories, symptoms): each node once, under the first parent that names it. graph.js lays it
     * out in columns, one row per leaf, so that no two labels meet.
     */
    static final class GraphTree {

        private final String root;
        private final LocalLinks links;
        private final Map<String, JsonObject> nodes = new LinkedHashMap<>();
        private final Set<String> edges = new LinkedHashSet<>();

        GraphTree(String root, String rootLabel, LocalLinks links) {
            this.root = root;
            this.links = links;
            node(root, null, rootLabel);
        }

        /** Adds {@code child} under {@code parent} (the parent must be in the tree already; the root if not). */
        void child(String parent, String child, String label) {
            String from = nodes.containsKey(parent) ? parent : root;
            if (!nodes.containsKey(child)) {
                node(child, from, label);
            }
            if (!from.equals(child)) {
                edges.add(from + " " + child);
            }
        }

        private void node(String id, String parent, String label) {
            JsonObject n = new JsonObject();
            n.put("id", id);
            n.put("label", label);
            n.put("kind", kind(id));
            n.put("href", links.href(id));
            n.put("focus", id.equals(root));
            if (parent != null) {
                n.put("parent", parent);
            }
            nodes.put(id, n);
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

        String json() {
            JsonArray n = new JsonArray();
            nodes.values().forEach(n::add);
            JsonArray e = new JsonArray();
            for (String edge : edges) {
                String[] ends = edge.split(" ", 2);
                JsonObject o = new JsonObject();
                o.put("source", ends[0]);
                o.put("target", ends[1]);
                e.add(o);
            }
            JsonObject graph = new JsonObject();
            graph.put("nodes", n);
            graph.put("edges", e);
            return graph.toString();
        }
    }
}
