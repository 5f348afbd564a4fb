package org.symptomgraph.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.BindingRoot;
import org.apache.jena.sparql.util.Context;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symptomgraph.queries.CannedQuery;
import org.symptomgraph.queries.Parameter;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;

/**
 * Queries that cost far more than their size: a backtracking regular expression, strings doubled
 * in a chain, a GROUP_CONCAT over a cross product, a filter that fails on every row. With the
 * limits each ends at once, with an unbound value or an error, and the plans of the canned queries
 * keep their index lookups.
 */
class QueryLimitsTest {

    /** Forty a's and a '!': Java's regex engine backtracks for minutes over {@code ^(.*a){12}$}. */
    private static final String AS = "a".repeat(40) + "!";
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static GraphStore store;
    private static Dataset dataset;

    @BeforeAll
    static void load() throws Exception {
        store = GraphStore.inMemory();
        store.replace(Fixtures.graph(Fixtures.PETECHIAE), java.time.Instant.EPOCH);
        dataset = store.dataset();
        // One allowed endpoint, so that a SERVICE by variable is checked row by row.
        QueryLimits.apply(dataset.asDatasetGraph().getContext(), Set.of("http://127.0.0.1:9/allowed"));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static List<QuerySolution> select(String query) {
        return dataset.calculateRead(() -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(Fixtures.PREFIXES + query).build()) {
                List<QuerySolution> rows = new ArrayList<>();
                qe.execSelect().forEachRemaining(rows::add);
                return rows;
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * { BIND('%s' AS ?s) FILTER(REGEX(?s, '^(.*a){12}$')) }",
        "SELECT * { BIND('%s' AS ?s) FILTER(fn:matches(?s, '^(.*a){12}$')) }",
        "SELECT * { BIND('%s' AS ?s) FILTER(<http://www.w3.org/ns/sparql#regex>(?s, '^(.*a){12}$')) }",
        "SELECT * { BIND('%s' AS ?s) BIND('^(.*a){12}$' AS ?p) FILTER(REGEX(?s, ?p)) }",
        "SELECT * { BIND('%s' AS ?s) FILTER(STRLEN(REPLACE(?s, '^(.*a){12}$', 'x')) = 1) }",
        "SELECT * { BIND('%s' AS ?s) FILTER(STRLEN(fn:replace(?s, '^(.*a){12}$', 'x')) = 1) }"})
    void catastrophicPatternsRunInLinearTime(String query) {
        String q = "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> " + query.formatted(AS);
        List<QuerySolution> rows = assertTimeoutPreemptively(GENEROUS, () -> select(q));
        assertEquals(0, rows.size(), "forty a's and a '!' do not match");
    }

    @Test
    void regularExpressionsStillMeanWhatTheySay() {
        QuerySolution row = select("""
                SELECT ?i ?x ?q ?r ?g WHERE {
                  BIND(REGEX("Petechiae", "^pete", "i") AS ?i)
                  BIND(REGEX("a b", "a b", "x") AS ?x)
                  BIND(REGEX("a.c", ".", "q") AS ?q)
                  BIND(REPLACE("abcb", "(b)", "[$1]") AS ?r)
                  BIND(REPLACE("Thrombocytopenia"@en, "o", "0") AS ?g)
                }""").get(0);
        assertTrue(row.getLiteral("i").getBoolean());
        assertFalse(row.getLiteral("x").getBoolean(), "x drops the white space of the pattern");
        assertTrue(row.getLiteral("q").getBoolean());
        assertEquals("a[b]c[b]", row.getLiteral("r").getString());
        assertEquals("en", row.getLiteral("g").getLanguage(), "REPLACE keeps the language tag");
        List<QuerySolution> causes = select("""
                SELECT ?l WHERE { ?c a schema:MedicalCause ; rdfs:label ?l FILTER(REGEX(?l, "^leuk", "i")) }""");
        assertEquals(1, causes.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Jena's class, named by a java: IRI, and a property function that splits on a Java regex.
        "SELECT * { BIND('%s' AS ?s) FILTER(<java:org.apache.jena.sparql.function.library.FN_Matches>(?s, '^(.*a){12}$')) }",
        "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { ?x apf:strSplit ('%s' '(.*a){12}$') }",
        "SELECT * { ?x <java:org.apache.jena.sparql.pfunction.library.strSplit> ('%s' '(.*a){12}$') }"})
    void javasRegexCannotBeCalledByName(String query) {
        assertTimeoutPreemptively(GENEROUS, () -> select(query.formatted(AS)));
    }

    @Test
    void aChainOfDoublingsStopsAtTheLimit() {
        StringBuilder q = new StringBuilder("SELECT (STRLEN(?s40) AS ?n) (STRLEN(?s10) AS ?ten) { BIND('ab' AS ?s0) ");
        for (int i = 1; i <= 40; i++) {
            q.append("BIND(CONCAT(?s").append(i - 1).append(", ?s").append(i - 1).append(") AS ?s").append(i).append(") ");
        }
        QuerySolution row = assertTimeoutPreemptively(GENEROUS, () -> select(q + "}").get(0));
        assertFalse(row.contains("n"), "2^41 characters: no value");
        assertEquals(2048, row.getLiteral("ten").getInt(), "short strings are concatenated as ever");
        // fn:concat, by name: a string at the limit, doubled, is over it.
        QuerySolution byName = select("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT ?n ?m { "
                + bigString(15) + " BIND(STRLEN(fn:concat(?s, ?s)) AS ?n) BIND(STRLEN(?s) AS ?m) }").get(0);
        assertEquals(QueryLimits.MAX_STRING, byName.getLiteral("m").getInt());
        assertFalse(byName.contains("n"));
    }

    @Test
    void replaceCannotMultiplyAStringPastTheLimit() {
        String hundred = "a".repeat(100);
        QuerySolution row = select("SELECT (STRLEN(?r1) AS ?one) (STRLEN(?r2) AS ?two) { BIND('" + hundred
                + "' AS ?s) BIND(REPLACE(?s, 'a', ?s) AS ?r1) BIND(REPLACE(?r1, 'a', ?s) AS ?r2) }").get(0);
        assertEquals(10_000, row.getLiteral("one").getInt());
        assertFalse(row.contains("two"), "10^6 characters: no value");
    }

    @Test
    void groupConcatStopsAtTheLimit() {
        // 1,000 copies of 2,048 characters: about 2 Mi, over the limit.
        String query = "SELECT (STRLEN(GROUP_CONCAT(?s)) AS ?n) (COUNT(*) AS ?rows) { VALUES ?i { "
                + "1 2 3 4 5 6 7 8 9 10 } VALUES ?j { 1 2 3 4 5 6 7 8 9 10 } VALUES ?k { 1 2 3 4 5 6 7 8 9 10 } "
                + bigString(10) + " }";
        QuerySolution row = select(query).get(0);
        assertEquals(1000, row.getLiteral("rows").getInt());
        assertFalse(row.contains("n"));
        assertEquals(3, select("SELECT (GROUP_CONCAT(?x; separator='-') AS ?all) { VALUES ?x { 'a' 'b' 'c' } }")
                .get(0).getLiteral("all").getString().split("-").length);
    }

    /** {@code ?s} bound to 2^(doublings + 1) characters. */
    private static String bigString(int doublings) {
        StringBuilder b = new StringBuilder("BIND('ab' AS ?t0) ");
        for (int i = 1; i <= doublings; i++) {
            b.append("BIND(CONCAT(?t").append(i - 1).append(", ?t").append(i - 1).append(") AS ?t").append(i).append(") ");
        }
        return b + "BIND(?t" + doublings + " AS ?s)";
    }

    @Test
    void aServiceNotAllowedIsRefusedBeforeTheQueryRuns() {
        for (String q : List.of("SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } } }",
                "SELECT * { ?s ?p ?o OPTIONAL { SERVICE <http://127.0.0.1:9/x> { ?s ?q ?r } } }",
                "SELECT * { FILTER NOT EXISTS { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } } }")) {
            assertThrows(QueryDeniedException.class, () -> select(q), q);
        }
    }

    @Test
    void aFilterThatFailsOnEveryRowIsLoggedOnce() {
        List<LogEvent> events = new ArrayList<>();
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        AbstractAppender appender = new AbstractAppender("limits-test", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                events.add(event.toImmutable());
            }
        };
        appender.start();
        // On the root alone: every logger passes its events on to it.
        logging.getConfiguration().getRootLogger().addAppender(appender, null, null);
        try {
            // The endpoint is a variable, checked (and refused) on each of the graph's rows.
            List<QuerySolution> rows = select("SELECT * { ?s ?p ?o FILTER EXISTS { BIND(IRI(CONCAT('http://127.0.0.1:9/', "
                    + "STRUUID())) AS ?u) SERVICE ?u { ?s ?p ?o } } }");
            assertEquals(0, rows.size());
        } finally {
            logging.getConfiguration().getRootLogger().removeAppender("limits-test");
        }
        assertEquals(1, events.size(), () -> events.size() + " log events, the first: "
                + (events.isEmpty() ? "" : events.get(0).getMessage().getFormattedMessage()));
    }

    /** The limits change expressions and filters, never the patterns TDB2 looks up. */
    @Test
    void cannedQueriesKeepTheirIndexLookups() {
        QueryCatalog catalog = QueryCatalog.load();
        for (CannedQuery q : catalog.all()) {
            Map<String, String> values = new HashMap<>();
            for (Parameter p : q.parameters()) {
                values.put(p.name(), switch (p.type()) {
                    case STRING -> "Some  Name";
                    case INTEGER -> "2";
                    case IRI -> "https://w3id.org/symptomgraph/cause/leukemia";
                });
            }
            Query bound = q.bind(values);
            Context plain = ARQ.getContext().copy();
            Context limited = ARQ.getContext().copy();
            QueryLimits.apply(limited, Set.of("https://query.wikidata.org/sparql"));
            assertEquals(patterns(bound, plain), patterns(bound, limited), q.name());
        }
    }

    private static List<String> patterns(Query query, Context context) {
        return dataset.calculateRead(() -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            Op op = QueryEngineRegistry.get().find(query, dsg, context)
                    .create(QueryFactory.create(query), dsg, BindingRoot.create(), context).getOp();
            List<String> patterns = new ArrayList<>();
            OpWalker.walk(op, new OpVisitorBase() {
                @Override
                public void visit(OpQuadPattern qp) {
                    patterns.add(qp.getPattern().toString());
                }
            });
            return patterns;
        });
    }
}
