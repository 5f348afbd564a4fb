package org.symptomgraph.importer;

import java.nio.file.Path;
import org.symptomgraph.importer.page.Diagnostic;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.store.GraphStore;

/**
 * What an import tells as it goes: a console shows progress and warnings, a server logs them, a
 * test collects them. Every method does nothing unless overridden; calls come from the importing
 * thread, in document order.
 */
public interface ImportListener {

    /** The import found this many documents to read. */
    default void started(int documents) {
    }

    /** A document was read (and, when the import stores, stored: its outcome says how). */
    default void imported(ImportedDocument document) {
    }

    /** Something in a document the importer noticed but left out. */
    default void warning(Diagnostic warning) {
    }

    /** A document that cannot be imported: the database is as it was without it. */
    default void failed(DocumentException problem) {
    }

    /** A link table was read into its graph (and stored, when the outcome is given). */
    default void links(Path table, DocumentGraph links, GraphStore.Outcome outcome) {
    }

    /** A problem of a link table, with its file and line. */
    default void linkProblem(String problem) {
    }

    /** A long step without documents to count ("building the indexes"). */
    default void status(String step) {
    }

    /** A listener that tells nobody. */
    static ImportListener silent() {
        return new ImportListener() {
        };
    }
}
