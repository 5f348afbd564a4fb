package org.symptomgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symptomgraph.testing.Fixtures.ask;
import static org.symptomgraph.testing.Fixtures.select;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.symptomgraph.testing.Fixtures;

/** The petechiae document as RDF: every fact the foundation issue names, asked of the graph. */
class PetechiaeGraphTest {

    private static final String S = "https://w3id.org/symptomgraph/";
    private static DocumentGraph graph;
    private static Model m;

    @BeforeAll
    static void map() throws Exception {
        graph = Fixtures.graph(Fixtures.PETECHIAE);
        m = graph.model();
    }

    @Test
    void namedGraphIsTheDatedDocumentVersion() {
        assertEquals(S + "graph/petechiae/2023-05-26", graph.name());
    }

    @Test
    void twentyTwoCausesLinkedToTheSymptom() {
        assertEquals(List.of("22"), select(m, """
                SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {
                  <https://w3id.org/symptomgraph/symptom/petechiae> schema:cause ?c . ?c a schema:MedicalCause }""",
                "n"));
    }

    @Test
    void fiveCategoriesWithTheirTree() {
        assertEquals(List.of("Infectious diseases", "Medical conditions", "Medicines", "Other medical conditions",
                "Prolonged straining"), select(m, """
                SELECT ?l WHERE { ?c a sg:CauseCategory ; skos:prefLabel ?l ;
                  sg:categoryOf <https://w3id.org/symptomgraph/symptom/petechiae> } ORDER BY ?l""", "l"));
        assertEquals(List.of("Infectious diseases", "Other medical conditions"), select(m, """
                SELECT ?l WHERE { ?c skos:broader/skos:prefLabel "Medical conditions"@en ; skos:prefLabel ?l }
                ORDER BY ?l""", "l"));
        assertEquals(List.of("Medical conditions", "Medicines"), select(m, """
                SELECT ?l WHERE { ?c sg:inferred true ; skos:prefLabel ?l } ORDER BY ?l""", "l"));
    }

    @Test
    void causePathThroughCategories() {
        assertTrue(ask(m, """
                ASK { <https://w3id.org/symptomgraph/cause/leukemia> sg:inCategory ?c .
                      ?c skos:prefLabel "Other medical conditions"@en ; skos:broader ?p .
                      ?p skos:prefLabel "Medical conditions"@en ;
                         sg:categoryOf <https://w3id.org/symptomgraph/symptom/petechiae> }"""));
        assertEquals(List.of("0"), select(m, """
                SELECT (COUNT(?c) AS ?n) WHERE { ?s schema:cause ?c FILTER NOT EXISTS { ?c sg:inCategory ?k } }""",
                "n"), "every cause of petechiae sits in a category");
    }

    @Test
    void threeDrugsAndTheirBrands() {
        assertEquals(List.of("Penicillin", "Phenytoin", "Quinine"),
                select(m, "SELECT ?l WHERE { ?d a schema:Drug ; skos:prefLabel ?l } ORDER BY ?l", "l"));
        assertEquals(List.of("Phenytoin Cerebyx", "Phenytoin Dilantin-125", "Quinine Qualaquin"), select(m, """
                SELECT (CONCAT(?l, " ", ?b) AS ?x) WHERE { ?d a schema:Drug ; skos:prefLabel ?l ;
                  schema:proprietaryName ?b FILTER(datatype(?b) = xsd:string) } ORDER BY ?x""", "x"));
        assertEquals(List.of(S + "drug/phenytoin"),
                select(m, "SELECT ?d WHERE { ?d sg:otherBrandsExist true }", "d"));
        assertFalse(ask(m, "ASK { ?d schema:proprietaryName ?b FILTER(CONTAINS(LCASE(?b), 'other')) }"));
    }

    @Test
    void aliasesAndAbbreviations() {
        assertEquals(List.of("CMV infection", "COVID-19", "ITP", "vitamin C deficiency"),
                select(m, "SELECT ?a WHERE { ?c skos:altLabel ?a } ORDER BY ?a", "a"));
        assertEquals(List.of("CMV", "COVID-19", "ITP"),
                select(m, "SELECT ?a WHERE { ?c sg:abbreviation ?a } ORDER BY ?a", "a"));
        assertTrue(ask(m, """
                ASK { <https://w3id.org/symptomgraph/cause/scurvy> skos:altLabel "vitamin C deficiency"@en ;
                      a schema:MedicalCondition }"""));
    }

    @Test
    void eachNameHasItsLookupKey() {
        // A symptom by its label; a cause by its label, other names and abbreviations; brands apart.
        assertEquals(List.of("petechiae"), keys(S + "symptom/petechiae", Vocab.nameKey));
        assertEquals(List.of("cmv", "cmv infection", "cytomegalovirus infection"),
                keys(S + "cause/cytomegalovirus-infection", Vocab.nameKey));
        assertEquals(List.of("immune thrombocytopenia", "itp"), keys(S + "cause/immune-thrombocytopenia", Vocab.nameKey));
        assertEquals(List.of("scurvy", "vitamin c deficiency"), keys(S + "cause/scurvy", Vocab.nameKey));
        // "COVID-19" is both the other name and the abbreviation: one key.
        assertEquals(List.of("coronavirus disease 2019", "covid-19"),
                keys(S + "cause/coronavirus-disease-2019", Vocab.nameKey));
        assertEquals(List.of("phenytoin"), keys(S + "drug/phenytoin", Vocab.nameKey));
        assertEquals(List.of("cerebyx", "dilantin-125"), keys(S + "drug/phenytoin", Vocab.brandKey));
        assertEquals(List.of(), keys(S + "cause/leukemia", Vocab.brandKey));
    }

    @Test
    void everySymptomAndCauseHasExactlyTheKeysOfItsNames() throws Exception {
        for (String name : List.of("easy-bruising.txt", "nosebleeds.txt", "hiccups.txt", "headache.txt")) {
            assertExactKeys(Fixtures.graph(Fixtures.testDocument(name)).model());
        }
        assertExactKeys(m);
        // Keys are for what the queries look up; nothing else has one.
        assertEquals(List.of("0"), select(m, """
                SELECT (COUNT(*) AS ?n) WHERE { ?x sg:nameKey|sg:brandKey ?k
                  FILTER NOT EXISTS { ?x a schema:MedicalSignOrSymptom } FILTER NOT EXISTS { ?x a schema:MedicalCause } }""",
                "n"));
        assertEquals(List.of("0"), select(m, """
                SELECT (COUNT(*) AS ?n) WHERE { ?x sg:nameKey|sg:brandKey ?k FILTER(datatype(?k) != xsd:string) }""",
                "n"), "keys are plain strings, never language-tagged");
    }

    /** The keys of the names each node has, worked out here with the model API, are exactly its keys. */
    private static void assertExactKeys(Model graph) {
        for (Resource symptom : graph.listSubjectsWithProperty(RDF.type, Vocab.MedicalSignOrSymptom).toList()) {
            assertEquals(keysOf(symptom, RDFS.label), keys(symptom, Vocab.nameKey), symptom.getURI());
            assertEquals(Set.of(), keys(symptom, Vocab.brandKey), symptom.getURI());
        }
        for (Resource cause : graph.listSubjectsWithProperty(RDF.type, Vocab.MedicalCause).toList()) {
            assertEquals(keysOf(cause, RDFS.label, SKOS.altLabel, Vocab.abbreviation), keys(cause, Vocab.nameKey),
                    cause.getURI());
            assertEquals(keysOf(cause, Vocab.proprietaryName), keys(cause, Vocab.brandKey), cause.getURI());
        }
    }

    private static Set<String> keysOf(Resource r, Property... names) {
        Set<String> keys = new TreeSet<>();
        for (Property name : names) {
            r.listProperties(name).forEach(s -> keys.add(
                    s.getString().strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)));
        }
        return keys;
    }

    private static Set<String> keys(Resource r, Property key) {
        Set<String> keys = new TreeSet<>();
        r.listProperties(key).forEach(s -> keys.add(s.getString()));
        return keys;
    }

    private static List<String> keys(String iri, Property key) {
        return List.copyOf(keys(m.createResource(iri), key));
    }

    @Test
    void typesFollowTheKindOfCause() {
        assertEquals(List.of("9"), select(m, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a schema:InfectiousDisease }", "n"));
        assertEquals(List.of("6"), select(m, "SELECT (COUNT(?c) AS ?n) WHERE { ?c a schema:MedicalCondition }", "n"));
        assertEquals(List.of("Coughing", "Giving birth", "Lifting weights", "Vomiting"),
                select(m, "SELECT ?l WHERE { ?c a sg:Activity ; rdfs:label ?l } ORDER BY ?l", "l"));
    }

    @Test
    void bodySitesAndAgents() {
        assertEquals(List.of("Chest", "Face", "Neck"), select(m, """
                SELECT ?l WHERE { ?c skos:prefLabel "Prolonged straining"@en ; sg:bodySite/rdfs:label ?l } ORDER BY ?l""",
                "l"));
        assertEquals(List.of("https://schema.org/Bacteria", "https://schema.org/Fungus", "https://schema.org/Virus"),
                select(m, "SELECT ?a WHERE { ?c sg:agentClass ?a } ORDER BY ?a", "a"));
    }

    @Test
    void documentDateAndProvenance() {
        assertTrue(ask(m, """
                ASK { ?doc a sg:SourceDocument ; dct:date "2023-05-26"^^xsd:date ; sg:sourceFile "petechiae.txt" ;
                           dct:isVersionOf <https://w3id.org/symptomgraph/document/petechiae> ;
                           schema:about <https://w3id.org/symptomgraph/symptom/petechiae> ;
                           sg:disclaimer ?d .
                      <https://w3id.org/symptomgraph/graph/petechiae/2023-05-26> prov:wasDerivedFrom ?doc ;
                           prov:wasGeneratedBy ?a .
                      ?a prov:used ?doc ; prov:wasAssociatedWith ?sw . ?sw a prov:SoftwareAgent ;
                           schema:softwareVersion ?v }"""));
        assertFalse(ask(m, "ASK { ?a prov:endedAtTime ?t }"), "a file export is reproducible: no import time");
        assertTrue(ask(m, """
                ASK { <https://w3id.org/symptomgraph/symptom/petechiae> sg:mechanism ?t
                      FILTER(STRSTARTS(?t, "Tiny blood vessels")) }"""));
    }

    @Test
    void noBoilerplateAnywhere() {
        for (RDFNode o : m.listObjects().toList()) {
            String text = o.isLiteral() ? o.asLiteral().getLexicalForm().toLowerCase() : o.toString().toLowerCase();
            for (String word : List.of("inbox", "newsletter", "privacy", "email", "unsubscribe", "mayo", "sign up")) {
                assertFalse(text.contains(word), word + " in " + text);
            }
        }
    }
}
