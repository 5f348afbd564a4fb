package org.symptomgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.queries.CannedQuery;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;

/** {@code symptomgraph query}: output in each format, and one-line errors for each mistake. */
class QueryCommandTest {

    @TempDir
    static Path dir;
    private static String db;

    @BeforeAll
    static void importPetechiae() {
        db = dir.resolve("db").toString();
        Cli.Run run = Cli.run("import", Fixtures.PETECHIAE.toString(), "--db", db);
        assertEquals(0, run.status(), run.toString());
    }

    private static Cli.Run query(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "query";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--db";
        all[args.length + 2] = db;
        return Cli.run(all);
    }

    @Test
    void helpShowsExamples() {
        Cli.Run run = Cli.run("query", "--help");
        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("Usage: symptomgraph query"), run.out());
        assertTrue(run.out().contains("--param=NAME=VALUE"), run.out());
        assertTrue(run.out().contains("symptomgraph query causes-of-symptom --param symptom=Petechiae"), run.out());
    }

    @Test
    void listShowsEveryQueryWithItsParameters() {
        Cli.Run run = Cli.run("query", "--list");
        assertEquals(0, run.status(), run.toString());
        for (CannedQuery q : QueryCatalog.load().all()) {
            assertTrue(run.out().contains(q.name() + "  ") && run.out().contains(q.title()), q.name());
        }
        List<String> lines = run.out().lines().toList();
        int tree = lines.indexOf(lines.stream().filter(l -> l.startsWith("category-tree ")).findFirst().orElseThrow());
        assertEquals("--param symptom=STRING (default: Petechiae)", lines.get(tree + 1).strip());
        assertTrue(lines.contains(" ".repeat(32)
                + "--param entity=IRI (default: https://w3id.org/symptomgraph/cause/leukemia)"), run.out());
        assertTrue(lines.contains(" ".repeat(32) + "--param symptom=STRING (optional)"), run.out());
        assertTrue(lines.contains(" ".repeat(32) + "--param minimum=INTEGER (default: 1)"), run.out());
    }

    @Test
    void aTableByDefault() {
        Cli.Run run = query("drugs-causing-symptom");
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("| drug         | brands                  | other_brands |", lines.get(1));
        assertTrue(lines.get(4).startsWith("| \"Phenytoin\"  | \""), run.out());
        assertTrue(lines.get(4).endsWith("| true         |"), run.out());
        assertEquals(7, lines.size(), run.out());
    }

    @Test
    void csvTsvAndJson() {
        Cli.Run csv = query("causes-of-symptom", "--param", "symptom=petechiae", "--format", "csv");
        assertEquals(0, csv.status(), csv.toString());
        List<String> lines = csv.out().lines().toList();
        assertEquals("category,cause,also_known_as", lines.get(0));
        assertTrue(lines.contains("Medicines,Penicillin,"), csv.out());
        assertEquals(23, lines.size());

        Cli.Run tsv = query("causes-of-symptom", "--format", "TSV");
        assertEquals("?category\t?cause\t?also_known_as", tsv.out().lines().findFirst().orElseThrow());
        assertTrue(tsv.out().contains("\"Medicines\"\t\"Penicillin\"\t"), tsv.out());

        Cli.Run json = query("causes-of-symptom", "-f", "json");
        JsonObject results = JSON.parse(json.out());
        assertEquals("[ \"category\" , \"cause\" , \"also_known_as\" ]",
                results.get("head").getAsObject().get("vars").toString().replaceAll("\\s+", " ").strip());
        assertEquals(22, results.get("results").getAsObject().get("bindings").getAsArray().size());
    }

    @Test
    void askAndConstruct() {
        assertEquals("yes", query("is-listed-cause").out().strip());
        assertEquals("no", query("is-listed-cause", "-p", "cause=Aspirin").out().strip());
        assertTrue(JSON.parse(query("is-listed-cause", "--format", "json").out()).get("boolean").getAsBoolean()
                .value());

        Cli.Run turtle = query("symptom-neighbourhood");
        assertEquals(0, turtle.status(), turtle.toString());
        Model graph = ModelFactory.createDefaultModel();
        RDFParser.fromString(turtle.out(), Lang.TURTLE).parse(graph);
        assertEquals(1 + 1 + 22 + 22 * 2 + 22 + 22 + 5 + 2, graph.size());

        Cli.Run csv = query("symptom-neighbourhood", "--format", "csv");
        assertEquals(1, csv.status());
        assertEquals("error: a CONSTRUCT query gives a graph, not rows: use text (Turtle) or json (JSON-LD)"
                + System.lineSeparator(), csv.err());
    }

    @Test
    void aValueArrivesWholeWithSpacesQuotesAndEqualsSigns() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("echo"));
        Files.writeString(folder.resolve("echo.rq"), """
                #+ summary: Echo
                #+ description: Gives back the value it is given.
                SELECT (?_value AS ?value) WHERE {}
                """);
        Cli.Run run = query("echo", "--queries", folder.toString(), "--param", "value=a\"b = c } #", "--format", "tsv");
        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of("?value", "\"a\\\"b = c } #\""), run.out().lines().toList());

        Cli.Run search = query("label-search", "--param", "text=vitamin c", "--format", "csv");
        assertEquals(List.of("entity,type,label,matched", "https://w3id.org/symptomgraph/cause/scurvy,cause,Scurvy,"
                + "vitamin C deficiency"), search.out().lines().toList());
    }

    @Test
    void mistakesAreOneLineNamingTheQueryAndParameter() {
        assertError(query("no-such-query"),
                "unknown query 'no-such-query': run 'symptomgraph query --list' to see them");
        assertError(query("causes-of-symptom", "--param", "sympton=Petechiae"),
                "query causes-of-symptom has no parameter 'sympton' (its parameters: symptom)");
        assertError(query("entity-statements", "--param", "entity=cause/leukemia"),
                "query entity-statements, parameter entity: 'cause/leukemia' is not an absolute IRI");
        assertError(query("causes-by-symptom-count", "--param", "minimum=two"),
                "query causes-by-symptom-count, parameter minimum: 'two' is not an integer");
        assertError(query("documents", "--format", "xml"), "unknown format 'xml': use one of text, csv, tsv, json");
        assertError(Cli.run("query", "documents", "--db", dir.resolve("missing").toString()),
                "no database at " + dir.resolve("missing") + " (import documents first, or give --db DIR)");
        assertError(query("label-search", "--param", "text=" + "a ".repeat(1500)),
                "Text search parse error: too many terms to search for at once (at most 1024)");
    }

    @Test
    void aParameterMistakeIsReportedEvenWithoutADatabase() {
        assertError(Cli.run("query", "documents", "-p", "x=1", "--db", dir.resolve("missing").toString()),
                "query documents has no parameter 'x' (its parameters: page)");
    }

    @Test
    void usageErrorsExitWithTwo() {
        Cli.Run noName = query();
        assertEquals(2, noName.status());
        assertTrue(noName.err().startsWith("Missing query NAME"), noName.err());
        Cli.Run noEquals = query("documents", "--param", "symptom");
        assertEquals(2, noEquals.status());
    }

    @Test
    void queriesFromAFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(folder.resolve("symptom-names.rq"), """
                #+ summary: Symptom names
                #+ description: The names of the symptoms, in order.
                PREFIX schema: <https://schema.org/>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT (STR(?l) AS ?name) WHERE { ?s a schema:MedicalSignOrSymptom ; rdfs:label ?l } ORDER BY ?name
                """);
        Cli.Run run = query("symptom-names", "--queries", folder.toString(), "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of("name", "Petechiae"), run.out().lines().toList());

        Files.writeString(folder.resolve("broken.rq"), "SELECT nothing");
        assertError(query("symptom-names", "--queries", folder.toString()),
                "broken.rq: no #+ decorators (summary, description, tags, defaults)");
        assertError(query("x", "--queries", dir.resolve("nope").toString()), "no such folder: " + dir.resolve("nope"));
    }

    private static void assertError(Cli.Run run, String message) {
        assertEquals(1, run.status(), run.toString());
        assertEquals("error: " + message + System.lineSeparator(), run.err());
        assertEquals("", run.out());
    }
}
