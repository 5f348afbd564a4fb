package org.symptomgraph.queries;

import org.symptomgraph.importer.Importer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.junit.jupiter.api.Test;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.store.GraphStore;

/** Two versions of one page: the difference query returns exactly what changed. */
class VersionChangesTest {

    private static final String OLD = """
            Wheezing may be caused by:

            1. Infections
            2. Irritants

            Infections

            1. Bronchitis
            2. Pneumonia

            Irritants

            1. Smoking

            January 5, 2022
            """;
    private static final String NEW = """
            Wheezing may be caused by:

            1. Infections
            2. Allergies

            Infections

            1. Bronchitis
            2. Respiratory syncytial virus (RSV)

            Allergies

            1. Anaphylaxis

            March 9, 2024
            """;

    @Test
    void reportsEveryAddedAndRemovedCauseAndCategory() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(graph(OLD), Instant.EPOCH);
            store.replace(graph(NEW), Instant.EPOCH);
            store.replace(graph("Hiccups may be caused by:\n\n1. Eating too much\n\nMay 1, 2023\n"), Instant.EPOCH);
            CannedQuery q = QueryCatalog.load().get("version-changes").orElseThrow();
            List<String> expected = List.of(
                    "wheezing 2022-01-05 2024-03-09 added category Allergies",
                    "wheezing 2022-01-05 2024-03-09 removed category Irritants",
                    "wheezing 2022-01-05 2024-03-09 added cause Anaphylaxis",
                    "wheezing 2022-01-05 2024-03-09 added cause Respiratory syncytial virus",
                    "wheezing 2022-01-05 2024-03-09 removed cause Pneumonia",
                    "wheezing 2022-01-05 2024-03-09 removed cause Smoking");
            assertEquals(sorted(expected), sorted(rows(QueryRunner.select(store.dataset(), q.bind(Map.of())))));
            assertEquals(sorted(expected), sorted(rows(QueryRunner.select(store.dataset(),
                    q.bind(Map.of("document", "Wheezing")))))) ;
            assertEquals(List.of(), rows(QueryRunner.select(store.dataset(), q.bind(Map.of("document", "hiccups")))));
        }
    }

    private static org.symptomgraph.rdf.DocumentGraph graph(String text) throws Exception {
        String name = text.startsWith("Hiccups") ? "hiccups.txt" : "wheezing.txt";
        return Importer.create().iris(new Iris(Iris.DEFAULT_BASE)).build().read(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).graph();
    }

    private static List<String> rows(ResultSetRewindable rs) {
        List<String> rows = new ArrayList<>();
        rs.forEachRemaining((QuerySolution s) -> rows.add(String.join(" ", s.getLiteral("page").getString(),
                s.getLiteral("older").getString(), s.getLiteral("newer").getString(),
                s.getLiteral("change").getString(), s.getLiteral("what").getString(),
                s.getLiteral("name").getString())));
        return rows;
    }

    private static List<String> sorted(List<String> rows) {
        return rows.stream().sorted().toList();
    }
}
