package org.symptomgraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.vocabulary.SKOS;
import org.symptomgraph.importer.ImportListener;
import org.symptomgraph.importer.ImportedDocument;
import org.symptomgraph.importer.page.Diagnostic;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.links.SssomFile;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.store.GraphStore;

/**
 * An import as the console shows it: a line per document (when there are few, or with --verbose) on
 * standard output; warnings and errors on standard error; progress on standard error too, as a bar
 * on a terminal or a line now and then otherwise. Warnings and errors go through the progress
 * display, so that they do not tear the bar.
 */
abstract class ConsoleListener implements ImportListener, AutoCloseable {

    /** A progress line at least every this many documents... */
    private static final int LINE_EVERY_DOCUMENTS = 100;
    /** ...or this often, whichever comes first. */
    private static final Duration LINE_EVERY = Duration.ofSeconds(5);

    /** How to show progress. */
    enum Mode { auto, bar, lines, none }

    final PrintWriter perDocument;
    final PrintWriter err;
    final int total;
    final Instant start = Instant.now();
    int done;
    int failed;
    int warnings;

    private ConsoleListener(int total, PrintWriter perDocument, PrintWriter err) {
        this.total = total;
        this.perDocument = perDocument;
        this.err = err;
    }

    /**
     * The listener for an import of {@code total} documents; {@code perDocument} is where each
     * document's line goes, or null for none.
     */
    static ConsoleListener of(Mode mode, int total, PrintWriter perDocument, PrintWriter err) {
        Mode m = mode;
        if (m == Mode.auto) {
            m = total <= ImportCommand.QUIET_ABOVE ? Mode.none : onTerminal() ? Mode.bar : Mode.lines;
        }
        return switch (m) {
            case bar -> new Bar(total, perDocument, err);
            case lines -> new Lines(total, perDocument, err);
            default -> new ConsoleListener(total, perDocument, err) {
                @Override
                void step() {
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
            if (Files.exists(fd2, LinkOption.NOFOLLOW_LINKS)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc: trust the console
        }
        return true;
    }

    @Override
    public void imported(ImportedDocument d) {
        done++;
        if (perDocument != null) {
            print(perDocument, documentLine(d.name(), d.summary(), d.graph().name(), d.outcome().orElse(null)));
        }
        step();
    }

    /** "page.txt: Petechiae: 22 causes, 5 categories -> <graph> (added)"; no outcome when only read. */
    static String documentLine(String name, String summary, String graph, GraphStore.Outcome outcome) {
        return name + ": " + summary + " -> <" + graph + ">"
                + (outcome == null ? "" : " (" + outcome.name().toLowerCase(Locale.ROOT) + ")");
    }

    @Override
    public void warning(Diagnostic warning) {
        warnings++;
        report("warning: " + warning);
    }

    @Override
    public void failed(DocumentException problem) {
        done++;
        failed++;
        report("error: " + problem.getMessage());
        step();
    }

    @Override
    public void linkProblem(String problem) {
        report("error: " + problem);
    }

    @Override
    public void links(Path table, DocumentGraph links, GraphStore.Outcome outcome) {
        PrintWriter out = perDocument != null ? perDocument : null;
        if (out != null) {
            print(out, table + ": " + links.model().listStatements(null, SKOS.exactMatch, (RDFNode) null).toList().size()
                    + " exact and " + links.model().listStatements(null, SKOS.closeMatch, (RDFNode) null).toList().size()
                    + " close matches -> <" + links.name() + ">"
                    + (outcome == null ? "" : " (" + outcome.name().toLowerCase(Locale.ROOT) + ")"));
        }
    }

    @Override
    public void curated(Path file, SssomFile.Curated curated, GraphStore.Outcome outcome) {
        if (perDocument != null) {
            print(perDocument, file + ": " + curated.curated() + " curated mappings, " + curated.ignored()
                    + " rows not marked semapv:ManualMappingCuration left out -> <" + curated.graph().name() + ">"
                    + (outcome == null ? "" : " (" + outcome.name().toLowerCase(Locale.ROOT) + ")"));
        }
    }

    /** Moves the display on after a document. */
    abstract void step();

    /** A warning or error line. */
    void report(String line) {
        err.println(line);
        err.flush();
    }

    /** A line on standard output while progress shows. */
    void print(PrintWriter out, String line) {
        out.println(line);
    }

    @Override
    public void close() {
    }

    /** The progress bar (me.tongfei.progressbar), drawn on standard error. */
    static final class Bar extends ConsoleListener {
        private final ProgressBar bar;

        Bar(int total, PrintWriter perDocument, PrintWriter err) {
            super(total, perDocument, err);
            bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(total).setUnit(" docs", 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().build();
        }

        @Override
        void step() {
            bar.stepTo(done);
            if (failed > 0 || warnings > 0) {
                bar.setExtraMessage(" " + failed + " failed, " + warnings + " warnings");
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
        public void status(String step) {
            report(step);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** A plain progress line every so many documents or seconds, for logs and pipes. */
    static final class Lines extends ConsoleListener {
        private int lastCount;
        private Instant lastTime = Instant.now();

        Lines(int total, PrintWriter perDocument, PrintWriter err) {
            super(total, perDocument, err);
        }

        @Override
        public void status(String step) {
            err.println("progress: " + step);
            err.flush();
        }

        @Override
        void step() {
            Instant now = Instant.now();
            if (done == total || done - lastCount >= LINE_EVERY_DOCUMENTS
                    || Duration.between(lastTime, now).compareTo(LINE_EVERY) >= 0) {
                err.printf(Locale.ROOT, "progress: %d/%d documents (%d%%), %d failed, %d warnings, %.0f s%n", done,
                        total, done * 100 / Math.max(1, total), failed, warnings,
                        Duration.between(start, now).toMillis() / 1000.0);
                err.flush();
                lastCount = done;
                lastTime = now;
            }
        }
    }
}
