package org.symptomgraph.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain java.net.http client for loopback tests, with bounded timeouts. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Http() {
    }

    public static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    }

    public static HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The response with its body as bytes (a download, say). */
    public static HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public static HttpResponse<String> get(String url, String accept) {
        return send(request(url).header("Accept", accept).GET().build());
    }

    /** GET {@code endpoint?query=...}. */
    public static HttpResponse<String> query(String endpoint, String query, String accept) {
        return get(endpoint + "?query=" + encode(query), accept);
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The status of a request sent as raw bytes to a loopback port: for request targets java.net.URI refuses
     * to build, or headers java.net.http will not send (a Content-Length without its body).
     *
     * @param head the request line and headers, each ending in CRLF, without the blank line that ends them
     */
    public static int rawStatus(int port, String head) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write((head + "Host: localhost:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return Integer.parseInt(readHead(s.getInputStream()).substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response read from a raw socket: its status, its status line and headers, and the rest (the body as sent). */
    public record Raw(int status, String head, String body) {
    }

    /**
     * One request sent as raw bytes from a chosen loopback address (127.0.0.0/8: one client per
     * address, as the server's per-client limits see them), with {@code Connection: close}; the
     * response read to the end.
     *
     * @param from a loopback address to send from, such as "127.0.0.3"
     * @param head the request line and headers, each ending in CRLF, without Host, Connection and the blank line
     */
    public static Raw raw(String from, int port, String head, byte[] body, Duration timeout) {
        try (Socket s = new Socket()) {
            s.bind(new java.net.InetSocketAddress(InetAddress.getByName(from), 0));
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            s.setSoTimeout((int) timeout.toMillis());
            s.getOutputStream().write((head + "Host: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            String responseHead = readHead(in);
            String rest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = responseHead.length() >= 12 ? Integer.parseInt(responseHead.substring(9, 12)) : -1;
            return new Raw(status, responseHead, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line and headers of one response read from a raw socket. */
    public static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /**
     * Reads a response body of a Content-Length, or chunked, to its end; a connection closed before
     * that end (an answer cut short) is an {@link java.io.EOFException}.
     */
    public static String readBody(InputStream in, String head) throws IOException {
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return new String(readExactly(in, Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        while (true) { // chunked: size line, data, CRLF; a zero size, then a blank line, ends it
            String size = readLine(in).trim();
            int n = Integer.parseInt(size.split(";")[0], 16);
            if (n == 0) {
                readLine(in);
                return body.toString(StandardCharsets.UTF_8);
            }
            body.writeBytes(readExactly(in, n));
            readLine(in);
        }
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new java.io.EOFException("closed after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new java.io.EOFException("closed within a line: " + line);
            }
            line.append((char) b);
        }
        return line.toString();
    }
}
