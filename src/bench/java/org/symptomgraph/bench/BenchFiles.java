package org.symptomgraph.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Work folders, corpora, databases, heap figures and ports shared by the benchmarks. */
public final class BenchFiles {

    private static final String DONE = ".complete";

    private BenchFiles() {
    }

    /** The generated corpus of {@code pages} pages and {@code seed}, made once and kept under {@code work}. */
    public static Path corpus(Path work, int pages, long seed, PrintStream log) {
        Path dir = work.resolve("corpus-" + pages + "-seed-" + seed);
        if (Files.exists(dir.resolve(DONE))) {
            return dir;
        }
        delete(dir);
        log.printf(Locale.ROOT, "generating %d pages (seed %d) into %s%n", pages, seed, dir);
        long t0 = System.nanoTime();
        CorpusGenerator.write(dir, pages, seed);
        touch(dir.resolve(DONE));
        log.printf(Locale.ROOT, "generated %d pages in %.1f s%n", pages, seconds(t0));
        return dir;
    }

    /**
     * The database of a generated corpus, imported once (by the import command, into a new database)
     * and kept under {@code work}; the import benchmark leaves its database here too.
     */
    public static Path database(Path work, int pages, long seed, ImportRunner importer, PrintStream log) {
        Path db = databaseDir(work, pages, seed);
        if (Files.exists(db.resolve(DONE))) {
            return db;
        }
        Path corpus = corpus(work, pages, seed, log);
        log.printf(Locale.ROOT, "importing %s into %s%n", corpus, db);
        importInto(corpus, db, importer);
        return db;
    }

    static Path databaseDir(Path work, int pages, long seed) {
        return work.resolve("db-" + pages + "-seed-" + seed);
    }

    /** A fresh database of the documents in {@code dir} (as {@code serve} fills an empty one), kept under work. */
    public static Path documentsDatabase(Path work, Path documents, ImportRunner importer) {
        Path db = work.resolve("db-documents");
        importInto(documents, db, importer);
        return db;
    }

    private static void importInto(Path documents, Path db, ImportRunner importer) {
        delete(db);
        int status = importer.run(List.of(documents.toString(), "--db", db.toString(), "--progress", "lines"));
        if (status != 0) {
            throw new IllegalStateException("the import of " + documents + " into " + db + " ended with status " + status);
        }
        touch(db.resolve(DONE));
    }

    static void markDone(Path dir) {
        touch(dir.resolve(DONE));
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Copies a closed database folder. */
    public static void copy(Path from, Path to) {
        delete(to);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /** Bytes on disk under a folder. */
    public static long size(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Samples the heap every 50 ms until closed: the most used at any moment, and the most still in use
     * after a collection (the live set, which is what must not grow with the corpus).
     */
    static final class HeapSampler implements AutoCloseable {
        private volatile boolean running = true;
        private volatile long maxUsed;
        private volatile long maxLive;
        private final Thread thread;

        HeapSampler() {
            System.gc();
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    live += pool.getCollectionUsage().getUsed();
                }
            }
            maxUsed = Math.max(maxUsed, used);
            maxLive = Math.max(maxLive, live);
        }

        long maxUsed() {
            return maxUsed;
        }

        long maxLive() {
            return maxLive;
        }

        @Override
        public void close() {
            sample();
            running = false;
            thread.interrupt();
        }
    }

    static long heapMax() {
        return Runtime.getRuntime().maxMemory();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
