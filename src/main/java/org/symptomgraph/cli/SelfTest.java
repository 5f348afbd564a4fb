package org.symptomgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.symptomgraph.server.EndpointSettings;

/** {@code serve --self-test}: the server asks itself, over loopback, what a client would. */
final class SelfTest {

    private record Check(String path, String accept) {
    }

    private static final String SPARQL = "/" + EndpointSettings.DATASET + "/sparql?query=";
    private static final List<Check> CHECKS = List.of(
            new Check(SPARQL + encode("ASK { ?s ?p ?o }"), "application/sparql-results+json"),
            new Check(SPARQL + encode("SELECT * WHERE { ?s ?p ?o } LIMIT 10"), "application/sparql-results+json"),
            new Check(SPARQL + encode("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 10"), "text/turtle"),
            new Check("/" + EndpointSettings.DATASET + "/queries/causes-of-symptom", "text/csv"),
            new Check("/", "text/html"),
            new Check("/ontology", "text/turtle"));

    private SelfTest() {
    }

    /** Whether every check answered 200; prints one line each. */
    static boolean run(int port, PrintWriter out) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        boolean ok = true;
        for (Check check : CHECKS) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + check.path()))
                    .header("Accept", check.accept()).timeout(Duration.ofSeconds(60)).GET().build();
            int status;
            try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            out.printf("self-test: %d %s (%s)%n", status, check.path(), check.accept());
            ok &= status == 200;
        }
        out.println(ok ? "self-test passed" : "self-test FAILED");
        out.flush();
        return ok;
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
