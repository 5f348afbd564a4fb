package org.symptomgraph.importer;

import org.symptomgraph.importer.page.DocumentException;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.symptomgraph.testing.Fixtures;

/**
 * Reading rules on small pages written in the test: dates, titles, a "Causes" heading, items under
 * items, a category that lists nothing. The whole outline of what was read ({@link DocumentOutline})
 * is compared; the fixture files with their outlines are {@link FixtureOutlinesTest}.
 */
class ReadingRulesTest {




    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "May 26, 2023|2023-05-26",
        "26 May 2023|2023-05-26",
        "2023-05-26|2023-05-26",
        "2023/05/26|2023-05-26",
        "May 26 2023|2023-05-26",
        "26 May, 2023|2023-05-26",
        "Friday, May 26, 2023|2023-05-26",
        "Fri, 26 May 2023|2023-05-26",
        "Updated: Sept. 5, 2023|2023-09-05",
        "Updated: September 5, 2023|2023-09-05",
        "Last updated on 5 Sep 2023|2023-09-05",
        "Page last reviewed: 14 February 2022|2022-02-14",
        "Medically reviewed on March 1st, 2020|2020-03-01",
        "Date of last review: 2020-03-01|2020-03-01",
        "Published 3 Feb 2019|2019-02-03",
        "26/05/2023|2023-05-26",
        "05/26/2023|2023-05-26",
        "26.05.2023|2023-05-26",
        "07/07/2021|2021-07-07"})
    void datesWrittenTheUsualWays(String line, String iso) throws Exception {
        String text = "Itching may be caused by:\n\n1. Dry skin\n2. Eczema\n\n" + line + "\n";
        ImportedDocument r = Fixtures.read("itching.txt", text);
        assertEquals(Optional.of(LocalDate.parse(iso)), r.document().date(), line);
        assertEquals(0, r.warnings().size(), r.warnings().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"05/06/2023", "1.2.2020", "Updated: 03-04-2021"})
    void aNumericDateThatCouldBeEitherWayIsReportedNotGuessed(String line) throws Exception {
        String text = "Itching may be caused by:\n\n1. Dry skin\n2. Eczema\n\n" + line + "\n";
        ImportedDocument r = Fixtures.read("itching.txt", text);
        assertEquals(Optional.empty(), r.document().date());
        assertEquals("itching.txt:6: the date \"" + line + "\" could be day-month or month-day; left out",
                r.warnings().get(0).toString());
    }

    @Test
    void aQuestionIsATitleToo() throws Exception {
        ImportedDocument r = Fixtures.read("page-17.txt", """
                What causes nosebleeds?

                Nosebleeds may be caused by:

                - Dry air
                - Nose picking
                """);
        assertEquals("Nosebleeds", r.document().symptom());
    }

    @Test
    void aCausesHeadingBeforeTheIntroOpensIt() throws Exception {
        ImportedDocument r = Fixtures.read("cramps.txt", """
                # Leg cramps

                ## Causes

                Leg cramps are sudden, painful tightenings of a muscle. They may be caused by:

                1. Medicines
                2. Dehydration

                ## Medicines

                - Diuretics
                - Statins

                ## Dehydration

                - Heavy sweating
                """);
        assertEquals("""
                symptom: Leg cramps
                date: -
                mechanism: Leg cramps are sudden, painful tightenings of a muscle.
                disclaimer: -
                [Medicines] drug, heading, line 10
                  - Diuretics @12
                  - Statins @13
                [Dehydration] unspecified, heading, line 15
                  - Heavy sweating @17
                """, DocumentOutline.of(r));
    }

    @Test
    void aLeadInListFollowedOnlyByReferencesIsItsCategory() throws Exception {
        ImportedDocument r = Fixtures.read("hiccups.txt", """
                Hiccups may be caused by:

                1. Eating too much
                2. Carbonated drinks

                References

                1. Smith J. Hiccups. Journal of Things. 2020.
                """);
        assertEquals("""
                symptom: Hiccups
                date: -
                mechanism: -
                disclaimer: -
                [Causes] unspecified, lead in, line 1
                  lead-in «Hiccups may be caused by:»
                  - Eating too much @3
                  - Carbonated drinks @4
                """, DocumentOutline.of(r));
    }

    @Test
    void anItemWithNamesUnderItIsACategoryAndWithRemarksUnderItACause() throws Exception {
        ImportedDocument r = Fixtures.read("acne.txt", """
                Acne

                Medicines

                - Steroids
                    - Prednisone
                    - Dexamethasone
                - Lithium
                    - especially at high doses
                - when overused
                """);
        assertEquals("""
                symptom: Acne
                date: -
                mechanism: -
                disclaimer: -
                [Medicines] drug, heading, line 3
                  - Lithium @8
                  [Steroids] drug, heading, line 5
                    - Prednisone @6
                    - Dexamethasone @7
                warning acne.txt:9: "especially at high doses" is listed under the cause "Lithium", not under a category; left out
                warning acne.txt:10: list item "when overused" is a remark, not the name of a cause; left out
                """, DocumentOutline.of(r));
    }

    @Test
    void aCategoryThatListsNothingIsLeftOutWithAWarning() throws Exception {
        ImportedDocument r = Fixtures.read("cough.txt", """
                Cough may be caused by:

                1. Infections
                2. Irritants

                Infections

                1. Common cold

                Irritants

                Smoke and dust are common, but this page says no more about them.

                Complications

                1. Broken ribs
                """);
        assertEquals("""
                symptom: Cough
                date: -
                mechanism: -
                disclaimer: -
                [Infections] infection, heading, line 6
                  - Common cold @8
                warning cough.txt:10: category "Irritants" lists no causes; left out
                """, DocumentOutline.of(r));
    }
}
