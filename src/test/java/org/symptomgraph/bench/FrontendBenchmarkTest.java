package org.symptomgraph.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.symptomgraph.queries.QueryCatalog;

/** The front-end benchmark's request set and its Zipf-like sequence. */
class FrontendBenchmarkTest {

    @Test
    void theSequenceIsSeededAndTheFirstRanksAreAskedMost() {
        int[] sequence = FrontendBenchmark.zipf(10, 20_000, 1.0, 42);
        assertArrayEquals(sequence, FrontendBenchmark.zipf(10, 20_000, 1.0, 42), "the same seed, the same sequence");
        int[] asked = new int[10];
        Arrays.stream(sequence).forEach(k -> asked[k]++);
        // Weights 1/k: the first is asked 1/H(10) = 34 % of the time, twice as often as the second, ten times the tenth.
        assertEquals(0.341, asked[0] / 20_000.0, 0.02, Arrays.toString(asked));
        assertEquals(2.0, asked[0] / (double) asked[1], 0.25, Arrays.toString(asked));
        assertEquals(10.0, asked[0] / (double) asked[9], 2.0, Arrays.toString(asked));
        int[] flat = FrontendBenchmark.zipf(10, 20_000, 0.0, 42);
        Arrays.stream(flat).forEach(k -> assertTrue(k >= 0 && k < 10));
        assertEquals(2_000, Arrays.stream(flat).filter(k -> k == 9).count(), 200, "exponent 0: every request alike");
    }

    @Test
    void eachCannedQueryIsAskedByItsRouteAndAsSparql() {
        var query = QueryCatalog.load().all().stream().filter(q -> q.name().equals("causes-of-symptom")).findFirst().orElseThrow();
        List<FrontendBenchmark.Asked> set = FrontendBenchmark.distinct(List.of(
                new EndpointBenchmark.Bound("causes-of-symptom [rare]", query, Map.of("symptom", "Easy bruising"))));
        assertEquals(3, set.size(), set.toString());
        assertEquals("/symptomgraph/queries/causes-of-symptom?symptom=Easy+bruising", set.get(0).path());
        assertTrue(set.get(1).path().startsWith("/symptomgraph/sparql?query=") && set.get(1).path().contains("Easy+bruising"),
                set.get(1).path());
        assertEquals("sparql simple-select", set.get(2).name());
    }
}
