package org.symptomgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.symptomgraph.importer.DocumentException;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.server.EndpointSettings;
import org.symptomgraph.server.SymptomGraphServer;
import org.symptomgraph.store.DocumentLoader;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.store.Statistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve the database as a public, read-only SPARQL endpoint (Apache Jena Fuseki).",
            "An empty database is first filled from the documents in --data.",
            "Endpoints: /symptomgraph/sparql (SPARQL 1.1 query, GET and POST; a GET without a query returns the "
                    + "service description), /symptomgraph/get (Graph Store Protocol, read), /$/ping (health)."},
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

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data/documents",
            description = "Documents that fill an empty database (default: ${DEFAULT-VALUE}).")
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

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        EndpointSettings settings;
        try {
            settings = new EndpointSettings(port, localhost, Duration.ofSeconds(timeoutSeconds), resultLimit,
                    allowedServices, publicUrl, base.iris().base());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        GraphStore store = db.openForWrite();
        if (store.read(() -> !store.dataset().listNames().hasNext())) {
            fill(store, out);
        }
        SymptomGraphServer server = SymptomGraphServer.start(store, settings);
        Statistics stats = Statistics.of(store.dataset());
        out.printf("symptomgraph ready in %d ms: %s (%d triples, %d documents)%n",
                (System.nanoTime() - started) / 1_000_000, server.endpointUrl(), stats.triples(), stats.documents());
        out.flush();
        server.join();
        return 0;
    }

    private void fill(GraphStore store, PrintWriter out) throws IOException {
        List<Path> files = DocumentLoader.documentFiles(List.of(data));
        if (files.isEmpty()) {
            throw new UserError("the database " + db.directory + " is empty and " + data + " holds no documents");
        }
        out.printf("filling the empty database %s from %s (%d documents)%n", db.directory, data, files.size());
        DocumentLoader loader = new DocumentLoader(new DocumentMapper(base.iris()));
        for (Path file : files) {
            try {
                store.replace(loader.load(file).graph(), Instant.now());
            } catch (DocumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
            }
        }
    }
}
