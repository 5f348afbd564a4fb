package org.symptomgraph.importer.reading;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.symptomgraph.importer.page.Diagnostic;
import org.symptomgraph.importer.page.DocumentException;
import org.symptomgraph.importer.page.Page;
import org.symptomgraph.model.SymptomDocument;

/**
 * Reads a symptom-causes page, given as its blocks ({@link Page}), into what it says: the symptom,
 * its categories of causes, the causes, the page's date. Reading is a chain of passes, each a small
 * class: {@link FurniturePass} (what is not content), {@link TitlePass} (the symptom),
 * {@link ImplicitListPass} (lists the page does not mark as lists), {@link StructurePass} (the
 * categories and where their causes come from) and {@link CausePass}
 * (the causes' names). What it cannot place with confidence it reports as a {@link Diagnostic} and
 * leaves out.
 */
public final class DocumentReader {

    /** The document read, and what was noticed but left out (in line order). */
    public record Result(SymptomDocument document, List<Diagnostic> warnings) {
    }

    private static final List<ReadingPass> PASSES = List.of(new FurniturePass(), new TitlePass(), new ImplicitListPass(),
            new StructurePass(), new CausePass());

    /**
     * Reads one page.
     *
     * @param page    the page's blocks
     * @param sha256  the hex SHA-256 of the page's bytes (its identity in the graph)
     * @throws DocumentException when the page names no causes at all: it is not a page of this kind
     */
    public Result read(Page page, String sha256) throws DocumentException {
        Reading r = new Reading(page);
        if (page.blocks().isEmpty()) {
            throw new DocumentException(page.name(), 0, "no content: not a symptom-causes document");
        }
        for (ReadingPass pass : PASSES) {
            pass.apply(r);
            if (r.content.isEmpty()) {
                throw new DocumentException(page.name(), 0, "no content: not a symptom-causes document");
            }
        }
        String file = page.name().replaceAll("^.*[/\\\\]", "");
        String id = file.replaceAll("\\.[^.]*$", "");
        SymptomDocument doc = new SymptomDocument(id, file, sha256, r.symptom.name(), r.symptom.aliases(),
                r.mechanism.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", r.mechanism)),
                r.roots.stream().map(Draft::build).toList(), r.uncategorised.causes, Optional.ofNullable(r.date),
                Optional.ofNullable(r.disclaimer), page.address());
        if (doc.allCauses().isEmpty()) {
            throw new DocumentException(page.name(), 0,
                    "no causes found: not a symptom-causes document (expected lists or sentences naming causes)");
        }
        List<Diagnostic> warnings = r.warnings.stream().sorted(Comparator.comparingInt(Diagnostic::line)).toList();
        return new Result(doc, warnings);
    }
}
