package org.symptomgraph.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.symptomgraph.queries.CannedQueriesTest.select;

import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.FmtUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;

/** Parameter values are data: bound as one RDF term each, checked by type, never query text. */
class ParameterBindingTest {

    private static final QueryCatalog CATALOG = QueryCatalog.load();
    private static GraphStore store;

    @BeforeAll
    static void load() throws DocumentException {
        store = CannedQueriesTest.store(Fixtures.PETECHIAE);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static CannedQuery query(String name) {
        return CATALOG.get(name).orElseThrow();
    }

    /** Values that would change the query if they were pasted into its text. */
    private static final String[] HOSTILE = {
        "x\" } UNION { ?s ?p ?o } #",
        "Petechiae\") || true || (\"",
        "Petechiae' } UNION { ?s ?p ?o } #",
        "a'b",
        "}",
        "{",
        "a\nb",
        "Petechiae\n} UNION { ?s ?p ?o }\n#",
        "<http://evil/>",
        "# comment",
        "\\\" } #",
        "\"\"\" } UNION { ?s ?p ?o } \"\"\"",
        "?s",
        "Petechiae\"@en",
        "Petechiae\"^^<http://www.w3.org/2001/XMLSchema#string>",
    };

    static String[] hostile() {
        return HOSTILE;
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void aHostileStringIsOneLiteralAndMatchesNothing(String value) {
        CannedQuery canned = query("causes-of-symptom");
        Query bound = canned.bind(Map.of("symptom", value));
        Node literal = NodeFactory.createLiteralString(value.strip());

        // The text shows the value only as an escaped literal, and reads back as the same query...
        String text = bound.toString();
        assertTrue(text.contains(FmtUtils.stringForNode(literal)), text);
        Query reread = QueryFactory.create(text);
        assertEquals(bound, reread);
        // ...which is the original query with that one literal where the parameter was: nothing else changed.
        Query unbound = QueryTransformOps.transform(reread, n -> n.equals(literal) ? Var.alloc("_symptom") : n);
        assertEquals(canned.query(), unbound);

        // And it finds no symptom of that name, so no rows: nothing leaked out of the FILTER.
        assertEquals(0, select(store, "causes-of-symptom", Map.of("symptom", value)).rows().size());
    }

    @Test
    void namesIgnoreWhiteSpaceAtEitherEnd() {
        for (String value : new String[] {" Petechiae", "Petechiae ", "\tpetechiae\n", "  PETECHIAE  "}) {
            assertEquals(22, select(store, "causes-of-symptom", Map.of("symptom", value)).rows().size(), value);
        }
        assertEquals(1, select(store, "drug-by-brand", Map.of("brand", " qualaquin ")).rows().size());
    }

    @Test
    void aSearchForPunctuationIsASearchForThatText() {
        for (String value : new String[] {"}", "{", "\"", "'", "#", ")", ".*", "\\"}) {
            assertEquals(0, select(store, "label-search", Map.of("text", value)).rows().size(), value);
        }
        // "-" is a plain character, not a pattern: it finds the names that contain it.
        assertEquals(1, select(store, "label-search", Map.of("text", "-1")).rows().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://x/> } UNION { ?s ?p ?o } #", "http://a b/", "http://a/>", "not an iri",
        "relative/path", "", "<http://x/>", "http://x/\"y", "http://x/{y}", "http://x/%zz"})
    void aBadIriIsRefused(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> query("entity-statements").bind(Map.of("entity", value)));
        assertTrue(e.getMessage().startsWith("query entity-statements, parameter entity: '" + value + "' is not"),
                e.getMessage());
    }

    @Test
    void aGoodIriIsBoundAsAnIri() {
        Query bound = query("entity-statements").bind(Map.of("entity", CannedQueriesTest.cause("leukemia")));
        assertTrue(bound.toString().contains("<" + CannedQueriesTest.cause("leukemia") + ">"), bound.toString());
        // Two types, label, prefLabel, category and the name key.
        assertEquals(6, select(store, "entity-statements", Map.of("entity", CannedQueriesTest.cause("leukemia")))
                .rows().size());
        // Any absolute IRI will do, with a fragment or a scheme other than http.
        assertEquals(0, select(store, "entity-statements", Map.of("entity", "urn:example:x#y")).rows().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "1) || true || (1", "", " 2", "1e3", "0x10"})
    void aBadIntegerIsRefused(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> query("causes-by-symptom-count").bind(Map.of("minimum", value)));
        assertEquals("query causes-by-symptom-count, parameter minimum: '" + value + "' is not an integer",
                e.getMessage());
    }

    @Test
    void anIntegerIsBoundAsAnXsdInteger() {
        Query bound = query("causes-by-symptom-count").bind(Map.of("minimum", "2"));
        assertTrue(bound.toString().contains(">= 2"), bound.toString());
        assertEquals(0, select(store, "causes-by-symptom-count", Map.of("minimum", "2")).rows().size());
        assertEquals(22, select(store, "causes-by-symptom-count", Map.of("minimum", "-7")).rows().size());
    }

    @Test
    void anOptionalParameterLeftOutStaysAVariable() {
        Query bound = query("infectious-causes").bind(Map.of());
        assertTrue(bound.toString().contains("?__symptom"), bound.toString());
        assertFalse(query("infectious-causes").bind(Map.of("symptom", "Petechiae")).toString().contains("?__symptom"));
    }

    @Test
    void defaultsFillWhatIsNotGiven() {
        assertEquals(query("causes-of-symptom").bind(Map.of("symptom", "Petechiae")),
                query("causes-of-symptom").bind(Map.of()));
    }

    @Test
    void bindingLeavesTheCatalogueAsItWas() {
        CannedQuery canned = query("causes-of-symptom");
        Query before = canned.query();
        canned.bind(Map.of("symptom", "Nosebleeds"));
        canned.query().setLimit(1);
        assertEquals(before, canned.query());
        assertTrue(canned.query().toString().contains("?_symptom"));
    }

    @Test
    void anUnknownParameterIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> query("causes-of-symptom").bind(Map.of("symptoms", "Petechiae")));
        assertEquals("query causes-of-symptom has no parameter 'symptoms' (its parameters: symptom)", e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> query("documents").bind(Map.of("symptom", "Petechiae")));
        assertEquals("query documents has no parameter 'symptom' (its parameters: page)", none.getMessage());
    }

    @Test
    void aMissingRequiredParameterIsNamed() {
        // Every shipped query has defaults: a query without one for its parameter.
        CannedQuery noDefault = QueryFile.parse("entity-statements", "#+ summary: One entity\n"
                + "#+ description: Its statements\nSELECT ?property ?value WHERE { ?_entity_iri ?property ?value }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> noDefault.bind(Map.of()));
        assertEquals("query entity-statements needs parameter entity (iri)", e.getMessage());
    }
}
