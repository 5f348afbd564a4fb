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

    @Test
    void windowsLineEndingsReadTheSame() throws Exception {
        byte[] unix = Fixtures.bytes(Fixtures.testDocument("easy-bruising.txt"));
        String crlf = new String(unix, StandardCharsets.UTF_8).replace("\n", "\r\n");
        SymptomDocument a = Fixtures.read("easy-bruising.txt", unix).document();
        SymptomDocument b = Fixtures.read("easy-bruising.txt", crlf.getBytes(StandardCharsets.UTF_8)).document();
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
        SymptomDocument doc = Fixtures.read("rash.txt", text).document();
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
        ImportedDocument r = Fixtures.read("cough.txt", text);
        assertEquals(List.of("Infections", "Irritants", "Heart problems"), names(r.document().categories()));
        assertEquals(1, r.warnings().size());
        assertEquals(15, r.warnings().get(0).line());
        assertTrue(r.warnings().get(0).toString().startsWith("cough.txt:15: heading \"Heart problems\""));
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
