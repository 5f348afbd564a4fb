package org.symptomgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.symptomgraph.store.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {
            "Load a backup (gzip N-Quads, as written by 'backup') into a new or empty database.",
            "The load is one write transaction: the database gets the whole backup or stays as it was. "
                    + "A database that holds data is refused unless --force, which replaces its content "
                    + "(in the same transaction). A folder that holds other files is always refused."},
        footer = {"", "Examples:",
            "  symptomgraph restore backups/symptomgraph.nq.gz --db db-restored",
            "  symptomgraph restore backups/symptomgraph.nq.gz --db db --force"})
final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The backup file (.nq.gz).")
    Path backup;

    @Mixin
    DatabaseOption db;

    @Option(names = "--force", description = "Replace the content of a database that is not empty.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        long quads;
        try {
            quads = Backups.restore(backup, db.directory, force);
        } catch (Backups.RefusedException e) {
            throw new UserError(e.getMessage());
        } catch (org.apache.jena.riot.RiotException | java.util.zip.ZipException | java.io.EOFException e) {
            throw new UserError(backup + " is not a readable backup (gzip N-Quads): " + e.getMessage()
                    + "; the database is as it was");
        }
        spec.commandLine().getOut().printf("restored %d quads from %s into %s in %d ms%n", quads, backup, db.directory,
                (System.nanoTime() - started) / 1_000_000);
        return 0;
    }
}
