package org.symptomgraph.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.symptomgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {
            "Compact the database: TDB2 keeps the blocks every write replaced, so a database that many "
                    + "imports have changed grows far beyond its data (and reads more of the disk). This copies "
                    + "the live data into a new generation of the database and deletes the old one.",
            "It needs free disk space for the live data, and the database to itself: stop a server that "
                    + "holds it first."},
        footer = {"", "Example:", "  symptomgraph compact --db db"})
final class CompactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        long[] sizes;
        try (GraphStore store = db.openExisting()) {
            spec.commandLine().getErr().printf("compacting %s (%s) ...%n", db.directory, megabytes(store.sizeOnDisk()));
            sizes = store.compact();
        }
        spec.commandLine().getOut().printf("compacted %s from %s to %s in %d ms%n", db.directory, megabytes(sizes[0]),
                megabytes(sizes[1]), (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    private static String megabytes(long bytes) {
        return String.format("%,.1f MB", bytes / 1e6);
    }
}
