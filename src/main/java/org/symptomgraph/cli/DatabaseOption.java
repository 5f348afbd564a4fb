package org.symptomgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.dboe.DBOpEnvException;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.store.IncompleteDatabaseException;
import picocli.CommandLine.Option;

/** The {@code --db DIR} option that every command on the database shares. */
final class DatabaseOption {

    static final String DEFAULT = "db";

    @Option(names = "--db", paramLabel = "DIR", defaultValue = DEFAULT,
            description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path directory;

    /** Opens the database, creating it if needed. */
    GraphStore openForWrite() {
        return open(directory);
    }

    /** Opens a database directory, creating it if needed; a database held by another process is a user error. */
    static GraphStore open(Path directory) {
        return held(directory, () -> GraphStore.open(directory));
    }

    private static <T> T held(Path directory, java.util.function.Supplier<T> opening) {
        try {
            return opening.get();
        } catch (DBOpEnvException | IncompleteDatabaseException e) {
            throw unusable(directory, e);
        }
    }

    /** Why a database cannot be used, as the user error to show. */
    static UserError unusable(Path directory, RuntimeException e) {
        if (e instanceof DBOpEnvException) {
            // TDB2 allows one process per database: most often a running server holds it.
            return new UserError("the database " + directory + " is in use by another process (a running server?): "
                    + "stop it, or ask the server's endpoint instead");
        }
        return new UserError(e.getMessage());
    }

    /** Opens an existing database; a missing one is a user error, not an empty result. */
    GraphStore openExisting() {
        if (!Files.isDirectory(directory)) {
            throw new UserError("no database at " + directory + " (import documents first, or give --db DIR)");
        }
        return openForWrite();
    }
}
