package org.symptomgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.junit.jupiter.api.Test;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Fixtures;

/** Two versions of one page: both graphs kept, the newest in the current view. */
class VersionsTest {

    private static final String OLD = """
            Wheezing may be caused by:

            1. Asthma
            2. Bronchitis
            3. Smoking

            January 5, 2022
            """;
    private static final String NEW = """
            Wheezing may be caused by:

            1. Asthma
            2. Anaphylaxis
            3. Smoking

            March 9, 2024
            """;
    private static final String G_OLD = "https://w3id.org/symptomgraph/graph/wheezing/2022-01-05";
    private static final String G_NEW = "https://w3id.org/symptomgraph/graph/wheezing/2024-03-09";

    @Test
    void newerVersionSupersedesInTheCurrentViewAndBothGraphsStay() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(graph(OLD), Instant.EPOCH);
            assertEquals(List.of("Asthma", "Bronchitis", "Smoking"), currentCauses(store));
            store.replace(graph(NEW), Instant.EPOCH);
            assertEquals(List.of("Anaphylaxis", "Asthma", "Smoking"), currentCauses(store));
            assertTrue(store.read(() -> store.dataset().containsNamedModel(G_OLD)), "the old version is kept");
            assertTrue(ask(store, "ASK { GRAPH <" + G_OLD + "> { <" + G_OLD + "> dct:isReplacedBy <" + G_NEW + "> } }"));
            assertTrue(ask(store, "ASK { <" + G_NEW + "> dct:replaces <" + G_OLD + "> }"));
            assertTrue(ask(store, "ASK { ?new prov:wasRevisionOf ?old }"));
            assertFalse(ask(store, "ASK { ?s ?p ?o FILTER(CONTAINS(STR(?s), '2022-01-05')) }"),
                    "nothing of the old version in the current view");
            assertTrue(ask(store, "ASK { GRAPH <" + G_OLD + "> { ?s schema:cause ?c . ?c rdfs:label 'Bronchitis'@en } }"));
        }
    }

    @Test
    void anOlderVersionImportedLaterIsHistoryOnly() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(graph(NEW), Instant.EPOCH);
            Model before = current(store);
            assertEquals(GraphStore.Outcome.ADDED, store.replace(graph(OLD), Instant.EPOCH));
            assertTrue(before.isIsomorphicWith(current(store)), "the current view does not change");
            assertTrue(ask(store, "ASK { GRAPH <" + G_OLD + "> { <" + G_OLD + "> dct:isReplacedBy <" + G_NEW + "> } }"));
        }
    }

    @Test
    void sharedFactsStayWhileAnotherPageStillSaysThem() throws Exception {
        String other = "Stridor may be caused by:\n\n1. Bronchitis\n2. Croup\n\nMay 1, 2023\n";
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(graph(OLD), Instant.EPOCH);
            store.replace(new DocumentMapper(new Iris(Iris.DEFAULT_BASE))
                    .map(Fixtures.read("stridor.txt", other).document()), Instant.EPOCH);
            store.replace(graph(NEW), Instant.EPOCH);
            assertTrue(ask(store, "ASK { <https://w3id.org/symptomgraph/cause/bronchitis> rdfs:label 'Bronchitis'@en ; "
                    + "a schema:MedicalCause }"), "stridor still names bronchitis");
            assertFalse(ask(store, "ASK { <https://w3id.org/symptomgraph/symptom/wheezing> schema:cause "
                    + "<https://w3id.org/symptomgraph/cause/bronchitis> }"), "but wheezing no longer does");
        }
    }

    private static DocumentGraph graph(String text) throws Exception {
        return new DocumentMapper(new Iris(Iris.DEFAULT_BASE))
                .map(Fixtures.read("wheezing.txt", text).document());
    }

    private static Model current(GraphStore store) {
        return store.read(() -> ModelFactory.createDefaultModel().add(
                ModelFactory.createModelForGraph(store.currentView())));
    }

    private static List<String> currentCauses(GraphStore store) {
        return Fixtures.select(current(store), """
                SELECT ?l WHERE { <https://w3id.org/symptomgraph/symptom/wheezing> schema:cause/rdfs:label ?l }
                ORDER BY ?l""", "l");
    }

    private static boolean ask(GraphStore store, String query) {
        return store.read(() -> {
            try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(Fixtures.PREFIXES + query).build()) {
                return qe.execAsk();
            }
        });
    }
}
