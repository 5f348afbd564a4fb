package org.symptomgraph.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.rdf.Vocab;

/**
 * What the graph says about one IRI: its outgoing and incoming triples and the labels of what they
 * point to, from the current view, or from the stored versions for a resource no longer current.
 */
final class Describer {

    private static final String PREFIXES = Vocab.SPARQL_PREFIXES;

    private static final String DESCRIBE = PREFIXES + """
            CONSTRUCT { ?r ?p ?o . ?o rdfs:label ?ol . ?s ?q ?r . ?s rdfs:label ?sl }
            WHERE { { ?r ?p ?o OPTIONAL { ?o rdfs:label ?ol } } UNION { ?s ?q ?r OPTIONAL { ?s rdfs:label ?sl } } }""";
    private static final String DESCRIBE_HISTORY = PREFIXES + """
            CONSTRUCT { ?r ?p ?o . ?o rdfs:label ?ol . ?s ?q ?r . ?s rdfs:label ?sl }
            WHERE { GRAPH ?g { { ?r ?p ?o OPTIONAL { ?o rdfs:label ?ol } } UNION { ?s ?q ?r OPTIONAL { ?s rdfs:label ?sl } } } }""";
    /**
     * What a symptom's page shows first: the categories of its source pages (with whatever the
     * categories link to, labelled: a frequency, say), the evidence records that name it, their
     * causes (names and brands; not the causes' categories on other pages) and the source pages.
     */
    private static final String SYMPTOM_CONTEXT = PREFIXES + """
            CONSTRUCT { ?cat ?cp ?co . ?co rdfs:label ?col . ?co skos:prefLabel ?copl .
                        ?a ?ap ?ao . ?c ?xp ?xo . ?doc ?dp ?do }
            WHERE {
              { ?cat sg:categoryOf ?r ; ?cp ?co
                OPTIONAL { ?co rdfs:label ?col } OPTIONAL { ?co skos:prefLabel ?copl } }
              UNION { ?a sg:assertedSymptom ?r ; ?ap ?ao }
              UNION { ?a sg:assertedSymptom ?r ; sg:assertedCause ?c . ?c ?xp ?xo
                      FILTER(?xp NOT IN (sg:inCategory, sg:nameKey, sg:brandKey)) }
              UNION { ?doc schema:about ?r ; ?dp ?do }
            }""";
    /** What a cause's page shows first: the evidence records naming it, their symptoms, categories and source pages. */
    private static final String CAUSE_CONTEXT = PREFIXES + """
            CONSTRUCT { ?a ?ap ?ao . ?s rdfs:label ?sl . ?doc ?dp ?do . ?cat rdfs:label ?catl }
            WHERE {
              { ?a sg:assertedCause ?r ; ?ap ?ao }
              UNION { ?a sg:assertedCause ?r ; sg:assertedSymptom ?s . ?s rdfs:label ?sl }
              UNION { ?a sg:assertedCause ?r ; prov:wasDerivedFrom ?doc . ?doc ?dp ?do
                      FILTER(?dp IN (rdf:type, dct:date, sg:sourceFile, dct:source, schema:about)) }
              UNION { ?a sg:assertedCause ?r ; sg:assertedCategory ?cat . ?cat rdfs:label ?catl }
            }""";
    /** The curated mapping records of a resource: target, match and note. */
    private static final String MAPPINGS = PREFIXES + """
            CONSTRUCT { ?m ?mp ?mo } WHERE { ?m <http://www.w3.org/2002/07/owl#annotatedSource> ?r ; ?mp ?mo }""";

    private static final String SD_GRAPH = "http://www.w3.org/ns/sparql-service-description#Graph";

    private final Dataset dataset;

    Describer(Dataset dataset) {
        this.dataset = dataset;
    }

    /**
     * The description, empty when the graph knows nothing of the IRI. The name of a stored graph
     * (the curated links, say) that nothing else describes is described as a graph: its size.
     */
    Model describe(String iri) {
        return dataset.calculateRead(() -> {
            Model m = construct(DESCRIBE, iri);
            if (m.isEmpty()) {
                m = construct(DESCRIBE_HISTORY, iri);
            }
            if (dataset.containsNamedModel(iri)) {
                Resource graph = m.createResource(iri);
                if (!graph.hasProperty(RDF.type)) {
                    graph.addProperty(RDF.type, m.createResource(SD_GRAPH));
                }
                graph.addLiteral(m.createProperty(VoidDescription.VOID, "triples"),
                        m.createTypedLiteral(Long.toString(dataset.getNamedModel(iri).size()), XSDDatatype.XSDinteger));
            }
            return m;
        });
    }

    /** The context of a symptom's page (see {@link #SYMPTOM_CONTEXT}). */
    Model symptomContext(String iri) {
        return dataset.calculateRead(() -> construct(SYMPTOM_CONTEXT, iri));
    }

    /** The context of a cause's page (see {@link #CAUSE_CONTEXT}). */
    Model causeContext(String iri) {
        return dataset.calculateRead(() -> construct(CAUSE_CONTEXT, iri));
    }

    /** The mapping records that link the resource to other vocabularies. */
    Model mappings(String iri) {
        return dataset.calculateRead(() -> construct(MAPPINGS, iri));
    }

    /** A category path: its category, symptom and the labels from the symptom down, joined with " › ". */
    record CategoryPath(String category, String symptom, String path) {
    }

    List<CategoryPath> categoryPaths(String iri) {
        return dataset.calculateRead(() -> {
            Model m = dataset.getDefaultModel();
            Resource r = m.createResource(iri);
            List<Resource> categories = r.hasProperty(RDF.type, Vocab.CauseCategory) ? List.of(r)
                    : r.listProperties(Vocab.inCategory).mapWith(Statement::getResource).toList();
            List<CategoryPath> paths = new ArrayList<>();
            for (Resource category : categories) {
                Resource symptom = category.getPropertyResourceValue(Vocab.categoryOf);
                if (symptom == null) {
                    continue;
                }
                LinkedList<String> labels = new LinkedList<>();
                // At most a few levels in practice; the bound guards against a cycle in bad data.
                for (Resource c = category; c != null && labels.size() < 32; c = c.getPropertyResourceValue(SKOS.broader)) {
                    labels.addFirst(label(c));
                }
                labels.addFirst(label(symptom));
                paths.add(new CategoryPath(category.getURI(), symptom.getURI(), String.join(" \u203a ", labels)));
            }
            paths.sort(Comparator.comparing(CategoryPath::path));
            return paths;
        });
    }

    private static String label(Resource r) {
        Statement s = r.getProperty(RDFS.label);
        return s == null ? r.getURI() : s.getString();
    }

    /** The IRIs a description links the resource with, classes left out. */
    static Set<String> neighbours(Model description, String iri) {
        Set<String> out = new LinkedHashSet<>();
        for (Statement st : description.listStatements().toList()) {
            if (!isDomainLink(st)) {
                continue;
            }
            List<RDFNode> ends = new ArrayList<>(List.of(st.getSubject(), st.getObject()));
            for (RDFNode n : ends) {
                if (n.isURIResource() && !n.asResource().getURI().equals(iri)
                        && !n.asResource().getURI().startsWith(Vocab.SCHEMA)) {
                    out.add(n.asResource().getURI());
                }
            }
        }
        return out;
    }

    /**
     * Whether a statement belongs in the picture of the domain (symptom, categories, causes, drugs,
     * body sites): types, provenance and evidence records stay in the tables.
     */
    static boolean isDomainLink(Statement st) {
        String p = st.getPredicate().getURI();
        return !st.getPredicate().equals(RDF.type) && !p.startsWith(Vocab.PROV) && !p.startsWith(DCTerms.NS)
                && !st.getPredicate().equals(Vocab.about) && !st.getPredicate().getLocalName().startsWith("asserted");
    }

    private Model construct(String query, String iri) {
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(query)
                .substitution("r", ResourceFactory.createResource(iri)).build()) {
            return qe.execConstruct();
        }
    }
}
