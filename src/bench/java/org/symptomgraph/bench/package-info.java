/**
 * The benchmarks, outside the product: {@code target/symptomgraph-bench.jar} runs them on the
 * product jar beside it. {@link org.symptomgraph.bench.BenchCommand} is that jar's command line
 * ({@code import}, {@code endpoint}, {@code ready}: symptomgraph against bare Apache Jena in the same
 * run; {@code jmh}: the {@link org.symptomgraph.bench.ImporterBenchmark} micro-benchmarks); the
 * seeded {@link org.symptomgraph.bench.CorpusGenerator} makes the corpora, each page with what the
 * importer should read from it, for the benchmarks and for the tests.
 *
 * <p>May depend on every package of the product, on JMH and picocli; the product never depends on
 * this one (its jar holds none of it, which a check after {@code package} asserts).
 */
package org.symptomgraph.bench;
