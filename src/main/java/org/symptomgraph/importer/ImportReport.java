package org.symptomgraph.importer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.vocabulary.RDF;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.GraphStore;

/** What one import did: documents read and failed, warnings, what the database did with each, and what was found. */
public final class ImportReport {

    private final long started = System.nanoTime();
    private long finished;
    private int imported;
    private int failed;
    private int warnings;
    private final Map<GraphStore.Outcome, Integer> outcomes = new EnumMap<>(GraphStore.Outcome.class);
    // Nodes, not Resources: a Resource holds on to its document's whole model.
    private final Set<Node> symptoms = new HashSet<>();
    private final Set<Node> causes = new HashSet<>();
    private final Set<Node> drugs = new HashSet<>();
    private final Set<String> brands = new HashSet<>();

    ImportReport() {
    }

    void imported(ImportedDocument d) {
        imported++;
        warnings += d.warnings().size();
        count(d.graph().model());
    }

    void stored(GraphStore.Outcome outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    void fail() {
        failed++;
    }

    /** A document read (and counted) a moment ago that could not be read again to store it. */
    void unread() {
        imported--;
        failed++;
    }

    void finish() {
        finished = System.nanoTime();
    }

    private void count(Model m) {
        m.listSubjectsWithProperty(RDF.type, Vocab.MedicalSignOrSymptom).forEachRemaining(r -> symptoms.add(r.asNode()));
        m.listSubjectsWithProperty(RDF.type, Vocab.MedicalCause).forEachRemaining(r -> causes.add(r.asNode()));
        m.listSubjectsWithProperty(RDF.type, Vocab.Drug).forEachRemaining(r -> drugs.add(r.asNode()));
        m.listObjectsOfProperty(Vocab.proprietaryName).forEachRemaining(b -> brands.add(b.asLiteral().getString()));
    }

    /** Documents read (and stored, when the import stores). */
    public int imported() {
        return imported;
    }

    /** Documents and link tables that could not be imported. */
    public int failed() {
        return failed;
    }

    public int warnings() {
        return warnings;
    }

    /** Documents read or failed so far. */
    public int done() {
        return imported + failed;
    }

    /** How many stored documents the database added, replaced or left unchanged. */
    public int outcome(GraphStore.Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    public int symptoms() {
        return symptoms.size();
    }

    public int causes() {
        return causes.size();
    }

    public int drugs() {
        return drugs.size();
    }

    public int brands() {
        return brands.size();
    }

    /** From the start to the end of the import (or to now, while it runs). */
    public Duration took() {
        return Duration.ofNanos((finished == 0 ? System.nanoTime() : finished) - started);
    }
}
