/**
 * What one public SPARQL query may cost the server, and what it may reach. Jena checks a query's
 * timeout between result rows only, so work done inside one row (a regular expression that
 * backtracks for minutes, a string doubled in a chain of CONCATs) is bounded here instead:
 * regular expressions run on RE2/J, in time linear in their input; strings a query computes and
 * GROUP_CONCAT results have a length limit; an error a filter meets on every row is logged once
 * per query; SERVICE reaches only the endpoints allowed, refused before the query runs. Functions
 * are looked up in a closed registry (no {@code java:} class loading), so none of this is
 * bypassed by calling Jena's own implementation by name.
 *
 * <p>Depends on Jena ARQ and RE2/J only; {@link org.symptomgraph.limits.QueryLimits} puts it all
 * in a dataset's context.
 */
package org.symptomgraph.limits;
