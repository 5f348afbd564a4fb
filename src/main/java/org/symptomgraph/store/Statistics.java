package org.symptomgraph.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.symptomgraph.rdf.Vocab;

/**
 * Counts of what the database holds: triples and entities of the current view (the newest version
 * of every page), and how many document versions are stored in all.
 */
public record Statistics(long triples, long documents, long versions, long symptoms, long causes, long drugs,
        long brands, long categories, long unmapped) {

    private static final String PREFIX = Vocab.SPARQL_PREFIXES;

    /** Causes and symptoms with no link to an external vocabulary yet: the curators' work list. */
    private static final String UNMAPPED = """
            SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
              { ?e a schema:MedicalCause } UNION { ?e a schema:MedicalSignOrSymptom }
              FILTER NOT EXISTS { ?e skos:exactMatch|skos:closeMatch|skos:broadMatch|skos:narrowMatch ?x }
            }""";
    private static final String QUERY = """
            SELECT
              (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?symptom) AS ?symptoms)
              (COUNT(DISTINCT ?cause) AS ?causes) (COUNT(DISTINCT ?drug) AS ?drugs)
              (COUNT(DISTINCT ?brand) AS ?brands) (COUNT(DISTINCT ?category) AS ?categories)
            WHERE {
              { ?doc a sg:SourceDocument } UNION { ?symptom a schema:MedicalSignOrSymptom }
              UNION { ?cause a schema:MedicalCause } UNION { ?drug a schema:Drug }
              UNION { ?d schema:proprietaryName ?b BIND(STR(?b) AS ?brand) } UNION { ?category a sg:CauseCategory }
            }
            """;
    private static final String VERSIONS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a sg:DocumentGraph } }";

    /** Reads the counts in one read transaction. */
    public static Statistics of(Dataset dataset) {
        return dataset.calculateRead(() -> {
            long triples = dataset.asDatasetGraph().getDefaultGraph().size();
            long versions;
            long unmapped;
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(PREFIX + UNMAPPED).build()) {
                unmapped = qe.execSelect().next().getLiteral("n").getLong();
            }
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(PREFIX + VERSIONS).build()) {
                versions = qe.execSelect().next().getLiteral("n").getLong();
            }
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(PREFIX + QUERY).build()) {
                QuerySolution s = qe.execSelect().next();
                return new Statistics(triples, s.getLiteral("documents").getLong(), versions,
                        s.getLiteral("symptoms").getLong(),
                        s.getLiteral("causes").getLong(), s.getLiteral("drugs").getLong(),
                        s.getLiteral("brands").getLong(), s.getLiteral("categories").getLong(), unmapped);
            }
        });
    }

    /** Name → count, in a stable order, for printing. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("triples", triples);
        m.put("documents", documents);
        m.put("versions", versions);
        m.put("symptoms", symptoms);
        m.put("causes", causes);
        m.put("drugs", drugs);
        m.put("brands", brands);
        m.put("categories", categories);
        m.put("unmapped", unmapped);
        return m;
    }
}
