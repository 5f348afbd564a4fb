package org.symptomgraph.importer;

import java.util.List;
import java.util.Optional;
import org.symptomgraph.importer.page.Diagnostic;
import org.symptomgraph.model.SymptomDocument;
import org.symptomgraph.rdf.DocumentGraph;
import org.symptomgraph.store.GraphStore;

/**
 * One document the importer read: what it says, its graph, what was noticed but left out, and what
 * storing it did (nothing, when it was only read).
 *
 * @param name     the document's name as given (a file path, an uploaded file's name)
 * @param document what the document says
 * @param graph    its named graph
 * @param warnings what the importer noticed but left out, in line order
 * @param outcome  what storing it did to the database, if it was stored
 */
public record ImportedDocument(String name, SymptomDocument document, DocumentGraph graph, List<Diagnostic> warnings,
        Optional<GraphStore.Outcome> outcome) {

    public ImportedDocument {
        warnings = List.copyOf(warnings);
    }

    ImportedDocument stored(GraphStore.Outcome how) {
        return new ImportedDocument(name, document, graph, warnings, Optional.of(how));
    }

    /** "Petechiae: 22 causes, 5 categories". */
    public String summary() {
        return String.format("%s: %d causes, %d categories", document.symptom(), document.allCauses().size(),
                document.allCategories().size());
    }
}
