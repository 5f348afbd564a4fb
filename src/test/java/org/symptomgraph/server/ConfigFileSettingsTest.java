package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.jena.fuseki.FusekiConfigException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

/** The module's settings in a Fuseki configuration file. */
class ConfigFileSettingsTest {

    private static final String SERVICE = """
            PREFIX fuseki: <http://jena.apache.org/fuseki#>
            PREFIX sgf: <https://w3id.org/symptomgraph/fuseki#>
            <#other> fuseki:name "other" ; fuseki:dataset <#d> ; sgf:resultLimit 7 .
            <#symptomgraph> fuseki:name "symptomgraph" ; fuseki:dataset <#d> ;
                fuseki:endpoint [ fuseki:name "symptomgraph" ] ;
            """;

    private static Model config(String settings) {
        return RDFParser.fromString(SERVICE + settings + " .", Lang.TURTLE).base("file:///config.ttl").toModel();
    }

    @Test
    void fusekiConfigTtlGivesServesDefaults() {
        Model config = RDFParser.source("fuseki/config.ttl").toModel();
        assertEquals(EndpointSettings.defaults(0), ConfigFileSettings.read(config, EndpointSettings.DATASET));
    }

    @Test
    void withoutAConfigurationFileTheDefaults() {
        assertEquals(EndpointSettings.defaults(0), ConfigFileSettings.read(null, EndpointSettings.DATASET));
    }

    @Test
    void everySettingIsReadFromTheDatasetsService() {
        EndpointSettings s = ConfigFileSettings.read(config("""
                sgf:queryTimeout 5 ; sgf:resultLimit 100 ; sgf:responseLimit 4096 ;
                sgf:base <https://example.org/kg/> ; sgf:publicUrl "https://example.org/sparql" ;
                sgf:allowService <https://query.wikidata.org/sparql> , <https://example.org/other> ;
                sgf:clientAddressHeader "X-Forwarded-For"
                """), EndpointSettings.DATASET);
        assertEquals(Duration.ofSeconds(5), s.queryTimeout());
        assertEquals(100, s.resultLimit());
        assertEquals(4096, s.responseLimit());
        assertEquals("https://example.org/kg/", s.base());
        assertEquals("https://example.org/sparql", s.publicUrl());
        assertEquals(List.of("https://example.org/other", "https://query.wikidata.org/sparql"),
                s.allowedServices().stream().sorted().toList());
        assertEquals("X-Forwarded-For", s.clients().addressHeader());
    }

    @Test
    void aMistakeNamesTheSetting() {
        for (String[] bad : new String[][] {
            {"sgf:resultLimit \"lots\"", "resultLimit"},
            {"sgf:resultLimit 0", "result limit"},
            {"sgf:resultLimit 5 , 6", "resultLimit is given 2 times"},
            {"sgf:queryTimeout -1", "timeout"},
            {"sgf:base \"ftp://example.org/\"", "IRI base"},
            {"sgf:publicUrl []", "publicUrl"},
            {"sgf:resultlimit 5", "unknown setting https://w3id.org/symptomgraph/fuseki#resultlimit"}}) {
            FusekiConfigException e = assertThrows(FusekiConfigException.class,
                    () -> ConfigFileSettings.read(config(bad[0]), EndpointSettings.DATASET), bad[0]);
            assertTrue(e.getMessage().startsWith("symptomgraph: ") && e.getMessage().contains(bad[1]), e.getMessage());
        }
    }
}
