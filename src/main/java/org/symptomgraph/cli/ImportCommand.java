package org.symptomgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.symptomgraph.importer.ImportReport;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.importer.page.DocumentFormats;
import org.symptomgraph.links.LinkTable;
import org.symptomgraph.links.SssomFile;
import org.symptomgraph.rdf.RdfFormat;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.AtomicFiles;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.store.IncompleteDatabaseException;
import org.symptomgraph.store.RemoteImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Read symptom-causes documents (.txt, .html, .htm) and turn them into RDF.",
            "Each document becomes one named graph. A new (empty) database is filled by Jena's TDB2 bulk loader, "
                    + "the whole import one unit (until it ends, the database is marked incomplete; importing again "
                    + "starts it afresh). A database that holds data changes by transactions: each document's graph "
                    + "is replaced whole in one transaction; a document "
                    + "that cannot be read is reported (file and line), skipped, and leaves the database as it was; "
                    + "the others are imported. What the importer noticed but could not place is reported as a "
                    + "warning (file and line) and left out of the graph.",
            "Without --out the graphs go into the database (--db); with --out they go to the file, "
                    + "and into the database too if --db is given.",
            "A folder is searched recursively. For more than " + ImportCommand.QUIET_ABOVE + " documents, "
                    + "only warnings, errors, progress and a summary are shown (all with --verbose)."},
        footer = {"", "Exit status: 0 when every document was imported, 1 when any failed.", "", "Examples:",
            "  symptomgraph import data/documents",
            "  symptomgraph import data/documents/petechiae.txt --out petechiae.ttl",
            "  symptomgraph import saved-pages/ --batch 100      (a big folder: commit every 100 documents)"})
final class ImportCommand implements Callable<Integer> {

    /** Up to this many documents, each one gets its own line of output. */
    static final int QUIET_ABOVE = 20;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "Documents (.txt, .html, .htm) or folders to search for them.")
    List<Path> inputs;

    @Option(names = "--db", paramLabel = "DIR",
            description = "TDB2 database to import into (default: " + DatabaseOption.DEFAULT + " when no --out is given).")
    Path database;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the graphs to FILE; the format follows the extension: .ttl .trig .nt .nq .jsonld .rdf "
                    + "(Turtle, N-Triples and RDF/XML hold the union of the graphs).")
    Path out;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100",
            description = "Into a database that holds data: commit every N documents instead of after each one (default: ${DEFAULT-VALUE}). "
                    + "Each document's graph is still replaced whole by one transaction, but N documents share it: "
                    + "much faster for big folders; if the database fails, the documents of the open batch are "
                    + "not stored (import them again). A document that cannot be read never affects the others.")
    int batch;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "auto, bar, lines or none (default: ${DEFAULT-VALUE}: for more than " + QUIET_ABOVE
                    + " documents, a progress bar on a terminal, else a progress line now and then on standard error).")
    ConsoleListener.Mode progress;

    @Option(names = "--max-size", paramLabel = "MIB", defaultValue = "8",
            description = "Refuse documents larger than this many MiB (default: ${DEFAULT-VALUE}).")
    long maxSizeMib;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Send the documents to a running server's admin route (PUT /$/admin/documents/NAME on "
                    + "its admin port, e.g. http://127.0.0.1:3031) instead of a database, as --user NAME with the "
                    + "password in $" + RemoteImport.PASSWORD_VARIABLE + ".")
    URI endpoint;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Admin user for --endpoint; the password is read from $" + RemoteImport.PASSWORD_VARIABLE
                    + " or --password-file.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the password of --user (for scripts).")
    Path passwordFile;

    @Mixin
    BaseOption base;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        RdfFormat format = out == null ? null : RdfFormat.forFile(out).orElseThrow(() -> new UserError(
                "cannot tell the RDF format of " + out + ": use one of the extensions " + RdfFormat.extensions()));
        Path db = database == null && out == null ? Path.of(DatabaseOption.DEFAULT) : database;

        if (batch < 1) {
            throw new UserError("--batch must be 1 or more, not " + batch);
        }
        if (maxSizeMib < 1) {
            throw new UserError("--max-size must be at least 1 (MiB)");
        }
        // A folder that cannot be read is skipped here; the import names it as a failure.
        List<Path> files = DocumentFormats.documentsIn(inputs, new ArrayList<>());
        List<Path> linkTables = LinkTable.tablesIn(inputs);
        boolean curation = inputs.stream().anyMatch(p -> !Files.isDirectory(p) && SssomFile.isSssom(p));
        if (files.isEmpty() && linkTables.isEmpty() && !curation) {
            throw new UserError("no documents, link tables or curation files found in " + inputs);
        }
        if (linkTables.size() > 1) {
            throw new UserError("one link table at a time, not " + linkTables);
        }
        if (endpoint != null) {
            return sendToServer(files, stdout, stderr);
        }
        boolean perDocument = Main.verbose || files.size() <= QUIET_ABOVE;
        Dataset collected = format == null ? null : DatasetFactory.create();
        ImportReport report;
        try (ConsoleListener console = ConsoleListener.of(progress, files.size(), perDocument ? stdout : null, stderr)) {
            Importer.Builder importer = Importer.create().iris(base.iris()).maxDocumentBytes(maxSizeMib * 1024 * 1024)
                    .batchSize(batch).listener(console);
            if (db != null) {
                importer.database(db);
            }
            if (collected != null) {
                importer.collect(collected);
            }
            report = importer.build().importFiles(inputs);
        } catch (DBOpEnvException | IncompleteDatabaseException e) {
            throw DatabaseOption.unusable(db, e);
        }
        if (format != null && report.imported() > 0) {
            writeAtomically(collected.asDatasetGraph(), collected.asDatasetGraph().getUnionGraph(),
                    Vocab.prefixes(base.iris().base()), format, out);
            stdout.println("wrote " + out);
        }
        if (files.size() > 1) {
            print(report, stdout, db != null);
        }
        return report.failed() == 0 ? 0 : 1;
    }

    /** The summary at the end of an import of several documents. */
    static void print(ImportReport r, PrintWriter out, boolean store) {
        out.printf("%d document(s) imported, %d failed%n", r.imported(), r.failed());
        if (store) {
            out.printf("  database:  %d added, %d replaced, %d unchanged%n", r.outcome(GraphStore.Outcome.ADDED),
                    r.outcome(GraphStore.Outcome.REPLACED), r.outcome(GraphStore.Outcome.UNCHANGED));
        }
        out.printf("  found:     %d symptom(s), %d cause(s), %d drug(s), %d brand(s)%n", r.symptoms(), r.causes(),
                r.drugs(), r.brands());
        out.printf("  reported:  %d warning(s), %d error(s)%n", r.warnings(), r.failed());
        long millis = r.took().toMillis();
        out.printf(Locale.ROOT, "  time:      %.1f s (%.1f documents/s)%n", millis / 1000.0,
                r.done() * 1000.0 / Math.max(1, millis));
    }

    /** {@code --endpoint}: each document goes to a live server's admin route, which stores it like this command. */
    private int sendToServer(List<Path> files, PrintWriter stdout, PrintWriter stderr) throws IOException {
        if (database != null || out != null) {
            throw new UserError("--endpoint sends to a server: no --db or --out with it");
        }
        RemoteImport remote;
        try {
            remote = new RemoteImport(endpoint, RemoteImport.Credentials.from(user, passwordFile, System.getenv()),
                    Duration.ofSeconds(120));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (remote.sendsCredentialsInTheClear()) {
            stderr.println("warning: " + endpoint + " is plain HTTP to another machine: credentials travel in clear");
        }
        boolean perDocument = Main.verbose || files.size() <= QUIET_ABOVE;
        ImportReport report = new ImportReport();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            RemoteImport.Sent sent;
            try {
                sent = remote.send(file);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError("interrupted");
            }
            if (sent.ok()) {
                RemoteImport.Stored stored;
                try {
                    stored = sent.stored();
                } catch (IllegalStateException e) {
                    throw new UserError(e.getMessage() + " (is " + endpoint + " a symptomgraph server?)");
                }
                // The same lines as a local import: the document, its warnings, then the summary.
                if (perDocument) {
                    stdout.println(ConsoleListener.documentLine(file.toString(), stored.summary(), stored.graph(),
                            stored.outcome()));
                }
                stored.warnings().forEach(w -> stderr.println("warning: " + w));
                report.imported(stored.found(), stored.warnings().size(), stored.outcome());
                continue;
            }
            report.fail();
            stderr.println("error: " + (sent.status() == 400 ? sent.message()
                    : file + ": HTTP " + sent.status() + " " + sent.message()));
            if (sent.status() == 401 || sent.status() == 403) {
                for (int rest = i + 1; rest < files.size(); rest++) {
                    report.fail();
                }
                break;
            }
        }
        report.finish();
        if (files.size() > 1) {
            print(report, stdout, true);
        }
        stdout.flush();
        return report.failed() == 0 ? 0 : 1;
    }

    /** Writes RDF beside the target and moves it into place, so a failed write never leaves half a file. */
    static void writeAtomically(DatasetGraph namedGraphs, Graph triples, PrefixMapping prefixes, RdfFormat format,
            Path target) throws IOException {
        AtomicFiles.write(target, os -> {
            format.write(namedGraphs, triples, prefixes, os);
            return null;
        });
    }
}
