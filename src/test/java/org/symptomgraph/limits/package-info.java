/**
 * Tests of what one query may cost: linear-time regular expressions, the length limit of computed
 * strings, one log line per query for a per-row error, and SERVICE only to allowed endpoints.
 *
 * <p>May depend on the product and {@code testing}.
 */
package org.symptomgraph.limits;
