/**
 * Tests of the dumps: each generation written whole or not at all, named by its manifest, kept
 * while the data is the same and made again after an import.
 *
 * <p>May depend on the product and {@code testing}.
 */
package org.symptomgraph.dumps;
