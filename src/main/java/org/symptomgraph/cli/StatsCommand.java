package org.symptomgraph.cli;

import java.util.concurrent.Callable;
import org.symptomgraph.store.GraphStore;
import org.symptomgraph.store.Statistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count triples, documents, symptoms, causes, drugs, brands and categories in the database.")
final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() {
        try (GraphStore store = db.openExisting()) {
            Statistics.of(store.dataset()).asMap()
                    .forEach((name, n) -> spec.commandLine().getOut().printf("%-12s %d%n", name, n));
        }
        return 0;
    }
}
