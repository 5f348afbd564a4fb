package org.symptomgraph.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.links.VocabularyIndex.Table;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Fixtures;

/**
 * The other wordings of a name the linker tries (NameVariants), British spellings, the project's
 * added and doubtful synonyms: each rule on a page, and each word rule proven on the shipped tables.
 */
class NameVariantsTest {

    private static final String BASE = Iris.DEFAULT_BASE;
    private static final String OBO = "http://purl.obolibrary.org/obo/";

    @TempDir
    Path dir;

    @Test
    void britishSpellingsHaveTheAmericanKey() {
        assertEquals(NameNormaliser.key("acute lymphocytic leukemia"), NameNormaliser.key("Acute lymphocytic leukaemia"));
        assertEquals(NameNormaliser.key("esophagitis"), NameNormaliser.key("Oesophagitis"));
        assertEquals("hemophilia", NameNormaliser.key("haemophilia"));
        assertEquals("diarrhea", NameNormaliser.key("Diarrhoea"));
        assertEquals("brain tumor", NameNormaliser.key("Brain tumours"));
        assertEquals(NameNormaliser.key("leukocytosis"), NameNormaliser.key("leucocytosis"));
    }

    /** Each word the variants read as another is used so by the tables themselves, for one term. */
    @Test
    void theWordRulesAreProvenOnTheTables() {
        VocabularyIndex index = VocabularyIndex.shipped();
        for (Map.Entry<String, String> e : NameVariants.WORD_SUBSTITUTIONS.entrySet()) {
            int[] sameAndOther = pairs(index, k -> List.of(k.split(" ")).contains(e.getKey())
                    ? List.of(k.split(" ")).stream().map(w -> w.equals(e.getKey()) ? e.getValue() : w)
                    .collect(Collectors.joining(" ")) : null);
            assertTrue(sameAndOther[0] >= 3 && sameAndOther[1] * 20 <= sameAndOther[0],
                    "'" + e.getKey() + "' for '" + e.getValue() + "': " + sameAndOther[0] + " terms use both, "
                            + sameAndOther[1] + " use them for two terms");
        }
        for (Map.Entry<String, String> e : NameVariants.EQUIVALENT_TRAILING_WORDS.entrySet()) {
            int[] sameAndOther = pairs(index, k -> k.endsWith(" " + e.getValue() + " " + e.getKey())
                    ? k.substring(0, k.length() - e.getKey().length() - 1) : null);
            assertTrue(sameAndOther[0] >= 3 && sameAndOther[1] == 0, "'" + e.getKey() + "' after '" + e.getValue()
                    + "': " + sameAndOther[0] + " terms with and without, " + sameAndOther[1] + " conflicts");
        }
    }

    /** How many names of DO and SYMP have their other form among the names of the same term, and of another. */
    private static int[] pairs(VocabularyIndex index, java.util.function.Function<String, String> otherForm) {
        int same = 0;
        int other = 0;
        for (Table t : List.of(Table.DOID, Table.SYMP)) {
            for (String key : index.keys(t)) {
                String form = otherForm.apply(key);
                if (form == null || index.lookup(t, form).isEmpty()) {
                    continue;
                }
                Set<String> terms = ids(index, t, key);
                terms.retainAll(ids(index, t, form));
                if (terms.isEmpty()) {
                    other++;
                } else {
                    same++;
                }
            }
        }
        return new int[] {same, other};
    }

    private static Set<String> ids(VocabularyIndex index, Table t, String key) {
        Set<String> ids = new HashSet<>();
        index.lookup(t, key).forEach(n -> ids.add(n.term().id()));
        return ids;
    }

    @Test
    void theVariantsOfANameInOrder() {
        assertEquals(List.of("obstructive sleep apnea"), keys("Sleep apnea, obstructive"));
        assertEquals(List.of("autoimmune disease"), keys("Autoimmune disorders"));
        assertEquals(List.of("type 1 diabete mellitus"), keys("Type 1 diabetes"));
        assertEquals(List.of("type 2 diabete"), keys("Type 2 diabetes mellitus"));
        NameVariants.Variant other = NameVariants.of("Other types of lung disease", NameNormaliser.key("Other types of lung disease")).get(0);
        assertEquals("lung disease", other.key());
        assertTrue(other.closeOnly(), "'other' names the class: close at most");
        assertEquals(List.of("rheumatoid arthriti and other autoimmune disease", "autoimmune disorder",
                "autoimmune disease"), keys("Rheumatoid arthritis and other autoimmune disorders"));
        assertTrue(NameVariants.of("Brain tumor", "brain tumor").get(0).closeOnly(), "a tumor may be benign");
        assertEquals(List.of(), keys("Bacterial, viral, fungal or parasitic infections").stream()
                .filter(k -> k.startsWith("viral")).toList(), "a list is not an inverted name");
    }

    private static List<String> keys(String name) {
        return NameVariants.of(name, NameNormaliser.key(name)).stream().map(NameVariants.Variant::key).toList();
    }

    @Test
    void aPageIsLinkedThroughTheVariantsAndTheProjectsSynonymsButNotThroughDoubtfulOnes() throws Exception {
        Files.writeString(dir.resolve("high-white-blood-cell-count.txt"), """
                High white blood cell count: Causes

                A high white blood cell count may be caused by:

                1. Acute lymphocytic leukaemia
                2. Sleep apnea, obstructive
                3. Type 1 diabetes
                4. Other types of lung disease
                5. Anaphylaxis
                6. COPD exacerbation (chronic obstructive pulmonary disease)
                """);
        Model m = Fixtures.imported(dir.resolve("high-white-blood-cell-count.txt")).model();
        assertTrue(m.contains(r(BASE + "symptom/high-white-blood-cell-count"), SKOS.exactMatch, r(OBO + "SYMP_0000634")),
                "the project's synonym of leukocytosis (added-synonyms.tsv)");
        assertTrue(m.contains(r(BASE + "cause/acute-lymphocytic-leukaemia"), SKOS.exactMatch, r(OBO + "DOID_9952")));
        assertTrue(m.contains(r(BASE + "cause/sleep-apnea-obstructive"), SKOS.exactMatch, r(OBO + "DOID_0050848")));
        assertTrue(m.contains(r(BASE + "cause/type-1-diabetes"), SKOS.exactMatch, r(OBO + "DOID_9744")));
        assertTrue(m.contains(r(BASE + "cause/other-types-of-lung-disease"), SKOS.closeMatch, r(OBO + "DOID_850")));
        assertFalse(m.contains(r(BASE + "cause/other-types-of-lung-disease"), SKOS.exactMatch, (Resource) null));
        assertFalse(m.contains(r(BASE + "cause/anaphylaxis"), null, r(OBO + "SYMP_0000895")),
                "SYMP's 'anaphylaxis' is a doubtful synonym of anaphylactic shock");
        Resource exacerbation = m.listSubjectsWithProperty(org.apache.jena.vocabulary.RDFS.label, "COPD exacerbation", "en")
                .toList().stream().findFirst().orElseThrow();
        assertFalse(m.contains(exacerbation, SKOS.exactMatch, r(OBO + "DOID_3083")),
                "the other name spells out only the COPD of 'COPD exacerbation'");
    }

    private static Resource r(String iri) {
        return ResourceFactory.createResource(iri);
    }
}
