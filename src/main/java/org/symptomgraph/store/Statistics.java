package org.symptomgraph.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;

/** Counts of what the database holds, over every document graph. */
public record Statistics(long triples, long documents, long symptoms, long causes, long drugs, long brands,
        long categories) {

    private static final String QUERY = """
            PREFIX sg: <https://w3id.org/symptomgraph/ontology#>
            PREFIX schema: <https://schema.org/>
            SELECT
              (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?symptom) AS ?symptoms)
              (COUNT(DISTINCT ?cause) AS ?causes) (COUNT(DISTINCT ?drug) AS ?drugs)
              (COUNT(DISTINCT ?brand) AS ?brands) (COUNT(DISTINCT ?category) AS ?categories)
            WHERE {
              GRAPH ?g {
                { ?doc a sg:SourceDocument } UNION { ?symptom a schema:MedicalSignOrSymptom }
                UNION { ?cause a schema:MedicalCause } UNION { ?drug a schema:Drug }
                UNION { ?d schema:proprietaryName ?b BIND(STR(?b) AS ?brand) } UNION { ?category a sg:CauseCategory }
              }
            }
            """;
    private static final String TRIPLES = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

    /** Reads the counts in one read transaction. */
    public static Statistics of(Dataset dataset) {
        return dataset.calculateRead(() -> {
            long triples;
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(TRIPLES).build()) {
                triples = qe.execSelect().next().getLiteral("n").getLong();
            }
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(QUERY).build()) {
                QuerySolution s = qe.execSelect().next();
                return new Statistics(triples, s.getLiteral("documents").getLong(), s.getLiteral("symptoms").getLong(),
                        s.getLiteral("causes").getLong(), s.getLiteral("drugs").getLong(),
                        s.getLiteral("brands").getLong(), s.getLiteral("categories").getLong());
            }
        });
    }

    /** Name → count, in a stable order, for printing. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("triples", triples);
        m.put("documents", documents);
        m.put("symptoms", symptoms);
        m.put("causes", causes);
        m.put("drugs", drugs);
        m.put("brands", brands);
        m.put("categories", categories);
        return m;
    }
}
