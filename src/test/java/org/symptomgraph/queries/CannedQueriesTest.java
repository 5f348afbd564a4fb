package org.symptomgraph.queries;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.rdf.DocumentGraph;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.BindingRoot;
import org.apache.jena.sparql.expr.E_StrContains;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.rdf.NameKey;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;

/**
 * Every canned query gives exactly the expected rows on the petechiae page; the queries that
 * relate pages are run again over several pages.
 */
class CannedQueriesTest {

    private static final Instant IMPORTED = Instant.parse("2026-01-01T00:00:00Z");
    private static final String PETECHIAE = "https://w3id.org/symptomgraph/symptom/petechiae";
    private static final String PETECHIAE_GRAPH = "https://w3id.org/symptomgraph/graph/petechiae/2023-05-26";
    private static final String CATEGORY = "https://w3id.org/symptomgraph/document/petechiae/2023-05-26/category/";
    private static final String MONDO_LEUKEMIA = "http://purl.obolibrary.org/obo/MONDO_0005059";
    private static final String MESH_LEUKEMIA = "http://id.nlm.nih.gov/mesh/D007938";
    private static final String HPO_PETECHIAE = "http://purl.obolibrary.org/obo/HP_0000967";

    /** GROUP_CONCAT joins values in no defined order: these columns are compared as sorted lists. */
    private static final Set<String> LIST_COLUMNS = Set.of("also_known_as", "brands", "agent_kinds", "category_agent_kinds", "matched");

    private static final QueryCatalog CATALOG = QueryCatalog.load();
    private static GraphStore petechiae;
    private static GraphStore pages;
    /** What serve fills an empty database with: data/ (documents and curated links; the READMEs are no pages). */
    private static GraphStore bundled;

    @BeforeAll
    static void load() throws Exception {
        petechiae = store(Fixtures.PETECHIAE);
        pages = store(Fixtures.PETECHIAE, Fixtures.testDocument("easy-bruising.txt"),
                Fixtures.testDocument("nosebleeds.txt"), Fixtures.testDocument("hiccups.txt"));
        bundled = GraphStore.inMemory();
        List<String> problems = new ArrayList<>();
        org.symptomgraph.importer.ImportReport report = org.symptomgraph.importer.Importer.create()
                .iris(new org.symptomgraph.rdf.Iris(org.symptomgraph.rdf.Iris.DEFAULT_BASE)).store(bundled)
                .listener(new org.symptomgraph.importer.ImportListener() {
                    @Override
                    public void failed(DocumentException problem) {
                        problems.add(problem.getMessage());
                    }

                    @Override
                    public void linkProblem(String problem) {
                        problems.add(problem);
                    }
                })
                .build().importFiles(List.of(Path.of("data")));
        assertEquals(List.of(), problems);
        assertEquals(0, report.failed());
    }

    @AfterAll
    static void close() {
        bundled.close();
        petechiae.close();
        pages.close();
    }

    /** An in-memory database holding the documents, imported at {@link #IMPORTED}. */
    static GraphStore store(Path... documents) throws DocumentException {
        GraphStore store = GraphStore.inMemory();
        for (Path document : documents) {
            store.replace(Fixtures.graph(document), IMPORTED);
        }
        return store;
    }

    static Stream<String> queryNames() {
        return CATALOG.all().stream().map(CannedQuery::name);
    }

    /** IRI and label of every cause on the page, in label order. */
    private static final List<String[]> PETECHIAE_CAUSES = Stream.of(
            "cause/coronavirus-disease-2019|Coronavirus disease 2019", "cause/coughing|Coughing",
            "cause/cryoglobulinemia|Cryoglobulinemia", "cause/cytomegalovirus-infection|Cytomegalovirus infection",
            "cause/endocarditis|Endocarditis", "cause/giving-birth|Giving birth",
            "cause/immune-thrombocytopenia|Immune thrombocytopenia", "cause/leukemia|Leukemia",
            "cause/lifting-weights|Lifting weights", "cause/meningococcemia|Meningococcemia",
            "cause/mononucleosis|Mononucleosis", "drug/penicillin|Penicillin", "drug/phenytoin|Phenytoin",
            "drug/quinine|Quinine", "cause/rubella|Rubella", "cause/scarlet-fever|Scarlet fever",
            "cause/scurvy|Scurvy", "cause/strep-throat|Strep throat", "cause/thrombocytopenia|Thrombocytopenia",
            "cause/vasculitis|Vasculitis", "cause/viral-hemorrhagic-fevers|Viral hemorrhagic fevers",
            "cause/vomiting|Vomiting")
            .map(s -> ("https://w3id.org/symptomgraph/" + s).split("\\|")).toList();

    /** The expectation for each query on the petechiae page alone, with its default parameters unless given. */
    private static final Map<String, Executable> ON_PETECHIAE = Map.ofEntries(
            // Calls a public endpoint: never run in tests (no network); it must name Wikidata and parse.
            // One version of each page: nothing changed (two versions: VersionChangesTest).
            entry("version-changes", () -> assertEquals(List.of(), select(petechiae, "version-changes").rows())),
            entry("wikidata-by-mesh", () -> assertTrue(CATALOG.get("wikidata-by-mesh").orElseThrow().bind(Map.of())
                    .serialize().contains("SERVICE <https://query.wikidata.org/sparql>"))),
            // Run against a stand-in on loopback for another page: server.FederationTest.
            entry("wikidata-by-doid", () -> assertTrue(CATALOG.get("wikidata-by-doid").orElseThrow().bind(Map.of())
                    .serialize().contains("SERVICE <https://query.wikidata.org/sparql>"))),
            entry("causes-of-symptom", () -> assertRows(select(petechiae, "causes-of-symptom"),
                    "category|cause|also_known_as",
                    "Medical conditions > Infectious diseases|Coronavirus disease 2019|COVID-19",
                    "Medical conditions > Infectious diseases|Cytomegalovirus infection|CMV, CMV infection",
                    "Medical conditions > Infectious diseases|Endocarditis|",
                    "Medical conditions > Infectious diseases|Meningococcemia|",
                    "Medical conditions > Infectious diseases|Mononucleosis|",
                    "Medical conditions > Infectious diseases|Rubella|",
                    "Medical conditions > Infectious diseases|Scarlet fever|",
                    "Medical conditions > Infectious diseases|Strep throat|",
                    "Medical conditions > Infectious diseases|Viral hemorrhagic fevers|",
                    "Medical conditions > Other medical conditions|Cryoglobulinemia|",
                    "Medical conditions > Other medical conditions|Immune thrombocytopenia|ITP",
                    "Medical conditions > Other medical conditions|Leukemia|",
                    "Medical conditions > Other medical conditions|Scurvy|vitamin C deficiency",
                    "Medical conditions > Other medical conditions|Thrombocytopenia|",
                    "Medical conditions > Other medical conditions|Vasculitis|",
                    "Medicines|Penicillin|",
                    "Medicines|Phenytoin|",
                    "Medicines|Quinine|",
                    "Prolonged straining|Coughing|",
                    "Prolonged straining|Giving birth|",
                    "Prolonged straining|Lifting weights|",
                    "Prolonged straining|Vomiting|")),
            entry("category-tree", () -> assertRows(select(petechiae, "category-tree"),
                    "category|parent|depth|position|causes",
                    "Medical conditions||1|3|0",
                    "Medical conditions > Infectious diseases|Medical conditions|2|1|9",
                    "Medical conditions > Other medical conditions|Medical conditions|2|2|6",
                    "Medicines||1|2|3",
                    "Prolonged straining||1|1|4")),
            entry("drugs-causing-symptom", () -> assertRows(select(petechiae, "drugs-causing-symptom"),
                    "drug|brands|other_brands",
                    "Penicillin||false",
                    "Phenytoin|Cerebyx, Dilantin-125|true",
                    "Quinine|Qualaquin|false")),
            entry("drug-by-brand", () -> assertRows(select(petechiae, "drug-by-brand"),
                    "brand|drug|symptom",
                    "Qualaquin|Quinine|Petechiae")),
            entry("symptoms-of-cause", () -> assertRows(select(petechiae, "symptoms-of-cause"),
                    "cause|symptom|category",
                    "Leukemia|Petechiae|Other medical conditions")),
            // The defaults name the one bundled symptom twice: its causes, each in its category twice.
            entry("shared-causes", () -> {
                Table shared = select(petechiae, "shared-causes");
                assertEquals(PETECHIAE_CAUSES.size(), shared.rows().size(), shared.rows().toString());
                shared.rows().forEach(row -> {
                    String[] cells = row.split("\\|", -1);
                    assertEquals(cells[1], cells[2], row);
                });
            }),
            entry("infectious-causes", () -> assertRows(select(petechiae, "infectious-causes"),
                    "symptom|cause|category|agent_kinds|category_agent_kinds",
                    // "fungi, viruses or bacteria" is said of the category: no one cause gets all three.
                    "Petechiae|Coronavirus disease 2019|Infectious diseases||Bacteria, Fungus, Virus",
                    "Petechiae|Cytomegalovirus infection|Infectious diseases||Bacteria, Fungus, Virus",
                    "Petechiae|Endocarditis|Infectious diseases||Bacteria, Fungus, Virus",
                    "Petechiae|Meningococcemia|Infectious diseases||Bacteria, Fungus, Virus",
                    "Petechiae|Mononucleosis|Infectious diseases||Bacteria, Fungus, Virus",
                    "Petechiae|Rubella|Infectious diseases||Bacteria, Fungus, Virus",
                    "Petechiae|Scarlet fever|Infectious diseases||Bacteria, Fungus, Virus",
                    "Petechiae|Strep throat|Infectious diseases||Bacteria, Fungus, Virus",
                    "Petechiae|Viral hemorrhagic fevers|Infectious diseases||Bacteria, Fungus, Virus")),
            entry("causes-per-category", () -> assertRows(select(petechiae, "causes-per-category"),
                    "symptom|category|direct|total",
                    "Petechiae|Medical conditions|0|15",
                    "Petechiae|Medical conditions > Infectious diseases|9|9",
                    "Petechiae|Medical conditions > Other medical conditions|6|6",
                    "Petechiae|Medicines|3|3",
                    "Petechiae|Prolonged straining|4|4")),
            entry("cause-provenance", () -> assertRows(select(petechiae, "cause-provenance"),
                    "cause|symptom|document|date|source_file|line|evidence|graph|imported|current",
                    "Leukemia|Petechiae|petechiae|2023-05-26|petechiae.txt|34|Leukemia|" + PETECHIAE_GRAPH
                            + "|2026-01-01T00:00:00Z|true")),
            entry("external-identifiers", () -> assertRows(select(petechiae, "external-identifiers"),
                    "entity|type|label|match|identifier",
                    Stream.concat(PETECHIAE_CAUSES.stream().map(c -> c[0] + "|cause|" + c[1] + "||"),
                            Stream.of(PETECHIAE + "|symptom|Petechiae||")).toArray(String[]::new))),
            entry("label-search", () -> assertRows(select(petechiae, "label-search"),
                    "entity|type|label|matched",
                    cause("cytomegalovirus-infection") + "|cause|Cytomegalovirus infection|CMV, CMV infection")),
            entry("entities-without-identifiers", () -> assertRows(select(petechiae, "entities-without-identifiers"),
                    "entity|type|label",
                    Stream.concat(PETECHIAE_CAUSES.stream().map(c -> c[0] + "|cause|" + c[1]),
                            Stream.of(PETECHIAE + "|symptom|Petechiae"))
                            .toArray(String[]::new))),
            // Without lexical links in this store, all 23 are open (see LinkingTest for a linked store).
            entry("unlinked-by-page", () -> {
                List<String> rows = select(petechiae, "unlinked-by-page").rows();
                assertEquals(1, rows.size(), rows.toString());
                assertTrue(rows.get(0).startsWith("petechiae|Petechiae|23|23|") && rows.get(0).contains("Leukemia"),
                        rows.toString());
            }),
            entry("symptom-neighbourhood", () -> assertTrue(neighbourhoodInFixture().isIsomorphicWith(
                    QueryRunner.construct(petechiae.dataset(), bind("symptom-neighbourhood", Map.of()))))),
            entry("is-listed-cause", () -> assertTrue(
                    QueryRunner.ask(petechiae.dataset(), bind("is-listed-cause", Map.of())))),
            entry("documents", () -> assertRows(select(petechiae, "documents"),
                    "document|date|symptom|source_file|causes|imported|graph|current",
                    "petechiae|2023-05-26|Petechiae|petechiae.txt|22|2026-01-01T00:00:00Z|" + PETECHIAE_GRAPH
                            + "|true")),
            entry("causes-by-symptom-count", () -> assertRows(select(petechiae, "causes-by-symptom-count"),
                    "cause|symptoms",
                    // Ties in the order of the IRIs.
                    PETECHIAE_CAUSES.stream().sorted(java.util.Comparator.comparing((String[] c) -> c[0]))
                            .map(c -> c[1] + "|1").toArray(String[]::new))),
            entry("entity-statements", () -> assertRows(
                    select(petechiae, "entity-statements", Map.of("entity", cause("leukemia"))),
                    "property|value|graph",
                    RDF.type.getURI() + "|https://schema.org/MedicalCause|" + PETECHIAE_GRAPH,
                    RDF.type.getURI() + "|https://schema.org/MedicalCondition|" + PETECHIAE_GRAPH,
                    RDFS.label.getURI() + "|Leukemia|" + PETECHIAE_GRAPH,
                    SKOS.prefLabel.getURI() + "|Leukemia|" + PETECHIAE_GRAPH,
                    Vocab.inCategory.getURI() + "|" + CATEGORY + "other-medical-conditions|" + PETECHIAE_GRAPH,
                    Vocab.nameKey.getURI() + "|leukemia|" + PETECHIAE_GRAPH)));

    @ParameterizedTest
    @MethodSource("queryNames")
    void everyQueryGivesTheExpectedResultOnPetechiae(String name) throws Throwable {
        Executable expectation = ON_PETECHIAE.get(name);
        if (expectation == null) {
            fail("query " + name + " has no expected result: add one to ON_PETECHIAE");
        }
        expectation.execute();
    }

    /**
     * Run with its defaults on the data serve fills an empty database with (data/: documents and
     * curated links), every query answers something: its defaults name what is bundled. Except
     * the federated queries (they call Wikidata: no network in tests; FederationTest runs them
     * against a loopback stand-in), and version-changes while no
     * bundled page comes in two versions (then there is nothing it could list).
     */
    @ParameterizedTest
    @MethodSource("queryNames")
    void everyQueryAnswersOnTheBundledDataWithItsDefaults(String name) {
        Query query = bind(name, Map.of());
        Assumptions.assumeFalse(query.serialize().contains("SERVICE"), "calls another endpoint");
        long answers = query.isAskType() ? (QueryRunner.ask(bundled.dataset(), query) ? 1 : 0)
                : query.isConstructType() ? QueryRunner.construct(bundled.dataset(), query).size()
                : select(bundled, name).rows().size();
        if (name.equals("version-changes")
                && select(bundled, "documents").rows().size() == select(bundled, "unlinked-by-page").rows().size()) {
            assertEquals(0, answers, "one version of every bundled page: no changes");
            return;
        }
        assertTrue(answers > 0, name + " with its defaults answers nothing on the bundled data");
    }

    @Test
    void everyExpectationIsForAQueryOfTheCatalogue() {
        assertEquals(ON_PETECHIAE.keySet(), queryNames().collect(Collectors.toSet()));
    }

    @Test
    void aLeadInListIsTheCategoryOfItsCauses() {
        assertRows(select(pages, "causes-of-symptom", Map.of("symptom", "hiccups")),
                "category|cause|also_known_as",
                "Causes|Carbonated drinks|", "Causes|Eating too much|", "Causes|Ménière’s disease|", "Causes|Sudden excitement|");
    }

    @Test
    void symptomsAreMatchedIgnoringCase() {
        assertEquals(22, select(petechiae, "causes-of-symptom", Map.of("symptom", "PETECHIAE")).rows().size());
        assertEquals(0, select(petechiae, "causes-of-symptom", Map.of("symptom", "Petechia")).rows().size(),
                "whole names only");
    }

    @Test
    void brandsAreMatchedIgnoringCase() {
        assertRows(select(petechiae, "drug-by-brand", Map.of("brand", "dilantin-125")),
                "brand|drug|symptom", "Dilantin-125|Phenytoin|Petechiae");
    }

    @Test
    void causesAreFoundByAbbreviationOrOtherName() {
        assertRows(select(pages, "symptoms-of-cause", Map.of("cause", "itp")),
                "cause|symptom|category",
                "Immune thrombocytopenia|Easy bruising|Blood disorders",
                "Immune thrombocytopenia|Petechiae|Other medical conditions");
        assertRows(select(petechiae, "symptoms-of-cause", Map.of("cause", "Vitamin C deficiency")),
                "cause|symptom|category", "Scurvy|Petechiae|Other medical conditions");
    }

    @Test
    void sharedCausesOfTwoPages() {
        assertRows(select(pages, "shared-causes", Map.of("symptom1", "Petechiae", "symptom2", "Easy bruising")),
                "cause|first_category|second_category",
                "Immune thrombocytopenia|Other medical conditions|Blood disorders");
        assertRows(select(pages, "shared-causes", Map.of("symptom1", "Easy bruising", "symptom2", "nosebleeds")),
                "cause|first_category|second_category", "Aspirin|Medications|Drugs");
        assertRows(select(pages, "shared-causes", Map.of("symptom2", "Nosebleeds")),
                "cause|first_category|second_category", "Leukemia|Other medical conditions|Blood disorders");
    }

    @Test
    void causesOfSeveralSymptoms() {
        assertRows(select(pages, "causes-by-symptom-count", Map.of("minimum", "2")),
                "cause|symptoms",
                "Immune thrombocytopenia|2",
                "Leukemia|2",
                "Aspirin|2");
    }

    @Test
    void brandsComeFromEveryPageThatNamesThem() {
        // Nosebleeds names aspirin without brands; easy bruising gives them, and the drug is one node.
        assertRows(select(pages, "drugs-causing-symptom", Map.of("symptom", "Nosebleeds")),
                "drug|brands|other_brands", "Aspirin|Bayer, Ecotrin|false", "Fluticasone|Flonase, Veramyst|false");
    }

    @Test
    void anOptionalSymptomNarrowsTheResultToIt() {
        assertRows(select(pages, "infectious-causes", Map.of("symptom", "nosebleeds")),
                "symptom|cause|category|agent_kinds|category_agent_kinds",
                "Nosebleeds|Common cold|Infections||Bacteria, Virus",
                "Nosebleeds|Sinusitis|Infections||Bacteria, Virus");
        assertRows(select(pages, "causes-per-category"),
                "symptom|category|direct|total",
                "Easy bruising|Medical conditions|0|3",
                "Easy bruising|Medical conditions > Blood disorders|3|3",
                "Easy bruising|Medications|3|3",
                "Hiccups|Causes|4|4",
                "Nosebleeds|Drugs|2|2",
                "Nosebleeds|Medical conditions|0|4",
                "Nosebleeds|Medical conditions > Blood disorders|2|2",
                "Nosebleeds|Medical conditions > Infections|2|2",
                "Petechiae|Medical conditions|0|15",
                "Petechiae|Medical conditions > Infectious diseases|9|9",
                "Petechiae|Medical conditions > Other medical conditions|6|6",
                "Petechiae|Medicines|3|3",
                "Petechiae|Prolonged straining|4|4");
    }

    @Test
    void provenanceNamesEachDocumentThatStatesTheCauseWithItsEvidence() {
        assertRows(select(pages, "cause-provenance", Map.of("cause", "phenytoin")),
                "cause|symptom|document|date|source_file|line|evidence|graph|imported|current",
                "Phenytoin|Petechiae|petechiae|2023-05-26|petechiae.txt|12|Petechiae may result from taking some types "
                        + "of medicine, including phenytoin (Cerebyx, Dilantin-125, others), penicillin and quinine "
                        + "(Qualaquin).|" + PETECHIAE_GRAPH + "|2026-01-01T00:00:00Z|true");
        assertRows(select(pages, "cause-provenance", Map.of("cause", "Aspirin", "symptom", "Petechiae")),
                "cause|symptom|document|date|source_file|line|evidence|graph|imported|current");
    }

    @Test
    void theDefaultGraphIsTheCurrentVersionAndGraphReachesTheOlderOnes(@TempDir Path dir) throws Exception {
        // A newer petechiae page that no longer lists leukemia.
        String newer = Files.readString(Fixtures.PETECHIAE).replace("  3. Leukemia\n", "")
                .replace("May 26, 2023", "June 1, 2024");
        Path file = Files.writeString(dir.resolve("petechiae.txt"), newer);
        try (GraphStore store = store(Fixtures.PETECHIAE, file)) {
            String newGraph = "https://w3id.org/symptomgraph/graph/petechiae/2024-06-01";
            assertRows(select(store, "documents"),
                    "document|date|symptom|source_file|causes|imported|graph|current",
                    "petechiae|2023-05-26|Petechiae|petechiae.txt|22|2026-01-01T00:00:00Z|" + PETECHIAE_GRAPH + "|false",
                    "petechiae|2024-06-01|Petechiae|petechiae.txt|21|2026-01-01T00:00:00Z|" + newGraph + "|true");
            assertEquals(21, select(store, "causes-of-symptom").rows().size());
            assertFalse(QueryRunner.ask(store.dataset(), bind("is-listed-cause", Map.of())));
            assertRows(select(store, "cause-provenance"),
                    "cause|symptom|document|date|source_file|line|evidence|graph|imported|current",
                    "Leukemia|Petechiae|petechiae|2023-05-26|petechiae.txt|34|Leukemia|" + PETECHIAE_GRAPH
                            + "|2026-01-01T00:00:00Z|false");
        }
    }

    @Test
    void askIsFalseForACauseThePageDoesNotList() {
        assertFalse(QueryRunner.ask(pages.dataset(), bind("is-listed-cause", Map.of("cause", "Aspirin"))));
        assertTrue(QueryRunner.ask(pages.dataset(), bind("is-listed-cause", Map.of("cause", "CMV"))));
    }

    /**
     * The current view holds every mapping in force: the pages' links and the curated ones (the
     * store applies a link graph to it, as the bundled data shows); a mapping only a named graph
     * holds, such as a superseded version's, is not in force and not listed.
     */
    @Test
    void identifiersAreTheCurrentViews() throws DocumentException {
        try (GraphStore store = store(Fixtures.PETECHIAE)) {
            Dataset ds = store.dataset();
            ds.executeWrite(() -> {
                ds.getDefaultModel().createResource(cause("leukemia"))
                        .addProperty(SKOS.exactMatch, ResourceFactory.createResource(MONDO_LEUKEMIA));
                // The curated links: a graph of their own, applied to the current view.
                for (Model m : List.of(ds.getNamedModel("https://w3id.org/symptomgraph/graph/links"), ds.getDefaultModel())) {
                    m.createResource(cause("leukemia")).addProperty(SKOS.closeMatch, ResourceFactory.createResource(MESH_LEUKEMIA));
                    m.createResource(PETECHIAE).addProperty(SKOS.exactMatch, ResourceFactory.createResource(HPO_PETECHIAE));
                }
                // Only in a graph that is not the current view.
                ds.getNamedModel("https://w3id.org/symptomgraph/graph/petechiae/2001-01-01").createResource(cause("leukemia"))
                        .addProperty(SKOS.relatedMatch, ResourceFactory.createResource("http://example.org/old"));
            });
            List<String> rows = select(store, "external-identifiers").rows().stream()
                    .filter(r -> r.contains("|Leukemia|") || r.contains("|Petechiae|")).toList();
            assertEquals(List.of(cause("leukemia") + "|cause|Leukemia|close|" + MESH_LEUKEMIA,
                    cause("leukemia") + "|cause|Leukemia|exact|" + MONDO_LEUKEMIA,
                    PETECHIAE + "|symptom|Petechiae|exact|" + HPO_PETECHIAE), rows);
            List<String> unmapped = select(store, "entities-without-identifiers").rows();
            assertEquals(21, unmapped.size());
            assertFalse(unmapped.stream().anyMatch(r -> r.endsWith("|Leukemia") || r.endsWith("|Petechiae")),
                    unmapped.toString());
        }
    }

    /** With the links import makes, the unlinked entities of a page are counted and named, the linked ones not. */
    @Test
    void unlinkedByPageNamesOnlyWhatIsStillUnlinkedWhenSomeEntitiesAreLinked() throws DocumentException {
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(Fixtures.imported(Fixtures.testDocument("nosebleeds.txt")), IMPORTED);
            List<String> rows = select(store, "unlinked-by-page").rows();
            assertEquals(1, rows.size(), rows.toString());
            String[] row = rows.get(0).split("\\|", -1);
            List<String> names = List.of(row[4].split(" \\| "));
            assertEquals(Integer.parseInt(row[3]), names.size(), rows.toString());
            assertTrue(names.contains("Fluticasone") && !names.contains("Leukemia") && !names.contains("Hemophilia"),
                    rows.toString());
            assertEquals(select(store, "entities-without-identifiers").rows().size(), names.size(), "the same count");
        }
    }

    @Test
    void aCauseGetsAnAgentKindOnlyFromItselfOrFromACategoryNamingOneKind() throws DocumentException {
        try (GraphStore store = store(Fixtures.PETECHIAE)) {
            Dataset ds = store.dataset();
            ds.executeWrite(() -> {
                Model current = ds.getDefaultModel();
                current.createResource(cause("strep-throat")).addProperty(
                        current.createProperty(Vocab.SCHEMA + "infectiousAgentClass"),
                        current.createResource(Vocab.SCHEMA + "Bacteria"));
                // The category now names viruses alone: each of its causes is a virus, unless it says otherwise.
                current.removeAll(null, Vocab.agentClass, current.createResource(Vocab.SCHEMA + "Bacteria"));
                current.removeAll(null, Vocab.agentClass, current.createResource(Vocab.SCHEMA + "Fungus"));
            });
            List<String> rows = select(store, "infectious-causes").rows();
            assertTrue(rows.contains("Petechiae|Strep throat|Infectious diseases|Bacteria|Virus"), rows.toString());
            assertTrue(rows.contains("Petechiae|Rubella|Infectious diseases|Virus|Virus"), rows.toString());
        }
    }

    @Test
    void aCauseIsUnderEachCategoryAPagePutsItIn() throws DocumentException {
        // Two pages about one symptom: one lists Asthma under a heading, the other (its categories
        // taken out, as a page that lists its causes under none) without one.
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(Fixtures.read("wheezing.txt", "Wheezing may be caused by:\n\nLung conditions\n\n"
                    + "1. Asthma\n2. Bronchitis\n\nJanuary 5, 2022\n").graph(), IMPORTED);
            DocumentGraph other = Fixtures.read("wheezing-in-children.txt", "Wheezing may be caused by:\n\n"
                    + "1. Asthma\n2. Smoking\n\nMarch 9, 2024\n").graph();
            Model uncategorised = ModelFactory.createDefaultModel().add(other.model());
            uncategorised.listSubjectsWithProperty(RDF.type, Vocab.CauseCategory).toList()
                    .forEach(category -> uncategorised.removeAll(category, null, null).removeAll(null, null, category));
            store.replace(new DocumentGraph(other.name(), uncategorised), IMPORTED);
            assertRows(select(store, "causes-of-symptom", Map.of("symptom", "wheezing")),
                    "category|cause|also_known_as",
                    "|Asthma|", "|Smoking|", "Causes > Lung conditions|Asthma|", "Causes > Lung conditions|Bronchitis|");
        }
    }

    @Test
    void categoryPathsAreWholeAtAnyDepth() throws DocumentException {
        // Markdown and HTML headings can nest deeper than any page so far: put three levels above
        // "Medical conditions" of the nosebleeds page, so that "Infections" is five levels down.
        DocumentGraph page = Fixtures.graph(Fixtures.testDocument("nosebleeds.txt"));
        Model m = ModelFactory.createDefaultModel().add(page.model());
        Resource above = m.createResource("https://w3id.org/symptomgraph/document/nosebleeds/2021-08-03/category/"
                + "medical-conditions");
        for (String level : List.of("A", "B", "C")) {
            Resource parent = m.createResource("https://example.org/category/" + level)
                    .addProperty(RDF.type, Vocab.CauseCategory).addProperty(RDFS.label, "Level " + level, "en");
            above.addProperty(SKOS.broader, parent);
            above = parent;
        }
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(new DocumentGraph(page.name(), m), IMPORTED);
            assertTrue(select(store, "causes-of-symptom", Map.of("symptom", "Nosebleeds")).rows()
                    .contains("Level C > Level B > Level A > Medical conditions > Infections|Sinusitis|"));
            assertTrue(select(store, "category-tree", Map.of("symptom", "Nosebleeds")).rows()
                    .contains("Level C > Level B > Level A > Medical conditions > Infections|Medical conditions|5|1|2"));
        }
    }

    /**
     * Each name parameter, given in other cases and with extra inner spaces, finds what its
     * canonical spelling finds; a part of a name finds nothing. {query|parameter|name|variants}.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "causes-of-symptom|symptom|Petechiae|PETECHIAE;petechiae;pEtEcHiAe",
        "category-tree|symptom|Easy bruising|EASY BRUISING;easy  bruising;Easy\tBruising",
        "drugs-causing-symptom|symptom|Nosebleeds|NOSEBLEEDS;nosebleeds",
        "symptom-neighbourhood|symptom|Petechiae|PETECHIAE",
        "symptoms-of-cause|cause|Immune thrombocytopenia|IMMUNE  THROMBOCYTOPENIA;itp;ITP",
        "symptoms-of-cause|cause|Scurvy|vitamin c deficiency;VITAMIN   C DEFICIENCY",
        "drug-by-brand|brand|Dilantin-125|DILANTIN-125;dilantin-125",
        "cause-provenance|cause|Cytomegalovirus infection|CMV;cmv infection;CYTOMEGALOVIRUS  INFECTION",
        "causes-per-category|symptom|Easy bruising|easy BRUISING;Easy   bruising",
        "infectious-causes|symptom|Nosebleeds|NOSEBLEEDS",
        "shared-causes|symptom2|Nosebleeds|NOSEBLEEDS;nosebleeds",
        "label-search|text|thromb|THROMB;Thromb",
        "label-search|text|immune thrombocytopenia|IMMUNE  Thrombocytopenia"})
    void namesAreMatchedIgnoringCaseAndSpacing(String query, String parameter, String name, String variants) {
        String expected = answer(query, Map.of(parameter, name));
        assertFalse(expected.isBlank() || expected.equals("false"), query + " finds nothing for " + name);
        for (String variant : variants.replace("\\t", "\t").split(";")) {
            assertEquals(expected, answer(query, Map.of(parameter, variant)), query + " " + parameter + "=" + variant);
        }
        if (!query.equals("label-search")) {
            String part = name.substring(0, name.length() - 1);
            assertEquals(answer(query, Map.of(parameter, "no such name")), answer(query, Map.of(parameter, part)),
                    query + ": whole names only, not " + part);
        }
    }

    @Test
    void askMatchesNamesIgnoringCase() {
        assertTrue(QueryRunner.ask(pages.dataset(), bind("is-listed-cause", Map.of("cause", "cmv  INFECTION",
                "symptom", "PETECHIAE"))));
        assertTrue(QueryRunner.ask(pages.dataset(), bind("is-listed-cause", Map.of("cause", "itp",
                "symptom", "easy bruising"))));
        assertFalse(QueryRunner.ask(pages.dataset(), bind("is-listed-cause", Map.of("cause", "CM",
                "symptom", "Petechiae"))), "whole names only");
        // Brands are no names of the drug: only drug-by-brand finds a drug by brand.
        assertFalse(QueryRunner.ask(pages.dataset(), bind("is-listed-cause", Map.of("cause", "Qualaquin"))));
        assertEquals(0, select(pages, "symptoms-of-cause", Map.of("cause", "qualaquin")).rows().size());
    }

    /** The rows of a SELECT (as text), the graph of a CONSTRUCT (as sorted N-Triples), on the pages. */
    private static String answer(String name, Map<String, String> params) {
        Query query = bind(name, params);
        if (query.isConstructType()) {
            Model graph = QueryRunner.construct(pages.dataset(), query);
            return graph.listStatements().toList().stream().map(Statement::toString).sorted()
                    .collect(Collectors.joining("\n"));
        }
        return String.join("\n", table(QueryRunner.select(pages.dataset(), query)).rows());
    }

    /**
     * What makes the lookups fast: with its parameters given, each query as TDB2 plans it finds an
     * entity by name with its key as a constant in a quad pattern (an index lookup), and compares no
     * lower-cased variable with the name (a scan of every label). Fails if a query goes back to
     * {@code FILTER(LCASE(STR(?label)) = LCASE(?_name))}, or if Jena stops folding the key.
     */
    @ParameterizedTest
    @MethodSource("queryNames")
    void givenNamesAreIndexLookupsInThePlan(String name) {
        CannedQuery q = CATALOG.get(name).orElseThrow();
        Map<String, String> values = new HashMap<>();
        for (Parameter p : q.parameters()) {
            values.put(p.name(), switch (p.type()) {
                // Distinct names, in mixed case and with a double space, so that each key is its own.
                case STRING -> "Some  Name " + p.name().toUpperCase(Locale.ROOT);
                case INTEGER -> "2";
                case IRI -> cause("leukemia");
            });
        }
        Op plan = plan(q.bind(values));
        Set<String> keyLookups = new HashSet<>();
        List<Expr> filters = new ArrayList<>();
        Set<String> keyScans = new HashSet<>();
        List<Node> textSearches = new ArrayList<>();
        OpWalker.walk(plan, new OpVisitorBase() {
            @Override
            public void visit(OpPropFunc op) {
                textSearches.add(op.getProperty());
            }

            @Override
            public void visit(OpQuadPattern op) {
                op.getPattern().forEach(quad -> {
                    if (KEYS.contains(quad.getPredicate()) && quad.getObject().isLiteral()) {
                        keyLookups.add(quad.getObject().getLiteralLexicalForm());
                    }
                });
            }

            @Override
            public void visit(OpFilter op) {
                filters.addAll(op.getExprs().getList());
                // CONTAINS(?key, "text") right on ?entity sg:nameKey ?key: a scan of the keys alone.
                if (op.getSubOp() instanceof OpQuadPattern qp && qp.getPattern().size() == 1
                        && qp.getPattern().get(0).getPredicate().equals(Vocab.nameKey.asNode())) {
                    Node key = qp.getPattern().get(0).getObject();
                    op.getExprs().forEach(e -> {
                        if (e instanceof E_StrContains c && c.getArg1() instanceof ExprVar v && v.getAsNode().equals(key)
                                && c.getArg2() instanceof NodeValue text && text.isString()) {
                            keyScans.add(text.getString());
                        }
                    });
                }
            }
        });
        for (Parameter p : q.parameters()) {
            if (p.type() != Parameter.Type.STRING || NOT_NAMES.containsKey(name + " " + p.name())) {
                continue;
            }
            String value = values.get(p.name());
            String key = NameKey.of(value);
            assertTrue(keyLookups.contains(key), name + ": " + p.name() + " is no key lookup (" + key + ") in\n" + plan);
            for (Expr filter : filters) {
                assertFalse(lowerCasesAVariable(filter) && mentions(filter, value),
                        name + ": " + p.name() + " is compared with lower-cased values in " + filter + "\n" + plan);
            }
        }
        // Words of names: a search of the full-text index of the keys, and no scan of the keys.
        if (name.equals("label-search")) {
            assertEquals(List.of(NodeFactory.createURI("http://jena.apache.org/text#query")), textSearches,
                    plan::toString);
        }
        assertEquals(Set.of(), keyScans, plan::toString);
    }

    @Test
    void theParametersThatAreNoNamesAreParametersOfTheirQueries() {
        NOT_NAMES.keySet().forEach(k -> {
            String[] queryAndParameter = k.split(" ");
            assertTrue(CATALOG.get(queryAndParameter[0]).orElseThrow().parameters().stream()
                    .anyMatch(p -> p.name().equals(queryAndParameter[1])), k);
        });
    }

    private static final Set<Node> KEYS = Set.of(Vocab.nameKey.asNode(), Vocab.brandKey.asNode());

    /** String parameters that are not an entity's name, and why they are no key lookup. */
    private static final Map<String, String> NOT_NAMES = Map.of(
            "label-search text", "words of names, found by the full-text index (checked on its own)",
            "version-changes document", "a page identifier among the few pages with more than one version");

    /** The plan TDB2 runs (before it orders each pattern's triples by selectivity). */
    private static Op plan(Query query) {
        Dataset ds = petechiae.dataset();
        return ds.calculateRead(() -> {
            DatasetGraph dsg = ds.asDatasetGraph();
            Context context = ARQ.getContext().copy();
            Plan plan = QueryEngineRegistry.get().find(query, dsg, context)
                    .create(query, dsg, BindingRoot.create(), context);
            return plan.getOp();
        });
    }

    private static boolean lowerCasesAVariable(Expr e) {
        if (e instanceof E_StrLowerCase lcase && !lcase.getArg().getVarsMentioned().isEmpty()) {
            return true;
        }
        return e instanceof ExprFunction f && f.getArgs().stream().anyMatch(CannedQueriesTest::lowerCasesAVariable);
    }

    /** Whether an expression holds the value, as given or in any case or spacing. */
    private static boolean mentions(Expr e, String value) {
        if (e instanceof NodeValue nv && nv.isString()) {
            return NameKey.of(nv.getString()).equals(NameKey.of(value));
        }
        return e instanceof ExprFunction f && f.getArgs().stream().anyMatch(a -> mentions(a, value));
    }

    // --- helpers, shared with the other tests of this package ---

    private static Query bind(String name, Map<String, String> params) {
        return CATALOG.get(name).orElseThrow().bind(params);
    }

    /** Results as text: the header "a|b|c", and one such line a row. */
    record Table(String header, List<String> rows) {
    }

    static Table select(GraphStore store, String name) {
        return select(store, name, Map.of());
    }

    /**
     * The whole answer, in the query's order, when no page is given: a listing in the store's order
     * run without its page's LIMIT ({@link #whole}), a ranking that reads its page itself read page
     * after page.
     */
    static Table select(GraphStore store, String name, Map<String, String> params) {
        CannedQuery query = CATALOG.get(name).orElseThrow();
        if (!query.paged() || params.containsKey(CannedQuery.PAGE)) {
            return select(store, query, params);
        }
        if (!query.text().contains("?__page_integer")) {
            return select(store, whole(name), params);
        }
        List<String> rows = new ArrayList<>();
        String vars = null;
        for (int page = 1; page < 1_000; page++) {
            Map<String, String> values = new HashMap<>(params);
            values.put(CannedQuery.PAGE, Integer.toString(page));
            Table t = select(store, query, values);
            vars = t.header();
            if (t.rows().isEmpty()) {
                break;
            }
            rows.addAll(t.rows());
        }
        return new Table(vars, rows);
    }

    private static final java.util.regex.Pattern PAGINATION = java.util.regex.Pattern.compile("(?m)^#\\+ pagination: (\\d+)$");

    /** A query paged by an OFFSET, without its pagination and its page's LIMIT: its whole answer, sorted whole. */
    static CannedQuery whole(String name) {
        return paged(name, null);
    }

    /** A query paged by an OFFSET with pages of {@code size} rows (null: not paged). */
    static CannedQuery paged(String name, Integer size) {
        String file;
        try {
            file = Files.readString(Path.of("queries", name + QueryFile.EXTENSION));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        java.util.regex.Matcher m = PAGINATION.matcher(file);
        assertTrue(m.find(), name);
        String limit = "LIMIT " + m.group(1);
        return QueryFile.parse(name, size == null ? m.replaceFirst("").replace(limit, "")
                : m.replaceFirst("#+ pagination: " + size).replace(limit, "LIMIT " + size));
    }

    static Table select(GraphStore store, CannedQuery query, Map<String, String> params) {
        return table(QueryRunner.select(store.dataset(), query.bind(params)));
    }

    /** IRIs whole, literals by their lexical form, unbound as nothing. */
    private static Table table(ResultSetRewindable results) {
        List<String> vars = results.getResultVars();
        List<String> rows = new ArrayList<>();
        while (results.hasNext()) {
            QuerySolution row = results.next();
            rows.add(vars.stream().map(v -> cell(v, row.get(v))).collect(Collectors.joining("|")));
        }
        return new Table(String.join("|", vars), rows);
    }

    private static String cell(String var, RDFNode value) {
        if (value == null) {
            return "";
        }
        Node n = value.asNode();
        String text = n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
        if (LIST_COLUMNS.contains(var)) {
            return Arrays.stream(text.split(", ")).sorted().collect(Collectors.joining(", "));
        }
        return text;
    }

    /** The header and every row, in order. */
    private static void assertRows(Table table, String header, String... rows) {
        assertEquals(header, table.header());
        assertEquals(String.join("\n", rows), String.join("\n", table.rows()));
    }

    static String cause(String slug) {
        return "https://w3id.org/symptomgraph/cause/" + slug;
    }

    /** What symptom-neighbourhood should build, taken from the imported graph with the model API. */
    private static Model neighbourhoodInFixture() throws DocumentException {
        Model page = Fixtures.graph(Fixtures.PETECHIAE).model();
        Resource symptom = page.createResource(PETECHIAE);
        Model expected = ModelFactory.createDefaultModel();
        expected.add(page.listStatements(symptom, RDF.type, (RDFNode) null))
                .add(page.listStatements(symptom, RDFS.label, (RDFNode) null))
                .add(page.listStatements(symptom, Vocab.cause, (RDFNode) null));
        for (Statement s : page.listStatements(symptom, Vocab.cause, (RDFNode) null).toList()) {
            Resource cause = s.getResource();
            expected.add(page.listStatements(cause, RDF.type, (RDFNode) null))
                    .add(page.listStatements(cause, RDFS.label, (RDFNode) null))
                    .add(page.listStatements(cause, Vocab.inCategory, (RDFNode) null));
        }
        for (Resource category : page.listSubjectsWithProperty(RDF.type, Vocab.CauseCategory).toList()) {
            expected.add(page.listStatements(category, RDFS.label, (RDFNode) null))
                    .add(page.listStatements(category, SKOS.broader, (RDFNode) null));
        }
        assertEquals(1 + 1 + 22 + 22 * 2 + 22 + 22 + 5 + 2, expected.size());
        return expected;
    }
}
