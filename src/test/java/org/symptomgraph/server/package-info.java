/**
 * Tests of the server, each on a free loopback port and stopped at the end: the SPARQL protocol with
 * independent clients, linked-data pages, the catalogue, the service description and VoID, hostile
 * requests, the admin route, a soak under load with re-imports, the stock Fuseki server on
 * {@code fuseki/config.ttl}, and the pages in headless Chromium (skipped without it).
 *
 * <p>May depend on the product, the corpus generator ({@code bench}), {@code testing} and RDF4J.
 */
package org.symptomgraph.server;
