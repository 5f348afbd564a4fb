package org.symptomgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.symptomgraph.model.CauseKind;

class IrisTest {

    private final Iris iris = new Iris(Iris.DEFAULT_BASE);

    @Test
    void readableStableSlugs() {
        assertEquals("coronavirus-disease-2019", Iris.slug("Coronavirus disease 2019"));
        assertEquals("menieres-disease", Iris.slug("Ménière’s disease"));
        assertEquals("sjogren-syndrome", Iris.slug("Sjögren syndrome"));
        assertEquals("a-b", Iris.slug("  A / B  "));
        assertEquals("крапивница", Iris.slug("Крапивница"), "letters of other scripts stay");
        assertEquals("https://w3id.org/symptomgraph/drug/phenytoin", iris.cause("Phenytoin", CauseKind.DRUG));
        assertEquals("https://w3id.org/symptomgraph/cause/leukemia", iris.cause("Leukemia", CauseKind.CONDITION));
    }

    @Test
    void baseMustBeAnHttpIriEndingInSlash() {
        assertThrows(IllegalArgumentException.class, () -> new Iris("https://example.org/kb"));
        assertThrows(IllegalArgumentException.class, () -> new Iris("file:///tmp/"));
        assertEquals("http://example.org/kb/symptom/x", new Iris("http://example.org/kb/").symptom("X"));
    }
}
