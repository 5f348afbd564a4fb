package org.symptomgraph.queries;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Query;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.shacl.vocabulary.SHACLM;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;
import org.symptomgraph.rdf.Vocab;

/**
 * The catalogue as RDF, the way public biomedical SPARQL endpoints (UniProt, Bgee and the other
 * SIB endpoints) publish their example queries, so that query editors and crawlers that know that
 * convention find ours. For the endpoint {@code E}, the named graph {@code E/.well-known/sparql-examples}
 * holds, for each query {@code NAME}:
 *
 * <pre>
 * &lt;E/.well-known/sparql-examples#NAME&gt; a sh:SPARQLExecutable, sh:SPARQLSelectExecutable ;  # or Ask, Construct
 *     rdfs:label "title"@en ;
 *     rdfs:comment "description"@en ;
 *     sh:select "the SPARQL text" ;                       # or sh:ask, sh:construct
 *     sh:prefixes &lt;E/.well-known/sparql-examples#prefixes&gt; ;
 *     schema:target &lt;E&gt; ;
 *     schema:keywords "tag", ... ;
 *     sh:parameter [ ... ] .                              # one per parameter, see below
 *
 * &lt;E/.well-known/sparql-examples#prefixes&gt; a owl:Ontology ;
 *     sh:declare [ sh:prefix "sg" ; sh:namespace "https://w3id.org/symptomgraph/ontology#"^^xsd:anyURI ], ... .
 * </pre>
 *
 * Parameters are described with SHACL's own parameter terms (as SHACL-AF functions declare theirs):
 * {@code [ a sh:Parameter ; sh:path <E/.well-known/sparql-examples/parameter#_symptom> ; sh:name "symptom" ;
 * sh:order 0 ; sh:datatype xsd:string ; sh:optional false ; sh:defaultValue "Petechiae" ]}. The local
 * name of sh:path is the SPARQL variable, as SHACL-AF requires; an IRI parameter has sh:nodeKind sh:IRI
 * instead of a datatype; sh:optional is true when the query runs without a value.
 */
public final class SparqlExamples {

    public static final String GRAPH_SUFFIX = "/.well-known/sparql-examples";

    private static final Property KEYWORDS = ResourceFactory.createProperty(Vocab.SCHEMA, "keywords");
    private static final Property TARGET = ResourceFactory.createProperty(Vocab.SCHEMA, "target");
    private static final String LANG = "en";

    private SparqlExamples() {
    }

    /** The named graph that holds the examples of an endpoint. */
    public static String graphName(String endpointUrl) {
        return stripSlash(endpointUrl) + GRAPH_SUFFIX;
    }

    /** The IRI of one example query. */
    public static String exampleIri(String endpointUrl, String queryName) {
        return graphName(endpointUrl) + "#" + queryName;
    }

    /**
     * The catalogue described for an endpoint; see the class comment for the shape. Throws
     * IllegalArgumentException when the endpoint URL is not an absolute IRI, or when two queries
     * declare one prefix for two namespaces.
     */
    public static Model describe(QueryCatalog catalog, String endpointUrl) {
        Parameter.Type.absoluteIri(endpointUrl);
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sh", SHACLM.getURI()).setNsPrefix("rdfs", RDFS.uri).setNsPrefix("schema", Vocab.SCHEMA)
                .setNsPrefix("xsd", XSD.NS).setNsPrefix("owl", OWL.NS).setNsPrefix("ex", graphName(endpointUrl) + "#");
        Resource endpoint = m.createResource(endpointUrl);
        Resource prefixes = m.createResource(graphName(endpointUrl) + "#prefixes").addProperty(RDF.type, OWL.Ontology);
        Map<String, String> declared = new HashMap<>();
        for (CannedQuery q : catalog.all()) {
            Query query = q.query();
            Resource example = m.createResource(exampleIri(endpointUrl, q.name()))
                    .addProperty(RDF.type, SHACLM.SPARQLExecutable)
                    .addProperty(RDF.type, executableType(query))
                    .addProperty(RDFS.label, q.title(), LANG)
                    .addProperty(RDFS.comment, q.description(), LANG)
                    .addProperty(textProperty(query), q.text())
                    .addProperty(SHACLM.prefixes, prefixes)
                    .addProperty(TARGET, endpoint);
            q.keywords().forEach(k -> example.addProperty(KEYWORDS, k));
            for (int i = 0; i < q.parameters().size(); i++) {
                example.addProperty(SHACLM.parameter, parameter(m, endpointUrl, q.parameters().get(i), i));
            }
            query.getPrefixMapping().getNsPrefixMap().forEach((prefix, namespace) -> {
                String before = declared.putIfAbsent(prefix, namespace);
                if (before == null) {
                    prefixes.addProperty(SHACLM.declare, m.createResource()
                            .addProperty(SHACLM.prefix, prefix)
                            .addProperty(SHACLM.namespace, m.createTypedLiteral(namespace, XSDDatatype.XSDanyURI)));
                } else if (!before.equals(namespace)) {
                    // One shared set of declarations, as the convention has it: a prefix means one thing.
                    throw new IllegalArgumentException("query " + q.name() + " declares prefix '" + prefix + ":' as <"
                            + namespace + ">, another query as <" + before + ">");
                }
            });
        }
        return m;
    }

    private static Resource parameter(Model m, String endpointUrl, Parameter p, int order) {
        Resource r = m.createResource()
                .addProperty(RDF.type, SHACLM.Parameter)
                .addProperty(SHACLM.path, m.createResource(graphName(endpointUrl) + "/parameter#" + p.variable()))
                .addProperty(SHACLM.name, p.name())
                .addLiteral(SHACLM.order, m.createTypedLiteral(order, XSDDatatype.XSDinteger))
                .addLiteral(SHACLM.optional, !p.required());
        switch (p.type()) {
            case STRING -> r.addProperty(SHACLM.datatype, XSD.xstring);
            case INTEGER -> r.addProperty(SHACLM.datatype, XSD.integer);
            case IRI -> r.addProperty(SHACLM.nodeKind, SHACLM.IRI);
        }
        p.defaultValue().ifPresent(d -> r.addProperty(SHACLM.defaultValue, m.asRDFNode(p.type().toNode(d))));
        return r;
    }

    private static Resource executableType(Query query) {
        if (query.isSelectType()) {
            return SHACLM.SPARQLSelectExecutable;
        }
        return query.isAskType() ? SHACLM.SPARQLAskExecutable : SHACLM.SPARQLConstructExecutable;
    }

    private static Property textProperty(Query query) {
        if (query.isSelectType()) {
            return SHACLM.select;
        }
        return query.isAskType() ? SHACLM.ask : SHACLM.construct;
    }

    private static String stripSlash(String endpointUrl) {
        return endpointUrl.endsWith("/") ? endpointUrl.substring(0, endpointUrl.length() - 1) : endpointUrl;
    }
}
