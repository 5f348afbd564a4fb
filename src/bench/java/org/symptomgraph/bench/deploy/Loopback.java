package org.symptomgraph.bench.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to the processes of the deployment, on loopback, with bounded timeouts. */
final class Loopback {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Loopback() {
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(String url, String accept) {
        return send(request(url).header("Accept", accept).GET().build());
    }

    /** The status of a GET, 0 while nothing listens. */
    static int status(String url) {
        try {
            return get(url, "*/*").statusCode();
        } catch (UncheckedIOException notYet) {
            return 0;
        }
    }
}
