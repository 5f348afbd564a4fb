/**
 * Tests of the canned queries: exact rows on the petechiae page and across pages, each query's
 * optimised plan, parameters bound as data, the catalogue and its file format, the catalogue as
 * SPARQL examples, and the difference between two versions of a page.
 *
 * <p>May depend on the product, {@code testing} and RDF4J.
 */
package org.symptomgraph.queries;
