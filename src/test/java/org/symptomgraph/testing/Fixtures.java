package org.symptomgraph.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.importer.ImportedDocument;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.importer.page.DocumentFormats;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.DocumentMapper;
import org.symptomgraph.rdf.Iris;
import org.symptomgraph.rdf.Vocab;

import java.util.ArrayList;
import java.util.List;

/** The documents tests read, and small helpers to parse and query them. */
public final class Fixtures {

    public static final Path PETECHIAE = Path.of("data/documents/petechiae.txt");
    public static final Path TEST_DOCUMENTS = Path.of("src/test/resources/documents");

    public static final String PREFIXES = Vocab.SPARQL_PREFIXES;


    private Fixtures() {
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture pages (their outlines beside them are not pages). */
    public static List<Path> pages() {
        try {
            return DocumentFormats.documentsIn(List.of(TEST_DOCUMENTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path testDocument(String name) {
        return TEST_DOCUMENTS.resolve(name);
    }

    /** A document file read (not stored), named by its file name. */
    public static ImportedDocument parse(Path file) throws DocumentException {
        return read(file.getFileName().toString(), bytes(file));
    }

    /** A document given as text read (not stored). */
    public static ImportedDocument read(String name, String text) throws DocumentException {
        return read(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static ImportedDocument read(String name, byte[] bytes) throws DocumentException {
        return Importer.create().build().read(name, bytes);
    }

    public static DocumentGraph graph(Path file) throws DocumentException {
        return parse(file).graph();
    }

    public static Dataset dataset(DocumentGraph graph) {
        Dataset ds = DatasetFactory.create();
        ds.addNamedModel(graph.name(), graph.model());
        ds.getDefaultModel().setNsPrefixes(graph.model().getNsPrefixMap());
        return ds;
    }

    /** The values of one variable of a SELECT over a model, as strings, in result order. */
    public static List<String> select(Model model, String query, String variable) {
        List<String> values = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.model(model).query(PREFIXES + query).build()) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> values.add(
                    s.get(variable).isLiteral() ? s.getLiteral(variable).getLexicalForm() : s.get(variable).toString()));
        }
        return values;
    }

    public static boolean ask(Model model, String query) {
        try (QueryExecution qe = QueryExecution.model(model).query(PREFIXES + query).build()) {
            return qe.execAsk();
        }
    }
}
