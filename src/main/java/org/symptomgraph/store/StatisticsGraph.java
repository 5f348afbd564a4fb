package org.symptomgraph.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.vocabulary.DCTerms;
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
 *       ({@code sg:causeCount}), and its path from the top as one string ({@code sg:categoryPath}).
 *       A version's categories are its own, so these are fixed when its graph is written;</li>
 *   <li>per cause: the symptoms of the current view that list it ({@code sg:symptomCount}),
 *       counted again for each cause an import adds to or withdraws from the current view, and its
 *       place in the ranking of those counts ({@code sg:symptomRank}: 1 for the most symptoms, ties
 *       in the order of the causes' IRIs, which spell their names), ranked again after each write that changed a count, so
 *       that a page of the ranking is a lookup of its ranks rather than a sort of every count;</li>
 *   <li>per current document version: its causes and symptom ({@code sg:entityCount}), those
 *       without a link to another vocabulary in the current view ({@code sg:unlinkedEntity}) and
 *       how many ({@code sg:unlinkedCount}). Counted when the version becomes current, dropped when
 *       it is superseded, and changed in every current version that lists an entity when a write
 *       links or unlinks it (rare: a curated link table, a vocabulary's first match).</li>
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
    private static final Node CATEGORY_PATH = Vocab.categoryPath.asNode();
    private static final Node ENTITY_COUNT = Vocab.entityCount.asNode();
    private static final Node UNLINKED_COUNT = Vocab.unlinkedCount.asNode();
    private static final Node UNLINKED_ENTITY = Vocab.unlinkedEntity.asNode();
    private static final Node DOCUMENT_GRAPH = Vocab.DocumentGraph.asNode();
    private static final Node DERIVED_FROM = Vocab.wasDerivedFrom.asNode();
    private static final Node ABOUT = Vocab.about.asNode();
    private static final Node IS_REPLACED_BY = DCTerms.isReplacedBy.asNode();
    private static final Set<Node> ENTITY_CLASSES = Set.of(Vocab.MedicalSignOrSymptom.asNode(), Vocab.MedicalCause.asNode());
    /** A link to another vocabulary, as unlinked-by-page counts them (a related match is no link). */
    private static final List<Node> LINKS = List.of(SKOS.exactMatch.asNode(), SKOS.closeMatch.asNode(),
            SKOS.broadMatch.asNode(), SKOS.narrowMatch.asNode());
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
            path(g, category).ifPresent(path -> counts.add(new Quad(GRAPH, category, CATEGORY_PATH,
                    NodeFactory.createLiteralString(path))));
        });
        return counts;
    }

    /**
     * The category's path from the top, its labels joined by " > " ("Medical conditions >
     * Infections"): the category's label last, each parent's (skos:broader) before it, up to the
     * first parent without a label. None for a category without a label.
     */
    static Optional<String> path(Graph g, Node category) {
        Deque<String> labels = new ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        for (Node at = category; at != null && seen.add(at); ) {
            Optional<String> label = first(g, at, LABEL).filter(Node::isLiteral).map(Node::getLiteralLexicalForm);
            if (label.isEmpty()) {
                break;
            }
            labels.addFirst(label.get());
            at = first(g, at, BROADER).orElse(null);
        }
        return labels.isEmpty() ? Optional.empty() : Optional.of(String.join(" > ", labels));
    }

    private static Optional<Node> first(Graph g, Node subject, Node property) {
        Iterator<Triple> found = g.find(subject, property, Node.ANY);
        return found.hasNext() ? Optional.of(found.next().getObject()) : Optional.empty();
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
     * Returns whether any count changed (and so, perhaps, the ranking).
     */
    static boolean recount(DatasetGraph dsg, Set<Node> nodes) {
        Graph current = dsg.getDefaultGraph();
        boolean changed = false;
        for (Node cause : nodes) {
            Iterator<Quad> stored = dsg.find(GRAPH, cause, SYMPTOM_COUNT, Node.ANY);
            Quad before = stored.hasNext() ? stored.next() : null;
            dsg.deleteAny(GRAPH, cause, SYMPTOM_COUNT, Node.ANY);
            Quad after = null;
            if (current.contains(cause, LABEL, Node.ANY)) {
                Set<Node> symptoms = new HashSet<>();
                current.find(Node.ANY, CAUSE, cause).forEachRemaining(t -> {
                    Node symptom = t.getSubject();
                    if (current.contains(symptom, TYPE, Vocab.MedicalSignOrSymptom.asNode())
                            && current.contains(symptom, LABEL, Node.ANY)) {
                        symptoms.add(symptom);
                    }
                });
                if (!symptoms.isEmpty()) {
                    after = count(cause, SYMPTOM_COUNT, symptoms.size());
                    dsg.add(after);
                }
            }
            changed |= !Objects.equals(before, after);
        }
        return changed;
    }

    /**
     * Counts the symptoms of every cause of the current view, ranks them, counts the unlinked
     * entities of every current document version, and marks the graph complete.
     */
    static void recountAllCauses(DatasetGraph dsg) {
        recount(dsg, objects(dsg.getDefaultGraph(), CAUSE));
        rank(dsg);
        countAllUnlinked(dsg);
        markComplete(dsg);
    }

    /** Fills in what a release before them did not count: the ranks, the unlinked entities, the category paths. */
    static void completeOlder(DatasetGraph dsg) {
        if (unranked(dsg)) {
            rank(dsg);
        }
        if (unlinkedUncounted(dsg)) {
            countAllUnlinked(dsg);
        }
        if (pathless(dsg)) {
            writeAllPaths(dsg);
        }
    }

    /** Whether {@link #completeOlder} has anything to do: a cheap look, in a read transaction. */
    static boolean isOlder(DatasetGraph dsg) {
        return unranked(dsg) || unlinkedUncounted(dsg) || pathless(dsg);
    }

    /** Counted categories but no category's path. */
    private static boolean pathless(DatasetGraph dsg) {
        return dsg.contains(GRAPH, Node.ANY, DIRECT_CAUSE_COUNT, Node.ANY) && !dsg.contains(GRAPH, Node.ANY, CATEGORY_PATH, Node.ANY);
    }

    /** The path of every category of every stored document version. */
    private static void writeAllPaths(DatasetGraph dsg) {
        List<Quad> categories = new ArrayList<>();
        dsg.findNG(Node.ANY, Node.ANY, TYPE, Vocab.CauseCategory.asNode()).forEachRemaining(categories::add);
        for (Quad q : categories) {
            path(dsg.getGraph(q.getGraph()), q.getSubject())
                    .ifPresent(path -> dsg.add(GRAPH, q.getSubject(), CATEGORY_PATH, NodeFactory.createLiteralString(path)));
        }
    }

    private static boolean unranked(DatasetGraph dsg) {
        return dsg.contains(GRAPH, Node.ANY, SYMPTOM_COUNT, Node.ANY) && !dsg.contains(GRAPH, Node.ANY, SYMPTOM_RANK, Node.ANY);
    }

    /** Counted causes (so current versions) but no version's entities counted. */
    private static boolean unlinkedUncounted(DatasetGraph dsg) {
        return dsg.contains(GRAPH, Node.ANY, SYMPTOM_COUNT, Node.ANY) && !dsg.contains(GRAPH, Node.ANY, ENTITY_COUNT, Node.ANY);
    }

    private static void countAllUnlinked(DatasetGraph dsg) {
        for (Node name : currentDocuments(dsg)) {
            countUnlinked(dsg, name);
        }
    }

    /** The document versions no newer version has replaced. */
    private static List<Node> currentDocuments(DatasetGraph dsg) {
        List<Node> current = new ArrayList<>();
        dsg.findNG(Node.ANY, Node.ANY, TYPE, DOCUMENT_GRAPH).forEachRemaining(q -> {
            if (q.getGraph().equals(q.getSubject()) && !dsg.contains(q.getGraph(), q.getGraph(), IS_REPLACED_BY, Node.ANY)) {
                current.add(q.getGraph());
            }
        });
        return current;
    }

    /**
     * The causes and the symptom a document version lists: its symptom, if labelled, and the
     * symptom's causes, each with a label and the type of a cause or symptom in the version.
     */
    static Set<Node> entities(Graph g, Node name) {
        Set<Node> entities = new HashSet<>();
        for (Node document : objects(g, name, DERIVED_FROM)) {
            for (Node symptom : objects(g, document, ABOUT)) {
                if (!g.contains(symptom, LABEL, Node.ANY)) {
                    continue;
                }
                Set<Node> candidates = objects(g, symptom, CAUSE);
                candidates.add(symptom);
                for (Node entity : candidates) {
                    if (g.contains(entity, LABEL, Node.ANY)
                            && ENTITY_CLASSES.stream().anyMatch(c -> g.contains(entity, TYPE, c))) {
                        entities.add(entity);
                    }
                }
            }
        }
        return entities;
    }

    /** Whether the current view links the entity to another vocabulary. */
    private static boolean linked(Graph current, Node entity) {
        return LINKS.stream().anyMatch(link -> current.contains(entity, link, Node.ANY));
    }

    /**
     * Counts the unlinked entities of the document version {@code name} again, as the current
     * version of its page (nothing for a graph that is no document version).
     */
    static void countUnlinked(DatasetGraph dsg, Node name) {
        forgetUnlinked(dsg, name);
        Graph g = dsg.getGraph(name);
        if (!g.contains(name, TYPE, DOCUMENT_GRAPH)) {
            return;
        }
        Graph current = dsg.getDefaultGraph();
        Set<Node> entities = entities(g, name);
        long unlinked = 0;
        for (Node entity : entities) {
            if (!linked(current, entity)) {
                dsg.add(GRAPH, name, UNLINKED_ENTITY, entity);
                unlinked++;
            }
        }
        dsg.add(count(name, ENTITY_COUNT, entities.size()));
        dsg.add(count(name, UNLINKED_COUNT, unlinked));
    }

    /** Drops the unlinked entities of a version that is no longer current. */
    static void forgetUnlinked(DatasetGraph dsg, Node name) {
        for (Node property : List.of(ENTITY_COUNT, UNLINKED_COUNT, UNLINKED_ENTITY)) {
            dsg.deleteAny(GRAPH, name, property, Node.ANY);
        }
    }

    /**
     * Whether each entity that {@code graphs} state a link of is linked in the current view now:
     * taken before a write that may change it, for {@link #relink} after.
     */
    static Map<Node, Boolean> linkState(DatasetGraph dsg, Graph... graphs) {
        Graph current = dsg.getDefaultGraph();
        Map<Node, Boolean> state = new HashMap<>();
        for (Graph g : graphs) {
            for (Node link : LINKS) {
                g.find(Node.ANY, link, Node.ANY).forEachRemaining(t -> state.computeIfAbsent(t.getSubject(), e -> linked(current, e)));
            }
        }
        return state;
    }

    /**
     * After a write: each entity of {@code before} that became linked leaves the unlinked entities
     * of every current version (an index lookup of those that list it as unlinked); each that became
     * unlinked has every current version that lists it counted again.
     */
    static void relink(DatasetGraph dsg, Map<Node, Boolean> before) {
        Graph current = dsg.getDefaultGraph();
        before.forEach((entity, wasLinked) -> {
            boolean isLinked = linked(current, entity);
            if (isLinked == wasLinked) {
                return;
            }
            if (isLinked) {
                for (Node version : subjectsIn(dsg, UNLINKED_ENTITY, entity)) {
                    dsg.delete(GRAPH, version, UNLINKED_ENTITY, entity);
                    long unlinked = ((Number) dsg.find(GRAPH, version, UNLINKED_COUNT, Node.ANY).next().getObject()
                            .getLiteralValue()).longValue();
                    dsg.deleteAny(GRAPH, version, UNLINKED_COUNT, Node.ANY);
                    dsg.add(count(version, UNLINKED_COUNT, unlinked - 1));
                }
            } else {
                Set<Node> versions = new HashSet<>();
                dsg.findNG(Node.ANY, Node.ANY, CAUSE, entity).forEachRemaining(q -> versions.add(q.getGraph()));
                dsg.findNG(Node.ANY, entity, TYPE, Node.ANY).forEachRemaining(q -> versions.add(q.getGraph()));
                for (Node version : versions) {
                    if (dsg.contains(GRAPH, version, UNLINKED_COUNT, Node.ANY)) {
                        countUnlinked(dsg, version);
                    }
                }
            }
        });
    }

    private static List<Node> subjectsIn(DatasetGraph dsg, Node property, Node object) {
        List<Node> subjects = new ArrayList<>();
        dsg.find(GRAPH, Node.ANY, property, object).forEachRemaining(q -> subjects.add(q.getSubject()));
        return subjects;
    }

    /**
     * Ranks the causes by their symptom counts again ({@code sg:symptomRank}), rewriting only the
     * ranks that changed. Once per write transaction whose counts changed: a sort of one number per
     * cause, where a count that changed may move every cause between its old and new place.
     */
    static void rank(DatasetGraph dsg) {
        Map<Node, Long> counts = new HashMap<>();
        dsg.find(GRAPH, Node.ANY, SYMPTOM_COUNT, Node.ANY).forEachRemaining(q ->
                counts.put(q.getSubject(), ((Number) q.getObject().getLiteralValue()).longValue()));
        Map<Node, Node> stored = new HashMap<>();
        dsg.find(GRAPH, Node.ANY, SYMPTOM_RANK, Node.ANY).forEachRemaining(q -> stored.put(q.getSubject(), q.getObject()));
        List<Node> ranking = new ArrayList<>(counts.keySet());
        // As ORDER BY DESC(?symptoms) ?cause orders them: the IRIs spell the names.
        ranking.sort(Comparator.<Node, Long>comparing(counts::get).reversed().thenComparing(NodeCmp::compareRDFTerms));
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

    private static Set<Node> objects(Graph g, Node subject, Node property) {
        Set<Node> nodes = new HashSet<>();
        g.find(subject, property, Node.ANY).forEachRemaining(t -> nodes.add(t.getObject()));
        return nodes;
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
