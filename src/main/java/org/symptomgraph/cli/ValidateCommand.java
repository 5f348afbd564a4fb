package org.symptomgraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ValidationReport;
import org.symptomgraph.rdf.RdfFormat;
import org.symptomgraph.rdf.ShapesValidator;
import org.symptomgraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check data against the SHACL shapes (ontology/shapes.ttl).",
            "Validates FILE if given, else the database's current view (the newest version of every page). "
                    + "Exit status 0 only when the data conforms; 1 with a report otherwise."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "An RDF file (.ttl .trig .nt .nq .jsonld .rdf) to validate instead of the database.")
    Path file;

    @Mixin
    DatabaseOption db;

    @Override
    public Integer call() {
        Model data = file != null ? readFile(file) : readDatabase();
        ValidationReport report = new ShapesValidator().validate(data.getGraph());
        PrintWriter out = spec.commandLine().getOut();
        String what = file != null ? file.toString() : "database " + db.directory;
        if (report.conforms()) {
            out.printf("%s conforms: %d triples checked against the shapes%n", what, data.size());
            return 0;
        }
        List<String> lines = ShapesValidator.describe(report, data.getGraph());
        lines.forEach(out::println);
        out.printf("%s does not conform: %d violation(s)%n", what, lines.size());
        return 1;
    }

    private static Model readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no such file: " + file);
        }
        RdfFormat format = RdfFormat.forFile(file).orElseThrow(() -> new UserError(
                "cannot tell the RDF format of " + file + ": use one of the extensions " + RdfFormat.extensions()));
        try {
            Dataset ds = RDFDataMgr.loadDataset(file.toString(), format.lang());
            return ModelFactory.createDefaultModel().add(ds.getUnionModel()).add(ds.getDefaultModel());
        } catch (RiotException e) {
            throw new UserError(file + ": not valid RDF: " + e.getMessage());
        }
    }

    private Model readDatabase() {
        try (GraphStore store = db.openExisting()) {
            return store.read(() -> ModelFactory.createDefaultModel().add(
                    ModelFactory.createModelForGraph(store.currentView())));
        }
    }
}
