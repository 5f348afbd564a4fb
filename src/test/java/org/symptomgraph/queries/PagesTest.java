package org.symptomgraph.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.testing.Fixtures;

/**
 * Pagination ({@code #+ pagination: N}): for every query of the catalogue paged by an OFFSET, read
 * with pages of two rows of its driver, the pages together are exactly the whole answer (the query
 * without its LIMIT), each row once. A query that reads its page itself (a ranking the data keeps)
 * is compared, page by page, with the ranking sorted at query time in StatisticsGraphTest.
 */
class PagesTest {

    private static final int SMALL = 2;
    private static GraphStore pages;

    @BeforeAll
    static void load() throws Exception {
        pages = GraphStore.inMemory();
        for (Path document : List.of(Fixtures.PETECHIAE, Fixtures.testDocument("easy-bruising.txt"),
                Fixtures.testDocument("nosebleeds.txt"), Fixtures.testDocument("hiccups.txt"))) {
            pages.replace(Fixtures.graph(document), Instant.EPOCH);
        }
    }

    @AfterAll
    static void close() {
        pages.close();
    }

    /** The queries paged by an OFFSET. */
    static Stream<String> pagedQueries() {
        return QueryCatalog.load().all().stream().filter(CannedQuery::paged)
                .filter(q -> !q.text().contains("?__page_integer")).map(CannedQuery::name);
    }

    @ParameterizedTest
    @MethodSource("pagedQueries")
    void thePagesTogetherAreTheWholeAnswerEachRowOnce(String name) {
        CannedQuery small = CannedQueriesTest.paged(name, SMALL);
        CannedQuery whole = CannedQueriesTest.whole(name);
        List<String> all = new ArrayList<>(CannedQueriesTest.select(pages, whole, Map.of()).rows());
        List<String> paged = new ArrayList<>();
        int read = 0;
        for (int page = 1; page <= 200; page++) {
            List<String> rows = CannedQueriesTest.select(pages, small, Map.of("page", Integer.toString(page))).rows();
            if (rows.isEmpty()) {
                break;
            }
            paged.addAll(rows);
            read = page;
        }
        assertTrue(read < 200, name + ": no empty page");
        Collections.sort(all);
        Collections.sort(paged);
        assertEquals(all, paged, name);
        assertTrue(all.isEmpty() || read >= 1, name);
    }

    @Test
    void theListingsSpanSeveralPagesHere() {
        // Otherwise the test above compares single pages: check the data gives it something to page.
        long several = pagedQueries().filter(name -> !CannedQueriesTest.select(pages,
                CannedQueriesTest.paged(name, SMALL), Map.of("page", "2")).rows().isEmpty()).count();
        assertTrue(several >= 7, "queries with a second page: " + several);
    }

    @Test
    void pageOneIsTheQueryAsWrittenAndAPageIsAnOffset() {
        CannedQuery documents = QueryCatalog.load().get("documents").orElseThrow();
        assertEquals(documents.query(), documents.bind(Map.of()));
        assertEquals(documents.query(), documents.bind(Map.of("page", "1")));
        String third = documents.bind(Map.of("page", "3")).serialize();
        assertTrue(Pattern.compile("OFFSET\\s+40\\s+LIMIT\\s+20").matcher(third).find(), third);
    }

    @Test
    void aQueryThatReadsItsPageGetsTheNumberAsATermAndNoOffset() {
        CannedQuery ranking = QueryCatalog.load().get("causes-by-symptom-count").orElseThrow();
        assertEquals("page", ranking.parameters().get(ranking.parameters().size() - 1).name());
        String third = ranking.bind(Map.of("page", "3")).serialize();
        assertTrue(third.contains("( 3 - 1 )") || third.contains("(3 - 1)"), third);
        assertTrue(!third.contains("OFFSET"), third);
    }

    @Test
    void aBadPageIsNamed() {
        CannedQuery documents = QueryCatalog.load().get("documents").orElseThrow();
        CannedQuery ranking = QueryCatalog.load().get("causes-by-symptom-count").orElseThrow();
        for (String bad : List.of("0", "-1", "two", "99999999999")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> documents.bind(Map.of("page", bad)));
            assertTrue(e.getMessage().startsWith("query documents, parameter page: "), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> ranking.bind(Map.of("page", bad)));
            assertTrue(e.getMessage().startsWith("query causes-by-symptom-count, parameter page: "), e.getMessage());
        }
    }

    @Test
    void aPaginationThePatternDoesNotCarryIsRefused() {
        String head = "#+ summary: s\n#+ description: a query\n#+ tags: [t]\n#+ pagination: 10\n";
        assertEquals("q.rq: with 'pagination: 10', exactly one query or sub-query must have LIMIT 10 (found 0)",
                assertThrows(IllegalArgumentException.class,
                        () -> QueryFile.parse("q", head + "SELECT * { ?s ?p ?o } LIMIT 5")).getMessage());
        assertEquals("q.rq: with 'pagination: 10', exactly one query or sub-query must have LIMIT 10 (found 2)",
                assertThrows(IllegalArgumentException.class, () -> QueryFile.parse("q",
                        head + "SELECT * { { SELECT ?s { ?s ?p ?o } LIMIT 10 } } LIMIT 10")).getMessage());
        assertEquals("q.rq: the paged query's OFFSET comes from the page: leave it out",
                assertThrows(IllegalArgumentException.class,
                        () -> QueryFile.parse("q", head + "SELECT * { ?s ?p ?o } LIMIT 10 OFFSET 5")).getMessage());
        assertEquals("q.rq: 'pagination' is for SELECT queries", assertThrows(IllegalArgumentException.class,
                () -> QueryFile.parse("q", head + "ASK { { SELECT ?s { ?s ?p ?o } LIMIT 10 } }")).getMessage());
        assertEquals("q.rq: a query with pagination reads its page as the optional integer ?__page_integer, not ?_page",
                assertThrows(IllegalArgumentException.class,
                        () -> QueryFile.parse("q", head + "SELECT * { ?s ?p ?_page } LIMIT 10")).getMessage());
        assertEquals("q.rq: a query that reads its page (?__page_integer) has no LIMIT 10",
                assertThrows(IllegalArgumentException.class, () -> QueryFile.parse("q",
                        head + "SELECT * { ?s ?p ?o FILTER(?o = ?__page_integer) } LIMIT 10")).getMessage());
        assertEquals("q.rq: 'pagination' must be a number of rows from 1 to 10000, not lots",
                assertThrows(IllegalArgumentException.class, () -> QueryFile.parse("q",
                        head.replace("10\n", "lots\n") + "SELECT * { ?s ?p ?o } LIMIT 10")).getMessage());
    }
}
