package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/**
 * The dumps as a client gets them: each parses (Jena) to exactly the current view or every stored
 * graph; ranges come back 206 with the right bytes, and only while If-Range still names the dump;
 * VoID links both with their size and date; an import through the admin route makes them again.
 */
class DumpDownloadTest {

    private static final String PASSWORD = "a-long-enough-admin-password-for-dump-tests";

    @TempDir
    static Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwords = dir.resolve("admin.passwords");
        AdminPasswords.set(passwords, "importer", PASSWORD, AdminPasswords.MIN_COST);
        server = TestServer.withDumps(new Dumps(dir.resolve("dumps")), s -> s.withAdmin(AdminSettings.of(0, passwords)));
        server.awaitDumps();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url(Dumps.Kind kind) {
        return server.root() + "/dumps/" + kind.fileName();
    }

    private static HttpResponse<byte[]> get(Dumps.Kind kind, String... headers) {
        HttpRequest.Builder b = Http.request(url(kind)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return Http.sendForBytes(b.build());
    }

    private static InputStream gunzip(byte[] bytes) {
        try {
            return new GZIPInputStream(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Graph currentView() {
        Dataset ds = server.store().dataset();
        return ds.calculateRead(() -> ModelFactory.createDefaultModel().add(ds.getDefaultModel())).getGraph();
    }

    @Test
    void currentDumpIsTheCurrentView() {
        HttpResponse<byte[]> r = get(Dumps.Kind.CURRENT);
        assertEquals(200, r.statusCode());
        assertEquals("application/gzip", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElse(""));
        assertTrue(r.headers().firstValue("ETag").orElse("").startsWith("\""), "a strong ETag");
        Model dumped = ModelFactory.createDefaultModel();
        RDFParser.source(gunzip(r.body())).lang(Lang.TURTLE).parse(dumped);
        assertTrue(dumped.size() > 500, "petechiae's current view, " + dumped.size() + " triples");
        assertTrue(dumped.getGraph().isIsomorphicWith(currentView()), "the dump is exactly the current view");
    }

    @Test
    void versionsDumpHoldsEveryStoredGraphButTheServiceGraphs() {
        HttpResponse<byte[]> r = get(Dumps.Kind.VERSIONS);
        assertEquals(200, r.statusCode());
        DatasetGraph dumped = DatasetFactory.create().asDatasetGraph();
        RDFParser.source(gunzip(r.body())).lang(Lang.NQUADS).parse(dumped);
        assertTrue(dumped.getDefaultGraph().isEmpty(), "quads only: the current view is the other dump");
        Dataset stored = server.store().dataset();
        stored.calculateRead(() -> {
            Set<String> imported = new TreeSet<>();
            stored.asDatasetGraph().listGraphNodes().forEachRemaining(g -> {
                if (stored.asDatasetGraph().getGraph(g).contains(Node.ANY, Vocab.endedAtTime.asNode(), Node.ANY)) {
                    imported.add(g.getURI());
                }
            });
            Set<String> inDump = new TreeSet<>();
            dumped.listGraphNodes().forEachRemaining(g -> inDump.add(g.getURI()));
            assertEquals(imported, inDump, "every graph an import stored");
            assertTrue(imported.stream().anyMatch(g -> g.contains("/graph/petechiae/")), imported.toString());
            assertFalse(inDump.stream().anyMatch(g -> g.endsWith(VoidDescription.GRAPH_SUFFIX)), "no VoID graph");
            for (String g : imported) {
                Node name = org.apache.jena.graph.NodeFactory.createURI(g);
                assertTrue(dumped.getGraph(name).isIsomorphicWith(stored.asDatasetGraph().getGraph(name)), g);
            }
            return null;
        });
    }

    @Test
    void rangesAreServedWhileIfRangeNamesTheDump() {
        HttpResponse<byte[]> whole = get(Dumps.Kind.CURRENT);
        byte[] all = whole.body();
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        String lastModified = whole.headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<byte[]> part = get(Dumps.Kind.CURRENT, "Range", "bytes=100-1099");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 100-1099/" + all.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(all, 100, 1100), part.body());

        HttpResponse<byte[]> tail = get(Dumps.Kind.CURRENT, "Range", "bytes=-10", "If-Range", etag);
        assertEquals(206, tail.statusCode(), "If-Range with the dump's ETag");
        assertArrayEquals(Arrays.copyOfRange(all, all.length - 10, all.length), tail.body());
        assertEquals(206, get(Dumps.Kind.CURRENT, "Range", "bytes=0-9", "If-Range", lastModified).statusCode(),
                "If-Range with its Last-Modified date");

        HttpResponse<byte[]> stale = get(Dumps.Kind.CURRENT, "Range", "bytes=0-9", "If-Range", "\"an-older-dump\"");
        assertEquals(200, stale.statusCode(), "another dump's ETag: the whole of this one");
        assertArrayEquals(all, stale.body());
        assertEquals(200, get(Dumps.Kind.CURRENT, "Range", "bytes=0-9", "If-Range", "W/" + etag).statusCode(),
                "a weak ETag never holds for If-Range");
        assertEquals(304, get(Dumps.Kind.CURRENT, "If-None-Match", etag).statusCode());
        assertEquals(416, get(Dumps.Kind.CURRENT, "Range", "bytes=" + all.length + "-").statusCode());

        HttpResponse<byte[]> head = Http.sendForBytes(Http.request(url(Dumps.Kind.CURRENT))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(Long.toString(all.length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(404, Http.sendForBytes(Http.request(server.root() + "/dumps/" + Dumps.MANIFEST).build())
                .statusCode(), "only the dumps are served from the folder");
    }

    @Test
    void voidLinksEachDumpWithItsSizeAndDate() {
        HttpResponse<String> r = Http.get(server.root() + "/.well-known/void", "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        Model described = ModelFactory.createDefaultModel();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(described);
        Resource dataset = described.createResource(VoidDescription.datasetIri(org.symptomgraph.rdf.Iris.DEFAULT_BASE));
        for (Dumps.Kind kind : Dumps.Kind.values()) {
            Resource dump = described.createResource(url(kind));
            assertTrue(described.contains(dataset, described.createProperty(VoidDescription.VOID, "dataDump"), dump),
                    kind + " linked");
            long size = get(kind).body().length;
            assertEquals(size, dump.getProperty(described.createProperty(DumpDescription.DCAT, "byteSize")).getLong());
            assertTrue(dump.hasProperty(DCTerms.modified), kind + " dated");
        }
        // The VoID graph the endpoint serves says the same.
        String stored = Http.query(server.endpoint(), "PREFIX void: <http://rdfs.org/ns/void#> "
                + "PREFIX dcat: <http://www.w3.org/ns/dcat#> SELECT ?size WHERE { GRAPH ?g { ?d void:dataDump <"
                + url(Dumps.Kind.CURRENT) + "> . <" + url(Dumps.Kind.CURRENT) + "> dcat:byteSize ?size } }",
                "text/csv").body();
        assertEquals(Long.toString(get(Dumps.Kind.CURRENT).body().length), stored.strip().lines().skip(1).findFirst()
                .orElse("").strip(), stored);
    }

    @Test
    void anImportThroughTheAdminRouteMakesThemAgain() {
        HttpResponse<byte[]> before = get(Dumps.Kind.CURRENT);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> put = Http.send(Http.request(server.adminRoot() + "/$/admin/documents/hiccups.txt")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("importer:" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes(Fixtures.testDocument("hiccups.txt"))))
                .build());
        assertEquals(200, put.statusCode(), put.body());
        server.awaitDumps();

        HttpResponse<byte[]> after = get(Dumps.Kind.CURRENT);
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
        Model dumped = ModelFactory.createDefaultModel();
        RDFParser.source(gunzip(after.body())).lang(Lang.TURTLE).parse(dumped);
        assertTrue(dumped.getGraph().isIsomorphicWith(currentView()), "the new dump is the new current view");
        assertTrue(dumped.contains(null, org.apache.jena.vocabulary.RDFS.label, dumped.createLiteral("Hiccups", "en")));
        HttpResponse<byte[]> resumed = get(Dumps.Kind.CURRENT, "Range", "bytes=100-", "If-Range", etag);
        assertEquals(200, resumed.statusCode(), "resuming the old dump gets the new one whole");
        assertArrayEquals(after.body(), resumed.body());
    }
}
