package org.symptomgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.symptomgraph.store.Backups;
import org.symptomgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {
            "Write the whole database to a gzip-compressed N-Quads file: every named graph (each document "
                    + "version, the links, the service graphs) and the default graph (the current view).",
            "The database is read in one transaction, so the backup is a consistent snapshot. The file is "
                    + "written beside the target and moved into place: never half a file.",
            "A running server holds the database: back it up through its admin route instead "
                    + "(GET /$/admin/backup), or stop it first."},
        footer = {"", "Examples:",
            "  symptomgraph backup --db db --out backups/symptomgraph.nq.gz",
            "  symptomgraph restore backups/symptomgraph.nq.gz --db db-restored"})
final class BackupCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The backup file (default: symptomgraph-backup-YYYYMMDD-HHMMSS.nq.gz in the current folder).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Path target = out != null ? out : Path.of("symptomgraph-backup-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(Instant.now().atOffset(ZoneOffset.UTC)) + ".nq.gz");
        long started = System.nanoTime();
        long quads;
        try (GraphStore store = db.openExisting()) {
            quads = Backups.backup(store.dataset(), target);
        }
        spec.commandLine().getOut().printf("backed up %d quads from %s to %s in %d ms%n", quads, db.directory, target,
                (System.nanoTime() - started) / 1_000_000);
        return 0;
    }
}
