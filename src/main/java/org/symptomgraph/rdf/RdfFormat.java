package org.symptomgraph.rdf;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.Iterator;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphWrapper;

/**
 * The RDF formats symptomgraph writes, by file extension or name. Quad formats keep each
 * document's named graph; triple formats write the union of all graphs.
 */
public enum RdfFormat {
    TURTLE("ttl", "turtle", Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
    TRIG("trig", "trig", Lang.TRIG, RDFFormat.TRIG_PRETTY),
    NTRIPLES("nt", "ntriples", Lang.NTRIPLES, RDFFormat.NTRIPLES),
    NQUADS("nq", "nquads", Lang.NQUADS, RDFFormat.NQUADS),
    JSONLD("jsonld", "jsonld", Lang.JSONLD, RDFFormat.JSONLD),
    RDFXML("rdf", "rdfxml", Lang.RDFXML, RDFFormat.RDFXML_PRETTY);

    private final String extension;
    private final String formatName;
    private final Lang lang;
    private final RDFFormat writerFormat;

    RdfFormat(String extension, String formatName, Lang lang, RDFFormat writerFormat) {
        this.extension = extension;
        this.formatName = formatName;
        this.lang = lang;
        this.writerFormat = writerFormat;
    }

    public String extension() {
        return extension;
    }

    public Lang lang() {
        return lang;
    }

    /** Whether the format carries named graphs (TriG, N-Quads, JSON-LD). */
    public boolean keepsGraphs() {
        return RDFLanguages.isQuads(lang);
    }

    public static Optional<RdfFormat> forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> name.endsWith("." + f.extension)).findFirst();
    }

    /** By name ("turtle", "nquads", …) or extension ("ttl", "nq", …). */
    public static Optional<RdfFormat> forName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.formatName.equals(n) || f.extension.equals(n)).findFirst();
    }

    /** For messages: "ttl, trig, nt, nq, jsonld, rdf". */
    public static String extensions() {
        return Arrays.stream(values()).map(RdfFormat::extension).collect(Collectors.joining(", "));
    }

    /** For messages: "turtle, trig, …". */
    public static String names() {
        return Arrays.stream(values()).map(f -> f.formatName).collect(Collectors.joining(", "));
    }

    /**
     * Writes RDF with the given prefixes: a quad format gets the named graphs (every document
     * version), a triple format gets {@code triples}. Nothing is written to the sources, so a TDB2
     * dataset in a read transaction stays untouched.
     */
    public void write(DatasetGraph namedGraphs, Graph triples, PrefixMapping prefixes, OutputStream out) {
        if (keepsGraphs()) {
            PrefixMap map = PrefixMapFactory.create(prefixes);
            RDFWriter.source(new NamedGraphsOnly(namedGraphs, map)).format(writerFormat).output(out);
        } else {
            RDFWriter.source(new GraphWrapper(triples) {
                @Override
                public PrefixMapping getPrefixMapping() {
                    return prefixes;
                }
            }).format(writerFormat).output(out);
        }
    }

    /** A dataset seen without its default graph, with other prefixes. */
    private static final class NamedGraphsOnly extends DatasetGraphWrapper {
        private final PrefixMap prefixes;

        NamedGraphsOnly(DatasetGraph dsg, PrefixMap prefixes) {
            super(dsg);
            this.prefixes = prefixes;
        }

        @Override
        public PrefixMap prefixes() {
            return prefixes;
        }

        @Override
        public Graph getDefaultGraph() {
            return Graph.emptyGraph;
        }

        @Override
        public Iterator<Quad> find() {
            return findNG(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
        }

        @Override
        public Iterator<Quad> find(Quad quad) {
            return find(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
        }

        @Override
        public Iterator<Quad> find(Node g, Node s, Node p, Node o) {
            return Iter.filter(super.find(g, s, p, o), q -> !q.isDefaultGraph());
        }
    }
}
