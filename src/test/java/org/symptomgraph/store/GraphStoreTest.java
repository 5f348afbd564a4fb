package org.symptomgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Iterator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.junit.jupiter.api.Test;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.testing.Fixtures;

class GraphStoreTest {

    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void addThenUnchangedKeepsTheSameTriples() throws Exception {
        DocumentGraph g = Fixtures.graph(Fixtures.PETECHIAE);
        try (GraphStore store = GraphStore.inMemory()) {
            assertEquals(GraphStore.Outcome.ADDED, store.replace(g, T1));
            Model first = copy(store, g.name());
            assertEquals(g.model().size() + 1, first.size(), "the graph plus its import time");
            assertEquals(GraphStore.Outcome.UNCHANGED, store.replace(Fixtures.graph(Fixtures.PETECHIAE), T2));
            assertTrue(first.isIsomorphicWith(copy(store, g.name())), "re-import leaves the same triples");
        }
    }

    @Test
    void changedDocumentReplacesTheWholeGraph() throws Exception {
        DocumentGraph g = Fixtures.graph(Fixtures.PETECHIAE);
        Model smaller = ModelFactory.createDefaultModel().add(g.model());
        smaller.removeAll(null, null, smaller.createResource("https://w3id.org/symptomgraph/cause/leukemia"));
        smaller.removeAll(smaller.createResource("https://w3id.org/symptomgraph/cause/leukemia"), null, null);
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(g, T1);
            assertEquals(GraphStore.Outcome.REPLACED, store.replace(new DocumentGraph(g.name(), smaller), T2));
            Model now = copy(store, g.name());
            assertTrue(now.containsAll(smaller));
            assertEquals(smaller.size() + 1, now.size(), "nothing of the old version is left");
        }
    }

    @Test
    void aFailureHalfWayLeavesThePreviousGraph() throws Exception {
        DocumentGraph g = Fixtures.graph(Fixtures.PETECHIAE);
        try (GraphStore store = GraphStore.inMemory()) {
            store.replace(g, T1);
            Model before = copy(store, g.name());
            Model failing = ModelFactory.createModelForGraph(new FailingGraph(
                    Fixtures.graph(Fixtures.testDocument("hiccups.txt")).model().getGraph(), 10));
            assertThrows(IllegalStateException.class, () -> store.replace(new DocumentGraph(g.name(), failing), T2));
            assertTrue(before.isIsomorphicWith(copy(store, g.name())), "the old graph, whole");
        }
    }

    private static Model copy(GraphStore store, String graph) {
        return store.read(() -> ModelFactory.createDefaultModel().add(store.dataset().getNamedModel(graph)));
    }

    /** A graph whose iteration breaks after some triples, like a disk or a bug failing mid-write. */
    private static final class FailingGraph extends GraphWrapper {
        private final int after;

        FailingGraph(Graph graph, int after) {
            super(graph);
            this.after = after;
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            Iterator<Triple> inner = super.find(s, p, o);
            return WrappedIterator.create(new Iterator<>() {
                private int n;

                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public Triple next() {
                    if (++n > after) {
                        throw new IllegalStateException("failure after " + after + " triples");
                    }
                    return inner.next();
                }
            });
        }

        @Override
        public ExtendedIterator<Triple> find(Triple t) {
            return find(t.getSubject(), t.getPredicate(), t.getObject());
        }
    }
}
