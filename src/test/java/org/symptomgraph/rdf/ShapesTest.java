package org.symptomgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.update.UpdateAction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.testing.Fixtures;

/** The importer's output passes the shapes, and each kind of broken graph fails with a readable report. */
class ShapesTest {

    private static final ShapesValidator VALIDATOR = new ShapesValidator();
    private static Model petechiae;

    @BeforeAll
    static void load() throws Exception {
        petechiae = Fixtures.graph(Fixtures.PETECHIAE).model();
    }

    @Test
    void everyImportedDocumentConforms() throws Exception {
        for (String name : List.of("easy-bruising.txt", "nosebleeds.txt", "hiccups.txt", "headache.txt")) {
            Model m = Fixtures.graph(Fixtures.testDocument(name)).model();
            ValidationReport r = VALIDATOR.validate(m.getGraph());
            assertTrue(r.conforms(), name + ": " + ShapesValidator.describe(r, m.getGraph()));
        }
        ValidationReport r = VALIDATOR.validate(petechiae.getGraph());
        assertTrue(r.conforms(), ShapesValidator.describe(r, petechiae.getGraph()).toString());
    }

    /**
     * Each row breaks the petechiae graph one way (a SPARQL Update) and names what the report must
     * say: a fragment of the focus node and a fragment of the message.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "symptom without label|DELETE { ?s rdfs:label ?l } WHERE { ?s a schema:MedicalSignOrSymptom ; rdfs:label ?l }"
                + "|symptom/petechiae|rdfs:label",
        "two English prefLabels|INSERT DATA { <https://w3id.org/symptomgraph/cause/leukemia> skos:prefLabel 'Leukaemia'@en }"
                + "|cause/leukemia|prefLabel",
        "position 0|DELETE { ?c sg:position ?p } INSERT { ?c sg:position 0 } WHERE { ?c skos:prefLabel 'Medicines'@en ; sg:position ?p }"
                + "|category/medicines|position",
        "position as text|DELETE { ?c sg:position ?p } INSERT { ?c sg:position '2' } WHERE { ?c skos:prefLabel 'Medicines'@en ; sg:position ?p }"
                + "|category/medicines|position",
        "category of two symptoms|INSERT { ?c sg:categoryOf <https://w3id.org/symptomgraph/symptom/bruising> . <https://w3id.org/symptomgraph/symptom/bruising> a schema:MedicalSignOrSymptom } WHERE { ?c skos:prefLabel 'Medicines'@en }"
                + "|category/medicines|categoryOf",
        "category cycle|INSERT { ?p skos:broader ?c } WHERE { ?c skos:broader ?p ; skos:prefLabel 'Infectious diseases'@en }"
                + "|category/medical-conditions|",
        "cause no symptom names|DELETE WHERE { ?s schema:cause <https://w3id.org/symptomgraph/cause/rubella> }"
                + "|cause/rubella|",
        "cause in a non-category|INSERT DATA { <https://w3id.org/symptomgraph/cause/rubella> sg:inCategory <https://w3id.org/symptomgraph/cause/leukemia> }"
                + "|cause/rubella|",
        "cause named by a fragment|DELETE { ?c rdfs:label ?l } INSERT { ?c rdfs:label 'Prednisone thin the'@en } WHERE { ?c rdfs:label ?l FILTER(?c = <https://w3id.org/symptomgraph/cause/rubella>) }"
                + "|cause/rubella|fragment",
        "cause named from a remark|DELETE { ?c rdfs:label ?l } INSERT { ?c rdfs:label 'especially at high doses'@en } WHERE { ?c rdfs:label ?l FILTER(?c = <https://w3id.org/symptomgraph/cause/rubella>) }"
                + "|cause/rubella|fragment",
        "cause named by a sentence|DELETE { ?c rdfs:label ?l } INSERT { ?c rdfs:label 'This very long text is a whole paragraph of a page that was taken for the name of a cause although it goes on and on about what the cause does to the body and when to see a doctor about it, which no name ever does.'@en } WHERE { ?c rdfs:label ?l FILTER(?c = <https://w3id.org/symptomgraph/cause/rubella>) }"
                + "|cause/rubella|200 characters",
        "frequency outside the scheme|INSERT { ?c sg:frequency schema:Virus } WHERE { ?c skos:prefLabel 'Medicines'@en }"
                + "|category/medicines|frequency",
        "date as a string|DELETE { ?d dct:date ?x } INSERT { ?d dct:date 'May 26, 2023' } WHERE { ?d dct:date ?x }"
                + "|document/petechiae/2023-05-26|date",
        "bad checksum|DELETE { ?d sg:contentSha256 ?x } INSERT { ?d sg:contentSha256 'ABC' } WHERE { ?d sg:contentSha256 ?x }"
                + "|document/petechiae/2023-05-26|",
        "brand with a language tag|INSERT DATA { <https://w3id.org/symptomgraph/drug/quinine> schema:proprietaryName 'Quinsan'@en }"
                + "|drug/quinine|",
        "graph without source|DELETE WHERE { ?g prov:wasDerivedFrom ?d }"
                + "|graph/petechiae/2023-05-26|",
        "name without its key|DELETE DATA { <https://w3id.org/symptomgraph/cause/scurvy> sg:nameKey 'vitamin c deficiency' }"
                + "|cause/scurvy|vitamin c deficiency",
        "key of no name|INSERT DATA { <https://w3id.org/symptomgraph/cause/leukemia> sg:nameKey 'leukaemia' }"
                + "|cause/leukemia|leukaemia",
        "brand key of no brand|INSERT DATA { <https://w3id.org/symptomgraph/drug/quinine> sg:brandKey 'quinsan' }"
                + "|drug/quinine|quinsan",
        "key with a language tag|DELETE { ?s sg:nameKey ?k } INSERT { ?s sg:nameKey 'petechiae'@en } WHERE { ?s a schema:MedicalSignOrSymptom ; sg:nameKey ?k }"
                + "|symptom/petechiae|nameKey",
        "unknown agent class|INSERT { ?c sg:agentClass schema:Plant } WHERE { ?c skos:prefLabel 'Infectious diseases'@en }"
                + "|category/infectious-diseases|"})
    void brokenGraphsFailWithAReadableReport(String what, String update, String focus, String messagePart) {
        Model broken = ModelFactory.createDefaultModel().add(petechiae);
        UpdateAction.parseExecute(Fixtures.PREFIXES + update, broken);
        ValidationReport r = VALIDATOR.validate(broken.getGraph());
        assertFalse(r.conforms(), what);
        List<String> lines = ShapesValidator.describe(r, broken.getGraph());
        String expectedPart = messagePart == null ? "" : messagePart;
        assertTrue(lines.stream().anyMatch(l -> l.contains(focus) && l.contains(expectedPart)),
                what + ": " + lines);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("Violation: <") || l.startsWith("Warning: <")), lines::toString);
    }
}
