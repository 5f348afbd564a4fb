package org.symptomgraph.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The table's format: good rows are read, and each kind of bad row is reported by file and line. */
class LinkTableTest {

    private static final String HEADER = String.join("\t", LinkTable.COLUMNS) + "\n";
    private static final String COMMIT = "9fbefd6651b79526165453395d06c8fd4bfe4247";
    private static final String GOOD = row("cause/rubella", "Rubella", "DOID", "DOID:8781", "exact", "DOID 'rubella'.");

    @TempDir
    Path dir;

    private static String row(String path, String label, String vocabulary, String id, String match, String note) {
        return String.join("\t", path, label, vocabulary, id, match, "DiseaseOntology/HumanDiseaseOntology",
                "DOreports/HumanDO.tsv", COMMIT, note) + "\n";
    }

    private Path write(String content) throws Exception {
        Path file = dir.resolve("links.tsv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsRowsWithCommentsBlankLinesAndWindowsLineEnds() throws Exception {
        String content = "# curated links\n" + HEADER + "\n" + GOOD + "# a comment\n"
                + row("symptom/petechiae", "Petechiae", "HPO", "HP:0000967", "exact", "")
                + row("document/petechiae/2023-05-26/category/infectious-diseases", "Infectious diseases", "MONDO",
                        "MONDO:0005550", "close", "a category");
        LinkTable table = LinkTable.read(write(content.replace("\n", "\r\n")));
        assertEquals(3, table.links().size());
        LinkTable.Link first = table.links().get(0);
        assertEquals("cause/rubella", first.entityPath());
        assertEquals(LinkTable.Match.EXACT, first.match());
        assertEquals("http://purl.obolibrary.org/obo/DOID_8781", first.targetIri());
        assertEquals("8781", first.localId());
        assertEquals("https://github.com/DiseaseOntology/HumanDiseaseOntology/blob/" + COMMIT + "/DOreports/HumanDO.tsv",
                first.sourceUrl());
        assertTrue(first.where().endsWith("links.tsv:4"), first.where());
        assertTrue(table.links().get(1).where().endsWith("links.tsv:6"), table.links().get(1).where());
        assertEquals("", table.links().get(1).note());
    }

    /** Each bad row, as the third line of the file, and a part of the message naming the problem. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown vocabulary|cause/rubella|Rubella|GARD|GARD:4742|exact||unknown vocabulary 'GARD'",
        "historical DOID|cause/meningococcemia|Meningococcemia|DOID (historical)|DOID:10717|exact||2016",
        "malformed id|cause/rubella|Rubella|DOID|DOID_8781|exact||malformed DOID id 'DOID_8781'",
        "version-prefixed id of another vocabulary|cause/rubella|Rubella|MeSH|SCTID:36653000|exact||malformed MeSH id",
        "unknown match kind|cause/rubella|Rubella|DOID|DOID:8781|related|x|unknown match 'related'",
        "match in capitals|cause/rubella|Rubella|DOID|DOID:8781|Exact||unknown match 'Exact'",
        "close without a note|cause/rubella|Rubella|DOID|DOID:8781|close||needs a note",
        "full IRI|https://w3id.org/symptomgraph/cause/rubella|Rubella|DOID|DOID:8781|exact||not a full IRI",
        "unknown kind|disease/rubella|Rubella|DOID|DOID:8781|exact||bad entity_path 'disease/rubella'",
        "label, not slug|cause/Rubella|Rubella|DOID|DOID:8781|exact||segment 'Rubella' is not a slug",
        "leading slash|/cause/rubella|Rubella|DOID|DOID:8781|exact||bad entity_path",
        "category without version|document/petechiae/category/infectious-diseases|Infectious diseases|MONDO|MONDO:0005550"
                + "|close|x|bad entity_path",
        "empty label|cause/rubella||DOID|DOID:8781|exact||entity_label is empty"})
    void badRowsAreReportedByFileAndLine(String what, String path, String label, String vocabulary, String id,
            String match, String note, String message) throws Exception {
        Path file = write(HEADER + GOOD + row(path, label == null ? "" : label, vocabulary, id, match,
                note == null ? "" : note));
        LinkTableException e = assertThrows(LinkTableException.class, () -> LinkTable.read(file));
        assertEquals(1, e.problems().size(), e.problems().toString());
        String problem = e.problems().get(0);
        assertTrue(problem.startsWith(file + ":3: "), what + ": " + problem);
        assertTrue(problem.contains(message), what + ": " + problem);
    }

    @Test
    void badSourcesAreReported() throws Exception {
        String bad = String.join("\t", "cause/rubella", "Rubella", "DOID", "DOID:8781", "exact",
                "https://github.com/DiseaseOntology/HumanDiseaseOntology", "/DOreports/HumanDO.tsv", "9fbefd6", "") + "\n";
        Path file = write(HEADER + bad);
        List<String> problems = assertThrows(LinkTableException.class, () -> LinkTable.read(file)).problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.startsWith(file + ":2: bad source_")), problems.toString());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Path file = write(HEADER + row("cause/rubella", "Rubella", "GARD", "GARD:4742", "exact", "") + GOOD
                + row("cause/rubella", "Rubella", "DOID", "DOID:8781", "maybe", "x"));
        LinkTableException e = assertThrows(LinkTableException.class, () -> LinkTable.read(file));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith(file + ":2: "), e.problems().toString());
        assertTrue(e.problems().get(1).startsWith(file + ":4: "), e.problems().toString());
        assertTrue(e.getMessage().contains(file + ":2: ") && e.getMessage().contains(file + ":4: "), e.getMessage());
    }

    @Test
    void theSameLinkTwiceIsReportedWithTheFirstLine() throws Exception {
        // NCI: (DOID's form) and NCIT: (MONDO's form) are the same code, so the same link.
        Path file = write(HEADER + row("cause/leukemia", "Leukemia", "NCIT", "NCIT:C3161", "exact", "") + GOOD
                + row("cause/leukemia", "Leukemia", "NCIT", "NCI:C3161", "exact", ""));
        List<String> problems = assertThrows(LinkTableException.class, () -> LinkTable.read(file)).problems();
        assertEquals(List.of(file + ":4: cause/leukemia is mapped to NCI:C3161 (http://purl.obolibrary.org/obo/NCIT_C3161)"
                + " already on line 2"), problems);
    }

    @Test
    void wrongColumnCountOrHeaderIsReported() throws Exception {
        Path file = write(HEADER + "cause/rubella\tRubella\tDOID\tDOID:8781\texact\n");
        List<String> problems = assertThrows(LinkTableException.class, () -> LinkTable.read(file)).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(file + ":2: 5 fields, expected 9"), problems.toString());

        Path renamed = write("# links\n" + HEADER.replace("entity_path", "entity") + GOOD);
        problems = assertThrows(LinkTableException.class, () -> LinkTable.read(renamed)).problems();
        assertTrue(problems.get(0).startsWith(renamed + ":2: the header must be"), problems.toString());

        Path empty = write("# nothing yet\n");
        problems = assertThrows(LinkTableException.class, () -> LinkTable.read(empty)).problems();
        assertTrue(problems.get(0).startsWith(empty + ":1: empty"), problems.toString());
    }
}
