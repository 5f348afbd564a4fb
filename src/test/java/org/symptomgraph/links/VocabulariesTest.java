package org.symptomgraph.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each vocabulary's identifiers, in every form the reference data writes them, give its one standard IRI. */
class VocabulariesTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        // OBO Foundry PURLs
        "HPO|HP:0000967|http://purl.obolibrary.org/obo/HP_0000967",
        "DOID|DOID:0080827|http://purl.obolibrary.org/obo/DOID_0080827",
        "DOID|DOID:865|http://purl.obolibrary.org/obo/DOID_865",
        "MONDO|MONDO:0005132|http://purl.obolibrary.org/obo/MONDO_0005132",
        "NCIT|NCIT:C3408|http://purl.obolibrary.org/obo/NCIT_C3408",
        "NCIT|NCI:C53649|http://purl.obolibrary.org/obo/NCIT_C53649",
        "ChEBI|CHEBI:8107|http://purl.obolibrary.org/obo/CHEBI_8107",
        "UBERON|UBERON:0001456|http://purl.obolibrary.org/obo/UBERON_0001456",
        // the vocabularies' own IRIs
        "EFO|EFO:0001062|http://www.ebi.ac.uk/efo/EFO_0001062",
        "MeSH|MESH:D003586|http://id.nlm.nih.gov/mesh/D003586",
        "MeSH|mesh:D000086382|http://id.nlm.nih.gov/mesh/D000086382",
        "SNOMED CT|SNOMEDCT_US_2025_09_01:28944009|http://snomed.info/id/28944009",
        "SNOMED CT|SCTID:36653000|http://snomed.info/id/36653000",
        "Orphanet|ORDO:852|http://www.orpha.net/ORDO/Orphanet_852",
        "Wikidata|Q42|http://www.wikidata.org/entity/Q42",
        // identifiers.org
        "UMLS|UMLS_CUI:C0010823|https://identifiers.org/umls:C0010823",
        "UMLS|UMLS:C0040034|https://identifiers.org/umls:C0040034",
        "UMLS|C0031256|https://identifiers.org/umls:C0031256",
        "DrugBank|DB00252|https://identifiers.org/drugbank:DB00252",
        "PharmGKB|PA450947|https://identifiers.org/pharmgkb.drug:PA450947",
        "ATC|N03AB02|https://identifiers.org/atc:N03AB02",
        "MedGen|MEDGEN:8239|https://identifiers.org/medgen:8239",
        "MedDRA|MEDDRA:10034754|https://identifiers.org/meddra:10034754",
        "OMIM|MIM:188030|https://identifiers.org/mim:188030",
        "ICD-10 (WHO)|ICD10WHO:B27|https://identifiers.org/icd:B27",
        // BioPortal PURLs, for the two without an identifiers.org namespace or IRIs of their own
        "ICD-10-CM|ICD10CM:B25|http://purl.bioontology.org/ontology/ICD10CM/B25",
        "ICD-10-CM|ICD10CM:C95.90|http://purl.bioontology.org/ontology/ICD10CM/C95.90",
        "ICD-10-CM|ICD10CM:A00-B99|http://purl.bioontology.org/ontology/ICD10CM/A00-B99",
        "RxNorm|RxNorm:8183|http://purl.bioontology.org/ontology/RXNORM/8183"})
    void standardIris(String vocabulary, String id, String iri) {
        assertEquals(iri, Vocabularies.iri(vocabulary, id));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "HPO|HP:967", "HPO|HP_0000967", "HPO|0000967", "DOID|DOID_0080827", "MONDO|MONDO:5132",
        "NCIT|C3408", "MeSH|D003586", "MeSH|MESH:Q000009", "SNOMED CT|28944009", "SNOMED CT|SCTID:12a",
        "UMLS|C001082", "UMLS|CUI:C0010823", "ICD-10-CM|ICD10CM:b25", "ICD-10-CM|ICD10CM:B25.", "ICD-10-CM|B25",
        "DrugBank|DB252", "ATC|N03AB2", "MedDRA|MEDDRA:1003475", "OMIM|MIM:18803", "RxNorm|8183",
        "Wikidata|P31", "UBERON|UBERON:1456", "ChEBI|CHEBI:"})
    void malformedIdentifiersAreRejected(String vocabulary, String id) {
        Vocabularies.Vocabulary v = Vocabularies.byName(vocabulary).orElseThrow();
        assertFalse(v.accepts(id), id);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.iri(id));
        assertTrue(e.getMessage().contains(v.example()), e.getMessage());
    }

    @Test
    void unsupportedVocabulariesAreUnknown() {
        for (String name : Set.of("GARD", "ICD-9-CM", "ICD-O", "DOID (historical)", "doid", "MESH")) {
            assertTrue(Vocabularies.byName(name).isEmpty(), name);
            assertThrows(IllegalArgumentException.class, () -> Vocabularies.iri(name, "X:1"));
        }
    }

    @Test
    void everyVocabularyHasAnAbsoluteIriAndARegistryEntry() {
        for (Vocabularies.Vocabulary v : Vocabularies.all()) {
            String iri = v.iri(v.example());
            assertTrue(iri.matches("https?://[^\\s<>\"{}|\\\\^`]+"), iri);
            assertTrue(v.registryIri().startsWith("https://bioregistry.io/registry/"), v.registryIri());
        }
        Set<String> prefixes = Vocabularies.all().stream().map(Vocabularies.Vocabulary::iriPrefix).collect(Collectors.toSet());
        assertEquals(Vocabularies.all().size(), prefixes.size(), "two vocabularies share an IRI form");
    }
}
