/**
 * Tests of the RDF: the petechiae graph fact by fact, IRIs and lookup keys, the ontology's terms,
 * the shapes, and every output format read back by Jena and by RDF4J Rio, which must agree.
 *
 * <p>May depend on the product, {@code testing} and RDF4J.
 */
package org.symptomgraph.rdf;
