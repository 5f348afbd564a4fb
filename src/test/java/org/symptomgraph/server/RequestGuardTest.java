package org.symptomgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.symptomgraph.testing.Http;

/**
 * A refusal that took its time is sent whole: the body it leaves (read or not) is not read again
 * when that could fail Jetty's minimum request data rate, which aborts an answer already sent; and
 * one that leaves a body unread says that the connection closes, so that no client reuses it.
 */
class RequestGuardTest {

    private static final String ANSWER = "refused: " + "x".repeat(200);
    private static FusekiServer server;

    /** Refuses a request slowly, as a password check under load or a rejected import does. */
    private static final class SlowRefusal extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getParameter("read") != null) {
                request.getInputStream().readAllBytes();
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain");
            response.getWriter().write(ANSWER);
            RequestGuard.afterRefusal(request, response);
        }
    }

    @BeforeAll
    static void start() {
        server = FusekiServer.create().port(0).loopback(true).addServlet("/refuse", new SlowRefusal()).build();
        ClientLimits.minimumDataRates(server.getJettyServer());
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/refuse?read=1", "/refuse"})
    void aSlowRefusalOfASmallBodyIsSentWhole(String path) throws IOException {
        byte[] body = "line one\nline two\nbad \0 byte\n".getBytes(StandardCharsets.UTF_8);
        // Kept alive, so that the answer ends where its length or last chunk says, not at a close.
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getHttpPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String head = Http.readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 400"), head);
            assertEquals(ANSWER, Http.readBody(in, head), "the whole answer");
        }
    }

    @org.junit.jupiter.api.Test
    void aRefusalThatLeavesALargeBodySaysItClosesTheConnection() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getHttpPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT /refuse HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: "
                    + 3 * 1024 * 1024 + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[4096]);
            out.flush();
            InputStream in = s.getInputStream();
            String head = Http.readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 400"), head);
            assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("connection: close"),
                    "no client may pool it: " + head);
            assertEquals(ANSWER, Http.readBody(in, head));
        }
    }
}
