package org.symptomgraph.links;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL2;
import org.symptomgraph.rdf.Vocab;

/**
 * Curated mappings win over automatic ones. An automatic mapping (lexical, or chained from a
 * lexical one) of an entity into a vocabulary is dropped wherever a curated mapping
 * ({@code semapv:ManualMappingCuration}, from {@code data/links} or an edited
 * {@code links suggest} file) maps the same entity into the same vocabulary; so are the mappings
 * chained from a dropped one. The store applies this in the transaction that stores a graph, both
 * ways: a document graph comes in without what the stored curated mappings override
 * ({@link #withoutOverridden}), and a curated graph removes from every stored graph and from the
 * current view what it overrides ({@link #enforce}).
 */
public final class CuratedPrecedence {

    private static final Node SOURCE = OWL2.annotatedSource.asNode();
    private static final Node PROPERTY = OWL2.annotatedProperty.asNode();
    private static final Node TARGET = OWL2.annotatedTarget.asNode();
    private static final Node JUSTIFICATION = LinkGraph.mappingJustification.asNode();
    private static final Node OBJECT_SOURCE = LinkGraph.objectSource.asNode();
    private static final Node CURATED = LinkGraph.ManualMappingCuration.asNode();
    private static final Node LEXICAL = Linker.LexicalMatching.asNode();
    private static final Node CHAINED = Linker.MappingChaining.asNode();
    private static final Node DERIVED_FROM = Vocab.wasDerivedFrom.asNode();

    private CuratedPrecedence() {
    }

    /** An entity and a vocabulary (its Bioregistry IRI). */
    private record Key(Node entity, Node vocabulary) {
    }

    /**
     * The graph without the automatic mappings that curated mappings stored in the dataset's named
     * graphs override: the graph itself when there are none, else a copy. Use inside a transaction.
     */
    public static Graph withoutOverridden(Graph incoming, DatasetGraph dsg) {
        if (!incoming.contains(Node.ANY, JUSTIFICATION, LEXICAL)) {
            return incoming;
        }
        Set<Key> curated = new HashSet<>();
        dsg.findNG(Node.ANY, Node.ANY, JUSTIFICATION, CURATED)
                .forEachRemaining(q -> key(dsg.getGraph(q.getGraph()), q.getSubject()).ifPresent(curated::add));
        List<Node> dropped = new ArrayList<>();
        incoming.find(Node.ANY, JUSTIFICATION, Node.ANY).forEachRemaining(t -> {
            Node how = t.getObject();
            if ((how.equals(LEXICAL) || how.equals(CHAINED))
                    && key(incoming, t.getSubject()).map(curated::contains).orElse(false)) {
                dropped.add(t.getSubject());
            }
        });
        if (dropped.isEmpty()) {
            return incoming;
        }
        Graph copy = GraphFactory.createDefaultGraph();
        incoming.find().forEachRemaining(copy::add);
        for (Node record : dropped) {
            remove(copy, record).clear();
        }
        return copy;
    }

    /**
     * After a graph is stored: the automatic mappings its curated mappings override, removed from
     * every named graph and, where no named graph states them any more, from the current view
     * (the default graph). Use inside the write transaction that stored it.
     */
    public static void enforce(DatasetGraph dsg, Graph stored) {
        Set<Key> curated = new HashSet<>();
        stored.find(Node.ANY, JUSTIFICATION, CURATED)
                .forEachRemaining(t -> key(stored, t.getSubject()).ifPresent(curated::add));
        List<Triple> removed = new ArrayList<>();
        for (Key key : curated) {
            List<Quad> records = new ArrayList<>();
            dsg.findNG(Node.ANY, Node.ANY, SOURCE, key.entity()).forEachRemaining(records::add);
            for (Quad q : records) {
                Graph g = dsg.getGraph(q.getGraph());
                Node how = first(g, q.getSubject(), JUSTIFICATION);
                if ((LEXICAL.equals(how) || CHAINED.equals(how)) && key.vocabulary().equals(first(g, q.getSubject(), OBJECT_SOURCE))) {
                    removed.addAll(remove(g, q.getSubject()));
                }
            }
        }
        Graph view = dsg.getDefaultGraph();
        for (Triple t : removed) {
            if (!dsg.findNG(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()).hasNext()) {
                view.delete(t);
            }
        }
    }

    /**
     * Removes a record, the link it describes (unless another record of the graph describes it too)
     * and the records chained from it; returns every triple removed.
     */
    private static List<Triple> remove(Graph g, Node record) {
        List<Triple> removed = new ArrayList<>();
        if (!g.contains(record, JUSTIFICATION, Node.ANY)) {
            return removed;  // removed already, as chained from another
        }
        Node entity = first(g, record, SOURCE);
        Node property = first(g, record, PROPERTY);
        Node target = first(g, record, TARGET);
        g.find(record, Node.ANY, Node.ANY).forEachRemaining(removed::add);
        removed.forEach(g::delete);
        if (entity != null && property != null && target != null) {
            boolean describedElsewhere = false;
            for (Iterator<Triple> it = g.find(Node.ANY, SOURCE, entity); it.hasNext();) {
                Node other = it.next().getSubject();
                describedElsewhere |= g.contains(other, PROPERTY, property) && g.contains(other, TARGET, target);
            }
            Triple link = Triple.create(entity, property, target);
            if (!describedElsewhere && g.contains(link)) {
                g.delete(link);
                removed.add(link);
            }
        }
        for (Triple t : g.find(Node.ANY, DERIVED_FROM, record).toList()) {
            removed.addAll(remove(g, t.getSubject()));
        }
        return removed;
    }

    private static java.util.Optional<Key> key(Graph g, Node record) {
        Node entity = first(g, record, SOURCE);
        Node vocabulary = first(g, record, OBJECT_SOURCE);
        return entity == null || vocabulary == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Key(entity, vocabulary));
    }

    private static Node first(Graph g, Node subject, Node predicate) {
        Iterator<Triple> it = g.find(subject, predicate, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }
}
