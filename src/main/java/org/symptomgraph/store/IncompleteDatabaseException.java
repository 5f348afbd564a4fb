package org.symptomgraph.store;

import java.nio.file.Path;

/** A database whose first import ({@link BulkLoad}) was interrupted: it holds part of the documents. */
public final class IncompleteDatabaseException extends IllegalStateException {

    public IncompleteDatabaseException(Path directory) {
        super("the database " + directory + " is incomplete: its first import was interrupted; "
                + "run the import again (it starts the database afresh)");
    }
}
