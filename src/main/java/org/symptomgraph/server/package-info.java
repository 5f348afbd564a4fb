/**
 * The public, read-only SPARQL endpoint: Apache Jena Fuseki main over the database
 * ({@link org.symptomgraph.server.SymptomGraphServer}, set by {@link org.symptomgraph.server.EndpointSettings}),
 * with what symptomgraph adds around it as filters and servlets: the request guard, pooled response
 * buffers, the result cap, DESCRIBE from the current view, the canned-query catalogue, the service
 * description and VoID, linked-data pages for every IRI of the graph, the home, search, query and
 * ontology pages (built as jsoup documents), and the authenticated admin route.
 *
 * <p>May depend on {@code store}, {@code queries}, {@code rdf}, {@code links} and {@code importer}
 * (the admin route imports through it), on Fuseki, Jetty and jsoup; never on the command line.
 */
package org.symptomgraph.server;
