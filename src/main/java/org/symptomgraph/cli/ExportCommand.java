package org.symptomgraph.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.nio.file.Path;
import org.apache.jena.shared.PrefixMapping;
import org.symptomgraph.rdf.RdfFormat;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the dataset in an RDF format.",
            "Quad formats (trig, nquads, jsonld) write every document version as its own named graph; "
                    + "triple formats (turtle, ntriples, rdfxml) write the current view: the newest version of every page."},
        footer = {"", "Example:", "  symptomgraph export --format trig --out dataset.trig"})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "F", required = true,
            description = "turtle, trig, ntriples, nquads, jsonld or rdfxml (or the extension: ttl, nq, ...).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Mixin
    DatabaseOption db;

    @Mixin
    BaseOption base;

    @Override
    public Integer call() throws IOException {
        RdfFormat f = RdfFormat.forName(format).orElseThrow(() -> new UserError(
                "unknown format '" + format + "': use one of " + RdfFormat.names()));
        try (GraphStore store = db.openExisting()) {
            store.read(() -> {
                try {
                    PrefixMapping prefixes = Vocab.prefixes(base.iris().base());
                    if (out == null) {
                        f.write(store.dataset().asDatasetGraph(), store.currentView(), prefixes, System.out);
                        System.out.flush();
                    } else {
                        ImportCommand.writeAtomically(store.dataset().asDatasetGraph(), store.currentView(), prefixes,
                                f, out);
                    }
                } catch (IOException e) {
                    throw new UserError("cannot write " + out + ": " + e.getMessage());
                }
                return null;
            });
        }
        return 0;
    }
}
