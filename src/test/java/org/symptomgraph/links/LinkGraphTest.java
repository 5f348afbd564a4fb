package org.symptomgraph.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.links.LinkTable.Link;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.ShapesValidator;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.testing.Fixtures;

/** The link graph: its name, the links and their records, the IRI forms, and the shapes. */
class LinkGraphTest {

    private static final String BASE = Iris.DEFAULT_BASE;
    private static final String PREFIXES = Fixtures.PREFIXES + """
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX sssom: <https://w3id.org/sssom/>
            PREFIX obo: <http://purl.obolibrary.org/obo/>
            PREFIX sgr: <https://w3id.org/symptomgraph/>
            """;
    private static final ShapesValidator VALIDATOR = new ShapesValidator();
    private static final Set<Property> MATCHES = Set.of(SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch);

    private static LinkTable table;
    private static DocumentGraph links;
    private static Model petechiae;

    @BeforeAll
    static void load() throws Exception {
        table = LinkTable.read(LinkTableCurationTest.TABLE);
        links = LinkGraph.linkGraph(LinkTableCurationTest.TABLE, new Iris(BASE));
        petechiae = Fixtures.graph(Fixtures.PETECHIAE).model();
    }

    @Test
    void theGraphIsNamedLinksUnderTheBase() {
        assertEquals(BASE + "graph/links", links.name());
        assertEquals(new Iris(BASE).links(), links.name());
    }

    @Test
    void anotherBaseGivesOtherEntityIrisAndTheSameTerms() {
        DocumentGraph other = LinkGraph.linkGraph(LinkTableCurationTest.TABLE, new Iris("http://example.org/kb/"));
        assertEquals("http://example.org/kb/graph/links", other.name());
        assertEquals(links.model().size(), other.model().size());
        for (Property p : MATCHES) {
            other.model().listStatements(null, p, (RDFNode) null).forEach(s -> {
                assertTrue(s.getSubject().getURI().startsWith("http://example.org/kb/"), s.toString());
                assertFalse(s.getObject().asResource().getURI().startsWith(BASE), s.toString());
            });
        }
        assertFalse(other.model().listSubjects().toList().stream()
                .anyMatch(r -> r.isURIResource() && r.getURI().startsWith(BASE)), "a data IRI of the default base");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "cause/cytomegalovirus-infection|exactMatch|http://purl.obolibrary.org/obo/DOID_0080827",
        "cause/cytomegalovirus-infection|exactMatch|http://id.nlm.nih.gov/mesh/D003586",
        "cause/cytomegalovirus-infection|exactMatch|http://snomed.info/id/28944009",
        "cause/cytomegalovirus-infection|exactMatch|https://identifiers.org/umls:C0010823",
        "cause/cytomegalovirus-infection|exactMatch|http://purl.bioontology.org/ontology/ICD10CM/B25",
        "symptom/petechiae|exactMatch|http://purl.obolibrary.org/obo/HP_0000967",
        "symptom/petechiae|exactMatch|https://identifiers.org/meddra:10034754",
        "anatomy/face|exactMatch|http://purl.obolibrary.org/obo/UBERON_0001456",
        "drug/phenytoin|exactMatch|http://purl.obolibrary.org/obo/CHEBI_8107",
        "drug/phenytoin|exactMatch|https://identifiers.org/drugbank:DB00252",
        "drug/phenytoin|exactMatch|http://purl.bioontology.org/ontology/RXNORM/8183",
        "drug/phenytoin|exactMatch|https://identifiers.org/atc:N03AB02",
        "drug/quinine|exactMatch|https://identifiers.org/pharmgkb.drug:PA451213",
        "drug/penicillin|closeMatch|http://purl.obolibrary.org/obo/CHEBI_17334",
        "cause/endocarditis|closeMatch|http://purl.obolibrary.org/obo/DOID_0060000",
        "cause/endocarditis|broadMatch|http://purl.obolibrary.org/obo/DOID_10314",
        "cause/thrombocytopenia|exactMatch|http://purl.obolibrary.org/obo/NCIT_C3408",
        "cause/thrombocytopenia|closeMatch|http://purl.obolibrary.org/obo/HP_0001873",
        "cause/immune-thrombocytopenia|exactMatch|http://snomed.info/id/234490009",
        "cause/immune-thrombocytopenia|closeMatch|https://identifiers.org/mim:188030",
        "cause/mononucleosis|exactMatch|https://identifiers.org/icd:B27",
        "cause/mononucleosis|exactMatch|http://www.ebi.ac.uk/efo/EFO_0007326",
        "cause/meningococcemia|exactMatch|https://identifiers.org/medgen:6300",
        "document/petechiae/2023-05-26/category/infectious-diseases|closeMatch|http://purl.obolibrary.org/obo/MONDO_0005550"})
    void linksToStandardIris(String path, String property, String iri) {
        Model m = links.model();
        assertTrue(m.contains(m.createResource(BASE + path), m.createProperty(SKOS.uri, property), m.createResource(iri)),
                path + " " + property + " " + iri);
    }

    @Test
    void oneRecordPerRowAndOneLinkPerRecord() {
        Model m = links.model();
        List<Resource> records = m.listSubjectsWithProperty(RDF.type, LinkGraph.Mapping).toList();
        assertEquals(table.links().size(), records.size());
        long linkTriples = MATCHES.stream().mapToLong(p -> m.listStatements(null, p, (RDFNode) null).toList().size()).sum();
        assertEquals(table.links().size(), linkTriples);
        for (Resource r : records) {
            assertTrue(r.hasProperty(RDF.type, OWL2.Axiom), r.toString());
            Resource s = r.getPropertyResourceValue(OWL2.annotatedSource);
            Property p = m.createProperty(r.getPropertyResourceValue(OWL2.annotatedProperty).getURI());
            Resource o = r.getPropertyResourceValue(OWL2.annotatedTarget);
            assertTrue(m.contains(s, p, o), r + " describes a link the graph does not state");
        }
    }

    @Test
    void theRecordOfOneRow() {
        Model m = links.model();
        Resource r = m.getResource(BASE + "mapping/cause/rubella/doid/8781");
        assertTrue(r.hasProperty(RDF.type, LinkGraph.Mapping));
        assertEquals(BASE + "cause/rubella", r.getPropertyResourceValue(OWL2.annotatedSource).getURI());
        assertEquals(SKOS.exactMatch.getURI(), r.getPropertyResourceValue(OWL2.annotatedProperty).getURI());
        assertEquals("http://purl.obolibrary.org/obo/DOID_8781", r.getPropertyResourceValue(OWL2.annotatedTarget).getURI());
        assertEquals(LinkGraph.ManualMappingCuration, r.getPropertyResourceValue(LinkGraph.mappingJustification));
        assertEquals("https://bioregistry.io/registry/doid", r.getPropertyResourceValue(LinkGraph.objectSource).getURI());
        assertEquals("Rubella", r.getProperty(LinkGraph.subjectLabel).getString());
        assertEquals("https://github.com/DiseaseOntology/HumanDiseaseOntology/blob/9fbefd6651b79526165453395d06c8fd4bfe4247"
                + "/DOreports/HumanDO.tsv", r.getPropertyResourceValue(DCTerms.source).getURI());
        assertEquals("en", r.getProperty(RDFS.comment).getLanguage());

        Resource snomed = m.getResource(BASE + "mapping/cause/immune-thrombocytopenia/snomed-ct/234490009");
        assertEquals("http://snomed.info/id/234490009", snomed.getPropertyResourceValue(OWL2.annotatedTarget).getURI());
    }

    /** Every external IRI is valid, absolute, of its vocabulary's one form, and free of edition prefixes. */
    @Test
    void everyTargetHasItsVocabularysStandardForm() {
        Model m = links.model();
        for (Link l : table.links()) {
            Resource r = m.getResource(new Iris(BASE).mapping(l.entityPath(), l.vocabulary().name(), l.localId()));
            String target = r.getPropertyResourceValue(OWL2.annotatedTarget).getURI();
            assertTrue(IRIx.create(target).isReference(), target);
            assertTrue(target.startsWith(l.vocabulary().iriPrefix()), l.where() + ": " + target);
            assertTrue(target.matches("https?://.*"), target);
            assertFalse(target.contains("SNOMEDCT_US") || target.contains("UMLS_CUI") || target.contains(" "), target);
            assertEquals(l.vocabulary().registryIri(), r.getPropertyResourceValue(LinkGraph.objectSource).getURI());
            assertTrue(r.getPropertyResourceValue(DCTerms.source).getURI().startsWith("https://github.com/"));
        }
    }

    @Test
    void conformsToTheShapesAloneAndWithThePetechiaeGraph() {
        ValidationReport alone = VALIDATOR.validate(links.model().getGraph());
        assertTrue(alone.conforms(), ShapesValidator.describe(alone, links.model().getGraph()).toString());
        Model union = union();
        ValidationReport r = VALIDATOR.validate(union.getGraph());
        assertTrue(r.conforms(), ShapesValidator.describe(r, union.getGraph()).toString());
    }

    /** Each row breaks the links one way, and names a fragment of the focus node and of the report line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "literal as match target|INSERT DATA { sgr:cause\\/rubella skos:exactMatch 'DOID:8781' }|cause/rubella|IRI",
        "blank node as match target|INSERT DATA { sgr:cause\\/rubella skos:closeMatch [] }|cause/rubella|IRI",
        "link without a record|INSERT DATA { sgr:cause\\/rubella skos:closeMatch <http://www.wikidata.org/entity/Q42> }"
                + "|cause/rubella|no sg:Mapping record",
        "record without its link|DELETE DATA { sgr:cause\\/rubella skos:exactMatch obo:DOID_8781 }"
                + "|mapping/cause/rubella/doid/8781|does not state",
        "record without source|DELETE WHERE { sgr:mapping\\/cause\\/rubella\\/doid\\/8781 dct:source ?s }"
                + "|mapping/cause/rubella/doid/8781|dct:source",
        "record with two sources|INSERT DATA { sgr:mapping\\/cause\\/rubella\\/doid\\/8781 dct:source <https://example.org/x> }"
                + "|mapping/cause/rubella/doid/8781|dct:source",
        "record without subject|DELETE WHERE { sgr:mapping\\/cause\\/rubella\\/doid\\/8781 owl:annotatedSource ?s }"
                + "|mapping/cause/rubella/doid/8781|owl:annotatedSource",
        "record with two targets|INSERT DATA { sgr:mapping\\/cause\\/rubella\\/doid\\/8781 owl:annotatedTarget obo:MONDO_0004656 }"
                + "|mapping/cause/rubella/doid/8781|owl:annotatedTarget",
        "unknown match type|DELETE { ?m owl:annotatedProperty ?p } INSERT { ?m owl:annotatedProperty skos:relatedMatch } "
                + "WHERE { BIND(sgr:mapping\\/cause\\/rubella\\/doid\\/8781 AS ?m) ?m owl:annotatedProperty ?p }"
                + "|mapping/cause/rubella/doid/8781|owl:annotatedProperty",
        "no justification|DELETE WHERE { sgr:mapping\\/cause\\/rubella\\/doid\\/8781 sssom:mapping_justification ?j }"
                + "|mapping/cause/rubella/doid/8781|mapping_justification",
        "comment without language|INSERT DATA { sgr:mapping\\/cause\\/leukemia\\/mondo\\/0005059 rdfs:comment 'plain' }"
                + "|mapping/cause/leukemia/mondo/0005059|rdfs:comment"})
    void brokenLinksFailWithAReadableReport(String what, String update, String focus, String messagePart) {
        Model broken = union();
        UpdateAction.parseExecute(PREFIXES + update, broken);
        ValidationReport r = VALIDATOR.validate(broken.getGraph());
        assertFalse(r.conforms(), what);
        List<String> lines = ShapesValidator.describe(r, broken.getGraph());
        assertTrue(lines.stream().anyMatch(l -> l.contains(focus) && l.contains(messagePart)), what + ": " + lines);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("Violation: <")), lines::toString);
    }

    /** Every term the link graph uses is defined in the ontology or declared there as an external term. */
    @Test
    void theOntologyDefinesTheTermsUsed() {
        Model ontology = RDFDataMgr.loadModel("ontology/symptomgraph.ttl");
        assertTrue(ontology.contains(LinkGraph.Mapping, RDFS.isDefinedBy, ontology.createResource(Vocab.ONTOLOGY)));
        Set<Property> builtIn = Set.of(RDF.type, RDFS.comment, OWL2.annotatedSource, OWL2.annotatedProperty,
                OWL2.annotatedTarget);
        Set<String> undeclared = new HashSet<>();
        for (Statement s : links.model().listStatements().toList()) {
            Property p = s.getPredicate();
            if (!builtIn.contains(p) && !ontology.contains(p, RDF.type, OWL2.ObjectProperty)
                    && !ontology.contains(p, RDF.type, OWL2.AnnotationProperty)) {
                undeclared.add(p.getURI());
            }
        }
        assertEquals(Set.of(), undeclared);
    }

    private static Model union() {
        return ModelFactory.createDefaultModel().add(petechiae).add(links.model());
    }
}
