package org.symptomgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.symptomgraph.importer.DocumentException;
import org.symptomgraph.model.SymptomDocument;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.RdfFormat;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.store.DocumentLoader;
import org.symptomgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Read symptom-causes documents and turn them into RDF.",
            "Each document becomes one named graph, replaced whole in one transaction; a document "
                    + "that cannot be read is reported (file and line) and leaves the database as it was.",
            "Without --out the graphs go into the database (--db); with --out they go to the file, "
                    + "and into the database too if --db is given."},
        footer = {"", "Examples:",
            "  symptomgraph import data/documents",
            "  symptomgraph import data/documents/petechiae.txt --out petechiae.ttl"})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*",
            description = "Documents (.txt) or folders to search for them.")
    List<Path> inputs;

    @Option(names = "--db", paramLabel = "DIR",
            description = "TDB2 database to import into (default: " + DatabaseOption.DEFAULT + " when no --out is given).")
    Path database;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the graphs to FILE; the format follows the extension: .ttl .trig .nt .nq .jsonld .rdf "
                    + "(Turtle, N-Triples and RDF/XML hold the union of the graphs).")
    Path out;

    @Mixin
    BaseOption base;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        RdfFormat format = out == null ? null : RdfFormat.forFile(out).orElseThrow(() -> new UserError(
                "cannot tell the RDF format of " + out + ": use one of the extensions " + RdfFormat.extensions()));
        Path db = database == null && out == null ? Path.of(DatabaseOption.DEFAULT) : database;

        List<Path> files = DocumentLoader.documentFiles(inputs);
        if (files.isEmpty()) {
            throw new UserError("no documents found in " + inputs);
        }
        DocumentLoader loader = new DocumentLoader(new DocumentMapper(base.iris()));
        Dataset collected = DatasetFactory.create();
        int failed = 0;
        int imported = 0;
        try (GraphStore store = db == null ? null : GraphStore.open(db)) {
            for (Path file : files) {
                DocumentLoader.Loaded loaded;
                try {
                    loaded = loader.load(file);
                } catch (DocumentException e) {
                    stderr.println("error: " + e.getMessage());
                    failed++;
                    continue;
                }
                loaded.result().warnings().forEach(w -> stderr.println("warning: " + w));
                String outcome = "";
                if (store != null) {
                    outcome = " (" + store.replace(loaded.graph(), Instant.now()).name().toLowerCase() + ")";
                }
                if (format != null) {
                    collected.addNamedModel(loaded.graph().name(), loaded.graph().model());
                }
                imported++;
                stdout.println(file + ": " + summary(loaded.result().document()) + " -> <" + loaded.graph().name()
                        + ">" + outcome);
            }
        }
        if (format != null && imported > 0) {
            writeAtomically(collected.asDatasetGraph(), collected.asDatasetGraph().getUnionGraph(),
                    Vocab.prefixes(base.iris().base()), format, out);
            stdout.println("wrote " + out);
        }
        if (files.size() > 1) {
            stdout.printf("%d document(s) imported, %d failed%n", imported, failed);
        }
        return failed == 0 ? 0 : 1;
    }

    private static String summary(SymptomDocument doc) {
        return String.format("%s: %d causes, %d categories", doc.symptom(), doc.allCauses().size(),
                doc.allCategories().size());
    }

    /** Writes beside the target and moves into place, so a failed write never leaves half a file. */
    static void writeAtomically(DatasetGraph namedGraphs, Graph triples, PrefixMapping prefixes, RdfFormat format,
            Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".symptomgraph-", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(temp)) {
                format.write(namedGraphs, triples, prefixes, os);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
