package org.symptomgraph.links;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.symptomgraph.links.LinkTable.Link;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.Vocab;

/**
 * The RDF of the link table: the named graph {@code {base}graph/links}.
 *
 * <p>Each row gives the mapping triple itself, so that a query needs nothing else:
 * <pre>
 *   sgr:cause/rubella skos:exactMatch obo:DOID_8781 .
 * </pre>
 * and one mapping record for it, in the RDF form of SSSOM (the Simple Standard for Sharing Ontological
 * Mappings, https://w3id.org/sssom/): the record is an {@code owl:Axiom} whose
 * {@code owl:annotatedSource}, {@code owl:annotatedProperty} and {@code owl:annotatedTarget} are the
 * triple (SSSOM's subject_id, predicate_id and object_id), also typed {@code sg:Mapping} so that the
 * shapes and queries can find it, with an IRI of its own ({@link Iris#mapping}):
 * <pre>
 *   sgr:mapping/cause/rubella/doid/8781
 *       a sg:Mapping , owl:Axiom ;
 *       owl:annotatedSource   sgr:cause/rubella ;
 *       owl:annotatedProperty skos:exactMatch ;
 *       owl:annotatedTarget   obo:DOID_8781 ;
 *       sssom:mapping_justification semapv:ManualMappingCuration ;   # a curator chose each row
 *       sssom:subject_label "Rubella" ;
 *       sssom:object_source &lt;https://bioregistry.io/registry/doid&gt; ; # the vocabulary
 *       dct:source &lt;https://github.com/DiseaseOntology/HumanDiseaseOntology/blob/{commit}/DOreports/HumanDO.tsv&gt; ;
 *       rdfs:comment "DOID 'rubella'."@en .                           # the curator's note (SSSOM comment)
 * </pre>
 * {@code dct:source} is the file the identifier was read from, at the commit it was read at.
 */
public final class LinkGraph {

    /** The SSSOM namespace. */
    public static final String SSSOM = "https://w3id.org/sssom/";
    /** The Semantic Mapping Vocabulary (SEMAPV) namespace, for mapping justifications. */
    public static final String SEMAPV = "https://w3id.org/semapv/vocab/";

    /** The class of the mapping records. */
    public static final Resource Mapping = ResourceFactory.createResource(Vocab.SG + "Mapping");
    public static final Property mappingJustification = ResourceFactory.createProperty(SSSOM, "mapping_justification");
    public static final Property subjectLabel = ResourceFactory.createProperty(SSSOM, "subject_label");
    public static final Property objectSource = ResourceFactory.createProperty(SSSOM, "object_source");
    public static final Resource ManualMappingCuration = ResourceFactory.createResource(SEMAPV + "ManualMappingCuration");

    private static final String LANG = "en";

    private LinkGraph() {
    }

    /** A property of the SSSOM namespace. */
    static Property sssom(String localName) {
        return ResourceFactory.createProperty(SSSOM, localName);
    }

    /** A term of SEMAPV, the Semantic Mapping Vocabulary. */
    static Resource semapv(String localName) {
        return ResourceFactory.createResource(SEMAPV + localName);
    }

    /**
     * Reads the link table and makes its graph.
     *
     * @param table the link table (data/links/links.tsv)
     * @param iris  the IRIs of the graph, for its base
     * @return the graph named {@code {base}graph/links}
     * @throws LinkTableException             naming every bad row of the table by file and line
     * @throws java.io.UncheckedIOException if the table cannot be read
     */
    public static DocumentGraph linkGraph(Path table, Iris iris) {
        return linkGraph(LinkTable.read(table), iris);
    }

    /** The graph of a table already read. */
    public static DocumentGraph linkGraph(LinkTable table, Iris iris) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.prefixes(iris.base()));
        m.setNsPrefix("owl", OWL2.NS).setNsPrefix("sssom", SSSOM).setNsPrefix("semapv", SEMAPV)
                .setNsPrefix("obo", "http://purl.obolibrary.org/obo/");
        Set<String> records = new HashSet<>();
        for (Link link : table.links()) {
            Resource entity = m.createResource(iris.base() + link.entityPath());
            Resource target = m.createResource(link.targetIri());
            Property predicate = link.match().property();
            entity.addProperty(predicate, target);

            String iri = iris.mapping(link.entityPath(), link.vocabulary().name(), link.localId());
            if (!records.add(iri)) {
                throw new IllegalStateException(link.where() + ": two mappings would share the IRI " + iri);
            }
            Resource mapping = m.createResource(iri)
                    .addProperty(RDF.type, Mapping)
                    .addProperty(RDF.type, OWL2.Axiom)
                    .addProperty(OWL2.annotatedSource, entity)
                    .addProperty(OWL2.annotatedProperty, predicate)
                    .addProperty(OWL2.annotatedTarget, target)
                    .addProperty(mappingJustification, ManualMappingCuration)
                    .addProperty(subjectLabel, link.entityLabel())
                    .addProperty(objectSource, m.createResource(link.vocabulary().registryIri()))
                    .addProperty(DCTerms.source, m.createResource(link.sourceUrl()));
            if (!link.note().isEmpty()) {
                mapping.addProperty(RDFS.comment, link.note(), LANG);
            }
        }
        return new DocumentGraph(iris.links(), m);
    }
}
