package org.symptomgraph.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.writer.WriterStreamRDFPlain;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Backups of the database as gzip-compressed N-Quads: every named graph, and the default graph
 * (the current view) as triples without a graph label. A backup is read in one read transaction,
 * so it is a consistent snapshot even while imports run; a restore loads in one write transaction,
 * so it lands whole or not at all.
 */
public final class Backups {

    private static final Pattern TDB2_DATA = Pattern.compile("Data-\\d+");

    private Backups() {
    }

    /** Writes the dataset as gzip N-Quads to the stream (which it finishes, not closes); returns the quad count. */
    public static long write(Dataset dataset, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        BufferedOutputStream buffered = new BufferedOutputStream(gzip, 1 << 16);
        long count = dataset.calculateRead(() -> {
            DatasetGraph dsg = dataset.asDatasetGraph();
            WriterStreamRDFPlain writer = new WriterStreamRDFPlain(
                    org.apache.jena.atlas.io.IO.wrapUTF8(buffered));
            writer.start();
            long n = 0;
            for (Iterator<Quad> it = dsg.find(); it.hasNext();) {
                writer.quad(it.next());
                n++;
            }
            writer.finish();
            return n;
        });
        buffered.flush();
        gzip.finish();
        out.flush();
        return count;
    }

    /** Writes a backup file beside the target and moves it into place, so no half file is ever left. */
    public static long backup(Dataset dataset, Path target) throws IOException {
        return AtomicFiles.write(target, out -> write(dataset, out));
    }

    /** Why a restore was refused. */
    /** Thrown inside the restore's transaction, to abort it. */
    private static final class EmptyBackup extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EmptyBackup() {
            super(null, null, false, false);
        }
    }

    public static final class RefusedException extends Exception {
        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * Restores a backup into a database directory that does not exist, is empty, or holds an empty
     * TDB2 database; with {@code force}, also into a TDB2 database with data, which is cleared first
     * (in the same transaction as the load). Never into a folder that holds anything else.
     *
     * @return the number of quads loaded
     */
    public static long restore(Path backup, Path directory, boolean force) throws IOException, RefusedException {
        if (!Files.isRegularFile(backup)) {
            throw new RefusedException("no backup file " + backup);
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new RefusedException(directory + " is not a directory");
        }
        if (Files.isDirectory(directory) && !isEmptyFolder(directory) && !isTdb2(directory)) {
            throw new RefusedException(directory + " holds files but no TDB2 database: give a new or empty folder");
        }
        Files.createDirectories(directory);
        Dataset dataset = TDB2Factory.connectDataset(directory.toString());
        try {
            boolean empty = dataset.calculateRead(() -> dataset.asDatasetGraph().isEmpty());
            if (!empty && !force) {
                throw new RefusedException("the database " + directory
                        + " is not empty: restore into a new folder, or give --force to replace its content");
            }
            // The data changes under the text index: rebuilt from it on the next open.
            NameIndex.invalidate(directory);
            AtomicLong count = new AtomicLong();
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(backup)), 1 << 16)) {
                dataset.executeWrite(() -> {
                    DatasetGraph dsg = dataset.asDatasetGraph();
                    dsg.clear();
                    StreamRDF sink = new StreamRDFWrapper(StreamRDFLib.dataset(dsg)) {
                        @Override
                        public void quad(Quad quad) {
                            count.incrementAndGet();
                            super.quad(quad);
                        }

                        @Override
                        public void triple(org.apache.jena.graph.Triple triple) {
                            count.incrementAndGet();
                            super.triple(triple);
                        }
                    };
                    RDFParser.source(in).lang(Lang.NQUADS).parse(sink);
                    if (count.get() == 0) {
                        // Aborts the transaction: an empty backup must not wipe a database (with --force it did).
                        throw new EmptyBackup();
                    }
                });
            } catch (EmptyBackup e) {
                throw new RefusedException(backup + " holds no quads: nothing restored, the database is as it was");
            }
            return count.get();
        } finally {
            TDBInternal.expel(dataset.asDatasetGraph());
        }
    }

    private static boolean isEmptyFolder(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isEmpty();
        }
    }

    private static boolean isTdb2(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> Files.isDirectory(f) && TDB2_DATA.matcher(f.getFileName().toString()).matches());
        }
    }
}
