package org.symptomgraph.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.model.AgentClass;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.model.SymptomDocument;
import org.symptomgraph.testing.Fixtures;

/** Pages of the same family laid out differently: the parser reads the structure, not one file. */
class LayoutVariationsTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void bulletedListsSynonymHeadingsNestedCategoriesAndFurniture() throws Exception {
        DocumentParser.Result r = Fixtures.parse(Fixtures.testDocument("easy-bruising.txt"));
        SymptomDocument doc = r.document();
        assertEquals("Easy bruising", doc.symptom());
        assertEquals(Optional.of(LocalDate.of(2024, 1, 12)), doc.date());
        assertEquals(Optional.of("Bruises form when small blood vessels under the skin break."), doc.mechanism());
        assertEquals(List.of("Medications", "Medical conditions"), names(doc.categories()));
        Map<String, Category> cats = byName(doc);
        assertFalse(cats.get("Medications").inferred(), "the heading names it");
        assertTrue(cats.get("Medical conditions").inferred());
        assertEquals(List.of("Blood disorders"), names(cats.get("Medical conditions").children()));
        Map<String, Cause> causes = causes(doc);
        assertEquals(List.of("Bayer", "Ecotrin"), causes.get("Aspirin").brands());
        assertEquals(List.of("Jantoven"), causes.get("Warfarin").brands());
        assertTrue(causes.get("Warfarin").otherBrands());
        assertEquals(List.of("Plavix"), causes.get("Clopidogrel").brands(), "the ® sign is not part of the brand");
        assertEquals(List.of("factor VIII deficiency"), causes.get("Hemophilia A").aliases());
        assertEquals(List.of("VWD"), causes.get("Von Willebrand disease").abbreviations());
        assertEquals(CauseKind.CONDITION, causes.get("Hemophilia A").kind());
        assertEquals(6, doc.allCauses().size(), "the references are not causes: " + causes.keySet());
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void markdownHeadingLevelsGiveTheTree() throws Exception {
        SymptomDocument doc = Fixtures.parse(Fixtures.testDocument("nosebleeds.txt")).document();
        assertEquals("Nosebleeds", doc.symptom());
        assertEquals(Optional.of(LocalDate.of(2021, 8, 3)), doc.date());
        assertEquals(List.of("Medical conditions", "Drugs"), names(doc.categories()));
        Map<String, Category> cats = byName(doc);
        assertEquals(List.of("Infections", "Blood disorders"), names(cats.get("Medical conditions").children()));
        assertEquals(List.of(AgentClass.BACTERIA, AgentClass.VIRUS), cats.get("Infections").agentClasses().stream()
                .sorted().toList());
        Map<String, Cause> causes = causes(doc);
        assertEquals(CauseKind.INFECTION, causes.get("Sinusitis").kind());
        assertEquals(List.of("upper respiratory infection"), causes.get("Common cold").aliases());
        assertEquals(List.of("Flonase", "Veramyst"), causes.get("Fluticasone").brands());
        assertEquals(CauseKind.DRUG, causes.get("Aspirin").kind());
        assertEquals(6, doc.allCauses().size());
    }

    @Test
    void introListOfCausesWithoutCategories() throws Exception {
        SymptomDocument doc = Fixtures.parse(Fixtures.testDocument("hiccups.txt")).document();
        assertEquals("Hiccups", doc.symptom(), "named after the file when the page has no title");
        assertTrue(doc.categories().isEmpty());
        assertEquals(List.of("Eating too much", "Carbonated drinks", "Sudden excitement", "Ménière’s disease"),
                doc.causes().stream().map(Cause::label).toList());
        assertEquals(Optional.of(LocalDate.of(2022, 3, 4)), doc.date());
        assertEquals(Optional.of("Hiccups are sudden contractions of the diaphragm."), doc.mechanism());
    }

    @Test
    void causesWrittenAsProseUnderHeadings() throws Exception {
        DocumentParser.Result r = Fixtures.parse(Fixtures.testDocument("headache.txt"));
        SymptomDocument doc = r.document();
        Map<String, Category> cats = byName(doc);
        assertEquals(List.of("Nitroglycerin", "Sildenafil", "Ibuprofen"), labels(cats.get("Medicines")));
        assertEquals(List.of("Advil", "Motrin IB"), causes(doc).get("Ibuprofen").brands());
        assertEquals(List.of("Poor sleep", "Skipped meals", "Dehydration"), labels(cats.get("Lifestyle triggers")));
        assertEquals(CauseKind.UNSPECIFIED, causes(doc).get("Poor sleep").kind());
        assertEquals(List.of("Influenza", "Meningitis", "Sinusitis"), labels(cats.get("Infectious diseases")));
        assertEquals(List.of(AgentClass.VIRUS), cats.get("Infectious diseases").agentClasses());
        assertEquals(Optional.empty(), doc.date());
        assertTrue(doc.disclaimer().orElseThrow().contains("not a substitute"));
        assertTrue(doc.mechanism().orElseThrow().contains("The pain comes from nerves"),
                "a sentence with 'from' but no causing is explanation, not causes");
    }

    @Test
    void windowsLineEndingsReadTheSame() throws Exception {
        byte[] unix = Fixtures.bytes(Fixtures.testDocument("easy-bruising.txt"));
        String crlf = new String(unix, StandardCharsets.UTF_8).replace("\n", "\r\n");
        SymptomDocument a = parser.parse("easy-bruising.txt", unix).document();
        SymptomDocument b = parser.parse("easy-bruising.txt", crlf).document();
        assertEquals(a.categories(), b.categories());
        assertEquals(a.mechanism(), b.mechanism());
        assertEquals(a.date(), b.date());
    }

    @Test
    void headingWithoutBlankLineAndNumberedListAfterLeadIn() throws Exception {
        String text = """
                Rash causes

                A rash is a change in the skin's colour or texture. Causes include:

                1. Allergies
                2. Infections

                Allergies
                An allergic rash can follow contact with nickel, latex or poison ivy.

                Infections
                Examples include:
                - Chickenpox (varicella)
                - Measles (rubeola)
                """;
        SymptomDocument doc = parser.parse("rash.txt", text).document();
        assertEquals("Rash", doc.symptom());
        assertEquals(List.of("Allergies", "Infections"), names(doc.categories()));
        Map<String, Category> cats = byName(doc);
        assertEquals(List.of("Nickel", "Latex", "Poison ivy"), labels(cats.get("Allergies")));
        assertEquals(List.of("Chickenpox", "Measles"), labels(cats.get("Infections")));
        assertEquals(List.of("varicella"), causes(doc).get("Chickenpox").aliases());
        assertEquals(Optional.of("A rash is a change in the skin's colour or texture."), doc.mechanism());
    }

    @Test
    void unknownHeadingIsKeptWithAWarning() throws Exception {
        String text = """
                Cough may be caused by:

                1. Infections
                2. Irritants

                Infections

                1. Common cold
                2. Influenza

                Irritants

                1. Smoke

                Heart problems

                1. Heart failure
                """;
        DocumentParser.Result r = parser.parse("cough.txt", text);
        assertEquals(List.of("Infections", "Irritants", "Heart problems"), names(r.document().categories()));
        assertEquals(1, r.warnings().size());
        assertEquals(15, r.warnings().get(0).line());
        assertTrue(r.warnings().get(0).toString().startsWith("cough.txt:15: heading \"Heart problems\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "May 26, 2023|2023-05-26",
        "26 May 2023|2023-05-26",
        "2023-05-26|2023-05-26",
        "Updated: Sept. 5, 2023|2023-09-05",
        "Last reviewed on March 1st, 2020|2020-03-01",
        "Published 3 Feb 2019|2019-02-03"})
    void datesWrittenTheUsualWays(String line, String iso) throws Exception {
        String text = "Itching may be caused by:\n\n1. Dry skin\n2. Eczema\n\n" + line + "\n";
        assertEquals(Optional.of(LocalDate.parse(iso)), parser.parse("itching.txt", text).document().date());
    }

    @Test
    void boilerplateNeverBecomesData() throws Exception {
        SymptomDocument doc = Fixtures.parse(Fixtures.PETECHIAE).document();
        String everything = doc.toString().toLowerCase();
        for (String word : List.of("inbox", "newsletter", "privacy", "email", "unsubscribe", "mayo clinic", "sign up")) {
            assertFalse(everything.contains(word), word);
        }
    }

    private static List<String> names(List<Category> categories) {
        return categories.stream().map(Category::name).toList();
    }

    private static List<String> labels(Category c) {
        return c.causes().stream().map(Cause::label).toList();
    }

    private static Map<String, Category> byName(SymptomDocument doc) {
        return doc.allCategories().stream().collect(Collectors.toMap(Category::name, Function.identity()));
    }

    private static Map<String, Cause> causes(SymptomDocument doc) {
        return doc.allCauses().stream().collect(Collectors.toMap(Cause::label, Function.identity(), (a, b) -> a));
    }
}
