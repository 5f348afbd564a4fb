package org.symptomgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Rdf4j;

/** Every output format of {@code import --out}, read back by Jena RIOT and by RDF4J Rio, gives the same graph. */
class FormatRoundTripTest {

    private static Dataset expected;

    @TempDir
    Path dir;

    @BeforeAll
    static void expected() throws Exception {
        expected = Fixtures.dataset(Fixtures.graph(Fixtures.PETECHIAE));
    }

    @ParameterizedTest
    @EnumSource(RdfFormat.class)
    void jenaAndRdf4jReadBackTheSameGraph(RdfFormat format) {
        Path file = dir.resolve("petechiae." + format.extension());
        Cli.Run run = Cli.run("import", Fixtures.PETECHIAE.toString(), "--out", file.toString());
        assertEquals(0, run.status(), run.toString());

        DatasetGraph byJena = RDFDataMgr.loadDatasetGraph(file.toString());
        DatasetGraph byRdf4j = Rdf4j.read(file);
        if (format.keepsGraphs()) {
            assertTrue(IsoMatcher.isomorphic(expected.asDatasetGraph(), byJena), "Jena reads " + file);
            assertTrue(IsoMatcher.isomorphic(expected.asDatasetGraph(), byRdf4j), "RDF4J reads " + file);
        } else {
            Graph union = expected.getUnionModel().getGraph();
            assertTrue(union.isIsomorphicWith(byJena.getDefaultGraph()), "Jena reads " + file);
            assertTrue(union.isIsomorphicWith(byRdf4j.getDefaultGraph()), "RDF4J reads " + file);
        }
        assertEquals(427, byRdf4j.stream().count(), "triples in " + file + " (with 22 evidence assertions, 4 lead-ins and 31 lookup keys)");
    }
}
