package org.symptomgraph.cli;

import org.symptomgraph.rdf.Iris;
import picocli.CommandLine.Option;

/** The {@code --base IRI} option: where minted IRIs live. */
final class BaseOption {

    @Option(names = "--base", paramLabel = "IRI", defaultValue = Iris.DEFAULT_BASE,
            description = "Base of every IRI the graph mints (default: ${DEFAULT-VALUE}).")
    String base;

    Iris iris() {
        try {
            return new Iris(base);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
