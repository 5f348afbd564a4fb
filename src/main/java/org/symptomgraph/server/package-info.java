/**
 * The public, read-only SPARQL endpoint: Apache Jena Fuseki main over the database
 * ({@link org.symptomgraph.server.SymptomGraphServer}, set by {@link org.symptomgraph.server.EndpointSettings}),
 * with what symptomgraph adds around it as a Fuseki module ({@link org.symptomgraph.server.SymptomGraphModule},
 * which a stock Fuseki server also loads, set by its configuration file): the request guard, pooled response
 * buffers, per-client limits, the result and response-size caps, the canned-query catalogue, the
 * service description and VoID, linked-data pages for every IRI of the graph, the home, search,
 * query and ontology pages (built as jsoup documents), HTTP validators and lifetimes for every
 * answer of the data with the readiness route ({@code /$/ready}); in {@code serve} alone, the dumps
 * and the admin route on a port of its own, behind Jetty's Basic authentication.
 *
 * <p>May depend on {@code store}, {@code queries}, {@code rdf}, {@code links}, {@code limits} (what
 * one query may cost), {@code describe} (DESCRIBE from the current view), {@code dumps} and
 * {@code importer} (the admin route imports through it), on Fuseki, Jetty and jsoup; never on the
 * command line.
 */
package org.symptomgraph.server;
