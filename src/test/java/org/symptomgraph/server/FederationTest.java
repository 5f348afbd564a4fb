package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.links.LinkGraph;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/**
 * Federated queries both ways between symptomgraph and a second endpoint that knows diseases by
 * their Disease Ontology IRIs, joined on symptomgraph's skos:exactMatch links; and the canned
 * Wikidata queries (by DOID and by MeSH) for a page other than petechiae, whose links the linker
 * made at import, against a plain Fuseki standing in for Wikidata. Loopback only.
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

    /**
     * Stand-in Wikidata items (made-up Q numbers) with the two identifier properties the canned
     * queries join on: P699 Disease Ontology ID and P486 MeSH descriptor ID, as Wikidata writes them.
     */
    private static final String WIKIDATA_DATA = """
            PREFIX wd: <http://www.wikidata.org/entity/>
            PREFIX wdt: <http://www.wikidata.org/prop/direct/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            wd:Q900001 wdt:P699 "DOID:1240" ; wdt:P486 "D007938" ; rdfs:label "leukemia"@en, "Leukämie"@de .
            wd:Q900002 wdt:P699 "DOID:10459" ; wdt:P486 "D003139" ; rdfs:label "common cold"@en .
            wd:Q900003 wdt:P699 "DOID:0061030" ; rdfs:label "haemophilia"@en .
            wd:Q900004 wdt:P699 "DOID:8781" ; wdt:P486 "D012409" ; rdfs:label "rubella"@en .
            """;
    private static final String WIKIDATA = "https://query.wikidata.org/sparql";
    private static final Path NOSEBLEEDS = Fixtures.testDocument("nosebleeds.txt");

    private static TestServer symptomgraph;
    private static FusekiServer other;
    private static String otherEndpoint;
    private static FusekiServer wikidata;
    private static String wikidataEndpoint;
    private static TestServer nosebleeds;

    @BeforeAll
    static void start() throws Exception {
        Dataset registry = DatasetFactory.create(RDFParser.fromString(OTHER_DATA, Lang.TURTLE).toModel());
        // The other side is a plain Fuseki that may call out with SERVICE.
        registry.getContext().set(ARQ.httpServiceAllowed, true);
        other = FusekiServer.create().port(0).loopback(true).add("/registry", registry, false).build().start();
        otherEndpoint = "http://localhost:" + other.getHttpPort() + "/registry/sparql";

        symptomgraph = TestServer.petechiae(s -> s.withAllowedServices(List.of(otherEndpoint)),
                LinkGraph.linkGraph(Path.of("data/links/links.tsv"), new Iris(Iris.DEFAULT_BASE)));

        wikidata = FusekiServer.create().port(0).loopback(true)
                .add("/wikidata", DatasetFactory.create(RDFParser.fromString(WIKIDATA_DATA, Lang.TURTLE).toModel()), false)
                .build().start();
        wikidataEndpoint = "http://localhost:" + wikidata.getHttpPort() + "/wikidata/sparql";
        // As a researcher serves a page of their own: `serve --allow-service <the Wikidata endpoint>`.
        nosebleeds = TestServer.of(s -> s.withAllowedServices(List.of(wikidataEndpoint)), Fixtures.imported(NOSEBLEEDS));
    }

    @AfterAll
    static void stop() {
        symptomgraph.close();
        other.stop();
        nosebleeds.close();
        wikidata.stop();
    }

    /**
     * The canned query as the catalogue serves it, its parameter bound, with Wikidata's address
     * replaced by the stand-in's (the only change), sent to the endpoint that allows that service.
     */
    private static List<String> cannedOverService(String name) {
        String query = QueryCatalog.load().get(name).orElseThrow().bind(Map.of("symptom", "Nosebleeds")).serialize();
        assertTrue(query.contains("SERVICE <" + WIKIDATA + ">"), query);
        HttpResponse<String> r = Http.query(nosebleeds.endpoint(), query.replace(WIKIDATA, wikidataEndpoint), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return lines(r);
    }

    @Test
    void theCausesOfAnotherPageJoinWikidataByTheirDiseaseOntologyIds() {
        // Leukemia, Hemophilia and Common cold were linked to DOID at import; Sinusitis has no stand-in item.
        assertEquals(List.of("cause,doid,item,itemLabel",
                "Common cold,DOID:10459,http://www.wikidata.org/entity/Q900002,common cold",
                "Hemophilia,DOID:0061030,http://www.wikidata.org/entity/Q900003,haemophilia",
                "Leukemia,DOID:1240,http://www.wikidata.org/entity/Q900001,leukemia"),
                cannedOverService("wikidata-by-doid"));
    }

    @Test
    void theCausesOfAnotherPageJoinWikidataByTheMeshIdsCrossWalkedFromDoid() {
        // No curated rows for this page: the MeSH ids come from the DOID terms' own cross-references.
        assertEquals(List.of("cause,mesh,item,itemLabel",
                "Common cold,D003139,http://www.wikidata.org/entity/Q900002,common cold",
                "Leukemia,D007938,http://www.wikidata.org/entity/Q900001,leukemia"),
                cannedOverService("wikidata-by-mesh"));
    }

    /**
     * The same with the researcher's own engine: `symptomgraph query` over a database of their own,
     * with the canned queries copied into a folder (`--queries`) and pointed at the stand-in. No
     * endpoint is involved, so whatever the public endpoint allows does not matter.
     */
    @Test
    void theResearchersOwnEngineRunsTheCannedQueryOverALocalDatabase(@TempDir Path dir) throws Exception {
        Path queries = Files.createDirectories(dir.resolve("queries"));
        for (String name : List.of("wikidata-by-doid", "wikidata-by-mesh")) {
            Files.writeString(queries.resolve(name + ".rq"),
                    Files.readString(Path.of("queries", name + ".rq")).replace(WIKIDATA, wikidataEndpoint));
        }
        String db = dir.resolve("db").toString();
        Cli.Run imported = Cli.run("import", NOSEBLEEDS.toString(), "--db", db);
        assertEquals(0, imported.status(), imported.toString());
        Cli.Run run = Cli.run("query", "wikidata-by-doid", "--queries", queries.toString(), "--db", db,
                "--param", "symptom=Nosebleeds", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        assertEquals(List.of("cause,doid,item,itemLabel",
                "Common cold,DOID:10459,http://www.wikidata.org/entity/Q900002,common cold",
                "Hemophilia,DOID:0061030,http://www.wikidata.org/entity/Q900003,haemophilia",
                "Leukemia,DOID:1240,http://www.wikidata.org/entity/Q900001,leukemia"),
                run.out().strip().lines().map(String::strip).toList());
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
