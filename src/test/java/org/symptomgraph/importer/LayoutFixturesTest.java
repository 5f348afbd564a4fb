package org.symptomgraph.importer;

import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.importer.reading.DocumentReader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.symptomgraph.testing.Fixtures;

/**
 * One small page a layout of the family, each read fact by fact: the whole outline of what the parser
 * read (see {@link DocumentOutline}) is compared, so every category, cause, other name, brand, evidence
 * line and warning is checked.
 */
class LayoutFixturesTest {

    private final DocumentParser parser = new DocumentParser();

    private static void assertOutline(String fixture, String expected) throws DocumentException {
        assertEquals(expected, DocumentOutline.of(Fixtures.parse(Fixtures.testDocument(fixture))), fixture);
    }

    /**
     * Numbered ("1." and "1)"), lettered ("a)") and bulleted (-, *, •, +, –) lists; an item wrapped onto an indented
     * second line; every intro-list kind of cause with its own heading; an ordinal date ("March 3rd, 2024").
     */
    @Test
    void numberedBulletedAndLetteredListsWithContinuationLines() throws Exception {
        assertOutline("itchy-skin.txt", """
                symptom: Itchy skin
                date: 2024-03-03
                mechanism: Itchy skin (pruritus) is an uncomfortable sensation that makes you want to scratch.
                disclaimer: -
                [Skin conditions] condition, line 10
                  - Dry skin @12 aka [xerosis] «Dry skin (xerosis)»
                  - Eczema @13 aka [atopic dermatitis] «Eczema (atopic dermatitis)»
                  - Psoriasis @14
                  - Hives @15 aka [urticaria] «Hives (urticaria)»
                [Allergies] unspecified, line 17
                  - Nickel @19
                  - Wool @20
                  - Poison ivy @21
                [Medicines] drug, line 23
                  - Opioids @25
                  - Chloroquine @26 brands [Aralen] «Chloroquine (Aralen)»
                  - Hydroxyethyl starch @27 brands [Hespan, Voluven] «Hydroxyethyl starch (Hespan, Voluven)»
                [Other medical conditions] condition, line 30
                  - Kidney failure @32
                  - Liver disease @33 aka [cirrhosis] «Liver disease (cirrhosis)»
                  - Iron deficiency anemia @34
                  - Hodgkin lymphoma @35
                  - Thyroid problems @36
                """);
    }

    /**
     * Causes listed in sentences: "such as A, B, or C" (Oxford comma), "from A and/or B", "include A, B and C"
     * wrapped over lines (the evidence line is where the sentence starts), a list that ends before the verb
     * ("... or metoprolol (...) may lower ..."), a group ("other beta blockers") and a list of symptoms left out
     * with warnings; brands only in the drug category.
     */
    @Test
    void causesListedInSentences() throws Exception {
        assertOutline("dizziness.txt", """
                symptom: Dizziness
                date: 2023-10-02
                mechanism: Dizziness describes feeling faint, woozy or unsteady. It has many possible causes.
                disclaimer: -
                [Inner ear problems] unspecified, line 6
                  - Benign paroxysmal positional vertigo @8 aka [BPPV] abbr [BPPV] «Dizziness is often caused by inner ear problems such as benign paroxysmal positional vertigo (BPPV), vestibular neuritis, or Ménière’s disease.»
                  - Vestibular neuritis @8 «Dizziness is often caused by inner ear problems such as benign paroxysmal positional vertigo (BPPV), vestibular neuritis, or Ménière’s disease.»
                  - Ménière’s disease @8 «Dizziness is often caused by inner ear problems such as benign paroxysmal positional vertigo (BPPV), vestibular neuritis, or Ménière’s disease.»
                  - Migraine @9 «It may also result from migraine and/or motion sickness.»
                  - Motion sickness @9 «It may also result from migraine and/or motion sickness.»
                [Circulation problems] unspecified, line 11
                  - Drop in blood pressure @13 aka [orthostatic hypotension] «Examples include a drop in blood pressure (orthostatic hypotension), an irregular heartbeat and a transient ischemic attack (TIA).»
                  - Irregular heartbeat @13 «Examples include a drop in blood pressure (orthostatic hypotension), an irregular heartbeat and a transient ischemic attack (TIA).»
                  - Transient ischemic attack @13 aka [TIA] abbr [TIA] «Examples include a drop in blood pressure (orthostatic hypotension), an irregular heartbeat and a transient ischemic attack (TIA).»
                [Medications] drug, line 18
                  - Anti-seizure drugs @20 «Dizziness can be a side effect of medicines, including anti-seizure drugs, antidepressants and sedatives.»
                  - Antidepressants @20 «Dizziness can be a side effect of medicines, including anti-seizure drugs, antidepressants and sedatives.»
                  - Sedatives @20 «Dizziness can be a side effect of medicines, including anti-seizure drugs, antidepressants and sedatives.»
                  - Amlodipine @20 brands [Norvasc] «Blood pressure medicines such as amlodipine (Norvasc), lisinopril (Prinivil, Zestril) or metoprolol (Lopressor, Toprol-XL, others) and other beta blockers may lower blood pressure too much.»
                  - Lisinopril @20 brands [Prinivil, Zestril] «Blood pressure medicines such as amlodipine (Norvasc), lisinopril (Prinivil, Zestril) or metoprolol (Lopressor, Toprol-XL, others) and other beta blockers may lower blood pressure too much.»
                  - Metoprolol @20 brands [Lopressor, Toprol-XL] +others «Blood pressure medicines such as amlodipine (Norvasc), lisinopril (Prinivil, Zestril) or metoprolol (Lopressor, Toprol-XL, others) and other beta blockers may lower blood pressure too much.»
                warning dizziness.txt:15: the sentence lists nausea, sweating, blurred vision but not as causes; left out
                warning dizziness.txt:20: "other beta blockers" names a group, not a cause; left out
                """);
    }

    /**
     * Nested categories three ways: an indented intro list (kinds of a kind), a heading named as a narrower
     * kind ("Other medical conditions" under "Medical conditions"), and list items ending in a colon with a
     * list under them; a sub-item under a cause is reported, not taken; a date with the weekday.
     */
    @Test
    void nestedCategoriesFromIntroListAndNestedLists() throws Exception {
        assertOutline("fatigue.txt", """
                symptom: Fatigue
                date: 2024-06-07
                mechanism: Fatigue is a feeling of constant tiredness or weakness.
                disclaimer: -
                [Lifestyle factors] unspecified, line 11
                  - Alcohol use @13
                  - Lack of sleep @15
                  - Poor eating habits @16
                [Medical conditions] condition, inferred, line 6
                  [Sleep disorders] condition, line 18
                    - Insomnia @20
                    - Obstructive sleep apnea @21 aka [OSA] abbr [OSA] «Obstructive sleep apnea (OSA)»
                    - Narcolepsy @22
                  [Heart and lung conditions] condition, line 24
                    - Chronic obstructive pulmonary disease @26 aka [COPD] abbr [COPD] «Chronic obstructive pulmonary disease (COPD)»
                    - Heart failure @27
                  [Other medical conditions] condition, line 29
                    - Anemia @36
                    - Fibromyalgia @37
                    [Infections] infection, line 30
                      - Mononucleosis @31
                      - Influenza @32 aka [flu] «Influenza (flu)»
                    [Endocrine disorders] condition, line 33
                      - Hypothyroidism @34 aka [underactive thyroid] «Hypothyroidism (underactive thyroid)»
                      - Diabetes @35
                [Medicines] drug, line 39
                  - Antihistamines @41
                  - Atenolol @42 brands [Tenormin] «Atenolol (Tenormin)»
                warning fatigue.txt:14: "especially binge drinking" is listed under the cause "Alcohol use", not under a category; left out
                """);
    }

    /**
     * Headings that name the intro's kinds in other words ("Heart diseases" for "Heart conditions",
     * "Infectious diseases" for "Infections", "Drugs" for "Medicines"); ® and ™ are not part of a brand; a comma
     * inside parentheses; a heading not in the intro is kept, with a warning.
     */
    @Test
    void headingsInOtherWordsForTheSameIdea() throws Exception {
        assertOutline("chest-pain.txt", """
                symptom: Chest pain
                date: 2024-02-02
                mechanism: Chest pain appears in many forms, ranging from a sharp stab to a dull ache.
                disclaimer: -
                [Heart conditions] condition, line 10
                  - Angina @12
                  - Heart attack @13 aka [myocardial infarction] «Heart attack (myocardial infarction)»
                  - Pericarditis @14
                [Infections] infection, line 16
                  - Pneumonia @18
                  - Shingles @19 aka [herpes zoster] «Shingles (herpes zoster)»
                [Medicines] drug, line 21
                  - Cocaine @23
                  - Sumatriptan @24 brands [Imitrex, Tosymra] «Sumatriptan (Imitrex®, Tosymra™)»
                [Digestive problems] unspecified, line 26
                  - Heartburn @28 aka [gastroesophageal reflux disease, GERD] abbr [GERD] «Heartburn (gastroesophageal reflux disease, GERD)»
                  - Gallstones @29
                [Lung problems] unspecified, line 31
                  - Pulmonary embolism @33
                warning chest-pain.txt:31: heading "Lung problems" is not among the intro's kinds of cause; kept as a category of its own
                """);
    }

    /**
     * Parentheses: "also called", abbreviations (with and without a long form after them), several other names,
     * a qualifier ("rare") dropped; after a drug, brand names, "others", and lower-case generic names that are not
     * brands (reported); a qualifying clause after the name.
     */
    @Test
    void parenthesesHoldAliasesAbbreviationsOrBrands() throws Exception {
        assertOutline("joint-pain.txt", """
                symptom: Joint pain
                date: 2021-11-11
                mechanism: Joint pain is discomfort in any of the joints, where two bones meet.
                disclaimer: -
                [Medical conditions] condition, line 8
                  - Osteoarthritis @10 aka [degenerative joint disease] «Osteoarthritis (also called degenerative joint disease)»
                  - Rheumatoid arthritis @11 aka [RA] abbr [RA] «Rheumatoid arthritis (RA)»
                  - Systemic lupus erythematosus @12 aka [SLE, lupus] abbr [SLE] «Systemic lupus erythematosus (SLE, lupus)»
                  - Gout @13 «Gout (rare)»
                  - Hepatitis C infection @14 aka [HCV] abbr [HCV] «Hepatitis C (HCV) infection»
                [Medicines] drug, line 16
                  - Fluoroquinolone antibiotics @18 «Fluoroquinolone antibiotics (ciprofloxacin, levofloxacin)»
                  - Isoniazid @19 brands [Nydrazid] «Isoniazid (Nydrazid)»
                  - Aromatase inhibitors @20 «Aromatase inhibitors, such as anastrozole»
                  - Ibuprofen @21 brands [Advil, Motrin IB] +others «Ibuprofen (Advil, Motrin IB, others) when overused»
                warning joint-pain.txt:18: "ciprofloxacin" in the parentheses after "Fluoroquinolone antibiotics" is not a brand name (brand names are capitalised); left out
                warning joint-pain.txt:18: "levofloxacin" in the parentheses after "Fluoroquinolone antibiotics" is not a brand name (brand names are capitalised); left out
                """);
    }

    /**
     * Windows line endings, a byte order mark, a no-break space, é, ö, curly apostrophes, en dashes as bullets
     * and inside names ("Guillain–Barré syndrome"), ® and ™ after brands.
     */
    @Test
    void unicodeWindowsLineEndingsAndByteOrderMark() throws Exception {
        assertOutline("muscle-weakness.txt", """
                symptom: Muscle weakness
                date: 2022-02-14
                mechanism: Muscle weakness means your full effort doesn’t produce a normal muscle contraction.
                disclaimer: -
                [Nerve disorders] condition, line 5
                  - Guillain–Barré syndrome @7
                  - Amyotrophic lateral sclerosis @8 aka [ALS] abbr [ALS] «Amyotrophic lateral sclerosis (ALS)»
                  - Charcot–Marie–Tooth disease @9
                [Muscle diseases] condition, line 11
                  - Myasthenia gravis @13
                  - Sjögren’s syndrome @14
                  - Polymyositis @15
                [Medicines] drug, line 17
                  - Atorvastatin @19 brands [Lipitor] «Atorvastatin (Lipitor®)»
                  - Simvastatin @20 brands [Zocor] +others «Simvastatin (Zocor™, others)»
                  - Prednisone @21 brands [Rayos] «Prednisone (Rayos®)»
                """);
    }

    /**
     * Sections that are not causes (when to see a doctor, risk factors, related symptoms, see also, references)
     * and an advertisement: none of their items becomes a cause, and none is worth a warning.
     */
    @Test
    void referenceRelatedAndOtherSectionsAreNotCauses() throws Exception {
        assertOutline("back-pain.txt", """
                symptom: Back pain
                date: 2020-07-09
                mechanism: Back pain is one of the most common reasons people see a doctor.
                disclaimer: -
                [Strain] activity, line 8
                  - Lifting heavy objects @10 «Back pain often follows straining from lifting heavy objects or sudden awkward movements.»
                  - Sudden awkward movements @10 «Back pain often follows straining from lifting heavy objects or sudden awkward movements.»
                [Structural problems] unspecified, line 12
                  - Ruptured disks @14
                  - Sciatica @15
                  - Arthritis @16
                  - Osteoporosis @17
                """);
    }

    /**
     * What cannot be placed is reported with file and line and left out: an item under no category, a group
     * ("other hormones"), a sub-item under a cause, several names in one item, a sentence as an item, an intro
     * kind of cause without a section, an unknown heading (kept), an ambiguous numeric date. "Ibuprofen and
     * naproxen" in a drug category is two drugs.
     */
    @Test
    void whatCannotBePlacedIsReportedWithFileAndLine() throws Exception {
        assertOutline("swollen-ankles.txt", """
                symptom: Swollen ankles
                date: 2023-06-05
                mechanism: Swelling in the ankles happens when fluid builds up in the tissues.
                disclaimer: -
                [Medicines] drug, line 13
                  - Amlodipine @15 brands [Norvasc] «Amlodipine (Norvasc)»
                  - Ibuprofen @16 «Ibuprofen and naproxen»
                  - Naproxen @16 «Ibuprofen and naproxen»
                  - Estrogen @17 «Estrogen, testosterone and other hormones»
                  - Testosterone @17 «Estrogen, testosterone and other hormones»
                  - Steroids @18
                [Medical conditions] condition, line 21
                  - Heart failure @23
                  - Kidney disease @24
                  - Venous insufficiency @27
                [Lifestyle] unspecified, line 29
                  - Sitting for a long time @31
                warning swollen-ankles.txt:7: the kind of cause "Injuries" named in the intro has no section and no causes; left out
                warning swollen-ankles.txt:11: causes outside any category, left out: Standing for long periods
                warning swollen-ankles.txt:17: "other hormones" names a group of drugs, not a drug; left out
                warning swollen-ankles.txt:19: "especially at high doses" is listed under the cause "Steroids", not under a category; left out
                warning swollen-ankles.txt:25: list item "Hand, foot and mouth disease" names several things in one line; left out (one cause a line, or a sentence "such as A, B and C", is read)
                warning swollen-ankles.txt:26: list item "Call your doctor if the swelling is sudden." reads as a sentence, not the name of a cause; left out
                warning swollen-ankles.txt:29: heading "Lifestyle" is not among the intro's kinds of cause; kept as a category of its own
                warning swollen-ankles.txt:33: the date "05/06/2023" could be day-month or month-day; left out
                """);
    }

    /**
     * A page of prose only: the sentences that list causes give uncategorised causes, each with the line its
     * sentence starts on; "caused by something in the mouth" names no cause.
     */
    @Test
    void proseOnlyPageListsItsCausesWithoutCategories() throws Exception {
        assertOutline("bad-breath.txt", """
                symptom: Bad breath
                date: 2021-10-03
                mechanism: Bad breath is usually caused by something in the mouth.
                disclaimer: -
                - Food particles (unspecified) @3 «Most bad breath results from food particles, poor dental hygiene or dry mouth.»
                - Poor dental hygiene (unspecified) @3 «Most bad breath results from food particles, poor dental hygiene or dry mouth.»
                - Dry mouth (unspecified) @3 «Most bad breath results from food particles, poor dental hygiene or dry mouth.»
                - Cigarettes (unspecified) @4 «Tobacco products, such as cigarettes and chewing tobacco, can also cause it.»
                - Chewing tobacco (unspecified) @4 «Tobacco products, such as cigarettes and chewing tobacco, can also cause it.»
                """);
    }

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
        DocumentReader.Result r = parser.parse("itching.txt", text);
        assertEquals(Optional.of(LocalDate.parse(iso)), r.document().date(), line);
        assertEquals(0, r.warnings().size(), r.warnings().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"05/06/2023", "1.2.2020", "Updated: 03-04-2021"})
    void aNumericDateThatCouldBeEitherWayIsReportedNotGuessed(String line) throws Exception {
        String text = "Itching may be caused by:\n\n1. Dry skin\n2. Eczema\n\n" + line + "\n";
        DocumentReader.Result r = parser.parse("itching.txt", text);
        assertEquals(Optional.empty(), r.document().date());
        assertEquals("itching.txt:6: the date \"" + line + "\" could be day-month or month-day; left out",
                r.warnings().get(0).toString());
    }

    @Test
    void aQuestionIsATitleToo() throws Exception {
        DocumentReader.Result r = parser.parse("page-17.txt", """
                What causes nosebleeds?

                Nosebleeds may be caused by:

                - Dry air
                - Nose picking
                """);
        assertEquals("Nosebleeds", r.document().symptom());
    }

    @Test
    void aCausesHeadingBeforeTheIntroOpensIt() throws Exception {
        DocumentReader.Result r = parser.parse("cramps.txt", """
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
                [Medicines] drug, line 10
                  - Diuretics @12
                  - Statins @13
                [Dehydration] unspecified, line 15
                  - Heavy sweating @17
                """, DocumentOutline.of(r));
    }

    @Test
    void anIntroListOfCausesFollowedOnlyByReferencesIsStillCauses() throws Exception {
        DocumentReader.Result r = parser.parse("hiccups.txt", """
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
                - Eating too much (unspecified) @3
                - Carbonated drinks (unspecified) @4
                """, DocumentOutline.of(r));
    }

    @Test
    void anItemWithNamesUnderItIsACategoryAndWithRemarksUnderItACause() throws Exception {
        DocumentReader.Result r = parser.parse("acne.txt", """
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
                [Medicines] drug, line 3
                  - Lithium @8
                  [Steroids] drug, line 5
                    - Prednisone @6
                    - Dexamethasone @7
                warning acne.txt:9: "especially at high doses" is listed under the cause "Lithium", not under a category; left out
                warning acne.txt:10: list item "when overused" is a remark, not the name of a cause; left out
                """, DocumentOutline.of(r));
    }

    @Test
    void aCategoryThatListsNothingIsLeftOutWithAWarning() throws Exception {
        DocumentReader.Result r = parser.parse("cough.txt", """
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
                [Infections] infection, line 6
                  - Common cold @8
                warning cough.txt:10: category "Irritants" lists no causes; left out
                """, DocumentOutline.of(r));
    }
}
