package org.symptomgraph.importer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
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
    private final Found found = new Found(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());

    /**
     * What documents name: symptoms, causes and drugs by IRI, brands by name.
     * IRIs, not Resources: a Resource holds on to its document's whole model.
     */
    public record Found(Set<String> symptoms, Set<String> causes, Set<String> drugs, Set<String> brands) {

        /** What one document's graph names. */
        public static Found in(Model m) {
            return new Found(iris(m, Vocab.MedicalSignOrSymptom), iris(m, Vocab.MedicalCause), iris(m, Vocab.Drug),
                    m.listObjectsOfProperty(Vocab.proprietaryName).mapWith(b -> b.asLiteral().getString()).toSet());
        }

        private static Set<String> iris(Model m, Resource type) {
            return m.listSubjectsWithProperty(RDF.type, type).filterKeep(Resource::isURIResource)
                    .mapWith(Resource::getURI).toSet();
        }

        void addAll(Found other) {
            symptoms.addAll(other.symptoms);
            causes.addAll(other.causes);
            drugs.addAll(other.drugs);
            brands.addAll(other.brands);
        }
    }

    /** An empty report, its clock started. */
    public ImportReport() {
    }

    void imported(ImportedDocument d) {
        imported(Found.in(d.graph().model()), d.warnings().size());
    }

    /**
     * A document read and stored elsewhere (by a server's admin route, say), as it reported it:
     * what it found, how many warnings, and what storing it did.
     */
    public void imported(Found in, int warningCount, GraphStore.Outcome outcome) {
        imported(in, warningCount);
        stored(outcome);
    }

    private void imported(Found in, int warningCount) {
        imported++;
        warnings += warningCount;
        found.addAll(in);
    }

    void stored(GraphStore.Outcome outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** A document that could not be imported. */
    public void fail() {
        failed++;
    }

    /** A document read (and counted) a moment ago that could not be read again to store it. */
    void unread() {
        imported--;
        failed++;
    }

    /** Stops the clock. */
    public void finish() {
        finished = System.nanoTime();
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
        return found.symptoms().size();
    }

    public int causes() {
        return found.causes().size();
    }

    public int drugs() {
        return found.drugs().size();
    }

    public int brands() {
        return found.brands().size();
    }

    /** From the start to the end of the import (or to now, while it runs). */
    public Duration took() {
        return Duration.ofNanos((finished == 0 ? System.nanoTime() : finished) - started);
    }
}
