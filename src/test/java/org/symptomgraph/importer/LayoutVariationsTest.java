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
import org.junit.jupiter.params.provider.ValueSource;
import org.symptomgraph.model.AgentClass;
import org.symptomgraph.model.Category;
import org.symptomgraph.model.Cause;
import org.symptomgraph.model.CauseKind;
import org.symptomgraph.model.Frequency;
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

    /** The same table as tab-separated text, a Markdown table and HTML: its cause column is a list. */
    @ParameterizedTest
    @ValueSource(strings = {"rash.txt", "rash.md", "rash.html"})
    void tableWithACauseColumnIsAListOfItsCells(String file) throws Exception {
        String page = switch (file) {
            case "rash.txt" -> "Rash\n\nCheck if you have a skin condition\n\nA rash is often caused by a skin condition. Check your symptoms to see what might be causing it.\n\nSymptoms\tPossible cause\n"
                    + "itchy blisters that crust over\tchickenpox\nred skin where something touched it\tcontact dermatitis\n"
                    + "\nContact your GP if it lasts.\n";
            case "rash.md" -> """
                    # Rash

                    ## Check if you have a skin condition

                    A rash is often caused by a skin condition. Check your symptoms to see what might be causing it.

                    | Symptoms | Possible cause |
                    |---|---|
                    | itchy blisters that crust over | chickenpox |
                    | red skin where something touched it | contact dermatitis |
                    """;
            default -> """
                    <html><head><title>Rash</title></head><body><main><h1>Rash</h1><h2>Check if you have a skin condition</h2>
                    <p>A rash is often caused by a skin condition. Check your symptoms to see what might be causing it.</p><table><tr><th>Symptoms</th><th>Possible cause</th></tr>
                    <tr><td>itchy blisters that crust over</td><td>chickenpox</td></tr>
                    <tr><td>red skin where something touched it</td><td><a href=x>contact dermatitis</a></td></tr>
                    </table></main></body></html>""";
        };
        SymptomDocument doc = Fixtures.read(file, page).document();
        assertEquals("Rash", doc.symptom());
        assertEquals(List.of("Check if you have a skin condition"), names(doc.categories()));
        assertEquals(List.of("Chickenpox", "Contact dermatitis"),
                doc.allCauses().stream().map(Cause::label).toList(), doc.toString());
    }

    @Test
    void tableWithoutACauseColumnIsProseNotCauses() throws Exception {
        String text = "Rash causes\n\nA rash can be caused by:\n\n- Allergies\n- Infections\n\n"
                + "Age\tWhen to call\nbabies\tat once\nadults\tif it spreads\n";
        SymptomDocument doc = Fixtures.read("rash.txt", text).document();
        assertEquals(List.of("Allergies", "Infections"), doc.allCauses().stream().map(Cause::label).toList());
    }

    @Test
    void adviceIsLeftOutButNamesStartingLikeAdviceAreKept() throws Exception {
        String text = "Itching causes\n\nItching can be caused by:\n\n- Contact dermatitis\n- Use of some soaps\n"
                + "- Contact your GP if it lasts\n- Avoid scratching\n- Use a mild soap\n";
        SymptomDocument doc = Fixtures.read("itching.txt", text).document();
        assertEquals(List.of("Contact dermatitis", "Use of some soaps"),
                doc.allCauses().stream().map(Cause::label).toList());
    }

    @Test
    void aSeriesOfBareNamesIsOneCauseEachAndASeriesSharingItsHeadIsOne() throws Exception {
        String text = "Leg cramps\n\nLeg cramps can be caused by:\n\n- Diabetes Mellitus, kidney Failure, Thyroid disease\n"
                + "- Thyroid, kidney, or liver problems\n- Hay fever, or allergic rhinitis\n";
        SymptomDocument doc = Fixtures.read("leg-cramps.txt", text).document();
        assertEquals(List.of("Diabetes Mellitus", "Kidney Failure", "Thyroid disease", "Thyroid, kidney, or liver problems",
                "Hay fever"), doc.allCauses().stream().map(Cause::label).toList());
        assertEquals(List.of("allergic rhinitis"), doc.allCauses().get(4).aliases());
    }

    @Test
    void semicolonsSeparateTheMembersOfASentencesListThatHoldCommas() throws Exception {
        String text = "Painful urination\n\nLess common causes include kidney stones; interstitial cystitis, a long-term "
                + "bladder condition; irritation from soaps, douches, or bubble baths; and bladder cancer.\n";
        SymptomDocument doc = Fixtures.read("painful-urination.txt", text).document();
        assertEquals(List.of("Kidney stones", "Interstitial cystitis", "Irritation from soaps, douches, or bubble baths",
                "Bladder cancer"), doc.allCauses().stream().map(Cause::label).toList());
        assertEquals(Optional.of(Frequency.LESS_COMMON), doc.categories().get(0).frequency());
    }

    @Test
    void theFrequencyOfAParagraphSaysHowCommonItsListIs() throws Exception {
        String text = """
                Sore throat

                A sore throat is usually caused by a virus. Occasionally it’s caused by a bacterial infection, like strep throat.

                Most of the time the pain comes from the throat itself. This can happen because of:

                - Dry air
                - Shouting

                Rarely, a sore throat is a sign of a more serious condition:

                - Epiglottitis

                Other things that can give you a sore throat include:

                - Acid reflux
                """;
        Map<String, Optional<Frequency>> frequencies = Fixtures.read("sore-throat.txt", text).document().categories()
                .stream().collect(Collectors.toMap(c -> labels(c).get(0), Category::frequency));
        assertEquals(Map.of("Virus", Optional.of(Frequency.COMMON), "Bacterial infection", Optional.of(Frequency.LESS_COMMON),
                "Dry air", Optional.of(Frequency.COMMON), "Epiglottitis", Optional.of(Frequency.RARE),
                "Acid reflux", Optional.of(Frequency.OTHER)), frequencies);
    }

    @Test
    void aDrugsDescriptionAfterItIsItsDetailNotAnotherDrug() throws Exception {
        String text = "Bloating\n\nBloating can be caused by:\n\n- Medicines, including metformin (Glucophage) and "
                + "lactulose (Kristalose), a laxative\n";
        List<Cause> causes = Fixtures.read("bloating.txt", text).document().allCauses();
        assertEquals(List.of("Metformin", "Lactulose"), causes.stream().map(Cause::label).toList());
        assertEquals(Optional.of("a laxative"), causes.get(1).detail());
    }

    @Test
    void aDefinitionListOfPlainDescriptionsIsAListOfCausesAndATableOfContentsIsFurniture() throws Exception {
        String html = """
                <html><head><title>Muscle weakness</title></head><body><main><h1>Muscle weakness</h1>
                <ol><li><a href="#what">What is muscle weakness?</a></li><li><a href="#causes">What causes it?</a></li></ol>
                <h2 id="causes">Brain and spinal cord</h2>
                <dl><dt>Stroke</dt><dd>A blocked or burst blood vessel in the brain.</dd>
                <dt>Multiple sclerosis (MS)</dt><dd>The immune system damages the coating of nerve fibers.</dd></dl>
                </main></body></html>""";
        SymptomDocument doc = Fixtures.read("muscle-weakness.html", html).document();
        assertEquals(List.of("Brain and spinal cord"), names(doc.categories()));
        assertEquals(List.of("Stroke", "Multiple sclerosis"), labels(doc.categories().get(0)));
        assertEquals(Optional.of("A blocked or burst blood vessel in the brain"), doc.allCauses().get(0).detail());
    }

    @Test
    void aSectionOnCareIsNotCausesThoughItMentionsTheCause() throws Exception {
        String text = """
                Hoarseness

                Hoarseness can be caused by:

                - Inhaled steroid medicines: Using an inhaler such as fluticasone (Flovent) or budesonide (Pulmicort) for asthma can irritate your throat.

                Care and Treatment

                How is hoarseness treated?

                Treatment depends on the cause. Your provider may suggest:

                - Resting your voice
                - Omeprazole (Prilosec)
                """;
        List<Cause> causes = Fixtures.read("hoarseness.txt", text).document().allCauses();
        assertEquals(List.of("Fluticasone", "Budesonide"), causes.stream().map(Cause::label).toList());
        assertEquals(List.of(Optional.of("Inhaled steroid medicines")), causes.stream().map(Cause::group).distinct().toList());
        assertEquals(List.of("Pulmicort"), causes.get(1).brands());
        assertEquals(Optional.of("for asthma"), causes.get(1).detail());
    }

    @Test
    void aTableRowThatOnlyNamesAGroupHeadsTheRowsBelowIt() throws Exception {
        String text = """
                Difficulty swallowing

                The most common causes are

                - Stroke
                - Cancer of the esophagus

                | Cause | Common features |
                | --- | --- |
                | **Problems in the mouth** | |
                | Parkinson disease | Tremor |
                | **Problems in the esophagus** | |
                | Achalasia | Trouble with solids and liquids |

                Warning signs

                In people with difficulty swallowing, certain symptoms are cause for concern:

                - Weight loss
                """;
        SymptomDocument doc = Fixtures.read("difficulty-swallowing.txt", text).document();
        Map<String, List<String>> byCategory = new java.util.LinkedHashMap<>();
        doc.categories().forEach(c -> collect(c, byCategory));
        assertEquals(Map.of("Most common causes", List.of("Stroke", "Cancer of the esophagus"),
                "Problems in the mouth", List.of("Parkinson disease"), "Problems in the esophagus", List.of("Achalasia")),
                byCategory);
        assertEquals(Optional.of(Frequency.MOST_COMMON), doc.categories().get(0).frequency());
    }

    @ParameterizedTest
    @ValueSource(strings = {"painful-urination.txt", "painful-urination.html"})
    void aListCutInTwoByAnAdvertisementIsOneList(String file) throws Exception {
        String page = file.endsWith(".txt")
                ? "Painful urination\n\nOther infections can also make it hurt to pee:\n\n- Vaginal yeast infections\n\n"
                        + "ADVERTISEMENT\n\n- Prostatitis\n- Kidney infection\n"
                : "<html><body><main><h1>Painful urination</h1><p>Other infections can also make it hurt to pee:</p>"
                        + "<ul><li>Vaginal yeast infections</li></ul><div class=\"ad-container\"><p>Advertisement</p></div>"
                        + "<ul><li>Prostatitis</li><li>Kidney infection</li></ul></main></body></html>";
        SymptomDocument doc = Fixtures.read(file, page).document();
        assertEquals(1, doc.categories().size(), doc.toString());
        assertEquals(List.of("Vaginal yeast infections", "Prostatitis", "Kidney infection"), labels(doc.categories().get(0)));
        assertEquals(Optional.of(Frequency.OTHER), doc.categories().get(0).frequency());
    }

    private static void collect(Category c, Map<String, List<String>> into) {
        if (!c.causes().isEmpty()) {
            into.put(c.name(), labels(c));
        }
        c.children().forEach(child -> collect(child, into));
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
