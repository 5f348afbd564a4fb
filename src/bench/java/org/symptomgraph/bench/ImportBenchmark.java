package org.symptomgraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.symptomgraph.importer.page.DocumentFormats;
import org.symptomgraph.store.GraphStore;

/**
 * Import into a fresh TDB2 database, measured against Jena's own TDB2 bulk loaders on the same
 * quads in the same JVM: the symptomgraph import runs first (read, parse, map, store, exactly as
 * {@code import --batch N}), its database is then written out as N-Quads (not timed), and each
 * bulk loader loads that file into a fresh database of its own.
 */
public final class ImportBenchmark {

    /** Jena's TDB2 loaders to compare with (the names {@code tdb2.tdbloader --loader} takes). */
    public enum Baseline { parallel, phased, sequential }

    /** Where the import goes: a new database (the bulk loader) or an existing one (transactions of a batch). */
    public enum Into { NEW, EXISTING }

    /** The figures for one corpus size. */
    public record Figures(int pages, Into into, int batch, int status, long quads, double seconds, long peakHeap,
            long liveHeap, long dbBytes, List<Double> baselineSeconds) {

        double pagesPerSecond() {
            return pages / seconds;
        }

        double quadsPerSecond() {
            return quads / seconds;
        }

        String how() {
            return into == Into.NEW ? "new db (bulk)" : "existing db, batch " + batch;
        }
    }

    private final Path work;
    private final long seed;
    private final List<Baseline> baselines;
    private final ImportRunner importer;
    private final PrintStream log;

    /**
     * @param importer the import command, which the benchmark times
     */
    public ImportBenchmark(Path work, long seed, List<Baseline> baselines, ImportRunner importer,
            PrintStream log) {
        this.work = work;
        this.seed = seed;
        this.baselines = List.copyOf(baselines);
        this.importer = importer;
        this.log = log;
    }

    public List<Baseline> baselines() {
        return baselines;
    }

    /**
     * Imports a corpus of {@code pages} pages with the import command, into a new database or into an
     * existing one (which holds the corpus's first page, imported first and not timed), then runs the
     * baselines on the same quads.
     */
    public Figures run(int pages, Into into, int batch) throws IOException {
        Path corpus = BenchFiles.corpus(work, pages, seed, log);
        Path db = work.resolve("import-db-" + pages);
        BenchFiles.delete(db);
        List<String> arguments = List.of(corpus.toString(), "--db", db.toString(), "--progress", "lines",
                "--batch", Integer.toString(batch));
        if (into == Into.EXISTING) {
            Path first = DocumentFormats.documentsIn(List.of(corpus)).get(0);
            importer.run(List.of(first.toString(), "--db", db.toString()));
        }

        log.printf(Locale.ROOT, "import: %d pages into %s (%s)%n", pages, db, into == Into.NEW ? "a new database"
                : "an existing database, batch " + batch);
        BenchFiles.HeapSampler heap = new BenchFiles.HeapSampler();
        long t0 = System.nanoTime();
        int status = importer.run(arguments);
        double seconds = BenchFiles.seconds(t0);
        heap.close();
        long dbBytes = BenchFiles.size(db);

        // The same quads, as N-Quads, for the bulk loaders (not timed).
        Path nq = work.resolve("import-" + pages + ".nq");
        long quads = dump(db, nq);
        log.printf(Locale.ROOT, "import: %d pages, %d quads in %.1f s; wrote %s%n", pages, quads, seconds, nq);

        List<Double> baselineSeconds = new ArrayList<>();
        for (Baseline baseline : baselines) {
            Path bulkDb = work.resolve("bulk-db-" + pages);
            BenchFiles.delete(bulkDb);
            System.gc();
            long loaded;
            long b0 = System.nanoTime();
            DatasetGraph dsg = TDB2Factory.connectDataset(bulkDb.toString()).asDatasetGraph();
            try {
                MonitorOutput quiet = (fmt, args) -> { };
                DataLoader bulk = switch (baseline) {
                    case parallel -> LoaderFactory.parallelLoader(dsg, quiet);
                    case phased -> LoaderFactory.phasedLoader(dsg, quiet);
                    case sequential -> LoaderFactory.sequentialLoader(dsg, quiet);
                };
                bulk.startBulk();
                bulk.load(nq.toString());
                bulk.finishBulk();
                loaded = bulk.countTriples() + bulk.countQuads();
            } finally {
                TDBInternal.expel(dsg);
            }
            double s = BenchFiles.seconds(b0);
            baselineSeconds.add(s);
            log.printf(Locale.ROOT, "tdb2 %s loader: %d quads in %.1f s%n", baseline, loaded, s);
            if (loaded != quads) {
                log.printf(Locale.ROOT, "warning: the %s loader loaded %d quads, the import stored %d%n", baseline,
                        loaded, quads);
            }
            BenchFiles.delete(bulkDb);
        }
        Files.deleteIfExists(nq);

        // Keep the database for the endpoint benchmark.
        Path keep = BenchFiles.databaseDir(work, pages, seed);
        if (!Files.exists(keep)) {
            BenchFiles.markDone(db);
            Files.move(db, keep);
        } else {
            BenchFiles.delete(db);
        }
        return new Figures(pages, into, batch, status, quads, seconds, heap.maxUsed(), heap.maxLive(), dbBytes,
                baselineSeconds);
    }

    /** Writes every quad of the database (the current view as default-graph triples) as N-Quads; returns how many. */
    private static long dump(Path db, Path nq) throws IOException {
        long n = 0;
        try (GraphStore store = GraphStore.open(db);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(nq), 1 << 20)) {
            n = store.read(() -> {
                StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NQUADS);
                writer.start();
                long count = 0;
                for (Iterator<Quad> it = store.dataset().asDatasetGraph().find(); it.hasNext();) {
                    Quad q = it.next();
                    if (q.isDefaultGraph()) {
                        writer.triple(q.asTriple());
                    } else {
                        writer.quad(q);
                    }
                    count++;
                }
                writer.finish();
                return count;
            });
        }
        return n;
    }

    /** The results as a Markdown table, with the ratios the targets name. */
    public void print(List<Figures> all, PrintStream out) {
        out.println();
        out.println("## Import (fresh TDB2 database; same quads loaded by Jena's TDB2 bulk loaders)");
        out.println();
        StringBuilder head = new StringBuilder("| pages | into | quads | seconds | pages/s | quads/s "
                + "| peak heap used | peak live heap after GC | db size |");
        StringBuilder rule = new StringBuilder("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        for (Baseline b : baselines) {
            head.append(" tdb2 ").append(b).append(" s | ratio quads/s vs ").append(b).append(" |");
            rule.append("---:|---:|");
        }
        head.append(" pages/s vs first size |");
        rule.append("---:|");
        out.println(head);
        out.println(rule);
        for (Figures f : all) {
            Figures first = all.stream().filter(g -> g.how().equals(f.how())).findFirst().orElse(f);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT,
                    "| %d | %s | %d | %.1f | %.0f | %.0f | %s | %s | %s |", f.pages(), f.how(), f.quads(), f.seconds(),
                    f.pagesPerSecond(), f.quadsPerSecond(), BenchFiles.mib(f.peakHeap()), BenchFiles.mib(f.liveHeap()),
                    BenchFiles.mib(f.dbBytes())));
            for (double s : f.baselineSeconds()) {
                row.append(String.format(Locale.ROOT, " %.1f | %.2f |", s, s / f.seconds()));
            }
            row.append(String.format(Locale.ROOT, " %.2f |", f.pagesPerSecond() / first.pagesPerSecond()));
            out.println(row);
        }
        out.println();
        out.printf(Locale.ROOT, "max heap (-Xmx): %s; import exit status: %s. Ratio = symptomgraph quads/s ÷ "
                + "loader quads/s (target ≥ 0.5); peak heap target < 1 GiB; pages/s at the largest size ÷ the "
                + "smallest, same kind of import (target ≥ 0.5).%n", BenchFiles.mib(BenchFiles.heapMax()),
                all.stream().map(f -> Integer.toString(f.status())).distinct().toList());
        out.flush();
    }
}
