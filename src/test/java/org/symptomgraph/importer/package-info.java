/**
 * Tests of the reading: the fixture pages against their outlines, reading rules on pages written in
 * the test, layouts of one family, text and HTML of one page, evidence, bad, fuzzed and enormous
 * input, and the scores on the 21 real pages of {@code ../shared/corpus} and on the simulated corpora
 * of {@code src/test/resources/sim-corpus}.
 *
 * <p>May depend on the product, {@code testing}, and the shared corpus beside the checkout (read in
 * place, never copied).
 */
package org.symptomgraph.importer;
