package org.symptomgraph.rdf;

import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.RDFS;

/** Checks data against the SHACL shapes in {@code ontology/shapes.ttl}, shipped inside the jar. */
public final class ShapesValidator {

    private static final String SHAPES = "/ontology/shapes.ttl";

    /** Short names for report lines: sg:categoryOf, not the whole IRI. */
    private static final Prologue PREFIXES = new Prologue(PrefixMapping.Factory.create()
            .setNsPrefixes(PrefixMapping.Standard)
            .setNsPrefix("sg", Vocab.SG).setNsPrefix("schema", Vocab.SCHEMA).setNsPrefix("prov", Vocab.PROV)
            .setNsPrefix("skos", SKOS.uri).setNsPrefix("dct", DCTerms.NS).lock());

    private final Shapes shapes;

    public ShapesValidator() {
        this(loadShapes());
    }

    public ShapesValidator(Graph shapesGraph) {
        this.shapes = Shapes.parse(shapesGraph);
    }

    public ValidationReport validate(Graph data) {
        return ShaclValidator.get().validate(shapes, data);
    }

    /** One line a violation: the focus node (and its label), the property, the message, the value. */
    public static List<String> describe(ValidationReport report, Graph data) {
        List<String> lines = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            StringBuilder line = new StringBuilder();
            line.append(e.severity().level().getLocalName()).append(": <").append(e.focusNode().toString()).append('>');
            labelOf(data, e.focusNode()).ifPresent(l -> line.append(" (").append(l).append(')'));
            Path path = e.resultPath();
            if (path != null) {
                line.append(" ").append(PathWriter.asString(path, PREFIXES));
            }
            line.append(": ").append(e.message());
            if (e.value() != null) {
                line.append(" [value: ").append(e.value()).append(']');
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static Optional<String> labelOf(Graph data, Node node) {
        return data.find(node, RDFS.label.asNode(), Node.ANY).toList().stream()
                .map(t -> t.getObject().getLiteralLexicalForm()).findFirst();
    }

    private static Graph loadShapes() {
        try (InputStream in = ShapesValidator.class.getResourceAsStream(SHAPES)) {
            if (in == null) {
                throw new IOException(SHAPES + " is missing from the build");
            }
            Model m = ModelFactory.createDefaultModel();
            RDFDataMgr.read(m, in, Lang.TURTLE);
            return m.getGraph();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
