package org.symptomgraph.bench;

import java.util.List;

/**
 * The {@code symptomgraph import} command, run in this JVM: the benchmarks build their databases
 * with it and measure it, so they time exactly what users run.
 */
@FunctionalInterface
public interface ImportRunner {

    /** Runs {@code import} with these arguments; returns its exit status. */
    int run(List<String> arguments);
}
