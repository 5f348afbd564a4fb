package org.symptomgraph.server;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.DataVersion;

/**
 * The dataset described in VoID: size, classes and properties, links to each external
 * vocabulary, license, sources and dates. Counted over the current view.
 */
final class VoidDescription {

    static final String VOID = "http://rdfs.org/ns/void#";
    static final String GRAPH_SUFFIX = "/.well-known/void";

    private static final String COUNTS = """
            SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
                   (COUNT(DISTINCT ?o) AS ?objects) WHERE { ?s ?p ?o }""";
    private static final String CLASSES = "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c";
    private static final String PROPERTIES = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p";
    private static final String LINKS = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?p ?o WHERE { ?s ?p ?o VALUES ?p { skos:exactMatch skos:closeMatch skos:broadMatch skos:narrowMatch } }""";
    /** What a stored description was counted for (-1 documents when an older one does not say). */
    private static DataVersion countedFor(Resource ds) {
        Statement modified = ds.getProperty(DCTerms.modified);
        Statement documents = ds.getProperty(p(ds.getModel(), "documents"));
        return new DataVersion(modified == null ? null : modified.getLiteral().getLexicalForm(),
                documents == null ? -1 : documents.getLong());
    }

    private VoidDescription() {
    }

    /** The named graph that keeps the description of the service at this endpoint. */
    static String graphName(String endpointUrl) {
        return endpointUrl + GRAPH_SUFFIX;
    }

    /** The VoID dataset's IRI. */
    static String datasetIri(String base) {
        return base + ".well-known/void#symptomgraph";
    }

    static Model describe(Dataset dataset, String base, String endpointUrl) {
        return describe(dataset, base, endpointUrl, UnaryOperator.identity());
    }

    /** @param track sees each query execution before it runs, so that a caller can abort it */
    static Model describe(Dataset dataset, String base, String endpointUrl, UnaryOperator<QueryExecution> track) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.prefixes(base)).setNsPrefix("void", VOID);
        Resource ds = m.createResource(datasetIri(base))
                .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                .addProperty(DCTerms.title, "symptomgraph", "en")
                .addProperty(DCTerms.description, "Symptoms and their causes (categories, conditions, drugs and their "
                        + "brand names), read from consumer-health pages, with the provenance of every statement.", "en")
                .addProperty(DCTerms.license, m.createResource("https://creativecommons.org/licenses/by/4.0/"))
                .addProperty(DCTerms.rights, "The source pages remain under their publishers' terms; the graph "
                        + "keeps short quotations as evidence.", "en")
                .addProperty(p(m, "sparqlEndpoint"), m.createResource(endpointUrl))
                .addProperty(p(m, "uriSpace"), base)
                .addProperty(p(m, "rootResource"), m.createResource(base))
                .addProperty(p(m, "vocabulary"), m.createResource(Vocab.SG))
                .addProperty(p(m, "vocabulary"), m.createResource(Vocab.SCHEMA))
                .addProperty(p(m, "vocabulary"), m.createResource(SKOS.uri))
                .addProperty(p(m, "vocabulary"), m.createResource(Vocab.PROV))
                .addProperty(p(m, "vocabulary"), m.createResource(DCTerms.NS))
                .addProperty(p(m, "exampleResource"), m.createResource(base + "symptom/petechiae"));
        dataset.executeRead(() -> {
            try (QueryExecution qe = track.apply(query(dataset, COUNTS))) {
                var row = qe.execSelect().next();
                count(ds, "triples", row.getLiteral("triples").getLong());
                count(ds, "distinctSubjects", row.getLiteral("subjects").getLong());
                count(ds, "entities", row.getLiteral("subjects").getLong());
                count(ds, "properties", row.getLiteral("properties").getLong());
                count(ds, "distinctObjects", row.getLiteral("objects").getLong());
            }
            try (QueryExecution qe = track.apply(query(dataset, CLASSES))) {
                long[] classes = {0};
                qe.execSelect().forEachRemaining(row -> {
                    classes[0]++;
                    Resource part = m.createResource().addProperty(p(m, "class"), row.getResource("c"));
                    count(part, "entities", row.getLiteral("n").getLong());
                    ds.addProperty(p(m, "classPartition"), part);
                });
                count(ds, "classes", classes[0]);
            }
            try (QueryExecution qe = track.apply(query(dataset, PROPERTIES))) {
                qe.execSelect().forEachRemaining(row -> {
                    Resource part = m.createResource().addProperty(p(m, "property"), row.getResource("p"));
                    count(part, "triples", row.getLiteral("n").getLong());
                    ds.addProperty(p(m, "propertyPartition"), part);
                });
            }
            Map<String, Map<String, Long>> linksets = new TreeMap<>();
            try (QueryExecution qe = track.apply(query(dataset, LINKS))) {
                qe.execSelect().forEachRemaining(row -> linksets
                        .computeIfAbsent(namespace(row.getResource("o").getURI()), k -> new TreeMap<>())
                        .merge(row.getResource("p").getURI(), 1L, Long::sum));
            }
            linksets.forEach((target, byPredicate) -> byPredicate.forEach((predicate, n) -> {
                Resource linkset = m.createResource()
                        .addProperty(RDF.type, m.createResource(VOID + "Linkset"))
                        .addProperty(p(m, "subjectsTarget"), ds)
                        .addProperty(p(m, "objectsTarget"), m.createResource()
                                .addProperty(RDF.type, m.createResource(VOID + "Dataset"))
                                .addProperty(p(m, "uriSpace"), target))
                        .addProperty(p(m, "linkPredicate"), m.createResource(predicate));
                count(linkset, "triples", n);
                ds.addProperty(p(m, "subset"), linkset);
            }));
            DataVersion sources = DataVersion.of(dataset, track);
            if (sources.modified() != null) {
                ds.addProperty(DCTerms.modified, sources.modified(), XSDDatatype.XSDdateTime);
            }
            count(ds, "documents", sources.documents());
        });
        return m;
    }

    /**
     * The description stored in {@code graph} by an earlier start, if nothing has been imported since
     * it was counted: counting a large database takes minutes of a core on every start otherwise.
     */
    static Optional<Model> stored(Dataset dataset, String graph, String base, UnaryOperator<QueryExecution> track) {
        return dataset.calculateRead(() -> {
            if (!dataset.containsNamedModel(graph)) {
                return Optional.empty();
            }
            Model inStore = dataset.getNamedModel(graph);
            Model stored = ModelFactory.createDefaultModel().add(inStore).setNsPrefixes(inStore.getNsPrefixMap());
            // A description without void:documents (an older one) has -1 there: never equal.
            DataVersion countedFor = countedFor(stored.createResource(datasetIri(base)));
            return countedFor.equals(DataVersion.of(dataset, track)) ? Optional.of(stored) : Optional.empty();
        });
    }

    /**
     * Carries a description counted for another endpoint URL of this database (another port or host:
     * a replica restored from a backup) over to {@code endpointUrl}'s graph, with its
     * {@code void:sparqlEndpoint} made this one's, when that graph holds none: {@link #stored} then
     * reuses it if nothing has been imported since, instead of counting for minutes again. Call
     * before the other endpoints' service graphs are removed.
     */
    static void adopt(Dataset dataset, String base, String endpointUrl) {
        String graph = graphName(endpointUrl);
        String query = "SELECT ?g WHERE { GRAPH ?g { <" + datasetIri(base) + "> <" + VOID + "sparqlEndpoint> ?e } "
                + "FILTER(STRENDS(STR(?g), \"" + GRAPH_SUFFIX + "\")) } LIMIT 1";
        // Read first: a start whose URL already has its description writes nothing.
        Optional<Model> other = dataset.calculateRead(() -> {
            if (dataset.containsNamedModel(graph)) {
                return Optional.empty();
            }
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
                var rows = qe.execSelect();
                if (!rows.hasNext()) {
                    return Optional.empty();
                }
                Model stored = dataset.getNamedModel(rows.next().getResource("g").getURI());
                return Optional.of(ModelFactory.createDefaultModel().add(stored).setNsPrefixes(stored.getNsPrefixMap()));
            }
        });
        other.ifPresent(here -> {
            here.createResource(datasetIri(base)).removeAll(p(here, "sparqlEndpoint"))
                    .addProperty(p(here, "sparqlEndpoint"), here.createResource(endpointUrl));
            dataset.executeWrite(() -> dataset.replaceNamedModel(graph, here));
        });
    }

    /** A count over the whole database may take longer than the endpoint's query timeout: it gets an hour. */
    private static QueryExecution query(Dataset dataset, String query) {
        return QueryExecution.dataset(dataset).query(query).timeout(1, TimeUnit.HOURS).build();
    }

    /** The namespace of an external identifier: an OBO PURL up to its prefix, else up to the last / or :. */
    static String namespace(String iri) {
        int obo = iri.indexOf("/obo/");
        if (obo >= 0 && iri.indexOf('_', obo) > 0) {
            return iri.substring(0, iri.indexOf('_', obo) + 1);
        }
        int cut = Math.max(iri.lastIndexOf('/'), iri.lastIndexOf(':'));
        return iri.substring(0, cut + 1);
    }

    private static void count(Resource r, String property, long n) {
        r.addLiteral(p(r.getModel(), property), r.getModel().createTypedLiteral(Long.toString(n), XSDDatatype.XSDinteger));
    }

    private static Property p(Model m, String localName) {
        return m.createProperty(VOID, localName);
    }
}
