package org.symptomgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.importer.DocumentException;
import org.symptomgraph.links.LinkGraph;
import org.symptomgraph.links.LinkTable;
import org.symptomgraph.links.LinkTableException;
import org.symptomgraph.store.RemoteImport;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.model.SymptomDocument;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.RdfFormat;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.AtomicFiles;
import org.symptomgraph.store.BulkLoad;
import org.symptomgraph.store.DocumentLoader;
import org.symptomgraph.store.GraphStore;
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
    /** A progress line at least every this many documents... */
    private static final int LINE_EVERY_DOCUMENTS = 100;
    /** ...or this often, whichever comes first. */
    private static final Duration LINE_EVERY = Duration.ofSeconds(5);

    /** How to show progress. */
    enum ProgressMode { auto, bar, lines, none }

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
    ProgressMode progress;

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
        List<String> unreadable = new ArrayList<>();
        List<Path> files = DocumentLoader.documentFiles(inputs, unreadable);
        unreadable.forEach(u -> stderr.println("error: " + u));
        List<Path> linkTables = LinkTable.tablesIn(inputs);
        if (files.isEmpty() && linkTables.isEmpty()) {
            throw new UserError("no documents or link tables found in " + inputs);
        }
        if (linkTables.size() > 1) {
            throw new UserError("one link table at a time, not " + linkTables);
        }
        if (endpoint != null) {
            return sendToServer(files, stdout, stderr);
        }
        boolean perDocument = Main.verbose || files.size() <= QUIET_ABOVE;
        if (maxSizeMib < 1) {
            throw new UserError("--max-size must be at least 1 (MiB)");
        }
        DocumentLoader loader = new DocumentLoader(new DocumentMapper(base.iris()), maxSizeMib * 1024 * 1024);
        Dataset collected = format == null ? null : DatasetFactory.create();
        Tally tally = new Tally();
        tally.failed += unreadable.size();
        try (Progress shown = Progress.of(progress, files.size(), stderr)) {
            Reader reader = new Reader(loader, shown, tally, collected);
            PrintWriter lines = perDocument ? stdout : null;
            // A new database is filled by the bulk loader; what it cannot take goes through the store.
            List<Path> throughStore = db != null && !files.isEmpty() && BulkLoad.isNew(db)
                    ? bulkLoad(files, db, reader, shown, lines, tally) : files;
            try (GraphStore store = db == null ? null : DatabaseOption.open(db)) {
                Pending pending = new Pending(store, batch, tally, shown, lines);
                boolean firstRead = throughStore == files;
                for (Path file : throughStore) {
                    DocumentLoader.Loaded loaded = firstRead ? reader.read(file) : reader.reread(file);
                    if (loaded != null) {
                        pending.add(loaded);
                    }
                }
                pending.flush();
                for (Path table : linkTables) {
                    importLinks(table, store, collected, stdout, tally);
                }
            }
        }
        if (format != null && tally.imported > 0) {
            writeAtomically(collected.asDatasetGraph(), collected.asDatasetGraph().getUnionGraph(),
                    Vocab.prefixes(base.iris().base()), format, out);
            stdout.println("wrote " + out);
        }
        if (files.size() > 1) {
            tally.print(stdout, db != null);
        }
        return tally.failed == 0 ? 0 : 1;
    }

    /**
     * A first import into a new database, with the bulk loader ({@link BulkLoad}): every document
     * read, the first version of each page stored. Returns the files the store must still take
     * (further versions of a page), in order.
     */
    private static List<Path> bulkLoad(List<Path> files, Path db, Reader reader, Progress shown, PrintWriter lines,
            Tally tally) {
        List<Path> later = new ArrayList<>();
        try (BulkLoad bulk = BulkLoad.into(db, Instant.now())) {
            for (Path file : files) {
                DocumentLoader.Loaded loaded = reader.read(file);
                if (loaded == null) {
                    continue;
                }
                if (!bulk.add(loaded.graph())) {
                    later.add(file);
                    continue;
                }
                tally.outcomes.merge(GraphStore.Outcome.ADDED, 1, Integer::sum);
                if (lines != null) {
                    shown.print(lines, loaded.file() + ": " + summary(loaded.result().document()) + " -> <"
                            + loaded.graph().name() + "> (added)");
                }
            }
            if (tally.outcomes.containsKey(GraphStore.Outcome.ADDED)) {
                shown.status("building the indexes of the new database " + db);
            }
            bulk.commit();
        }
        return later;
    }

    /** Reads documents, reporting their warnings and errors and counting what they hold. */
    private static final class Reader {
        private final DocumentLoader loader;
        private final Progress shown;
        private final Tally tally;
        private final Dataset collected;

        Reader(DocumentLoader loader, Progress shown, Tally tally, Dataset collected) {
            this.loader = loader;
            this.shown = shown;
            this.tally = tally;
            this.collected = collected;
        }

        /** The document, or null if it cannot be read (reported). */
        DocumentLoader.Loaded read(Path file) {
            DocumentLoader.Loaded loaded;
            try {
                loaded = loader.load(file);
            } catch (DocumentException e) {
                shown.report("error: " + e.getMessage());
                tally.failed++;
                shown.step(tally);
                return null;
            }
            loaded.result().warnings().forEach(w -> shown.report("warning: " + w));
            tally.warnings += loaded.result().warnings().size();
            if (collected != null) {
                collected.addNamedModel(loaded.graph().name(), loaded.graph().model());
            }
            tally.count(loaded.graph().model());
            tally.imported++;
            shown.step(tally);
            return loaded;
        }

        /** A document {@link #read} before (and counted then), read again to store it. */
        DocumentLoader.Loaded reread(Path file) {
            try {
                return loader.load(file);
            } catch (DocumentException e) {
                // Read a moment ago: the file changed meanwhile.
                shown.report("error: " + e.getMessage());
                tally.failed++;
                tally.imported--;
                return null;
            }
        }
    }

    /**
     * Documents read but not yet stored: every --batch of them goes to the store in one write
     * transaction ({@link GraphStore#replaceAll}).
     */
    private static final class Pending {
        private final GraphStore store;
        private final int size;
        private final Tally tally;
        private final Progress shown;
        private final PrintWriter perDocument;
        private final List<DocumentLoader.Loaded> documents = new ArrayList<>();

        Pending(GraphStore store, int size, Tally tally, Progress shown, PrintWriter perDocument) {
            this.store = store;
            this.size = size;
            this.tally = tally;
            this.shown = shown;
            this.perDocument = perDocument;
        }

        void add(DocumentLoader.Loaded loaded) {
            documents.add(loaded);
            if (documents.size() >= size) {
                flush();
            }
        }

        void flush() {
            if (documents.isEmpty()) {
                return;
            }
            List<GraphStore.Outcome> outcomes = store == null ? List.of()
                    : store.replaceAll(documents.stream().map(DocumentLoader.Loaded::graph).toList(), Instant.now());
            for (int i = 0; i < documents.size(); i++) {
                DocumentLoader.Loaded d = documents.get(i);
                String outcome = "";
                if (store != null) {
                    tally.outcomes.merge(outcomes.get(i), 1, Integer::sum);
                    outcome = " (" + outcomes.get(i).name().toLowerCase(Locale.ROOT) + ")";
                }
                if (perDocument != null) {
                    shown.print(perDocument, d.file() + ": " + summary(d.result().document()) + " -> <"
                            + d.graph().name() + ">" + outcome);
                }
            }
            documents.clear();
        }
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
        int failed = 0;
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
                stdout.println(file + ": " + sent.message());
                continue;
            }
            failed++;
            stderr.println("error: " + (sent.status() == 400 ? sent.message()
                    : file + ": HTTP " + sent.status() + " " + sent.message()));
            if (sent.status() == 401 || sent.status() == 403) {
                failed += files.size() - i - 1;
                break;
            }
        }
        stdout.printf("%d document(s) sent, %d failed%n", files.size() - failed, failed);
        return failed == 0 ? 0 : 1;
    }

    /** The curated links to public vocabularies: one graph, always part of the current view. */
    private void importLinks(Path table, GraphStore store, Dataset collected, PrintWriter stdout, Tally tally) {
        DocumentGraph links;
        try {
            links = LinkGraph.linkGraph(table, base.iris());
        } catch (LinkTableException e) {
            e.problems().forEach(problem -> spec.commandLine().getErr().println("error: " + problem));
            tally.failed++;
            return;
        }
        String outcome = store == null ? ""
                : " (" + store.replace(links, Instant.now()).name().toLowerCase(Locale.ROOT) + ")";
        if (collected != null) {
            collected.addNamedModel(links.name(), links.model());
        }
        stdout.println(table + ": " + links.model().listStatements(null, SKOS.exactMatch, (RDFNode) null).toList().size()
                + " exact and " + links.model().listStatements(null, SKOS.closeMatch, (RDFNode) null).toList().size()
                + " close matches -> <" + links.name() + ">" + outcome);
    }

    private static String summary(SymptomDocument doc) {
        return String.format("%s: %d causes, %d categories", doc.symptom(), doc.allCauses().size(),
                doc.allCategories().size());
    }

    /** What the import did, for the summary and the progress display. */
    static final class Tally {
        final Instant start = Instant.now();
        int imported;
        int failed;
        int warnings;
        final Map<GraphStore.Outcome, Integer> outcomes = new EnumMap<>(GraphStore.Outcome.class);
        // Nodes, not Resources: a Resource holds on to its document's whole model.
        private final Set<Node> symptoms = new HashSet<>();
        private final Set<Node> causes = new HashSet<>();
        private final Set<Node> drugs = new HashSet<>();
        private final Set<String> brands = new HashSet<>();

        int done() {
            return imported + failed;
        }

        /** Adds the symptoms, causes, drugs and brands of one document's graph (distinct over the import). */
        void count(Model m) {
            m.listSubjectsWithProperty(RDF.type, Vocab.MedicalSignOrSymptom).forEachRemaining(r -> symptoms.add(r.asNode()));
            m.listSubjectsWithProperty(RDF.type, Vocab.MedicalCause).forEachRemaining(r -> causes.add(r.asNode()));
            m.listSubjectsWithProperty(RDF.type, Vocab.Drug).forEachRemaining(r -> drugs.add(r.asNode()));
            m.listObjectsOfProperty(Vocab.proprietaryName).forEachRemaining(b -> brands.add(b.asLiteral().getString()));
        }

        void print(PrintWriter out, boolean store) {
            Duration took = Duration.between(start, Instant.now());
            out.printf("%d document(s) imported, %d failed%n", imported, failed);
            if (store) {
                out.printf("  database:  %d added, %d replaced, %d unchanged%n",
                        outcomes.getOrDefault(GraphStore.Outcome.ADDED, 0),
                        outcomes.getOrDefault(GraphStore.Outcome.REPLACED, 0),
                        outcomes.getOrDefault(GraphStore.Outcome.UNCHANGED, 0));
            }
            out.printf("  found:     %d symptom(s), %d cause(s), %d drug(s), %d brand(s)%n",
                    symptoms.size(), causes.size(), drugs.size(), brands.size());
            out.printf("  reported:  %d warning(s), %d error(s)%n", warnings, failed);
            out.printf(Locale.ROOT, "  time:      %.1f s (%.1f documents/s)%n", took.toMillis() / 1000.0,
                    done() * 1000.0 / Math.max(1, took.toMillis()));
        }
    }

    /**
     * Progress on standard error: a bar on a terminal, a line now and then otherwise, nothing for a
     * few documents. Warnings and errors go through it, so they do not tear the bar.
     */
    abstract static class Progress implements AutoCloseable {
        final PrintWriter err;

        Progress(PrintWriter err) {
            this.err = err;
        }

        static Progress of(ProgressMode mode, int total, PrintWriter err) {
            ProgressMode m = mode;
            if (m == ProgressMode.auto) {
                m = total <= QUIET_ABOVE ? ProgressMode.none : onTerminal() ? ProgressMode.bar : ProgressMode.lines;
            }
            return switch (m) {
                case bar -> new Bar(total, err);
                case lines -> new Lines(total, err);
                default -> new Progress(err) {
                    @Override
                    void step(Tally t) {
                    }
                };
            };
        }

        /** Standard error is a terminal (and there is a console at all). */
        static boolean onTerminal() {
            if (System.console() == null) {
                return false;
            }
            try {
                Path fd2 = Path.of("/proc/self/fd/2");
                if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    String target = Files.readSymbolicLink(fd2).toString();
                    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // no /proc: trust the console
            }
            return true;
        }

        abstract void step(Tally t);

        /** A warning or error line. */
        void report(String line) {
            err.println(line);
            err.flush();
        }

        /** What a long step without steps is doing (progress, not a warning). */
        void status(String line) {
        }

        /** A line on another stream (standard output) while progress shows. */
        void print(PrintWriter out, String line) {
            out.println(line);
        }

        @Override
        public void close() {
        }
    }

    /** The progress bar (me.tongfei.progressbar), drawn on standard error. */
    static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(int total, PrintWriter err) {
            super(err);
            bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(total).setUnit(" docs", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build();
        }

        @Override
        void step(Tally t) {
            bar.stepTo(t.done());
            if (t.failed > 0 || t.warnings > 0) {
                bar.setExtraMessage(" " + t.failed + " failed, " + t.warnings + " warnings");
            }
        }

        @Override
        void report(String line) {
            // Clear the bar's line, print, and let the bar redraw below.
            System.err.print("\r\u001b[K");
            System.err.flush();
            super.report(line);
            bar.refresh();
        }

        @Override
        void print(PrintWriter out, String line) {
            System.err.print("\r\u001b[K");
            System.err.flush();
            out.println(line);
            out.flush();
            bar.refresh();
        }

        @Override
        void status(String line) {
            report(line);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** A plain progress line every so many documents or seconds, for logs and pipes. */
    static final class Lines extends Progress {
        private final int total;
        private int lastCount;
        private Instant lastTime = Instant.now();

        Lines(int total, PrintWriter err) {
            super(err);
            this.total = total;
        }

        @Override
        void status(String line) {
            err.println("progress: " + line);
            err.flush();
        }

        @Override
        void step(Tally t) {
            int done = t.done();
            Instant now = Instant.now();
            if (done == total || done - lastCount >= LINE_EVERY_DOCUMENTS
                    || Duration.between(lastTime, now).compareTo(LINE_EVERY) >= 0) {
                err.printf(Locale.ROOT, "progress: %d/%d documents (%d%%), %d failed, %d warnings, %.0f s%n", done,
                        total, done * 100 / total, t.failed, t.warnings,
                        Duration.between(t.start, now).toMillis() / 1000.0);
                err.flush();
                lastCount = done;
                lastTime = now;
            }
        }
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
