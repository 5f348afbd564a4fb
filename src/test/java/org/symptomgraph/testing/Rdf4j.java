package org.symptomgraph.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/** RDF4J Rio as a second, independent parser: read a file, and hand its statements to Jena for comparison. */
public final class Rdf4j {

    private Rdf4j() {
    }

    /** Parses a file with RDF4J Rio (format by extension) into a Jena dataset, graphs kept. */
    public static DatasetGraph read(Path file) {
        RDFFormat format = Rio.getParserFormatForFileName(file.getFileName().toString())
                .orElseThrow(() -> new IllegalArgumentException("RDF4J has no parser for " + file));
        try (InputStream in = Files.newInputStream(file)) {
            return toJena(Rio.parse(in, "", format));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DatasetGraph toJena(Model model) {
        DatasetGraph dsg = DatasetGraphFactory.createGeneral();
        for (Statement st : model) {
            Node g = st.getContext() == null ? Quad.defaultGraphIRI : node(st.getContext());
            dsg.add(g, node(st.getSubject()), node(st.getPredicate()), node(st.getObject()));
        }
        return dsg;
    }

    private static Node node(Value v) {
        if (v instanceof IRI iri) {
            return NodeFactory.createURI(iri.stringValue());
        }
        if (v instanceof BNode b) {
            return NodeFactory.createBlankNode(b.getID());
        }
        if (v instanceof Literal l) {
            return l.getLanguage().isPresent()
                    ? NodeFactory.createLiteralLang(l.getLabel(), l.getLanguage().get())
                    : NodeFactory.createLiteralDT(l.getLabel(),
                            TypeMapper.getInstance().getSafeTypeByName(l.getDatatype().stringValue()));
        }
        throw new IllegalArgumentException(v + " is a " + v.getClass());
    }
}
