package org.symptomgraph.importer;

import org.symptomgraph.importer.page.DocumentException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.symptomgraph.model.AgentClass;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.model.SymptomDocument;
import org.symptomgraph.testing.Fixtures;

/** Every fact of the seed document, read into the model. */
class PetechiaeDocumentTest {

    private static SymptomDocument doc;
    private static ImportedDocument result;
    private static Map<String, Category> categories;
    private static Map<String, Cause> causes;

    @BeforeAll
    static void parse() throws DocumentException {
        result = Fixtures.parse(Fixtures.PETECHIAE);
        doc = result.document();
        categories = doc.allCategories().stream().collect(Collectors.toMap(Category::name, Function.identity()));
        causes = doc.allCauses().stream().collect(Collectors.toMap(Cause::label, Function.identity()));
    }

    @Test
    void bundledDocumentIsTheSeedUnchanged() throws Exception {
        Path seed = Path.of("../shared/seed/petechiae.txt");
        Assumptions.assumeTrue(Files.exists(seed), "../shared is not beside this checkout");
        assertEquals(Files.readString(seed), Files.readString(Fixtures.PETECHIAE));
    }

    @Test
    void symptomMechanismDateAndDisclaimer() {
        assertEquals("Petechiae", doc.symptom());
        assertEquals("petechiae", doc.id());
        assertEquals(Optional.of(LocalDate.of(2023, 5, 26)), doc.date());
        assertEquals(Optional.of("Tiny blood vessels, called capillaries, link the smallest parts of your arteries to "
                + "the smallest parts of your veins. Petechiae form when capillaries bleed, leaking blood into the skin."),
                doc.mechanism());
        assertEquals(Optional.of("Causes shown here are commonly associated with this symptom. Work with your doctor "
                + "or other health care professional for an accurate diagnosis."), doc.disclaimer());
        assertEquals(64, doc.sha256().length());
        assertTrue(result.warnings().isEmpty(), result.warnings().toString());
    }

    @Test
    void categoryTreeFollowsTheIntroList() {
        assertEquals(List.of("Prolonged straining", "Medicines", "Medical conditions"),
                doc.categories().stream().map(Category::name).toList());
        assertEquals(List.of("Infectious diseases", "Other medical conditions"),
                categories.get("Medical conditions").children().stream().map(Category::name).toList());
        assertEquals(5, doc.allCategories().size());
    }

    @Test
    void categoriesWithoutHeadingsAreInferredFromTheIntro() {
        assertTrue(categories.get("Medicines").inferred());
        assertTrue(categories.get("Medical conditions").inferred());
        assertFalse(categories.get("Prolonged straining").inferred());
        assertFalse(categories.get("Infectious diseases").inferred());
        assertFalse(categories.get("Other medical conditions").inferred());
    }

    @Test
    void causesPerCategory() {
        assertEquals(List.of("Coughing", "Vomiting", "Giving birth", "Lifting weights"),
                labels(categories.get("Prolonged straining")));
        assertEquals(List.of("Phenytoin", "Penicillin", "Quinine"), labels(categories.get("Medicines")));
        assertEquals(List.of("Cytomegalovirus infection", "Coronavirus disease 2019", "Endocarditis", "Meningococcemia",
                "Mononucleosis", "Rubella", "Scarlet fever", "Strep throat", "Viral hemorrhagic fevers"),
                labels(categories.get("Infectious diseases")));
        assertEquals(List.of("Cryoglobulinemia", "Immune thrombocytopenia", "Leukemia", "Scurvy", "Thrombocytopenia",
                "Vasculitis"), labels(categories.get("Other medical conditions")));
        assertTrue(categories.get("Medical conditions").causes().isEmpty());
        assertEquals(22, doc.allCauses().size());
        assertTrue(doc.causes().isEmpty(), "every cause is in a category");
    }

    @Test
    void kindsFollowTheCategory() {
        assertEquals(CauseKind.ACTIVITY, causes.get("Lifting weights").kind());
        assertEquals(CauseKind.DRUG, causes.get("Quinine").kind());
        assertEquals(CauseKind.INFECTION, causes.get("Rubella").kind());
        assertEquals(CauseKind.CONDITION, causes.get("Leukemia").kind());
    }

    @Test
    void drugsWithBrandsAndTheOthersMarker() {
        Cause phenytoin = causes.get("Phenytoin");
        assertEquals(List.of("Cerebyx", "Dilantin-125"), phenytoin.brands());
        assertTrue(phenytoin.otherBrands());
        assertEquals(List.of(), causes.get("Penicillin").brands());
        assertFalse(causes.get("Penicillin").otherBrands());
        assertEquals(List.of("Qualaquin"), causes.get("Quinine").brands());
        assertFalse(causes.get("Quinine").otherBrands());
        assertTrue(doc.allCauses().stream().flatMap(c -> c.brands().stream()).noneMatch(b -> b.contains("other")));
    }

    @Test
    void parenthesesAfterConditionsAreAliasesNotBrands() {
        assertAliases("Cytomegalovirus infection", List.of("CMV infection"), List.of("CMV"));
        assertAliases("Coronavirus disease 2019", List.of("COVID-19"), List.of("COVID-19"));
        assertAliases("Immune thrombocytopenia", List.of("ITP"), List.of("ITP"));
        assertAliases("Scurvy", List.of("vitamin C deficiency"), List.of());
        assertTrue(doc.allCauses().stream().filter(c -> c.kind() != CauseKind.DRUG).allMatch(c -> c.brands().isEmpty()));
    }

    @Test
    void strainingSitesAndInfectiousAgents() {
        assertEquals(List.of("Face", "Neck", "Chest"), categories.get("Prolonged straining").bodySites());
        assertEquals(List.of(AgentClass.BACTERIA, AgentClass.FUNGUS, AgentClass.VIRUS).stream().sorted().toList(),
                categories.get("Infectious diseases").agentClasses().stream().sorted().toList());
    }

    @Test
    void evidenceIsTheLineThatNamesTheCause() {
        Cause leukemia = causes.get("Leukemia");
        assertEquals(34, leukemia.line());
        assertEquals("Leukemia", leukemia.evidence());
        assertEquals(12, causes.get("Quinine").line());
        assertTrue(causes.get("Quinine").evidence().startsWith("Petechiae may result from taking"));
    }

    private static List<String> labels(Category c) {
        return c.causes().stream().map(Cause::label).toList();
    }

    private static void assertAliases(String label, List<String> aliases, List<String> abbreviations) {
        Cause c = causes.get(label);
        assertEquals(aliases, c.aliases(), label);
        assertEquals(abbreviations, c.abbreviations(), label);
        assertEquals(List.of(), c.brands(), label);
    }
}
