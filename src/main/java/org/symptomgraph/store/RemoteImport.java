package org.symptomgraph.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.symptomgraph.importer.ImportReport;
import org.symptomgraph.importer.page.DocumentFormats;

/**
 * {@code import --endpoint URL}: sends documents to a running server's admin route
 * ({@code PUT /$/admin/documents/NAME} on the admin port), which parses and stores each exactly
 * like a local import. HTTP Basic as {@code --user NAME}, the password from the environment
 * ({@value #PASSWORD_VARIABLE}) or a file, never from the command line itself.
 */
public final class RemoteImport {

    public static final String PASSWORD_VARIABLE = "SYMPTOMGRAPH_ADMIN_PASSWORD";
    /** A name the admin route takes: a plain file name (no folders, no dot files) with a document ending. */
    public static final Pattern DOCUMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.(?:txt|html|htm)",
            Pattern.CASE_INSENSITIVE);
    /** The largest document the admin route takes: the importer's own default limit. */
    public static final int MAX_DOCUMENT_BYTES = (int) DocumentFormats.DEFAULT_MAX_BYTES;
    private static final int ATTEMPTS = 3;

    /** The Authorization header to send. */
    public record Credentials(String authorization) {

        @Override
        public String toString() {
            return "Credentials[" + authorization.substring(0, authorization.indexOf(' ')) + " ...]";
        }

        public static Credentials basic(String user, String password) {
            return new Credentials("Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        /**
         * A user, the password from the first line of a file (for scripts), else from {@value #PASSWORD_VARIABLE}.
         *
         * @throws IllegalArgumentException when no user is given, or no password
         */
        public static Credentials from(String user, Path passwordFile, Map<String, String> environment)
                throws IOException {
            if (user == null) {
                throw new IllegalArgumentException("--endpoint needs --user NAME, with the password in "
                        + PASSWORD_VARIABLE + " or --password-file FILE");
            }
            String password = passwordFile != null
                    ? Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("")
                    : environment.get(PASSWORD_VARIABLE);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("--user needs the password in the environment variable "
                        + PASSWORD_VARIABLE + " or in --password-file FILE");
            }
            return basic(user, password);
        }
    }

    /** What the server said about one document. */
    public record Sent(Path file, int status, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        /** The server's message on one line (the file:line message for a bad document). */
        public String message() {
            return body.strip().replaceAll("\\s*\\R\\s*", " ");
        }

        /**
         * What the server stored, from its answer to a document it took.
         *
         * @throws IllegalStateException when the answer is not the admin route's
         */
        public Stored stored() {
            try {
                JsonObject json = JSON.parse(body);
                JsonObject found = json.getObj("found");
                return new Stored(json.getString("graph"),
                        GraphStore.Outcome.valueOf(json.getString("outcome").toUpperCase(Locale.ROOT)),
                        json.getString("summary"),
                        new ImportReport.Found(Set.copyOf(strings(found, "symptoms")),
                                Set.copyOf(strings(found, "causes")), Set.copyOf(strings(found, "drugs")),
                                Set.copyOf(strings(found, "brands"))),
                        List.copyOf(strings(json, "warnings")));
            } catch (RuntimeException e) {
                throw new IllegalStateException(file + ": not an answer of the admin route: " + message(), e);
            }
        }

        private static List<String> strings(JsonObject o, String key) {
            List<String> values = new java.util.ArrayList<>();
            o.getArray(key).forEach(v -> values.add(v.getAsString().value()));
            return values;
        }
    }

    /**
     * One document as the server stored it.
     *
     * @param summary  "Petechiae: 22 causes, 5 categories", as a local import prints it
     * @param warnings what the importer noticed but left out, file:line first
     */
    public record Stored(String graph, GraphStore.Outcome outcome, String summary, ImportReport.Found found,
            List<String> warnings) {
    }

    private final URI documents;
    private final Credentials credentials;
    private final HttpClient client;
    private final Duration timeout;

    public RemoteImport(URI endpoint, Credentials credentials, Duration timeout) {
        this.documents = adminDocuments(endpoint);
        this.credentials = credentials;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The admin route of the admin server at {@code endpoint}: its root (any path is dropped) plus
     * {@code /$/admin/documents/}.
     */
    public static URI adminDocuments(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("--endpoint must be an http(s) URL, not " + endpoint);
        }
        return URI.create(scheme + "://" + endpoint.getRawAuthority() + "/$/admin/documents/");
    }

    /** Plain HTTP to another machine sends the credentials in the clear. */
    public boolean sendsCredentialsInTheClear() {
        if (documents.getScheme().equals("https")) {
            return false;
        }
        try {
            return !InetAddress.getByName(documents.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** Sends one file under its own file name. Retries a busy server (503) or a broken connection a few times. */
    public Sent send(Path file) throws IOException, InterruptedException {
        String name = file.getFileName().toString();
        if (!DOCUMENT_NAME.matcher(name).matches()) {
            return new Sent(file, 400, file + ": the server takes plain file names ending in .txt, .html or .htm");
        }
        long size = Files.size(file);
        if (size > MAX_DOCUMENT_BYTES) {
            // Refused here rather than uploaded: a server that refuses a body while it is still arriving
            // closes the connection, and the client may see a reset instead of the 413.
            return new Sent(file, 413, String.format("%s: too large: %,d bytes (the server takes at most %,d)",
                    name, size, MAX_DOCUMENT_BYTES));
        }
        byte[] bytes = Files.readAllBytes(file);
        HttpRequest request = HttpRequest.newBuilder(documents.resolve(URLEncoder.encode(name, StandardCharsets.UTF_8)))
                .timeout(timeout)
                .header("Authorization", credentials.authorization())
                .header("Content-Type", name.toLowerCase().endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        IOException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 503 || attempt == ATTEMPTS) {
                    return new Sent(file, r.statusCode(), r.body());
                }
            } catch (IOException e) {
                failure = e;
            }
            Thread.sleep(500L * attempt);
        }
        throw failure;
    }
}
