/**
 * A document as RDF: {@link org.symptomgraph.rdf.DocumentMapper} turns a
 * {@link org.symptomgraph.model.SymptomDocument} into the {@link org.symptomgraph.rdf.DocumentGraph}
 * of one document version, with an evidence record per assertion; {@link org.symptomgraph.rdf.Iris}
 * mints every IRI (and {@link org.symptomgraph.rdf.Iris#slug} every path segment);
 * {@link org.symptomgraph.rdf.Vocab} holds the terms Jena has no class for;
 * {@link org.symptomgraph.rdf.NameKey} the lookup keys the canned queries match names by;
 * {@link org.symptomgraph.rdf.ShapesValidator} checks data against {@code ontology/shapes.ttl};
 * {@link org.symptomgraph.rdf.RdfFormat} names the formats files are written in.
 *
 * <p>May depend on {@code model} and Apache Jena; it neither reads pages nor stores graphs.
 */
package org.symptomgraph.rdf;
