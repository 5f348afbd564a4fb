/**
 * Tests of linking: the curated table's format and its identifiers checked against
 * {@code ../shared/reference}, the vocabularies' identifier forms, lexical linking and its rules, the
 * link graph against the shapes; and a coverage report of lexical linking on the shared corpus
 * ({@link org.symptomgraph.links.CorpusLinkingReport}).
 *
 * <p>May depend on the product, {@code testing} and the shared reference data beside the checkout.
 */
package org.symptomgraph.links;
