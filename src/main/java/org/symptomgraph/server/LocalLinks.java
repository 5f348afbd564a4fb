package org.symptomgraph.server;

import org.apache.jena.shared.PrefixMapping;
import org.symptomgraph.rdf.Vocab;

/** Maps the graph's IRIs onto this server: {@code BASE + PATH} is served at {@code /PATH}. */
final class LocalLinks {

    private final String base;
    private final PrefixMapping prefixes;

    LocalLinks(String base) {
        this.base = base;
        this.prefixes = Vocab.prefixes(base);
    }

    String base() {
        return base;
    }

    boolean isLocal(String iri) {
        return iri.startsWith(base) || iri.startsWith(Vocab.ONTOLOGY);
    }

    /** Where a browser should go for an IRI: this server for the graph's own, the IRI itself otherwise. */
    String href(String iri) {
        if (iri.startsWith(Vocab.ONTOLOGY)) {
            return "/ontology" + iri.substring(Vocab.ONTOLOGY.length());
        }
        return iri.startsWith(base) ? "/" + iri.substring(base.length()) : iri;
    }

    /** The IRI a request path names. */
    String iriOf(String path) {
        return base + path.substring(1);
    }

    /** A short name: sg:inCategory, skos:altLabel. */
    String curie(String iri) {
        String shortForm = prefixes.shortForm(iri);
        return shortForm.equals(iri) ? "<" + iri + ">" : shortForm;
    }
}
