package org.symptomgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.symptomgraph.store.GraphStore;
import picocli.CommandLine.Option;

/** The {@code --db DIR} option that every command on the database shares. */
final class DatabaseOption {

    static final String DEFAULT = "db";

    @Option(names = "--db", paramLabel = "DIR", defaultValue = DEFAULT,
            description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    /** Opens the database, creating it if needed. */
    GraphStore openForWrite() {
        return GraphStore.open(directory);
    }

    /** Opens an existing database; a missing one is a user error, not an empty result. */
    GraphStore openExisting() {
        if (!Files.isDirectory(directory)) {
            throw new UserError("no database at " + directory + " (import documents first, or give --db DIR)");
        }
        return GraphStore.open(directory);
    }
}
