package org.symptomgraph.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Statement;
import org.junit.jupiter.api.Test;
import org.symptomgraph.rdf.Vocab;

/**
 * A page of one enormous line ("X may be caused by a, b, c, …" at a megabyte) cannot make the graph
 * enormous: each cause's evidence is its item or sentence cut to 1,000 characters, and a sentence
 * longer than any real one is not read for causes at all.
 */
class LongLineTest {

    @Test
    void evidenceIsCappedAndTheGraphStaysSmall() throws Exception {
        StringBuilder line = new StringBuilder("Itching may be caused by:\n\n- ");
        for (int i = 0; line.length() < 1_000_000; i++) {
            line.append("cause number ").append(i).append(", ");
        }
        line.append("and the rest\n- Dry skin\n\nItching may also follow ");
        for (int i = 0; line.length() < 2_000_000; i++) {
            line.append("thing ").append(i).append(", ");
        }
        line.append("or nothing.\n");
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        Model m = Importer.create().build().read("itching.txt", bytes).graph().model();
        long literalBytes = 0;
        for (Statement s : m.listStatements(null, null, (RDFNode) null).toList()) {
            if (s.getObject().isLiteral()) {
                literalBytes += s.getObject().asLiteral().getLexicalForm().length();
            }
        }
        assertTrue(literalBytes < 50_000, "literals of " + literalBytes + " characters from a 2 MB page");
        for (Statement s : m.listStatements(null, Vocab.evidenceText, (RDFNode) null).toList()) {
            assertTrue(s.getString().length() <= 1000, s.getString().length() + " characters of evidence");
        }
    }
}
