package org.symptomgraph.server;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/** The SPARQL 1.1 Service Description served at the endpoint URL itself. */
final class ServiceDescription {

    static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    private static final String FORMATS = "http://www.w3.org/ns/formats/";

    private ServiceDescription() {
    }

    /** @param voidDataset the VoID description's dataset IRI, which the default dataset is */
    static Model describe(String endpointUrl, boolean federation, String voidDataset) {
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefix("sd", SD).setNsPrefix("formats", FORMATS).setNsPrefix("dct", DCTerms.NS)
                .setNsPrefix("rdfs", RDFS.uri);
        Resource service = m.createResource(endpointUrl)
                .addProperty(RDF.type, m.createResource(SD + "Service"))
                .addProperty(sd(m, "endpoint"), m.createResource(endpointUrl))
                .addProperty(sd(m, "supportedLanguage"), m.createResource(SD + "SPARQL11Query"))
                .addProperty(DCTerms.title, "symptomgraph: symptoms and their causes", "en")
                .addProperty(DCTerms.description, "A read-only SPARQL endpoint over a knowledge graph of symptoms and "
                        + "their causes, read from consumer-health pages. The default graph is the current view (the "
                        + "newest version of every page); every document version is also a named graph.", "en");
        for (String format : new String[] {"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
            "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"}) {
            service.addProperty(sd(m, "resultFormat"), m.createResource(FORMATS + format));
        }
        if (federation) {
            service.addProperty(sd(m, "feature"), m.createResource(SD + "BasicFederatedQuery"));
        }
        Resource defaultGraph = m.createResource()
                .addProperty(RDF.type, m.createResource(SD + "Graph"))
                .addProperty(RDFS.comment, "The current view: the newest version of every imported page.", "en");
        String voidDocument = voidDataset.substring(0, voidDataset.indexOf('#'));
        service.addProperty(sd(m, "defaultDataset"), m.createResource(voidDataset)
                .addProperty(RDF.type, m.createResource(SD + "Dataset"))
                .addProperty(RDF.type, m.createResource(VoidDescription.VOID + "Dataset"))
                .addProperty(RDFS.seeAlso, m.createResource(voidDocument))
                .addProperty(sd(m, "defaultGraph"), defaultGraph));
        return m;
    }

    private static Property sd(Model m, String localName) {
        return m.createProperty(SD, localName);
    }
}
