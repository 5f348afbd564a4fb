package org.symptomgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.links.LinkTable;
import org.symptomgraph.links.LinkTableException;
import org.symptomgraph.testing.Cli;
import org.symptomgraph.testing.Fixtures;

/**
 * Control characters never reach a label, whatever the source: a file name (the symptom of a page
 * without a title is named after its file), a link table, or data checked against the shapes. An
 * ESC in a file name used to become a label that broke RDF/XML and SPARQL's XML results.
 */
class ControlCharactersTest {

    private static final String ESC = "\u001B";

    @TempDir
    Path dir;

    @Test
    void aFileNameWithAControlCharacterIsABadDocument() throws Exception {
        // No title: the file name names the symptom (and is the document's source file).
        Path file = Files.writeString(dir.resolve("itchy" + ESC + "[31m-eyes.txt"),
                "Itchy eyes may be caused by:\n1. Allergies\n2. Dry eyes\n");
        Importer importer = Importer.create().iris(new Iris(Iris.DEFAULT_BASE)).build();
        DocumentException e = assertThrows(DocumentException.class, () -> importer.read(file));
        assertTrue(e.getMessage().startsWith(file + ": a control character (U+001B)"), e.getMessage());

        Path db = dir.resolve("db");
        Cli.Run run = Cli.run("import", file.toString(), Fixtures.PETECHIAE.toString(), "--db", db.toString());
        assertTrue(run.status() != 0, run.toString());
        assertTrue(run.toString().contains("U+001B"), run.toString());
        Cli.Run export = Cli.run("export", "--db", db.toString(), "--format", "rdfxml", "--out",
                dir.resolve("all.rdf").toString());
        assertEquals(0, export.status(), export.toString());
        String xml = Files.readString(dir.resolve("all.rdf"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("Petechiae") && !xml.contains(ESC), "the other page, as RDF/XML");
    }

    @Test
    void aGraphWithAControlCharacterInALiteralIsRefused() throws Exception {
        Model m = Fixtures.graph(Fixtures.PETECHIAE).model();
        m.add(m.createResource("https://w3id.org/symptomgraph/symptom/x"), RDFS.label, "bell\u0007", "en");
        ControlCharacters.Found e = assertThrows(ControlCharacters.Found.class, () -> new DocumentGraph("urn:x:g", m));
        assertTrue(e.getMessage().contains("U+0007"), e.getMessage());
        // Line breaks and tabs are text (evidence may hold them); C1 controls are not.
        assertEquals(-1, ControlCharacters.first("a\tb\nc\r"));
        assertEquals(0x85, ControlCharacters.first("next\u0085line"));
    }

    @Test
    void aLinkTableRowWithAControlCharacterIsNamedByLine() throws Exception {
        String header = String.join("\t", LinkTable.COLUMNS) + "\n";
        String good = "cause/leukemia\tLeukemia\tDOID\t1240\texact\trepo\tfile\tcommit\tnote\n";
        String bad = good.replace("Leukemia", "Leuk" + ESC + "emia");
        LinkTableException e = assertThrows(LinkTableException.class,
                () -> LinkTable.parse(header + bad, "links.tsv"));
        assertTrue(e.getMessage().contains("links.tsv:2: a control character (U+001B)"), e.getMessage());
    }

    @Test
    void theShapesRefuseAControlCharacterInAName() throws Exception {
        Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        m.add(Fixtures.graph(Fixtures.PETECHIAE).model());
        ShapesValidator validator = new ShapesValidator();
        assertTrue(validator.validate(m.getGraph()).conforms());
        m.add(m.createResource("https://w3id.org/symptomgraph/cause/leukemia"), RDFS.label, "Leuk" + ESC + "emia", "de");
        ValidationReport report = validator.validate(m.getGraph());
        assertFalse(report.conforms());
        assertTrue(ShapesValidator.describe(report, m.getGraph()).toString().contains("control character"),
                ShapesValidator.describe(report, m.getGraph()).toString());
    }
}
