package org.symptomgraph.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.queries.Parameter.Type;

/** The catalogue shipped with the project, and the query file format it is read from. */
class QueryCatalogTest {

    private static final QueryCatalog CATALOG = QueryCatalog.load();

    @TempDir
    Path dir;

    @Test
    void theShippedCatalogueHasEveryKindOfQuery() {
        List<CannedQuery> all = CATALOG.all();
        assertTrue(all.size() >= 12, all.size() + " queries");
        assertEquals(all.stream().map(CannedQuery::name).sorted().toList(), all.stream().map(CannedQuery::name).toList());
        assertTrue(all.stream().anyMatch(q -> q.query().isSelectType()));
        assertTrue(all.stream().anyMatch(q -> q.query().isAskType()));
        assertTrue(all.stream().anyMatch(q -> q.query().isConstructType()));
        assertEquals(3, all.stream().flatMap(q -> q.parameters().stream()).map(Parameter::type).distinct().count(),
                "string, IRI and integer parameters all have an example");
    }

    @Test
    void everyShippedQueryIsDescribedAndParses() {
        for (CannedQuery q : CATALOG.all()) {
            assertFalse(q.title().isBlank(), q.name());
            assertTrue(q.description().length() > q.title().length(), q.name() + ": describe more than the title");
            assertFalse(q.keywords().isEmpty(), q.name() + " has no tags");
            assertEquals(QueryFactory.create(q.text()), q.query(), q.name() + ": the text is the query");
            assertFalse(q.text().contains("#+"), q.name() + ": the decorators are not part of the text");
            for (Parameter p : q.parameters()) {
                // A paged query's page is no variable: it sets the OFFSET.
                assertTrue(q.text().contains("?" + p.variable()) || q.paged() && p.name().equals("page"),
                        q.name() + ": " + p);
            }
        }
    }

    @Test
    void everyShippedQueryRunsWithItsDefaultsUnlessAParameterIsRequired() {
        for (CannedQuery q : CATALOG.all()) {
            if (q.parameters().stream().noneMatch(Parameter::required)) {
                Query bound = q.bind(Map.of());
                assertEquals(bound, QueryFactory.create(bound.toString()), q.name());
            }
        }
    }

    @Test
    void theShippedQueriesReadTheDataByLabelAndTypeNotByDataIri() {
        for (CannedQuery q : CATALOG.all()) {
            String withoutOntology = q.text().replace("https://w3id.org/symptomgraph/ontology#", "");
            assertFalse(withoutOntology.contains("w3id.org/symptomgraph"),
                    q.name() + " names the data's IRI base, which is configurable");
        }
    }

    @Test
    void aQueryFileInFull() throws Exception {
        write("all-kinds", """
                #+ summary: All kinds of parameter
                #+ description: >-
                #+   A query to show
                #+   every kind.
                #+ tags:
                #+   - one
                #+   - two
                #+ defaults:
                #+   - count: 3
                #+   - text: hello
                #+ endpoint: https://example.org/sparql

                # a plain comment stays in the text
                SELECT (COUNT(*) AS ?n) WHERE {
                  ?s ?p ?_text .
                  ?s ?q ?_thing_iri .
                  FILTER(?s != ?__maybe)
                }
                HAVING (COUNT(*) > ?_count_integer)
                """);
        CannedQuery q = QueryCatalog.load(dir).get("all-kinds").orElseThrow();
        assertEquals("All kinds of parameter", q.title());
        assertEquals("A query to show every kind.", q.description());
        assertEquals(List.of("one", "two"), q.keywords());
        assertEquals(List.of(
                new Parameter("text", Type.STRING, false, Optional.of("hello"), "_text"),
                new Parameter("thing", Type.IRI, true, Optional.empty(), "_thing_iri"),
                new Parameter("maybe", Type.STRING, false, Optional.empty(), "__maybe"),
                new Parameter("count", Type.INTEGER, false, Optional.of("3"), "_count_integer")), q.parameters());
        assertTrue(q.text().startsWith("# a plain comment stays in the text\nSELECT"), q.text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no decorators            | SELECT * WHERE { ?s ?p ?o }                                               | no #+ decorators
            no summary               | #+ description: d\\nSELECT * WHERE { ?s ?p ?o }                            | 'summary' is missing
            no description           | #+ summary: s\\nSELECT * WHERE { ?s ?p ?o }                                | 'description' is missing
            a typo in a decorator    | #+ summary: s\\n#+ description: d\\n#+ tag: [x]\\nSELECT * { ?s ?p ?o }      | unknown decorator 'tag'
            bad YAML                 | #+ summary: [s\\n#+ description: d\\nSELECT * { ?s ?p ?o }                   | not valid YAML
            tags not a list          | #+ summary: s\\n#+ description: d\\n#+ tags: x\\nSELECT * { ?s ?p ?o }       | 'tags' must be a list
            bad SPARQL               | #+ summary: s\\n#+ description: d\\nSELECT * WHERE { ?s ?p }                | not valid SPARQL
            DESCRIBE                 | #+ summary: s\\n#+ description: d\\nDESCRIBE <http://x/>                   | only SELECT, ASK and CONSTRUCT
            default of no parameter  | #+ summary: s\\n#+ description: d\\n#+ defaults:\\n#+   - x: 1\\nSELECT * { ?s ?p ?o } | a default for 'x'
            bad integer default      | #+ summary: s\\n#+ description: d\\n#+ defaults:\\n#+   - n: many\\nSELECT * { ?s ?p ?_n_integer } | the default of parameter 'n': 'many' is not an integer
            language suffix          | #+ summary: s\\n#+ description: d\\nSELECT * { ?s ?p ?_label_en }           | unsupported parameter type 'en'
            one name declared twice  | #+ summary: s\\n#+ description: d\\nSELECT * { ?s ?_x ?_x_iri }             | both declare parameter 'x'
            """)
    void aBadQueryFileIsRefusedNamingTheFileAndTheProblem(String what, String content, String message)
            throws Exception {
        write("bad", content.replace("\\n", "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryCatalog.load(dir));
        assertTrue(e.getMessage().startsWith("bad.rq: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void aNameThatIsNotKebabCaseIsRefused() throws Exception {
        write("Causes_Of", "#+ summary: s\n#+ description: d\nSELECT * { ?s ?p ?o }\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryCatalog.load(dir));
        assertEquals("Causes_Of.rq: the name must be kebab-case (lower-case words joined by '-')", e.getMessage());
    }

    @Test
    void onlyRqFilesAreQueries() throws Exception {
        write("one", "#+ summary: s\n#+ description: d\nASK { ?s ?p ?o }\n");
        Files.writeString(dir.resolve("README.md"), "not a query");
        Files.createDirectory(dir.resolve("sub.rq"));
        assertEquals(List.of("one"), QueryCatalog.load(dir).all().stream().map(CannedQuery::name).toList());
        assertTrue(QueryCatalog.load(dir).get("two").isEmpty());
    }

    @Test
    void queriesAreReadFromInsideAJar() throws Exception {
        Path jar = dir.resolve("queries.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("queries/"));
            out.putNextEntry(new JarEntry("queries/from-jar.rq"));
            out.write("#+ summary: s\n#+ description: d\nASK { ?s ?p ?o }\n".getBytes(StandardCharsets.UTF_8));
        }
        URL folder = URI.create("jar:" + jar.toUri() + "!/queries").toURL();
        QueryCatalog fromJar = QueryCatalog.fromResource(folder);
        assertEquals(List.of("from-jar"), fromJar.all().stream().map(CannedQuery::name).toList());
        // A second read of the same jar works too (no file system left open to clash with).
        assertEquals(1, QueryCatalog.fromResource(folder).all().size());
    }

    private void write(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name + ".rq"), content, StandardCharsets.UTF_8);
    }
}
