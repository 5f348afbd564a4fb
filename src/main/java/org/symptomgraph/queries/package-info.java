/**
 * The canned queries: {@code queries/*.rq} files with grlc-style YAML decorators
 * ({@link org.symptomgraph.queries.QueryFile}), gathered in a {@link org.symptomgraph.queries.QueryCatalog},
 * each a {@link org.symptomgraph.queries.CannedQuery} whose {@code ?_name} variables are
 * {@link org.symptomgraph.queries.Parameter}s; {@link org.symptomgraph.queries.QueryRunner} runs them
 * (and any SPARQL) over the database's current view, {@link org.symptomgraph.queries.ResultFormat}
 * writes the answers, {@link org.symptomgraph.queries.SparqlExamples} publishes the catalogue as RDF.
 * The command line's {@code query} and the server's catalogue both use it.
 *
 * <p>May depend on {@code rdf}, {@code store}, Apache Jena and SnakeYAML Engine.
 */
package org.symptomgraph.queries;
