package org.symptomgraph.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.symptomgraph.queries.CannedQuery;
import org.symptomgraph.queries.Parameter;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.queries.QueryRunner;
import org.symptomgraph.queries.ResultFormat;
import org.symptomgraph.store.GraphStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {
            "Run one of the canned queries over the database: its default graph holds the current version "
                    + "of every page (the provenance queries also read the older versions).",
            "Parameters are given as --param NAME=VALUE; each value is bound as one RDF term (a string, "
                    + "an IRI or an integer), never pasted into the query. A parameter left out takes its "
                    + "default. --list shows every query with its parameters."},
        footer = {"", "Examples:",
            "  symptomgraph query --list",
            "  symptomgraph query causes-of-symptom --param symptom=Petechiae",
            "  symptomgraph query symptoms-of-cause --param cause=ITP --format csv",
            "  symptomgraph query shared-causes -p symptom1=Petechiae -p symptom2=Nosebleeds",
            "  symptomgraph query symptom-neighbourhood --format json > petechiae.jsonld",
            "",
            "SELECT and ASK results print as a table (text) or as SPARQL results in csv, tsv or json; "
                    + "a CONSTRUCT query prints Turtle (text) or JSON-LD (json)."})
final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The query to run (see --list).")
    String name;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "A parameter value; repeat for several parameters.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-f", "--format"}, paramLabel = "F", defaultValue = "text",
            description = "text, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-l", "--list"}, description = "List the queries, their parameters and defaults, and stop.")
    boolean list;

    @Option(names = "--queries", paramLabel = "DIR",
            description = "Use the .rq files in DIR (grlc format) instead of the built-in queries.")
    Path queries;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() {
        QueryCatalog catalog = catalog();
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            printCatalog(catalog, out);
            return 0;
        }
        if (name == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Missing query NAME: run 'symptomgraph query --list' to see them");
        }
        CannedQuery canned = catalog.get(name).orElseThrow(() -> new UserError(
                "unknown query '" + name + "': run 'symptomgraph query --list' to see them"));
        ResultFormat resultFormat = ResultFormat.forName(format).orElseThrow(() -> new UserError(
                "unknown format '" + format + "': use one of " + ResultFormat.names()));
        Query query = bind(canned);
        // Written whole to memory first: Jena's writers take a stream, the command's output is a writer.
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        try (GraphStore store = db.openExisting()) {
            QueryRunner.write(store.dataset(), query, resultFormat, result);
        } catch (IllegalArgumentException | QueryParseException e) {
            // A QueryParseException here is a value the text index cannot search with (too many words).
            throw new UserError(e.getMessage().replace('\n', ' '));
        }
        out.print(result.toString(StandardCharsets.UTF_8));
        out.flush();
        return 0;
    }

    /** Before the database opens, so a mistake in a parameter is reported as such. */
    private Query bind(CannedQuery canned) {
        try {
            return canned.bind(params);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private QueryCatalog catalog() {
        if (queries == null) {
            return QueryCatalog.load();
        }
        if (!Files.isDirectory(queries)) {
            throw new UserError("no such folder: " + queries);
        }
        try {
            return QueryCatalog.load(queries);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** One line a query, then one a parameter, written as the option that sets it. */
    private static void printCatalog(QueryCatalog catalog, PrintWriter out) {
        int width = catalog.all().stream().mapToInt(q -> q.name().length()).max().orElse(0);
        for (CannedQuery q : catalog.all()) {
            out.printf("%-" + width + "s  %s%n", q.name(), q.title());
            for (Parameter p : q.parameters()) {
                String value = p.defaultValue().map(d -> "default: " + d).orElse(p.required() ? "required" : "optional");
                out.printf("%-" + width + "s    --param %s=%s (%s)%n", "", p.name(), p.type(), value);
            }
        }
        out.flush();
    }
}
