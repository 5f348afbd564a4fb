package org.symptomgraph.rdf;

import org.apache.jena.rdf.model.Model;

/**
 * The RDF of one document version: its named graph's IRI, and the triples that go in it.
 *
 * @param name   the named graph's IRI
 * @param model  the triples; no literal may hold a control character ({@link ControlCharacters})
 */
public record DocumentGraph(String name, Model model) {

    public DocumentGraph {
        ControlCharacters.refuse(model);
    }
}
