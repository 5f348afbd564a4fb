package org.symptomgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.symptomgraph.model.Frequency;
import org.symptomgraph.testing.Fixtures;

/** The ontology defines every sg: term the importer writes, and its frequency scheme is the importer's. */
class OntologyTermsTest {

    private static final Model ONTOLOGY = RDFDataMgr.loadModel("ontology/symptomgraph.ttl");
    private static final Resource ONTOLOGY_IRI = ResourceFactory.createResource(Vocab.ONTOLOGY);

    @Test
    void everySgTermOfTheFixturesIsDefined() throws Exception {
        Set<String> undefined = new TreeSet<>();
        for (Path page : Fixtures.pages()) {
            Model m = Fixtures.graph(page).model();
            m.listStatements().forEachRemaining(st -> {
                check(st.getPredicate(), undefined);
                RDFNode o = st.getObject();
                if (o.isURIResource()) {
                    check(o.asResource(), undefined);
                }
            });
        }
        assertTrue(undefined.isEmpty(), "used but not defined in ontology/symptomgraph.ttl: " + undefined);
    }

    private static void check(Resource term, Set<String> undefined) {
        if (term.getURI().startsWith(Vocab.SG) && !ONTOLOGY.contains(term, RDFS.isDefinedBy, ONTOLOGY_IRI)) {
            undefined.add(term.getURI());
        }
    }

    @Test
    void theFrequencySchemeIsTheImportersOwn() {
        Set<String> notations = new TreeSet<>();
        ONTOLOGY.listSubjectsWithProperty(SKOS.inScheme, Vocab.FrequencyScheme)
                .forEachRemaining(c -> notations.add(c.getRequiredProperty(SKOS.notation).getString()));
        Set<String> expected = new TreeSet<>();
        for (Frequency f : Frequency.values()) {
            expected.add(f.notation());
            assertTrue(ONTOLOGY.contains(Vocab.frequency(f), SKOS.notation, f.notation()), f.toString());
        }
        assertEquals(expected, notations);
    }
}
