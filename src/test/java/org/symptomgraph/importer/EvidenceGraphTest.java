package org.symptomgraph.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symptomgraph.testing.Fixtures.select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.ShapesValidator;
import org.symptomgraph.testing.Fixtures;

/**
 * Every "X may cause Y" keeps its evidence: a sg:CauseAssertion under the document version with the
 * symptom, the cause, the category, the list line or sentence and its line, derived from the document.
 */
class EvidenceGraphTest {

    private static final String S = "https://w3id.org/symptomgraph/";
    private static final String DOC = S + "document/petechiae/2023-05-26";
    private static final ShapesValidator VALIDATOR = new ShapesValidator();
    private static final DocumentMapper MAPPER = new DocumentMapper(new Iris(Iris.DEFAULT_BASE));
    private static Model petechiae;

    @BeforeAll
    static void map() throws Exception {
        petechiae = Fixtures.graph(Fixtures.PETECHIAE).model();
    }

    @Test
    void aListedCauseHasItsListLine() {
        Model expected = ModelFactory.createDefaultModel();
        RDFDataMgr.read(expected, new java.io.StringReader("""
                PREFIX sg: <https://w3id.org/symptomgraph/ontology#>
                PREFIX prov: <http://www.w3.org/ns/prov#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                <https://w3id.org/symptomgraph/document/petechiae/2023-05-26/assertion/leukemia>
                    a sg:CauseAssertion , prov:Entity ;
                    sg:assertedSymptom <https://w3id.org/symptomgraph/symptom/petechiae> ;
                    sg:assertedCause <https://w3id.org/symptomgraph/cause/leukemia> ;
                    sg:assertedCategory <https://w3id.org/symptomgraph/document/petechiae/2023-05-26/category/other-medical-conditions> ;
                    sg:evidenceText "Leukemia"@en ;
                    sg:evidenceLine "34"^^xsd:integer ;
                    prov:wasDerivedFrom <https://w3id.org/symptomgraph/document/petechiae/2023-05-26> .
                """), null, Lang.TURTLE);
        Resource a = petechiae.getResource(DOC + "/assertion/leukemia");
        Model actual = ModelFactory.createDefaultModel().add(petechiae.listStatements(a, null, (org.apache.jena.rdf.model.RDFNode) null));
        assertTrue(expected.isIsomorphicWith(actual), () -> actual.toString());
    }

    @Test
    void aCauseNamedInASentenceHasTheSentence() {
        assertEquals(List.of("12|Petechiae may result from taking some types of medicine, including phenytoin (Cerebyx, "
                + "Dilantin-125, others), penicillin and quinine (Qualaquin).|" + S + "drug/quinine|" + DOC
                + "/category/medicines"), select(petechiae, """
                SELECT (CONCAT(STR(?line), "|", ?text, "|", STR(?cause), "|", STR(?category)) AS ?x) WHERE {
                  <%s/assertion/quinine> sg:evidenceLine ?line ; sg:evidenceText ?text ;
                      sg:assertedCause ?cause ; sg:assertedCategory ?category }""".formatted(DOC), "x"));
        assertEquals(List.of("9", "9", "9", "9"), select(petechiae, """
                SELECT ?line WHERE { ?a sg:assertedCategory/skos:prefLabel "Prolonged straining"@en ;
                  sg:evidenceLine ?line }""", "line"));
    }

    @Test
    void oneAssertionForEachCauseOfThePageWithIntegerLines() {
        assertEquals(List.of("22"), select(petechiae, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a sg:CauseAssertion }", "n"));
        assertEquals(List.of("0"), select(petechiae, """
                SELECT (COUNT(*) AS ?n) WHERE { ?s schema:cause ?c
                  FILTER NOT EXISTS { ?a sg:assertedSymptom ?s ; sg:assertedCause ?c ; sg:evidenceText ?t } }""", "n"),
                "every schema:cause has its evidence");
        assertTrue(petechiae.listObjectsOfProperty(Vocab.evidenceLine).toList().stream()
                .allMatch(o -> o.asLiteral().getDatatype().equals(XSDDatatype.XSDinteger)));
    }

    @Test
    void aCauseListedInTwoCategoriesHasAnAssertionInEach() throws Exception {
        Model m = MAPPER.map(Fixtures.read("bleeding-gums.txt", """
                Bleeding gums may be caused by:

                1. Medicines
                2. Blood thinners

                Medicines

                - Aspirin (Bayer)
                - Phenytoin (Dilantin)

                Blood thinners

                - Warfarin
                - Aspirin
                """).document()).model();
        String base = S + "document/bleeding-gums/undated/assertion/";
        assertEquals(List.of(base + "aspirin/blood-thinners|" + base + "aspirin/medicines", base + "phenytoin",
                base + "warfarin"), select(m, """
                SELECT (GROUP_CONCAT(STR(?a); separator="|") AS ?x) WHERE { ?a sg:assertedCause ?c }
                GROUP BY ?c ORDER BY ?x""", "x"));
        assertEquals(List.of("Blood thinners|14", "Medicines|8"), select(m, """
                SELECT (CONCAT(?l, "|", STR(?line)) AS ?x) WHERE {
                  ?a sg:assertedCause <https://w3id.org/symptomgraph/drug/aspirin> ; sg:evidenceLine ?line ;
                     sg:assertedCategory/skos:prefLabel ?l } ORDER BY ?x""", "x"));
        assertConforms("bleeding-gums", m);
    }

    @Test
    void aCauseOfAPageWithoutCategoriesHasNoCategory() throws Exception {
        Model m = Fixtures.graph(Fixtures.testDocument("bad-breath.txt")).model();
        assertEquals(List.of(S + "document/bad-breath/2021-10-03/assertion/dry-mouth|3|"
                + "Most bad breath results from food particles, poor dental hygiene or dry mouth."), select(m, """
                SELECT (CONCAT(STR(?a), "|", STR(?line), "|", ?text) AS ?x) WHERE {
                  ?a sg:assertedCause <https://w3id.org/symptomgraph/cause/dry-mouth> ;
                     sg:evidenceLine ?line ; sg:evidenceText ?text }""", "x"));
        assertFalse(Fixtures.ask(m, "ASK { ?a sg:assertedCategory ?c }"));
    }

    static Stream<Path> everyFixture() throws IOException {
        return Stream.concat(Stream.of(Fixtures.PETECHIAE), Fixtures.pages().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFixture")
    void everyFixtureGraphConformsToTheShapes(Path fixture) throws Exception {
        assertConforms(fixture.toString(), Fixtures.graph(fixture).model());
    }

    /** Each row breaks the evidence of leukemia one way and names a fragment of the report. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no evidence text|DELETE WHERE { ?a sg:assertedCause <https://w3id.org/symptomgraph/cause/leukemia> ; sg:evidenceText ?t }|sg:evidenceText",
        "line as xsd:int|DELETE { ?a sg:evidenceLine ?l } INSERT { ?a sg:evidenceLine '34'^^xsd:int } WHERE { ?a sg:assertedCause <https://w3id.org/symptomgraph/cause/leukemia> ; sg:evidenceLine ?l }|sg:evidenceLine",
        "line 0|DELETE { ?a sg:evidenceLine ?l } INSERT { ?a sg:evidenceLine 0 } WHERE { ?a sg:assertedCause <https://w3id.org/symptomgraph/cause/leukemia> ; sg:evidenceLine ?l }|sg:evidenceLine",
        "two causes|INSERT { ?a sg:assertedCause <https://w3id.org/symptomgraph/cause/rubella> } WHERE { ?a sg:assertedCause <https://w3id.org/symptomgraph/cause/leukemia> }|sg:assertedCause",
        "wrong category|DELETE { ?a sg:assertedCategory ?c } INSERT { ?a sg:assertedCategory <https://w3id.org/symptomgraph/document/petechiae/2023-05-26/category/medicines> } WHERE { ?a sg:assertedCause <https://w3id.org/symptomgraph/cause/leukemia> ; sg:assertedCategory ?c }|its category",
        "no document|DELETE WHERE { ?a sg:assertedCause <https://w3id.org/symptomgraph/cause/leukemia> ; prov:wasDerivedFrom ?d }|prov:wasDerivedFrom",
        "no evidence for a cause|DELETE WHERE { ?a sg:assertedCause <https://w3id.org/symptomgraph/cause/leukemia> ; ?p ?o }|no sg:CauseAssertion"})
    void brokenEvidenceFailsTheShapes(String what, String update, String messagePart) {
        Model broken = ModelFactory.createDefaultModel().add(petechiae);
        UpdateAction.parseExecute(Fixtures.PREFIXES + update, broken);
        ValidationReport r = VALIDATOR.validate(broken.getGraph());
        assertFalse(r.conforms(), what);
        List<String> lines = ShapesValidator.describe(r, broken.getGraph());
        assertTrue(lines.stream().anyMatch(l -> l.contains("leukemia") && l.contains(messagePart)), what + ": " + lines);
    }

    private static void assertConforms(String what, Model m) {
        ValidationReport r = VALIDATOR.validate(m.getGraph());
        assertTrue(r.conforms(), () -> what + ": " + ShapesValidator.describe(r, m.getGraph()));
    }
}
