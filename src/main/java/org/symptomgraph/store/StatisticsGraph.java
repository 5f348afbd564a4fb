package org.symptomgraph.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.Vocab;

/**
 * The counts that the canned queries over every page would otherwise compute from the whole
 * graph, kept in their own named graph ({@link #NAME}) and exact after every import:
 *
 * <ul>
 *   <li>per document version: the causes it lists ({@code sg:causeCount} of its graph), and per
 *       category of it the causes listed in it ({@code sg:directCauseCount}) and in it or below
 *       ({@code sg:causeCount}). A version's categories are its own, so these are fixed when its
 *       graph is written;</li>
 *   <li>per cause: the symptoms of the current view that list it ({@code sg:symptomCount}),
 *       counted again for each cause an import adds to or withdraws from the current view, and its
 *       place in the ranking of those counts ({@code sg:symptomRank}: 1 for the most symptoms, ties
 *       in the order of the causes' names, then IRIs), ranked again after each write that changed a count, so
 *       that a page of the ranking is a lookup of its ranks rather than a sort of every count.</li>
 * </ul>
 *
 * <p>Use inside a write transaction. The graph is named under the default base whatever base the
 * data has: the store keeps it, and the queries find it by its properties.
 */
public final class StatisticsGraph {

    /** The graph's name. */
    public static final String NAME = Iris.DEFAULT_BASE + "graph/statistics";
    static final Node GRAPH = NodeFactory.createURI(NAME);

    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node CAUSE = Vocab.cause.asNode();
    private static final Node IN_CATEGORY = Vocab.inCategory.asNode();
    private static final Node BROADER = SKOS.broader.asNode();
    private static final Node SYMPTOM_COUNT = Vocab.symptomCount.asNode();
    private static final Node SYMPTOM_RANK = Vocab.symptomRank.asNode();
    private static final Node CAUSE_COUNT = Vocab.causeCount.asNode();
    private static final Node DIRECT_CAUSE_COUNT = Vocab.directCauseCount.asNode();
    /** Written last: the graph holds every count (a database from before it has none). */
    private static final Quad COMPLETE = new Quad(GRAPH, GRAPH, TYPE, Vocab.StatisticsGraph.asNode());

    private StatisticsGraph() {
    }

    /** The graph has been filled (every count is there). */
    static boolean isComplete(DatasetGraph dsg) {
        return dsg.contains(COMPLETE);
    }

    /** The counts a document version fixes, for its graph {@code name} holding {@code g}. */
    static List<Quad> ofDocument(Node name, Graph g) {
        List<Quad> counts = new ArrayList<>();
        if (!g.contains(name, TYPE, Vocab.DocumentGraph.asNode())) {
            return counts;
        }
        counts.add(count(name, CAUSE_COUNT, objects(g, CAUSE).size()));
        g.find(Node.ANY, TYPE, Vocab.CauseCategory.asNode()).forEachRemaining(t -> {
            Node category = t.getSubject();
            Set<Node> direct = subjects(g, IN_CATEGORY, category);
            Set<Node> all = new HashSet<>();
            for (Node below : selfAndBelow(g, category)) {
                all.addAll(subjects(g, IN_CATEGORY, below));
            }
            counts.add(count(category, DIRECT_CAUSE_COUNT, direct.size()));
            counts.add(count(category, CAUSE_COUNT, all.size()));
        });
        return counts;
    }

    /** Writes the counts of a document version stored in {@code name}. */
    static void addDocument(DatasetGraph dsg, Node name, Graph g) {
        ofDocument(name, g).forEach(dsg::add);
    }

    /** Removes the counts of the document version stored in {@code name} (before it is replaced). */
    static void removeDocument(DatasetGraph dsg, Node name, Graph stored) {
        for (Quad q : ofDocument(name, stored)) {
            dsg.deleteAny(GRAPH, q.getSubject(), q.getPredicate(), Node.ANY);
        }
    }

    /**
     * The nodes whose symptom count a change of the current view from or to {@code g} may change:
     * the causes it lists, and what it labels (a cause or symptom counts only with a label).
     */
    static Set<Node> touched(Graph g) {
        Set<Node> nodes = objects(g, CAUSE);
        g.find(Node.ANY, LABEL, Node.ANY).forEachRemaining(t -> nodes.add(t.getSubject()));
        return nodes;
    }

    /**
     * Counts again the symptoms of each node that is a cause in the current view: the labelled
     * symptoms that list it, if it has a label itself (as causes-by-symptom-count counts them).
     */
    static void recount(DatasetGraph dsg, Set<Node> nodes) {
        Graph current = dsg.getDefaultGraph();
        for (Node cause : nodes) {
            dsg.deleteAny(GRAPH, cause, SYMPTOM_COUNT, Node.ANY);
            if (!current.contains(cause, LABEL, Node.ANY)) {
                continue;
            }
            Set<Node> symptoms = new HashSet<>();
            current.find(Node.ANY, CAUSE, cause).forEachRemaining(t -> {
                Node symptom = t.getSubject();
                if (current.contains(symptom, TYPE, Vocab.MedicalSignOrSymptom.asNode())
                        && current.contains(symptom, LABEL, Node.ANY)) {
                    symptoms.add(symptom);
                }
            });
            if (!symptoms.isEmpty()) {
                dsg.add(count(cause, SYMPTOM_COUNT, symptoms.size()));
            }
        }
    }

    /** Counts the symptoms of every cause of the current view, ranks them, and marks the graph complete. */
    static void recountAllCauses(DatasetGraph dsg) {
        recount(dsg, objects(dsg.getDefaultGraph(), CAUSE));
        rank(dsg);
        markComplete(dsg);
    }

    /**
     * Ranks the causes by their symptom counts again ({@code sg:symptomRank}), rewriting only the
     * ranks that changed. Once per write transaction, after its counts: a sort of one number per
     * cause, where a count that changed may move every cause between its old and new place.
     */
    static void rank(DatasetGraph dsg) {
        Map<Node, Long> counts = new HashMap<>();
        dsg.find(GRAPH, Node.ANY, SYMPTOM_COUNT, Node.ANY).forEachRemaining(q ->
                counts.put(q.getSubject(), ((Number) q.getObject().getLiteralValue()).longValue()));
        Map<Node, Node> stored = new HashMap<>();
        dsg.find(GRAPH, Node.ANY, SYMPTOM_RANK, Node.ANY).forEachRemaining(q -> stored.put(q.getSubject(), q.getObject()));
        Graph current = dsg.getDefaultGraph();
        Map<Node, String> names = new HashMap<>();
        for (Node cause : counts.keySet()) {
            current.find(cause, LABEL, Node.ANY).forEachRemaining(t -> names.merge(cause,
                    t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : "", (a, b) -> a.compareTo(b) <= 0 ? a : b));
        }
        List<Node> ranking = new ArrayList<>(counts.keySet());
        // As ORDER BY DESC(?symptoms) ?name ?cause would order them (a counted cause has a label).
        ranking.sort(Comparator.<Node, Long>comparing(counts::get).reversed()
                .thenComparing(c -> names.getOrDefault(c, ""))
                .thenComparing(NodeCmp::compareRDFTerms));
        List<Quad> added = new ArrayList<>();
        for (int i = 0; i < ranking.size(); i++) {
            Quad rank = count(ranking.get(i), SYMPTOM_RANK, i + 1);
            if (!rank.getObject().equals(stored.remove(rank.getSubject()))) {
                added.add(rank);
            }
        }
        // Left: the causes no current page lists any more.
        stored.forEach((cause, rank) -> dsg.delete(GRAPH, cause, SYMPTOM_RANK, rank));
        for (Quad rank : added) {
            dsg.deleteAny(GRAPH, rank.getSubject(), SYMPTOM_RANK, Node.ANY);
            dsg.add(rank);
        }
    }

    /** Whether the causes have counts but no ranks yet (a database from before the ranks). */
    static boolean isUnranked(DatasetGraph dsg) {
        return dsg.contains(GRAPH, Node.ANY, SYMPTOM_COUNT, Node.ANY) && !dsg.contains(GRAPH, Node.ANY, SYMPTOM_RANK, Node.ANY);
    }

    /** Says that the graph holds every count. */
    static void markComplete(DatasetGraph dsg) {
        if (!dsg.contains(COMPLETE)) {
            dsg.add(COMPLETE);
        }
    }

    /** Counts everything again from the stored graphs: for a database filled without the counts. */
    static void rebuild(DatasetGraph dsg) {
        dsg.deleteAny(GRAPH, Node.ANY, Node.ANY, Node.ANY);
        List<Node> documents = new ArrayList<>();
        dsg.find(Node.ANY, Node.ANY, TYPE, Vocab.DocumentGraph.asNode()).forEachRemaining(q -> {
            if (q.getGraph().equals(q.getSubject())) {
                documents.add(q.getGraph());
            }
        });
        for (Node name : documents) {
            addDocument(dsg, name, dsg.getGraph(name));
        }
        recountAllCauses(dsg);
    }

    private static Quad count(Node subject, Node property, long n) {
        return new Quad(GRAPH, subject, property, NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger));
    }

    private static Set<Node> objects(Graph g, Node property) {
        Set<Node> nodes = new HashSet<>();
        g.find(Node.ANY, property, Node.ANY).forEachRemaining(t -> nodes.add(t.getObject()));
        return nodes;
    }

    private static Set<Node> subjects(Graph g, Node property, Node object) {
        Set<Node> nodes = new HashSet<>();
        g.find(Node.ANY, property, object).forEachRemaining(t -> nodes.add(t.getSubject()));
        return nodes;
    }

    /** The category and every category below it (skos:broader*, reversed), each once. */
    private static Set<Node> selfAndBelow(Graph g, Node category) {
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(category));
        while (!todo.isEmpty()) {
            Node next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(subjects(g, BROADER, next));
            }
        }
        return seen;
    }
}
