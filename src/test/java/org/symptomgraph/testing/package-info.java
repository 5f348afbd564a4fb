/**
 * What the tests share: the fixture documents and the seed page ({@link org.symptomgraph.testing.Fixtures}),
 * the command line run in-process ({@link org.symptomgraph.testing.Cli}), a server on loopback over an
 * in-memory database ({@link org.symptomgraph.testing.TestServer}), a bounded HTTP client
 * ({@link org.symptomgraph.testing.Http}) and RDF4J Rio as a second, independent parser
 * ({@link org.symptomgraph.testing.Rdf4j}).
 *
 * <p>May depend on the product, Apache Jena and RDF4J; never on a test class.
 */
package org.symptomgraph.testing;
