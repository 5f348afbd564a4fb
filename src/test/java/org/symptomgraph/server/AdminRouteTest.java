package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.store.RemoteImport;
import org.symptomgraph.testing.Fixtures;
import org.symptomgraph.testing.Http;

/** The admin route: writes only with credentials, never cross-origin, and what it writes the public endpoint shows. */
class AdminRouteTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TOKEN = "t0ken-for-tests-0123456789abcdef";
    private static final String PETECHIAE_GRAPH = "https://w3id.org/symptomgraph/graph/petechiae/2023-05-26";
    private static final String HICCUPS = "https://w3id.org/symptomgraph/symptom/hiccups";

    @TempDir
    static Path dir;
    private static GraphStore store;
    private static SymptomGraphServer server;
    private static String root;

    @BeforeAll
    static void start() throws Exception {
        Path passwords = dir.resolve("admin.passwords");
        // Fewer iterations than the default, to keep the test quick; the format is the same.
        Files.writeString(passwords, "# admin users\n" + AdminCredentials.hash(USER, PASSWORD, 20_000) + "\n");
        Path token = dir.resolve("admin.token");
        Files.writeString(token, AdminCredentials.tokenFileLine(TOKEN) + "\n");
        store = GraphStore.inMemory();
        store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.EPOCH);
        server = SymptomGraphServer.start(store, EndpointSettings.defaults(Http.freePort()).withLoopbackOnly(true)
                .withAdmin(AdminCredentials.load(passwords, token)));
        // The VoID description is stored after start; tests that count quads must not race it.
        org.junit.jupiter.api.Assertions.assertTrue(server.awaitVoid(java.time.Duration.ofSeconds(30)));
        root = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> put(String name, byte[] body, String authorization, String... headers) {
        HttpRequest.Builder b = Http.request(root + "/$/admin/documents/" + name)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return Http.send(b.build());
    }

    private static boolean publicAsk(String ask) {
        HttpResponse<String> r = Http.query(server.endpointUrl(), ask, "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return r.body().contains("true");
    }

    private static String causesOfPetechiae() {
        return Http.query(server.endpointUrl(), Fixtures.PREFIXES + """
                SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s rdfs:label "Petechiae"@en ; schema:cause ?c }""",
                "text/csv").body().strip().lines().reduce((a, b) -> b).orElseThrow();
    }

    static byte[] petechiaeWithoutLeukemia() {
        String text = new String(Fixtures.bytes(Fixtures.PETECHIAE), StandardCharsets.UTF_8);
        String changed = text.replace("  3. Leukemia\n  4. Scurvy (vitamin C deficiency)\n  5. Thrombocytopenia\n"
                + "  6. Vasculitis", "  3. Scurvy (vitamin C deficiency)\n  4. Thrombocytopenia\n  5. Vasculitis");
        assertFalse(changed.equals(text), "the fixture still lists Leukemia third");
        return changed.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void offUnlessConfigured() {
        try (SymptomGraphServer plain = SymptomGraphServer.start(store,
                EndpointSettings.defaults(Http.freePort()).withLoopbackOnly(true))) {
            String url = "http://localhost:" + plain.port() + "/$/admin/documents/hiccups.txt";
            HttpResponse<String> r = Http.send(Http.request(url).header("Authorization", basic(USER, PASSWORD))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes(Fixtures.testDocument("hiccups.txt"))))
                    .build());
            assertEquals(404, r.statusCode());
            assertEquals(404, Http.get("http://localhost:" + plain.port() + "/$/admin/backup", "*/*").statusCode());
        }
    }

    @Test
    void withoutOrWithWrongCredentialsNothingIsWritten() {
        byte[] hiccups = Fixtures.bytes(Fixtures.testDocument("hiccups.txt"));
        HttpResponse<String> none = put("hiccups.txt", hiccups, null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        for (String wrong : List.of(basic(USER, "wrong password"), basic("mallory", PASSWORD), basic(USER, ""),
                basic("", ""), "Basic !!!not-base64!!!", "Basic " + Base64.getEncoder().encodeToString(
                        "no-colon".getBytes(StandardCharsets.UTF_8)), "Bearer wrong-token-0123456789abcdef",
                "Bearer ", "Digest username=\"alice\"", "bearer" + TOKEN)) {
            int status = put("hiccups.txt", hiccups, wrong).statusCode();
            assertTrue(status == 401 || status == 403, wrong + " gave " + status);
        }
        assertEquals(401, Http.get(root + "/$/admin/backup", "*/*").statusCode());
        assertFalse(publicAsk("ASK { <" + HICCUPS + "> ?p ?o }"), "nothing was written");
    }

    @Test
    void rightCredentialsReplaceTheGraphAndThePublicEndpointSeesIt() {
        assertEquals("22", causesOfPetechiae());
        HttpResponse<String> replaced = put("petechiae.txt", petechiaeWithoutLeukemia(), basic(USER, PASSWORD));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(replaced.body().contains("\"outcome\" : \"replaced\"") || replaced.body().contains("\"replaced\""),
                replaced.body());
        assertTrue(replaced.body().contains(PETECHIAE_GRAPH), replaced.body());
        assertEquals("21", causesOfPetechiae(), "the current view, through the public endpoint");
        assertFalse(publicAsk("ASK { GRAPH <" + PETECHIAE_GRAPH + "> { ?s ?p <https://w3id.org/symptomgraph/cause/leukemia> } }"),
                "the document's graph was replaced whole");

        HttpResponse<String> back = put("petechiae.txt", Fixtures.bytes(Fixtures.PETECHIAE), "Bearer " + TOKEN);
        assertEquals(200, back.statusCode(), back.body());
        assertEquals("22", causesOfPetechiae());
        HttpResponse<String> again = put("petechiae.txt", Fixtures.bytes(Fixtures.PETECHIAE), "Bearer " + TOKEN);
        assertTrue(again.body().contains("unchanged"), again.body());
    }

    @Test
    void aBadDocumentIs400WithFileAndLineAndChangesNothing() {
        String before = causesOfPetechiae();
        HttpResponse<String> binary = put("petechiae.txt", "line one\nline two\nbad \0 byte\n"
                .getBytes(StandardCharsets.UTF_8), "Bearer " + TOKEN);
        assertEquals(400, binary.statusCode());
        assertTrue(binary.body().startsWith("petechiae.txt:3: binary content"), binary.body());
        assertEquals(400, put("empty.txt", new byte[0], "Bearer " + TOKEN).statusCode());
        assertEquals(before, causesOfPetechiae());
    }

    @Test
    void namesAreCheckedAndBodiesBounded() {
        byte[] hiccups = Fixtures.bytes(Fixtures.testDocument("hiccups.txt"));
        for (String name : List.of("hiccups.ttl", ".hiccups.txt", "..%2Fhiccups.txt", "%2E%2E%2Fetc%2Fpasswd.txt",
                "a%00.txt", "dir/hiccups.txt")) {
            int status = put(name, hiccups, "Bearer " + TOKEN).statusCode();
            assertTrue(status >= 400 && status < 500, name + " gave " + status);
        }
        // A declared length over the limit is refused before the body is read: sent as raw bytes, as a client
        // that waits for the answer before uploading would. (Uploading the body as well races the server's close.)
        assertEquals(413, Http.rawStatus(server.port(), "PUT /$/admin/documents/huge.txt HTTP/1.1\r\nAuthorization: Bearer "
                + TOKEN + "\r\nContent-Type: text/plain\r\nContent-Length: " + (RemoteImport.MAX_DOCUMENT_BYTES + 1L) + "\r\n"));
        // A body of no declared length (chunked) is read up to the limit, then refused.
        HttpResponse<String> chunked = Http.send(Http.request(root + "/$/admin/documents/huge.txt")
                .header("Authorization", "Bearer " + TOKEN)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(new byte[RemoteImport.MAX_DOCUMENT_BYTES + 1]))).build());
        assertEquals(413, chunked.statusCode(), chunked.body());
        HttpResponse<String> get = Http.send(Http.request(root + "/$/admin/documents/hiccups.txt")
                .header("Authorization", "Bearer " + TOKEN).GET().build());
        assertEquals(405, get.statusCode());
    }

    @Test
    void noCrossOriginRequestReachesIt() {
        HttpResponse<String> preflight = Http.send(Http.request(root + "/$/admin/documents/hiccups.txt")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").isEmpty());

        byte[] hiccups = Fixtures.bytes(Fixtures.testDocument("hiccups.txt"));
        HttpResponse<String> withOrigin = put("hiccups.txt", hiccups, "Bearer " + TOKEN, "Origin", "https://evil.example");
        assertEquals(403, withOrigin.statusCode());
        assertTrue(withOrigin.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertEquals(403, put("hiccups.txt", hiccups, "Bearer " + TOKEN, "Origin", "null").statusCode());
        assertEquals(403, put("hiccups.txt", hiccups, "Bearer " + TOKEN, "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(403, put("hiccups.txt", hiccups, "Bearer " + TOKEN, "Sec-Fetch-Site", "same-site").statusCode());
        assertFalse(publicAsk("ASK { <" + HICCUPS + "> ?p ?o }"));

        // The public routes keep their CORS preflight.
        HttpResponse<String> open = Http.send(Http.request(server.endpointUrl())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, open.statusCode());
        assertEquals("https://example.org", open.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    }

    @Test
    void backupOverTheAdminRoute() throws IOException {
        HttpResponse<byte[]> r;
        try {
            r = java.net.http.HttpClient.newHttpClient().send(Http.request(root + "/$/admin/backup")
                    .header("Authorization", basic(USER, PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(200, r.statusCode());
        Dataset ds = DatasetFactory.create();
        RDFParser.source(new GZIPInputStream(new ByteArrayInputStream(r.body()))).lang(Lang.NQUADS).parse(ds);
        assertTrue(ds.containsNamedModel(PETECHIAE_GRAPH));
        assertFalse(ds.getDefaultModel().isEmpty(), "the current view is in the backup too");
    }

    @Test
    void remoteImportSendsAFolderWithCredentialsFromTheEnvironment() throws Exception {
        assertEquals(URI.create("http://localhost:3030/$/admin/documents/"),
                RemoteImport.adminDocuments(URI.create("http://localhost:3030/symptomgraph/sparql")));
        assertThrows(IllegalArgumentException.class, () -> RemoteImport.Credentials.from(null, null, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> RemoteImport.Credentials.from(USER, null, Map.of()));

        RemoteImport.Credentials creds = RemoteImport.Credentials.from(USER, null,
                Map.of(RemoteImport.PASSWORD_VARIABLE, PASSWORD));
        RemoteImport remote = new RemoteImport(URI.create(server.endpointUrl()), creds, Duration.ofSeconds(30));
        assertFalse(remote.sendsCredentialsInTheClear(), "loopback");
        Path folder = dir.resolve("remote");
        Files.createDirectories(folder);
        for (String name : List.of("headache.txt", "nosebleeds.txt", "fatigue.html")) {
            Files.copy(Fixtures.testDocument(name), folder.resolve(name));
        }
        Path bad = folder.resolve("broken.txt");
        Files.writeString(bad, "line one\nline two\nbad \0 byte\n");
        for (Path file : List.of(folder.resolve("headache.txt"), folder.resolve("nosebleeds.txt"),
                folder.resolve("fatigue.html"))) {
            RemoteImport.Sent sent = remote.send(file);
            assertTrue(sent.ok(), sent.status() + " " + sent.body());
        }
        RemoteImport.Sent broken = remote.send(bad);
        assertEquals(400, broken.status());
        assertTrue(broken.message().startsWith("broken.txt:3: binary content"), broken.message());
        Path huge = dir.resolve("huge.txt");
        Files.write(huge, new byte[RemoteImport.MAX_DOCUMENT_BYTES + 1]);
        RemoteImport.Sent tooLarge = remote.send(huge);
        assertEquals(413, tooLarge.status(), "refused before the upload");
        assertTrue(tooLarge.message().startsWith("huge.txt: too large"), tooLarge.message());
        assertTrue(publicAsk("ASK { ?s a <https://schema.org/MedicalSignOrSymptom> ; "
                + "<http://www.w3.org/2000/01/rdf-schema#label> \"Headache\"@en }"));

        Path tokenFile = dir.resolve("client.token");
        Files.writeString(tokenFile, TOKEN + "\n");
        RemoteImport withToken = new RemoteImport(URI.create(root), RemoteImport.Credentials.from(null, tokenFile,
                Map.of()), Duration.ofSeconds(30));
        assertTrue(withToken.send(folder.resolve("headache.txt")).body().contains("unchanged"));
        RemoteImport wrong = new RemoteImport(URI.create(root), RemoteImport.Credentials.bearer("nope-nope-nope-nope"),
                Duration.ofSeconds(30));
        assertEquals(401, wrong.send(folder.resolve("headache.txt")).status());
    }

    @Test
    void credentialFilesHoldNoPlainPasswords() throws IOException {
        Path plain = dir.resolve("plain.passwords");
        Files.writeString(plain, "alice:secret\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AdminCredentials.load(plain, null));
        assertTrue(e.getMessage().startsWith(plain + ":1: "), e.getMessage());
        Path weak = dir.resolve("weak.passwords");
        Files.writeString(weak, AdminCredentials.hash("bob", "whatever", 1000) + "\n");
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.load(weak, null));
        Path shortToken = dir.resolve("short.token");
        Files.writeString(shortToken, "abc\n");
        assertThrows(IllegalArgumentException.class, () -> AdminCredentials.load(null, shortToken));
        String line = AdminCredentials.hash("carol", "a long enough password");
        assertFalse(line.contains("a long enough password"));
        assertTrue(line.startsWith("carol:pbkdf2-sha256:600000:"));
    }
}
