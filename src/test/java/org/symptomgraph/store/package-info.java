/**
 * Tests of the database: whole-graph replacement, versions and the current view, all or nothing
 * (readers never see half an import; a killed import leaves whole documents), and the bulk loader
 * giving exactly what the transactions give.
 *
 * <p>May depend on the product, the corpus generator ({@code bench}) and {@code testing}.
 */
package org.symptomgraph.store;
