package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.testing.Http;
import org.symptomgraph.testing.TestServer;

/**
 * Issue 16's slow clients, one at a time: bodies that arrive a byte at a time (to the endpoint and
 * to the admin route, logged in or not), and one address's cross-product queries. Each used to
 * take Fuseki's 20 threads; now the health check and another client's query answer at once.
 * Loopback addresses stand for clients: 127.0.0.1 is the client that must be served.
 */
class ClientLimitsTest {

    private static final int ATTACKERS = 40;
    @TempDir
    static java.nio.file.Path dir;
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        java.nio.file.Path passwords = dir.resolve("admin.passwords");
        AdminPasswords.set(passwords, "alice", "correct horse battery staple", AdminPasswords.MIN_COST);
        server = TestServer.petechiae(s -> s.withQueryTimeout(Duration.ofSeconds(10))
                .withAdmin(AdminSettings.of(0, passwords)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Opens a connection from {@code from}, sends the head of a request whose body never comes but for one byte. */
    private static Socket slowBody(String from, int port, String requestLine, String extraHeaders) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        OutputStream out = s.getOutputStream();
        out.write((requestLine + "\r\nHost: localhost:" + port + "\r\n" + extraHeaders
                + "Content-Type: application/sparql-query\r\nContent-Length: 100000\r\n\r\nS")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return s;
    }

    private static long millis(Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void servedAtOnce() {
        long ping = millis(() -> assertEquals(200, Http.get(server.root() + "/$/ping", "*/*").statusCode()));
        long query = millis(() -> assertEquals(200, Http.query(server.endpoint(), "ASK { ?s ?p ?o }",
                "application/sparql-results+json").statusCode()));
        // Generous bounds: the attack made them wait as long as it lasted (30 s and more).
        assertTrue(ping < 2_000, "ping took " + ping + " ms");
        assertTrue(query < 5_000, "a query took " + query + " ms");
    }

    @Test
    void slowBodiesTakeNoThread() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < ATTACKERS; i++) {
                // From several addresses, and to every route that takes a body.
                String from = "127.0.0." + (30 + i % 6);
                sockets.add(slowBody(from, server.server().port(), "POST /symptomgraph/sparql HTTP/1.1", ""));
                sockets.add(slowBody(from, server.server().adminPort(), "PUT /$/admin/documents/x.txt HTTP/1.1", ""));
                sockets.add(slowBody(from, server.server().adminPort(), "PUT /$/admin/documents/x.txt HTTP/1.1",
                        "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                                "alice:correct horse battery staple".getBytes(StandardCharsets.UTF_8)) + "\r\n"));
            }
            Thread.sleep(1_000);
            servedAtOnce();
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void oneAddressesHeavyQueriesLeaveTheOthersServed() throws Exception {
        String crossProduct = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        ExecutorService pool = Executors.newFixedThreadPool(18);
        try {
            List<Future<Http.Raw>> heavy = new ArrayList<>();
            for (int i = 0; i < 18; i++) {
                heavy.add(pool.submit(() -> Http.raw("127.0.0.40", server.server().port(), "GET /symptomgraph/sparql?query="
                        + Http.encode(crossProduct) + " HTTP/1.1\r\nAccept: text/csv\r\n", new byte[0],
                        Duration.ofSeconds(60))));
            }
            Thread.sleep(1_000);
            for (int i = 0; i < 3; i++) {
                servedAtOnce();
            }
            // A load balancer checks health from the address it sends its clients' queries from.
            for (String health : List.of(ClientLimits.PING, ReadyServlet.PATH)) {
                long took = millis(() -> assertEquals(200, Http.raw("127.0.0.40", server.server().port(),
                        "GET " + health + " HTTP/1.1\r\n", new byte[0], Duration.ofSeconds(60)).status()));
                assertTrue(took < 2_000, health + " took " + took + " ms");
            }
            for (Future<Http.Raw> f : heavy) {
                int status = f.get(90, TimeUnit.SECONDS).status();
                assertTrue(status == 200 || status == 503, "a cross product gave " + status);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
