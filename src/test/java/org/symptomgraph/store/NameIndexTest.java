package org.symptomgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symptomgraph.importer.Importer;
import org.symptomgraph.queries.QueryCatalog;
import org.symptomgraph.queries.QueryRunner;

/** label-search through the full-text index: words and their starts, in step with every import. */
class NameIndexTest {

    private static final Path PETECHIAE = Path.of("data/documents/petechiae.txt");
    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    @TempDir
    Path dir;

    @Test
    void findsNamesByWordsAndTheirStarts() throws Exception {
        try (GraphStore store = GraphStore.inMemory()) {
            Importer.create().store(store).build().importFiles(List.of(PETECHIAE));
            assertEquals(List.of("Cytomegalovirus infection: CMV, CMV infection"), search(store, "cmv"));
            assertEquals(List.of("Immune thrombocytopenia: Immune thrombocytopenia", "Thrombocytopenia: Thrombocytopenia"),
                    search(store, "THROMB"));
            assertEquals(List.of("Immune thrombocytopenia: Immune thrombocytopenia"), search(store, "immune  thromb"));
            // Every word must start a word of the same name; punctuation only separates words.
            assertEquals(List.of(), search(store, "thromb cmv"));
            assertEquals(List.of("Cytomegalovirus infection: Cytomegalovirus infection"),
                    search(store, "(cytomegalovirus),"));
            // Within a word is no start of one; no words, no search; Lucene syntax is plain text.
            assertEquals(List.of(), search(store, "megalovirus"));
            assertEquals(List.of(), search(store, " - "));
            assertEquals(List.of(), search(store, "*:* OR cmv~"), "the words *, or and cmv");
        }
    }

    @Test
    void theIndexFollowsEachImportAndSurvivesReopening() throws Exception {
        Path db = dir.resolve("db");
        Path first = write("v1/wheezing.txt", "Quuxitis", "January 5, 2022");
        // A first import, by the bulk loader: the index is built when the database is opened.
        Importer.create().database(db).build().importFiles(List.of(PETECHIAE, first));
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(List.of("Quuxitis: Quuxitis"), search(store, "quux"));
        }
        // A newer version without the cause, through the store: gone from the index.
        Path newer = write("v2/wheezing.txt", "Zorbosis", "March 9, 2024");
        Importer.create().database(db).build().importFiles(List.of(newer));
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(List.of(), search(store, "quux"));
            assertEquals(List.of("Zorbosis: Zorbosis"), search(store, "zorb"));
            // And through an open store, as the admin route imports.
            Importer.create().store(store).build().importDocument("wheezing.txt",
                    page("Quuxitis", "June 1, 2025").getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of("Quuxitis: Quuxitis"), search(store, "quux"));
            assertEquals(List.of(), search(store, "zorb"));
        }
        // An index left unfinished is built again from the data.
        NameIndex.invalidate(db);
        try (GraphStore store = GraphStore.open(db)) {
            assertEquals(List.of("Quuxitis: Quuxitis"), search(store, "quux"));
            assertEquals(List.of("Cytomegalovirus infection: CMV, CMV infection"), search(store, "cmv"));
        }
    }

    /** Closing the store closes the reader searches share: no file of the index is left open. */
    @Test
    void closingTheStoreReleasesTheIndex() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(OPEN_FILES), "lists the open files through " + OPEN_FILES);
        Path db = dir.resolve("db");
        Path index;
        try (GraphStore store = GraphStore.open(db)) {
            index = db.resolve(NameIndex.FOLDER).toRealPath();
            Importer.create().store(store).build().importFiles(List.of(PETECHIAE));
            assertEquals(List.of("Cytomegalovirus infection: CMV, CMV infection"), search(store, "cmv"));
            assertTrue(openFilesUnder(index).stream().anyMatch(f -> !f.endsWith("write.lock")),
                    "the reader searches share holds the index's files open");
        }
        assertEquals(List.of(), openFilesUnder(index));
    }

    /** The files this process holds open under {@code folder}, as Linux lists them. */
    private static List<Path> openFilesUnder(Path folder) throws Exception {
        List<Path> open = new ArrayList<>();
        try (var descriptors = Files.list(OPEN_FILES)) {
            for (Path fd : descriptors.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(folder)) {
                        open.add(target);
                    }
                } catch (IOException closedMeanwhile) {
                    // The listing's own descriptor, or one closed since.
                }
            }
        }
        return open;
    }

    private Path write(String name, String cause, String date) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, page(cause, date), StandardCharsets.UTF_8);
        return file;
    }

    private static String page(String cause, String date) {
        return "Wheezing may be caused by:\n\n1. Asthma\n2. " + cause + "\n\n" + date + "\n";
    }

    /** label-search's answer, one "label: matched names" a row. */
    private static List<String> search(GraphStore store, String text) {
        return store.read(() -> {
            ResultSet rows = QueryRunner.select(store.dataset(),
                    QueryCatalog.load().get("label-search").orElseThrow().bind(Map.of("text", text)));
            List<String> found = new ArrayList<>();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                found.add(row.getLiteral("label").getLexicalForm() + ": " + row.getLiteral("matched").getLexicalForm());
            }
            return found;
        });
    }
}
