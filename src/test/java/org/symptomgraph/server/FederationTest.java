package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.symptomgraph.links.LinkGraph;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/**
 * Federated queries both ways between symptomgraph and a second endpoint that knows diseases by
 * their Disease Ontology IRIs, joined on symptomgraph's skos:exactMatch links. Loopback only.
 */
class FederationTest {

    /** The other endpoint's own small dataset, keyed by the external IRIs symptomgraph links to. */
    private static final String OTHER_DATA = """
            PREFIX ex: <http://example.org/registry#>
            PREFIX obo: <http://purl.obolibrary.org/obo/>
            obo:DOID_1240 ex:registryCases 1200 .
            obo:DOID_8781 ex:registryCases 35 .
            obo:DOID_0000000 ex:registryCases 7 .
            """;
    private static final String PREFIXES = Fixtures.PREFIXES + "PREFIX ex: <http://example.org/registry#>\n";

    private static TestServer symptomgraph;
    private static FusekiServer other;
    private static String otherEndpoint;

    @BeforeAll
    static void start() throws Exception {
        Dataset registry = DatasetFactory.create(RDFParser.fromString(OTHER_DATA, Lang.TURTLE).toModel());
        // The other side is a plain Fuseki that may call out with SERVICE.
        registry.getContext().set(ARQ.httpServiceAllowed, true);
        other = FusekiServer.create().port(0).loopback(true).add("/registry", registry, false).build().start();
        otherEndpoint = "http://localhost:" + other.getHttpPort() + "/registry/sparql";

        symptomgraph = TestServer.petechiae(s -> s.withAllowedServices(List.of(otherEndpoint)),
                LinkGraph.linkGraph(Path.of("data/links/links.tsv"), new Iris(Iris.DEFAULT_BASE)));
    }

    @AfterAll
    static void stop() {
        symptomgraph.close();
        other.stop();
    }

    @Test
    void theOtherEndpointJoinsSymptomgraphThroughService() {
        String query = PREFIXES + """
                SELECT ?cause ?cases WHERE {
                  ?disease ex:registryCases ?cases .
                  SERVICE <%s> { ?c skos:exactMatch ?disease ; rdfs:label ?label . BIND(STR(?label) AS ?cause) }
                } ORDER BY ?cause""".formatted(symptomgraph.endpoint());
        HttpResponse<String> r = Http.query(otherEndpoint, query, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("cause,cases", "Leukemia,1200", "Rubella,35"), lines(r));
    }

    @Test
    void symptomgraphJoinsTheAllowedEndpoint() {
        String query = PREFIXES + """
                SELECT ?cause ?cases WHERE {
                  <https://w3id.org/symptomgraph/symptom/petechiae> schema:cause ?c .
                  ?c skos:exactMatch ?disease ; rdfs:label ?label . BIND(STR(?label) AS ?cause)
                  SERVICE <%s> { ?disease ex:registryCases ?cases }
                } ORDER BY ?cause""".formatted(otherEndpoint);
        HttpResponse<String> r = Http.query(symptomgraph.endpoint(), query, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("cause,cases", "Leukemia,1200", "Rubella,35"), lines(r));
    }

    @Test
    void anyOtherServiceStaysRefused() {
        String elsewhere = "http://localhost:" + other.getHttpPort() + "/elsewhere/sparql";
        HttpResponse<String> r = Http.query(symptomgraph.endpoint(),
                "SELECT * WHERE { SERVICE <" + elsewhere + "> { ?s ?p ?o } }", "text/csv");
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, "status " + r.statusCode());
        assertTrue(r.body().contains("not allowed"), r.body());
    }

    private static List<String> lines(HttpResponse<String> r) {
        return r.body().strip().lines().map(String::strip).toList();
    }
}
