/**
 * Tests of the benchmarks' own code (src/bench/java): the corpus generator's pages read back
 * exactly, the endpoint benchmark's measurements, and the benchmark jar run as a user runs it
 * ({@code *IT}, after {@code package}).
 *
 * <p>May depend on the product, the benchmarks and {@code testing}.
 */
package org.symptomgraph.bench;
