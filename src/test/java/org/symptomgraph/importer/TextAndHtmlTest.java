package org.symptomgraph.importer;

import org.symptomgraph.importer.page.Diagnostic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.rdf.Vocab;
import org.symptomgraph.testing.Fixtures;

/**
 * A saved web page and the text of the same page give the same graph.
 *
 * <p>"The same" means isomorphic once three kinds of triple are set aside, which must differ because
 * they describe the file rather than the page: the source document's {@code sg:sourceFile} (the file
 * name) and {@code sg:contentSha256} (the bytes), and each assertion's {@code sg:evidenceLine} (a line
 * of that file: the HTML page has its content on other lines than the text). Everything else — the
 * graph's name, the symptom, the categories and their tree, every cause, other name, brand, and
 * every assertion with its evidence text — is the same. The evidence lines are checked on their own:
 * each points at the line of its own file where the evidence starts.
 */
class TextAndHtmlTest {

    /** The triples about the file, not the page. */
    private static final Set<Property> ABOUT_THE_FILE = Set.of(Vocab.sourceFile, Vocab.contentSha256,
            Vocab.evidenceLine);

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
        "data/documents/petechiae.txt, src/test/resources/documents/petechiae.html",
        "src/test/resources/documents/fatigue.txt, src/test/resources/documents/fatigue.html",
        "src/test/resources/documents/easy-bruising.txt, src/test/resources/documents/easy-bruising.html"})
    void theSameGraphExceptWhatDescribesTheFile(String text, String html) throws Exception {
        ImportedDocument fromText = Fixtures.parse(Path.of(text));
        ImportedDocument fromHtml = Fixtures.parse(Path.of(html));
        DocumentGraph a = fromText.graph();
        DocumentGraph b = fromHtml.graph();

        assertEquals(a.name(), b.name(), "the same named graph: the same page and version");
        Model pageA = withoutFileTriples(a.model());
        Model pageB = withoutFileTriples(b.model());
        assertTrue(pageA.isIsomorphicWith(pageB), () -> "only in the text: " + difference(pageA, pageB)
                + "\nonly in the HTML: " + difference(pageB, pageA));

        // What was set aside differs only as it must.
        assertEquals(List.of(Path.of(text).getFileName().toString()), objects(a.model(), Vocab.sourceFile));
        assertEquals(List.of(Path.of(html).getFileName().toString()), objects(b.model(), Vocab.sourceFile));
        assertEquals(count(a.model(), Vocab.evidenceLine), count(b.model(), Vocab.evidenceLine));
        assertTrue(count(a.model(), Vocab.evidenceLine) > 0);

        // The same warnings, each at its own file's line.
        assertEquals(fromText.warnings().stream().map(Diagnostic::message).toList(),
                fromHtml.warnings().stream().map(Diagnostic::message).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"data/documents/petechiae.txt", "src/test/resources/documents/petechiae.html",
        "src/test/resources/documents/fatigue.txt", "src/test/resources/documents/fatigue.html",
        "src/test/resources/documents/easy-bruising.txt", "src/test/resources/documents/easy-bruising.html"})
    void eachEvidenceLinePointsAtItsOwnFile(String file) throws Exception {
        List<String> lines = List.of(new String(Fixtures.bytes(Path.of(file)), StandardCharsets.UTF_8)
                .split("\r?\n", -1));
        Model m = Fixtures.parse(Path.of(file)).graph().model();
        List<Statement> evidence = m.listStatements(null, Vocab.evidenceText, (org.apache.jena.rdf.model.RDFNode) null).toList();
        assertTrue(evidence.size() > 5);
        for (Statement s : evidence) {
            int line = s.getSubject().getRequiredProperty(Vocab.evidenceLine).getInt();
            String firstWord = s.getString().split("[\\s(]+")[0];
            assertTrue(lines.get(line - 1).contains(firstWord),
                    file + ":" + line + " should hold the start of «" + s.getString() + "»: " + lines.get(line - 1));
        }
    }

    private static Model withoutFileTriples(Model m) {
        Model out = ModelFactory.createDefaultModel();
        m.listStatements().filterDrop(s -> ABOUT_THE_FILE.contains(s.getPredicate())).forEachRemaining(out::add);
        return out;
    }

    private static List<String> difference(Model a, Model b) {
        return a.difference(b).listStatements().mapWith(Statement::toString).toList().stream().limit(10).toList();
    }

    private static List<String> objects(Model m, Property p) {
        return m.listObjectsOfProperty(p).mapWith(o -> o.asLiteral().getString()).toList();
    }

    private static int count(Model m, Property p) {
        return m.listStatements(null, p, (org.apache.jena.rdf.model.RDFNode) null).toList().size();
    }
}
