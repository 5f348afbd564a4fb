package org.symptomgraph.server;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.symptomgraph.dumps.Dumps;

/**
 * The dumps in the VoID description: {@code void:dataDump} for each, described as a DCAT
 * distribution with its size ({@code dcat:byteSize}), date ({@code dct:modified}), media type and
 * compression ({@code dcat:mediaType}, {@code dcat:compressFormat}, IANA media-type IRIs).
 */
final class DumpDescription {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String IANA = "https://www.iana.org/assignments/media-types/";

    private final Dumps dumps;
    private final String datasetIri;
    private final URI serverRoot;

    /** @param endpointUrl the SPARQL endpoint's public URL: the dumps are at /dumps/ of the same server */
    DumpDescription(Dumps dumps, String datasetIri, String endpointUrl) {
        this.dumps = dumps;
        this.datasetIri = datasetIri;
        this.serverRoot = URI.create(endpointUrl);
    }

    /** Where a dump is downloaded. */
    String url(Dumps.Kind kind) {
        return serverRoot.resolve(DumpServlet.PATH + "/" + kind.fileName()).toString();
    }

    /** A copy of {@code description} (null while it is being counted) with the newest dumps. */
    Model with(Model description) {
        if (description == null) {
            return null;
        }
        Model copy = ModelFactory.createDefaultModel().add(description).setNsPrefixes(description.getNsPrefixMap());
        replaceIn(copy, dumps.newest());
        return copy;
    }

    /** Brings the stored description in {@code graph} (if there is one yet) up to the newest dumps. */
    void store(Dataset dataset, String graph) {
        Optional<Dumps.Made> made = dumps.newest();
        dataset.executeWrite(() -> {
            if (dataset.containsNamedModel(graph)) {
                replaceIn(dataset.getNamedModel(graph), made);
            }
        });
    }

    private void replaceIn(Model m, Optional<Dumps.Made> made) {
        Resource ds = m.createResource(datasetIri);
        Property dataDump = m.createProperty(VoidDescription.VOID, "dataDump");
        List<RDFNode> old = m.listObjectsOfProperty(ds, dataDump).toList();
        m.removeAll(ds, dataDump, null);
        old.stream().filter(RDFNode::isResource).forEach(d -> m.removeAll(d.asResource(), null, null));
        if (made.isEmpty()) {
            return;
        }
        m.setNsPrefix("dcat", DCAT);
        for (Dumps.Kind kind : Dumps.Kind.values()) {
            Resource dump = m.createResource(url(kind))
                    .addProperty(RDF.type, m.createResource(DCAT + "Distribution"))
                    .addProperty(DCTerms.title, kind == Dumps.Kind.CURRENT
                            ? "The current view (the newest version of every page) as gzip Turtle"
                            : "Every stored document version, each in its named graph, as gzip N-Quads", "en")
                    .addProperty(m.createProperty(DCAT, "downloadURL"), m.createResource(url(kind)))
                    .addProperty(m.createProperty(DCAT, "mediaType"), m.createResource(IANA + kind.mediaType()))
                    .addProperty(m.createProperty(DCAT, "compressFormat"), m.createResource(IANA + "application/gzip"))
                    .addProperty(m.createProperty(DCAT, "byteSize"), m.createTypedLiteral(
                            Long.toString(made.get().bytes().get(kind)), XSDDatatype.XSDnonNegativeInteger))
                    .addProperty(DCTerms.modified, m.createTypedLiteral(made.get().made().toString(),
                            XSDDatatype.XSDdateTime));
            ds.addProperty(dataDump, dump);
        }
    }
}
