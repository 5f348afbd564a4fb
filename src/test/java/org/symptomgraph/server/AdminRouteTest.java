package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * The admin route: on its own port (its own origin) of the loopback interface, never on the public
 * one; Jetty's HTTP Basic over a password file of bcrypt hashes; no cross-origin request; an
 * address that keeps failing locked out; and what it writes the public endpoint shows.
 *
 * <p>Tests that fail to log in send from an address of their own (127.0.0.x): the lockout counts
 * per address, and the other tests log in from 127.0.0.1.
 */
class AdminRouteTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String PETECHIAE_GRAPH = "https://w3id.org/symptomgraph/graph/petechiae/2023-05-26";
    private static final String HICCUPS = "https://w3id.org/symptomgraph/symptom/hiccups";
    private static final Duration LOCKOUT = Duration.ofSeconds(2);

    @TempDir
    static Path dir;
    private static Path passwords;
    private static GraphStore store;
    private static SymptomGraphServer server;
    private static String root;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        passwords = dir.resolve("admin.passwords");
        // The lowest cost the server takes, to keep the test quick; the format is the same.
        AdminPasswords.set(passwords, USER, PASSWORD, AdminPasswords.MIN_COST);
        store = GraphStore.inMemory();
        store.replace(Fixtures.graph(Fixtures.PETECHIAE), Instant.EPOCH);
        server = SymptomGraphServer.start(store, EndpointSettings.defaults(0).withLoopbackOnly(true)
                .withAdmin(AdminSettings.of(0, passwords).withLockout(LOCKOUT)));
        assertTrue(server.awaitVoid(Duration.ofSeconds(30)));
        root = "http://localhost:" + server.port();
        admin = "http://127.0.0.1:" + server.adminPort();
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> put(String base, String name, byte[] body, String authorization,
            String... headers) {
        HttpRequest.Builder b = Http.request(base + "/$/admin/documents/" + name)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return Http.send(b.build());
    }

    /** A PUT of hiccups.txt sent from another loopback address. */
    private static Http.Raw putFrom(String from, String authorization) {
        return putFrom(from, authorization, "hiccups.txt", Fixtures.bytes(Fixtures.testDocument("hiccups.txt")));
    }

    private static Http.Raw putFrom(String from, String authorization, String name, byte[] body) {
        return Http.raw(from, server.adminPort(), "PUT /$/admin/documents/" + name + " HTTP/1.1\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Type: text/plain\r\nContent-Length: " + body.length + "\r\n", body, Duration.ofSeconds(30));
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
                EndpointSettings.defaults(0).withLoopbackOnly(true))) {
            assertEquals(-1, plain.adminPort());
            String url = "http://localhost:" + plain.port();
            assertEquals(404, put(url, "hiccups.txt", Fixtures.bytes(Fixtures.testDocument("hiccups.txt")),
                    basic(USER, PASSWORD)).statusCode());
            assertEquals(404, Http.get(url + "/$/admin/backup", "*/*").statusCode());
        }
    }

    /** The public port has no admin route in any spelling, so no page of the public site can reach one. */
    @Test
    void thePublicPortHasNoAdminRoute() {
        byte[] hiccups = Fixtures.bytes(Fixtures.testDocument("hiccups.txt"));
        for (String path : List.of("/$/admin/documents/hiccups.txt", "/%24/admin/documents/hiccups.txt",
                "/./$/admin/documents/hiccups.txt", "/$;a=b/admin/documents/hiccups.txt",
                "/x/../$/admin/documents/hiccups.txt")) {
            Http.Raw r = Http.raw("127.0.0.1", server.port(), "PUT " + path + " HTTP/1.1\r\nAuthorization: "
                    + basic(USER, PASSWORD) + "\r\nContent-Type: text/plain\r\nContent-Length: " + hiccups.length
                    + "\r\n", hiccups, Duration.ofSeconds(30));
            assertTrue(r.status() >= 400 && r.status() < 500, path + " gave " + r.head());
            Http.Raw backup = Http.raw("127.0.0.1", server.port(), "GET " + path.replace("documents/hiccups.txt",
                    "backup") + " HTTP/1.1\r\nAuthorization: " + basic(USER, PASSWORD) + "\r\n", new byte[0],
                    Duration.ofSeconds(30));
            assertTrue(backup.status() >= 400 && backup.status() < 500, path + " (backup) gave " + backup.head());
        }
        assertFalse(publicAsk("ASK { <" + HICCUPS + "> ?p ?o }"), "nothing was written");
    }

    @Test
    void withoutOrWithWrongCredentialsNothingIsWritten() {
        byte[] hiccups = Fixtures.bytes(Fixtures.testDocument("hiccups.txt"));
        HttpResponse<String> none = put(admin, "hiccups.txt", hiccups, null);
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic"));
        List<String> wrong = List.of(basic(USER, "wrong password"), basic("mallory", PASSWORD), basic(USER, ""),
                basic("", ""), "Basic !!!not-base64!!!", "Basic " + Base64.getEncoder().encodeToString(
                        "no-colon".getBytes(StandardCharsets.UTF_8)), "Bearer some-token-0123456789abcdef",
                "Bearer ", "Digest username=\"alice\"", basic(USER, PASSWORD.toUpperCase()));
        for (int i = 0; i < wrong.size(); i++) {
            // Each from an address of its own, so that none is locked out.
            Http.Raw r = putFrom("127.0.0." + (20 + i), wrong.get(i));
            assertEquals(401, r.status(), wrong.get(i) + " gave " + r.head());
        }
        assertEquals(401, Http.get(admin + "/$/admin/backup", "*/*").statusCode());
        assertFalse(publicAsk("ASK { <" + HICCUPS + "> ?p ?o }"), "nothing was written");
    }

    @Test
    void rightCredentialsReplaceTheGraphAndThePublicEndpointSeesIt() {
        assertEquals("22", causesOfPetechiae());
        HttpResponse<String> replaced = put(admin, "petechiae.txt", petechiaeWithoutLeukemia(), basic(USER, PASSWORD));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertTrue(replaced.body().contains("\"replaced\""), replaced.body());
        assertTrue(replaced.body().contains(PETECHIAE_GRAPH), replaced.body());
        assertEquals("21", causesOfPetechiae(), "the current view, through the public endpoint");
        assertFalse(publicAsk("ASK { GRAPH <" + PETECHIAE_GRAPH + "> { ?s ?p <https://w3id.org/symptomgraph/cause/leukemia> } }"),
                "the document's graph was replaced whole");

        HttpResponse<String> back = put(admin, "petechiae.txt", Fixtures.bytes(Fixtures.PETECHIAE), basic(USER, PASSWORD));
        assertEquals(200, back.statusCode(), back.body());
        assertEquals("22", causesOfPetechiae());
        HttpResponse<String> again = put(admin, "petechiae.txt", Fixtures.bytes(Fixtures.PETECHIAE), basic(USER, PASSWORD));
        assertTrue(again.body().contains("unchanged"), again.body());
    }

    /** label-search on the public port sees each import at once, a name it adds and a name it drops. */
    @Test
    void labelSearchFollowsEachImport() {
        assertEquals(List.of(), labelSearch("quux"));
        assertEquals(200, put(admin, "wheezing.txt", wheezing("Quuxitis", "January 5, 2022"), basic(USER, PASSWORD))
                .statusCode());
        assertEquals(List.of("Quuxitis"), labelSearch("quux"));
        assertEquals(200, put(admin, "wheezing.txt", wheezing("Zorbosis", "March 9, 2024"), basic(USER, PASSWORD))
                .statusCode());
        assertEquals(List.of(), labelSearch("quux"), "the newer version drops Quuxitis");
        assertEquals(List.of("Zorbosis"), labelSearch("zorb"));
    }

    private static byte[] wheezing(String cause, String date) {
        return ("Wheezing may be caused by:\n\n1. Asthma\n2. " + cause + "\n\n" + date + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The labels label-search finds, through the public canned-query route. */
    private static List<String> labelSearch(String text) {
        HttpResponse<String> r = Http.get(root + "/symptomgraph/queries/label-search?text=" + Http.encode(text),
                "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        List<String> header = List.of(r.body().lines().findFirst().orElseThrow().split(","));
        int label = header.indexOf("label");
        return r.body().lines().skip(1).map(row -> row.split(",")[label]).toList();
    }

    @Test
    void aBadDocumentIs400WithFileAndLineAndChangesNothing() {
        String before = causesOfPetechiae();
        HttpResponse<String> binary = put(admin, "petechiae.txt", "line one\nline two\nbad \0 byte\n"
                .getBytes(StandardCharsets.UTF_8), basic(USER, PASSWORD));
        assertEquals(400, binary.statusCode());
        assertTrue(binary.body().startsWith("petechiae.txt:3: binary content"), binary.body());
        assertEquals(400, put(admin, "empty.txt", new byte[0], basic(USER, PASSWORD)).statusCode());
        assertEquals(before, causesOfPetechiae());
    }

    @Test
    void namesAreCheckedAndBodiesBounded() {
        byte[] hiccups = Fixtures.bytes(Fixtures.testDocument("hiccups.txt"));
        for (String name : List.of("hiccups.ttl", ".hiccups.txt", "..%2Fhiccups.txt", "%2E%2E%2Fetc%2Fpasswd.txt",
                "a%00.txt", "dir/hiccups.txt")) {
            int status = put(admin, name, hiccups, basic(USER, PASSWORD)).statusCode();
            assertTrue(status >= 400 && status < 500, name + " gave " + status);
        }
        // A declared length over the limit is refused before the body is read.
        assertEquals(413, Http.rawStatus(server.adminPort(), "PUT /$/admin/documents/huge.txt HTTP/1.1\r\nAuthorization: "
                + basic(USER, PASSWORD) + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + (RemoteImport.MAX_DOCUMENT_BYTES + 1L) + "\r\n"));
        // A body of no declared length (chunked) is read up to the limit, then refused; the client, if still
        // sending when the server closes, may see a reset instead of the 413.
        try {
            HttpResponse<String> chunked = Http.send(Http.request(admin + "/$/admin/documents/huge.txt")
                    .header("Authorization", basic(USER, PASSWORD))
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(new byte[RemoteImport.MAX_DOCUMENT_BYTES + 1]))).build());
            assertEquals(413, chunked.statusCode(), chunked.body());
        } catch (UncheckedIOException reset) {
            // refused while still sending
        }
        HttpResponse<String> get = Http.send(Http.request(admin + "/$/admin/documents/hiccups.txt")
                .header("Authorization", basic(USER, PASSWORD)).GET().build());
        assertEquals(405, get.statusCode());
    }

    @Test
    void noCrossOriginRequestReachesIt() {
        HttpResponse<String> preflight = Http.send(Http.request(admin + "/$/admin/documents/hiccups.txt")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertTrue(preflight.statusCode() == 401 || preflight.statusCode() == 403, "preflight: " + preflight.statusCode());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").isEmpty());

        byte[] hiccups = Fixtures.bytes(Fixtures.testDocument("hiccups.txt"));
        // The public site is another origin now: a page of it is refused like any other.
        for (String origin : List.of("https://evil.example", "null", root, "http://localhost:" + server.port())) {
            HttpResponse<String> r = put(admin, "hiccups.txt", hiccups, basic(USER, PASSWORD), "Origin", origin);
            assertEquals(403, r.statusCode(), origin);
            assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        }
        assertEquals(403, put(admin, "hiccups.txt", hiccups, basic(USER, PASSWORD), "Sec-Fetch-Site", "cross-site").statusCode());
        assertEquals(403, put(admin, "hiccups.txt", hiccups, basic(USER, PASSWORD), "Sec-Fetch-Site", "same-site").statusCode());
        for (String path : List.of("/%24/admin/documents/hiccups.txt", "/./$/admin/documents/hiccups.txt",
                "/$;a=b/admin/documents/hiccups.txt")) {
            Http.Raw r = Http.raw("127.0.0.1", server.adminPort(), "OPTIONS " + path + " HTTP/1.1\r\nOrigin: "
                    + "https://evil.example\r\nAccess-Control-Request-Method: PUT\r\n", new byte[0], Duration.ofSeconds(30));
            assertTrue(r.status() >= 400, path + ": " + r.head());
            assertFalse(r.head().toLowerCase().contains("access-control-allow"), path + ": " + r.head());
        }
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

    /** Brute force: after five refusals an address gets 429 without its password being checked, the right one too. */
    @Test
    void anAddressThatKeepsFailingIsLockedOut() throws InterruptedException {
        String guesser = "127.0.0.9";
        byte[] same = Fixtures.bytes(Fixtures.PETECHIAE);
        for (int i = 0; i < AdminLockout.FAILURES; i++) {
            assertEquals(401, putFrom(guesser, basic(USER, "guess " + i)).status());
        }
        Thread.sleep(300); // a failure counts as its exchange completes, just after the answer
        Http.Raw locked = putFrom(guesser, basic(USER, PASSWORD), "petechiae.txt", same);
        assertEquals(429, locked.status(), locked.head());
        assertTrue(locked.head().contains("Retry-After: "), locked.head());
        assertEquals(200, putFrom("127.0.0.10", basic(USER, PASSWORD), "petechiae.txt", same).status(),
                "other addresses are not locked out");
        Thread.sleep(LOCKOUT.toMillis() + 500);
        assertEquals(200, putFrom(guesser, basic(USER, PASSWORD), "petechiae.txt", same).status(), "the lockout ends");
        // A success clears the count: four more failures do not lock the address again.
        for (int i = 0; i < AdminLockout.FAILURES - 1; i++) {
            assertEquals(401, putFrom(guesser, basic(USER, "guess " + i)).status());
        }
        assertEquals(200, putFrom(guesser, basic(USER, PASSWORD), "petechiae.txt", same).status());
    }

    @Test
    void backupOverTheAdminRoute() throws IOException {
        HttpResponse<byte[]> r;
        try {
            r = java.net.http.HttpClient.newHttpClient().send(Http.request(admin + "/$/admin/backup")
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
        assertEquals(URI.create("http://127.0.0.1:3031/$/admin/documents/"),
                RemoteImport.adminDocuments(URI.create("http://127.0.0.1:3031/")));
        assertThrows(IllegalArgumentException.class, () -> RemoteImport.Credentials.from(null, null, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> RemoteImport.Credentials.from(USER, null, Map.of()));

        RemoteImport.Credentials creds = RemoteImport.Credentials.from(USER, null,
                Map.of(RemoteImport.PASSWORD_VARIABLE, PASSWORD));
        RemoteImport remote = new RemoteImport(URI.create(admin), creds, Duration.ofSeconds(30));
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
    }

    @Test
    void passwordFilesHoldBcryptHashesOnly() throws IOException {
        String line = AdminPasswords.line("carol", "a long enough password", AdminPasswords.MIN_COST);
        assertFalse(line.contains("a long enough password"));
        assertTrue(line.startsWith("carol: BCRYPT:$2a$10$"), line);
        for (String bad : List.of("alice: secret", "alice: OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v",
                "alice: MD5:5ebe2294ecd0e0f08eab7690d2a6ee69", "alice: CRYPT:adpexzg3FUZAk",
                "alice: BCRYPT:not-a-hash", line.replace("$10$", "$04$"), "no colon here")) {
            Path file = Files.writeString(dir.resolve("bad.passwords"), "# users\n" + bad + "\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdminPasswords.check(file), bad);
            assertTrue(e.getMessage().startsWith(file + ":2: "), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> AdminPasswords.line("bob", "short", AdminPasswords.MIN_COST));
        assertThrows(IllegalArgumentException.class, () -> AdminPasswords.line("bob:x", "long enough password", 10));
        assertThrows(IllegalArgumentException.class, () -> AdminPasswords.line("bob", "x".repeat(73), 10));
        // A second password for a user replaces the first line; the other users stay.
        Path file = dir.resolve("two.passwords");
        AdminPasswords.set(file, "carol", "first password here", AdminPasswords.MIN_COST);
        AdminPasswords.set(file, "dave", "dave's password here", AdminPasswords.MIN_COST);
        AdminPasswords.set(file, "carol", "second password here", AdminPasswords.MIN_COST);
        AdminPasswords.check(file);
        assertEquals(2, Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).count());
        assertTrue(new AdminPasswords.Provider().getCredential(Files.readAllLines(file).stream()
                .filter(l -> l.startsWith("carol: ")).findFirst().orElseThrow().substring("carol: ".length()))
                .check("second password here"));
    }
}
