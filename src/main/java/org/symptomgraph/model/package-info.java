/**
 * What a document says, as plain Java records: a {@link org.symptomgraph.model.SymptomDocument}
 * with its {@link org.symptomgraph.model.Category} tree and {@link org.symptomgraph.model.Cause}s.
 * The importer fills it; the RDF mapping reads it.
 *
 * <p>Depends on nothing else of the project.
 */
package org.symptomgraph.model;
