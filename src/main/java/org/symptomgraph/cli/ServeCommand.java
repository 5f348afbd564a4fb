package org.symptomgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.symptomgraph.dumps.Dumps;
import org.symptomgraph.importer.ImportReport;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.importer.page.DocumentFormats;
import org.symptomgraph.server.AdminPasswords;
import org.symptomgraph.server.AdminSettings;
import org.symptomgraph.server.ClientLimits;
import org.symptomgraph.server.EndpointSettings;
import org.symptomgraph.server.SymptomGraphServer;
import org.symptomgraph.store.BulkLoad;
import org.symptomgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve the database as a public, read-only SPARQL endpoint (Apache Jena Fuseki).",
            "An empty database is first filled from --data, as `import` would (documents and link tables).",
            "Endpoints: /symptomgraph/sparql (SPARQL 1.1 query, GET and POST; a GET without a query returns the "
                    + "service description), /symptomgraph/get (Graph Store Protocol, read), /$/ping (health), "
                    + "/$/ready (readiness, and the version of the data served)."},
        footer = {"", "Examples:",
            "  symptomgraph serve",
            "  symptomgraph serve --port 8080 --timeout 10 --result-limit 5000",
            "  symptomgraph serve --allow-service https://query.wikidata.org/sparql"})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Mixin
    BaseOption base;

    @Option(names = "--port", paramLabel = "N", defaultValue = "3030", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--localhost", description = "Listen on the loopback interface only.")
    boolean localhost;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "Documents and link tables that fill an empty database (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Cancel a query that runs longer (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--result-limit", paramLabel = "N", defaultValue = "10000",
            description = "Most rows or triples one query returns (default: ${DEFAULT-VALUE}).")
    long resultLimit;

    @Option(names = "--allow-service", paramLabel = "URL",
            description = "Let SPARQL SERVICE call this endpoint (repeatable). Without it SERVICE is off: an open "
                    + "endpoint that fetches any URL is a request-forgery risk.")
    List<String> allowedServices = new ArrayList<>();

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The endpoint's URL as clients see it, for the service description "
                    + "(default: http://localhost:PORT/symptomgraph/sparql).")
    String publicUrl;

    @Option(names = "--response-limit", paramLabel = "BYTES", defaultValue = "67108864",
            description = "Most bytes one answer of /symptomgraph/... may have; a longer one is cut off "
                    + "(default: ${DEFAULT-VALUE}, 64 MiB).")
    long responseLimit;

    @Option(names = "--client-address-header", paramLabel = "NAME",
            description = "Behind a reverse proxy: the header it puts the client's address in (X-Forwarded-For or "
                    + "Forwarded), so that the limit on requests at once applies per client, not to the "
                    + "proxy. Only with a proxy that sets it: a client could otherwise choose its address.")
    String clientAddressHeader;

    @Option(names = "--admin-password-file", paramLabel = "FILE",
            description = "Turn on the admin route (PUT /$/admin/documents/NAME, GET /$/admin/backup) on its own port "
                    + "of the loopback interface, for the users of FILE (Jetty's password file, bcrypt hashes: "
                    + "'symptomgraph admin passwd USER --file FILE'). Without it the route does not exist.")
    Path adminPasswordFile;

    @Option(names = "--admin-port", paramLabel = "N", defaultValue = "" + AdminSettings.DEFAULT_PORT,
            description = "The admin route's port, on 127.0.0.1 only (default: ${DEFAULT-VALUE}); reach it from "
                    + "elsewhere through TLS (a reverse proxy) or an SSH tunnel.")
    int adminPort;

    @Option(names = "--cache-max-age", paramLabel = "SECONDS", defaultValue = "0",
            description = "How long a cache (a browser, Varnish) may reuse an answer of the data without asking "
                    + "again (Cache-Control: public, max-age=SECONDS). With 0, the default, it asks every time and "
                    + "gets 304 Not Modified until the next import; with more, an answer may be up to SECONDS old "
                    + "after an import.")
    long cacheMaxAgeSeconds;

    @Option(names = "--dumps", paramLabel = "DIR",
            description = "Folder of the dumps (the current view as gzip Turtle, every version as gzip N-Quads), "
                    + "served at /dumps/ and made again after each import (default: beside the database, DB-dumps).")
    Path dumpDirectory;

    @Option(names = "--self-test",
            description = "Start, ask this server over loopback for a SPARQL answer, a canned query, a page and "
                    + "the ontology, print each status, and stop: exit status 0 when all answered 200. The build "
                    + "runs it to record the classes a start loads (target/symptomgraph.jsa, a class-data archive "
                    + "that makes later starts faster).")
    boolean selfTest;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        EndpointSettings settings;
        try {
            if (adminPasswordFile != null) {
                AdminPasswords.check(adminPasswordFile);
            }
            settings = new EndpointSettings(port, localhost, Duration.ofSeconds(timeoutSeconds), resultLimit,
                    responseLimit, allowedServices, publicUrl, base.iris().base(),
                    ClientLimits.DEFAULTS.withAddressHeader(clientAddressHeader),
                    adminPasswordFile == null ? null : AdminSettings.of(adminPort, adminPasswordFile),
                    Duration.ofSeconds(cacheMaxAgeSeconds));
        } catch (IllegalArgumentException | java.nio.file.NoSuchFileException e) {
            throw new UserError((e instanceof IllegalArgumentException ? "" : "no such file: ") + e.getMessage());
        }
        // Open once when the database holds data; a new one is filled first (the import needs it closed).
        GraphStore store = BulkLoad.isNewFolder(db.directory) ? null : db.openForWrite();
        if (store != null && BulkLoad.isEmpty(store)) {
            store.close();
            store = null;
        }
        if (store == null) {
            fill(out);
            store = db.openForWrite();
        }
        SymptomGraphServer server = SymptomGraphServer.start(store, settings,
                dumpDirectory != null ? new Dumps(dumpDirectory) : Dumps.besideDatabase(db.directory));
        if (!selfTest) {
            out.printf("symptomgraph ready in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000,
                    server.endpointUrl());
            if (server.adminPort() > 0) {
                out.printf("admin route: http://127.0.0.1:%d/$/admin/ (loopback only)%n", server.adminPort());
            }
            out.flush();
        } else {
            // Not the "ready" line: in a build's output it reads as the address of the server to open.
            out.printf("self-test: a throwaway server on loopback port %d%n", server.port());
            GraphStore served = store;
            // Closed in reverse order: the server (and its VoID thread) first, then the database.
            try (served; server) {
                return SelfTest.run(server.port(), out) ? 0 : 1;
            }
        }
        server.join();
        return 0;
    }

    /** Fills an empty database the way {@code import} would, from the documents and links in --data. */
    private void fill(PrintWriter out) throws IOException {
        out.printf("filling the empty database %s from %s%n", db.directory, data);
        PrintWriter err = spec.commandLine().getErr();
        int documents = DocumentFormats.documentsIn(List.of(data)).size();
        ImportReport report;
        try (ConsoleListener console = ConsoleListener.of(ConsoleListener.Mode.auto, documents,
                documents <= ImportCommand.QUIET_ABOVE ? out : null, err)) {
            report = Importer.create().iris(base.iris()).database(db.directory).listener(console).build()
                    .importFiles(List.of(data));
        }
        if (report.failed() > 0) {
            err.println("warning: some of " + data + " could not be imported (see above)");
        }
    }
}
