/**
 * Reading a page's blocks as a symptom-causes document: a chain of small passes over one
 * {@code Reading} (furniture, title, implicit lists, structure, causes), driven by
 * {@link org.symptomgraph.importer.reading.DocumentReader}. The English it knows is in word lists,
 * resource files beside these classes, not in the code.
 *
 * <p>May depend on {@code importer.page} and {@code model}; no RDF here.
 */
package org.symptomgraph.importer.reading;
